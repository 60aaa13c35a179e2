"""Files are served by a view that checks the company and the role, never by a public URL."""

from django.conf import settings as django_settings
from django.urls import reverse

from tests.contentdesk.factories import ContentImageFactory, ContentImageVariantFactory


def _url(company, image, variant=None):
    kwargs = {"company_slug": company.slug, "image_id": image.pk}
    if variant is not None:
        kwargs["variant_id"] = variant.pk
    return reverse("content_image_file", kwargs=kwargs)


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_original_is_a_download_with_its_type_and_nosniff(login, company, colleague):
    image = ContentImageFactory(company=company, original_name="reparto verniciatura.JPG")
    response = login(colleague).get(_url(company, image))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="reparto verniciatura.jpg"' in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert _body(response) == image.file.open("rb").read()


def test_a_thumbnail_is_shown_inline(login, company, digital_manager):
    image = ContentImageFactory(company=company)
    response = login(digital_manager).get(_url(company, image) + "?size=thumbnail")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"].startswith("inline;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"].startswith("private")
    assert _body(response) == image.thumbnail.open("rb").read()


def test_a_variant_downloads_under_a_name_that_says_its_format(login, company, owner):
    image = ContentImageFactory(company=company, original_name="reparto.jpg")
    variant = ContentImageVariantFactory(image=image)
    response = login(owner).get(_url(company, image, variant))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="reparto-landscape-1200x630.jpg"' in response["Content-Disposition"]
    assert _body(response) == variant.file.open("rb").read()
    thumbnail = login(owner).get(_url(company, image, variant) + "?size=thumbnail")
    assert thumbnail["Content-Disposition"].startswith("inline;")


def test_a_variant_answers_only_under_its_own_image(login, company, owner):
    variant = ContentImageVariantFactory(image=ContentImageFactory(company=company))
    other = ContentImageFactory(company=company)
    assert login(owner).get(_url(company, other, variant)).status_code == 404


def test_another_companys_files_answer_404(login, company, other_company, owner):
    foreign = ContentImageFactory(company=other_company)
    variant = ContentImageVariantFactory(image=foreign)
    client = login(owner)
    assert client.get(_url(company, foreign)).status_code == 404
    assert client.get(_url(company, foreign, variant)).status_code == 404
    assert client.get(_url(company, foreign) + "?size=thumbnail").status_code == 404


def test_a_missing_file_answers_404(login, company, owner):
    image = ContentImageFactory(company=company)
    image.file.delete(save=False)
    assert login(owner).get(_url(company, image)).status_code == 404


def test_files_are_not_under_a_public_url(login, company, owner):
    image = ContentImageFactory(company=company)
    assert not getattr(django_settings, "MEDIA_URL", "").strip("/")
    assert not image.file.path.startswith(str(django_settings.STATIC_ROOT))
    client = login(owner)
    for prefix in ("/media/", "/static/", "/"):
        assert client.get(prefix + image.file.name).status_code == 404
    assert _url(company, image).startswith(f"/c/{company.slug}/")
