"""The content calendar: month, week and list views, and the drag and drop that reschedules."""

from datetime import date, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from contentdesk.calendar.forms import CalendarFilterForm, RescheduleForm, parse_day
from contentdesk.calendar.selectors import (
    authors_of,
    calendar_days,
    channels_of,
    list_items,
    month_grid_days,
    week_days,
    week_start,
)
from contentdesk.calendar.services import content_item_move_to_day
from contentdesk.models import ContentItem
from contentdesk.services import DEFAULT_CHANNELS
from engagements.budgets.forms import company_today, month_param, parse_month
from engagements.budgets.models import first_of_month
from engagements.budgets.selectors import add_months
from engagements.tenancy import company_view

LIST_PAGE_SIZE = 50
# Entries drawn in a day of the month; the others are behind a "+N more" link to the week.
MONTH_DAY_ENTRIES = 4


def _url(name: str, company) -> str:
    return reverse(name, kwargs={"company_slug": company.slug})


def _with_query(url: str, *parts: str) -> str:
    query = "&".join(part for part in parts if part)
    return f"{url}?{query}" if query else url


def _requested_month(request) -> date:
    """`?month=2026-05`; a malformed one falls back to this month, and says so."""
    current = first_of_month(company_today(request.company))
    raw = request.GET.get("month") or ""
    if not raw:
        return current
    month = parse_month(raw)
    if month is None:
        messages.warning(
            request,
            _("“%(value)s” is not a month such as %(example)s: here is the current month.")
            % {"value": raw[:20], "example": month_param(current)},
        )
        return current
    return month


def _requested_week(request) -> date:
    """`?week=2026-05-13` (any day of the week) → its Monday; a malformed one → this week."""
    current = week_start(company_today(request.company))
    raw = request.GET.get("week") or ""
    if not raw:
        return current
    day = parse_day(raw)
    if day is None:
        messages.warning(
            request,
            _("“%(value)s” is not a day such as %(example)s: here is the current week.")
            % {"value": raw[:20], "example": current.isoformat()},
        )
        return current
    return week_start(day)


def _filter_form(request, channels) -> CalendarFilterForm:
    return CalendarFilterForm(request.GET, channels=channels, authors=authors_of(request.company))


def _common_context(request, form: CalendarFilterForm, channels: list, view_name: str) -> dict:
    company, membership = request.company, request.membership
    return {
        "view_name": view_name,
        "filter_form": form,
        "filter_query": form.querystring(),
        "channels": channels,
        "can_write": membership.can("content.write"),
        "can_channels": membership.can("content.channels"),
        "new_item_url": _url("content_item_new", company),
        "month_url": _url("content_calendar", company),
        "week_url": _url("content_calendar_week", company),
        "list_url": _url("content_calendar_list", company),
        "page_url": request.get_full_path(),
        "today": company_today(company),
        "default_channel_names": [name for _kind, name in DEFAULT_CHANNELS],
    }


# Queries of the month and week views, whatever the number of items: the company's channels
# (filter and empty state), its members (author filter), the items of the days shown with
# their channel and author, the active cadences with their channels, and the channel and time
# of the items that fill their slots. See tests/contentdesk/calendar/test_queries.py.


@require_GET
@company_view("content.view")
def calendar_month(request):
    company = request.company
    month = _requested_month(request)
    channels = channels_of(company)
    form = _filter_form(request, channels)
    grid = month_grid_days(month)
    last = add_months(month, 1) - timedelta(days=1)
    context = _common_context(request, form, channels, "month")
    today = context["today"]
    context.update(
        month=month,
        month_value=month_param(month),
        previous_month=add_months(month, -1),
        next_month=add_months(month, 1),
        is_current_month=month == first_of_month(today),
        # The week view opens on the week of today when it is in this month, else on the 1st.
        week_value=(today if first_of_month(today) == month else month).isoformat(),
        weekday_heads=grid[:7],
        days=calendar_days(company, grid, filters=form.filters(), period=(month, last), per_day=MONTH_DAY_ENTRIES),
    )
    return render(request, "contentdesk/calendar/month.html", context)


@require_GET
@company_view("content.view")
def calendar_week(request):
    company = request.company
    monday = _requested_week(request)
    channels = channels_of(company)
    form = _filter_form(request, channels)
    context = _common_context(request, form, channels, "week")
    days = week_days(monday)
    context.update(
        monday=monday,
        sunday=days[-1],
        week_value=monday.isoformat(),
        previous_week=(monday - timedelta(days=7)).isoformat(),
        next_week=(monday + timedelta(days=7)).isoformat(),
        is_current_week=monday == week_start(context["today"]),
        month_value=month_param(monday),
        days=calendar_days(company, days, filters=form.filters()),
    )
    return render(request, "contentdesk/calendar/week.html", context)


@require_GET
@company_view("content.view")
def calendar_list(request):
    company = request.company
    channels = channels_of(company)
    form = _filter_form(request, channels)
    newest_first = request.GET.get("sort") == "-date"
    # Queries: the count of the items and one page of them, with channel and author.
    page = Paginator(list_items(company, filters=form.filters(), newest_first=newest_first), LIST_PAGE_SIZE)
    context = _common_context(request, form, channels, "list")
    context.update(
        page=page.get_page(request.GET.get("page")),
        newest_first=newest_first,
        sort_value="-date" if newest_first else "",
        month_value=month_param(context["today"]),
        week_value=context["today"].isoformat(),
    )
    return render(request, "contentdesk/calendar/list.html", context)


def _refuse(request, message: str, *, status: int, partial: bool, back: str):
    if partial:
        return JsonResponse({"error": message}, status=status)
    messages.error(request, message)
    return redirect(back)


def _back_url(request, form_next: str, day: date | None) -> str:
    if form_next and url_has_allowed_host_and_scheme(form_next, {request.get_host()}, request.is_secure()):
        return form_next
    month = f"?month={month_param(day)}" if day else ""
    return _url("content_calendar", request.company) + month


@require_POST
@company_view("content.write")
def item_reschedule(request, item_id):
    """Drag and drop (htmx: answers the redrawn days, or JSON with the reason it refused) and
    the "move" dialog (a plain form: redirects back with a message)."""
    company = request.company
    item = get_object_or_404(ContentItem.objects.for_company(company).select_related("company"), pk=item_id)
    partial = request.headers.get("HX-Request") == "true"
    form = RescheduleForm(request.POST)
    valid = form.is_valid()
    back = _back_url(request, form.cleaned_data.get("next", ""), form.cleaned_data.get("day"))
    if not valid:
        message = (
            _("Choose the new day as dd/mm/yyyy.") if "day" in form.errors else _("The request was not understood.")
        )
        return _refuse(request, message, status=400, partial=partial, back=back)
    tz = company.tzinfo
    old_day = timezone.localtime(item.scheduled_at, tz).date() if item.scheduled_at else None
    try:
        item = content_item_move_to_day(item=item, user=request.user, day=form.cleaned_data["day"])
    except ValidationError as error:
        return _refuse(request, error.messages[0], status=409, partial=partial, back=back)
    new_day = timezone.localtime(item.scheduled_at, tz).date()
    message = _("“%(title)s” moved to %(day)s at %(time)s.") % {
        "title": item.title,
        "day": date_format(new_day, "l j F"),
        "time": timezone.localtime(item.scheduled_at, tz).strftime("%H:%M"),
    }
    if not partial:
        messages.success(request, message)
        return redirect(back)
    return _redrawn_days(request, new_day, old_day, form.cleaned_data["view"] or "month", message)


def _redrawn_days(request, new_day: date, old_day: date | None, view_name: str, message: str):
    """The day the item reached (swapped in place of the drop target) and the day it left
    (swapped out of band), drawn as the page that asked draws them: same view, same filters."""
    company = request.company
    channels = channels_of(company)
    form = _filter_form(request, channels)
    page_name = "content_calendar_week" if view_name == "week" else "content_calendar"
    context = _common_context(request, form, channels, view_name)
    context["page_url"] = _with_query(_url(page_name, company), request.GET.urlencode())
    period = None
    if view_name == "month":
        month = parse_month(request.GET.get("month")) or first_of_month(context["today"])
        period = (month, add_months(month, 1) - timedelta(days=1))
    days = sorted({new_day, old_day} - {None})
    per_day = MONTH_DAY_ENTRIES if view_name == "month" else None
    cells = {
        cell.day: cell for cell in calendar_days(company, days, filters=form.filters(), period=period, per_day=per_day)
    }
    context.update(
        reached=cells[new_day],
        left=cells[old_day] if old_day in cells and old_day != new_day else None,
        message=message,
        day_template=f"contentdesk/calendar/_{view_name}_day.html",
    )
    return render(request, "contentdesk/calendar/_rescheduled.html", context)
