"""Supervised reviews feed readiness: the approval part of an item with inbox codes."""

import pytest
from django.utils import timezone

from tests.handover.factories import HandoverItemFactory
from training.readiness import compute
from training.supervision import category_review_record

pytestmark = pytest.mark.django_db


def _readiness(company, plan, item):
    return compute(company=company, plan=plan, items=[item], as_of=timezone.localdate()).items[item.pk]


def _reviews(company, topic, approvals, changes):
    for changed in [False] * approvals + [True] * changes:
        category_review_record(company=company, kind="reply", key=topic, changed=changed)


def test_no_reviews_leave_readiness_as_it_was(company, plan):
    item = HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply"])
    readiness = _readiness(company, plan, item)
    assert (readiness.reviews, readiness.approval_rate, readiness.percent) == (0, None, 0)


def test_approval_rate_over_every_reply_topic_is_a_part_of_the_item_percentage(company, plan, other_company):
    item = HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply"])
    _reviews(company, "ordini", approvals=3, changes=1)
    _reviews(company, "resi", approvals=1, changes=3)
    _reviews(other_company, "ordini", approvals=9, changes=0)  # another company's: not counted
    readiness = _readiness(company, plan, item)
    assert (readiness.approvals, readiness.reviews, readiness.approval_rate) == (4, 8, 50)
    # Competency part 0 (never assessed), approval part 50 % / 80 % = 0.625: mean 31 %.
    assert readiness.percent == round(100 * (0 + 0.625) / 2)
    # The gate is unchanged: still not ready without the signed-off level.
    assert not readiness.ready


def test_approval_part_is_full_at_eighty_percent(company, plan):
    item = HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply"])
    _reviews(company, "ordini", approvals=4, changes=1)
    assert _readiness(company, plan, item).percent == 50  # (0 + 1) / 2


def test_items_without_inbox_codes_have_no_approval_part(company, plan):
    item = HandoverItemFactory(engagement=plan.engagement, competencies=["seo.basics"])
    _reviews(company, "ordini", approvals=4, changes=0)
    readiness = _readiness(company, plan, item)
    assert readiness.reviews == 0
    assert readiness.percent == 0


def test_progress_page_shows_the_approval_rate_and_links_to_the_queue(login, company, consultant, plan):
    HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply"])
    _reviews(company, "ordini", approvals=3, changes=1)
    content = login(consultant).get(f"/c/{company.slug}/training/plans/{plan.pk}/").content.decode()
    assert "risposte approvate così com'erano: 75%" in content
    assert f"/c/{company.slug}/training/supervision/" in content
