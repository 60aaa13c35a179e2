"""The variants' pixels: exact sizes, the crop, the text band, the file format."""

import io

import pytest
from PIL import Image, ImageStat

from contentdesk.images import variants
from contentdesk.images.variants import Focus, band_box, base_font_size, render_variant, wrap
from contentdesk.models import IMAGE_SIZES, ImageFormat

from .conftest import encoded, picture

SOURCES = {"landscape": (1600, 900), "portrait": (900, 1600), "square": (1000, 1000)}


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _jpeg_source(width, height) -> Image.Image:
    return Image.open(io.BytesIO(encoded(picture(width, height))))


@pytest.mark.parametrize("source", list(SOURCES))
@pytest.mark.parametrize("fmt", list(ImageFormat))
def test_a_variant_has_exactly_the_size_of_its_format(source, fmt):
    rendered = render_variant(_jpeg_source(*SOURCES[source]), fmt)
    stored = _open(rendered.data)
    assert stored.size == IMAGE_SIZES[fmt]
    assert (rendered.width, rendered.height) == IMAGE_SIZES[fmt]
    assert stored.format == "JPEG"


def test_a_small_source_is_enlarged_to_the_exact_size():
    rendered = render_variant(_jpeg_source(300, 200), ImageFormat.STORY)
    assert _open(rendered.data).size == (1080, 1920)


def test_a_variant_is_a_progressive_jpeg_without_metadata():
    stored = _open(render_variant(_jpeg_source(1600, 900), ImageFormat.SQUARE).data)
    assert stored.info.get("progressive") or stored.info.get("progression")
    assert not stored.getexif()


def test_the_focus_chooses_which_part_of_a_tall_picture_stays():
    tall = Image.new("RGB", (1000, 2000), (200, 0, 0))
    tall.paste((0, 0, 200), (0, 1000, 1000, 2000))
    source_bytes = encoded(tall)

    def centre_colour(focus):
        rendered = render_variant(Image.open(io.BytesIO(source_bytes)), ImageFormat.LANDSCAPE, focus=focus)
        return _open(rendered.data).getpixel((600, 315))

    top, bottom = centre_colour(Focus.TOP), centre_colour(Focus.BOTTOM)
    assert top[0] > 150
    assert top[2] < 50
    assert bottom[2] > 150
    assert bottom[0] < 50


def _mean(image, box):
    return sum(ImageStat.Stat(image.convert("L").crop(box)).mean)


@pytest.mark.parametrize("fmt", list(ImageFormat))
def test_the_text_band_darkens_the_bottom_and_the_text_changes_pixels(fmt):
    light = Image.new("RGB", (1600, 1600), (220, 220, 220))
    plain = _open(render_variant(Image.open(io.BytesIO(encoded(light))), fmt).data)
    with_text = _open(render_variant(Image.open(io.BytesIO(encoded(light))), fmt, overlay_text="Vieni in fiera").data)
    width, height = IMAGE_SIZES[fmt]
    # One line of text at the size render_variant chose.
    font_size = base_font_size((width, height))
    left, top, right, bottom = band_box((width, height), fmt, 1, font_size)
    assert bottom - top > 20
    edge_of_band = (0, top + 2, 40, top + 12)  # a strip at the band's left end, where no text is
    above_band = (0, top - 40, 40, top - 30)
    assert _mean(with_text, edge_of_band) < _mean(with_text, above_band) - 60
    assert _mean(plain, edge_of_band) == pytest.approx(_mean(plain, above_band), abs=5)
    band = (left, top, right, bottom)
    # White letters on the dark band: brighter pixels than the band alone has.
    assert with_text.convert("L").crop(band).getextrema()[1] > 200
    assert with_text.crop(band).tobytes() != plain.crop(band).tobytes()


def test_stories_keep_the_band_above_the_reply_bar():
    assert band_box((1080, 1920), ImageFormat.STORY, 1, 54)[3] == 1920 - 240
    assert band_box((1200, 630), ImageFormat.LANDSCAPE, 1, 38)[3] == 630


def test_long_text_is_wrapped_to_fit_the_width():
    typeface = variants.font(54)
    lines = wrap("Una valvola a sfera progettata e costruita a Vicenza dal 1972 " * 2, typeface, 900)
    assert len(lines) > 2
    assert all(typeface.getlength(line) <= 900 for line in lines)


def test_a_word_longer_than_the_line_is_cut():
    typeface = variants.font(54)
    lines = wrap("Supercalifragilistichespiralidoso" * 2, typeface, 400)
    assert len(lines) > 1
    assert all(typeface.getlength(line) <= 400 for line in lines)


def test_text_is_drawn_without_the_dejavu_font_too(monkeypatch, tmp_path):
    monkeypatch.setattr(variants, "FONT_PATH", tmp_path / "missing.ttf")
    light = encoded(Image.new("RGB", (1200, 630), (220, 220, 220)))
    plain = _open(render_variant(Image.open(io.BytesIO(light)), ImageFormat.LANDSCAPE).data)
    with_text = _open(render_variant(Image.open(io.BytesIO(light)), ImageFormat.LANDSCAPE, overlay_text="Ciao").data)
    assert with_text.tobytes() != plain.tobytes()


def test_markup_in_the_text_is_drawn_as_it_is():
    light = encoded(Image.new("RGB", (1200, 630), (220, 220, 220)))
    rendered = render_variant(Image.open(io.BytesIO(light)), ImageFormat.LANDSCAPE, overlay_text="<b>Offerta</b> & più")
    assert _open(rendered.data).size == (1200, 630)


def test_a_transparent_source_gives_a_transparent_png():
    logo = Image.new("RGBA", (800, 800), (0, 0, 0, 0))
    logo.paste((200, 30, 30, 255), (200, 200, 600, 600))
    rendered = render_variant(Image.open(io.BytesIO(encoded(logo, "PNG"))), ImageFormat.LANDSCAPE)
    stored = _open(rendered.data)
    assert rendered.extension == "png"
    assert stored.format == "PNG"
    assert stored.mode == "RGBA"
    assert stored.getpixel((0, 0))[3] == 0


def test_an_opaque_png_with_an_alpha_channel_becomes_a_jpeg():
    opaque = Image.new("RGBA", (800, 800), (10, 120, 30, 255))
    rendered = render_variant(Image.open(io.BytesIO(encoded(opaque, "PNG"))), ImageFormat.SQUARE)
    assert rendered.extension == "jpg"


def test_a_16_bit_grey_png_keeps_its_greys():
    grey = Image.new("I;16", (600, 600), 32768)
    stored = _open(render_variant(Image.open(io.BytesIO(encoded(grey, "PNG"))), ImageFormat.SQUARE).data)
    assert 110 < stored.convert("L").getpixel((540, 540)) < 150


def test_the_thumbnail_is_a_jpeg_at_most_400_pixels_wide():
    rendered = render_variant(_jpeg_source(1600, 900), ImageFormat.STORY)
    thumbnail = _open(rendered.thumbnail)
    assert thumbnail.format == "JPEG"
    assert thumbnail.width <= 400
    assert thumbnail.size == (400, 711)
