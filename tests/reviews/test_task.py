"""The monthly review job: one draft per engagement and month, in the company's time zone."""

import json
import sys
import types
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from engagements.handover.models import HandoverState
from engagements.models import JobRun
from engagements.plan.models import Engagement, Milestone
from engagements.reviews import services
from engagements.reviews.figures import review_figures
from engagements.reviews.models import Review
from engagements.reviews.services import review_draft
from engagements.reviews.tasks import draft_monthly_reviews, draft_review
from tests.factories import CompanyFactory
from tests.handover.factories import HandoverItemFactory
from tests.reviews.factories import EngagementFactory

# 2026-03-31 22:30 UTC is already 1 April 00:30 in Rome (CEST), still 31 March 18:30 in New York.
JUST_AFTER_MIDNIGHT_IN_ROME = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)
JUST_BEFORE_MIDNIGHT_IN_ROME = datetime(2026, 3, 31, 21, 30, tzinfo=UTC)


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return EngagementFactory(
        company=company,
        consultant=consultant,
        trainee=digital_manager,
        starts_on=date(2026, 1, 12),
        planned_end_on=date(2026, 8, 12),
    )


@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_running_the_task_twice_drafts_one_review(engagement):
    assert draft_monthly_reviews() == 1
    assert draft_monthly_reviews() == 0
    review = Review.objects.get()
    assert (review.engagement, review.month, review.status) == (engagement, date(2026, 3, 1), Review.Status.DRAFT)
    assert JobRun.objects.get(name="draft_monthly_reviews").run_count == 2


@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_a_worker_that_loses_the_race_returns_the_review_of_the_winner(engagement, monkeypatch):
    real_figures = services.review_figures

    def figures_while_another_worker_drafts(e, start, end):
        # Another worker inserts the same review between our check and our insert.
        Review.objects.create(engagement=e, month=start, figures={})
        return real_figures(e, start, end)

    monkeypatch.setattr(services, "review_figures", figures_while_another_worker_drafts)
    review, created = review_draft(engagement=engagement, month=date(2026, 3, 1))
    assert created is False
    assert Review.objects.get() == review


def test_the_month_turns_at_midnight_in_the_company_time_zone(engagement, consultant):
    new_york = CompanyFactory(name="Filiale USA")
    new_york.timezone = "America/New_York"
    new_york.save()
    american = EngagementFactory(
        company=new_york, consultant=consultant, starts_on=date(2026, 1, 5), planned_end_on=date(2026, 8, 5)
    )
    with time_machine.travel(JUST_BEFORE_MIDNIGHT_IN_ROME, tick=False):
        draft_monthly_reviews()
    assert set(Review.objects.values_list("engagement", "month")) == {
        (engagement.pk, date(2026, 2, 1)),
        (american.pk, date(2026, 2, 1)),
    }
    with time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False):
        assert draft_monthly_reviews() == 1
    assert Review.objects.filter(month=date(2026, 3, 1)).get().engagement == engagement


@time_machine.travel(datetime(2026, 1, 20, 9, 0, tzinfo=UTC), tick=False)
def test_no_review_is_drafted_before_the_engagement_has_a_month_behind_it(engagement):
    # Started on 12 January: December is before the engagement.
    assert draft_monthly_reviews() == 0
    assert not Review.objects.exists()


@time_machine.travel(datetime(2026, 2, 1, 9, 0, tzinfo=UTC), tick=False)
def test_the_first_month_is_reviewed_even_when_the_engagement_started_part_way(engagement):
    assert draft_monthly_reviews() == 1
    assert Review.objects.get().month == date(2026, 1, 1)


@pytest.mark.parametrize("status", [Engagement.Status.PLANNED, Engagement.Status.CLOSED])
@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_planned_and_closed_engagements_get_no_review(engagement, status):
    Engagement.objects.filter(pk=engagement.pk).update(status=status)
    assert draft_monthly_reviews() == 0
    assert not Review.objects.exists()


@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_an_engagement_in_handover_is_still_reviewed(engagement):
    Engagement.objects.filter(pk=engagement.pk).update(status=Engagement.Status.HANDOVER)
    assert draft_monthly_reviews() == 1


@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_engagements_of_an_inactive_company_get_no_review(engagement, company):
    company.is_active = False
    company.save()
    assert draft_monthly_reviews() == 0


@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_the_job_queries_do_not_grow_with_the_number_of_engagements(
    engagement, consultant, django_assert_max_num_queries
):
    for _n in range(10):
        EngagementFactory(
            company=CompanyFactory(), consultant=consultant, starts_on=date(2026, 1, 5), planned_end_on=date(2026, 8, 5)
        )
    draft_monthly_reviews()
    # engagements with their companies, existing reviews, job run update (in a savepoint):
    # nothing left to draft
    with django_assert_max_num_queries(5):
        assert draft_monthly_reviews() == 0


@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_draft_review_takes_ids_and_drafts_once(engagement):
    first = draft_review(engagement.pk, "2026-02-17")
    assert draft_review(engagement.pk, "2026-02-01") == first
    assert Review.objects.get(pk=first).month == date(2026, 2, 1)
    assert draft_review(engagement.pk, "2025-12-01") is None
    assert draft_review(999999, "2026-02-01") is None
    assert Review.objects.count() == 1


def test_a_month_before_the_engagement_cannot_be_drafted(engagement):
    with pytest.raises(ValidationError):
        review_draft(engagement=engagement, month=date(2025, 12, 1))


@time_machine.travel(JUST_AFTER_MIDNIGHT_IN_ROME, tick=False)
def test_the_figures_snapshot_holds_the_month_milestones_phase_and_handover(engagement):
    milestones = list(Milestone.objects.filter(phase__engagement=engagement).order_by("due_on"))
    march = [m for m in milestones if date(2026, 3, 1) <= m.due_on <= date(2026, 3, 31)]
    assert march, "the default plan has a milestone due in March"
    march[0].done_on = date(2026, 3, 30)
    march[0].save()
    before = [m for m in milestones if m.due_on < date(2026, 3, 1)]
    HandoverItemFactory(engagement=engagement, state=HandoverState.TRAINEE)
    HandoverItemFactory(engagement=engagement, state=HandoverState.SHARED)
    figures = review_figures(engagement, date(2026, 3, 1), date(2026, 3, 31))
    assert figures["plan"]["milestones_due"] == len(march)
    assert figures["plan"]["milestones_due_done"] == 1
    assert figures["plan"]["milestones_done"] == 1
    assert figures["plan"]["milestones_overdue"] == len(before) + len(march) - 1
    assert figures["plan"]["current_phase"]
    assert figures["handover"] == {"consultant": 0, "shared": 1, "trainee": 1, "total": 2, "percent": 50}
    assert "budget" not in figures or isinstance(figures["budget"], dict)
    json.dumps(figures)


def test_budget_figures_come_from_the_budgets_metrics_when_it_exists(engagement, monkeypatch):
    calls = []

    def metrics(company, start, end):
        calls.append((company, start, end))
        return {"spent": Decimal("120.50"), "planned": Decimal("300"), "lines": [{"channel": "LinkedIn"}]}

    fake = types.ModuleType("engagements.budgets.metrics")
    fake.metrics = metrics
    monkeypatch.setitem(sys.modules, "engagements.budgets.metrics", fake)
    figures = review_figures(engagement, date(2026, 3, 1), date(2026, 3, 31))
    assert calls == [(engagement.company, date(2026, 3, 1), date(2026, 3, 31))]
    assert isinstance(figures["budget"], dict)
    assert figures["budget"]["spent"] == "120.50"
    json.dumps(figures)


def test_without_the_budgets_metrics_the_snapshot_has_no_budget(engagement, monkeypatch):
    monkeypatch.setitem(sys.modules, "engagements.budgets.metrics", None)  # import fails
    figures = review_figures(engagement, date(2026, 3, 1), date(2026, 3, 31))
    assert "budget" not in figures
    assert {"plan", "handover"} <= set(figures)


def test_budget_figures_given_as_a_dataclass_are_stored_as_a_dict(engagement, monkeypatch):
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Metrics:
        planned: Decimal
        spent: Decimal

        @property
        def remaining(self):
            return self.planned - self.spent

    fake = types.ModuleType("engagements.budgets.metrics")
    fake.metrics = lambda company, start, end: Metrics(planned=Decimal("300.00"), spent=Decimal("120.00"))
    monkeypatch.setitem(sys.modules, "engagements.budgets.metrics", fake)
    figures = review_figures(engagement, date(2026, 3, 1), date(2026, 3, 31))
    assert figures["budget"] == {"planned": "300.00", "spent": "120.00", "remaining": "180.00"}
