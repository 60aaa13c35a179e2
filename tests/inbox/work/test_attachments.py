"""Attachments are downloaded, never displayed, and only by who may see the conversation."""

import pytest

from tests.inbox.work.factories import AttachmentFactory, MessageFactory, enquiry


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _url(company, attachment):
    return f"/c/{company.slug}/inbox/attachments/{attachment.pk}/"


def test_download_is_an_attachment_with_nosniff(login, company, digital_manager):
    attachment = AttachmentFactory(message=MessageFactory(conversation=enquiry(company)))
    response = login(digital_manager).get(_url(company, attachment))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="disegno.pdf"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 test"


def test_an_html_file_is_served_as_an_opaque_download(login, company, digital_manager):
    attachment = AttachmentFactory(
        message=MessageFactory(conversation=enquiry(company)), filename="pagina.html", content_type="text/html"
    )
    response = login(digital_manager).get(_url(company, attachment))
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_conversation_page_links_the_attachment(login, company, digital_manager):
    attachment = AttachmentFactory(message=MessageFactory(conversation=enquiry(company)))
    content = login(digital_manager).get(f"/c/{company.slug}/inbox/{attachment.message.conversation_id}/").content
    assert _url(company, attachment).encode() in content


def test_another_companys_attachment_answers_404(login, company, other_company, digital_manager):
    foreign = AttachmentFactory(message=MessageFactory(conversation=enquiry(other_company)))
    assert login(digital_manager).get(_url(company, foreign)).status_code == 404


def test_colleague_downloads_only_attachments_of_conversations_routed_to_them(login, company, colleague):
    routed = AttachmentFactory(message=MessageFactory(conversation=enquiry(company, routed_to=colleague)))
    other = AttachmentFactory(message=MessageFactory(conversation=enquiry(company)))
    client = login(colleague)
    assert client.get(_url(company, routed)).status_code == 200
    assert client.get(_url(company, other)).status_code == 404


def test_a_missing_file_answers_404(login, company, owner):
    attachment = AttachmentFactory(message=MessageFactory(conversation=enquiry(company)))
    attachment.file.delete(save=False)
    assert login(owner).get(_url(company, attachment)).status_code == 404
