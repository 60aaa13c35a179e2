"""Reading an email's bytes: headers, charsets, bodies, parts, hashes; never a crash on bad input."""

import pytest

from inbox.email_in.parser import UnreadableEmail, content_hash, normalise_message_id, parse_email
from inbox.email_in.text import clean_text, html_to_text
from tests.inbox.email_in.factories import email_bytes


def test_the_content_hash_ignores_trace_headers_and_line_endings():
    raw = email_bytes(message_id=None)
    assert content_hash(raw) == content_hash(b"Received: from mx by us\nDelivered-To: info@x\n" + raw)
    assert content_hash(raw) == content_hash(raw.replace(b"\n", b"\r\n"))
    assert content_hash(raw) != content_hash(raw.replace(b"200 flange", b"300 flange"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("<abc@example.com>", "<abc@example.com>"),
        ("  <abc@example.com> (comment)", "<abc@example.com>"),
        ("abc@example.com", "<abc@example.com>"),
        ("", ""),
        ("not an id", ""),
        ("<" + "x" * 300 + "@example.com>", ""),
    ],
)
def test_message_ids_are_normalised(value, expected):
    assert normalise_message_id(value) == expected


def test_encoded_words_raw_utf8_and_unknown_charsets_in_headers_are_read():
    raw = (
        b"From: =?utf-8?q?Nicol=C3=B2_Bianchi?= <nicolo@example.com>\r\n"
        b"Subject: =?x-nonexistent?B?UHJldmVudGl2bw==?= \xc3\xa8 urgente\r\n"
        b"\r\nTesto.\r\n"
    )
    parsed = parse_email(raw)
    assert parsed.sender_name == "Nicolò Bianchi"
    assert parsed.subject == "Preventivo è urgente"


def test_nul_bytes_and_control_characters_never_reach_the_database():
    parsed = parse_email(b"From: a@example.com\r\nSubject: ciao\x00mondo\r\n\r\nuno\x00due\x07tre\r\n")
    assert parsed.subject == "ciaomondo"
    assert parsed.text == "unoduetre"
    assert clean_text("\udcc3\udca8") == "è"  # 8-bit bytes that came through as surrogates


def test_a_missing_sender_leaves_the_address_empty():
    parsed = parse_email(b"Subject: anonima\r\n\r\nchi sono?\r\n")
    assert (parsed.sender_email, parsed.text) == ("", "chi sono?")


def test_html_becomes_readable_text_with_quotes_as_quoted_lines():
    html = (
        "<div>Va bene, <a href='https://example.com/ordine'>qui</a> l'ordine.</div>"
        "<blockquote><p>Ecco il preventivo.</p><p>Saluti</p></blockquote><style>p{}</style>"
    )
    assert html_to_text(html) == (
        "Va bene, qui (https://example.com/ordine) l'ordine.\n\n> Ecco il preventivo.\n>\n> Saluti"
    )


def test_deep_nesting_is_read_up_to_a_limit_and_said():
    raw = b"From: a@example.com\r\nSubject: nidi\r\n"
    for depth in range(60):
        raw += b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n' % (depth, depth)
    raw += b"Content-Type: text/plain\r\n\r\nin fondo\r\n"
    parsed = parse_email(raw)
    assert parsed.unread_parts >= 1


def test_inline_images_and_forwarded_emails_are_attachments():
    forwarded = email_bytes(subject="Inoltrato")
    raw = email_bytes(
        attachments=[("logo.png", "image/png", b"\x89PNG..."), ("originale.eml", "message/rfc822", forwarded)]
    )
    parsed = parse_email(raw)
    assert [a.filename for a in parsed.attachments] == ["logo.png", "originale.eml"]


@pytest.mark.parametrize("raw", [b"", b"   \r\n", b"just some words, no header at all", b"\x00\x01\x02"])
def test_bytes_that_are_not_an_email_are_refused(raw):
    with pytest.raises(UnreadableEmail):
        parse_email(raw)
