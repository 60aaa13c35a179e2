"""The owner's summary: can the digital manager run things alone yet? Read-only, plain words."""

from django.shortcuts import render

from engagements.tenancy import company_view
from training import selectors
from training.models import Module
from training.views.common import attach_company, today
from training.views.progress import readiness_context


@company_view("training.view")
def training_summary(request):
    plan = selectors.current_plan(request.company)
    if plan is None:
        return render(request, "training/no_plan.html", {"engagement": None})
    attach_company(request, plan)
    day = today(request)
    modules = list(Module.objects.filter(plan=plan).only("status", "target_on", "plan_id"))
    context = {
        "plan": plan,
        "engagement": plan.engagement,
        "today": day,
        "modules_total": len(modules),
        "modules_done": sum(1 for m in modules if m.status == Module.Status.DONE),
        # Planned by today: the modules whose target date has come.
        "modules_planned": sum(1 for m in modules if m.target_on and m.target_on <= day),
        "signed_off": selectors.last_signed_off(plan),
        **readiness_context(request.company, plan, day),
    }
    return render(request, "training/summary.html", context)
