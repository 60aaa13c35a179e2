"""Sending the inbox's mail: each function is safe to run twice (the tasks may be retried)."""

import logging

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from engagements.models import Membership
from inbox.chat.delivery import chat_reply_waits
from inbox.mail.compose import (
    Thread,
    build_email,
    conversation_language,
    conversation_reference,
    conversation_url,
    local_text,
    new_message_id,
    quote_text,
)
from inbox.mail.rendering import render, render_subject
from inbox.models import Conversation, Message
from inbox.sla import first_response_due
from inbox.spam import is_spam, spam_score

logger = logging.getLogger(__name__)


def message_deliver(message_id: int) -> bool:
    """Send an outgoing message by email, once; True when this call sent it.

    The message is claimed with a conditional update of `sent_at` (two workers: one sends);
    if SMTP fails the claim is released, `send_error` says why, and the error is raised again
    so that the task retries. The Message-ID is chosen at the first attempt and kept, so a
    retried email is the same email to the receiving servers.
    """
    message = (
        Message.objects.filter(pk=message_id, direction=Message.Direction.OUT)
        .select_related("conversation__company", "conversation__contact", "conversation__channel", "author")
        .first()
    )
    if message is None or message.sent_at is not None:
        logger.info("Message %s is gone, not outgoing, or already sent: nothing to send.", message_id)
        return False
    if chat_reply_waits(message):
        # A chat answer is shown in the visitor's widget; only if unread for a few minutes does
        # the chat's sweep bring it back here to be emailed (inbox.chat.delivery).
        logger.info("Message %s is a chat answer: the widget delivers it.", message_id)
        return False
    conversation = message.conversation
    if not conversation.contact.email:
        with translation.override(conversation.company.language):
            error = _("The contact has no email address: the reply was not sent.")
        Message.objects.filter(pk=message.pk, sent_at__isnull=True).update(send_error=error)
        return False

    thread = Thread.of(message)
    message.message_id = message.message_id or new_message_id()
    message.in_reply_to = thread.in_reply_to
    message.references = " ".join(thread.references)
    with translation.override(conversation_language(conversation)):
        email = build_email(message, thread)

    claimed_at = timezone.now()
    claimed = Message.objects.filter(pk=message.pk, sent_at__isnull=True).update(
        sent_at=claimed_at,
        message_id=message.message_id,
        in_reply_to=message.in_reply_to,
        references=message.references,
        send_error="",
    )
    if not claimed:
        return False
    try:
        email.send()
    except Exception as error:
        Message.objects.filter(pk=message.pk, sent_at=claimed_at).update(
            sent_at=None, send_error=f"{type(error).__name__}: {error}"[:1000]
        )
        raise
    return True


def _acknowledgement_skip_reason(conversation: Conversation) -> str | None:
    if conversation.status == Conversation.Status.SPAM:
        return "spam"
    score = conversation.spam_score
    if score is None:  # not scored yet (the tasks run in any order): score it here
        first = conversation.messages.filter(direction=Message.Direction.IN).order_by("created_at", "pk").first()
        score = spam_score(
            text=first.body_text if first else "", subject=conversation.subject, email=conversation.contact.email
        )
    if is_spam(score):
        return "spam"
    if not conversation.contact.email:
        return "no email address"
    if conversation.channel is not None and not conversation.channel.auto_acknowledge:
        return "channel sends no acknowledgement"
    if conversation.first_response_at is not None:
        return "already answered"
    if conversation.messages.filter(direction=Message.Direction.OUT, is_automatic=False).exists():
        return "already answered"
    return None


def acknowledgement_content(conversation: Conversation, *, due, now) -> tuple[str, str]:
    """The acknowledgement's text and HTML, in the conversation's language (no query)."""
    company = conversation.company
    with translation.override(conversation_language(conversation)):
        context = {
            "conversation": conversation,
            "contact": conversation.contact,
            "company": company,
            "reference": conversation_reference(conversation),
            # Already late (the broker was down for hours): no promise we cannot keep.
            "due_day": local_text(due, company.tzinfo, "l j F") if due > now else "",
            "due_time": local_text(due, company.tzinfo, "H:i"),
        }
        return (
            render("inbox/mail/acknowledgement.txt", context).strip(),
            render("inbox/mail/acknowledgement.html", context).strip(),
        )


def acknowledgement_prepare(conversation_id: int) -> Message | None:
    """The conversation's acknowledgement, created once; None when none is due or it is sent.

    The conversation row is locked while we look, so two workers cannot both create one.
    """
    with transaction.atomic():
        conversation = (
            Conversation.objects.select_for_update(of=("self",))
            .select_related("company", "contact", "channel")
            .filter(pk=conversation_id)
            .first()
        )
        if conversation is None:
            return None
        existing = conversation.messages.filter(is_automatic=True).order_by("pk").first()
        if existing is not None:
            return existing if existing.sent_at is None else None
        reason = _acknowledgement_skip_reason(conversation)
        if reason is not None:
            logger.info("No acknowledgement for conversation %s: %s.", conversation_id, reason)
            return None
        company = conversation.company
        now = timezone.now()
        due = conversation.first_response_due_at or first_response_due(company, conversation.created_at)
        body_text, body_html = acknowledgement_content(conversation, due=due, now=now)
        return Message.objects.create(
            company=company,
            conversation=conversation,
            direction=Message.Direction.OUT,
            author=None,
            is_automatic=True,
            body_text=body_text,
            body_html=body_html,
            created_at=now,
        )


def routed_notification_send(conversation_id: int, user_id: int) -> bool:
    """Email a colleague the question routed to them, in their language; True when sent."""
    conversation = Conversation.objects.filter(pk=conversation_id).select_related("company", "contact").first()
    if conversation is None or conversation.routed_to_id != user_id:
        logger.info("Conversation %s is gone or no longer routed to user %s.", conversation_id, user_id)
        return False
    company = conversation.company
    membership = (
        Membership.objects.filter(company=company, user_id=user_id, user__is_active=True).select_related("user").first()
    )
    if membership is None:
        logger.info("User %s is not an active member of %s: no notification.", user_id, company)
        return False
    user = membership.user
    question = conversation.messages.filter(direction=Message.Direction.IN).order_by("-created_at", "-pk").first()
    question_text = question.body_text if question else ""
    language = user.language or company.language
    with translation.override(language):
        context = {
            "user": user,
            "company": company,
            "conversation": conversation,
            "contact": conversation.contact,
            "question": question_text,
            "question_quoted": quote_text(question_text),
            "url": conversation_url(conversation),
            "language": language,
        }
        subject = render_subject("inbox/mail/routed_subject.txt", context)
        email = EmailMultiAlternatives(subject, render("inbox/mail/routed.txt", context), to=[user.email])
        email.attach_alternative(render("inbox/mail/routed.html", context), "text/html")
    email.send()
    return True
