"""Supervised mode: the consultant's approval queue; the trainee's feedback on their replies and posts.

Posts are reviewed on their own item page (the content workflow's approve and request-changes
moves); this page lists what waits and what was reviewed."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contentdesk.models import ContentChannel
from engagements.tenancy import company_view
from training.held_replies import ReviewError, held_reply_approve, held_reply_return
from training.supervision import category_supervise, settings_set_streak, supervision_streak
from training.supervision_forms import ApproveForm, ReturnForm, StreakForm
from training.supervision_models import HeldPost, HeldReply, SupervisedCategory

RECENT = 30


def _queue_url(request):
    return redirect("training_supervision", company_slug=request.company.slug)


def _held_or_404(request, held_id) -> HeldReply:
    return get_object_or_404(
        HeldReply.objects.for_company(request.company).select_related("conversation__company", "author"), pk=held_id
    )


@company_view("training.view")
def supervision_queue(request):
    return _page(request)


def _page(request, forms=None):
    company = request.company
    manage = request.membership.can("training.manage")
    replies = HeldReply.objects.for_company(company).select_related("conversation__contact", "author", "reviewed_by")
    if not manage and request.membership.can("training.work"):
        # The trainee sees their own replies: what waits, and the consultant's feedback.
        replies = replies.filter(author=request.user)
    pending = list(replies.pending().order_by("created_at", "id"))
    forms = forms or {}
    for held in pending:
        held.approve_form = forms.get(("approve", held.pk)) or ApproveForm(
            initial={"body": held.body_text}, prefix=f"h{held.pk}"
        )
        held.return_form = forms.get(("return", held.pk)) or ReturnForm(prefix=f"r{held.pk}")
    reviewed = list(replies.exclude(status=HeldReply.Status.PENDING).order_by("-reviewed_at", "-id")[:RECENT])
    posts = HeldPost.objects.for_company(company).select_related("item", "channel", "author", "reviewed_by")
    if not manage:
        posts = posts.filter(author=request.user)
    context = {
        "manage": manage,
        "pending": pending,
        "reviewed": reviewed,
        "pending_posts": list(posts.pending().order_by("created_at", "id")),
        "reviewed_posts": list(posts.exclude(status=HeldPost.Status.PENDING).order_by("-reviewed_at", "-id")[:RECENT]),
        "categories": _categories(company),
        "streak": supervision_streak(company),
        "streak_form": forms.get("streak") or StreakForm(initial={"supervision_streak": supervision_streak(company)}),
    }
    return render(request, "training/supervision.html", context, status=400 if forms else 200)


def _categories(company) -> list[SupervisedCategory]:
    """The categories with a label: the topic for replies, the channel's name for posts."""
    channels = dict(ContentChannel.objects.for_company(company).values_list("pk", "name"))
    categories = list(SupervisedCategory.objects.for_company(company))
    for category in categories:
        if category.kind == SupervisedCategory.Kind.POST:
            category.label = channels.get(int(category.key) if category.key.isdigit() else 0, category.key)
        else:
            category.label = category.key or _("no topic")
    return categories


def _review(request, action):
    """Run a review; a reply reviewed meanwhile (another tab, a colleague) is an error message."""
    try:
        return action()
    except ReviewError as error:
        messages.error(request, str(error))
    return None


@require_POST
@company_view("training.manage")
def held_reply_approve_view(request, held_id):
    held = _held_or_404(request, held_id)
    form = ApproveForm(request.POST, prefix=f"h{held.pk}")
    if not form.is_valid():
        messages.error(request, _("The reply was not sent: please correct the text below."))
        return _page(request, forms={("approve", held.pk): form})
    result = _review(
        request,
        lambda: held_reply_approve(
            held=held, reviewer=request.user, body_text=form.cleaned_data["body"], comment=form.cleaned_data["comment"]
        ),
    )
    if result:
        held, became_autonomous = result
        messages.success(request, _("Reply approved and sent."))
        if became_autonomous:
            messages.info(
                request,
                _("Enough approvals in a row: replies on “%(topic)s” no longer need your approval.")
                % {"topic": held.topic or _("no topic")},
            )
    return _queue_url(request)


@require_POST
@company_view("training.manage")
def held_reply_return_view(request, held_id):
    held = _held_or_404(request, held_id)
    form = ReturnForm(request.POST, prefix=f"r{held.pk}")
    if not form.is_valid():
        messages.error(request, _("Tell the trainee what to change."))
        return _page(request, forms={("return", held.pk): form})
    if _review(
        request, lambda: held_reply_return(held=held, reviewer=request.user, comment=form.cleaned_data["comment"])
    ):
        messages.success(request, _("Reply sent back to the trainee."))
    return _queue_url(request)


@require_POST
@company_view("training.manage")
def category_supervise_view(request, category_id):
    category = get_object_or_404(SupervisedCategory.objects.for_company(request.company), pk=category_id)
    category_supervise(company=request.company, kind=category.kind, key=category.key)
    messages.success(request, _("Back under supervision: the trainee's work there needs your approval again."))
    return _queue_url(request)


@require_POST
@company_view("training.manage")
def streak_set_view(request):
    form = StreakForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The setting was not saved: please correct the highlighted field below."))
        return _page(request, forms={"streak": form})
    settings_set_streak(company=request.company, streak=form.cleaned_data["supervision_streak"])
    messages.success(request, _("Saved."))
    return _queue_url(request)
