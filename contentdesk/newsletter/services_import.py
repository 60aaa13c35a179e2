"""Applying a checked subscribers file: contacts matched by address, subscriptions with consent.

All in one transaction, in a fixed number of queries whatever the size of the file. Existing
contacts are found by address in any case and completed (a value in the file replaces the
stored one, an empty cell never does); new ones are created. Each person is subscribed with
the consent the file records, except those who left the list (unsubscribed, bounced,
complained): a file cannot bring them back, only their own confirmed request can.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from contentdesk.models import NewsletterList, Subscription, SubscriptionEvent
from contentdesk.newsletter.csv_import import SubscriberRow
from contentdesk.newsletter.services import consent_require, contacts_sync_marketing_consent
from inbox.models import Contact

S = Subscription.Status
CONTACT_FIELDS = ("name", "organisation", "language", "kind")
SUBSCRIBED_FIELDS = ["status", "method", "consent_given_at", "consent_text", "consent_source", "status_changed_at"]


@dataclass
class ImportResult:
    contacts_created: int = 0
    contacts_updated: int = 0
    subscribed: int = 0
    already_subscribed: int = 0
    left: list[tuple[SubscriberRow, Subscription]] = field(default_factory=list)  # not re-subscribed


@transaction.atomic
def subscribers_import(
    *, newsletter_list: NewsletterList, rows: list[SubscriberRow], consent_text: str, user, file_name: str
) -> ImportResult:
    company = newsletter_list.company
    now = timezone.now()
    consents = {
        row.email: consent_require(
            {"given_at": row.consent_given_at or now, "text": consent_text, "source": row.consent_source}
        )
        for row in rows
    }
    result = ImportResult()
    contacts = _contacts(company, rows, result)
    existing = {
        s.contact_id: s
        for s in Subscription.objects.select_for_update().filter(
            newsletter_list=newsletter_list, contact_id__in=[c.pk for c in contacts.values()]
        )
    }
    new, promoted, events = [], [], []
    detail = file_name[:200]
    for row in rows:
        contact, consent = contacts[row.email], consents[row.email]
        values = {
            "status": S.SUBSCRIBED,
            "method": Subscription.Method.IMPORT,
            "consent_given_at": consent["given_at"],
            "consent_text": consent["text"],
            "consent_source": consent["source"],
            "status_changed_at": now,
        }
        subscription = existing.get(contact.pk)
        if subscription is None:
            subscription = Subscription(
                company=company, newsletter_list=newsletter_list, contact=contact, language=row.language, **values
            )
            new.append(subscription)
        elif subscription.status == S.PENDING:
            for name, value in values.items():
                setattr(subscription, name, value)
            promoted.append(subscription)
        elif subscription.status == S.SUBSCRIBED:
            result.already_subscribed += 1
            continue
        else:
            result.left.append((row, subscription))
            continue
        events.append((subscription, consent))
    Subscription.objects.bulk_create(new)
    Subscription.objects.bulk_update(promoted, SUBSCRIBED_FIELDS)
    if new and new[0].pk is None:  # databases that do not return ids from bulk inserts
        ids = dict(
            Subscription.objects.filter(
                newsletter_list=newsletter_list, contact__in=[s.contact for s in new]
            ).values_list("contact_id", "pk")
        )
        for subscription in new:
            subscription.pk = ids[subscription.contact_id]
    SubscriptionEvent.objects.bulk_create(
        SubscriptionEvent(
            subscription=subscription,
            kind=SubscriptionEvent.Kind.IMPORTED,
            at=now,
            detail=f"{detail} · {consent['source']}"[:200],
            consent_text=consent["text"],
            by=user,
        )
        for subscription, consent in events
    )
    result.subscribed = len(events)
    contacts_sync_marketing_consent([s.contact_id for s, _consent in events])
    return result


def _contacts(company, rows: list[SubscriberRow], result: ImportResult) -> dict[str, Contact]:
    """The company's contacts for these rows by address, created or completed (two to four queries)."""
    emails = [row.email for row in rows]
    found = {
        contact.email_lower: contact
        for contact in Contact.objects.for_company(company)
        .select_for_update()
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .exclude(email="")
    }
    to_create, to_update, changed_fields = [], [], set()
    for row in rows:
        contact = found.get(row.email)
        values = {name: getattr(row, name) for name in CONTACT_FIELDS}
        if contact is None:
            contact = Contact(company=company, email=row.email, **{k: v for k, v in values.items() if v})
            to_create.append(contact)
            found[row.email] = contact
            continue
        changed = [name for name, value in values.items() if value and getattr(contact, name) != value]
        if changed:
            for name in changed:
                setattr(contact, name, values[name])
            changed_fields.update(changed)
            to_update.append(contact)
    Contact.objects.bulk_create(to_create)
    if to_update:
        for contact in to_update:
            contact.updated_at = timezone.now()
        Contact.objects.bulk_update(to_update, [*sorted(changed_fields), "updated_at"])
    if to_create and to_create[0].pk is None:
        saved = dict(
            Contact.objects.for_company(company)
            .filter(email__in=[c.email for c in to_create])
            .values_list("email", "pk")
        )
        for contact in to_create:
            contact.pk = saved[contact.email]
    result.contacts_created, result.contacts_updated = len(to_create), len(to_update)
    return {row.email: found[row.email] for row in rows}
