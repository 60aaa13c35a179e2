"""The newsletter's company pages: lists with their counts, subscribers, segments.

Under /c/<company_slug>/calendar/newsletter/. The owner reads; the digital manager and the
consultant manage (see engagements.roles: newsletter.view, newsletter.manage).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from contentdesk.models import NewsletterList, NewsletterSegment, Subscription
from contentdesk.newsletter import selectors, services
from contentdesk.newsletter.forms import (
    NewsletterListForm,
    SegmentForm,
    SubscriberFilterForm,
    SubscriptionUnsubscribeForm,
)
from contentdesk.newsletter.public_links import form_links
from engagements.tenancy import company_view

PAGE_SIZE = 50
LIST_FIELDS = NewsletterListForm.Meta.fields


def _list_url(company, newsletter_list) -> str:
    return reverse("newsletter_list", kwargs={"company_slug": company.slug, "list_id": newsletter_list.pk})


def _list_or_404(request, list_id) -> NewsletterList:
    return get_object_or_404(NewsletterList.objects.for_company(request.company), pk=list_id)


@require_GET
@company_view("newsletter.view")
def newsletter_lists(request):
    # Queries: the lists with their counts per status (one).
    return render(request, "contentdesk/newsletter/lists.html", {"lists": selectors.lists_with_counts(request.company)})


@company_view("newsletter.manage")
def newsletter_list_edit(request, list_id=None):
    company = request.company
    newsletter_list = _list_or_404(request, list_id) if list_id is not None else None
    initial = {}
    if newsletter_list is None:
        initial["allowed_origins"] = _website_origins(company)
    form = NewsletterListForm(request.POST or None, instance=newsletter_list, initial=initial, company=company)
    context = {"form": form, "newsletter_list": newsletter_list}
    if request.method != "POST":
        return render(request, "contentdesk/newsletter/list_form.html", context)
    if form.is_valid():
        fields = {name: form.cleaned_data[name] for name in LIST_FIELDS}
        try:
            if newsletter_list is None:
                newsletter_list = services.newsletter_list_create(company=company, **fields)
            else:
                newsletter_list = services.newsletter_list_update(newsletter_list=newsletter_list, **fields)
        except IntegrityError:
            form.add_error("name", _("There is already a list with this name."))
        else:
            messages.success(request, _("List “%(name)s” saved.") % {"name": newsletter_list.name})
            return redirect(_list_url(company, newsletter_list))
    messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    return render(request, "contentdesk/newsletter/list_form.html", context, status=400)


def _website_origins(company) -> str:
    """A new list's form may be shown where the company's contact form already is."""
    from inbox.models import IntakeChannel

    channel = IntakeChannel.objects.for_company(company).filter(kind=IntakeChannel.Kind.FORM, is_active=True).first()
    return channel.allowed_origins if channel else ""


@require_GET
@company_view("newsletter.view")
def newsletter_list(request, list_id):
    """The list: its counts, its segments, and the subscribers table with search and filters."""
    company = request.company
    # Queries: the list with its counts; its segments and their tags; the segments' counts
    # (one aggregate); the subscribers' count and page (with their contacts).
    newsletter_list = get_object_or_404(selectors.list_with_counts(company, list_id))
    newsletter_list.company = company
    segments = selectors.list_segments(newsletter_list)
    selectors.with_segment_counts(newsletter_list, segments)
    form = SubscriberFilterForm(request.GET or None, segments=segments)
    filters = form.values() if form.is_bound else {"query": "", "status": "", "segment": None}
    rows = selectors.subscribers(newsletter_list, **filters)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "newsletter_list": newsletter_list,
        "segments": segments,
        "form": form,
        "filters": filters,
        "page": page,
        "rows": list(page.object_list),
        "filter_query": query.urlencode(),
        "statuses": Subscription.Status,
        "links": form_links(request, newsletter_list),
    }
    return render(request, "contentdesk/newsletter/list.html", context)


@require_GET
@company_view("newsletter.view")
def newsletter_subscriber(request, list_id, subscription_id):
    """One subscriber: the consent on record and the history of the subscription."""
    subscription = get_object_or_404(
        selectors.subscription_for_page(request.company, list_id, subscription_id).select_related(
            "contact", "newsletter_list"
        )
    )
    events = list(subscription.events.select_related("by").order_by("at", "pk"))
    context = {
        "subscription": subscription,
        "newsletter_list": subscription.newsletter_list,
        "events": events,
        "form": SubscriptionUnsubscribeForm(),
        "statuses": Subscription.Status,
    }
    return render(request, "contentdesk/newsletter/subscriber.html", context)


@require_POST
@company_view("newsletter.manage")
def newsletter_subscriber_unsubscribe(request, list_id, subscription_id):
    subscription = get_object_or_404(
        selectors.subscription_for_page(request.company, list_id, subscription_id).select_related("contact")
    )
    form = SubscriptionUnsubscribeForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    source = _("Removed by %(name)s") % {"name": request.user.display_name}
    if note:
        source = f"{source}: {note}"
    if services.subscription_unsubscribe(subscription=subscription, source=source, by=request.user):
        messages.success(
            request,
            _("%(email)s is unsubscribed: the list will not write to this address again.")
            % {"email": subscription.contact.email},
        )
    else:
        messages.info(request, _("%(email)s was already unsubscribed.") % {"email": subscription.contact.email})
    return redirect(
        "newsletter_subscriber", company_slug=request.company.slug, list_id=list_id, subscription_id=subscription.pk
    )


@company_view("newsletter.manage")
def newsletter_segment_edit(request, list_id, segment_id=None):
    company = request.company
    newsletter_list = _list_or_404(request, list_id)
    segment = None
    if segment_id is not None:
        segment = get_object_or_404(
            NewsletterSegment.objects.for_company(company).filter(newsletter_list=newsletter_list), pk=segment_id
        )
    form = SegmentForm(request.POST or None, instance=segment, newsletter_list=newsletter_list)
    context = {"form": form, "newsletter_list": newsletter_list, "segment": segment}
    if request.method != "POST":
        return render(request, "contentdesk/newsletter/segment_form.html", context)
    if form.is_valid():
        try:
            segment = services.segment_save(newsletter_list=newsletter_list, segment=segment, **form.cleaned_data)
        except (ValidationError, IntegrityError):
            form.add_error("name", _("This list already has a segment with this name."))
        else:
            messages.success(request, _("Segment “%(name)s” saved.") % {"name": segment.name})
            return redirect(f"{_list_url(company, newsletter_list)}?segment={segment.pk}")
    messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    return render(request, "contentdesk/newsletter/segment_form.html", context, status=400)


@require_POST
@company_view("newsletter.manage")
def newsletter_segment_delete(request, list_id, segment_id):
    segment = get_object_or_404(
        NewsletterSegment.objects.for_company(request.company).filter(newsletter_list_id=list_id), pk=segment_id
    )
    name, newsletter_list = segment.name, segment.newsletter_list
    services.segment_delete(segment=segment)
    messages.success(request, _("Segment “%(name)s” deleted; the subscribers stay on the list.") % {"name": name})
    return redirect(_list_url(request.company, newsletter_list))
