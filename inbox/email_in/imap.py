"""A thin IMAP client over the standard library's imaplib: connect, select, UIDs, fetch, mark.

Messages are fetched with BODY.PEEK[] so that reading never changes their flags; they are
marked \\Seen only by `mark_seen`, which the caller calls after the message is stored.
Errors come out as `ImapProblem` with a code of `Mailbox.Problem`, for a clear message.
TLS certificates are always verified.
"""

import base64
import imaplib
import re
import ssl
from contextlib import contextmanager, suppress
from datetime import date

from inbox.email_in.models import Mailbox

Problem = Mailbox.Problem
TIMEOUT = 30
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ImapProblem(Exception):
    def __init__(self, code: str, detail: str):
        super().__init__(detail)
        self.code = code
        self.detail = detail


def imap_utf7(folder: str) -> str:
    """A folder name in IMAP's modified UTF-7 (RFC 3501 §5.1.3): "Posta in arrivo" stays as is."""
    out, pending = [], []

    def flush():
        if pending:
            encoded = base64.b64encode("".join(pending).encode("utf-16-be")).decode("ascii")
            out.append("&" + encoded.rstrip("=").replace("/", ",") + "-")
            pending.clear()

    for char in folder:
        if 0x20 <= ord(char) <= 0x7E:
            flush()
            out.append("&-" if char == "&" else char)
        else:
            pending.append(char)
    flush()
    return "".join(out)


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _text(data) -> str:
    parts = data if isinstance(data, list | tuple) else [data]
    return " ".join(p.decode("utf-8", "replace") if isinstance(p, bytes) else str(p) for p in parts if p)


def _connect(host: str, port: int, security: str, timeout: int):
    context = ssl.create_default_context()
    if security == Mailbox.Security.SSL:
        return imaplib.IMAP4_SSL(host, port, ssl_context=context, timeout=timeout)
    connection = imaplib.IMAP4(host, port, timeout=timeout)
    if security == Mailbox.Security.STARTTLS:
        connection.starttls(ssl_context=context)
    return connection


def _login(connection, username: str, password: str) -> None:
    if (username + password).isascii():
        connection.login(username, password)
    else:
        # LOGIN is ASCII only; AUTHENTICATE PLAIN carries UTF-8 (RFC 4616).
        token = f"\0{username}\0{password}".encode()
        connection.authenticate("PLAIN", lambda _challenge: token)


@contextmanager
def imap_session(*, host: str, port: int, security: str, username: str, password: str, timeout: int = TIMEOUT):
    """A logged-in connection; problems raised as ImapProblem."""
    try:
        connection = _connect(host, port, security, timeout)
    except (ssl.SSLError, ssl.CertificateError) as exc:
        raise ImapProblem(Problem.TLS, str(exc)) from exc
    except (OSError, imaplib.IMAP4.error) as exc:
        raise ImapProblem(Problem.CONNECT, f"{exc.__class__.__name__}: {exc}") from exc
    try:
        try:
            _login(connection, username, password)
        except imaplib.IMAP4.abort as exc:
            raise ImapProblem(Problem.CONNECT, str(exc)) from exc
        except imaplib.IMAP4.error as exc:
            raise ImapProblem(Problem.LOGIN, str(exc)) from exc
        try:
            yield connection
        except imaplib.IMAP4.abort as exc:
            raise ImapProblem(Problem.CONNECT, str(exc)) from exc
        except (ssl.SSLError, ssl.CertificateError) as exc:
            raise ImapProblem(Problem.TLS, str(exc)) from exc
        except OSError as exc:
            raise ImapProblem(Problem.CONNECT, f"{exc.__class__.__name__}: {exc}") from exc
        except imaplib.IMAP4.error as exc:
            raise ImapProblem(Problem.OTHER, str(exc)) from exc
    finally:
        # The connection may already be gone: closing it must not hide the real problem.
        with suppress(Exception):
            connection.logout()
        with suppress(Exception):
            connection.shutdown()


def select_folder(connection, folder: str) -> tuple[int, int]:
    """Select `folder` for reading and marking; (UIDVALIDITY, UIDNEXT)."""
    status, data = connection.select(_quoted(imap_utf7(folder)))
    if status != "OK":
        raise ImapProblem(Problem.FOLDER, _text(data))
    uidvalidity = connection.response("UIDVALIDITY")[1]
    uidnext = connection.response("UIDNEXT")[1]
    try:
        validity = int(uidvalidity[0])
    except (TypeError, ValueError, IndexError) as exc:
        raise ImapProblem(Problem.OTHER, "The server gave no UIDVALIDITY for the folder.") from exc
    try:
        following = int(uidnext[0])
    except (TypeError, ValueError, IndexError):
        following = 0
    return validity, following


def _uids(connection, *criteria: str) -> list[int]:
    status, data = connection.uid("SEARCH", None, *criteria)
    if status != "OK":
        raise ImapProblem(Problem.OTHER, _text(data))
    return sorted({int(uid) for uid in re.findall(rb"\d+", b" ".join(d for d in data if d))})


def uids_after(connection, last_uid: int) -> list[int]:
    """UIDs above `last_uid`, oldest first (a search for "n:*" also answers the highest UID)."""
    return [uid for uid in _uids(connection, f"UID {last_uid + 1}:*") if uid > last_uid]


def uids_since(connection, day: date) -> list[int]:
    return _uids(connection, "SINCE", f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}")


def fetch_raw(connection, uid: int) -> bytes | None:
    """The message's bytes, without setting \\Seen; None if it is gone (expunged meanwhile)."""
    status, data = connection.uid("FETCH", str(uid), "(BODY.PEEK[])")
    if status != "OK":
        raise ImapProblem(Problem.OTHER, _text(data))
    for item in data or []:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
            return item[1]
    return None


def mark_seen(connection, first_uid: int, last_uid: int | None = None) -> None:
    """Mark one message, or the UIDs first..last, as \\Seen on the server."""
    uids = str(first_uid) if last_uid is None or last_uid == first_uid else f"{first_uid}:{last_uid}"
    status, data = connection.uid("STORE", uids, "+FLAGS.SILENT", "(\\Seen)")
    if status != "OK":
        raise ImapProblem(Problem.OTHER, _text(data))


def imap_check(*, host: str, port: int, security: str, username: str, password: str, folder: str, timeout=15) -> None:
    """Log in and open the folder once; raises ImapProblem saying what is wrong."""
    with imap_session(
        host=host, port=port, security=security, username=username, password=password, timeout=timeout
    ) as connection:
        select_folder(connection, folder)


__all__ = [
    "ImapProblem",
    "fetch_raw",
    "imap_check",
    "imap_session",
    "mark_seen",
    "select_folder",
    "uids_after",
    "uids_since",
]
