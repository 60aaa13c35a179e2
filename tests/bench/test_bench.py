"""The benchmark's data set and measurements, at a tiny size: the shape is right, seeding twice
adds nothing, every measured page answers, and the intake count matches what was stored."""

import pytest
from django.core.management import call_command

from bench.intake import measure_intake
from bench.pages import measure_pages, percentile
from bench.seed import seed_perf
from engagements.models import Company
from inbox.models import Contact, Conversation, IntakeChannel, Message
from reports.models import MonthlyReport
from tests import celery_worker
from tests.conftest import free_port
from training.models import TrainingPlan

SCALE = 0.0005  # the largest company: 75 conversations


@pytest.fixture
def perf_companies(db):
    call_command("load_curriculum", verbosity=0)
    return seed_perf(scale=SCALE, companies=2, out=lambda line: None)


def test_percentile_picks_the_value_below_which_the_share_falls():
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 51.0
    assert percentile(values, 0.95) == 95.0
    assert percentile([7.0], 0.95) == 7.0


def test_seed_perf_makes_the_largest_company_and_the_others_with_their_history(perf_companies):
    largest, other = perf_companies
    assert (largest.slug, other.slug) == ("perf-001", "perf-002")
    assert Conversation.objects.filter(company=largest).count() == 75
    assert Message.objects.filter(company=largest).count() == 300
    assert Contact.objects.filter(company=largest).count() == 10
    assert Conversation.objects.filter(company=other).count() == 10
    assert MonthlyReport.objects.filter(company=largest).count() == 60
    assert TrainingPlan.objects.filter(company=largest).exists()
    # Open work for Today and the inbox, not only history.
    assert Conversation.objects.filter(company=largest).exclude(status__in=["resolved", "spam"]).exists()


def test_seeding_twice_adds_nothing(perf_companies):
    before = (Company.objects.count(), Conversation.objects.count(), Message.objects.count())
    seed_perf(scale=SCALE, companies=2, out=lambda line: None)
    assert (Company.objects.count(), Conversation.objects.count(), Message.objects.count()) == before


def test_every_measured_page_answers_with_a_query_count(perf_companies):
    measures = measure_pages(perf_companies[0], repeat=1, warmup=0)
    assert len(measures) == 12
    assert {m.status for m in measures} == {200}
    assert all(m.queries > 0 for m in measures)
    assert all(0 < m.median_ms <= m.p95_ms for m in measures)


def test_every_page_makes_the_same_queries_at_two_sizes(db):
    """Query counts must not follow the data: the same pages on a company eight times larger."""
    call_command("load_curriculum", verbosity=0)
    small = seed_perf(scale=SCALE, companies=1, out=lambda line: None)[0]
    large = seed_perf(scale=SCALE * 8, companies=1, out=lambda line: None, prefix="size-")[0]
    assert Conversation.objects.filter(company=large).count() == 8 * Conversation.objects.filter(company=small).count()

    def counts(company):
        return {m.name: m.queries for m in measure_pages(company, repeat=1, warmup=1)}

    few, many = counts(small), counts(large)
    # A month with no rows at all costs the dashboard one query per source to tell "no data yet"
    # (shown as "—") from 0: at these tiny sizes some compared months are empty. More data can
    # only remove those queries, never add any.
    assert many.pop("owner dashboard") <= few.pop("owner dashboard")
    assert few == many


@pytest.mark.django_db(transaction=True)
def test_intake_throughput_counts_every_accepted_post_as_stored(tmp_path):
    company = Company.objects.create(name="Intake", slug="intake-bench")
    channel = IntakeChannel.objects.create(company=company, kind=IntakeChannel.Kind.FORM, name="Modulo")
    result = measure_intake(
        channel,
        requests=12,
        clients=3,
        workers=1,
        port=free_port(),
        env={"DATABASE_URL": celery_worker.test_database_url(), "STAFFETTA_VAR_DIR": str(tmp_path)},
    )
    assert (result.requests, result.accepted, result.stored, result.lost) == (12, 12, 12, 0)
    assert result.per_second > 0
