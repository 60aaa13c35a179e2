"""Supervised mode: which of the trainee's work needs the consultant's approval, and the
record of the consultant's reviews.

A category is supervised when:

1. the consultant put it under supervision by hand (`forced`) and it has not earned autonomy
   since; or
2. it has not earned autonomy, and the handover board still asks for supervision: a
   responsibility of the current engagement not yet with the digital manager needs a
   competency covering that work — "inbox.*" codes cover every reply topic; for posts the
   codes cover channels as in readiness ("content.*" every channel, "social.*" the social
   networks, "newsletter.*" the newsletter, "website.*" website and blog).

A category becomes autonomous after N reviews in a row approved without changes, N being the
company's `TrainingSettings.supervision_streak` (default 5). Edits or a send-back reset the
streak. The consultant can put an autonomous category back under supervision at any time.
"""

from django.db import transaction
from django.utils import timezone

from contentdesk.models import ContentChannel
from engagements.handover.models import HandoverItem, HandoverState
from engagements.plan.models import Engagement
from training.readiness import CONTENT_CHANNELS
from training.supervision_models import DEFAULT_SUPERVISION_STREAK, SupervisedCategory, TrainingSettings

Kind = SupervisedCategory.Kind
State = SupervisedCategory.State


def supervision_streak(company) -> int:
    value = TrainingSettings.objects.filter(company=company).values_list("supervision_streak", flat=True).first()
    return value or DEFAULT_SUPERVISION_STREAK


def settings_set_streak(*, company, streak: int) -> TrainingSettings:
    with transaction.atomic():
        obj, _created = TrainingSettings.objects.update_or_create(
            company=company, defaults={"supervision_streak": streak}
        )
    return obj


def _board_codes(company) -> list[str]:
    """Competency codes of the current engagement's responsibilities not yet with the trainee."""
    rows = (
        HandoverItem.objects.for_company(company)
        .exclude(engagement__status=Engagement.Status.CLOSED)
        .exclude(state=HandoverState.TRAINEE)
        .values_list("competencies", flat=True)
    )
    return [code for codes in rows for code in (codes or []) if isinstance(code, str)]


def _codes_cover(codes: list[str], kind: str, channel_kind: str | None) -> bool:
    prefixes = {code.split(".", 1)[0] for code in codes}
    if kind == Kind.REPLY:
        return "inbox" in prefixes
    for prefix in prefixes:
        if prefix in CONTENT_CHANNELS:
            kinds = CONTENT_CHANNELS[prefix]
            if kinds is None or channel_kind in kinds:
                return True
    return False


def board_supervises(company, kind: str, key: str) -> bool:
    channel_kind = None
    if kind == Kind.POST:
        channel_kind = (
            ContentChannel.objects.filter(company=company, pk=_channel_id(key)).values_list("kind", flat=True).first()
        )
        if channel_kind is None:
            return False
    return _codes_cover(_board_codes(company), kind, channel_kind)


def _channel_id(key: str) -> int:
    return int(key) if str(key).isdigit() else 0


def is_supervised(*, company, kind: str, key: str) -> bool:
    category = SupervisedCategory.objects.filter(company=company, kind=kind, key=key).first()
    if category is not None:
        if category.state == State.AUTONOMOUS:
            return False
        if category.forced:
            return True
    return board_supervises(company, kind, key)


def category_review_record(*, company, kind: str, key: str, changed: bool) -> tuple[SupervisedCategory, bool]:
    """Count one consultant review; returns the category and whether it just became autonomous."""
    with transaction.atomic():
        SupervisedCategory.objects.get_or_create(company=company, kind=kind, key=key)
        category = SupervisedCategory.objects.select_for_update().get(company=company, kind=kind, key=key)
        became_autonomous = False
        if changed:
            category.changes += 1
            category.streak = 0
        else:
            category.approvals += 1
            category.streak += 1
            if category.state == State.SUPERVISED and category.streak >= supervision_streak(company):
                category.state = State.AUTONOMOUS
                category.autonomous_since = timezone.now()
                became_autonomous = True
        category.save()
    return category, became_autonomous


def category_supervise(*, company, kind: str, key: str) -> SupervisedCategory:
    """The consultant puts a category (back) under supervision: it must earn autonomy again."""
    with transaction.atomic():
        SupervisedCategory.objects.get_or_create(company=company, kind=kind, key=key)
        category = SupervisedCategory.objects.select_for_update().get(company=company, kind=kind, key=key)
        category.state = State.SUPERVISED
        category.forced = True
        category.streak = 0
        category.autonomous_since = None
        category.save()
    return category
