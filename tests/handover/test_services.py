"""Handover moves and who may make them: the services."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from engagements.handover.demo import seed_demo_handover
from engagements.handover.models import HandoverItem, HandoverMove, HandoverState
from engagements.handover.services import (
    handover_default_items,
    handover_item_create,
    handover_item_delete,
    handover_item_update,
    handover_move,
    handover_progress,
)
from tests.factories import CompanyFactory
from tests.handover.factories import EngagementFactory, HandoverItemFactory, HandoverMoveFactory

CONSULTANT, SHARED, TRAINEE = HandoverState.CONSULTANT, HandoverState.SHARED, HandoverState.TRAINEE


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)


@pytest.fixture
def item(engagement):
    return HandoverItemFactory(engagement=engagement, name="Casella richieste")


def test_a_move_one_step_forward_is_recorded_dated_and_confirmed(item, consultant):
    day = timezone.localdate() - timedelta(days=3)
    move = handover_move(item=item, to_state=SHARED, user=consultant, moved_on=day, note="Va bene")
    item.refresh_from_db()
    assert item.state == SHARED
    assert (move.from_state, move.to_state, move.moved_on, move.confirmed_by, move.note) == (
        CONSULTANT,
        SHARED,
        day,
        consultant,
        "Va bene",
    )


def test_a_move_without_a_date_is_dated_today(item, consultant):
    move = handover_move(item=item, to_state=SHARED, user=consultant)
    assert move.moved_on == timezone.localdate()


def test_a_responsibility_goes_back_one_step(item, consultant):
    handover_move(item=item, to_state=SHARED, user=consultant)
    handover_move(item=item, to_state=CONSULTANT, user=consultant, note="Non ancora")
    item.refresh_from_db()
    assert item.state == CONSULTANT
    assert list(item.moves.values_list("to_state", flat=True)) == [SHARED, CONSULTANT]


@pytest.mark.parametrize(("start", "target"), [(CONSULTANT, TRAINEE), (TRAINEE, CONSULTANT)])
def test_a_move_of_two_steps_is_refused(engagement, consultant, start, target):
    item = HandoverItemFactory(engagement=engagement, state=start)
    with pytest.raises(ValidationError, match="un passo alla volta"):
        handover_move(item=item, to_state=target, user=consultant)
    item.refresh_from_db()
    assert item.state == start
    assert not HandoverMove.objects.exists()


def test_a_move_to_the_current_holder_is_refused(item, consultant):
    with pytest.raises(ValidationError, match="già in mano"):
        handover_move(item=item, to_state=CONSULTANT, user=consultant)
    assert not HandoverMove.objects.exists()


def test_an_unknown_state_is_refused(item, consultant):
    with pytest.raises(ValidationError):
        handover_move(item=item, to_state="boss", user=consultant)


def test_a_move_in_the_future_is_refused(item, consultant):
    with pytest.raises(ValidationError, match="nel futuro"):
        handover_move(item=item, to_state=SHARED, user=consultant, moved_on=timezone.localdate() + timedelta(days=1))
    item.refresh_from_db()
    assert item.state == CONSULTANT


def test_a_move_before_the_engagement_starts_is_refused(item, engagement, consultant):
    with pytest.raises(ValidationError, match="inizio dell'incarico"):
        handover_move(item=item, to_state=SHARED, user=consultant, moved_on=engagement.starts_on - timedelta(days=1))


def test_a_move_dated_before_the_previous_move_is_refused_and_changes_nothing(item, consultant):
    today = timezone.localdate()
    handover_move(item=item, to_state=SHARED, user=consultant, moved_on=today - timedelta(days=2))
    with pytest.raises(ValidationError, match="passaggio precedente"):
        handover_move(item=item, to_state=TRAINEE, user=consultant, moved_on=today - timedelta(days=5))
    item.refresh_from_db()
    assert item.state == SHARED
    assert item.moves.count() == 1


def test_two_consultants_confirming_the_same_move_at_once_record_it_once(item, consultant, company):
    seen_by_first = HandoverItem.objects.select_related("engagement__company").get(pk=item.pk)
    seen_by_second = HandoverItem.objects.select_related("engagement__company").get(pk=item.pk)
    handover_move(item=seen_by_first, to_state=SHARED, user=consultant)
    with pytest.raises(ValidationError, match="appena stata spostata"):
        handover_move(item=seen_by_second, to_state=SHARED, user=consultant)
    assert HandoverMove.objects.count() == 1
    item.refresh_from_db()
    assert item.state == SHARED


def test_progress_counts_items_per_holder_and_the_share_with_the_trainee(engagement, company, consultant):
    for state in [CONSULTANT, CONSULTANT, SHARED, TRAINEE, TRAINEE, TRAINEE, SHARED]:
        HandoverItemFactory(engagement=engagement, state=state)
    other = EngagementFactory(company=CompanyFactory(), consultant=consultant)
    HandoverItemFactory(engagement=other, state=TRAINEE)
    assert handover_progress(engagement) == {"consultant": 2, "shared": 2, "trainee": 3, "total": 7, "percent": 43}


def test_progress_of_an_empty_board_is_zero(engagement, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert handover_progress(engagement) == {"consultant": 0, "shared": 0, "trainee": 0, "total": 0, "percent": 0}


def test_default_items_are_created_once_in_the_company_language(engagement):
    created = handover_default_items(engagement)
    assert [i.name for i in created][:2] == ["Casella delle richieste dal web", "Calendario dei contenuti"]
    assert len(created) == 7
    budget = HandoverItem.objects.get(engagement=engagement, budget_limit__isnull=False)
    assert budget.budget_limit == 300
    assert budget.competencies
    assert handover_default_items(engagement) == []
    assert HandoverItem.objects.filter(engagement=engagement).count() == 7
    assert set(HandoverItem.objects.values_list("state", flat=True)) == {CONSULTANT}


def test_default_items_of_an_english_company_are_in_english(consultant):
    company = CompanyFactory(language="en")
    engagement = EngagementFactory(company=company, consultant=consultant)
    names = [i.name for i in handover_default_items(engagement)]
    assert names[0] == "Inbox of web enquiries"
    assert "Website updates" in names


def test_items_are_added_at_the_end_edited_and_deleted_with_their_history(engagement, consultant):
    first = handover_item_create(engagement=engagement, name="Newsletter")
    second = handover_item_create(
        engagement=engagement, name="Budget", competencies=["ads.campaigns"], budget_limit=200, description="Piccolo"
    )
    assert second.order == first.order + 1
    handover_item_update(item=second, name="Budget ADV", competencies=["ads.campaigns", "budget.reading"])
    second.refresh_from_db()
    assert (second.name, second.competencies, second.budget_limit) == (
        "Budget ADV",
        ["ads.campaigns", "budget.reading"],
        None,
    )
    handover_move(item=first, to_state=SHARED, user=consultant)
    handover_item_delete(item=first)
    assert not HandoverMove.objects.exists()
    assert list(HandoverItem.objects.values_list("name", flat=True)) == ["Budget ADV"]


def test_an_item_needs_a_name(engagement):
    with pytest.raises(ValidationError):
        handover_item_create(engagement=engagement, name="")


def test_items_and_moves_are_scoped_to_their_company(engagement, consultant, other_company):
    item = HandoverItemFactory(engagement=engagement)
    HandoverMoveFactory(item=item, confirmed_by=consultant)
    assert HandoverItem.objects.for_company(other_company).count() == 0
    assert HandoverMove.objects.for_company(other_company).count() == 0
    assert HandoverMove.objects.for_company(engagement.company).count() == 1


def test_demo_handover_is_idempotent(engagement, consultant):
    today = timezone.localdate()
    seed_demo_handover(engagement, consultant=consultant, today=today)
    seed_demo_handover(engagement, consultant=consultant, today=today)
    progress = handover_progress(engagement)
    assert progress == {"consultant": 3, "shared": 2, "trainee": 2, "total": 7, "percent": 29}
    assert HandoverMove.objects.count() == 6
    assert not HandoverMove.objects.filter(moved_on__gt=today).exists()
    assert not HandoverMove.objects.exclude(confirmed_by=consultant).exists()
