"""A colleague is told by email, in their language, that a question waits for their answer."""

import pytest

from engagements.models import Membership
from inbox.mail.tasks import notify_routed
from tests.inbox.mail.conftest import html_of, text_of
from tests.inbox.mail.factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db

QUESTION = "Buongiorno,\nle vostre valvole DN50 reggono 60 bar con acqua a 90 °C?"


@pytest.fixture
def routed(company, colleague):
    colleague.first_name = "Luca"
    colleague.save()
    conversation = ConversationFactory(
        company=company,
        subject="Pressione massima valvole DN50",
        routed_to=colleague,
        contact__name="Anna Bianchi",
        contact__organisation="Meccanica Bassano",
        contact__phone="+39 0424 123456",
    )
    MessageFactory(conversation=conversation, body_text=QUESTION)
    return conversation


def test_the_colleague_gets_the_question_the_contact_and_a_link(mailbox, routed, colleague, company):
    assert notify_routed(routed.pk, colleague.pk) is True

    sent = mailbox.only()
    assert mailbox.envelopes[0].rcpt_tos == [colleague.email]
    assert sent["Subject"] == "[Officine Test] Una domanda per te: Pressione massima valvole DN50"
    text = text_of(sent)
    assert "Ciao Luca," in text
    assert "Da: Anna Bianchi, Meccanica Bassano (" in text
    assert routed.contact.email in text
    assert "+39 0424 123456" in text
    assert "> le vostre valvole DN50 reggono 60 bar con acqua a 90 °C?" in text
    assert f"https://staffetta.example/c/{company.slug}/inbox/{routed.pk}/" in text
    assert f'href="https://staffetta.example/c/{company.slug}/inbox/{routed.pk}/"' in html_of(sent)


def test_the_email_is_in_the_colleagues_language(mailbox, routed, colleague):
    colleague.language = "en"
    colleague.save()
    notify_routed(routed.pk, colleague.pk)

    sent = mailbox.only()
    assert sent["Subject"] == "[Officine Test] A question for you: Pressione massima valvole DN50"
    assert "Hello Luca," in text_of(sent)
    assert "Answer it in Staffetta" in text_of(sent)


def test_the_question_is_escaped_in_the_html_part(mailbox, company, colleague):
    conversation = ConversationFactory(company=company, routed_to=colleague)
    MessageFactory(conversation=conversation, body_text="<script>alert(1)</script>")
    notify_routed(conversation.pk, colleague.pk)
    html = html_of(mailbox.only())
    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_no_email_when_the_conversation_was_routed_elsewhere_since(mailbox, routed, colleague, consultant):
    routed.routed_to = consultant
    routed.save()
    assert notify_routed(routed.pk, colleague.pk) is False
    assert mailbox.messages == []


def test_no_email_to_someone_no_longer_in_the_company(mailbox, routed, colleague):
    Membership.objects.filter(user=colleague).delete()
    assert notify_routed(routed.pk, colleague.pk) is False
    assert mailbox.messages == []


def test_a_missing_conversation_is_not_an_error(mailbox, colleague):
    assert notify_routed(999_999, colleague.pk) is False
