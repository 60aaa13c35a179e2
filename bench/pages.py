"""Server time and SQL queries of the main pages on the largest company of the data set.

Each page is requested through Django's test client in this process (the whole server side:
middleware, view, queries, template), after a warm-up, `repeat` times; the figures are the
median and the 95th percentile of those times, and the number of SQL queries of one request.
"""

import statistics
import time
from dataclasses import asdict, dataclass

from django.db import connection, reset_queries
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from engagements.models import Company, Membership
from engagements.roles import Role
from engagements.twofactor import two_factor_required
from inbox.models import Conversation
from inbox.selectors import Cursor
from reports.models import MonthlyReport
from reports.period import Month
from reports.services import monthly_report_generate
from training.models import TrainingPlan

DEEP_POSITION = 5_000  # "a page deep into the list": the rows before it are skipped by keyset


@dataclass
class Measure:
    name: str
    path: str
    median_ms: float
    p95_ms: float
    queries: int
    status: int


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _user(company: Company, role: str):
    return Membership.objects.filter(company=company, role=role).select_related("user").first().user


def signed_in_client(company: Company, role: str) -> Client:
    """A client signed in as the company's member with `role`, with the second factor done for
    those who need one (owners, consultants), as after typing the code; on the company's pages."""
    user = _user(company, role)
    client = Client()
    client.force_login(user)
    if two_factor_required(user):
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    client.get(f"/c/{company.slug}/")  # the session remembers the company
    return client


def page_targets(company: Company) -> list[tuple[str, str, str]]:
    """(name, role, path) of every measured page."""
    slug = company.slug
    base = f"/c/{slug}"
    conversations = Conversation.objects.for_company(company).order_by("-last_activity_at", "-id")
    deep = conversations.values_list("last_activity_at", "id")[DEEP_POSITION : DEEP_POSITION + 1]
    deep_cursor = Cursor(*deep[0]).encode() if deep else ""
    open_conversation = conversations.exclude(status=Conversation.Status.SPAM).first()
    plan = TrainingPlan.objects.filter(company=company).first()
    return [
        ("owner dashboard", Role.OWNER, f"{base}/"),
        ("today", Role.DIGITAL_MANAGER, f"{base}/"),
        ("inbox, first page", Role.DIGITAL_MANAGER, f"{base}/inbox/"),
        ("inbox, filtered", Role.DIGITAL_MANAGER, f"{base}/inbox/?status=resolved&department="),
        ("inbox, deep page", Role.DIGITAL_MANAGER, f"{base}/inbox/?status=all&after={deep_cursor}"),
        ("conversation", Role.DIGITAL_MANAGER, f"{base}/inbox/{open_conversation.pk}/"),
        # Two common words (in most conversations) and a common word with a rare article code.
        ("inbox search", Role.DIGITAL_MANAGER, f"{base}/inbox/?status=all&q=flangia+viton"),
        ("inbox search, rare word", Role.DIGITAL_MANAGER, f"{base}/inbox/?status=all&q=pressione+art0120"),
        ("calendar month", Role.DIGITAL_MANAGER, f"{base}/calendar/"),
        ("training progress", Role.CONSULTANT, f"{base}/training/plans/{plan.pk}/" if plan else f"{base}/training/"),
        ("engagement overview", Role.OWNER, f"{base}/engagement/"),
        ("portfolio", Role.CONSULTANT, "/portfolio/"),
    ]


def measure_pages(
    company: Company, *, repeat: int = 30, warmup: int = 3, skip: frozenset = frozenset()
) -> list[Measure]:
    results = []
    clients = {}
    with override_settings(ALLOWED_HOSTS=["*"], DEBUG=False):
        for name, role, path in page_targets(company):
            if name in skip:
                continue
            client = clients.get(role)
            if client is None:
                client = clients[role] = signed_in_client(company, role)
            for _ in range(warmup):
                client.get(path)
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - started) * 1000)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path)
            count = len(queries)  # read now: captured_queries is a view of connection.queries
            reset_queries()
            results.append(
                Measure(
                    name=name,
                    path=path,
                    median_ms=round(statistics.median(times), 1),
                    p95_ms=round(percentile(times, 0.95), 1),
                    queries=count,
                    status=response.status_code,
                )
            )
    return results


def measure_report(company: Company, *, repeat: int = 5) -> Measure:
    """Generating last month's report as the job does: the figures in SQL, the SVG charts, the
    PDF. The month's report is removed before each run, so each run makes it from nothing."""
    month = Month.of(timezone.localdate(timezone=company.tzinfo)).previous
    times = []
    for _ in range(repeat):
        MonthlyReport.objects.filter(company=company, month=month.first).delete()
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            monthly_report_generate(company=company, month=month)
        times.append((time.perf_counter() - started) * 1000)
    return Measure(
        name="monthly report generation",
        path=f"generate {company.slug} {month.param}",
        median_ms=round(statistics.median(times), 1),
        p95_ms=round(percentile(times, 0.95), 1),
        queries=len(queries),
        status=0,
    )


def as_dicts(measures: list[Measure]) -> list[dict]:
    return [asdict(m) for m in measures]
