from datetime import timedelta

import factory
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from engagements.handover.models import HandoverItem, HandoverMove, HandoverState
from engagements.plan.models import Engagement
from engagements.plan.services import engagement_create


class EngagementFactory(factory.django.DjangoModelFactory):
    """An engagement with its default phases and milestones, as `engagement_create` makes it.

    Pass `company`, `consultant` and usually `trainee`; it starts 90 days ago and is active.
    """

    class Meta:
        model = Engagement

    title = "Comunicazione digitale 2026"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=90))
    planned_end_on = factory.LazyAttribute(lambda o: o.starts_on + relativedelta(months=7))
    status = Engagement.Status.ACTIVE

    @classmethod
    def _create(cls, model_class, *args, status=Engagement.Status.ACTIVE, **kwargs):
        engagement = engagement_create(
            company=kwargs["company"],
            consultant=kwargs["consultant"],
            trainee=kwargs.get("trainee"),
            title=kwargs["title"],
            starts_on=kwargs["starts_on"],
            planned_end_on=kwargs["planned_end_on"],
        )
        if status != engagement.status:
            Engagement.objects.filter(pk=engagement.pk).update(
                status=status, closed_on=timezone.localdate() if status == Engagement.Status.CLOSED else None
            )
            engagement.refresh_from_db()
        return engagement


class HandoverItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HandoverItem

    name = factory.Sequence(lambda n: f"Responsabilità {n}")
    description = "Da passare alla digital manager."
    order = factory.Sequence(int)
    state = HandoverState.CONSULTANT
    competencies = factory.LazyFunction(lambda: ["inbox.reply"])


class HandoverMoveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HandoverMove

    from_state = HandoverState.CONSULTANT
    to_state = HandoverState.SHARED
    moved_on = factory.LazyFunction(timezone.localdate)
    note = ""
