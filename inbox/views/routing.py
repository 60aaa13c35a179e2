"""Routing rules: where conversations on a topic usually go, suggested on the route form."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from engagements.tenancy import company_view
from inbox.forms import RoutingRuleForm
from inbox.models import RoutingRule


def _list_redirect(request):
    return redirect("inbox_routing", company_slug=request.company.slug)


@require_GET
@company_view("inbox.channels")
def routing_rule_list(request):
    # Queries: the rules with their colleague and owner (one join).
    rules = list(
        RoutingRule.objects.for_company(request.company)
        .select_related("colleague", "owner")
        .order_by("-is_active", "topic", "pk")
    )
    return render(request, "inbox/routing_list.html", {"rules": rules})


@company_view("inbox.channels")
def routing_rule_edit(request, rule_id=None):
    company = request.company
    rule = None
    if rule_id is not None:
        rule = get_object_or_404(RoutingRule.objects.for_company(company), pk=rule_id)
    initial = {} if rule else {"owner": request.user.pk, "is_active": True}
    form = RoutingRuleForm(request.POST or None, instance=rule, initial=initial, company=company)
    if request.method == "POST":
        if form.is_valid():
            rule = form.save(commit=False)
            if rule.pk is None:
                rule.company = company
            rule.save()
            messages.success(request, _("Routing rule for “%(topic)s” saved.") % {"topic": rule.topic})
            return _list_redirect(request)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(
            request,
            "inbox/routing_form.html",
            {"form": form, "rule": rule, "back_url": reverse("inbox_routing", kwargs={"company_slug": company.slug})},
            status=400,
        )
    return render(
        request,
        "inbox/routing_form.html",
        {"form": form, "rule": rule, "back_url": reverse("inbox_routing", kwargs={"company_slug": company.slug})},
    )


@require_POST
@company_view("inbox.channels")
def routing_rule_delete(request, rule_id):
    rule = get_object_or_404(RoutingRule.objects.for_company(request.company), pk=rule_id)
    rule.delete()
    messages.success(request, _("Routing rule for “%(topic)s” deleted.") % {"topic": rule.topic})
    return _list_redirect(request)
