"""Files attached to messages: limited in size and type, stored under MEDIA_ROOT (outside the
web root) and served only by the attachment view, always as a download."""

import mimetypes

from django.utils.translation import gettext as _

from inbox.models import Attachment

MAX_FILES = 5
# Markup a browser would run if it were ever served inline, whatever the file claims to be.
_MARKUP_STARTS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml")
_EXTRA_TYPES = {".dxf": "application/dxf", ".step": "application/step", ".stp": "application/step"}


def attachment_type(filename: str) -> str:
    """The type we trust: from the file's extension, never from what the browser says."""
    extension = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    return _EXTRA_TYPES.get(extension) or mimetypes.guess_type(filename, strict=False)[0] or "application/octet-stream"


def attachment_problem(uploaded) -> str | None:
    """Why an uploaded file cannot be attached, in the user's language, or None."""
    name = uploaded.name or ""
    if uploaded.size > Attachment.MAX_BYTES:
        return _("“%(name)s” is too large: the limit is %(mb)s MB per file.") % {
            "name": name,
            "mb": Attachment.MAX_BYTES // (1024 * 1024),
        }
    if attachment_type(name) not in Attachment.ALLOWED_TYPES:
        return _(
            "“%(name)s” is not a kind of file we accept (PDF, images, office documents, text, CSV, ZIP, DXF, STEP)."
        ) % {"name": name}
    head = uploaded.read(512).lstrip().lower()
    uploaded.seek(0)
    if head.startswith(_MARKUP_STARTS):
        return _("“%(name)s” contains a web page or script, which we do not accept as an attachment.") % {"name": name}
    return None


def attachments_store(*, message, files) -> list[Attachment]:
    """Store already validated files on `message` (in the caller's transaction)."""
    stored = []
    for uploaded in files:
        attachment = Attachment(
            company_id=message.company_id,
            message=message,
            filename=(uploaded.name or "file")[-200:],
            content_type=attachment_type(uploaded.name or ""),
            size=uploaded.size,
        )
        attachment.file.save(uploaded.name or "file", uploaded, save=False)
        attachment.save()
        stored.append(attachment)
    return stored
