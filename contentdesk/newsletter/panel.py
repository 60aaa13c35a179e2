"""The item page's newsletter panel: list and segment, preview, test send, progress and results.

Included by the item page as ``contentdesk/newsletter/_item_panel.html`` under the one key
``newsletter`` (None for items of other channels: no query at all). Queries: the send; before
it leaves, the company's lists and segments and the number of recipients; once it left, the
four of `results.send_results`. None grows with the recipients or the clicks.
"""

from contentdesk.models import ChannelKind, NewsletterSend
from contentdesk.newsletter.forms_send import NewsletterSendForm
from contentdesk.newsletter.results import send_results
from contentdesk.newsletter.selectors import eligible_recipients


def item_newsletter_context(item, membership, *, form=None) -> dict:
    if item.channel.kind != ChannelKind.NEWSLETTER:
        return {"newsletter": None}
    send = NewsletterSend.objects.select_related("newsletter_list", "segment").filter(item_id=item.pk).first()
    context = {
        "send": send,
        "can_choose": membership.can("newsletter.manage")
        and (send is None or send.status == NewsletterSend.Status.QUEUED),
        "can_test": membership.can("content.write"),
        "results": None,
        "recipients": None,
        "form": None,
    }
    if send is not None and send.status != NewsletterSend.Status.QUEUED:
        context["results"] = send_results(send)
    elif send is not None:
        context["recipients"] = _recipient_count(send)
    if context["can_choose"]:
        initial = {}
        if send is not None:
            initial = {"newsletter_list": send.newsletter_list_id, "segment": send.segment_id, "subject": send.subject}
        context["form"] = form or NewsletterSendForm(company=item.company, initial=initial, auto_id="nl-%s")
    return {"newsletter": context}


def _recipient_count(send) -> int:
    if send.segment_id is None:
        return eligible_recipients(send.newsletter_list).count()
    return eligible_recipients(send).count()
