"""Descriptions inside a sentence as speaker candidates (service.extract.speaker_ranker): 'his
colleague wrote', 'according to a council report'. Before, only a description opening its sentence
was a candidate, so these quotations went to a named person or to nobody. Invented article."""

from __future__ import annotations

from schemas import Article
from service.engines import get_engine
from service.extract import actors as actors_mod
from service.extract import quotes as quotes_mod
from service.extract import speaker_ranker
from service.extract.cues import marked_regions
from service.extract.names import doc

TITLE = "Dornhaven mourns ferry captain"
TEXT = (
    f"{TITLE}\n\n"
    "Captain Halvard Moen, who ran the Skarva ferry for thirty years, died on Sunday at 71.\n\n"
    '"He knew every rock in the river and every child on the north bank," his colleague wrote '
    "on the harbour's website.\n\n"
    'Traffic on the bridge had "grown far beyond what the old stone can carry," according to a '
    "council report released on Tuesday.\n\n"
    "Mayor Petra Lindqvist signed the closure order on Monday. Protesters marching through the "
    'streets chanted "Keep the bridge open" until midnight.\n'
)


def _quotes() -> dict[str, tuple[str | None, str | None]]:
    d = get_engine("rules").digest(Article(id="t", title=TITLE, text=TEXT))
    return {q.text: (q.speaker, q.speaker_span.text if q.speaker_span else None) for q in d.quotes}


def test_a_description_a_speech_verb_follows_speaks() -> None:
    got = _quotes()
    key = next(k for k in got if k.startswith("He knew every rock"))
    assert got[key] == ("colleague (unnamed)", "his colleague")


def test_according_to_a_document_names_the_document_not_the_last_person() -> None:
    got = _quotes()
    key = next(k for k in got if k.startswith("grown far beyond"))
    assert got[key] == ("council report (unnamed)", "a council report")


def test_objects_inside_a_sentence_are_no_candidates() -> None:
    spans = quotes_mod.find_quotes(TEXT, TITLE)
    acts = actors_mod.extract_actors(TEXT, spans, title=TITLE)
    regions = marked_regions(spans)
    ctx = speaker_ranker.Context(doc(TEXT), regions, acts)
    found = {TEXT[a:b] for a, b, *_ in ctx.nps}
    assert {"his colleague", "a council report"} <= found
    # 'through the streets' and 'the closure order' follow a word, not a clause boundary
    assert "the streets" not in found
    assert "the closure order" not in found


TEXT2 = (
    "Skarva ferry fares rise\n\n"
    "Before the vote on Tuesday, the ferry board met behind closed doors. Hours later, the "
    "board's campaign mailed a leaflet to every house, promising \"fares that a family can "
    'afford."\n\n'
    'Harbour engineers warned that the pier "will not last another winter without new piles."\n\n'
    "When ferrymen complained about the timetable, the board ignored them. All this has left "
    "the north bank angry.\n"
)


def _nps(text: str) -> dict[str, str]:
    spans = quotes_mod.find_quotes(text, None)
    acts = actors_mod.extract_actors(text, spans)
    ctx = speaker_ranker.Context(doc(text), marked_regions(spans), acts)
    return {text[a:b]: kind for a, b, _, _, kind in ctx.nps}


def test_a_description_before_any_verb_inside_a_sentence_is_a_candidate() -> None:
    # 'mailed' is no hand-listed speech verb: the candidate's near= feature says which verb it was
    assert _nps(TEXT2).get("the board's campaign") == "np_in"


def test_a_bare_plural_opening_a_sentence_before_a_verb_is_a_candidate() -> None:
    found = _nps(TEXT2)
    assert found.get("Harbour engineers") == "np_bare"
    # a lead-in clause's subject, and a pronoun phrase, are no bare plurals
    assert "When ferrymen" not in found
    assert "ferrymen" not in found
    assert "All this" not in found


def test_the_bare_plural_speaks_its_quotation() -> None:
    d = get_engine("rules").digest(Article(id="t2", title="Skarva ferry fares rise", text=TEXT2))
    got = {q.text: q.speaker_span.text if q.speaker_span else None for q in d.quotes}
    key = next(k for k in got if k.startswith("will not last"))
    assert got[key] == "Harbour engineers"
