"""Quotes in two languages (service.merge.quote_xlang) and a chant quoted inside another speaker's
quotation (quotes.relate); every quote written for these tests."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from service.merge import quote_gloss
from service.merge.quote_keys import quote_segments
from service.merge.quote_xlang import (
    LEXICON_FILE,
    score_pairs,
    text_keys,
    translations,
    word_key,
    xlang_pairs,
    xlang_score,
)
from service.merge.quotes import Form, relate


@dataclass
class _F:
    speaker: str | None
    words: tuple[str, ...]
    lang: str | None
    text: str
    xkeys: tuple[str, ...] | None = None


@pytest.fixture(autouse=True)
def _no_dictionary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """These rules hold without the word table of quote_gloss (built on the user's machine)."""
    monkeypatch.setattr(quote_gloss, "DICT_FILE", tmp_path / "absent.tsv")
    quote_gloss.reset()
    yield
    quote_gloss.reset()


def _f(text: str, lang: str, speaker: str | None = "s1") -> _F:
    return _F(speaker, tuple(w for s in quote_segments(text) for w in s), lang, text)


def _keys(text: str) -> tuple[str, ...]:
    f = _f(text, "xx")
    return text_keys(f.text, f.words)


def test_numbers_and_dates_have_one_key_in_every_language() -> None:
    assert {word_key(w) for w in ("forty", "cuarenta", "quaranta", "vierzig")} == {"#40"}
    assert {word_key(w) for w in ("april", "avril", "abril", "aprile")} == {"@m4"}
    assert word_key("lunes") == word_key("monday") != word_key("tuesday")
    # written the local way: thousands separators go, a decimal comma is a point
    assert _keys("divided among 6,000 families") == ("divided", "families", "#6000")
    assert "#6000" in _keys("entre 6.000 familias")
    assert _keys("4,5 pour cent")[-1] == _keys("4.5 per cent")[-1] == "#4.5"
    # articles, function words and the English modal "may" carry nothing across languages;
    # English "once" is no Spanish eleven
    assert all(word_key(w) is None for w in ("une", "the", "pour", "werden", "may"))
    assert word_key("once") != word_key("eleven") == word_key("onze")


def test_hundreds_and_thousands_read_whole_in_words_and_in_one_word() -> None:
    # German, Dutch, Spanish, Italian and Polish write them as one word, English as two
    got = [_keys(t)[0] for t in ("Sechshundert", "zeshonderd", "seiscientos", "seicento")]
    assert got == ["#600"] * 4
    assert _keys("Sześćset rodzin")[0] == _keys("six hundred families")[0] == _keys("600")[0]
    assert _keys("two thousand nurses")[0] == "#2000" == _keys("zweitausend")[0]
    # digits before a thousand word, and thousands grouped by a space (French, Polish)
    assert "#40000" in _keys("40 mil pessoas")
    assert "#40000" in _keys("40,000 people") and "#12000" in _keys("12 000 voitures")
    assert _keys("between 10 and 20")[1:] == ("#10", "#20")
    # millions stay two numbers, as "2 million" reads; a word that merely ends like a multiplier
    # ("offset", "percent") is no number
    assert _keys("two million")[:2] == ("#2", "#1000000")
    assert all(not k.startswith("#") for k in _keys("offset percent sunset"))


def test_a_german_or_dutch_participle_matches_its_stem() -> None:
    assert xlang_score(_keys("it cost too much"), _keys("es hat zu viel gekostet")) == 1
    assert xlang_score(_keys("we tested it"), _keys("wir haben es getestet")) == 1
    # only long words ending as participles lose "ge": "general", "gelden" keep it
    assert word_key("general") == "general" and word_key("gelden") == "gelden"


def test_cognates_are_matched_one_to_one() -> None:
    assert xlang_score(_keys("the alarm rang"), _keys("l'allarme ha suonato")) == 1
    assert xlang_score(_keys("identified"), _keys("identificato")) == 1
    assert xlang_score(_keys("the economy"), _keys("la economía")) == 1
    assert xlang_score(_keys("minutes minutes"), _keys("minuti")) == 1  # one to one
    assert xlang_score(_keys("the harvest was lost"), _keys("die Ernte ging verloren")) == 0


EN = "We found corrosion on 38 of the 112 cable anchors, far more than the 2019 check predicted"
FR = "Nous avons trouvé de la corrosion sur 38 des 112 ancrages de câbles, bien plus que prévu en 2019"
EN_OTHER = "The 2019 report said the cables would last until 2040 without any repairs at all"


def test_a_translation_is_each_sides_best_match() -> None:
    forms = [_f(EN, "en"), _f(EN_OTHER, "en"), _f(FR, "fr")]
    pairs = xlang_pairs(forms)
    assert (0, 2) in pairs and (1, 2) in pairs and (0, 1) not in pairs  # two languages only
    got = {(i, j): lean for i, j, lean, _ in translations(forms, score_pairs(forms, pairs))}
    assert got[(0, 2)] is True
    assert got.get((1, 2)) is not True  # shares 2019 and cables, but is not the best match


def test_across_speakers_a_translation_needs_two_shared_words() -> None:
    en = _f("The thieves cut the alarm and were gone in four minutes", "en", "a1")
    one = _f("Les voleurs ont coupé l'alarme et sont partis", "fr", "name:la directrice")
    assert translations([en, one], score_pairs([en, one], xlang_pairs([en, one]))) == []
    two = _f("Les voleurs ont coupé l'alarme et sont partis en quatre minutes", "fr", None)
    [(_, _, lean, hint)] = translations([en, two], score_pairs([en, two], xlang_pairs([en, two])))
    assert lean and "3 shared" in hint
    # one speaker on both sides: one shared word is enough for the best match
    same = _f("Les voleurs ont coupé l'alarme et sont partis", "fr", "a1")
    [(_, _, lean, _)] = translations([en, same], score_pairs([en, same], [(0, 1)]))
    assert lean


def _form(text: str, speaker: str | None) -> Form:
    segs = quote_segments(text)
    words = tuple(w for s in segs for w in s)
    return Form(0, speaker, words, segs, " " + " ".join(words) + " ", -1, "en", None, [], text)


def test_a_chant_inside_another_speakers_quotation_is_another_utterance() -> None:
    chant = _form("Hands off our bridge, hands off our town", None)
    quoting = _form(
        "People outside are chanting hands off our bridge, hands off our town, and I see why",
        "a-holm",
    )
    assert relate(quoting, chant) is None
    # the same words without a reporting verb before them: an excerpt, whoever is named
    excerpt = _form("We told them hands off our bridge, hands off our town, and meant it", "a-m")
    assert relate(excerpt, chant) is not None and relate(excerpt, chant)[0] == "contains"
    # one speaker on both sides: their own words, quoted again
    assert relate(quoting, _form("Hands off our bridge, hands off our town", "a-holm"))


def test_time_words_have_one_key_in_every_language() -> None:
    # from locale data (xlang_lexicon.tsv): "every day" / "elke dag"'s plural kin / "todos los días"
    assert {word_key(w) for w in ("weeks", "semanas", "wochen", "settimane", "tygodnie")} == {
        "~week"
    }
    assert word_key("day") == word_key("dias") == word_key("tag") == "~day"
    assert word_key("gestern") == word_key("ayer") == word_key("yesterday") != word_key("today")
    assert word_key("noche") == word_key("night") == word_key("abend")  # tonight: "heute Abend"
    # German and Dutch "hier" is "here", not French "yesterday"; Spanish "mes" is French "my"
    assert word_key("hier") is None and word_key("mes") is None
    # a time word is matched whole, never as a cognate of another notion
    assert xlang_score(_keys("three weeks from today"), _keys("tres semanas desde ayer")) == 1


def test_a_word_for_two_time_notions_keys_both() -> None:
    # "tonight" is "esta noche", "heute Abend", "stasera": today and night in one word
    assert xlang_score(_keys("nobody sleeps at home tonight"), _keys("esta noche")) == 1
    assert xlang_score(_keys("tonight"), _keys("heute Abend")) == 2
    assert xlang_score(_keys("stasera"), _keys("heute Abend")) == 2
    assert xlang_score(_keys("stamattina"), _keys("heute Abend")) == 1  # today, not the night
    # French "nuit" (CLDR's part-of-day name is "matin") and the nights of a hotel stay
    assert word_key("nuit") == word_key("notte") == word_key("nights") == "~night"
    assert word_key("noc") == "~night" != word_key("noce")  # Italian "walnut" too
    # Italian "sera" (evening) is French "will be" too ("ce sera"): only "stasera" is read
    assert word_key("sera") != "~night" and word_key("soir") == "~night"


def test_an_adverb_ending_does_not_hide_a_cognate() -> None:
    a, b = _keys("he did exactly what we planned"), _keys("ha fatto esattamente quanto previsto")
    assert xlang_score(a, b) == 1
    assert word_key("family") == "famili" and word_key("finally") == word_key("finalmente")


def test_the_lexicon_is_what_the_locale_data_gives() -> None:
    pytest.importorskip("babel")
    pytest.importorskip("dateparser")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from build_xlang_lexicon import OUT, lines

    assert OUT == LEXICON_FILE
    assert LEXICON_FILE.read_text(encoding="utf-8") == "\n".join(lines()) + "\n"
