"""The learned choice of the person 'he' or 'she' stands for (service.extract.pronoun_ranker)."""

from __future__ import annotations

from bisect import bisect_left
from unittest import mock

from service.extract import actors as actors_mod
from service.extract import pronoun_ranker, speakers
from service.extract import quotes as quotes_mod

# invented people and places
TEXT = (
    "Harbor Vote Delayed\n\n"
    "Marta Okonkwo, the mayor of Brindlewick, met port workers on Tuesday.\n\n"
    '"We will not sell the harbor," Okonkwo said.\n\n'
    "Gustav Pellerin, a councillor who leads the opposition, called the vote a trick. "
    'He said the plan was "a gift to developers."\n\n'
    "The meeting was broadcast live by Good Morning Brindlewick. "
    'She added that "the workers deserve an answer."\n'
)


def _speakers(text: str) -> list[str | None]:
    spans = quotes_mod.find_quotes(text, "Harbor Vote Delayed")
    acts = actors_mod.extract_actors(text, spans, title="Harbor Vote Delayed")
    return [a.speaker for a in speakers.attribute(text, spans, acts, title="Harbor Vote Delayed")]


def test_weights_ship() -> None:
    assert pronoun_ranker.weights(), "data/pronoun_ranker.json is missing or empty"


def test_she_skips_a_programme_the_rule_would_take() -> None:
    # the rule took the last name mentioned that does not contradict 'she': the programme
    got = _speakers(TEXT)
    assert got == ["Marta Okonkwo", "Gustav Pellerin", "Marta Okonkwo"]
    with mock.patch.object(pronoun_ranker, "weights", dict):
        assert _speakers(TEXT)[2] == "Good Morning Brindlewick"


def test_candidates_agree_in_gender_and_come_most_recent_first() -> None:
    spans = quotes_mod.find_quotes(TEXT, None)
    acts = actors_mod.extract_actors(TEXT, spans, title=None)
    idx = speakers.ActorIndex(acts)
    d = speakers.doc(TEXT)
    at = TEXT.index("She added")
    names = {"Marta Okonkwo": "f", "Gustav Pellerin": "m"}
    she = pronoun_ranker.candidates(d, idx, "she", at, None, -1, names.get)
    he = pronoun_ranker.candidates(d, idx, "he", at, None, -1, names.get)
    assert "Gustav Pellerin" not in [c.actor.name for c in she]
    assert "Marta Okonkwo" not in [c.actor.name for c in he]
    assert [c.actor.name for c in he[:2]] == ["Good Morning Brindlewick", "Gustav Pellerin"]
    assert "rank=0" in he[0].features and "rank=1" in he[1].features


def test_the_last_speaker_named_as_subject_goes_on_speaking() -> None:
    # a person named inside the speaker's apposition is nearer, and more often mentioned
    text = (
        "Port Deal Questioned\n\n"
        "Premier Pavel Varga visited the docks on Monday. Varga met the unions. Varga left early.\n\n"
        "Tavik Rield, the spokesperson for Premier Pavel Varga, said in a statement that the deal "
        '"would harm the workers of the port."\n\n'
        'He warned that "the unions will not accept it."\n'
    )
    spans = quotes_mod.find_quotes(text, "Port Deal Questioned")
    acts = actors_mod.extract_actors(text, spans, title="Port Deal Questioned")
    got = speakers.attribute(text, spans, acts, title="Port Deal Questioned")
    assert [a.speaker for a in got] == ["Tavik Rield", "Tavik Rield"]


def test_choose_picks_what_best_picks_over_all_candidates() -> None:
    # `choose` reads features only where two or more people are ranked and sums the weights in
    # its own order; its answer must be the plain definition's: `best` over `candidates`
    spans = quotes_mod.find_quotes(TEXT, None)
    acts = actors_mod.extract_actors(TEXT, spans, title=None)
    names = {"Marta Okonkwo": "f", "Gustav Pellerin": "m"}
    w = pronoun_ranker.weights()
    checked = 0
    for p, word in (("he", "He "), ("she", "She "), ("he", "Okonkwo said"), ("she", "called")):
        at = TEXT.index(word)
        for last_speaker, last_pos in ((None, -1), ("Marta Okonkwo", TEXT.index('"We'))):
            idx = speakers.ActorIndex(acts)
            d = speakers.doc(TEXT)
            cands = pronoun_ranker.candidates(d, idx, p, at, last_speaker, last_pos, names.get)
            top = pronoun_ranker.best(cands, w)
            fresh = speakers.ActorIndex(acts)
            got = pronoun_ranker.choose(
                d, fresh, p, at, last_speaker, last_pos, names.get, keep=False
            )
            assert (got.name if got else None) == (top.actor.name if top else None), (p, word)
            checked += top is not None
    assert checked >= 4


def test_window_ends_are_the_first_mention_at_each_start() -> None:
    # `_window` reads a mention's end from a per-actor table built once per article; it must be
    # the plain definition's: the end of the actor's first mention at that start
    spans = quotes_mod.find_quotes(TEXT, None)
    acts = actors_mod.extract_actors(TEXT, spans, title=None)
    idx = speakers.ActorIndex(acts)
    d = speakers.doc(TEXT)
    checked = 0
    for p in ("he", "she"):
        for at in range(0, len(TEXT), 7):
            for e in pronoun_ranker._window(d, idx, p, at, {}.get).entries:
                plain = next(m.end for m in e.actor.mentions if m.start == e.start)
                assert e.end == plain, (p, at, e.actor.name)
                checked += 1
    assert checked > 20


def test_fixed_features_spell_the_plain_labels() -> None:
    # `_labels` is cached and takes the distance as its bucket's index: its labels must be the
    # plain ones, the distance as the first edge at or above it, else '>' and the last edge
    edges = pronoun_ranker._DIST_EDGES
    for dist in (0, 59, 60, 61, 200, 999, 1800, 1801, 5000):
        k = bisect_left(edges, dist)
        feats = pronoun_ranker._labels(
            "1", 2, k, True, False, True, 3, 0, "verb_after", False, True
        )
        plain = next((str(e) for e in edges if e >= dist), f">{edges[-1]}")
        assert feats[2] == f"dist={plain}", dist
        assert feats[:2] == ("rank=1", "raw_rank=2")
        assert feats[4:8] == (
            "subj=True|rank=1",
            "gender=False",
            "given=True",
            "gender=False|given=True",
        )
        assert feats[-1] == "same_sentence=True|subj=True"
