"""The content desk's write services: what each records, and what each refuses."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from contentdesk.models import ChannelKind, ContentChannel, ContentComment, ContentEvent, ContentItem
from contentdesk.services import (
    content_channels_ensure_defaults,
    content_comment_add,
    content_idea_create,
    content_item_create,
    content_item_move,
    content_item_reschedule,
    content_item_update,
    content_results_set,
)
from engagements.models import Membership
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory

pytestmark = pytest.mark.django_db

S = ContentItem.Status
E = ContentEvent.Kind


@pytest.fixture
def channel(company):
    return ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN, name="LinkedIn")


@pytest.fixture
def free_channel(company):
    return ContentChannelFactory(company=company, kind=ChannelKind.BLOG, name="Blog", requires_approval=False)


def member(user, company):
    return Membership.objects.select_related("company").get(user=user, company=company)


def events(item, kind=None):
    queryset = ContentEvent.objects.filter(item=item).order_by("pk")
    return list(queryset.filter(kind=kind) if kind else queryset)


# Channels and creation -------------------------------------------------------------------------


def test_a_company_without_channels_gets_the_usual_ones_once(company):
    created = content_channels_ensure_defaults(company=company)
    assert [c.name for c in created] == ["Blog", "LinkedIn", "Facebook", "Instagram", "Newsletter"]
    assert ContentChannel.objects.get(company=company, name="LinkedIn").max_length == 3000
    assert content_channels_ensure_defaults(company=company) == []
    assert ContentChannel.objects.filter(company=company).count() == 5


def test_a_new_item_with_text_starts_as_a_draft_and_records_its_creation(company, channel, digital_manager):
    when = timezone.now() + timedelta(days=2)
    item = content_item_create(
        company=company, user=digital_manager, channel=channel, title="Fiera", body="Testo", scheduled_at=when
    )
    assert item.status == S.DRAFT
    assert item.author == digital_manager
    [created] = events(item)
    assert (created.kind, created.by, created.to_status, created.to_time) == (E.CREATED, digital_manager, S.DRAFT, when)


def test_a_new_item_without_text_starts_as_an_idea(company, channel, digital_manager):
    assert content_item_create(company=company, user=digital_manager, channel=channel, title="Idea").status == S.IDEA


def test_a_new_item_cannot_start_approved(company, channel, digital_manager):
    with pytest.raises(ValidationError):
        content_item_create(company=company, user=digital_manager, channel=channel, title="X", status=S.APPROVED)


def test_a_new_item_cannot_use_another_companys_channel(company, other_company, digital_manager):
    foreign = ContentChannelFactory(company=other_company)
    with pytest.raises(ValidationError):
        content_item_create(company=company, user=digital_manager, channel=foreign, title="X")
    assert not ContentItem.objects.exists()


def test_an_idea_from_elsewhere_lands_on_the_first_active_channel(company, digital_manager):
    ContentChannelFactory(company=company, name="Spento", is_active=False)
    first = ContentChannelFactory(company=company, name="Attivo")
    idea = content_idea_create(company=company, user=digital_manager, title="Dal web", source_url="https://x.example/")
    assert (idea.channel, idea.status, idea.source_url) == (first, S.IDEA, "https://x.example/")


def test_an_idea_for_a_company_without_channels_creates_them(company, digital_manager):
    idea = content_idea_create(company=company, user=digital_manager, title="Dal web")
    assert idea.channel.name == "Blog"


# Edits ------------------------------------------------------------------------------------------


def test_an_edit_is_recorded_and_a_new_time_as_a_rescheduling(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel)
    old = item.scheduled_at
    new = old + timedelta(days=1)
    content_item_update(item=item, user=digital_manager, body="Nuovo testo", scheduled_at=new)
    [rescheduled] = events(item, E.RESCHEDULED)
    assert (rescheduled.from_time, rescheduled.to_time) == (old, new)
    assert len(events(item, E.EDITED)) == 1


@pytest.mark.parametrize("status", [S.APPROVED, S.SCHEDULED])
def test_changing_the_text_of_an_approved_item_sends_it_back_for_approval(
    company, channel, owner, digital_manager, status
):
    item = ContentItemFactory(company=company, channel=channel, status=status, approved_by=owner)
    item.approved_at = timezone.now()
    item.save()
    content_item_update(item=item, user=digital_manager, body="Testo cambiato")
    item.refresh_from_db()
    assert item.status == S.IN_REVIEW
    assert (item.approved_by, item.approved_at) == (None, None)
    [back] = events(item, E.STATUS)
    assert (back.from_status, back.to_status, back.by) == (status, S.IN_REVIEW, digital_manager)
    assert back.note


def test_changing_only_the_brief_or_tag_keeps_the_approval(company, channel, owner, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.APPROVED, approved_by=owner)
    content_item_update(item=item, user=digital_manager, brief="Altro brief", tag="Campagna")
    item.refresh_from_db()
    assert (item.status, item.approved_by) == (S.APPROVED, owner)


def test_changing_the_text_on_a_channel_without_approval_keeps_it_approved(company, free_channel, digital_manager):
    item = ContentItemFactory(company=company, channel=free_channel, status=S.APPROVED)
    content_item_update(item=item, user=digital_manager, body="Testo cambiato")
    item.refresh_from_db()
    assert item.status == S.APPROVED


@pytest.mark.parametrize("status", [S.PUBLISHED, S.CANCELLED])
def test_a_published_or_cancelled_item_cannot_be_edited(company, channel, digital_manager, status):
    item = ContentItemFactory(company=company, channel=channel, status=status, published_at=timezone.now())
    with pytest.raises(ValidationError):
        content_item_update(item=item, user=digital_manager, title="Altro")


def test_an_edit_cannot_move_the_item_to_another_companys_channel(company, other_company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel)
    with pytest.raises(ValidationError):
        content_item_update(item=item, user=digital_manager, channel=ContentChannelFactory(company=other_company))


def test_clearing_the_time_of_a_scheduled_item_unschedules_it_and_says_so(company, free_channel, digital_manager):
    item = ContentItemFactory(company=company, channel=free_channel, status=S.SCHEDULED)
    content_item_update(item=item, user=digital_manager, scheduled_at=None)
    item.refresh_from_db()
    assert item.status == S.APPROVED
    [unscheduled] = events(item, E.STATUS)
    assert (unscheduled.from_status, unscheduled.to_status) == (S.SCHEDULED, S.APPROVED)


def test_a_scheduled_item_cannot_be_edited_into_the_past(company, free_channel, digital_manager):
    item = ContentItemFactory(company=company, channel=free_channel, status=S.SCHEDULED)
    with pytest.raises(ValidationError):
        content_item_update(item=item, user=digital_manager, scheduled_at=timezone.now() - timedelta(hours=1))
    item.refresh_from_db()
    assert item.scheduled_at > timezone.now()


def test_a_scheduled_item_cannot_be_edited_over_the_channels_limit(company, digital_manager):
    x = ContentChannelFactory(company=company, kind=ChannelKind.X, name="X", requires_approval=False)
    item = ContentItemFactory(company=company, channel=x, status=S.SCHEDULED, body="Breve")
    with pytest.raises(ValidationError, match="281"):
        content_item_update(item=item, user=digital_manager, body="a" * 281)
    item.refresh_from_db()
    assert item.body == "Breve"


# Moves ------------------------------------------------------------------------------------------


def test_requesting_changes_counts_them_and_keeps_the_reason_as_a_comment(company, channel, owner):
    item = ContentItemFactory(company=company, channel=channel, status=S.IN_REVIEW)
    item = content_item_move(item=item, membership=member(owner, company), target=S.DRAFT, note="Più corto, grazie")
    assert (item.status, item.changes_requested) == (S.DRAFT, 1)
    assert ContentComment.objects.get(item=item).body == "Più corto, grazie"
    [moved] = events(item, E.STATUS)
    assert (moved.from_status, moved.to_status, moved.note, moved.by) == (
        S.IN_REVIEW,
        S.DRAFT,
        "Più corto, grazie",
        owner,
    )


def test_withdrawing_from_review_is_not_counted_as_changes_requested(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.IN_REVIEW)
    item = content_item_move(item=item, membership=member(digital_manager, company), target=S.DRAFT)
    assert (item.status, item.changes_requested) == (S.DRAFT, 0)


@pytest.mark.parametrize("note", ["", "   "])
def test_requesting_changes_needs_a_reason(company, channel, owner, note):
    item = ContentItemFactory(company=company, channel=channel, status=S.IN_REVIEW)
    with pytest.raises(ValidationError):
        content_item_move(item=item, membership=member(owner, company), target=S.DRAFT, note=note)
    item.refresh_from_db()
    assert item.status == S.IN_REVIEW
    assert not events(item)


def test_approval_records_who_and_when(company, channel, owner):
    item = ContentItemFactory(company=company, channel=channel, status=S.IN_REVIEW)
    item = content_item_move(item=item, membership=member(owner, company), target=S.APPROVED)
    assert item.approved_by == owner
    assert timezone.now() - item.approved_at < timedelta(seconds=5)


def test_the_writer_cannot_approve_in_review(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.IN_REVIEW)
    with pytest.raises(PermissionDenied):
        content_item_move(item=item, membership=member(digital_manager, company), target=S.APPROVED)


def test_a_draft_on_a_channel_needing_approval_cannot_skip_the_review(company, channel, digital_manager, owner):
    item = ContentItemFactory(company=company, channel=channel, status=S.DRAFT)
    for user in (digital_manager, owner):
        # Nobody may do it, so it is not a question of role: the move is not possible.
        with pytest.raises(ValidationError):
            content_item_move(item=item, membership=member(user, company), target=S.APPROVED)


def test_a_draft_on_a_channel_without_approval_is_marked_ready_by_its_writer(company, free_channel, digital_manager):
    item = ContentItemFactory(company=company, channel=free_channel, status=S.DRAFT)
    item = content_item_move(item=item, membership=member(digital_manager, company), target=S.APPROVED)
    assert (item.status, item.approved_by) == (S.APPROVED, digital_manager)


def test_reopening_an_approved_item_drops_the_approval(company, channel, owner, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.APPROVED, approved_by=owner)
    item = content_item_move(item=item, membership=member(digital_manager, company), target=S.DRAFT)
    assert (item.status, item.approved_by, item.approved_at) == (S.DRAFT, None, None)


def test_an_impossible_move_is_a_validation_error(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.IDEA)
    with pytest.raises(ValidationError):
        content_item_move(item=item, membership=member(digital_manager, company), target=S.PUBLISHED)
    with pytest.raises(ValidationError):
        content_item_move(item=item, membership=member(digital_manager, company), target="nonsense")


def test_scheduling_needs_a_planned_time(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.APPROVED, scheduled_at=None)
    with pytest.raises(ValidationError, match="scegli la data"):
        content_item_move(item=item, membership=member(digital_manager, company), target=S.SCHEDULED)


def test_scheduling_needs_a_time_in_the_future(company, channel, digital_manager):
    item = ContentItemFactory(
        company=company, channel=channel, status=S.APPROVED, scheduled_at=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(ValidationError, match="è passato"):
        content_item_move(item=item, membership=member(digital_manager, company), target=S.SCHEDULED)


def test_scheduling_needs_a_text_within_the_channels_limit(company, digital_manager):
    x = ContentChannelFactory(company=company, kind=ChannelKind.X, name="X")
    item = ContentItemFactory(company=company, channel=x, status=S.APPROVED, body="a" * 281)
    with pytest.raises(ValidationError, match="281"):
        content_item_move(item=item, membership=member(digital_manager, company), target=S.SCHEDULED)
    item.body = "a" * 280
    item.save()
    assert content_item_move(item=item, membership=member(digital_manager, company), target=S.SCHEDULED).status == (
        S.SCHEDULED
    )


def test_publishing_needs_the_address(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.SCHEDULED)
    with pytest.raises(ValidationError, match="indirizzo"):
        content_item_move(item=item, membership=member(digital_manager, company), target=S.PUBLISHED)


def test_publishing_refuses_an_address_that_is_not_a_web_address(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.SCHEDULED)
    with pytest.raises(ValidationError):
        content_item_move(
            item=item, membership=member(digital_manager, company), target=S.PUBLISHED, published_url="javascript:x()"
        )


def test_publishing_refuses_a_time_in_the_future(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.SCHEDULED)
    with pytest.raises(ValidationError, match="nel futuro"):
        content_item_move(
            item=item,
            membership=member(digital_manager, company),
            target=S.PUBLISHED,
            published_url="https://www.linkedin.com/feed/update/1",
            published_at=timezone.now() + timedelta(hours=1),
        )


def test_publishing_records_the_address_and_defaults_to_now(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.SCHEDULED)
    item = content_item_move(
        item=item,
        membership=member(digital_manager, company),
        target=S.PUBLISHED,
        published_url="https://www.linkedin.com/feed/update/1",
    )
    assert item.status == S.PUBLISHED
    assert item.published_url == "https://www.linkedin.com/feed/update/1"
    assert timezone.now() - item.published_at < timedelta(seconds=5)


def test_cancelling_needs_a_reason(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.DRAFT)
    with pytest.raises(ValidationError):
        content_item_move(item=item, membership=member(digital_manager, company), target=S.CANCELLED)
    item = content_item_move(item=item, membership=member(digital_manager, company), target=S.CANCELLED, note="Doppio")
    assert item.status == S.CANCELLED


# Reschedule, comments, results ----------------------------------------------------------------


def test_rescheduling_records_both_times_and_nothing_when_unchanged(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel)
    old, new = item.scheduled_at, item.scheduled_at + timedelta(days=2)
    content_item_reschedule(item=item, user=digital_manager, when=new)
    content_item_reschedule(item=item, user=digital_manager, when=new)
    [event] = events(item, E.RESCHEDULED)
    assert (event.from_time, event.to_time) == (old, new)


def test_a_scheduled_item_is_not_rescheduled_into_the_past(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, status=S.SCHEDULED)
    with pytest.raises(ValidationError):
        content_item_reschedule(item=item, user=digital_manager, when=timezone.now() - timedelta(days=1))


def test_a_published_item_keeps_its_date(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, published=True)
    with pytest.raises(ValidationError):
        content_item_reschedule(item=item, user=digital_manager, when=timezone.now())


def test_a_comment_is_stored_trimmed_and_an_empty_one_refused(company, channel, owner):
    item = ContentItemFactory(company=company, channel=channel)
    assert content_comment_add(item=item, user=owner, body="  Bene  ").body == "Bene"
    with pytest.raises(ValidationError):
        content_comment_add(item=item, user=owner, body="   ")


def test_results_are_stored_and_recorded(company, channel, digital_manager):
    item = ContentItemFactory(company=company, channel=channel, published=True)
    content_results_set(item=item, user=digital_manager, reach=1200, clicks=40, enquiries=2)
    item.refresh_from_db()
    assert (item.reach, item.clicks, item.enquiries) == (1200, 40, 2)
    assert len(events(item, E.RESULTS)) == 1


# Notifications are queued with the change, after commit ---------------------------------------


def test_a_step_of_the_approval_queues_its_emails_after_commit(
    company, channel, digital_manager, django_capture_on_commit_callbacks
):
    item = ContentItemFactory(company=company, channel=channel, status=S.DRAFT)
    with django_capture_on_commit_callbacks() as callbacks:
        content_item_move(item=item, membership=member(digital_manager, company), target=S.IN_REVIEW)
    assert len(callbacks) == 1


def test_moves_outside_the_approval_queue_nothing(
    company, channel, digital_manager, django_capture_on_commit_callbacks
):
    item = ContentItemFactory(company=company, channel=channel, status=S.IDEA)
    with django_capture_on_commit_callbacks() as callbacks:
        content_item_move(item=item, membership=member(digital_manager, company), target=S.DRAFT)
        content_item_update(item=item, user=digital_manager, body="Altro")
    assert callbacks == []
