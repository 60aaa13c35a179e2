"""The demo's enquiries that came through published items' tracked links.

The inbox demo writes six months of website enquiries; some of those that asked for a quote
or a technical answer soon after a post are given that post's UTM tags, as if the visitor
had followed its link — so the attribution shows on the items and in the figures.
"""

from datetime import timedelta

from django.utils.text import slugify

from contentdesk.models import ContentItem
from contentdesk.publishing import demo_texts as texts
from contentdesk.publishing.utm import item_tracked_url
from inbox.models import Conversation, IntakeChannel

WEBSITE = "https://www.officine-berica.example"

# Enquiries of the inbox demo that came through an item's tracked link: title → (how many, about what).
ATTRIBUTED = {
    "Caso cliente: 300 valvole di ritegno per Fabris Macchine Agricole": (2, "valvole di ritegno"),
    "Arriva BV-Compact, la nuova valvola a sfera compatta": (3, "valvole a sfera"),
    "Newsletter: arriva BV-Compact": (2, "valvole a sfera"),
    "Caso cliente: l'impianto oleodinamico di Oleodinamica Astico": (1, "innesti rapidi"),
    "Manutenzione preventiva delle valvole di sicurezza: guida pratica": (1, "valvole di sicurezza"),
    "Caso cliente: la centrale termica di Idraulica Veneta": (1, "collettori"),
    "Newsletter: casi cliente e la checklist per le valvole di sicurezza": (1, "valvole di sicurezza"),
    "Come scegliere una valvola a sfera: materiale, pressione e attacchi": (1, "valvole a sfera"),
}
# Only new business comes from a post: quotes and technical questions, not order tracking.
ATTRIBUTABLE_TAGS = ["preventivo", "tecnico"]


def attribute_demo_enquiries(company, items, *, now) -> int:
    """Give some of `company`'s quote and technical enquiries the tags of `items` published just before."""
    pool = list(
        Conversation.objects.for_company(company)
        .filter(
            channel__kind=IntakeChannel.Kind.FORM,
            language="it",
            utm_content="",
            utm_source="",
            created_at__lte=now,
            tags__name__in=ATTRIBUTABLE_TAGS,
        )
        .exclude(status=Conversation.Status.SPAM)
        .distinct()
        .order_by("created_at", "pk")
    )
    conversations, updated = [], []
    for item in items:
        wanted, topic = ATTRIBUTED.get(item.title, (0, ""))
        if not wanted or item.published_at is None:
            continue
        window_end = item.published_at + timedelta(days=12)
        candidates = [c for c in pool if item.published_at < c.created_at <= window_end]
        candidates.sort(key=lambda c: c.topic != topic)  # about the post's subject first
        chosen = candidates[:wanted]
        for conversation in chosen:
            pool.remove(conversation)
            link = item_tracked_url(item, WEBSITE + texts.LANDING.get(item.tag, "/"))
            conversation.landing_page = link[:500]
            conversation.referrer = ""
            conversation.utm_source, conversation.utm_medium = item.channel.kind, item.channel.utm_medium
            conversation.utm_campaign = slugify(item.tag)[:100] or "staffetta"
            conversation.utm_content = item.utm_content
            conversations.append(conversation)
        if chosen and item.enquiries is not None:
            # What the digital manager reported includes what the inbox saw.
            item.enquiries = max(item.enquiries, len(chosen))
            updated.append(item)
    fields = ["landing_page", "referrer", "utm_source", "utm_medium", "utm_campaign", "utm_content"]
    Conversation.objects.bulk_update(conversations, fields)
    ContentItem.objects.bulk_update(updated, ["enquiries"])
    return len(conversations)
