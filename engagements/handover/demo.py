"""Demo data for the handover board (called by the project's demo seeding)."""

from datetime import date, timedelta

from engagements.handover.models import STATE_ORDER, HandoverMove, HandoverState
from engagements.handover.services import handover_default_items, handover_move
from engagements.plan.models import Engagement

# (position in the default list, [(target state, share of the way from the start to today, note)])
DEMO_MOVES = [
    (
        0,  # Inbox of web enquiries
        [
            (HandoverState.SHARED, 0.35, "Chiara risponde alle richieste semplici, io rivedo quelle tecniche."),
            (HandoverState.TRAINEE, 0.75, "Tempi di risposta sotto le 4 ore per tre settimane di fila."),
        ],
    ),
    (
        3,  # Social accounts
        [
            (HandoverState.SHARED, 0.45, "Calendario dei post condiviso, pubblica Chiara."),
            (HandoverState.TRAINEE, 0.85, "Gestisce da sola commenti e messaggi su LinkedIn e Facebook."),
        ],
    ),
    (1, [(HandoverState.SHARED, 0.55, "Il piano del mese lo prepariamo insieme il primo lunedì.")]),  # Content calendar
    (
        2,
        [(HandoverState.SHARED, 0.7, "Prima newsletter scritta da Chiara, io ho fatto solo la revisione.")],
    ),  # Newsletter
]


def seed_demo_handover(engagement: Engagement, *, consultant, today: date) -> None:
    """The default responsibilities, some shared and two already with the trainee. Idempotent."""
    handover_default_items(engagement)
    if HandoverMove.objects.filter(item__engagement=engagement).exists():
        return
    items = list(engagement.handover_items.order_by("order", "id"))
    span = max((today - engagement.starts_on).days, 0)
    for position, steps in DEMO_MOVES:
        if position >= len(items):
            continue
        item = items[position]
        item.engagement = engagement
        for to_state, share, note in steps:
            if item.state == to_state or abs(STATE_ORDER.index(to_state) - STATE_ORDER.index(item.state)) != 1:
                continue
            moved_on = min(engagement.starts_on + timedelta(days=round(span * share)), today)
            handover_move(
                item=item,
                to_state=to_state,
                user=consultant,
                moved_on=moved_on,
                note=note,
                # Kept only while the training has not signed off the levels the item needs.
                not_ready_reason="Lo fa già da sola da settimane: la valutazione formale arriva dopo.",
            )
