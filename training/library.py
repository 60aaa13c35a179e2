"""The curriculum library: loaded from `training/curriculum/`, copied into each new plan.

`curriculum_load` is idempotent: it creates what is missing, updates what changed (rows are
matched on their codes and keys, so ids stay put) and removes from the library what the data
no longer has. Plans are never touched: each holds its own copy, made by `library_copy`.
Competencies are never deleted, because assessments and handover items refer to them.
"""

from dataclasses import dataclass

from django.db import transaction

from training.models import Assignment, Competency, Lesson, Module, Resource, TrainingPlan


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    deleted: int = 0

    def __str__(self):
        return f"{self.created} created, {self.updated} updated, {self.deleted} deleted"


def _upsert(report: LoadReport, model, lookup: dict, values: dict):
    """Create the row or update the fields that differ; counts what it did."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model.objects.create(**lookup, **values)
        obj._just_created = True
        report.created += 1
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)
        report.updated += 1
    return obj


def _texts(data: dict, name: str) -> dict:
    texts = data.get(name) or {}
    return {f"{name}_it": texts.get("it", "").strip(), f"{name}_en": texts.get("en", "").strip()}


def curriculum_load(*, competencies: list[dict] | None = None, modules: list[dict] | None = None) -> LoadReport:
    """Bring the library in line with the curriculum data (the default one unless given)."""
    if competencies is None or modules is None:
        from training.curriculum import COMPETENCIES, MODULES

        competencies = COMPETENCIES if competencies is None else competencies
        modules = MODULES if modules is None else modules
    report = LoadReport()
    with transaction.atomic():
        by_code = {}
        for order, data in enumerate(competencies, start=1):
            by_code[data["code"]] = _upsert(
                report,
                Competency,
                {"code": data["code"]},
                {
                    "area": data["area"],
                    "order": order,
                    **_texts(data, "name"),
                    **_texts(data, "description"),
                    "levels": data.get("levels", {}),
                },
            )
        for order, data in enumerate(modules, start=1):
            _load_module(report, data, order, by_code)
        stale = Module.objects.library().exclude(code__in=[m["code"] for m in modules])
        report.deleted += stale.count()
        stale.delete()
    return report


def _load_module(report: LoadReport, data: dict, order: int, competencies: dict) -> None:
    module = _upsert(
        report,
        Module,
        {"plan": None, "code": data["code"]},
        {"order": order, "estimated_hours": data["hours"], **_texts(data, "title"), **_texts(data, "summary")},
    )
    wanted = {competencies[code].pk for code in data.get("competencies", [])}
    if set(module.competencies.values_list("pk", flat=True)) != wanted:
        module.competencies.set(wanted)
        if not getattr(module, "_just_created", False):
            report.updated += 1
    for position, lesson in enumerate(data.get("lessons", []), start=1):
        _upsert(
            report,
            Lesson,
            {"module": module, "key": lesson["key"]},
            {"order": position, **_texts(lesson, "title"), **_texts(lesson, "body")},
        )
    stale = Lesson.objects.filter(module=module).exclude(key__in=[item["key"] for item in data.get("lessons", [])])
    report.deleted += stale.delete()[0]
    for position, task in enumerate(data.get("assignments", []), start=1):
        _upsert(
            report,
            Assignment,
            {"module": module, "key": task["key"]},
            {
                "order": position,
                **_texts(task, "title"),
                **_texts(task, "instructions"),
                "rule": task.get("rule", ""),
                "rule_params": task.get("params", {}),
            },
        )
    stale = Assignment.objects.filter(module=module).exclude(
        key__in=[item["key"] for item in data.get("assignments", [])]
    )
    report.deleted += stale.delete()[0]
    for position, resource in enumerate(data.get("resources", []), start=1):
        _upsert(
            report,
            Resource,
            {"module": module, "url": resource["url"]},
            {"order": position, "title": resource["title"], "language": resource.get("language", "")},
        )
    stale = Resource.objects.filter(module=module).exclude(url__in=[item["url"] for item in data.get("resources", [])])
    report.deleted += stale.delete()[0]


def library_is_empty() -> bool:
    return not Module.objects.library().exists()


def library_copy(plan: TrainingPlan) -> list[Module]:
    """Copy every library module, with its lessons, resources and assignments, into `plan`.

    A fixed number of queries whatever the size of the library: one read per table, one
    bulk insert per table (ids come back from the insert on PostgreSQL and SQLite ≥ 3.35).
    """
    library = list(Module.objects.library().order_by("order", "id"))
    copies = Module.objects.bulk_create(
        [
            Module(
                plan=plan,
                source=module,
                code=module.code,
                order=module.order,
                title_it=module.title_it,
                title_en=module.title_en,
                summary_it=module.summary_it,
                summary_en=module.summary_en,
                estimated_hours=module.estimated_hours,
            )
            for module in library
        ]
    )
    copy_of = {module.pk: copy for module, copy in zip(library, copies, strict=True)}
    through = Module.competencies.through
    through.objects.bulk_create(
        [
            through(module_id=copy_of[row.module_id].pk, competency_id=row.competency_id)
            for row in through.objects.filter(module__in=library)
        ]
    )
    Lesson.objects.bulk_create(
        [
            Lesson(
                module=copy_of[lesson.module_id],
                key=lesson.key,
                order=lesson.order,
                title_it=lesson.title_it,
                title_en=lesson.title_en,
                body_it=lesson.body_it,
                body_en=lesson.body_en,
            )
            for lesson in Lesson.objects.filter(module__in=library)
        ]
    )
    Resource.objects.bulk_create(
        [
            Resource(
                module=copy_of[resource.module_id],
                order=resource.order,
                title=resource.title,
                url=resource.url,
                language=resource.language,
            )
            for resource in Resource.objects.filter(module__in=library)
        ]
    )
    Assignment.objects.bulk_create(
        [
            Assignment(
                module=copy_of[task.module_id],
                key=task.key,
                order=task.order,
                title_it=task.title_it,
                title_en=task.title_en,
                instructions_it=task.instructions_it,
                instructions_en=task.instructions_en,
                rule=task.rule,
                rule_params=task.rule_params,
            )
            for task in Assignment.objects.filter(module__in=library)
        ]
    )
    return copies
