"""State changes for budget lines and spends.

A spend is approved when recorded if its amount is at most the company's threshold;
above it, the owner decides once: the decision is a conditional update, so two owners
clicking at the same moment cannot both decide.
"""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from activity.log import record
from activity.verbs import Verb
from engagements.budgets.models import ZERO, BudgetLine, BudgetRule, Channel, Spend, first_of_month
from engagements.models import Company, User


def money(amount: Decimal) -> str:
    """`€ 1.234,50` in the active language (a no-break space keeps the sign with the number)."""
    return "€\u00a0" + number_format(amount, 2, force_grouping=True)


def spend_needs_approval(*, company: Company, amount: Decimal) -> bool:
    """Exactly at the threshold is still the digital manager's decision."""
    return amount > company.spend_approval_threshold


def spend_record(*, company: Company, user: User, spent_on: date, amount: Decimal, channel: str, note: str) -> Spend:
    if not isinstance(amount, Decimal):
        raise TypeError("Spend amounts are Decimal, never float.")
    if amount <= 0:
        raise ValidationError(_("The amount must be more than zero."))
    if channel not in Channel.values:
        raise ValidationError(_("Choose a channel."))
    needs_approval = spend_needs_approval(company=company, amount=amount)
    with transaction.atomic():
        spend = Spend(
            company=company,
            spent_on=spent_on,
            amount=amount,
            channel=channel,
            note=note,
            recorded_by=user,
            recorded_at=timezone.now(),
            needed_approval=needs_approval,
            status=Spend.Status.PENDING if needs_approval else Spend.Status.APPROVED,
        )
        spend.full_clean(exclude=["company", "recorded_by", "decided_by"])
        spend.save()
    return spend


def _spend_decide(*, spend: Spend, user: User, status: str, comment: str) -> Spend:
    now = timezone.now()
    with transaction.atomic():
        claimed = Spend.objects.filter(pk=spend.pk, status=Spend.Status.PENDING).update(
            status=status, decided_by=user, decided_at=now, decision_comment=comment
        )
        if not claimed:
            current = Spend.objects.filter(pk=spend.pk).values_list("status", flat=True).first()
            if current == Spend.Status.APPROVED:
                raise ValidationError(_("This spend has already been approved: nothing was changed."))
            if current == Spend.Status.REJECTED:
                raise ValidationError(_("This spend has already been rejected: nothing was changed."))
            raise ValidationError(_("This spend no longer exists."))
        verb = Verb.SPEND_APPROVED if status == Spend.Status.APPROVED else Verb.SPEND_REJECTED
        record(spend.company_id, user, verb, spend, amount=str(spend.amount), channel=spend.channel)
    spend.status, spend.decided_by, spend.decided_at, spend.decision_comment = status, user, now, comment
    return spend


def spend_approve(*, spend: Spend, user: User, comment: str = "") -> Spend:
    return _spend_decide(spend=spend, user=user, status=Spend.Status.APPROVED, comment=comment.strip())


def spend_reject(*, spend: Spend, user: User, comment: str) -> Spend:
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(_("Say why you reject this spend: the digital manager reads your comment."))
    return _spend_decide(spend=spend, user=user, status=Spend.Status.REJECTED, comment=comment)


def budget_line_set(
    *, company: Company, month: date, channel: str, planned_amount: Decimal, note: str = ""
) -> BudgetLine:
    """Create or change the planned amount of one channel in one month."""
    if not isinstance(planned_amount, Decimal):
        raise TypeError("Planned amounts are Decimal, never float.")
    if planned_amount < 0:
        raise ValidationError(_("The planned amount cannot be negative."))
    if channel not in Channel.values:
        raise ValidationError(_("Choose a channel."))
    with transaction.atomic():
        line, _created = BudgetLine.objects.update_or_create(
            company=company,
            month=first_of_month(month),
            channel=channel,
            defaults={"planned_amount": planned_amount, "note": note},
        )
    return line


def budget_month_plan_set(*, company: Company, month: date, lines: list[dict]) -> list[BudgetLine]:
    """Set several channels of one month at once: all of them or none."""
    with transaction.atomic():
        return [budget_line_set(company=company, month=month, **line) for line in lines]


def spend_over_cap(*, spend: Spend) -> tuple[BudgetRule, Decimal] | None:
    """The budget rule whose monthly cap the spend's channel now exceeds in the spend's month, and the total.

    Approved and waiting spends count; rejected ones do not. With several capped rules on the
    channel the lowest cap speaks. A warning only: nothing is blocked. Two queries.
    """
    rule = (
        BudgetRule.objects.for_company(spend.company)
        .filter(channel=spend.channel, monthly_cap__isnull=False)
        .order_by("monthly_cap", "pk")
        .first()
    )
    if rule is None:
        return None
    total = (
        Spend.objects.for_company(spend.company)
        .in_month(spend.spent_on)
        .filter(channel=spend.channel)
        .exclude(status=Spend.Status.REJECTED)
        .order_by()
        .aggregate(total=Sum("amount"))["total"]
        or ZERO
    )
    return (rule, total) if total > rule.monthly_cap else None
