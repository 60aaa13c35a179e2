"""Two-factor sign-in (django-otp): who needs it, enrolment, codes, and the guard on every page.

* Required for anyone who is owner or consultant in any company, and for every member of a
  company whose `two_factor_for_everyone` is on; optional for everyone else.
* After the password, a user with a confirmed device gives a code (from the phone's app, or a
  single-use recovery code) before any page of the application; a user who must use it and has
  no device is sent to set one up at once.
* Company pages are guarded by `engagements.tenancy.CompanyMiddleware` (in the query that loads
  the membership); `TwoFactorMiddleware` guards every other page except the public ones
  (sign-in, the intake form and chat widget, feeds, newsletter links, health, language).
  htmx, JSON and non-GET requests get 403 instead of a redirect.
"""

import base64
import io
from dataclasses import dataclass

import django_otp
import qrcode
import qrcode.image.svg
from django.apps import apps
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.dispatch import receiver
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from activity.log import record
from activity.verbs import Verb
from engagements.models import Membership, User
from engagements.roles import MANAGERS
from engagements.sessions import sessions_end

RECOVERY_CODE_COUNT = 10
PENDING_DEVICE_NAME = "pending"
DEVICE_NAME = "phone"
RECOVERY_DEVICE_NAME = "recovery"


def _requiring_memberships(user_ref):
    return Membership.objects.filter(user=user_ref, company__is_active=True).filter(
        Q(role__in=MANAGERS) | Q(company__two_factor_for_everyone=True)
    )


def two_factor_required(user) -> bool:
    """Owner or consultant anywhere, or member of a company that asks it of everyone."""
    return _requiring_memberships(user).exists()


@dataclass(frozen=True)
class TwoFactorState:
    required: bool
    has_device: bool


def two_factor_state(user) -> TwoFactorState:
    """Whether `user` must use a second factor and whether they have one, in one query."""
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            required=Exists(_requiring_memberships(OuterRef("pk"))),
            has_device=Exists(TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)),
        )
        .values_list("required", "has_device")
        .first()
    )
    return TwoFactorState(*(row or (False, False)))


def with_two_factor_state(memberships):
    """Annotate memberships with their user's `two_factor_required` and `two_factor_device`."""
    return memberships.annotate(
        two_factor_required=Exists(_requiring_memberships(OuterRef("user_id"))),
        two_factor_device=Exists(TOTPDevice.objects.filter(user=OuterRef("user_id"), confirmed=True)),
    )


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()


def pending_device(user) -> TOTPDevice:
    """The device being set up (not yet confirmed): the same one until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False, name=PENDING_DEVICE_NAME).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, confirmed=False, name=PENDING_DEVICE_NAME)
    return device


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app by hand."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an inline SVG (no Pillow, no inline style)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode("utf-8")
    # Drop the XML declaration: the SVG sits inside the HTML page.
    return svg[svg.index("<svg") :]


def _user_companies(user) -> list[int]:
    return list(Membership.objects.filter(user=user).values_list("company_id", flat=True))


def _record_everywhere(user, verb, *, request=None, company_ids=None, **details) -> None:
    for company_id in _user_companies(user) if company_ids is None else company_ids:
        record(company_id, user, verb, request=request, **details)


def recovery_codes_renew(user, *, request=None, announce=True) -> list[str]:
    """Replace the user's recovery codes with RECOVERY_CODE_COUNT new single-use codes."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_DEVICE_NAME)
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
        if announce:
            _record_everywhere(user, Verb.RECOVERY_CODES_RENEWED, request=request)
    return codes


def enrolment_confirm(request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the pending `device` with a code from the app; None if the code is wrong.

    On success the device replaces any previous one, new recovery codes are made (returned,
    to be shown once) and the session counts as verified.
    """
    if device.user_id != request.user.pk or device.confirmed:
        return None
    if not device.verify_token(code.replace(" ", "")):
        _record_everywhere(request.user, Verb.TWO_FACTOR_FAILED, request=request, step="setup")
        return None
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.name = DEVICE_NAME
        device.save(update_fields=["confirmed", "name"])
        codes = recovery_codes_renew(request.user, request=request, announce=False)
        _record_everywhere(request.user, Verb.TWO_FACTOR_ENROLLED, request=request)
    # Sessions verified with the previous device end (they were trusted on the session's word).
    sessions_end(request.user, keep=request.session.session_key)
    django_otp.login(request, device)
    return codes


class CodeResult:
    OK = "ok"
    WRONG = "wrong"
    THROTTLED = "throttled"


def verify_code(request, code: str) -> tuple[str, object]:
    """Check a code after the password: (CodeResult, locked_until or None).

    Six digits are a code from the app; anything else is tried as a recovery code, which
    works once. Both kinds are throttled by django-otp (1, 2, 4… seconds after each failure).
    """
    user = request.user
    code = code.strip().replace(" ", "").lower()
    if code.isdigit() and len(code) == 6:
        device = confirmed_device(user)
    else:
        device = StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()
    if device is None:
        _record_everywhere(user, Verb.TWO_FACTOR_FAILED, request=request)
        return CodeResult.WRONG, None
    allowed, data = device.verify_is_allowed()
    if not allowed:
        return CodeResult.THROTTLED, (data or {}).get("locked_until")
    if device.verify_token(code):
        django_otp.login(request, device)
        return CodeResult.OK, None
    _record_everywhere(user, Verb.TWO_FACTOR_FAILED, request=request)
    return CodeResult.WRONG, None


def two_factor_disable(user, *, request=None) -> None:
    """Turn off the second factor of a user who is not required to use it."""
    if two_factor_required(user):
        raise PermissionError("This user must use two-factor sign-in.")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
    sessions_end(user, keep=request.session.session_key if request is not None else None)
    if request is not None:
        request.session.pop(DEVICE_ID_SESSION_KEY, None)


# Sign-ins and failed sign-ins go to the activity log of every company of the user.


@receiver(user_logged_in, dispatch_uid="staffetta_activity_signed_in")
def _signed_in(sender, request, user, **kwargs):
    _record_everywhere(user, Verb.SIGNED_IN, request=request)


@receiver(user_login_failed, dispatch_uid="staffetta_activity_sign_in_failed")
def _sign_in_failed(sender, credentials, request=None, **kwargs):
    email = (credentials or {}).get("username") or (credentials or {}).get("email") or ""
    user = User.objects.filter(email__iexact=email.strip()).first() if email else None
    if user is not None:
        # Who was tried and from where; never the password (Django masks it anyway).
        _record_everywhere(user, Verb.SIGN_IN_FAILED, request=request)


class SessionOTPMiddleware(OTPMiddleware):
    """django-otp's OTPMiddleware without a query on every request.

    The stock middleware loads the session's verified device from the database on each request.
    Here the session's word is trusted: django-otp writes the device id only after a right code
    for this very user (a sign-in as someone else starts a new session), and whatever removes or
    replaces a device ends the user's other sessions (`enrolment_confirm`, `two_factor_disable`).
    `user.otp_device` is therefore a stand-in (id, user, confirmed), not a loaded row.
    """

    def _verify_user_sync(self, request, user):
        self._init_user_fields(user)
        if user.is_authenticated:
            persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
            if persistent_id:
                user.otp_device = _device_stand_in(persistent_id, user)
                if user.otp_device is None:
                    del request.session[DEVICE_ID_SESSION_KEY]
        return user


def _device_stand_in(persistent_id: str, user):
    try:
        label, pk = persistent_id.split("/", 1)
        model = apps.get_model(label)
        return model(pk=int(pk), user_id=user.pk, confirmed=True)
    except (ValueError, LookupError):
        return None


# The guard.

# Pages an unverified user may still open: signing in and out, the second factor itself, and
# everything public (URL names first; then address prefixes of whole public areas).
OPEN_URL_NAMES = frozenset(
    {
        "login",
        "logout",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
        "set_language",
        "invitation_accept",
        "two_factor_verify",
        "two_factor_setup",
        "health",
        "csp_report",
    }
)
OPEN_PREFIXES = ("/in/", "/nl/", "/feeds/", "/health/", "/static/", "/csp-report/")


def wants_no_redirect(request) -> bool:
    return (
        request.method not in ("GET", "HEAD")
        or bool(request.headers.get("HX-Request"))
        or "application/json" in request.headers.get("Accept", "")
    )


def second_factor_response(request, *, has_device: bool):
    """Where an unverified user who needs the second factor goes instead of the page asked for."""
    if wants_no_redirect(request):
        return HttpResponseForbidden(gettext("Sign in with your second factor first."))
    target = "two_factor_verify" if has_device else "two_factor_setup"
    return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")


class TwoFactorMiddleware:
    """Every page but the public ones and the company pages (CompanyMiddleware checks those
    with the membership it loads anyway, without one more query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if "company_slug" in view_kwargs:
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if (match and match.url_name in OPEN_URL_NAMES) or request.path.startswith(OPEN_PREFIXES):
            return None
        state = two_factor_state(user)
        if not state.has_device and not state.required:
            return None
        return second_factor_response(request, has_device=state.has_device)
