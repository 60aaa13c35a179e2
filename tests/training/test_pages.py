"""The training pages: what each role sees, both languages, sanitized lessons, tenancy."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagements.roles import Role
from tests.handover.factories import EngagementFactory
from tests.training.factories import answered_enquiry
from training.models import Assignment, Lesson, Module, TrainingPlan


def _url(company, suffix=""):
    return f"/c/{company.slug}/training/{suffix}"


def test_trainee_sees_modules_in_order_with_target_dates_status_and_next_assignments(
    login, company, digital_manager, plan
):
    first = plan.modules.get(code="module-1")
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "La mia formazione" in content
    assert content.index("Modulo 1") < content.index("Modulo 2") < content.index("Modulo 3")
    assert first.target_on.strftime("%d/%m/%Y") in content
    assert "Da iniziare" in content
    assert "Prossimi compiti" in content
    assert "Compito 1.1" in content
    assert "0 moduli completati su 3" in content


def test_overdue_module_and_assignment_are_marked_for_the_trainee(login, company, digital_manager, plan):
    late = plan.modules.get(code="module-1")
    yesterday = timezone.localdate() - timedelta(days=1)
    Module.objects.filter(pk=late.pk).update(target_on=yesterday)
    Assignment.objects.filter(module=late).update(due_on=yesterday)
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "In ritardo" in content
    assert "modulo da completare entro il" in content
    assert "compito da svolgere entro il" in content


def test_automatic_evidence_shows_its_progress_from_the_inbox(login, company, digital_manager, plan):
    answered_enquiry(company, digital_manager, seconds=1800, at=timezone.now() - timedelta(hours=2))
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "1 richiesta a cui hai risposto tu nelle ultime 4 settimane (obiettivo: 2)" in content
    assert 'aria-valuenow="50"' in content
    assert "Non ancora raggiunta" in content


def test_a_page_in_english_shows_the_english_curriculum(login, company, digital_manager, plan):
    digital_manager.language = "en"
    digital_manager.save()
    client = login(digital_manager)
    content = client.get(_url(company)).content.decode()
    assert "My training" in content
    assert "Module 1" in content
    assert "Modulo 1" not in content
    module = plan.modules.get(code="module-1")
    content = client.get(_url(company, f"modules/{module.pk}/")).content.decode()
    assert "English <strong>text</strong> 1.1" in content
    assert "italiano" not in content


def test_a_text_missing_in_english_falls_back_to_italian(login, company, digital_manager, plan):
    digital_manager.language = "en"
    digital_manager.save()
    Lesson.objects.filter(module__plan=plan).update(title_en="")
    module = plan.modules.get(code="module-1")
    content = login(digital_manager).get(_url(company, f"modules/{module.pk}/")).content.decode()
    assert "Lezione 1.1" in content


def test_lessons_are_sanitized_markdown(login, company, digital_manager, plan):
    module = plan.modules.get(code="module-1")
    Lesson.objects.filter(module=module).update(
        body_it='**Grassetto** <script>alert(1)</script> [link](javascript:alert(2)) <img src=x onerror="alert(3)">'
    )
    content = login(digital_manager).get(_url(company, f"modules/{module.pk}/")).content.decode()
    assert "<strong>Grassetto</strong>" in content
    assert "<script>alert" not in content
    assert 'href="javascript' not in content
    assert "<img src=x" not in content


def test_trainee_without_a_plan_is_told_it_is_not_ready(login, company, digital_manager, engagement):
    content = login(digital_manager).get(_url(company)).content.decode()
    assert "Il tuo piano di formazione non è ancora pronto" in content


def test_consultant_creates_the_plan_from_the_empty_page(
    login, company, consultant, digital_manager, small_library, engagement
):
    client = login(consultant)
    assert "Crea il piano di formazione" in client.get(_url(company)).content.decode()
    response = client.post(_url(company, "plan/new/"))
    plan = TrainingPlan.objects.get(engagement=engagement)
    assert response["Location"] == _url(company, f"plans/{plan.pk}/")
    assert plan.trainee == digital_manager
    assert plan.modules.count() == 3


def test_plan_creation_without_engagement_or_trainee_says_what_to_do_first(login, company, consultant, small_library):
    client = login(consultant)
    response = client.post(_url(company, "plan/new/"), follow=True)
    assert "Prima crea l&#x27;incarico" in response.content.decode()
    EngagementFactory(company=company, consultant=consultant, trainee=None)
    assert "Chi è il digital manager in formazione?" in client.get(_url(company)).content.decode()
    response = client.post(_url(company, "plan/new/"), follow=True)
    assert "Prima scegli nell&#x27;incarico il digital manager" in response.content.decode()
    assert not TrainingPlan.objects.exists()


def test_consultant_sees_the_progress_page_with_editing(login, company, consultant, plan):
    content = login(consultant).get(_url(company)).content.decode()
    assert "Formazione di" in content
    assert f"plans/{plan.pk}/schedule/" in content
    assert "Matrice delle competenze" in content
    assert "inbox.reply" in content


def test_owner_reads_the_progress_page_without_editing(login, company, owner, plan):
    client = login(owner)
    content = client.get(_url(company)).content.decode()
    assert "Formazione di" in content
    assert "/schedule/" not in content
    module = plan.modules.get(code="module-1")
    content = client.get(_url(company, f"modules/{module.pk}/")).content.decode()
    assert "/edit/" not in content
    assert "/read/" not in content
    assert client.get(_url(company, f"plans/{plan.pk}/schedule/")).status_code == 403


def test_colleague_is_refused_training(login, company, colleague, plan):
    assert login(colleague).get(_url(company)).status_code == 403


def test_another_companys_module_answers_404(login, other_company, outsider, plan):
    module = plan.modules.first()
    assert login(outsider).get(f"/c/{other_company.slug}/training/modules/{module.pk}/").status_code == 404


def test_library_modules_are_not_pages(login, company, consultant, plan):
    library = Module.objects.library().first()
    assert login(consultant).get(_url(company, f"modules/{library.pk}/")).status_code == 404
    assert login(consultant).get(_url(company, f"modules/{library.pk}/edit/")).status_code == 404


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT])
def test_only_the_trainee_marks_lessons_read(login, company, users_by_role, plan, role):
    lesson = Lesson.objects.filter(module__plan=plan).first()
    assert login(users_by_role[role]).post(_url(company, f"lessons/{lesson.pk}/read/")).status_code == 403


# The plan's schedule


def test_consultant_changes_a_modules_date_and_status(login, company, consultant, plan):
    module = plan.modules.get(code="module-2")
    new_date = module.target_on + timedelta(days=7)
    data = {f"target-{m.pk}": m.target_on.isoformat() for m in plan.modules.all()}
    data |= {f"status-{m.pk}": m.status for m in plan.modules.all()}
    data |= {f"target-{module.pk}": new_date.isoformat(), f"status-{module.pk}": "done"}
    response = login(consultant).post(_url(company, f"plans/{plan.pk}/schedule/"), data)
    assert response.status_code == 302
    module.refresh_from_db()
    assert (module.target_on, module.status, module.completed_on) == (new_date, "done", timezone.localdate())
    assert set(module.assignments.values_list("due_on", flat=True)) == {new_date}


def test_a_bad_date_on_the_schedule_saves_nothing_and_keeps_what_was_typed(login, company, consultant, plan):
    modules = list(plan.modules.order_by("order"))
    data = {f"target-{m.pk}": m.target_on.isoformat() for m in modules}
    data |= {f"status-{m.pk}": "in_progress" for m in modules}
    data[f"target-{modules[0].pk}"] = "31/02/2026"
    response = login(consultant).post(_url(company, f"plans/{plan.pk}/schedule/"), data)
    assert response.status_code == 400
    content = response.content.decode()
    assert "Inserisci una data valida." in content
    assert "Nessuna modifica salvata" in content
    assert 'value="31/02/2026"' in content
    assert content.count('value="in_progress" selected') == 3
    assert not plan.modules.filter(status="in_progress").exists()


def test_proposing_dates_again_spreads_the_open_modules_from_today(login, company, consultant, plan):
    Module.objects.filter(plan=plan).update(target_on=timezone.localdate() - timedelta(days=30))
    login(consultant).post(_url(company, f"plans/{plan.pk}/propose-dates/"))
    assert all(m.target_on >= timezone.localdate() for m in plan.modules.all())


# Editing the engagement's copy


def test_consultant_edits_a_module_its_competencies_and_resources(login, company, consultant, plan):
    module = plan.modules.get(code="module-1")
    resource = module.resources.get()
    data = {
        "title_it": "Prodotti di Officine Test",
        "title_en": "Officine Test's products",
        "summary_it": "",
        "summary_en": "",
        "estimated_hours": "5",
        "target_on": module.target_on.isoformat(),
        "competencies": list(module.competencies.values_list("pk", flat=True))
        + list(Module.objects.library().get(code="module-2").competencies.values_list("pk", flat=True)),
        "resources-TOTAL_FORMS": "2",
        "resources-INITIAL_FORMS": "1",
        "resources-MIN_NUM_FORMS": "0",
        "resources-MAX_NUM_FORMS": "20",
        "resources-0-id": resource.pk,
        "resources-0-title": resource.title,
        "resources-0-url": resource.url,
        "resources-0-language": "it",
        "resources-1-title": "Catalogo 2026",
        "resources-1-url": "https://www.officine-test.example/catalogo.pdf",
        "resources-1-language": "",
    }
    response = login(consultant).post(_url(company, f"modules/{module.pk}/edit/"), data)
    assert response.status_code == 302
    module.refresh_from_db()
    assert module.title_it == "Prodotti di Officine Test"
    assert module.estimated_hours == 5
    assert module.competencies.count() == 2
    assert module.resources.count() == 2
    assert Module.objects.library().get(code="module-1").title_it == "Modulo 1"


def test_a_module_without_any_title_is_refused_in_italian(login, company, consultant, plan):
    module = plan.modules.get(code="module-1")
    data = {"title_it": "", "title_en": "", "estimated_hours": "4", "resources-TOTAL_FORMS": "0"}
    data |= {"resources-INITIAL_FORMS": "0", "resources-MIN_NUM_FORMS": "0", "resources-MAX_NUM_FORMS": "20"}
    response = login(consultant).post(_url(company, f"modules/{module.pk}/edit/"), data)
    assert response.status_code == 400
    assert "Dai un titolo al modulo" in response.content.decode()


def test_consultant_adds_edits_and_removes_a_lesson(login, company, consultant, plan):
    module = plan.modules.get(code="module-1")
    client = login(consultant)
    data = {"title_it": "Il catalogo", "body_it": "Leggi il **catalogo**.", "title_en": "", "body_en": ""}
    assert client.post(_url(company, f"modules/{module.pk}/lessons/new/"), data).status_code == 302
    lesson = module.lessons.get(title_it="Il catalogo")
    assert lesson.order == 3
    assert lesson.key == ""
    data["title_en"] = "The catalogue"
    client.post(_url(company, f"lessons/{lesson.pk}/edit/"), data)
    lesson.refresh_from_db()
    assert lesson.title_en == "The catalogue"
    client.post(_url(company, f"lessons/{lesson.pk}/delete/"))
    assert not Lesson.objects.filter(pk=lesson.pk).exists()


def test_consultant_adds_an_assignment_with_automatic_evidence(login, company, consultant, plan):
    module = plan.modules.get(code="module-3")
    data = {
        "title_it": "Dieci post puliti",
        "instructions_it": "Pubblica.",
        "title_en": "",
        "instructions_en": "",
        "due_on": "",
        "rule": "posts_published_clean",
        "min_count": "10",
        "weeks": "",
        "language": "it",
    }
    response = login(consultant).post(_url(company, f"modules/{module.pk}/assignments/new/"), data)
    assert response.status_code == 302
    task = module.assignments.get(title_it="Dieci post puliti")
    assert task.rule_params == {"min_count": 10, "weeks": 0, "channel_kind": "", "language": "it"}
    assert task.due_on == module.target_on


def test_a_rule_parameter_out_of_range_is_refused(login, company, consultant, plan):
    task = Assignment.objects.filter(module__plan=plan, rule="enquiries_answered").first()
    data = {"title_it": "x", "instructions_it": "", "title_en": "", "instructions_en": "", "due_on": ""}
    data |= {"rule": "enquiries_answered", "weeks": "0", "min_count": "5"}
    response = login(consultant).post(_url(company, f"assignments/{task.pk}/edit/"), data)
    assert response.status_code == 400
    assert "usa un numero da 1 a 52" in response.content.decode()


def test_removing_an_assignment_removes_its_evidence(login, company, consultant, digital_manager, plan):
    task = Assignment.objects.filter(module__plan=plan).first()
    login(digital_manager).post(_url(company, f"assignments/{task.pk}/evidence/"), {"note": "Fatto"})
    login(consultant).post(_url(company, f"assignments/{task.pk}/delete/"))
    assert not Assignment.objects.filter(pk=task.pk).exists()
    assert not task.evidence.exists()
