"""A data set at scale for the benchmarks: `python manage.py seed_perf [--size 1.0]`.

At size 1: 50 companies. The largest, perf-001, has 150,000 conversations with 600,000
messages from 20,000 contacts over five years, 10,000 content items, five years of monthly
reports and a full training history; the other 49 have 1,500 conversations each. Every company
gets the structure a real one has — members, an engagement with phases and milestones, the
handover board, budgets, reviews, a training plan with evidence and assessments — through the
same functions the demo uses. `--size 0.01` makes the same shape a hundred times smaller.

Rows are written with bulk inserts in batches; on PostgreSQL the inbox's search documents are
built once per company after its inbox is loaded (the triggers that keep them up to date are
off for the load) and their GIN index once at the end, then the tables are analysed. Message
texts draw on a few hundred words with Zipf-like frequencies, so that searches meet common
and rare words as in real mail.
"""

import itertools
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.db import connection, transaction
from django.utils import timezone

from contentdesk.models import ContentChannel, ContentItem
from contentdesk.services import content_channels_ensure_defaults
from engagements.budgets.demo import seed_demo_budgets
from engagements.handover.demo import seed_demo_handover
from engagements.models import Company, Membership, User
from engagements.plan.demo import seed_demo_engagement
from engagements.reviews.demo import seed_demo_reviews
from engagements.roles import Department, Role
from engagements.services import company_create
from inbox.models import Contact, Conversation, IntakeChannel, Message
from inbox.search import documents_rebuild
from inbox.services import channels_ensure_defaults
from reports.figures import month_snapshot
from reports.models import MonthlyReport
from reports.period import Month
from training.demo import seed_demo_training

PREFIX = "perf-"
PASSWORD = "staffetta-demo"
COMPANIES = 50
LARGEST = {"conversations": 150_000, "contacts": 20_000, "content": 10_000}
OTHERS = {"conversations": 1_500, "contacts": 300, "content": 150}
MESSAGES_PER_CONVERSATION = 4
YEARS = 5
BATCH = 5_000
CONSULTANT_PORTFOLIO = 10  # companies per consultant

WORDS = [
    "valvola",
    "sfera",
    "inox",
    "raccordo",
    "compressione",
    "flangia",
    "guarnizione",
    "viton",
    "filettatura",
    "pressione",
    "bar",
    "collaudo",
    "preventivo",
    "offerta",
    "consegna",
    "magazzino",
    "ordine",
    "fattura",
    "spedizione",
    "misura",
    "disegno",
    "tecnico",
    "materiale",
    "ottone",
    "acciaio",
    "tubo",
    "diametro",
    "scheda",
    "catalogo",
    "prezzo",
    "sconto",
    "quantità",
    "campione",
    "certificato",
    "manutenzione",
    "ricambio",
    "impianto",
    "linea",
    "caseificio",
    "cantina",
    "pompa",
    "circuito",
    "idraulico",
    "temperatura",
    "tenuta",
    "perdita",
    "garanzia",
    "reso",
    "ritiro",
    "urgente",
    "cliente",
    "fornitore",
    "agente",
    "fiera",
    "appuntamento",
    "visita",
    "stabilimento",
    "produzione",
    "lotto",
]
# More words, rarer ones: with the list above first, a vocabulary of a few hundred words whose
# frequencies fall off like a natural language's (Zipf: the word of rank r about 1/r as often
# as the first). A search then meets common words in most conversations and rare ones in few.
WORDS += [
    "richiesta",
    "grazie",
    "saluti",
    "cordiali",
    "buongiorno",
    "gentile",
    "allegato",
    "modello",
    "codice",
    "articolo",
    "versione",
    "serie",
    "standard",
    "speciale",
    "nuovo",
    "usato",
    "colore",
    "peso",
    "lunghezza",
    "larghezza",
    "altezza",
    "spessore",
    "finitura",
    "verniciatura",
    "zincatura",
    "saldatura",
    "taglio",
    "piegatura",
    "tornitura",
    "fresatura",
    "montaggio",
    "smontaggio",
    "imballo",
    "pallet",
    "corriere",
    "trasporto",
    "dogana",
    "export",
    "listino",
    "pagamento",
    "bonifico",
    "anticipo",
    "saldo",
    "acconto",
    "scadenza",
    "ritardo",
    "sollecito",
    "conferma",
    "annullamento",
    "modifica",
    "revisione",
    "progetto",
    "cantiere",
    "installazione",
    "assistenza",
    "intervento",
    "tecnico",
    "guasto",
    "rumore",
    "vibrazione",
    "usura",
    "corrosione",
    "ruggine",
    "olio",
    "grasso",
    "acqua",
    "vapore",
    "aria",
    "gas",
    "azoto",
    "alimentare",
    "farmaceutico",
    "chimico",
    "vino",
    "latte",
    "birra",
    "olio",
    "succo",
    "sanificazione",
    "lavaggio",
    "cip",
    "sterilizzazione",
    "norma",
    "conformità",
    "marcatura",
    "dichiarazione",
    "collaudatore",
    "verbale",
    "prova",
    "tenuta",
    "pneumatico",
    "attuatore",
    "elettrovalvola",
    "sensore",
    "manometro",
    "termometro",
    "flussimetro",
    "regolatore",
    "riduttore",
    "filtro",
    "cartuccia",
    "membrana",
    "molla",
    "albero",
    "cuscinetto",
    "girante",
    "motore",
    "inverter",
    "quadro",
    "cavo",
    "connettore",
    "staffa",
    "supporto",
    "morsetto",
    "clamp",
    "tri-clamp",
    "dn25",
    "dn32",
    "dn40",
    "dn50",
    "dn65",
    "dn80",
    "dn100",
    "pn10",
    "pn16",
    "pn40",
    "aisi304",
    "aisi316",
    "epdm",
    "ptfe",
    "nbr",
    "fkm",
    "ottone-cw617n",
]
WORDS += [f"art{number:04d}" for number in range(1, 181)]  # article codes: the long, rare tail
WORDS = list(dict.fromkeys(WORDS))
# Cumulative Zipf weights, 1/rank, for random.choices.
ZIPF = list(itertools.accumulate(1 / rank for rank in range(1, len(WORDS) + 1)))
SUBJECTS = (
    "Richiesta di preventivo",
    "Disponibilità a magazzino",
    "Tempi di consegna",
    "Informazioni tecniche",
    "Problema con l'ordine",
    "Reso di un prodotto",
    "Richiesta catalogo",
    "Quotation request",
)
FIRST = [
    "Anna",
    "Luca",
    "Marco",
    "Giulia",
    "Paolo",
    "Sara",
    "Davide",
    "Elena",
    "Matteo",
    "Chiara",
    "Andrea",
    "Silvia",
    "Franco",
    "Laura",
]
LAST = [
    "Rossi",
    "Bianchi",
    "Zanon",
    "Dal",
    "Lago",
    "Ferrari",
    "Costa",
    "Fontana",
    "Greco",
    "Marchetti",
    "Galli",
    "Conti",
    "Rizzo",
    "Moretti",
]


@dataclass
class Size:
    conversations: int
    contacts: int
    content: int


def sizes(scale: float, index: int) -> Size:
    base = LARGEST if index == 0 else OTHERS
    return Size(*(max(10, math.ceil(base[key] * scale)) for key in ("conversations", "contacts", "content")))


def seed_perf(*, scale: float = 1.0, companies: int = COMPANIES, out=print, prefix: str = PREFIX) -> list[Company]:
    """Create the perf-NNN companies that do not exist yet; returns them all."""
    today = timezone.localdate()
    consultants = _consultants(math.ceil(companies / CONSULTANT_PORTFOLIO), prefix)
    made = []
    with _search_indexes_dropped():
        for index in range(companies):
            slug = f"{prefix}{index + 1:03d}"
            company = Company.objects.filter(slug=slug).first()
            if company is not None:
                made.append(company)
                continue
            size = sizes(scale, index)
            started = timezone.now()
            company = _company(index, slug, consultants[index // CONSULTANT_PORTFOLIO], today)
            _inbox(company, size, today)
            _content(company, size, today)
            _reports(company, today)
            made.append(company)
            seconds = (timezone.now() - started).total_seconds()
            out(f"{slug}: {size.conversations} conversations, {size.content} content items in {seconds:.1f} s")
    _analyse()
    return made


def _consultants(count: int, prefix: str = PREFIX) -> list[User]:
    users = []
    for number in range(1, count + 1):
        email = f"consulente{number}@{prefix.rstrip('-')}.example"
        user = User.objects.filter(email=email).first() or User.objects.create_user(
            email=email, password=PASSWORD, first_name="Consulente", last_name=str(number)
        )
        users.append(user)
    return users


def _user(email, first, last) -> User:
    return User.objects.filter(email=email).first() or User.objects.create_user(
        email=email, password=PASSWORD, first_name=first, last_name=last
    )


@transaction.atomic
def _company(index: int, slug: str, consultant: User, today: date) -> Company:
    company = company_create(name=f"Azienda Perf {index + 1:03d}", slug=slug, sector="Meccanica")
    owner = _user(f"titolare@{slug}.example", "Titolare", slug)
    trainee = _user(f"digital@{slug}.example", "Digital", slug)
    sales = _user(f"vendite@{slug}.example", "Vendite", slug)
    Membership.objects.bulk_create(
        [
            Membership(company=company, user=owner, role=Role.OWNER),
            Membership(company=company, user=trainee, role=Role.DIGITAL_MANAGER),
            Membership(company=company, user=consultant, role=Role.CONSULTANT),
            Membership(company=company, user=sales, role=Role.COLLEAGUE, department=Department.SALES),
        ]
    )
    engagement = seed_demo_engagement(company, consultant=consultant, trainee=trainee, today=today, month=4)
    seed_demo_handover(engagement, consultant=consultant, today=today)
    seed_demo_reviews(engagement, consultant=consultant, owner=owner, trainee=trainee, today=today)
    seed_demo_budgets(company, digital_manager=trainee, owner=owner, today=today)
    channels_ensure_defaults(company)
    content_channels_ensure_defaults(company=company)
    seed_demo_training(company)
    return company


def _moment(rng: random.Random, start: datetime, span: float) -> datetime:
    """Later moments more likely: a business that grows year after year."""
    return start + timedelta(seconds=span * math.sqrt(rng.random()))


def _recent(rng: random.Random, now: datetime) -> datetime:
    return now - timedelta(seconds=rng.randint(600, 2 * 86400))


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, cum_weights=ZIPF, k=words)).capitalize() + "."


@transaction.atomic
def _inbox(company: Company, size: Size, today: date) -> None:
    rng = random.Random(f"perf-inbox-{company.slug}")
    tz = company.tzinfo
    now = timezone.now()
    start = datetime.combine(today - relativedelta(years=YEARS), time(8), tzinfo=tz)
    span = (now - start).total_seconds()
    people = list(Membership.objects.filter(company=company).select_related("user"))
    writer = next(m.user for m in people if m.role == Role.DIGITAL_MANAGER)
    sales = next(m.user for m in people if m.role == Role.COLLEAGUE)
    form = IntakeChannel.objects.filter(company=company, kind=IntakeChannel.Kind.FORM).first()

    contacts = []
    for number in range(size.contacts):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        contacts.append(
            Contact(
                company=company,
                email=f"{first.lower()}.{last.lower().replace(' ', '')}.{number}@cliente{number % 997}.example",
                name=f"{first} {last}",
                organisation=f"Cliente {number % 997} Srl",
                language="en" if number % 9 == 0 else "it",
                kind=Contact.Kind.CUSTOMER if number % 3 == 0 else Contact.Kind.PROSPECT,
                consent_given_at=start,
                consent_text="Acconsento al trattamento dei miei dati per ricevere una risposta.",
            )
        )
    contacts = _bulk(Contact, contacts)

    S = Conversation.Status
    conversations, plans = [], []
    # Open work whatever the size: a few conversations from the last two days.
    recent = max(5, size.conversations // 300)
    for number in range(size.conversations):
        created = _recent(rng, now) if number < recent else _moment(rng, start, span)
        age = now - created
        if age < timedelta(days=2):
            status = rng.choice([S.NEW, S.NEW, S.OPEN, S.WAITING_COLLEAGUE])
        elif age < timedelta(days=10):
            status = rng.choice([S.OPEN, S.WAITING_CUSTOMER, S.RESOLVED, S.RESOLVED])
        else:
            status = S.SPAM if rng.random() < 0.03 else S.RESOLVED
        answered = status not in (S.NEW, S.SPAM)
        first_at = created + timedelta(minutes=rng.randint(20, 60 * 30)) if answered else None
        last = created + timedelta(hours=rng.randint(1, 96))
        conversations.append(
            Conversation(
                company=company,
                channel=form,
                contact=rng.choice(contacts),
                subject=f"{rng.choice(SUBJECTS)} {_text(rng, 1)[:-1].lower()}",
                status=status,
                assignee=writer if answered else None,
                routed_to=sales if status == S.WAITING_COLLEAGUE else None,
                department=Department.SALES if status == S.WAITING_COLLEAGUE else "",
                topic=rng.choice(["ordini", "preventivi", "tecnica", "resi", ""]),
                language="it",
                created_at=created,
                last_activity_at=min(last, now),
                first_response_due_at=created + timedelta(hours=8),
                first_response_at=first_at,
                first_response_seconds=int((first_at - created).total_seconds() * 0.4) if first_at else None,
                resolved_at=min(last, now) if status == S.RESOLVED else None,
                resolution_seconds=int((last - created).total_seconds() * 0.4) if status == S.RESOLVED else None,
                utm_source=rng.choice(["", "", "", "linkedin", "newsletter", "google"]),
            )
        )
        plans.append((created, first_at, answered))
    conversations = _bulk(Conversation, conversations)

    batch = []
    for conversation, (created, first_at, answered) in zip(conversations, plans, strict=True):
        moments = [created]
        for step in range(1, MESSAGES_PER_CONVERSATION):
            moments.append((first_at or created) + timedelta(hours=step * rng.randint(1, 20)))
        for step, moment in enumerate(moments):
            incoming = step % 2 == 0 or not answered
            batch.append(
                Message(
                    company=company,
                    conversation=conversation,
                    direction=Message.Direction.IN if incoming else Message.Direction.OUT,
                    author=None if incoming else writer,
                    body_text=_text(rng, rng.randint(25, 70)),
                    created_at=min(moment, now),
                    sent_at=None if incoming else min(moment, now),
                )
            )
        if len(batch) >= BATCH:
            Message.objects.bulk_create(batch, batch_size=BATCH)
            batch = []
    Message.objects.bulk_create(batch, batch_size=BATCH)
    documents_rebuild(company)


@transaction.atomic
def _content(company: Company, size: Size, today: date) -> None:
    rng = random.Random(f"perf-content-{company.slug}")
    tz = company.tzinfo
    now = timezone.now()
    start = datetime.combine(today - relativedelta(years=YEARS), time(9), tzinfo=tz)
    span = (now + timedelta(days=60) - start).total_seconds()
    channels = list(ContentChannel.objects.for_company(company))
    author = Membership.objects.get(company=company, role=Role.DIGITAL_MANAGER).user
    S = ContentItem.Status
    items = []
    for number in range(size.content):
        when = _moment(rng, start, span)
        future = when > now
        status = rng.choice([S.IDEA, S.DRAFT, S.APPROVED, S.SCHEDULED]) if future else S.PUBLISHED
        if not future and rng.random() < 0.05:
            status = S.CANCELLED
        reach = rng.randint(100, 3000) if status == S.PUBLISHED else None
        items.append(
            ContentItem(
                company=company,
                channel=rng.choice(channels),
                title=f"{_text(rng, 6)[:-1]} {number}",
                body=_text(rng, rng.randint(30, 120)),
                status=status,
                scheduled_at=when,
                author=author,
                published_at=when if status == S.PUBLISHED else None,
                published_url=f"https://www.{company.slug}.example/p/{number}" if status == S.PUBLISHED else "",
                reach=reach,
                clicks=reach // 30 if reach else None,
            )
        )
    _bulk(ContentItem, items)


def _reports(company: Company, today: date) -> None:
    """Five years of monthly reports: the last month's real figures, frozen for every month."""
    last = Month.of(today).previous
    figures = month_snapshot(company, last)
    reports = []
    month = last
    for _ in range(YEARS * 12):
        generated = datetime.combine(month.next.first, time(0, 40), tzinfo=company.tzinfo)
        reports.append(
            MonthlyReport(
                company=company,
                month=month.first,
                figures=figures | {"month": month.param},
                status=MonthlyReport.Status.SENT,
                generated_at=generated,
                sent_at=generated + timedelta(hours=9),
            )
        )
        month = month.previous
    MonthlyReport.objects.bulk_create(reports, batch_size=BATCH)


def _bulk(model, rows: list) -> list:
    """bulk_create in batches; returns the rows with their ids (PostgreSQL and SQLite set them)."""
    saved = []
    for offset in range(0, len(rows), BATCH):
        saved += model.objects.bulk_create(rows[offset : offset + BATCH])
    return saved


class _search_indexes_dropped:
    """On PostgreSQL, load without the search document's triggers and GIN index, then build both.

    The triggers (inbox migration 0009) are switched off for this session; each company's
    documents are built in one pass after its inbox (`_inbox`), and the GIN index once at the end.
    """

    INDEX = "search_document_gin"

    def __enter__(self):
        self.dropped = False
        if connection.vendor != "postgresql":
            return self
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('staffetta.search_deferred', 'on', false)")
            # Inside a transaction (a test) PostgreSQL refuses CREATE INDEX on tables with
            # pending deferred checks: leave the index alone there.
            if not connection.in_atomic_block:
                cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [self.INDEX])
                if cursor.fetchone():
                    cursor.execute(f"DROP INDEX {self.INDEX}")
                    self.dropped = True
        return self

    def __exit__(self, *exc):
        if connection.vendor != "postgresql":
            return False
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('staffetta.search_deferred', 'off', false)")
            if self.dropped:
                cursor.execute(f"CREATE INDEX {self.INDEX} ON inbox_searchdocument USING gin (document)")
        return False


def _analyse() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
