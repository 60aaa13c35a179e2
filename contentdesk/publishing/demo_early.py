"""Officine Berica before the engagement: what the owner and the office posted on their own,
from six months ago until the demo calendar's planned history begins.

Irregular and thin on purpose — a LinkedIn post now and then, a few Facebook photos, no blog
and no newsletter — so the dashboard's months before and after the consultant's arrival tell
the story the product is for.
"""

import random
from datetime import date, datetime, time, timedelta

from contentdesk.models import ContentChannel, ContentEvent, ContentItem

S = ContentItem.Status
E = ContentEvent.Kind
HISTORY_MONTHS = 6

# (channel kind, title, text)
EARLY = [
    (
        "linkedin",
        "Siamo a magazzino con le valvole DN80",
        "Disponibili a magazzino le valvole a sfera DN80. Contattateci.",
    ),
    ("facebook", "Foto dal reparto torneria", "Una mattina in torneria."),
    ("linkedin", "Porte aperte in officina", "Sabato mattina porte aperte in officina per le famiglie dei dipendenti."),
    ("facebook", "Nuovo centro di lavoro", "È arrivato il nuovo centro di lavoro a 5 assi!"),
    ("linkedin", "In visita gli studenti dell'istituto tecnico", "Oggi in officina due classi dell'istituto tecnico."),
    ("facebook", "Pranzo aziendale di inizio estate", "Grazie a tutti per la bella giornata insieme."),
    (
        "linkedin",
        "Il nuovo catalogo raccordi è pronto",
        "È pronto il catalogo 2026 dei raccordi: chiedetelo al vostro agente.",
    ),
    ("linkedin", "Chiusura estiva", "L'azienda resterà chiusa dal 10 al 21 agosto."),
    ("facebook", "Chiusura estiva", "Chiusi dal 10 al 21 agosto. Buone vacanze!"),
]
REACH = {"linkedin": (180, 650), "facebook": (90, 420)}


def seed_demo_early_content(company, *, until: date, today: date) -> int:
    """Published items from six months before `today` until `until` (exclusive); idempotent."""
    titles = [title for _kind, title, _text in EARLY]
    if ContentItem.objects.for_company(company).filter(title__in=titles).exists():
        return 0
    channels = {c.kind: c for c in ContentChannel.objects.for_company(company).filter(kind__in=REACH)}
    author = company.memberships.filter(role="owner").select_related("user").first()
    author = author.user if author else None
    start = today.replace(day=1)
    for _ in range(HISTORY_MONTHS - 1):
        start = (start - timedelta(days=1)).replace(day=1)
    span = (until - start).days
    if span <= len(EARLY) or not channels:
        return 0
    rng = random.Random(f"early-content-{company.slug}")
    tz = company.tzinfo
    items, events = [], []
    step = span / len(EARLY)
    for index, (kind, title, text) in enumerate(EARLY):
        if kind not in channels:
            continue
        day = start + timedelta(days=int(index * step) + rng.randint(0, max(0, int(step) - 2)))
        day -= timedelta(days=max(0, day.weekday() - 4))  # a working day
        published = datetime.combine(day, time(rng.randint(9, 17), rng.choice([0, 15, 30, 45])), tzinfo=tz)
        low, high = REACH[kind]
        reach = rng.randint(low, high)
        item = ContentItem(
            company=company,
            channel=channels[kind],
            title=title,
            body=text,
            status=S.PUBLISHED,
            author=author,
            # The owner wrote them: his own approval.
            approved_by=author,
            approved_at=published - timedelta(minutes=30),
            scheduled_at=published,
            published_at=published,
            published_url=_url(kind, rng),
            reach=reach,
            clicks=max(1, round(reach * rng.uniform(0.005, 0.02))),
            enquiries=rng.choice([0, 0, 0, 1]),
            results_updated_at=published + timedelta(days=7),
        )
        items.append(item)
    ContentItem.objects.bulk_create(items)
    for item in items:
        # Written and posted the same day, without a plan or an approval.
        item.created_at = item.updated_at = item.published_at - timedelta(hours=1)
        events.append(ContentEvent(item=item, kind=E.CREATED, by=author, at=item.created_at, to_status=S.DRAFT))
        events.append(
            ContentEvent(
                item=item, kind=E.STATUS, by=author, at=item.published_at, from_status=S.DRAFT, to_status=S.PUBLISHED
            )
        )
    ContentItem.objects.bulk_update(items, ["created_at", "updated_at"])
    ContentEvent.objects.bulk_create(events)
    return len(items)


def _url(kind: str, rng: random.Random) -> str:
    if kind == "linkedin":
        return f"https://www.linkedin.com/posts/officine-berica_activity-{rng.randrange(10**18, 10**19)}"
    return f"https://www.facebook.com/officineberica/posts/{rng.randrange(10**15, 10**16)}"
