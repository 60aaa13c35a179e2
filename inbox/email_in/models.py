"""Models of the email intake (app label "inbox"; imported by inbox/models.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet


class Mailbox(models.Model):
    """An IMAP folder fetched periodically into an email channel.

    The UID cursor (UIDVALIDITY + last UID stored) says what has been stored, whatever the
    flags on the server: a message is marked \\Seen there only after it is stored here.
    """

    class Security(models.TextChoices):
        SSL = "ssl", _("SSL/TLS (usually port 993)")
        STARTTLS = "starttls", _("STARTTLS (usually port 143)")
        NONE = "none", _("None: only for a server on your own network")

    class Problem(models.TextChoices):
        CONNECT = "connect", _("The server cannot be reached")
        TLS = "tls", _("The secure connection failed")
        LOGIN = "login", _("The server refused the user name or password")
        FOLDER = "folder", _("The folder does not exist on the server")
        CREDENTIALS = "credentials", _("The stored password can no longer be read: enter it again")
        OTHER = "other", _("The server answered in an unexpected way")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    channel = models.OneToOneField("inbox.IntakeChannel", on_delete=models.CASCADE, related_name="mailbox")
    host = models.CharField(_("IMAP server"), max_length=255)
    port = models.PositiveIntegerField(_("port"), default=993)
    security = models.CharField(_("security"), max_length=10, choices=Security.choices, default=Security.SSL)
    username = models.CharField(_("user name"), max_length=255)
    # Fernet token (see inbox.email_in.credentials): never the password itself.
    password_encrypted = models.TextField(editable=False)
    folder = models.CharField(_("folder"), max_length=200, default="INBOX")
    is_active = models.BooleanField(_("fetch periodically"), default=True)
    uidvalidity = models.BigIntegerField(null=True, blank=True, editable=False)
    # Stored up to `last_uid`; marked \Seen on the server up to `seen_uid` (a fetch interrupted
    # between the two marks the rest at its next run).
    last_uid = models.BigIntegerField(default=0, editable=False)
    seen_uid = models.BigIntegerField(default=0, editable=False)
    # A fetch claims the mailbox until `claimed_until`, so two runs never fetch it at once.
    claim_token = models.CharField(max_length=32, blank=True, editable=False)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(_("last successful fetch"), null=True, blank=True, editable=False)
    failures = models.PositiveIntegerField(default=0, editable=False)
    problem = models.CharField(_("problem"), max_length=12, choices=Problem.choices, blank=True, editable=False)
    problem_detail = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        app_label = "inbox"
        verbose_name = _("IMAP mailbox")
        verbose_name_plural = _("IMAP mailboxes")
        ordering = ["company", "host", "username"]

    def __str__(self):
        return f"{self.username}@{self.host}/{self.folder}"


class QuarantinedEmailQuerySet(CompanyScopedQuerySet):
    def listed(self):
        """What the quarantine page shows, without the raw bytes."""
        return self.select_related("channel").defer("raw").order_by("-received_at", "-pk")


class QuarantinedEmail(models.Model):
    """An email that could not be parsed or stored, kept byte for byte until retried or discarded."""

    class Source(models.TextChoices):
        PIPE = "pipe", _("mail server")
        IMAP = "imap", _("IMAP mailbox")

    class Reason(models.TextChoices):
        UNREADABLE = "unreadable", _("It could not be read")
        NOT_STORED = "not_stored", _("It could not be stored")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    channel = models.ForeignKey("inbox.IntakeChannel", on_delete=models.CASCADE, related_name="quarantined_emails")
    mailbox = models.ForeignKey(Mailbox, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.PIPE)
    # The address the mail server delivered to (a reply+token address threads the retry).
    recipient = models.CharField(max_length=320, blank=True)
    raw = models.BinaryField()
    size = models.PositiveIntegerField(default=0)
    content_hash = models.CharField(max_length=64)
    sender = models.CharField(_("sender"), max_length=300, blank=True)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    received_at = models.DateTimeField(_("received"))
    reason = models.CharField(_("reason"), max_length=12, choices=Reason.choices, default=Reason.UNREADABLE)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=1)
    last_attempt_at = models.DateTimeField(null=True, blank=True)

    objects = QuarantinedEmailQuerySet.as_manager()

    class Meta:
        app_label = "inbox"
        verbose_name = _("quarantined email")
        verbose_name_plural = _("quarantined emails")
        constraints = [
            # The same unreadable email delivered twice waits once.
            models.UniqueConstraint(fields=["channel", "content_hash"], name="quarantine_once_per_content"),
        ]
        indexes = [models.Index(fields=["company", "-received_at"], name="quarantine_company_recent")]

    def __str__(self):
        return self.subject or self.sender or f"#{self.pk}"
