import itertools
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from engagements.plan.models import Engagement, Milestone, Phase
from engagements.plan.services import engagement_set_status, phase_move, phases_save
from tests.plan.factories import make_engagement

START = date(2026, 3, 2)


@pytest.mark.parametrize("months", [6, 7, 8])
def test_plans_of_six_to_eight_months_need_no_reason(company, consultant, months):
    engagement = make_engagement(company, consultant, starts_on=START, months=months)
    assert engagement.length_reason == ""


@pytest.mark.parametrize(
    ("end", "message"),
    [
        (date(2026, 8, 1), "Il piano dura meno di 6 mesi."),
        (date(2026, 11, 3), "Il piano dura più di 8 mesi."),
    ],
)
def test_plan_outside_six_to_eight_months_is_refused_without_a_reason(company, consultant, end, message):
    with pytest.raises(ValidationError) as error:
        _create(company, consultant, end)
    assert message in str(error.value.message_dict["length_reason"])
    assert not Engagement.objects.exists()


def _create(company, consultant, end, reason=""):
    from engagements.plan.services import engagement_create

    return engagement_create(
        company=company,
        consultant=consultant,
        trainee=None,
        title="x",
        starts_on=START,
        planned_end_on=end,
        length_reason=reason,
    )


def test_plan_outside_the_range_is_accepted_with_a_reason_which_is_kept(company, consultant):
    engagement = _create(company, consultant, date(2026, 12, 1), reason="Fiera a novembre: serve un mese in più")
    engagement.refresh_from_db()
    assert engagement.length_reason == "Fiera a novembre: serve un mese in più"


def test_end_before_start_is_refused(company, consultant):
    with pytest.raises(ValidationError) as error:
        _create(company, consultant, START - timedelta(days=1), reason="any")
    assert "planned_end_on" in error.value.message_dict


def test_default_plan_fits_the_chosen_length_without_gaps(company, consultant):
    engagement = make_engagement(company, consultant, starts_on=START, months=7)
    phases = list(engagement.phases.order_by("order"))
    assert [p.kind for p in phases] == ["audit", "restructuring", "activation", "coaching", "handover"]
    assert phases[0].planned_start == engagement.starts_on
    assert phases[-1].planned_end == engagement.planned_end_on
    for before, after in itertools.pairwise(phases):
        assert after.planned_start == before.planned_end + timedelta(days=1)
    for milestone in Milestone.objects.filter(phase__engagement=engagement).select_related("phase"):
        assert milestone.phase.planned_start <= milestone.due_on <= milestone.phase.planned_end
    assert engagement.objectives.count() == 3


def test_a_company_has_one_open_engagement_at_a_time(company, consultant):
    make_engagement(company, consultant, starts_on=START)
    with pytest.raises(ValidationError):
        make_engagement(company, consultant, starts_on=START)


def test_overlapping_phases_are_refused_naming_them(company, consultant):
    engagement = make_engagement(company, consultant, starts_on=START)
    phases = list(engagement.phases.order_by("order"))
    phases[1].planned_start -= timedelta(days=3)
    with pytest.raises(ValidationError) as error:
        phases_save(engagement=engagement, phases=phases)
    assert "“Audit” e “Ristrutturazione della comunicazione online” si sovrappongono" in error.value.messages[0]


def test_a_gap_between_phases_is_refused_naming_them(company, consultant):
    engagement = make_engagement(company, consultant, starts_on=START)
    phases = list(engagement.phases.order_by("order"))
    phases[3].planned_start += timedelta(days=2)
    with pytest.raises(ValidationError) as error:
        phases_save(engagement=engagement, phases=phases)
    assert "intervallo scoperto tra “Attivazione dei canali e contenuti” e “Coaching”" in error.value.messages[0]


def test_moving_a_phase_keeps_lengths_and_leaves_no_gap(company, consultant):
    engagement = make_engagement(company, consultant, starts_on=START)
    before = {p.kind: p.duration_days for p in engagement.phases.all()}
    coaching = engagement.phases.get(kind="coaching")
    phase_move(phase=coaching, direction=-1)
    phases = list(engagement.phases.order_by("order"))
    assert [p.kind for p in phases] == ["audit", "restructuring", "coaching", "activation", "handover"]
    assert {p.kind: p.duration_days for p in phases} == before
    assert phases[0].planned_start == START
    for a, b in itertools.pairwise(phases):
        assert b.planned_start == a.planned_end + timedelta(days=1)
    phase_move(phase=phases[0], direction=-1)  # already first: nothing changes
    assert engagement.phases.get(order=1).kind == "audit"


def test_closing_puts_the_company_in_continuous_in_house_mode(company, consultant):
    engagement = make_engagement(company, consultant, starts_on=START)
    engagement_set_status(engagement=engagement, status=Engagement.Status.CLOSED, today=date(2026, 10, 5))
    engagement.refresh_from_db()
    assert engagement.closed_on == date(2026, 10, 5)
    assert engagement.next_restructuring_due == date(2028, 10, 5)
    assert not Engagement.objects.for_company(company).current().exists()


def test_overdue_milestones_are_those_past_due_and_not_done(company, consultant):
    make_engagement(company, consultant, starts_on=START)
    today = date(2026, 5, 1)
    overdue = Milestone.objects.for_company(company).overdue(today)
    assert overdue.exists()
    assert all(m.due_on < today and m.done_on is None for m in overdue)
    first = overdue.first()
    first.done_on = today
    first.save()
    assert first not in Milestone.objects.for_company(company).overdue(today)
    assert Phase.objects.for_company(company).count() == 5
