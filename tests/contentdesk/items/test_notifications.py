"""Emails about approval: who gets them, in which language, and each one only once."""

import pytest
from django.core import mail

from contentdesk.items.notifications import content_event_notify
from contentdesk.models import ContentEvent, ContentItem, ContentNotification
from engagements.models import Membership
from engagements.roles import Role
from tests.conftest import free_port
from tests.contentdesk.items.conftest import item_url
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.mail.conftest import html_of, text_of

pytestmark = pytest.mark.django_db

S = ContentItem.Status


@pytest.fixture
def people(company, owner, digital_manager, consultant, colleague, settings):
    settings.SITE_URL = "https://staffetta.example"
    owner.first_name, digital_manager.first_name, consultant.first_name = "Giovanni", "Chiara", "Marta"
    for user in (owner, digital_manager, consultant):
        user.save()
    return {"owner": owner, "dm": digital_manager, "consultant": consultant, "colleague": colleague}


def _last_status_event(item) -> ContentEvent:
    return ContentEvent.objects.filter(item=item, kind="status").latest("pk")


def _move(client, item, **data):
    response = client.post(item_url(item, "move/"), data)
    assert response.status_code == 302, response.content.decode()[:500]
    return _last_status_event(item)


def test_submitting_for_approval_emails_the_owner_and_the_consultant_after_commit(
    login, people, make_item, django_capture_on_commit_callbacks
):
    item = make_item(status=S.DRAFT, title="MECSPE: la valvola DN50")
    with django_capture_on_commit_callbacks() as callbacks:
        event = _move(login(people["dm"]), item, target=S.IN_REVIEW)
    assert len(callbacks) == 1
    assert mail.outbox == []  # nothing is sent before the commit

    assert content_event_notify(event.pk) == 2
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {people["owner"].email, people["consultant"].email}
    sent = by_recipient[people["owner"].email]
    assert sent.subject == "[Officine Test] Da approvare: MECSPE: la valvola DN50"
    assert "Ciao Giovanni," in sent.body
    assert "Chiara ti chiede di approvare “MECSPE: la valvola DN50” per LinkedIn." in sent.body
    assert f"https://staffetta.example/c/officine-test/calendar/items/{item.pk}/" in sent.body
    assert f'href="https://staffetta.example/c/officine-test/calendar/items/{item.pk}/"' in sent.alternatives[0][0]


def test_the_consultant_who_submits_is_not_emailed_about_it(login, people, make_item):
    item = make_item(status=S.DRAFT)
    event = _move(login(people["consultant"]), item, target=S.IN_REVIEW)
    content_event_notify(event.pk)
    assert [m.to for m in mail.outbox] == [[people["owner"].email]]


def test_every_owner_is_emailed(login, company, people, make_item):
    second = MembershipFactory(company=company, role=Role.OWNER, user=UserFactory(email="socia@example.com")).user
    item = make_item(status=S.DRAFT)
    event = _move(login(people["dm"]), item, target=S.IN_REVIEW)
    content_event_notify(event.pk)
    assert {m.to[0] for m in mail.outbox} == {people["owner"].email, second.email, people["consultant"].email}


def test_the_email_is_in_the_recipients_language(login, people, make_item):
    people["owner"].language = "en"
    people["owner"].save()
    item = make_item(status=S.DRAFT, title="Valvola DN50")
    event = _move(login(people["dm"]), item, target=S.IN_REVIEW)
    content_event_notify(event.pk)
    english = next(m for m in mail.outbox if m.to == [people["owner"].email])
    italian = next(m for m in mail.outbox if m.to == [people["consultant"].email])
    assert english.subject == "[Officine Test] To approve: Valvola DN50"
    assert "Hello Giovanni," in english.body
    assert "Ciao Marta," in italian.body


def test_without_a_language_of_their_own_the_companys_is_used(login, company, people, make_item):
    company.language = "en"
    company.save()
    item = make_item(status=S.DRAFT, title="Valvola DN50")
    content_event_notify(_move(login(people["dm"]), item, target=S.IN_REVIEW).pk)
    assert {m.subject for m in mail.outbox} == {"[Officine Test] To approve: Valvola DN50"}


def test_approval_emails_the_author(login, people, make_item):
    item = make_item(status=S.IN_REVIEW, title="Valvola DN50")
    content_event_notify(_move(login(people["owner"]), item, target=S.APPROVED).pk)
    [sent] = mail.outbox
    assert sent.to == [people["dm"].email]
    assert sent.subject == "[Officine Test] Approvato: Valvola DN50"
    assert "Giovanni ha approvato “Valvola DN50” per LinkedIn: puoi programmarlo." in sent.body


def test_a_request_for_changes_emails_the_author_with_the_reason(login, people, make_item):
    item = make_item(status=S.IN_REVIEW, title="Valvola DN50")
    event = _move(login(people["owner"]), item, target=S.DRAFT, note="Manca il numero dello stand")
    content_event_notify(event.pk)
    [sent] = mail.outbox
    assert sent.to == [people["dm"].email]
    assert sent.subject == "[Officine Test] Modifiche richieste: Valvola DN50"
    assert "Manca il numero dello stand" in sent.body


def test_withdrawing_from_review_emails_nobody(login, people, make_item):
    item = make_item(status=S.IN_REVIEW)
    assert content_event_notify(_move(login(people["dm"]), item, target=S.DRAFT).pk) == 0
    assert mail.outbox == []


def test_an_author_who_approves_their_own_item_is_not_emailed(login, people, make_item):
    item = make_item(status=S.IN_REVIEW, author=people["consultant"])
    assert content_event_notify(_move(login(people["consultant"]), item, target=S.APPROVED).pk) == 0


def test_an_edit_after_approval_asks_the_approvers_again(login, people, make_item, channel):
    item = make_item(status=S.APPROVED, approved_by=people["owner"])
    data = {"title": item.title, "channel": channel.pk, "kind": "post", "language": "it", "body": "Nuovo testo"}
    assert login(people["dm"]).post(item_url(item, "edit/"), data).status_code == 302
    content_event_notify(_last_status_event(item).pk)
    assert {m.to[0] for m in mail.outbox} == {people["owner"].email, people["consultant"].email}
    assert "Modificato dopo l'approvazione: serve una nuova approvazione." in mail.outbox[0].body


def test_a_second_run_sends_nothing_again(login, people, make_item):
    item = make_item(status=S.DRAFT)
    event = _move(login(people["dm"]), item, target=S.IN_REVIEW)
    assert content_event_notify(event.pk) == 2
    assert content_event_notify(event.pk) == 0
    assert len(mail.outbox) == 2
    assert ContentNotification.objects.filter(event=event, sent_at__isnull=False).count() == 2


def test_a_request_already_decided_is_not_sent(login, people, make_item):
    item = make_item(status=S.DRAFT)
    event = _move(login(people["dm"]), item, target=S.IN_REVIEW)
    _move(login(people["owner"]), item, target=S.APPROVED)
    assert content_event_notify(event.pk) == 0


def test_someone_who_left_the_company_is_not_emailed(login, people, make_item):
    Membership.objects.filter(user=people["consultant"]).delete()
    people["owner"].is_active = False
    people["owner"].save()
    item = make_item(status=S.DRAFT)
    assert content_event_notify(_move(login(people["dm"]), item, target=S.IN_REVIEW).pk) == 0


def test_a_missing_event_is_not_an_error():
    assert content_event_notify(999_999) == 0


def test_an_smtp_failure_releases_the_claim_and_the_retry_sends_once(login, people, make_item, mailbox, settings):
    item = make_item(status=S.DRAFT, title="Valvola DN50")
    event = _move(login(people["dm"]), item, target=S.IN_REVIEW)
    working_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nobody listens there
    with pytest.raises(ConnectionRefusedError):
        content_event_notify(event.pk)
    assert not ContentNotification.objects.filter(event=event).exists()

    settings.EMAIL_PORT = working_port
    assert content_event_notify(event.pk) == 2
    assert content_event_notify(event.pk) == 0
    assert sorted(rcpt for e in mailbox.envelopes for rcpt in e.rcpt_tos) == sorted(
        [people["owner"].email, people["consultant"].email]
    )
    sent = mailbox.messages[0]
    assert sent["Subject"] == "[Officine Test] Da approvare: Valvola DN50"
    assert f"/c/officine-test/calendar/items/{item.pk}/" in text_of(sent)
    assert "Leggi e approva" in html_of(sent)


def test_the_title_is_escaped_in_the_html_email(login, people, make_item):
    item = make_item(status=S.DRAFT, title="<script>alert(1)</script>")
    content_event_notify(_move(login(people["dm"]), item, target=S.IN_REVIEW).pk)
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
