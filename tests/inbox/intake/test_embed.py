"""GET /in/<key>/embed.js: the snippet, rendered with the channel's address and texts."""

import json
import re

from tests.inbox.intake.factories import IntakeChannelFactory


def config_of(source: str) -> dict:
    match = re.search(r"var config = (\{.*?\});\n", source)
    return json.loads(match.group(1))


def test_the_snippet_is_javascript_with_cache_headers(client, form_channel):
    response = client.get(f"/in/{form_channel.public_key}/embed.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_the_snippet_knows_where_to_post_and_speaks_italian_and_english(client, form_channel):
    source = client.get(f"/in/{form_channel.public_key}/embed.js").content.decode()
    config = config_of(source)
    assert config["endpoint"] == f"http://testserver/in/{form_channel.public_key}/submit/"
    assert config["defaultLanguage"] == "it"
    assert set(config["texts"]) == {"it", "en"}
    assert config["texts"]["it"]["labels"]["email"] == "Email"
    assert config["texts"]["it"]["send"] == "Invia"
    assert config["texts"]["en"]["labels"]["message"] == "Message"
    assert config["texts"]["en"]["consent"].startswith("I agree that Officine Test")
    assert "STAFFETTA_CONFIG" not in source


def test_the_snippet_cannot_be_broken_out_of_by_a_company_name(client, db):
    from tests.factories import CompanyFactory

    channel = IntakeChannelFactory(company=CompanyFactory(name="Evil</script><script>alert(1)//", slug="evil"))
    source = client.get(f"/in/{channel.public_key}/embed.js").content.decode()
    assert "</script>" not in source
    assert config_of(source)["texts"]["en"]["consent"].startswith("I agree that Evil</script>")


def test_the_snippet_has_no_external_dependencies(client, form_channel):
    source = client.get(f"/in/{form_channel.public_key}/embed.js").content.decode()
    assert "import " not in source
    addresses = re.findall(r"https?://[^\"' ]+", source)
    # Only where it posts, and the company's privacy notice in each language.
    assert [a for a in addresses if "/privacy/" not in a] == [config_of(source)["endpoint"]]
    assert sorted(a for a in addresses if "/privacy/" in a) == [
        f"http://testserver/privacy/{form_channel.company.slug}/en/",
        f"http://testserver/privacy/{form_channel.company.slug}/it/",
    ]


def test_an_unknown_key_gets_a_javascript_404(client, db):
    response = client.get("/in/no-such-key/embed.js")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/javascript")
