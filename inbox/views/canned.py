"""Canned replies, per language: the product knowledge base of the inbox."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from engagements.tenancy import company_view
from inbox.forms import CannedReplyForm
from inbox.models import CannedReply


def _list_redirect(request):
    return redirect("inbox_canned", company_slug=request.company.slug)


@company_view("inbox.answer")
def canned_list(request):
    replies = CannedReply.objects.for_company(request.company).select_related("created_by", "owner")
    # The company's language first, then the others.
    replies = sorted(replies, key=lambda c: (c.language != request.company.language, c.language, c.title.lower()))
    by_language = {}
    for canned in replies:
        by_language.setdefault(canned.get_language_display(), []).append(canned)
    return render(request, "inbox/canned_list.html", {"by_language": by_language})


@company_view("inbox.canned")
def canned_edit(request, canned_id=None):
    canned = None
    if canned_id is not None:
        canned = get_object_or_404(CannedReply.objects.for_company(request.company), pk=canned_id)
    initial = {} if canned else {"language": request.company.language, "owner": request.user.pk}
    form = CannedReplyForm(request.POST or None, instance=canned, initial=initial, company=request.company)
    if request.method == "POST":
        if form.is_valid():
            canned = form.save(commit=False)
            if canned.pk is None:
                canned.company = request.company
                canned.created_by = request.user
            canned.save()
            messages.success(request, _("Canned reply “%(title)s” saved.") % {"title": canned.title})
            return _list_redirect(request)
        messages.error(request, _("Nothing was saved: please correct the fields marked below."))
        return render(
            request,
            "inbox/canned_form.html",
            {
                "form": form,
                "canned": canned,
                "back_url": reverse("inbox_canned", kwargs={"company_slug": request.company.slug}),
            },
            status=400,
        )
    return render(
        request,
        "inbox/canned_form.html",
        {
            "form": form,
            "canned": canned,
            "back_url": reverse("inbox_canned", kwargs={"company_slug": request.company.slug}),
        },
    )


@require_POST
@company_view("inbox.canned")
def canned_delete(request, canned_id):
    canned = get_object_or_404(CannedReply.objects.for_company(request.company), pk=canned_id)
    canned.delete()
    messages.success(request, _("Canned reply “%(title)s” deleted.") % {"title": canned.title})
    return _list_redirect(request)
