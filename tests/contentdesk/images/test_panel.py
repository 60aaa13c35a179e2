"""The images panel on the item page: thumbnails, variants, and the upload form."""

from django.template.loader import render_to_string
from django.test import RequestFactory

from contentdesk.images.panel import item_images_context
from engagements.models import Membership
from tests.contentdesk.factories import ContentImageFactory, ContentImageVariantFactory, ContentItemFactory


def _render(item, user):
    membership = Membership.objects.select_related("company").get(user=user, company=item.company)
    context = item_images_context(item, membership)
    request = RequestFactory().get("/")
    request.user = user
    return render_to_string(
        "contentdesk/images/_item_images.html",
        {**context, "current_company": item.company, "membership": membership},
        request=request,
    )


def test_the_panel_shows_the_items_images_with_their_variants(company, digital_manager):
    item = ContentItemFactory(company=company)
    image = ContentImageFactory(company=company, item=item, original_name="stand.jpg")
    variant = ContentImageVariantFactory(image=image, format="story")
    ContentImageFactory(company=company, original_name="altro.jpg")
    html = _render(item, digital_manager)
    assert "stand.jpg" in html
    assert "altro.jpg" not in html
    assert f"/images/{image.pk}/variants/{variant.pk}/file/" in html
    assert "1200×630" in html
    assert f"images/upload/?item={item.pk}" in html
    assert f'name="item" value="{item.pk}"' in html


def test_the_panel_has_no_upload_form_for_a_colleague(company, colleague):
    item = ContentItemFactory(company=company)
    html = _render(item, colleague)
    assert "images/upload/" not in html
    assert "Nessuna immagine per questo contenuto." in html


def test_the_panel_costs_two_queries_however_many_images(company, digital_manager, django_assert_num_queries):
    item = ContentItemFactory(company=company)
    for _ in range(10):
        image = ContentImageFactory(company=company, item=item)
        ContentImageVariantFactory(image=image)
        ContentImageVariantFactory(image=image, format="square")
    membership = Membership.objects.select_related("company").get(user=digital_manager, company=company)
    # the item's images; their variants (prefetched).
    with django_assert_num_queries(2):
        context = item_images_context(item, membership)
        render_to_string(
            "contentdesk/images/_item_images.html",
            {**context, "current_company": company, "membership": membership},
        )
