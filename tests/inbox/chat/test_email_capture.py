"""The address a visitor leaves in the chat: checked, kept on the session and on the contact."""

from inbox.chat.models import ChatSession
from inbox.models import Contact, Conversation
from tests.inbox.factories import ContactFactory, ConversationFactory


def test_an_address_given_with_the_first_line_is_the_contacts(visitor):
    visitor.start(email="Anna.Rossi@Example.com")

    conversation = Conversation.objects.select_related("contact").get()
    assert conversation.contact.email == "anna.rossi@example.com"
    assert ChatSession.objects.get().email == "anna.rossi@example.com"


def test_an_address_given_later_completes_the_anonymous_contact(visitor):
    visitor.start()

    response = visitor.post("email/", {"email": "anna@example.com"})

    assert response.status_code == 200
    assert response.json()["message"] == (
        "Grazie: se quando rispondiamo non sei più qui, ti scriviamo a anna@example.com."
    )
    assert Conversation.objects.select_related("contact").get().contact.email == "anna@example.com"
    assert Contact.objects.count() == 1


def test_the_address_of_a_known_customer_brings_the_chat_to_that_contact(visitor, company):
    known = ContactFactory(company=company, email="anna@example.com", name="Anna Rossi")
    ConversationFactory(company=company, contact=known)
    visitor.start()
    anonymous = Conversation.objects.get(channel=visitor.channel).contact

    visitor.post("email/", {"email": "ANNA@example.com"})

    chat = Conversation.objects.select_related("contact").get(channel=visitor.channel)
    assert chat.contact == known
    assert known.name == Contact.objects.get(pk=known.pk).name  # never renamed by a chat
    assert not Contact.objects.filter(pk=anonymous.pk).exists()


def test_a_second_address_never_renames_the_first_contact(visitor):
    visitor.start(email="anna@example.com")
    first = Conversation.objects.get().contact

    visitor.post("email/", {"email": "anna.rossi@lavoro.example"})

    first.refresh_from_db()
    assert first.email == "anna@example.com"
    assert Conversation.objects.select_related("contact").get().contact.email == "anna.rossi@lavoro.example"


def test_a_wrong_address_is_explained_and_nothing_changes(visitor):
    visitor.start()

    response = visitor.post("email/", {"email": "anna@example"})

    assert response.status_code == 400
    assert response.json()["errors"]["email"] == [
        "Questo indirizzo email non sembra giusto: controllalo e riprova (es. nome@esempio.it)."
    ]
    assert ChatSession.objects.get().email == ""
    assert Conversation.objects.select_related("contact").get().contact.email == ""


def test_an_empty_address_is_asked_for(visitor):
    visitor.start()

    response = visitor.post("email/", {"email": ""})

    assert response.json()["errors"]["email"] == ["Scrivi il tuo indirizzo email."]
