"""The demo training of Officine Berica: month 4 of 7, some modules done, one overdue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.handover.factories import EngagementFactory
from tests.training.factories import answered_enquiry, published_post
from training.demo import OVERDUE_MODULE, seed_demo_training
from training.models import Evidence, LessonRead, Module, TrainingPlan


@pytest.fixture
def month_four(company, consultant, digital_manager):
    today = timezone.localdate()
    return EngagementFactory(
        company=company, consultant=consultant, trainee=digital_manager, starts_on=today - timedelta(days=100)
    )


def test_demo_plan_has_done_modules_one_overdue_and_the_next_in_progress(
    company, digital_manager, month_four, media_root
):
    for _ in range(20):
        answered_enquiry(company, digital_manager, seconds=3600, at=timezone.now() - timedelta(days=2))
    for _ in range(8):
        published_post(company, digital_manager)
    seed_demo_training(company)
    plan = TrainingPlan.objects.get(engagement=month_four)
    today = timezone.localdate()
    done = plan.modules.filter(status=Module.Status.DONE)
    assert done.count() >= 5
    assert not done.filter(target_on__gte=today).exists()
    overdue = plan.modules.get(code=OVERDUE_MODULE)
    assert overdue.is_overdue(today)
    assert plan.modules.filter(status=Module.Status.IN_PROGRESS, target_on__gte=today).count() == 1
    assert plan.modules.filter(status=Module.Status.NOT_STARTED).exists()
    kinds = set(Evidence.objects.filter(assignment__module__plan=plan).values_list("kind", flat=True))
    assert {"note", "link", "file", "rule"} <= kinds
    assert (media_root / Evidence.objects.get(kind="file").file.name).exists()


def test_demo_training_is_idempotent_and_needs_a_trainee(company, consultant, month_four, media_root):
    seed_demo_training(company)
    counts = (Evidence.objects.count(), LessonRead.objects.count(), TrainingPlan.objects.count())
    seed_demo_training(company)
    assert (Evidence.objects.count(), LessonRead.objects.count(), TrainingPlan.objects.count()) == counts


def test_no_demo_training_without_a_digital_manager(other_company, consultant):
    EngagementFactory(company=other_company, consultant=consultant, trainee=None)
    seed_demo_training(other_company)
    assert not TrainingPlan.objects.exists()


def test_the_default_curriculum_reads_in_english_for_an_english_speaker(
    login, company, digital_manager, month_four, media_root
):
    seed_demo_training(company)
    module = Module.objects.get(plan__company=company, code="web-enquiries")
    digital_manager.language = "en"
    digital_manager.save()
    content = login(digital_manager).get(f"/c/{company.slug}/training/modules/{module.pk}/").content.decode()
    assert "Answering and routing web enquiries" in content
    assert "Answer fast, answer well" in content
    assert "Rispondere in fretta" not in content


def test_demo_assessments_and_log_are_seeded_once(company, digital_manager, month_four, media_root):
    from training.models import Assessment, LogEntry

    seed_demo_training(company)
    seed_demo_training(company)
    plan = TrainingPlan.objects.get(engagement=month_four)
    assessments = Assessment.objects.filter(plan=plan)
    assert assessments.filter(competency__code="inbox.reply").count() == 2  # history kept
    assert assessments.filter(signed_off_at__isnull=True).count() == 1  # a draft
    assert LogEntry.objects.filter(plan=plan).count() == 5
    assert LogEntry.objects.filter(plan=plan).exclude(comment="").count() == 2
