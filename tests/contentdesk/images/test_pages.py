"""The library, the image page, variants and deletion, by role and by company."""

import html
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from contentdesk.images.services import content_image_upload
from contentdesk.models import ContentImage, ContentImageVariant, ImageFormat
from tests.contentdesk.factories import ContentImageFactory, ContentImageVariantFactory, ContentItemFactory

from .conftest import jpeg_upload


def _text(response) -> str:
    """The page as the user reads it (apostrophes are escaped in the HTML)."""
    return html.unescape(response.content.decode())


def _library(company):
    return f"/c/{company.slug}/calendar/images/"


def _page(company, image):
    return f"/c/{company.slug}/calendar/images/{image.pk}/"


def _stored(company, user, **kwargs):
    return content_image_upload(company=company, user=user, uploaded=jpeg_upload(**kwargs))


# -- the library ------------------------------------------------------------------------------


def test_the_library_shows_the_companys_images_as_thumbnails(login, company, other_company, digital_manager):
    item = ContentItemFactory(company=company, title="Fiera MECSPE")
    mine = ContentImageFactory(company=company, item=item, original_name="reparto.jpg")
    ContentImageVariantFactory(image=mine)
    ContentImageFactory(company=other_company, original_name="altrui.jpg")
    content = login(digital_manager).get(_library(company)).content.decode()
    assert "reparto.jpg" in content
    assert "altrui.jpg" not in content
    assert f"/c/{company.slug}/calendar/images/{mine.pk}/file/?size=thumbnail" in content
    assert "Fiera MECSPE" in content
    assert "1 variante" in content


def test_the_library_offers_the_upload_form_only_to_who_may_write(login, company, digital_manager, colleague):
    assert 'enctype="multipart/form-data"' in login(digital_manager).get(_library(company)).content.decode()
    response = login(colleague).get(_library(company))
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' not in _text(response)


def test_the_library_is_paginated(login, company, owner):
    for _ in range(25):
        ContentImageFactory(company=company)
    client = login(owner)
    assert client.get(_library(company)).content.decode().count("?size=thumbnail") == 24
    assert client.get(_library(company) + "?page=2").content.decode().count("?size=thumbnail") == 1


@pytest.mark.parametrize("count", [3, 30])
def test_the_library_query_count_does_not_grow_with_the_images(
    login, company, digital_manager, django_assert_max_num_queries, count
):
    item = ContentItemFactory(company=company)
    for _ in range(count):
        ContentImageVariantFactory(image=ContentImageFactory(company=company, item=item))
    client = login(digital_manager)
    # session, user, membership+company, the paginator's count, one page of images with their
    # item and number of variants, switcher memberships, session update (last company) in its
    # savepoint and release
    with django_assert_max_num_queries(9):
        assert client.get(_library(company)).status_code == 200


# -- the image page ---------------------------------------------------------------------------


def test_the_image_page_shows_the_original_and_its_variants(login, company, digital_manager):
    item = ContentItemFactory(company=company, title="Fiera MECSPE")
    image = ContentImageFactory(company=company, item=item, alt_text="Il reparto verniciatura")
    variant = ContentImageVariantFactory(image=image, overlay_text="Vieni a trovarci")
    content = login(digital_manager).get(_page(company, image)).content.decode()
    assert "640 × 480 pixel" in content
    assert '<dd class="col-7">JPEG</dd>' in content
    assert "Il reparto verniciatura" in content
    assert "Fiera MECSPE" in content
    assert "1200 × 630 pixel" in content
    assert "“Vieni a trovarci”" in content
    assert f"/images/{image.pk}/variants/{variant.pk}/file/" in content
    assert "Nuova variante" in content


@pytest.mark.parametrize("count", [2, 20])
def test_the_image_page_query_count_does_not_grow_with_the_variants(
    login, company, digital_manager, django_assert_max_num_queries, count
):
    image = ContentImageFactory(company=company, item=ContentItemFactory(company=company))
    for _ in range(count):
        ContentImageVariantFactory(image=image)
    client = login(digital_manager)
    # session, user, membership+company, the image with its item and uploader, its variants
    # with who made them, switcher memberships, session update (last company) in its savepoint
    # and release
    with django_assert_max_num_queries(9):
        assert client.get(_page(company, image)).status_code == 200


def test_a_colleague_sees_the_image_page_without_the_forms(login, company, colleague):
    image = ContentImageFactory(company=company)
    content = login(colleague).get(_page(company, image)).content.decode()
    assert "Nuova variante" not in content
    assert "/delete/" not in content


def test_another_companys_image_answers_404(login, company, other_company, digital_manager):
    foreign = ContentImageFactory(company=other_company)
    client = login(digital_manager)
    assert client.get(_page(company, foreign)).status_code == 404
    assert client.post(_page(company, foreign) + "variants/", {"format": "square"}).status_code == 404
    assert client.post(_page(company, foreign) + "delete/").status_code == 404
    assert ContentImage.objects.filter(pk=foreign.pk).exists()


def test_an_outsider_gets_404_on_the_image_its_file_and_its_variant(login, company, outsider):
    image = ContentImageFactory(company=company)
    variant = ContentImageVariantFactory(image=image)
    client = login(outsider)
    for path in ("", "file/", "file/?size=thumbnail", f"variants/{variant.pk}/file/", f"variants/{variant.pk}/delete/"):
        assert client.get(_page(company, image) + path).status_code == 404, path


def test_a_colleague_gets_403_on_upload_variant_and_delete(login, company, colleague):
    image = ContentImageFactory(company=company)
    variant = ContentImageVariantFactory(image=image)
    client = login(colleague)
    upload_url = f"/c/{company.slug}/calendar/images/upload/"
    assert client.post(upload_url, {"files": [jpeg_upload()]}).status_code == 403
    assert client.post(_page(company, image) + "variants/", {"format": "square"}).status_code == 403
    assert client.post(_page(company, image) + "delete/").status_code == 403
    assert client.post(_page(company, image) + f"variants/{variant.pk}/delete/").status_code == 403
    assert ContentImage.objects.count() == 1
    assert ContentImageVariant.objects.count() == 1


# -- variants ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(ImageFormat))
def test_making_a_variant_stores_it_at_the_exact_size(login, company, digital_manager, fmt):
    image = _stored(company, digital_manager, width=1600, height=1200)
    response = login(digital_manager).post(
        _page(company, image) + "variants/", {"format": fmt, "focus": "centre", "overlay_text": "In fiera"}
    )
    variant = ContentImageVariant.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{_page(company, image)}#variant-{variant.pk}"
    assert (variant.format, variant.overlay_text, variant.created_by) == (fmt, "In fiera", digital_manager)
    assert (variant.width, variant.height) == {
        "landscape": (1200, 630),
        "square": (1080, 1080),
        "portrait": (1080, 1350),
        "story": (1080, 1920),
    }[fmt]
    assert variant.company == company
    assert variant.thumbnail


def test_a_variant_with_a_bad_format_says_so(login, company, digital_manager):
    image = _stored(company, digital_manager)
    response = login(digital_manager).post(
        _page(company, image) + "variants/", {"format": "banner", "focus": "centre", "overlay_text": "Ciao"}
    )
    assert response.status_code == 400
    content = _text(response)
    assert "La variante non è stata creata: correggi i campi evidenziati qui sotto." in content
    assert 'value="Ciao"' in content
    assert not ContentImageVariant.objects.exists()


def test_a_variant_of_an_image_whose_file_vanished_says_so(login, company, digital_manager):
    image = _stored(company, digital_manager)
    Path(image.file.path).unlink()
    response = login(digital_manager).post(_page(company, image) + "variants/", {"format": "square", "focus": "top"})
    assert response.status_code == 400
    assert "Il file originale di questa immagine non c'è più: caricala di nuovo." in _text(response)


# -- deletion ---------------------------------------------------------------------------------


def _files(root):
    return sorted(p for p in Path(root).rglob("*") if p.is_file())


def test_deleting_an_image_removes_its_variants_and_every_file(
    login, company, digital_manager, django_capture_on_commit_callbacks
):
    image = _stored(company, digital_manager)
    client = login(digital_manager)
    client.post(_page(company, image) + "variants/", {"format": "square", "focus": "centre"})
    assert len(_files(django_settings.MEDIA_ROOT)) == 4
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_page(company, image) + "delete/")
    assert response.status_code == 302
    assert response["Location"] == _library(company)
    assert not ContentImage.objects.exists()
    assert not ContentImageVariant.objects.exists()
    assert _files(django_settings.MEDIA_ROOT) == []


def test_deleting_a_variant_keeps_the_image(login, company, digital_manager, django_capture_on_commit_callbacks):
    image = _stored(company, digital_manager)
    client = login(digital_manager)
    client.post(_page(company, image) + "variants/", {"format": "story", "focus": "centre"})
    variant = ContentImageVariant.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_page(company, image) + f"variants/{variant.pk}/delete/")
    assert response.status_code == 302
    assert ContentImage.objects.filter(pk=image.pk).exists()
    assert not ContentImageVariant.objects.exists()
    assert len(_files(django_settings.MEDIA_ROOT)) == 2


def test_a_variant_is_deleted_only_through_its_own_image(login, company, digital_manager):
    variant = ContentImageVariantFactory(image=ContentImageFactory(company=company))
    other = ContentImageFactory(company=company)
    response = login(digital_manager).post(_page(company, other) + f"variants/{variant.pk}/delete/")
    assert response.status_code == 404
    assert ContentImageVariant.objects.filter(pk=variant.pk).exists()
