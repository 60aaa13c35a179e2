import csv
import io
from datetime import timedelta
from urllib.parse import quote, urlsplit, urlunsplit

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from contentdesk.models import CalendarFeed, ContentItem
from contentdesk.publishing import ical, services
from contentdesk.publishing.forms import FeedRotateForm, ResultsForm, ResultsImportForm, TrackedLinkForm
from contentdesk.publishing.panel import company_website, tracked_link_context
from contentdesk.publishing.results_import import MAX_BYTES, MAX_ROWS, check_results_file
from contentdesk.publishing.services import calendar_feed_ensure, calendar_feed_rotate
from contentdesk.services import content_results_set
from engagements.models import Membership
from engagements.reauth import password_confirmed
from engagements.tenancy import company_view

SHOWN_PROBLEMS = 200
TEMPLATE_DAYS = 180


def _item(request, item_id) -> ContentItem:
    return get_object_or_404(ContentItem.objects.for_company(request.company).select_related("channel"), pk=item_id)


def _item_page(item: ContentItem) -> str:
    return ical.item_path(item.company, item.pk)


# The iCal feeds ---------------------------------------------------------------------------


def _subscription(feed: CalendarFeed) -> dict:
    url = ical.feed_url(feed)
    webcal = urlunsplit(("webcal", *urlsplit(url)[1:]))
    return {
        "feed": feed,
        "url": url,
        "webcal_url": webcal,
        "google_url": "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe=""),
    }


@require_GET
@company_view("content.view")
def content_feeds(request):
    company, membership = request.company, request.membership
    personal = _subscription(calendar_feed_ensure(company=company, user=request.user))
    whole = None
    if membership.can("content.channels"):
        whole = _subscription(calendar_feed_ensure(company=company, user=None))
    context = {
        "personal": personal,
        "whole": whole,
        "can_approve": membership.can("content.approve"),
        "can_write": membership.can("content.write"),
        "history_days": ical.HISTORY.days,
    }
    return render(request, "contentdesk/publishing/feeds.html", context)


@require_POST
@company_view("content.view")
@password_confirmed
def content_feed_rotate(request):
    company = request.company
    form = FeedRotateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose which calendar address to replace."))
        return redirect("content_feeds", company_slug=company.slug)
    if form.cleaned_data["feed"] == "company":
        if not request.membership.can("content.channels"):
            raise PermissionDenied
        feed = calendar_feed_ensure(company=company, user=None)
    else:
        feed = calendar_feed_ensure(company=company, user=request.user)
    calendar_feed_rotate(feed=feed)
    messages.success(
        request,
        _("New address created: the old one no longer works. Subscribe your calendar apps to the new address."),
    )
    return redirect("content_feeds", company_slug=company.slug)


@require_safe
def content_ical(request, token):
    """Public: the secret address is the key. An unknown or replaced address answers 404."""
    feed = (
        CalendarFeed.objects.select_related("company", "user").filter(token=token[:64], company__is_active=True).first()
    )
    if feed is None:
        raise Http404("No such calendar.")
    membership = None
    if feed.user_id is not None:
        # Someone who left the company takes nothing with them.
        membership = Membership.objects.filter(company=feed.company, user=feed.user, user__is_active=True).first()
        if membership is None:
            raise Http404("No such calendar.")
    now = timezone.now()
    body = ical.feed_calendar(feed, ical.feed_items(feed, membership, now=now), now=now)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{feed.company.slug}.ics"'
    # A replaced address must stop working at once: no copy kept along the way.
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response


# The tracked link and the results of one item ----------------------------------------------


@require_GET
@company_view("content.view")
def content_item_link(request, item_id):
    """The link builder for another destination: a fragment for htmx, a page otherwise."""
    item = _item(request, item_id)
    website = company_website(request.company)
    form = TrackedLinkForm(request.GET or None, initial={"destination": website})
    destination = website
    if form.is_bound:
        destination = form.cleaned_data["destination"] if form.is_valid() else ""
    context = tracked_link_context(item, destination=destination, form=form)
    if request.headers.get("HX-Request"):
        return render(request, "contentdesk/publishing/_tracked_link.html", {"publishing": context})
    context = {"publishing": context, "item_page": _item_page(item)}
    return render(request, "contentdesk/publishing/link.html", context)


@require_http_methods(["GET", "POST"])
@company_view("content.write")
def content_item_results(request, item_id):
    item = _item(request, item_id)
    published = item.status == ContentItem.Status.PUBLISHED
    initial = {"reach": item.reach, "clicks": item.clicks, "enquiries": item.enquiries}
    form = ResultsForm(request.POST if request.method == "POST" else None, initial=initial, prefix="results")
    status = 200
    if request.method == "POST":
        if not published:
            messages.error(request, _("Results are recorded once the item is published."))
            status = 400
        elif form.is_valid():
            content_results_set(item=item, user=request.user, **form.cleaned_data)
            messages.success(request, _("Results of “%(title)s” saved.") % {"title": item.title})
            return redirect(_item_page(item))
        else:
            messages.error(request, _("The results were not saved: please correct the fields marked below."))
            status = 400
    context = {"item": item, "form": form, "published": published, "item_page": _item_page(item)}
    return render(request, "contentdesk/publishing/results.html", context, status=status)


# Results from a CSV file ---------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@company_view("content.write")
def content_results_import(request):
    company = request.company
    form = ResultsImportForm(request.POST or None, request.FILES or None)
    check, status = None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            check = check_results_file(company, form.cleaned_data["file"])
            if check.ok:
                name = form.cleaned_data["file"].name[:100]
                try:
                    updated, unchanged = services.content_results_import(
                        company=company,
                        user=request.user,
                        rows=check.rows,
                        source=_("Imported from %(file)s") % {"file": name},
                    )
                except ContentItem.DoesNotExist:
                    messages.error(
                        request, _("An item changed while the file was read: nothing was imported. Try again.")
                    )
                else:
                    messages.success(request, _import_summary(updated, unchanged))
                    return redirect("content_results_import", company_slug=company.slug)
            else:
                messages.error(request, _("Nothing was imported: correct the file and send it again."))
        else:
            messages.error(request, _("Choose the CSV file to import."))
    context = {
        "form": form,
        "check": check,
        "problems": check.problems[:SHOWN_PROBLEMS] if check else [],
        "more_problems": max(0, len(check.problems) - SHOWN_PROBLEMS) if check else 0,
        "max_mb": MAX_BYTES // (1024 * 1024),
        "max_rows": MAX_ROWS,
    }
    return render(request, "contentdesk/publishing/import.html", context, status=status)


def _import_summary(updated: int, unchanged: int) -> str:
    text = ngettext("Imported: %(n)s item updated.", "Imported: %(n)s items updated.", updated) % {"n": updated}
    if unchanged:
        text += " " + ngettext(
            "%(n)s item already had these results.", "%(n)s items already had these results.", unchanged
        ) % {"n": unchanged}
    return text


TEMPLATE_HEADERS = {
    "it": ["url", "codice", "titolo", "copertura", "clic", "richieste"],
    "en": ["url", "code", "title", "reach", "clicks", "enquiries"],
}


@require_GET
@company_view("content.write")
@password_confirmed
def content_results_template(request):
    """A CSV to fill in: the recently published items with their address, code and results so far."""
    language = translation.get_language() or "it"
    italian = not language.startswith("en")
    # Italian Excel splits on semicolons and reads UTF-8 only with a BOM.
    delimiter = ";" if italian else ","
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(TEMPLATE_HEADERS["it" if italian else "en"])
    since = timezone.now() - timedelta(days=TEMPLATE_DAYS)
    items = (
        ContentItem.objects.for_company(request.company)
        .filter(status=ContentItem.Status.PUBLISHED, published_at__gte=since)
        .order_by("published_at", "pk")
        .only("pk", "title", "published_url", "reach", "clicks", "enquiries")
    )
    for item in items:
        writer.writerow(
            [
                item.published_url,
                item.utm_content,
                item.title,
                *("" if value is None else value for value in (item.reach, item.clicks, item.enquiries)),
            ]
        )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{request.company.slug}-{_("results")}.csv"'
    return response
