"""Sensitive actions ask for the password again (engagements/reauth.py)."""

import time

import pytest
from django.utils import translation
from django.utils.html import escape
from django.utils.http import urlencode

from contentdesk.models import CalendarFeed
from contentdesk.publishing.services import calendar_feed_ensure
from engagements.reauth import (
    BACK_FIELD,
    CONFIRMED_AT_SESSION_KEY,
    MARKER_FIELD,
    PASSWORD_FIELD,
    REAUTH_MAX_FAILURES,
)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def stale(client):
    """The sign-in was long ago: the password must be confirmed again."""
    session = client.session
    session[CONFIRMED_AT_SESSION_KEY] = time.time() - 3600
    session.save()
    return client


def rotate_url(company):
    return f"/c/{company.slug}/calendar/feeds/rotate/"


def test_a_fresh_sign_in_counts_as_a_confirmed_password(login, company, owner):
    feed = calendar_feed_ensure(company=company, user=None)
    old = feed.token
    response = login(owner).post(rotate_url(company), {"feed": "company"})
    assert response.status_code == 302
    feed.refresh_from_db()
    assert feed.token != old


def test_a_stale_confirmation_asks_for_the_password_and_keeps_the_posted_fields(login, company, owner):
    feed = calendar_feed_ensure(company=company, user=None)
    old = feed.token
    client = stale(login(owner))

    page = client.post(rotate_url(company), {"feed": "company"})

    assert page.status_code == 200
    html = page.content.decode()
    assert 'name="feed" value="company"' in html
    assert f'name="{MARKER_FIELD}" value="POST"' in html
    feed.refresh_from_db()
    assert feed.token == old, "nothing happens before the password is confirmed"

    done = client.post(rotate_url(company), {"feed": "company", MARKER_FIELD: "POST", PASSWORD_FIELD: PASSWORD})

    assert done.status_code == 302
    feed.refresh_from_db()
    assert feed.token != old, "the original POST (the company feed) was carried out"
    assert not CalendarFeed.objects.filter(company=company, user=owner).exists(), "not the personal feed"


def test_a_wrong_password_says_so_keeps_the_fields_and_changes_nothing(login, company, owner):
    feed = calendar_feed_ensure(company=company, user=None)
    old = feed.token
    client = stale(login(owner))
    with translation.override("en"):
        owner.language = "en"
        owner.save()
        response = client.post(rotate_url(company), {"feed": "company", MARKER_FIELD: "POST", PASSWORD_FIELD: "nope"})
    assert response.status_code == 401
    html = response.content.decode()
    assert "That is not your password" in html
    assert 'name="feed" value="company"' in html
    feed.refresh_from_db()
    assert feed.token == old


def test_the_page_speaks_italian_by_default(login, company, owner):
    response = stale(login(owner)).post(
        rotate_url(company), {"feed": "company", MARKER_FIELD: "POST", PASSWORD_FIELD: "x"}
    )
    html = response.content.decode()
    assert "Conferma la password" in html
    assert "Non è la tua password" in html


def test_after_too_many_wrong_passwords_the_session_ends(login, company, owner):
    client = stale(login(owner))
    for _attempt in range(REAUTH_MAX_FAILURES - 1):
        assert client.post(rotate_url(company), {MARKER_FIELD: "POST", PASSWORD_FIELD: "nope"}).status_code == 401
    response = client.post(rotate_url(company), {MARKER_FIELD: "POST", PASSWORD_FIELD: "nope"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert client.get(f"/c/{company.slug}/").status_code == 302


def test_a_get_is_redirected_back_to_the_same_address_after_confirmation(login, company, owner):
    client = stale(login(owner))
    url = f"/c/{company.slug}/engagement/manual/export.html?x=1"
    page = client.get(url)
    assert page.status_code == 200
    action = f"/accounts/password/confirm/?{urlencode({'next': url})}"
    assert f'action="{escape(action)}"' in page.content.decode()
    wrong = client.post(action, {PASSWORD_FIELD: "nope"})
    assert wrong.status_code == 401
    assert f'action="{escape(action)}"' in wrong.content.decode()
    done = client.post(action, {PASSWORD_FIELD: PASSWORD})
    assert done.status_code == 302
    assert done["Location"] == url
    assert client.get(url).status_code == 200


def test_the_confirmation_never_sends_anyone_to_another_site(login, owner):
    client = stale(login(owner))
    response = client.post("/accounts/password/confirm/?next=https://evil.example/", {PASSWORD_FIELD: PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_the_confirmation_page_needs_few_queries(login, company, owner, django_assert_max_num_queries):
    client = stale(login(owner))
    with django_assert_max_num_queries(8):
        assert client.post(rotate_url(company), {"feed": "company"}).status_code == 200


def test_another_company_and_a_wrong_role_never_see_the_confirmation(login, company, outsider, colleague):
    assert stale(login(outsider)).post(rotate_url(company), {"feed": "company"}).status_code == 404
    # A colleague may rotate only their personal address: the company one is refused after the
    # confirmation, as without it.
    client = stale(login(colleague))
    response = client.post(rotate_url(company), {"feed": "company", MARKER_FIELD: "POST", PASSWORD_FIELD: PASSWORD})
    assert response.status_code == 403


def test_rotating_an_intake_key_asks_for_the_password(login, company, owner):
    from tests.inbox.factories import IntakeChannelFactory

    channel = IntakeChannelFactory(company=company)
    old = channel.public_key
    client = stale(login(owner))
    url = f"/c/{company.slug}/inbox/channels/{channel.pk}/rotate-key/"
    assert client.post(url).status_code == 200
    channel.refresh_from_db()
    assert channel.public_key == old
    assert client.post(url, {MARKER_FIELD: "POST", PASSWORD_FIELD: PASSWORD}).status_code == 302
    channel.refresh_from_db()
    assert channel.public_key != old


def test_the_confirmation_offers_a_way_back_to_the_page_it_came_from_even_after_a_wrong_password(login, company, owner):
    client = stale(login(owner))
    settings_page = f"/c/{company.slug}/calendar/feeds/"
    response = client.post(rotate_url(company), {"feed": "company"}, HTTP_REFERER=f"http://testserver{settings_page}")
    assert f'href="http://testserver{settings_page}" data-testid="reauth-cancel"' in response.content.decode()
    # The wrong password's page is the rotate address itself: the way back is still the first page.
    response = client.post(
        rotate_url(company),
        {
            "feed": "company",
            MARKER_FIELD: "POST",
            PASSWORD_FIELD: "wrong",
            BACK_FIELD: f"http://testserver{settings_page}",
        },
        HTTP_REFERER=f"http://testserver{rotate_url(company)}",
    )
    assert response.status_code == 401
    assert f'href="http://testserver{settings_page}" data-testid="reauth-cancel"' in response.content.decode()


def test_the_way_back_never_leads_to_another_site_or_to_the_post_only_address(login, company, owner):
    client = stale(login(owner))
    response = client.post(rotate_url(company), {"feed": "company"}, HTTP_REFERER="https://evil.example/")
    assert 'href="/" data-testid="reauth-cancel"' in response.content.decode()
    response = client.post(
        rotate_url(company), {"feed": "company"}, HTTP_REFERER=f"http://testserver{rotate_url(company)}"
    )
    assert 'href="/" data-testid="reauth-cancel"' in response.content.decode()
