"""Sensitive actions ask for the password again: `@password_confirmed`.

A password typed in the last `REAUTH_MINUTES` (the sign-in itself counts) lets the action
through. Otherwise the same URL answers with a "Confirm your password" page:

* for a POST, the page carries the original fields as hidden inputs and posts them back to
  the same URL together with the password, so nothing typed is lost; after a right password
  the view runs on those fields as if nothing had happened;
* for a GET (e.g. an export), the page posts to /accounts/password/confirm/?next=<the URL>,
  which redirects back to the same URL after a right password.

Wrong passwords are counted in the session: after `REAUTH_MAX_FAILURES` the session ends
and the user signs in again (where django-axes throttles the login).

Usage, under `@company_view` or on any view of a signed-in user::

    @company_view("members.manage")
    @password_confirmed
    def member_role(request, membership_id): ...

Files of a multipart POST cannot be carried through the page; decorated views take none.
"""

import functools
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

CONFIRMED_AT_SESSION_KEY = "staffetta_password_confirmed_at"
FAILURES_SESSION_KEY = "staffetta_reauth_failures"
PASSWORD_FIELD = "_reauth_password"
MARKER_FIELD = "_reauth"
BACK_FIELD = "_reauth_back"
REAUTH_MAX_FAILURES = 5


def password_recently_confirmed(request) -> bool:
    confirmed_at = request.session.get(CONFIRMED_AT_SESSION_KEY)
    if not confirmed_at:
        return False
    return time.time() - float(confirmed_at) < settings.REAUTH_MINUTES * 60


def mark_password_confirmed(request) -> None:
    request.session[CONFIRMED_AT_SESSION_KEY] = time.time()
    request.session.pop(FAILURES_SESSION_KEY, None)


@receiver(user_logged_in, dispatch_uid="staffetta_reauth_on_login")
def _password_confirmed_on_login(sender, request, user, **kwargs):
    # Signing in is typing the password: it counts as a confirmation.
    if request is not None and hasattr(request, "session"):
        mark_password_confirmed(request)


def _try_password(request):
    """Check the posted password: None when right, else the response or the error to show."""
    if request.user.check_password(request.POST.get(PASSWORD_FIELD, "")):
        mark_password_confirmed(request)
        return None
    failures = request.session.get(FAILURES_SESSION_KEY, 0) + 1
    if failures >= REAUTH_MAX_FAILURES:
        logout(request)
        messages.error(request, _("Too many wrong passwords: please sign in again."))
        return redirect(settings.LOGIN_URL)
    request.session[FAILURES_SESSION_KEY] = failures
    return _("That is not your password. Please try again.")


def _back_url(request) -> str:
    """Where "Cancel" goes: the page the person came from (kept across a wrong password), never the
    address being confirmed itself (a POST-only view), else the home page."""
    back = request.POST.get(BACK_FIELD) or request.META.get("HTTP_REFERER", "")
    back = _safe_next(request, back)
    if urlsplit(back).path == request.path:
        return resolve_url(settings.LOGIN_REDIRECT_URL)
    return back


def _confirm_page(request, *, action, original_method, kept, error=""):
    return render(
        request,
        "engagements/security/password_confirm.html",
        {
            "action": action,
            "original_method": original_method,
            "kept_fields": kept,
            "error": error,
            "password_field": PASSWORD_FIELD,
            "marker_field": MARKER_FIELD,
            "back_field": BACK_FIELD,
            "back_url": _back_url(request),
            "reauth_minutes": settings.REAUTH_MINUTES,
        },
        status=401 if error else 200,
    )


def _safe_next(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def password_confirmed(view):
    """Run `view` only if the password was confirmed in the last REAUTH_MINUTES."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            # Company pages never get here anonymous (CompanyMiddleware): never confirm a
            # password for nobody.
            return redirect_to_login(request.get_full_path())
        confirming = request.method == "POST" and MARKER_FIELD in request.POST
        if password_recently_confirmed(request):
            return _run(request, view, args, kwargs) if confirming else view(request, *args, **kwargs)
        if request.method != "POST":
            # A GET: the page posts to the confirmation address, which comes back here.
            action = f"{reverse('password_confirm')}?{urlencode({'next': request.get_full_path()})}"
            return _confirm_page(request, action=action, original_method="GET", kept=[])
        error = ""
        if confirming:
            outcome = _try_password(request)
            if outcome is None:
                return _run(request, view, args, kwargs)
            if not isinstance(outcome, str):
                return outcome
            error = outcome
        kept = [(name, value) for name, values in request.POST.lists() if name not in _OWN_FIELDS for value in values]
        return _confirm_page(request, action=request.get_full_path(), original_method="POST", kept=kept, error=error)

    return wrapper


_OWN_FIELDS = {PASSWORD_FIELD, MARKER_FIELD, BACK_FIELD, "csrfmiddlewaretoken"}


def _run(request, view, args, kwargs):
    """The original POST, without the confirmation's own fields."""
    post = request.POST.copy()
    post.pop(PASSWORD_FIELD, None)
    post.pop(MARKER_FIELD, None)
    post.pop(BACK_FIELD, None)
    request.POST = post
    return view(request, *args, **kwargs)


@require_POST
@login_required
def password_confirm(request):
    """/accounts/password/confirm/?next=…: the confirmation of a GET; back to `next` when right."""
    next_url = _safe_next(request, request.GET.get("next"))
    outcome = _try_password(request)
    if outcome is None:
        return redirect(next_url)
    if not isinstance(outcome, str):
        return outcome
    action = f"{reverse('password_confirm')}?{urlencode({'next': next_url})}"
    return _confirm_page(request, action=action, original_method="GET", kept=[], error=outcome)
