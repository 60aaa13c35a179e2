"""Demo readiness checks (called by the demo seeding; safe to run again).

`scores` picks a profile:

* "initial": the audit at the start of the engagement, low-ish: a website that is a
  brochure, enquiries in a shared mailbox, nobody listening, nothing measured;
* "earlier": an older audit (e.g. three years before), lower still, except the content and
  the newsletter that someone wrote back then before leaving — so the comparison shows ups
  and downs;
* "improved": a re-audit after the engagement, with most answers "mostly" or "yes".
"""

from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _

from engagements.models import Company, User
from engagements.readiness.models import ReadinessCheck
from engagements.readiness.questionnaire import QUESTIONS
from engagements.readiness.services import readiness_check_create

PROFILES: dict[str, dict[str, int]] = {
    "initial": {
        "presence.site_up_to_date": 2,
        "presence.social_ready": 1,
        "presence.mobile": 0,
        "presence.newsletter": 1,
        "conversation.two_way_site": 1,
        "conversation.real_time": 0,
        "conversation.existing_customers": 1,
        "conversation.human_voice": 1,
        "listening.knows_what_is_said": 0,
        "listening.someone_cares": 1,
        "listening.monitoring": 0,
        "content.who_writes": 1,
        "content.plan": 0,
        "content.product_knowledge": 2,
        "content.languages": 1,
        "enquiries.who_answers": 1,
        "enquiries.response_time": 1,
        "enquiries.routing": 2,
        "enquiries.nothing_lost": 1,
        "measurement.against_sales": 1,
        "measurement.monthly_review": 0,
        "measurement.analytics": 1,
        "measurement.budget": 0,
        "people.web_owner": 1,
        "people.time": 0,
        "people.training": 0,
        "people.culture": 2,
    },
    "earlier": {
        "presence.site_up_to_date": 1,
        "presence.social_ready": 0,
        "presence.mobile": 0,
        "presence.newsletter": 2,
        "conversation.two_way_site": 1,
        "conversation.real_time": 0,
        "conversation.existing_customers": 1,
        "conversation.human_voice": 0,
        "listening.knows_what_is_said": 0,
        "listening.someone_cares": 0,
        "listening.monitoring": 0,
        "content.who_writes": 2,
        "content.plan": 1,
        "content.product_knowledge": 1,
        "content.languages": 1,
        "enquiries.who_answers": 1,
        "enquiries.response_time": 0,
        "enquiries.routing": 1,
        "enquiries.nothing_lost": 0,
        "measurement.against_sales": 0,
        "measurement.monthly_review": 0,
        "measurement.analytics": 0,
        "measurement.budget": 0,
        "people.web_owner": 0,
        "people.time": 0,
        "people.training": 1,
        "people.culture": 1,
    },
    "improved": {
        "presence.site_up_to_date": 3,
        "presence.social_ready": 2,
        "presence.mobile": 1,
        "presence.newsletter": 2,
        "conversation.two_way_site": 3,
        "conversation.real_time": 2,
        "conversation.existing_customers": 2,
        "conversation.human_voice": 2,
        "listening.knows_what_is_said": 2,
        "listening.someone_cares": 3,
        "listening.monitoring": 2,
        "content.who_writes": 3,
        "content.plan": 2,
        "content.product_knowledge": 3,
        "content.languages": 2,
        "enquiries.who_answers": 3,
        "enquiries.response_time": 3,
        "enquiries.routing": 2,
        "enquiries.nothing_lost": 3,
        "measurement.against_sales": 2,
        "measurement.monthly_review": 3,
        "measurement.analytics": 2,
        "measurement.budget": 2,
        "people.web_owner": 3,
        "people.time": 3,
        "people.training": 2,
        "people.culture": 3,
    },
}


def _texts(profile: str, year: int) -> tuple[str, str, dict[str, str]]:
    """Label, notes and a few answer notes, in the active language."""
    if profile == "earlier":
        return (
            _("Audit %(year)s") % {"year": year},
            _(
                "First look at the web, before any engagement: an employee wrote product news and a newsletter for dealers."
            ),
            {"presence.newsletter": _("Sent every quarter to dealers; stopped when the person in charge left.")},
        )
    if profile == "improved":
        return (
            _("Re-audit %(year)s") % {"year": year},
            _("After the engagement: the digital manager runs the inbox, the calendar and the monthly figures."),
            {"enquiries.response_time": _("Median first reply under two working hours.")},
        )
    return (
        _("Initial audit %(year)s") % {"year": year},
        _(
            "Start of the engagement. The website is a brochure; enquiries land in a shared mailbox "
            "and wait for whoever has time; nobody reads what is said about the company online."
        ),
        {
            "content.product_knowledge": _(
                "The technical office knows the products well but does not write for the web."
            ),
            "enquiries.response_time": _("Three to five days on average; some enquiries never answered."),
            "people.culture": _("The owner wants results tied to sales and is ready to try."),
        },
    )


def seed_demo_readiness(
    company: Company, *, consultant: User, taken_on: date, scores: str = "initial", label: str | None = None
) -> ReadinessCheck:
    """One check of the given profile on `taken_on`, unless the company already has a check that day."""
    if scores not in PROFILES:
        raise ValueError(f"Unknown readiness profile {scores!r}: choose one of {sorted(PROFILES)}.")
    existing = ReadinessCheck.objects.for_company(company).filter(taken_on=taken_on).first()
    if existing is not None:
        return existing
    with translation.override(company.language):
        default_label, notes, answer_notes = _texts(scores, taken_on.year)
        answers = {key: (PROFILES[scores].get(key, 0), str(answer_notes.get(key, ""))) for key in QUESTIONS}
        return readiness_check_create(
            company=company,
            created_by=consultant,
            taken_on=taken_on,
            label=label or default_label,
            notes=notes,
            answers=answers,
        )
