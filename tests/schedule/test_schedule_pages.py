from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine

from engagements.roles import Role
from engagements.schedule.models import PresencePeriod
from engagements.schedule.services import presence_default_plan
from tests.factories import MembershipFactory
from tests.schedule.factories import PresencePeriodFactory

# Sunday 22 November 2026, 14:51 in Rome: the trial (Mon/Wed/Fri) runs until the 29th.
NOW = datetime(2026, 11, 22, 13, 51, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


def url(company, suffix=""):
    return f"/c/{company.slug}/engagement/schedule/{suffix}"


@pytest.fixture
def plan(company, digital_manager):
    return presence_default_plan(company=company, trainee=digital_manager, start=date(2026, 11, 2))


def period_post(**overrides):
    data = {
        "name": "Prova: 3 mattine",
        "kind": "trial",
        "starts_on": "2026-11-30",
        "ends_on": "2026-12-27",
        "day_0": "on",
        "start_0": "09:00",
        "end_0": "13:00",
        "day_2": "on",
        "start_2": "09:00",
        "end_2": "13:00",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_consultant_sees_the_periods_the_week_grid_and_the_next_time_on_duty_in_italian(
    login, company, consultant, digital_manager, plan
):
    content = login(consultant).get(url(company)).content.decode()
    assert "Presenze del digital manager" in content
    assert digital_manager.display_name in content
    assert "Prova: 3 mattine" in content
    assert "A regime: ogni mattina" in content
    assert "Prossima presenza: <strong>Lunedì 23 Novembre, 9:00</strong>" in content
    assert "in corso" in content
    assert "Aggiungi un periodo" in content
    assert f'action="{url(company, f"periods/{plan[0].pk}/delete/")}"' in content
    assert "data-confirm=" in content
    assert "12 h a settimana" in content  # the trial: three mornings of four hours


def test_the_page_says_on_duty_now_during_a_slot(login, company, consultant, plan):
    with time_machine.travel(datetime(2026, 11, 25, 9, 30, tzinfo=UTC), tick=False):  # Wednesday 10:30
        content = login(consultant).get(url(company)).content.decode()
    assert "Presente ora" in content
    assert "fino alle 13:00" in content


def test_the_page_is_in_english_for_an_english_speaking_user(login, company, consultant, plan):
    consultant.language = "en"
    consultant.save()
    content = login(consultant).get(url(company)).content.decode()
    assert "Trainee schedule" in content
    assert "Next on duty: <strong>Monday 23 November, 9:00</strong>" in content
    assert "Add a period" in content


def test_digital_manager_sees_the_plan_without_the_buttons_to_change_it(login, company, digital_manager, plan):
    response = login(digital_manager).get(url(company))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Prova: 3 mattine" in content
    assert "Aggiungi un periodo" not in content
    assert "/delete/" not in content


def test_trainee_without_periods_gets_the_typical_plan_button(login, company, owner, digital_manager):
    content = login(owner).get(url(company)).content.decode()
    assert "Crea il piano tipico" in content
    assert "Nessuna presenza prevista" in content
    assert 'value="2026-11-23"' in content  # next Monday


def test_colleague_gets_403(login, company, colleague):
    assert login(colleague).get(url(company)).status_code == 403


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.COLLEAGUE])
def test_roles_without_manage_cannot_add_periods(login, company, users_by_role, digital_manager, role):
    response = login(users_by_role[role]).post(
        url(company, f"trainee/{digital_manager.pk}/periods/new/"), period_post()
    )
    assert response.status_code == 403
    assert not PresencePeriod.objects.exists()


def test_owner_creates_the_typical_plan(login, company, owner, digital_manager):
    response = login(owner).post(
        url(company, f"trainee/{digital_manager.pk}/typical-plan/"), {f"plan{digital_manager.pk}-start": "2026-11-23"}
    )
    assert response.status_code == 302
    periods = PresencePeriod.objects.for_company(company).order_by("starts_on")
    assert [(p.kind, p.starts_on) for p in periods] == [("trial", date(2026, 11, 23)), ("regular", date(2026, 12, 21))]


def test_typical_plan_without_a_date_answers_400_with_the_page(login, company, owner, digital_manager):
    response = login(owner).post(url(company, f"trainee/{digital_manager.pk}/typical-plan/"))
    assert response.status_code == 400
    assert "Crea il piano tipico" in response.content.decode()
    assert not PresencePeriod.objects.exists()


def test_typical_plan_over_existing_periods_answers_400_naming_them(login, company, owner, digital_manager, plan):
    response = login(owner).post(
        url(company, f"trainee/{digital_manager.pk}/typical-plan/"), {f"plan{digital_manager.pk}-start": "2026-11-23"}
    )
    assert response.status_code == 400
    assert "Prova: 3 mattine" in response.content.decode()
    assert PresencePeriod.objects.count() == 2


def test_consultant_adds_a_period_with_its_days(login, company, consultant, digital_manager):
    response = login(consultant).post(url(company, f"trainee/{digital_manager.pk}/periods/new/"), period_post())
    assert response.status_code == 302
    period = PresencePeriod.objects.for_company(company).get()
    assert (period.trainee, period.kind, period.ends_on) == (digital_manager, "trial", date(2026, 12, 27))
    assert list(period.slots.values_list("weekday", flat=True)) == [0, 2]


def test_the_new_period_form_starts_with_mornings_ready(login, company, consultant, digital_manager):
    response = login(consultant).get(url(company, f"trainee/{digital_manager.pk}/periods/new/"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Nuovo periodo di presenza" in content
    assert 'value="09:00"' in content
    assert 'value="13:00"' in content


def test_a_period_without_days_answers_400_keeping_what_was_typed(login, company, consultant, digital_manager):
    data = period_post(day_0=None, day_2=None, name="Il mio periodo")
    response = login(consultant).post(url(company, f"trainee/{digital_manager.pk}/periods/new/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Il mio periodo" in content
    assert "Spunta almeno un giorno di presenza." in content
    assert not PresencePeriod.objects.exists()


def test_a_day_ending_before_it_starts_answers_400(login, company, consultant, digital_manager):
    data = period_post(start_2="14:00", end_2="10:00")
    response = login(consultant).post(url(company, f"trainee/{digital_manager.pk}/periods/new/"), data)
    assert response.status_code == 400
    assert not PresencePeriod.objects.exists()


def test_an_overlapping_period_answers_400_naming_both(login, company, consultant, digital_manager, plan):
    data = period_post(name="Estate", starts_on="2027-07-01", ends_on="2027-07-31")
    response = login(consultant).post(url(company, f"trainee/{digital_manager.pk}/periods/new/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "“Estate”" in content
    assert "“A regime: ogni mattina”" in content


def test_empty_post_to_the_forms_answers_400(login, company, consultant, digital_manager, plan):
    client = login(consultant)
    assert client.post(url(company, f"trainee/{digital_manager.pk}/periods/new/")).status_code == 400
    assert client.post(url(company, f"periods/{plan[0].pk}/edit/")).status_code == 400


def test_periods_are_only_for_digital_managers_of_the_company(login, company, consultant, owner, outsider):
    client = login(consultant)
    assert client.get(url(company, f"trainee/{owner.pk}/periods/new/")).status_code == 404
    assert client.get(url(company, f"trainee/{outsider.pk}/periods/new/")).status_code == 404
    assert client.post(url(company, f"trainee/{outsider.pk}/typical-plan/")).status_code == 404


def test_consultant_edits_a_period(login, company, consultant, plan):
    trial = plan[0]
    client = login(consultant)
    form = client.get(url(company, f"periods/{trial.pk}/edit/")).content.decode()
    assert 'value="Prova: 3 mattine"' in form
    assert 'name="day_4" class="form-check-input" id="id_day_4" checked' in form
    data = period_post(starts_on="2026-11-02", ends_on="2026-11-29", day_4="on", start_4="10:00", end_4="12:00")
    assert client.post(url(company, f"periods/{trial.pk}/edit/"), data).status_code == 302
    assert sorted(trial.slots.values_list("weekday", "starts_at__hour")) == [(0, 9), (2, 9), (4, 10)]


def test_consultant_deletes_a_period(login, company, consultant, plan):
    response = login(consultant).post(url(company, f"periods/{plan[1].pk}/delete/"))
    assert response.status_code == 302
    assert list(PresencePeriod.objects.for_company(company)) == [plan[0]]


def test_another_companys_period_answers_404(login, company, consultant, other_company, outsider):
    theirs = PresencePeriodFactory(company=other_company, trainee=outsider)
    client = login(consultant)
    assert client.get(url(company, f"periods/{theirs.pk}/edit/")).status_code == 404
    assert client.post(url(company, f"periods/{theirs.pk}/delete/")).status_code == 404
    assert PresencePeriod.objects.filter(pk=theirs.pk).exists()


def test_schedule_page_query_count_does_not_grow_with_trainees_and_periods(
    login, company, consultant, digital_manager, plan, django_assert_max_num_queries
):
    client = login(consultant)
    # session, user, membership+company, trainees, periods, slots, switcher memberships,
    # and on the first visit the session's "last company" (savepoint, update, release)
    with django_assert_max_num_queries(10):
        assert client.get(url(company)).status_code == 200
    for n in range(10):
        trainee = MembershipFactory(company=company, role=Role.DIGITAL_MANAGER).user
        for week in range(3):
            start = date(2026, 1, 5) + timedelta(weeks=week)
            PresencePeriodFactory(company=company, trainee=trainee, starts_on=start, ends_on=start, name=f"P{n}{week}")
    with django_assert_max_num_queries(10):
        assert client.get(url(company)).status_code == 200


def test_edit_page_query_count(login, company, consultant, plan, django_assert_max_num_queries):
    client = login(consultant)
    # session, user, membership+company, period+trainee, slots, switcher memberships,
    # and on the first visit the session's "last company" (savepoint, update, release)
    with django_assert_max_num_queries(9):
        assert client.get(url(company, f"periods/{plan[0].pk}/edit/")).status_code == 200
