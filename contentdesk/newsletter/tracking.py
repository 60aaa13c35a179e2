"""Clicks on a newsletter's tracked links: one row per recipient and link, with the total."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from contentdesk.models import Delivery, NewsletterClick
from contentdesk.newsletter.compose import newsletter_links, read_click_token, with_utm
from contentdesk.newsletter.tokens import BadToken


def click_target(token: str) -> tuple[Delivery, int, str] | None:
    """(delivery, link index, the newsletter's own link) for a genuine token, else None.

    The token names a position in the item's own links, never an address: whatever else the
    request carries, only a link written in the newsletter can come out of it.
    """
    try:
        delivery_id, link_index = read_click_token(token)
    except BadToken:
        return None
    delivery = Delivery.objects.select_related("send__item__company").filter(pk=delivery_id).first()
    if delivery is None:
        return None
    links = newsletter_links(delivery.send.item)
    if link_index >= len(links):
        return None
    return delivery, link_index, links[link_index]


def newsletter_click_record(*, delivery: Delivery, link_index: int, url: str, now=None) -> None:
    now = now or timezone.now()
    rows = NewsletterClick.objects.filter(delivery=delivery, link_index=link_index)
    if rows.update(count=F("count") + 1, last_at=now):
        return
    try:
        with transaction.atomic():
            NewsletterClick.objects.create(
                company_id=delivery.company_id,
                delivery=delivery,
                link_index=link_index,
                url=url,
                first_at=now,
                last_at=now,
            )
    except IntegrityError:  # the same person clicked twice at once: the other request created it
        rows.update(count=F("count") + 1, last_at=now)


def redirect_url(delivery: Delivery, url: str) -> str:
    return with_utm(url, delivery.send.item)
