"""Public intake under /in/<public_key>/: hosted form, snippet, form submission, webhook, docs.

These are not company pages: the channel's public key says which company the enquiry is
for; only active channels of active companies answer. Every POST that passes the checks
is stored before anything else (inbox.services.inbound_receive).
"""

import json
import secrets
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFilesSent
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.csrf import csrf_exempt

from engagements.net import client_ip
from engagements.privacy.services import privacy_notice_url
from inbox.chat.selectors import active_chat_channel
from inbox.intake import cors
from inbox.intake.forms import (
    ACCEPTED_EXTENSIONS,
    HONEYPOT_FIELD,
    MAX_FORM_FILES,
    TRACKING_FIELDS,
    EnquiryForm,
    attachments_hint,
    consent_text,
    webhook_enquiry,
)
from inbox.intake.openapi import docs_context, openapi_document
from inbox.intake.ratelimit import rate_limit_hit
from inbox.intake.signature import SIGNATURE_HEADER, signature_valid
from inbox.models import Attachment, IntakeChannel
from inbox.services import InboundNotStored, inbound_receive

BODY_LIMIT = 64 * 1024
# A form with files: the fields plus MAX_FORM_FILES files of Attachment.MAX_BYTES each.
MULTIPART_BODY_LIMIT = MAX_FORM_FILES * Attachment.MAX_BYTES + BODY_LIMIT
# Per channel and IP address: a person sends a few messages, a bot many.
FORM_RATE_LIMIT = 10
FORM_RATE_WINDOW = 600
# Other tools post from one server address: a generous limit that still stops a runaway loop.
WEBHOOK_RATE_LIMIT = 300
WEBHOOK_RATE_WINDOW = 600
EMBED_SOURCE = Path(__file__).resolve().parent.parent / "static" / "inbox" / "embed.js"
EMBED_CONFIG_PLACEHOLDER = "/*STAFFETTA_CONFIG*/{}"
SUPPORTED_LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _channel(public_key: str, kind: str) -> IntakeChannel | None:
    return (
        IntakeChannel.objects.select_related("company")
        .filter(public_key=public_key, kind=kind, is_active=True, company__is_active=True)
        .first()
    )


def visitor_language(request, default: str, *explicit: str | None) -> str:
    """An explicit choice (?lang=, the form's language field), then Accept-Language, then `default`."""
    for value in explicit:
        code = str(value or "").strip().lower()[:2]
        if code in SUPPORTED_LANGUAGES:
            return code
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        code = code.split("-")[0].lower()
        if code in SUPPORTED_LANGUAGES:
            return code
    return default if default in SUPPORTED_LANGUAGES else settings.LANGUAGE_CODE


def _in_language(response: HttpResponse, language: str) -> HttpResponse:
    response["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response


def _json(status: int, message: str = "", errors: dict | None = None, **extra) -> JsonResponse:
    body = {"ok": 200 <= status < 300, "message": message}
    if errors is not None:
        body["errors"] = errors
    return JsonResponse({**body, **extra}, status=status)


def _too_big(request, limit: int = BODY_LIMIT) -> bool:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > limit
    except ValueError:
        return True


def _too_big_message() -> str:
    return _("The message is too long: send at most %(size)s KB.") % {"size": BODY_LIMIT // 1024}


def _files_too_big_message() -> str:
    return _("The files are too large: attach at most %(count)s files of %(mb)s MB each.") % {
        "count": MAX_FORM_FILES,
        "mb": Attachment.MAX_BYTES // (1024 * 1024),
    }


def _rate_limited_message(seconds: int) -> str:
    minutes = max(1, (seconds + 59) // 60)
    return _("Too many messages from your connection. Please try again in %(minutes)s minutes.") % {"minutes": minutes}


def _remote_addr(request) -> str | None:
    return client_ip(request)


def _received_form(request) -> dict:
    return {key: values[0] if len(values) == 1 else values for key, values in request.POST.lists()}


def _read_submission(request) -> tuple[dict | None, dict | None, JsonResponse | None]:
    """(data, as received, error response) from a JSON or form-encoded body."""
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"null")
        except (ValueError, RecursionError):
            return None, None, _json(400, _("The request is not valid JSON."), {})
        if not isinstance(data, dict):
            return None, None, _json(400, _("Send the fields as a JSON object."), {})
        return data, data, None
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data") or not request.body:
        try:
            received = _received_form(request)
        except (RequestDataTooBig, TooManyFilesSent):
            return None, None, _json(413, _files_too_big_message(), {})
        except MultiPartParserError:
            return None, None, _json(400, _("The form data could not be read. Please send it again."), {})
        return request.POST.dict(), received, None
    return None, None, _json(415, _("Send the form as JSON or as form data."), {})


def _tracking_initial(request, language: str) -> dict:
    initial = {name: request.GET.get(name, "")[:500] for name in TRACKING_FIELDS}
    if not initial["landing_page"]:
        referer = request.headers.get("Referer", "")
        if referer and not any(referer.lower().startswith(o) for o in cors.own_origins(request)):
            initial["landing_page"] = referer[:500]
    initial["language"] = language
    initial["idempotency_key"] = secrets.token_urlsafe(16)
    return initial


def _language_links(request) -> list[dict]:
    links = []
    for code, name in settings.LANGUAGES:
        query = request.GET.copy()
        query["lang"] = code
        links.append({"code": code, "name": name, "url": f"{request.path}?{query.urlencode()}"})
    return links


def _form_context(request, channel, form, language, problem=""):
    return {
        "channel": channel,
        "company": channel.company,
        "form": form,
        "visible_fields": [form[name] for name in EnquiryForm.visible_names],
        "honeypot": form[HONEYPOT_FIELD],
        "language": language,
        "language_links": _language_links(request),
        "privacy_url": privacy_notice_url(channel.company, language),
        "action": reverse("intake_submit", kwargs={"public_key": channel.public_key})
        + "?"
        + urlencode({"lang": language}),
        "problem": problem,
    }


def form_page(request, public_key):
    """The hosted form: a page of its own that a site can link to."""
    channel = _channel(public_key, IntakeChannel.Kind.FORM)
    if channel is None:
        raise Http404("No such form.")
    language = visitor_language(request, channel.company.language, request.GET.get("lang"))
    with translation.override(language):
        form = EnquiryForm(company=channel.company, initial=_tracking_initial(request, language))
        response = render(request, "inbox/intake/form.html", _form_context(request, channel, form, language))
    return _in_language(response, language)


def thanks_page(request, public_key):
    channel = _channel(public_key, IntakeChannel.Kind.FORM)
    if channel is None:
        raise Http404("No such form.")
    language = visitor_language(request, channel.company.language, request.GET.get("lang"))
    with translation.override(language):
        context = {
            "company": channel.company,
            "message": _thanks_message(),
            "language_links": _language_links(request),
            "form_url": reverse("intake_form", kwargs={"public_key": public_key}) + "?" + urlencode({"lang": language}),
        }
        response = render(request, "inbox/intake/thanks.html", context)
    return _in_language(response, language)


def _thanks_message() -> str:
    return _("Thank you! We have received your message and will answer you by email as soon as possible.")


def _wants_json(request) -> bool:
    return request.content_type == "application/json" or "application/json" in request.headers.get("Accept", "")


@csrf_exempt
def submit(request, public_key):
    """The form submission, from the hosted form (HTML answers) or the snippet (JSON answers)."""
    channel = _channel(public_key, IntakeChannel.Kind.FORM)
    company_language = channel.company.language if channel else settings.LANGUAGE_CODE
    language = visitor_language(request, company_language, request.GET.get("lang"))
    with translation.override(language):
        if channel is None:
            return _in_language(_json(404, _("This form does not exist or has been switched off.")), language)
        allowed = cors.origin_allowed(channel, request)
        response = _submit(request, channel, language, allowed)
        if allowed:
            cors.add_cors_headers(response, request)
        else:
            patch_vary_headers(response, ("Origin",))
    return _in_language(response, response.get("Content-Language") or language)


def _submit(request, channel, language, allowed) -> HttpResponse:
    if request.method == "OPTIONS":
        if not allowed:
            return _json(403, _not_allowed_message(channel))
        return cors.preflight_response(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST", "OPTIONS"])
    wants_json = _wants_json(request)
    if not allowed:
        return _json(403, _not_allowed_message(channel))
    if request.content_type == "multipart/form-data":
        if _too_big(request, MULTIPART_BODY_LIMIT):
            return _problem(request, channel, language, 413, _files_too_big_message(), wants_json)
    elif _too_big(request):
        return _problem(request, channel, language, 413, _too_big_message(), wants_json)
    verdict = rate_limit_hit(
        f"form{channel.pk}", _remote_addr(request) or "unknown", limit=FORM_RATE_LIMIT, window=FORM_RATE_WINDOW
    )
    if not verdict.allowed:
        response = _problem(request, channel, language, 429, _rate_limited_message(verdict.retry_after), wants_json)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    data, received, error = _read_submission(request)
    if error is not None:
        return error
    form_language = visitor_language(request, channel.company.language, request.GET.get("lang"), data.get("language"))
    files = request.FILES if request.content_type == "multipart/form-data" else None
    with translation.override(form_language):
        form = EnquiryForm(data, files, company=channel.company)
        if not form.is_valid():
            return _refused(request, channel, form, form_language, 400, _("Please correct the fields marked below."))
        cleaned = form.cleaned_data
        page = cleaned["landing_page"] or request.build_absolute_uri(
            reverse("intake_form", kwargs={"public_key": channel.public_key})
        )
        try:
            inbound_receive(
                channel=channel,
                enquiry=form.enquiry(language=form_language, consent_source=f"{channel.name} · {page}"),
                received=received,
                idempotency_key=cleaned["idempotency_key"],
                remote_addr=_remote_addr(request),
                user_agent=request.headers.get("User-Agent", ""),
                meta={"origin": request.headers.get("Origin", ""), "content_type": request.content_type},
                files=cleaned["attachments"],
            )
        except InboundNotStored:
            # Only with files: without them the item is kept and the sweep opens it later.
            message = _("Your message and its files could not be stored just now. Please send them again in a minute.")
            return _refused(request, channel, form, form_language, 503, message)
        if wants_json:
            return _in_language(_json(200, _thanks_message()), form_language)
    url = reverse("intake_thanks", kwargs={"public_key": channel.public_key}) + "?" + urlencode({"lang": form_language})
    return _see_other(url)


def _refused(request, channel, form, language, status, message) -> HttpResponse:
    """The form refused with what was typed: errors per field (JSON) or the form again (HTML)."""
    if _wants_json(request):
        errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
        return _in_language(_json(status, message, errors), language)
    if request.FILES:
        # A browser never fills a file input again: say so rather than let the files vanish silently.
        again = _("Files cannot be kept when the form is shown again: please choose them again.")
        message = f"{message} {again}"
    context = _form_context(request, channel, form, language, problem=message)
    return _in_language(render(request, "inbox/intake/form.html", context, status=status), language)


def _see_other(url: str) -> HttpResponse:
    """Post/redirect/get: 303 makes the browser GET the thank-you page."""
    response = HttpResponse(status=303)
    response["Location"] = url
    return response


def _not_allowed_message(channel) -> str:
    return _(
        "This website may not send enquiries to %(company)s: add its address to the allowed websites "
        "of the form in Staffetta."
    ) % {"company": channel.company.name}


def _problem(request, channel, language, status, message, wants_json) -> HttpResponse:
    if wants_json:
        return _json(status, message)
    context = {"company": channel.company, "message": message, "language_links": _language_links(request)}
    context["form_url"] = (
        reverse("intake_form", kwargs={"public_key": channel.public_key}) + "?" + urlencode({"lang": language})
    )
    return render(request, "inbox/intake/problem.html", context, status=status)


@csrf_exempt
def webhook(request, public_key):
    """JSON enquiries from other tools, signed with the channel's secret (see /in/docs/)."""
    channel = _channel(public_key, IntakeChannel.Kind.WEBHOOK)
    language = visitor_language(request, channel.company.language if channel else settings.LANGUAGE_CODE)
    with translation.override(language):
        if channel is None:
            response = _json(404, _("This webhook does not exist or has been switched off."))
        else:
            response = _webhook(request, channel)
    return _in_language(response, language)


def _webhook(request, channel) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if _too_big(request):
        return _json(413, _too_big_message())
    verdict = rate_limit_hit(
        f"webhook{channel.pk}", _remote_addr(request) or "unknown", limit=WEBHOOK_RATE_LIMIT, window=WEBHOOK_RATE_WINDOW
    )
    if not verdict.allowed:
        response = _json(429, _rate_limited_message(verdict.retry_after))
        response["Retry-After"] = str(verdict.retry_after)
        return response
    body = request.body
    if not signature_valid(channel.secret, body, request.headers.get(SIGNATURE_HEADER)):
        return _json(
            401,
            _(
                "The signature is missing or wrong: send the HMAC-SHA256 of the raw body, made with the "
                "channel's secret, as %(header)s: sha256=<hex>."
            )
            % {"header": SIGNATURE_HEADER},
        )
    if request.content_type != "application/json":
        return _json(415, _("Send the enquiry as JSON, with Content-Type: application/json."))
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return _json(400, _("The request is not valid JSON."), {})
    if not isinstance(payload, dict):
        return _json(400, _("Send the fields as a JSON object."), {})
    enquiry, key, errors = webhook_enquiry(
        payload,
        header_key=request.headers.get("Idempotency-Key", "").strip(),
        default_source=f"{channel.name} (webhook)",
    )
    if errors:
        return _json(400, _("Please correct the fields listed in errors."), errors)
    item, created = inbound_receive(
        channel=channel,
        enquiry=enquiry,
        received=payload,
        idempotency_key=key,
        remote_addr=_remote_addr(request),
        user_agent=request.headers.get("User-Agent", ""),
        meta={"content_type": request.content_type},
    )
    response = _json(
        201 if created else 200,
        _("Enquiry received."),
        id=item.pk,
        conversation_id=item.conversation_id,
    )
    if not created:
        response["Idempotent-Replayed"] = "true"
    return response


@cache
def _embed_source() -> str:
    source = EMBED_SOURCE.read_text(encoding="utf-8")
    if EMBED_CONFIG_PLACEHOLDER not in source:
        raise RuntimeError(f"{EMBED_SOURCE} lacks the configuration placeholder {EMBED_CONFIG_PLACEHOLDER}.")
    return source


def _snippet_texts(company, request) -> dict:
    texts = {}
    for code in SUPPORTED_LANGUAGES:
        with translation.override(code):
            form = EnquiryForm(company=company)
            texts[code] = {
                "labels": {name: str(form.fields[name].label) for name in EnquiryForm.visible_names},
                "consent": consent_text(company),
                "privacy": _("Privacy notice"),
                "privacyUrl": privacy_notice_url(company, code, request),
                "honeypot": str(form.fields[HONEYPOT_FIELD].label),
                "required": _("required"),
                "send": _("Send"),
                "sending": _("Sending…"),
                "fix": _("Please correct the fields marked below."),
                "failed": _("Your message could not be sent. Please try again in a few minutes."),
                "attachmentsHint": attachments_hint(),
                "tooManyFiles": _("Attach at most %(count)s files to one message.") % {"count": MAX_FORM_FILES},
                # The same words as the server's check; the script puts the file's name in {name}.
                "fileTooLarge": _("“%(name)s” is too large: the limit is %(mb)s MB per file.")
                % {"name": "{name}", "mb": Attachment.MAX_BYTES // (1024 * 1024)},
            }
    return texts


def embed_js(request, public_key):
    """The snippet: one <script> tag renders the form into any page of an allowed website."""
    channel = _channel(public_key, IntakeChannel.Kind.FORM)
    if channel is None:
        return HttpResponse(
            "/* Staffetta: this form does not exist or has been switched off. */\n",
            content_type="application/javascript; charset=utf-8",
            status=404,
        )
    config = {
        "endpoint": request.build_absolute_uri(reverse("intake_submit", kwargs={"public_key": public_key})),
        "defaultLanguage": channel.company.language,
        "maxFiles": MAX_FORM_FILES,
        "maxBytes": Attachment.MAX_BYTES,
        "accept": ACCEPTED_EXTENSIONS,
        "texts": _snippet_texts(channel.company, request),
    }
    # The same snippet shows the chat bubble when the company has its live chat switched on.
    chat = active_chat_channel(channel.company_id)
    if chat is not None:
        config["chat"] = request.build_absolute_uri(reverse("chat_widget", kwargs={"public_key": chat.public_key}))
    # Inside a script, "</" could end an inline copy of it: escape it the way JSON allows.
    encoded = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    response = HttpResponse(
        _embed_source().replace(EMBED_CONFIG_PLACEHOLDER, encoded), content_type="application/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=300"
    # Readable by any page that includes it (and by pages that require CORP of their resources).
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response


def openapi_json(request):
    response = JsonResponse(
        openapi_document(request.build_absolute_uri("/").rstrip("/")), json_dumps_params={"indent": 2}
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def docs_page(request):
    """The webhook and form submission described for developers (no CDN, no JavaScript)."""
    language = visitor_language(request, settings.LANGUAGE_CODE, request.GET.get("lang"))
    base_url = request.build_absolute_uri("/").rstrip("/")
    with translation.override(language):
        context = {**docs_context(openapi_document(base_url), base_url), "language_links": _language_links(request)}
        response = render(request, "inbox/intake/docs.html", context)
    return _in_language(response, language)
