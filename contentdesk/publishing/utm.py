"""Tracked links: the address a content item points to, with the UTM parameters that let the inbox
attribute the enquiries it brings (see `contentdesk.publishing.attribution`).

utm_source is the channel's kind (``linkedin``), utm_medium follows Google Analytics' default
grouping (``social``, ``email``…), utm_campaign is the item's pillar or campaign tag, and
utm_content is the item's own ``sf-<pk>``: the one value the attribution relies on.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.text import slugify

DEFAULT_CAMPAIGN = "staffetta"
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")


def item_utm_params(item) -> dict[str, str]:
    """The UTM parameters of `item`, in the order they appear in the link."""
    return {
        "utm_source": item.channel.kind,
        "utm_medium": item.channel.utm_medium,
        "utm_campaign": slugify(item.tag)[:100] or DEFAULT_CAMPAIGN,
        "utm_content": item.utm_content,
    }


def tracked_url(destination: str, params: dict[str, str]) -> str:
    """`destination` with `params` added; its own query parameters and fragment are kept.

    UTM parameters already present are replaced (a link copied from another campaign must not
    carry two utm_content values), whatever their case.
    """
    parts = urlsplit(destination.strip())
    replaced = {key.lower() for key in params}
    kept = [
        (key, value) for key, value in parse_qsl(parts.query, keep_blank_values=True) if key.lower() not in replaced
    ]
    query = urlencode([*kept, *params.items()])
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, parts.fragment))


def item_tracked_url(item, destination: str) -> str:
    return tracked_url(destination, item_utm_params(item))
