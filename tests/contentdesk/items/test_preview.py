"""The live preview: sanitized text, the length against the channel's limit, the network's fold."""

import pytest

from contentdesk.items.preview import fold, item_preview
from contentdesk.models import ChannelKind
from engagements.roles import Role
from tests.contentdesk.factories import ContentChannelFactory

pytestmark = pytest.mark.django_db


def _preview(client, company, **data):
    return client.post(f"/c/{company.slug}/calendar/items/preview/", data, HTTP_HX_REQUEST="true")


def test_the_counter_shows_length_and_limit(login, company, channel, digital_manager):
    response = _preview(login(digital_manager), company, channel=channel.pk, body="a" * 312)
    content = response.content.decode()
    assert response.status_code == 200
    assert "312 / 3000" in content
    assert "text-danger" not in content
    assert "<html" not in content


def test_over_the_limit_the_counter_turns_red_and_says_it_cannot_be_scheduled(login, company, digital_manager):
    x = ContentChannelFactory(company=company, kind=ChannelKind.X, name="X")
    content = _preview(login(digital_manager), company, channel=x.pk, body="a" * 290).content.decode()
    assert "290 / 280" in content
    assert "item-counter text-danger" in content
    assert "10 di troppo" in content
    assert "non programmarlo finché non è più corto" in content


def test_a_channel_without_limit_counts_only(login, company, free_channel, digital_manager):
    content = _preview(login(digital_manager), company, channel=free_channel.pk, body="Ciao").content.decode()
    assert "4 caratteri · nessun limite" in content


def test_the_preview_is_sanitized_markdown(login, company, free_channel, digital_manager):
    body = '**grassetto** <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror="alert(3)">'
    content = _preview(login(digital_manager), company, channel=free_channel.pk, title="Titolo", body=body).content
    content = content.decode()
    assert "<strong>grassetto</strong>" in content
    assert "<script>" not in content
    assert 'href="javascript' not in content
    assert "<img" not in content


def test_a_post_is_shown_as_the_network_folds_it(login, company, channel, digital_manager):
    body = "Parola " * 60
    content = _preview(login(digital_manager), company, channel=channel.pk, body=body).content.decode()
    assert "item-post" in content
    assert "… altro" in content
    assert "Officine Test" in content
    assert "OT" in content  # the avatar's initials


def test_the_post_text_is_escaped(login, company, channel, digital_manager):
    content = _preview(login(digital_manager), company, channel=channel.pk, body="<b>ciao</b>").content.decode()
    assert "&lt;b&gt;ciao&lt;/b&gt;" in content


def test_another_companys_channel_is_not_used(login, company, other_company, digital_manager):
    foreign = ContentChannelFactory(company=other_company, name="Canale altrui")
    content = _preview(login(digital_manager), company, channel=foreign.pk, body="Ciao").content.decode()
    assert "Canale altrui" not in content


def test_nonsense_input_still_previews(login, company, digital_manager):
    response = _preview(login(digital_manager), company, channel="abc", body="Ciao")
    assert response.status_code == 200


@pytest.mark.parametrize("role", [Role.OWNER, Role.COLLEAGUE])
def test_only_writers_use_the_preview(login, company, users_by_role, role):
    assert _preview(login(users_by_role[role]), company, body="x").status_code == 403


def test_the_preview_answers_only_posts(login, company, digital_manager):
    assert login(digital_manager).get(f"/c/{company.slug}/calendar/items/preview/").status_code == 405


def test_the_preview_costs_a_fixed_number_of_queries(
    login, company, channel, digital_manager, django_assert_max_num_queries
):
    client = login(digital_manager)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, the channel
    with django_assert_max_num_queries(4):
        _preview(client, company, channel=channel.pk, body="x" * 5000)


def test_fold_cuts_at_a_word():
    assert fold("uno due tre quattro", 9) == ("uno due", True)
    assert fold("breve", 10) == ("breve", False)


def test_the_form_is_wired_to_the_preview(login, company, channel, digital_manager):
    content = login(digital_manager).get(f"/c/{company.slug}/calendar/items/new/").content.decode()
    assert f'hx-post="/c/{company.slug}/calendar/items/preview/"' in content
    assert 'hx-trigger="input delay:500ms from:#item-form, change from:#item-form"' in content
    assert 'hx-include="#item-form"' in content


def test_item_preview_without_channel_has_no_limit():
    preview = item_preview(title="T", body="abc", channel=None)
    assert (preview.length, preview.limit, preview.over_limit, preview.is_post) == (3, None, False, False)
