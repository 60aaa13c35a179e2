"""The registry gathers every app's figures through the same `figures(company, start, end)`."""

import json
from datetime import date

import pytest

from engagements.roles import Role
from reports import registry
from reports.figures import month_snapshot
from reports.period import Month
from reports.registry import Source, collect, load, sources_for
from tests.reports.data import fill


def test_a_source_whose_module_does_not_exist_yet_is_skipped():
    assert load(Source("x", "training.no_such_metrics", "X", "training.view")) is None
    assert load(Source("x", "no_such_app.metrics", "X", "training.view")) is None


def test_a_source_that_exists_but_fails_to_import_is_an_error():
    with pytest.raises(ImportError):
        load(Source("x", "tests.reports.broken_metrics", "X", "training.view"))


def test_a_new_source_joins_with_one_line(company, monkeypatch):
    monkeypatch.setattr(
        registry, "SOURCES", [Source("training", "tests.reports.fake_metrics", "Readiness", "training.view")]
    )
    assert collect(company, date(2026, 11, 1), date(2026, 11, 30))["training"]["period"] == ["2026-11-01", "2026-11-30"]


def test_each_member_gets_only_the_sections_their_role_may_see(company, users_by_role):
    from engagements.models import Membership

    keys = {
        role: [s.key for s in sources_for(Membership.objects.get(company=company, user=user))]
        for role, user in users_by_role.items()
    }
    assert keys[Role.OWNER] == ["inbox", "content", "budget", "plan", "newsletter", "training"]
    assert "budget" not in keys[Role.COLLEAGUE]
    assert [s.key for s in sources_for(None, compared_only=True)] == ["inbox", "content", "budget"]


def test_the_month_snapshot_is_plain_json_that_survives_a_round_trip(company):
    fill(company, year_before=True)
    snapshot = month_snapshot(company, Month.parse("2026-11"))
    assert json.loads(json.dumps(snapshot)) == snapshot
    assert snapshot["month"] == "2026-11"
    assert snapshot["periods"]["month"]["inbox"]["enquiries"] == 3
    assert snapshot["periods"]["previous"]["budget"]["spent"] == "1234.56"
    assert snapshot["periods"]["year_before"]["content"]["published"] == 1
    assert "plan" not in snapshot["periods"]["previous"]  # the engagement is not compared
    assert [m["month"] for m in snapshot["series"]["enquiries_by_month"]][::11] == ["2025-12", "2026-11"]


def test_a_month_before_the_company_used_staffetta_has_no_figures_not_zeros(company):
    fill(company)
    year_before = month_snapshot(company, Month.parse("2026-11"))["periods"]["year_before"]
    assert year_before == {"inbox": None, "content": None, "budget": None}
