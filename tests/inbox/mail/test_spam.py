import pytest

from inbox.spam import SPAM_THRESHOLD, is_spam, spam_score, spam_signals

GENUINE = (
    "Buongiorno, siamo un'impresa di impianti termoidraulici di Bassano. Ci servirebbe un preventivo "
    "per 40 valvole a sfera DN25 PN40 con attacco filettato, consegna entro fine mese. Grazie."
)


def score(text=GENUINE, subject="Richiesta preventivo valvole", email="acquisti@meccanica-bassano.example", **kw):
    return spam_score(text=text, subject=subject, email=email, **kw)


def test_a_genuine_enquiry_scores_zero():
    assert score() == 0.0
    assert not is_spam(score())


def test_a_filled_honeypot_is_certain_spam():
    assert score(honeypot_filled=True) == 1.0


def test_seo_offers_with_many_links_are_spam():
    text = (
        "We offer SEO services to get you on the first page of Google! Guest post and backlinks: "
        "https://a.example https://b.example https://c.example https://d.example"
    )
    assert is_spam(score(text=text, subject="Business proposal"))


def test_italian_spam_words_count_too():
    text = "Servizi SEO per la prima pagina di Google: clicca qui per aumentare il traffico del tuo sito."
    assert is_spam(score(text=text, subject="Proposta"))


def test_one_link_in_a_real_message_is_fine():
    assert score(text=GENUINE + " Scheda tecnica: https://www.example.com/valvola.pdf") == 0.0


def test_a_very_short_text_with_a_link_is_suspicious_but_not_spam_alone():
    value = score(text="ciao https://bit.ly/xyz")
    assert 0 < value < SPAM_THRESHOLD


def test_a_short_link_from_a_throwaway_address_is_spam():
    assert is_spam(score(text="look https://bit.ly/xyz", email="bot@mailinator.com"))


def test_a_shouted_subject_is_a_signal():
    assert spam_signals(text=GENUINE, subject="URGENTE OFFERTA IMPERDIBILE", email="") == {"shouted_subject": 0.3}
    assert "shouted_subject" not in spam_signals(text=GENUINE, subject="DN50", email="")


def test_throwaway_domains_match_subdomains_and_ignore_case():
    assert "throwaway_email" in spam_signals(text=GENUINE, subject="x", email="Bot@Mail.YOPMAIL.com")
    assert "throwaway_email" not in spam_signals(text=GENUINE, subject="x", email="info@notyopmail.com")


def test_spam_words_match_whole_words_only():
    # "seo" hides in "Seoul" and "museo": neither is an SEO offer.
    assert spam_signals(text="Spediamo al museo di Seoul.", subject="x", email="") == {}


def test_the_score_stays_between_zero_and_one():
    text = "viagra casino crypto bitcoin forex " + " ".join(f"https://spam{i}.example" for i in range(10))
    value = score(text=text, subject="WIN BIG MONEY NOW", email="a@mailinator.com", honeypot_filled=True)
    assert value == 1.0
    value = score(text=text, subject="WIN BIG MONEY NOW", email="a@mailinator.com")
    assert SPAM_THRESHOLD < value < 1.0


@pytest.mark.parametrize("value", [None, 0.0, 0.59])
def test_below_the_threshold_is_not_spam(value):
    assert not is_spam(value)
