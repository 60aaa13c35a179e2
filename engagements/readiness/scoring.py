"""Scores of a readiness check: per area and overall, as whole percentages.

* An area's score is the mean of its answers (0–3) as a percentage of the maximum, rounded
  half up to a whole number: answers 1, 1, 2 give 44%.
* The overall score is the mean of the area scores (every area weighs the same, however many
  questions it has), rounded the same way.
* Questions without an answer (e.g. added after an old check was taken) are left out; an area
  with no answer at all has no score (None) and does not count in the overall score.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from engagements.models import Company
from engagements.readiness.models import ReadinessAnswer
from engagements.readiness.questionnaire import AREAS, MAX_SCORE, QUESTIONS, Area


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class AreaScore:
    area: Area
    percent: int | None
    answered: int

    @property
    def total(self) -> int:
        return len(self.area.questions)


@dataclass(frozen=True)
class CheckScores:
    areas: tuple[AreaScore, ...]
    overall: int | None

    @property
    def answered(self) -> int:
        return sum(area.answered for area in self.areas)


def score_answers(scores: dict[str, int]) -> CheckScores:
    """Scores from {question key: 0–3}; unknown keys (retired questions) are ignored."""
    area_scores = []
    exact = []
    for area in AREAS:
        values = [scores[q.key] for q in area.questions if q.key in scores]
        if values:
            ratio = Decimal(sum(values)) * 100 / (len(values) * MAX_SCORE)
            exact.append(ratio)
            area_scores.append(AreaScore(area, _whole(ratio), len(values)))
        else:
            area_scores.append(AreaScore(area, None, 0))
    overall = _whole(sum(exact) / len(exact)) if exact else None
    return CheckScores(tuple(area_scores), overall)


def scores_of_checks(company: Company, check_ids) -> dict[int, CheckScores]:
    """Scores of several checks of `company` in one query."""
    answers: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        ReadinessAnswer.objects.for_company(company)
        .filter(readiness_check_id__in=list(check_ids), question_key__in=list(QUESTIONS))
        .values_list("readiness_check_id", "question_key", "score")
    )
    for check_id, key, score in rows:
        answers[check_id][key] = score
    return {check_id: score_answers(answers.get(check_id, {})) for check_id in check_ids}


@dataclass(frozen=True)
class ComparisonRow:
    area: Area
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def compare(before: CheckScores, after: CheckScores) -> tuple[list[ComparisonRow], ComparisonRow]:
    """Per-area rows (after − before, in percentage points) and the overall row."""
    rows = [ComparisonRow(a.area, a.percent, b.percent) for a, b in zip(before.areas, after.areas, strict=True)]
    return rows, ComparisonRow(None, before.overall, after.overall)
