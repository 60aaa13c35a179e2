"""The newsletter's data: lists, segments, subscriptions with their consent, and sends.

Imported by contentdesk/models.py (the app's models module), so these are `contentdesk`
models and `from contentdesk.models import Subscription` works.

Who may receive a newsletter is decided by one selector,
`contentdesk.newsletter.selectors.eligible_recipients`: a subscription that is `subscribed`,
with its consent recorded, of a contact who still agrees to marketing. The database refuses a
`subscribed` row without a consent (when, text shown, source), so no code path can add
someone who did not agree.

The sending part (issue 7, points 2–4) works with `NewsletterSend` (one per content item of
the newsletter channel) and `Delivery` (one per recipient of a send): it creates the
deliveries from `eligible_recipients(send)`, claims each with a conditional update of
`status`/`claimed_at` so that a worker killed mid-send resumes without sending anyone twice,
and puts `contentdesk.newsletter.headers.newsletter_headers(subscription, delivery)` on each
message.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from contentdesk.models import ContentItem
from engagements.models import Company, CompanyScopedQuerySet
from inbox.models import Contact, Tag


def new_list_key() -> str:
    return secrets.token_urlsafe(18)


class NewsletterListQuerySet(CompanyScopedQuerySet):
    def with_counts(self):
        """Each list with its number of subscriptions per status, in the same query."""
        S = Subscription.Status
        return self.annotate(
            **{f"count_{status}": Count("subscriptions", filter=Q(subscriptions__status=status)) for status in S.values}
        )


class NewsletterList(models.Model):
    """A list people subscribe to, such as “Clienti e prospect”; its public form has its own key."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="newsletter_lists")
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=600,
        help_text=_("Shown on the subscribe form: what the newsletter talks about and how often it arrives."),
    )
    from_name = models.CharField(
        _("sender name"), max_length=120, blank=True, help_text=_("Empty: the company's name.")
    )
    public_key = models.CharField(max_length=40, unique=True, default=new_list_key)
    form_enabled = models.BooleanField(
        _("public subscribe form"),
        default=True,
        help_text=_("People can subscribe from the hosted page or from the snippet on your website."),
    )
    allowed_origins = models.TextField(
        _("allowed websites"),
        blank=True,
        help_text=_("One address per line, e.g. https://www.example.it — only these sites may show the form."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = NewsletterListQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter list")
        verbose_name_plural = _("newsletter lists")
        ordering = ["company", "name"]
        constraints = [
            models.UniqueConstraint("company", Lower("name"), name="newsletter_list_unique_name"),
        ]

    def __str__(self):
        return self.name

    @property
    def sender_name(self) -> str:
        return self.from_name or self.company.name

    # The same interface as inbox.models.IntakeChannel, so inbox.intake.cors judges both.
    @property
    def origins(self) -> list[str]:
        return [line.strip().rstrip("/").lower() for line in self.allowed_origins.splitlines() if line.strip()]

    def origin_allowed(self, origin: str | None) -> bool:
        return bool(origin) and origin.rstrip("/").lower() in self.origins


class NewsletterSegment(models.Model):
    """A saved filter on a list's subscribers; empty criteria match everyone.

    Tags live on the inbox's conversations: a contact matches when any of its conversations
    carries any of the segment's tags.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    newsletter_list = models.ForeignKey(NewsletterList, on_delete=models.CASCADE, related_name="segments")
    name = models.CharField(_("name"), max_length=80)
    contact_kind = models.CharField(
        _("customers or prospects"), max_length=10, choices=Contact.Kind.choices, blank=True
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    tags = models.ManyToManyField(
        Tag,
        blank=True,
        related_name="+",
        verbose_name=_("tags"),
        help_text=_("Contacts with at least one conversation carrying one of these tags."),
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["newsletter_list", "name"]
        constraints = [
            models.UniqueConstraint("newsletter_list", Lower("name"), name="newsletter_segment_unique_name"),
        ]

    def __str__(self):
        return self.name


class SubscriptionQuerySet(CompanyScopedQuerySet):
    def with_consent(self):
        return self.filter(consent_given_at__isnull=False).exclude(consent_text="").exclude(consent_source="")


class Subscription(models.Model):
    """One contact on one list, with the consent that allows writing to them.

    The consent is recorded as it was given: `consent_text` exactly as shown, `consent_source`
    (the form's address, “modulo fiera MECSPE 2026”…), `consent_given_at` (for the public
    form, the moment the email link was confirmed) and `consent_ip`. `requested_at` is the
    latest confirmation request: the link in the email names it, so an older link stops working
    once a new one is sent, and an unsubscribed address needs a new confirmation.
    """

    class Status(models.TextChoices):
        # A context of their own: one person's status, where the list page counts people.
        PENDING = "pending", pgettext_lazy("subscription status", "Waiting for confirmation")
        SUBSCRIBED = "subscribed", pgettext_lazy("subscription status", "Subscribed")
        UNSUBSCRIBED = "unsubscribed", pgettext_lazy("subscription status", "Unsubscribed")
        BOUNCED = "bounced", pgettext_lazy("subscription status", "Undeliverable")
        COMPLAINED = "complained", pgettext_lazy("subscription status", "Marked as spam")

    class Method(models.TextChoices):
        FORM = "form", _("Subscribe form, confirmed by email")
        IMPORT = "import", _("Imported from a file")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    newsletter_list = models.ForeignKey(NewsletterList, on_delete=models.CASCADE, related_name="subscriptions")
    contact = models.ForeignKey(Contact, on_delete=models.CASCADE, related_name="newsletter_subscriptions")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    method = models.CharField(_("how"), max_length=8, choices=Method.choices, default=Method.FORM)
    language = models.CharField(_("language"), max_length=8, blank=True)
    consent_text = models.TextField(_("consent text"), blank=True)
    consent_source = models.CharField(_("consent source"), max_length=200, blank=True)
    consent_given_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    consent_ip = models.GenericIPAddressField(_("consent given from"), null=True, blank=True)
    requested_at = models.DateTimeField(null=True, blank=True)
    request_ip = models.GenericIPAddressField(null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    # The contact was made by an unconfirmed request: removed with it if never confirmed.
    created_contact = models.BooleanField(default=False)
    status_changed_at = models.DateTimeField(default=timezone.now)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["newsletter_list", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["newsletter_list", "contact"], name="subscription_once_per_list"),
            # Nobody is subscribed without a recorded consent: when, what was shown, where.
            models.CheckConstraint(
                condition=~Q(status="subscribed")
                | (Q(consent_given_at__isnull=False) & ~Q(consent_text="") & ~Q(consent_source="")),
                name="subscription_subscribed_has_consent",
            ),
            models.CheckConstraint(
                condition=~Q(status="pending") | (Q(requested_at__isnull=False) & ~Q(consent_text="")),
                name="subscription_pending_has_request",
            ),
        ]
        indexes = [
            models.Index(fields=["newsletter_list", "status"], name="subscription_list_status"),
            models.Index(fields=["status", "requested_at"], name="subscription_status_requested"),
        ]

    def __str__(self):
        return f"{self.contact_id} → {self.newsletter_list_id} ({self.status})"


class SubscriptionEvent(models.Model):
    """The history of a subscription: every consent given and withdrawn, kept when it changes."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", _("Asked to subscribe")
        CONFIRMED = "confirmed", _("Confirmed by email")
        IMPORTED = "imported", _("Imported with consent")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        BOUNCED = "bounced", _("Address undeliverable")
        COMPLAINED = "complained", _("Marked as spam")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    ip = models.GenericIPAddressField(null=True, blank=True)
    # Where it happened: the form's address, the file's name, "one-click", "page", "mailto"…
    detail = models.CharField(max_length=200, blank=True)
    consent_text = models.TextField(blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["subscription", "at"], name="subscription_event_at")]

    def __str__(self):
        return f"{self.subscription_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class NewsletterSend(models.Model):
    """The sending of one newsletter item (a content item of the newsletter channel) to a list.

    Models only: the sending part fills `recipients_total` when it creates the deliveries and
    moves the status queued → sending → sent (or cancelled before it starts).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("newsletter send status", "Waiting to be sent")
        SENDING = "sending", pgettext_lazy("newsletter send status", "Sending")
        SENT = "sent", pgettext_lazy("newsletter send status", "Sent")
        CANCELLED = "cancelled", pgettext_lazy("newsletter send status", "Cancelled")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    item = models.OneToOneField(ContentItem, on_delete=models.PROTECT, related_name="newsletter_send")
    newsletter_list = models.ForeignKey(NewsletterList, on_delete=models.PROTECT, related_name="sends")
    segment = models.ForeignKey(
        NewsletterSegment, on_delete=models.SET_NULL, null=True, blank=True, related_name="sends"
    )
    subject = models.CharField(_("subject"), max_length=200, blank=True, help_text=_("Empty: the item's title."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    recipients_total = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter send")
        verbose_name_plural = _("newsletter sends")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.item_id} → {self.newsletter_list_id}"


class Delivery(models.Model):
    """One recipient of one send. The unique (send, subscription) pair means nobody twice.

    `email` is the address used, kept as it was; `message_id` matches bounces and replies.
    `unsubscribed_at` is set when the recipient unsubscribes with this email's link.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("delivery status", "Queued")
        SENT = "sent", pgettext_lazy("delivery status", "Sent")
        FAILED = "failed", pgettext_lazy("delivery status", "Failed")
        BOUNCED = "bounced", pgettext_lazy("delivery status", "Bounced")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    send = models.ForeignKey(NewsletterSend, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    message_id = models.CharField(max_length=250, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)
    bounced_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["send", "subscription"], name="delivery_once_per_send"),
        ]
        indexes = [
            models.Index(fields=["send", "status"], name="delivery_send_status"),
            models.Index(fields=["message_id"], condition=~Q(message_id=""), name="delivery_message_id"),
        ]

    def __str__(self):
        return f"{self.send_id} → {self.email} ({self.status})"


class NewsletterClick(models.Model):
    """The clicks of one recipient on one link of a newsletter: one row per (delivery, link).

    The row's existence is the unique click, `count` the total; `link_index` points into
    `compose.newsletter_links(item)`, so only the newsletter's own links can be recorded.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="clicks")
    link_index = models.PositiveSmallIntegerField()
    url = models.URLField(max_length=2000)
    count = models.PositiveIntegerField(default=1)
    first_at = models.DateTimeField(default=timezone.now)
    last_at = models.DateTimeField(default=timezone.now)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("newsletter click")
        verbose_name_plural = _("newsletter clicks")
        constraints = [
            models.UniqueConstraint(fields=["delivery", "link_index"], name="newsletter_click_once_per_link"),
        ]
        indexes = [models.Index(fields=["company", "first_at"], name="newsletter_click_first_at")]

    def __str__(self):
        return f"{self.delivery_id} #{self.link_index} ×{self.count}"
