"""Dialogue dashes: speech opened by a dash at a paragraph's start in non-English news
(service.extract.dash_quotes, merged in by service.extract.quotes.find_quotes). Invented texts."""

from __future__ import annotations

import random
import re

from service.extract.actors import extract_actors
from service.extract.dash_quotes import find_dash_quotes, has_dash_paragraph
from service.extract.quotes import _paragraphs, find_quotes
from service.extract.speakers import attribute


def _quotes(text: str) -> list[tuple[str, str | None]]:
    spans = find_quotes(text)
    actors = extract_actors(text, spans)
    attrs = attribute(text, spans, actors)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
    return [(text[s.start : s.end], a.speaker) for s, a in zip(spans, attrs, strict=True)]


def test_swedish_dash_speech_with_comma_and_speech_verb():
    text = (
        "Färjan mellan Norrvik och Holmö ställs in under hela vintern, meddelade trafikverket på "
        "tisdagen.\n\n– Det är en svår dag för oss som bor på ön, säger Anna Bergström, som driver "
        "affären i hamnen.\n\nTrafikverket lovar att se över tidtabellen till våren."
    )
    got = _quotes(text)
    assert got == [("Det är en svår dag för oss som bor på ön,", "Anna Bergström")]


def test_danish_hyphen_for_the_dash_and_a_bullet_list_left_alone():
    """Danish web copy types '- ' for the dialogue dash; a hyphen list with no speech verb in its
    lines stays no speech."""
    text = (
        "Borgmester Henrik Lund (K) afviser kritikken af den nye havneplan.\n\n- Vi har lyttet "
        "til alle parter, siger Henrik Lund.\n\nPlanen indeholder:\n\n- en ny kaj\n\n- flere "
        "parkeringspladser"
    )
    assert _quotes(text) == [("Vi har lyttet til alle parter,", "Henrik Lund")]


def test_a_hyphen_list_outside_danish_and_norwegian_is_no_speech():
    """A hyphen opens dialogue only in Danish and Norwegian copy: a French bullet list, even one
    whose first item names a speaker, holds no quotation (nor turns after one)."""
    text = (
        "Le maire de Valcourt a présenté le budget devant le conseil municipal lundi soir.\n\n"
        "- Les prix augmentent, explique le maire.\n\n- Les salaires baissent.\n\n"
        "- Les loyers montent."
    )
    assert _quotes(text) == []


def test_spanish_closing_dash_and_following_turn():
    text = (
        "Valdeolmos (Teruel). La panadería del pueblo cierra tras sesenta años. Su dueño, Julián "
        "Arroyo, amasa la última hornada.\n\n—Antes venía gente de toda la comarca —cuenta Julián "
        "Arroyo.\n\n—Ahora no quedan ni veinte vecinos.\n\nEl ayuntamiento busca un nuevo "
        "panadero."
    )
    got = _quotes(text)
    assert got == [
        ("Antes venía gente de toda la comarca", "Julián Arroyo"),
        ("Ahora no quedan ni veinte vecinos.", "Julián Arroyo"),
    ]


def test_russian_comma_dash_attribution_and_resumed_speech():
    text = (
        "В посёлке Лесной закрыли единственную аптеку. Жителям приходится ездить в город.\n\n"
        "— Мы не уйдём, пока нам не вернут аптеку, — сказал Иван Петров. — Нас здесь триста "
        "человек.\n\nВ администрации района пообещали рассмотреть обращение."
    )
    got = _quotes(text)
    assert [t for t, _ in got] == [
        "Мы не уйдём, пока нам не вернут аптеку,",
        "Нас здесь триста человек.",
    ]
    assert [s for _, s in got] == ["Иван Петров", "Иван Петров"]


def test_polish_en_dash_attribution():
    text = (
        "Mieszkańcy Dąbrówki protestują przeciwko budowie spalarni odpadów pod miastem.\n\n"
        "– Nie zgadzamy się na to, co planuje gmina – powiedział Marek Nowak z komitetu "
        "protestacyjnego.\n\nBurmistrz ma odpowiedzieć na petycję w przyszłym tygodniu."
    )
    assert _quotes(text) == [("Nie zgadzamy się na to, co planuje gmina", "Marek Nowak")]


def test_dash_paragraph_without_speech_verb_is_not_a_quote():
    # a dash list item, not speech: no attribution and no attributed turn before it
    text = (
        "Kommunen presenterade på måndagen sin budget för nästa år.\n\n"
        "– Skolan får tio miljoner kronor mer.\n\n– Äldreomsorgen får fem miljoner kronor mer."
    )
    assert _quotes(text) == []


def test_english_leading_dash_paragraph_yields_no_quote():
    # "Kata" (a first name) is also the Indonesian speech verb: only the language guard keeps
    # this English dash paragraph from being read as attributed speech
    text = (
        "The council approved the budget on Monday after a long debate about the libraries.\n\n"
        "– Three branches close in March, Kata Horvath, the finance officer, told the meeting.\n\n"
        "The vote was seven to four."
    )
    assert [text[d.start : d.end] for d in find_dash_quotes(text, _paragraphs(text))] == [
        "Three branches close in March,"
    ]
    assert _quotes(text) == []


def test_marked_quote_inside_dash_paragraph_wins():
    # the marked quotation is kept as it was; the overlapping dash span is not added
    text = (
        "Kommunen stänger biblioteket i Åby.\n\n"
        "– Vi kallar det ”en skam för hela bygden”, säger Karin Lund, som leder föreningen."
    )
    got = _quotes(text)
    assert [t for t, _ in got] == ["en skam för hela bygden"]


def test_the_dash_paragraph_test_is_the_multi_line_search() -> None:
    """has_dash_paragraph (a substring test, the first line, then the lines after a line break)
    answers what the plain multi-line search answers, on seeded random texts of the pieces
    that matter: line breaks, blanks, both dashes, a carriage return, letters."""
    plain = re.compile(r"(?m)^[ \t]*(?:[–—]|-(?=[ \t]))[ \t]*")
    pieces = ["\n", " ", "\t", "—", "–", "\r", "a", "Ab", "-", "\u2015"]
    rng = random.Random(12)
    texts = ["", "—", " – x", "x\n— y", "x\r— y", "x —\n", "\n\n \t—", "x\n- y", "x\n-y", "-\t"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    found = [has_dash_paragraph(t) for t in texts]
    assert found == [plain.search(t) is not None for t in texts]
    assert True in found and False in found
