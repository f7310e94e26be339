"""When the speaker ranker names the same speaker as the rule by another mention, the quotation
points at the ranker's mention (service.extract.speakers._rank): a continued quotation's `she` in
its own sentence, not the name that attributed the one before."""

from __future__ import annotations

from schemas import Article
from service.engines import get_engine

TEXT = (
    "Mayor hits back at critics\n\n"
    'Mayor Ines Varga attacked councillor Tobias Ferrand on Monday for being a "failed planner." '
    'Then she turned to the "so-called experts" who had backed the ferry plan.\n\n'
    "Harbourmaster Olek Brandt said the port was ready. "
    '"We have waited ten years for this," Brandt said.\n'
)


def test_same_speaker_takes_the_rankers_mention() -> None:
    d = get_engine("rules").digest(Article(id="t", title="Mayor hits back at critics", text=TEXT))
    got = {q.text: (q.speaker, q.speaker_span.text if q.speaker_span else None) for q in d.quotes}
    assert got["so-called experts"] == ("Ines Varga", "she")
    q = next(q for q in d.quotes if q.text == "so-called experts")
    assert q.speaker_span is not None
    assert TEXT[q.speaker_span.start : q.speaker_span.end] == "she"
