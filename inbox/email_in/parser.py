"""One RFC 5322 message in, the parts the inbox needs out.

Python's `email` package with `policy.default` parses; headers are read from their raw
values (`raw_items`) and decoded here, because the policy's lazy header objects raise on
some malformed input. Parts are walked without recursion and with limits, so that a
message nested a thousand levels deep is read, not a crash. What cannot be parsed at all
raises `UnreadableEmail` and ends in the quarantine.
"""

import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.utils import getaddresses, parseaddr

from inbox.email_in.automatic import automatic_kind
from inbox.email_in.text import clean_text, decode_bytes, decode_header_value, html_to_text

MAX_DEPTH = 25
MAX_PARTS = 300
MAX_REFERENCES = 50
MESSAGE_ID_MAX_LENGTH = 250
# Headers that say what the message is; trace headers (Received, Delivered-To…) differ between
# two deliveries of the same email and are left out of its content hash.
HASHED_HEADERS = (b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"in-reply-to")
REPORT_PARTS = ("message/delivery-status", "text/rfc822-headers", "message/disposition-notification")
RECIPIENT_HEADERS = ("to", "cc", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to")
_ANGLE_ID = re.compile(r"<([^<>\s]{1,998})>")
_EMBEDDED_ID = re.compile(rb"^Message-ID:[ \t]*(<[^<>\s]{1,998}>)", re.IGNORECASE | re.MULTILINE)
_HEADER_END = re.compile(rb"\r?\n\r?\n")


class UnreadableEmail(Exception):
    """The bytes are not an email we can read; they go to the quarantine as they are."""


@dataclass
class RawAttachment:
    filename: str
    content_type: str
    data: bytes


@dataclass
class ParsedEmail:
    content_hash: str
    message_id: str = ""
    in_reply_to: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    # Message-IDs of an original message carried inside a delivery report (to thread bounces).
    embedded_ids: list[str] = field(default_factory=list)
    sender_email: str = ""
    sender_name: str = ""
    recipients: list[str] = field(default_factory=list)
    subject: str = ""
    text: str = ""
    html: str = ""
    # True when the email has no text part and `text` was made from its HTML.
    text_from_html: bool = False
    attachments: list[RawAttachment] = field(default_factory=list)
    # Parts we could not read (too deep, too many): said in the message, never dropped silently.
    unread_parts: int = 0
    auto_kind: str = ""
    bounced_address: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)

    @property
    def thread_ids(self) -> list[str]:
        """Message-IDs this email answers, the most telling first."""
        seen, ids = set(), []
        for message_id in [*self.in_reply_to, *reversed(self.references), *self.embedded_ids]:
            if message_id not in seen:
                seen.add(message_id)
                ids.append(message_id)
        return ids


def _split_raw(raw: bytes) -> tuple[bytes, bytes]:
    if raw.startswith(b"From "):  # an mbox "From " line added by some delivery agents
        raw = raw.split(b"\n", 1)[1] if b"\n" in raw else b""
    match = _HEADER_END.search(raw)
    if match is None:
        return raw, b""
    return raw[: match.start()], raw[match.end() :]


def content_hash(raw: bytes) -> str:
    """The same email delivered twice (by the mail server and by IMAP, say) hashes the same."""
    head, body = _split_raw(raw)
    unfolded = re.sub(rb"\r?\n[ \t]+", b" ", head)
    digest = hashlib.sha256()
    for line in unfolded.splitlines():
        name, _sep, value = line.partition(b":")
        if name.strip().lower() in HASHED_HEADERS:
            digest.update(name.strip().lower() + b":" + b" ".join(value.split()) + b"\n")
    digest.update(b"\n")
    digest.update(body.replace(b"\r\n", b"\n").rstrip())
    return digest.hexdigest()


def normalise_message_id(value: str) -> str:
    """ "<id@host>" from a header value; "" if there is none or it is too long to keep."""
    value = (value or "").strip()
    match = _ANGLE_ID.search(value)
    if match:
        message_id = f"<{match.group(1)}>"
    elif value and " " not in value and "@" in value:
        message_id = f"<{value.strip('<>')}>"
    else:
        return ""
    return message_id if len(message_id) <= MESSAGE_ID_MAX_LENGTH else ""


def _message_ids(values: list[str]) -> list[str]:
    ids = []
    for value in values:
        ids.extend(f"<{m}>" for m in _ANGLE_ID.findall(value) if len(m) + 2 <= MESSAGE_ID_MAX_LENGTH)
    return ids[-MAX_REFERENCES:]


def _header_map(message) -> tuple[dict[str, list[str]], list[tuple[str, str]]]:
    mapped: dict[str, list[str]] = {}
    listed = []
    for name, value in message.raw_items():
        name = clean_text(name, 100).strip().lower()
        text = decode_header_value(value)
        mapped.setdefault(name, []).append(text)
        listed.append((name, text[:2000]))
    return mapped, listed


def _address(value: str) -> tuple[str, str]:
    try:
        name, address = parseaddr(value)
    except Exception:  # a From we cannot read leaves the contact without address
        return clean_text(value, 160), ""
    address = clean_text(address).strip().lower()
    if "@" not in address or len(address) > 254 or " " in address:
        address = ""
    return clean_text(name, 160).strip().strip('"'), address


def _decoded_payload(part) -> bytes:
    try:
        payload = part.get_payload(decode=True)
    except Exception:  # a transfer encoding we cannot undo: keep the bytes as sent
        payload = None
    if isinstance(payload, bytes):
        return payload
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _param(part, name: str) -> str:
    try:
        value = part.get_param(name)
    except Exception:
        return ""
    if isinstance(value, tuple):  # RFC 2231: (charset, language, value)
        value = value[2]
    return clean_text(value or "", 200).strip().lower()


def _content_type(part) -> str:
    try:
        return (part.get_content_type() or "text/plain").lower()
    except Exception:
        return "application/octet-stream"


def _disposition(part) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


def _filename(part, content_type: str, number: int) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        name = ""
    name = clean_text(decode_header_value(name)).replace("\\", "/").rsplit("/", 1)[-1].strip(". ")
    if not name:
        extension = mimetypes.guess_extension(content_type, strict=False) or ".bin"
        name = f"attachment-{number}{extension}"
    return name[-150:]


def _has_filename(part) -> bool:
    try:
        return bool(part.get_filename())
    except Exception:
        return False


def _children(part) -> list:
    try:
        payload = part.get_payload()
    except Exception:
        return []
    return payload if isinstance(payload, list) else []


def _walk(parsed: ParsedEmail, message) -> None:
    texts: list[str] = []
    htmls: list[str] = []
    in_report = _content_type(message) == "multipart/report"
    stack = [(message, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            parsed.unread_parts += 1 + len(stack)
            break
        content_type = _content_type(part)
        if content_type.startswith("multipart/"):
            if depth >= MAX_DEPTH:
                parsed.unread_parts += 1
                continue
            stack.extend((child, depth + 1) for child in reversed(_children(part)))
            continue
        disposition = _disposition(part)
        if content_type in REPORT_PARTS or (in_report and content_type == "message/rfc822"):
            # A delivery report's machine part and the copy of our own email it returns:
            # read from the raw bytes by automatic.bounced_address and the threading.
            continue
        if content_type.startswith("message/"):
            children = _children(part)
            data = b""
            if children:
                try:
                    data = children[0].as_bytes()
                except Exception:
                    data = b""
            name = _filename(part, content_type, len(parsed.attachments) + 1)
            if "." not in name or name.startswith("attachment-"):
                name = f"message-{len(parsed.attachments) + 1}.eml"
            parsed.attachments.append(RawAttachment(name, content_type, data))
            continue
        is_attachment = disposition == "attachment" or (disposition == "inline" and _has_filename(part))
        if content_type in ("text/plain", "text/html") and not is_attachment:
            text = decode_bytes(_decoded_payload(part), _param(part, "charset") or "us-ascii")
            (texts if content_type == "text/plain" else htmls).append(clean_text(text))
            continue
        data = _decoded_payload(part)
        name = _filename(part, content_type, len(parsed.attachments) + 1)
        parsed.attachments.append(RawAttachment(name, content_type, data))
    parsed.text = "\n\n".join(t.strip("\n") for t in texts if t.strip()).strip()
    parsed.html = htmls[0] if htmls else ""
    if not parsed.text and parsed.html:
        parsed.text = html_to_text(parsed.html)
        parsed.text_from_html = True


def parse_email(raw: bytes) -> ParsedEmail:
    """Parse `raw`; raises UnreadableEmail when there is nothing an inbox could show."""
    if not raw or not raw.strip():
        raise UnreadableEmail("The message is empty.")
    parsed = ParsedEmail(content_hash=content_hash(raw))
    head, _body = _split_raw(raw)
    if not re.match(rb"^[!-9;-~]+:", head.lstrip(b"\r\n")):
        raise UnreadableEmail("The message does not start with a header.")
    try:
        message = message_from_bytes(raw, policy=policy.default)
    except (RecursionError, MemoryError) as exc:
        raise UnreadableEmail(f"The message cannot be parsed: {exc.__class__.__name__}.") from exc
    headers, parsed.headers = _header_map(message)
    parsed.message_id = normalise_message_id((headers.get("message-id") or [""])[0])
    parsed.in_reply_to = _message_ids(headers.get("in-reply-to", []))[:5]
    parsed.references = _message_ids(headers.get("references", []))
    parsed.subject = clean_text((headers.get("subject") or [""])[0], 250)
    parsed.sender_name, parsed.sender_email = _address((headers.get("from") or headers.get("sender") or [""])[0])
    recipients = []
    for name in RECIPIENT_HEADERS:
        try:
            pairs = getaddresses(headers.get(name, []))
        except Exception:
            pairs = []
        recipients.extend(clean_text(address).strip().lower() for _n, address in pairs if "@" in address)
    parsed.recipients = list(dict.fromkeys(recipients))[:100]
    try:
        _walk(parsed, message)
    except RecursionError as exc:
        raise UnreadableEmail("The message is nested too deeply to be read.") from exc
    content_type = _content_type(message)
    parsed.auto_kind, parsed.bounced_address = automatic_kind(
        raw=raw,
        headers=headers,
        content_type=content_type,
        report_type=_param(message, "report-type"),
        sender=parsed.sender_email,
        subject=parsed.subject,
    )
    if parsed.auto_kind:
        parsed.embedded_ids = [
            m.decode("ascii", "replace") for m in _EMBEDDED_ID.findall(_body)[:5] if len(m) <= MESSAGE_ID_MAX_LENGTH
        ]
    if not (parsed.text or parsed.html or parsed.attachments or parsed.subject or parsed.sender_email):
        raise UnreadableEmail("The message has neither a sender, a subject, a text nor attachments.")
    return parsed
