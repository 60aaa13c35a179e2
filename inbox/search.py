"""Search over conversation subjects, message texts and contacts (name, email, organisation).

Every word of the query must occur somewhere: in the subject, in one of the messages or in
the contact. The result is a queryset of conversations the member may see, without an order,
so that the inbox list filters, orders and paginates it like any other.

PostgreSQL: full-text search in one stored document per conversation (inbox.SearchDocument):
the words of the subject, the messages and the contact in three configurations — 'simple'
keeps names, codes and addresses as written, 'italian' and 'english' reduce words to their
stems — in a GIN index. Triggers refresh a conversation's document in the same transaction as
any write to its subject, its messages or its contact (migration 0009_search_document), so
every write path — intake by any channel, replies and notes, edits, contact changes, merges,
retention and erasure — is covered without the code having to remember it. A word matches when
its query in any of the three configurations matches; the query is one GIN lookup, filtered by
the company, joined to the conversations the member may see.

SQLite (development): case-insensitive containment over the same fields.
"""

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Q

from inbox.models import Conversation, Message, SearchDocument

SEARCH_CONFIGS = ("simple", "italian", "english")
MAX_QUERY_LENGTH = 200
MAX_WORDS = 8


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
    text = None
    for word in words:
        text = _word_query(word) if text is None else text & _word_query(word)
    documents = SearchDocument.objects.for_company(company).filter(document=text)
    return conversations.filter(pk__in=documents.values("conversation_id"))


def documents_rebuild(company=None, *, batch: int = 5_000) -> int:
    """Build the stored search documents again (all, or one company's); returns the rows written.

    For rows written while the triggers were off (a bulk load) or before they existed. A
    no-op on SQLite, which searches by containment.
    """
    if connection.vendor != "postgresql":
        return 0
    ids = Conversation.objects.order_by("pk")
    if company is not None:
        ids = ids.filter(company=company)
    ids = list(ids.values_list("pk", flat=True))
    written = 0
    for offset in range(0, len(ids), batch):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO inbox_searchdocument (conversation_id, company_id, document) "
                "SELECT id, company_id, inbox_search_vector(inbox_search_text(id)) "
                "FROM inbox_conversation WHERE id = ANY(%s) "
                "ON CONFLICT (conversation_id) DO UPDATE SET document = EXCLUDED.document",
                [ids[offset : offset + batch]],
            )
            written += cursor.rowcount
    return written


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
