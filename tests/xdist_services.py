"""Give each pytest-xdist worker its own Redis database before Django reads its settings.

Loaded with `-p tests.xdist_services` (pyproject addopts), so that this hook runs before
pytest-django configures Django. Two workers sharing one Redis database would share the Celery
queue (one worker's test could consume the other's task) and the cache (one test's
`cache.clear()` would wipe the other's keys). SQLite test databases are per process already
(settings), and pytest-django gives each worker its own PostgreSQL test database.
"""

import os
import re

import pytest

FIRST_WORKER_DB = 10


@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    redis_url = os.environ.get("REDIS_URL", "")
    match = re.fullmatch(r"gw(\d+)", worker)
    if not (match and redis_url):
        return
    database = FIRST_WORKER_DB + int(match.group(1))
    base = re.sub(r"/\d*$", "", redis_url.split("?", 1)[0])
    os.environ["REDIS_URL"] = f"{base}/{database}"
