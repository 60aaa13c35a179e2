"""The actions of the conversation page, their side effects and who may use them."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from inbox.models import CannedReply, Conversation, Message, Tag
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.work.factories import CannedReplyFactory, ConversationFactory, MessageFactory, TagFactory, enquiry

Status = Conversation.Status


def _post(client, conversation, action, data=None, query=""):
    return client.post(f"/c/{conversation.company.slug}/inbox/{conversation.pk}/{action}/{query}", data or {})


def _fresh(conversation):
    return Conversation.objects.get(pk=conversation.pk)


# --- reply ----------------------------------------------------------------------------------


def test_reply_creates_an_outgoing_message_and_queues_it_for_sending_on_commit(
    login, company, digital_manager, django_capture_on_commit_callbacks
):
    conversation = enquiry(company, created_at=timezone.now() - timedelta(hours=1))
    with (
        mock.patch("inbox.mail.tasks.send_message.delay") as send,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        response = _post(login(digital_manager), conversation, "reply", {"reply-body": "Buongiorno,\necco l'offerta."})
    assert response.status_code == 302
    message = Message.objects.get(conversation=conversation, direction=Message.Direction.OUT)
    assert message.author == digital_manager
    assert message.body_text == "Buongiorno,\necco l'offerta."
    assert "<br>" in message.body_html or "<p>" in message.body_html
    assert len(callbacks) == 1
    send.assert_called_once_with(message.pk)


def test_first_reply_records_the_first_response_and_waits_on_the_customer(
    login, company, digital_manager, django_capture_on_commit_callbacks
):
    conversation = enquiry(company, created_at=timezone.now() - timedelta(hours=2))
    with django_capture_on_commit_callbacks():
        _post(login(digital_manager), conversation, "reply", {"reply-body": "Prima risposta"})
    conversation = _fresh(conversation)
    assert conversation.status == Status.WAITING_CUSTOMER
    assert conversation.first_response_at is not None
    assert conversation.first_response_seconds is not None
    assert conversation.last_activity_at == conversation.first_response_at
    first = conversation.first_response_at
    with django_capture_on_commit_callbacks():
        _post(login(digital_manager), conversation, "reply", {"reply-body": "Seconda risposta"})
    assert _fresh(conversation).first_response_at == first


def test_an_empty_reply_is_refused_with_400_and_nothing_is_sent(login, company, digital_manager):
    conversation = enquiry(company)
    response = _post(login(digital_manager), conversation, "reply", {"reply-body": "   "})
    assert response.status_code == 400
    assert "Scrivi qualcosa" in response.content.decode()
    assert not Message.objects.filter(direction=Message.Direction.OUT).exists()


def test_a_too_long_reply_is_refused_keeping_the_text(login, company, digital_manager):
    conversation = enquiry(company)
    text = "x" * 20_001
    response = _post(login(digital_manager), conversation, "reply", {"reply-body": text})
    assert response.status_code == 400
    assert text in response.content.decode()


def test_reply_with_a_canned_reply_counts_its_use(login, company, digital_manager, django_capture_on_commit_callbacks):
    canned = CannedReplyFactory(company=company)
    conversation = enquiry(company)
    with django_capture_on_commit_callbacks():
        _post(login(digital_manager), conversation, "reply", {"reply-body": "Testo", "reply-canned": canned.pk})
    canned.refresh_from_db()
    assert canned.use_count == 1


# --- note -----------------------------------------------------------------------------------


def test_a_note_is_internal_sends_nothing_and_opens_a_new_conversation(
    login, company, digital_manager, django_capture_on_commit_callbacks
):
    conversation = enquiry(company, status=Status.NEW)
    with django_capture_on_commit_callbacks() as callbacks:
        assert (
            _post(login(digital_manager), conversation, "note", {"note-body": "Chiamato il cliente"}).status_code == 302
        )
    note = Message.objects.get(direction=Message.Direction.NOTE)
    assert note.body_text == "Chiamato il cliente"
    assert callbacks == []
    conversation = _fresh(conversation)
    assert conversation.status == Status.OPEN
    assert conversation.first_response_at is None


def test_a_note_while_waiting_on_the_customer_keeps_the_status(login, company, digital_manager):
    conversation = enquiry(company, status=Status.WAITING_CUSTOMER)
    _post(login(digital_manager), conversation, "note", {"note-body": "In attesa dei disegni"})
    assert _fresh(conversation).status == Status.WAITING_CUSTOMER


def test_an_empty_note_answers_400(login, company, digital_manager):
    conversation = enquiry(company)
    assert _post(login(digital_manager), conversation, "note", {}).status_code == 400


# --- colleagues -----------------------------------------------------------------------------


def test_colleague_replies_and_adds_notes_to_a_conversation_routed_to_them(
    login, company, colleague, django_capture_on_commit_callbacks
):
    conversation = enquiry(company, routed_to=colleague, department="sales", status=Status.WAITING_COLLEAGUE)
    client = login(colleague)
    assert _post(client, conversation, "note", {"note-body": "Il prezzo è 12 €"}).status_code == 302
    assert _fresh(conversation).status == Status.OPEN
    with django_capture_on_commit_callbacks():
        assert _post(client, conversation, "reply", {"reply-body": "Gentile cliente, ..."}).status_code == 302
    assert Message.objects.filter(direction=Message.Direction.OUT, author=colleague).count() == 1


def test_colleague_cannot_answer_a_conversation_not_routed_to_them(login, company, colleague):
    conversation = enquiry(company)
    client = login(colleague)
    assert _post(client, conversation, "reply", {"reply-body": "x"}).status_code == 404
    assert _post(client, conversation, "note", {"note-body": "x"}).status_code == 404
    assert not Message.objects.exclude(direction=Message.Direction.IN).exists()


@pytest.mark.parametrize("action", ["assign", "status", "priority", "tags", "route", "contact"])
def test_colleague_and_owner_may_not_work_the_conversation(login, company, colleague, owner, action):
    conversation = enquiry(company, routed_to=colleague, department="sales")
    assert _post(login(colleague), conversation, action, {"status": "resolved"}).status_code == 403
    assert _post(login(owner), conversation, action, {"status": "resolved"}).status_code == 403


def test_owner_may_not_reply(login, company, owner):
    conversation = enquiry(company)
    assert _post(login(owner), conversation, "reply", {"reply-body": "x"}).status_code == 403


def test_actions_on_another_companys_conversation_answer_404(login, company, other_company, digital_manager):
    foreign = enquiry(other_company)
    client = login(digital_manager)
    url = f"/c/{company.slug}/inbox/{foreign.pk}/status/"
    assert client.post(url, {"status": "resolved"}).status_code == 404
    assert _fresh(foreign).status == Status.NEW


# --- assign, status, priority ----------------------------------------------------------------


def test_assign_to_me_and_to_a_member_and_to_nobody(login, company, digital_manager, consultant):
    conversation = enquiry(company, status=Status.NEW)
    client = login(digital_manager)
    _post(client, conversation, "assign", {"me": "1"})
    conversation = _fresh(conversation)
    assert conversation.assignee == digital_manager
    assert conversation.status == Status.OPEN
    _post(client, conversation, "assign", {"assignee": consultant.pk})
    assert _fresh(conversation).assignee == consultant
    _post(client, conversation, "assign", {"assignee": ""})
    assert _fresh(conversation).assignee is None


def test_assigning_to_someone_outside_the_team_is_refused(login, company, digital_manager, outsider, colleague):
    conversation = enquiry(company)
    client = login(digital_manager)
    assert _post(client, conversation, "assign", {"assignee": outsider.pk}).status_code == 400
    assert _post(client, conversation, "assign", {"assignee": colleague.pk}).status_code == 400
    assert _fresh(conversation).assignee is None


def test_resolving_records_the_resolution_time_and_reopening_clears_it(login, company, digital_manager):
    conversation = enquiry(company, created_at=timezone.now() - timedelta(hours=3))
    client = login(digital_manager)
    assert _post(client, conversation, "status", {"status": "resolved"}, "?status=all").status_code == 302
    conversation = _fresh(conversation)
    assert conversation.status == Status.RESOLVED
    assert conversation.resolved_at is not None
    assert conversation.resolution_seconds is not None
    resolved_at = conversation.resolved_at
    _post(client, conversation, "status", {"status": "resolved"})
    assert _fresh(conversation).resolved_at == resolved_at
    _post(client, conversation, "status", {"status": "open"})
    conversation = _fresh(conversation)
    assert conversation.status == Status.OPEN
    assert conversation.resolved_at is None


def test_after_an_action_the_page_comes_back_with_the_filters(login, company, digital_manager):
    conversation = enquiry(company)
    response = _post(login(digital_manager), conversation, "status", {"status": "resolved"}, "?department=sales&x=1")
    assert response["Location"] == f"/c/{company.slug}/inbox/{conversation.pk}/?department=sales"


def test_a_bad_status_or_priority_answers_400(login, company, digital_manager):
    conversation = enquiry(company)
    client = login(digital_manager)
    assert _post(client, conversation, "status", {"status": "bogus"}).status_code == 400
    assert _post(client, conversation, "priority", {"priority": "9"}).status_code == 400
    assert _post(client, conversation, "priority", {"priority": "3"}).status_code == 302
    assert _fresh(conversation).priority == Conversation.Priority.URGENT


# --- tags ------------------------------------------------------------------------------------


def test_tags_are_added_by_name_created_once_per_company_and_removed(login, company, other_company, digital_manager):
    TagFactory(company=other_company, name="Inox")
    existing = TagFactory(company=company, name="Inox")
    conversation = enquiry(company)
    client = login(digital_manager)
    _post(client, conversation, "tags", {"name": "inox"})
    _post(client, conversation, "tags", {"name": "  fiera   2026 "})
    assert sorted(t.name for t in conversation.tags.all()) == ["Inox", "fiera 2026"]
    assert conversation.tags.get(name="Inox") == existing
    assert Tag.objects.for_company(company).count() == 2
    new_tag = Tag.objects.get(company=company, name="fiera 2026")
    response = client.post(f"/c/{company.slug}/inbox/{conversation.pk}/tags/{new_tag.pk}/remove/")
    assert response.status_code == 302
    assert list(conversation.tags.all()) == [existing]


def test_an_empty_tag_answers_400_and_a_foreign_tag_cannot_be_removed(login, company, other_company, digital_manager):
    conversation = enquiry(company)
    foreign = TagFactory(company=other_company)
    client = login(digital_manager)
    assert _post(client, conversation, "tags", {"name": "   "}).status_code == 400
    assert client.post(f"/c/{company.slug}/inbox/{conversation.pk}/tags/{foreign.pk}/remove/").status_code == 404


# --- route -----------------------------------------------------------------------------------


def test_routing_to_a_colleague_waits_on_them_and_notifies_them_on_commit(
    login, company, digital_manager, colleague, django_capture_on_commit_callbacks
):
    conversation = enquiry(company)
    with (
        mock.patch("inbox.mail.tasks.notify_routed.delay") as notify,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = _post(
            login(digital_manager),
            conversation,
            "route",
            {"department": "sales", "colleague": colleague.pk, "note": "Prezzi aggiornati?"},
        )
    assert response.status_code == 302
    conversation = _fresh(conversation)
    assert conversation.routed_to == colleague
    assert conversation.department == "sales"
    assert conversation.status == Status.WAITING_COLLEAGUE
    notify.assert_called_once_with(conversation.pk, colleague.pk)
    assert Message.objects.get(direction=Message.Direction.NOTE).body_text == "Prezzi aggiornati?"
    assert login(colleague).get(f"/c/{company.slug}/inbox/{conversation.pk}/").status_code == 200


def test_routing_to_a_department_only_notifies_nobody(
    login, company, digital_manager, django_capture_on_commit_callbacks
):
    conversation = enquiry(company)
    with django_capture_on_commit_callbacks() as callbacks:
        _post(login(digital_manager), conversation, "route", {"department": "production"})
    assert callbacks == []
    assert _fresh(conversation).department == "production"


def test_routing_to_a_colleague_of_another_department_or_company_is_refused(
    login, company, other_company, digital_manager, colleague
):
    stranger = MembershipFactory(company=other_company, role="colleague", department="sales").user
    conversation = enquiry(company)
    client = login(digital_manager)
    assert _post(client, conversation, "route", {"department": "rnd", "colleague": colleague.pk}).status_code == 400
    assert _post(client, conversation, "route", {"department": "sales", "colleague": stranger.pk}).status_code == 400
    assert _post(client, conversation, "route", {}).status_code == 400
    assert _fresh(conversation).routed_to is None


# --- contact ---------------------------------------------------------------------------------


def test_the_contact_becomes_an_existing_customer(login, company, digital_manager):
    conversation = enquiry(company)
    client = login(digital_manager)
    assert _post(client, conversation, "contact", {"kind": "customer"}).status_code == 302
    conversation.contact.refresh_from_db()
    assert conversation.contact.kind == "customer"
    assert _post(client, conversation, "contact", {"kind": "alien"}).status_code == 400


# --- canned replies in a conversation --------------------------------------------------------


def test_canned_reply_placeholders_are_filled_for_the_conversation(login, company, digital_manager):
    digital_manager.first_name, digital_manager.last_name = "Chiara", "Dal Lago"
    digital_manager.save()
    canned = CannedReplyFactory(company=company, body="Gentile {name}, su «{subject}» risponde {agent} di {company}.")
    conversation = enquiry(company, subject="Flange inox")
    conversation.contact.name = "Mario Rossi"
    conversation.contact.save()
    response = login(digital_manager).get(f"/c/{company.slug}/inbox/{conversation.pk}/?canned={canned.pk}")
    expected = "Gentile Mario Rossi, su «Flange inox» risponde Chiara Dal Lago di Officine Test."
    assert response.context["reply_form"].initial["body"] == expected
    assert expected in response.content.decode()


def test_the_canned_picker_adds_the_text_after_what_is_written_for_htmx(login, company, digital_manager):
    canned = CannedReplyFactory(company=company, body="Grazie {name}!")
    conversation = enquiry(company)
    url = f"/c/{company.slug}/inbox/{conversation.pk}/canned/"
    client = login(digital_manager)
    response = client.get(url, {"canned": canned.pk, "reply-body": "Buongiorno."}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="reply-body-field"' in content
    assert f"Buongiorno.\n\nGrazie {conversation.contact.name}!" in content
    assert f'value="{canned.pk}"' in content
    without_htmx = client.get(url, {"canned": canned.pk})
    assert without_htmx.status_code == 302
    assert f"canned={canned.pk}" in without_htmx["Location"]


def test_a_canned_reply_of_another_company_is_not_inserted(login, company, other_company, digital_manager):
    foreign = CannedReplyFactory(company=other_company, body="Segreto")
    conversation = enquiry(company)
    response = login(digital_manager).get(f"/c/{company.slug}/inbox/{conversation.pk}/?canned={foreign.pk}")
    assert "Segreto" not in response.content.decode()


def test_save_as_canned_turns_an_answer_into_a_canned_reply_in_the_conversations_language(
    login, company, digital_manager, colleague
):
    conversation = enquiry(company, language="en", routed_to=colleague, subject="Valve pressure rating")
    conversation.contact.name = "John Smith"
    conversation.contact.save()
    answer = MessageFactory(
        conversation=conversation,
        direction=Message.Direction.OUT,
        author=colleague,
        body_text="Dear John Smith, our valves are rated PN40. Regards, Officine Test",
    )
    client = login(digital_manager)
    url = f"/c/{company.slug}/inbox/messages/{answer.pk}/save-as-canned/"
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 302  # twice: still one
    canned = CannedReply.objects.get()
    assert canned.language == "en"
    assert canned.title == "Valve pressure rating"
    assert canned.body == "Dear {name}, our valves are rated PN40. Regards, {company}"
    assert canned.source_message == answer
    assert canned.created_by == digital_manager


def test_only_outgoing_messages_of_the_company_can_be_saved_as_canned(
    login, company, other_company, digital_manager, colleague
):
    incoming = enquiry(company).messages.get()
    foreign = MessageFactory(conversation=ConversationFactory(company=other_company), direction="out")
    client = login(digital_manager)
    for message in (incoming, foreign):
        assert client.post(f"/c/{company.slug}/inbox/messages/{message.pk}/save-as-canned/").status_code == 404
    answer = MessageFactory(conversation=enquiry(company, routed_to=colleague), direction="out")
    assert login(colleague).post(f"/c/{company.slug}/inbox/messages/{answer.pk}/save-as-canned/").status_code == 403
    assert not CannedReply.objects.exists()


def test_the_save_as_canned_button_is_shown_on_outgoing_messages_to_the_digital_manager(
    login, company, digital_manager, colleague
):
    conversation = enquiry(company, routed_to=colleague)
    answer = MessageFactory(conversation=conversation, direction="out", author=colleague)
    button = f"/messages/{answer.pk}/save-as-canned/"
    assert button in login(digital_manager).get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()
    assert button not in login(colleague).get(f"/c/{company.slug}/inbox/{conversation.pk}/").content.decode()


def test_an_assignee_must_be_a_member_who_works_the_inbox(login, company, digital_manager):
    not_a_member = UserFactory()
    conversation = enquiry(company)
    assert _post(login(digital_manager), conversation, "assign", {"assignee": not_a_member.pk}).status_code == 400
