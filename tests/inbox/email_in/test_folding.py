"""Quoted history and signatures split off an email's text (shown folded on the conversation page)."""

import pytest

from inbox.email_in.folding import split_quoted


def test_text_without_history_is_left_whole():
    assert split_quoted("Buongiorno,\nvorrei un preventivo.\n") == ("Buongiorno,\nvorrei un preventivo.", "")


@pytest.mark.parametrize(
    "attribution",
    [
        "On Mon, 5 Feb 2024 at 10:00, Officine Test <info@officine-test.example> wrote:",
        "Il giorno lun 5 feb 2024 alle ore 10:00 Officine Test <info@officine-test.example> ha scritto:",
        "Il 05/02/2024 10:00, Officine Test ha scritto:",
        "In data 5 febbraio 2024, Officine Test scrisse:",
        "Am 05.02.2024 um 10:00 schrieb Officine Test <info@officine-test.example>:",
        "Le lun. 5 févr. 2024 à 10:00, Officine Test a écrit :",
    ],
)
def test_an_attribution_line_starts_the_history(attribution):
    text = f"Grazie, confermo.\n\n{attribution}\n> Ecco il preventivo.\n> Saluti"
    body, rest = split_quoted(text)
    assert body == "Grazie, confermo."
    assert rest.startswith(attribution)
    assert rest.endswith("> Saluti")


def test_a_wrapped_gmail_attribution_is_recognised():
    text = "Va bene.\n\nOn Mon, 5 Feb 2024 at 10:00, Mario Rossi <\nmario@example.com> wrote:\n> ciao"
    assert split_quoted(text) == (
        "Va bene.",
        "On Mon, 5 Feb 2024 at 10:00, Mario Rossi <\nmario@example.com> wrote:\n> ciao",
    )


def test_the_signature_delimiter_starts_the_fold():
    assert split_quoted("Confermo l'ordine.\n-- \nMario Rossi\nUfficio acquisti") == (
        "Confermo l'ordine.",
        "-- \nMario Rossi\nUfficio acquisti",
    )


@pytest.mark.parametrize(
    "header",
    [
        "-----Original Message-----\nFrom: Officine Test\nSent: Monday",
        "-----Messaggio originale-----\nDa: Officine Test\nInviato: lunedì",
        "________________________________\nDa: Officine Test <info@officine-test.example>\nInviato: lunedì 5 febbraio",
        "Da: Officine Test <info@officine-test.example>\nInviato: lunedì 5 febbraio 2024 10:00\nA: Mario\nOggetto: R: preventivo",
        "From: Officine Test <info@officine-test.example>\nDate: Monday\nTo: Mario\nSubject: RE: quote",
    ],
)
def test_outlook_headers_start_the_history(header):
    body, rest = split_quoted(f"Ok per me.\n\n{header}\n\nTesto precedente.")
    assert body == "Ok per me."
    assert rest.startswith(header.splitlines()[0])


def test_a_trailing_quote_is_folded_with_the_line_that_introduces_it():
    text = "Perfetto, grazie.\n\nMario ha scritto quanto segue:\n> riga uno\n>\n> riga due\n"
    assert split_quoted(text) == ("Perfetto, grazie.", "Mario ha scritto quanto segue:\n> riga uno\n>\n> riga due")


def test_answers_written_between_quoted_lines_stay_visible():
    text = "> Quante flange?\n200.\n> In che materiale?\nInox."
    assert split_quoted(text) == (text, "")


def test_a_quote_followed_by_a_signature_is_folded_from_the_quote():
    text = "Sì.\n> Confermi?\n-- \nMario"
    assert split_quoted(text) == ("Sì.", "> Confermi?\n-- \nMario")


def test_nothing_is_folded_when_nothing_new_would_remain():
    text = "-----Original Message-----\nFrom: Officine Test\nSent: Monday\n\nTesto inoltrato."
    assert split_quoted(text) == (text, "")
    assert split_quoted("> solo una citazione") == ("> solo una citazione", "")


def test_a_dash_line_inside_the_text_is_not_a_signature():
    text = "Misure:\n--- 10 mm\n---- 20 mm"
    assert split_quoted(text) == (text, "")


def test_windows_line_endings_are_handled():
    assert split_quoted("Ok.\r\n-- \r\nMario") == ("Ok.", "-- \nMario")
