"""Two-factor sign-in pages: the code after the password, setting up a device, the account's
security page and recovery codes. The rules live in engagements.twofactor."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render, resolve_url
from django.utils import formats, timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.forms import TwoFactorCodeForm, TwoFactorSetupForm
from engagements.reauth import password_confirmed
from engagements.twofactor import (
    CodeResult,
    confirmed_device,
    enrolment_confirm,
    manual_key,
    pending_device,
    qr_code_svg,
    recovery_codes_left,
    recovery_codes_renew,
    two_factor_disable,
    two_factor_state,
    verify_code,
)


def _next_url(request) -> str:
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


@login_required
def two_factor_verify(request):
    """After the password: the code from the app, or a recovery code."""
    next_url = _next_url(request)
    if request.user.is_verified():
        return redirect(next_url)
    state = two_factor_state(request.user)
    if not state.has_device:
        if state.required:
            return redirect(f"{resolve_url('two_factor_setup')}?{urlencode({'next': next_url})}")
        return redirect(next_url)
    form = TwoFactorCodeForm(request.POST or None)
    status = 200
    if request.method == "POST" and form.is_valid():
        result, locked_until = verify_code(request, form.cleaned_data["code"])
        if result == CodeResult.OK:
            return redirect(next_url)
        if result == CodeResult.THROTTLED:
            seconds = max(1, int((locked_until - timezone.now()).total_seconds()) + 1) if locked_until else 1
            form.add_error(
                "code", _("Too many wrong codes: wait %(seconds)s seconds and try again.") % {"seconds": seconds}
            )
            status = 429
        else:
            form.add_error(
                "code", _("That code is not right. Type the code shown now in your app, or a recovery code.")
            )
            status = 400
    elif request.method == "POST":
        status = 400
    return render(request, "engagements/security/verify.html", {"form": form, "next": next_url}, status=status)


@login_required
def two_factor_setup(request):
    """Set up (or replace) the phone's authenticator app; recovery codes are shown once at the end."""
    next_url = _next_url(request)
    state = two_factor_state(request.user)
    if state.has_device and not request.user.is_verified():
        # Replacing a device is for someone who has proved they hold the current one.
        return redirect(f"{resolve_url('two_factor_verify')}?{urlencode({'next': next_url})}")
    device = pending_device(request.user)
    form = TwoFactorSetupForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            codes = enrolment_confirm(request, device, form.cleaned_data["code"])
            if codes is not None:
                messages.success(request, _("Two-factor sign-in is on."))
                return _recovery_codes_page(request, codes, next_url)
            form.add_error(
                "code",
                _(
                    "That code is not right: check that your phone's clock is set automatically and type the code shown now."
                ),
            )
        status = 400
    context = {
        "form": form,
        "qr_svg": qr_code_svg(device),
        "manual_key": manual_key(device),
        "otpauth_url": device.config_url,
        "next": next_url,
        "required": state.required,
        "replacing": state.has_device,
    }
    return render(request, "engagements/security/setup.html", context, status=status)


def _recovery_codes_page(request, codes, next_url):
    text = "\r\n".join(
        [
            _("Staffetta recovery codes for %(email)s") % {"email": request.user.email},
            formats.date_format(timezone.localdate(), "DATE_FORMAT"),
            "",
            *codes,
            "",
            _("Each code works once."),
        ]
    )
    return render(
        request,
        "engagements/security/recovery_codes.html",
        {"codes": codes, "codes_text": text, "next": next_url},
    )


@login_required
def account_security(request):
    user = request.user
    state = two_factor_state(user)
    context = {
        "state": state,
        "device": confirmed_device(user) if state.has_device else None,
        "codes_left": recovery_codes_left(user) if state.has_device else 0,
    }
    return render(request, "engagements/security/account.html", context)


@require_POST
@login_required
@password_confirmed
def recovery_codes_regenerate(request):
    if not two_factor_state(request.user).has_device:
        return redirect("account_security")
    codes = recovery_codes_renew(request.user, request=request)
    messages.success(request, _("New recovery codes made: the old ones no longer work."))
    return _recovery_codes_page(request, codes, resolve_url("account_security"))


@require_POST
@login_required
@password_confirmed
def two_factor_turn_off(request):
    try:
        two_factor_disable(request.user, request=request)
    except PermissionError:
        messages.error(
            request, _("Your role requires two-factor sign-in: you can replace your device, not turn it off.")
        )
    else:
        messages.success(request, _("Two-factor sign-in is off."))
    return redirect("account_security")
