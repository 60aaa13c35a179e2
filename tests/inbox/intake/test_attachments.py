"""Files attached to the website form (hosted and snippet): checked, stored with the enquiry, never lost."""

import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from inbox.intake.forms import MAX_FORM_FILES
from inbox.intake.views import MULTIPART_BODY_LIMIT
from inbox.models import Attachment, Conversation, InboundItem, Message
from tests.inbox.intake.conftest import ALLOWED_ORIGIN
from tests.inbox.intake.test_submit import ENQUIRY, post_json

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def pdf(name="disegno-flangia.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def form_data(**extra):
    return {**ENQUIRY, "consent": "on", **extra}


def post_snippet(client, channel, data, *, origin=ALLOWED_ORIGIN, query="", **headers):
    """Like the snippet with files chosen: multipart/form-data, answered in JSON."""
    if origin:
        headers["HTTP_ORIGIN"] = origin
    return client.post(f"/in/{channel.public_key}/submit/{query}", data, HTTP_ACCEPT="application/json", **headers)


def post_hosted(client, channel, data, *, query="?lang=it"):
    """Like the hosted form: multipart/form-data from Staffetta's own page, answered in HTML."""
    return client.post(
        f"/in/{channel.public_key}/submit/{query}",
        data,
        HTTP_ORIGIN="http://testserver",
        HTTP_ACCEPT="text/html,application/xhtml+xml",
    )


def nothing_stored():
    return not (InboundItem.objects.exists() or Conversation.objects.exists() or Attachment.objects.exists())


def stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_pdf_sent_with_the_hosted_form_is_stored_with_the_first_message(client, form_channel, settings):
    response = post_hosted(client, form_channel, form_data(attachments=[pdf()]))

    assert response.status_code == 303
    message = Message.objects.get()
    attachment = Attachment.objects.get()
    assert attachment.message == message
    assert message.direction == Message.Direction.IN
    assert (attachment.company, attachment.filename, attachment.content_type, attachment.size) == (
        form_channel.company,
        "disegno-flangia.pdf",
        "application/pdf",
        len(PDF),
    )
    stored = Path(attachment.file.path)
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT) / "attachments" / str(form_channel.company.pk))
    assert stored.read_bytes() == PDF


def test_a_snippet_post_with_files_is_stored_and_the_payload_lists_them_without_their_bytes(
    client, form_channel, settings
):
    drawing = SimpleUploadedFile("pianta.dxf", b"0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n")
    response = post_snippet(client, form_channel, form_data(attachments=[pdf(), drawing]))

    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    conversation = Conversation.objects.get()
    assert conversation.subject == ENQUIRY["subject"]
    names = sorted(Attachment.objects.filter(message__conversation=conversation).values_list("filename", flat=True))
    assert names == ["disegno-flangia.pdf", "pianta.dxf"]
    for path in stored_files(settings):
        assert path.is_relative_to(Path(settings.MEDIA_ROOT) / "attachments" / str(form_channel.company.pk))
    item = InboundItem.objects.get()
    assert item.conversation == conversation
    assert item.payload["attachments"] == [
        {"name": "disegno-flangia.pdf", "size": len(PDF), "content_type": "application/pdf"},
        {"name": "pianta.dxf", "size": drawing.size, "content_type": "application/dxf"},
    ]
    assert "attachments" not in item.payload["received"]
    assert "PDF-1.4" not in json.dumps(item.payload)


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("pagina.html", b"<html><body>ciao</body></html>", "“pagina.html” non è un tipo di file"),
        ("finto.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "“finto.pdf” contiene una pagina web o uno script"),
    ],
)
def test_a_dangerous_file_refuses_the_whole_snippet_post_with_400_naming_it(
    client, form_channel, settings, name, content, expected
):
    response = post_snippet(client, form_channel, form_data(attachments=[pdf(), pdf(name, content)]))

    assert response.status_code == 400
    body = response.json()
    assert body["ok"] is False
    assert any(expected in message for message in body["errors"]["attachments"])
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert nothing_stored()
    assert stored_files(settings) == []


def test_the_refusal_speaks_the_visitors_language(client, form_channel):
    response = post_snippet(
        client, form_channel, form_data(language="en", attachments=[pdf("page.html", b"<html></html>")])
    )
    assert response.status_code == 400
    assert response.json()["errors"]["attachments"] == [
        "“page.html” is not a kind of file we accept (PDF, images, office documents, text, CSV, ZIP, DXF, STEP)."
    ]


def test_the_hosted_form_shows_a_refused_file_again_with_what_was_typed(client, form_channel, settings):
    response = post_hosted(client, form_channel, form_data(attachments=[pdf("finto.pdf", b"<!DOCTYPE html><p>x")]))

    assert response.status_code == 400
    content = response.content.decode()
    assert "“finto.pdf” contiene una pagina web o uno script" in content
    assert "sceglili di nuovo" in content  # a file input cannot keep its files: the visitor is told
    assert 'value="Anna Rossi"' in content
    assert ENQUIRY["message"] in content
    assert 'enctype="multipart/form-data"' in content
    assert nothing_stored()
    assert stored_files(settings) == []


def test_more_than_three_files_are_refused(client, form_channel):
    files = [pdf(f"tavola-{n}.pdf") for n in range(MAX_FORM_FILES + 1)]
    response = post_snippet(client, form_channel, form_data(language="en", attachments=files))

    assert MAX_FORM_FILES == 3
    assert response.status_code == 400
    assert response.json()["errors"]["attachments"] == ["Attach at most 3 files to one message."]
    assert nothing_stored()


def test_a_too_big_multipart_body_is_refused_with_413_before_it_is_read(client, form_channel):
    body = encode_multipart(BOUNDARY, form_data(attachments=[pdf()]))
    response = client.generic(
        "POST",
        f"/in/{form_channel.public_key}/submit/",
        body,
        content_type=MULTIPART_CONTENT,
        HTTP_ORIGIN=ALLOWED_ORIGIN,
        HTTP_ACCEPT="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
        CONTENT_LENGTH=str(MULTIPART_BODY_LIMIT + 1),
    )
    assert response.status_code == 413
    assert response.json()["message"] == "The files are too large: attach at most 3 files of 10 MB each."
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert nothing_stored()


def test_a_file_over_ten_megabytes_is_refused(client, form_channel, settings):
    big = pdf("scansione.pdf", PDF + b"0" * (Attachment.MAX_BYTES - len(PDF) + 1))
    response = post_snippet(client, form_channel, form_data(attachments=[big]))
    assert response.status_code == 400
    assert "“scansione.pdf” è troppo grande" in response.json()["errors"]["attachments"][0]
    assert nothing_stored()


def test_a_multipart_body_under_the_file_limit_is_not_refused_as_too_long(client, form_channel):
    padding = b"%" + b"0" * 200_000  # larger than the 64 KB of a post without files
    response = post_snippet(client, form_channel, form_data(attachments=[pdf(content=PDF + padding)]))
    assert response.status_code == 200
    assert Attachment.objects.get().size == len(PDF) + len(padding)


def test_json_and_form_encoded_posts_keep_the_64_kb_limit(client, form_channel):
    response = post_json(client, form_channel, {**ENQUIRY, "message": "x" * 70_000})
    assert response.status_code == 413


def test_a_disallowed_website_cannot_send_files(client, form_channel):
    response = post_snippet(client, form_channel, form_data(attachments=[pdf()]), origin="https://evil.example")
    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert nothing_stored()


def test_the_rate_limit_counts_posts_with_files(client, form_channel):
    for _n in range(10):
        assert post_snippet(client, form_channel, form_data(email="", attachments=[pdf()])).status_code == 400
    response = post_snippet(client, form_channel, form_data(attachments=[pdf()]))
    assert response.status_code == 429
    assert nothing_stored()


def test_the_honeypot_keeps_the_files_with_the_spam(client, form_channel):
    response = post_snippet(client, form_channel, form_data(website="http://spam.example", attachments=[pdf()]))
    assert response.status_code == 200
    conversation = Conversation.objects.get()
    assert conversation.status == Conversation.Status.SPAM
    assert Attachment.objects.get().message.conversation == conversation


def test_if_the_conversation_cannot_be_opened_a_post_with_files_is_refused_with_503_and_nothing_kept(
    client, form_channel, settings, monkeypatch
):
    def broken(item):
        raise RuntimeError("database hiccup")

    monkeypatch.setattr("inbox.services._open_conversation", broken)
    response = post_snippet(client, form_channel, form_data(language="en", attachments=[pdf()]))

    assert response.status_code == 503
    assert "send them again" in response.json()["message"]
    assert nothing_stored()
    assert stored_files(settings) == []


def test_if_storing_a_file_fails_nothing_is_kept_and_written_files_are_removed(
    client, form_channel, settings, monkeypatch
):
    from inbox import attachments

    calls = []
    real_store = attachments.attachments_store

    def fail_on_second(*, message, files):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_store(message=message, files=files)

    monkeypatch.setattr("inbox.services.attachments_store", fail_on_second)
    response = post_hosted(client, form_channel, form_data(attachments=[pdf("a.pdf"), pdf("b.pdf")]))

    assert response.status_code == 503
    content = response.content.decode()
    assert "Non è stato possibile registrare ora il tuo messaggio con i file" in content
    assert "sceglili di nuovo" in content
    assert 'value="Anna Rossi"' in content
    assert nothing_stored()
    assert stored_files(settings) == []


def test_without_files_a_failed_opening_still_leaves_the_item_for_the_sweep(client, form_channel, monkeypatch):
    monkeypatch.setattr("inbox.services._open_conversation", lambda item: 1 / 0)
    response = post_json(client, form_channel, ENQUIRY)
    assert response.status_code == 200
    item = InboundItem.objects.get()
    assert item.conversation is None
    assert "attachments" not in item.payload


def test_the_hosted_form_offers_the_file_input_with_its_limits(client, form_channel):
    content = client.get(f"/in/{form_channel.public_key}/form/?lang=en").content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert 'type="file"' in content
    assert 'name="attachments"' in content
    assert "multiple" in content
    assert "up to 3 files of 10 MB each" in content
    italian = client.get(f"/in/{form_channel.public_key}/form/").content.decode()
    assert "fino a 3 file da 10 MB" in italian


def test_the_snippet_knows_the_file_limits_and_texts(client, form_channel):
    source = client.get(f"/in/{form_channel.public_key}/embed.js").content.decode()
    assert '"maxFiles": 3' in source
    assert f'"maxBytes": {Attachment.MAX_BYTES}' in source
    assert "new FormData()" in source
    assert "“{name}” is too large: the limit is 10 MB per file." in source
