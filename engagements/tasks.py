import logging
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from engagements.models import Invitation
from engagements.services import invitation_token, job_run_record

logger = logging.getLogger(__name__)


@shared_task
def heartbeat() -> None:
    """Proves that beat schedules and a worker runs; /health/ shows the last run."""
    job_run_record("heartbeat")


@shared_task(autoretry_for=(SMTPException, OSError), retry_backoff=30, retry_backoff_max=1800, max_retries=8)
def send_invitation_email(invitation_id: int) -> None:
    invitation = Invitation.objects.pending().select_related("company", "invited_by").filter(pk=invitation_id).first()
    if invitation is None:
        logger.info("Invitation %s is gone or already accepted: nothing to send.", invitation_id)
        return
    url = settings.SITE_URL + reverse("invitation_accept", kwargs={"token": invitation_token(invitation)})
    context = {"invitation": invitation, "url": url, "expires_at": invitation.expires_at}
    with translation.override(invitation.language):
        subject = render_to_string("engagements/email/invitation_subject.txt", context).strip()
        body = render_to_string("engagements/email/invitation.txt", context)
        html = render_to_string("engagements/email/invitation.html", context)
    message = EmailMultiAlternatives(subject, body, to=[invitation.email])
    message.attach_alternative(html, "text/html")
    message.send()
