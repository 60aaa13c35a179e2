"""Signed links of the newsletter: confirming a subscription and unsubscribing.

A token is ``<id>-<value>-<mac>`` in lower-case base 36 and hex, so that it survives being
the local part of an address (``unsubscribe+<token>@…``, which some mail servers lower-case,
and which may hold at most 64 characters) as well as a path segment. The MAC is an HMAC-SHA256
of the rest with SECRET_KEY and a salt per kind of token, cut to 128 bits.

* Confirm: the subscription and its `requested_at`; valid for CONFIRM_DAYS, and only for the
  latest request (a new request or an unsubscribe makes older links useless).
* Unsubscribe: the subscription and, in a newsletter, the delivery it came with; it never
  expires (an email read a year later must still let the reader leave).
"""

import re
from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int, int_to_base36

CONFIRM_DAYS = 7
CONFIRM_SALT = "contentdesk.newsletter.confirm"
UNSUBSCRIBE_SALT = "contentdesk.newsletter.unsubscribe"
MAC_LENGTH = 32
TOKEN_PATTERN = re.compile(r"^([0-9a-z]{1,13})-([0-9a-z]{1,13})-([0-9a-f]{32})$")


class BadToken(ValueError):
    """The link was changed, cut short, or never made by us."""


class ExpiredToken(BadToken):
    """A genuine confirmation link, too old to use."""


def _mac(salt: str, payload: str) -> str:
    return salted_hmac(salt, payload, algorithm="sha256").hexdigest()[:MAC_LENGTH]


def _make(salt: str, first: int, second: int) -> str:
    payload = f"{int_to_base36(first)}-{int_to_base36(second)}"
    return f"{payload}-{_mac(salt, payload)}"


def _read(salt: str, token: str) -> tuple[int, int]:
    match = TOKEN_PATTERN.match((token or "").strip().lower())
    if match is None:
        raise BadToken("malformed")
    first, second, mac = match.groups()
    if not constant_time_compare(mac, _mac(salt, f"{first}-{second}")):
        raise BadToken("signature")
    try:
        return base36_to_int(first), base36_to_int(second)
    except ValueError:
        raise BadToken("number") from None


def request_stamp(moment: datetime) -> int:
    """`requested_at` as the token carries it: whole seconds since the epoch."""
    return int(moment.timestamp())


def confirm_token(subscription) -> str:
    return _make(CONFIRM_SALT, subscription.pk, request_stamp(subscription.requested_at))


def read_confirm_token(token: str, *, now: datetime | None = None) -> tuple[int, int]:
    """(subscription id, request stamp); BadToken if forged, ExpiredToken if too old."""
    subscription_id, stamp = _read(CONFIRM_SALT, token)
    now = now or timezone.now()
    if request_stamp(now) - stamp > timedelta(days=CONFIRM_DAYS).total_seconds():
        raise ExpiredToken("expired")
    return subscription_id, stamp


def unsubscribe_token(subscription_id: int, delivery_id: int | None = None) -> str:
    return _make(UNSUBSCRIBE_SALT, subscription_id, delivery_id or 0)


def read_unsubscribe_token(token: str) -> tuple[int, int | None]:
    """(subscription id, delivery id or None); BadToken if forged."""
    subscription_id, delivery_id = _read(UNSUBSCRIBE_SALT, token)
    return subscription_id, delivery_id or None
