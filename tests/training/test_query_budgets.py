"""Every training page costs a fixed number of queries, whatever the size of the plan.

Each test measures a page on a small plan, then grows the plan tenfold (modules, lessons,
assignments with the same automatic evidence, evidence of every kind, lessons read, signed-off
assessments) and measures it again with the same budget.
"""

import pytest
from django.utils import timezone

from tests.handover.factories import HandoverItemFactory
from tests.training.factories import answered_enquiry, published_post
from training.models import (
    Assessment,
    Assignment,
    Competency,
    CompetencyRequirement,
    Evidence,
    Lesson,
    LessonRead,
    LogEntry,
    Module,
    Resource,
)

# Every page: session, user, membership + company, the company switcher's memberships.
BASE = 4


@pytest.fixture
def task(plan):
    return Assignment.objects.get(module__plan=plan, module__code="module-1", key="task-1")


@pytest.fixture
def module(plan):
    return plan.modules.get(code="module-1")


@pytest.fixture
def evidence_of_every_kind(company, digital_manager, consultant, task, plan):
    post = published_post(company, digital_manager)
    enquiry = answered_enquiry(company, digital_manager, seconds=600, at=timezone.now())
    common = {"company": company, "assignment": task, "added_by": digital_manager}
    Evidence.objects.create(kind="note", note="**Fatto**", **common)
    Evidence.objects.create(kind="link", url="https://example.org/a", **common)
    Evidence.objects.create(kind="content", content_item=post, **common)
    Evidence.objects.create(kind="conversation", conversation=enquiry, **common)
    LessonRead.objects.create(lesson=Lesson.objects.filter(module__plan=plan).first(), user=digital_manager)
    competency = Competency.objects.first()
    Assessment.objects.create(
        plan=plan, competency=competency, level=2, signed_off_at=timezone.now(), signed_off_by=consultant
    )
    # A responsibility whose readiness needs both the inbox and the content shares.
    HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply", "content.writing"])
    LogEntry.objects.create(plan=plan, written_on=timezone.localdate(), text="Ho imparato i filtri.")


def grow(plan, company, digital_manager, factor=10):
    """Ten times the rows: more modules, more lessons and assignments in module-1, more evidence."""
    competencies = list(Competency.objects.all())
    existing = plan.modules.count()
    new_modules = Module.objects.bulk_create(
        [
            Module(plan=plan, code=f"extra-{n}", order=100 + n, title_it=f"Extra {n}", target_on=timezone.localdate())
            for n in range(existing * (factor - 1))
        ]
    )
    through = Module.competencies.through
    through.objects.bulk_create(
        [through(module_id=m.pk, competency_id=c.pk) for m in new_modules for c in competencies]
    )
    first = plan.modules.get(code="module-1")
    lessons, tasks, resources = [], [], []
    for m in [*new_modules, *[first] * (factor - 1)]:
        lessons += [Lesson(module=m, order=50 + i, title_it=f"Lezione {i}", body_it="Testo *utile*.") for i in range(2)]
        tasks.append(Assignment(module=m, order=50, title_it="Compito", due_on=timezone.localdate()))
        tasks.append(
            Assignment(
                module=m,
                order=51,
                title_it="Prova",
                rule="enquiries_answered",
                rule_params={"min_count": 2, "weeks": 4},
            )
        )
        resources.append(Resource(module=m, title="Guida", url="https://example.org/g"))
    Lesson.objects.bulk_create(lessons)
    Assignment.objects.bulk_create(tasks)
    Resource.objects.bulk_create(resources)
    LessonRead.objects.bulk_create(
        [LessonRead(lesson=lesson, user=digital_manager) for lesson in Lesson.objects.filter(module__plan=plan)],
        ignore_conflicts=True,
    )
    seed = list(Evidence.objects.filter(assignment__module__plan=plan))
    copies = []
    for assignment in Assignment.objects.filter(module__plan=plan):
        for item in seed:
            copies.append(
                Evidence(
                    company=company,
                    assignment=assignment,
                    kind="note" if item.kind in ("content", "conversation") else item.kind,
                    note=item.note or "Nota",
                    url=item.url,
                    added_by=digital_manager,
                )
            )
    task = Assignment.objects.get(module=first, key="task-1")
    for n in range(factor * 4):
        post = published_post(company, digital_manager)
        copies.append(Evidence(company=company, assignment=task, kind="content", content_item=post))
        if n % 4 == 0:
            enquiry = answered_enquiry(company, digital_manager, seconds=600, at=timezone.now())
            copies.append(Evidence(company=company, assignment=task, kind="conversation", conversation=enquiry))
    Evidence.objects.bulk_create(copies)
    Assessment.objects.bulk_create(
        [
            Assessment(
                plan=plan, competency=c, level=3, signed_off_at=timezone.now(), signed_off_by=plan.engagement.consultant
            )
            for c in competencies
            for _ in range(factor)
        ]
    )
    CompetencyRequirement.objects.bulk_create(
        [CompetencyRequirement(plan=plan, code=c.code, level=2) for c in competencies], ignore_conflicts=True
    )
    LogEntry.objects.bulk_create(
        [LogEntry(plan=plan, written_on=timezone.localdate(), text=f"Nota {n}", comment="Bene") for n in range(30)]
    )
    for _n in range(factor):
        HandoverItemFactory(engagement=plan.engagement, competencies=["inbox.reply", "social.publishing"])


def _measure(client, url, budget, django_assert_max_num_queries):
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    assert response.status_code == 200
    return response


def _both_sizes(client, url, budget, plan, company, digital_manager, django_assert_max_num_queries):
    client.get(f"/c/{company.slug}/")  # the session notes the last company once
    _measure(client, url, budget, django_assert_max_num_queries)
    grow(plan, company, digital_manager)
    return _measure(client, url, budget, django_assert_max_num_queries)


@pytest.mark.usefixtures("evidence_of_every_kind")
def test_my_training_query_budget(login, company, digital_manager, plan, django_assert_max_num_queries):
    # BASE + the trainee's plan (with engagement and trainee), modules with their counts,
    # assignments with evidence counts, one automatic evidence rule (shared by every
    # assignment that has it), the latest evidence (with assignment, content, enquiry), the
    # evidence count, the learning log (with who commented).
    response = _both_sizes(
        login(digital_manager),
        f"/c/{company.slug}/training/",
        BASE + 7,
        plan,
        company,
        digital_manager,
        django_assert_max_num_queries,
    )
    assert "La mia formazione" in response.content.decode()


@pytest.mark.usefixtures("evidence_of_every_kind")
def test_progress_page_query_budget(login, company, consultant, digital_manager, plan, django_assert_max_num_queries):
    # BASE + the current plan, modules with counts, assignments with evidence counts, one
    # rule, competency links, competencies, signed-off assessments, required levels, every
    # plan (for the links to the others), the evidence count, the learning log; readiness:
    # handover items, required levels, signed-off levels by code, competency names, the inbox
    # share, the content shares, the supervised post reviews.
    response = _both_sizes(
        login(consultant),
        f"/c/{company.slug}/training/plans/{plan.pk}/",
        BASE + 18,
        plan,
        company,
        digital_manager,
        django_assert_max_num_queries,
    )
    assert "Formazione di" in response.content.decode()


@pytest.mark.usefixtures("evidence_of_every_kind")
def test_module_page_query_budget(login, company, digital_manager, plan, module, django_assert_max_num_queries):
    # BASE + the module (with plan, engagement, trainee), its competencies, lessons with
    # whether they were read, resources, assignments with evidence counts, one rule.
    _both_sizes(
        login(digital_manager),
        f"/c/{company.slug}/training/modules/{module.pk}/",
        BASE + 6,
        plan,
        company,
        digital_manager,
        django_assert_max_num_queries,
    )


@pytest.mark.usefixtures("evidence_of_every_kind")
def test_assignment_page_query_budget(login, company, digital_manager, plan, task, django_assert_max_num_queries):
    # BASE + the assignment (with module, plan, engagement, trainee), its evidence (with
    # content item and channel, enquiry, author), the evidence form's two pickers (published
    # content with channel, answered enquiries with contact).
    response = _both_sizes(
        login(digital_manager),
        f"/c/{company.slug}/training/assignments/{task.pk}/",
        BASE + 4,
        plan,
        company,
        digital_manager,
        django_assert_max_num_queries,
    )
    assert "Aggiungi una prova" in response.content.decode()


@pytest.mark.usefixtures("evidence_of_every_kind")
def test_schedule_page_query_budget(login, company, consultant, digital_manager, plan, django_assert_max_num_queries):
    # BASE + the plan, its modules.
    _both_sizes(
        login(consultant),
        f"/c/{company.slug}/training/plans/{plan.pk}/schedule/",
        BASE + 2,
        plan,
        company,
        digital_manager,
        django_assert_max_num_queries,
    )


@pytest.mark.usefixtures("evidence_of_every_kind")
def test_module_edit_page_query_budget(
    login, company, consultant, digital_manager, plan, module, django_assert_max_num_queries
):
    # BASE + the module, its chosen competencies, every competency (checkboxes), its resources.
    _both_sizes(
        login(consultant),
        f"/c/{company.slug}/training/modules/{module.pk}/edit/",
        BASE + 4,
        plan,
        company,
        digital_manager,
        django_assert_max_num_queries,
    )


@pytest.mark.usefixtures("evidence_of_every_kind")
def test_lesson_and_assignment_edit_pages_query_budget(
    login, company, consultant, digital_manager, plan, task, django_assert_max_num_queries
):
    lesson = Lesson.objects.filter(module=task.module).first()
    client = login(consultant)
    client.get(f"/c/{company.slug}/")
    # BASE + the lesson (with its module and plan); BASE + the assignment (with module and plan).
    for grown in (False, True):
        if grown:
            grow(plan, company, digital_manager)
        _measure(
            client, f"/c/{company.slug}/training/lessons/{lesson.pk}/edit/", BASE + 1, django_assert_max_num_queries
        )
        _measure(
            client, f"/c/{company.slug}/training/assignments/{task.pk}/edit/", BASE + 1, django_assert_max_num_queries
        )
