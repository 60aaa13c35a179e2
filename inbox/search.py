"""Search over conversation subjects, message texts and contacts (name, email, organisation).

Every word of the query must occur somewhere: in the subject, in one of the messages or in
the contact. The result is a queryset of conversations the member may see, without an order,
so that the inbox list filters, orders and paginates it like any other.

PostgreSQL: full-text search. Each text is indexed in three configurations — 'simple' keeps
names, codes and addresses as written, 'italian' and 'english' reduce words to their stems —
by GIN expression indexes (migration 0003_search_indexes). A word matches when its query in
any of the three configurations matches. The expressions below must stay identical to the
indexed ones, or PostgreSQL stops using the indexes.

SQLite (development): case-insensitive containment over the same fields.
"""

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Q

from inbox.models import Contact, Conversation, Message

SEARCH_CONFIGS = ("simple", "italian", "english")
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8


def search_document(*fields: str) -> SearchVector:
    """The tsvector of `fields` in every configuration, as indexed."""
    document = None
    for config in SEARCH_CONFIGS:
        vector = SearchVector(*fields, config=config)
        document = vector if document is None else document + vector
    return document


SUBJECT_FIELDS = ("subject",)
CONTACT_FIELDS = ("name", "email", "organisation")
MESSAGE_FIELDS = ("body_text",)


def _word_query(word: str):
    query = None
    for config in SEARCH_CONFIGS:
        part = SearchQuery(word, config=config, search_type="plain")
        query = part if query is None else query | part
    return query


def query_words(query: str) -> list[str]:
    return (query or "")[:MAX_QUERY_LENGTH].split()[:MAX_WORDS]


def search_conversations(company, membership, query: str):
    """The conversations of `company` visible to `membership` that match every word of `query`."""
    conversations = Conversation.objects.for_company(company).visible_to(membership)
    words = query_words(query)
    if not words:
        return conversations
    if connection.vendor == "postgresql":
        return _full_text(company, conversations, words)
    return _contains(company, conversations, words)


def _full_text(company, conversations, words):
    conversations = conversations.alias(subject_document=search_document(*SUBJECT_FIELDS))
    contacts = Contact.objects.for_company(company).alias(document=search_document(*CONTACT_FIELDS))
    messages = Message.objects.for_company(company).alias(document=search_document(*MESSAGE_FIELDS))
    for word in words:
        text = _word_query(word)
        conversations = conversations.filter(
            Q(subject_document=text)
            | Q(contact__in=contacts.filter(document=text).values("pk"))
            | Q(pk__in=messages.filter(document=text).values("conversation_id"))
        )
    return conversations


def _contains(company, conversations, words):
    messages = Message.objects.for_company(company)
    for word in words:
        conversations = conversations.filter(
            Q(subject__icontains=word)
            | Q(contact__name__icontains=word)
            | Q(contact__email__icontains=word)
            | Q(contact__organisation__icontains=word)
            | Q(pk__in=messages.filter(body_text__icontains=word).values("conversation_id"))
        )
    return conversations
