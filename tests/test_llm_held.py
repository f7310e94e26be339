"""Model-written text held to the article (service/llm/held.py and its use in the engine).

Engine tests use the fake OpenAI-compatible server (tests/fakeserver.py, a test double) with
queued answers written to show one failure shape each, and hand-fixed rule candidates.
"""

from __future__ import annotations

from typing import Any

from service.llm.held import Holder, repeats_itself, split_sentences, terms
from service.llm.prompts import load_prompt
from tests.fakeserver import FakeOpenAIServer, chat
from tests.test_llm_engine import ARTICLE, GOOD, TEXT, engine

SENTENCES = [
    "The Lindqvist harbour ferry resumed service on Monday after a two-week strike.",
    "Fares would not rise this year, the operator said.",
]


def test_terms_keep_names_numbers_and_a_sentence_first_word() -> None:
    assert terms("Governor Vance said 7 boats sailed.") == [
        "governor",
        "vance",
        "7",
        "boats",
        "sailed",
    ]


def test_support_needs_every_term_in_the_cited_sentence() -> None:
    h = Holder(" ".join(SENTENCES), SENTENCES, [])
    assert h.supported_by("The ferry resumes service after the strike.", 0)  # an inflection
    assert not h.supported_by("The ferry resumed service after a three-week strike.", 0)
    # an invented name at the start of a sentence is caught too
    assert not h.supported_by("Okafor resumed the ferry service.", 0)
    assert not h.supported_by("Fares would not rise.", 0)  # true, but not in the cited sentence
    ok, best = h.backing("The ferry resumed service; fares would not rise.", range(2))
    assert ok and best == 0  # two sentences may back one summary sentence
    assert h.backing("The ferry sank.", range(2)) == (False, 0)


def test_repetition_and_example_copies() -> None:
    assert repeats_itself(
        "The river is not a river, it's a bridge, and it's not a river, it's a bridge"
    )
    assert not repeats_itself("The council voted to rebuild the pier after a storm.")
    example = [s.assistant for s in load_prompt("hybrid").few_shot]
    h = Holder(TEXT, split_sentences(TEXT), example)
    assert h.copies_example("The harbour ferry resumed service after a two-week strike.")
    assert not h.copies_example("The council voted to rebuild the old pier.")


def _digest(answer: dict[str, Any], **kw: Any) -> Any:
    with FakeOpenAIServer() as srv:
        srv.queue(chat(answer))
        return engine(srv, **kw).digest(ARTICLE)


def _event(sentence: str, summary: str) -> dict[str, Any]:
    return {"sentence": sentence, "summary": summary, "participants": [], "location": None}


def test_looping_summary_and_copied_example_give_way_to_the_text() -> None:
    loop = "The pier is not a pier, it's a deck, and it's not a pier, it's a deck."
    copied = _event("S2", "The harbour ferry resumed service after a two-week strike.")
    d = _digest({**GOOD, "summary": loop, "events": [copied]})
    reasons = d.provenance.dropped.reasons
    assert reasons == {"summary:repetition": 1, "event_summary:copied_example": 1}
    assert d.summary == "Rules summary."
    assert d.events[0].summary == "The Tidewater Council voted on Monday to rebuild the old pier."


def test_duplicate_events_are_dropped_and_counted() -> None:
    same = "The pier will be rebuilt."
    events = [_event("S2", same), _event("S5", same), _event("S6", same), _event("S2", same)]
    d = _digest({**GOOD, "events": events})
    summaries = [e.summary for e in d.events]
    assert len(summaries) == len(set(summaries))
    assert d.provenance.dropped.reasons.get("event:duplicate", 0) >= 1
    assert d.provenance.dropped.events >= 1


def test_unsupported_summary_sentence_is_replaced_by_the_article_sentence() -> None:
    summary = "Tidewater will rebuild its pier. Okafor Construction won the contract."
    d = _digest({**GOOD, "summary": summary})
    assert d.summary.startswith("Tidewater will rebuild its pier. ")
    assert "Okafor" not in d.summary
    assert d.provenance.dropped.reasons == {"summary:unsupported_sentence": 1}


def test_the_rules_explicit_cue_speaker_stands_and_the_disagreement_is_recorded() -> None:
    # Q1 was attributed by the rules through "said Mayor Ilse Marrow" (a cue-after rule);
    # the model names the Harbour Trust, which is also mentioned near the quotation
    answer = {**GOOD, "quotes": [{"quote": "Q1", "speaker": "A3"}]}
    d = _digest(answer)
    assert d.quotes[0].speaker == "Ilse Marrow" and d.quotes[0].attribution == "cue-after"
    assert d.provenance.dropped.reasons == {"speaker:disagrees_with_cue": 1}
    assert any("Q1" in w and "Harbour Trust" in w for w in d.provenance.warnings)
    taken = _digest(answer, speaker_policy="model")
    assert taken.quotes[0].speaker == "Harbour Trust" and taken.quotes[0].attribution == "llm"
    assert any("kept 'Harbour Trust'" in w for w in taken.provenance.warnings)
