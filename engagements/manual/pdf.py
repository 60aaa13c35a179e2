"""The operations manual as a standalone document: one HTML file with its styles, and a PDF of it."""

from pathlib import Path

import weasyprint
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from PIL import ImageFile

from engagements.manual.selectors import Manual

# Importing WeasyPrint turns on Pillow's process-wide LOAD_TRUNCATED_IMAGES, which would let
# half-uploaded pictures through the content desk's checks in the same process. The manual
# embeds no raster images, so Pillow's strict default is restored (as reports.pdf does).
ImageFile.LOAD_TRUNCATED_IMAGES = False


CSS_PATH = Path(__file__).resolve().parent.parent / "static" / "manual" / "manual.css"


def manual_document_html(manual: Manual, *, printing: bool = False) -> str:
    """The self-contained document: the manual's styles inline, no links to the site's files."""
    context = {"manual": manual, "printing": printing, "generated_at": timezone.now(), "css": CSS_PATH.read_text()}
    return render_to_string("manual/document.html", context)


def manual_pdf_bytes(manual: Manual) -> bytes:
    html = manual_document_html(manual, printing=True)
    return weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
