"""The activity log page and its CSV export: reading only — nothing in the application edits
or deletes an entry (tests/activity/test_append_only.py holds every URL to that)."""

from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from activity.display import details_text, target_text, target_url
from activity.export import activity_export_start
from activity.forms import ActivityFilterForm
from activity.selectors import activity_for
from engagements.models import Membership
from engagements.reauth import password_confirmed
from engagements.tenancy import company_view

PAGE_SIZE = 50


def _filter_form(request) -> ActivityFilterForm:
    members = (
        Membership.objects.for_company(request.company)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__email")
    )
    return ActivityFilterForm(request.GET, members=list(members))


@require_GET
@company_view("activity.view")
def activity_log(request):
    form = _filter_form(request)
    entries = activity_for(request.company, **form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    for entry in rows:
        entry.target_text = target_text(entry)
        entry.target_url = target_url(entry, request.company)
        entry.details_text = details_text(entry)
    return render(
        request,
        "activity/log.html",
        {"form": form, "page": page, "rows": rows, "filter_query": form.query_string()},
    )


# The GET itself is confirmed with the password (the page posts to the confirmation address and
# comes back here), so the export needs no POST: the log still has no view that accepts one.
@require_GET
@company_view("activity.view")
@password_confirmed
def activity_export(request):
    form = _filter_form(request)
    rows = activity_export_start(company=request.company, user=request.user, filters=form.filters())
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="activity-{request.company.slug}-{stamp}.csv"'
    return response
