"""A visitor who writes in the chat agrees to the text shown under it: kept as given."""

from inbox.models import ConsentRecord


def test_the_first_chat_line_keeps_the_consent_with_text_language_and_address(make_visitor, chat_channel):
    make_visitor(lang="en", ip="198.51.100.9").start()
    record = ConsentRecord.objects.get()
    assert record.kind == ConsentRecord.Kind.CHAT
    assert record.language == "en"
    assert str(record.ip) == "198.51.100.9"
    assert record.text.startswith("By writing here you agree that")
    assert chat_channel.company.name in record.text
    assert record.contact.conversations.get().channel == chat_channel


def test_further_lines_add_no_consent(visitor):
    visitor.start()
    visitor.send("Un'altra domanda")
    assert ConsentRecord.objects.count() == 1
