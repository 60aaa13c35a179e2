"""Supervised mode for replies: held, reviewed by the consultant, counted per topic."""

import pytest
from django.core.exceptions import PermissionDenied

from engagements.handover.models import HandoverState
from engagements.roles import Role
from inbox.models import Conversation, Message
from tests.factories import MembershipFactory, UserFactory
from tests.handover.factories import HandoverItemFactory
from tests.inbox.work.factories import enquiry
from training.held_replies import ReviewError, held_reply_approve, held_reply_return, reply_hold
from training.supervision import settings_set_streak
from training.supervision_models import HeldReply, SupervisedCategory

pytestmark = pytest.mark.django_db
Status = HeldReply.Status


@pytest.fixture
def board(engagement):
    return HandoverItemFactory(engagement=engagement, competencies=["inbox.reply"], state=HandoverState.SHARED)


@pytest.fixture
def conversation(company):
    return enquiry(company, topic="ordini")


def _reply(client, conversation, body="Buongiorno, ecco l'offerta.", **extra):
    return client.post(
        f"/c/{conversation.company.slug}/inbox/{conversation.pk}/reply/", {"reply-body": body, **extra}, follow=True
    )


def _queue(company):
    return f"/c/{company.slug}/training/supervision/"


def _outgoing(conversation):
    return Message.objects.filter(conversation=conversation, direction=Message.Direction.OUT)


def test_trainee_reply_in_a_supervised_topic_is_held_not_sent(
    login, plan, board, conversation, digital_manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = _reply(login(digital_manager), conversation)
    assert response.status_code == 200
    assert not _outgoing(conversation).exists()
    assert callbacks == []  # nothing queued for sending
    held = HeldReply.objects.get()
    assert (held.status, held.topic, held.author, held.body_text) == (
        Status.PENDING,
        "ordini",
        digital_manager,
        "Buongiorno, ecco l'offerta.",
    )
    content = response.content.decode()
    assert "In attesa di approvazione del consulente" in content
    assert "Buongiorno, ecco l&#x27;offerta." in content
    # The conversation still waits on the company: nothing has reached the customer.
    assert Conversation.objects.get(pk=conversation.pk).first_response_at is None


def test_reply_is_sent_normally_once_the_responsibility_is_with_the_trainee(
    login, plan, board, conversation, digital_manager
):
    board.state = HandoverState.TRAINEE
    board.save()
    _reply(login(digital_manager), conversation)
    assert _outgoing(conversation).count() == 1
    assert not HeldReply.objects.exists()


def test_other_people_and_trainees_without_a_plan_are_not_supervised(
    login, board, conversation, consultant, digital_manager, small_library, engagement
):
    # No training plan yet: the digital manager is not a trainee.
    _reply(login(digital_manager), conversation, body="Prima")
    _reply(login(consultant), conversation, body="Seconda")
    assert _outgoing(conversation).count() == 2
    assert not HeldReply.objects.exists()


def test_held_reply_refuses_attachments_keeping_the_text(
    login, plan, board, conversation, digital_manager, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("offerta.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    response = _reply(login(digital_manager), conversation, body="Testo da tenere", **{"reply-attachments": upload})
    assert response.status_code == 400
    content = response.content.decode()
    assert "Testo da tenere" in content
    assert "non puoi allegare file" in content
    assert not HeldReply.objects.exists()
    assert not _outgoing(conversation).exists()


def test_approving_as_written_sends_in_the_trainees_name_and_counts_an_approval(
    login, plan, board, conversation, consultant, digital_manager, django_capture_on_commit_callbacks
):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="Ecco l'offerta.")
    with django_capture_on_commit_callbacks() as callbacks:
        response = login(consultant).post(
            f"{_queue(conversation.company)}replies/{held.pk}/approve/",
            {f"h{held.pk}-body": "Ecco l'offerta.", f"h{held.pk}-comment": ""},
        )
    assert response.status_code == 302
    message = _outgoing(conversation).get()
    assert (message.author, message.body_text) == (digital_manager, "Ecco l'offerta.")
    assert len(callbacks) == 1  # the normal sending path
    held.refresh_from_db()
    assert (held.status, held.reviewed_by, held.message) == (Status.APPROVED, consultant, message)
    category = SupervisedCategory.objects.get()
    assert (category.kind, category.key, category.approvals, category.changes, category.streak) == (
        "reply",
        "ordini",
        1,
        0,
        1,
    )


def test_edited_approval_sends_the_edit_and_shows_it_to_the_trainee_as_feedback(
    login, plan, board, conversation, consultant, digital_manager
):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="ecco offerta")
    login(consultant).post(
        f"{_queue(conversation.company)}replies/{held.pk}/approve/",
        {f"h{held.pk}-body": "Buongiorno, ecco l'offerta.", f"h{held.pk}-comment": "Saluta sempre il cliente."},
    )
    assert _outgoing(conversation).get().body_text == "Buongiorno, ecco l'offerta."
    held.refresh_from_db()
    assert held.status == Status.EDITED
    category = SupervisedCategory.objects.get()
    assert (category.approvals, category.changes, category.streak) == (0, 1, 0)
    content = login(digital_manager).get(_queue(conversation.company)).content.decode()
    assert "ecco offerta" in content
    assert "Buongiorno, ecco l&#x27;offerta." in content
    assert "Saluta sempre il cliente." in content
    assert "Approvata con modifiche" in content


def test_sending_back_needs_a_comment_and_sends_nothing(login, plan, board, conversation, consultant, digital_manager):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="Bozza")
    client = login(consultant)
    url = f"{_queue(conversation.company)}replies/{held.pk}/return/"
    response = client.post(url, {f"r{held.pk}-comment": "  "})
    assert response.status_code == 400
    assert "Spiega alla persona in formazione cosa cambiare." in response.content.decode()
    held.refresh_from_db()
    assert held.status == Status.PENDING
    client.post(url, {f"r{held.pk}-comment": "Manca il prezzo."})
    held.refresh_from_db()
    assert (held.status, held.comment) == (Status.RETURNED, "Manca il prezzo.")
    assert not _outgoing(conversation).exists()
    assert SupervisedCategory.objects.get().changes == 1
    # The trainee sees it on the conversation, with the comment, until they write again.
    page = login(digital_manager).get(f"/c/{conversation.company.slug}/inbox/{conversation.pk}/").content.decode()
    assert "Rimandata indietro dal consulente" in page
    assert "Manca il prezzo." in page


def test_empty_approval_text_is_refused_with_a_clear_message(
    login, plan, board, conversation, consultant, digital_manager
):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="Bozza")
    response = login(consultant).post(
        f"{_queue(conversation.company)}replies/{held.pk}/approve/", {f"h{held.pk}-body": ""}
    )
    assert response.status_code == 400
    assert "La risposta non è stata inviata" in response.content.decode()
    held.refresh_from_db()
    assert held.status == Status.PENDING
    assert not _outgoing(conversation).exists()


def test_a_reply_is_reviewed_only_once(login, plan, board, conversation, consultant, digital_manager):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="Bozza")
    held_reply_approve(held=held, reviewer=consultant, body_text="Bozza")
    with pytest.raises(ReviewError):
        held_reply_return(held=held, reviewer=consultant, comment="tardi")
    response = login(consultant).post(
        f"{_queue(conversation.company)}replies/{held.pk}/approve/", {f"h{held.pk}-body": "Bozza"}, follow=True
    )
    assert "Questa risposta è già stata esaminata." in response.content.decode()
    assert _outgoing(conversation).count() == 1


def test_nobody_approves_their_own_reply(plan, board, conversation, digital_manager):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="Bozza")
    with pytest.raises(PermissionDenied):
        held_reply_approve(held=held, reviewer=digital_manager, body_text="Bozza")


@pytest.mark.parametrize("action", ["approve", "return"])
def test_the_trainee_and_the_owner_cannot_review(login, plan, board, conversation, digital_manager, owner, action):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="Bozza")
    for user in (digital_manager, owner):
        response = login(user).post(
            f"{_queue(conversation.company)}replies/{held.pk}/{action}/",
            {f"h{held.pk}-body": "Bozza", f"r{held.pk}-comment": "x"},
        )
        assert response.status_code == 403
    held.refresh_from_db()
    assert held.status == Status.PENDING


def test_another_companys_reply_is_404(login, plan, board, conversation, digital_manager, outsider, other_company):
    held = reply_hold(conversation=conversation, author=digital_manager, body_text="Bozza")
    consultant_elsewhere = UserFactory()
    MembershipFactory(company=other_company, user=consultant_elsewhere, role=Role.CONSULTANT)
    response = login(consultant_elsewhere).post(
        f"/c/{other_company.slug}/training/supervision/replies/{held.pk}/approve/", {f"h{held.pk}-body": "Bozza"}
    )
    assert response.status_code == 404
    assert login(outsider).get(_queue(conversation.company)).status_code == 404


def test_n_approvals_in_a_row_make_the_topic_autonomous_with_a_notice(
    login, plan, board, company, consultant, digital_manager
):
    settings_set_streak(company=company, streak=2)
    client = login(consultant)
    for n in range(2):
        conversation = enquiry(company, topic="ordini")
        held = reply_hold(conversation=conversation, author=digital_manager, body_text=f"Risposta {n}")
        response = client.post(
            f"{_queue(company)}replies/{held.pk}/approve/", {f"h{held.pk}-body": f"Risposta {n}"}, follow=True
        )
    assert "non richiedono più la tua approvazione" in response.content.decode()
    assert SupervisedCategory.objects.get().state == SupervisedCategory.State.AUTONOMOUS
    # Now the trainee's replies on that topic go out directly; other topics are still held.
    conversation = enquiry(company, topic="ordini")
    _reply(login(digital_manager), conversation)
    assert _outgoing(conversation).count() == 1
    other = enquiry(company, topic="resi")
    _reply(login(digital_manager), other)
    assert not _outgoing(other).exists()


def test_consultant_puts_a_topic_back_under_supervision(login, plan, company, consultant, digital_manager):
    category = SupervisedCategory.objects.create(
        company=company, kind="reply", key="ordini", state=SupervisedCategory.State.AUTONOMOUS, approvals=5
    )
    assert login(digital_manager).post(f"{_queue(company)}categories/{category.pk}/supervise/").status_code == 403
    login(consultant).post(f"{_queue(company)}categories/{category.pk}/supervise/")
    category.refresh_from_db()
    assert (category.state, category.forced) == (SupervisedCategory.State.SUPERVISED, True)
    conversation = enquiry(company, topic="ordini")
    _reply(login(digital_manager), conversation)
    assert HeldReply.objects.filter(conversation=conversation).exists()


def test_streak_setting_validates_and_saves(login, company, consultant):
    client = login(consultant)
    response = client.post(f"{_queue(company)}streak/", {"supervision_streak": "0"})
    assert response.status_code == 400
    assert "Correggi" in response.content.decode() or "correggi" in response.content.decode()
    client.post(f"{_queue(company)}streak/", {"supervision_streak": "3"})
    from training.supervision import supervision_streak

    assert supervision_streak(company) == 3


def test_trainee_sees_only_their_own_replies(login, plan, board, conversation, digital_manager, company):
    colleague_dm = UserFactory()
    MembershipFactory(company=company, user=colleague_dm, role=Role.DIGITAL_MANAGER)
    reply_hold(conversation=conversation, author=digital_manager, body_text="La mia bozza")
    reply_hold(conversation=conversation, author=colleague_dm, body_text="Bozza altrui")
    content = login(digital_manager).get(_queue(company)).content.decode()
    assert "La mia bozza" in content
    assert "Bozza altrui" not in content
    assert "Approva e invia" not in content


def test_queue_query_count_does_not_grow(
    login, plan, board, company, consultant, digital_manager, django_assert_max_num_queries
):
    def grow(n):
        for i in range(n):
            conversation = enquiry(company, topic=f"t{i % 3}")
            reply_hold(conversation=conversation, author=digital_manager, body_text=f"Bozza {i}")
            done = reply_hold(conversation=conversation, author=digital_manager, body_text=f"Vecchia {i}")
            held_reply_approve(held=done, reviewer=consultant, body_text=f"Vecchia {i}!")

    grow(2)
    client = login(consultant)
    client.get(f"/c/{company.slug}/")
    # session, user, membership+company, switcher memberships; pending replies with conversation,
    # contact and author; reviewed replies (same joins + reviewer); categories; streak setting (2:
    # the explanation and the form); pending posts, reviewed posts, channel names
    budget = 12
    with django_assert_max_num_queries(budget):
        assert client.get(_queue(company)).status_code == 200
    grow(20)
    with django_assert_max_num_queries(budget):
        assert client.get(_queue(company)).status_code == 200
