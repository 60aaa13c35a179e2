"""The Content-Security-Policy refuses inline style and script: no template served to a browser
may carry a style="" attribute, a <style> or <script> element with inline code, an on...=
handler or an hx-on attribute. Email templates and the PDF templates (WeasyPrint, never
served to a browser) are left out; so is what the tests themselves serve.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_FOLDERS = {".venv", "staticfiles", "node_modules", "tests", "var", ".git"}
# Rendered to PDF by WeasyPrint (engagements/manual/pdf.py, reports/pdf.py) or sent by email.
NOT_FOR_BROWSERS = {
    "engagements/templates/manual/document.html",
    "reports/templates/reports/print.html",
}
FORBIDDEN = {
    "style attribute": re.compile(r"""\sstyle\s*=\s*["'{]""", re.IGNORECASE),
    "style element": re.compile(r"<style[\s>]", re.IGNORECASE),
    "inline script": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.IGNORECASE),
    "event handler attribute": re.compile(r"""\son[a-z]+\s*=\s*["']""", re.IGNORECASE),
    "hx-on attribute": re.compile(r"\shx-on[:-]", re.IGNORECASE),
}


def browser_templates() -> list[Path]:
    found = []
    for path in ROOT.rglob("*.html"):
        relative = path.relative_to(ROOT)
        if SKIPPED_FOLDERS & set(relative.parts) or "templates" not in relative.parts:
            continue
        if {"mail", "email"} & set(relative.parts) or relative.as_posix() in NOT_FOR_BROWSERS:
            continue
        found.append(path)
    return sorted(found)


def test_the_templates_are_found():
    names = {path.relative_to(ROOT).as_posix() for path in browser_templates()}
    assert "templates/base.html" in names
    assert len(names) > 100


def test_the_templates_left_out_exist():
    for name in NOT_FOR_BROWSERS:
        assert (ROOT / name).exists(), name


@pytest.mark.parametrize("path", browser_templates(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_inline_style_script_or_handler_in_a_page_template(path):
    text = re.sub(r"{#.*?#}", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)  # comments
    text = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", text, flags=re.DOTALL)
    found = {name: pattern.findall(text) for name, pattern in FORBIDDEN.items()}
    assert {name: hits for name, hits in found.items() if hits} == {}
