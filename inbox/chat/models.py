"""A visitor's chat on the company website: the session that the widget's signed token names.

The conversation itself is an ordinary inbox conversation of the chat channel; the session
only ties the widget (its token) to it, remembers the visitor's language and the email
address left for answers given while they are away.
"""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet
from inbox.models import Conversation, InboundItem, IntakeChannel


def new_session_key() -> str:
    return secrets.token_urlsafe(18)


class ChatSession(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    channel = models.ForeignKey(IntakeChannel, on_delete=models.CASCADE, related_name="chat_sessions")
    # Secret, random, and inside the signed token: a token cannot be made for a guessed id.
    key = models.CharField(max_length=32, unique=True, default=new_session_key)
    # Null only while the first line's conversation waits for the intake sweep to open it.
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, null=True, blank=True, related_name="chat_sessions"
    )
    first_item = models.OneToOneField(InboundItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    language = models.CharField(_("language"), max_length=8, blank=True)
    email = models.EmailField(_("email left in the chat"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("chat session")
        verbose_name_plural = _("chat sessions")
        # The live sessions (younger than a token's life) are where the email sweep looks.
        indexes = [models.Index(fields=["created_at"], name="chat_session_created")]

    def __str__(self):
        return f"{self.channel} #{self.pk}"
