"""Building the emails a conversation sends: headers for threading, reply-to token, quote.

Threading follows RFC 5322 §3.6.4: our Message-ID on every outgoing message, In-Reply-To
the message we answer (the customer's last email, or our previous message when the enquiry
came from a web form and has no Message-ID), References the chain so far. The Reply-To
carries the conversation's token so that part 2 (email intake) can thread the answer back.
"""

from datetime import datetime
from email.utils import formataddr, make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.defaultfilters import linebreaks_filter
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from inbox.mail.rendering import render
from inbox.models import Conversation, Message

# Email languages we have templates for; an enquiry in German, French or Spanish gets English.
EMAIL_LANGUAGES = ("it", "en")
FALLBACK_LANGUAGE = "en"
# Keep the first Message-ID and the latest ones (RFC 5322 suggests trimming long chains).
MAX_REFERENCES = 20
DEFAULT_INBOUND_DOMAIN = "reply.staffetta.example"


def inbound_domain() -> str:
    return getattr(settings, "INBOUND_EMAIL_DOMAIN", DEFAULT_INBOUND_DOMAIN)


def reply_address(conversation: Conversation) -> str:
    return f"reply+{conversation.reply_token}@{inbound_domain()}"


def sender_address() -> str:
    """The bare address of DEFAULT_FROM_EMAIL: our mail goes out from our own domain (SPF, DKIM)."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def new_message_id() -> str:
    domain = sender_address().rpartition("@")[2] or "staffetta.example"
    return make_msgid(domain=domain)


def conversation_reference(conversation: Conversation) -> str:
    """The reference number given to the customer (in the acknowledgement and the subject)."""
    return f"#{conversation.pk}"


def conversation_language(conversation: Conversation) -> str:
    """The language to write to the contact in: the enquiry's, else the contact's, else the company's."""
    for code in (conversation.language, conversation.contact.language):
        if code:
            return code if code in EMAIL_LANGUAGES else FALLBACK_LANGUAGE
    return conversation.company.language


def conversation_url(conversation: Conversation) -> str:
    """The absolute address of the conversation page, for emails to the team."""
    slug = conversation.company.slug
    try:
        path = reverse("inbox_conversation", kwargs={"company_slug": slug, "conversation_id": conversation.pk})
    except NoReverseMatch:  # the inbox pages not wired yet: the address they will have
        path = f"/c/{slug}/inbox/{conversation.pk}/"
    return settings.SITE_URL + path


def local_text(moment: datetime, tz, fmt: str) -> str:
    """`moment` in `tz` formatted in the active language; Italian names of days and months are
    lower-case in a sentence ("martedì 24 novembre"), Django's catalogue capitalises them."""
    text = date_format(moment.astimezone(tz), fmt)
    return text.lower() if translation.get_language() == "it" else text


def reply_subject(subject: str) -> str:
    subject = " ".join((subject or "").split())
    return subject if subject.lower().startswith(("re:", "r:")) else f"Re: {subject}"


def _bracketed(message_id: str) -> str:
    message_id = message_id.strip()
    return message_id if message_id.startswith("<") else f"<{message_id}>"


class Thread:
    """What an outgoing message answers: the headers' parent, the reference chain, the quote."""

    def __init__(self, message: Message, earlier: list[Message]):
        self.message = message
        incoming = [m for m in earlier if m.direction == Message.Direction.IN]
        sent = [m for m in earlier if m.direction == Message.Direction.OUT and m.sent_at and m.message_id]
        with_id = [m for m in incoming if m.message_id]
        self.parent = with_id[-1] if with_id else (sent[-1] if sent else None)
        # The quote is the customer's last message even when it came from a form (no Message-ID).
        self.quoted = incoming[-1] if incoming else (sent[-1] if sent else None)
        chain = self.parent.references.split() if self.parent and self.parent.references else []
        chain += [m.message_id for m in earlier if m.message_id and (m.direction == Message.Direction.IN or m.sent_at)]
        seen, unique = set(), []
        for message_id in map(_bracketed, chain):
            if message_id not in seen:
                seen.add(message_id)
                unique.append(message_id)
        if self.parent is not None:  # the parent comes last, as RFC 5322 asks
            parent_id = _bracketed(self.parent.message_id)
            unique = [m for m in unique if m != parent_id] + [parent_id]
        if len(unique) > MAX_REFERENCES:
            unique = unique[:1] + unique[-(MAX_REFERENCES - 1) :]
        self.references = unique

    @classmethod
    def of(cls, message: Message) -> "Thread":
        """One query: the conversation's earlier messages (notes excluded)."""
        earlier = list(
            Message.objects.filter(conversation_id=message.conversation_id)
            .exclude(direction=Message.Direction.NOTE)
            .filter(Q(created_at__lt=message.created_at) | Q(created_at=message.created_at, pk__lt=message.pk))
            .select_related("author")
            .order_by("created_at", "pk")
        )
        return cls(message, earlier)

    @property
    def in_reply_to(self) -> str:
        return _bracketed(self.parent.message_id) if self.parent else ""


def _author_name(message: Message, conversation: Conversation) -> str:
    if message.direction == Message.Direction.IN:
        contact = conversation.contact
        return f"{contact.name} <{contact.email}>" if contact.name and contact.email else contact.display_name
    return message.author.display_name if message.author else conversation.company.name


def quote_text(text: str) -> str:
    """Each line prefixed the way email clients do ("> ", or ">" before an already quoted line)."""
    lines = (text or "").strip("\n").splitlines() or [""]
    return "\n".join(">" + line if line.startswith(">") else ("> " + line if line else ">") for line in lines)


def _html_of(message: Message) -> str:
    # body_html is sanitized when stored (inbox.sanitize); without it, the text with line breaks.
    return mark_safe(message.body_html) if message.body_html else linebreaks_filter(message.body_text, autoescape=True)


def build_email(message: Message, thread: Thread) -> EmailMultiAlternatives:
    """The email for an outgoing message; `message.message_id` must already be set.

    Call inside `translation.override(conversation_language(...))`: the quote's header and
    dates are written in the conversation's language.
    """
    conversation = message.conversation
    company = conversation.company
    if message.author is not None:
        sender_name = _("%(agent)s via %(company)s") % {"agent": message.author.display_name, "company": company.name}
    else:
        sender_name = company.name
    context = {"message": message, "body_html": _html_of(message), "quoted": None}
    if thread.quoted is not None:
        context.update(
            quoted=thread.quoted,
            quote_header=_("On %(date)s, %(name)s wrote:")
            % {
                "date": local_text(thread.quoted.created_at, company.tzinfo, "j F Y, H:i"),
                "name": _author_name(thread.quoted, conversation),
            },
            quoted_text=quote_text(thread.quoted.body_text),
            quoted_html=_html_of(thread.quoted),
        )
    headers = {"Message-ID": message.message_id}
    if thread.in_reply_to:
        headers["In-Reply-To"] = thread.in_reply_to
    if thread.references:
        headers["References"] = " ".join(thread.references)
    if message.is_automatic:
        # RFC 3834: an automatic answer; well-behaved autoresponders do not answer it back.
        headers["Auto-Submitted"] = "auto-replied"
        headers["X-Auto-Response-Suppress"] = "All"
    contact = conversation.contact
    email = EmailMultiAlternatives(
        subject=reply_subject(conversation.subject),
        body=render("inbox/mail/outgoing.txt", context),
        from_email=formataddr((sender_name, sender_address())),
        to=[formataddr((contact.name, contact.email))],
        reply_to=[reply_address(conversation)],
        headers=headers,
    )
    email.attach_alternative(render("inbox/mail/outgoing.html", context), "text/html")
    for attachment in message.attachments.all():
        with attachment.file.open("rb") as handle:
            email.attach(attachment.filename, handle.read(), attachment.content_type)
    return email
