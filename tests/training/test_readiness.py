"""Readiness for handover, computed from real assessments, inbox and content rows."""

from datetime import timedelta

import pytest
from django.utils import timezone

from contentdesk.models import ChannelKind
from tests.contentdesk.factories import ContentChannelFactory
from tests.handover.factories import HandoverItemFactory
from tests.training.factories import answered_enquiry, published_post
from training.assessments import assessment_record, requirement_set
from training.models import Competency
from training.readiness import compute


@pytest.fixture
def inbox_item(plan):
    return HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply"])


def _sign_off(plan, consultant, code, level):
    competency = Competency.objects.get(code=code)
    return assessment_record(
        plan=plan, competency=competency, level=level, comment="", assessor=consultant, sign_off=True
    )


def _readiness(company, plan, item, as_of=None):
    return compute(company=company, plan=plan, items=[item], as_of=as_of or timezone.localdate()).items[item.pk]


def test_inbox_share_counts_the_trainees_first_replies_among_answered_enquiries_in_the_last_four_weeks(
    company, plan, digital_manager, consultant, inbox_item
):
    now = timezone.now()
    for _ in range(3):
        answered_enquiry(company, digital_manager, seconds=900, at=now - timedelta(days=2))
    answered_enquiry(company, digital_manager, seconds=900, at=now - timedelta(days=3), first_author=consultant)
    # Not counted: older than four weeks, spam.
    answered_enquiry(company, digital_manager, seconds=900, at=now - timedelta(weeks=5), first_author=consultant)
    answered_enquiry(company, digital_manager, seconds=900, at=now - timedelta(days=1), status="spam")
    readiness = _readiness(company, plan, inbox_item)
    assert (readiness.work_mine, readiness.work_total, readiness.work_share) == (3, 4, 75)
    # Never assessed: the competency part is 0, the work part full: (0 + 1) / 2.
    assert readiness.percent == 50
    assert not readiness.ready
    assert readiness.badge() == "Non ancora: manca 1 cosa"


def test_signing_off_the_required_level_makes_the_item_ready(company, plan, digital_manager, consultant, inbox_item):
    answered_enquiry(company, digital_manager, seconds=900, at=timezone.now() - timedelta(days=2))
    _sign_off(plan, consultant, "inbox.reply", 2)
    readiness = _readiness(company, plan, inbox_item)
    assert readiness.codes[0].level == 2
    assert readiness.codes[0].required == 3
    assert readiness.percent == round(100 * (2 / 3 + 1) / 2)
    _sign_off(plan, consultant, "inbox.reply", 3)
    readiness = _readiness(company, plan, inbox_item)
    assert readiness.ready
    assert readiness.percent == 100
    assert readiness.badge() == "Pronto"


def test_a_lower_required_level_set_by_the_consultant_is_enough(company, plan, consultant, inbox_item):
    _sign_off(plan, consultant, "inbox.reply", 2)
    assert not _readiness(company, plan, inbox_item).ready
    requirement_set(plan=plan, code="inbox.reply", level=2, user=consultant)
    readiness = _readiness(company, plan, inbox_item)
    # No enquiry answered by anyone in four weeks: there is no work part.
    assert readiness.work_total == 0
    assert readiness.ready
    assert readiness.percent == 100


def test_too_little_of_the_work_keeps_an_item_not_ready_even_with_the_level(
    company, plan, digital_manager, consultant, inbox_item
):
    _sign_off(plan, consultant, "inbox.reply", 4)
    now = timezone.now()
    answered_enquiry(company, digital_manager, seconds=900, at=now - timedelta(days=2))
    for _ in range(3):
        answered_enquiry(company, digital_manager, seconds=900, at=now - timedelta(days=2), first_author=consultant)
    readiness = _readiness(company, plan, inbox_item)
    assert readiness.work_share == 25
    assert not readiness.ready
    assert readiness.percent == round(100 * (1 + 0.5) / 2)
    assert "25%" in readiness.missing_text()


def test_content_share_counts_only_the_channels_the_competency_covers(company, plan, digital_manager, consultant):
    linkedin = ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN)
    blog = ContentChannelFactory(company=company, kind=ChannelKind.BLOG)
    published_post(company, digital_manager, channel=linkedin)
    for _ in range(3):
        published_post(company, consultant, channel=blog)
    published_post(company, consultant, channel=blog, at=timezone.now() - timedelta(weeks=6))  # too old
    social = HandoverItemFactory(engagement=plan.engagement, competencies=["social.publishing"])
    writing = HandoverItemFactory(engagement=plan.engagement, competencies=["content.writing"])
    result = compute(company=company, plan=plan, items=[social, writing], as_of=timezone.localdate())
    assert (result.items[social.pk].work_mine, result.items[social.pk].work_total) == (1, 1)
    assert (result.items[writing.pk].work_mine, result.items[writing.pk].work_total) == (1, 4)


def test_overall_readiness_is_the_mean_of_the_items_and_skips_items_with_nothing_to_measure(
    company, plan, consultant, inbox_item
):
    _sign_off(plan, consultant, "inbox.reply", 3)
    writing = HandoverItemFactory(engagement=plan.engagement, competencies=["content.writing"])
    empty = HandoverItemFactory(engagement=plan.engagement, competencies=[])
    result = compute(company=company, plan=plan, items=[inbox_item, writing, empty], as_of=timezone.localdate())
    assert result.items[empty.pk].percent is None
    assert result.overall == 50  # (100 + 0) / 2
    assert result.ready_count == 1


def test_a_sign_off_after_the_day_asked_does_not_count(company, plan, consultant, inbox_item):
    _sign_off(plan, consultant, "inbox.reply", 3)
    yesterday = timezone.localdate() - timedelta(days=1)
    assert _readiness(company, plan, inbox_item, as_of=yesterday).codes[0].level == 0


def test_the_progress_page_shows_readiness_per_responsibility_and_overall(login, company, plan, consultant, inbox_item):
    _sign_off(plan, consultant, "inbox.reply", 3)
    page = login(consultant).get(f"/c/{company.slug}/training/plans/{plan.pk}/").content.decode()
    assert "Prontezza per il passaggio di consegne" in page
    assert "Complessiva 100%" in page
    assert "Pronto" in page
    assert "Come si calcola" in page


def test_the_owner_summary_says_it_in_plain_words(login, company, plan, owner, consultant, inbox_item):
    HandoverItemFactory(engagement=plan.engagement, competencies=["content.writing"], name="Calendario")
    _sign_off(plan, consultant, "inbox.reply", 3)
    page = login(owner).get(f"/c/{company.slug}/training/summary/").content.decode()
    assert "a lavorare in autonomia: 50%" in page
    assert "Responsabilità che può già prendere: 1 su 2" in page
    assert "Manca ancora:" in page
    assert "Scrivere: nessuna valutazione, serve il livello 3" in page
    assert "Ultime competenze convalidate" in page
    assert "Rispondere" in page
    assert "Moduli completati: 0 su 3" in page


def test_the_owner_summary_reads_in_english(login, company, plan, owner, consultant, inbox_item):
    owner.language = "en"
    owner.save()
    page = login(owner).get(f"/c/{company.slug}/training/summary/").content.decode()
    assert "Training at a glance" in page
    assert "No competency signed off yet." in page
