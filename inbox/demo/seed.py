"""A few hundred conversations over the last six months, written straight to the database.

Everything is generated in memory from the texts in `inbox.demo.texts` with a seeded random
generator (the same demo every time), timed with the company's real SLA calendar (business
hours, holidays, the trainee's mornings), and saved with bulk_create: no email is sent and no
task is queued.
"""

import random
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from engagements.models import Company, User
from inbox.demo import texts
from inbox.mail.compose import new_message_id
from inbox.mail.services import acknowledgement_content
from inbox.models import CannedReply, Contact, Conversation, IntakeChannel, Message, Tag
from inbox.sla import HORIZON_DAYS, BusinessCalendar, first_response_target_hours
from inbox.spam import spam_score

DAYS = 182
ENGLISH_SHARE = 0.15
SPAM_SHARE = 0.03
KINDS = [("quote", 0.42), ("technical", 0.23), ("support", 0.22), ("complaint", 0.13)]
TAG_OF_KIND = {"quote": "preventivo", "technical": "tecnico", "support": "cliente", "complaint": "reclamo"}
TAGS = ["preventivo", "tecnico", "reclamo", "cliente"]


def _ascii(value: str) -> str:
    return unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().lower().replace(" ", "")


@dataclass
class _Thread:
    """One conversation being generated: its row, its messages and its tags."""

    conversation: Conversation
    kind: str
    messages: list[Message] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    answered_by_colleague: Message | None = None
    acknowledgement: Message | None = None  # written once the conversation has its number


class _Seeder:
    def __init__(self, company, *, digital_manager, consultant, colleague_sales, today, count):
        self.company = company
        self.tz = company.tzinfo
        self.agent, self.consultant, self.colleague = digital_manager, consultant, colleague_sales
        self.count = count
        self.rng = random.Random(f"inbox-demo-{company.slug}")
        real_now = timezone.now()
        self.now = real_now if timezone.localdate(real_now, self.tz) == today else _at(today, time(18), self.tz)
        self.start_day = today - timedelta(days=DAYS)
        self.calendar = BusinessCalendar.load(company, self.start_day, today + timedelta(days=HORIZON_DAYS))
        self.target = timedelta(hours=first_response_target_hours(company))
        self.places: dict[str, tuple[str, str]] = {}  # contact email → (town, country)
        self.first_heard: dict[str, datetime] = {}
        self.written: set[str] = set()

    # People and places ---------------------------------------------------------------

    def contacts(self) -> tuple[list[Contact], list[Contact]]:
        italian, foreign = [], []
        for organisation, town, customer in texts.ITALIAN_ORGANISATIONS:
            for _ in range(self.rng.choice([1, 1, 2, 3])):
                first, last = self.rng.choice(texts.ITALIAN_FIRST), self.rng.choice(texts.ITALIAN_LAST)
                italian.append(self._contact(f"{first} {last}", organisation, "it", customer, town))
        for organisation, town, country in texts.FOREIGN_ORGANISATIONS:
            for _ in range(self.rng.choice([1, 2])):
                foreign.append(
                    self._contact(self.rng.choice(texts.FOREIGN_NAMES), organisation, "en", False, town, country)
                )
        unique = {}
        for contact in italian + foreign:
            unique.setdefault(contact.email, contact)
        Contact.objects.bulk_create(unique.values())
        saved = {c.email: c for c in Contact.objects.for_company(self.company)}
        return [saved[c.email] for c in italian if c.email in saved], [saved[c.email] for c in foreign]

    def pick_contact(self, pool: list[Contact], received: datetime) -> Contact:
        """A person who already knows the company by `received`; more often one writing for the
        first time, so that new contacts keep arriving month after month as in a real inbox."""
        known = [c for c in pool if self.introduced(c) <= received] or pool[:3]
        fresh = [c for c in known if c.email not in self.written]
        contact = self.rng.choice(fresh if fresh and self.rng.random() < 0.6 else known)
        self.written.add(contact.email)
        return contact

    def introduced(self, contact: Contact) -> datetime:
        """When the person first heard of the company: spread over the demo's months."""
        if contact.email not in self.first_heard:
            share = random.Random(f"{self.company.slug}-{contact.email}").random()
            self.first_heard[contact.email] = (
                _at(self.start_day, time(0), self.tz) + (self.now - _at(self.start_day, time(0), self.tz)) * share
            )
        return self.first_heard[contact.email]

    def _contact(self, name, organisation, language, customer, town, country="Italia") -> Contact:
        domain = slugify(organisation.replace("&", "e").removesuffix(" Srl").removesuffix(" Spa").removesuffix(" Snc"))
        first, _space, last = name.partition(" ")
        phone_prefix = "+39 0444" if language == "it" else "+44 113"
        contact = Contact(
            company=self.company,
            email=f"{_ascii(first)}.{_ascii(last)}@{domain}.example",
            name=name,
            organisation=organisation,
            phone=f"{phone_prefix} {self.rng.randint(100000, 999999)}" if self.rng.random() < 0.5 else "",
            language=language,
            kind=Contact.Kind.CUSTOMER if customer else Contact.Kind.PROSPECT,
            consent_given_at=_at(self.start_day, time(9), self.tz),
            consent_text="Acconsento al trattamento dei miei dati per ricevere una risposta alla richiesta.",
            consent_source="https://www.officineberica.example/contatti/",
        )
        self.places.setdefault(contact.email, (town, country))
        return contact

    def spam_contacts(self) -> dict[str, Contact]:
        contacts = [
            Contact(company=self.company, email=email, language="", consent_source="") for *_rest, email in texts.SPAM
        ]
        Contact.objects.bulk_create(contacts)
        return {
            c.email: c for c in Contact.objects.for_company(self.company).filter(email__in=[c.email for c in contacts])
        }

    # Time -------------------------------------------------------------------------------

    def received_at(self) -> datetime:
        """Weekdays and office hours mostly; a growing number of enquiries as the months go by."""
        while True:
            offset = min(DAYS, int(DAYS * self.rng.random() ** 0.8))  # more recent days are likelier
            day = self.start_day + timedelta(days=offset)
            if day.weekday() >= 5 and self.rng.random() > 0.2:
                continue
            roll = self.rng.random()
            if roll < 0.85:
                hour = self.rng.choice([8, 9, 9, 10, 10, 11, 11, 12, 14, 15, 15, 16, 16, 17])
            elif roll < 0.97:
                hour = self.rng.randint(18, 22)
            else:
                hour = self.rng.randint(5, 7)
            moment = _at(day, time(hour, self.rng.randint(0, 59)), self.tz)
            if moment < self.now - timedelta(minutes=20):
                return moment

    def business_later(self, start: datetime, hours: float, *, with_schedule=True) -> datetime:
        return self.calendar.add(start, timedelta(hours=hours), with_schedule=with_schedule) or start + timedelta(
            hours=hours
        )

    def daytime(self, moment: datetime) -> datetime:
        """Customers write back in the day: a moment at night moves to the next morning."""
        local = moment.astimezone(self.tz)
        if 7 <= local.hour < 21:
            return local
        day = local.date() + timedelta(days=1 if local.hour >= 21 else 0)
        return _at(day, time(self.rng.randint(7, 9), self.rng.randint(0, 59)), self.tz)

    def response_delay(self) -> float:
        """Business hours to the first response: mostly within the 4-hour target."""
        roll = self.rng.random()
        if roll < 0.72:
            return self.rng.uniform(0.2, 3.2)
        if roll < 0.9:
            return self.rng.uniform(3.2, 6)
        return self.rng.uniform(6, 14)

    # Words ------------------------------------------------------------------------------

    def slots(self, contact: Contact, language: str) -> dict:
        rng = self.rng
        product_it, product_en, topic = rng.choice(texts.PRODUCTS)
        return {
            "product": product_it if language == "it" else product_en,
            "topic": topic,
            "size": rng.choice(texts.SIZES),
            "pressure": rng.choice(texts.PRESSURES),
            "qty": rng.choice(texts.QUANTITIES),
            "org": contact.organisation,
            "town": self.places.get(contact.email, ("Vicenza", ""))[0],
            "country": self.places.get(contact.email, ("", "Europe"))[1],
            "trade": rng.choice(texts.CUSTOMER_TRADES),
            "plant": rng.choice(texts.PLANTS),
            "deadline": rng.choice(texts.DEADLINES_IT if language == "it" else texts.DEADLINES_EN),
            "weekday": rng.choice(texts.WEEKDAYS_IT if language == "it" else texts.WEEKDAYS_EN),
            "name": contact.name,
            "first": contact.name.partition(" ")[0],
            "phone": contact.phone or "+39 0444 512 300",
            "order": f"{rng.randint(2400, 3900)}/{timezone.localdate(self.now, self.tz).year % 100}",
            "faulty": rng.choice([2, 3, 4, 6]),
            "temp": rng.choice([40, 60, 80, 90, 120]),
            "bar": rng.choice([10, 16, 25, 40]),
            "offer": f"OF-{rng.randint(1200, 2900)}",
            "price": f"{rng.uniform(3, 180):.2f}".replace(".", "," if language == "it" else "."),
            "days": rng.choice([3, 5, 7, 10, 15]),
            "rma": f"RMA-{rng.randint(100, 999)}",
            "discount": rng.choice([5, 8, 10, 12, 15]),
            "agent": self.agent.get_full_name() or self.company.name,
            "colleague": self.colleague.first_name or self.colleague.display_name,
        }

    # Conversations ------------------------------------------------------------------------

    def message(self, thread: _Thread, direction, when: datetime, text: str, **extra) -> Message:
        message = Message(
            company=self.company,
            conversation=thread.conversation,
            direction=direction,
            body_text=text,
            created_at=when,
            **extra,
        )
        if direction == Message.Direction.OUT:
            message.message_id = new_message_id()
            message.sent_at = when
        thread.messages.append(message)
        return message

    def conversation(self, contact, channel, received: datetime, language: str, kind: str, slots: dict) -> _Thread:
        bank = texts.ENQUIRIES[kind][language]
        subject = self.rng.choice(bank["subjects"]).format(**slots)
        text = self.rng.choice(bank["texts"]).format(**slots)
        conversation = Conversation(
            company=self.company,
            channel=channel,
            contact=contact,
            subject=subject[:250],
            language=language,
            topic=slots["topic"],
            created_at=received,
            last_activity_at=received,
            first_response_due_at=self.business_later(received, self.target.total_seconds() / 3600),
            spam_score=spam_score(text=text, subject=subject, email=contact.email),
        )
        if kind == "complaint":
            conversation.priority = self.rng.choice(
                [Conversation.Priority.HIGH, Conversation.Priority.HIGH, Conversation.Priority.URGENT]
            )
        if channel.kind == IntakeChannel.Kind.FORM and self.rng.random() < 0.6:
            conversation.landing_page = self.rng.choice(texts.LANDING_PAGES)
            if self.rng.random() < 0.55:
                source, medium, campaign = self.rng.choice(texts.CAMPAIGNS)
                conversation.utm_source, conversation.utm_medium, conversation.utm_campaign = source, medium, campaign
            else:
                conversation.referrer = "https://www.google.com/"
        thread = _Thread(conversation, kind, tags={TAG_OF_KIND[kind]})
        if contact.kind == Contact.Kind.CUSTOMER:
            thread.tags.add("cliente")
        self.message(thread, Message.Direction.IN, received, text)
        return thread

    def play(self, thread: _Thread, slots: dict, language: str) -> None:
        """Replies, routing, follow-ups and the status, as far as they happened before now."""
        conversation, rng, now = thread.conversation, self.rng, self.now
        age = now - conversation.created_at
        if conversation.channel.auto_acknowledge and conversation.contact.email:
            ack_at = conversation.created_at + timedelta(seconds=rng.randint(20, 90))
            thread.acknowledgement = self.message(thread, Message.Direction.OUT, ack_at, "", is_automatic=True)
        if age < timedelta(days=4) and rng.random() < 0.5:  # the morning's work still to do
            return self._status(thread, None, rng.choice([Conversation.Status.NEW] * 2 + [Conversation.Status.OPEN]))
        first_at = self.business_later(conversation.created_at, self.response_delay())
        if first_at >= now:
            return self._status(thread, None, Conversation.Status.NEW)
        routed = thread.kind in ("quote", "technical") and rng.random() < 0.28
        if routed:
            self.message(
                thread,
                Message.Direction.OUT,
                first_at,
                texts.HOLDING_REPLY[language].format(**slots),
                author=self.agent,
            )
            note = rng.choice(texts.ROUTING_NOTES).format(**slots)
            self.message(thread, Message.Direction.NOTE, first_at + timedelta(minutes=1), note, author=self.agent)
            conversation.routed_to, conversation.department = self.colleague, "sales"
            answer_at = self.business_later(first_at, rng.uniform(1, 10), with_schedule=False)
            if answer_at >= now:
                return self._status(thread, first_at, Conversation.Status.WAITING_COLLEAGUE)
            answer = rng.choice(texts.COLLEAGUE_ANSWERS[language]).format(**slots)
            thread.answered_by_colleague = self.message(
                thread, Message.Direction.OUT, answer_at, answer, author=self.colleague
            )
        else:
            reply = rng.choice(texts.REPLIES[thread.kind][language]).format(**slots)
            self.message(thread, Message.Direction.OUT, first_at, reply, author=self.agent)
        last = thread.messages[-1].created_at
        if rng.random() < 0.06:  # the consultant coaching the trainee in the margin
            coaching = rng.choice(texts.COACHING_NOTES).format(agent=self.agent.first_name or self.agent.display_name)
            self.message(
                thread,
                Message.Direction.NOTE,
                last + timedelta(minutes=rng.randint(20, 300)),
                coaching,
                author=self.consultant,
            )
            if thread.messages[-1].created_at >= now:
                thread.messages.pop()
        if rng.random() < 0.5:
            follow_at = self.daytime(last + timedelta(hours=rng.uniform(1, 40)))
            if follow_at < now:
                self.message(thread, Message.Direction.IN, follow_at, rng.choice(texts.FOLLOW_UPS[language]))
                closing_at = self.business_later(follow_at, rng.uniform(0.2, 3))
                if closing_at < now and rng.random() < 0.6:
                    self.message(
                        thread,
                        Message.Direction.OUT,
                        closing_at,
                        texts.CLOSINGS[language].format(**slots),
                        author=self.agent,
                    )
        days = age.days
        weights = {
            Conversation.Status.RESOLVED: 90 if days > 10 else (60 if days > 3 else 25),
            Conversation.Status.WAITING_CUSTOMER: 6 if days > 10 else (25 if days > 3 else 35),
            Conversation.Status.OPEN: 4 if days > 10 else (15 if days > 3 else 40),
        }
        status = rng.choices(list(weights), weights=list(weights.values()))[0]
        self._status(thread, first_at, status)

    def _status(self, thread: _Thread, first_at: datetime | None, status: str) -> None:
        conversation = thread.conversation
        conversation.status = status
        conversation.last_activity_at = max(m.created_at for m in thread.messages)
        if status != Conversation.Status.NEW or self.rng.random() < 0.5:
            conversation.assignee = self.agent
        if first_at is not None:
            conversation.first_response_at = first_at
            conversation.first_response_seconds = self.calendar.seconds(conversation.created_at, first_at)
        elif conversation.first_response_due_at < self.now - timedelta(days=2):
            conversation.sla_alerted_at = conversation.first_response_due_at  # alerted back then
        if status == Conversation.Status.RESOLVED:
            resolved = conversation.last_activity_at + timedelta(minutes=self.rng.randint(5, 600))
            conversation.resolved_at = min(resolved, self.now)
            conversation.resolution_seconds = self.calendar.seconds(conversation.created_at, conversation.resolved_at)
        # Threading as the mail task would have written it.
        chain = []
        for message in thread.messages:
            if message.direction == Message.Direction.OUT:
                message.in_reply_to = chain[-1] if chain else ""
                message.references = " ".join(chain[-20:])
                chain.append(message.message_id)

    def spam(self, channel, contacts: dict[str, Contact]) -> _Thread:
        subject, text, email = self.rng.choice(texts.SPAM)
        received = self.received_at()
        conversation = Conversation(
            company=self.company,
            channel=channel,
            contact=contacts[email],
            subject=subject,
            status=Conversation.Status.SPAM,
            language="it" if "Gentile" in text or "Guadagno" in text else "en",
            created_at=received,
            last_activity_at=received,
            first_response_due_at=self.business_later(received, self.target.total_seconds() / 3600),
            spam_score=max(spam_score(text=text, subject=subject, email=email), 0.75),
        )
        thread = _Thread(conversation, "spam")
        self.message(thread, Message.Direction.IN, received, text)
        return thread

    # Everything --------------------------------------------------------------------------

    def run(self) -> int:
        form, _created = IntakeChannel.objects.get_or_create(
            company=self.company,
            kind=IntakeChannel.Kind.FORM,
            defaults={"name": "Modulo contatti del sito", "allowed_origins": "https://www.officineberica.example"},
        )
        webhook, _created = IntakeChannel.objects.get_or_create(
            company=self.company,
            kind=IntakeChannel.Kind.WEBHOOK,
            defaults={"name": "Configuratore prodotti", "auto_acknowledge": False},
        )
        tags = {}
        for name in TAGS:
            tags[name], _created = Tag.objects.get_or_create(company=self.company, name=name)
        italian, foreign = self.contacts()
        spam_contacts = self.spam_contacts()

        threads = []
        for _ in range(self.count):
            if self.rng.random() < SPAM_SHARE:
                threads.append(self.spam(form, spam_contacts))
                continue
            language = "en" if self.rng.random() < ENGLISH_SHARE else "it"
            kind = self.rng.choices([k for k, _w in KINDS], weights=[w for _k, w in KINDS])[0]
            pool = foreign if language == "en" else italian
            if kind in ("support", "complaint"):
                pool = [c for c in pool if c.kind == Contact.Kind.CUSTOMER] or pool
            received = self.received_at()
            contact = self.pick_contact(pool, received)
            channel = webhook if kind == "quote" and self.rng.random() < 0.15 else form
            slots = self.slots(contact, language)
            thread = self.conversation(contact, channel, received, language, kind, slots)
            self.play(thread, slots, language)
            threads.append(thread)

        Conversation.objects.bulk_create([t.conversation for t in threads])
        for thread in threads:  # the foreign key is set before bulk_create, the id only after
            for message in thread.messages:
                message.conversation = thread.conversation
            ack = thread.acknowledgement
            if ack is not None:  # its text names the conversation's reference number
                conversation = thread.conversation
                due = conversation.first_response_due_at
                ack.body_text, ack.body_html = acknowledgement_content(conversation, due=due, now=ack.created_at)
        Message.objects.bulk_create([m for t in threads for m in t.messages])
        Through = Conversation.tags.through
        Through.objects.bulk_create(
            Through(conversation_id=t.conversation.pk, tag_id=tags[name].pk) for t in threads for name in t.tags
        )
        self.canned_replies(threads)
        return len(threads)

    def canned_replies(self, threads: list[_Thread]) -> None:
        if CannedReply.objects.for_company(self.company).exists():
            return
        replies = [
            CannedReply(
                company=self.company, language=language, title=title, topic=topic, body=body, created_by=self.agent
            )
            for language, title, topic, body in texts.CANNED_REPLIES
        ]
        # The knowledge base grows from real answers: one saved from a colleague's reply.
        source = next(
            (t.answered_by_colleague for t in threads if t.answered_by_colleague and t.conversation.language == "it"),
            None,
        )
        if source is not None:
            replies.append(
                CannedReply(
                    company=self.company,
                    language="it",
                    title="Sconto quantità e offerta dedicata (dall'ufficio commerciale)",
                    topic="preventivo",
                    body=source.body_text,
                    source_message=source,
                    created_by=self.agent,
                    use_count=self.rng.randint(3, 12),
                )
            )
        CannedReply.objects.bulk_create(replies)


def _at(day: date, clock: time, tz) -> datetime:
    return datetime.combine(day, clock, tzinfo=tz)


def seed_demo_inbox(
    company: Company, *, digital_manager: User, consultant: User, colleague_sales: User, today: date, count: int = 300
) -> int:
    """The demo inbox of `company`; does nothing when it already has conversations.

    Call it after the trainee's schedule is seeded, so that response times follow it.
    Returns the number of conversations created.
    """
    if Conversation.objects.for_company(company).exists():
        return 0
    with transaction.atomic():
        return _Seeder(
            company,
            digital_manager=digital_manager,
            consultant=consultant,
            colleague_sales=colleague_sales,
            today=today,
            count=count,
        ).run()
