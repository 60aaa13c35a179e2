"""Demo operations manual for Officine Berica: whys and owners, three routing rules, two budget rules.

Run after the inbox, the content desk and the budgets demos (it explains what they set up).
Safe to run again: it fills only empty whys and owners and adds only missing rules. One canned
reply (the one saved from a colleague's real answer) is left without a why, so that the
manual's gaps box has something to show.
"""

from decimal import Decimal

from django.db import transaction

from contentdesk.models import Cadence, ContentChannel
from engagements.budgets.models import BudgetRule, Channel
from engagements.models import Company, User
from engagements.roles import Department
from inbox.models import CannedReply, RoutingRule

DIGITAL = "digital@officine-berica.example"
CONSULTANT = "consulente@staffetta.example"
OWNER = "titolare@officine-berica.example"
SALES = "vendite@officine-berica.example"

# canned reply title: (why, owner)
CANNED = {
    "Richiesta ricevuta: preventivo in preparazione": (
        "Chi chiede un preventivo vuole sapere subito che qualcuno ci sta lavorando e entro quando.",
        DIGITAL,
    ),
    "Scheda tecnica e diagramma pressione/temperatura": (
        "È la domanda tecnica più frequente: la scheda aggiornata evita tre email di chiarimenti.",
        DIGITAL,
    ),
    "Tempi di consegna standard": ("I tempi cambiano con la stagione: li aggiorna chi parla con la produzione.", SALES),
    "Reso di materiale difettoso (RMA)": (
        "Un reclamo gestito bene e in fretta tiene il cliente; la procedura RMA va spiegata sempre uguale.",
        CONSULTANT,
    ),
    "Certificato di materiale 3.1": ("I clienti dell'oil & gas non ordinano senza certificato 3.1.", DIGITAL),
    "Enquiry received: quotation in preparation": (
        "Gli esteri scrivono in inglese: stessa promessa, stessi tempi del preventivo italiano.",
        DIGITAL,
    ),
    "Datasheet and pressure/temperature chart": ("La versione inglese della scheda tecnica più richiesta.", DIGITAL),
    "Standard lead times": ("I tempi per l'estero includono il trasporto: li conferma il commerciale.", SALES),
}

# content channel name: (why, owner)
CHANNELS = {
    "Blog": ("Gli articoli tecnici portano visite da Google e danno ai commerciali qualcosa da mandare.", CONSULTANT),
    "LinkedIn": ("I buyer e gli uffici tecnici dei clienti ci cercano qui prima di chiamare.", DIGITAL),
    "Facebook": ("Serve soprattutto per le persone del territorio: open day e ricerca di personale.", DIGITAL),
    "Instagram": ("Le lavorazioni in officina si raccontano meglio con le immagini.", DIGITAL),
    "Newsletter": ("Tiene vivi i clienti che ordinano due volte l'anno.", CONSULTANT),
    "Google Business Profile": ("Chi cerca «valvole Vicenza» ci trova qui: orari e foto devono essere giusti.", OWNER),
}

# cadence rule: (why, owner)
CADENCES = {
    "FREQ=WEEKLY;BYDAY=TU,TH": (
        "Due uscite a settimana sono il ritmo che regge senza togliere tempo alle richieste.",
        DIGITAL,
    ),
    "FREQ=MONTHLY;BYDAY=1MO": ("A inizio mese gli uffici acquisti pianificano gli ordini.", CONSULTANT),
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE": (
        "Un articolo ben fatto ogni due settimane vale più di quattro frettolosi.",
        CONSULTANT,
    ),
}

# (topic as on the conversations, department, colleague, why, owner)
ROUTING = [
    (
        "valvole a sfera",
        Department.SALES,
        SALES,
        "Sono metà del fatturato: i preventivi li segue Luca, che conosce listini e sconti.",
        DIGITAL,
    ),
    (
        "cilindri idraulici",
        Department.RND,
        None,
        "Sono quasi sempre su misura: prima del prezzo serve il parere dell'ufficio tecnico.",
        CONSULTANT,
    ),
    (
        "raccordi",
        Department.SALES,
        None,
        "Ordini piccoli e frequenti: li prende chi è libero in ufficio commerciale.",
        DIGITAL,
    ),
]

# (channel, monthly cap, rule, why, owner)
BUDGET = [
    (
        Channel.GOOGLE_ADS,
        Decimal("450.00"),
        "Solo campagne di ricerca sulle valvole a sfera e sui raccordi inox, con parole chiave di prodotto; "
        "niente campagne display.",
        "Sono le ricerche che portano richieste di preventivo vere; il display ha portato solo visite.",
        CONSULTANT,
    ),
    (
        Channel.LINKEDIN_ADS,
        Decimal("300.00"),
        "Sponsorizzare solo i casi cliente e gli inviti alle fiere, rivolti a responsabili di manutenzione "
        "e uffici acquisti.",
        "Su LinkedIn il pubblico giusto costa caro: meglio pochi post che mostrano lavori veri.",
        OWNER,
    ),
]


def _users(company: Company) -> dict[str, User]:
    emails = {DIGITAL, CONSULTANT, OWNER, SALES}
    return {u.email: u for u in User.objects.filter(email__in=emails, memberships__company=company)}


def _explain(queryset, key: str, table: dict, users: dict) -> None:
    for row in queryset:
        entry = table.get(getattr(row, key))
        if entry is None:
            continue
        why, owner = entry
        changed = []
        if not row.why:
            row.why = why
            changed.append("why")
        if row.owner_id is None and owner in users:
            row.owner = users[owner]
            changed.append("owner")
        if changed:
            row.save(update_fields=changed)


@transaction.atomic
def seed_demo_manual(company: Company) -> None:
    users = _users(company)
    _explain(CannedReply.objects.for_company(company), "title", CANNED, users)
    _explain(ContentChannel.objects.for_company(company), "name", CHANNELS, users)
    _explain(Cadence.objects.for_company(company), "rule", CADENCES, users)
    for topic, department, colleague, why, owner in ROUTING:
        if not RoutingRule.objects.for_company(company).filter(topic__iexact=topic).exists():
            RoutingRule.objects.create(
                company=company,
                topic=topic,
                department=department,
                colleague=users.get(colleague) if colleague else None,
                why=why,
                owner=users.get(owner),
            )
    for channel, cap, rule, why, owner in BUDGET:
        if not BudgetRule.objects.for_company(company).filter(channel=channel).exists():
            BudgetRule.objects.create(
                company=company, channel=channel, monthly_cap=cap, rule=rule, why=why, owner=users.get(owner)
            )
