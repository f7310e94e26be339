"""Speaker attribution builds the ranker's candidates only for the quotations whose answer the
ranker may change (speakers._ranker_decides); ranking every quotation, as before that gate,
gives the same attributions. Invented articles, and the PolNeAR train texts where
../shared/polnear is here (skipped, saying so, where it is absent)."""

from __future__ import annotations

import pytest

from service.extract import speakers
from service.extract.actors import extract_actors
from service.extract.quotes import find_quotes
from tests.conftest import POLNEAR as SHARED_POLNEAR

POLNEAR = SHARED_POLNEAR / "train"

TEXTS = [
    # a named cue (kept), a pronoun (the ranker may overrule), an uncued quotation (ranked)
    "Harbour Authority chief Marta Lindqvist spoke on Tuesday.\n\n"
    "“We have no choice,” Lindqvist said.\n\n"
    "“The cranes are old,” she added.\n\n"
    "Engineer Paul Okafor disagreed with the plan.\n\n"
    "“They could last another decade.”",
    # a cue naming nobody stays without a speaker; a continuation may be overruled
    "“The vote was rigged,” one of the sources said.\n\n"
    "Mayor Ines Duarte called the claim absurd. “Nobody believes it,” she told reporters.\n\n"
    "“We counted every ballot twice.",
]


def _both(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[object], list[object]]:
    spans = find_quotes(text)
    actors = extract_actors(text, spans)
    gated = speakers.attribute(text, spans, actors)
    with monkeypatch.context() as m:
        # every top-level English quotation ranked, as before the gate
        m.setattr(speakers, "_ranker_decides", lambda *_: True)
        every = speakers.attribute(text, spans, actors)
    return list(gated), list(every)


def test_the_gate_keeps_the_attributions_on_invented_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for text in TEXTS:
        gated, every = _both(text, monkeypatch)
        assert gated == every
    # the gate does skip: the named cue's quotation is not one the ranker decides
    spans = find_quotes(TEXTS[0])
    found = speakers.find_cues(TEXTS[0], tuple(spans))
    attrs = speakers.attribute(TEXTS[0], spans, extract_actors(TEXTS[0], spans))
    decides = [
        speakers._ranker_decides(s, f, a) for s, f, a in zip(spans, found, attrs, strict=True)
    ]
    assert False in decides and True in decides


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/polnear (PolNeAR) is not here")
def test_the_gate_keeps_the_attributions_on_real_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.ingest.files import load_articles

    files = sorted((POLNEAR / "articles").glob("*.json"))[:120]
    for f in files:
        for a in load_articles(f):
            gated, every = _both(a.text, monkeypatch)
            assert gated == every, a.id
