"""The one mechanism that turns `/c/<company_slug>/…` into a company and a role.

Every URL with a `company_slug` goes through `CompanyMiddleware.process_view`:

* anonymous users are sent to the login page;
* a user who is not a member of that company (or a company that does not exist) gets 404,
  so that another company's existence is never revealed;
* a member who has not given the second factor (engagements.twofactor) is sent to give it
  or to set it up (htmx, JSON and POST requests get 403);
* a member whose role lacks the view's permission gets 403;
* otherwise `request.company` and `request.membership` are set and the view runs without
  the slug argument.

Views declare their permission with `@company_view("permission.name")`; a company URL whose
view declares none is a programming error and fails loudly.
"""

from collections.abc import Callable

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404
from django.utils import timezone

from engagements.models import Membership
from engagements.twofactor import second_factor_response, with_two_factor_state

LAST_COMPANY_SESSION_KEY = "staffetta_company"


def company_view(permission: str) -> Callable:
    """Mark a view (function or class) as a company page requiring `permission`."""
    from engagements.roles import PERMISSIONS

    if permission not in PERMISSIONS:
        raise ImproperlyConfigured(f"Unknown permission {permission!r}: add it to engagements.roles.PERMISSIONS.")

    def decorator(view):
        view.company_permission = permission
        return view

    return decorator


def required_permission(view_func) -> str | None:
    permission = getattr(view_func, "company_permission", None)
    if permission is None:
        view_class = getattr(view_func, "view_class", None)
        permission = getattr(view_class, "company_permission", None)
    return permission


class CompanyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        finally:
            # The time zone is per thread: the next request on this thread starts from the default.
            timezone.deactivate()

    def process_view(self, request, view_func, view_args, view_kwargs):
        slug = view_kwargs.get("company_slug")
        if slug is None:
            return None
        permission = required_permission(view_func)
        if permission is None:
            raise ImproperlyConfigured(
                f"{view_func.__module__}.{view_func.__name__} is a company page without @company_view."
            )
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        memberships = Membership.objects.for_user(request.user).filter(company__slug=slug)
        verified = request.user.is_verified()
        if not verified:
            # Whether the second factor is needed, in the same query (engagements.twofactor).
            memberships = with_two_factor_state(memberships)
        membership = memberships.first()
        if membership is None:
            raise Http404("No such company for this user.")
        if not verified and (membership.two_factor_required or membership.two_factor_device):
            return second_factor_response(request, has_device=membership.two_factor_device)
        if not membership.can(permission):
            raise PermissionDenied
        request.company = membership.company
        request.membership = membership
        # Times on a company's pages are the company's times, shown and typed in its time zone.
        timezone.activate(membership.company.tzinfo)
        if request.session.get(LAST_COMPANY_SESSION_KEY) != slug:
            request.session[LAST_COMPANY_SESSION_KEY] = slug
        del view_kwargs["company_slug"]
        return None
