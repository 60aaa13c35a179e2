"""The widget's calls under /in/chat/<key>/: start, send, poll — what is stored and who may read it."""

import pytest

from inbox.chat.models import ChatSession
from inbox.chat.tokens import token_for
from inbox.models import Contact, Conversation, InboundItem, Message
from inbox.services import inbound_process
from tests.factories import CompanyFactory
from tests.inbox.chat.factories import ALLOWED_ORIGIN, ChatChannelFactory
from tests.inbox.factories import AttachmentFactory, MessageFactory


def test_the_first_line_opens_a_conversation_of_the_chat_channel_through_intake(visitor, chat_channel):
    response = visitor.start(
        "Buongiorno, avete flange DN50 in pronta consegna?",
        landing_page="https://www.officine-test.example/flange?utm_source=newsletter",
        utm_source="newsletter",
    )

    body = response.json()
    assert body["ok"] is True
    assert body["token"]
    assert [(m["from"], m["text"]) for m in body["messages"]] == [
        ("visitor", "Buongiorno, avete flange DN50 in pronta consegna?")
    ]
    assert response["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    item = InboundItem.objects.get()
    conversation = Conversation.objects.for_company(chat_channel.company).select_related("contact").get()
    assert item.conversation == conversation
    assert item.payload["received"]["message"] == "Buongiorno, avete flange DN50 in pronta consegna?"
    assert conversation.channel == chat_channel
    assert conversation.status == Conversation.Status.NEW
    assert conversation.subject == "Buongiorno, avete flange DN50 in pronta consegna?"
    assert conversation.first_response_due_at is not None  # the SLA clock runs
    assert conversation.utm_source == "newsletter"
    assert conversation.contact.email == ""
    assert "Officine Test" in conversation.contact.consent_text
    assert ChatSession.objects.get().conversation == conversation


def test_the_first_line_gets_language_and_spam_score_like_any_enquiry(visitor):
    visitor.lang = "en"
    visitor.start("Good morning, do you have DN50 stainless steel flanges in stock?")
    item = InboundItem.objects.get()

    assert inbound_process(item_id=item.pk) is True

    conversation = Conversation.objects.get()
    assert conversation.language == "en"
    assert conversation.spam_score is not None
    assert not Message.objects.filter(is_automatic=True).exists()  # the chat itself acknowledges


def test_later_lines_become_messages_of_the_same_conversation(visitor):
    visitor.start()
    response = visitor.send("Mi servono 200 pezzi.")

    assert response.status_code == 201
    assert [m["text"] for m in response.json()["messages"]] == ["Mi servono 200 pezzi."]
    conversation = Conversation.objects.get()
    assert list(conversation.messages.values_list("body_text", flat=True)) == [
        "Buongiorno, avete flange DN50 in pronta consegna?",
        "Mi servono 200 pezzi.",
    ]
    assert InboundItem.objects.count() == 2  # every line stored as received, first


def test_a_line_sent_twice_with_the_same_key_is_stored_once(visitor):
    visitor.start(client_key="first-line-0001")
    assert visitor.start(client_key="first-line-0001").json()["token"]
    first = visitor.send("Quanto costano?", client_key="second-line-001")
    again = visitor.send("Quanto costano?", client_key="second-line-001")

    assert first.json()["messages"][0]["id"] == again.json()["messages"][0]["id"]
    assert ChatSession.objects.count() == 1
    assert Message.objects.count() == 2


def test_a_visitor_writing_again_reopens_a_resolved_chat(visitor):
    visitor.start()
    Conversation.objects.update(status=Conversation.Status.RESOLVED)

    visitor.send("Scusate, un'altra domanda.")

    assert Conversation.objects.get().status == Conversation.Status.OPEN


def test_the_poll_shows_the_team_answers_but_never_internal_notes(visitor, digital_manager):
    visitor.start()
    conversation = Conversation.objects.get()
    digital_manager.first_name = "Giulia"
    digital_manager.save()
    MessageFactory(
        conversation=conversation,
        direction=Message.Direction.NOTE,
        body_text="Cliente importante",
        author=digital_manager,
    )
    MessageFactory(
        conversation=conversation, direction=Message.Direction.OUT, body_text="Sì, le abbiamo.", author=digital_manager
    )
    MessageFactory(conversation=conversation, direction=Message.Direction.OUT, body_text="Ricevuto", is_automatic=True)

    body = visitor.poll().json()

    assert [(m["from"], m["author"], m["text"]) for m in body["messages"]] == [
        ("visitor", "", "Buongiorno, avete flange DN50 in pronta consegna?"),
        ("team", "Giulia", "Sì, le abbiamo."),
    ]
    assert "digital@example.com" not in str(body)
    last = body["messages"][-1]["id"]
    assert visitor.poll(after=last).json()["messages"] == []


def test_an_answer_shown_in_the_open_panel_is_delivered(visitor):
    visitor.start()
    answer = MessageFactory(conversation=Conversation.objects.get(), direction=Message.Direction.OUT, body_text="Sì.")

    visitor.poll()  # fetched with the panel closed: not read yet
    answer.refresh_from_db()
    assert answer.sent_at is None

    visitor.poll(after=answer.pk, seen=answer.pk)
    answer.refresh_from_db()
    assert answer.sent_at is not None
    assert answer.message_id == ""  # delivered by the widget, not by email


def test_another_visitors_token_reads_only_its_own_chat(make_visitor):
    anna, bruno = make_visitor(ip="203.0.113.1"), make_visitor(ip="203.0.113.2")
    anna.start("Sono Anna, mi serve un preventivo.")
    bruno.start("Sono Bruno, avete un catalogo?")

    assert [m["text"] for m in anna.poll().json()["messages"]] == ["Sono Anna, mi serve un preventivo."]
    assert [m["text"] for m in bruno.poll().json()["messages"]] == ["Sono Bruno, avete un catalogo?"]


@pytest.mark.parametrize(
    "token",
    ["", "not-a-token", "tampered", "other-channel", "other-company"],
)
def test_a_missing_forged_or_foreign_token_gets_403_and_nothing_leaks(visitor, company, token):
    visitor.start("Dati riservati: ordine 4411")
    session = ChatSession.objects.get()
    if token == "tampered":
        token = visitor.token[:-3] + ("AAA" if not visitor.token.endswith("AAA") else "BBB")
    elif token == "other-channel":
        other = ChatChannelFactory(company=company, name="Altro sito")
        session.channel_id = other.pk
        token = token_for(session)  # a genuine token, signed for another channel
        session.channel_id = visitor.channel.pk
    elif token == "other-company":
        stranger = ChatSession.objects.create(
            company=(c := CompanyFactory(slug="altra")), channel=ChatChannelFactory(company=c)
        )
        token = token_for(stranger)

    for response in (
        visitor.poll(token=token or "-"),
        visitor.post("send/", {"message": "ciao"}, token=token or "-"),
        visitor.post("email/", {"email": "a@example.com"}, token=token or "-"),
    ):
        assert response.status_code == 403
        assert "4411" not in response.content.decode()
        assert response.json()["code"] == "session"
    assert Message.objects.count() == 1


def test_a_rotated_key_ends_the_chat(visitor, chat_channel):
    visitor.start()
    old_key = chat_channel.public_key
    chat_channel.public_key = "new-key-123"
    chat_channel.save()

    response = visitor.client.get(f"/in/chat/{old_key}/messages/", **visitor.headers())

    assert response.status_code == 404


def test_a_switched_off_chat_answers_404(visitor, chat_channel):
    chat_channel.is_active = False
    chat_channel.save()

    response = visitor.post("start/", {"message": "ciao"})

    assert response.status_code == 404
    assert response.json()["message"] == "Questa chat non esiste o è stata disattivata."


def test_a_website_that_is_not_allowed_is_refused(make_visitor):
    stranger = make_visitor(origin="https://copia.example")

    response = stranger.post("start/", {"message": "ciao"})

    assert response.status_code == 403
    assert "Access-Control-Allow-Origin" not in response
    assert not InboundItem.objects.exists()


def test_the_preflight_allows_the_token_header_for_allowed_websites_only(client, chat_channel):
    url = f"/in/chat/{chat_channel.public_key}/messages/"
    asked = {"HTTP_ACCESS_CONTROL_REQUEST_HEADERS": "authorization, content-type"}

    allowed = client.options(url, HTTP_ORIGIN=ALLOWED_ORIGIN, **asked)
    refused = client.options(url, HTTP_ORIGIN="https://copia.example", **asked)

    assert allowed.status_code == 204
    assert allowed["Access-Control-Allow-Origin"] == ALLOWED_ORIGIN
    assert allowed["Access-Control-Allow-Headers"] == "authorization, content-type"
    assert refused.status_code == 403


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"message": "   "}, "message", "Scrivi prima un messaggio."),
        ({"message": "x" * 2001}, "message", "Il tuo messaggio è troppo lungo: scrivi al massimo 2000 caratteri"),
        ({"message": "Ciao", "email": "anna@"}, "email", "Questo indirizzo email non sembra giusto"),
    ],
)
def test_bad_input_is_refused_with_a_clear_italian_message_and_nothing_is_stored(visitor, data, field, message):
    response = visitor.post("start/", data)

    assert response.status_code == 400
    assert response.json()["errors"][field][0].startswith(message)
    assert response.json()["message"].startswith(message)
    assert not InboundItem.objects.exists()
    assert not Contact.objects.exists()


def test_bad_input_is_explained_in_english_to_an_english_visitor(visitor):
    visitor.lang = "en"
    response = visitor.post("start/", {"message": "x" * 2001})

    assert response.json()["errors"]["message"] == [
        "Your message is too long: write at most 2000 characters, or send it in two parts."
    ]


def test_a_later_line_that_is_too_long_is_refused(visitor):
    visitor.start()
    response = visitor.send("x" * 2001)

    assert response.status_code == 400
    assert Message.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [("{not json", "application/json", 400), ("[1, 2]", "application/json", 400), ("message=ciao", "text/plain", 415)],
)
def test_a_body_that_is_not_a_json_object_is_refused(client, chat_channel, body, content_type, status):
    response = client.post(
        f"/in/chat/{chat_channel.public_key}/start/", body, content_type=content_type, HTTP_ORIGIN=ALLOWED_ORIGIN
    )
    assert response.status_code == status
    assert not InboundItem.objects.exists()


def test_a_huge_body_is_refused_before_it_is_read(visitor):
    response = visitor.post("start/", {"message": "x" * 20_000})
    assert response.status_code == 413


def test_the_wrong_method_gets_405(visitor):
    assert visitor.get("start/").status_code == 405
    assert visitor.post("hello/", {}).status_code == 405


def test_the_files_of_an_answer_are_downloaded_by_the_link_only_that_chat_received(
    visitor, make_visitor, settings, tmp_path, django_assert_max_num_queries
):
    settings.MEDIA_ROOT = str(tmp_path)
    visitor.start()
    answer = MessageFactory(conversation=Conversation.objects.get(), direction=Message.Direction.OUT, body_text="Ecco")
    AttachmentFactory(message=answer, filename="scheda-DN50.pdf")
    stranger = make_visitor(ip="203.0.113.99")
    stranger.start("Un'altra chat")

    files = visitor.poll().json()["messages"][-1]["files"]
    assert [f["name"] for f in files] == ["scheda-DN50.pdf"]
    url = files[0]["url"].removeprefix("http://testserver")
    # the file, if it belongs to an answer of the chat the link names, on this channel
    with django_assert_max_num_queries(1):
        download = visitor.client.get(url)
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test"

    token = url.rstrip("/").rsplit("/", 1)[1]
    assert visitor.client.get(url.replace(token, token[:-2] + "xx")).status_code == 404
    other_key = stranger.channel.public_key
    assert visitor.client.get(url.replace(visitor.channel.public_key, other_key + "x")).status_code == 404
    assert [m["files"] for m in stranger.poll().json()["messages"]] == [[]]


def test_tracking_fields_never_stop_a_chat(visitor):
    visitor.start(
        landing_page="https://www.officine-test.example/" + "x" * 600, utm_source="y" * 600, referrer="not a url"
    )

    conversation = Conversation.objects.get()
    assert (conversation.landing_page, conversation.referrer, conversation.utm_source) == ("", "", "")
