"""Files attached to messages: limited in size (settings.UPLOAD_MAX_MB) and type, stored under
MEDIA_ROOT (outside the web root) and served only by the attachment views, always as a download.

The type is decided by the content, not the name: the extension only says which member of a
family a file claims to be (a .docx and a .zip are both ZIP archives inside), and the content
must be of that family — images are also opened and verified by Pillow; text formats (TXT,
CSV, DXF, STEP) must be text and never markup. An HTML page named .png, an SVG or PHP script
named .jpg, a PDF named .docx are refused with a message that names the file.
"""

import mimetypes

import filetype
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from inbox.models import Attachment

MAX_FILES = 5
HEAD_BYTES = 8192
# Markup a browser would run if it were ever served inline, whatever the file claims to be.
_MARKUP_STARTS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<?php", b"<head", b"<body", b"<iframe")
_EXTRA_TYPES = {".dxf": "application/dxf", ".step": "application/step", ".stp": "application/step"}
_IMAGES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/gif": "GIF", "image/webp": "WEBP"}
_ZIP_FAMILY = {
    "application/zip",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
_OLE_FAMILY = {"application/msword", "application/vnd.ms-excel"}
_OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TEXT_FAMILY = {"text/plain", "text/csv", "application/dxf", "image/vnd.dxf", "application/step"}
_BINARY_DXF = b"AutoCAD Binary DXF"


def attachment_type(filename: str) -> str:
    """The type the name claims (the content is checked against it by `attachment_problem`)."""
    extension = ("." + filename.rsplit(".", 1)[-1].lower()) if "." in filename else ""
    return _EXTRA_TYPES.get(extension) or mimetypes.guess_type(filename, strict=False)[0] or "application/octet-stream"


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # a character cut at the end of the sample is still text
            try:
                head.decode("cp1252")
            except UnicodeDecodeError:
                return False
    return True


def _image_verified(uploaded, pil_format: str) -> bool:
    try:
        with Image.open(uploaded, formats=[pil_format]) as image:
            image.verify()
        return True
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    finally:
        uploaded.seek(0)


def _content_matches(uploaded, claimed: str, head: bytes) -> bool:
    """Whether the content is of the family that the name claims."""
    kind = filetype.guess(head)
    detected = kind.mime if kind else None
    if claimed in _IMAGES:
        return detected == claimed and _image_verified(uploaded, _IMAGES[claimed])
    if claimed == "application/pdf":
        return detected == "application/pdf"
    if claimed in _ZIP_FAMILY:
        return detected in _ZIP_FAMILY
    if claimed in _OLE_FAMILY:
        return head.startswith(_OLE_SIGNATURE)
    if claimed in _TEXT_FAMILY:
        if claimed in {"application/dxf", "image/vnd.dxf"} and head.startswith(_BINARY_DXF):
            return True
        return detected is None and _is_text(head)
    return False


def attachment_problem(uploaded) -> str | None:
    """Why an uploaded file cannot be attached, in the user's language, or None."""
    name = uploaded.name or ""
    if uploaded.size > Attachment.MAX_BYTES:
        return _("“%(name)s” is too large: the limit is %(mb)s MB per file.") % {
            "name": name,
            "mb": Attachment.MAX_BYTES // (1024 * 1024),
        }
    claimed = attachment_type(name)
    if claimed not in Attachment.ALLOWED_TYPES:
        return _(
            "“%(name)s” is not a kind of file we accept (PDF, images, office documents, text, CSV, ZIP, DXF, STEP)."
        ) % {"name": name}
    uploaded.seek(0)
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(0)
    if head.lstrip().lower().startswith(_MARKUP_STARTS):
        return _("“%(name)s” contains a web page or script, which we do not accept as an attachment.") % {"name": name}
    if not _content_matches(uploaded, claimed, head):
        return _("The content of “%(name)s” does not match its extension: rename it or export it again.") % {
            "name": name
        }
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
