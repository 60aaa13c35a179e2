"""The conversation page folds an email's quoted history and signature, and marks machines' mail."""

import pytest

from inbox.models import Message
from tests.inbox.email_in.factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db


def page(login, user, conversation) -> str:
    return login(user).get(f"/c/{conversation.company.slug}/inbox/{conversation.pk}/").content.decode()


def test_quoted_history_and_signature_are_folded_behind_a_toggle(login, company, digital_manager):
    conversation = ConversationFactory(company=company)
    MessageFactory(
        conversation=conversation,
        body_text="Confermo l'ordine di 200 flange.\n\nIl giorno lun 5 feb 2024 Officine Test ha scritto:\n> Ecco il preventivo",
    )
    content = page(login, digital_manager, conversation)
    shown, _sep, folded = content.partition('<details class="message-quoted')
    assert "Confermo l&#x27;ordine di 200 flange." in shown
    assert "Ecco il preventivo" not in shown
    assert "Testo citato e firma" in folded
    assert "&gt; Ecco il preventivo" in folded


def test_a_message_without_history_is_shown_whole(login, company, digital_manager):
    conversation = ConversationFactory(company=company)
    MessageFactory(conversation=conversation, body_text="Solo una domanda veloce.")
    content = page(login, digital_manager, conversation)
    assert "Solo una domanda veloce." in content
    assert "message-quoted" not in content


def test_our_own_replies_are_never_folded(login, company, digital_manager):
    conversation = ConversationFactory(company=company)
    MessageFactory(conversation=conversation, direction=Message.Direction.OUT, body_text="Ecco.\n-- \nOfficine Test")
    assert "message-quoted" not in page(login, digital_manager, conversation)


def test_a_bounce_says_which_address_could_not_be_reached(login, company, digital_manager):
    conversation = ConversationFactory(company=company)
    MessageFactory(
        conversation=conversation,
        body_text="Delivery failed.",
        auto_kind=Message.AutoKind.BOUNCE,
        bounced_address="mario@nowhere.example",
    )
    content = page(login, digital_manager, conversation)
    assert "Mancato recapito" in content
    assert "non recapitata a mario@nowhere.example" in content
