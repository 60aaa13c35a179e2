"""Reads of the newsletter: lists with their counts, subscribers, segments, and recipients.

`eligible_recipients` is the one answer to “who may receive this?”: the sending part uses it
and nothing else, so an unsubscribed, bounced or never-consenting contact cannot slip in.
"""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower

from contentdesk.models import NewsletterList, NewsletterSegment, NewsletterSend, Subscription
from inbox.models import Conversation

S = Subscription.Status


def lists_with_counts(company) -> list[NewsletterList]:
    """One query: every list of the company with its subscribers per status."""
    return list(NewsletterList.objects.for_company(company).with_counts().order_by(Lower("name"), "pk"))


def list_with_counts(company, list_id) -> QuerySet:
    """For get_object_or_404: the company's list, with its counts."""
    return NewsletterList.objects.for_company(company).with_counts().filter(pk=list_id)


def segment_condition(segment: NewsletterSegment, tag_ids: list[int]) -> Q:
    """The segment's criteria as a filter on Subscription, evaluated by the database."""
    condition = Q()
    if segment.contact_kind:
        condition &= Q(contact__kind=segment.contact_kind)
    if segment.language:
        # Contacts may carry a regional code ("en-GB"); the segment names the language.
        condition &= Q(contact__language__iexact=segment.language) | Q(
            contact__language__istartswith=f"{segment.language}-"
        )
    if tag_ids:
        tagged = Conversation.tags.through.objects.filter(
            conversation__contact_id=OuterRef("contact_id"), tag_id__in=tag_ids
        )
        condition &= Q(Exists(tagged))
    return condition


def list_segments(newsletter_list: NewsletterList) -> list[NewsletterSegment]:
    """The list's segments with their tags (two queries), each with `tag_ids` and `tag_names`."""
    segments = list(newsletter_list.segments.prefetch_related("tags").order_by(Lower("name"), "pk"))
    for segment in segments:
        tags = sorted(segment.tags.all(), key=lambda tag: tag.name.lower())
        segment.tag_ids = [tag.pk for tag in tags]
        segment.tag_names = [tag.name for tag in tags]
    return segments


def with_segment_counts(newsletter_list: NewsletterList, segments: list[NewsletterSegment]) -> None:
    """Sets `subscribed_count` on each segment: one query for all of them."""
    if not segments:
        return
    aggregates = {
        f"segment_{segment.pk}": Count("pk", filter=segment_condition(segment, segment.tag_ids)) for segment in segments
    }
    counts = Subscription.objects.filter(newsletter_list=newsletter_list, status=S.SUBSCRIBED).aggregate(**aggregates)
    for segment in segments:
        segment.subscribed_count = counts[f"segment_{segment.pk}"]


def subscribers(
    newsletter_list: NewsletterList, *, query: str = "", status: str = "", segment: NewsletterSegment | None = None
) -> QuerySet:
    """The list's subscriptions for the subscribers table, newest first, with their contact."""
    rows = Subscription.objects.filter(newsletter_list=newsletter_list).select_related("contact")
    if status:
        rows = rows.filter(status=status)
    if segment is not None:
        rows = rows.filter(segment_condition(segment, segment.tag_ids))
    for word in query.split()[:5]:
        rows = rows.filter(
            Q(contact__email__icontains=word)
            | Q(contact__name__icontains=word)
            | Q(contact__organisation__icontains=word)
        )
    return rows.order_by("-status_changed_at", "-pk")


def subscription_for_page(company, list_id, subscription_id) -> QuerySet:
    return Subscription.objects.for_company(company).filter(newsletter_list_id=list_id, pk=subscription_id)


def eligible_recipients(target) -> QuerySet:
    """Who may receive a newsletter of `target` — a NewsletterList, a NewsletterSegment or a
    NewsletterSend (its list, narrowed to its segment if it has one).

    Subscribed, with a recorded consent, to a contact that has an address and still agrees to
    marketing. Unsubscribed, bounced, complained and pending subscriptions are never in it.
    Subscriptions with their contact, in a stable order for batching.
    """
    segment = None
    if isinstance(target, NewsletterSend):
        newsletter_list_id, segment = target.newsletter_list_id, target.segment
    elif isinstance(target, NewsletterSegment):
        newsletter_list_id, segment = target.newsletter_list_id, target
    elif isinstance(target, NewsletterList):
        newsletter_list_id = target.pk
    else:
        raise TypeError(f"Not a list, a segment or a send: {target!r}")
    rows = (
        Subscription.objects.filter(newsletter_list_id=newsletter_list_id, status=S.SUBSCRIBED)
        .with_consent()
        .filter(contact__marketing_consent=True)
        .exclude(contact__email="")
        .select_related("contact")
        .order_by("pk")
    )
    if segment is not None:
        tag_ids = list(segment.tags.values_list("pk", flat=True))
        rows = rows.filter(segment_condition(segment, tag_ids))
    return rows
