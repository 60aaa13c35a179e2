"""Search over subjects, message texts and contacts: full text on PostgreSQL, containment on SQLite."""

from django.db import connection

from inbox.models import Conversation
from inbox.search import search_conversations
from tests.inbox.work.factories import ContactFactory, ConversationFactory, MessageFactory, enquiry


def _search(company, membership, query):
    return set(search_conversations(company, membership, query).values_list("pk", flat=True))


def _membership(user, company):
    return user.memberships.get(company=company)


def test_search_finds_subject_message_text_and_contact(company, digital_manager):
    membership = _membership(digital_manager, company)
    # Named contacts: a random Faker name such as "Anna Rossi" would match the last query.
    plain = ContactFactory(company=company, name="Luca Bruni", organisation="Bruni Srl")
    by_subject = enquiry(company, contact=plain, subject="Valvole a sfera DN50", body="Testo qualsiasi")
    by_message = enquiry(company, contact=plain, subject="Domanda", body="Ci servono guarnizioni in viton")
    contact = ContactFactory(
        company=company, email="anna.neri@fonderia.it", name="Anna Neri", organisation="Fonderia Neri"
    )
    by_contact = enquiry(company, contact=contact, subject="Ciao", body="Testo")
    assert _search(company, membership, "valvole") == {by_subject.pk}
    assert _search(company, membership, "viton") == {by_message.pk}
    assert _search(company, membership, "anna.neri@fonderia.it") == {by_contact.pk}
    assert _search(company, membership, "Fonderia") == {by_contact.pk}
    assert _search(company, membership, "Anna guarnizioni") == set()


def test_every_word_must_match_somewhere(company, digital_manager):
    membership = _membership(digital_manager, company)
    contact = ContactFactory(company=company, name="Paolo Gialli")
    both = enquiry(company, contact=contact, body="Preventivo per flange")
    enquiry(company, contact=ContactFactory(company=company, name="Luca Bruni"), body="Preventivo per flange")
    assert _search(company, membership, "gialli flange") == {both.pk}


def test_search_stays_in_the_company_and_in_what_a_colleague_sees(company, other_company, colleague):
    routed = enquiry(company, routed_to=colleague, body="Flange speciali")
    enquiry(company, body="Flange speciali")
    enquiry(other_company, body="Flange speciali")
    assert _search(company, _membership(colleague, company), "flange") == {routed.pk}


def test_an_empty_query_finds_everything_visible(company, digital_manager):
    conversation = ConversationFactory(company=company)
    assert _search(company, _membership(digital_manager, company), "   ") == {conversation.pk}


def test_a_conversation_with_many_matching_messages_appears_once(company, digital_manager):
    conversation = enquiry(company, body="ottone")
    MessageFactory.create_batch(3, conversation=conversation, body_text="ancora ottone")
    assert list(search_conversations(company, _membership(digital_manager, company), "ottone")) == [conversation]


def test_language_aware_matching_on_postgresql_and_containment_on_sqlite(company, digital_manager):
    membership = _membership(digital_manager, company)
    italian = enquiry(company, subject="Richiesta", body="Vorremmo ricevere i vostri preventivi aggiornati")
    english = enquiry(company, subject="Question", body="We need quotes for stainless valves")
    if connection.vendor == "postgresql":
        # Stems: "preventivo" finds "preventivi" (Italian), "valve" finds "valves" (English).
        assert _search(company, membership, "preventivo") == {italian.pk}
        assert _search(company, membership, "valve") == {english.pk}
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_document_gin'")
            (definition,) = cursor.fetchone()
        assert "USING gin (document)" in definition
    else:
        # Containment: a word's beginning finds longer words, in any case.
        assert _search(company, membership, "PREVENTIV") == {italian.pk}
        assert _search(company, membership, "valve") == {english.pk}


def test_the_search_box_filters_the_list_and_pages_it(login, company, digital_manager):
    for _ in range(30):
        enquiry(company, body="Richiesta di ricambi per pressa")
    resolved = enquiry(company, body="Ricambi per la pressa del 2009", status=Conversation.Status.RESOLVED)
    enquiry(company, body="Altro argomento")
    client = login(digital_manager)
    first = client.get(f"/c/{company.slug}/inbox/?q=ricambi")
    assert first.status_code == 200
    assert len(first.context["page"].rows) == 25
    second = client.get(first.context["next_page_url"])
    ids = [row.pk for row in first.context["page"].rows] + [row.pk for row in second.context["page"].rows]
    assert len(ids) == len(set(ids)) == 31
    assert resolved.pk in ids  # a search looks in every status unless told otherwise
    assert "q=ricambi" in first.context["next_page_url"]


def test_a_search_with_no_results_says_so(login, company, digital_manager):
    enquiry(company)
    response = login(digital_manager).get(f"/c/{company.slug}/inbox/?q=inesistente")
    assert response.context["page"].rows == []
    assert "Nessuna conversazione corrisponde" in response.content.decode()
