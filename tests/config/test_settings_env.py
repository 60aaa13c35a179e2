"""config/settings.py read from the environment: each case imports the settings in a fresh
Python process, so that one environment never leaks into another (or into this process)."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_SOURCE = (ROOT / "config" / "settings.py").read_text(encoding="utf-8")

# Every variable settings.py reads, so that the developer's own environment cannot change
# the outcome; prefixes catch variables added later.
SETTINGS_VARIABLES = set(re.findall(r'env_\w+\(\s*"([A-Z][A-Z0-9_]*)"', SETTINGS_SOURCE))
SETTINGS_PREFIXES = ("STAFFETTA_", "EMAIL_", "SECURE_", "DJANGO_")

PROBE = """
import json
from django.conf import settings

db = settings.DATABASES["default"]
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "ENGINE": db["ENGINE"],
    "NAME": str(db["NAME"]),
    "HOST": db["HOST"],
    "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
    "CACHE_BACKEND": settings.CACHES["default"]["BACKEND"],
    "CACHE_LOCATION": settings.CACHES["default"]["LOCATION"],
    "TIME_ZONE": settings.TIME_ZONE,
    "LANGUAGE_CODE": settings.LANGUAGE_CODE,
}))
"""

PRODUCTION = {
    "STAFFETTA_ENV": "production",
    "ALLOWED_HOSTS": "staffetta.example",
    "EMAIL_HOST": "smtp.example",
    "SITE_URL": "https://staffetta.example",
}


def clean_environ(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in SETTINGS_VARIABLES and not key.startswith(SETTINGS_PREFIXES)
    }
    env["DJANGO_SETTINGS_MODULE"] = "config.settings"
    env["STAFFETTA_VAR_DIR"] = str(tmp_path / "var")
    env.update(overrides)
    return env


def run_python(tmp_path: Path, *args: str, **overrides: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=clean_environ(tmp_path, **overrides),
        capture_output=True,
        text=True,
        timeout=60,
    )


def probe(tmp_path: Path, **overrides: str) -> dict:
    result = run_python(tmp_path, "-c", PROBE, **overrides)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def error_line(result: subprocess.CompletedProcess) -> str:
    """The exception's own message: the traceback's source lines name variables too."""
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert lines, "no error output"
    return lines[-1]


def assert_refused(result: subprocess.CompletedProcess, variable: str) -> None:
    assert result.returncode != 0, result.stdout
    message = error_line(result)
    assert message.startswith("django.core.exceptions.ImproperlyConfigured:"), result.stderr
    assert variable in message, result.stderr


def test_the_variables_to_clear_were_found():
    assert {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "TIME_ZONE", "LANGUAGE_CODE"} <= SETTINGS_VARIABLES


def test_defaults_are_for_development(tmp_path):
    values = probe(tmp_path)
    assert values["DEBUG"] is True
    assert values["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(values["NAME"]).parent == (tmp_path / "var").resolve()
    assert values["CELERY_BROKER_URL"] == "filesystem://"
    assert values["CACHE_BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert values["TIME_ZONE"] == "Europe/Rome"
    assert values["LANGUAGE_CODE"] == "it"


def test_database_url_selects_postgresql(tmp_path):
    values = probe(tmp_path, DATABASE_URL="postgres://u:p@127.0.0.1:5432/x")
    assert values["ENGINE"] == "django.db.backends.postgresql"
    assert values["NAME"] == "x"
    assert values["HOST"] == "127.0.0.1"


def test_redis_url_is_broker_and_cache(tmp_path):
    url = "redis://127.0.0.1:6379/0"
    values = probe(tmp_path, REDIS_URL=url)
    assert values["CELERY_BROKER_URL"] == url
    assert values["CACHE_BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert values["CACHE_LOCATION"] == url


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DEBUG", "maybe"),
        ("EMAIL_PORT", "abc"),
        ("EMAIL_PORT", "70000"),
        ("HEARTBEAT_SECONDS", "0"),
        ("TIME_ZONE", "Mars/Olympus"),
        ("LANGUAGE_CODE", "fr"),
        ("STAFFETTA_ENV", "staging"),
        ("REDIS_URL", "http://x"),
        # dj_database_url raises UnknownSchemeError and ParseError, both ValueErrors.
        ("DATABASE_URL", "nonsense://x"),
        ("DATABASE_URL", "postgres://u:p@127.0.0.1:notaport/x"),
    ],
)
def test_bad_value_is_an_error_naming_the_variable(tmp_path, variable, value):
    result = run_python(tmp_path, "-c", PROBE, **{variable: value})
    assert_refused(result, variable)


@pytest.mark.parametrize("secret_key", [None, ""], ids=["unset", "empty"])
def test_production_requires_a_secret_key(tmp_path, secret_key):
    overrides = dict(PRODUCTION)
    if secret_key is not None:
        overrides["SECRET_KEY"] = secret_key
    result = run_python(tmp_path, "-c", PROBE, **overrides)
    assert_refused(result, "SECRET_KEY")


def test_production_refuses_debug(tmp_path):
    result = run_python(tmp_path, "-c", PROBE, **PRODUCTION, SECRET_KEY=secrets.token_urlsafe(50), DEBUG="1")
    assert_refused(result, "DEBUG")


@pytest.mark.parametrize("variable", ["ALLOWED_HOSTS", "EMAIL_HOST", "SITE_URL"])
def test_production_requires_hosts_and_smtp(tmp_path, variable):
    overrides = {**PRODUCTION, "SECRET_KEY": secrets.token_urlsafe(50)}
    del overrides[variable]
    result = run_python(tmp_path, "-c", PROBE, **overrides)
    assert_refused(result, variable)


def test_production_passes_the_deployment_checks(tmp_path):
    secret_key = secrets.token_urlsafe(50)
    assert len(secret_key) >= 50
    result = run_python(
        tmp_path,
        "manage.py",
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        **PRODUCTION,
        SECRET_KEY=secret_key,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
