"""The report's email: PDF attached, each recipient in their language, sent once."""

from datetime import date

import pytest
from django.core import mail

from engagements.models import Membership
from engagements.roles import Role
from reports.models import MonthlyReport
from reports.period import Month
from reports.services import monthly_report_generate
from reports.tasks import send_monthly_report
from tests.factories import UserFactory
from tests.reports.data import fill

OCTOBER = Month(date(2026, 10, 1))


@pytest.fixture
def report(company, owner, consultant, colleague, digital_manager):
    fill(company)
    report, _created = monthly_report_generate(company=company, month=OCTOBER)
    return report


def test_the_consultant_sends_and_owners_and_consultant_get_the_pdf(
    login, company, owner, consultant, report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        response = login(consultant).post(f"/c/{company.slug}/reports/2026-10/send/")
    assert response.status_code == 302
    assert len(callbacks) == 1  # the task is queued once the request's transaction commits
    assert send_monthly_report(report.pk) == 2
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner.email, consultant.email])
    message = mail.outbox[0]
    assert "Officine Test" in message.subject
    assert "ottobre 2026" in message.subject
    (name, content, mimetype) = message.attachments[0]
    assert name == "officine-test-2026-10.pdf"
    assert mimetype == "application/pdf"
    assert content.startswith(b"%PDF")
    sent = MonthlyReport.objects.get()
    assert sent.is_sent
    assert sent.sent_at is not None


def test_a_retried_task_does_not_send_twice(report):
    assert send_monthly_report(report.pk) == 2
    assert send_monthly_report(report.pk) == 0
    assert len(mail.outbox) == 2


def test_each_recipient_reads_it_in_their_language(company, owner, report):
    owner.language = "en"
    owner.save(update_fields=["language"])
    send_monthly_report(report.pk)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "the results of October 2026" in by_address[owner.email].subject
    assert "i risultati di ottobre 2026" in next(m for a, m in by_address.items() if a != owner.email).subject


def test_a_second_owner_also_receives_it(company, report):
    Membership.objects.create(company=company, user=UserFactory(email="socia@example.com"), role=Role.OWNER)
    assert send_monthly_report(report.pk) == 3


def test_sending_a_sent_report_is_refused_with_a_message(login, company, consultant, report):
    MonthlyReport.objects.filter(pk=report.pk).update(status="sent")
    response = login(consultant).post(f"/c/{company.slug}/reports/2026-10/send/", follow=True)
    assert "è già stato inviato" in response.content.decode()
    assert mail.outbox == []


def test_the_email_goes_through_a_real_smtp_server(smtp, report, owner):
    assert send_monthly_report(report.pk) == 2
    received = smtp.messages
    assert len(received) == 2
    attachment = next(received[0].iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_content().startswith(b"%PDF")


def test_an_smtp_failure_gives_the_claim_back_for_the_retry(settings, report):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with pytest.raises(ConnectionRefusedError):
        send_monthly_report.run(report.pk)
    assert MonthlyReport.objects.get().status == MonthlyReport.Status.DRAFT
