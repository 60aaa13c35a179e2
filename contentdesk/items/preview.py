"""The live preview of an item: its length against the channel's limit, and a card that looks
roughly like the network's own post, folded where the network shows "…see more"."""

from dataclasses import dataclass

from contentdesk.models import ChannelKind, ContentChannel
from engagements.markdown import render_markdown

# Where the networks fold a post in the feed (characters, measured on their web apps in 2026).
# X shows a whole post up to its limit; articles and newsletters are read in full.
FOLD_AT: dict[str, int] = {
    ChannelKind.LINKEDIN: 210,
    ChannelKind.FACEBOOK: 480,
    ChannelKind.INSTAGRAM: 125,
    ChannelKind.GOOGLE_BUSINESS: 250,
    ChannelKind.YOUTUBE: 160,
    ChannelKind.X: 280,
}
SOCIAL_KINDS = frozenset(FOLD_AT)


@dataclass(frozen=True)
class Preview:
    title: str
    body: str
    html: str
    channel: ContentChannel | None
    length: int
    limit: int | None
    # Social networks show the text as typed (no markdown), folded; others show it formatted.
    is_post: bool
    shown: str
    folded: bool

    @property
    def over_limit(self) -> bool:
        return self.limit is not None and self.length > self.limit

    @property
    def over_by(self) -> int:
        return self.length - self.limit if self.over_limit else 0


def fold(text: str, at: int) -> tuple[str, bool]:
    """The first `at` characters of `text`, cut at a space where possible, and whether it was cut."""
    if len(text) <= at:
        return text, False
    cut = text[:at]
    space = cut.rfind(" ")
    if space > at * 0.6:
        cut = cut[:space]
    return cut.rstrip(" \n,.;:"), True


def item_preview(*, title: str, body: str, channel: ContentChannel | None) -> Preview:
    kind = channel.kind if channel else None
    is_post = kind in SOCIAL_KINDS
    shown, folded = fold(body, FOLD_AT[kind]) if is_post else (body, False)
    return Preview(
        title=title,
        body=body,
        html=render_markdown(body),
        channel=channel,
        length=len(body),
        limit=channel.max_length if channel else None,
        is_post=is_post,
        shown=shown,
        folded=folded,
    )
