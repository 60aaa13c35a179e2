"""The mentions page, what can be done with a mention, and the feeds that are watched."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from engagements.tenancy import company_view
from inbox.mentions import services
from inbox.mentions.fetch import FeedError
from inbox.mentions.forms import MentionFeedForm, MentionFilterForm, MentionStatusForm, feed_error_message
from inbox.mentions.models import FeedProblem, Mention, MentionFeed

PAGE_SIZE = 25


def _feeds(company) -> list[MentionFeed]:
    return list(MentionFeed.objects.for_company(company))


def _list_url(request, query_string: str = "") -> str:
    url = reverse("mentions", kwargs={"company_slug": request.company.slug})
    return f"{url}?{query_string}" if query_string else url


def _back_to_list(request) -> HttpResponseRedirect:
    """The list with the filters and the page the action was made from (from the query string)."""
    form = MentionFilterForm(request.GET, feeds=_feeds(request.company))
    page = request.GET.get("page", "")
    return HttpResponseRedirect(_list_url(request, form.query_string(page=page if page.isdigit() else "")))


def content_item_url(company, item_id: int | None) -> str:
    if not item_id:
        return ""
    return reverse("content_item", kwargs={"company_slug": company.slug, "item_id": item_id})


@company_view("mentions.view")
def mention_list(request):
    company = request.company
    feeds = _feeds(company)
    form = MentionFilterForm(request.GET, feeds=feeds)
    filters = form.filters()
    mentions = Mention.objects.for_company(company).matching(**filters).for_list()
    page = Paginator(mentions, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    for mention in rows:
        mention.idea_url = content_item_url(company, mention.content_idea_id)
    query = form.query_string()
    return render(
        request,
        "mentions/list.html",
        {
            "form": form,
            "filters": filters,
            "feeds": feeds,
            "failing_feeds": [feed for feed in feeds if feed.is_active and feed.last_error],
            "page": page,
            "rows": rows,
            "filter_query": query,
            "action_query": form.query_string(page=page.number if page.number > 1 else ""),
            "statuses": Mention.Status,
        },
    )


def _mention(request, mention_id) -> Mention:
    return get_object_or_404(Mention.objects.for_company(request.company), pk=mention_id)


@require_POST
@company_view("mentions.view")
def mention_status(request, mention_id):
    mention = _mention(request, mention_id)
    form = MentionStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was changed: choose new, handled or dismissed."))
        return _back_to_list(request)
    services.mention_set_status(mention=mention, status=form.cleaned_data["status"], user=request.user)
    labels = {
        Mention.Status.NEW: _("“%(title)s” is new again."),
        Mention.Status.HANDLED: _("“%(title)s” marked as handled."),
        Mention.Status.DISMISSED: _("“%(title)s” dismissed."),
    }
    messages.success(request, labels[mention.status] % {"title": mention.title})
    return _back_to_list(request)


@require_POST
@company_view("inbox.work")
def mention_conversation(request, mention_id):
    mention = _mention(request, mention_id)
    conversation = services.mention_to_conversation(mention=mention, user=request.user)
    messages.success(request, _("The mention is now a conversation in the inbox."))
    return redirect("inbox_conversation", company_slug=request.company.slug, conversation_id=conversation.pk)


@require_POST
@company_view("content.write")
def mention_idea(request, mention_id):
    mention = _mention(request, mention_id)
    services.mention_to_content_idea(mention=mention, user=request.user)
    messages.success(request, _("“%(title)s” is now a content idea on the content desk.") % {"title": mention.title})
    return _back_to_list(request)


# --- feeds -------------------------------------------------------------------------------------


def _feeds_redirect(request):
    return redirect("mention_feeds", company_slug=request.company.slug)


@company_view("mentions.feeds")
def feed_list(request):
    return render(request, "mentions/feeds.html", {"feeds": _feeds(request.company), "problems": FeedProblem})


@company_view("mentions.feeds")
def feed_edit(request, feed_id=None):
    company = request.company
    feed = get_object_or_404(MentionFeed.objects.for_company(company), pk=feed_id) if feed_id else None
    form = MentionFeedForm(request.POST or None, instance=feed, company=company)
    if request.method != "POST":
        return render(request, "mentions/feed_form.html", {"form": form, "feed": feed})
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved, stored = services.mention_feed_save(
                company=company,
                user=request.user,
                name=data["name"],
                url=data["url"],
                is_active=data["is_active"],
                feed=feed,
            )
        except FeedError as error:
            form.add_feed_error(error)
        except IntegrityError:  # the same address saved a moment ago by someone else
            form.add_duplicate_error()
        else:
            message = _("Feed “%(name)s” saved.") % {"name": saved.name}
            if stored:
                message += " " + ngettext("%(count)s mention found.", "%(count)s mentions found.", stored) % {
                    "count": stored
                }
            messages.success(request, message)
            return _feeds_redirect(request)
    messages.error(request, _("Nothing was saved: please correct the fields marked below."))
    return render(request, "mentions/feed_form.html", {"form": form, "feed": feed}, status=400)


@require_POST
@company_view("mentions.feeds")
def feed_delete(request, feed_id):
    feed = get_object_or_404(MentionFeed.objects.for_company(request.company), pk=feed_id)
    services.mention_feed_delete(feed=feed)
    messages.success(request, _("Feed “%(name)s” removed; its mentions stay.") % {"name": feed.name})
    return _feeds_redirect(request)


@require_POST
@company_view("mentions.feeds")
def feed_read_now(request, feed_id):
    feed = get_object_or_404(MentionFeed.objects.for_company(request.company), pk=feed_id)
    if not feed.is_active:
        messages.error(request, _("Feed “%(name)s” is inactive: activate it first.") % {"name": feed.name})
        return _feeds_redirect(request)
    result = services.mention_feed_poll(feed_id=feed.pk, force=True, interactive=True)
    if result is None:
        messages.info(request, _("Feed “%(name)s” is being read right now; try again shortly.") % {"name": feed.name})
    elif result.problem:
        feed.refresh_from_db()
        error = FeedError(result.problem, feed.last_error_detail)
        messages.error(
            request,
            _("Feed “%(name)s” could not be read: %(problem)s")
            % {"name": feed.name, "problem": feed_error_message(error)},
        )
    elif result.not_modified:
        messages.success(request, _("Feed “%(name)s” has not changed since the last reading.") % {"name": feed.name})
    else:
        messages.success(
            request,
            ngettext(
                "Feed “%(name)s” read: %(count)s new mention.",
                "Feed “%(name)s” read: %(count)s new mentions.",
                result.stored,
            )
            % {"name": feed.name, "count": result.stored},
        )
    return _feeds_redirect(request)
