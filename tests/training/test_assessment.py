"""Assessment: the consultant rates, comments and signs off; every rating stays in the history;
nobody assesses their own training; the trainee's learning log."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from engagements.models import Membership
from engagements.roles import Role
from training.assessments import assessment_record, log_entry_add, log_entry_comment
from training.models import Assessment, Competency, CompetencyRequirement, LogEntry, TrainingPlan


def _url(company, suffix=""):
    return f"/c/{company.slug}/training/{suffix}"


@pytest.fixture
def competency(plan):
    return Competency.objects.get(code="inbox.reply")


def _assess_url(company, plan, competency):
    return _url(company, f"plans/{plan.pk}/competencies/{competency.pk}/")


def test_consultant_sees_the_level_descriptions_and_signs_off_a_rating(login, company, consultant, plan, competency):
    client = login(consultant)
    page = client.get(_assess_url(company, plan, competency)).content.decode()
    assert "Con una guida" in page
    assert "Lo fa con il consulente accanto" in page
    response = client.post(
        _assess_url(company, plan, competency),
        {"level": 2, "comment": "Risposte giuste, ancora lente.", "sign_off": "on"},
    )
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.level, assessment.assessed_by, assessment.signed_off_by) == (2, consultant, consultant)
    assert assessment.signed_off_at is not None


def test_every_rating_is_a_new_row_and_the_page_shows_the_history(login, company, consultant, plan, competency):
    client = login(consultant)
    client.post(_assess_url(company, plan, competency), {"level": 2, "comment": "Primo giro.", "sign_off": "on"})
    client.post(_assess_url(company, plan, competency), {"level": 3, "comment": "Ora da sola.", "sign_off": "on"})
    assert list(Assessment.objects.order_by("pk").values_list("level", flat=True)) == [2, 3]
    page = client.get(_assess_url(company, plan, competency)).content.decode()
    assert page.index("Ora da sola.") < page.index("Primo giro.")  # newest first
    assert page.count("Convalidata da") == 2


def test_the_matrix_shows_the_latest_signed_off_level_against_the_required_one_with_its_comment(
    login, company, consultant, plan, competency
):
    assessment_record(plan=plan, competency=competency, level=3, comment="Brava.", assessor=consultant, sign_off=True)
    assessment_record(plan=plan, competency=competency, level=4, comment="Bozza.", assessor=consultant, sign_off=False)
    page = login(consultant).get(_url(company, f"plans/{plan.pk}/")).content.decode()
    assert "Matrice delle competenze" in page
    assert "3 / 3" in page  # the draft (4) does not count
    assert "Brava." in page
    assert "Bozza." not in page


def test_a_draft_is_signed_off_later_once(login, company, consultant, plan, competency):
    draft = assessment_record(
        plan=plan, competency=competency, level=2, comment="", assessor=consultant, sign_off=False
    )
    client = login(consultant)
    assert client.post(_url(company, f"assessments/{draft.pk}/sign-off/")).status_code == 302
    first = Assessment.objects.get().signed_off_at
    assert first is not None
    response = client.post(_url(company, f"assessments/{draft.pk}/sign-off/"), follow=True)
    assert "era già convalidata" in response.content.decode()
    assert Assessment.objects.get().signed_off_at == first


def test_a_user_who_is_both_consultant_and_the_plans_trainee_cannot_assess_themselves(
    login, company, consultant, plan, competency
):
    TrainingPlan.objects.filter(pk=plan.pk).update(trainee=consultant)
    plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        assessment_record(plan=plan, competency=competency, level=3, comment="", assessor=consultant, sign_off=True)
    client = login(consultant)
    assert "un altro consulente" in client.get(_assess_url(company, plan, competency)).content.decode()
    response = client.post(_assess_url(company, plan, competency), {"level": 3, "sign_off": "on"})
    assert response.status_code == 400
    assert "Nessuno può valutare la propria formazione" in response.content.decode()
    assert not Assessment.objects.exists()


def test_only_training_managers_assess(login, company, owner, digital_manager, plan, competency):
    with pytest.raises(PermissionDenied):
        assessment_record(plan=plan, competency=competency, level=3, comment="", assessor=owner, sign_off=True)
    for user in (owner, digital_manager):
        response = login(user).post(_assess_url(company, plan, competency), {"level": 3, "sign_off": "on"})
        assert response.status_code == 403
    assert not Assessment.objects.exists()


def test_the_service_refuses_an_assessor_whose_role_changed(consultant, company, plan, competency):
    Membership.objects.filter(user=consultant, company=company).update(role=Role.OWNER)
    with pytest.raises(PermissionDenied):
        assessment_record(plan=plan, competency=competency, level=3, comment="", assessor=consultant, sign_off=True)


def test_a_missing_level_is_refused_with_a_clear_message_and_keeps_the_comment(
    login, company, consultant, plan, competency
):
    response = login(consultant).post(_assess_url(company, plan, competency), {"level": 7, "comment": "Da tenere"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Scegli un livello da 1 a 4." in content
    assert "Da tenere" in content
    assert not Assessment.objects.exists()


def test_the_consultant_sets_the_level_a_handover_requires(login, company, consultant, plan, competency):
    client = login(consultant)
    response = client.post(_assess_url(company, plan, competency) + "required/", {"level": 4})
    assert response.status_code == 302
    assert CompetencyRequirement.objects.get(plan=plan, code="inbox.reply").level == 4
    client.post(_assess_url(company, plan, competency) + "required/", {"level": 2})
    assert CompetencyRequirement.objects.get(plan=plan, code="inbox.reply").level == 2
    assert client.post(_assess_url(company, plan, competency) + "required/", {"level": 9}).status_code == 400


def test_assessment_pages_of_another_company_are_not_found(login, outsider, company, plan, competency, consultant):
    draft = assessment_record(
        plan=plan, competency=competency, level=2, comment="", assessor=consultant, sign_off=False
    )
    client = login(outsider)
    assert client.get(_assess_url(company, plan, competency)).status_code == 404
    assert client.post(_url(company, f"assessments/{draft.pk}/sign-off/")).status_code == 404


def test_the_trainee_writes_the_learning_log_and_reads_the_consultants_comment(
    login, company, consultant, digital_manager, plan
):
    trainee = login(digital_manager)
    response = trainee.post(
        _url(company, "log/new/"), {"written_on": timezone.localdate().isoformat(), "text": "Ho usato i filtri."}
    )
    assert response.status_code == 302
    entry = LogEntry.objects.get()
    page = login(consultant).get(_url(company, f"plans/{plan.pk}/")).content.decode()
    assert "Diario di apprendimento" in page
    assert "Ho usato i filtri." in page
    login(consultant).post(_url(company, f"log/{entry.pk}/comment/"), {"comment": "Prova anche le etichette."})
    page = trainee.get(_url(company)).content.decode()
    assert "Ho usato i filtri." in page
    assert "Prova anche le etichette." in page
    # The trainee does not comment, not even their own log.
    assert trainee.post(_url(company, f"log/{entry.pk}/comment/"), {"comment": "io"}).status_code == 403


def test_a_log_entry_in_the_future_or_empty_is_refused_and_nothing_is_lost(login, company, digital_manager, plan):
    client = login(digital_manager)
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = client.post(_url(company, "log/new/"), {"written_on": tomorrow, "text": "Domani farò"})
    assert response.status_code == 400
    content = response.content.decode()
    assert "La data non può essere nel futuro." in content
    assert "Domani farò" in content
    assert client.post(_url(company, "log/new/"), {"written_on": tomorrow, "text": ""}).status_code == 400
    assert not LogEntry.objects.exists()


def test_only_the_trainee_writes_the_log_and_the_consultant_comments(consultant, digital_manager, plan):
    with pytest.raises(PermissionDenied):
        log_entry_add(plan=plan, user=consultant, written_on=timezone.localdate(), text="x", today=timezone.localdate())
    entry = log_entry_add(
        plan=plan, user=digital_manager, written_on=timezone.localdate(), text="Fatto", today=timezone.localdate()
    )
    with pytest.raises(PermissionDenied):
        log_entry_comment(entry=entry, user=digital_manager, comment="Bravo io")


def test_the_assessment_page_reads_in_english(login, company, consultant, plan, competency):
    consultant.language = "en"
    consultant.save()
    page = login(consultant).get(_assess_url(company, plan, competency)).content.decode()
    assert "New assessment" in page
    assert "With guidance" in page
    assert "Required for the handover" in page
