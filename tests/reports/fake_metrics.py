"""A metrics source for the registry's tests, shaped as the training app's."""

from datetime import date


def figures(company, start, end):
    return {
        "has_plan": True,
        "readiness_overall": 40,
        "items_ready": 2,
        "items_total": 6,
        "modules_completed": 1,
        "period": [start.isoformat(), end.isoformat()],
    }


def training_tasks_due(company, user, until):
    return [
        {"kind": "assignment", "id": 7, "title": "Rispondi a tre richieste", "due_on": date(2026, 11, 18),
         "module_title": "Posta in arrivo"},
        {"kind": "module", "id": 3, "title": "Il calendario editoriale", "due_on": date(2026, 11, 25),
         "module_title": "Il calendario editoriale"},
    ]  # fmt: skip
