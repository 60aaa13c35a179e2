"""Pages of the email intake: an email channel with its IMAP mailbox, and the quarantine."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.tenancy import company_view
from inbox.email_in.forms import EmailChannelForm, MailboxForm
from inbox.email_in.mailboxes import email_channel_save
from inbox.email_in.models import Mailbox, QuarantinedEmail
from inbox.email_in.services import Outcome, quarantine_discard, quarantine_retry
from inbox.mail.compose import inbound_domain
from inbox.models import IntakeChannel

QUARANTINE_SHOWN = 100


def channels_section(request, channels) -> dict:
    """The email part of the channels page, from the email channels (with their mailbox)."""
    return {
        "email_channels": channels,
        "inbound_domain": inbound_domain(),
    }


def _email_channels(company):
    return IntakeChannel.objects.for_company(company).filter(kind=IntakeChannel.Kind.EMAIL)


def _mailbox_of(channel) -> Mailbox | None:
    try:
        return channel.mailbox
    except Mailbox.DoesNotExist:
        return None


@company_view("inbox.channels")
def email_channel_edit(request, channel_id=None):
    company = request.company
    channel = None
    if channel_id is not None:
        channel = get_object_or_404(_email_channels(company).select_related("mailbox"), pk=channel_id)
    mailbox = _mailbox_of(channel) if channel else None
    if request.method == "POST":
        form = EmailChannelForm(request.POST, instance=channel or IntakeChannel(company=company))
        # The channel's fields first: no need to call the IMAP server when they have errors.
        imap_form = MailboxForm(request.POST, mailbox=mailbox, prefix="imap", check_server=form.is_valid())
        if form.is_valid() and imap_form.is_valid():
            values = {name: form.cleaned_data[name] for name in form.fields}
            channel = email_channel_save(company=company, channel=channel, values=values, imap=imap_form.cleaned_data)
            messages.success(request, _("Email channel “%(name)s” saved.") % {"name": channel.name})
            return redirect("intake_channels", company_slug=company.slug)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        status = 400
    else:
        initial = {} if channel else {"name": _("Email")}
        form = EmailChannelForm(instance=channel, initial=initial)
        imap_form = MailboxForm(mailbox=mailbox, prefix="imap")
        status = 200
    context = {
        "channel": channel,
        "mailbox": mailbox,
        "form": form,
        "imap_form": imap_form,
        "inbound_domain": inbound_domain(),
    }
    return render(request, "inbox/email_in/channel_form.html", context, status=status)


def _quarantine(company):
    return QuarantinedEmail.objects.for_company(company)


@company_view("inbox.work")
def quarantine_list(request):
    quarantined = list(_quarantine(request.company).listed()[: QUARANTINE_SHOWN + 1])
    context = {"quarantined": quarantined[:QUARANTINE_SHOWN], "more": len(quarantined) > QUARANTINE_SHOWN}
    return render(request, "inbox/email_in/quarantine.html", context)


def _back(request):
    return redirect("inbox_quarantine", company_slug=request.company.slug)


@require_POST
@company_view("inbox.work")
def quarantine_retry_view(request, quarantined_id):
    quarantined = get_object_or_404(_quarantine(request.company).select_related("channel"), pk=quarantined_id)
    result = quarantine_retry(quarantined=quarantined)
    if result.outcome == Outcome.QUARANTINED:
        messages.error(
            request,
            _("The email still cannot be stored and stays in the quarantine. Reason: %(error)s")
            % {"error": result.quarantined.error},
        )
    elif result.outcome == Outcome.DUPLICATE:
        messages.info(request, _("The email was already in the inbox: it has been taken out of the quarantine."))
    else:
        url = reverse(
            "inbox_conversation",
            kwargs={"company_slug": request.company.slug, "conversation_id": result.conversation.pk},
        )
        messages.success(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                _("The email has been stored in the inbox."),
                url,
                _("Open the conversation"),
            ),
        )
    return _back(request)


@company_view("inbox.work")
def quarantine_discard_view(request, quarantined_id):
    """GET asks for confirmation; POST discards."""
    quarantined = get_object_or_404(_quarantine(request.company).listed(), pk=quarantined_id)
    if request.method == "POST":
        quarantine_discard(quarantined=quarantined)
        messages.success(request, _("The email has been discarded."))
        return _back(request)
    return render(request, "inbox/email_in/quarantine_discard.html", {"item": quarantined})


@company_view("inbox.work")
def quarantine_download(request, quarantined_id):
    """The email as received, to open in a mail program (always a download, never shown inline)."""
    quarantined = get_object_or_404(_quarantine(request.company), pk=quarantined_id)
    response = HttpResponse(bytes(quarantined.raw), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="quarantine-{quarantined.pk}.eml"'
    return response
