"""The company pages: lists with their counts, the subscribers table, a subscriber, and the
forms of lists and segments — with their roles, their tenancy and their query budgets."""

import pytest

from contentdesk.models import NewsletterList, NewsletterSegment, Subscription
from engagements.roles import Role
from inbox.models import Contact
from tests.contentdesk.newsletter.conftest import list_url
from tests.contentdesk.newsletter.factories import (
    NewsletterListFactory,
    NewsletterSegmentFactory,
    SubscriptionFactory,
)
from tests.inbox.factories import ConversationFactory, IntakeChannelFactory, TagFactory

S = Subscription.Status
pytestmark = pytest.mark.django_db


def lists_url(company, suffix=""):
    return f"/c/{company.slug}/calendar/newsletter/{suffix}"


def fill(newsletter_list, subscribe_people, factor=1):
    subscribe_people(4 * factor)
    subscribe_people(2 * factor, status=S.PENDING)
    subscribe_people(1 * factor, status=S.UNSUBSCRIBED)
    subscribe_people(1 * factor, status=S.BOUNCED)


# The lists ----------------------------------------------------------------------------------


def test_the_lists_page_counts_each_status(login, owner, newsletter_list, subscribe_people):
    fill(newsletter_list, subscribe_people)
    subscribe_people(1, status=S.COMPLAINED)
    response = login(owner).get(lists_url(newsletter_list.company))
    assert response.status_code == 200
    (row,) = response.context["lists"]
    assert (row.count_subscribed, row.count_pending, row.count_unsubscribed, row.count_bounced) == (4, 2, 1, 1)
    assert row.count_complained == 1
    html = response.content.decode()
    assert "Clienti e prospect" in html
    assert "+ 1 segnalazione di spam" in html
    assert "Nuova lista" not in html  # the owner reads, does not manage


@pytest.mark.parametrize("factor", [1, 10])
def test_the_lists_page_takes_the_same_queries_for_ten_times_the_rows(
    login, digital_manager, company, subscribe_people, newsletter_list, factor, django_assert_max_num_queries
):
    for _ in range(factor):
        NewsletterListFactory(company=company)
    fill(newsletter_list, subscribe_people, factor)
    client = login(digital_manager)
    # Queries: session, user, membership with company; the lists with their counts (one
    # query); the memberships of the company switcher; the session save with its savepoint
    # pair on the first visit.
    with django_assert_max_num_queries(8):
        assert client.get(lists_url(company)).status_code == 200


def test_an_empty_company_is_invited_to_create_a_list(login, digital_manager, company):
    html = login(digital_manager).get(lists_url(company)).content.decode()
    assert "Ancora nessuna lista." in html
    assert lists_url(company, "new/") in html


def test_a_new_list_starts_with_the_websites_of_the_contact_form(login, digital_manager, company):
    IntakeChannelFactory(company=company, allowed_origins="https://www.officine-test.example")
    client = login(digital_manager)
    page = client.get(lists_url(company, "new/"))
    assert page.context["form"].initial["allowed_origins"] == "https://www.officine-test.example"
    response = client.post(
        lists_url(company, "new/"),
        {
            "name": "  Novità   di prodotto ",
            "description": "Una volta al mese.",
            "from_name": "",
            "form_enabled": "on",
            "allowed_origins": "https://www.officine-test.example/\nhttp://localhost:8080",
        },
    )
    created = NewsletterList.objects.get(company=company)
    assert response.status_code == 302
    assert response["Location"] == list_url(created)
    assert created.name == "Novità di prodotto"
    assert created.origins == ["https://www.officine-test.example", "http://localhost:8080"]
    assert created.sender_name == "Officine Test"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": ""}, "Questo campo è obbligatorio."),
        ({"name": "clienti E PROSPECT"}, "Esiste già una lista con questo nome."),
        ({"allowed_origins": "www.example.it/pagina"}, "Non è un indirizzo di sito web"),
    ],
)
def test_bad_list_input_is_refused_and_nothing_is_saved(login, consultant, newsletter_list, data, message):
    fields = {"name": "Altra lista", "description": "", "from_name": "", "allowed_origins": "", **data}
    response = login(consultant).post(lists_url(newsletter_list.company, "new/"), fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert NewsletterList.objects.count() == 1


def test_a_list_is_edited_and_its_form_switched_off(login, digital_manager, newsletter_list, client):
    response = login(digital_manager).post(
        list_url(newsletter_list, "edit/"),
        {"name": "Clienti e prospect", "description": "", "from_name": "Officine Test – ufficio tecnico"},
    )
    assert response.status_code == 302
    newsletter_list.refresh_from_db()
    assert newsletter_list.form_enabled is False
    assert newsletter_list.sender_name == "Officine Test – ufficio tecnico"
    assert client.get(f"/nl/{newsletter_list.public_key}/").status_code == 404


# The subscribers ---------------------------------------------------------------------------


def test_the_list_page_shows_counts_segments_subscribers_and_the_snippet(
    login, digital_manager, newsletter_list, subscribe_people
):
    fill(newsletter_list, subscribe_people)
    SubscriptionFactory(newsletter_list=newsletter_list, contact__name="Zeno Ferraro", contact__email="zeno@example.it")
    NewsletterSegmentFactory(newsletter_list=newsletter_list, name="Clienti", contact_kind=Contact.Kind.CUSTOMER)
    response = login(digital_manager).get(list_url(newsletter_list))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Zeno Ferraro" in html
    assert "zeno@example.it" in html
    assert len(response.context["rows"]) == 9
    assert f'<script src="http://testserver/nl/{newsletter_list.public_key}/embed.js" async></script>' in html.replace(
        "&lt;", "<"
    ).replace("&gt;", ">").replace("&quot;", '"')
    assert "Importa da CSV" in html
    assert response.context["segments"][0].subscribed_count == 0


def test_the_owner_sees_the_list_without_the_managers_buttons(login, owner, newsletter_list):
    html = login(owner).get(list_url(newsletter_list)).content.decode()
    assert "Importa da CSV" not in html
    assert "Snippet per il tuo sito web" not in html
    assert f"/nl/{newsletter_list.public_key}/" in html


@pytest.mark.parametrize("factor", [1, 10])
def test_the_list_page_takes_the_same_queries_for_ten_times_the_rows(
    login, digital_manager, company, newsletter_list, subscribe_people, factor, django_assert_max_num_queries
):
    fill(newsletter_list, subscribe_people, factor)
    tag = TagFactory(company=company, name="preventivo")
    for subscription in Subscription.objects.all()[: 2 * factor]:
        ConversationFactory(company=company, contact=subscription.contact, tags=[tag])
    NewsletterSegmentFactory(newsletter_list=newsletter_list, contact_kind=Contact.Kind.CUSTOMER)
    NewsletterSegmentFactory(newsletter_list=newsletter_list, tags=[tag])
    client = login(digital_manager)
    # Queries: session, user, membership with company; the list with its counts; its segments
    # and their tags (prefetch); the segments' counts (one aggregate); the subscribers' count
    # and page with their contacts; the memberships of the company switcher; the session save
    # with its savepoint pair on the first visit.
    with django_assert_max_num_queries(13):
        response = client.get(list_url(newsletter_list) + "?q=example&status=subscribed&segment=")
    assert response.status_code == 200


def test_search_finds_by_name_email_or_organisation(login, digital_manager, newsletter_list):
    anna = SubscriptionFactory(
        newsletter_list=newsletter_list, contact__name="Anna Bianchi", contact__organisation="Valvole Nord"
    )
    SubscriptionFactory(newsletter_list=newsletter_list, contact__name="Carlo Verdi", contact__organisation="Altro")
    client = login(digital_manager)
    for query in ("bianchi", "VALVOLE", anna.contact.email.upper(), "anna nord"):
        assert client.get(list_url(newsletter_list), {"q": query}).context["rows"] == [anna], query


def test_filters_by_status_and_segment(login, digital_manager, newsletter_list, subscribe_people):
    customers = subscribe_people(2, kind=Contact.Kind.CUSTOMER)
    subscribe_people(2, kind=Contact.Kind.PROSPECT)
    pending = subscribe_people(1, status=S.PENDING)
    segment = NewsletterSegmentFactory(newsletter_list=newsletter_list, contact_kind=Contact.Kind.CUSTOMER)
    client = login(digital_manager)
    assert client.get(list_url(newsletter_list), {"status": "pending"}).context["rows"] == pending
    response = client.get(list_url(newsletter_list), {"segment": segment.pk})
    assert set(response.context["rows"]) == set(customers)
    assert "Iscritti · segmento" in response.content.decode()


@pytest.mark.parametrize("query", ["status=everything", "segment=abc", "segment=999999", "page=-4", "page=x"])
def test_filters_not_understood_are_ignored(login, digital_manager, newsletter_list, subscribe_people, query):
    subscribe_people(2)
    response = login(digital_manager).get(list_url(newsletter_list) + "?" + query)
    assert response.status_code == 200
    assert len(response.context["rows"]) == 2


def test_the_table_is_paginated(login, digital_manager, newsletter_list, subscribe_people):
    subscribe_people(55)
    client = login(digital_manager)
    first = client.get(list_url(newsletter_list))
    assert len(first.context["rows"]) == 50
    second = client.get(list_url(newsletter_list), {"page": 2})
    assert len(second.context["rows"]) == 5
    assert "Pagina 2 di 2" in second.content.decode()


# One subscriber -------------------------------------------------------------------------------


def test_a_subscriber_page_shows_the_consent_on_record(login, owner, newsletter_list):
    subscription = SubscriptionFactory(newsletter_list=newsletter_list, consent_ip="203.0.113.5")
    response = login(owner).get(list_url(newsletter_list, f"subscribers/{subscription.pk}/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Modulo fiera MECSPE 2026" in html
    assert subscription.consent_text in html
    assert "203.0.113.5" in html
    assert "Disiscrivi questa persona" not in html  # the owner reads only


def test_a_colleague_removes_someone_who_asked_by_phone(login, digital_manager, newsletter_list):
    subscription = SubscriptionFactory(newsletter_list=newsletter_list)
    client = login(digital_manager)
    url = list_url(newsletter_list, f"subscribers/{subscription.pk}/unsubscribe/")
    response = client.post(url, {"note": "ha telefonato lunedì"})
    assert response.status_code == 302
    subscription.refresh_from_db()
    assert subscription.status == S.UNSUBSCRIBED
    event = subscription.events.get()
    assert event.by == digital_manager
    assert event.detail.endswith(": ha telefonato lunedì")
    again = client.post(url, follow=True)
    assert "era già disiscritto" in again.content.decode()


def test_a_subscriber_of_another_list_is_not_found_under_this_one(login, digital_manager, newsletter_list, company):
    elsewhere = SubscriptionFactory(newsletter_list=NewsletterListFactory(company=company))
    response = login(digital_manager).get(list_url(newsletter_list, f"subscribers/{elsewhere.pk}/"))
    assert response.status_code == 404


# Segments ---------------------------------------------------------------------------------------


def test_a_segment_is_created_with_the_companys_tags(login, digital_manager, newsletter_list, company, other_company):
    tag = TagFactory(company=company, name="preventivo")
    foreign = TagFactory(company=other_company, name="estero")
    client = login(digital_manager)
    page = client.get(list_url(newsletter_list, "segments/new/"))
    assert list(page.context["form"].fields["tags"].queryset) == [tag]
    response = client.post(
        list_url(newsletter_list, "segments/new/"),
        {"name": "Preventivi in inglese", "contact_kind": "", "language": "en", "tags": [tag.pk]},
    )
    segment = NewsletterSegment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == list_url(newsletter_list) + f"?segment={segment.pk}"
    assert list(segment.tags.all()) == [tag]
    refused = client.post(
        list_url(newsletter_list, "segments/new/"), {"name": "Estero", "language": "", "tags": [foreign.pk]}
    )
    assert refused.status_code == 400
    assert NewsletterSegment.objects.count() == 1


def test_a_segment_name_is_unique_in_its_list(login, digital_manager, newsletter_list):
    NewsletterSegmentFactory(newsletter_list=newsletter_list, name="Clienti")
    response = login(digital_manager).post(
        list_url(newsletter_list, "segments/new/"), {"name": "CLIENTI", "contact_kind": "customer"}
    )
    assert response.status_code == 400
    assert "Questa lista ha già un segmento con questo nome." in response.content.decode()


def test_a_segment_is_edited_and_deleted_leaving_the_subscribers(login, digital_manager, newsletter_list):
    segment = NewsletterSegmentFactory(newsletter_list=newsletter_list, name="Clienti")
    subscription = SubscriptionFactory(newsletter_list=newsletter_list)
    client = login(digital_manager)
    response = client.post(
        list_url(newsletter_list, f"segments/{segment.pk}/"), {"name": "Clienti italiani", "language": "it"}
    )
    assert response.status_code == 302
    segment.refresh_from_db()
    assert (segment.name, segment.language) == ("Clienti italiani", "it")
    assert client.post(list_url(newsletter_list, f"segments/{segment.pk}/delete/")).status_code == 302
    assert not NewsletterSegment.objects.exists()
    assert Subscription.objects.filter(pk=subscription.pk).exists()


def test_a_segment_of_another_list_is_not_found(login, digital_manager, newsletter_list, company):
    other = NewsletterSegmentFactory(newsletter_list=NewsletterListFactory(company=company))
    client = login(digital_manager)
    assert client.get(list_url(newsletter_list, f"segments/{other.pk}/")).status_code == 404
    assert client.post(list_url(newsletter_list, f"segments/{other.pk}/delete/")).status_code == 404
    assert NewsletterSegment.objects.count() == 1


# Roles and tenancy -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("suffix", "method"),
    [
        ("", "get"),
        ("edit/", "get"),
        ("import/", "get"),
        ("import/template.csv", "get"),
        ("segments/new/", "get"),
    ],
)
def test_another_company_gets_404_and_colleagues_403(login, outsider, colleague, newsletter_list, suffix, method):
    assert getattr(login(outsider), method)(list_url(newsletter_list, suffix)).status_code == 404
    assert getattr(login(colleague), method)(list_url(newsletter_list, suffix)).status_code == 403


def test_a_list_of_another_company_is_not_found_by_its_own_members(login, digital_manager, other_company):
    foreign = NewsletterListFactory(company=other_company)
    path = f"/c/{digital_manager.memberships.first().company.slug}/calendar/newsletter/{foreign.pk}/"
    assert login(digital_manager).get(path).status_code == 404


@pytest.mark.parametrize("role", list(Role))
def test_the_calendar_links_to_the_newsletter_for_those_who_may_see_it(login, users_by_role, company, role):
    html = login(users_by_role[role]).get(f"/c/{company.slug}/calendar/").content.decode()
    assert (lists_url(company) in html) == (role != Role.COLLEAGUE)
