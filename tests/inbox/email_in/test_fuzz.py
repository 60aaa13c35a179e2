"""The email entry point under hypothesis-generated abuse: broken encodings, huge headers,
deeply nested multiparts, missing, duplicate and reused Message-IDs, odd charsets, random
bytes. It never raises, and every message ends stored (once) or in the quarantine."""

import base64

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from inbox.email_in.services import Outcome, email_receive
from inbox.models import InboundItem, Message, QuarantinedEmail

pytestmark = pytest.mark.django_db

CHARSETS = [
    "utf-8",
    "iso-8859-1",
    "windows-1252",
    "utf-7",
    "utf-16",
    "ks_c_5601-1987",
    "iso-2022-jp",
    "x-bogus-charset",
    "unicode_escape",
    "base64",
    "",
    '"utf-8',
    "\x00",
]
ENCODINGS = ["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "binary", "b64 garbage"]
# A few fixed IDs, so that different examples reuse them (and some repeat exactly).
MESSAGE_IDS = ["<same@fuzz.example>", "<other@fuzz.example>", "no-brackets@fuzz", "<>", "<" + "x" * 400 + ">"]

header_bytes = st.binary(max_size=300).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b" "))
encoded_word = st.builds(
    lambda charset, kind, data: b"=?" + charset.encode("latin-1", "replace") + b"?" + kind + b"?" + data + b"?=",
    st.sampled_from(CHARSETS),
    st.sampled_from([b"B", b"Q", b"b", b"x"]),
    st.binary(max_size=40).map(lambda b: base64.b64encode(b)[: len(b)]),
)
header_value = st.one_of(
    header_bytes,
    encoded_word,
    st.lists(st.one_of(header_bytes, encoded_word), max_size=4).map(b" ".join),
    st.integers(min_value=1000, max_value=60_000).map(lambda n: b"A" * n),  # a huge header
    st.integers(min_value=2, max_value=400).map(lambda n: b"x\r\n " * n),  # folded a thousand times
)
KNOWN_HEADERS = (
    *(b"From", b"To", b"Cc", b"Subject", b"Date", b"In-Reply-To", b"References", b"Auto-Submitted", b"Precedence"),
    *(b"Content-Type", b"Content-Transfer-Encoding", b"Content-Disposition", b"Reply-To", b"List-Id"),
)
header_name = st.one_of(st.sampled_from(KNOWN_HEADERS), st.from_regex(rb"\A[!-9;-~]{1,30}\Z"))


@st.composite
def leaf(draw):
    kind = draw(st.sampled_from(["text/plain", "text/html", "application/pdf", "image/png", "message/rfc822", "x/y"]))
    charset = draw(st.sampled_from(CHARSETS))
    encoding = draw(st.sampled_from(ENCODINGS))
    body = draw(st.one_of(st.binary(max_size=2000), st.text(max_size=500).map(lambda t: t.encode("utf-8", "replace"))))
    if encoding == "base64" and draw(st.booleans()):
        body = base64.b64encode(body)
    filename = draw(st.one_of(st.none(), header_bytes, encoded_word))
    head = b"Content-Type: " + kind.encode() + b"; charset=" + charset.encode("latin-1", "replace")
    if filename is not None:
        head += b"\r\nContent-Disposition: " + draw(st.sampled_from([b"attachment", b"inline"])) + b'; filename="'
        head += filename + b'"'
    return head + b"\r\nContent-Transfer-Encoding: " + encoding.encode() + b"\r\n\r\n" + body


@st.composite
def body(draw, depth):
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        return draw(leaf())
    boundary = b"b" + str(depth).encode() + draw(st.sampled_from([b"", b"x", b" spaced", b'"']))
    children = draw(st.lists(body(depth - 1), min_size=0, max_size=3))
    subtype = draw(st.sampled_from([b"mixed", b"alternative", b"related", b"report", b"digest"]))
    parts = b"".join(b"--" + boundary + b"\r\n" + child + b"\r\n" for child in children)
    closing = draw(st.sampled_from([b"--" + boundary + b"--\r\n", b""]))  # sometimes never closed
    return b"Content-Type: multipart/" + subtype + b'; boundary="' + boundary + b'"\r\n\r\n' + parts + closing


@st.composite
def deeply_nested(draw):
    depth = draw(st.integers(min_value=30, max_value=100))
    raw = b""
    for level in range(depth):
        raw += b'Content-Type: multipart/mixed; boundary="n%d"\r\n\r\n--n%d\r\n' % (level, level)
    return raw + b"Content-Type: text/plain\r\n\r\nin fondo\r\n"


@st.composite
def emails(draw):
    headers = draw(st.lists(st.tuples(header_name, header_value), max_size=12))
    ids = draw(st.lists(st.sampled_from(MESSAGE_IDS), max_size=3))  # none, one, or duplicated
    head = b"".join(name + b": " + value + b"\r\n" for name, value in headers)
    head += b"".join(b"Message-ID: " + message_id.encode() + b"\r\n" for message_id in ids)
    content = draw(st.one_of(body(depth=4), deeply_nested(), st.binary(max_size=3000)))
    raw = draw(st.sampled_from([b"From: fuzz@example.com\r\n", b"", b"From nobody Mon Jan  1 00:00:00 2024\n"]))
    raw += head + content
    mutation = draw(st.sampled_from(["none", "truncate", "flip", "lf"]))
    if mutation == "truncate" and raw:
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif mutation == "flip" and raw:
        position = draw(st.integers(0, len(raw) - 1))
        raw = raw[:position] + bytes([raw[position] ^ 0xFF]) + raw[position + 1 :]
    elif mutation == "lf":
        raw = raw.replace(b"\r\n", b"\n")
    return raw


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(raw=emails())
def test_every_email_ends_stored_once_or_quarantined_and_nothing_raises(raw, email_channel, media):
    items = InboundItem.objects.filter(channel=email_channel)
    quarantine = QuarantinedEmail.objects.filter(channel=email_channel)
    items_before, quarantined_before = items.count(), quarantine.count()

    received = email_receive(channel=email_channel, raw=raw)
    event(received.outcome)

    if received.outcome == Outcome.STORED:
        assert items.count() == items_before + 1
        assert quarantine.count() == quarantined_before
        message = Message.objects.get(inbound_item=received.item)
        assert "\x00" not in message.body_text
    elif received.outcome == Outcome.DUPLICATE:
        assert (items.count(), quarantine.count()) == (items_before, quarantined_before)
        assert received.item is not None
        assert items.filter(pk=received.item.pk).exists()
    else:
        assert received.outcome == Outcome.QUARANTINED
        assert items.count() == items_before
        assert quarantine.count() in (quarantined_before, quarantined_before + 1)
        assert bytes(quarantine.get(pk=received.quarantined.pk).raw) in (raw, bytes(received.quarantined.raw))
