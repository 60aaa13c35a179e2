"""The pictures themselves, with Pillow: checking an upload, cleaning it, and making the
channel-sized variants with an optional band of text.

Nothing here touches the database or the storage: functions take images or bytes and give
back bytes, so that the services decide when to write and the tests can look at pixels.

Decisions, so that nobody has to rediscover them:
- The type is what Pillow recognises in the CONTENT, among JPEG, PNG and WebP only (GIF, PDF,
  SVG, HTML… are not even parsed); the name and the type the browser declares are ignored.
- Animated images (animated WebP, APNG) are refused rather than cut to their first frame,
  which is often a blank or a fade-in: the user exports the frame they want. Phones' MPO
  JPEGs (a photo plus depth or preview pictures) are photos, and the primary picture is kept.
- The pixel limit is checked from the header, before anything is decoded, so a small file
  declaring a huge picture costs nothing; Pillow's own DecompressionBombError is caught as well.
- What we store has its EXIF orientation applied and carries no metadata (EXIF with GPS, XMP,
  comments, PNG text); only the colour profile is kept, because colours depend on it. Pillow
  copies a JPEG's comment into any JPEG saved from it unless told otherwise: hence comment=b"".
"""

import io
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageDraw, ImageFont, ImageOps

from contentdesk.models import IMAGE_SIZES, ContentImage, ImageFormat

logger = logging.getLogger(__name__)

# Pillow format → (content type, file extension). MPO is how Pillow names phones' JPEGs.
ACCEPTED = {
    "JPEG": ("image/jpeg", "jpg"),
    "MPO": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
}
THUMBNAIL_BOX = (400, 800)
JPEG_QUALITY = 85
ORIGINAL_QUALITY = 92
FONT_PATH = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
MAX_OVERLAY_LINES = 4
EXIF_ORIENTATION = 0x0112


class Focus:
    """Which part of the picture survives the crop when its proportions change."""

    TOP = "top"
    CENTRE = "centre"
    BOTTOM = "bottom"
    CENTRING = {TOP: 0.0, CENTRE: 0.5, BOTTOM: 1.0}


@dataclass(frozen=True)
class Cleaned:
    """An upload as we store it: re-encoded, upright, without metadata, plus its thumbnail."""

    data: bytes
    content_type: str
    extension: str
    width: int
    height: int
    thumbnail: bytes


@dataclass(frozen=True)
class Rendered:
    data: bytes
    extension: str
    width: int
    height: int
    thumbnail: bytes


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f}"


def open_upload(uploaded, name: str) -> Image.Image:
    """The upload as a decoded, still picture, or a ValidationError saying why not (in the user's language)."""
    if uploaded.size > ContentImage.MAX_BYTES:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s MB): the limit is %(limit)s MB per image.")
            % {
                "name": name,
                "size": number_format(uploaded.size / (1024 * 1024), 1),
                "limit": _megabytes(ContentImage.MAX_BYTES),
            },
            code="too_large",
        )
    if not uploaded.size:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": name}, code="empty")
    not_an_image = ValidationError(
        _("“%(name)s” is not a JPEG, PNG or WebP picture, whatever its name says.") % {"name": name},
        code="not_an_image",
    )
    bomb = ValidationError(
        _("“%(name)s” is too big a picture: the limit is %(limit)s million pixels (for example 7700 × 5200).")
        % {"name": name, "limit": ContentImage.MAX_PIXELS // 1_000_000},
        code="too_many_pixels",
    )
    formats = ["JPEG", "PNG", "WEBP"]  # the parsers Pillow may use; MPO comes through JPEG's
    try:
        uploaded.seek(0)
        probe = Image.open(uploaded, formats=formats)
        if probe.width * probe.height > ContentImage.MAX_PIXELS:
            raise bomb
        # verify() reads the whole file looking for damage (PNG checksums…) and leaves the
        # object unusable, so the picture is opened again to be decoded.
        probe.verify()
        uploaded.seek(0)
        image = Image.open(uploaded, formats=formats)
        if image.format != "MPO" and getattr(image, "is_animated", False):
            raise ValidationError(
                _("“%(name)s” is an animation: upload a still picture (JPEG, PNG or WebP).") % {"name": name},
                code="animated",
            )
        image.load()
    except ValidationError:
        raise
    except Image.DecompressionBombError:
        raise bomb from None
    except Exception as error:  # any failure to decode untrusted bytes means "not a picture"
        logger.info("Refused upload %r: %s", name, error)
        raise not_an_image from None
    if image.width * image.height > ContentImage.MAX_PIXELS:
        raise bomb
    return image


def clean_upload(image: Image.Image) -> Cleaned:
    """Re-encode an opened upload upright and without metadata; the colour profile stays."""
    content_type, extension = ACCEPTED[image.format]
    source_format = image.format
    icc = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    upright = image
    if image.getexif().get(EXIF_ORIENTATION, 1) != 1:
        upright = ImageOps.exif_transpose(image)
    options = {"icc_profile": icc} if icc else {}
    out = io.BytesIO()
    if source_format in ("JPEG", "MPO"):
        # Same quantisation tables as the camera used: no visible loss from saving again.
        keep = source_format == "JPEG" and upright is image
        upright.save(out, "JPEG", quality="keep" if keep else ORIGINAL_QUALITY, comment=b"", **options)
    elif source_format == "PNG":
        if transparency is not None and upright.mode in ("P", "L", "RGB"):
            options["transparency"] = transparency
        # Level 3 is lossless like any PNG and ~3× faster than the default 6 on a photo saved
        # as PNG, for a file ~2% bigger: the upload answers in about a second at worst.
        upright.save(out, "PNG", compress_level=3, **options)
    else:
        upright.save(out, "WEBP", quality=90, method=2, **options)
    return Cleaned(
        data=out.getvalue(),
        content_type=content_type,
        extension=extension,
        width=upright.width,
        height=upright.height,
        thumbnail=thumbnail_jpeg(upright),
    )


def _eight_bit(image: Image.Image) -> Image.Image:
    """RGB or RGBA for drawing on; 16-bit greys are scaled, not clipped to white."""
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    elif image.mode == "F":
        image = image.convert("L")
    return image.convert("RGBA" if has_transparency(image) else "RGB")


def has_transparency(image: Image.Image) -> bool:
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        return True
    return "transparency" in image.info


def _is_see_through(image: Image.Image) -> bool:
    return image.mode == "RGBA" and image.getchannel("A").getextrema()[0] < 255


def _on_background(image: Image.Image) -> Image.Image:
    """A transparent picture flattened on a light grey, for a JPEG thumbnail."""
    if image.mode != "RGBA":
        return image
    background = Image.new("RGB", image.size, (233, 236, 239))
    background.paste(image, mask=image.getchannel("A"))
    return background


def thumbnail_jpeg(image: Image.Image) -> bytes:
    """A small JPEG (400 px wide at most) for grids and cards."""
    if image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = _eight_bit(image)  # palette and 16-bit pictures would be resized coarsely
    ratio = min(THUMBNAIL_BOX[0] / image.width, THUMBNAIL_BOX[1] / image.height, 1)
    size = (max(1, round(image.width * ratio)), max(1, round(image.height * ratio)))
    # resize() rather than copy() + thumbnail(): no second full-size picture in memory.
    small = _on_background(_eight_bit(image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)))
    out = io.BytesIO()
    small.save(out, "JPEG", quality=80, optimize=True, comment=b"")
    return out.getvalue()


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """DejaVu Sans Bold (Debian's fonts-dejavu-core) if installed, else Pillow's own scalable font."""
    if FONT_PATH.exists():
        return ImageFont.truetype(str(FONT_PATH), size)
    return ImageFont.load_default(size=size)


def wrap(text: str, typeface, width: int) -> list[str]:
    """Words on lines no wider than `width` pixels; a word too long for a line is cut."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if typeface.getlength(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = ""
        while typeface.getlength(word) > width:
            cut = len(word) - 1
            while cut > 1 and typeface.getlength(word[:cut]) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def band_box(size: tuple[int, int], fmt: str, line_count: int, font_size: int) -> tuple[int, int, int, int]:
    """Where the text band goes: across the width, at the bottom.

    Stories keep it above the bottom eighth, where Instagram and Facebook draw the reply bar.
    """
    width, height = size
    line_height = round(font_size * 1.25)
    padding = round(font_size * 0.6)
    bottom = height - (round(height * 0.125) if fmt == ImageFormat.STORY else 0)
    top = bottom - (line_count * line_height + 2 * padding)
    return (0, top, width, bottom)


def base_font_size(size: tuple[int, int]) -> int:
    """Text about 1/16 of the width, less on a wide picture so that the band stays low."""
    width, height = size
    return max(16, round(min(width, height * 1.2) * 0.06))


def _layout(text: str, size: tuple[int, int]) -> tuple[list[str], object, int]:
    width, _height = size
    margin = round(width * 0.06)
    base = base_font_size(size)
    font_size = base
    while True:
        typeface = font(font_size)
        lines = wrap(text, typeface, width - 2 * margin)
        if len(lines) <= MAX_OVERLAY_LINES or font_size <= base * 0.6:
            return lines[:MAX_OVERLAY_LINES], typeface, font_size
        font_size -= 2


def draw_band(canvas: Image.Image, text: str, fmt: str) -> Image.Image:
    """White text on a semi-transparent black band; the text is pixels, so nothing is escaped."""
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        return canvas
    lines, typeface, font_size = _layout(text, canvas.size)
    box = band_box(canvas.size, fmt, len(lines), font_size)
    overlay = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)
    pen.rectangle(box, fill=(0, 0, 0, 150))
    line_height = round(font_size * 1.25)
    y = box[1] + round(font_size * 0.6)
    for line in lines:
        pen.text((canvas.width / 2, y), line, font=typeface, fill=(255, 255, 255, 255), anchor="ma")
        y += line_height
    return Image.alpha_composite(canvas.convert("RGBA"), overlay)


def render_variant(source: Image.Image, fmt: str, *, overlay_text: str = "", focus: str = Focus.CENTRE) -> Rendered:
    """The picture cropped to fill the format exactly (cover), with the optional text band."""
    target = IMAGE_SIZES[fmt]
    if source.format in ("JPEG", "MPO"):
        # Decode at a reduced scale when the picture is much bigger than needed (JPEG's DCT
        # scaling): no quality is lost and a 12-megapixel photo decodes several times faster.
        scale = max(target[0] / source.width, target[1] / source.height)
        source.draft("RGB", (math.ceil(source.width * scale), math.ceil(source.height * scale)))
    icc = source.info.get("icc_profile") if source.mode != "CMYK" else None
    picture = _eight_bit(source)
    fitted = ImageOps.fit(
        picture, target, method=Image.Resampling.LANCZOS, centering=(0.5, Focus.CENTRING.get(focus, 0.5))
    )
    transparent = _is_see_through(fitted)
    result = draw_band(fitted, overlay_text, fmt) if overlay_text else fitted
    out = io.BytesIO()
    options = {"icc_profile": icc} if icc else {}
    if transparent:
        result.save(out, "PNG", **options)
        extension = "png"
    else:
        result.convert("RGB").save(
            out, "JPEG", quality=JPEG_QUALITY, progressive=True, optimize=True, comment=b"", **options
        )
        extension = "jpg"
    return Rendered(
        data=out.getvalue(),
        extension=extension,
        width=result.width,
        height=result.height,
        thumbnail=thumbnail_jpeg(result),
    )
