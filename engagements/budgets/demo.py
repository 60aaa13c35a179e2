"""Demo budgets: five months of plans and spends for a small mechanical-components company."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from engagements.budgets.models import BudgetLine, Channel, Spend, first_of_month
from engagements.budgets.selectors import add_months

PLAN = {
    Channel.GOOGLE_ADS: Decimal("400.00"),
    Channel.LINKEDIN_ADS: Decimal("250.00"),
    Channel.META_ADS: Decimal("150.00"),
}

APPROVED, PENDING, REJECTED = Spend.Status.APPROVED, Spend.Status.PENDING, Spend.Status.REJECTED

# (months before today's month, day, channel, amount, note, decision above the threshold, comment)
SPENDS = [
    (4, 3, Channel.GOOGLE_ADS, "120.00", "Campagna Google Ads – valvole a sfera", None, ""),
    (4, 12, Channel.GOOGLE_ADS, "95.50", "Campagna Google Ads – raccordi inox", None, ""),
    (4, 18, Channel.GOOGLE_ADS, "140.00", "Google Ads – remarketing visitatori schede prodotto", None, ""),
    (4, 9, Channel.LINKEDIN_ADS, "180.00", "Sponsorizzata LinkedIn – caso cliente impianto oleodinamico", None, ""),
    (4, 22, Channel.META_ADS, "60.00", "Post sponsorizzato Facebook – open day in officina", None, ""),
    (3, 4, Channel.GOOGLE_ADS, "130.00", "Campagna Google Ads – valvole a sfera", None, ""),
    (3, 15, Channel.GOOGLE_ADS, "150.00", "Campagna Google Ads – valvole in ottone su misura", None, ""),
    (3, 25, Channel.GOOGLE_ADS, "150.00", "Google Ads – remarketing visitatori schede prodotto", None, ""),
    (
        3,
        7,
        Channel.LINKEDIN_ADS,
        "350.00",
        "Sponsorizzata LinkedIn fiera MECSPE – invito allo stand",
        APPROVED,
        "Va bene: la fiera vale l'investimento.",
    ),
    (3, 20, Channel.META_ADS, "75.00", "Reel sponsorizzato Instagram – lavorazione CNC", None, ""),
    (3, 28, Channel.OTHER, "49.90", "Immagini stock per le pagine prodotto", None, ""),
    (2, 5, Channel.GOOGLE_ADS, "110.00", "Campagna Google Ads – valvole a sfera", None, ""),
    (2, 19, Channel.GOOGLE_ADS, "125.00", "Campagna Google Ads – raccordi inox", None, ""),
    (2, 10, Channel.LINKEDIN_ADS, "200.00", "Sponsorizzata LinkedIn – articolo tecnico sulla manutenzione", None, ""),
    (2, 14, Channel.META_ADS, "90.00", "Campagna Meta – modulo contatti per il catalogo", None, ""),
    (1, 3, Channel.GOOGLE_ADS, "135.00", "Campagna Google Ads – valvole a sfera", None, ""),
    (1, 17, Channel.GOOGLE_ADS, "140.00", "Google Ads – parole chiave «valvole per impianti idraulici»", None, ""),
    (1, 8, Channel.LINKEDIN_ADS, "220.00", "Sponsorizzata LinkedIn – nuova linea di valvole a sfera", None, ""),
    (
        1,
        12,
        Channel.META_ADS,
        "650.00",
        "Campagna video Reels Meta – 4 settimane",
        REJECTED,
        "Troppo per un test: proviamo prima con 150 € e vediamo quanti contatti arrivano.",
    ),
    (1, 20, Channel.META_ADS, "140.00", "Campagna Meta – test video Reels, versione ridotta", None, ""),
    (0, 2, Channel.GOOGLE_ADS, "125.00", "Campagna Google Ads – valvole a sfera", None, ""),
    (0, 9, Channel.GOOGLE_ADS, "110.00", "Google Ads – remarketing visitatori schede prodotto", None, ""),
    (
        0,
        6,
        Channel.LINKEDIN_ADS,
        "480.00",
        "Sponsorizzata LinkedIn fiera MECSPE – pacchetto due settimane",
        PENDING,
        "",
    ),
    (0, 11, Channel.META_ADS, "80.00", "Post sponsorizzato Instagram – dietro le quinte in produzione", None, ""),
    (0, 13, Channel.OTHER, "90.00", "Traduzione in tedesco della landing page valvole", None, ""),
]


def seed_demo_budgets(company, *, digital_manager, owner, today: date) -> bool:
    """Plans for the last four months and this one, with their spends; False if the company has budgets."""
    if BudgetLine.objects.for_company(company).exists():
        return False
    this_month = first_of_month(today)
    now = timezone.now()
    with transaction.atomic():
        BudgetLine.objects.bulk_create(
            BudgetLine(company=company, month=add_months(this_month, -back), channel=channel, planned_amount=amount)
            for back in range(5)
            for channel, amount in PLAN.items()
        )
        spends = []
        for back, day, channel, amount, note, decision, comment in SPENDS:
            month = add_months(this_month, -back)
            spent_on = month.replace(day=min(day, today.day)) if back == 0 else month.replace(day=day)
            amount = Decimal(amount)
            recorded_at = min(now, datetime.combine(spent_on, time(10, 0), tzinfo=company.tzinfo))
            needs_approval = amount > company.spend_approval_threshold
            status = (decision or APPROVED) if needs_approval else APPROVED
            decided = needs_approval and status != PENDING
            spends.append(
                Spend(
                    company=company,
                    spent_on=spent_on,
                    amount=amount,
                    channel=channel,
                    note=note,
                    recorded_by=digital_manager,
                    recorded_at=recorded_at,
                    needed_approval=needs_approval,
                    status=status,
                    decided_by=owner if decided else None,
                    decided_at=min(now, recorded_at + timedelta(hours=20)) if decided else None,
                    decision_comment=comment if decided else "",
                )
            )
        Spend.objects.bulk_create(spends)
    return True
