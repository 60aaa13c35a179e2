"""The workflow table: which moves each role is offered from each status, per channel."""

import pytest

from contentdesk.models import ContentItem
from contentdesk.workflow import MOVES, find_move, moves_from
from engagements.models import Membership
from engagements.roles import Role
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory

pytestmark = pytest.mark.django_db

S = ContentItem.Status
OWNER, DM, CONSULTANT, COLLEAGUE = Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT, Role.COLLEAGUE

# (status, channel needs approval) → {role: the targets offered}. Written out by hand, so that a
# change to the table is a deliberate change to this test too.
EXPECTED = {
    (S.IDEA, True): {
        OWNER: set(),
        DM: {S.DRAFT, S.CANCELLED},
        CONSULTANT: {S.DRAFT, S.CANCELLED},
        COLLEAGUE: set(),
    },
    (S.DRAFT, True): {
        OWNER: set(),
        DM: {S.IN_REVIEW, S.IDEA, S.CANCELLED},
        CONSULTANT: {S.IN_REVIEW, S.IDEA, S.CANCELLED},
        COLLEAGUE: set(),
    },
    (S.DRAFT, False): {
        OWNER: set(),
        DM: {S.APPROVED, S.IDEA, S.CANCELLED},
        CONSULTANT: {S.APPROVED, S.IDEA, S.CANCELLED},
        COLLEAGUE: set(),
    },
    (S.IN_REVIEW, True): {
        OWNER: {S.APPROVED, S.DRAFT, S.CANCELLED},
        DM: {S.DRAFT},
        CONSULTANT: {S.APPROVED, S.DRAFT, S.CANCELLED},
        COLLEAGUE: set(),
    },
    (S.APPROVED, True): {
        OWNER: set(),
        DM: {S.SCHEDULED, S.PUBLISHED, S.DRAFT, S.CANCELLED},
        CONSULTANT: {S.SCHEDULED, S.PUBLISHED, S.DRAFT, S.CANCELLED},
        COLLEAGUE: set(),
    },
    (S.SCHEDULED, True): {
        OWNER: set(),
        DM: {S.PUBLISHED, S.APPROVED, S.CANCELLED},
        CONSULTANT: {S.PUBLISHED, S.APPROVED, S.CANCELLED},
        COLLEAGUE: set(),
    },
    (S.PUBLISHED, True): {OWNER: set(), DM: set(), CONSULTANT: set(), COLLEAGUE: set()},
    (S.CANCELLED, True): {OWNER: set(), DM: {S.IDEA}, CONSULTANT: {S.IDEA}, COLLEAGUE: set()},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize(("status", "needs_approval"), list(EXPECTED), ids=[f"{s}-{a}" for s, a in EXPECTED])
def test_each_role_is_offered_exactly_its_moves(company, role, status, needs_approval):
    channel = ContentChannelFactory(company=company, requires_approval=needs_approval)
    item = ContentItemFactory.build(company=company, channel=channel, status=status)
    membership = Membership(company=company, role=role)
    assert {m.target for m in moves_from(item, membership)} == EXPECTED[(status, needs_approval)][role]


def test_the_consultant_sending_back_from_review_requests_changes_and_must_say_why(company):
    item = ContentItemFactory.build(company=company, channel=ContentChannelFactory(company=company), status=S.IN_REVIEW)
    move = find_move(item, S.DRAFT, Membership(company=company, role=CONSULTANT))
    assert move.permission == "content.approve"
    assert move.needs_note


def test_the_digital_manager_withdrawing_from_review_needs_no_note(company):
    item = ContentItemFactory.build(company=company, channel=ContentChannelFactory(company=company), status=S.IN_REVIEW)
    move = find_move(item, S.DRAFT, Membership(company=company, role=DM))
    assert move.permission == "content.write"
    assert not move.needs_note


def test_every_cancel_asks_why():
    assert all(m.needs_note for m in MOVES if m.target == S.CANCELLED)


def test_find_move_refuses_a_target_that_is_not_offered(company):
    item = ContentItemFactory.build(company=company, channel=ContentChannelFactory(company=company), status=S.IDEA)
    assert find_move(item, S.PUBLISHED, Membership(company=company, role=DM)) is None
