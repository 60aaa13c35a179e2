"""Files given as evidence: the content decides their type, the name only tells apart the
members of one family (a .docx and an .xlsx are both ZIP archives inside).

A file whose content is none of the accepted kinds, or does not match its extension (a
"photo.jpg" that is really a PDF, a "notes.txt" that is a web page), is refused; files are
stored under MEDIA_ROOT and served only by the evidence view, always as a download.
"""

from django.conf import settings
from django.utils.translation import gettext as _

MAX_BYTES = settings.UPLOAD_MAX_MB * 1024 * 1024
HEAD_BYTES = 8192

# Markup a browser would run if it were ever shown inline, whatever the file claims to be.
_MARKUP = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml", b"<head", b"<body", b"<iframe")

_ZIP_MEMBERS = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "zip": "application/zip",
}
_OLE_MEMBERS = {"doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint"}
_TEXT_MEMBERS = {"txt": "text/plain", "csv": "text/csv", "md": "text/plain"}
_SIGNATURES = [
    (b"%PDF-", {"pdf": "application/pdf"}),
    (b"\x89PNG\r\n\x1a\n", {"png": "image/png"}),
    (b"\xff\xd8\xff", {"jpg": "image/jpeg", "jpeg": "image/jpeg"}),
    (b"GIF87a", {"gif": "image/gif"}),
    (b"GIF89a", {"gif": "image/gif"}),
    (b"PK\x03\x04", _ZIP_MEMBERS),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", _OLE_MEMBERS),
]

ALLOWED_TYPES = frozenset(
    {t for _sig, family in _SIGNATURES for t in family.values()} | set(_TEXT_MEMBERS.values()) | {"image/webp"}
)


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _family(head: bytes) -> dict | None:
    for signature, family in _SIGNATURES:
        if head.startswith(signature):
            return family
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return {"webp": "image/webp"}
    if b"\x00" in head:
        return None
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character cut at the end of the sample is still text.
        if error.start < len(head) - 3:
            return None
    if head.lstrip().lower().startswith(_MARKUP):
        return None
    return _TEXT_MEMBERS


def _read_head(uploaded) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(HEAD_BYTES)
    uploaded.seek(0)
    return head


def file_problem(uploaded) -> str | None:
    """Why `uploaded` cannot be evidence, in the user's language, or None."""
    name = uploaded.name or ""
    if uploaded.size == 0:
        return _("“%(name)s” is empty.") % {"name": name}
    if uploaded.size > MAX_BYTES:
        return _("“%(name)s” is too large: the limit is %(mb)s MB.") % {"name": name, "mb": MAX_BYTES // (1024 * 1024)}
    head = _read_head(uploaded)
    family = _family(head)
    if family is None:
        return _(
            "“%(name)s” is not a kind of file we accept: PDF, images (JPEG, PNG, GIF, WebP), office documents, text or CSV, ZIP."
        ) % {"name": name}
    if _extension(name) not in family:
        return _("The content of “%(name)s” does not match its extension: rename it or export it again.") % {
            "name": name
        }
    return None


def stored_type(uploaded) -> str:
    """The content type of an accepted file (`file_problem` said None)."""
    family = _family(_read_head(uploaded)) or {}
    return family.get(_extension(uploaded.name or ""), "application/octet-stream")
