"""Shared users, as in healthchecks' Alice/Bob/Charlie: one company with every role, and
an outsider who owns another company."""

import os
import shutil
import socket
from pathlib import Path

import pytest
from django.test import Client

from engagements.roles import Role
from tests.factories import CompanyFactory, MembershipFactory, UserFactory

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def require(condition: bool, reason: str) -> None:
    """Skip on a laptop that lacks a service; in CI a missing service is a failure."""
    if condition:
        return
    if IN_CI:
        pytest.fail(f"CI must run this test, but: {reason}")
    pytest.skip(reason)


def port_open(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


_skipped: list[str] = []


def pytest_runtest_logreport(report):
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_sessionfinish(session, exitstatus):
    if IN_CI and _skipped and session.exitstatus == 0:
        print(f"\nCI: {len(_skipped)} test(s) were skipped, and CI must run them all: {_skipped}")
        session.exitstatus = 1


@pytest.fixture(autouse=True, scope="session")
def _private_broker_folder(tmp_path_factory):
    """Keep messages queued by tests out of the development worker's folder."""
    from config.celery import app, ensure_broker_folders

    options = dict(app.conf.broker_transport_options or {})
    if "data_folder_in" in options:
        # Laid out like a STAFFETTA_VAR_DIR, so a worker process started with
        # STAFFETTA_VAR_DIR=<that folder> reads the queue that the tests write.
        folder = tmp_path_factory.mktemp("var") / "celery"
        options.update(
            data_folder_in=str(folder / "queue"),
            data_folder_out=str(folder / "queue"),
            processed_folder=str(folder / "processed"),
            control_folder=str(folder / "control"),
        )
        app.conf.broker_transport_options = options
        ensure_broker_folders()
    return options


@pytest.fixture
def broker_var_dir(_private_broker_folder):
    """The STAFFETTA_VAR_DIR a worker process needs to share the tests' filesystem broker."""
    folder = _private_broker_folder.get("data_folder_in")
    return str(Path(folder).parent.parent) if folder else None


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language (Italian). A request made by an earlier test on
    the same worker leaves its user's language active in this thread (the language middleware),
    and service-level tests that read a message would otherwise depend on the order of tests."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # PBKDF2's deliberate slowness costs a quarter second per user; tests need no secrecy.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def _cache_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def _private_file_cache(settings, _cache_folder):
    """The embedded default's file cache, in a folder of this test run's own (Redis stays Redis)."""
    if settings.CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
        settings.CACHES = {"default": {**settings.CACHES["default"], "LOCATION": str(_cache_folder)}}


@pytest.fixture(autouse=True)
def _clean_cache(_private_file_cache):
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def company(db):
    return CompanyFactory(name="Officine Test", slug="officine-test")


@pytest.fixture
def other_company(db):
    return CompanyFactory(name="Altra Azienda", slug="altra-azienda")


def _member(company, role, email, **extra):
    return MembershipFactory(company=company, role=role, user=UserFactory(email=email), **extra).user


@pytest.fixture
def owner(company):
    return _member(company, Role.OWNER, "owner@example.com")


@pytest.fixture
def digital_manager(company):
    return _member(company, Role.DIGITAL_MANAGER, "digital@example.com")


@pytest.fixture
def consultant(company):
    return _member(company, Role.CONSULTANT, "consultant@example.com")


@pytest.fixture
def colleague(company):
    return _member(company, Role.COLLEAGUE, "sales@example.com", department="sales")


@pytest.fixture
def outsider(other_company):
    return _member(other_company, Role.OWNER, "outsider@example.com")


@pytest.fixture
def users_by_role(owner, digital_manager, consultant, colleague):
    return {
        Role.OWNER: owner,
        Role.DIGITAL_MANAGER: digital_manager,
        Role.CONSULTANT: consultant,
        Role.COLLEAGUE: colleague,
    }


def verify_second_factor(client, user):
    """Owners, consultants and members of a company that asks it of everyone sign in with a second
    factor: give them a confirmed device and a session verified with it, as after the code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from engagements.twofactor import two_factor_required

    if not two_factor_required(user):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def login():
    """`login(user)` gives a client logged in as that user."""

    def _login(user):
        client = Client()
        client.force_login(user)
        verify_second_factor(client, user)
        return client

    return _login


# The one Chromium of the test run (session-scoped: a second sync Playwright in the same
# process fails), shared by the browser tests of every folder.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    require(os.path.exists(CHROMIUM), "Debian's chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # around it are still synchronous, so Django's async guard must stand aside.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
    page = context.new_page()
    yield page
    context.close()
