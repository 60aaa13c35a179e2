"""The images panel on the item page, through the real page (contentdesk.items)."""

import pytest

from tests.contentdesk.factories import ContentImageFactory, ContentImageVariantFactory, ContentItemFactory


def _grow(item, count):
    for _ in range(count):
        image = ContentImageFactory(company=item.company, item=item)
        ContentImageVariantFactory(image=image)
        ContentImageVariantFactory(image=image, format="story")


def test_the_item_page_shows_its_images_and_the_upload_form(login, company, digital_manager):
    item = ContentItemFactory(company=company)
    image = ContentImageFactory(company=company, item=item, original_name="stand-fiera.jpg")
    content = login(digital_manager).get(f"/c/{company.slug}/calendar/items/{item.pk}/").content.decode()
    assert 'id="images"' in content
    assert "stand-fiera.jpg" in content
    assert f"/calendar/images/{image.pk}/file/?size=thumbnail" in content
    assert f"/calendar/images/upload/?item={item.pk}" in content


@pytest.mark.parametrize("count", [2, 20])
def test_the_item_page_query_count_does_not_grow_with_images_and_variants(
    login, company, digital_manager, django_assert_max_num_queries, count
):
    item = ContentItemFactory(company=company)
    _grow(item, count)
    client = login(digital_manager)
    client.get(f"/c/{company.slug}/")
    # The item page's own budget (tests/contentdesk/items/test_item_page.py), in which the
    # images panel costs two: the item's images, then their variants; a draft also asks whether
    # the viewer is a trainee (supervised mode).
    with django_assert_max_num_queries(13):
        assert client.get(f"/c/{company.slug}/calendar/items/{item.pk}/").status_code == 200
