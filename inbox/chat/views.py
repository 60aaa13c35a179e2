"""Company pages of the live chat under /c/<company_slug>/inbox/chat/: its settings, and the
cheap polls that keep the inbox list and the conversation page up to date."""

from datetime import UTC, datetime

from django.contrib import messages
from django.db.models import Count, Max, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from engagements.reauth import password_confirmed
from engagements.tenancy import company_view
from inbox.chat.availability import availability, notice
from inbox.chat.forms import ChatChannelForm
from inbox.chat.services import chat_channel_switch_on
from inbox.chat.templatetags.chat_live import signature
from inbox.intake.services import channel_rotate_key
from inbox.models import Conversation, IntakeChannel
from inbox.selectors import inbox_conversations
from inbox.views.inbox_list import filter_form, list_url


def _chat_channels(company):
    return IntakeChannel.objects.for_company(company).filter(kind=IntakeChannel.Kind.CHAT)


def _render_settings(request, form=None, status=200):
    company = request.company
    channel = _chat_channels(company).annotate(chats=Count("conversations")).order_by("created_at", "pk").first()
    context = {"channel": channel}
    if channel is not None:
        now = timezone.now()
        key = {"public_key": channel.public_key}
        widget_url = request.build_absolute_uri(reverse("chat_widget", kwargs=key))
        context.update(
            form=form or ChatChannelForm(instance=channel),
            snippet=f'<script src="{widget_url}" async></script>',
            hosted_url=request.build_absolute_uri(reverse("chat_hosted", kwargs=key)),
            right_now=notice(availability(company, now), now=now, zone=company.tzinfo, language=company.language)
            if channel.is_active
            else "",
            has_form=IntakeChannel.objects.for_company(company)
            .filter(kind=IntakeChannel.Kind.FORM, is_active=True)
            .exists(),
        )
    return render(request, "chat/settings.html", context, status=status)


@company_view("inbox.channels")
def chat_settings(request):
    return _render_settings(request)


@require_POST
@company_view("inbox.channels")
def chat_switch_on(request):
    chat_channel_switch_on(company=request.company)
    messages.success(request, _("The live chat is on: paste the snippet into your website, or use the form's."))
    return redirect("chat_settings", company_slug=request.company.slug)


@require_POST
@company_view("inbox.channels")
def chat_update(request, channel_id):
    channel = get_object_or_404(_chat_channels(request.company), pk=channel_id)
    form = ChatChannelForm(request.POST, instance=channel)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return _render_settings(request, form=form, status=400)
    form.save()
    messages.success(request, _("Chat settings saved."))
    return redirect("chat_settings", company_slug=request.company.slug)


@require_POST
@company_view("inbox.channels")
@password_confirmed
def chat_rotate_key(request, channel_id):
    channel_rotate_key(channel=get_object_or_404(_chat_channels(request.company), pk=channel_id))
    messages.success(
        request, _("New key for the chat: paste the new snippet into your website. Open chats have ended.")
    )
    return redirect("chat_settings", company_slug=request.company.slug)


@require_GET
@company_view("inbox.view")
def conversation_poll(request, conversation_id):
    """htmx, every few seconds on the conversation page: 204 while nothing changed; otherwise
    an event that makes the page fetch its thread again (the page's own markup, no copy)."""
    # One query: the conversation (if this member may see it) and the state of its thread.
    row = (
        Conversation.objects.for_company(request.company)
        .visible_to(request.membership)
        .filter(pk=conversation_id)
        .annotate(
            last=Max("messages__pk"),
            sent=Count("messages", filter=Q(messages__sent_at__isnull=False)),
            failed=Count("messages", filter=~Q(messages__send_error="")),
        )
        .values("last", "sent", "failed")
        .first()
    )
    if row is None:
        raise Http404("No such conversation.")
    if signature(row["last"], row["sent"], row["failed"]) == request.GET.get("v", ""):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Trigger"] = "staffetta:thread-changed"
    return response


def _since(request) -> datetime | None:
    try:
        return datetime.fromtimestamp(float(request.GET.get("since", "")), tz=UTC)
    except (ValueError, OverflowError, OSError):
        return None


@require_GET
@company_view("inbox.view")
def inbox_news(request):
    """htmx, every few seconds on the inbox list: how many conversations arrived since the page
    was shown, among those its filters select."""
    since = _since(request)
    if since is None:
        return HttpResponse(status=204)
    form = filter_form(request)
    filters = form.filters()
    count = 0
    if not filters.get("q"):
        conversations = inbox_conversations(
            company=request.company, membership=request.membership, filters=filters, now=timezone.now()
        )
        count = conversations.filter(created_at__gt=since).exclude(status=Conversation.Status.SPAM).count()
    return render(
        request, "chat/_list_news_banner.html", {"count": count, "list_url": list_url(request, form.query_string())}
    )
