"""/c/<slug>/calendar/feeds/: the subscribe addresses, and making new ones."""

import pytest

from contentdesk.models import CalendarFeed
from engagements.roles import Role

URL = "/c/officine-test/calendar/feeds/"
ROTATE = "/c/officine-test/calendar/feeds/rotate/"


def feed_of(company, user):
    return CalendarFeed.objects.for_company(company).get(user=user)


@pytest.mark.parametrize("role", list(Role))
def test_every_role_sees_its_own_feed_address(login, company, users_by_role, role):
    user = users_by_role[role]
    response = login(user).get(URL)
    assert response.status_code == 200
    feed = feed_of(company, user)
    assert f"/feeds/{feed.token}.ics" in response.content.decode()
    assert "Il mio calendario" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.OWNER, True), (Role.DIGITAL_MANAGER, True), (Role.CONSULTANT, True), (Role.COLLEAGUE, False)],
)
def test_only_who_sets_up_channels_sees_the_company_feed(login, company, users_by_role, role, sees):
    response = login(users_by_role[role]).get(URL)
    whole = CalendarFeed.objects.for_company(company).filter(user=None).first()
    assert (whole is not None) is sees
    if sees:
        assert f"/feeds/{whole.token}.ics" in response.content.decode()
    assert ("Calendario dell'azienda" in response.content.decode()) is sees


def test_the_page_offers_copy_google_and_webcal_links(login, company, digital_manager, settings):
    settings.SITE_URL = "https://staffetta.example.it"
    content = login(digital_manager).get(URL).content.decode()
    token = feed_of(company, digital_manager).token
    assert f'value="https://staffetta.example.it/feeds/{token}.ics"' in content
    assert f"webcal://staffetta.example.it/feeds/{token}.ics" in content
    assert (
        f"https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2Fstaffetta.example.it%2Ffeeds%2F{token}.ics"
        in content
    )
    assert "data-copy=" in content
    assert "Google Calendar" in content
    assert "Outlook" in content


def test_rotating_my_feed_replaces_its_address(login, company, digital_manager, client):
    browser = login(digital_manager)
    browser.get(URL)
    old = feed_of(company, digital_manager).token

    response = browser.post(ROTATE, {"feed": "personal"}, follow=True)

    new = feed_of(company, digital_manager).token
    assert new != old
    assert "Nuovo indirizzo creato" in response.content.decode()
    assert client.get(f"/feeds/{old}.ics").status_code == 404
    assert client.get(f"/feeds/{new}.ics").status_code == 200


def test_rotating_my_feed_leaves_the_company_feed_alone(login, company, digital_manager):
    browser = login(digital_manager)
    browser.get(URL)
    whole = CalendarFeed.objects.for_company(company).get(user=None).token
    browser.post(ROTATE, {"feed": "personal"})
    assert CalendarFeed.objects.for_company(company).get(user=None).token == whole


def test_the_owner_rotates_the_company_feed(login, company, owner):
    browser = login(owner)
    browser.get(URL)
    old = CalendarFeed.objects.for_company(company).get(user=None).token
    assert browser.post(ROTATE, {"feed": "company"}).status_code == 302
    assert CalendarFeed.objects.for_company(company).get(user=None).token != old


def test_a_colleague_may_not_rotate_the_company_feed(login, company, owner, colleague):
    login(owner).get(URL)
    old = CalendarFeed.objects.for_company(company).get(user=None).token
    assert login(colleague).post(ROTATE, {"feed": "company"}).status_code == 403
    assert CalendarFeed.objects.for_company(company).get(user=None).token == old


def test_a_rotation_without_a_choice_changes_nothing(login, company, digital_manager):
    browser = login(digital_manager)
    browser.get(URL)
    old = feed_of(company, digital_manager).token
    response = browser.post(ROTATE, {"feed": "everything"})
    assert response.status_code == 302
    assert feed_of(company, digital_manager).token == old


def test_rotation_asks_for_confirmation(login, digital_manager):
    content = login(digital_manager).get(URL).content.decode()
    assert 'data-confirm="Creare un nuovo indirizzo?' in content


def test_rotation_is_a_post(login, digital_manager):
    assert login(digital_manager).get(ROTATE).status_code == 405


def test_feeds_page_query_count(login, company, owner, django_assert_max_num_queries):
    browser = login(owner)
    browser.get(URL)  # the feeds exist from now on
    # 1 session, 2 user, 3 membership with company, 4 personal feed, 5 company feed,
    # 6-7 the navigation's memberships and engagement figures (base.html).
    with django_assert_max_num_queries(9):
        assert browser.get(URL).status_code == 200


def test_a_colleague_is_told_why_their_calendar_is_empty(login, colleague):
    content = login(colleague).get(URL).content.decode()
    assert "Il tuo ruolo legge il calendario senza scrivere" in content
