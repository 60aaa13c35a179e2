"""The company's privacy notice: edited by the owner or the consultant, public per language, linked
from the enquiry form, the chat widget and the newsletter subscribe form."""

import pytest
from django.urls import reverse

from activity.models import Activity
from activity.verbs import Verb
from engagements.models import PrivacyNotice
from engagements.roles import Role
from inbox.chat.services import chat_channel_switch_on
from tests.contentdesk.newsletter.factories import NewsletterListFactory
from tests.inbox.factories import IntakeChannelFactory


def _settings_url(company):
    return reverse("privacy_settings", kwargs={"company_slug": company.slug})


def _public_url(company, language):
    return reverse("privacy_notice", kwargs={"slug": company.slug, "language": language})


# --- the public page ---------------------------------------------------------------------------


def test_the_default_notice_is_public_and_names_the_company_in_italian(client, company):
    response = client.get(_public_url(company, "it"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Informativa privacy di Officine Test" in page
    assert "Garante per la protezione dei dati personali" in page
    assert response["Content-Language"] == "it"


def test_the_default_notice_in_english(client, company):
    page = client.get(_public_url(company, "en")).content.decode()
    assert "Privacy notice of Officine Test" in page
    assert "supervisory authority" in page


def test_the_default_notice_states_the_companys_retention(client, company):
    company.enquiry_retention_months = 24
    company.save()
    page = client.get(_public_url(company, "en")).content.decode()
    assert "kept for 24 months after the last message" in page


def test_an_unknown_language_or_company_is_404(client, company):
    assert client.get(_public_url(company, "de")).status_code == 404
    assert client.get(reverse("privacy_notice", kwargs={"slug": "nessuna", "language": "it"})).status_code == 404


def test_the_public_page_renders_markdown_without_scripts(client, company, owner):
    PrivacyNotice.objects.create(company=company, language="it", text="## Titolo\n\n<script>alert(1)</script> testo")
    page = client.get(_public_url(company, "it")).content.decode()
    assert "<h2>Titolo</h2>" in page
    assert "<script>alert" not in page


def test_the_public_page_queries_are_few(client, company, django_assert_max_num_queries):
    # company, stored notice
    with django_assert_max_num_queries(2):
        assert client.get(_public_url(company, "it")).status_code == 200


# --- the settings page -------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT])
def test_owner_and_consultant_edit_the_notice_starting_from_the_default(login, company, users_by_role, role):
    client = login(users_by_role[role])
    page = client.get(_settings_url(company)).content.decode()
    assert "Informativa privacy di Officine Test" in page
    assert "Privacy notice of Officine Test" in page
    response = client.post(_settings_url(company), {"text_it": "## La nostra informativa", "text_en": "## Our notice"})
    assert response.status_code == 302
    assert "La nostra informativa" in client.get(_public_url(company, "it")).content.decode()
    assert "Our notice" in client.get(_public_url(company, "en")).content.decode()
    entry = Activity.objects.get(verb=Verb.SETTINGS_CHANGED)
    assert entry.details == {"privacy_notice": ["it", "en"]}


def test_an_empty_notice_is_refused_and_the_other_text_is_kept(login, company, owner):
    response = login(owner).post(_settings_url(company), {"text_it": "  ", "text_en": "My own English notice"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Scrivi l&#x27;informativa in italiano" in page or "Scrivi l'informativa in italiano" in page
    assert "My own English notice" in page
    assert not PrivacyNotice.objects.exists()


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.COLLEAGUE])
def test_other_roles_get_403(login, company, users_by_role, role):
    assert login(users_by_role[role]).get(_settings_url(company)).status_code == 403


def test_member_of_other_company_gets_404(login, company, outsider):
    assert login(outsider).get(_settings_url(company)).status_code == 404
    assert login(outsider).post(_settings_url(company), {"text_it": "x", "text_en": "y"}).status_code == 404


def test_settings_page_queries_do_not_grow(login, company, owner, django_assert_max_num_queries):
    client = login(owner)
    with django_assert_max_num_queries(12):
        assert client.get(_settings_url(company)).status_code == 200
    PrivacyNotice.objects.create(company=company, language="it", text="Testo")
    PrivacyNotice.objects.create(company=company, language="en", text="Text")
    with django_assert_max_num_queries(12):
        assert client.get(_settings_url(company)).status_code == 200


# --- linked from the form, the chat and the newsletter ------------------------------------------


def test_the_hosted_enquiry_form_links_the_notice_in_the_visitors_language(client, company):
    channel = IntakeChannelFactory(company=company)
    page = client.get(reverse("intake_form", kwargs={"public_key": channel.public_key}), {"lang": "en"})
    assert _public_url(company, "en") in page.content.decode()


def test_the_form_snippet_carries_the_notice_per_language(client, company):
    channel = IntakeChannelFactory(company=company)
    script = client.get(reverse("intake_embed", kwargs={"public_key": channel.public_key})).content.decode()
    assert f"http://testserver{_public_url(company, 'it')}" in script
    assert f"http://testserver{_public_url(company, 'en')}" in script


def test_the_chat_widget_carries_the_notice_per_language(client, company):
    channel = chat_channel_switch_on(company=company)
    script = client.get(reverse("chat_widget", kwargs={"public_key": channel.public_key})).content.decode()
    assert f"http://testserver{_public_url(company, 'it')}" in script
    assert f"http://testserver{_public_url(company, 'en')}" in script


def test_the_newsletter_form_and_snippet_link_the_notice(client, company):
    newsletter_list = NewsletterListFactory(company=company)
    page = client.get(
        reverse("newsletter_subscribe_form", kwargs={"public_key": newsletter_list.public_key}), {"lang": "en"}
    )
    assert _public_url(company, "en") in page.content.decode()
    script = client.get(reverse("newsletter_embed", kwargs={"public_key": newsletter_list.public_key}))
    assert f"http://testserver{_public_url(company, 'it')}" in script.content.decode()
