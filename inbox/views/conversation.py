"""The conversation page and its actions: reply, note, assign, status, priority, tags, route,
contact kind, and "save as canned reply".

Every action is a plain form POST that comes back to the conversation with the list's filters
kept in the query string (so n/p still walk the same list). Colleagues reach only the
conversations routed to them: any other answers 404, as if it did not exist.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from engagements.tenancy import company_view
from inbox import actions
from inbox.forms import (
    AssignForm,
    ContactKindForm,
    NoteForm,
    PriorityForm,
    ReplyForm,
    RouteForm,
    StatusForm,
    TagAddForm,
)
from inbox.models import CannedReply, Message, RoutingRule, Tag
from inbox.selectors import (
    canned_replies_for,
    canned_reply_text,
    conversation_queryset,
    inbox_conversations,
    neighbours,
    other_conversations,
    sla_state,
    thread,
)
from inbox.sla import at_risk_cutoff
from inbox.views.inbox_list import CHANNEL_ICONS, filter_form, list_url
from training.held_replies import held_replies_exist, held_replies_for, reply_hold, reply_needs_approval


def _conversation(request, conversation_id):
    queryset = conversation_queryset(request.company, request.membership).annotate(
        has_held_replies=held_replies_exist()
    )
    return get_object_or_404(queryset, pk=conversation_id)


def conversation_url(request, conversation_id, query_string: str | None = None) -> str:
    url = reverse(
        "inbox_conversation", kwargs={"company_slug": request.company.slug, "conversation_id": conversation_id}
    )
    if query_string is None:
        query_string = filter_form(request).query_string()
    return f"{url}?{query_string}" if query_string else url


def _back(request, conversation) -> HttpResponseRedirect:
    return HttpResponseRedirect(conversation_url(request, conversation.pk))


def _render(request, conversation, status=200, **forms):
    """The conversation page; `forms` replaces the blank forms with bound ones after an error."""
    company, membership = request.company, request.membership
    now = timezone.now()
    cutoff = at_risk_cutoff(company, now)
    filters_form = filter_form(request)
    query = filters_form.query_string()
    filters = filters_form.filters()
    filters["sla_cutoff"] = cutoff
    in_list = inbox_conversations(company=company, membership=membership, filters=filters, now=now)
    newer, older = neighbours(in_list, conversation)
    context = {
        "conversation": conversation,
        "contact": conversation.contact,
        "thread": thread(conversation),
        "tags": list(conversation.tags.all()),
        "others": other_conversations(conversation, membership),
        "sla": sla_state(conversation, now=now, cutoff=cutoff),
        "channel_icon": CHANNEL_ICONS.get(conversation.channel.kind if conversation.channel else "", "inbox"),
        "filter_query": query,
        "filter_params": filters_form.query_params(),
        "first_response_minutes": None
        if conversation.first_response_seconds is None
        else conversation.first_response_seconds // 60,
        "back_url": list_url(request, query),
        "newer_url": conversation_url(request, newer, query) if newer else None,
        "older_url": conversation_url(request, older, query) if older else None,
        "statuses": conversation.Status,
        "held_replies": held_replies_for(conversation) if getattr(conversation, "has_held_replies", True) else [],
    }
    if membership.can("inbox.answer"):
        reply_form = forms.get("reply_form")
        if reply_form is None:
            reply_form = ReplyForm(initial=_canned_initial(request, conversation))
        context.update(
            reply_form=reply_form,
            note_form=forms.get("note_form") or NoteForm(),
            canned_replies=canned_replies_for(conversation),
        )
    if membership.can("inbox.work"):
        context.update(
            assign_form=forms.get("assign_form")
            or AssignForm(company=company, initial={"assignee": conversation.assignee_id}),
            status_form=forms.get("status_form") or StatusForm(initial={"status": conversation.status}),
            priority_form=forms.get("priority_form") or PriorityForm(initial={"priority": conversation.priority}),
            tag_form=forms.get("tag_form") or TagAddForm(),
            route_form=forms.get("route_form")
            or RouteForm(company=company, initial=_route_initial(conversation, context)),
            contact_form=forms.get("contact_form") or ContactKindForm(instance=conversation.contact),
            company_tags=list(Tag.objects.for_company(company).values_list("name", flat=True)),
        )
    return render(request, "inbox/conversation.html", context, status=status)


def _route_initial(conversation, context: dict) -> dict:
    """Where it is routed now; if nowhere yet, the active routing rule for its topic, as a suggestion.

    The suggestion only preselects the form: routing stays a person's decision. One query, only
    for a conversation with a topic that is not routed yet.
    """
    if conversation.department or not conversation.topic:
        return {"department": conversation.department or None, "colleague": conversation.routed_to_id}
    rule = RoutingRule.objects.for_company(conversation.company).for_topic(conversation.topic).first()
    if rule is None:
        return {"department": None, "colleague": None}
    context["route_suggestion"] = rule
    return {"department": rule.department, "colleague": rule.colleague_id}


def _canned_initial(request, conversation) -> dict:
    """Without JavaScript, the canned reply picker reloads the page with `?canned=<id>`."""
    try:
        canned_id = int(request.GET.get("canned", ""))
    except ValueError:
        return {}
    canned = CannedReply.objects.for_company(request.company).filter(pk=canned_id).first()
    if canned is None:
        return {}
    return {"body": canned_reply_text(canned, conversation=conversation, agent=request.user), "canned": canned.pk}


@company_view("inbox.view")
def conversation_detail(request, conversation_id):
    return _render(request, _conversation(request, conversation_id))


@require_GET
@company_view("inbox.answer")
def canned_fill(request, conversation_id):
    """htmx: the reply box with the chosen canned reply added to what is already written."""
    conversation = _conversation(request, conversation_id)
    written = request.GET.get("reply-body", "")[:20_000].rstrip()
    initial = _canned_initial(request, conversation)
    if "body" in initial and written:
        initial["body"] = f"{written}\n\n{initial['body']}"
    elif written:
        initial["body"] = written
    if not request.headers.get("HX-Request"):
        url = conversation_url(request, conversation.pk)
        canned = initial.get("canned")
        return HttpResponseRedirect(f"{url}{'&' if '?' in url else '?'}canned={canned}" if canned else url)
    return render(request, "inbox/_reply_field.html", {"reply_form": ReplyForm(initial=initial), "autofocus": True})


@require_POST
@company_view("inbox.answer")
def reply(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    form = ReplyForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("The reply was not sent: please correct the text below."))
        return _render(request, conversation, status=400, reply_form=form)
    # Supervised mode (training): the trainee's reply waits for the consultant's approval.
    held = reply_needs_approval(conversation=conversation, author=request.user)
    if held and form.cleaned_data["attachments"]:
        form.add_error("attachments", _("While your replies need approval you cannot attach files."))
        messages.error(request, _("The reply was not sent: please correct the text below."))
        return _render(request, conversation, status=400, reply_form=form)
    if held:
        reply_hold(conversation=conversation, author=request.user, body_text=form.cleaned_data["body"])
    else:
        actions.conversation_reply(
            conversation=conversation,
            author=request.user,
            body_text=form.cleaned_data["body"],
            files=form.cleaned_data["attachments"],
        )
    if form.cleaned_data.get("canned"):
        actions.canned_reply_used(company=request.company, canned_id=form.cleaned_data["canned"])
    if held:
        messages.success(request, _("Reply saved: it will be sent once your consultant approves it."))
        return _back(request, conversation)
    who = conversation.contact.email or conversation.contact.display_name
    messages.success(request, _("Reply on its way to %(email)s.") % {"email": who})
    return _back(request, conversation)


@require_POST
@company_view("inbox.answer")
def note(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The note was not saved: please correct the text below."))
        return _render(request, conversation, status=400, note_form=form)
    actions.conversation_add_note(conversation=conversation, author=request.user, body_text=form.cleaned_data["body"])
    messages.success(request, _("Internal note added."))
    return _back(request, conversation)


@require_POST
@company_view("inbox.work")
def assign(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    if request.POST.get("me"):
        assignee = request.user
    else:
        form = AssignForm(request.POST, company=request.company)
        if not form.is_valid():
            messages.error(request, _("Choose a member of the team."))
            return _render(request, conversation, status=400, assign_form=form)
        assignee = form.cleaned_data["assignee"]
    actions.conversation_assign(conversation=conversation, assignee=assignee, actor=request.user)
    if assignee is None:
        messages.success(request, _("The conversation is no longer assigned."))
    else:
        messages.success(request, _("Assigned to %(name)s.") % {"name": assignee.display_name})
    return _back(request, conversation)


@require_POST
@company_view("inbox.work")
def set_status(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid status."))
        return _render(request, conversation, status=400, status_form=form)
    actions.conversation_set_status(conversation=conversation, status=form.cleaned_data["status"], actor=request.user)
    messages.success(request, _("Status changed to “%(status)s”.") % {"status": conversation.get_status_display()})
    return _back(request, conversation)


@require_POST
@company_view("inbox.work")
def set_priority(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    form = PriorityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid priority."))
        return _render(request, conversation, status=400, priority_form=form)
    actions.conversation_set_priority(
        conversation=conversation, priority=form.cleaned_data["priority"], actor=request.user
    )
    messages.success(
        request, _("Priority changed to “%(priority)s”.") % {"priority": conversation.get_priority_display()}
    )
    return _back(request, conversation)


@require_POST
@company_view("inbox.work")
def tag_add(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    form = TagAddForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The tag was not added: please correct it below."))
        return _render(request, conversation, status=400, tag_form=form)
    actions.conversation_tag(conversation=conversation, add=[form.cleaned_data["name"]], actor=request.user)
    messages.success(request, _("Tag “%(tag)s” added.") % {"tag": form.cleaned_data["name"]})
    return _back(request, conversation)


@require_POST
@company_view("inbox.work")
def tag_remove(request, conversation_id, tag_id):
    conversation = _conversation(request, conversation_id)
    tag = get_object_or_404(Tag.objects.for_company(request.company), pk=tag_id)
    actions.conversation_tag(conversation=conversation, remove=[tag], actor=request.user)
    messages.success(request, _("Tag “%(tag)s” removed.") % {"tag": tag.name})
    return _back(request, conversation)


@require_POST
@company_view("inbox.work")
def route(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    form = RouteForm(request.POST, company=request.company)
    if not form.is_valid():
        messages.error(request, _("The conversation was not routed: please correct the fields below."))
        return _render(request, conversation, status=400, route_form=form)
    data = form.cleaned_data
    actions.conversation_route(
        conversation=conversation,
        department=data["department"],
        colleague=data["colleague"],
        note=data["note"],
        actor=request.user,
    )
    if data["colleague"]:
        messages.success(
            request,
            _("Routed to %(name)s, who will receive an email.") % {"name": data["colleague"].display_name},
        )
    else:
        messages.success(
            request,
            _("Routed to the department %(department)s.") % {"department": conversation.get_department_display()},
        )
    return _back(request, conversation)


@require_POST
@company_view("inbox.work")
def contact_kind(request, conversation_id):
    conversation = _conversation(request, conversation_id)
    form = ContactKindForm(request.POST, instance=conversation.contact)
    if not form.is_valid():
        messages.error(request, _("Choose prospect or existing customer."))
        return _render(request, conversation, status=400, contact_form=form)
    actions.contact_set_kind(contact=conversation.contact, kind=form.cleaned_data["kind"])
    messages.success(request, _("Contact saved."))
    return _back(request, conversation)


@require_POST
@company_view("inbox.canned")
def save_as_canned(request, message_id):
    """One click: an outgoing message becomes a canned reply in the conversation's language."""
    conversations = conversation_queryset(request.company, request.membership)
    message = get_object_or_404(
        Message.objects.for_company(request.company)
        .filter(direction=Message.Direction.OUT, conversation__in=conversations)
        .select_related("conversation__company", "conversation__contact", "author"),
        pk=message_id,
    )
    canned = actions.canned_reply_from_message(message=message, created_by=request.user)
    messages.success(
        request,
        _("Saved as the canned reply “%(title)s”: you can edit it among the canned replies.") % {"title": canned.title},
    )
    return HttpResponseRedirect(conversation_url(request, message.conversation_id))
