"""Public chat endpoints under /in/chat/<public_key>/, called by the widget on the company website.

No cookies: the widget holds a signed token (inbox.chat.tokens) returned when the chat starts
and sends it as `Authorization: Bearer <token>` on every later call. Cross-origin calls are
answered only for the chat channel's allowed websites (and Staffetta's own pages), as for
the website form. Answers are JSON with `ok` and `message` in the visitor's language (`?lang=`).
"""

import json
from functools import wraps

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from engagements.net import client_ip
from inbox.chat import tokens
from inbox.chat.availability import availability, notice, visitor_zone
from inbox.chat.forms import ChatEmailForm, ChatLineForm, ChatStartForm
from inbox.chat.selectors import chat_channel_by_key, session_by_claim, visitor_messages
from inbox.chat.services import chat_mark_seen, chat_post, chat_set_email, chat_start
from inbox.intake import cors
from inbox.intake.ratelimit import rate_limit_hit
from inbox.intake.views import visitor_language
from inbox.models import Attachment

BODY_LIMIT = 16 * 1024
ALLOWED_HEADERS = {"content-type", "authorization", "accept", "accept-language"}
# (requests, seconds). Per chat (token) and per connection (IP address): a person types a few
# lines a minute, and an office behind one address may hold several visitors at once.
LIMITS = {
    "start": (5, 600),
    "line_token": (12, 60),
    "line_ip": (60, 600),
    "poll_token": (90, 60),  # every 3 s is 20 a minute; a few tabs of one visitor share the chat
    "poll_ip": (600, 600),
    "hello_ip": (120, 600),
    "email_token": (5, 600),
}


def _json(status: int, message: str = "", errors: dict | None = None, **extra) -> JsonResponse:
    body = {"ok": 200 <= status < 300, "message": message}
    if errors is not None:
        body["errors"] = errors
    return JsonResponse({**body, **extra}, status=status)


def _bearer(request) -> str:
    scheme, _space, value = request.headers.get("Authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def _limited(scope: str, key: str, channel) -> JsonResponse | None:
    limit, window = LIMITS[scope]
    verdict = rate_limit_hit(f"chat-{scope}{channel.pk}", key, limit=limit, window=window)
    if verdict.allowed:
        return None
    seconds = verdict.retry_after
    if seconds >= 120:
        minutes = (seconds + 59) // 60
        text = ngettext(
            "Too many messages from your connection: please wait %(count)s minute and try again.",
            "Too many messages from your connection: please wait %(count)s minutes and try again.",
            minutes,
        ) % {"count": minutes}
    else:
        text = ngettext(
            "You are writing faster than we can read: please wait %(count)s second and send again.",
            "You are writing faster than we can read: please wait %(count)s seconds and send again.",
            seconds,
        ) % {"count": seconds}
    response = _json(429, text)
    response["Retry-After"] = str(seconds)
    return response


def _ip(request) -> str:
    return client_ip(request) or "unknown"


def _preflight(request) -> HttpResponse:
    response = HttpResponse(status=204)
    requested = request.headers.get("Access-Control-Request-Headers", "")
    headers = [h.strip() for h in requested.split(",") if h.strip().lower() in ALLOWED_HEADERS]
    response["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
    response["Access-Control-Allow-Headers"] = ", ".join(headers or ["Content-Type"])
    response["Access-Control-Max-Age"] = str(cors.PREFLIGHT_MAX_AGE)
    return response


def chat_endpoint(*, methods: tuple[str, ...], session: str):
    """The checks every widget call shares; `session` is "required", "optional" or "none".

    Order matters: the channel and the origin first (so the widget can read the refusal), then
    the method, then the token. A token that is not valid for this channel gets 403 whether it
    is forged, expired, or another chat's: nothing tells them apart.
    """

    def decorator(view):
        @csrf_exempt
        @wraps(view)
        def wrapper(request, public_key, **kwargs):
            language = visitor_language(request, settings.LANGUAGE_CODE, request.GET.get("lang"))
            with translation.override(language):
                found = None
                if session != "none":
                    claim = tokens.claim_of(_bearer(request))
                    found = session_by_claim(public_key, claim) if claim else None
                channel = found.channel if found else chat_channel_by_key(public_key)
                if channel is None:
                    response = _json(404, _("This chat does not exist or has been switched off."))
                    response["Access-Control-Allow-Origin"] = "*"
                    return _in_language(response, language)
                allowed = cors.origin_allowed(channel, request)
                response = _checked(request, view, channel, found, allowed, methods, session, language, kwargs)
                if allowed:
                    cors.add_cors_headers(response, request)
                else:
                    patch_vary_headers(response, ("Origin",))
            return _in_language(response, language)

        return wrapper

    return decorator


def _checked(request, view, channel, found, allowed, methods, session, language, kwargs):
    if request.method == "OPTIONS":
        return _preflight(request) if allowed else _json(403, _not_allowed(channel))
    if request.method not in methods:
        response = _json(405, _("This address does not answer %(method)s.") % {"method": request.method})
        response["Allow"] = ", ".join((*methods, "OPTIONS"))
        return response
    if not allowed:
        return _json(403, _not_allowed(channel))
    if session == "required" and found is None:
        return _json(403, _("This chat has ended or is not yours. Write again to start a new one."), code="session")
    try:
        too_big = int(request.META.get("CONTENT_LENGTH") or 0) > BODY_LIMIT
    except ValueError:
        too_big = True
    if too_big:
        return _json(413, _("The message is too long: send at most %(size)s KB.") % {"size": BODY_LIMIT // 1024})
    return view(request, channel=channel, session=found, language=language, **kwargs)


def _in_language(response, language):
    response["Content-Language"] = language
    response["Cache-Control"] = "no-store"
    patch_vary_headers(response, ("Accept-Language",))
    return response


def _not_allowed(channel) -> str:
    return _(
        "This website may not show the chat of %(company)s: add its address to the allowed websites "
        "of the live chat in Staffetta."
    ) % {"company": channel.company.name}


def _read_json(request) -> tuple[dict | None, JsonResponse | None]:
    if request.content_type != "application/json":
        return None, _json(415, _("Send the message as JSON."))
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, RecursionError):
        return None, _json(400, _("The request is not valid JSON."), {})
    if not isinstance(data, dict):
        return None, _json(400, _("Send the fields as a JSON object."), {})
    return data, None


def _form_errors(form) -> dict:
    return {name: [str(m) for m in messages] for name, messages in form.errors.items()}


def _refused(form) -> JsonResponse:
    return _json(400, " ".join(m for messages in _form_errors(form).values() for m in messages), _form_errors(form))


def message_json(request, message, session, company) -> dict:
    team = message.direction == message.Direction.OUT
    author = ""
    if team:
        # A first name, never an address: the visitor talks to a person of the company.
        author = (message.author.first_name if message.author else "") or company.name
    files = []
    if team:
        for attachment in getattr(message, "files", ()):
            url = reverse(
                "chat_file",
                kwargs={
                    "public_key": session.channel.public_key,
                    "token": tokens.file_token_for(session, attachment.pk),
                },
            )
            files.append({"name": attachment.filename, "size": attachment.size, "url": request.build_absolute_uri(url)})
    return {
        "id": message.pk,
        "from": "team" if team else "visitor",
        "author": author,
        "text": message.body_text,
        "at": message.created_at.isoformat(),
        "files": files,
    }


def _messages_json(request, session, after: int = 0) -> list[dict]:
    company = session.channel.company
    return [message_json(request, m, session, company) for m in visitor_messages(session, after=after)]


def _as_int(value) -> int:
    try:
        return max(0, int(value or 0))
    except (TypeError, ValueError):
        return 0


@chat_endpoint(methods=("GET",), session="optional")
def hello(request, *, channel, session, language):
    """Whether someone is there to answer, said in the visitor's language and time zone."""
    limited = _limited("hello_ip", _ip(request), channel)
    if limited:
        return limited
    now = timezone.now()
    state = availability(channel.company, now)
    zone = visitor_zone(request.GET.get("tz"), channel.company.tzinfo)
    email = session.email if session else ""
    return _json(
        200,
        notice(state, now=now, zone=zone, language=language),
        on_duty=state.on_duty,
        next_at=state.next_at.isoformat() if state.next_at else None,
        ask_email=not state.on_duty and not email,
        email=email,
    )


@chat_endpoint(methods=("POST",), session="none")
def start(request, *, channel, session, language):
    """The first line: the chat starts, and its token comes back."""
    ip = _ip(request)
    limited = _limited("start", ip, channel) or _limited("line_ip", ip, channel)
    if limited:
        return limited
    data, error = _read_json(request)
    if error:
        return error
    form = ChatStartForm(data)
    if not form.is_valid():
        return _refused(form)
    cleaned = form.cleaned_data
    chat_language = visitor_language(request, channel.company.language, cleaned["language"], language)
    session = chat_start(
        channel=channel,
        text=cleaned["message"],
        language=chat_language,
        received=data,
        email=cleaned["email"],
        page=cleaned["landing_page"],
        referrer=cleaned["referrer"],
        utm=form.utm(),
        client_key=cleaned["client_key"],
        remote_addr=client_ip(request),
        user_agent=request.headers.get("User-Agent", ""),
        origin=request.headers.get("Origin", ""),
    )
    session.channel = channel
    return _json(
        201, "", token=tokens.token_for(session), messages=_messages_json(request, session), email=session.email
    )


@chat_endpoint(methods=("POST",), session="required")
def send(request, *, channel, session, language):
    """A later line of the chat."""
    limited = _limited("line_token", session.key, channel) or _limited("line_ip", _ip(request), channel)
    if limited:
        return limited
    data, error = _read_json(request)
    if error:
        return error
    form = ChatLineForm(data)
    if not form.is_valid():
        return _refused(form)
    message = chat_post(
        session=session,
        text=form.cleaned_data["message"],
        received=data,
        client_key=form.cleaned_data["client_key"],
        remote_addr=client_ip(request),
        user_agent=request.headers.get("User-Agent", ""),
        origin=request.headers.get("Origin", ""),
    )
    stored = [message_json(request, message, session, channel.company)] if message else []
    return _json(201, "", messages=stored)


@chat_endpoint(methods=("GET",), session="required")
def messages(request, *, channel, session, language):
    """New lines since `after`; `seen` is the last answer shown in the open panel (delivered)."""
    limited = _limited("poll_token", session.key, channel) or _limited("poll_ip", _ip(request), channel)
    if limited:
        return limited
    seen = _as_int(request.GET.get("seen"))
    if seen:
        chat_mark_seen(session=session, up_to=seen)
    return _json(
        200, "", messages=_messages_json(request, session, _as_int(request.GET.get("after"))), email=session.email
    )


@chat_endpoint(methods=("POST",), session="required")
def email(request, *, channel, session, language):
    """The address where answers go if the visitor has left by then."""
    limited = _limited("email_token", session.key, channel)
    if limited:
        return limited
    data, error = _read_json(request)
    if error:
        return error
    form = ChatEmailForm(data)
    if not form.is_valid():
        return _refused(form)
    session = chat_set_email(session=session, email=form.cleaned_data["email"])
    return _json(
        200,
        _("Thank you: if you are no longer here when we answer, we will write to %(email)s.")
        % {"email": session.email},
        email=session.email,
    )


@require_GET
def file(request, public_key, token):
    """A file of an answer, by a signed link that only that chat's widget received."""
    claim = tokens.file_claim_of(token)
    if claim is None:
        raise Http404("No such file.")
    session_key, attachment_id = claim
    attachment = (
        Attachment.objects.filter(
            pk=attachment_id,
            message__direction="out",
            message__conversation__chat_sessions__key=session_key,
            message__conversation__channel__public_key=public_key,
            message__conversation__channel__is_active=True,
        )
        .only("file", "filename", "content_type")
        .first()
    )
    if attachment is None:
        raise Http404("No such file.")
    try:
        handle = attachment.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404("The file is missing.") from None
    content_type = attachment.content_type if attachment.content_type in Attachment.ALLOWED_TYPES else None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.filename or "file",
        content_type=content_type or "application/octet-stream",
    )
    # Downloaded, never rendered on our origin (a "picture" may be HTML).
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
