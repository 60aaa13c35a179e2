"""The item page's newsletter actions: where it goes, its preview, a test send to oneself.

Under /c/<company_slug>/calendar/newsletter/items/<item_id>/. Only items of a newsletter
channel have them (others answer 404). The list is chosen by who manages the newsletter; a
test send by whoever writes content; the preview by everyone who sees the calendar.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET, require_POST

from contentdesk.items.selectors import item_for_page
from contentdesk.models import ChannelKind, NewsletterSend
from contentdesk.newsletter.compose import render_newsletter
from contentdesk.newsletter.forms_send import NewsletterSendForm
from contentdesk.newsletter.sending import newsletter_send_prepare, newsletter_test_check
from contentdesk.newsletter.tasks import send_newsletter_test
from engagements.tenancy import company_view
from inbox.intake.queue import enqueue_on_commit


def _newsletter_item(request, item_id):
    item = item_for_page(request.company, item_id)
    if item.channel.kind != ChannelKind.NEWSLETTER:
        raise Http404("Not a newsletter.")
    return item


def _back(request, item):
    url = reverse("content_item", kwargs={"company_slug": request.company.slug, "item_id": item.pk})
    return redirect(url + "#newsletter")


@require_POST
@company_view("newsletter.manage")
def newsletter_send_set(request, item_id):
    item = _newsletter_item(request, item_id)
    form = NewsletterSendForm(request.POST, company=request.company)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return _back(request, item)
    try:
        newsletter_send_prepare(item=item, **form.cleaned_data)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _back(request, item)
    messages.success(
        request, _("The newsletter will go to “%(list)s”.") % {"list": form.cleaned_data["newsletter_list"]}
    )
    return _back(request, item)


@require_POST
@company_view("content.write")
def newsletter_test(request, item_id):
    item = _newsletter_item(request, item_id)
    try:
        newsletter_test_check(item=item, user=request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return _back(request, item)
    enqueue_on_commit(send_newsletter_test, item.pk, request.user.pk)
    messages.success(
        request,
        _("A test is on its way to %(email)s: it does not count in the results.") % {"email": request.user.email},
    )
    return _back(request, item)


def _rendered(item):
    """The item's send (if one is prepared) and its email as recipients will get it."""
    send = NewsletterSend.objects.select_related("newsletter_list__company", "segment").filter(item_id=item.pk).first()
    rendered = render_newsletter(
        item,
        subject=send.subject if send else "",
        sender_name=send.newsletter_list.sender_name if send else "",
    )
    return send, rendered


@require_GET
@company_view("content.view")
def newsletter_preview(request, item_id):
    """The email as a recipient sees it, at a mail client's width, and its plain text."""
    item = _newsletter_item(request, item_id)
    send, rendered = _rendered(item)
    return render(request, "contentdesk/newsletter/preview.html", {"item": item, "send": send, "email": rendered})


# The email inside the preview page's frame: its own inline styles and images from anywhere, as a
# mail client shows them; no script, no form, no plugin, and only Staffetta's own pages may frame it.
EMAIL_PREVIEW_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src * data:; font-src *; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
    "sandbox allow-popups allow-popups-to-escape-sandbox"
)


@require_GET
@xframe_options_sameorigin
@company_view("content.view")
def newsletter_preview_email(request, item_id):
    """The HTML of the email alone, for the preview page's sandboxed frame."""
    item = _newsletter_item(request, item_id)
    _send, rendered = _rendered(item)
    response = HttpResponse(rendered["html"])
    response["Content-Security-Policy"] = EMAIL_PREVIEW_POLICY
    response["Cache-Control"] = "private, no-store"
    return response
