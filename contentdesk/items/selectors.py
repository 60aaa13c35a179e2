"""Reads of the item pages, with their joins decided here once."""

from django.shortcuts import get_object_or_404

from contentdesk.models import ContentChannel, ContentComment, ContentEvent, ContentItem

MAX_TAG_SUGGESTIONS = 200


def item_for_page(company, item_id: int) -> ContentItem:
    """The company's item with what its pages show beside it; another company's answers 404."""
    queryset = ContentItem.objects.for_company(company).select_related("channel", "author", "approved_by")
    item = get_object_or_404(queryset, pk=item_id)
    item.company = company  # the one already loaded by the middleware: no second query for it
    return item


def item_comments(item: ContentItem) -> list[ContentComment]:
    return list(item.comments.select_related("author").order_by("created_at", "pk"))


def item_events(item: ContentItem) -> list[ContentEvent]:
    return list(item.events.select_related("by").order_by("at", "pk"))


def company_tags(company) -> list[str]:
    """The pillars and campaigns already used, most recent first, for the tag suggestions."""
    rows = (
        ContentItem.objects.for_company(company)
        .exclude(tag="")
        .order_by("-created_at")
        .values_list("tag", flat=True)[: MAX_TAG_SUGGESTIONS * 5]
    )
    seen = {}
    for tag in rows:
        seen.setdefault(tag.casefold(), tag)
        if len(seen) >= MAX_TAG_SUGGESTIONS:
            break
    return sorted(seen.values(), key=str.casefold)


def active_channels(company) -> list[ContentChannel]:
    return list(ContentChannel.objects.for_company(company).filter(is_active=True).order_by("name"))
