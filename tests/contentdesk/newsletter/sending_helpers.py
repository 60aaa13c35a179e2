"""Rows of the sending tests: a scheduled newsletter item with its list, ready to leave."""

from datetime import timedelta

from django.utils import timezone

from contentdesk.models import ChannelKind, ContentChannel, ContentItem
from contentdesk.newsletter.sending import newsletter_send_prepare
from tests.contentdesk.factories import ContentChannelFactory, ContentItemFactory

BODY = (
    "Ciao! Le **novità** di marzo.\n\n"
    "Leggi [il nostro articolo](https://www.example.it/blog/marzo) e "
    "[il catalogo](https://www.example.it/catalogo?lang=it).\n\n"
    "Scrivici a [info](mailto:info@example.it). Di nuovo [l'articolo](https://www.example.it/blog/marzo)."
)


def newsletter_item(company, *, status=ContentItem.Status.SCHEDULED, due=True, body=BODY, **fields):
    channel = ContentChannel.objects.filter(company=company, kind=ChannelKind.NEWSLETTER).first()
    channel = channel or ContentChannelFactory(company=company, kind=ChannelKind.NEWSLETTER, name="Newsletter")
    at = timezone.now() + (timedelta(minutes=-1) if due else timedelta(days=1))
    return ContentItemFactory(
        company=company, channel=channel, title="Novità di marzo", body=body, status=status, scheduled_at=at, **fields
    )


def scheduled_send(company, newsletter_list, *, segment=None, **item_fields):
    item = newsletter_item(company, **item_fields)
    return newsletter_send_prepare(item=item, newsletter_list=newsletter_list, segment=segment)
