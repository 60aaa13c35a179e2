import zoneinfo
from datetime import time
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagements.roles import Department, Role, role_can


class UserManager(BaseUserManager):
    """Users log in by email; addresses are stored lower-case so lookups ignore case."""

    use_in_migrations = True

    def normalize_email(self, email):
        return (email or "").strip().lower()

    def get_by_natural_key(self, username):
        return self.get(email=self.normalize_email(username))

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Language of the pages and of the emails you receive. Empty: the company's language."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def clean(self):
        super().clean()
        self.email = type(self).objects.normalize_email(self.email)

    def __str__(self):
        return self.get_full_name() or self.email

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.email


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("%(value)s is not a known time zone (for example Europe/Rome)."), params={"value": value}
        )


# How long the enquiries' texts and personal data are kept after their last activity; empty:
# for ever. The data-retention job (inbox.retention) erases them, keeping the figures.
ENQUIRY_RETENTION_CHOICES = [
    (12, _("12 months")),
    (24, _("24 months")),
    (36, _("36 months")),
    (60, _("60 months")),
]


class Company(models.Model):
    """The tenant: every page, query, file and job belongs to exactly one company."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("web address"), max_length=60, unique=True)
    sector = models.CharField(_("sector"), max_length=160, blank=True)
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Rome", validators=[validate_timezone])
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="it")
    spend_approval_threshold = models.DecimalField(
        _("spend approval threshold (EUR)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("300.00"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text=_("A spend above this amount waits for the owner's approval; up to it, the digital manager decides."),
    )
    enquiry_retention_months = models.PositiveSmallIntegerField(
        _("keep enquiries for"),
        choices=ENQUIRY_RETENTION_CHOICES,
        null=True,
        blank=True,
        help_text=_(
            "After this time without activity, the texts, attachments and personal data of an enquiry are erased "
            "(GDPR). The figures stay: how many enquiries, from which channel, how fast they were answered."
        ),
    )
    two_factor_for_everyone = models.BooleanField(
        _("two-factor sign-in for everyone"),
        default=False,
        help_text=_(
            "Owners and consultants always sign in with a code from their phone; tick this to ask it of "
            "every member of the company too."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("company_home", kwargs={"company_slug": self.slug})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class CompanyScopedQuerySet(models.QuerySet):
    def for_company(self, company):
        return self.filter(company=company)


class BusinessHoursQuerySet(CompanyScopedQuerySet):
    pass


class BusinessHours(models.Model):
    """One opening interval on one weekday; SLA clocks run only inside these."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="business_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    objects = BusinessHoursQuerySet.as_manager()

    DEFAULT_WEEK = [
        (day, start, end)
        for day in range(5)
        for start, end in ((time(8, 30), time(12, 30)), (time(14, 0), time(18, 0)))
    ]

    class Meta:
        verbose_name = _("business hours")
        verbose_name_plural = _("business hours")
        ordering = ["company", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(opens__lt=models.F("closes")), name="business_hours_opens_before_closes"
            ),
        ]

    def __str__(self):
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"

    def clean(self):
        if self.opens is not None and self.closes is not None and self.opens >= self.closes:
            raise ValidationError(_("The closing time must come after the opening time."))


class MembershipQuerySet(CompanyScopedQuerySet):
    def for_user(self, user):
        return self.filter(user=user, company__is_active=True).select_related("company")

    def role_counts(self) -> dict[str, int]:
        """{role: number of members}, counted in the database."""
        return dict(self.order_by().values_list("role").annotate(n=models.Count("id")).values_list("role", "n"))


class Membership(models.Model):
    """A user's role in one company; a user may hold a different role in each company."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.CharField(_("department"), max_length=20, choices=Department.choices, blank=True)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["company", "role", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["user", "company"], name="membership_one_per_user_and_company"),
            models.CheckConstraint(
                condition=models.Q(role=Role.COLLEAGUE, department__gt="")
                | (~models.Q(role=Role.COLLEAGUE) & models.Q(department="")),
                name="membership_department_only_for_colleagues",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.company} ({self.get_role_display()})"

    def can(self, permission: str) -> bool:
        return role_can(self.role, permission)

    @property
    def role_label(self) -> str:
        if self.role == Role.COLLEAGUE and self.department:
            return f"{self.get_role_display()} · {self.get_department_display()}"
        return self.get_role_display()


class InvitationQuerySet(CompanyScopedQuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True)


class Invitation(models.Model):
    """An emailed, signed, expiring invitation to join a company with a given role."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    department = models.CharField(_("department"), max_length=20, choices=Department.choices, blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="it")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("invited by")
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                "company",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True),
                name="invitation_one_pending_per_email",
            ),
        ]

    def __str__(self):
        return f"{self.email} → {self.company}"

    @property
    def expires_at(self):
        return self.sent_at + settings.INVITATION_MAX_AGE

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at


class JobRun(models.Model):
    """The last run of each periodic job, so that /health/ can show the jobs are alive."""

    name = models.CharField(max_length=100, unique=True)
    last_run_at = models.DateTimeField()
    run_count = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("job run")
        verbose_name_plural = _("job runs")

    def __str__(self):
        return self.name


class PrivacyNotice(models.Model):
    """The company's privacy notice in one language, as the owner or the consultant wrote it.

    Without a row the public page shows the default text (engagements.privacy) filled with the
    company's name; the notice is linked from the enquiry form, the chat and the newsletter form.
    """

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="privacy_notices")
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    text = models.TextField(_("privacy notice"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CompanyScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        constraints = [models.UniqueConstraint(fields=["company", "language"], name="privacy_notice_per_language")]

    def __str__(self):
        return f"{self.company_id} {self.language}"


class UserSession(models.Model):
    """A session a user signed in with, so that removing a member ends their sessions at once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("signed-in session")
        verbose_name_plural = _("signed-in sessions")

    def __str__(self):
        return f"{self.user_id} {self.created_at:%Y-%m-%d %H:%M}"
