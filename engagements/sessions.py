"""Sessions: idle expiry, and the list of a user's sessions so that removal ends them at once.

* `IdleSessionMiddleware` ends a session after SESSION_IDLE_MINUTES without a request; the
  user lands on the login page with a message and `next` pointing where they were. The time of
  the last request is written at most once a minute (not a session write per request).
* Every sign-in notes its session key (`UserSession`); `sessions_end(user)` deletes them all.
"""

import time
from importlib import import_module

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.translation import gettext as _

from engagements.models import UserSession

LAST_SEEN_SESSION_KEY = "staffetta_last_seen"
# How stale the stored "last seen" may get before it is written again (seconds).
LAST_SEEN_GRANULARITY = 60


def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


@receiver(user_logged_in, dispatch_uid="staffetta_sessions_on_login")
def _note_session(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    session[LAST_SEEN_SESSION_KEY] = time.time()
    if session.session_key:
        UserSession.objects.update_or_create(session_key=session.session_key, defaults={"user": user})


@receiver(user_logged_out, dispatch_uid="staffetta_sessions_on_logout")
def _forget_session(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is not None and session.session_key:
        UserSession.objects.filter(session_key=session.session_key).delete()


def sessions_end(user, *, keep: str | None = None) -> int:
    """Sign `user` out everywhere at once (but the session `keep`); the number of sessions ended."""
    store = _session_store()
    sessions = UserSession.objects.filter(user=user).exclude(session_key=keep or "")
    keys = list(sessions.values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    sessions.delete()
    return len(keys)


class IdleSessionMiddleware:
    """After AuthenticationMiddleware and MessageMiddleware (the message needs both)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            last_seen = request.session.get(LAST_SEEN_SESSION_KEY)
            if last_seen is not None and now - float(last_seen) > settings.SESSION_IDLE_MINUTES * 60:
                return self._expired(request)
            if last_seen is None or now - float(last_seen) > LAST_SEEN_GRANULARITY:
                request.session[LAST_SEEN_SESSION_KEY] = now
        return self.get_response(request)

    def _expired(self, request):
        logout(request)
        minutes = settings.SESSION_IDLE_MINUTES
        messages.info(
            request,
            _("You were signed out after %(minutes)s minutes without activity: sign in again to go on.")
            % {"minutes": minutes},
        )
        back = request.get_full_path() if request.method in ("GET", "HEAD") else request.headers.get("Referer", "")
        if request.headers.get("HX-Request"):
            response = HttpResponse(status=401)
            response["HX-Redirect"] = redirect_to_login(back or "/").url
            return response
        if request.method not in ("GET", "HEAD"):
            # What was being sent is lost with the session (its CSRF token is void); come back to
            # the page it was sent from.
            return redirect_to_login(_local(back) or "/")
        return redirect_to_login(back)


def _local(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "") if parts.path else ""
