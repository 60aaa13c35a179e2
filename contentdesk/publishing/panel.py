"""What the item page shows about publishing: the tracked link, the enquiries it brought, the results.

Included by the item page as ``contentdesk/publishing/_item_panel.html`` with this context under
the one key ``publishing``. At most three queries: the company's website, the attributed
enquiries counted, and the few of them this member may open.
"""

from contentdesk.models import ContentItem
from contentdesk.publishing.attribution import attributed_conversations
from contentdesk.publishing.forms import ResultsForm, TrackedLinkForm
from contentdesk.publishing.utm import item_tracked_url, item_utm_params
from inbox.models import IntakeChannel

SHOWN_ENQUIRIES = 5


def company_website(company) -> str:
    """The company's website as the inbox knows it: the first site allowed to show its form."""
    channels = IntakeChannel.objects.for_company(company).filter(kind=IntakeChannel.Kind.FORM, is_active=True)
    for origins in channels.exclude(allowed_origins="").order_by("pk").values_list("allowed_origins", flat=True)[:1]:
        first = next((line.strip().rstrip("/") for line in origins.splitlines() if line.strip()), "")
        if first:
            return first + "/"
    return ""


def tracked_link_context(item: ContentItem, *, destination: str = "", form=None) -> dict:
    """The link builder: the form and, for a valid destination, the link to copy."""
    form = form or TrackedLinkForm(initial={"destination": destination})
    return {
        "item": item,
        "link_form": form,
        "destination": destination,
        "tracked_url": item_tracked_url(item, destination) if destination else "",
        "utm_params": item_utm_params(item),
    }


def item_panel_context(item: ContentItem, membership) -> dict:
    company = item.company
    published = item.status == ContentItem.Status.PUBLISHED
    can_write = membership.can("content.write")
    attributed = attributed_conversations(company, item)
    count = attributed.count()
    shown = []
    if count and membership.can("inbox.view"):
        shown = list(attributed.visible_to(membership).order_by("-created_at", "-pk")[:SHOWN_ENQUIRIES])
    results_form = None
    if published and can_write:
        results_form = ResultsForm(
            initial={"reach": item.reach, "clicks": item.clicks, "enquiries": item.enquiries},
            prefix="results",
        )
    return {
        "publishing": {
            **tracked_link_context(item, destination=company_website(company)),
            "published": published,
            "attributed_count": count,
            "attributed_shown": shown,
            "attributed_more": count > len(shown) and bool(shown),
            "has_results": any(v is not None for v in (item.reach, item.clicks, item.enquiries)),
            "results_form": results_form,
        }
    }
