from datetime import date

import factory

from engagements.readiness.models import ReadinessAnswer, ReadinessCheck
from engagements.readiness.questionnaire import QUESTIONS
from tests.factories import CompanyFactory


class ReadinessCheckFactory(factory.django.DjangoModelFactory):
    """A check; `answers={key: score}` sets its answers, `answers=1` answers every question with 1."""

    class Meta:
        model = ReadinessCheck
        skip_postgeneration_save = True

    company = factory.SubFactory(CompanyFactory)
    taken_on = date(2026, 11, 2)
    label = factory.Sequence(lambda n: f"Audit {n}")

    @factory.post_generation
    def answers(obj, create, extracted, **kwargs):
        if not create or extracted is None:
            return
        scores = dict.fromkeys(QUESTIONS, extracted) if isinstance(extracted, int) else extracted
        ReadinessAnswer.objects.bulk_create(
            ReadinessAnswer(readiness_check=obj, question_key=key, score=score) for key, score in scores.items()
        )
