"""State changes of the handover board; each runs in a transaction."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activity.log import record
from activity.verbs import Verb
from engagements.handover.defaults import DEFAULT_ITEMS
from engagements.handover.models import STATE_ORDER, HandoverItem, HandoverMove, HandoverState
from engagements.plan.models import Engagement


def company_today(engagement: Engagement) -> date:
    return timezone.localdate(timezone=engagement.company.tzinfo)


def handover_item_create(
    *,
    engagement: Engagement,
    name: str,
    description: str = "",
    competencies: list[str] | None = None,
    budget_limit: Decimal | None = None,
) -> HandoverItem:
    """Add a responsibility at the end of the list, held by the consultant."""
    with transaction.atomic():
        last = HandoverItem.objects.filter(engagement=engagement).aggregate(last=Max("order"))["last"]
        item = HandoverItem(
            engagement=engagement,
            name=name,
            description=description,
            competencies=list(competencies or []),
            budget_limit=budget_limit,
            order=0 if last is None else last + 1,
        )
        item.full_clean()
        item.save()
    return item


def handover_item_update(
    *,
    item: HandoverItem,
    name: str,
    description: str = "",
    competencies: list[str] | None = None,
    budget_limit: Decimal | None = None,
) -> HandoverItem:
    """Change what a responsibility is; who holds it changes only through `handover_move`."""
    item.name = name
    item.description = description
    item.competencies = list(competencies or [])
    item.budget_limit = budget_limit
    item.full_clean()
    with transaction.atomic():
        item.save(update_fields=["name", "description", "competencies", "budget_limit"])
    return item


def handover_item_delete(*, item: HandoverItem) -> None:
    with transaction.atomic():
        item.delete()


def handover_move_problem(item: HandoverItem, to_state: str) -> str | None:
    """Why `item` cannot move to `to_state` (one step at a time), or None."""
    if to_state not in STATE_ORDER:
        return _("Choose where the responsibility goes.")
    if to_state == item.state:
        return _("“%(item)s” is already with: %(state)s.") % {"item": item.name, "state": HandoverState(to_state).label}
    if abs(STATE_ORDER.index(to_state) - STATE_ORDER.index(item.state)) != 1:
        return _("A responsibility moves one step at a time: first to Shared, then on.")
    return None


def handover_move(
    *,
    item: HandoverItem,
    to_state: str,
    user,
    moved_on: date | None = None,
    note: str = "",
    not_ready_reason: str = "",
) -> HandoverMove:
    """Move a responsibility one step (consultant ⇄ shared ⇄ digital manager), dated and confirmed.

    Handing it to the digital manager before training shows them ready (see
    `training.readiness`) needs the consultant's reason, stored on the move.

    The state changes with a conditional update on the state the user saw, so two people
    confirming the same move at once record it once; the second is told it already happened.
    """
    today = company_today(item.engagement)
    moved_on = moved_on or today
    problem = handover_move_problem(item, to_state)
    if problem:
        raise ValidationError(problem)
    if moved_on > today:
        raise ValidationError({"moved_on": _("The date of a move cannot be in the future.")})
    if moved_on < item.engagement.starts_on:
        raise ValidationError({"moved_on": _("The date of a move cannot come before the engagement starts.")})
    with transaction.atomic():
        claimed = HandoverItem.objects.filter(pk=item.pk, state=item.state).update(state=to_state)
        if not claimed:
            raise ValidationError(
                _("“%(item)s” has just been moved by someone else: look at the board again.") % {"item": item.name}
            )
        last_date = HandoverMove.objects.filter(item=item).aggregate(last=Max("moved_on"))["last"]
        if last_date and moved_on < last_date:
            # Leaves the transaction, so the state update above is rolled back too.
            raise ValidationError(
                {
                    "moved_on": _(
                        "The previous move of this responsibility is dated %(date)s: choose that day or a later one."
                    )
                    % {"date": _short_date(last_date)}
                }
            )
        # Leaves the transaction when refused, as above.
        not_ready_reason = not_ready_reason.strip()
        if to_state == HandoverState.TRAINEE:
            readiness = handover_readiness(item, today)
            if readiness.ready:
                not_ready_reason = ""
            elif not not_ready_reason:
                raise ValidationError(
                    {
                        "not_ready_reason": _(
                            "Training does not show the digital manager ready yet (%(missing)s): "
                            "write why you hand it over now."
                        )
                        % {"missing": readiness.missing_text()}
                    }
                )
        else:
            not_ready_reason = ""
        move = HandoverMove.objects.create(
            item=item,
            from_state=item.state,
            to_state=to_state,
            moved_on=moved_on,
            confirmed_by=user,
            note=note,
            not_ready_reason=not_ready_reason,
        )
        record(
            item.engagement.company_id,
            user,
            Verb.HANDOVER_MOVED,
            item,
            **{
                "from": item.state,
                "to": to_state,
                "moved_on": moved_on.isoformat(),
                "not_ready": bool(not_ready_reason),
            },
        )
    item.state = to_state
    return move


def handover_readiness(item: HandoverItem, today: date):
    """The item's readiness for the digital manager, from training (assessments and real work)."""
    from training.readiness import item_readiness

    return item_readiness(item, today)


def _short_date(day: date) -> str:
    from django.utils.formats import date_format

    return date_format(day, "SHORT_DATE_FORMAT")


def handover_progress(engagement: Engagement) -> dict:
    """Items per holder and the share already with the digital manager, in one query.

    {"consultant": 3, "shared": 2, "trainee": 2, "total": 7, "percent": 29}
    """
    counts = HandoverItem.objects.filter(engagement=engagement).aggregate(
        total=Count("id"),
        **{state: Count("id", filter=Q(state=state)) for state in STATE_ORDER},
    )
    total = counts["total"]
    counts["percent"] = round(counts[HandoverState.TRAINEE] * 100 / total) if total else 0
    return {str(key): value for key, value in counts.items()}


def handover_default_items(engagement: Engagement) -> list[HandoverItem]:
    """Create the usual list of responsibilities for an engagement that has none yet.

    Written in the company's language; an engagement that already has items is left as it is
    (returns an empty list), so calling it twice creates the list once.
    """
    with transaction.atomic():
        # Locks the engagement row on PostgreSQL so two clicks cannot both create the list.
        Engagement.objects.select_for_update().filter(pk=engagement.pk).first()
        if HandoverItem.objects.filter(engagement=engagement).exists():
            return []
        with translation.override(engagement.company.language):
            items = [
                HandoverItem(
                    engagement=engagement,
                    name=str(name),
                    description=str(description),
                    competencies=list(competencies),
                    budget_limit=budget_limit,
                    order=order,
                )
                for order, (name, description, competencies, budget_limit) in enumerate(DEFAULT_ITEMS)
            ]
        return HandoverItem.objects.bulk_create(items)
