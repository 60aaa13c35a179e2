"""The default plan of an engagement, stretched to the chosen length."""

from datetime import date, timedelta

from django.utils.translation import gettext_lazy as _

from engagements.plan.models import Objective, Phase

# (kind, share of the engagement's days, [(milestone, when within the phase: 0..1)])
DEFAULT_PHASES = [
    (
        Phase.Kind.AUDIT,
        0.13,
        [
            (_("Digital readiness check completed"), 0.5),
            (_("Audit presented to the owner"), 1.0),
        ],
    ),
    (
        Phase.Kind.RESTRUCTURING,
        0.24,
        [
            (_("New website contact form and enquiry routing live"), 0.6),
            (_("Editorial line and content pillars agreed"), 1.0),
        ],
    ),
    (
        Phase.Kind.ACTIVATION,
        0.24,
        [
            (_("Social channels and newsletter active"), 0.5),
            (_("First paid campaign measured against sales"), 1.0),
        ],
    ),
    (
        Phase.Kind.COACHING,
        0.24,
        [
            (_("Digital manager answers enquiries alone"), 0.5),
            (_("Digital manager plans the monthly calendar alone"), 1.0),
        ],
    ),
    (
        Phase.Kind.HANDOVER,
        0.15,
        [
            (_("All responsibilities handed over"), 0.8),
            (_("Final review with the owner"), 1.0),
        ],
    ),
]

DEFAULT_OBJECTIVES = [
    (Objective.Kind.QUALIFIED_ENQUIRIES, Objective.Direction.AT_LEAST, 20),
    (Objective.Kind.FIRST_RESPONSE, Objective.Direction.AT_MOST, 4),
    (Objective.Kind.CONTENT_PUBLISHED, Objective.Direction.AT_LEAST, 12),
]


def default_phase_spans(starts_on: date, planned_end_on: date) -> list[tuple[date, date]]:
    """Contiguous (start, end) spans for the default phases, covering the whole plan."""
    total_days = (planned_end_on - starts_on).days + 1
    spans = []
    cursor = starts_on
    for index, (_kind, share, _milestones) in enumerate(DEFAULT_PHASES):
        if index == len(DEFAULT_PHASES) - 1:
            end = planned_end_on
        else:
            end = cursor + timedelta(days=max(1, round(total_days * share)) - 1)
        spans.append((cursor, end))
        cursor = end + timedelta(days=1)
    return spans
