"""What the newsletter's public pages share: the list behind a key, the language links, the
message page, JSON answers."""

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode

from contentdesk.models import NewsletterList


def list_for_key(public_key: str) -> NewsletterList | None:
    return (
        NewsletterList.objects.select_related("company")
        .filter(public_key=public_key[:40], form_enabled=True, company__is_active=True)
        .first()
    )


def language_links(request) -> list[dict]:
    links = []
    for code, name in settings.LANGUAGES:
        query = request.GET.copy()
        query["lang"] = code
        links.append({"code": code, "name": name, "url": f"{request.path}?{query.urlencode()}"})
    return links


def in_language(response: HttpResponse, language: str) -> HttpResponse:
    response["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language",))
    return response


def json_answer(status: int, message: str = "", errors: dict | None = None) -> JsonResponse:
    body = {"ok": 200 <= status < 300, "message": message}
    if errors is not None:
        body["errors"] = errors
    return JsonResponse(body, status=status)


def wants_json(request) -> bool:
    return request.content_type == "application/json" or "application/json" in request.headers.get("Accept", "")


def form_url(newsletter_list, language: str) -> str:
    path = reverse("newsletter_subscribe_form", kwargs={"public_key": newsletter_list.public_key})
    return f"{path}?{urlencode({'lang': language})}"


def message_page(request, *, title, message, status=200, company=None, link=None, tone="info"):
    context = {
        "title": title,
        "message": message,
        "company": company,
        "link": link,
        "tone": tone,
        "language_links": language_links(request),
    }
    return render(request, "contentdesk/newsletter/public/message.html", context, status=status)
