"""The search finds what is in a conversation now: every write path changes what it finds.

On PostgreSQL the words live in a stored document per conversation that triggers refresh
(inbox.search); on SQLite the search reads the rows themselves. The same behaviour is
required of both: a word added is found, a word removed is no longer found.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from inbox.actions import conversation_add_note, conversation_reply
from inbox.chat.services import chat_post, chat_start
from inbox.email_in.services import email_receive
from inbox.models import Contact, Conversation, Message, SearchDocument
from inbox.retention import company_enquiries_purge, contact_anonymise, conversation_anonymise
from inbox.search import documents_rebuild, search_conversations
from inbox.services import contact_upsert, conversation_open
from tests.inbox.chat.factories import ChatChannelFactory
from tests.inbox.email_in.factories import EmailChannelFactory, email_bytes
from tests.inbox.work.factories import ContactFactory, IntakeChannelFactory, enquiry


@pytest.fixture
def finds(company, digital_manager):
    membership = digital_manager.memberships.get(company=company)

    def _finds(query):
        return set(search_conversations(company, membership, query).values_list("pk", flat=True))

    return _finds


def test_a_form_enquiry_is_found_by_its_subject_text_and_sender(company, finds):
    contact = contact_upsert(company=company, email="gino@fonderiarossi.example", name="Gino Rossi")
    conversation = conversation_open(
        company=company,
        channel=IntakeChannelFactory(company=company),
        contact=contact,
        subject="Flange cieche",
        text="Ci servono guarnizioni spirometalliche",
    )
    for word in ("cieche", "spirometalliche", "Gino", "gino@fonderiarossi.example"):
        assert finds(word) == {conversation.pk}, word


def test_a_reply_and_a_note_are_found(company, finds, digital_manager, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    conversation = enquiry(company, body="Domanda")
    conversation_reply(conversation=conversation, author=digital_manager, body_text="Offriamo il modello Zefiro")
    conversation_add_note(conversation=conversation, author=digital_manager, body_text="Chiedere a Brambilla")
    assert finds("Zefiro") == finds("Brambilla") == {conversation.pk}


def test_an_email_and_its_follow_up_are_found(company, finds):
    channel = EmailChannelFactory(company=company)
    first = email_receive(channel=channel, raw=email_bytes(subject="Listino ottone", text="Prima richiesta"))
    conversation = Conversation.objects.get(company=company)
    assert finds("listino") == {conversation.pk}
    email_receive(
        channel=channel,
        raw=email_bytes(subject="Re: Listino ottone", text="Aggiungo i raccordi Quasar", in_reply_to=None),
        conversation=conversation,
    )
    assert first is not None
    assert finds("Quasar") == {conversation.pk}


def test_a_chat_and_its_next_lines_are_found(company, finds):
    session = chat_start(
        channel=ChatChannelFactory(company=company), text="Avete pompe Idromax?", language="it", received={}
    )
    assert finds("Idromax") == {session.conversation_id}
    chat_post(session=session, text="Anche la serie Turbolenta", received={})
    assert finds("Turbolenta") == {session.conversation_id}


def test_an_edited_message_is_found_by_its_new_words_only(company, finds):
    conversation = enquiry(company, body="Valvola a farfalla")
    message = conversation.messages.get()
    message.body_text = "Valvola a sfera"
    message.save()
    assert finds("farfalla") == set()
    assert finds("sfera") == {conversation.pk}
    Message.objects.filter(pk=message.pk).update(body_text="Valvola a ghigliottina")
    assert finds("sfera") == set()
    assert finds("ghigliottina") == {conversation.pk}


def test_a_deleted_message_is_no_longer_found(company, finds):
    conversation = enquiry(company, body="Primo testo")
    extra = Message.objects.create(
        company=company, conversation=conversation, direction=Message.Direction.NOTE, body_text="Appunto Cassiopea"
    )
    assert finds("Cassiopea") == {conversation.pk}
    extra.delete()
    assert finds("Cassiopea") == set()
    assert finds("Primo") == {conversation.pk}


def test_a_changed_subject_is_found(company, finds):
    conversation = enquiry(company, subject="Raccordi", body="Testo")
    conversation.subject = "Manicotti"
    conversation.save(update_fields=["subject"])
    assert finds("Raccordi") == set()
    assert finds("Manicotti") == {conversation.pk}


def test_a_changed_contact_is_found_by_its_new_details(company, finds):
    contact = ContactFactory(company=company, name="Aldo Moro", organisation="Moro Srl", email="aldo@moro.example")
    conversation = enquiry(company, contact=contact, body="Testo")
    contact.name = "Aldo Neri"
    contact.save()
    assert finds("Moro Srl") == {conversation.pk}
    assert finds("Neri") == {conversation.pk}
    assert finds("Aldo Moro") == {conversation.pk}  # Moro is still the organisation
    Contact.objects.filter(pk=contact.pk).update(organisation="Neri Spa", email="aldo@neri.example")
    assert finds("Moro") == set()
    assert finds("aldo@neri.example") == {conversation.pk}
    contact_upsert(company=company, email="aldo@neri.example", organisation="Cardano Srl")
    assert finds("Cardano") == {conversation.pk}


def test_conversations_moved_to_another_contact_are_found_by_it(company, finds):
    """Merging two contacts moves the conversations: the search follows the contact."""
    duplicate = ContactFactory(company=company, name="Ugo Foscolo", email="ugo@old.example")
    kept = ContactFactory(company=company, name="Ugo Foscolo Zante", email="ugo@zante.example")
    conversation = enquiry(company, contact=duplicate, body="Testo")
    Conversation.objects.filter(contact=duplicate).update(contact=kept)
    duplicate.delete()
    assert finds("ugo@old.example") == set()
    assert finds("Zante") == {conversation.pk}


def test_an_erased_conversation_and_contact_leave_nothing_findable(company, finds):
    contact = ContactFactory(company=company, name="Dora Bassi", organisation="Bassi Snc", email="dora@bassi.example")
    conversation = enquiry(company, contact=contact, subject="Caldaia Vulcano", body="Perdita dal raccordo Orione")
    Message.objects.create(
        company=company, conversation=conversation, direction=Message.Direction.OUT, body_text="Gentile Dora, Orione"
    )
    conversation_anonymise(conversation)
    contact_anonymise(contact)
    for word in ("Dora", "Bassi", "dora@bassi.example", "Vulcano", "Orione", "raccordo", "Caldaia"):
        assert finds(word) == set(), word
    if connection.vendor == "postgresql":
        document = SearchDocument.objects.get(conversation=conversation).document
        assert document == ""


def test_retention_purge_leaves_nothing_findable(company, finds):
    from datetime import timedelta

    from django.utils import timezone

    company.enquiry_retention_months = 12
    company.save(update_fields=["enquiry_retention_months"])
    old = timezone.now() - timedelta(days=800)
    contact = ContactFactory(company=company, name="Ezio Greggio", email="ezio@greggio.example")
    expired = enquiry(company, contact=contact, body="Valvola Pegaso", last_activity_at=old, created_at=old)
    recent = enquiry(company, body="Valvola Pegaso")
    company_enquiries_purge(company=company)
    assert finds("Pegaso") == {recent.pk}
    assert finds("Greggio") == set()
    assert expired.pk not in finds("Valvola")


def test_a_rebuild_writes_the_same_documents(company, finds):
    conversation = enquiry(company, subject="Tubi", body="Curve a 90 gradi")
    before = finds("curve")
    documents_rebuild(company)
    assert finds("curve") == before == {conversation.pk}
    if connection.vendor == "postgresql":
        assert SearchDocument.objects.for_company(company).count() == 1


def test_the_search_page_makes_the_same_queries_whatever_the_rows(login, company, digital_manager):
    client = login(digital_manager)
    url = f"/c/{company.slug}/inbox/?q=ricambi+pressa"

    def queries_with(rows):
        for number in range(rows):
            enquiry(company, body=f"Ricambi per pressa {number}")
        client.get(url)  # the first request warms what is cached per session
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), len(response.context["page"].rows)

    few = queries_with(3)
    many = queries_with(40)
    assert few[1] == 3
    assert many[1] == 25
    assert few[0] == many[0]
