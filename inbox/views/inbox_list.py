"""The inbox list: filters, search, keyset pages and bulk actions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from engagements.tenancy import company_view
from inbox.actions import conversations_bulk_update
from inbox.forms import BulkActionForm, InboxFilterForm
from inbox.models import Conversation, QuarantinedEmail
from inbox.selectors import (
    Cursor,
    inbox_conversations,
    keyset_page,
    sla_state,
    with_list_columns,
)
from inbox.sla import at_risk_cutoff

CHANNEL_ICONS = {"form": "window", "webhook": "plug", "email": "envelope", "chat": "chat-dots"}


def filter_form(request) -> InboxFilterForm:
    return InboxFilterForm(request.GET, company=request.company)


def list_url(request, query_string: str = "") -> str:
    url = reverse("inbox", kwargs={"company_slug": request.company.slug})
    return f"{url}?{query_string}" if query_string else url


def _list_context(request, bulk_form=None, selected=()):
    company, membership = request.company, request.membership
    now = timezone.now()
    form = filter_form(request)
    filters = form.filters()
    cutoff = at_risk_cutoff(company, now)
    filters["sla_cutoff"] = cutoff
    conversations = inbox_conversations(company=company, membership=membership, filters=filters, now=now)
    cursor = Cursor.decode(request.GET.get("after"))
    page = keyset_page(with_list_columns(conversations), cursor=cursor)
    for row in page.rows:
        row.sla = sla_state(row, now=now, cutoff=cutoff)
        row.channel_icon = CHANNEL_ICONS.get(row.channel.kind if row.channel else "", "inbox")
        row.tag_list = list(row.tags.all())
    query = form.query_string()
    if membership.can("inbox.work") and bulk_form is None:
        bulk_form = BulkActionForm(company=company)
    return {
        "form": form,
        "page": page,
        "filter_query": query,
        "first_page_url": list_url(request, query),
        "next_page_url": list_url(request, "&".join(p for p in (query, f"after={page.next_cursor.encode()}") if p))
        if page.next_cursor
        else None,
        "bulk_form": bulk_form,
        "selected": set(selected),
        "statuses": Conversation.Status,
        "searching": bool(filters.get("q")),
        # Emails that could not be stored wait in the quarantine: a badge says how many.
        "quarantined": QuarantinedEmail.objects.for_company(company).count() if membership.can("inbox.work") else 0,
    }


@company_view("inbox.view")
def inbox_list(request):
    return render(request, "inbox/list.html", _list_context(request))


@require_POST
@company_view("inbox.work")
def inbox_bulk(request):
    """Bulk actions on the checked rows; the filters come back in the query string."""
    company, membership = request.company, request.membership
    form = BulkActionForm(request.POST, company=company)
    if not form.is_valid():
        messages.error(request, _("Nothing was changed: %(reason)s") % {"reason": " ".join(_errors(form))})
        context = _list_context(request, bulk_form=form, selected=form.cleaned_data.get("ids", ()))
        return render(request, "inbox/list.html", context, status=400)
    data = form.cleaned_data
    # Ids of another company, or of conversations the member may not see, are simply ignored.
    conversations = Conversation.objects.for_company(company).visible_to(membership).filter(pk__in=data["ids"])
    count = conversations_bulk_update(
        conversations=conversations,
        action=data["action"],
        actor=request.user,
        assignee=data.get("assignee"),
        status=data.get("status") or "",
        tag_name=data.get("tag") or "",
    )
    messages.success(
        request,
        ngettext("%(count)s conversation updated.", "%(count)s conversations updated.", count) % {"count": count},
    )
    return redirect(list_url(request, filter_form(request).query_string()))


def _errors(form) -> list[str]:
    return [str(error) for errors in form.errors.values() for error in errors]
