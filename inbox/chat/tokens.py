"""The widget's credential: a signed token naming one chat session of one channel.

Signed with SECRET_KEY (django.core.signing) and a salt of our own, so no other signed value
of Staffetta can pass for it; it carries the channel's id and the session's random key, and
is checked against both. A token past MAX_AGE, tampered with, or made for another channel is
simply not a token: the caller answers 403 and reveals nothing.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

SALT = "staffetta.chat.session"
FILE_SALT = "staffetta.chat.file"
# A visitor may come back to read the answer days later; after a month they start afresh.
MAX_AGE = timedelta(days=30)
# Links to the files of an answer, renewed at each poll.
FILE_MAX_AGE = timedelta(days=1)


@dataclass(frozen=True)
class Claim:
    channel_id: int
    session_key: str


def token_for(session) -> str:
    return signing.dumps({"c": session.channel_id, "s": session.key}, salt=SALT)


def claim_of(token: str | None) -> Claim | None:
    """What a valid token names, or None for anything else (missing, expired, tampered)."""
    if not token or len(token) > 300:
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature
        return None
    if not isinstance(data, dict) or not isinstance(data.get("c"), int) or not isinstance(data.get("s"), str):
        return None
    return Claim(data["c"], data["s"])


def file_token_for(session, attachment_id: int) -> str:
    return signing.dumps({"s": session.key, "a": attachment_id}, salt=FILE_SALT)


def file_claim_of(token: str) -> tuple[str, int] | None:
    """(session key, attachment id) of a valid file link, else None."""
    if not token or len(token) > 300:
        return None
    try:
        data = signing.loads(token, salt=FILE_SALT, max_age=FILE_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("a"), int) or not isinstance(data.get("s"), str):
        return None
    return data["s"], data["a"]
