import io
from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone

from config.celery import app as celery_app
from engagements.models import Company, JobRun, Membership, User
from engagements.tasks import heartbeat


def test_health_reports_database_and_broker_and_no_heartbeat_yet(client, db):
    response = client.get("/health/?format=json")
    assert response.status_code == 200
    assert response.json() == {
        "ok": True,
        "database": True,
        "broker": True,
        "heartbeat": {"last_run_at": None, "runs": 0, "recent": False},
        "jobs": {
            "audit_baselines_freeze": {"every_seconds": 3600, "last_run_at": None, "recent": False},
            "draft_monthly_reviews": {"every_seconds": 3600, "last_run_at": None, "recent": False},
            "email_unread_replies": {"every_seconds": 60, "last_run_at": None, "recent": False},
            "enquiries_retention_purge": {"every_seconds": 3600, "last_run_at": None, "recent": False},
            "heartbeat": {"every_seconds": 60, "last_run_at": None, "recent": False},
            "mailboxes_fetch": {"every_seconds": 60, "last_run_at": None, "recent": False},
            "mention_feeds_poll": {"every_seconds": 1800, "last_run_at": None, "recent": False},
            "monthly_reports_generate": {"every_seconds": 3600, "last_run_at": None, "recent": False},
            "morning_digests": {"every_seconds": 900, "last_run_at": None, "recent": False},
            "newsletter_sweep": {"every_seconds": 60, "last_run_at": None, "recent": False},
            "overdue_reminders": {"every_seconds": 900, "last_run_at": None, "recent": False},
            "portfolio_digests": {"every_seconds": 900, "last_run_at": None, "recent": False},
            "purge_stale_requests": {"every_seconds": 86400, "last_run_at": None, "recent": False},
            "sla_alerts": {"every_seconds": 900, "last_run_at": None, "recent": False},
            "sweep_confirmations": {"every_seconds": 300, "last_run_at": None, "recent": False},
            "sweep_unprocessed": {"every_seconds": 120, "last_run_at": None, "recent": False},
        },
    }
    assert "non ancora eseguite" in client.get("/health/").content.decode()


def test_health_shows_the_heartbeat_once_it_has_run(client, db):
    heartbeat()
    heartbeat()
    data = client.get("/health/?format=json").json()
    assert data["heartbeat"]["runs"] == 2
    assert data["heartbeat"]["recent"] is True
    assert "Tutti i sistemi funzionano" in client.get("/health/").content.decode()


def test_health_lists_every_periodic_job_with_its_last_run(client, db):
    from inbox.intake.tasks import sweep_unprocessed

    sweep_unprocessed()
    JobRun.objects.create(name="sla_alerts", last_run_at=timezone.now() - timedelta(hours=2), run_count=1)
    jobs = client.get("/health/?format=json").json()["jobs"]
    assert jobs["sweep_unprocessed"]["recent"] is True
    assert jobs["sla_alerts"]["recent"] is False  # three runs of 15 minutes missed
    page = client.get("/health/").content.decode()
    assert "ogni 15 minuti" in page
    assert "in ritardo" in page


def test_health_flags_a_late_heartbeat(client, db, settings):
    settings.HEARTBEAT_SECONDS = 60
    JobRun.objects.create(name="heartbeat", last_run_at=timezone.now() - timedelta(minutes=10), run_count=5)
    assert client.get("/health/?format=json").json()["heartbeat"]["recent"] is False


def test_health_answers_503_when_the_broker_is_down(client, db, monkeypatch):
    monkeypatch.setitem(celery_app.conf, "broker_url", "redis://127.0.0.1:1/0")
    response = client.get("/health/?format=json")
    assert response.status_code == 503
    assert response.json()["broker"] is False
    assert "Qualcosa non funziona" in client.get("/health/").content.decode()


def test_health_page_query_count_is_fixed(client, db, django_assert_max_num_queries):
    heartbeat()
    # SELECT 1, heartbeat row, the jobs' last runs
    with django_assert_max_num_queries(3):
        client.get("/health/?format=json")


def test_seed_demo_creates_the_demo_once(db):
    call_command("seed_demo", stdout=io.StringIO())
    counts = (Company.objects.count(), User.objects.count(), Membership.objects.count())
    call_command("seed_demo", stdout=io.StringIO())
    assert (Company.objects.count(), User.objects.count(), Membership.objects.count()) == counts == (2, 5, 6)
    berica = Company.objects.get(slug="officine-berica")
    consultant = User.objects.get(email="consulente@staffetta.example")
    assert consultant.check_password("staffetta-demo")
    assert set(consultant.memberships.values_list("company__slug", "role")) == {
        ("officine-berica", "consultant"),
        ("tessiture-astico", "consultant"),
    }
    assert berica.memberships.get(user__email="vendite@officine-berica.example").department == "sales"
    assert berica.business_hours.count() == 10


def test_seed_demo_puts_officine_berica_in_month_4_of_7_and_tessiture_astico_in_month_1(db):
    from django.utils import timezone

    from engagements.budgets.models import Spend
    from engagements.handover.models import HandoverItem
    from engagements.plan.models import Engagement
    from engagements.readiness.models import ReadinessCheck
    from engagements.reviews.models import Review
    from engagements.schedule.models import PresencePeriod

    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    today = timezone.localdate()
    berica = Engagement.objects.get(company__slug="officine-berica")
    astico = Engagement.objects.get(company__slug="tessiture-astico")
    assert (berica.month_number(today), berica.total_months) == (4, 7)
    assert astico.month_number(today) == 1
    assert berica.phases.count() == astico.phases.count() == 5
    assert HandoverItem.objects.filter(engagement=berica).count() == 7
    assert Review.objects.filter(engagement=berica).count() == 3
    assert ReadinessCheck.objects.filter(company=berica.company).count() == 2
    assert PresencePeriod.objects.filter(company=berica.company).count() == 2
    assert Spend.objects.filter(company=berica.company, status=Spend.Status.PENDING).exists()
