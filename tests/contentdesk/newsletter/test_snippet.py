"""The embeddable form: the script, and JSON submissions judged by the list's allowed websites."""

import json

import pytest

from contentdesk.models import Subscription

pytestmark = pytest.mark.django_db

ALLOWED = "https://www.officine-test.example"


def post_json(client, newsletter_list, data, *, origin=ALLOWED, lang="it", **headers):
    if origin:
        headers["HTTP_ORIGIN"] = origin
    return client.post(
        f"/nl/{newsletter_list.public_key}/subscribe/?lang={lang}",
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT="application/json",
        **headers,
    )


GOOD = {"email": "marco.neri@example.it", "name": "Marco Neri", "consent": True, "language": "it", "website": ""}


def test_the_script_carries_the_endpoint_and_the_consent_texts(client, newsletter_list):
    response = client.get(f"/nl/{newsletter_list.public_key}/embed.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/javascript; charset=utf-8"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    source = response.content.decode()
    assert f"/nl/{newsletter_list.public_key}/subscribe/" in source
    assert "Voglio ricevere via email la newsletter" in source
    assert "I want to receive the newsletter" in source
    assert "/*STAFFETTA_CONFIG*/" not in source


def test_a_name_with_a_closing_script_tag_cannot_end_the_script(client, newsletter_list):
    newsletter_list.name = "</script><script>alert(1)</script>"
    newsletter_list.save()
    source = client.get(f"/nl/{newsletter_list.public_key}/embed.js").content.decode()
    assert "</script>" not in source


def test_the_script_of_an_unknown_list_is_a_comment_with_404(client):
    response = client.get("/nl/no-such-key/embed.js")
    assert response.status_code == 404
    assert response.content.startswith(b"/*")


def test_an_allowed_website_subscribes_and_may_read_the_answer(client, newsletter_list):
    response = post_json(client, newsletter_list, GOOD)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert response.json()["ok"] is True
    assert "ti abbiamo inviato un’email" in response.json()["message"]
    subscription = Subscription.objects.get()
    assert subscription.status == Subscription.Status.PENDING
    assert subscription.contact.email == "marco.neri@example.it"


def test_the_landing_page_is_the_consent_source(client, newsletter_list):
    post_json(client, newsletter_list, {**GOOD, "landing_page": "https://www.officine-test.example/blog/valvole/"})
    assert Subscription.objects.get().consent_source == (
        "Modulo di iscrizione · https://www.officine-test.example/blog/valvole/"
    )


def test_another_website_is_refused(client, newsletter_list):
    response = post_json(client, newsletter_list, GOOD, origin="https://evil.example")
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert "siti web autorizzati" in response.json()["message"]
    assert not Subscription.objects.exists()


def test_the_preflight_of_an_allowed_website_is_answered(client, newsletter_list):
    response = client.options(
        f"/nl/{newsletter_list.public_key}/subscribe/",
        HTTP_ORIGIN=ALLOWED,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response["Access-Control-Allow-Methods"]


def test_errors_come_back_per_field_in_the_visitors_language(client, newsletter_list):
    response = post_json(
        client, newsletter_list, {**GOOD, "email": "nope", "consent": False, "language": "en"}, lang="en"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert body["errors"]["email"] == ["Enter a valid email address."]
    assert body["errors"]["consent"] == ["Tick the box to agree: without your consent we cannot write to you."]
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("{not json", "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ("email=a@b.it", "text/plain", 415),
    ],
)
def test_unreadable_bodies_are_refused(client, newsletter_list, body, content_type, status):
    response = client.post(
        f"/nl/{newsletter_list.public_key}/subscribe/", body, content_type=content_type, HTTP_ORIGIN=ALLOWED
    )
    assert response.status_code == status
    assert response.json()["ok"] is False
    assert not Subscription.objects.exists()


def test_a_body_too_large_is_refused(client, newsletter_list):
    response = post_json(client, newsletter_list, {**GOOD, "name": "x" * 20_000})
    assert response.status_code == 413
    assert not Subscription.objects.exists()


def test_a_get_on_the_submission_address_is_not_allowed(client, newsletter_list):
    assert client.get(f"/nl/{newsletter_list.public_key}/subscribe/").status_code == 405


def test_the_honeypot_gets_the_usual_json_answer_and_stores_nothing(client, newsletter_list):
    response = post_json(client, newsletter_list, {**GOOD, "website": "spam"})
    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert not Subscription.objects.exists()
