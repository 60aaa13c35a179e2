"""Demo data for the monthly reviews (called by the project's demo seeding)."""

from datetime import date, datetime, time, timedelta

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from engagements.plan.models import Engagement
from engagements.reviews.models import Review, ReviewAction
from engagements.reviews.services import month_bounds, review_draft

# One entry per month of the engagement: (notes, decisions, [(action, owner key, days after the
# month's end when due, done)]). The owner key is "consultant", "owner" or "trainee".
DEMO_MONTHS = [
    (
        "Mese di audit. Il sito riceve circa 15 richieste al mese dal modulo contatti, ma una su tre "
        "resta senza risposta per più di due giorni. Newsletter ferma da un anno, pagina LinkedIn "
        "aggiornata solo in occasione delle fiere.",
        "Presentare l'audit al titolare entro la prima settimana del mese prossimo.\n"
        "Chiara parte in prova tre mattine a settimana: lunedì, mercoledì e venerdì.",
        [
            ("Presentare i risultati dell'audit al titolare", "consultant", 5, True),
            ("Raccogliere le schede tecniche aggiornate dei prodotti", "trainee", 14, True),
            ("Dare accesso agli account social e a Google Business", "owner", 7, True),
        ],
    ),
    (
        "Nuovo modulo contatti online con smistamento a vendite e ufficio tecnico. Tempo medio di prima "
        "risposta sceso da 30 a 9 ore lavorative. Definite la linea editoriale e le tre rubriche.",
        "Il calendario dei contenuti si prepara insieme il primo lunedì del mese.\n"
        "Budget pubblicitario di prova: 300 € al mese su LinkedIn, deciso da Chiara entro questo limite.",
        [
            ("Scrivere le risposte pronte per le cinque domande più frequenti", "trainee", 10, True),
            ("Chiedere all'agenzia web il preventivo per le pagine prodotto", "consultant", 12, True),
            ("Approvare la linea editoriale", "owner", 5, True),
        ],
    ),
    (
        "Prima campagna LinkedIn: 4 richieste qualificate, 2 passate alle vendite. Chiara risponde da sola "
        "alle richieste semplici entro la mattina. La newsletter è ripartita con 320 iscritti.",
        "Dal mese prossimo Chiara è presente tutte le mattine.\n"
        "La casella delle richieste passa a Chiara; io rivedo solo le richieste tecniche.",
        [
            ("Misurare la campagna LinkedIn sugli ordini del trimestre", "consultant", 20, True),
            ("Preparare il piano dei contenuti per la fiera di ottobre", "trainee", 15, False),
            ("Nominare un riferimento in ufficio tecnico per le domande dal web", "owner", 10, True),
        ],
    ),
    (
        "Chiara gestisce la casella delle richieste e i social; tempo di risposta medio di 3 ore lavorative. "
        "Due post al mese non pubblicati per mancanza di foto dal reparto produzione.",
        "Un'ora al mese con la produzione per le foto dei prodotti.\nPreparare il passaggio della newsletter.",
        [
            ("Organizzare la sessione foto in produzione", "trainee", 12, False),
            ("Rivedere con Chiara la prima newsletter scritta da lei", "consultant", 8, False),
            ("Confermare il budget pubblicitario per il prossimo trimestre", "owner", 15, False),
        ],
    ),
    (
        "Newsletter scritta e inviata da Chiara: apertura al 38%. Le richieste passate alle vendite sono "
        "salite a 11 nel mese.",
        "Iniziare il passaggio dei rapporti con l'agenzia web.",
        [("Presentare Chiara all'agenzia web", "consultant", 7, False)],
    ),
    (
        "Passaggio quasi completo: restano condivisi i rapporti con l'agenzia e il budget pubblicitario.",
        "Revisione finale con il titolare a fine mese.",
        [("Fissare la revisione finale con il titolare", "owner", 10, False)],
    ),
]


def seed_demo_reviews(engagement: Engagement, *, consultant, owner, trainee, today: date) -> None:
    """Completed reviews for the engagement's past months and last month as a draft. Idempotent."""
    people = {"consultant": consultant, "owner": owner, "trainee": trainee or consultant}
    tz = engagement.company.tzinfo
    last_month = today.replace(day=1) - relativedelta(months=1)
    month = engagement.starts_on.replace(day=1)
    index = 0
    while month <= last_month:
        review, _created = review_draft(engagement=engagement, month=month)
        notes, decisions, actions = DEMO_MONTHS[min(index, len(DEMO_MONTHS) - 1)]
        _start, end = month_bounds(month)
        if not review.notes and not review.decisions:
            Review.objects.filter(pk=review.pk).update(notes=notes, decisions=decisions)
        # Last month's actions were just decided: due in the coming weeks.
        due_from = end if month < last_month else today
        if not review.actions.exists():
            ReviewAction.objects.bulk_create(
                ReviewAction(
                    review=review,
                    description=description,
                    owner=people[who],
                    due_on=due_from + timedelta(days=due_after),
                    done_on=min(due_from + timedelta(days=due_after - 2), today) if done else None,
                )
                for description, who, due_after, done in actions
            )
        if month < last_month and not review.is_completed:
            completed_at = timezone.make_aware(datetime.combine(end + timedelta(days=3), time(17, 30)), tz)
            Review.objects.filter(pk=review.pk).update(
                status=Review.Status.COMPLETED, completed_at=completed_at, completed_by=consultant
            )
        month += relativedelta(months=1)
        index += 1
