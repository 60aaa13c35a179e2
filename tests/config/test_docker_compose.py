"""docker-compose.yml describes the production shape: Docker cannot run here, so these tests
read the file and check its structure (no database, no Docker)."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
APP_SERVICES = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose() -> dict:
    with COMPOSE_FILE.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def environment(service: dict) -> dict[str, str]:
    """A service's environment as a dict, whether written as a mapping or a list."""
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.split("=", 1) if "=" in item else (item, None) for item in env)
    return {key: None if value is None else str(value) for key, value in env.items()}


def command(service: dict) -> str:
    cmd = service.get("command") or ""
    return " ".join(cmd) if isinstance(cmd, list) else cmd


def test_names_every_service(services):
    assert {"db", "redis", "web", "worker", "beat"} <= set(services)


def test_exactly_one_beat(services):
    beats = [name for name, service in services.items() if "celery" in command(service) and " beat" in command(service)]
    assert beats == ["beat"]
    beat = services["beat"]
    assert beat.get("scale", 1) == 1
    assert (beat.get("deploy") or {}).get("replicas", 1) == 1


@pytest.mark.parametrize("name", ["db", "redis", "web", "worker", "beat"])
def test_every_service_has_a_healthcheck(services, name):
    healthcheck = services[name].get("healthcheck")
    assert healthcheck, f"{name} has no healthcheck"
    assert not healthcheck.get("disable", False)
    test = healthcheck["test"]
    assert test
    if isinstance(test, list):
        assert test[0] in {"CMD", "CMD-SHELL"}
        assert len(test) > 1


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_get_the_production_environment(services, name):
    env = environment(services[name])
    assert env["STAFFETTA_ENV"] == "production"
    assert env["DATABASE_URL"].startswith("postgres://staffetta:")
    assert env["DATABASE_URL"].endswith("@db:5432/staffetta")
    assert env["REDIS_URL"] == "redis://redis:6379/0"
    # Required: Compose refuses to start without it instead of running with an empty key.
    assert env["SECRET_KEY"].startswith("${SECRET_KEY:?")
    # Production settings refuse to start without these, so the file must pass them on.
    for required in ("ALLOWED_HOSTS", "EMAIL_HOST", "SITE_URL"):
        assert env.get(required), f"{name} lacks {required}"
    for variable in (
        "EMAIL_PORT",
        "EMAIL_HOST_USER",
        "EMAIL_HOST_PASSWORD",
        "EMAIL_USE_TLS",
        "DEFAULT_FROM_EMAIL",
        "TIME_ZONE",
        "LANGUAGE_CODE",
    ):
        assert variable in env, f"{name} lacks {variable}"


def test_app_services_share_one_environment(compose, services):
    shared = compose["x-staffetta-env"]
    for name in APP_SERVICES:
        assert environment(services[name]) == environment({"environment": shared})


@pytest.mark.parametrize("dependency", ["db", "redis"])
def test_web_waits_for_healthy_db_and_redis(services, dependency):
    depends_on = services["web"]["depends_on"]
    assert isinstance(depends_on, dict), "depends_on must be a mapping to carry a condition"
    assert depends_on[dependency]["condition"] == "service_healthy"


def test_web_migrates_then_serves_with_gunicorn(services):
    cmd = command(services["web"])
    assert "manage.py migrate --no-input" in cmd
    assert cmd.index("migrate") < cmd.index("gunicorn config.wsgi")
    assert "0.0.0.0:8000" in cmd


def test_web_healthcheck_asks_the_json_health_page_without_curl(services):
    test = services["web"]["healthcheck"]["test"]
    text = " ".join(test)
    assert "http://127.0.0.1:8000/health/?format=json" in text
    assert "urllib" in text
    assert "curl" not in text


def test_worker_runs_celery_and_is_pinged(services):
    worker = services["worker"]
    assert command(worker).startswith("celery -A config worker")
    assert "inspect ping" in " ".join(worker["healthcheck"]["test"])


def test_beat_keeps_its_schedule_in_a_volume(compose, services):
    beat = services["beat"]
    cmd = command(beat)
    assert cmd.startswith("celery -A config beat")
    schedule = cmd.split("--schedule", 1)[1].split()[0]
    assert schedule == "/var/lib/staffetta/celerybeat-schedule"
    mounts = {}
    for volume in beat.get("volumes", []):
        source, target = volume.split(":")[:2]
        mounts[target] = source
    assert any(schedule.startswith(target.rstrip("/") + "/") for target in mounts)
    named = {source for source in mounts.values() if not source.startswith((".", "/"))}
    assert named <= set(compose.get("volumes") or {})


def test_db_and_redis_images_and_checks(compose, services):
    db, redis = services["db"], services["redis"]
    assert db["image"] == "postgres:15"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert any(volume.split(":")[0] in (compose.get("volumes") or {}) for volume in db.get("volumes", []))
    assert redis["image"] == "redis:7"
    assert "redis-cli ping" in " ".join(redis["healthcheck"]["test"])


@pytest.mark.parametrize("name", APP_SERVICES)
def test_python_healthchecks_are_valid_python(services, name):
    test = services[name]["healthcheck"]["test"]
    if test[:3] == ["CMD", "python", "-c"]:
        compile(test[3], f"{name} healthcheck", "exec")


def test_built_services_have_a_dockerfile(services):
    for name, service in services.items():
        build = service.get("build")
        if build is None:
            continue
        context = build if isinstance(build, str) else build.get("context", ".")
        dockerfile = "Dockerfile" if isinstance(build, str) else build.get("dockerfile", "Dockerfile")
        assert (ROOT / context / dockerfile).is_file(), f"{name}: no {dockerfile} in {context}"
