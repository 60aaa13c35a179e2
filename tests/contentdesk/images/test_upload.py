"""Uploading: the content decides, the limits hold, what we keep is clean."""

import html
import io

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from contentdesk.images.services import content_image_upload
from contentdesk.images.variants import open_upload
from contentdesk.models import ContentImage
from tests.contentdesk.factories import ContentItemFactory

from .conftest import encoded, jpeg_upload, picture, png_declaring, upload

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def _text(response) -> str:
    """The page as the user reads it (apostrophes are escaped in the HTML)."""
    return html.unescape(response.content.decode())


def _url(company):
    return f"/c/{company.slug}/calendar/images/upload/"


def _post(client, company, *files, query="", **data):
    return client.post(_url(company) + query, {"files": list(files), **data})


def _messages(response) -> str:
    return " ".join(str(message) for message in response.context["messages"]) if response.context else ""


def test_a_jpeg_is_stored_with_a_thumbnail_and_opens_its_page(login, company, digital_manager, media_files):
    response = _post(login(digital_manager), company, jpeg_upload("officina.jpg", 1600, 1200), alt_text="Il reparto")
    image = ContentImage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/c/{company.slug}/calendar/images/{image.pk}/"
    assert (image.company, image.uploaded_by, image.alt_text) == (company, digital_manager, "Il reparto")
    assert (image.content_type, image.width, image.height, image.original_name) == (
        "image/jpeg",
        1600,
        1200,
        "officina.jpg",
    )
    assert image.size == image.file.size
    with Image.open(image.thumbnail.path) as thumbnail:
        assert thumbnail.size == (400, 300)
    assert len(media_files()) == 2
    assert all(name.startswith(f"content/{company.pk}/") for name in media_files())


def test_the_type_comes_from_the_content_not_from_the_name(company, digital_manager):
    png_named_jpg = upload("logo.jpg", encoded(picture(300, 200), "PNG"), content_type="image/jpeg")
    image = content_image_upload(company=company, user=digital_manager, uploaded=png_named_jpg)
    assert image.content_type == "image/png"
    assert image.file.name.endswith(".png")
    assert image.original_name == "logo.jpg"


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
        b"<!doctype html><html><script>alert(1)</script></html>",
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        b"GIF89a\x01\x00\x01\x00\x00\x00\x00;",
    ],
    ids=["pdf", "html", "svg", "gif"],
)
def test_a_file_named_jpg_that_is_not_a_picture_is_refused(login, company, digital_manager, media_files, content):
    response = _post(login(digital_manager), company, upload("foto.jpg", content))
    assert response.status_code == 400
    assert "“foto.jpg” non è un'immagine JPEG, PNG o WebP, qualunque cosa dica il suo nome." in _text(response)
    assert not ContentImage.objects.exists()
    assert media_files() == []


def test_a_truncated_jpeg_is_refused(company, digital_manager):
    data = encoded(picture(800, 600))
    with pytest.raises(ValidationError, match="non è un'immagine"):
        content_image_upload(
            company=company, user=digital_manager, uploaded=upload("rotta.jpg", data[: len(data) // 2])
        )


def test_a_decompression_bomb_is_refused_before_it_is_decoded(login, company, digital_manager, media_files):
    bomb = upload("bomba.png", png_declaring(20_000, 20_000), content_type="image/png")
    assert bomb.size < 20_000
    response = _post(login(digital_manager), company, bomb)
    assert response.status_code == 400
    assert "“bomba.png” ha troppi pixel: il limite è 40 milioni di pixel" in _text(response)
    assert media_files() == []


def test_a_picture_above_the_pixel_limit_but_below_pillows_own_is_refused(company, digital_manager):
    big = upload("grande.png", png_declaring(8000, 6000), content_type="image/png")
    with pytest.raises(ValidationError, match="troppi pixel"):
        content_image_upload(company=company, user=digital_manager, uploaded=big)


def test_a_file_above_the_size_limit_is_refused(login, company, digital_manager):
    heavy = upload("pesante.jpg", b"\xff\xd8\xff" + b"\x00" * ContentImage.MAX_BYTES)
    response = _post(login(digital_manager), company, heavy)
    assert response.status_code == 400
    assert "“pesante.jpg” è troppo grande (15,0 MB): il limite è 15 MB per immagine." in _text(response)
    assert not ContentImage.objects.exists()


def test_gps_and_other_metadata_are_stripped_and_the_orientation_applied(company, digital_manager):
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # the camera was turned: the picture must be rotated 90° clockwise
    exif[0x010F] = "Fotocamera"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (45.0, 33.0, 0.0), 3: "E", 4: (11.0, 32.0, 0.0)})
    source = picture(1600, 1200)
    data = encoded(source, "JPEG", exif=exif.tobytes(), comment=b"segreto")
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)

    image = content_image_upload(company=company, user=digital_manager, uploaded=upload("gita.jpg", data))

    with Image.open(image.file.path) as stored:
        assert stored.size == (1200, 1600)
        assert (image.width, image.height) == (1200, 1600)
        assert not stored.getexif()
        assert "exif" not in stored.info
        assert "comment" not in stored.info
    assert b"Fotocamera" not in image.file.open("rb").read()


def test_png_text_chunks_are_stripped_but_transparency_is_kept(company, digital_manager):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", "Mario Rossi, via Roma 1")
    logo = Image.new("RGBA", (300, 300), (0, 0, 0, 0))
    data = encoded(logo, "PNG", pnginfo=info)
    image = content_image_upload(company=company, user=digital_manager, uploaded=upload("logo.png", data))
    with Image.open(image.file.path) as stored:
        assert stored.mode == "RGBA"
        assert "Author" not in stored.info
    assert b"Mario Rossi" not in image.file.open("rb").read()


def test_a_webp_is_accepted(company, digital_manager):
    image = content_image_upload(
        company=company, user=digital_manager, uploaded=upload("foto.webp", encoded(picture(500, 400), "WEBP"))
    )
    assert image.content_type == "image/webp"


def test_an_animation_is_refused(company, digital_manager):
    frames = [Image.new("RGB", (100, 100), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:])
    with pytest.raises(ValidationError, match="animazione"):
        content_image_upload(company=company, user=digital_manager, uploaded=upload("gif.webp", out.getvalue()))


def test_a_phone_mpo_photo_is_stored_as_its_main_jpeg(company, digital_manager):
    out = io.BytesIO()
    Image.new("RGB", (640, 480), "red").save(out, "MPO", save_all=True, append_images=[Image.new("RGB", (64, 48))])
    image = content_image_upload(company=company, user=digital_manager, uploaded=upload("iphone.jpg", out.getvalue()))
    with Image.open(image.file.path) as stored:
        assert (stored.format, stored.size) == ("JPEG", (640, 480))


def test_several_files_at_once_keep_the_good_ones_and_name_the_bad_ones(login, company, digital_manager):
    client = login(digital_manager)
    response = _post(client, company, jpeg_upload("uno.jpg"), upload("nota.jpg", b"%PDF-1.4"), jpeg_upload("due.jpg"))
    assert response.status_code == 302
    assert response["Location"] == f"/c/{company.slug}/calendar/images/"
    assert sorted(ContentImage.objects.values_list("original_name", flat=True)) == ["due.jpg", "uno.jpg"]
    page = _text(client.get(response["Location"]))
    assert "2 immagini caricate." in page
    assert "“nota.jpg” non è un'immagine JPEG, PNG o WebP" in page


def test_at_most_ten_files_at_once(login, company, digital_manager):
    response = _post(login(digital_manager), company, *[jpeg_upload(f"{n}.jpg", 40, 30) for n in range(11)])
    assert response.status_code == 400
    assert "Carica al massimo 10 immagini alla volta." in _text(response)
    assert not ContentImage.objects.exists()


def test_no_file_chosen_says_so_and_keeps_the_description(login, company, digital_manager):
    response = login(digital_manager).post(_url(company), {"alt_text": "Il reparto verniciatura"})
    content = _text(response)
    assert response.status_code == 400
    assert "Scegli almeno un'immagine." in content
    assert 'value="Il reparto verniciatura"' in content


def test_an_image_can_be_attached_to_an_item_of_the_company(login, company, digital_manager):
    item = ContentItemFactory(company=company)
    response = _post(login(digital_manager), company, jpeg_upload(), query=f"?item={item.pk}", back="item")
    assert ContentImage.objects.get().item == item
    assert response.status_code == 302
    assert response["Location"].endswith("#images")


def test_an_item_of_another_company_is_refused(login, company, other_company, digital_manager, media_files):
    foreign = ContentItemFactory(company=other_company)
    response = _post(login(digital_manager), company, jpeg_upload(), query=f"?item={foreign.pk}")
    assert response.status_code == 400
    assert "Quel contenuto non esiste (più)." in _text(response)
    assert not ContentImage.objects.exists()
    assert media_files() == []


def test_the_upload_page_names_the_item(login, company, digital_manager):
    item = ContentItemFactory(company=company, title="Fiera MECSPE")
    response = login(digital_manager).get(_url(company) + f"?item={item.pk}")
    assert response.status_code == 200
    assert "Per “Fiera MECSPE”" in _text(response)


def test_a_colleague_cannot_upload(login, company, colleague):
    assert _post(login(colleague), company, jpeg_upload()).status_code == 403
    assert not ContentImage.objects.exists()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    prefix=st.sampled_from([b"", b"\xff\xd8\xff\xe0", b"\x89PNG\r\n\x1a\n", b"RIFF\x00\x00\x00\x00WEBPVP8 "]),
    body=st.binary(max_size=2048),
)
def test_any_bytes_are_either_a_picture_or_a_clear_refusal(prefix, body):
    outcome = "picture"
    try:
        image = open_upload(upload("x.jpg", prefix + body), "x.jpg")
    except ValidationError as error:
        outcome = error.code
    else:
        assert image.width * image.height <= ContentImage.MAX_PIXELS
    assert outcome in {"picture", "not_an_image", "empty", "too_many_pixels", "animated"}


def _mode_picture(mode):
    if mode == "P":
        image = Image.new("RGB", (500, 300), (200, 30, 30)).convert("P")
        image.info["transparency"] = 0
        return image
    if mode == "I;16":
        return Image.new("I;16", (500, 300), 30000)
    colour = {"L": 120, "LA": (120, 200), "CMYK": (0, 80, 80, 10), "RGBA": (20, 90, 200, 128)}.get(mode, (20, 90, 200))
    return Image.new(mode, (500, 300), colour)


@pytest.mark.parametrize(
    ("mode", "fmt"),
    [("RGB", "JPEG"), ("L", "JPEG"), ("CMYK", "JPEG"), ("P", "PNG"), ("LA", "PNG"), ("I;16", "PNG"), ("RGBA", "WEBP")],
)
def test_every_kind_of_picture_gets_a_thumbnail_and_every_variant(company, digital_manager, mode, fmt):
    from contentdesk.images.services import content_image_variant_create
    from contentdesk.models import IMAGE_SIZES

    data = encoded(_mode_picture(mode), fmt)
    image = content_image_upload(company=company, user=digital_manager, uploaded=upload(f"foto.{fmt.lower()}", data))
    with Image.open(image.thumbnail.path) as thumbnail:
        assert (thumbnail.format, thumbnail.size) == ("JPEG", (400, 240))
    for fmt_name, size in IMAGE_SIZES.items():
        variant = content_image_variant_create(image=image, user=digital_manager, format=fmt_name, overlay_text="Ciao")
        assert (variant.width, variant.height) == size


def test_control_characters_in_the_name_are_dropped(company, digital_manager):
    image = content_image_upload(
        company=company, user=digital_manager, uploaded=jpeg_upload("foto\r\nSet-Cookie: x.jpg")
    )
    assert image.original_name == "fotoSet-Cookie: x.jpg"


def test_a_truncated_jpeg_is_refused_even_after_the_report_pdf_module_is_loaded(company, digital_manager):
    # WeasyPrint switches Pillow to accept truncated images when it is imported.
    import reports.pdf  # noqa: F401

    data = encoded(picture(800, 600))
    with pytest.raises(ValidationError, match="non è un'immagine"):
        content_image_upload(
            company=company, user=digital_manager, uploaded=upload("rotta.jpg", data[: len(data) // 2])
        )
