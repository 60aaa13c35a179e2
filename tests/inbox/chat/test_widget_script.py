"""GET /in/chat/<key>/widget.js, the hosted chat page, and the website form's snippet with a chat."""

import json
import re

from inbox.models import IntakeChannel
from tests.factories import CompanyFactory
from tests.inbox.chat.factories import ChatChannelFactory
from tests.inbox.intake.factories import IntakeChannelFactory


def config_of(source: str) -> dict:
    return json.loads(re.search(r"var config = (\{.*?\});\n", source).group(1))


def test_the_widget_knows_its_address_limits_and_speaks_italian_and_english(client, chat_channel):
    response = client.get(f"/in/chat/{chat_channel.public_key}/widget.js")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    config = config_of(response.content.decode())
    assert config["base"] == f"http://testserver/in/chat/{chat_channel.public_key}/"
    assert config["maxLength"] == 2000
    assert config["poll"]["open"] == 3000
    assert set(config["texts"]) == {"it", "en"}
    assert config["texts"]["it"]["send"] == "Invia"
    assert config["texts"]["it"]["title"] == "Chatta con Officine Test"
    assert config["texts"]["en"]["title"] == "Chat with Officine Test"
    assert config["texts"]["en"]["tooLong"].startswith("Your message is too long: write at most 2000 characters")
    assert "{email}" in config["texts"]["it"]["emailSaved"]
    for language in ("it", "en"):  # every text given in both languages
        assert set(config["texts"][language]) == set(config["texts"]["it"])


def test_the_widget_has_no_external_dependencies_and_cannot_be_broken_out_of(client, db):
    channel = ChatChannelFactory(company=CompanyFactory(name="Evil</script><script>alert(1)//", slug="evil"))
    source = client.get(f"/in/chat/{channel.public_key}/widget.js").content.decode()

    assert "</script>" not in source
    assert "import " not in source
    addresses = re.findall(r"https?://[^\"' ]+", source)
    # Only its own address, and the company's privacy notice in each language.
    assert [a for a in addresses if "/privacy/" not in a] == [config_of(source)["base"]]
    assert sorted(a for a in addresses if "/privacy/" in a) == [
        "http://testserver/privacy/evil/en/",
        "http://testserver/privacy/evil/it/",
    ]
    assert "attachShadow" in source  # styles scoped: the host page is untouched


def test_a_switched_off_chat_gives_a_javascript_404(client, chat_channel):
    chat_channel.is_active = False
    chat_channel.save()

    response = client.get(f"/in/chat/{chat_channel.public_key}/widget.js")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/javascript")


def test_the_form_snippet_brings_the_chat_when_it_is_switched_on(client, company, chat_channel):
    form = IntakeChannelFactory(company=company)

    config = config_of(client.get(f"/in/{form.public_key}/embed.js").content.decode())
    assert config["chat"] == f"http://testserver/in/chat/{chat_channel.public_key}/widget.js"

    IntakeChannel.objects.filter(pk=chat_channel.pk).update(is_active=False)
    assert "chat" not in config_of(client.get(f"/in/{form.public_key}/embed.js").content.decode())


def test_the_hosted_page_opens_the_chat_in_the_visitors_language(client, chat_channel):
    response = client.get(f"/in/chat/{chat_channel.public_key}/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")

    content = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="h3">Chat with Officine Test</h1>' in content
    assert f'src="/in/chat/{chat_channel.public_key}/widget.js" data-lang="en" data-open="1"' in content


def test_the_hosted_page_of_an_unknown_chat_is_404(client, db):
    assert client.get("/in/chat/nope/").status_code == 404


def test_the_widget_script_query_count_is_fixed(client, chat_channel, django_assert_max_num_queries):
    # the channel with its company
    with django_assert_max_num_queries(1):
        client.get(f"/in/chat/{chat_channel.public_key}/widget.js")


def test_the_hosted_page_query_count_is_fixed(client, chat_channel, django_assert_max_num_queries):
    # the channel with its company
    with django_assert_max_num_queries(1):
        assert client.get(f"/in/chat/{chat_channel.public_key}/").status_code == 200
