"""/c/<slug>/inbox/quarantine/: emails that could not be stored, with Retry and Discard."""

import pytest

from engagements.roles import Role
from inbox.models import Conversation, QuarantinedEmail
from tests.factories import CompanyFactory
from tests.inbox.email_in.factories import QuarantinedEmailFactory, email_bytes

pytestmark = pytest.mark.django_db


def url(company, suffix=""):
    return f"/c/{company.slug}/inbox/quarantine/{suffix}"


def test_the_page_lists_the_company_s_quarantined_emails(login, company, digital_manager, email_channel):
    QuarantinedEmailFactory(channel=email_channel, subject="Ordine illeggibile", sender="mario@example.com")
    QuarantinedEmailFactory(channel__company=CompanyFactory(), subject="Di un'altra azienda")
    content = login(digital_manager).get(url(company)).content.decode()
    assert "Quarantena delle email" in content
    assert "Ordine illeggibile" in content
    assert "mario@example.com" in content
    assert "Non siamo riusciti a leggerla" in content
    assert "Di un&#x27;altra azienda" not in content


def test_an_empty_quarantine_says_so(login, company, consultant):
    assert "La quarantena è vuota" in login(consultant).get(url(company)).content.decode()


def test_retry_stores_the_email_and_links_to_its_conversation(login, company, digital_manager, email_channel, media):
    raw = email_bytes(subject="Ordine urgente")
    item = QuarantinedEmailFactory(channel=email_channel, raw=raw, subject="Ordine urgente")
    response = login(digital_manager).post(url(company, f"{item.pk}/retry/"), follow=True)
    conversation = Conversation.objects.get()
    assert conversation.subject == "Ordine urgente"
    assert not QuarantinedEmail.objects.exists()
    content = response.content.decode()
    assert "L&#x27;email è stata salvata nella posta in arrivo." in content
    assert f'href="/c/{company.slug}/inbox/{conversation.pk}/"' in content


def test_a_retry_that_fails_again_keeps_the_email_and_says_why(login, company, digital_manager, email_channel):
    item = QuarantinedEmailFactory(channel=email_channel, raw=b"\x00 still rubbish")
    response = login(digital_manager).post(url(company, f"{item.pk}/retry/"), follow=True)
    assert "resta in quarantena" in response.content.decode()
    item.refresh_from_db()
    assert item.attempts == 2


def test_discard_asks_for_confirmation_first(login, company, digital_manager, email_channel):
    item = QuarantinedEmailFactory(channel=email_channel, subject="Spam illeggibile")
    client = login(digital_manager)
    page = client.get(url(company, f"{item.pk}/discard/"))
    assert page.status_code == 200
    assert "Scartare l'email?" in page.content.decode()
    assert QuarantinedEmail.objects.filter(pk=item.pk).exists()
    response = client.post(url(company, f"{item.pk}/discard/"), follow=True)
    assert "L&#x27;email è stata scartata." in response.content.decode()
    assert not QuarantinedEmail.objects.filter(pk=item.pk).exists()


def test_the_original_can_be_downloaded_never_shown(login, company, digital_manager, email_channel):
    item = QuarantinedEmailFactory(channel=email_channel, raw=b"<html><script>alert(1)</script>")
    response = login(digital_manager).get(url(company, f"{item.pk}/raw/"))
    assert response.content == b"<html><script>alert(1)</script>"
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"] == f'attachment; filename="quarantine-{item.pk}.eml"'


@pytest.mark.parametrize("suffix", ["retry/", "discard/", "raw/"])
def test_another_company_s_email_answers_404(login, company, digital_manager, suffix):
    theirs = QuarantinedEmailFactory(channel__company=CompanyFactory())
    client = login(digital_manager)
    assert client.get(url(company, f"{theirs.pk}/{suffix}")).status_code in (404, 405)
    assert client.post(url(company, f"{theirs.pk}/{suffix}")).status_code == 404
    assert QuarantinedEmail.objects.filter(pk=theirs.pk).exists()


def test_members_of_other_companies_get_404(login, company, outsider):
    assert login(outsider).get(url(company)).status_code == 404


@pytest.mark.parametrize("role", list(Role))
def test_only_those_who_work_the_inbox_see_the_quarantine(login, company, users_by_role, role):
    status = login(users_by_role[role]).get(url(company)).status_code
    assert status == (200 if role in (Role.DIGITAL_MANAGER, Role.CONSULTANT) else 403)


def test_the_inbox_list_shows_a_badge_linking_to_the_quarantine(
    login, company, digital_manager, colleague, email_channel
):
    QuarantinedEmailFactory.create_batch(2, channel=email_channel)
    content = login(digital_manager).get(f"/c/{company.slug}/inbox/").content.decode()
    assert f'href="/c/{company.slug}/inbox/quarantine/"' in content
    assert '<span class="badge text-bg-danger">2</span>' in content
    colleague_view = login(colleague).get(f"/c/{company.slug}/inbox/").content.decode()
    assert "/inbox/quarantine/" not in colleague_view


def test_no_badge_when_the_quarantine_is_empty(login, company, digital_manager):
    assert "/inbox/quarantine/" not in login(digital_manager).get(f"/c/{company.slug}/inbox/").content.decode()


def test_quarantine_page_query_count_is_fixed(
    login, company, digital_manager, email_channel, django_assert_max_num_queries
):
    QuarantinedEmailFactory(channel=email_channel)
    client = login(digital_manager)
    client.get(f"/c/{company.slug}/")  # the session already knows the company
    # session, user, membership+company, quarantined emails with their channel (raw bytes
    # deferred), switcher memberships
    budget = 5
    with django_assert_max_num_queries(budget):
        assert client.get(url(company)).status_code == 200
    QuarantinedEmailFactory.create_batch(10, channel=email_channel)
    with django_assert_max_num_queries(budget):
        response = client.get(url(company))
    assert len(response.context["quarantined"]) == 11
