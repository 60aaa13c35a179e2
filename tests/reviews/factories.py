from datetime import timedelta

import factory
from django.utils import timezone

from engagements.reviews.models import Review, ReviewAction
from tests.handover.factories import EngagementFactory

__all__ = ["EngagementFactory", "ReviewActionFactory", "ReviewFactory"]


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    month = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    figures = factory.LazyFunction(lambda: {"plan": {"milestones_due": 2, "current_phase": "Audit"}})
    notes = "Mese positivo."
    decisions = "Continuare così."


class ReviewActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewAction

    description = factory.Sequence(lambda n: f"Azione {n}")
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=10))
