"""Supervised mode for posts: the trainee's post on a supervised channel waits for the
consultant, who approves it, edits it or sends it back; reviews count per channel."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from contentdesk.models import ChannelKind, ContentItem
from contentdesk.services import content_item_move, content_item_update
from engagements.handover.models import HandoverState
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.handover.factories import HandoverItemFactory
from training.readiness import compute
from training.supervision import category_review_record, settings_set_streak
from training.supervision_models import HeldPost, SupervisedCategory

pytestmark = pytest.mark.django_db
S = ContentItem.Status
Held = HeldPost.Status


@pytest.fixture
def board(engagement):
    return HandoverItemFactory(engagement=engagement, competencies=["social.linkedin"], state=HandoverState.SHARED)


@pytest.fixture
def linkedin(company):
    # A channel that does not ask the owner for approval: supervision asks for it anyway.
    return ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN, name="LinkedIn", requires_approval=False)


@pytest.fixture
def post(company, linkedin, digital_manager):
    return ContentItemFactory(company=company, channel=linkedin, author=digital_manager, body="Testo della trainee")


def _member(user, company):
    return user.memberships.get(company=company)


def _move(item, user, target, **values):
    return content_item_move(item=item, membership=_member(user, item.company), target=target, **values)


def _category(company, channel):
    return SupervisedCategory.objects.get(company=company, kind="post", key=str(channel.pk))


def test_trainee_post_on_a_supervised_channel_must_go_to_the_consultant(plan, board, post, digital_manager):
    with pytest.raises(ValidationError):
        _move(post, digital_manager, S.APPROVED)
    assert ContentItem.objects.get(pk=post.pk).status == S.DRAFT
    post = _move(post, digital_manager, S.IN_REVIEW)
    held = HeldPost.objects.get()
    assert (post.status, held.status, held.author, held.body) == (
        S.IN_REVIEW,
        Held.PENDING,
        digital_manager,
        "Testo della trainee",
    )


def test_only_the_consultant_reviews_a_supervised_post(plan, board, post, digital_manager, owner, consultant):
    _move(post, digital_manager, S.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        _move(post, owner, S.APPROVED)
    post = _move(post, consultant, S.APPROVED)
    assert post.status == S.APPROVED
    assert HeldPost.objects.get().status == Held.APPROVED
    category = _category(post.company, post.channel)
    assert (category.approvals, category.changes, category.streak) == (1, 0, 1)


def test_consultant_edits_count_as_a_change_and_are_shown_to_the_trainee(
    login, plan, board, post, digital_manager, consultant
):
    post = _move(post, digital_manager, S.IN_REVIEW)
    post = content_item_update(item=post, user=consultant, body="Testo corretto dal consulente")
    _move(post, consultant, S.APPROVED)
    held = HeldPost.objects.get()
    assert (held.status, held.body, held.approved_body) == (
        Held.EDITED,
        "Testo della trainee",
        "Testo corretto dal consulente",
    )
    category = _category(post.company, post.channel)
    assert (category.approvals, category.changes, category.streak) == (0, 1, 0)
    page = login(digital_manager).get(f"/c/{post.company.slug}/calendar/items/{post.pk}/").content.decode()
    assert "Il riscontro del consulente" in page
    assert "Testo della trainee" in page
    assert "Testo corretto dal consulente" in page


def test_sending_back_keeps_the_comment_for_the_trainee(login, plan, board, post, digital_manager, consultant):
    _move(post, digital_manager, S.IN_REVIEW)
    post = _move(post, consultant, S.DRAFT, note="Manca l'invito all'azione.")
    held = HeldPost.objects.get()
    assert (post.status, held.status, held.comment) == (S.DRAFT, Held.RETURNED, "Manca l'invito all'azione.")
    assert _category(post.company, post.channel).changes == 1
    page = login(digital_manager).get(f"/c/{post.company.slug}/training/supervision/").content.decode()
    assert "Manca l&#x27;invito all&#x27;azione." in page


def test_trainee_revising_while_waiting_is_not_a_consultant_change(plan, board, post, digital_manager, consultant):
    post = _move(post, digital_manager, S.IN_REVIEW)
    post = content_item_update(item=post, user=digital_manager, body="Seconda versione della trainee")
    _move(post, consultant, S.APPROVED)
    held = HeldPost.objects.get()
    assert (held.status, held.body) == (Held.APPROVED, "Seconda versione della trainee")


def test_withdrawing_is_not_a_review(plan, board, post, digital_manager):
    _move(post, digital_manager, S.IN_REVIEW)
    _move(post, digital_manager, S.DRAFT)
    assert not HeldPost.objects.exists()
    assert not SupervisedCategory.objects.exists()


def test_channel_becomes_autonomous_after_the_streak_and_can_be_supervised_again(
    company, plan, board, linkedin, digital_manager, consultant
):
    settings_set_streak(company=company, streak=2)
    for _ in range(2):
        item = ContentItemFactory(company=company, channel=linkedin, author=digital_manager)
        _move(item, digital_manager, S.IN_REVIEW)
        _move(item, consultant, S.APPROVED)
    assert _category(company, linkedin).state == SupervisedCategory.State.AUTONOMOUS
    free = ContentItemFactory(company=company, channel=linkedin, author=digital_manager)
    assert _move(free, digital_manager, S.APPROVED).status == S.APPROVED  # "Mark ready" on their own
    assert HeldPost.objects.count() == 2


def test_posts_are_not_supervised_once_the_responsibility_is_with_the_trainee(plan, board, post, digital_manager):
    board.state = HandoverState.TRAINEE
    board.save()
    assert _move(post, digital_manager, S.APPROVED).status == S.APPROVED
    assert not HeldPost.objects.exists()


def test_other_authors_are_not_supervised(plan, board, company, linkedin, consultant):
    item = ContentItemFactory(company=company, channel=linkedin, author=consultant)
    assert _move(item, consultant, S.APPROVED).status == S.APPROVED


def test_post_reviews_feed_readiness_of_the_channels_the_code_covers(company, plan, board, linkedin):
    blog = ContentChannelFactory(company=company, kind=ChannelKind.BLOG, name="Blog", requires_approval=False)
    for channel, changed in [(linkedin, False), (linkedin, False), (linkedin, True), (blog, True)]:
        category_review_record(company=company, kind="post", key=str(channel.pk), changed=changed)
    readiness = compute(company=company, plan=plan, items=[board], as_of=timezone.localdate()).items[board.pk]
    # "social.*" covers LinkedIn, not the blog: 2 approvals out of 3 reviews.
    assert (readiness.approvals, readiness.reviews, readiness.approval_rate) == (2, 3, 67)


def test_queue_lists_waiting_posts_for_the_consultant(login, plan, board, post, digital_manager, consultant):
    _move(post, digital_manager, S.IN_REVIEW)
    page = login(consultant).get(f"/c/{post.company.slug}/training/supervision/").content.decode()
    assert "Post in attesa di approvazione" in page
    assert post.title in page
    assert f"/calendar/items/{post.pk}/" in page


def test_item_page_offers_the_owner_no_approval_of_a_supervised_post(
    login, plan, board, post, digital_manager, owner, consultant
):
    _move(post, digital_manager, S.IN_REVIEW)
    owner_page = login(owner).get(f"/c/{post.company.slug}/calendar/items/{post.pk}/").content.decode()
    assert 'value="approved"' not in owner_page
    assert "Modalità supervisionata" in owner_page
    consultant_page = login(consultant).get(f"/c/{post.company.slug}/calendar/items/{post.pk}/").content.decode()
    assert 'value="approved"' in consultant_page
    response = login(owner).post(f"/c/{post.company.slug}/calendar/items/{post.pk}/move/", {"target": "approved"})
    assert response.status_code == 403
    assert ContentItem.objects.get(pk=post.pk).status == S.IN_REVIEW
