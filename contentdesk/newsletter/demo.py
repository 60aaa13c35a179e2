"""Demo newsletter list (called by `seed_demo` after `seed_demo_content`).

Officine Berica: the list “Clienti e prospect” with about forty people drawn from the inbox
demo's contacts, who agreed on the website's form (confirmed by email) or on the paper form
at the MECSPE stand (imported); a few still waiting for the confirmation, a few who
unsubscribed, one address that bounced; three segments. Nothing is written when the company
already has the list, so running the seed again changes nothing; a company without contacts
gets nothing. No email is sent.
"""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone, translation

from contentdesk.models import NewsletterList, NewsletterSegment, Subscription, SubscriptionEvent
from contentdesk.newsletter.forms import subscribe_consent_text
from contentdesk.newsletter.services import contacts_sync_marketing_consent
from inbox.models import Contact, Tag

LIST_NAME = "Clienti e prospect"
DESCRIPTION = (
    "Una volta al mese: novità di prodotto, casi applicativi dalle officine dei clienti, le fiere dove trovarci. "
    "Niente pubblicità a raffica."
)
FAIR_SOURCE = "Modulo fiera MECSPE 2025 (stand Officine Berica)"
FAIR_TEXT = (
    "Desidero ricevere via email la newsletter di Officine Berica (novità di prodotto ed eventi). "
    "Posso cancellarmi in qualsiasi momento."
)
WEBSITE_FORM = "https://www.officine-berica.example/newsletter/"
SUBSCRIBED, PENDING, UNSUBSCRIBED, BOUNCED = 40, 3, 3, 1
SEGMENTS = [
    # name, contact kind, language, tag names
    ("Clienti", Contact.Kind.CUSTOMER, "", []),
    ("Prospect esteri", Contact.Kind.PROSPECT, "en", []),
    ("Chi ha chiesto un preventivo", "", "", ["preventivo"]),
]

S = Subscription.Status
E = SubscriptionEvent.Kind


@transaction.atomic
def seed_demo_newsletter(company, *, now=None) -> int:
    """The demo list of `company`; the number of subscriptions written (0 if it exists)."""
    if NewsletterList.objects.for_company(company).filter(name=LIST_NAME).exists():
        return 0
    now = now or timezone.now()
    rng = random.Random(f"newsletter-demo-{company.slug}")
    contacts = list(Contact.objects.for_company(company).exclude(email="").exclude(name="").order_by("email"))
    rng.shuffle(contacts)
    wanted = SUBSCRIBED + PENDING + UNSUBSCRIBED + BOUNCED
    contacts = contacts[:wanted]
    if not contacts:
        return 0  # no inbox demo here: a list would only be empty
    newsletter_list = NewsletterList.objects.create(
        company=company,
        name=LIST_NAME,
        description=DESCRIPTION,
        allowed_origins=f"https://www.{company.slug}.example",
        created_at=now - timedelta(days=120),
    )
    statuses = [S.SUBSCRIBED] * SUBSCRIBED + [S.PENDING] * PENDING + [S.UNSUBSCRIBED] * UNSUBSCRIBED
    statuses += [S.BOUNCED] * BOUNCED
    plans = []
    for contact, status in zip(contacts, statuses, strict=False):
        plans.append(_plan(newsletter_list, contact, status, rng, now))
    Subscription.objects.bulk_create([subscription for subscription, _events in plans])
    SubscriptionEvent.objects.bulk_create(
        SubscriptionEvent(subscription=subscription, **event) for subscription, events in plans for event in events
    )
    contacts_sync_marketing_consent([contact.pk for contact in contacts])
    _segments(newsletter_list)
    return len(plans)


def _plan(newsletter_list, contact, status, rng, now):
    language = "en" if (contact.language or "").startswith("en") else "it"
    by_form = status == S.PENDING or rng.random() < 0.55
    asked = now - timedelta(days=rng.randint(3, 115), hours=rng.randint(0, 9), minutes=rng.randint(0, 59))
    if status == S.PENDING:
        asked = now - timedelta(hours=rng.randint(2, 60))
    ip = f"93.{rng.randint(32, 63)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"
    events = []
    if by_form:
        with translation.override(language):
            text = subscribe_consent_text(newsletter_list)
        source = f"Modulo di iscrizione · {WEBSITE_FORM}"
        confirmed = asked + timedelta(minutes=rng.randint(2, 240))
        subscription = Subscription(
            company=newsletter_list.company,
            newsletter_list=newsletter_list,
            contact=contact,
            method=Subscription.Method.FORM,
            language=language,
            consent_text=text,
            consent_source=source,
            requested_at=asked,
            request_ip=ip,
            confirmation_sent_at=asked + timedelta(seconds=20),
            created_at=asked,
        )
        events.append({"kind": E.REQUESTED, "at": asked, "ip": ip, "detail": source, "consent_text": text})
        if status != S.PENDING:
            subscription.consent_given_at, subscription.consent_ip = confirmed, ip
            events.append({"kind": E.CONFIRMED, "at": confirmed, "ip": ip, "detail": source, "consent_text": text})
        changed = confirmed if status != S.PENDING else asked
    else:
        signed = (now - timedelta(days=rng.randint(130, 140))).replace(hour=12, minute=0, second=0, microsecond=0)
        subscription = Subscription(
            company=newsletter_list.company,
            newsletter_list=newsletter_list,
            contact=contact,
            method=Subscription.Method.IMPORT,
            language=language,
            consent_text=FAIR_TEXT,
            consent_source=FAIR_SOURCE,
            consent_given_at=signed,
            created_at=asked,
        )
        events.append(
            {"kind": E.IMPORTED, "at": asked, "detail": f"mecspe-2025.csv · {FAIR_SOURCE}", "consent_text": FAIR_TEXT}
        )
        changed = asked
    if status == S.UNSUBSCRIBED:
        changed = changed + timedelta(days=rng.randint(5, 40))
        changed = min(changed, now - timedelta(hours=3))
        events.append({"kind": E.UNSUBSCRIBED, "at": changed, "ip": ip, "detail": "One-Click (RFC 8058)"})
    elif status == S.BOUNCED:
        changed = min(changed + timedelta(days=rng.randint(20, 30)), now - timedelta(hours=5))
        events.append({"kind": E.BOUNCED, "at": changed, "detail": "550 5.1.1 Recipient address rejected"})
    subscription.status, subscription.status_changed_at = status, changed
    return subscription, events


def _segments(newsletter_list) -> None:
    tags = {tag.name.lower(): tag for tag in Tag.objects.for_company(newsletter_list.company)}
    for name, kind, language, tag_names in SEGMENTS:
        segment = NewsletterSegment.objects.create(
            company=newsletter_list.company,
            newsletter_list=newsletter_list,
            name=name,
            contact_kind=kind,
            language=language,
        )
        chosen = [tags[t] for t in tag_names if t in tags]
        if chosen:
            segment.tags.set(chosen)
