"""The unified inbox: intake channels, contacts, conversations and their messages."""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet
from engagements.roles import Department, Role


def new_public_key() -> str:
    return secrets.token_urlsafe(18)


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class IntakeChannel(models.Model):
    """Where enquiries come in: the website form, a webhook for other tools, email, chat."""

    class Kind(models.TextChoices):
        FORM = "form", _("Website form")
        WEBHOOK = "webhook", _("Webhook")
        EMAIL = "email", _("Email")
        CHAT = "chat", _("Live chat")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="intake_channels")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=120)
    public_key = models.CharField(_("public key"), max_length=40, unique=True, default=new_public_key)
    secret = models.CharField(_("signing secret"), max_length=64, default=new_secret)
    # For the email kind: the address customers write to; the mail server delivers it with
    # `manage.py receive_email <address>` (see inbox.email_in). One channel per address.
    address = models.EmailField(_("email address"), blank=True)
    allowed_origins = models.TextField(
        _("allowed websites"),
        blank=True,
        help_text=_("One address per line, e.g. https://www.example.it — only these sites may show the form."),
    )
    auto_acknowledge = models.BooleanField(_("send an acknowledgement"), default=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("intake channel")
        verbose_name_plural = _("intake channels")
        ordering = ["company", "kind", "name"]
        constraints = [
            models.UniqueConstraint(Lower("address"), condition=~Q(address=""), name="channel_address_unique"),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"

    @property
    def origins(self) -> list[str]:
        return [line.strip().rstrip("/").lower() for line in self.allowed_origins.splitlines() if line.strip()]

    def origin_allowed(self, origin: str | None) -> bool:
        return bool(origin) and origin.rstrip("/").lower() in self.origins


class InboundItem(models.Model):
    """Every inbound payload exactly as received, stored before anything else happens."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    channel = models.ForeignKey(IntakeChannel, on_delete=models.CASCADE, related_name="inbound_items")
    received_at = models.DateTimeField(default=timezone.now)
    idempotency_key = models.CharField(max_length=200, blank=True)
    payload = models.JSONField()
    remote_addr = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)
    processed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    conversation = models.ForeignKey("Conversation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbound item")
        verbose_name_plural = _("inbound items")
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "idempotency_key"], condition=~Q(idempotency_key=""), name="inbound_once_per_key"
            ),
        ]
        indexes = [models.Index(fields=["processed_at", "received_at"], name="inbound_unprocessed")]

    def __str__(self):
        return f"{self.channel} {self.received_at:%Y-%m-%d %H:%M}"


class ContactQuerySet(CompanyScopedQuerySet):
    def with_email(self, email: str):
        return self.filter(email=(email or "").strip().lower())


class Contact(models.Model):
    class Kind(models.TextChoices):
        PROSPECT = "prospect", _("Prospect")
        CUSTOMER = "customer", _("Existing customer")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    email = models.EmailField(_("email"), blank=True)
    name = models.CharField(_("name"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PROSPECT)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_source = models.CharField(_("consent source"), max_length=200, blank=True)
    marketing_consent = models.BooleanField(_("agrees to marketing"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Set when the person's details were erased (inbox.retention); the row stays for the figures.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint("company", Lower("email"), condition=~Q(email=""), name="contact_one_per_email"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        return self.name or self.email or str(_("Anonymous visitor"))


class Tag(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(_("tag"), max_length=40)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        ordering = ["name"]
        constraints = [models.UniqueConstraint("company", Lower("name"), name="tag_unique_per_company")]

    def __str__(self):
        return self.name


def new_reply_token() -> str:
    return secrets.token_hex(10)


class ConversationQuerySet(CompanyScopedQuerySet):
    def visible_to(self, membership):
        """Colleagues see only what is routed to them; the others see the whole inbox."""
        if membership.role == Role.COLLEAGUE:
            return self.filter(routed_to_id=membership.user_id)
        return self

    def open(self):
        return self.exclude(status__in=[Conversation.Status.RESOLVED, Conversation.Status.SPAM])

    def needing_reply(self):
        return self.filter(status__in=[Conversation.Status.NEW, Conversation.Status.OPEN])


class Conversation(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Open")
        WAITING_CUSTOMER = "waiting_customer", _("Waiting on customer")
        WAITING_COLLEAGUE = "waiting_colleague", _("Waiting on colleague")
        RESOLVED = "resolved", _("Resolved")
        SPAM = "spam", _("Spam")

    class Priority(models.IntegerChoices):
        LOW = 0, _("Low")
        NORMAL = 1, _("Normal")
        HIGH = 2, _("High")
        URGENT = 3, _("Urgent")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="conversations")
    channel = models.ForeignKey(
        IntakeChannel, on_delete=models.SET_NULL, null=True, blank=True, related_name="conversations"
    )
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, related_name="conversations")
    subject = models.CharField(_("subject"), max_length=250)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=Priority.choices, default=Priority.NORMAL)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assignee"),
    )
    department = models.CharField(_("department"), max_length=20, choices=Department.choices, blank=True)
    routed_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("routed to"),
    )
    topic = models.CharField(_("topic"), max_length=80, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="conversations", verbose_name=_("tags"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    landing_page = models.URLField(_("landing page"), max_length=500, blank=True)
    referrer = models.URLField(_("referrer"), max_length=500, blank=True)
    utm_source = models.CharField(max_length=120, blank=True)
    utm_medium = models.CharField(max_length=120, blank=True)
    utm_campaign = models.CharField(max_length=120, blank=True)
    utm_term = models.CharField(max_length=120, blank=True)
    utm_content = models.CharField(max_length=120, blank=True)
    spam_score = models.FloatField(null=True, blank=True)
    reply_token = models.CharField(max_length=24, unique=True, default=new_reply_token)
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    first_response_due_at = models.DateTimeField(_("first response due"), null=True, blank=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    first_response_seconds = models.PositiveIntegerField(
        _("first response time (business seconds)"), null=True, blank=True
    )
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolution_seconds = models.PositiveIntegerField(_("resolution time (business seconds)"), null=True, blank=True)
    sla_alerted_at = models.DateTimeField(null=True, blank=True)
    # Set when the texts and personal data were erased (inbox.retention); the figures stay.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_activity_at", "-id"]
        indexes = [
            models.Index(fields=["company", "-last_activity_at", "-id"], name="conv_company_activity"),
            models.Index(fields=["company", "status", "-last_activity_at"], name="conv_company_status"),
            models.Index(fields=["company", "assignee", "-last_activity_at"], name="conv_company_assignee"),
            models.Index(fields=["company", "routed_to", "-last_activity_at"], name="conv_company_routed"),
            models.Index(fields=["company", "first_response_due_at"], name="conv_company_sla"),
            # The figures of a period (dashboard, monthly report) read its rows by creation time.
            models.Index(fields=["company", "created_at"], name="conv_company_created"),
            # The trainee's share of first replies over four weeks (training.readiness) reads
            # the conversations answered in the window.
            models.Index(fields=["company", "first_response_at"], name="conv_company_first_response"),
        ]

    def __str__(self):
        return self.subject

    @property
    def display_subject(self) -> str:
        """The subject, or what replaced it: an erased conversation says so rather than showing nothing."""
        if self.subject:
            return self.subject
        if self.anonymised_at:
            when = date_format(timezone.localtime(self.anonymised_at), "SHORT_DATE_FORMAT")
            return gettext("Personal data erased on %(date)s") % {"date": when}
        return gettext("(no subject)")


class SearchDocument(models.Model):
    """What the inbox search looks in, one row per conversation (PostgreSQL; empty on SQLite).

    The words of the subject, of every message and of the contact (name, email, organisation)
    as one tsvector, in the 'simple', 'italian' and 'english' configurations. PostgreSQL keeps
    it up to date itself: triggers on conversations, messages and contacts refresh it in the
    same transaction as any write, whichever code makes it (migration 0009_search_document;
    inbox.search explains the query). `manage.py search_rebuild` builds every row again.
    """

    conversation = models.OneToOneField(
        Conversation, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    document = SearchVectorField(null=True)

    objects = CompanyScopedQuerySet.as_manager()

    def __str__(self):
        return str(self.conversation_id)


class EnquiryMonthStamp(models.Model):
    """A version per company and month of what the monthly enquiry counts read (PostgreSQL).

    Triggers (migration 0011_enquiry_month_stamp) give a new version to the months a write may change:
    a conversation received, deleted, moved in time, marked as spam or not, given another
    channel; a mention linked to a conversation or unlinked; a channel's kind or the company's
    time zone changed (every month of the company). The counts of a month that is over are
    cached under its version (inbox.metrics.monthly_enquiries), so a late change is never
    hidden by the cache. SQLite has no triggers: there nothing is cached.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    month = models.DateField()
    version = models.BigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["company", "month"], name="enquiry_month_stamp_once")]

    def __str__(self):
        return f"{self.company_id} {self.month:%Y-%m} v{self.version}"


class MessageQuerySet(CompanyScopedQuerySet):
    pass


class Message(models.Model):
    class Direction(models.TextChoices):
        IN = "in", _("Incoming")
        OUT = "out", _("Reply")
        NOTE = "note", _("Internal note")

    class AutoKind(models.TextChoices):
        """Incoming mail written by a machine: never acknowledged (no mail loops)."""

        AUTO_REPLY = "auto_reply", _("Automatic reply")
        BOUNCE = "bounce", _("Delivery failure")
        BULK = "bulk", _("Bulk mail")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    direction = models.CharField(_("direction"), max_length=4, choices=Direction.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("sanitized HTML"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Email threading: our Message-ID for outgoing mail, the sender's for incoming mail.
    message_id = models.CharField(max_length=250, blank=True)
    in_reply_to = models.CharField(max_length=250, blank=True)
    references = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    send_error = models.TextField(blank=True)
    # Automatic acknowledgements are outgoing mail too, but they are not a first response.
    is_automatic = models.BooleanField(_("sent automatically"), default=False)
    inbound_item = models.ForeignKey(InboundItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    # Incoming email sent by a machine (out-of-office, bounce, newsletter); for a bounce, the
    # address that could not be reached, when the report says it.
    auto_kind = models.CharField(_("automatic message"), max_length=12, choices=AutoKind.choices, blank=True)
    bounced_address = models.EmailField(_("undeliverable address"), blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["conversation", "created_at"], name="message_thread"),
            models.Index(fields=["company", "message_id"], name="message_company_msgid"),
            models.Index(
                fields=["company", "bounced_address"], condition=~Q(bounced_address=""), name="message_bounced"
            ),
            # A conversation's first human reply and its author, read from the index alone (the
            # trainee's share of first replies probes it once per answered conversation).
            models.Index(
                fields=["conversation", "created_at", "id"],
                include=["author"],
                condition=Q(direction="out", is_automatic=False),
                name="message_first_reply",
            ),
        ]

    def __str__(self):
        return f"{self.get_direction_display()} · {self.conversation}"


def attachment_path(instance, filename: str) -> str:
    # Under MEDIA_ROOT, outside the web root; served only through a view that checks access.
    name = PurePosixPath(filename).name[-120:] or "file"
    return f"attachments/{instance.company_id}/{timezone.now():%Y/%m}/{secrets.token_hex(8)}-{name}"


class Attachment(models.Model):
    MAX_BYTES = settings.UPLOAD_MAX_MB * 1024 * 1024
    ALLOWED_TYPES = {
        "application/pdf",
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "text/plain",
        "text/csv",
        "application/zip",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/dxf",
        "image/vnd.dxf",
        "application/step",
    }

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.filename


class CannedReply(models.Model):
    """A ready answer, per language: the product knowledge base grows from real questions."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="canned_replies")
    title = models.CharField(_("title"), max_length=160)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="it")
    body = models.TextField(_("text"), help_text=_("Placeholders: {name}, {company}, {agent}, {subject}."))
    topic = models.CharField(_("topic"), max_length=80, blank=True)
    source_message = models.ForeignKey(Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    use_count = models.PositiveIntegerField(default=0)
    why = models.CharField(
        pgettext_lazy("rule", "why"), max_length=300, blank=True, help_text=_("In one sentence: why this rule exists.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("rule", "owner"),
        help_text=_("Who keeps it up to date."),
    )

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("canned reply")
        verbose_name_plural = _("canned replies")
        ordering = ["language", "title"]

    def __str__(self):
        return self.title


class RoutingRuleQuerySet(CompanyScopedQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def for_topic(self, topic: str):
        """The active rules whose topic is `topic` (compared without regard to case)."""
        return self.active().filter(topic__iexact=(topic or "").strip())


class RoutingRule(models.Model):
    """Where conversations on a topic usually go: a suggestion on the route form, never automatic."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="routing_rules")
    topic = models.CharField(
        _("topic"), max_length=80, help_text=_("The conversation's topic, as written on the conversation.")
    )
    department = models.CharField(_("department"), max_length=20, choices=Department.choices)
    colleague = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("colleague"),
    )
    why = models.CharField(
        pgettext_lazy("rule", "why"), max_length=300, blank=True, help_text=_("In one sentence: why this rule exists.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=pgettext_lazy("rule", "owner"),
        help_text=_("Who keeps it up to date."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RoutingRuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        ordering = ["company", "topic", "pk"]
        constraints = [
            models.UniqueConstraint(
                Lower("topic"),
                "company",
                condition=Q(is_active=True),
                name="routing_rule_one_active_per_topic",
            ),
        ]

    def __str__(self):
        return self.topic


class ConsentRecordQuerySet(CompanyScopedQuerySet):
    pass


class ConsentRecord(models.Model):
    """One consent as it was given: the exact text shown, its language, when, where and from which address.

    Append-only in spirit: each enquiry with a consent adds a row, nothing edits one (the contact's
    `consent_*` fields keep the latest for a quick look). Erasing the person (inbox.gdpr) blanks
    the address and the text that may quote them; the row stays to show a consent existed.
    The newsletter's consents live on its subscriptions and their events (contentdesk.newsletter).
    """

    class Kind(models.TextChoices):
        FORM = "form", _("Website form")
        WEBHOOK = "webhook", _("Webhook")
        CHAT = "chat", _("Live chat")
        EMAIL = "email", _("Email")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="consent_records")
    kind = models.CharField(_("channel"), max_length=10, choices=Kind.choices)
    given_at = models.DateTimeField(_("given at"))
    text = models.TextField(_("text shown"))
    language = models.CharField(_("language"), max_length=8, blank=True)
    source = models.CharField(_("where"), max_length=200, blank=True)
    ip = models.GenericIPAddressField(_("from the address"), null=True, blank=True)
    inbound_item = models.ForeignKey(InboundItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["contact", "-given_at"], name="consent_contact_given")]

    def __str__(self):
        return f"{self.contact_id} {self.kind} {self.given_at:%Y-%m-%d %H:%M}"


# The email intake's own models (IMAP mailboxes, quarantine) live beside its code.
from inbox.email_in.models import Mailbox, QuarantinedEmail  # noqa: E402, F401
