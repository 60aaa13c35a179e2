from django.utils.functional import SimpleLazyObject

from engagements.models import Membership
from engagements.navigation import company_nav


def navigation(request):
    membership = getattr(request, "membership", None)
    user = getattr(request, "user", None)
    context = {"current_company": getattr(request, "company", None), "membership": membership}
    if user is not None and user.is_authenticated:
        # Evaluated only by templates that draw the company switcher: one query.
        context["my_memberships"] = SimpleLazyObject(
            lambda: list(Membership.objects.for_user(user).order_by("company__name"))
        )
    if membership is not None:
        entries = company_nav(membership, request.path)
        context["company_nav"] = [entry for entry in entries if entry["group"] == "main"]
        context["company_menu"] = [entry for entry in entries if entry["group"] == "company"]
    return context
