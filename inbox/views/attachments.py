"""Attachments are downloaded, never shown inline: a file that claims to be an image may be
HTML, and the browser must not render it on our origin."""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from engagements.tenancy import company_view
from inbox.models import Attachment, Conversation


@company_view("inbox.view")
def attachment_download(request, attachment_id):
    visible = Conversation.objects.for_company(request.company).visible_to(request.membership)
    attachment = get_object_or_404(
        Attachment.objects.for_company(request.company).filter(message__conversation__in=visible), pk=attachment_id
    )
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The file is missing.") from None
    content_type = attachment.content_type if attachment.content_type in Attachment.ALLOWED_TYPES else None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.filename or "attachment",
        content_type=content_type or "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
