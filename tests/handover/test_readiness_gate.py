"""The readiness gate: handing a responsibility to the digital manager before training shows
them ready needs the consultant's reason, stored on the move and shown in the history."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from engagements.handover.models import HandoverItem, HandoverMove, HandoverState
from engagements.handover.services import handover_move
from tests.handover.factories import EngagementFactory, HandoverItemFactory
from tests.training.factories import answered_enquiry, load_test_curriculum, make_plan
from training.assessments import assessment_record
from training.models import Assessment, Competency

SHARED, TRAINEE = HandoverState.SHARED, HandoverState.TRAINEE


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)


@pytest.fixture
def plan(engagement, consultant):
    load_test_curriculum()
    return make_plan(engagement, consultant)


@pytest.fixture
def item(engagement, plan):
    """Shared already, needs "inbox.reply" (required level 3 by default)."""
    return HandoverItemFactory(engagement=engagement, name="Casella richieste", state=SHARED)


def _url(company, suffix=""):
    return f"/c/{company.slug}/engagement/handover/{suffix}"


def _sign_off(plan, consultant, level):
    competency = Competency.objects.get(code="inbox.reply")
    assessment_record(plan=plan, competency=competency, level=level, comment="", assessor=consultant, sign_off=True)


def test_the_service_refuses_to_hand_over_a_not_ready_item_without_a_reason(item, consultant):
    with pytest.raises(ValidationError) as error:
        handover_move(item=item, to_state=TRAINEE, user=consultant)
    assert "not_ready_reason" in error.value.message_dict
    assert "scrivi perché la passi adesso" in error.value.message_dict["not_ready_reason"][0]
    item.refresh_from_db()
    assert item.state == SHARED
    assert not HandoverMove.objects.exists()


def test_with_a_reason_the_move_happens_and_the_reason_is_stored(item, consultant):
    move = handover_move(
        item=item, to_state=TRAINEE, user=consultant, not_ready_reason="  Il consulente va in ferie.  "
    )
    assert move.not_ready_reason == "Il consulente va in ferie."
    item.refresh_from_db()
    assert item.state == TRAINEE


def test_a_ready_item_moves_without_a_reason_and_none_is_stored(item, plan, consultant):
    _sign_off(plan, consultant, 3)
    move = handover_move(item=item, to_state=TRAINEE, user=consultant, not_ready_reason="non serve")
    assert move.not_ready_reason == ""


def test_a_move_that_does_not_reach_the_trainee_needs_no_reason(engagement, plan, consultant):
    fresh = HandoverItemFactory(engagement=engagement)
    move = handover_move(item=fresh, to_state=SHARED, user=consultant, not_ready_reason="ignorato")
    assert move.not_ready_reason == ""


def test_too_little_of_the_work_done_also_closes_the_gate(company, item, plan, consultant, digital_manager):
    _sign_off(plan, consultant, 3)
    for _ in range(3):
        answered_enquiry(
            company, digital_manager, seconds=600, at=timezone.now() - timedelta(days=1), first_author=consultant
        )
    with pytest.raises(ValidationError):
        handover_move(item=item, to_state=TRAINEE, user=consultant)


def test_the_move_form_asks_for_the_reason_only_when_needed(login, company, item, plan, consultant):
    client = login(consultant)
    page = client.get(_url(company, f"items/{item.pk}/move/?to=trainee")).content.decode()
    assert "Perché la passi adesso" in page
    assert "Non ancora: manca 1 cosa" in page
    page = client.get(_url(company, f"items/{item.pk}/move/?to=consultant")).content.decode()
    assert "Perché la passi adesso" not in page
    _sign_off(plan, consultant, 3)
    page = client.get(_url(company, f"items/{item.pk}/move/?to=trainee")).content.decode()
    assert "Perché la passi adesso" not in page
    assert "pronto per questa responsabilità" in page


def test_posting_the_move_without_a_reason_is_refused_and_keeps_the_note(login, company, item, plan, consultant):
    today = timezone.localdate().isoformat()
    response = login(consultant).post(
        _url(company, f"items/{item.pk}/move/"), {"to_state": TRAINEE, "moved_on": today, "note": "Da provare"}
    )
    assert response.status_code == 400
    assert "Da provare" in response.content.decode()
    assert "Scrivi perché la passi prima che la formazione" in response.content.decode()
    assert HandoverItem.objects.get(pk=item.pk).state == SHARED


def test_posting_the_move_with_a_reason_stores_it_and_the_board_shows_it(login, company, item, plan, consultant):
    client = login(consultant)
    response = client.post(
        _url(company, f"items/{item.pk}/move/"),
        {
            "to_state": TRAINEE,
            "moved_on": timezone.localdate().isoformat(),
            "not_ready_reason": "Chiede lei di provare.",
        },
    )
    assert response.status_code == 302
    assert HandoverMove.objects.get().not_ready_reason == "Chiede lei di provare."
    board = client.get(_url(company)).content.decode()
    assert "Passata prima che fosse pronto:" in board
    assert "Chiede lei di provare." in board


def test_the_board_shows_readiness_badges(login, company, engagement, item, plan, consultant, digital_manager):
    HandoverItemFactory(engagement=engagement, name="Sito", competencies=["content.writing"])
    _sign_off(plan, consultant, 3)
    board = login(digital_manager).get(_url(company)).content.decode()
    assert "Pronto" in board
    assert "Non ancora: manca 1 cosa" in board
    assert "Prontezza complessiva 50%" in board


def test_the_board_reads_in_english(login, company, item, plan, consultant):
    consultant.language = "en"
    consultant.save()
    board = login(consultant).get(_url(company)).content.decode()
    assert "Not yet: 1 thing missing" in board
    assert "Overall readiness 0%" in board


def test_the_board_query_count_does_not_grow_with_assessments_and_work(
    login, company, engagement, item, plan, consultant, digital_manager, django_assert_max_num_queries
):
    HandoverItemFactory(engagement=engagement, competencies=["content.writing", "social.publishing"])
    client = login(consultant)
    client.get(f"/c/{company.slug}/")  # the session notes the last company once
    # session, user, membership+company, engagement, items, moves, progress, switcher; readiness:
    # the plan, required levels, signed-off levels, competency names, inbox share, content shares,
    # supervised post reviews.
    with django_assert_max_num_queries(15):
        assert client.get(_url(company)).status_code == 200
    competencies = list(Competency.objects.all())
    Assessment.objects.bulk_create(
        [
            Assessment(plan=plan, competency=c, level=n % 4 + 1, signed_off_at=timezone.now(), signed_off_by=consultant)
            for c in competencies
            for n in range(10)
        ]
    )
    for _n in range(10):
        HandoverItemFactory(engagement=engagement, competencies=["inbox.reply", "content.writing"])
        answered_enquiry(company, digital_manager, seconds=600, at=timezone.now() - timedelta(days=1))
    with django_assert_max_num_queries(15):
        assert client.get(_url(company)).status_code == 200
