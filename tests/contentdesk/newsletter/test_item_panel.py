"""The newsletter panel of the item page, its preview and test send: roles, bad input, queries."""

import pytest

from contentdesk.models import Delivery, NewsletterClick, NewsletterSend
from contentdesk.newsletter import sending
from tests.contentdesk.factories import ContentItemFactory
from tests.contentdesk.newsletter.factories import NewsletterListFactory
from tests.contentdesk.newsletter.sending_helpers import newsletter_item, scheduled_send

pytestmark = pytest.mark.django_db


def item_url(item, suffix=""):
    return f"/c/{item.company.slug}/calendar/items/{item.pk}/{suffix}"


def nl_url(item, suffix):
    return f"/c/{item.company.slug}/calendar/newsletter/items/{item.pk}/{suffix}"


def test_the_panel_is_shown_on_newsletter_items_only(login, company, digital_manager, newsletter_list):
    client = login(digital_manager)
    page = client.get(item_url(newsletter_item(company))).content.decode()
    assert 'id="newsletter"' in page
    assert "Clienti e prospect" in page
    assert "Invia a questa lista" in page
    other = ContentItemFactory(company=company)
    assert 'id="newsletter"' not in client.get(item_url(other)).content.decode()
    assert client.get(nl_url(other, "preview/")).status_code == 404


def test_choosing_the_list_on_the_item(login, company, digital_manager, newsletter_list, subscribe_people):
    subscribe_people(3)
    item = newsletter_item(company)
    response = login(digital_manager).post(
        nl_url(item, "send/"), {"newsletter_list": newsletter_list.pk, "subject": "Marzo in officina"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("#newsletter")
    send = NewsletterSend.objects.get(item=item)
    assert (send.newsletter_list, send.subject, send.status) == (newsletter_list, "Marzo in officina", "queued")
    page = login(digital_manager).get(item_url(item)).content.decode()
    assert "Marzo in officina" in page
    assert "Destinatari oggi" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Scegli la lista a cui inviare la newsletter."),
        ({"newsletter_list": "999999"}, "Scegli una delle tue liste."),
    ],
)
def test_sending_without_a_list_says_so_in_italian(login, company, digital_manager, newsletter_list, data, message):
    item = newsletter_item(company)
    response = login(digital_manager).post(nl_url(item, "send/"), data, follow=True)
    assert message in response.content.decode()
    assert not NewsletterSend.objects.exists()


def test_another_companys_list_is_refused(login, company, other_company, digital_manager):
    item = newsletter_item(company)
    foreign = NewsletterListFactory(company=other_company)
    response = login(digital_manager).post(nl_url(item, "send/"), {"newsletter_list": foreign.pk}, follow=True)
    assert "Scegli una delle tue liste." in response.content.decode()
    assert not NewsletterSend.objects.exists()


def test_roles_and_tenancy(login, company, owner, colleague, outsider, newsletter_list):
    item = newsletter_item(company)
    data = {"newsletter_list": newsletter_list.pk}
    assert login(owner).post(nl_url(item, "send/"), data).status_code == 403  # reads, does not manage
    assert login(colleague).post(nl_url(item, "test/")).status_code == 403
    assert login(outsider).post(nl_url(item, "send/"), data).status_code == 404
    assert login(outsider).get(nl_url(item, "preview/")).status_code == 404
    assert login(colleague).get(nl_url(item, "preview/")).status_code == 200
    assert not NewsletterSend.objects.exists()


def test_the_test_send_without_an_email_explains_itself(login, company, digital_manager):
    digital_manager.email = ""
    digital_manager.save()
    item = newsletter_item(company)
    response = login(digital_manager).post(nl_url(item, "test/"), follow=True)
    assert "Il tuo account non ha un indirizzo email" in response.content.decode()


def test_the_test_send_is_queued_for_the_user(
    login, company, digital_manager, django_capture_on_commit_callbacks, monkeypatch
):
    queued = []
    monkeypatch.setattr("contentdesk.newsletter.views_send.enqueue_on_commit", lambda task, *a: queued.append(a))
    item = newsletter_item(company)
    response = login(digital_manager).post(nl_url(item, "test/"), follow=True)
    assert digital_manager.email in response.content.decode()
    assert queued == [(item.pk, digital_manager.pk)]


def test_the_preview_shows_the_email_at_client_width_and_its_text(
    login, company, colleague, newsletter_list, django_assert_max_num_queries
):
    item = newsletter_item(company)
    sending.newsletter_send_prepare(item=item, newsletter_list=newsletter_list)
    client = login(colleague)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, item, send with its list, switcher
    with django_assert_max_num_queries(6):
        page = client.get(nl_url(item, "preview/")).content.decode()
    # The email is a page of its own in a sandboxed frame: nothing of it is in this page.
    assert f'src="{nl_url(item, "preview/email/")}"' in page
    assert "<iframe" in page
    assert "email-preview-frame" in page  # 600 px wide (staffetta.css)
    assert "sandbox=" in page
    assert "allow-scripts" not in page
    assert "srcdoc=" not in page
    assert "il nostro articolo (https://www.example.it/blog/marzo?" in page  # the plain text


def test_the_framed_email_has_its_styles_under_a_policy_without_scripts(
    login, company, colleague, newsletter_list, django_assert_max_num_queries
):
    item = newsletter_item(company)
    sending.newsletter_send_prepare(item=item, newsletter_list=newsletter_list)
    client = login(colleague)
    client.get(f"/c/{company.slug}/")
    with django_assert_max_num_queries(6):
        response = client.get(nl_url(item, "preview/email/"))
    email = response.content.decode()
    assert email.startswith("<!doctype html>")
    assert "utm_source=newsletter" in email  # direct links, not counted
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy
    assert "script-src" not in policy  # so default-src 'none': no script at all
    assert "frame-ancestors 'self'" in policy
    assert "sandbox allow-popups allow-popups-to-escape-sandbox" in policy
    assert response["X-Frame-Options"] == "SAMEORIGIN"


def test_the_framed_email_of_another_company_or_a_non_newsletter_item_is_not_found(
    login, company, colleague, outsider, newsletter_list
):
    item = newsletter_item(company)
    assert login(outsider).get(nl_url(item, "preview/email/")).status_code == 404
    other = ContentItemFactory(company=company)
    assert login(colleague).get(nl_url(other, "preview/email/")).status_code == 404


def _results_fixture(company, newsletter_list, subscribe_people, mailbox, count):
    subscribe_people(count)
    send = scheduled_send(company, newsletter_list)
    sending.newsletter_send_start(send.pk)
    sending.deliveries_send_batch(send.pk)
    for delivery in Delivery.objects.filter(send=send):
        for index in (0, 1):
            NewsletterClick.objects.create(
                company=company, delivery=delivery, link_index=index, url=f"https://www.example.it/{index}", count=2
            )
    return send


def test_the_results_panel_shows_the_counts_and_its_queries_do_not_grow(
    login, company, digital_manager, newsletter_list, subscribe_people, mailbox, settings, django_assert_max_num_queries
):
    settings.NEWSLETTER_RATE_PER_MINUTE = 60000
    send = _results_fixture(company, newsletter_list, subscribe_people, mailbox, 2)
    client = login(digital_manager)
    url = item_url(send.item)
    client.get(url)
    # The item page's own 10 (session, user, membership+company, item, comments, history,
    # enquiry count, website, images, switcher) and the newsletter's 5: the send, then
    # deliveries, clicks, clicks per link and replies (results.send_results).
    budget = 16
    with django_assert_max_num_queries(budget):
        page = client.get(url).content.decode()
    assert "Clic per link" in page
    assert "https://www.example.it/1" in page
    assert "2 / 2" in page
    more = _results_fixture(company, newsletter_list, subscribe_people, mailbox, 20)
    with django_assert_max_num_queries(budget):
        page = client.get(item_url(more.item)).content.decode()
    assert "22 / 22" in page
