"""Taking, changing and deleting readiness checks."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from engagements.models import Company, User
from engagements.readiness.models import ReadinessAnswer, ReadinessCheck
from engagements.readiness.questionnaire import MAX_SCORE, QUESTIONS

# {question key: (score 0–3, note)}
Answers = dict[str, tuple[int, str]]


def _clean_answers(answers: Answers) -> Answers:
    unknown = sorted(set(answers) - set(QUESTIONS))
    if unknown:
        raise ValidationError(_("Unknown question: %(keys)s.") % {"keys": ", ".join(unknown)})
    for key, (score, _note) in answers.items():
        if not isinstance(score, int) or not 0 <= score <= MAX_SCORE:
            raise ValidationError(
                _("The answer to “%(question)s” must be scored from 0 to %(max)s.")
                % {"question": QUESTIONS[key].text, "max": MAX_SCORE}
            )
    return answers


def _save_answers(check: ReadinessCheck, answers: Answers) -> None:
    ReadinessAnswer.objects.bulk_create(
        ReadinessAnswer(readiness_check=check, question_key=key, score=score, note=(note or "").strip())
        for key, (score, note) in sorted(answers.items())
    )


def readiness_check_create(
    *, company: Company, created_by: User | None, taken_on: date, label: str, notes: str = "", answers: Answers
) -> ReadinessCheck:
    answers = _clean_answers(answers)
    with transaction.atomic():
        check = ReadinessCheck.objects.create(
            company=company, created_by=created_by, taken_on=taken_on, label=label, notes=notes
        )
        _save_answers(check, answers)
    return check


def readiness_check_update(
    *, check: ReadinessCheck, taken_on: date, label: str, notes: str, answers: Answers
) -> ReadinessCheck:
    """Change a check; the answers to today's questions are replaced by `answers`.

    Answers to questions retired from the questionnaire stay as they were: they are the
    record of what was asked then.
    """
    answers = _clean_answers(answers)
    with transaction.atomic():
        check.taken_on, check.label, check.notes = taken_on, label, notes
        check.save(update_fields=["taken_on", "label", "notes", "updated_at"])
        check.answers.filter(question_key__in=list(QUESTIONS)).delete()
        _save_answers(check, answers)
    return check


def readiness_check_delete(*, check: ReadinessCheck) -> None:
    check.delete()
