"""The Content-Security-Policy's report address: browsers post what the policy refused.

Public (a refusal can happen on the sign-in page too) and cheap: nothing is stored in the
database; each report becomes one warning in the log, at most REPORT_LIMIT per address and
window. Only the parts that say what was refused and where are logged, never a query string.
"""

import json
import logging
from urllib.parse import urlsplit

from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

from engagements.net import client_ip
from inbox.intake.ratelimit import rate_limit_hit

logger = logging.getLogger("staffetta.csp")

REPORT_BODY_LIMIT = 16 * 1024
REPORT_LIMIT = 30
REPORT_WINDOW = 600
REPORTING_API_NAMES = {
    "documentURL": "document-uri",
    "effectiveDirective": "effective-directive",
    "blockedURL": "blocked-uri",
    "sourceFile": "source-file",
    "lineNumber": "line-number",
}
REPORT_FIELDS = (
    "document-uri",
    "violated-directive",
    "effective-directive",
    "blocked-uri",
    "source-file",
    "line-number",
)


def _without_query(value) -> str:
    text = str(value or "")[:300]
    if "://" not in text:
        return text  # "inline", "eval", "data" and the like
    parts = urlsplit(text)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def violation_summary(body: bytes) -> dict | None:
    """The logged parts of a report (`application/csp-report` or the Reporting API's list), or None."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    if isinstance(data, list) and data and isinstance(data[0], dict):  # Reporting API: [{"body": {...}}]
        body = data[0].get("body")
        report = {old: body.get(new) for new, old in REPORTING_API_NAMES.items()} if isinstance(body, dict) else None
    elif isinstance(data, dict):
        report = data.get("csp-report")
    else:
        report = None
    if not isinstance(report, dict):
        return None
    summary = {}
    for field in REPORT_FIELDS:
        if report.get(field) not in (None, ""):
            summary[field] = (
                _without_query(report[field]) if field.endswith("uri") or field == "source-file" else report[field]
            )
    return summary or None


@csrf_exempt
def csp_report(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        too_big = int(request.META.get("CONTENT_LENGTH") or 0) > REPORT_BODY_LIMIT
    except ValueError:
        too_big = True
    if too_big:
        return HttpResponse(status=413)
    if not rate_limit_hit(
        "csp-report", client_ip(request) or "unknown", limit=REPORT_LIMIT, window=REPORT_WINDOW
    ).allowed:
        return HttpResponse(status=429)
    summary = violation_summary(request.body)
    if summary is None:
        return HttpResponse(status=400)
    logger.warning("Content-Security-Policy violation: %s", json.dumps(summary, sort_keys=True))
    return HttpResponse(status=204)
