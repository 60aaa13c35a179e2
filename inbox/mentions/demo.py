"""Demo web mentions: two watched feeds and what they found (safe to run again)."""

import hashlib
from datetime import timedelta

from django.utils import timezone

from inbox.mentions.models import Mention, MentionFeed

DEMO_FEEDS = [
    ("Google Alert: nome dell'azienda", "https://www.google.com/alerts/feeds/00000000000000000000/1000000000000000001"),
    ("Notizie: flange inox Vicenza", "https://news.example.org/rss/search?q=flange+inox+vicenza&hl=it"),
]

DEMO_MENTIONS = [
    # (feed index, hours ago, status, title, site, summary, path)
    (
        0,
        3,
        Mention.Status.NEW,
        "{company} apre un nuovo reparto di lavorazioni CNC a Vicenza",
        "Il Giornale di Vicenza",
        "L'azienda investe 2 milioni nel nuovo reparto e cerca 12 tecnici: «Cresciamo grazie all'export».",
        "economia/nuovo-reparto-cnc",
    ),
    (
        1,
        9,
        Mention.Status.NEW,
        "Forum meccanica: qualcuno ha provato le flange di {company}?",
        "forum-meccanica.example.it",
        "Cerco un fornitore di flange inox DN50 con certificato 3.1, tempi di consegna sotto le 3 settimane.",
        "t/flange-inox-dn50/4411",
    ),
    (
        0,
        26,
        Mention.Status.NEW,
        "MECSPE 2026: tra gli espositori del padiglione 4 anche {company}",
        "fiere-industria.example.net",
        "Stand B12: la nuova linea di raccordi per l'alimentare e una dimostrazione dal vivo.",
        "mecspe-2026/espositori",
    ),
    (
        1,
        50,
        Mention.Status.HANDLED,
        "Distretto meccanico vicentino: le dieci aziende che assumono",
        "Economia Veneta",
        "Nella lista anche {company}, che ha aperto posizioni per tecnici e commerciali estero.",
        "lavoro/aziende-che-assumono",
    ),
    (
        0,
        80,
        Mention.Status.DISMISSED,
        "Omonimia: {company} di Trieste cambia sede",
        "trieste-notizie.example.it",
        "Un'altra azienda con lo stesso nome si trasferisce nella zona industriale.",
        "cronaca/cambio-sede",
    ),
]


def seed_demo_mentions(company) -> int:
    """Two feeds and a few mentions for `company`; returns how many mentions were added."""
    now = timezone.now()
    feeds = []
    for name, url in DEMO_FEEDS:
        feed, _ = MentionFeed.objects.get_or_create(
            company=company,
            url=url,
            # Inactive: the demo addresses are examples, reading them would only record errors.
            defaults={"name": name, "is_active": False, "last_polled_at": now, "last_success_at": now},
        )
        feeds.append(feed)
    added = 0
    for feed_index, hours, status, title, site, summary, path in DEMO_MENTIONS:
        host = site if "." in site else "www.giornale.example.it"
        link = f"https://{host}/{path}"
        _, created = Mention.objects.get_or_create(
            company=company,
            key=hashlib.sha256(f"link:{link}".encode()).hexdigest(),
            defaults={
                "feed": feeds[feed_index],
                "title": title.format(company=company.name),
                "link": link,
                "source": site,
                "summary": summary.format(company=company.name),
                "published_at": now - timedelta(hours=hours),
                "found_at": now - timedelta(hours=hours) + timedelta(minutes=20),
                "status": status,
            },
        )
        added += created
    return added
