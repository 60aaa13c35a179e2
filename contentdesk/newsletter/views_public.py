"""The public subscribe form of a list under /nl/<public_key>/: the hosted page, the snippet,
and the submission (double opt-in: a pending subscription and an email with a link).

Not a company page: the list's public key says which company; only lists whose form is on,
of active companies, answer. The checks are the website form's: allowed websites (CORS, in
inbox.intake.cors), size, rate limit per address, honeypot.
"""

import json
from functools import cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from contentdesk.newsletter.forms import HONEYPOT_FIELD, SubscribeForm, subscribe_consent_text
from contentdesk.newsletter.public_common import (
    form_url,
    in_language,
    json_answer,
    language_links,
    list_for_key,
    message_page,
    wants_json,
)
from contentdesk.newsletter.services import subscription_request
from contentdesk.newsletter.tokens import CONFIRM_DAYS
from engagements.net import client_ip
from engagements.privacy.services import privacy_notice_url
from inbox.intake import cors
from inbox.intake.ratelimit import rate_limit_hit
from inbox.intake.views import visitor_language

BODY_LIMIT = 16 * 1024
# Per list and address: a person subscribes once or twice, a bot many times.
RATE_LIMIT = 10
RATE_WINDOW = 600
EMBED_SOURCE = Path(__file__).resolve().parents[2] / "static" / "contentdesk" / "newsletter-embed.js"
EMBED_CONFIG_PLACEHOLDER = "/*STAFFETTA_CONFIG*/{}"


def _form_context(request, newsletter_list, form, language, problem=""):
    action = reverse("newsletter_subscribe", kwargs={"public_key": newsletter_list.public_key})
    return {
        "newsletter_list": newsletter_list,
        "company": newsletter_list.company,
        "form": form,
        "visible_fields": [form[name] for name in SubscribeForm.visible_names],
        "honeypot": form[HONEYPOT_FIELD],
        "action": f"{action}?{urlencode({'lang': language})}",
        "problem": problem,
        "language_links": language_links(request),
        "privacy_url": privacy_notice_url(newsletter_list.company, language),
    }


def subscribe_form(request, public_key):
    """The hosted form: a page of its own that a website or a social profile can link to."""
    newsletter_list = list_for_key(public_key)
    if newsletter_list is None:
        raise Http404("No such form.")
    language = visitor_language(request, newsletter_list.company.language, request.GET.get("lang"))
    with translation.override(language):
        referer = request.headers.get("Referer", "")
        own = any(referer.lower().startswith(origin) for origin in cors.own_origins(request))
        initial = {"language": language, "landing_page": "" if own else referer[:300]}
        form = SubscribeForm(newsletter_list=newsletter_list, initial=initial)
        response = render(
            request, "contentdesk/newsletter/public/form.html", _form_context(request, newsletter_list, form, language)
        )
    return in_language(response, language)


def _thanks_message() -> str:
    return _(
        "Almost done: we have sent you an email. Open it and confirm your address within %(days)s days; "
        "if it does not arrive, look in the spam folder."
    ) % {"days": CONFIRM_DAYS}


def subscribe_thanks(request, public_key):
    newsletter_list = list_for_key(public_key)
    if newsletter_list is None:
        raise Http404("No such form.")
    language = visitor_language(request, newsletter_list.company.language, request.GET.get("lang"))
    with translation.override(language):
        response = message_page(
            request,
            title=_("Check your inbox"),
            message=_thanks_message(),
            company=newsletter_list.company,
            tone="success",
        )
    return in_language(response, language)


@csrf_exempt
def subscribe(request, public_key):
    """The form's submission, from the hosted page (HTML answers) or the snippet (JSON answers)."""
    newsletter_list = list_for_key(public_key)
    company_language = newsletter_list.company.language if newsletter_list else settings.LANGUAGE_CODE
    language = visitor_language(request, company_language, request.GET.get("lang"))
    with translation.override(language):
        if newsletter_list is None:
            return in_language(
                json_answer(404, _("This subscribe form does not exist or has been switched off.")), language
            )
        allowed = cors.origin_allowed(newsletter_list, request)
        response = _subscribe(request, newsletter_list, allowed)
        if allowed:
            cors.add_cors_headers(response, request)
        else:
            patch_vary_headers(response, ("Origin",))
    return in_language(response, response.get("Content-Language") or language)


def _not_allowed_message(newsletter_list) -> str:
    return _(
        "This website may not show the subscribe form of %(company)s: add its address to the list's allowed "
        "websites in Staffetta."
    ) % {"company": newsletter_list.company.name}


def _read(request) -> tuple[dict | None, JsonResponse | None]:
    if request.content_type == "application/json":
        try:
            data = json.loads(request.body or b"null")
        except (ValueError, RecursionError):
            return None, json_answer(400, _("The request is not valid JSON."), {})
        if not isinstance(data, dict):
            return None, json_answer(400, _("Send the fields as a JSON object."), {})
        return data, None
    if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data") or not request.body:
        return request.POST.dict(), None
    return None, json_answer(415, _("Send the form as JSON or as form data."), {})


def _subscribe(request, newsletter_list, allowed) -> HttpResponse:
    if request.method == "OPTIONS":
        return cors.preflight_response(request) if allowed else json_answer(403, _not_allowed_message(newsletter_list))
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST", "OPTIONS"])
    if not allowed:
        return json_answer(403, _not_allowed_message(newsletter_list))
    json_wanted = wants_json(request)
    try:
        too_big = int(request.META.get("CONTENT_LENGTH") or 0) > BODY_LIMIT
    except ValueError:
        too_big = True
    if too_big:
        return _problem(request, newsletter_list, 413, _("The request is too large."), json_wanted)
    verdict = rate_limit_hit(
        f"newsletter{newsletter_list.pk}", client_ip(request) or "unknown", limit=RATE_LIMIT, window=RATE_WINDOW
    )
    if not verdict.allowed:
        minutes = max(1, (verdict.retry_after + 59) // 60)
        message = _("Too many requests from your connection. Please try again in %(minutes)s minutes.") % {
            "minutes": minutes
        }
        response = _problem(request, newsletter_list, 429, message, json_wanted)
        response["Retry-After"] = str(verdict.retry_after)
        return response
    data, error = _read(request)
    if error is not None:
        return error
    company = newsletter_list.company
    language = visitor_language(request, company.language, request.GET.get("lang"), data.get("language"))
    with translation.override(language):
        form = SubscribeForm(data, newsletter_list=newsletter_list)
        if not form.is_valid():
            return _refused(request, newsletter_list, form, language)
        if not form.honeypot_filled:
            cleaned = form.cleaned_data
            page = cleaned["landing_page"] or request.build_absolute_uri(form_url(newsletter_list, language))
            with translation.override(company.language):
                source = _("Subscribe form · %(page)s") % {"page": page}
            try:
                subscription_request(
                    newsletter_list=newsletter_list,
                    email=cleaned["email"],
                    name=cleaned["name"],
                    organisation=cleaned["organisation"],
                    language=language,
                    consent_text=form.fields["consent"].label,
                    source=source,
                    ip=client_ip(request),
                )
            except ValidationError:
                form.add_error("email", _("Enter a valid email address."))
                return _refused(request, newsletter_list, form, language)
        # A bot that filled the honeypot gets the same answer, and nothing is stored.
        if json_wanted:
            return in_language(json_answer(200, _thanks_message()), language)
    thanks = reverse("newsletter_subscribe_thanks", kwargs={"public_key": newsletter_list.public_key})
    response = HttpResponse(status=303)  # post/redirect/get
    response["Location"] = f"{thanks}?{urlencode({'lang': language})}"
    return response


def _refused(request, newsletter_list, form, language) -> HttpResponse:
    message = _("Please correct the fields marked below.")
    if wants_json(request):
        errors = {name: [str(m) for m in messages] for name, messages in form.errors.items()}
        return in_language(json_answer(400, message, errors), language)
    context = _form_context(request, newsletter_list, form, language, problem=message)
    return in_language(render(request, "contentdesk/newsletter/public/form.html", context, status=400), language)


def _problem(request, newsletter_list, status, message, json_wanted) -> HttpResponse:
    if json_wanted:
        return json_answer(status, message)
    link = {"url": form_url(newsletter_list, translation.get_language()), "text": _("Back to the form")}
    return message_page(
        request,
        title=_("Not subscribed"),
        message=message,
        status=status,
        company=newsletter_list.company,
        link=link,
        tone="warning",
    )


@cache
def _embed_source() -> str:
    source = EMBED_SOURCE.read_text(encoding="utf-8")
    if EMBED_CONFIG_PLACEHOLDER not in source:
        raise RuntimeError(f"{EMBED_SOURCE} lacks the configuration placeholder {EMBED_CONFIG_PLACEHOLDER}.")
    return source


def _snippet_texts(newsletter_list, request) -> dict:
    texts = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            form = SubscribeForm(newsletter_list=newsletter_list)
            texts[code] = {
                "labels": {name: str(form.fields[name].label) for name in ("email", "name", "organisation")},
                "consent": subscribe_consent_text(newsletter_list),
                "privacy": _("Privacy notice"),
                "privacyUrl": privacy_notice_url(newsletter_list.company, code, request),
                "honeypot": str(form.fields[HONEYPOT_FIELD].label),
                "send": _("Subscribe"),
                "sending": _("Sending…"),
                "fix": _("Please correct the fields marked below."),
                "failed": _("The subscription could not be sent. Please try again in a few minutes."),
            }
    return texts


def embed_js(request, public_key):
    """The snippet: one <script> tag draws the subscribe form into a page of an allowed website."""
    newsletter_list = list_for_key(public_key)
    if newsletter_list is None:
        return HttpResponse(
            "/* Staffetta: this subscribe form does not exist or has been switched off. */\n",
            content_type="application/javascript; charset=utf-8",
            status=404,
        )
    config = {
        "endpoint": request.build_absolute_uri(
            reverse("newsletter_subscribe", kwargs={"public_key": newsletter_list.public_key})
        ),
        "defaultLanguage": newsletter_list.company.language,
        "texts": _snippet_texts(newsletter_list, request),
    }
    # Inside a script, "</" could end an inline copy of it: escape it the way JSON allows.
    encoded = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    response = HttpResponse(
        _embed_source().replace(EMBED_CONFIG_PLACEHOLDER, encoded), content_type="application/javascript; charset=utf-8"
    )
    response["Cache-Control"] = "public, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
