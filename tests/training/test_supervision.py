import pytest

from contentdesk.models import ChannelKind
from engagements.handover.models import HandoverState
from engagements.plan.models import Engagement
from tests.contentdesk.factories import ContentChannelFactory
from tests.handover.factories import EngagementFactory, HandoverItemFactory
from training.models import SupervisedCategory, TrainingSettings
from training.supervision import (
    board_supervises,
    category_review_record,
    category_supervise,
    is_supervised,
    settings_set_streak,
    supervision_streak,
)

pytestmark = pytest.mark.django_db
REPLY = SupervisedCategory.Kind.REPLY
POST = SupervisedCategory.Kind.POST
State = SupervisedCategory.State


@pytest.fixture
def engagement(company, consultant, digital_manager):
    return EngagementFactory(company=company, consultant=consultant, trainee=digital_manager)


def test_replies_are_supervised_while_an_inbox_responsibility_is_not_with_the_trainee(company, engagement):
    item = HandoverItemFactory(engagement=engagement, competencies=["inbox.reply"], state=HandoverState.SHARED)
    assert is_supervised(company=company, kind=REPLY, key="preventivi")
    assert is_supervised(company=company, kind=REPLY, key="")
    item.state = HandoverState.TRAINEE
    item.save()
    assert not is_supervised(company=company, kind=REPLY, key="preventivi")


def test_non_inbox_responsibilities_do_not_supervise_replies(company, engagement):
    HandoverItemFactory(engagement=engagement, competencies=["social.campaigns"])
    assert not is_supervised(company=company, kind=REPLY, key="preventivi")


def test_closed_engagement_supervises_nothing(company, consultant, digital_manager):
    closed = EngagementFactory(
        company=company, consultant=consultant, trainee=digital_manager, status=Engagement.Status.CLOSED
    )
    HandoverItemFactory(engagement=closed, competencies=["inbox.reply"])
    assert not is_supervised(company=company, kind=REPLY, key="preventivi")


def test_posts_are_supervised_per_channel_by_the_codes_that_cover_it(company, other_company, engagement):
    linkedin = ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN)
    blog = ContentChannelFactory(company=company, kind=ChannelKind.BLOG)
    HandoverItemFactory(engagement=engagement, competencies=["social.campaigns"])
    assert is_supervised(company=company, kind=POST, key=str(linkedin.pk))
    assert not is_supervised(company=company, kind=POST, key=str(blog.pk))
    # Another company's channel, or a key that is not a channel, is never matched.
    foreign = ContentChannelFactory(company=other_company, kind=ChannelKind.LINKEDIN)
    assert not board_supervises(company, POST, str(foreign.pk))
    assert not board_supervises(company, POST, "nope")


def test_content_codes_cover_every_channel(company, engagement):
    blog = ContentChannelFactory(company=company, kind=ChannelKind.BLOG)
    HandoverItemFactory(engagement=engagement, competencies=["content.writing"], state=HandoverState.CONSULTANT)
    assert is_supervised(company=company, kind=POST, key=str(blog.pk))


def test_streak_defaults_to_five_and_is_set_per_company(company, other_company):
    assert supervision_streak(company) == 5
    settings_set_streak(company=company, streak=2)
    settings_set_streak(company=company, streak=3)
    assert supervision_streak(company) == 3
    assert supervision_streak(other_company) == 5
    assert TrainingSettings.objects.count() == 1


def test_n_approvals_in_a_row_make_the_category_autonomous(company, engagement):
    HandoverItemFactory(engagement=engagement, competencies=["inbox.reply"])
    settings_set_streak(company=company, streak=3)
    results = [category_review_record(company=company, kind=REPLY, key="ordini", changed=False) for _ in range(3)]
    assert [became for _cat, became in results] == [False, False, True]
    category = results[-1][0]
    assert (category.state, category.streak, category.approvals, category.changes) == (State.AUTONOMOUS, 3, 3, 0)
    assert category.autonomous_since is not None
    assert not is_supervised(company=company, kind=REPLY, key="ordini")
    # Other topics are still supervised by the board.
    assert is_supervised(company=company, kind=REPLY, key="resi")


def test_changes_reset_the_streak_and_count_against_the_approval_rate(company):
    settings_set_streak(company=company, streak=3)
    for changed in (False, False, True, False, False):
        category, became = category_review_record(company=company, kind=REPLY, key="ordini", changed=changed)
        assert not became
    assert (category.state, category.streak, category.approvals, category.changes) == (State.SUPERVISED, 2, 4, 1)
    assert category.approval_rate == pytest.approx(0.8)


def test_approval_rate_is_none_before_any_review(company):
    assert SupervisedCategory(company=company, kind=REPLY, key="x").approval_rate is None


def test_consultant_can_put_an_autonomous_category_back_under_supervision(company):
    settings_set_streak(company=company, streak=1)
    category, became = category_review_record(company=company, kind=REPLY, key="ordini", changed=False)
    assert became
    assert not is_supervised(company=company, kind=REPLY, key="ordini")
    category = category_supervise(company=company, kind=REPLY, key="ordini")
    assert (category.state, category.forced, category.streak) == (State.SUPERVISED, True, 0)
    # Forced: supervised even with no responsibility on the board asking for it.
    assert is_supervised(company=company, kind=REPLY, key="ordini")
    # Counters are history: kept.
    assert category.approvals == 1
    # Earning autonomy again lifts the forced supervision.
    category_review_record(company=company, kind=REPLY, key="ordini", changed=False)
    assert not is_supervised(company=company, kind=REPLY, key="ordini")


def test_categories_are_per_company(company, other_company):
    settings_set_streak(company=company, streak=1)
    category_review_record(company=company, kind=REPLY, key="ordini", changed=False)
    assert not SupervisedCategory.objects.for_company(other_company).exists()
