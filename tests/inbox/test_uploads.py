"""Uploads of the inbox (website form, replies — which the chat serves too —, email): the type is
decided by the content, never by the name; disguised files are refused with a clear message and
nothing typed is lost; no URL serves MEDIA_ROOT. Content images and training evidence have their
own tests of the same (tests/contentdesk/images/test_upload.py, tests/training/test_evidence.py)."""

import io
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, resolve
from PIL import Image

from inbox.attachments import attachment_problem
from inbox.email_in.attachments import prepare_attachments
from inbox.email_in.parser import parse_email
from inbox.models import Attachment, Conversation, Message
from tests.inbox.factories import ConversationFactory, IntakeChannelFactory, MessageFactory
from tests.inbox.intake.test_submit import ENQUIRY

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
PHP = b"<?php system($_GET['c']); ?>"
SVG = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"
# Disguised so that a check of only the first bytes for markup would miss them.
PHP_AFTER_JPEG_MAGIC = b"\xff\xd8\xff\xe0" + b"\x00" * 16 + PHP
PDF_AS_DOCX = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"

DISGUISED = [
    ("foto.png", HTML),
    ("foto.jpg", PHP),
    ("logo.jpg", SVG),
    ("scatto.jpg", PHP_AFTER_JPEG_MAGIC),
    ("offerta.docx", PDF_AS_DOCX),
    ("listino.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
]
IDS = ["html-as-png", "php-as-jpg", "svg-as-jpg", "php-after-jpeg-magic", "pdf-as-docx", "png-as-csv"]


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.mark.parametrize(("name", "content"), DISGUISED, ids=IDS)
def test_a_disguised_file_is_refused_by_its_content(name, content):
    problem = attachment_problem(ContentFile(content, name=name))
    assert problem is not None
    assert f"“{name}”" in problem


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("foto.png", png_bytes()),
        ("scheda.pdf", PDF_AS_DOCX),
        ("note.txt", "Buongiorno, città e perché".encode()),
        ("listino.csv", b"codice;prezzo\nA1;10,50\n"),
        ("pianta.dxf", b"0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n"),
    ],
    ids=["png", "pdf", "txt", "csv", "dxf"],
)
def test_real_files_of_each_accepted_kind_pass(name, content):
    assert attachment_problem(ContentFile(content, name=name)) is None


def test_a_truncated_picture_is_refused():
    data = png_bytes()
    assert attachment_problem(ContentFile(data[: len(data) // 2], name="rotta.png")) is not None


def test_the_size_limit_comes_from_the_settings():
    from django.conf import settings

    assert Attachment.MAX_BYTES == settings.UPLOAD_MAX_MB * 1024 * 1024


# --- the website form -------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content"), DISGUISED, ids=IDS)
def test_the_website_form_refuses_a_disguised_file_and_keeps_what_was_typed(client, company, settings, name, content):
    channel = IntakeChannelFactory(company=company)
    response = client.post(
        f"/in/{channel.public_key}/submit/?lang=it",
        {**ENQUIRY, "consent": "on", "attachments": [SimpleUploadedFile(name, content, content_type="image/png")]},
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="text/html",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f"“{name}”" in page
    assert 'value="Anna Rossi"' in page
    assert ENQUIRY["message"] in page
    assert not Conversation.objects.exists()
    assert stored_files(settings) == []


# --- a reply (its files are also what the chat widget offers the visitor) ------------------------


@pytest.mark.parametrize(("name", "content"), DISGUISED, ids=IDS)
def test_a_reply_refuses_a_disguised_file_and_keeps_the_text(login, company, digital_manager, settings, name, content):
    conversation = ConversationFactory(company=company)
    MessageFactory(conversation=conversation)
    response = login(digital_manager).post(
        f"/c/{company.slug}/inbox/{conversation.pk}/reply/",
        {
            "reply-body": "Ecco il file richiesto, testo da non perdere.",
            "reply-attachments": [SimpleUploadedFile(name, content)],
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert f"“{name}”" in page
    assert "Ecco il file richiesto, testo da non perdere." in page
    assert not Message.objects.filter(direction=Message.Direction.OUT).exists()
    assert stored_files(settings) == []


# --- an email -------------------------------------------------------------------------------------


def test_an_email_keeps_its_real_files_and_says_which_disguised_ones_were_not_saved(company):
    mail = EmailMessage()
    mail["From"] = "anna@example.org"
    mail["To"] = "info@officine-test.example"
    mail["Subject"] = "Foto"
    mail.set_content("In allegato le foto.")
    mail.add_attachment(png_bytes(), maintype="image", subtype="png", filename="vera.png")
    mail.add_attachment(HTML, maintype="image", subtype="png", filename="finta.png")
    parsed = parse_email(mail.as_bytes())
    files, notes = prepare_attachments(parsed)
    assert [f.name for f in files] == ["vera.png"]
    assert len(notes) == 1
    assert "“finta.png”" in notes[0]


# --- where files live and how they are served --------------------------------------------------------


def test_no_url_serves_the_media_root(settings):
    assert not settings.MEDIA_URL or settings.MEDIA_URL in ("", "/")
    for path in ("/media/attachments/1/x.pdf", "/attachments/1/x.pdf", "/training/1/x.pdf"):
        with pytest.raises(Resolver404):
            resolve(path)


def test_media_root_is_outside_the_static_files(settings):
    media = Path(settings.MEDIA_ROOT).resolve()
    assert not media.is_relative_to(Path(settings.STATIC_ROOT).resolve())
    for folder in settings.STATICFILES_DIRS:
        assert not media.is_relative_to(Path(folder).resolve())


def test_an_attachment_is_only_a_download_for_a_member(company, digital_manager):
    from tests.inbox.factories import AttachmentFactory

    attachment = AttachmentFactory(message=MessageFactory(conversation=ConversationFactory(company=company)))
    url = f"/c/{company.slug}/inbox/attachments/{attachment.pk}/"
    assert Client().get(url).status_code == 302  # to the sign-in page
    client = Client()
    client.force_login(digital_manager)
    response = client.get(url)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
