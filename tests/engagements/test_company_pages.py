import pytest
from django.db import connection

from engagements.models import BusinessHours, Company
from engagements.roles import Role
from tests.factories import CompanyFactory, MembershipFactory


def test_root_sends_a_single_company_user_to_the_company_home(login, company, owner):
    assert login(owner).get("/")["Location"] == f"/c/{company.slug}/"


def test_root_sends_a_multi_company_user_to_the_picker_then_to_the_last_company(
    login, company, consultant, other_company
):
    MembershipFactory(company=other_company, user=consultant, role=Role.CONSULTANT)
    client = login(consultant)
    assert client.get("/")["Location"] == "/companies/"
    picker = client.get("/companies/").content.decode()
    assert company.name in picker
    assert other_company.name in picker
    client.get(f"/c/{other_company.slug}/")
    assert client.get("/")["Location"] == f"/c/{other_company.slug}/"


def test_root_sends_anonymous_users_to_login(client, db):
    assert client.get("/")["Location"].startswith("/accounts/login/")


def test_user_without_company_sees_an_explanation(login, db):
    from tests.factories import UserFactory

    content = login(UserFactory()).get("/", follow=True).content.decode()
    assert "Chiedi al titolare della tua azienda" in content


def test_company_switcher_lists_every_company_of_the_user(login, company, consultant, other_company):
    MembershipFactory(company=other_company, user=consultant, role=Role.CONSULTANT)
    content = login(consultant).get(f"/c/{company.slug}/").content.decode()
    assert f'href="/c/{other_company.slug}/"' in content


@pytest.mark.parametrize("role", list(Role))
def test_company_home_is_in_italian_with_the_navigation_of_the_role(login, company, users_by_role, role):
    content = login(users_by_role[role]).get(f"/c/{company.slug}/").content.decode()
    assert 'lang="it"' in content
    assert "Buon lavoro" in content
    assert (f"/c/{company.slug}/members/" in content) == (role != Role.COLLEAGUE)
    assert (f"/c/{company.slug}/settings/" in content) == (role in (Role.OWNER, Role.CONSULTANT))


# The colleague's home (the questions routed to them, reports.views.questions; none here):
# session, user, membership+company, the count of questions, switcher memberships, session
# update and its savepoints.
# The consultant's home is the dashboard of a company without data yet: session, user,
# membership+company; for each of this month, the month before and a year earlier: the
# inbox's period and, the period being empty, whether anything came before it (2), content per
# channel and whether the calendar was used, budget planned and spent and whether lines or
# spends exist (8); the 12-month enquiries; the engagement; the newsletter (5) and the training
# plan (1); whether an audit baseline exists (the comparison link); switcher memberships;
# session update and its savepoints.
# (The dashboard with data: tests/reports/test_dashboard_page.py.) On PostgreSQL, a request that
# finds the closed months' enquiry counts not cached yet (inbox.EnquiryMonthStamp) counts them in
# one grouped query more, whatever the amount of data.
@pytest.mark.parametrize(("role", "queries"), [(Role.COLLEAGUE, 9), (Role.CONSULTANT, 40)])
def test_company_home_query_count_is_fixed(login, company, users_by_role, role, queries, django_assert_max_num_queries):
    user = users_by_role[role]
    client = login(user)
    if role == Role.CONSULTANT and connection.vendor == "postgresql":
        queries += 1
    with django_assert_max_num_queries(queries):
        client.get(f"/c/{company.slug}/")
    for _n in range(10):
        other = CompanyFactory()
        MembershipFactory(company=other, user=user, role=role)
        MembershipFactory(company=company, role=Role.COLLEAGUE)
    with django_assert_max_num_queries(queries):
        assert client.get(f"/c/{company.slug}/").status_code == 200


def test_picker_query_count_is_fixed(login, consultant, django_assert_max_num_queries):
    for _ in range(10):
        MembershipFactory(company=CompanyFactory(), user=consultant, role=Role.CONSULTANT)
    client = login(consultant)
    # session, user, memberships+companies, switcher memberships
    with django_assert_max_num_queries(5):
        assert client.get("/companies/").status_code == 200


def test_owner_changes_company_settings_and_business_hours(login, company, owner):
    hours = list(BusinessHours.objects.for_company(company))
    data = {
        "company-name": "Officine Test Srl",
        "company-sector": "Meccanica di precisione",
        "company-timezone": "Europe/Rome",
        "company-language": "en",
        "company-spend_approval_threshold": "250.00",
        "hours-TOTAL_FORMS": str(len(hours) + 2),
        "hours-INITIAL_FORMS": str(len(hours)),
        "hours-MIN_NUM_FORMS": "0",
        "hours-MAX_NUM_FORMS": "1000",
    }
    for i, h in enumerate(hours):
        data |= {
            f"hours-{i}-id": h.pk,
            f"hours-{i}-weekday": h.weekday,
            f"hours-{i}-opens": "08:30" if h.opens.hour < 12 else "14:00",
            f"hours-{i}-closes": "12:30" if h.opens.hour < 12 else "18:00",
        }
    data[f"hours-{len(hours) - 1}-DELETE"] = "on"
    data |= {
        f"hours-{len(hours)}-weekday": "5",
        f"hours-{len(hours)}-opens": "09:00",
        f"hours-{len(hours)}-closes": "12:00",
    }
    response = login(owner).post(f"/c/{company.slug}/settings/", data)
    assert response.status_code == 302
    company.refresh_from_db()
    assert (company.name, company.language, str(company.spend_approval_threshold)) == (
        "Officine Test Srl",
        "en",
        "250.00",
    )
    assert BusinessHours.objects.for_company(company).filter(weekday=5).count() == 1
    assert BusinessHours.objects.for_company(company).count() == len(hours)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("company-timezone", "Mars/Olympus", "Mars/Olympus"),
        ("company-name", "", "Questo campo è obbligatorio"),
        ("company-spend_approval_threshold", "-5", "maggiore o uguale a 0"),
    ],
)
def test_bad_company_settings_are_refused_and_nothing_is_saved(login, company, owner, field, value, message):
    data = {
        "company-name": "Nuovo nome",
        "company-sector": "",
        "company-timezone": "Europe/Rome",
        "company-language": "it",
        "company-spend_approval_threshold": "300",
        "hours-TOTAL_FORMS": "0",
        "hours-INITIAL_FORMS": "0",
        field: value,
    }
    response = login(owner).post(f"/c/{company.slug}/settings/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Company.objects.get(pk=company.pk).name == "Officine Test"


def test_overlapping_or_backwards_hours_are_refused(login, company, owner):
    data = {
        "company-name": "Officine Test",
        "company-timezone": "Europe/Rome",
        "company-language": "it",
        "company-spend_approval_threshold": "300",
        "hours-TOTAL_FORMS": "3",
        "hours-INITIAL_FORMS": "0",
        "hours-0-weekday": "5",
        "hours-0-opens": "09:00",
        "hours-0-closes": "12:00",
        "hours-1-weekday": "5",
        "hours-1-opens": "11:00",
        "hours-1-closes": "13:00",
        "hours-2-weekday": "6",
        "hours-2-opens": "12:00",
        "hours-2-closes": "09:00",
    }
    content = login(owner).post(f"/c/{company.slug}/settings/", data).content.decode()
    assert "successivo a quello di apertura" in content
    data["hours-TOTAL_FORMS"] = "2"
    content = login(owner).post(f"/c/{company.slug}/settings/", data).content.decode()
    assert "si sovrappongono" in content
    assert not BusinessHours.objects.for_company(company).filter(weekday__gte=5).exists()


def test_company_settings_page_query_count_is_fixed(login, company, owner, django_assert_max_num_queries):
    client = login(owner)
    # session, user, membership+company, business hours, switcher, session update (last company)
    with django_assert_max_num_queries(8):
        assert client.get(f"/c/{company.slug}/settings/").status_code == 200


def test_owner_home_shows_spends_to_approve_and_overdue_milestones(
    login, company, owner, consultant, django_assert_max_num_queries
):
    from datetime import date, timedelta
    from decimal import Decimal

    from engagements.budgets.services import spend_record
    from tests.plan.factories import make_engagement

    make_engagement(company, consultant, starts_on=date.today() - timedelta(days=100))
    spend_record(
        company=company,
        user=consultant,
        spent_on=date.today(),
        amount=Decimal("950.00"),
        channel="google_ads",
        note="Campagna fiera",
    )
    client = login(owner)
    client.get(f"/c/{company.slug}/")
    # The owner's home is the dashboard (its queries are named in
    # tests/reports/test_dashboard_page.py): here without enquiries or content.
    with django_assert_max_num_queries(46):
        content = client.get(f"/c/{company.slug}/").content.decode()
    assert "Campagna fiera" in content
    assert "in ritardo dal" in content
