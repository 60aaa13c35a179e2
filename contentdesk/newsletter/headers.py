"""The headers and addresses that let a recipient leave a list from their mail client.

RFC 2369 `List-Unsubscribe` with an https address and a mailto address, and RFC 8058
`List-Unsubscribe-Post: List-Unsubscribe=One-Click`: the mail client POSTs
``List-Unsubscribe=One-Click`` to the https address, which unsubscribes without any page
(see views_public.one_click). Gmail and Yahoo require both of bulk senders since 2024.
The mailto address ``unsubscribe+<token>@INBOUND_EMAIL_DOMAIN`` carries the same token; the
email intake hands such a message to `mailto_unsubscribe_token` and
`services.subscription_unsubscribe_by_token`.
"""

import re

from django.conf import settings
from django.urls import reverse

from contentdesk.newsletter.tokens import unsubscribe_token
from inbox.mail.compose import inbound_domain

MAILTO_PREFIX = "unsubscribe+"
MAILTO_PATTERN = re.compile(r"^unsubscribe\+([0-9a-z]+-[0-9a-z]+-[0-9a-f]{32})@", re.IGNORECASE)


def unsubscribe_page_url(subscription_id: int, delivery_id: int | None = None) -> str:
    """The page with the one button, for the link at the bottom of every newsletter."""
    token = unsubscribe_token(subscription_id, delivery_id)
    return settings.SITE_URL + reverse("newsletter_unsubscribe", kwargs={"token": token})


def one_click_url(subscription_id: int, delivery_id: int | None = None) -> str:
    token = unsubscribe_token(subscription_id, delivery_id)
    return settings.SITE_URL + reverse("newsletter_one_click", kwargs={"token": token})


def unsubscribe_mailto(subscription_id: int, delivery_id: int | None = None) -> str:
    token = unsubscribe_token(subscription_id, delivery_id)
    return f"mailto:{MAILTO_PREFIX}{token}@{inbound_domain()}?subject=unsubscribe"


def mailto_unsubscribe_token(address: str) -> str | None:
    """The token of an ``unsubscribe+<token>@…`` recipient address, or None."""
    match = MAILTO_PATTERN.match((address or "").strip())
    return match.group(1).lower() if match else None


def list_id(newsletter_list) -> str:
    """RFC 2919 List-Id: the list's name and a stable identifier under our mail domain."""
    name = " ".join(newsletter_list.name.replace('"', "'").split())[:80]
    return f'"{name}" <list-{newsletter_list.pk}.{newsletter_list.company.slug}.{inbound_domain()}>'


def list_unsubscribe_headers(subscription_id: int, delivery_id: int | None = None) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{one_click_url(subscription_id, delivery_id)}>, "
        f"<{unsubscribe_mailto(subscription_id, delivery_id)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def newsletter_headers(subscription, delivery=None) -> dict[str, str]:
    """Every list header of one newsletter email to one recipient (pass `extra_headers=`)."""
    return {
        "List-Id": list_id(subscription.newsletter_list),
        **list_unsubscribe_headers(subscription.pk, delivery.pk if delivery is not None else None),
        # Not a standard, but what out-of-office responders look at to stay silent.
        "Precedence": "bulk",
    }
