"""/c/<slug>/inbox/channels/: snippet, hosted form link, webhook address and secret, settings."""

import pytest

from engagements.roles import Role
from inbox.models import IntakeChannel
from tests.inbox.intake.factories import IntakeChannelFactory, WebhookChannelFactory

# Until inbox/urls.py includes channel_urlpatterns, these tests add them themselves.


def page(company):
    return f"/c/{company.slug}/inbox/channels/"


def test_the_page_shows_the_snippet_the_form_link_and_the_webhook(
    login, company, digital_manager, form_channel, webhook_channel
):
    response = login(digital_manager).get(page(company))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Canali di contatto" in content
    embed = f"http://testserver/in/{form_channel.public_key}/embed.js"
    assert f"&lt;script src=&quot;{embed}&quot; async&gt;&lt;/script&gt;</textarea>" in content
    assert f'href="http://testserver/in/{form_channel.public_key}/form/"' in content
    assert f'value="http://testserver/in/{webhook_channel.public_key}/webhook/"' in content
    assert "••••••••" + webhook_channel.secret[-4:] in content
    assert content.index("<details") < content.index(webhook_channel.secret)  # revealed on demand
    assert "https://www.officine-test.example</textarea>" in content


def test_the_page_is_in_english_for_an_english_user(login, company, digital_manager, form_channel):
    digital_manager.language = "en"
    digital_manager.save()
    content = login(digital_manager).get(page(company)).content.decode()
    assert "Intake channels" in content
    assert "Snippet for your website" in content


def test_a_form_without_allowed_websites_warns_that_sending_is_refused(login, company, owner):
    IntakeChannelFactory(company=company, allowed_origins="")
    content = login(owner).get(page(company)).content.decode()
    assert "Nessun sito web è ancora autorizzato" in content


def test_other_companies_and_other_kinds_of_channels_are_not_listed(login, company, other_company, consultant):
    theirs = IntakeChannelFactory(company=other_company, name="Il loro modulo")
    email = IntakeChannelFactory(company=company, kind=IntakeChannel.Kind.EMAIL, name="Casella email")
    content = login(consultant).get(page(company)).content.decode()
    assert theirs.public_key not in content
    assert "Il loro modulo" not in content
    # An email channel is listed in the email section (inbox.email_in), never as a form or webhook card.
    assert email.public_key not in content


@pytest.mark.parametrize("role", list(Role))
def test_only_roles_with_the_channels_right_see_the_page(login, company, users_by_role, role):
    status = login(users_by_role[role]).get(page(company)).status_code
    assert status == (403 if role == Role.COLLEAGUE else 200)


def test_an_outsider_gets_404_and_anonymous_goes_to_login(client, login, company, outsider, form_channel):
    assert login(outsider).get(page(company)).status_code == 404
    assert login(outsider).post(f"{page(company)}{form_channel.pk}/rotate-key/").status_code == 404
    assert client.get(page(company)).status_code == 302


def test_creating_a_form_channel_keeps_only_clean_origins(login, company, digital_manager):
    response = login(digital_manager).post(
        f"{page(company)}new/",
        {
            "new-kind": "form",
            "new-name": "Landing fiera",
            "new-allowed_origins": "HTTPS://Fiera.Example.it/\nhttps://fiera.example.it\n\nhttp://localhost:8080",
            "new-auto_acknowledge": "on",
        },
    )
    assert response.status_code == 302
    channel = IntakeChannel.objects.for_company(company).get(name="Landing fiera")
    assert channel.allowed_origins == "https://fiera.example.it\nhttp://localhost:8080"
    assert channel.auto_acknowledge is True


def test_a_webhook_channel_has_no_allowed_websites(login, company, digital_manager):
    login(digital_manager).post(
        f"{page(company)}new/",
        {"new-kind": "webhook", "new-name": "Gestionale", "new-allowed_origins": "https://x.example"},
    )
    channel = IntakeChannel.objects.for_company(company).get(name="Gestionale")
    assert (channel.kind, channel.allowed_origins, channel.auto_acknowledge) == ("webhook", "", False)


@pytest.mark.parametrize(
    "origins",
    ["www.example.it", "https://www.example.it/contatti", "ftp://example.it", "https://user:pw@example.it", "https://"],
)
def test_a_wrong_website_address_is_refused_with_a_message_keeping_what_was_typed(login, company, owner, origins):
    response = login(owner).post(
        f"{page(company)}new/", {"new-kind": "form", "new-name": "Nuovo", "new-allowed_origins": origins}
    )
    content = response.content.decode()
    assert response.status_code == 400
    assert "Non è un indirizzo di sito web" in content
    assert 'value="Nuovo"' in content
    assert not IntakeChannel.objects.filter(name="Nuovo").exists()


def test_an_empty_post_is_a_400_not_a_crash(login, company, owner):
    assert login(owner).post(f"{page(company)}new/").status_code == 400


def test_editing_the_allowed_websites_and_switching_a_channel_off(login, company, digital_manager, form_channel):
    prefix = f"channel-{form_channel.pk}"
    response = login(digital_manager).post(
        f"{page(company)}{form_channel.pk}/",
        {f"{prefix}-name": "Sito", f"{prefix}-allowed_origins": "https://www.nuovo.example/"},
    )
    assert response.status_code == 302
    form_channel.refresh_from_db()
    assert (form_channel.name, form_channel.allowed_origins) == ("Sito", "https://www.nuovo.example")
    assert (form_channel.is_active, form_channel.auto_acknowledge) == (False, False)


def test_a_wrong_edit_is_shown_again_on_the_channels_card(login, company, owner, form_channel):
    prefix = f"channel-{form_channel.pk}"
    response = login(owner).post(
        f"{page(company)}{form_channel.pk}/", {f"{prefix}-name": "", f"{prefix}-allowed_origins": "nope"}
    )
    assert response.status_code == 400
    assert "Non è un indirizzo di sito web: nope" in response.content.decode()
    form_channel.refresh_from_db()
    assert form_channel.name == "Sito web"


def test_rotating_the_key_changes_the_snippet(login, company, owner, form_channel):
    old_key = form_channel.public_key
    response = login(owner).post(f"{page(company)}{form_channel.pk}/rotate-key/")
    assert response.status_code == 302
    form_channel.refresh_from_db()
    assert form_channel.public_key != old_key
    assert login(owner).get(f"/in/{old_key}/embed.js").status_code == 404


def test_rotating_the_secret_changes_the_secret(login, company, consultant, webhook_channel):
    old_secret = webhook_channel.secret
    assert login(consultant).post(f"{page(company)}{webhook_channel.pk}/rotate-secret/").status_code == 302
    webhook_channel.refresh_from_db()
    assert webhook_channel.secret != old_secret


def test_the_rotate_buttons_ask_for_confirmation(login, company, owner, webhook_channel):
    content = login(owner).get(page(company)).content.decode()
    assert content.count("data-confirm=") == 2


def test_another_companys_channel_answers_404(login, company, other_company, owner):
    theirs = WebhookChannelFactory(company=other_company)
    client = login(owner)
    for action in ("", "rotate-key/", "rotate-secret/"):
        assert client.post(f"{page(company)}{theirs.pk}/{action}").status_code == 404
    theirs.refresh_from_db()
    assert theirs.secret == WebhookChannelFactory._meta.model.objects.get(pk=theirs.pk).secret


def test_a_form_channel_has_no_secret_to_rotate(login, company, owner, form_channel):
    assert login(owner).post(f"{page(company)}{form_channel.pk}/rotate-secret/").status_code == 404


def test_get_on_an_action_is_not_allowed(login, company, owner, form_channel):
    assert login(owner).get(f"{page(company)}{form_channel.pk}/rotate-key/").status_code == 405


def test_channels_page_query_count_is_fixed(
    login, company, owner, form_channel, webhook_channel, django_assert_max_num_queries
):
    client = login(owner)
    # session, user, membership+company, channels with their enquiry counts, switcher
    # memberships, session update (last company: savepoint, update, release)
    with django_assert_max_num_queries(8):
        assert client.get(page(company)).status_code == 200
    for _n in range(10):
        IntakeChannelFactory(company=company)
        WebhookChannelFactory(company=company)
    with django_assert_max_num_queries(8):
        assert client.get(page(company)).status_code == 200
