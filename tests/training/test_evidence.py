"""Evidence: what the trainee shows for an assignment, and what becomes of the assignment."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from engagements.roles import Role
from tests.factories import MembershipFactory
from tests.inbox.factories import ConversationFactory
from tests.training.factories import answered_enquiry, published_post
from training import files
from training.models import Assignment, Evidence, LessonRead, Module

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture
def task(plan):
    """The first assignment of the first module: evidence of the trainee's own making."""
    return Assignment.objects.get(module__plan=plan, module__code="module-1", key="task-1")


@pytest.fixture
def rule_task(plan):
    return Assignment.objects.get(module__plan=plan, module__code="module-1", key="task-2")


def _url(company, suffix):
    return f"/c/{company.slug}/training/{suffix}"


def _add(client, company, task, **data):
    return client.post(_url(company, f"assignments/{task.pk}/evidence/"), data)


def test_trainee_adds_a_link_a_note_and_picked_real_work_in_one_go(login, company, digital_manager, task, plan):
    post = published_post(company, digital_manager)
    enquiries = [
        answered_enquiry(company, digital_manager, seconds=600, at=timezone.now() - timedelta(days=d)) for d in (1, 2)
    ]
    response = _add(
        login(digital_manager),
        company,
        task,
        url="https://www.officine-test.example/valvole/",
        note="Ho riscritto la pagina.",
        content_item=post.pk,
        conversations=[c.pk for c in enquiries],
    )
    assert response.status_code == 302
    kinds = sorted(Evidence.objects.filter(assignment=task).values_list("kind", flat=True))
    assert kinds == ["content", "conversation", "conversation", "link", "note"]
    assert Evidence.objects.filter(assignment=task, company=company, added_by=digital_manager).count() == 5
    task.module.refresh_from_db()
    assert task.module.status == Module.Status.IN_PROGRESS


def test_a_pdf_is_stored_with_the_type_its_content_says(login, company, digital_manager, task, media_root):
    upload = SimpleUploadedFile("scheda.pdf", PDF, content_type="image/png")  # the browser's claim is ignored
    response = login(digital_manager).post(_url(company, f"assignments/{task.pk}/evidence/"), {"file": upload})
    assert response.status_code == 302
    evidence = Evidence.objects.get(assignment=task)
    assert (evidence.kind, evidence.content_type, evidence.size, evidence.filename) == (
        "file",
        "application/pdf",
        len(PDF),
        "scheda.pdf",
    )
    assert evidence.file.name.startswith(f"training/{company.pk}/")
    assert (media_root / evidence.file.name).read_bytes() == PDF


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("pagina.pdf", b"<!DOCTYPE html><script>alert(1)</script>", "non è un tipo di file che accettiamo"),
        ("foto.jpg", PDF, "non corrisponde alla sua estensione"),
        ("programma.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "non è un tipo di file che accettiamo"),
        ("vuoto.txt", b"", "è vuoto"),
        ("disegno.svg", b"<svg onload=alert(1)></svg>", "non è un tipo di file che accettiamo"),
    ],
)
def test_a_bad_file_is_refused_in_italian_and_the_note_is_kept(
    login, company, digital_manager, task, media_root, name, content, message
):
    upload = SimpleUploadedFile(name, content)
    response = _add(login(digital_manager), company, task, file=upload, note="Nota da non perdere")
    assert response.status_code == 400
    text = response.content.decode()
    assert message in text
    assert "Nota da non perdere" in text
    assert not Evidence.objects.exists()


def test_a_file_over_the_limit_is_refused(login, company, digital_manager, task, media_root, monkeypatch):
    monkeypatch.setattr(files, "MAX_BYTES", 1024)
    response = _add(login(digital_manager), company, task, file=SimpleUploadedFile("grande.png", PNG * 40))
    assert response.status_code == 400
    assert "è troppo grande" in response.content.decode()


def test_a_good_file_next_to_a_bad_field_must_be_chosen_again(login, company, digital_manager, task, media_root):
    response = _add(
        login(digital_manager), company, task, file=SimpleUploadedFile("scheda.pdf", PDF), url="javascript:alert(1)"
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Scegli di nuovo il file" in text
    assert not Evidence.objects.exists()


def test_nothing_given_says_what_to_give(login, company, digital_manager, task):
    response = _add(login(digital_manager), company, task, note="   ")
    assert response.status_code == 400
    assert "Niente da aggiungere" in response.content.decode()


def test_another_companys_content_or_enquiries_cannot_be_picked(login, company, other_company, digital_manager, task):
    MembershipFactory(company=other_company, user=digital_manager)
    theirs = published_post(other_company, digital_manager)
    their_enquiry = answered_enquiry(other_company, digital_manager, seconds=60, at=timezone.now())
    response = _add(login(digital_manager), company, task, content_item=theirs.pk, conversations=[their_enquiry.pk])
    assert response.status_code == 400
    assert not Evidence.objects.exists()


def test_an_unanswered_enquiry_cannot_be_picked(login, company, digital_manager, task):
    waiting = ConversationFactory(company=company)
    response = _add(login(digital_manager), company, task, conversations=[waiting.pk])
    assert response.status_code == 400


def test_the_same_enquiry_twice_is_refused_with_a_message(login, company, digital_manager, task):
    enquiry = answered_enquiry(company, digital_manager, seconds=60, at=timezone.now())
    client = login(digital_manager)
    assert _add(client, company, task, conversations=[enquiry.pk]).status_code == 302
    response = _add(client, company, task, conversations=[enquiry.pk])
    assert response.status_code == 400
    assert "già tra le prove" in response.content.decode()
    assert Evidence.objects.count() == 1


def test_only_the_plans_trainee_adds_evidence(login, company, task):
    another_dm = MembershipFactory(company=company, role=Role.DIGITAL_MANAGER).user
    assert _add(login(another_dm), company, task, note="Non è il mio piano").status_code == 403


@pytest.mark.parametrize("role", [Role.OWNER, Role.CONSULTANT, Role.COLLEAGUE])
def test_other_roles_cannot_add_evidence(login, company, users_by_role, task, role):
    assert _add(login(users_by_role[role]), company, task, note="x").status_code == 403


# Downloading a file


@pytest.fixture
def file_evidence(company, digital_manager, task, media_root):
    from training.services import evidence_add

    (evidence,) = evidence_add(
        assignment=task,
        user=digital_manager,
        today=timezone.localdate(),
        file=SimpleUploadedFile("scheda.pdf", PDF),
    )
    return evidence


@pytest.mark.parametrize("role", [Role.OWNER, Role.DIGITAL_MANAGER, Role.CONSULTANT])
def test_file_is_always_a_download(login, company, users_by_role, file_evidence, role):
    response = login(users_by_role[role]).get(_url(company, f"evidence/{file_evidence.pk}/file/"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="scheda.pdf"' in response["Content-Disposition"]
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_colleague_cannot_download_and_outsider_gets_404(login, company, colleague, outsider, file_evidence):
    url = _url(company, f"evidence/{file_evidence.pk}/file/")
    assert login(colleague).get(url).status_code == 403
    assert login(outsider).get(url).status_code == 404


def test_evidence_of_another_company_answers_404_from_ones_own(login, other_company, outsider, file_evidence):
    response = login(outsider).get(f"/c/{other_company.slug}/training/evidence/{file_evidence.pk}/file/")
    assert response.status_code == 404


# Removing evidence, finishing an assignment, sending it back


def test_trainee_removes_own_evidence_while_open_and_the_file_goes(
    login, company, digital_manager, file_evidence, media_root, django_capture_on_commit_callbacks
):
    path = media_root / file_evidence.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = login(digital_manager).post(_url(company, f"evidence/{file_evidence.pk}/delete/"))
    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert not path.exists()


def test_evidence_of_a_done_assignment_stays(login, company, digital_manager, task, file_evidence):
    Assignment.objects.filter(pk=task.pk).update(status=Assignment.Status.DONE)
    response = login(digital_manager).post(_url(company, f"evidence/{file_evidence.pk}/delete/"), follow=True)
    assert "non possono più essere tolte" in response.content.decode()
    assert Evidence.objects.count() == 1


def test_done_needs_evidence_first(login, company, digital_manager, task):
    response = login(digital_manager).post(_url(company, f"assignments/{task.pk}/done/"), follow=True)
    assert "Aggiungi almeno una prova" in response.content.decode()
    task.refresh_from_db()
    assert task.status == Assignment.Status.OPEN


def test_last_assignment_done_completes_the_module(login, company, digital_manager, task, rule_task):
    client = login(digital_manager)
    _add(client, company, task, note="Fatto")
    for _ in range(2):
        answered_enquiry(company, digital_manager, seconds=600, at=timezone.now() - timedelta(hours=1))
    assert client.post(_url(company, f"assignments/{task.pk}/done/")).status_code == 302
    task.module.refresh_from_db()
    assert task.module.status == Module.Status.IN_PROGRESS
    assert client.post(_url(company, f"assignments/{rule_task.pk}/done/")).status_code == 302
    rule_task.refresh_from_db()
    assert rule_task.status == Assignment.Status.DONE
    assert rule_task.done_by == digital_manager
    frozen = Evidence.objects.get(assignment=rule_task, kind=Evidence.Kind.RULE)
    assert frozen.figures["count"] == 2
    assert frozen.figures["min_count"] == 2
    module = Module.objects.get(pk=task.module_id)
    assert module.status == Module.Status.DONE
    assert module.completed_on == timezone.localdate()


def test_an_automatic_evidence_not_reached_keeps_the_assignment_open(login, company, digital_manager, rule_task):
    answered_enquiry(company, digital_manager, seconds=600, at=timezone.now() - timedelta(hours=1))
    _add(login(digital_manager), company, rule_task, note="Una nota non basta")
    response = login(digital_manager).post(_url(company, f"assignments/{rule_task.pk}/done/"), follow=True)
    assert "non è ancora raggiunta" in response.content.decode()
    rule_task.refresh_from_db()
    assert rule_task.status == Assignment.Status.OPEN


def test_consultant_sends_a_done_assignment_back_with_a_comment(login, company, digital_manager, consultant, task):
    _add(login(digital_manager), company, task, note="Fatto")
    login(digital_manager).post(_url(company, f"assignments/{task.pk}/done/"))
    response = login(consultant).post(_url(company, f"assignments/{task.pk}/reopen/"), {"feedback": "Manca il link."})
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Assignment.Status.OPEN
    assert task.feedback == "Manca il link."
    page = login(digital_manager).get(_url(company, f"assignments/{task.pk}/")).content.decode()
    assert "Manca il link." in page


def test_sending_back_without_a_comment_is_refused(login, company, consultant, task):
    response = login(consultant).post(_url(company, f"assignments/{task.pk}/reopen/"), {"feedback": ""})
    assert response.status_code == 400
    assert "Scrivi cosa deve rifare" in response.content.decode()


def test_reading_a_lesson_starts_the_module_once(login, company, digital_manager, plan):
    module = plan.modules.get(code="module-2")
    lesson = module.lessons.first()
    client = login(digital_manager)
    for _ in range(2):
        assert client.post(_url(company, f"lessons/{lesson.pk}/read/")).status_code == 302
    assert LessonRead.objects.filter(lesson=lesson, user=digital_manager).count() == 1
    module.refresh_from_db()
    assert module.status == Module.Status.IN_PROGRESS
    assert module.started_on == timezone.localdate()


def test_trainee_closes_a_module_only_when_its_assignments_are_done(login, company, digital_manager, plan):
    module = plan.modules.get(code="module-2")
    client = login(digital_manager)
    response = client.post(_url(company, f"modules/{module.pk}/complete/"), follow=True)
    assert "ancora da fare" in response.content.decode()
    module.assignments.update(status=Assignment.Status.DONE)
    client.post(_url(company, f"modules/{module.pk}/complete/"))
    module.refresh_from_db()
    assert module.status == Module.Status.DONE
