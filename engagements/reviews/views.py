from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.models import User
from engagements.plan.models import Engagement
from engagements.reviews.figures import figures_for_display
from engagements.reviews.forms import ReviewActionFormSet, ReviewForm
from engagements.reviews.models import Review
from engagements.reviews.services import month_bounds, review_complete, review_refresh_figures, review_update
from engagements.tenancy import company_view


def _today(company):
    return timezone.localdate(timezone=company.tzinfo)


def _review_or_404(request, review_id):
    return get_object_or_404(
        Review.objects.for_company(request.company).select_related("engagement", "completed_by"), pk=review_id
    )


def _detail(request, review):
    return redirect("review_detail", company_slug=request.company.slug, review_id=review.pk)


@company_view("review.view")
def review_list(request):
    engagement = Engagement.objects.for_company(request.company).current().first()
    if engagement is None:
        return render(request, "reviews/no_engagement.html")
    today = _today(request.company)
    reviews = list(
        Review.objects.filter(engagement=engagement).with_action_counts(today).select_related("completed_by")
    )
    return render(request, "reviews/list.html", {"engagement": engagement, "reviews": reviews})


def _members(company) -> dict:
    users = User.objects.filter(memberships__company=company).order_by("first_name", "last_name", "email")
    return {user.pk: user for user in users}


def _forms(request, review, data=None):
    """The consultant's forms: notes and decisions (drafts only) and the actions table."""
    if not request.membership.can("review.edit"):
        return None, None
    form = None if review.is_completed else ReviewForm(data, instance=review, prefix="review")
    formset = ReviewActionFormSet(
        data,
        instance=review,
        prefix="actions",
        queryset=review.actions.with_overdue(_today(request.company)),
        form_kwargs={"members": _members(request.company)},
    )
    return form, formset


def _render_detail(request, review, form, formset, status=200):
    _start, end = month_bounds(review.month)
    actions = (
        None
        if formset is not None
        else list(review.actions.with_overdue(_today(request.company)).select_related("owner"))
    )
    context = {
        "review": review,
        "month_end": end,
        "sections": figures_for_display(review.figures),
        "form": form,
        "formset": formset,
        "actions": actions,
    }
    return render(request, "reviews/detail.html", context, status=status)


@company_view("review.view")
def review_detail(request, review_id):
    review = _review_or_404(request, review_id)
    form, formset = _forms(request, review)
    return _render_detail(request, review, form, formset)


def _save(request, review, form, formset) -> bool:
    """Save the notes, decisions and actions typed on the page; False (with a message) if not."""
    if not ((form is None or form.is_valid()) and formset.is_valid()):
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return False
    actions = formset.save(commit=False)
    try:
        review_update(
            review=review,
            notes=form.cleaned_data["notes"] if form else None,
            decisions=form.cleaned_data["decisions"] if form else None,
            actions=actions,
            removed_actions=formset.deleted_objects,
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return False
    return True


@company_view("review.edit")
def review_edit(request, review_id):
    review = _review_or_404(request, review_id)
    if request.method != "POST":
        return _detail(request, review)
    form, formset = _forms(request, review, data=request.POST)
    if _save(request, review, form, formset):
        messages.success(request, _("Review saved."))
        return _detail(request, review)
    return _render_detail(request, review, form, formset, status=400)


@require_POST
@company_view("review.edit")
def review_complete_view(request, review_id):
    """Complete the review; what was typed on the page (the button submits the notes form) is
    saved first, so that nothing written is lost, and nothing is completed if it cannot be saved."""
    review = _review_or_404(request, review_id)
    if not review.is_completed and "actions-TOTAL_FORMS" in request.POST:
        form, formset = _forms(request, review, data=request.POST)
        if not _save(request, review, form, formset):
            return _render_detail(request, review, form, formset, status=400)
    try:
        review_complete(review=review, user=request.user)
    except ValidationError as error:
        messages.info(request, error.messages[0])
    else:
        messages.success(request, _("Review completed: its figures, notes and decisions are now fixed."))
    return _detail(request, review)


@require_POST
@company_view("review.edit")
def review_refresh_view(request, review_id):
    review = _review_or_404(request, review_id)
    try:
        review_refresh_figures(review=review)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The figures have been taken again."))
    return _detail(request, review)
