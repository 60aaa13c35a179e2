"""Each service worth knowing about writes one entry: the right company, actor, verb, target and
what changed — never the contact's personal data."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from activity.models import Activity
from activity.verbs import Verb
from contentdesk.models import ChannelKind, ContentItem
from engagements.budgets.services import spend_approve, spend_record, spend_reject
from engagements.handover.models import HandoverState
from engagements.handover.services import handover_move
from inbox.models import Conversation
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory
from tests.handover.factories import HandoverItemFactory
from tests.inbox.work.factories import ContactFactory, enquiry
from training.assessments import assessment_record, assessment_sign_off
from training.held_replies import held_reply_approve, held_reply_return, reply_hold
from training.models import Competency

pytestmark = pytest.mark.django_db
Status = Conversation.Status


def _post(client, conversation, action, data):
    return client.post(f"/c/{conversation.company.slug}/inbox/{conversation.pk}/{action}/", data)


def _only_entry(**filters) -> Activity:
    entries = list(Activity.objects.filter(**filters))
    assert len(entries) == 1, entries
    return entries[0]


def _private_conversation(company):
    contact = ContactFactory(company=company, name="Ermenegilda Riservata", email="ermenegilda.riservata@example.com")
    return enquiry(company, contact=contact, subject="Preventivo riservato", body="Il mio numero è 333 1234567")


def _assert_no_personal_data(entry: Activity) -> None:
    # The actor is a member, named on purpose; the contact never is.
    text = f"{entry.target_label} {entry.details}"
    for secret in ("Ermenegilda", "Riservata", "Preventivo riservato", "333 1234567"):
        assert secret not in text


# --- inbox, through its pages ------------------------------------------------------------


def test_changing_a_conversations_status_records_who_and_from_what_to_what(login, company, digital_manager):
    conversation = _private_conversation(company)
    Conversation.objects.filter(pk=conversation.pk).update(status=Status.OPEN)
    assert _post(login(digital_manager), conversation, "status", {"status": "resolved"}).status_code == 302
    entry = _only_entry(verb=Verb.CONVERSATION_STATUS)
    assert (entry.company, entry.actor, entry.actor_label) == (company, digital_manager, digital_manager.display_name)
    assert (entry.target_type, entry.target_id) == ("inbox.conversation", str(conversation.pk))
    assert entry.details == {"from": "open", "to": "resolved"}
    assert entry.ip_address == "127.0.0.1"
    _assert_no_personal_data(entry)


def test_setting_the_same_status_again_records_nothing(login, company, digital_manager):
    conversation = enquiry(company, status=Status.OPEN)
    _post(login(digital_manager), conversation, "status", {"status": "open"})
    assert not Activity.objects.filter(verb=Verb.CONVERSATION_STATUS).exists()


def test_assigning_a_conversation_records_the_assignee_and_the_opening(login, company, digital_manager, consultant):
    conversation = _private_conversation(company)
    assert conversation.status == Status.NEW
    _post(login(digital_manager), conversation, "assign", {"assignee": consultant.pk})
    entry = _only_entry(verb=Verb.CONVERSATION_ASSIGNED)
    assert entry.actor == digital_manager
    assert entry.target_id == str(conversation.pk)
    assert entry.details == {
        "from_id": None,
        "to_id": consultant.pk,
        "to": consultant.display_name,
        "status": {"from": "new", "to": "open"},
    }
    _assert_no_personal_data(entry)


def test_routing_records_the_department_and_colleague_but_not_the_note(
    login, company, digital_manager, colleague, django_capture_on_commit_callbacks
):
    conversation = _private_conversation(company)
    with django_capture_on_commit_callbacks():
        response = _post(
            login(digital_manager),
            conversation,
            "route",
            {"department": "sales", "colleague": colleague.pk, "note": "Chiama Ermenegilda al 333 1234567"},
        )
    assert response.status_code == 302
    entry = _only_entry(verb=Verb.CONVERSATION_ROUTED)
    assert entry.actor == digital_manager
    assert entry.details["department"] == "sales"
    assert entry.details["to"] == colleague.display_name
    assert entry.details["status"]["to"] == Status.WAITING_COLLEAGUE
    _assert_no_personal_data(entry)


def test_sending_a_reply_records_it_without_its_text(
    login, company, digital_manager, django_capture_on_commit_callbacks
):
    conversation = _private_conversation(company)
    with django_capture_on_commit_callbacks():
        _post(
            login(digital_manager),
            conversation,
            "reply",
            {"reply-body": "Gentile Ermenegilda, la chiamo al 333 1234567"},
        )
    entry = _only_entry(verb=Verb.REPLY_SENT)
    assert (entry.actor, entry.target_id, entry.details) == (digital_manager, str(conversation.pk), {"attachments": 0})
    _assert_no_personal_data(entry)


def test_bulk_assignment_records_one_entry_per_conversation(login, company, digital_manager):
    conversations = [enquiry(company) for _ in range(3)]
    login(digital_manager).post(
        f"/c/{company.slug}/inbox/bulk/", {"bulk-ids": [c.pk for c in conversations], "bulk-action": "assign_me"}
    )
    entries = Activity.objects.filter(verb=Verb.CONVERSATION_ASSIGNED)
    assert sorted(e.target_id for e in entries) == sorted(str(c.pk) for c in conversations)
    assert {e.actor_id for e in entries} == {digital_manager.pk}


def test_a_status_changed_by_staffetta_itself_is_not_a_persons_action(company):
    from inbox.actions import conversation_set_status

    conversation = enquiry(company, status=Status.WAITING_CUSTOMER)
    conversation_set_status(conversation=conversation, status=Status.OPEN)
    assert not Activity.objects.filter(verb=Verb.CONVERSATION_STATUS).exists()


# --- content desk ----------------------------------------------------------------------------


def test_approving_a_content_item_records_an_approval_with_its_title(login, company, owner, digital_manager):
    channel = ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN, name="LinkedIn")
    item = ContentItemFactory(
        company=company, channel=channel, author=digital_manager, status="in_review", title="Fiera di Verona"
    )
    response = login(owner).post(f"/c/{company.slug}/calendar/items/{item.pk}/move/", {"target": "approved"})
    assert response.status_code == 302
    entry = _only_entry(verb=Verb.CONTENT_APPROVED)
    assert (entry.actor, entry.target_type, entry.target_label) == (owner, "contentdesk.contentitem", "Fiera di Verona")
    assert entry.details == {"from": "in_review", "to": "approved"}


def test_other_content_moves_are_recorded_as_moves(login, company, digital_manager):
    channel = ContentChannelFactory(company=company, kind=ChannelKind.LINKEDIN, name="LinkedIn")
    item = ContentItemFactory(company=company, channel=channel, author=digital_manager, status="draft")
    login(digital_manager).post(f"/c/{company.slug}/calendar/items/{item.pk}/move/", {"target": "in_review"})
    assert ContentItem.objects.get(pk=item.pk).status == "in_review"
    entry = _only_entry(verb=Verb.CONTENT_MOVED)
    assert (entry.actor, entry.details) == (digital_manager, {"from": "draft", "to": "in_review"})


# --- handover, budgets, training --------------------------------------------------------------


def test_a_handover_move_records_the_responsibility_and_its_step(company, consultant, engagement):
    item = HandoverItemFactory(engagement=engagement, name="Casella richieste")
    day = timezone.localdate() - timedelta(days=1)
    handover_move(item=item, to_state=HandoverState.SHARED, user=consultant, moved_on=day)
    entry = _only_entry(verb=Verb.HANDOVER_MOVED)
    assert (entry.company, entry.actor, entry.target_label) == (company, consultant, "Casella richieste")
    assert entry.details == {"from": "consultant", "to": "shared", "moved_on": day.isoformat(), "not_ready": False}


def test_approving_and_rejecting_spends_are_recorded(company, digital_manager, owner):
    def pending(amount):
        return spend_record(
            company=company,
            user=digital_manager,
            spent_on=timezone.localdate(),
            amount=Decimal(amount),
            channel="meta_ads",
            note="Fiera",
        )

    approved, rejected = pending("480.00"), pending("510.00")
    assert not Activity.objects.filter(verb__startswith="budget.").exists()  # recording is not approving
    spend_approve(spend=approved, user=owner)
    spend_reject(spend=rejected, user=owner, comment="Troppo")
    approval = _only_entry(verb=Verb.SPEND_APPROVED)
    rejection = _only_entry(verb=Verb.SPEND_REJECTED)
    assert (approval.actor, approval.target_id, approval.details["amount"]) == (owner, str(approved.pk), "480.00")
    assert (rejection.actor, rejection.target_id, rejection.details["amount"]) == (owner, str(rejected.pk), "510.00")


def test_an_assessment_and_a_later_sign_off_are_each_recorded(company, consultant, plan):
    competency = Competency.objects.get(code="inbox.reply")
    draft = assessment_record(
        plan=plan, competency=competency, level=2, comment="", assessor=consultant, sign_off=False
    )
    assessment_sign_off(assessment=draft, user=consultant)
    assessment_sign_off(assessment=draft, user=consultant)  # a second click signs nothing
    assessed = _only_entry(verb=Verb.ASSESSMENT_RECORDED)
    signed = _only_entry(verb=Verb.COMPETENCY_SIGNED_OFF)
    for entry in (assessed, signed):
        assert (entry.company, entry.actor, entry.target_label) == (company, consultant, "inbox.reply")
        assert entry.details == {"level": 2, "assessment_id": draft.pk}


def test_reviews_of_held_replies_are_recorded_with_the_reviewer(
    company, consultant, digital_manager, plan, django_capture_on_commit_callbacks
):
    conversation = _private_conversation(company)
    first = reply_hold(conversation=conversation, author=digital_manager, body_text="Bozza")
    second = reply_hold(conversation=conversation, author=digital_manager, body_text="Altra bozza")
    with django_capture_on_commit_callbacks():
        held_reply_approve(held=first, reviewer=consultant, body_text="Bozza corretta")
    held_reply_return(held=second, reviewer=consultant, comment="Rivedi il tono")
    approved = _only_entry(verb=Verb.HELD_REPLY_APPROVED)
    assert (approved.actor, approved.target_id, approved.details) == (
        consultant,
        str(conversation.pk),
        {"edited": True},
    )
    assert _only_entry(verb=Verb.HELD_REPLY_RETURNED).actor == consultant
    # The reply itself went out in the trainee's name.
    assert _only_entry(verb=Verb.REPLY_SENT).actor == digital_manager
