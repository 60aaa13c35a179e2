"""Files attached to a reply: limits on the form, stored outside the web root, sent by email."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from inbox.actions import conversation_reply
from inbox.attachments import attachment_problem
from inbox.mail.tasks import send_message
from inbox.models import Attachment, Message
from tests.inbox.mail.factories import ConversationFactory, MessageFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def conversation(company):
    conversation = ConversationFactory(company=company, subject="Scheda tecnica valvole")
    MessageFactory(conversation=conversation, body_text="Mi mandate la scheda tecnica?")
    return conversation


def _reply_url(company, conversation):
    return f"/c/{company.slug}/inbox/{conversation.pk}/reply/"


def test_a_reply_with_a_pdf_stores_it_outside_the_web_root_and_emails_it(
    mailbox, login, company, digital_manager, conversation, settings
):
    upload = SimpleUploadedFile("scheda-DN50.pdf", PDF, content_type="application/pdf")
    response = login(digital_manager).post(
        _reply_url(company, conversation), {"reply-body": "Ecco la scheda tecnica.", "reply-attachments": [upload]}
    )
    assert response.status_code == 302
    attachment = Attachment.objects.get(message__conversation=conversation)
    assert (attachment.filename, attachment.content_type, attachment.size) == (
        "scheda-DN50.pdf",
        "application/pdf",
        len(PDF),
    )
    stored = Path(attachment.file.path)
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT) / "attachments" / str(company.pk))
    assert not stored.is_relative_to(Path(settings.STATIC_ROOT))

    assert send_message(attachment.message_id) is True
    sent = mailbox.only()
    files = list(sent.iter_attachments())
    assert [f.get_filename() for f in files] == ["scheda-DN50.pdf"]
    assert files[0].get_content_type() == "application/pdf"
    assert files[0].get_content() == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pagina.html", b"<html><script>alert(1)</script></html>", "non è un tipo di file"),
        ("finto.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "contiene una pagina web o uno script"),
        ("programma.exe", b"MZ\x90\x00", "non è un tipo di file"),
    ],
)
def test_dangerous_or_unknown_files_are_refused_and_the_text_is_kept(
    login, company, digital_manager, conversation, name, content, message
):
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    response = login(digital_manager).post(
        _reply_url(company, conversation), {"reply-body": "Testo da non perdere", "reply-attachments": [upload]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "Testo da non perdere" in page
    assert not Message.objects.filter(conversation=conversation, direction=Message.Direction.OUT).exists()


def test_a_file_over_the_limit_is_refused(settings):
    upload = SimpleUploadedFile("grande.pdf", PDF + b"0" * (Attachment.MAX_BYTES), content_type="application/pdf")
    assert "troppo grande" in attachment_problem(upload)


def test_more_than_five_files_are_refused(login, company, digital_manager, conversation):
    uploads = [SimpleUploadedFile(f"f{n}.pdf", PDF, content_type="application/pdf") for n in range(6)]
    response = login(digital_manager).post(
        _reply_url(company, conversation), {"reply-body": "Sei file", "reply-attachments": uploads}
    )
    assert response.status_code == 400
    assert "al massimo 5 file" in response.content.decode()


def test_attachments_are_downloaded_never_shown_inline(login, company, digital_manager, conversation):
    upload = SimpleUploadedFile("scheda.pdf", PDF, content_type="application/pdf")
    message = conversation_reply(
        conversation=conversation, author=digital_manager, body_text="Allegato", files=[upload]
    )
    attachment = message.attachments.get()
    response = login(digital_manager).get(f"/c/{company.slug}/inbox/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
