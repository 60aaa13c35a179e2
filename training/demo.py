"""Demo training for Officine Berica in month 4 of 7 (called by the project's demo seeding).

The plan is created from the default curriculum on the engagement's first day. Modules whose
target date has passed are done, with lessons read and evidence — notes, links, a file, real
content and enquiries of the demo inbox and calendar, and the automatic evidence where the
demo data reaches it — except "English for web contacts", left in progress and overdue. The
first module due next is in progress; the rest has not started.
"""

from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.db import transaction

from contentdesk.models import ChannelKind, ContentItem
from engagements.plan.models import Engagement
from inbox.models import Conversation, Message
from training.models import (
    Assessment,
    Assignment,
    Competency,
    CompetencyRequirement,
    Evidence,
    LessonRead,
    LogEntry,
    Module,
)
from training.rules import evaluate_rule
from training.services import company_today, plan_create

OVERDUE_MODULE = "english-contacts"

NOTES = {
    "product-sheet": "Scheda prodotti per valvole a sfera e raccordi a compressione: cinque limiti, cinque punti di forza e dieci domande frequenti, confermate da Paolo (ufficio tecnico) e Luca (vendite).",
    "rewrite-a-page": "Pagina delle valvole a sfera riscritta: il titolo ora dice materiale, misure e tempi di consegna; via «leader del settore», dentro i 40 bar collaudati pezzo per pezzo.",
    "routing-map": "| Domanda | A chi | Sostituto |\n|---|---|---|\n| prezzi e offerte | Luca Zanon (vendite) | Giovanni Berica |\n| disegni e materiali | Paolo (ufficio tecnico) | Giovanni Berica |\n| ordini e consegne | produzione | logistica |\n| fatture | amministrazione | Giovanni Berica |\n\nApprovata dal titolare.",
    "editorial-plan": "Pilastri: prodotti al lavoro dai clienti, dietro le quinte dell'officina, persone, fiere (MECSPE), consigli tecnici. LinkedIn martedì e giovedì alle 10, blog un articolo al mese, newsletter il primo lunedì.",
    "three-formats": "Testo alternativo: «Valvola a sfera inox DN50 montata su una linea di lavaggio in un caseificio». Tre file sotto i 300 KB, fascia nera al 55%.",
    "first-newsletter": "Dopo una settimana: 31 clic, 2 richieste arrivate dai link, 1 disiscrizione. La prossima volta metto la notizia della fiera in apertura: è stata la più cliccata.",
    "update-and-brief": "Brief all'agenzia: modulo contatti in inglese sulla pagina /en/contact, stessi campi dell'italiano, richieste nella casella di Staffetta. Scadenza fine mese, approva Giovanni.",
    "glossary": "Bozza del glossario: 24 termini su 30, manca la verifica di Paolo sui termini delle guarnizioni.",
    "spec-table": "Iniziata la tabella DN15–DN100 nella bozza della pagina valvole; manca la regola CSS per le intestazioni.",
}
LINKS = {
    "rewrite-a-page": "https://www.officine-berica.example/prodotti/valvole-a-sfera-inox/",
    "editorial-plan": "https://www.officine-berica.example/calendario-editoriale",
    "update-and-brief": "https://www.officine-berica.example/prodotti/raccordi-a-compressione/",
}
GLOSSARY_CSV = (
    "italiano;inglese\nraccordo;fitting\nguarnizione;gasket, seal\nfilettatura;thread\nvalvola a sfera;ball valve\n"
    "pressione nominale;nominal pressure\nacciaio inox;stainless steel\nflangia;flange\ntenuta;sealing\n"
    "collaudo;testing\nscheda tecnica;datasheet\ntempi di consegna;lead time\nquantità minima;minimum order quantity\n"
)


def _at(company, day, hour=10):
    return datetime.combine(day, time(hour), tzinfo=company.tzinfo)


def seed_demo_training(company) -> None:
    """Idempotent: a plan that already has lessons read is left as it is."""
    engagement = Engagement.objects.for_company(company).current().select_related("company", "trainee").first()
    if engagement is None or engagement.trainee is None:
        return
    today = company_today(company)
    plan = plan_create(engagement=engagement, created_by=engagement.consultant, today=engagement.starts_on)
    _seed_assessments(plan, engagement.consultant, today)
    _seed_log(plan, engagement.consultant, today)
    _seed_supervised_posts(plan, engagement.consultant, today)
    if LessonRead.objects.filter(lesson__module__plan=plan).exists():
        return
    with transaction.atomic():
        modules = list(plan.modules.order_by("order", "id").prefetch_related("lessons", "assignments"))
        next_started = False
        for module in modules:
            if module.target_on and module.target_on < today and module.code != OVERDUE_MODULE:
                _done(company, plan, module, today)
            elif module.code == OVERDUE_MODULE or not next_started:
                _in_progress(company, plan, module, today)
                next_started = next_started or module.code != OVERDUE_MODULE


def _read(plan, module, lessons, day):
    LessonRead.objects.bulk_create(
        [LessonRead(lesson=lesson, user=plan.trainee, read_at=_at(plan.company, day, 9)) for lesson in lessons]
    )


def _rule_done(company, plan, assignment, today) -> bool:
    """Record the automatic evidence of `assignment` if the demo's real data reaches it."""
    result = evaluate_rule(
        assignment.rule, trainee=plan.trainee, company=company, as_of=today, params=assignment.rule_params
    )
    if not result.met:
        return False
    finished = today - timedelta(days=2)
    Evidence.objects.create(
        company=company,
        assignment=assignment,
        kind=Evidence.Kind.RULE,
        figures=result.figures,
        added_by=plan.trainee,
        created_at=_at(company, finished, 11),
    )
    _mark_done(company, plan, assignment, finished)
    return True


def _mark_done(company, plan, assignment, day):
    Assignment.objects.filter(pk=assignment.pk).update(
        status=Assignment.Status.DONE, done_at=_at(company, day, 12), done_by=plan.trainee
    )


def _done(company, plan, module, today):
    started = module.target_on - timedelta(days=12)
    _read(plan, module, module.lessons.all(), started)
    all_done = True
    for assignment in module.assignments.all():
        if assignment.rule:
            all_done = _rule_done(company, plan, assignment, today) and all_done
            continue
        finished = min(module.target_on - timedelta(days=1), today - timedelta(days=1))
        _evidence(company, plan, assignment, finished)
        _mark_done(company, plan, assignment, finished)
    Module.objects.filter(pk=module.pk).update(
        status=Module.Status.DONE if all_done else Module.Status.IN_PROGRESS,
        started_on=started,
        completed_on=module.target_on - timedelta(days=1) if all_done else None,
    )


def _in_progress(company, plan, module, today):
    lessons = list(module.lessons.all())
    started = min(today - timedelta(days=4), module.target_on or today)
    _read(plan, module, lessons[:1], started)
    for assignment in module.assignments.all():
        if assignment.rule:
            _rule_done(company, plan, assignment, today)
            continue
        if assignment.key == "glossary":
            evidence = Evidence(
                company=company,
                assignment=assignment,
                kind=Evidence.Kind.FILE,
                filename="glossario-it-en.csv",
                content_type="text/csv",
                size=len(GLOSSARY_CSV.encode()),
                added_by=plan.trainee,
                created_at=_at(company, started, 11),
            )
            evidence.file.save("glossario-it-en.csv", ContentFile(GLOSSARY_CSV.encode()), save=False)
            evidence.save()
        if assignment.key in NOTES:
            _note(company, plan, assignment, started)
    Module.objects.filter(pk=module.pk).update(status=Module.Status.IN_PROGRESS, started_on=started)


def _note(company, plan, assignment, day):
    Evidence.objects.create(
        company=company,
        assignment=assignment,
        kind=Evidence.Kind.NOTE,
        note=NOTES[assignment.key],
        added_by=plan.trainee,
        created_at=_at(company, day, 11),
    )


def _evidence(company, plan, assignment, day):
    if assignment.key in LINKS:
        Evidence.objects.create(
            company=company,
            assignment=assignment,
            kind=Evidence.Kind.LINK,
            url=LINKS[assignment.key],
            added_by=plan.trainee,
            created_at=_at(company, day, 10),
        )
    if assignment.key in NOTES:
        _note(company, plan, assignment, day)
    if assignment.key == "first-newsletter":
        item = (
            ContentItem.objects.for_company(company)
            .filter(status=ContentItem.Status.PUBLISHED, channel__kind=ChannelKind.NEWSLETTER)
            .order_by("published_at")
            .first()
        )
        if item is not None:
            Evidence.objects.create(
                company=company,
                assignment=assignment,
                kind=Evidence.Kind.CONTENT,
                content_item=item,
                added_by=plan.trainee,
                created_at=_at(company, day, 10),
            )
    if assignment.key == "routing-map":
        # Two enquiries the trainee answered and passed to sales, as examples of the map at work.
        answered = Conversation.objects.for_company(company).filter(
            department="sales", messages__direction=Message.Direction.OUT, messages__author=plan.trainee
        )
        for conversation in answered.distinct().order_by("first_response_at")[:2]:
            Evidence.objects.create(
                company=company,
                assignment=assignment,
                kind=Evidence.Kind.CONVERSATION,
                conversation=conversation,
                added_by=plan.trainee,
                created_at=_at(company, day, 10),
            )


# (competency code, [(days ago, level, signed off?, comment)]), oldest rating first.
DEMO_ASSESSMENTS = [
    (
        "product.knowledge",
        [
            (80, 2, True, "Conosce le valvole, sui raccordi chiede ancora a Paolo."),
            (40, 3, True, "Risponde da sola anche sui raccordi a compressione."),
        ],
    ),
    (
        "content.writing",
        [
            (70, 2, True, "Testi chiari ma ancora lunghi."),
            (20, 3, True, "Post puliti, nessuna modifica nelle ultime settimane."),
        ],
    ),
    (
        "inbox.reply",
        [
            (45, 2, True, "Risposte corrette, tempi da accorciare."),
            (10, 3, True, "Mediana sotto le 4 ore lavorative: ottimo."),
        ],
    ),
    ("inbox.routing", [(30, 3, True, "Smista bene vendite e ufficio tecnico.")]),
    ("content.planning", [(25, 2, True, "Il piano del mese lo facciamo ancora insieme.")]),
    ("social.publishing", [(35, 3, True, "Pubblica da sola su LinkedIn e Facebook.")]),
    ("social.community", [(15, 3, True, "Risponde ai commenti con il tono giusto.")]),
    ("newsletter.sending", [(12, 2, True, "Prima newsletter buona, la revisione serve ancora.")]),
    ("privacy.consent", [(5, 2, False, "Da rivedere insieme il registro dei consensi.")]),
    ("language.english", [(8, 1, True, "Il glossario è a buon punto; le risposte in inglese le rivedo io.")]),
    ("images.editing", [(50, 3, True, "Ritagli e fasce di testo fatti bene.")]),
]
DEMO_LOG = [
    (
        30,
        "Ho riscritto la pagina delle valvole a sfera: il titolo ora dice misure e materiale.",
        "Bene: ora fai lo stesso con i raccordi.",
    ),
    (18, "Prima newsletter inviata. La notizia della fiera ha avuto più clic di tutto il resto.", ""),
    (
        9,
        "Ho smistato 6 richieste a Luca e 2 a Paolo. Una era spam travestito da richiesta di preventivo.",
        "Ottimo occhio sullo spam.",
    ),
    (3, "Glossario inglese: mancano i termini delle guarnizioni, li verifico con Paolo giovedì.", ""),
    (
        1,
        "Provato l'editor delle immagini con la fascia trasparente: il 55% di nero si legge bene anche da telefono.",
        "",
    ),
]


def _seed_assessments(plan, consultant, today) -> None:
    """Ratings with their history, one draft and one required level changed. Idempotent."""
    if Assessment.objects.filter(plan=plan).exists():
        return
    competencies = {c.code: c for c in Competency.objects.filter(code__in=[code for code, _ in DEMO_ASSESSMENTS])}
    rows = []
    for code, ratings in DEMO_ASSESSMENTS:
        if code not in competencies:
            continue
        for days_ago, level, signed, comment in ratings:
            at = _at(plan.company, today - timedelta(days=days_ago), 16)
            rows.append(
                Assessment(
                    plan=plan,
                    competency=competencies[code],
                    level=level,
                    comment=comment,
                    assessed_by=consultant,
                    created_at=at,
                    signed_off_by=consultant if signed else None,
                    signed_off_at=at if signed else None,
                )
            )
    Assessment.objects.bulk_create(rows)
    # Briefing the agency with the owner's approval: "with guidance" is enough to hand it over.
    CompetencyRequirement.objects.get_or_create(
        plan=plan, code="suppliers.briefing", defaults={"level": 2, "updated_by": consultant}
    )


def _seed_log(plan, consultant, today) -> None:
    if LogEntry.objects.filter(plan=plan).exists():
        return
    LogEntry.objects.bulk_create(
        [
            LogEntry(
                plan=plan,
                written_on=today - timedelta(days=days_ago),
                text=text,
                created_at=_at(plan.company, today - timedelta(days=days_ago), 18),
                comment=comment,
                commented_by=consultant if comment else None,
                commented_at=_at(plan.company, today - timedelta(days=days_ago - 1), 9) if comment else None,
            )
            for days_ago, text, comment in DEMO_LOG
        ]
    )


SUPERVISED_POSTS = [
    # (days ago, status, title, text submitted, text approved, comment)
    (
        20,
        "approved",
        "Dietro le quinte: il collaudo a 40 bar",
        "Ogni valvola a sfera che esce dall'officina passa il collaudo a 40 bar, pezzo per pezzo. Ecco come lo facciamo.",
        "",
        "",
    ),
    (
        13,
        "edited",
        "MECSPE: vi aspettiamo al padiglione 4",
        "Anche quest'anno saremo al MECSPE!!! Venite a trovarci, ci saranno tante novità.",
        "Dal 4 al 6 marzo siamo al MECSPE di Bologna, padiglione 4 stand B12: portate i vostri disegni, "
        "Paolo dell'ufficio tecnico vi risponde sul posto. Per fissare un appuntamento scriveteci.",
        "Bene l'idea. Ho messo date, stand e un motivo concreto per passare: un post senza questi dettagli non "
        "porta visite. Un punto esclamativo basta.",
    ),
    (
        6,
        "approved",
        "Raccordi a compressione: tre errori di montaggio",
        "Tre errori che vediamo spesso nei raccordi a compressione, e come evitarli: serraggio, taglio del tubo, "
        "ogiva riutilizzata.",
        "",
        "Chiaro e utile.",
    ),
    (
        1,
        "pending",
        "Una giornata con Luca, ufficio vendite",
        "Luca segue i clienti del Nord-Est da dodici anni: gli abbiamo chiesto che cosa gli chiedono più spesso.",
        "",
        "",
    ),
]


def _seed_supervised_posts(plan, consultant, today) -> None:
    """The trainee's LinkedIn posts under supervision: three reviewed (one edited, shown as
    feedback) and one waiting. Idempotent: a company with review records is left alone."""
    from training.supervision import category_review_record
    from training.supervision_models import HeldPost

    company = plan.company
    channel = company.content_channels.filter(kind=ChannelKind.LINKEDIN).first()
    if channel is None or HeldPost.objects.filter(company=company).exists():
        return
    trainee = plan.trainee
    with transaction.atomic():
        for days_ago, status, title, body, approved_body, comment in SUPERVISED_POSTS:
            submitted = _at(company, today - timedelta(days=days_ago), 11)
            reviewed = status != "pending"
            item = ContentItem.objects.create(
                company=company,
                channel=channel,
                author=trainee,
                title=title,
                body=approved_body or body,
                status=ContentItem.Status.APPROVED if reviewed else ContentItem.Status.IN_REVIEW,
                approved_by=consultant if reviewed else None,
                approved_at=submitted + timedelta(hours=3) if reviewed else None,
                scheduled_at=_at(company, today + timedelta(days=3 + days_ago % 5), 10),
            )
            HeldPost.objects.create(
                company=company,
                item=item,
                channel=channel,
                author=trainee,
                title=title,
                body=body,
                status=status,
                approved_title=title if reviewed else "",
                approved_body=(approved_body or body) if reviewed else "",
                comment=comment,
                reviewed_by=consultant if reviewed else None,
                reviewed_at=submitted + timedelta(hours=3) if reviewed else None,
            )
            HeldPost.objects.filter(item=item).update(created_at=submitted)
            if reviewed:
                category_review_record(company=company, kind="post", key=str(channel.pk), changed=status == "edited")
