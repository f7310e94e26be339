"""Two classes fitted on PolNeAR train (issue 8): short lower-case partial quotes the scare-quote
rules set aside, let back by the learnt quote gate; and he/she agreeing with the first name's
learnt gender. Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas import Article
from service.engines import get_engine
from service.extract import name_gender, quote_gate
from service.extract.quotes import find_quotes

LEAD = (
    '"We will rebuild the river walls before winter comes," Governor Ana Pike told reporters.\n\n'
)


def _quotes(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


@pytest.fixture
def no_gate(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(quote_gate, "WEIGHTS", Path("/nonexistent/quote_gate.json"))
    quote_gate.model.cache_clear()
    yield
    monkeypatch.undo()
    quote_gate.model.cache_clear()


PARTIALS = [
    LEAD + 'Pike pledged to spend "whatever it takes" on the river defences.',
    LEAD + 'Pike dismissed the rival plan as "pure fantasy."',
]


@pytest.mark.parametrize("text", PARTIALS)
def test_gate_lets_back_a_short_partial_quote(text: str) -> None:
    got = _quotes(text)
    assert len(got) == 2, got
    q = find_quotes(text)[1]
    assert text[q.start : q.end] == got[1] and q.kind == "partial"
    d = get_engine("rules").digest(Article(id="t", title="", text=text))
    assert [q.speaker for q in d.quotes] == ["Ana Pike", "Ana Pike"]
    for q in d.quotes:
        assert text[q.start : q.end] == q.text  # verbatim at its offsets


@pytest.mark.parametrize("text", PARTIALS)
def test_without_the_gate_the_rules_set_them_aside(text: str, no_gate: None) -> None:
    assert len(_quotes(text)) == 1  # the gate, not a rule, is what lets them back


@pytest.mark.parametrize(
    "text",
    [
        LEAD + 'Critics call it the so-called "river tax" on homeowners.',
        LEAD + 'The striker, known to fans as "Rocket", missed the match.',
        LEAD + 'Pike\'s new book, "Walls Of Water", sold well.',
    ],
)
def test_names_and_titles_stay_set_aside(text: str) -> None:
    assert len(_quotes(text)) == 1


def test_gender_list_is_learnt_and_read() -> None:
    assert name_gender.DATA.is_file()
    assert name_gender.gender("Michael Brandt") == "m"
    assert name_gender.gender("Sen. Jennifer Ostrow") == "f"
    assert name_gender.gender("Brandt") is None  # a surname alone says nothing
    assert name_gender.agrees("Jennifer Ostrow", "she")
    assert not name_gender.agrees("Michael Brandt", "she")
    assert name_gender.agrees("Michael Brandt", "they")
    assert name_gender.agrees("Zorblat Quux", "she")  # unknown first names always agree


def test_she_skips_a_nearer_man() -> None:
    text = (
        "Jennifer Ostrow, the county treasurer, presented the audit on Monday.\n\n"
        "Michael Brandt, the council chairman, read the figures aloud. Later she called the "
        'accounts "a mess from top to bottom" in a letter to residents.'
    )
    d = get_engine("rules").digest(Article(id="t", title="", text=text))
    got = [(q.text, q.speaker, q.speaker_span.text if q.speaker_span else None) for q in d.quotes]
    assert got == [("a mess from top to bottom", "Jennifer Ostrow", "she")]


def _gate_p(text: str) -> float:
    om = text.index('"')
    cm = text.index('"', om + 1)
    n = len(text[om + 1 : cm].split())
    feats = quote_gate.features(text, om, cm, n, False, False, False, True)
    return quote_gate.probability(feats, quote_gate.weights())


def test_gate_weighs_the_word_after_the_closing_mark() -> None:
    """'a "dry port" with cranes' (the quoted words modify a noun: the writer's own term) is less
    likely a quotation than 'a "dry port."' closing its sentence; the same words before both."""
    modifier = 'The council is building a "dry port" terminal with cranes.'
    closing = 'The council is building what it calls a "dry port."'
    feats = quote_gate.features(modifier, 26, 35, 2, False, False, False, True)
    assert "nextcls=low|prev=a" in feats and "next=terminal" in feats
    assert _gate_p(modifier) < _gate_p(closing)
