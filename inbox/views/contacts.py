"""A contact's page: who they are, the consents they gave (with the text shown), their
conversations and newsletter subscriptions, and the person's GDPR requests — export everything
held about them as a ZIP, or erase them (after typing the word shown)."""

from django.apps import apps
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from engagements.reauth import password_confirmed
from engagements.tenancy import company_view
from inbox import gdpr
from inbox.chat.models import ChatSession
from inbox.forms import ContactEraseForm, erase_word
from inbox.models import ConsentRecord, Contact, Conversation


def _contact(request, contact_id) -> Contact:
    return get_object_or_404(Contact.objects.for_company(request.company), pk=contact_id)


def _subscriptions(contact):
    if not apps.is_installed("contentdesk"):
        return []
    Subscription = apps.get_model("contentdesk", "Subscription")
    return list(
        Subscription.objects.filter(company_id=contact.company_id, contact_id=contact.pk)
        .select_related("newsletter_list")
        .prefetch_related("events")
        .order_by("newsletter_list__name", "pk")
    )


def _render(request, contact, *, erase_form=None, status=200):
    company = request.company
    context = {
        "contact": contact,
        "consents": list(ConsentRecord.objects.for_company(company).filter(contact_id=contact.pk)),
        "conversations": list(
            Conversation.objects.for_company(company)
            .filter(contact_id=contact.pk)
            .select_related("channel")
            .order_by("-last_activity_at", "-pk")
        ),
        "subscriptions": _subscriptions(contact),
        "chat_sessions": ChatSession.objects.for_company(company).filter(conversation__contact_id=contact.pk).count(),
        "erase_word": erase_word(),
    }
    if request.membership.can("contacts.gdpr"):
        context["erase_form"] = erase_form or ContactEraseForm()
    return render(request, "inbox/contact.html", context, status=status)


@company_view("contacts.view")
@require_GET
def contact_detail(request, contact_id):
    return _render(request, _contact(request, contact_id))


@company_view("contacts.gdpr")
@require_GET
@password_confirmed
def contact_export(request, contact_id):
    contact = _contact(request, contact_id)
    archive = gdpr.contact_export(contact=contact, actor=request.user, request=request)
    response = FileResponse(
        archive, as_attachment=True, filename=gdpr.contact_export_filename(contact), content_type="application/zip"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@company_view("contacts.gdpr")
@require_POST
@password_confirmed
def contact_erase(request, contact_id):
    contact = _contact(request, contact_id)
    form = ContactEraseForm(request.POST)
    if not form.is_valid():
        return _render(request, contact, erase_form=form, status=400)
    count = gdpr.contact_erase(contact=contact, actor=request.user, request=request)
    messages.success(
        request,
        ngettext(
            "The contact's personal data were erased from %(count)s conversation; the figures stay.",
            "The contact's personal data were erased from %(count)s conversations; the figures stay.",
            count,
        )
        % {"count": count},
    )
    return redirect("inbox_contact", company_slug=request.company.slug, contact_id=contact.pk)
