"""The pages of one content item: new, edit, the live preview, the item itself, its moves and
comments. Every change goes through contentdesk.services; the workflow table decides the moves."""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contentdesk import services
from contentdesk.images.panel import item_images_context
from contentdesk.items.forms import CommentForm, ContentItemForm, MoveForm, PreviewForm, parse_local_iso
from contentdesk.items.history import item_history
from contentdesk.items.preview import item_preview
from contentdesk.items.selectors import company_tags, item_comments, item_events, item_for_page
from contentdesk.models import ContentChannel, ContentItem
from contentdesk.newsletter.panel import item_newsletter_context
from contentdesk.publishing.panel import item_panel_context
from contentdesk.workflow import MOVES, Move, moves_from
from engagements.tenancy import company_view
from training import held_posts

S = ContentItem.Status
CLOSED = (S.PUBLISHED, S.CANCELLED)


def item_url(company, item, anchor: str = "") -> str:
    url = reverse("content_item", kwargs={"company_slug": company.slug, "item_id": item.pk})
    return f"{url}#{anchor}" if anchor else url


def may_move(membership) -> bool:
    """Whether this role makes any move at all (a colleague only reads)."""
    return any(membership.can(move.permission) for move in MOVES)


def may_comment(membership) -> bool:
    # Whoever takes part in the workflow discusses it: the writers and the approvers.
    return may_move(membership)


def needs_new_approval_on_edit(item: ContentItem) -> bool:
    return item.status in (S.APPROVED, S.SCHEDULED) and item.channel.requires_approval


# New and edit ------------------------------------------------------------------------------


def _form_context(request, form, item=None) -> dict:
    company = request.company
    channels = form.channels
    if form.is_bound:
        data = form.data
        channel = _find(channels, data.get("channel"))
        title, body = data.get("title", ""), data.get("body", "").rstrip()
    else:
        channel = _find(channels, form.initial.get("channel")) or (channels[0] if channels else None)
        title, body = form.initial.get("title", ""), form.initial.get("body", "")
    return {
        "form": form,
        "item": item,
        "tags": company_tags(company),
        "preview": item_preview(title=title, body=body, channel=channel),
        "company_initials": _initials(company.name),
        "edit_warning": item is not None and needs_new_approval_on_edit(item),
        "no_channels": not channels,
    }


def _find(channels: list[ContentChannel], channel_id) -> ContentChannel | None:
    try:
        channel_id = int(channel_id or 0)
    except (TypeError, ValueError):
        return None
    return next((c for c in channels if c.pk == channel_id), None)


def _initials(name: str) -> str:
    words = [w for w in name.split() if w[:1].isalnum()]
    return "".join(w[0] for w in words[:2]).upper() or "?"


def _prefill(request, form_class=ContentItemForm) -> dict:
    """?channel=<id>&at=<local ISO time>&status=idea, from the calendar's empty cadence slots."""
    initial = {}
    channel = request.GET.get("channel", "")
    if channel.isdigit():
        initial["channel"] = int(channel)
    when = parse_local_iso(request.GET.get("at", ""), timezone.get_current_timezone())
    if when is not None:
        initial["planned_date"] = when.date()
        initial["planned_time"] = when.time().replace(second=0, microsecond=0)
    if request.GET.get("status") in (S.IDEA, S.DRAFT):
        initial["status"] = request.GET["status"]
    return initial


@company_view("content.write")
def content_item_new(request):
    company = request.company
    if request.method == "POST":
        form = ContentItemForm(request.POST, company=company)
        if form.is_valid():
            fields = form.item_fields()
            try:
                item = services.content_item_create(
                    company=company,
                    user=request.user,
                    channel=fields.pop("channel"),
                    title=fields.pop("title"),
                    **fields,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("“%(title)s” is in the calendar.") % {"title": item.title})
                return redirect(item_url(company, item))
        messages.error(request, _("The item was not saved: please correct the fields marked below."))
        return render(request, "contentdesk/items/form.html", _form_context(request, form), status=400)
    services.content_channels_ensure_defaults(company=company)
    form = ContentItemForm(company=company, initial=_prefill(request))
    return render(request, "contentdesk/items/form.html", _form_context(request, form))


@company_view("content.write")
def content_item_edit(request, item_id):
    company = request.company
    item = item_for_page(company, item_id)
    if item.status in CLOSED:
        messages.info(request, _("A published or cancelled item can no longer be edited."))
        return redirect(item_url(company, item))
    if request.method == "POST":
        form = ContentItemForm(request.POST, company=company, item=item)
        if form.is_valid():
            status_before = item.status
            try:
                item = services.content_item_update(item=item, user=request.user, **form.item_fields())
            except ValidationError as error:
                form.add_error(None, error)
                item.refresh_from_db()
            else:
                if status_before != item.status == S.IN_REVIEW:
                    messages.warning(
                        request, _("Saved. The text changed after approval, so it goes back for a new approval.")
                    )
                else:
                    messages.success(request, _("Saved."))
                return redirect(item_url(company, item))
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(request, "contentdesk/items/form.html", _form_context(request, form, item), status=400)
    form = ContentItemForm(company=company, item=item, initial=ContentItemForm.initial_for(item))
    return render(request, "contentdesk/items/form.html", _form_context(request, form, item))


@require_POST
@company_view("content.write")
def content_item_preview(request):
    title, body, channel = PreviewForm(request.POST).values(request.company)
    context = {"preview": item_preview(title=title, body=body, channel=channel)}
    context["company_initials"] = _initials(request.company.name)
    # The preview, and the counter under the text box (out of band: on a phone the preview is
    # below the form, out of sight while typing).
    return render(request, "contentdesk/items/_preview_response.html", context)


# The item page, its moves and comments --------------------------------------------------------


@dataclass(frozen=True)
class MoveOffer:
    """A move as the item page offers it: a plain button, or a small form asking what it needs."""

    move: Move
    form: MoveForm
    asks: str  # "" (a button), "note", "published" or "time" (set a time first: a link to edit)
    is_open: bool


def _move_offers(item, membership, failed: MoveForm | None, supervised: bool) -> list[MoveOffer]:
    now = timezone.localtime()
    offers = []
    for move in moves_from(item, membership, supervised=supervised):
        asks = ""
        if move.target == S.PUBLISHED:
            asks = "published"
        elif move.needs_note:
            asks = "note"
        elif move.target == S.SCHEDULED and item.scheduled_at is None:
            asks = "time"
        is_open = failed is not None and failed.data.get("target") == move.target
        form = (
            failed
            if is_open
            else MoveForm(
                initial={
                    "target": move.target,
                    "published_date": now.date(),
                    "published_time": now.time().replace(second=0, microsecond=0),
                    "published_url": item.published_url,
                },
                auto_id=f"move-{move.target}-%s",
            )
        )
        offers.append(MoveOffer(move=move, form=form, asks=asks, is_open=is_open))
    return offers


def _detail_context(request, item, *, failed_move: MoveForm | None = None, comment_form=None) -> dict:
    membership = request.membership
    can_comment = may_comment(membership)
    over_limit = item.length_limit is not None and len(item.body) > item.length_limit
    held_post = held_posts.latest_for(item)
    supervised = held_posts.post_step_supervised(item, request.user, latest=held_post)
    offers = _move_offers(item, membership, failed_move, supervised)
    shown_in_place = any(o.is_open and o.asks in ("note", "published") for o in offers)
    context = {
        "item": item,
        "offers": offers,
        # A refused move whose form is not on the page (a plain button, or a stale target).
        "move_errors": failed_move.non_field_errors() if failed_move is not None and not shown_in_place else [],
        "comments": item_comments(item),
        "history": item_history(item_events(item)),
        "comment_form": (comment_form or CommentForm(auto_id="comment-%s")) if can_comment else None,
        "can_edit": membership.can("content.write") and item.status not in CLOSED,
        "body_length": len(item.body),
        "over_limit": over_limit,
        "schedule_in_past": item.scheduled_at is not None and item.scheduled_at < timezone.now(),
        "approval_shown": item.approved_by_id is not None and item.status in (S.APPROVED, S.SCHEDULED, S.PUBLISHED),
        "supervised": supervised,
        "held_post": held_post,
    }
    context.update(item_panel_context(item, membership))
    context.update(item_images_context(item, membership))
    context.update(item_newsletter_context(item, membership))
    return context


@company_view("content.view")
def content_item(request, item_id):
    item = item_for_page(request.company, item_id)
    return render(request, "contentdesk/items/detail.html", _detail_context(request, item))


@require_POST
@company_view("content.view")
def content_item_move(request, item_id):
    company, membership = request.company, request.membership
    item = item_for_page(company, item_id)
    if not may_move(membership):
        raise PermissionDenied
    target = request.POST.get("target", "")
    form = MoveForm(request.POST, auto_id=f"move-{target[:20]}-%s")
    supervised = held_posts.post_step_supervised(item, request.user)
    if target not in {move.target for move in moves_from(item, membership, supervised=supervised)}:
        # Not a move offered to this member now: the service says why (a role that may never
        # make it gets 403; otherwise the message explains what is possible).
        try:
            services.content_item_move(item=item, membership=membership, target=target)
        except ValidationError as error:
            return _refused(request, item, MoveForm({"target": target}, auto_id="move-x-%s"), error)
    if form.is_valid():
        try:
            item = services.content_item_move(item=item, membership=membership, **form.move_values())
        except ValidationError as error:
            return _refused(request, item, form, error)
        messages.success(
            request, _("“%(title)s” is now %(status)s.") % {"title": item.title, "status": item.get_status_display()}
        )
        return redirect(item_url(company, item))
    return _refused(request, item, form)


def _refused(request, item, form, error=None):
    """The item page again, with the reason and what was typed (400)."""
    if error is not None:
        form.add_error(None, error)
    messages.error(request, _("Nothing changed: see the message below."))
    return render(
        request, "contentdesk/items/detail.html", _detail_context(request, item, failed_move=form), status=400
    )


@require_POST
@company_view("content.view")
def content_item_comment(request, item_id):
    company = request.company
    item = item_for_page(company, item_id)
    if not may_comment(request.membership):
        raise PermissionDenied
    form = CommentForm(request.POST, auto_id="comment-%s")
    if form.is_valid():
        try:
            services.content_comment_add(item=item, user=request.user, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error)
        else:
            messages.success(request, _("Comment added."))
            return redirect(item_url(company, item, "comments"))
    messages.error(request, _("The comment was not added: see the message below."))
    return render(
        request, "contentdesk/items/detail.html", _detail_context(request, item, comment_form=form), status=400
    )
