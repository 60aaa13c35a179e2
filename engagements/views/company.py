from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.budgets.selectors import pending_spends
from engagements.forms import BusinessHoursFormSet, CompanyForm, InvitationForm, MemberRoleForm
from engagements.models import BusinessHours, Invitation, Membership
from engagements.plan.selectors import engagement_summary
from engagements.reauth import password_confirmed
from engagements.services import (
    invitation_create,
    invitation_resend,
    invitation_revoke,
    membership_change_role,
    membership_remove,
)
from engagements.tenancy import LAST_COMPANY_SESSION_KEY, company_view


@login_required
def home(request):
    """`/`: the company the user worked in last, their only company, or the picker."""
    memberships = list(Membership.objects.for_user(request.user).only("company__slug")[:2])
    last_slug = request.session.get(LAST_COMPANY_SESSION_KEY)
    if last_slug and Membership.objects.for_user(request.user).filter(company__slug=last_slug).exists():
        return redirect("company_home", company_slug=last_slug)
    if len(memberships) == 1:
        return redirect("company_home", company_slug=memberships[0].company.slug)
    return redirect("company_picker")


@login_required
def company_picker(request):
    memberships = Membership.objects.for_user(request.user).order_by("company__name")
    return render(request, "engagements/company_picker.html", {"memberships": memberships})


@company_view("company.view")
def company_home(request):
    """Each role's own home: the dashboard (owner, consultant), Today (digital manager), or this one."""
    from reports.views import role_home

    response = role_home(request)
    if response is not None:
        return response
    company = request.company
    role_counts = Membership.objects.for_company(company).role_counts()
    context = {
        "role_counts": role_counts,
        "member_total": sum(role_counts.values()),
        "pending_invitations": Invitation.objects.for_company(company).pending().count()
        if request.membership.can("members.manage")
        else None,
        "business_hours": list(BusinessHours.objects.for_company(company)),
        "today": timezone.localdate(),
    }
    if request.membership.can("engagement.view"):
        context["engagement_summary"] = engagement_summary(company, context["today"])
    if request.membership.can("budget.approve"):
        context["spends_to_approve"] = list(pending_spends(company)[:5])
    return render(request, "engagements/company_home.html", context)


def _members_context(request, form):
    company = request.company
    members = (
        Membership.objects.for_company(company)
        .select_related("user")
        .order_by("role", "user__last_name", "user__email")
    )
    invitations = (
        Invitation.objects.for_company(company).pending().select_related("invited_by")
        if request.membership.can("members.manage")
        else Invitation.objects.none()
    )
    role_form = MemberRoleForm(inviter=request.membership) if request.membership.can("members.manage") else None
    return {"members": members, "invitations": invitations, "form": form, "role_form": role_form}


@company_view("members.view")
def members(request):
    form = (
        InvitationForm(company=request.company, inviter=request.membership)
        if request.membership.can("members.manage")
        else None
    )
    return render(request, "engagements/members.html", _members_context(request, form))


@require_POST
@company_view("members.manage")
def member_invite(request):
    form = InvitationForm(request.POST, company=request.company, inviter=request.membership)
    if form.is_valid():
        invitation = invitation_create(
            company=request.company, invited_by=request.user, request=request, **form.cleaned_data
        )
        messages.success(request, _("Invitation sent to %(email)s.") % {"email": invitation.email})
        return redirect("members", company_slug=request.company.slug)
    messages.error(request, _("The invitation was not sent: please correct the fields marked below."))
    return render(request, "engagements/members.html", _members_context(request, form), status=400)


@require_POST
@company_view("members.manage")
def invitation_resend_view(request, invitation_id):
    invitation = get_object_or_404(Invitation.objects.for_company(request.company).pending(), pk=invitation_id)
    invitation_resend(invitation=invitation)
    messages.success(request, _("Invitation sent again to %(email)s.") % {"email": invitation.email})
    return redirect("members", company_slug=request.company.slug)


@require_POST
@company_view("members.manage")
def invitation_revoke_view(request, invitation_id):
    invitation = get_object_or_404(Invitation.objects.for_company(request.company).pending(), pk=invitation_id)
    invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email})
    return redirect("members", company_slug=request.company.slug)


@require_POST
@company_view("members.manage")
def member_remove(request, membership_id):
    membership = get_object_or_404(
        Membership.objects.for_company(request.company).select_related("user"), pk=membership_id
    )
    try:
        membership_remove(membership=membership, by=request.membership, request=request)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(name)s no longer has access to %(company)s.")
            % {"name": membership.user.display_name, "company": request.company.name},
        )
    if membership.user_id == request.user.id:
        return redirect("home")
    return redirect("members", company_slug=request.company.slug)


@require_POST
@company_view("members.manage")
@password_confirmed
def member_role(request, membership_id):
    """Change a member's role (asks for the password again: it changes what they may do)."""
    membership = get_object_or_404(
        Membership.objects.for_company(request.company).select_related("user"), pk=membership_id
    )
    form = MemberRoleForm(request.POST, inviter=request.membership)
    if not form.is_valid():
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
        return redirect("members", company_slug=request.company.slug)
    try:
        membership_change_role(membership=membership, by=request.membership, request=request, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            _("%(name)s is now %(role)s.") % {"name": membership.user.display_name, "role": membership.role_label},
        )
    return redirect("members", company_slug=request.company.slug)


@company_view("company.edit")
def company_settings(request):
    company = request.company
    form = CompanyForm(request.POST or None, instance=company, prefix="company")
    formset = BusinessHoursFormSet(request.POST or None, instance=company, prefix="hours")
    if request.method == "POST":
        if form.is_valid() and formset.is_valid():
            form.save()
            formset.save()
            messages.success(request, _("Company settings saved."))
            return redirect(reverse("company_settings", kwargs={"company_slug": company.slug}))
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    status = 400 if request.method == "POST" else 200
    return render(request, "engagements/company_settings.html", {"form": form, "formset": formset}, status=status)
