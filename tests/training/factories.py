"""Training plans for tests: a small curriculum of our own (or the default one), copied into a
plan by the real services, and real inbox and content rows for the automatic evidence."""

from datetime import timedelta

from django.utils import timezone

from contentdesk.models import ContentItem
from inbox.models import Message
from tests.contentdesk.factories import ContentItemFactory
from tests.inbox.factories import ConversationFactory, MessageFactory
from training.library import curriculum_load
from training.services import plan_create

TEST_COMPETENCIES = [
    {"code": "inbox.reply", "area": "enquiries", "name": {"it": "Rispondere", "en": "Answering"}},
    {"code": "content.writing", "area": "writing", "name": {"it": "Scrivere", "en": "Writing"}},
]


def curriculum(modules: int = 3, lessons: int = 2, assignments: int = 2, rule_every: int = 2) -> list[dict]:
    """Curriculum data: `modules` modules, each with lessons and assignments; every
    `rule_every`-th assignment carries the same automatic evidence (so a page evaluates it once)."""
    data = []
    for m in range(1, modules + 1):
        tasks = []
        for a in range(1, assignments + 1):
            task = {
                "key": f"task-{a}",
                "title": {"it": f"Compito {m}.{a}", "en": f"Task {m}.{a}"},
                "instructions": {"it": f"Fai il compito {m}.{a}.", "en": f"Do task {m}.{a}."},
            }
            if rule_every and a % rule_every == 0:
                task |= {"rule": "enquiries_answered", "params": {"min_count": 2, "weeks": 4}}
            tasks.append(task)
        data.append(
            {
                "code": f"module-{m}",
                "hours": 4,
                "competencies": ["inbox.reply"] if m % 2 else ["content.writing"],
                "title": {"it": f"Modulo {m}", "en": f"Module {m}"},
                "summary": {"it": f"Il modulo {m} in breve.", "en": f"Module {m} in short."},
                "lessons": [
                    {
                        "key": f"lesson-{n}",
                        "title": {"it": f"Lezione {m}.{n}", "en": f"Lesson {m}.{n}"},
                        "body": {"it": f"Testo **italiano** {m}.{n}", "en": f"English **text** {m}.{n}"},
                    }
                    for n in range(1, lessons + 1)
                ],
                "resources": [{"title": f"Guida {m}", "url": f"https://example.org/guida-{m}", "language": "it"}],
                "assignments": tasks,
            }
        )
    return data


def load_test_curriculum(**sizes):
    return curriculum_load(competencies=TEST_COMPETENCIES, modules=curriculum(**sizes))


def make_plan(engagement, consultant, today=None):
    return plan_create(engagement=engagement, created_by=consultant, today=today)


def answered_enquiry(company, trainee, *, seconds: int, at, language="it", first_author=None, status="resolved"):
    """A real answered enquiry: the customer's message, the automatic acknowledgement, then
    the first human reply (by `first_author`, the trainee unless said) at `at`."""
    conversation = ConversationFactory(
        company=company,
        created_at=at - timedelta(seconds=seconds),
        first_response_at=at,
        first_response_seconds=seconds,
        language=language,
        status=status,
    )
    MessageFactory(conversation=conversation, direction=Message.Direction.IN)
    MessageFactory(
        conversation=conversation,
        direction=Message.Direction.OUT,
        is_automatic=True,
        author=None,
        body_text="Grazie, abbiamo ricevuto la sua richiesta.",
        created_at=conversation.created_at + timedelta(seconds=5),
    )
    MessageFactory(
        conversation=conversation,
        direction=Message.Direction.OUT,
        author=first_author or trainee,
        body_text="Buongiorno, le mando la scheda tecnica.",
        created_at=at,
    )
    return conversation


def published_post(company, author, *, at=None, changes_requested=0, **extra):
    at = at or timezone.now() - timedelta(days=2)
    return ContentItemFactory(
        company=company,
        author=author,
        status=ContentItem.Status.PUBLISHED,
        scheduled_at=at,
        published_at=at,
        changes_requested=changes_requested,
        **extra,
    )
