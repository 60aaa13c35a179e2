"""The consultant's edits of a plan's copy of the curriculum; each runs in a transaction.

Only plan modules are edited here (the library changes with `load_curriculum`), and the views
reach them through `for_company`, so an edit never crosses into another company or the library.
"""

from django.db import transaction
from django.db.models import Max

from training.models import Assignment, Lesson, Module

MODULE_FIELDS = ["title_it", "title_en", "summary_it", "summary_en", "estimated_hours", "target_on"]
LESSON_FIELDS = ["title_it", "title_en", "body_it", "body_en"]
ASSIGNMENT_FIELDS = ["title_it", "title_en", "instructions_it", "instructions_en", "due_on", "rule", "rule_params"]


def module_update(*, module: Module, data: dict, resources_formset=None) -> Module:
    """Change a module's texts, hours, target date, competencies and resources.

    Assignments that were due on the old target date follow the new one, as on the plan page.
    """
    with transaction.atomic():
        old_target = module.target_on
        for name in MODULE_FIELDS:
            setattr(module, name, data[name])
        module.save(update_fields=MODULE_FIELDS)
        if old_target != module.target_on:
            Assignment.objects.filter(module=module, due_on=old_target, status=Assignment.Status.OPEN).update(
                due_on=module.target_on
            )
        module.competencies.set(data["competencies"])
        if resources_formset is not None:
            resources_formset.instance = module
            resources_formset.save()
    return module


def _next_order(queryset) -> int:
    last = queryset.aggregate(last=Max("order"))["last"]
    return 1 if last is None else last + 1


def lesson_save(*, module: Module, data: dict, lesson: Lesson | None = None) -> Lesson:
    with transaction.atomic():
        if lesson is None:
            lesson = Lesson(module=module, order=_next_order(Lesson.objects.filter(module=module)))
        for name in LESSON_FIELDS:
            setattr(lesson, name, data[name])
        lesson.save()
    return lesson


def lesson_delete(*, lesson: Lesson) -> None:
    with transaction.atomic():
        lesson.delete()


def assignment_save(*, module: Module, data: dict, assignment: Assignment | None = None) -> Assignment:
    with transaction.atomic():
        if assignment is None:
            assignment = Assignment(
                module=module,
                order=_next_order(Assignment.objects.filter(module=module)),
                due_on=module.target_on,
            )
        for name in ASSIGNMENT_FIELDS:
            if name in data:
                setattr(assignment, name, data[name])
        if assignment.due_on is None and assignment.pk is None:
            # A new assignment without a date is due with its module.
            assignment.due_on = module.target_on
        assignment.save()
    return assignment


def assignment_delete(*, assignment: Assignment) -> None:
    """Remove an assignment with its evidence (files are deleted after commit)."""
    names = [(e.file.storage, e.file.name) for e in assignment.evidence.exclude(file="")]
    with transaction.atomic():
        assignment.delete()
        for storage, name in names:
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
