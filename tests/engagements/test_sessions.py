"""Sessions: idle expiry, removal ends a member's sessions at once, role changes."""

import time

import pytest
from django.test import Client, override_settings

from activity.models import Activity
from activity.verbs import Verb
from engagements.models import Membership, UserSession
from engagements.reauth import CONFIRMED_AT_SESSION_KEY, MARKER_FIELD, PASSWORD_FIELD
from engagements.roles import Role
from engagements.sessions import LAST_SEEN_SESSION_KEY
from tests.factories import PASSWORD, MembershipFactory

pytestmark = pytest.mark.django_db


def idle_for(client, minutes):
    session = client.session
    session[LAST_SEEN_SESSION_KEY] = time.time() - minutes * 60
    session.save()


def password_login(user) -> Client:
    client = Client()
    assert client.post("/accounts/login/", {"username": user.email, "password": PASSWORD}).status_code == 302
    return client


@override_settings(SESSION_IDLE_MINUTES=30)
def test_an_idle_session_ends_and_the_login_page_brings_the_user_back(login, company, digital_manager):
    client = login(digital_manager)
    url = f"/c/{company.slug}/inbox/?status=open"
    idle_for(client, 31)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/c/{company.slug}/inbox/%3Fstatus%3Dopen"
    page = client.get(response["Location"])
    assert "Sei stato disconnesso dopo 30 minuti di inattività" in page.content.decode()
    assert client.get(f"/c/{company.slug}/")["Location"].startswith("/accounts/login/")


@override_settings(SESSION_IDLE_MINUTES=30)
def test_the_message_speaks_english_to_an_english_user(login, company, digital_manager):
    digital_manager.language = "en"
    digital_manager.save()
    client = login(digital_manager)
    idle_for(client, 31)
    page = client.get(f"/c/{company.slug}/", follow=True)
    assert "You were signed out after 30 minutes without activity" in page.content.decode()


@override_settings(SESSION_IDLE_MINUTES=30)
def test_a_session_used_within_the_idle_time_goes_on(login, company, digital_manager):
    client = login(digital_manager)
    idle_for(client, 29)
    assert client.get(f"/c/{company.slug}/").status_code == 200
    assert time.time() - client.session[LAST_SEEN_SESSION_KEY] < 5, "the request counts as activity"


@override_settings(SESSION_IDLE_MINUTES=30)
def test_an_idle_htmx_request_is_told_where_to_sign_in(login, company, digital_manager):
    client = login(digital_manager)
    idle_for(client, 31)
    response = client.get(f"/c/{company.slug}/inbox/", HTTP_HX_REQUEST="true")
    assert response.status_code == 401
    assert response["HX-Redirect"].startswith("/accounts/login/")


def test_removing_a_member_ends_their_sessions_at_once(login, company, owner, digital_manager):
    theirs = password_login(digital_manager)
    assert theirs.get(f"/c/{company.slug}/").status_code == 200
    assert UserSession.objects.filter(user=digital_manager).count() == 1
    membership = Membership.objects.get(user=digital_manager, company=company)

    response = login(owner).post(f"/c/{company.slug}/members/{membership.pk}/remove/")

    assert response.status_code == 302
    assert theirs.get("/companies/")["Location"].startswith("/accounts/login/")
    assert not UserSession.objects.filter(user=digital_manager).exists()
    entry = Activity.objects.get(company=company, verb=Verb.MEMBER_REMOVED)
    assert entry.actor == owner


def test_signing_out_forgets_the_session(company, digital_manager):
    client = password_login(digital_manager)
    client.post("/accounts/logout/")
    assert not UserSession.objects.filter(user=digital_manager).exists()


def role_url(company, membership):
    return f"/c/{company.slug}/members/{membership.pk}/role/"


def test_changing_a_role_asks_the_password_again_and_keeps_the_choice(login, company, owner, colleague):
    membership = Membership.objects.get(user=colleague, company=company)
    client = login(owner)
    session = client.session
    session[CONFIRMED_AT_SESSION_KEY] = 0
    session.save()
    page = client.post(role_url(company, membership), {"role": Role.DIGITAL_MANAGER, "department": ""})
    assert page.status_code == 200
    assert f'value="{Role.DIGITAL_MANAGER}"' in page.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.COLLEAGUE

    done = client.post(
        role_url(company, membership),
        {"role": Role.DIGITAL_MANAGER, "department": "", MARKER_FIELD: "POST", PASSWORD_FIELD: PASSWORD},
    )

    assert done.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.DIGITAL_MANAGER
    assert membership.department == ""
    entry = Activity.objects.get(company=company, verb=Verb.MEMBER_ROLE_CHANGED)
    assert entry.details == {"old_role": "colleague", "new_role": "digital_manager"}


def test_only_an_owner_gives_the_owner_role(login, company, consultant, colleague):
    membership = Membership.objects.get(user=colleague, company=company)
    response = login(consultant).post(role_url(company, membership), {"role": Role.OWNER})
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == Role.COLLEAGUE


def test_the_last_owner_keeps_the_role(login, company, owner):
    other_owner = MembershipFactory(company=company, role=Role.CONSULTANT)
    mine = Membership.objects.get(user=owner, company=company)
    client = login(other_owner.user)
    client.post(role_url(company, mine), {"role": Role.DIGITAL_MANAGER})
    mine.refresh_from_db()
    assert mine.role == Role.OWNER


def test_a_colleague_needs_a_department_said_in_the_users_language(login, company, owner, digital_manager):
    owner.language = "en"
    owner.save()
    membership = Membership.objects.get(user=digital_manager, company=company)
    client = login(owner)
    response = client.post(role_url(company, membership), {"role": Role.COLLEAGUE, "department": ""}, follow=True)
    assert "Choose the department of this colleague." in response.content.decode()
    membership.refresh_from_db()
    assert membership.role == Role.DIGITAL_MANAGER


def test_the_role_change_is_404_for_another_company_and_403_for_a_wrong_role(
    login, company, other_company, owner, outsider, digital_manager, colleague
):
    membership = Membership.objects.get(user=colleague, company=company)
    assert login(outsider).post(role_url(company, membership), {"role": Role.DIGITAL_MANAGER}).status_code == 404
    assert login(digital_manager).post(role_url(company, membership), {"role": Role.DIGITAL_MANAGER}).status_code == 403
    theirs = MembershipFactory(company=other_company, role=Role.COLLEAGUE)
    response = login(outsider).post(role_url(other_company, theirs), {"role": Role.DIGITAL_MANAGER})
    assert response.status_code == 302
    # Another company's member through this company's address: 404.
    assert login(owner).post(role_url(company, theirs), {"role": Role.DIGITAL_MANAGER}).status_code == 404


def test_a_member_who_becomes_consultant_needs_the_second_factor(login, company, owner, digital_manager):
    theirs = login(digital_manager)
    membership = Membership.objects.get(user=digital_manager, company=company)
    login(owner).post(role_url(company, membership), {"role": Role.CONSULTANT})
    assert theirs.get(f"/c/{company.slug}/")["Location"].startswith("/accounts/two-factor/setup/")


def test_invitations_and_joining_are_recorded(login, company, owner):
    client = login(owner)
    client.post(
        f"/c/{company.slug}/members/invite/",
        {"email": "nuova@example.com", "role": Role.DIGITAL_MANAGER, "department": "", "language": "it"},
    )
    entry = Activity.objects.get(company=company, verb=Verb.MEMBER_INVITED)
    assert "nuova@example.com" not in entry.target_label + str(entry.details)


def test_the_members_page_with_role_forms_needs_few_queries(login, company, owner, django_assert_max_num_queries):
    client = login(owner)
    client.get(f"/c/{company.slug}/members/")
    for _n in range(5):
        MembershipFactory(company=company, role=Role.COLLEAGUE)
    with django_assert_max_num_queries(14):
        assert client.get(f"/c/{company.slug}/members/").status_code == 200
