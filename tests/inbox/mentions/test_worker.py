"""The periodic job run by a real Celery worker process, reading a feed served on loopback."""

import pytest
from django.conf import settings

from engagements.models import JobRun
from inbox.mentions.models import Mention
from inbox.mentions.tasks import mention_feeds_poll
from tests.celery_worker import celery_worker, wait_for
from tests.conftest import port_open, require
from tests.inbox.mentions.factories import MentionFeedFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_a_worker_runs_the_job_and_stores_the_feed_entries_once(tmp_path, company, feed_server, broker_var_dir):
    if settings.CELERY_BROKER_URL.startswith("redis"):
        require(port_open("127.0.0.1", 6379), "Redis is not running on 127.0.0.1:6379")
    feed = MentionFeedFactory(company=company, url=feed_server.url("/alerts.atom.xml"))
    # The worker's settings allow loopback feeds, as the tests' settings do.
    env = {"DJANGO_SETTINGS_MODULE": "tests.inbox.mentions.worker_settings"}
    if broker_var_dir:
        env["STAFFETTA_VAR_DIR"] = broker_var_dir
    with celery_worker(tmp_path, env=env):
        mention_feeds_poll.delay()
        assert wait_for(lambda: JobRun.objects.filter(name="mention_feeds_poll").exists()), "the job did not run"
        mention_feeds_poll.delay()
        assert wait_for(lambda: JobRun.objects.get(name="mention_feeds_poll").run_count == 2), "no second run"
    assert Mention.objects.filter(feed=feed).count() == 3
    assert len(feed_server.requests_to("/alerts.atom.xml")) == 1  # the second run found it not due
