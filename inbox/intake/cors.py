"""Cross-origin access to the form submission: only the channel's allowed websites.

A browser sends `Origin` with every cross-site POST and with the preflight that JSON posts
need. Staffetta's own pages (the hosted form) are always allowed; a request without Origin
does not come from a web page's script and is judged on its content (rate limit, honeypot).
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

ALLOWED_METHODS = "POST, OPTIONS"
ALLOWED_HEADERS = {"content-type", "accept", "accept-language", "idempotency-key"}
PREFLIGHT_MAX_AGE = 600


def own_origins(request) -> set[str]:
    own = {f"{request.scheme}://{request.get_host()}".lower()}
    if settings.SITE_URL:
        own.add(settings.SITE_URL.lower())
    return own


def origin_allowed(channel, request) -> bool:
    """Whether the page that sent this request may post to the channel."""
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    origin = origin.rstrip("/").lower()
    return origin in own_origins(request) or channel.origin_allowed(origin)


def add_cors_headers(response: HttpResponse, request) -> HttpResponse:
    """Let the (allowed) calling page read the answer; no cookies are ever involved."""
    origin = request.headers.get("Origin")
    if origin:
        response["Access-Control-Allow-Origin"] = origin
        response["Access-Control-Expose-Headers"] = "Retry-After"
    patch_vary_headers(response, ("Origin",))
    return response


def preflight_response(request) -> HttpResponse:
    response = HttpResponse(status=204)
    requested = request.headers.get("Access-Control-Request-Headers", "")
    headers = [h.strip() for h in requested.split(",") if h.strip().lower() in ALLOWED_HEADERS]
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ", ".join(headers or ["Content-Type"])
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return add_cors_headers(response, request)
