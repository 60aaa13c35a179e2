"""Tracked links: the item's UTM parameters added to the page it links to."""

from contentdesk.models import ChannelKind
from contentdesk.publishing.utm import item_tracked_url, item_utm_params, tracked_url
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory


def test_the_link_carries_source_medium_campaign_and_the_items_code(company, linkedin):
    item = ContentItemFactory(company=company, channel=linkedin, tag="Fiera MECSPE 2025")
    url = item_tracked_url(item, "https://www.officine-test.example/valvole/")
    assert url == (
        "https://www.officine-test.example/valvole/?utm_source=linkedin&utm_medium=social"
        f"&utm_campaign=fiera-mecspe-2025&utm_content=sf-{item.pk}"
    )


def test_without_a_tag_the_campaign_is_staffetta(company):
    newsletter = ContentChannelFactory(company=company, kind=ChannelKind.NEWSLETTER, name="Newsletter")
    item = ContentItemFactory(company=company, channel=newsletter, tag="")
    assert item_utm_params(item) == {
        "utm_source": "newsletter",
        "utm_medium": "email",
        "utm_campaign": "staffetta",
        "utm_content": f"sf-{item.pk}",
    }


def test_existing_query_parameters_and_fragment_are_kept():
    url = tracked_url("https://shop.example/p?id=7&lang=it#specs", {"utm_source": "facebook"})
    assert url == "https://shop.example/p?id=7&lang=it&utm_source=facebook#specs"


def test_utm_parameters_already_in_the_address_are_replaced_not_doubled():
    url = tracked_url(
        "https://shop.example/?UTM_SOURCE=google&utm_content=old&x=1", {"utm_source": "linkedin", "utm_content": "sf-9"}
    )
    assert url == "https://shop.example/?x=1&utm_source=linkedin&utm_content=sf-9"


def test_a_bare_domain_gets_a_path():
    assert tracked_url("https://www.example.it", {"utm_content": "sf-1"}) == "https://www.example.it/?utm_content=sf-1"


def test_special_characters_are_encoded():
    url = tracked_url("https://www.example.it/cerca?q=valvole a sfera", {"utm_campaign": "è-nuovo"})
    assert url == "https://www.example.it/cerca?q=valvole+a+sfera&utm_campaign=%C3%A8-nuovo"
