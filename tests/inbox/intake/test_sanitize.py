"""HTML from the internet is cut down to formatting and safe links before it is stored."""

import re

import pytest

from inbox.sanitize import sanitize_html, text_to_html


def test_script_tags_go_with_their_content():
    assert sanitize_html("<p>Ciao<script>alert('x')</script></p>") == "<p>Ciao</p>"
    assert sanitize_html("<SCRIPT SRC=//evil.example/x.js></SCRIPT>ok") == "ok"


@pytest.mark.parametrize(
    "html",
    [
        '<p onclick="steal()">Ciao</p>',
        '<p onmouseover="steal()" ONLOAD="x()">Ciao</p>',
        '<img src="x" onerror="steal()"><p>Ciao</p>',
        '<svg onload="steal()"><p>Ciao</p></svg><p>Ciao</p>',
    ],
)
def test_event_handlers_are_removed(html):
    cleaned = sanitize_html(html)
    assert re.search(r"\bon\w+\s*=", cleaned, re.IGNORECASE) is None
    assert "steal" not in cleaned
    assert "<p>Ciao</p>" in cleaned


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<b>x</b>",
        "vbscript:x",
    ],
)
def test_dangerous_links_lose_their_address(href):
    cleaned = sanitize_html(f'<a href="{href}">premi</a>')
    assert "href" not in cleaned
    assert "premi" in cleaned


def test_safe_links_are_kept_and_open_without_referrer_or_opener():
    cleaned = sanitize_html(
        '<a href="https://www.example.it/p" target="_blank" rel="opener">sito</a> <a href="mailto:a@b.it">a</a>'
    )
    assert cleaned == (
        '<a href="https://www.example.it/p" rel="noopener noreferrer nofollow">sito</a> '
        '<a href="mailto:a@b.it" rel="noopener noreferrer nofollow">a</a>'
    )


def test_styles_frames_forms_and_images_are_dropped():
    html = (
        "<style>body{display:none}</style><iframe src='https://evil.example'>x</iframe>"
        "<form action='https://evil.example'><input name=p></form><img src='https://tracker.example/p.gif'>"
        "<object data='x.swf'></object><p style='position:fixed' class='x' id='y'>testo</p>"
    )
    assert sanitize_html(html) == "<p>testo</p>"


def test_formatting_is_kept():
    html = "<p><strong>Grassetto</strong> <em>corsivo</em></p><ul><li>uno</li></ul><blockquote>citazione</blockquote>"
    assert sanitize_html(html) == html


def test_comments_and_empty_input():
    assert sanitize_html("<!-- <script>x</script> -->ciao") == "ciao"
    assert sanitize_html("") == ""


def test_text_becomes_escaped_paragraphs_with_line_breaks_and_links():
    html = text_to_html("Ciao <b>Anna</b>,\nvedi https://example.com/?a=1&b=2\n\n\nSaluti\r\nMarco")
    assert html == (
        "<p>Ciao &lt;b&gt;Anna&lt;/b&gt;,<br>\n"
        'vedi <a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer nofollow">https://example.com/?a=1&amp;b=2</a></p>\n'
        "<p>Saluti<br>\nMarco</p>"
    )
    assert text_to_html("") == ""


def test_text_with_a_script_stays_text():
    assert "<script" not in text_to_html("<script>alert(1)</script>")
