"""Engagement figures of a month: the phase under way, milestones due, done and overdue, and the
next ones, seen as of the month's end (or today while the month runs)."""

import json
from datetime import date

from engagements.plan.metrics import figures
from engagements.plan.models import Engagement, Milestone, Phase

OCTOBER = (date(2026, 10, 1), date(2026, 10, 31))


def _engagement(company, consultant, **extra):
    engagement = Engagement.objects.create(
        company=company,
        consultant=consultant,
        title="Dalle richieste web alle vendite",
        starts_on=date(2026, 8, 1),
        planned_end_on=date(2027, 3, 1),
        status=Engagement.Status.ACTIVE,
        **extra,
    )
    audit = Phase.objects.create(
        engagement=engagement,
        kind="audit",
        name="Audit",
        order=1,
        planned_start=date(2026, 8, 1),
        planned_end=date(2026, 9, 15),
        actual_start=date(2026, 8, 1),
        actual_end=date(2026, 9, 20),
    )
    activation = Phase.objects.create(
        engagement=engagement,
        kind="activation",
        name="Attivazione dei canali",
        order=2,
        planned_start=date(2026, 9, 16),
        planned_end=date(2026, 12, 31),
    )
    Milestone.objects.create(phase=audit, title="Audit presentato", due_on=date(2026, 9, 15), done_on=date(2026, 9, 20))
    Milestone.objects.create(
        phase=activation, title="Modulo nuovo online", due_on=date(2026, 10, 10), done_on=date(2026, 10, 9)
    )
    Milestone.objects.create(phase=activation, title="Linea editoriale", due_on=date(2026, 10, 20))
    Milestone.objects.create(
        phase=activation, title="Newsletter attiva", due_on=date(2026, 10, 30), done_on=date(2026, 11, 3)
    )
    Milestone.objects.create(phase=activation, title="Prima campagna", due_on=date(2026, 12, 15))
    return engagement


def test_a_past_month_is_seen_as_of_its_last_day(company, consultant):
    _engagement(company, consultant)
    result = figures(company, *OCTOBER, today=date(2026, 11, 20))
    assert result["as_of"] == "2026-10-31"
    assert result["current_phase"] == {"name": "Attivazione dei canali", "kind": "activation"}
    assert result["milestones"] == {"total": 5, "due": 3, "done": 1, "overdue": 2, "done_overall": 2}
    assert result["engagement"]["month_number"] == 3
    assert [(m["title"], m["due_on"], m["overdue"]) for m in result["next_milestones"]] == [
        ("Linea editoriale", "2026-10-20", True),
        ("Newsletter attiva", "2026-10-30", True),  # done only in November
        ("Prima campagna", "2026-12-15", False),
    ]
    assert json.loads(json.dumps(result)) == result


def test_the_running_month_is_seen_as_of_today(company, consultant):
    _engagement(company, consultant)
    result = figures(company, *OCTOBER, today=date(2026, 10, 15))
    assert result["as_of"] == "2026-10-15"
    assert result["milestones"]["overdue"] == 0
    assert result["milestones"]["done"] == 1
    assert [m["title"] for m in result["next_milestones"]] == [
        "Linea editoriale",
        "Newsletter attiva",
        "Prima campagna",
    ]


def test_without_an_engagement_in_the_month_there_are_no_figures(company, consultant, other_company):
    _engagement(other_company, consultant)
    assert figures(company, *OCTOBER, today=date(2026, 11, 20)) is None
    _engagement(company, consultant)
    assert figures(company, date(2026, 6, 1), date(2026, 6, 30), today=date(2026, 11, 20)) is None


def test_a_closed_engagement_still_answers_for_the_months_it_ran(company, consultant):
    engagement = _engagement(company, consultant)
    Engagement.objects.filter(pk=engagement.pk).update(status=Engagement.Status.CLOSED, closed_on=date(2026, 10, 5))
    assert figures(company, *OCTOBER, today=date(2026, 11, 20))["engagement"]["status"] == "closed"
    assert figures(company, date(2026, 11, 1), date(2026, 11, 30), today=date(2026, 11, 20)) is None


def test_figures_run_four_queries(company, consultant, django_assert_num_queries):
    _engagement(company, consultant)
    # engagement, milestone counts, phase under way, next milestones
    with django_assert_num_queries(4):
        figures(company, *OCTOBER, today=date(2026, 11, 20))
