"""Reminders of late content items (once a day each) and overdue milestones (once a week)."""

from datetime import date, datetime, timedelta

from contentdesk.models import ContentItem
from digests.models import Dispatch
from digests.reminders import overdue_reminders_send
from digests.tasks import overdue_reminders
from engagements.plan.models import Milestone
from engagements.roles import Role
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.digests.conftest import NOW, ROME
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.mail.conftest import text_of
from tests.plan.factories import make_engagement


def _late_item(company, author, **extra):
    extra.setdefault("title", "Post sulla fiera MECSPE")
    extra.setdefault("scheduled_at", NOW - timedelta(hours=3))
    extra.setdefault("status", ContentItem.Status.APPROVED)
    return ContentItemFactory(company=company, channel=ContentChannelFactory(company=company), author=author, **extra)


def test_a_late_item_is_reminded_to_its_author_in_italian(db, company, digital_manager, consultant, smtp, settings):
    item = _late_item(company, consultant)
    assert overdue_reminders_send(NOW) == 1
    message = smtp.only()
    assert message["To"] == consultant.email
    assert "Officine Test: 1 contenuto in ritardo" in message["Subject"]
    text = text_of(message)
    assert "Post sulla fiera MECSPE" in text
    assert "ven 20 novembre, 05:30" in text
    assert f"{settings.SITE_URL}/c/{company.slug}/calendar/items/{item.pk}/" in text


def test_a_late_item_is_reminded_once_a_day(db, company, digital_manager, smtp):
    _late_item(company, digital_manager)
    assert overdue_reminders_send(NOW) == 1
    assert overdue_reminders_send(NOW + timedelta(minutes=15)) == 0
    assert overdue_reminders() == 0
    assert len(smtp.messages) == 1
    assert overdue_reminders_send(NOW + timedelta(days=1)) == 1
    assert len(smtp.messages) == 2


def test_an_item_whose_author_left_goes_to_the_digital_managers(db, company, digital_manager, owner, smtp):
    _late_item(company, UserFactory())
    overdue_reminders_send(NOW)
    assert [m["To"] for m in smtp.messages] == [digital_manager.email]


def test_published_cancelled_future_and_long_forgotten_items_are_not_reminded(db, company, digital_manager, smtp):
    _late_item(company, digital_manager, status=ContentItem.Status.CANCELLED)
    ContentItemFactory(company=company, author=digital_manager, published=True)
    _late_item(company, digital_manager, scheduled_at=NOW + timedelta(hours=1))
    _late_item(company, digital_manager, scheduled_at=NOW - timedelta(days=15))
    assert overdue_reminders_send(NOW) == 0
    assert smtp.messages == []


def test_reminders_wait_for_the_morning_in_the_company_time_zone(db, company, digital_manager, smtp):
    _late_item(company, digital_manager, scheduled_at=datetime(2026, 11, 19, 18, 0, tzinfo=ROME))
    assert overdue_reminders_send(datetime(2026, 11, 20, 6, 45, tzinfo=ROME)) == 0
    assert overdue_reminders_send(datetime(2026, 11, 20, 7, 0, tzinfo=ROME)) == 1


def test_a_reminder_lists_only_its_own_companys_items(db, company, other_company, digital_manager, smtp):
    other_dm = MembershipFactory(company=other_company, role=Role.DIGITAL_MANAGER).user
    _late_item(company, digital_manager, title="Post di A")
    _late_item(other_company, other_dm, title="Post riservato di B")
    assert overdue_reminders_send(NOW) == 2
    by_recipient = {m["To"]: text_of(m) for m in smtp.messages}
    assert "Post riservato di B" not in by_recipient[digital_manager.email]
    assert "Post di A" not in by_recipient[other_dm.email]


def _overdue_milestone(company, consultant):
    engagement = make_engagement(company, consultant, starts_on=date(2026, 9, 1))
    Milestone.objects.filter(phase__engagement=engagement).update(done_on=date(2026, 9, 1))
    milestone = Milestone.objects.filter(phase__engagement=engagement).first()
    Milestone.objects.filter(pk=milestone.pk).update(
        title="Analisi dei canali", due_on=date(2026, 11, 17), done_on=None
    )
    return milestone


def test_an_overdue_milestone_goes_to_the_consultant_and_the_owners(
    db, company, owner, consultant, digital_manager, smtp
):
    _overdue_milestone(company, consultant)
    assert overdue_reminders_send(NOW) == 2
    assert sorted(m["To"] for m in smtp.messages) == sorted([owner.email, consultant.email])
    text = text_of(smtp.messages[0])
    assert "Analisi dei canali" in text
    assert "scadenza 17/11/2026, in ritardo di 3 giorni" in text
    assert "Officine Test: 1 tappa in ritardo" in smtp.messages[0]["Subject"]


def test_an_overdue_milestone_is_reminded_again_only_after_a_week(db, company, owner, consultant, smtp):
    _overdue_milestone(company, consultant)
    assert overdue_reminders_send(NOW) == 2
    assert overdue_reminders_send(NOW + timedelta(days=1)) == 0
    assert overdue_reminders_send(NOW + timedelta(days=3)) == 0
    assert overdue_reminders_send(NOW + timedelta(days=6)) == 0
    assert overdue_reminders_send(NOW + timedelta(days=7)) == 2
    assert overdue_reminders_send(NOW + timedelta(days=8)) == 0
    assert len(smtp.messages) == 4


def test_a_milestone_done_or_not_yet_due_is_not_reminded(db, company, owner, consultant, smtp):
    milestone = _overdue_milestone(company, consultant)
    Milestone.objects.filter(pk=milestone.pk).update(due_on=date(2026, 11, 20))
    assert overdue_reminders_send(NOW) == 0
    Milestone.objects.filter(pk=milestone.pk).update(due_on=date(2026, 11, 10), done_on=date(2026, 11, 12))
    assert overdue_reminders_send(NOW) == 0


def test_a_failed_reminder_is_given_back_for_the_next_run(db, company, digital_manager, smtp_down):
    _late_item(company, digital_manager)
    assert overdue_reminders_send(NOW) == 0
    assert not Dispatch.objects.exists()
