from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.demo import DEMO_PASSWORD, demo_logins_if_loaded
from engagements.forms import AcceptInvitationForm, LanguageForm, LoginForm
from engagements.models import User
from engagements.services import (
    InvitationProblem,
    invitation_accept,
    invitation_from_token,
    user_create_from_invitation,
    user_set_language,
)


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["demo_logins"] = demo_logins_if_loaded()
        context["demo_password"] = DEMO_PASSWORD
        return context


@require_POST
def set_language(request):
    """Switch language for this browser and, when logged in, for the user everywhere."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if not form.is_valid():
        messages.error(request, _("That language is not available."))
        return response
    language = form.cleaned_data["language"]
    if request.user.is_authenticated and request.user.language != language:
        user_set_language(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response


def invitation_accept_view(request, token):
    invitation, problem = invitation_from_token(token)
    if problem is not None:
        status = {InvitationProblem.INVALID: 404, InvitationProblem.EXPIRED: 410, InvitationProblem.USED: 410}[problem]
        return render(
            request,
            "engagements/invitation_problem.html",
            {"problem": problem.value, "invitation": invitation},
            status=status,
        )

    existing_user = User.objects.filter(email=invitation.email).first()
    if existing_user is not None:
        return _accept_as_existing_user(request, invitation, existing_user)

    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        try:
            user = user_create_from_invitation(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to %(company)s!") % {"company": invitation.company.name})
            return redirect(invitation.company.get_absolute_url())
    return render(request, "engagements/invitation_accept.html", {"invitation": invitation, "form": form})


def _accept_as_existing_user(request, invitation, existing_user):
    context = {"invitation": invitation, "existing_user": existing_user}
    if not request.user.is_authenticated:
        context["login_url"] = reverse("login") + "?next=" + request.path
        return render(request, "engagements/invitation_login.html", context)
    if request.user.pk != existing_user.pk:
        return render(request, "engagements/invitation_problem.html", {**context, "problem": "other_user"}, status=403)
    if request.method == "POST":
        try:
            membership = invitation_accept(invitation=invitation, user=request.user)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            return redirect("home")
        messages.success(request, _("You have joined %(company)s.") % {"company": membership.company.name})
        return redirect(membership.company.get_absolute_url())
    return render(request, "engagements/invitation_join.html", context)
