"""The digital readiness questionnaire of the audit, defined in code.

The questions come from the two articles behind Staffetta: is the company ready for social
networks or a mobile app, does the website hold a two-way conversation with its visitors,
does anyone know (and care) what is said about the company online, who writes content, who
answers enquiries and how fast, are results measured against sales, and is there a person
for the web with time and training.

Each question has a stable key (stored with the answers, so never rename one: add a new
question instead) and four answers scored 0–3. Checks taken before a question existed
simply lack it; scores are computed from the questions answered.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

MAX_SCORE = 3

DEFAULT_ANSWERS = (_("No"), _("In part"), _("Mostly"), _("Yes, systematically"))


@dataclass(frozen=True)
class Question:
    key: str
    text: str | Promise
    answers: tuple = DEFAULT_ANSWERS

    def answer_label(self, score: int | None):
        if score is None or not 0 <= score <= MAX_SCORE:
            return None
        return self.answers[score]

    @property
    def choices(self) -> list[tuple[int, str | Promise]]:
        return list(enumerate(self.answers))


@dataclass(frozen=True)
class Area:
    key: str
    title: str | Promise
    description: str | Promise
    questions: tuple[Question, ...]


AREAS: tuple[Area, ...] = (
    Area(
        "presence",
        _("Presence & channels"),
        _("Is the company ready for the web, social networks and mobile?"),
        (
            Question(
                "presence.site_up_to_date",
                _("Is the website kept up to date (products, news, contacts) by someone in the company?"),
            ),
            Question(
                "presence.social_ready",
                _(
                    "Is the company ready for social networks: does it know which ones its customers use "
                    "and who would look after them?"
                ),
            ),
            Question(
                "presence.mobile",
                _(
                    "Has the company considered whether a mobile app or mobile tools would make the work of "
                    "its salespeople easier or improve communication?"
                ),
            ),
            Question(
                "presence.newsletter",
                _("Does the company send a newsletter to the customers and prospects who asked for it?"),
            ),
        ),
    ),
    Area(
        "conversation",
        _("Conversation with visitors"),
        _("Markets are conversations: does the company take part in them?"),
        (
            Question(
                "conversation.two_way_site",
                _("Does the website offer a two-way conversation with its visitors (form, chat, comments)?"),
            ),
            Question(
                "conversation.real_time",
                _("Can a visitor get an answer in real time (for example by chat) during working hours?"),
            ),
            Question(
                "conversation.existing_customers",
                _("Are existing customers also looked after online (questions, support, follow-ups)?"),
            ),
            Question(
                "conversation.human_voice",
                _(
                    "Does the company answer comments and links with a human voice, instead of only "
                    "broadcasting advertising?"
                ),
            ),
        ),
    ),
    Area(
        "listening",
        _("Listening"),
        _("Does anyone know what is said about the company online, and does anybody care?"),
        (
            Question(
                "listening.knows_what_is_said",
                _("Does anyone know what is said online about the company and its products?"),
            ),
            Question(
                "listening.someone_cares",
                _("Does anybody care: is someone in charge of reacting to what is said?"),
            ),
            Question(
                "listening.monitoring",
                _(
                    "Are mentions, reviews and discussions in the sector followed with a tool (alerts, feeds) "
                    "rather than by chance?"
                ),
            ),
        ),
    ),
    Area(
        "content",
        _("Content"),
        _("Who writes for the web, how often and how well?"),
        (
            Question(
                "content.who_writes",
                _("Is there a named person who writes content for the web (texts, photos) as part of their job?"),
            ),
            Question(
                "content.plan",
                _("Is content published regularly, following a calendar, rather than now and then?"),
            ),
            Question(
                "content.product_knowledge",
                _(
                    "Does the person who writes know the products, their limits, the common problems and the "
                    "strengths well enough to write without mistakes?"
                ),
            ),
            Question(
                "content.languages",
                _("Is content written well in Italian and, where customers need it, in English?"),
            ),
        ),
    ),
    Area(
        "enquiries",
        _("Enquiries & response"),
        _("Who answers the enquiries that arrive from the web, and how fast?"),
        (
            Question(
                "enquiries.who_answers",
                _("Is it clear who answers the enquiries that arrive from the web?"),
            ),
            Question(
                "enquiries.response_time",
                _("How fast is a web enquiry usually answered?"),
                answers=(
                    _("After several days, or never"),
                    _("Within a few days"),
                    _("Within one working day"),
                    _("Within a few working hours"),
                ),
            ),
            Question(
                "enquiries.routing",
                _("Does the person who answers get quick replies from sales, R&D and production when needed?"),
            ),
            Question(
                "enquiries.nothing_lost",
                _("Is every enquiry recorded, so that none is lost or forgotten?"),
            ),
        ),
    ),
    Area(
        "measurement",
        _("Measurement against sales"),
        _("Are online results tied to sales and read every month?"),
        (
            Question(
                "measurement.against_sales",
                _("Are the results of online activity measured against sales (leads passed to sales, orders)?"),
            ),
            Question(
                "measurement.monthly_review",
                _("Are the results reviewed every month and used to decide what to do next?"),
            ),
            Question(
                "measurement.analytics",
                _("Are website visits and the results of campaigns tracked (analytics, conversions)?"),
            ),
            Question(
                "measurement.budget",
                _("Are small online budgets (ads, tools) planned, spent with autonomy and checked against results?"),
            ),
        ),
    ),
    Area(
        "people",
        _("People & skills"),
        _("Is there someone for the web, with time, training and the management's support?"),
        (
            Question(
                "people.web_owner",
                _("Is there a person responsible for the web, working with the sales, R&D and production managers?"),
            ),
            Question(
                "people.time",
                _("Does that person have time set aside for the web (at least a few mornings a week)?"),
            ),
            Question(
                "people.training",
                _("Is that person trained and kept up to date on web marketing, with the support of an expert?"),
            ),
            Question(
                "people.culture",
                _("Does the management see the web as a relationship with customers and support the change?"),
            ),
        ),
    ),
)

QUESTIONS: dict[str, Question] = {question.key: question for area in AREAS for question in area.questions}
AREA_OF_QUESTION: dict[str, Area] = {question.key: area for area in AREAS for question in area.questions}
