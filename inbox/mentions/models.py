"""Web mentions: RSS/Atom feeds that a company monitors, and the entries found in them."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.models import Company, CompanyScopedQuerySet


class FeedProblem(models.TextChoices):
    """Why the last fetch of a feed failed; shown translated, with the technical detail beside."""

    INVALID_ADDRESS = "invalid_address", _("The address is not a web address (http or https).")
    PRIVATE_ADDRESS = "private_address", _("The address points to a private or local network, which is not read.")
    CONNECTION = "connection", _("The site could not be reached.")
    TIMEOUT = "timeout", _("The site did not answer in time.")
    HTTP_ERROR = "http_error", _("The site answered with an error.")
    TOO_LARGE = "too_large", _("The feed is too large to be read.")
    NOT_A_FEED = "not_a_feed", _("The address answers, but it is a web page, not an RSS or Atom feed.")
    BROKEN = "broken", _("The feed contains errors and could not be read.")


class MentionFeedQuerySet(CompanyScopedQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def due(self, *, now, interval: timedelta):
        """Active feeds not read for `interval` (or never)."""
        return self.active().filter(Q(last_polled_at__isnull=True) | Q(last_polled_at__lte=now - interval))

    def claimable(self, *, now, stale_after: timedelta):
        """Feeds nobody is reading now; a claim older than `stale_after` was left by a crashed run."""
        return self.filter(Q(polling_since__isnull=True) | Q(polling_since__lte=now - stale_after))


class MentionFeed(models.Model):
    """An RSS or Atom feed to watch, e.g. a Google Alerts feed or a news search feed."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="mention_feeds")
    name = models.CharField(_("name"), max_length=120)
    url = models.URLField(_("feed address"), max_length=1000)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    # Set while a run reads the feed, so that two runs never read it at once.
    polling_since = models.DateTimeField(null=True, blank=True)
    last_polled_at = models.DateTimeField(_("last read"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last read without errors"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=20, choices=FeedProblem.choices, blank=True)
    last_error_detail = models.CharField(max_length=300, blank=True)
    # Conditional GET: the server answers 304 and sends nothing when the feed has not changed.
    etag = models.CharField(max_length=300, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)

    objects = MentionFeedQuerySet.as_manager()

    class Meta:
        verbose_name = _("mention feed")
        verbose_name_plural = _("mention feeds")
        ordering = ["name", "id"]
        constraints = [models.UniqueConstraint(fields=["company", "url"], name="mention_feed_once_per_company")]

    def __str__(self):
        return self.name


class MentionQuerySet(CompanyScopedQuerySet):
    def for_list(self):
        return self.select_related("feed").order_by("-published_at", "-id")

    def matching(self, *, status: str = "", feed=None, query: str = ""):
        """Filters of the mentions page; every word of `query` must occur in title, summary or source."""
        mentions = self
        if status and status != "all":
            mentions = mentions.filter(status=status)
        if feed is not None:
            mentions = mentions.filter(feed=feed)
        for word in (query or "")[:200].split()[:8]:
            mentions = mentions.filter(
                Q(title__icontains=word) | Q(summary__icontains=word) | Q(source__icontains=word)
            )
        return mentions


class Mention(models.Model):
    """One entry of a watched feed: something said about the company online."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        HANDLED = "handled", _("Handled")
        DISMISSED = "dismissed", _("Dismissed")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="mentions")
    # Kept when the feed is removed: what was said stays in the figures.
    feed = models.ForeignKey(
        MentionFeed, on_delete=models.SET_NULL, null=True, blank=True, related_name="mentions", verbose_name=_("feed")
    )
    # The same article reached through two feeds is one mention: the key is the hash of its
    # normalised address (tracking parameters and Google redirects removed), else of its id.
    key = models.CharField(max_length=64)
    entry_id = models.CharField(max_length=500, blank=True)
    title = models.CharField(_("title"), max_length=500)
    link = models.URLField(_("address"), max_length=1000, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    published_at = models.DateTimeField(_("published"))
    found_at = models.DateTimeField(_("found"), default=timezone.now)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    conversation = models.ForeignKey(
        "inbox.Conversation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    conversation_opened_at = models.DateTimeField(null=True, blank=True)
    # The content desk is another app: its idea is referred to by id, never by a foreign key.
    content_idea_id = models.PositiveBigIntegerField(null=True, blank=True)
    content_idea_created_at = models.DateTimeField(null=True, blank=True)

    objects = MentionQuerySet.as_manager()

    class Meta:
        verbose_name = _("mention")
        verbose_name_plural = _("mentions")
        ordering = ["-published_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["company", "key"], name="mention_once_per_company")]
        indexes = [
            models.Index(fields=["company", "-published_at", "-id"], name="mention_company_published"),
            models.Index(fields=["company", "status", "-published_at"], name="mention_company_status"),
            models.Index(fields=["company", "found_at"], name="mention_company_found"),
        ]

    def __str__(self):
        return self.title
