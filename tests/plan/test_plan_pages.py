from datetime import date, timedelta

import pytest
import time_machine
from dateutil.relativedelta import relativedelta

from engagements.plan.models import Engagement, Milestone, Phase
from engagements.roles import Role
from tests.factories import CompanyFactory, MembershipFactory
from tests.plan.factories import make_engagement

TODAY = date(2026, 7, 15)


@pytest.fixture(autouse=True)
def _fixed_today():
    with time_machine.travel(date(2026, 7, 15), tick=False):
        yield


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return make_engagement(company, consultant, digital_manager, starts_on=date(2026, 3, 16), months=7)


def test_overview_shows_the_plan_timeline_and_overdue_milestones_in_italian(login, company, owner, engagement):
    content = login(owner).get(f"/c/{company.slug}/engagement/").content.decode()
    assert engagement.title in content
    assert "Ristrutturazione della comunicazione online" in content
    assert '<svg class="timeline-svg"' in content
    assert "oggi" in content  # the today line
    assert "in ritardo dal" in content  # an overdue milestone stands out
    assert "#dc3545" in content  # ... also on the timeline


def test_overview_in_english(login, company, owner, engagement):
    owner.language = "en"
    owner.save()
    content = login(owner).get(f"/c/{company.slug}/engagement/").content.decode()
    assert "Phases and milestones" in content
    assert "overdue since" in content
    assert "Ristrutturazione della comunicazione online" in content  # phase names are the company's data


def test_owner_reads_the_plan_without_edit_controls(login, company, owner, engagement):
    content = login(owner).get(f"/c/{company.slug}/engagement/").content.decode()
    assert f"/c/{company.slug}/engagement/edit/" not in content
    assert f"/c/{company.slug}/engagement/phases/" not in content


def test_consultant_sees_the_edit_controls(login, company, consultant, engagement):
    content = login(consultant).get(f"/c/{company.slug}/engagement/").content.decode()
    assert f"/c/{company.slug}/engagement/edit/" in content
    assert f"/c/{company.slug}/engagement/phases/" in content


def test_overview_without_an_engagement_invites_the_consultant_to_plan_it(login, company, consultant, digital_manager):
    assert (
        f"/c/{company.slug}/engagement/new/" in login(consultant).get(f"/c/{company.slug}/engagement/").content.decode()
    )
    assert (
        f"/c/{company.slug}/engagement/new/"
        not in login(digital_manager).get(f"/c/{company.slug}/engagement/").content.decode()
    )


def test_overview_query_count_does_not_grow_with_phases_and_milestones(
    login, company, owner, engagement, django_assert_max_num_queries
):
    client = login(owner)
    # session, user, membership, engagement, phases, milestones (prefetch), objectives,
    # milestone counts, switcher, session update in its savepoint (3)
    with django_assert_max_num_queries(12):
        assert client.get(f"/c/{company.slug}/engagement/").status_code == 200
    last = engagement.phases.order_by("order").last()
    for n in range(10):
        Phase.objects.create(
            engagement=engagement,
            name=f"Extra {n}",
            order=10 + n,
            planned_start=last.planned_end,
            planned_end=last.planned_end,
        )
    Milestone.objects.bulk_create(Milestone(phase=last, title=f"M{n}", due_on=last.planned_start) for n in range(50))
    with django_assert_max_num_queries(12):
        assert client.get(f"/c/{company.slug}/engagement/").status_code == 200


def test_consultant_creates_an_engagement_with_the_default_plan(login, company, consultant, digital_manager):
    response = login(consultant).post(
        f"/c/{company.slug}/engagement/new/",
        {
            "title": "Progetto web 2026",
            "trainee": digital_manager.pk,
            "starts_on": "2026-09-01",
            "planned_end_on": "2027-04-01",
            "restructuring_months": "24",
            "checkin_every_months": "0",
        },
    )
    assert response.status_code == 302
    engagement = Engagement.objects.get(company=company)
    assert (engagement.consultant, engagement.trainee) == (consultant, digital_manager)
    assert engagement.phases.count() == 5


@pytest.mark.parametrize(
    ("end", "reason", "status", "message"),
    [
        ("2027-01-15", "", 400, "Il piano dura meno di 6 mesi"),
        ("2027-06-01", "", 400, "Il piano dura più di 8 mesi"),
        ("2027-06-01", "Progetto esteso fino alla fiera di maggio", 302, None),
        ("2026-08-01", "qualsiasi", 400, "La fine prevista deve essere successiva"),
    ],
)
def test_plan_length_rule_on_the_form(login, company, consultant, end, reason, status, message):
    data = {
        "title": "Progetto",
        "starts_on": "2026-09-01",
        "planned_end_on": end,
        "length_reason": reason,
        "restructuring_months": "24",
        "checkin_every_months": "0",
    }
    response = login(consultant).post(f"/c/{company.slug}/engagement/new/", data)
    assert response.status_code == status
    if message:
        content = response.content.decode()
        assert message in content
        assert 'value="Progetto"' in content  # what was typed is kept
    else:
        assert Engagement.objects.get(company=company).length_reason == reason


@pytest.mark.parametrize("months", ["23", "37", "abc"])
def test_restructuring_interval_must_be_24_to_36_months(login, company, consultant, months):
    data = {
        "title": "P",
        "starts_on": "2026-09-01",
        "planned_end_on": "2027-04-01",
        "restructuring_months": months,
        "checkin_every_months": "0",
    }
    assert login(consultant).post(f"/c/{company.slug}/engagement/new/", data).status_code == 400
    assert not Engagement.objects.exists()


def _phases_payload(engagement, **changes):
    phases = list(engagement.phases.order_by("order"))
    data = {"form-TOTAL_FORMS": str(len(phases)), "form-INITIAL_FORMS": str(len(phases))}
    for i, p in enumerate(phases):
        data |= {
            f"form-{i}-id": p.pk,
            f"form-{i}-name": p.name,
            f"form-{i}-planned_start": p.planned_start.isoformat(),
            f"form-{i}-planned_end": p.planned_end.isoformat(),
            f"form-{i}-actual_start": "",
            f"form-{i}-actual_end": "",
        }
    data.update(changes)
    return data


def test_phase_editor_refuses_a_gap_naming_the_phases_and_keeps_the_input(login, company, consultant, engagement):
    coaching = engagement.phases.get(kind="coaching")
    shifted = (coaching.planned_start + timedelta(days=5)).isoformat()
    response = login(consultant).post(
        f"/c/{company.slug}/engagement/phases/", _phases_payload(engagement, **{"form-3-planned_start": shifted})
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert "intervallo scoperto tra “Attivazione dei canali e contenuti” e “Coaching”" in content
    assert shifted in content
    coaching.refresh_from_db()
    assert coaching.planned_start.isoformat() != shifted


def test_phase_editor_saves_renames_and_actual_dates(login, company, consultant, engagement):
    payload = _phases_payload(engagement, **{"form-0-name": "Audit e interviste", "form-0-actual_start": "2026-03-17"})
    assert login(consultant).post(f"/c/{company.slug}/engagement/phases/", payload).status_code == 302
    audit = engagement.phases.get(order=1)
    assert (audit.name, audit.actual_start) == ("Audit e interviste", date(2026, 3, 17))


def test_phase_move_through_the_page(login, company, consultant, engagement):
    coaching = engagement.phases.get(kind="coaching")
    login(consultant).post(f"/c/{company.slug}/engagement/phases/{coaching.pk}/move/up/")
    assert engagement.phases.get(kind="coaching").order == 3
    assert (
        login(consultant).post(f"/c/{company.slug}/engagement/phases/{coaching.pk}/move/sideways/").status_code == 404
    )


def test_phase_of_another_company_cannot_be_moved(login, company, consultant, engagement, other_company):
    MembershipFactory(company=other_company, user=consultant, role=Role.CONSULTANT)
    foreign = make_engagement(other_company, consultant, starts_on=date(2026, 3, 2))
    phase = foreign.phases.get(kind="coaching")
    assert login(consultant).post(f"/c/{company.slug}/engagement/phases/{phase.pk}/move/up/").status_code == 404


def test_milestone_marked_done_with_evidence_no_longer_stands_out(login, company, consultant, owner, engagement):
    milestone = Milestone.objects.for_company(company).overdue().first()
    response = login(consultant).post(
        f"/c/{company.slug}/engagement/milestones/{milestone.pk}/",
        {
            "phase": milestone.phase_id,
            "title": milestone.title,
            "due_on": milestone.due_on.isoformat(),
            "done_on": "2026-07-10",
            "evidence_note": "Verbale firmato",
            "evidence_url": "https://example.com/verbale",
        },
    )
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on == date(2026, 7, 10)
    assert not Milestone.objects.for_company(company).overdue().filter(pk=milestone.pk).exists()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("done_on", "2026-12-01", "non può essere completata nel futuro"),
        ("evidence_url", "not a link", "Inserisci un URL valido"),
        ("due_on", "", "Questo campo è obbligatorio"),
    ],
)
def test_milestone_bad_input_is_refused(login, company, consultant, engagement, field, value, message):
    milestone = Milestone.objects.for_company(company).first()
    data = {
        "phase": milestone.phase_id,
        "title": "Nuovo titolo",
        "due_on": milestone.due_on.isoformat(),
        "done_on": "",
        "evidence_note": "",
        "evidence_url": "",
    }
    data[field] = value
    response = login(consultant).post(f"/c/{company.slug}/engagement/milestones/{milestone.pk}/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    milestone.refresh_from_db()
    assert milestone.title != "Nuovo titolo"


def test_milestone_cannot_be_put_in_another_companys_phase(login, company, consultant, engagement, other_company):
    foreign = make_engagement(other_company, consultant, starts_on=date(2026, 3, 2))
    data = {"phase": foreign.phases.first().pk, "title": "Intrusa", "due_on": "2026-07-20"}
    assert login(consultant).post(f"/c/{company.slug}/engagement/milestones/new/", data).status_code == 400
    assert not Milestone.objects.filter(title="Intrusa").exists()


def test_closing_shows_continuous_in_house_mode(login, company, consultant, owner, engagement):
    login(consultant).post(f"/c/{company.slug}/engagement/status/", {"status": "closed"})
    content = login(owner).get(f"/c/{company.slug}/engagement/").content.decode()
    assert "Lavoro continuativo interno" in content
    assert "luglio 2028" in content.lower()  # next deep restructuring 24 months after the close


def test_portfolio_lists_each_company_of_the_consultant(login, company, consultant, engagement, other_company):
    MembershipFactory(company=other_company, user=consultant, role=Role.CONSULTANT)
    content = login(consultant).get("/portfolio/").content.decode()
    assert company.name in content
    assert other_company.name in content
    assert "Attivazione dei canali e contenuti" in content  # the current phase


def test_portfolio_is_for_consultants_only(login, owner, client, db):
    assert login(owner).get("/portfolio/").status_code == 403
    assert client.get("/portfolio/")["Location"].startswith("/accounts/login/")


def test_portfolio_query_count_does_not_grow_with_companies(
    login, consultant, company, engagement, django_assert_max_num_queries
):
    client = login(consultant)
    with django_assert_max_num_queries(12):
        assert client.get("/portfolio/").status_code == 200
    for n in range(10):
        other = CompanyFactory()
        MembershipFactory(company=other, user=consultant, role=Role.CONSULTANT)
        make_engagement(other, consultant, starts_on=date(2026, 1, 5) + relativedelta(days=n))
    with django_assert_max_num_queries(12):
        assert client.get("/portfolio/").status_code == 200
