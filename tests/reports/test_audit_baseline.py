"""The audit baseline: frozen once when the audit ends (company's time zone), never changed."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from engagements.models import Company
from engagements.plan.models import Phase
from reports.baseline import (
    BaselineNotDue,
    audit_baseline_freeze,
    engagements_due_for_baseline,
    inventory_diff,
    months_in,
    per_month,
)
from reports.models import AuditBaseline
from reports.tasks import audit_baselines_freeze
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory
from tests.contentdesk.newsletter.factories import NewsletterListFactory, SubscriptionFactory
from tests.inbox.email_in.factories import MailboxFactory
from tests.inbox.mentions.factories import MentionFeedFactory
from tests.reports.baseline_data import engagement_with_audit
from tests.reports.data import fill

# The audit of October 2026; Rome is on UTC+1 from 25 October.
OCT_1, OCT_31 = date(2026, 10, 1), date(2026, 10, 31)
LAST_MINUTE_OF_THE_AUDIT = datetime(2026, 10, 31, 22, 59, tzinfo=UTC)  # 23:59 in Rome
FIRST_MINUTE_AFTER = datetime(2026, 10, 31, 23, 0, tzinfo=UTC)  # 00:00 on 1 November in Rome


@pytest.fixture
def engagement(company, consultant):
    return engagement_with_audit(company, consultant, OCT_1, OCT_31)


def test_the_audit_is_due_only_once_its_last_day_is_over_in_the_company_time_zone(engagement):
    assert engagements_due_for_baseline(LAST_MINUTE_OF_THE_AUDIT) == []
    assert engagements_due_for_baseline(FIRST_MINUTE_AFTER) == [engagement]


def test_a_company_in_new_york_waits_for_its_own_midnight(company, consultant):
    Company.objects.filter(pk=company.pk).update(timezone="America/New_York")
    company.refresh_from_db()
    engagement = engagement_with_audit(company, consultant, OCT_1, OCT_31)
    # 1 November 03:00 UTC is still 31 October, 23:00 in New York.
    assert engagements_due_for_baseline(datetime(2026, 11, 1, 3, 0, tzinfo=UTC)) == []
    assert engagements_due_for_baseline(datetime(2026, 11, 1, 4, 0, tzinfo=UTC)) == [engagement]


def test_the_periodic_job_freezes_once_even_when_run_twice(engagement, company):
    fill(company)
    assert audit_baselines_freeze() == 1
    assert audit_baselines_freeze() == 0
    baseline = AuditBaseline.objects.get()
    assert baseline.engagement == engagement
    assert (baseline.period_start, baseline.period_end) == (OCT_1, OCT_31)
    # October's rows of tests.reports.data: three enquiries, one post, € 1.234,56 spent of € 2.000.
    assert baseline.figures["inbox"]["enquiries"] == 3
    assert baseline.figures["content"]["published"] == 1
    assert baseline.figures["budget"]["spent"] == "1234.56"
    assert baseline.figures["budget"]["planned"] == "2000.00"


def test_the_job_does_not_freeze_before_the_audit_ends(engagement, time_machine):
    time_machine.move_to(LAST_MINUTE_OF_THE_AUDIT)
    assert audit_baselines_freeze() == 0
    time_machine.move_to(FIRST_MINUTE_AFTER)
    assert audit_baselines_freeze() == 1


def test_freezing_twice_keeps_one_row_and_the_first_figures(engagement, company):
    first, created = audit_baseline_freeze(engagement=engagement, now=FIRST_MINUTE_AFTER)
    assert created
    assert first.figures["inbox"] is None  # nothing received by the end of the audit
    fill(company)
    again, created = audit_baseline_freeze(engagement=engagement, now=datetime(2026, 11, 20, tzinfo=UTC))
    assert not created
    assert again.pk == first.pk
    assert AuditBaseline.objects.count() == 1
    assert AuditBaseline.objects.get().figures["inbox"] is None


def test_a_frozen_baseline_cannot_be_saved_again(engagement):
    baseline, _created = audit_baseline_freeze(engagement=engagement, now=FIRST_MINUTE_AFTER)
    baseline.figures = {"inbox": {"enquiries": 999}}
    with pytest.raises(ValueError, match="frozen"):
        baseline.save()


def test_frozen_during_the_audit_the_period_stops_at_that_day(engagement):
    baseline, _created = audit_baseline_freeze(engagement=engagement, now=datetime(2026, 10, 20, 9, 0, tzinfo=UTC))
    assert (baseline.period_start, baseline.period_end) == (OCT_1, date(2026, 10, 20))


def test_before_the_audit_starts_there_is_nothing_to_freeze(engagement):
    with pytest.raises(BaselineNotDue):
        audit_baseline_freeze(engagement=engagement, now=datetime(2026, 9, 30, 12, 0, tzinfo=UTC))
    assert not AuditBaseline.objects.exists()


def test_recorded_actual_dates_count_over_the_planned_ones(engagement):
    Phase.objects.filter(engagement=engagement, kind=Phase.Kind.AUDIT).update(
        actual_start=date(2026, 10, 5), actual_end=date(2026, 11, 10)
    )
    assert engagements_due_for_baseline(FIRST_MINUTE_AFTER) == []
    baseline, _created = audit_baseline_freeze(engagement=engagement, now=datetime(2026, 11, 11, 12, tzinfo=UTC))
    assert (baseline.period_start, baseline.period_end) == (date(2026, 10, 5), date(2026, 11, 10))


def test_the_inventory_lists_channels_feeds_lists_budget_and_cadences(engagement, company):
    fill(company)  # the form and email intake channels, the LinkedIn content channel, Google Ads
    ContentChannelFactory(company=company, name="Blog", kind="blog", is_active=False)
    CadenceFactory(company=company, channel__company=company, channel__name="Instagram", channel__kind="instagram")
    MailboxFactory(channel__company=company, username="info", host="mail.example.it")
    MentionFeedFactory(company=company, name="Google Alerts: Officine")
    newsletter = NewsletterListFactory(company=company, name="Clienti")
    SubscriptionFactory.create_batch(2, newsletter_list=newsletter)
    SubscriptionFactory(newsletter_list=newsletter, pending=True)
    baseline, _created = audit_baseline_freeze(engagement=engagement, now=FIRST_MINUTE_AFTER)
    inventory = baseline.inventory
    assert {"kind": "blog", "name": "Blog", "active": False} in inventory["content_channels"]
    assert [c["kind"] for c in inventory["intake_channels"]] == ["email", "email", "form"]
    assert inventory["mailboxes"][0]["address"] == "info@mail.example.it/INBOX"
    assert inventory["mention_feeds"][0]["name"] == "Google Alerts: Officine"
    assert inventory["newsletter_lists"] == [{"name": "Clienti", "subscribers": 2}]
    assert inventory["budget_lines"] == [{"channel": "google_ads", "planned": "2000.00"}]
    assert inventory["cadences"][0]["channel"] == "Instagram"
    assert inventory["cadences"][0]["time"] == "10:00"


def test_the_inventory_diff_names_what_was_added_removed_and_changed():
    before = {
        "content_channels": [
            {"kind": "linkedin", "name": "LinkedIn", "active": True},
            {"kind": "blog", "name": "Blog", "active": True},
        ],
        "newsletter_lists": [{"name": "Clienti", "subscribers": 40}],
        "mention_feeds": [{"name": "Vecchio feed", "url": "https://a.example/feed", "active": True}],
    }
    now = {
        "content_channels": [
            {"kind": "linkedin", "name": "LinkedIn", "active": False},
            {"kind": "instagram", "name": "Instagram", "active": True},
        ],
        "newsletter_lists": [{"name": "clienti", "subscribers": 95}],
        "mention_feeds": [],
    }
    diff = {d.key: d for d in inventory_diff(before, now)}
    assert diff["content_channels"].added == ["Instagram"]
    assert diff["content_channels"].removed == ["Blog"]
    assert diff["content_channels"].changed == ["LinkedIn: non più attivo"]
    assert diff["newsletter_lists"].changed == ["clienti: iscritti: 40 → 95"]
    assert diff["mention_feeds"].removed == ["Vecchio feed"]
    assert not diff["cadences"].has_changes


def test_per_month_divides_counts_and_amounts_but_not_medians_or_shares():
    assert months_in(31) == Decimal(1)
    assert months_in(61) == Decimal("2.0")
    assert months_in(45) == Decimal("1.5")
    assert months_in(12) == Decimal(1)
    figures = {
        "inbox": {"enquiries": 3, "first_response": {"median_seconds": 1800, "answered": 3}},
        "budget": {"spent": "1234.56", "by_channel": [{"channel": "google_ads", "spent": "1234.56"}]},
        "plan": {"milestones": {"due": 2}},
        "newsletter": None,
    }
    averaged = per_month(figures, Decimal(2))
    assert averaged["inbox"] == {
        "enquiries": Decimal("1.5"),
        "first_response": {"median_seconds": 1800, "answered": Decimal("1.5")},
    }
    assert averaged["budget"]["spent"] == "617.28"
    assert averaged["budget"]["by_channel"][0] == {"channel": "google_ads", "spent": "617.28"}
    assert averaged["plan"] == {"milestones": {"due": 2}}
    assert averaged["newsletter"] is None
    assert per_month(figures, Decimal(1)) is figures


def test_the_inventory_budget_is_the_average_month_of_an_audit_over_two_months(company, consultant):
    engagement = engagement_with_audit(company, consultant, date(2026, 9, 15), date(2026, 10, 20))
    fill(company)  # € 2.000 planned on Google Ads in October, nothing in September
    baseline, _created = audit_baseline_freeze(engagement=engagement, now=FIRST_MINUTE_AFTER)
    assert baseline.inventory["budget_lines"] == [{"channel": "google_ads", "planned": "1000.00"}]
