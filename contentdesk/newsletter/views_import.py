"""Subscribers imported from a CSV file, and the template to fill in."""

import csv
import io

from django.contrib import messages
from django.db import IntegrityError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods

from contentdesk.models import NewsletterList
from contentdesk.newsletter.csv_import import MAX_BYTES, MAX_ROWS, TEMPLATE_HEADERS, check_subscribers_file
from contentdesk.newsletter.forms import SubscribersImportForm
from contentdesk.newsletter.services_import import subscribers_import
from engagements.tenancy import company_view

SHOWN_PROBLEMS = 200
SHOWN_LEFT = 50


@require_http_methods(["GET", "POST"])
@company_view("newsletter.manage")
def newsletter_import(request, list_id):
    company = request.company
    newsletter_list = get_object_or_404(NewsletterList.objects.for_company(company), pk=list_id)
    newsletter_list.company = company
    form = SubscribersImportForm(request.POST or None, request.FILES or None)
    check, result, status = None, None, 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            check = check_subscribers_file(company, data["file"], default_source=data["default_source"])
            if check.ok:
                try:
                    result = subscribers_import(
                        newsletter_list=newsletter_list,
                        rows=check.rows,
                        consent_text=data["consent_text"],
                        user=request.user,
                        file_name=data["file"].name[:100],
                    )
                except IntegrityError:
                    messages.error(
                        request, _("A contact changed while the file was read: nothing was imported. Try again.")
                    )
                else:
                    messages.success(request, _summary(result))
                    status = 200
                    form = SubscribersImportForm()
            else:
                messages.error(request, _("Nothing was imported: correct the file and send it again."))
        else:
            messages.error(request, _("Nothing was imported: please correct the fields marked below."))
    context = {
        "newsletter_list": newsletter_list,
        "form": form,
        "check": check,
        "result": result,
        "left": result.left[:SHOWN_LEFT] if result else [],
        "problems": check.problems[:SHOWN_PROBLEMS] if check else [],
        "more_problems": max(0, len(check.problems) - SHOWN_PROBLEMS) if check else 0,
        "max_mb": MAX_BYTES // (1024 * 1024),
        "max_rows": MAX_ROWS,
    }
    return render(request, "contentdesk/newsletter/import.html", context, status=status)


def _summary(result) -> str:
    text = ngettext("Imported: %(n)s person subscribed.", "Imported: %(n)s people subscribed.", result.subscribed) % {
        "n": result.subscribed
    }
    parts = [text]
    if result.contacts_created:
        parts.append(
            ngettext("%(n)s new contact.", "%(n)s new contacts.", result.contacts_created)
            % {"n": result.contacts_created}
        )
    if result.contacts_updated:
        parts.append(
            ngettext("%(n)s contact updated.", "%(n)s contacts updated.", result.contacts_updated)
            % {"n": result.contacts_updated}
        )
    if result.already_subscribed:
        parts.append(
            ngettext("%(n)s was already subscribed.", "%(n)s were already subscribed.", result.already_subscribed)
            % {"n": result.already_subscribed}
        )
    if result.left:
        parts.append(
            ngettext(
                "%(n)s had left the list and was not subscribed again.",
                "%(n)s had left the list and were not subscribed again.",
                len(result.left),
            )
            % {"n": len(result.left)}
        )
    return " ".join(parts)


@require_GET
@company_view("newsletter.manage")
def newsletter_import_template(request, list_id):
    """The header row to fill in (no example row: it would be imported if left in)."""
    newsletter_list = get_object_or_404(NewsletterList.objects.for_company(request.company), pk=list_id)
    italian = not (translation.get_language() or "it").startswith("en")
    # Italian Excel splits on semicolons and reads UTF-8 only with a BOM.
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if italian else ",", lineterminator="\r\n")
    writer.writerow(TEMPLATE_HEADERS["it" if italian else "en"])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    name = _("subscribers")
    response["Content-Disposition"] = f'attachment; filename="{request.company.slug}-{newsletter_list.pk}-{name}.csv"'
    return response
