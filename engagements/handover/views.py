from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.handover.forms import HandoverItemForm, HandoverMoveForm
from engagements.handover.models import STATE_ORDER, HandoverItem, HandoverState
from engagements.handover.services import (
    company_today,
    handover_default_items,
    handover_item_create,
    handover_item_delete,
    handover_item_update,
    handover_move,
    handover_move_problem,
    handover_progress,
    handover_readiness,
)
from engagements.plan.models import Engagement
from engagements.tenancy import company_view
from training.readiness import engagement_readiness


def _current_engagement(company):
    return Engagement.objects.for_company(company).current().select_related("company", "consultant", "trainee").first()


def _no_engagement(request):
    return render(request, "handover/no_engagement.html")


def _item_or_404(request, engagement, item_id):
    return get_object_or_404(
        HandoverItem.objects.for_company(request.company).filter(engagement=engagement), pk=item_id
    )


def _board(request):
    return redirect("handover_board", company_slug=request.company.slug)


@company_view("handover.view")
def handover_board(request):
    engagement = _current_engagement(request.company)
    if engagement is None:
        return _no_engagement(request)
    items = list(HandoverItem.objects.filter(engagement=engagement).with_history())
    readiness = engagement_readiness(engagement, items, company_today(engagement))
    for item in items:
        item.readiness = readiness.for_item(item)
    columns = [
        {"state": state, "label": HandoverState(state).label, "items": [i for i in items if i.state == state]}
        for state in STATE_ORDER
    ]
    context = {
        "engagement": engagement,
        "columns": columns,
        "progress": handover_progress(engagement),
        "handed_to_trainee": columns[-1]["items"],
        "shared_items": columns[1]["items"],
        "readiness": readiness,
    }
    return render(request, "handover/board.html", context)


@company_view("handover.move")
def handover_item_move(request, item_id):
    engagement = _current_engagement(request.company)
    if engagement is None:
        return _no_engagement(request)
    item = _item_or_404(request, engagement, item_id)
    item.engagement = engagement
    today = company_today(engagement)
    status = 200
    to_state = request.POST.get("to_state") if request.method == "POST" else request.GET.get("to", item.next_state)
    readiness = handover_readiness(item, today) if to_state == HandoverState.TRAINEE else None
    needs_reason = readiness is not None and not readiness.ready
    if request.method == "POST":
        form = HandoverMoveForm(request.POST, item=item, today=today, needs_reason=needs_reason)
        if form.is_valid():
            try:
                handover_move(item=item, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("“%(item)s” is now with: %(state)s.")
                    % {"item": item.name, "state": HandoverState(item.state).label},
                )
                return _board(request)
        status = 400
    else:
        form = HandoverMoveForm(
            initial={"to_state": request.GET.get("to", item.next_state or "")},
            item=item,
            today=today,
            needs_reason=needs_reason,
        )
    to_state = form.data.get("to_state") if form.is_bound else form.initial.get("to_state")
    problem = handover_move_problem(item, to_state) if to_state else _("Choose where the responsibility goes.")
    if problem and status == 200:
        status = 400
    context = {
        "engagement": engagement,
        "item": item,
        "form": form,
        "problem": problem,
        "from_label": HandoverState(item.state).label,
        "to_label": HandoverState(to_state).label if to_state in STATE_ORDER else "",
        "readiness": readiness,
    }
    return render(request, "handover/move.html", context, status=status)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@company_view("handover.move")
def handover_item_add(request):
    engagement = _current_engagement(request.company)
    if engagement is None:
        return _no_engagement(request)
    form = HandoverItemForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            item = handover_item_create(engagement=engagement, **_item_fields(form))
            messages.success(request, _("“%(item)s” added to the handover.") % {"item": item.name})
            return _board(request)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "handover/item_form.html", {"form": form, "item": None, "engagement": engagement}, status=status
    )


@company_view("handover.move")
def handover_item_edit(request, item_id):
    engagement = _current_engagement(request.company)
    if engagement is None:
        return _no_engagement(request)
    item = _item_or_404(request, engagement, item_id)
    form = HandoverItemForm(request.POST or None, instance=item)
    if request.method == "POST":
        if form.is_valid():
            handover_item_update(item=item, **_item_fields(form))
            messages.success(request, _("“%(item)s” saved.") % {"item": item.name})
            return _board(request)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "handover/item_form.html", {"form": form, "item": item, "engagement": engagement}, status=status
    )


def _item_fields(form) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "description": data["description"],
        "competencies": data["competencies"],
        "budget_limit": data["budget_limit"],
    }


@require_POST
@company_view("handover.move")
def handover_item_delete_view(request, item_id):
    engagement = _current_engagement(request.company)
    if engagement is None:
        return _no_engagement(request)
    item = _item_or_404(request, engagement, item_id)
    handover_item_delete(item=item)
    messages.success(request, _("“%(item)s” removed from the handover, with its history.") % {"item": item.name})
    return _board(request)


@require_POST
@company_view("handover.move")
def handover_defaults(request):
    engagement = _current_engagement(request.company)
    if engagement is None:
        return _no_engagement(request)
    created = handover_default_items(engagement)
    if created:
        messages.success(request, _("The usual responsibilities have been added: edit them to fit this company."))
    else:
        messages.info(request, _("This handover already has its responsibilities."))
    return _board(request)
