"""The demo's audit baseline (called by seed_demo)."""

from datetime import date

from reports.baseline_demo import seed_demo_baseline
from reports.models import AuditBaseline
from tests.contentdesk.factories import CadenceFactory, ContentChannelFactory
from tests.reports.baseline_data import engagement_with_audit
from tests.reports.data import fill


def test_the_demo_baseline_is_frozen_once_with_the_channels_before_the_restructuring(company, consultant):
    engagement = engagement_with_audit(company, consultant, date(2026, 10, 1), date(2026, 10, 31))
    fill(company)
    instagram = ContentChannelFactory(company=company, name="Instagram", kind="instagram")
    CadenceFactory(company=company, channel=instagram)
    baseline = seed_demo_baseline(company)
    assert seed_demo_baseline(company) == baseline
    assert AuditBaseline.objects.get().engagement == engagement
    assert baseline.figures["inbox"]["enquiries"] == 3
    assert [c["name"] for c in baseline.inventory["content_channels"]] == ["LinkedIn"]
    assert baseline.inventory["content_channels"][0]["active"] is False
    assert baseline.inventory["cadences"] == []


def test_no_demo_baseline_while_the_audit_is_running(company, consultant):
    engagement_with_audit(company, consultant, date(2026, 11, 1), date(2026, 11, 30))
    assert seed_demo_baseline(company) is None
    assert not AuditBaseline.objects.exists()
