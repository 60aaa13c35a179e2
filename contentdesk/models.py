"""The content desk: the company's channels, the content planned for them, and what it achieved.

A content item moves idea → draft → in review → approved → scheduled → published (or is
cancelled); `contentdesk.workflow` holds the allowed moves and who may make them, and every
change is an `ContentEvent`. Staffetta does not post to the social networks itself: the
digital manager publishes and records the address and time, and the results.
"""

import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from engagements.models import Company, CompanyScopedQuerySet


class ChannelKind(models.TextChoices):
    BLOG = "blog", _("Blog")
    WEBSITE = "website", _("Website pages")
    FACEBOOK = "facebook", _("Facebook")
    INSTAGRAM = "instagram", _("Instagram")
    LINKEDIN = "linkedin", _("LinkedIn")
    X = "x", _("X")
    YOUTUBE = "youtube", _("YouTube")
    NEWSLETTER = "newsletter", _("Newsletter")
    GOOGLE_BUSINESS = "google_business", _("Google Business Profile")


# What each kind of channel accepts, from the networks' own limits (characters of the text);
# None where the form of the content has no practical limit (a blog post, a web page).
CHANNEL_LIMITS: dict[str, int | None] = {
    ChannelKind.BLOG: None,
    ChannelKind.WEBSITE: None,
    ChannelKind.FACEBOOK: 63206,
    ChannelKind.INSTAGRAM: 2200,
    ChannelKind.LINKEDIN: 3000,
    ChannelKind.X: 280,
    ChannelKind.YOUTUBE: 5000,
    ChannelKind.NEWSLETTER: None,
    ChannelKind.GOOGLE_BUSINESS: 1500,
}

# utm_medium per kind, following Google Analytics' default channel grouping.
CHANNEL_UTM_MEDIUM: dict[str, str] = {
    ChannelKind.BLOG: "referral",
    ChannelKind.WEBSITE: "referral",
    ChannelKind.FACEBOOK: "social",
    ChannelKind.INSTAGRAM: "social",
    ChannelKind.LINKEDIN: "social",
    ChannelKind.X: "social",
    ChannelKind.YOUTUBE: "video",
    ChannelKind.NEWSLETTER: "email",
    ChannelKind.GOOGLE_BUSINESS: "organic",
}

# Bootstrap-friendly colours so that a channel is recognisable at a glance on the calendar.
CHANNEL_COLOURS: dict[str, str] = {
    ChannelKind.BLOG: "#6f42c1",
    ChannelKind.WEBSITE: "#495057",
    ChannelKind.FACEBOOK: "#1877f2",
    ChannelKind.INSTAGRAM: "#c13584",
    ChannelKind.LINKEDIN: "#0a66c2",
    ChannelKind.X: "#14171a",
    ChannelKind.YOUTUBE: "#cc0000",
    ChannelKind.NEWSLETTER: "#198754",
    ChannelKind.GOOGLE_BUSINESS: "#e37400",
}

CHANNEL_ICONS: dict[str, str] = {
    ChannelKind.BLOG: "journal-text",
    ChannelKind.WEBSITE: "globe",
    ChannelKind.FACEBOOK: "facebook",
    ChannelKind.INSTAGRAM: "instagram",
    ChannelKind.LINKEDIN: "linkedin",
    ChannelKind.X: "twitter-x",
    ChannelKind.YOUTUBE: "youtube",
    ChannelKind.NEWSLETTER: "envelope-paper",
    ChannelKind.GOOGLE_BUSINESS: "shop",
}


class ContentChannel(models.Model):
    """Where the company publishes: its blog, its LinkedIn page, its newsletter…"""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="content_channels")
    kind = models.CharField(_("kind"), max_length=20, choices=ChannelKind.choices)
    name = models.CharField(_("name"), max_length=80)
    requires_approval = models.BooleanField(
        _("needs approval"),
        default=True,
        help_text=_("Content for this channel must be approved by the owner or the consultant before it is scheduled."),
    )
    max_length = models.PositiveIntegerField(
        _("maximum length"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Characters of text the channel accepts; empty for no limit."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
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
        verbose_name = _("content channel")
        verbose_name_plural = _("content channels")
        ordering = ["company", "name"]
        constraints = [
            models.UniqueConstraint(fields=["company", "name"], name="content_channel_unique_name"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self._state.adding and self.max_length is None:
            self.max_length = CHANNEL_LIMITS.get(self.kind)
        super().save(*args, **kwargs)

    @property
    def colour(self) -> str:
        return CHANNEL_COLOURS.get(self.kind, "#6c757d")

    @property
    def icon(self) -> str:
        return CHANNEL_ICONS.get(self.kind, "megaphone")

    @property
    def utm_medium(self) -> str:
        return CHANNEL_UTM_MEDIUM.get(self.kind, "referral")


class Cadence(models.Model):
    """A recurring slot to fill, such as LinkedIn on Tuesday and Thursday at 10:00.

    `rule` is an RFC 5545 RRULE without DTSTART (for example ``FREQ=WEEKLY;BYDAY=TU,TH``); the
    slots are computed in the company's time zone at `time_of_day`, so 10:00 stays 10:00 across
    the daylight-saving changes (see contentdesk.cadence).
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="cadences")
    channel = models.ForeignKey(
        ContentChannel, on_delete=models.CASCADE, related_name="cadences", verbose_name=_("channel")
    )
    label = models.CharField(_("label"), max_length=120, blank=True)
    rule = models.CharField(_("recurrence"), max_length=200)
    time_of_day = models.TimeField(_("time"))
    starts_on = models.DateField(_("from"), default=timezone.localdate)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
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
        verbose_name = _("cadence")
        verbose_name_plural = _("cadences")
        ordering = ["company", "channel__name", "time_of_day"]

    def __str__(self):
        return self.label or f"{self.channel} {self.rule}"


class ContentItemQuerySet(CompanyScopedQuerySet):
    def open(self):
        return self.exclude(status__in=[ContentItem.Status.PUBLISHED, ContentItem.Status.CANCELLED])

    def overdue(self, now=None):
        """Planned for a time that has passed and still not published."""
        now = now or timezone.now()
        return self.open().filter(scheduled_at__lt=now)

    def between(self, start, end):
        return self.filter(scheduled_at__gte=start, scheduled_at__lt=end)

    def for_calendar(self):
        return self.select_related("channel", "author").order_by("scheduled_at", "pk")


class ContentItem(models.Model):
    class Status(models.TextChoices):
        # A context of their own: "Approved" is feminine for a spend (la spesa) and
        # masculine for a content item (il contenuto) in Italian.
        IDEA = "idea", pgettext_lazy("content status", "Idea")
        DRAFT = "draft", pgettext_lazy("content status", "Draft")
        IN_REVIEW = "in_review", pgettext_lazy("content status", "In review")
        APPROVED = "approved", pgettext_lazy("content status", "Approved")
        SCHEDULED = "scheduled", pgettext_lazy("content status", "Scheduled")
        PUBLISHED = "published", pgettext_lazy("content status", "Published")
        CANCELLED = "cancelled", pgettext_lazy("content status", "Cancelled")

    class Kind(models.TextChoices):
        POST = "post", _("Post")
        ARTICLE = "article", _("Article")
        PAGE = "page", _("Web page")
        VIDEO = "video", _("Video")
        STORY = "story", _("Story")
        NEWSLETTER = "newsletter", _("Newsletter")
        EVENT = "event", _("Event or offer")

    class Language(models.TextChoices):
        ITALIAN = "it", _("Italian")
        ENGLISH = "en", _("English")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="content_items")
    channel = models.ForeignKey(
        ContentChannel, on_delete=models.PROTECT, related_name="items", verbose_name=_("channel")
    )
    title = models.CharField(_("title"), max_length=200)
    brief = models.TextField(_("brief"), blank=True, help_text=_("What the piece is for, for whom, key message."))
    body = models.TextField(_("text"), blank=True, help_text=_("Markdown: **bold**, *italic*, [link](https://…)."))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.POST)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ITALIAN)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.IDEA)
    scheduled_at = models.DateTimeField(_("planned for"), null=True, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    tag = models.CharField(
        _("pillar or campaign"), max_length=80, blank=True, help_text=_("e.g. “Fiera MECSPE” or “Dietro le quinte”.")
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    changes_requested = models.PositiveSmallIntegerField(_("changes requested"), default=0)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_url = models.URLField(_("published at address"), max_length=500, blank=True)
    # Results typed in or imported from the network's export; enquiries attributed through the
    # item's tracked link are counted from the inbox, not typed.
    reach = models.PositiveIntegerField(_("reach"), null=True, blank=True)
    clicks = models.PositiveIntegerField(_("clicks"), null=True, blank=True)
    enquiries = models.PositiveIntegerField(_("enquiries (reported)"), null=True, blank=True)
    results_updated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ContentItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("content item")
        verbose_name_plural = _("content items")
        ordering = ["scheduled_at", "pk"]
        indexes = [
            models.Index(fields=["company", "scheduled_at"], name="content_item_company_when"),
            models.Index(fields=["company", "status"], name="content_item_company_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="content_item_published_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def utm_content(self) -> str:
        """The value of utm_content that ties an enquiry to this item (stable, short, not guessable-free)."""
        return f"sf-{self.pk}"

    @property
    def is_overdue(self) -> bool:
        return (
            self.scheduled_at is not None
            and self.status not in (self.Status.PUBLISHED, self.Status.CANCELLED)
            and self.scheduled_at < timezone.now()
        )

    @property
    def length_limit(self) -> int | None:
        return self.channel.max_length if self.channel_id else None


class ContentComment(models.Model):
    item = models.ForeignKey(ContentItem, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:60]


class ContentEvent(models.Model):
    """One change of an item, with who made it and when: the item's history."""

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        STATUS = "status", _("Status changed")
        RESCHEDULED = "rescheduled", _("Rescheduled")
        EDITED = "edited", _("Edited")
        RESULTS = "results", _("Results recorded")

    item = models.ForeignKey(ContentItem, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(default=timezone.now)
    from_status = models.CharField(max_length=12, choices=ContentItem.Status.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ContentItem.Status.choices, blank=True)
    from_time = models.DateTimeField(null=True, blank=True)
    to_time = models.DateTimeField(null=True, blank=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["item", "at"], name="content_event_item_at")]

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class ContentNotification(models.Model):
    """One email about an event of an item to one person, recorded so that it is sent once.

    The row is the claim: it is created just before sending (the unique constraint stops a
    second worker), `sent_at` is set once the SMTP server took it, and a failed send deletes
    the row so that the retried task tries again.
    """

    event = models.ForeignKey(ContentEvent, on_delete=models.CASCADE, related_name="notifications")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    claimed_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="content_notification_once"),
        ]

    def __str__(self):
        return f"{self.event_id} → {self.user_id}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """The secret address of an iCal feed: the company's whole calendar, or one person's items."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="calendar_feeds")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feeds"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    rotated_at = models.DateTimeField(default=timezone.now)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="calendar_feed_one_per_user"),
            models.UniqueConstraint(
                fields=["company"], condition=Q(user__isnull=True), name="calendar_feed_one_per_company"
            ),
        ]

    def __str__(self):
        return f"{self.company} {self.user or '*'}"


def image_path(instance, filename: str) -> str:
    # Under MEDIA_ROOT, outside the web root; served only through a view that checks access.
    name = PurePosixPath(filename).name[-100:] or "image"
    return f"content/{instance.company_id}/{timezone.now():%Y/%m}/{secrets.token_hex(8)}-{name}"


class ContentImage(models.Model):
    """A picture uploaded for the calendar; its channel-sized variants are made from it."""

    MAX_BYTES = 15 * 1024 * 1024
    MAX_PIXELS = 40_000_000

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="content_images")
    item = models.ForeignKey(
        ContentItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="images", verbose_name=_("item")
    )
    file = models.ImageField(upload_to=image_path, max_length=300, width_field="width", height_field="height")
    # A JPEG at most 400 px wide for grids and cards, made on upload (contentdesk.images).
    thumbnail = models.ImageField(upload_to=image_path, max_length=300, blank=True)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt_text = models.CharField(_("description for screen readers"), max_length=250, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.original_name


class ImageFormat(models.TextChoices):
    LANDSCAPE = "landscape", _("Link preview 1200×630")
    SQUARE = "square", _("Square post 1080×1080")
    PORTRAIT = "portrait", _("Portrait post 1080×1350")
    STORY = "story", _("Story 1080×1920")


IMAGE_SIZES: dict[str, tuple[int, int]] = {
    ImageFormat.LANDSCAPE: (1200, 630),
    ImageFormat.SQUARE: (1080, 1080),
    ImageFormat.PORTRAIT: (1080, 1350),
    ImageFormat.STORY: (1080, 1920),
}


class ContentImageVariant(models.Model):
    image = models.ForeignKey(ContentImage, on_delete=models.CASCADE, related_name="variants")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="+")
    format = models.CharField(_("format"), max_length=12, choices=ImageFormat.choices)
    overlay_text = models.CharField(_("text over the image"), max_length=120, blank=True)
    file = models.ImageField(upload_to=image_path, max_length=300, width_field="width", height_field="height")
    thumbnail = models.ImageField(upload_to=image_path, max_length=300, blank=True)
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("image variant")
        verbose_name_plural = _("image variants")
        ordering = ["image", "format", "-created_at"]

    def __str__(self):
        return f"{self.image} {self.format}"


# The newsletter's models (lists, subscriptions, sends) live beside its code.
from contentdesk.newsletter.models import (  # noqa: E402, F401
    Delivery,
    NewsletterClick,
    NewsletterList,
    NewsletterSegment,
    NewsletterSend,
    Subscription,
    SubscriptionEvent,
)
