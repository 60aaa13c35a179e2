"""The conversation page: thread, contact card, navigation in the list, who may open it."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagements.roles import Role
from inbox.models import Conversation, Message
from tests.factories import MembershipFactory, UserFactory
from tests.inbox.work.factories import (
    AttachmentFactory,
    CannedReplyFactory,
    ContactFactory,
    ConversationFactory,
    MessageFactory,
    TagFactory,
    enquiry,
)


def _url(conversation, query=""):
    return f"/c/{conversation.company.slug}/inbox/{conversation.pk}/{query}"


def test_the_thread_shows_incoming_replies_and_notes_differently(login, company, digital_manager):
    conversation = enquiry(company, body="Vorrei un preventivo")
    later = conversation.created_at + timedelta(minutes=10)
    MessageFactory(
        conversation=conversation,
        direction="out",
        author=digital_manager,
        body_text="Ecco il preventivo",
        created_at=later,
    )
    MessageFactory(
        conversation=conversation,
        direction="note",
        author=digital_manager,
        body_text="Cliente importante",
        created_at=later + timedelta(minutes=1),
    )
    content = login(digital_manager).get(_url(conversation)).content.decode()
    assert (
        content.index("Vorrei un preventivo")
        < content.index("Ecco il preventivo")
        < content.index("Cliente importante")
    )
    for css in ("message-in", "message-out", "message-note"):
        assert css in content


def test_message_text_is_escaped_and_keeps_its_line_breaks(login, company, digital_manager):
    conversation = enquiry(company, body="<script>alert(1)</script>\nseconda riga")
    content = login(digital_manager).get(_url(conversation)).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br>seconda riga" in content


def test_message_html_is_shown_only_through_the_sanitizer(login, company, digital_manager):
    conversation = ConversationFactory(company=company)
    MessageFactory(
        conversation=conversation,
        body_text="Testo",
        body_html='<p onclick="steal()">Ciao <b>grassetto</b></p><script>alert(1)</script><a href="javascript:x()">x</a>',
    )
    content = login(digital_manager).get(_url(conversation)).content.decode()
    assert "alert(1)" not in content or "&lt;script&gt;" in content
    assert "onclick" not in content
    assert "javascript:x()" not in content
    assert "<script>alert(1)</script>" not in content


def test_the_contact_card_shows_the_contact_consent_and_other_conversations(login, company, digital_manager):
    contact = ContactFactory(
        company=company,
        name="Giulia Verdi",
        email="giulia@verdi.it",
        organisation="Verdi Spa",
        phone="+39 0444 123456",
        consent_given_at=timezone.now(),
        consent_text="Acconsento al trattamento dei dati",
        consent_source="https://www.example.it/contatti",
    )
    conversation = enquiry(
        company,
        contact=contact,
        landing_page="https://www.example.it/flange",
        utm_source="newsletter",
        utm_campaign="marzo",
    )
    other = ConversationFactory(company=company, contact=contact, subject="Richiesta dell'anno scorso")
    content = login(digital_manager).get(_url(conversation)).content.decode()
    for text in (
        "Giulia Verdi",
        "giulia@verdi.it",
        "Verdi Spa",
        "+39 0444 123456",
        "Acconsento al trattamento dei dati",
        "https://www.example.it/flange",
        "newsletter",
        "marzo",
        "Richiesta dell&#x27;anno scorso",
    ):
        assert text in content
    assert f"/inbox/{other.pk}/" in content


def test_next_and_previous_follow_the_filtered_list(login, company, digital_manager):
    now = timezone.now()
    newest = ConversationFactory(company=company, department="sales", last_activity_at=now)
    ConversationFactory(company=company, department="rnd", last_activity_at=now - timedelta(minutes=1))
    middle = ConversationFactory(company=company, department="sales", last_activity_at=now - timedelta(minutes=2))
    oldest = ConversationFactory(company=company, department="sales", last_activity_at=now - timedelta(minutes=3))
    response = login(digital_manager).get(_url(middle, "?department=sales"))
    assert response.context["newer_url"] == _url(newest, "?department=sales")
    assert response.context["older_url"] == _url(oldest, "?department=sales")
    content = response.content.decode()
    assert 'data-shortcut="j"' in content
    assert 'data-shortcut="k"' in content
    assert response.context["back_url"] == f"/c/{company.slug}/inbox/?department=sales"


def test_the_first_conversation_has_no_previous_and_equal_times_are_ordered_by_id(login, company, digital_manager):
    moment = timezone.now()
    first, second = (ConversationFactory(company=company, last_activity_at=moment) for _ in range(2))
    response = login(digital_manager).get(_url(second))
    assert response.context["newer_url"] is None
    assert response.context["older_url"] == _url(first)


def test_colleague_opens_only_conversations_routed_to_them(login, company, colleague):
    routed = enquiry(company, routed_to=colleague, department="sales")
    other = enquiry(company)
    client = login(colleague)
    assert client.get(_url(routed)).status_code == 200
    assert client.get(_url(other)).status_code == 404


def test_colleague_page_has_reply_and_note_but_not_the_work_actions(login, company, colleague):
    routed = enquiry(company, routed_to=colleague, department="sales")
    response = login(colleague).get(_url(routed))
    content = response.content.decode()
    assert f"/inbox/{routed.pk}/reply/" in content
    assert f"/inbox/{routed.pk}/note/" in content
    for action in ("assign", "status", "route", "tags", "contact"):
        assert f"/inbox/{routed.pk}/{action}/" not in content


def test_owner_reads_the_conversation_without_any_action(login, company, owner):
    conversation = enquiry(company)
    MessageFactory(conversation=conversation, direction="out", body_text="Risposta")
    content = login(owner).get(_url(conversation)).content.decode()
    assert "Risposta" in content
    assert 'method="post"' not in content.split("<main")[1].split("</main>")[0]


def test_another_companys_conversation_answers_404(login, company, other_company, digital_manager):
    foreign = enquiry(other_company)
    assert login(digital_manager).get(f"/c/{company.slug}/inbox/{foreign.pk}/").status_code == 404


def test_canned_replies_offered_are_those_in_the_conversations_language(login, company, digital_manager):
    CannedReplyFactory(company=company, language="en", title="English answer")
    CannedReplyFactory(company=company, language="it", title="Risposta italiana")
    conversation = enquiry(company, language="en")
    content = login(digital_manager).get(_url(conversation)).content.decode()
    assert "English answer" in content
    assert "Risposta italiana" not in content


def test_the_conversation_page_is_in_italian(login, company, digital_manager):
    conversation = enquiry(company)
    content = login(digital_manager).get(_url(conversation)).content.decode()
    assert "Invia la risposta" in content
    assert "Nota interna" in content


def test_the_conversation_page_is_in_english_for_an_english_user(login, company, digital_manager):
    digital_manager.language = "en"
    digital_manager.save()
    conversation = enquiry(company)
    content = login(digital_manager).get(_url(conversation)).content.decode()
    assert "Send reply" in content
    assert "Route to a colleague" in content


def _grow(conversation, n_messages, n_tags, n_others):
    company = conversation.company
    conversation.tags.add(*[TagFactory(company=company) for _ in range(n_tags)])
    for _ in range(n_messages):
        AttachmentFactory(message=MessageFactory(conversation=conversation, direction=Message.Direction.OUT))
    for _ in range(n_others):
        ConversationFactory(company=company, contact=conversation.contact)
        CannedReplyFactory(company=company)


@pytest.mark.parametrize("role", [Role.DIGITAL_MANAGER, Role.COLLEAGUE, Role.OWNER])
def test_conversation_query_count_does_not_grow_with_messages_tags_or_conversations(
    login, company, users_by_role, role, django_assert_max_num_queries, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    conversation = enquiry(company, routed_to=users_by_role[Role.COLLEAGUE], department="sales")
    _grow(conversation, 2, 1, 1)
    client = login(users_by_role[role])
    client.get(f"/c/{company.slug}/")  # the session already knows the company
    # session, user, membership+company, conversation with company/contact/channel/assignee/
    # routed_to, SLA calendar (business hours, presence periods), neighbours (2), messages with
    # authors, their attachments, tags, other conversations of the contact, canned replies,
    # switcher memberships; for the work roles: company tags, assignees, colleagues
    budget = 17
    with django_assert_max_num_queries(budget):
        assert client.get(_url(conversation)).status_code == 200
    _grow(conversation, 20, 10, 10)
    MembershipFactory(company=company, role=Role.COLLEAGUE, user=UserFactory(), department="rnd")
    with django_assert_max_num_queries(budget):
        assert client.get(_url(conversation)).status_code == 200
    assert Conversation.objects.count() > 10
