"""The report settings: who receives the monthly report."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from engagements.tenancy import company_view
from reports.forms import ReportSettingsForm
from reports.recipients import chosen_members, report_settings_of, report_settings_save


def _initial(company) -> dict:
    settings = report_settings_of(company)
    return {
        "members": list(chosen_members(company, settings)),
        "extra_addresses": "\n".join(settings.extra_addresses) if settings else "",
        "extra_language": settings.extra_language if settings else company.language,
    }


@require_http_methods(["GET", "POST"])
@company_view("reports.recipients")
def report_settings(request):
    company = request.company
    if request.method == "POST":
        form = ReportSettingsForm(request.POST, company=company)
        if form.is_valid():
            report_settings_save(
                company=company,
                members=list(form.cleaned_data["members"]),
                extra_addresses=form.cleaned_data["extra_addresses"],
                extra_language=form.cleaned_data["extra_language"],
            )
            messages.success(request, _("Saved: the next reports go to the people chosen here."))
            return redirect("monthly_report_settings", company_slug=company.slug)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(request, "reports/settings.html", {"form": form}, status=400)
    form = ReportSettingsForm(initial=_initial(company), company=company)
    return render(request, "reports/settings.html", {"form": form})
