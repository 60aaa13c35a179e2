"""Write services of publishing: the calendar feeds' secret addresses and imported results."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from contentdesk.models import CalendarFeed, ContentItem, new_feed_token
from contentdesk.services import content_results_set

RESULT_FIELDS = ("reach", "clicks", "enquiries")


def calendar_feed_ensure(*, company, user=None) -> CalendarFeed:
    """The feed of `user` in `company` (of the whole company when `user` is None), created once."""
    feeds = CalendarFeed.objects.for_company(company)
    feed = feeds.filter(user=user).first()
    if feed is not None:
        return feed
    try:
        with transaction.atomic():
            return CalendarFeed.objects.create(company=company, user=user)
    except IntegrityError:
        # Created by a request that ran at the same moment (the unique constraints hold).
        return feeds.get(user=user)


@transaction.atomic
def calendar_feed_rotate(*, feed: CalendarFeed) -> CalendarFeed:
    """A new secret address: calendars subscribed to the old one stop receiving it at once."""
    feed.token = new_feed_token()
    feed.rotated_at = timezone.now()
    feed.save(update_fields=["token", "rotated_at"])
    return feed


@transaction.atomic
def content_results_import(*, company, user, rows: list[dict], source: str = "") -> tuple[int, int]:
    """Apply validated rows ({"item_id", and some of reach/clicks/enquiries}) all together.

    Columns missing from the file keep the values already recorded. Items whose results do
    not change are left alone (importing the same file twice records nothing the second time).
    Returns (updated, unchanged).
    """
    ids = [row["item_id"] for row in rows]
    items = {
        item.pk: item
        for item in ContentItem.objects.for_company(company)
        .select_for_update()
        .filter(pk__in=ids, status=ContentItem.Status.PUBLISHED)
    }
    if len(items) != len(set(ids)):
        # Validated a moment ago: an item was deleted or unpublished since. Nothing is applied.
        raise ContentItem.DoesNotExist("An item of the file is no longer a published item of the company.")
    updated = 0
    for row in rows:
        item = items[row["item_id"]]
        values = {name: row.get(name, getattr(item, name)) for name in RESULT_FIELDS}
        if all(values[name] == getattr(item, name) for name in RESULT_FIELDS):
            continue
        content_results_set(item=item, user=user, note=source, **values)
        updated += 1
    return updated, len(rows) - updated
