"""Issue 10, headers: every main page carries a Content-Security-Policy with a fresh nonce and no
'unsafe-inline' or 'unsafe-eval'; the hardened headers and cookies; the policy's report address.

The pages are those of the browser test (tests/e2e/test_accessibility.py PAGES) on the real
demo data, plus the public pages a company's customers see.
"""

import json
import logging
import re
from io import StringIO

import pytest
from django.core.management import call_command

from engagements.models import User
from tests.config.test_settings_env import PRODUCTION, run_python
from tests.e2e.test_accessibility import PAGES
from tests.inbox.chat.factories import ChatChannelFactory
from tests.inbox.factories import IntakeChannelFactory

pytestmark = pytest.mark.django_db
NONCE = re.compile(r"'nonce-([A-Za-z0-9+/=]{16,})'")
PRODUCTION_PROBE = """
import json
from django.conf import settings
print(json.dumps({name: getattr(settings, name, None) for name in (
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD", "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE", "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_SAMESITE", "LANGUAGE_COOKIE_SECURE", "SECURE_CONTENT_TYPE_NOSNIFF", "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY", "X_FRAME_OPTIONS",
)}))
"""


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


def assert_strict_policy(response, where: str) -> str:
    """The policy the app's pages share; returns the response's nonce."""
    assert "Content-Security-Policy" in response, where
    policy = directives(response)
    assert policy["default-src"] == ["'self'"], where
    assert policy["object-src"] == ["'none'"], where
    assert policy["base-uri"] == ["'self'"], where
    assert policy["frame-ancestors"] == ["'none'"], where
    assert policy["form-action"] == ["'self'"], where
    assert policy["img-src"] == ["'self'", "data:"], where
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header, where
    assert "unsafe-eval" not in header, where
    script_nonce = NONCE.search(" ".join(policy["script-src"]))
    style_nonce = NONCE.search(" ".join(policy["style-src"]))
    assert script_nonce, (where, header)
    assert style_nonce, (where, header)
    assert script_nonce.group(1) == style_nonce.group(1), where
    # The page uses the nonce of its own header (and no other).
    page = response.content.decode()
    used = set(re.findall(r'nonce="([^"]*)"', page))
    assert used == {script_nonce.group(1)}, (where, used)
    return script_nonce.group(1)


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", stdout=StringIO())


def test_every_main_page_has_the_policy_with_a_nonce_that_changes_per_response(demo, login):
    nonces = set()
    checked = 0
    for email, paths in PAGES.items():
        client = login(User.objects.get(email=email))
        for path in paths:
            first = client.get(path)
            assert first.status_code == 200, (email, path, first.status_code)
            again = client.get(path)
            nonce = assert_strict_policy(first, f"{email} {path}")
            assert assert_strict_policy(again, f"{email} {path}") != nonce, path
            nonces.update({nonce})
            checked += 1
    assert checked == sum(len(paths) for paths in PAGES.values())
    assert len(nonces) == checked  # never the same nonce twice


def test_public_pages_have_the_policy_too(client, company):
    form = IntakeChannelFactory(company=company)
    chat = ChatChannelFactory(company=company)
    paths = [
        "/accounts/login/",
        "/accounts/password/reset/",
        f"/in/{form.public_key}/form/",
        f"/in/{form.public_key}/thanks/",
        f"/in/chat/{chat.public_key}/",
        "/in/docs/",
    ]
    for path in paths:
        first, again = client.get(path), client.get(path)
        assert first.status_code == 200, (path, first.status_code)
        assert assert_strict_policy(first, path) != assert_strict_policy(again, path)


def test_the_hosted_chat_loads_its_widget_with_the_page_nonce(client, company):
    chat = ChatChannelFactory(company=company)
    response = client.get(f"/in/chat/{chat.public_key}/")
    nonce = assert_strict_policy(response, "hosted chat")
    assert f'/widget.js" data-lang="it" data-open="1" nonce="{nonce}" async>' in response.content.decode()


def test_pages_carry_the_other_hardened_headers(client):
    response = client.get("/accounts/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csrf = response.cookies["csrftoken"]
    assert csrf["samesite"] == "Lax"


def test_the_session_cookie_is_http_only_and_same_site(client, colleague):
    colleague.set_password("Una-password-lunga-42")
    colleague.save()
    response = client.post("/accounts/login/", {"username": colleague.email, "password": "Una-password-lunga-42"})
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"


def test_production_turns_on_hsts_and_secure_cookies(tmp_path):
    result = run_python(tmp_path, "-c", PRODUCTION_PROBE, **PRODUCTION, SECRET_KEY="k" * 60)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SECURE_SSL_REDIRECT": True,
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_SECURE": True,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "X_FRAME_OPTIONS": "DENY",
    }


# The report address: browsers post what the policy refused; it is logged, never stored.
REPORT = {
    "csp-report": {
        "document-uri": "https://staffetta.example/c/acme/inbox/?q=Mario+Rossi",
        "violated-directive": "style-src-attr",
        "effective-directive": "style-src-attr",
        "blocked-uri": "inline",
        "source-file": "https://staffetta.example/static/js/x.js?v=1",
        "line-number": 12,
    }
}


def post_report(client, body, content_type="application/csp-report"):
    return client.post("/csp-report/", data=json.dumps(body), content_type=content_type)


def test_a_violation_report_is_logged_without_query_strings_and_not_stored(client, caplog, django_assert_num_queries):
    with caplog.at_level(logging.WARNING, logger="staffetta.csp"), django_assert_num_queries(0):
        response = post_report(client, REPORT)
    assert response.status_code == 204
    [record] = [r for r in caplog.records if r.name == "staffetta.csp"]
    message = record.getMessage()
    assert "style-src-attr" in message
    assert "https://staffetta.example/c/acme/inbox/" in message
    assert "Mario" not in message
    assert "?v=1" not in message


def test_a_reporting_api_report_is_understood(client, caplog):
    body = [
        {
            "type": "csp-violation",
            "body": {
                "documentURL": "https://s.example/x",
                "effectiveDirective": "script-src-elem",
                "blockedURL": "inline",
            },
        }
    ]
    with caplog.at_level(logging.WARNING, logger="staffetta.csp"):
        response = post_report(client, body, content_type="application/reports+json")
    assert response.status_code == 204
    assert "script-src-elem" in caplog.text


@pytest.mark.parametrize("body", ["not json", {"other": 1}, [1, 2]])
def test_a_report_that_is_not_one_is_refused(client, body):
    data = body if isinstance(body, str) else json.dumps(body)
    assert client.post("/csp-report/", data=data, content_type="application/csp-report").status_code == 400


def test_the_report_address_takes_only_posts(client):
    assert client.get("/csp-report/").status_code == 405


def test_reports_past_the_limit_from_one_address_are_refused_and_not_logged(client, caplog, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "csp"}}
    from engagements.views.security import REPORT_LIMIT

    statuses = [post_report(client, REPORT).status_code for _ in range(REPORT_LIMIT)]
    assert statuses == [204] * REPORT_LIMIT
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="staffetta.csp"):
        assert post_report(client, REPORT).status_code == 429
    assert not [r for r in caplog.records if r.name == "staffetta.csp"]


def test_a_too_large_report_is_refused(client):
    big = {"csp-report": {**REPORT["csp-report"], "blocked-uri": "x" * 20000}}
    assert post_report(client, big).status_code == 413
