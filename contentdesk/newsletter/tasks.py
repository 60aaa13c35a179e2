"""Celery tasks of the newsletter's lists: they take ids and are safe to run twice."""

from smtplib import SMTPException

from celery import shared_task

from contentdesk.newsletter.confirmation import confirmations_due, subscription_confirmation_send
from contentdesk.newsletter.services import subscriptions_purge_stale

__all__ = [
    "newsletter_sweep",
    "purge_stale_requests",
    "send_confirmation",
    "send_newsletter_batch",
    "send_newsletter_test",
    "sweep_confirmations",
]

SMTP_RETRY = {
    "autoretry_for": (SMTPException, OSError),
    "retry_backoff": 30,
    "retry_backoff_max": 900,
    "retry_jitter": True,
    "max_retries": 6,
}


@shared_task(name="contentdesk.newsletter.tasks.send_confirmation", **SMTP_RETRY)
def send_confirmation(subscription_id: int) -> bool:
    """The email with the link that confirms a subscription; sent once per request."""
    return subscription_confirmation_send(subscription_id)


@shared_task(name="contentdesk.newsletter.tasks.sweep_confirmations")
def sweep_confirmations() -> int:
    """Periodic: confirmation emails whose task never ran (broker down) or gave up."""
    sent = 0
    for subscription_id in confirmations_due():
        try:
            sent += subscription_confirmation_send(subscription_id)
        except (SMTPException, OSError):
            break  # the mail server is down: the next sweep tries again
    return sent


@shared_task(name="contentdesk.newsletter.tasks.purge_stale_requests")
def purge_stale_requests() -> int:
    """Periodic (daily): forget subscription requests never confirmed."""
    return subscriptions_purge_stale()


# Sending newsletters (see contentdesk/newsletter/sending.py) ------------------------------------


@shared_task(name="contentdesk.newsletter.tasks.newsletter_sweep")
def newsletter_sweep() -> dict:
    """Periodic (every minute): start the due sends, resume the idle ones, finish the done ones."""
    from contentdesk.newsletter import sending

    started = [send_id for send_id in sending.sends_due() if sending.newsletter_send_start(send_id)]
    for send_id in started:
        send_newsletter_batch.delay(send_id)
    resumed = 0
    for send_id in sending.sends_idle():
        if not sending.newsletter_send_finish(send_id):
            send_newsletter_batch.delay(send_id)
            resumed += 1
    return {"started": len(started), "resumed": resumed}


@shared_task(name="contentdesk.newsletter.tasks.send_newsletter_batch", **SMTP_RETRY)
def send_newsletter_batch(send_id: int) -> dict:
    """One minute's worth of a send; queues the next batch, or finishes the send."""
    from contentdesk.newsletter import sending

    outcome = sending.deliveries_send_batch(send_id)
    if outcome["more"]:
        send_newsletter_batch.delay(send_id)
    else:
        sending.newsletter_send_finish(send_id)
    return outcome


@shared_task(name="contentdesk.newsletter.tasks.send_newsletter_test", **SMTP_RETRY)
def send_newsletter_test(item_id: int, user_id: int) -> bool:
    from contentdesk.newsletter.sending import newsletter_test_send

    return newsletter_test_send(item_id, user_id)
