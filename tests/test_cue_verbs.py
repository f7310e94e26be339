"""Speech verbs learnt from annotated news ('blasted', 'interjected'), the script that lists
them, and the speaker ranker's reading of them and of a subject after a sentence's lead-in."""

from __future__ import annotations

import json
from pathlib import Path

from scripts import train_cue_verbs
from service.extract.actors import extract_actors
from service.extract.cue_lexicon import CUE_VERBS
from service.extract.cues import CUE_FINITE, CUE_PARTICIPLE
from service.extract.names import doc
from service.extract.speaker_ranker import Context, _near_of
from tests.quotekit import spans_of


def test_shipped_verbs_are_new_lower_case_words():
    assert {"blasted", "interjected", "referred"} <= CUE_VERBS
    assert not CUE_VERBS & (CUE_FINITE | CUE_PARTICIPLE)
    assert all(v.islower() for v in CUE_VERBS)


def _near(text: str, name: str) -> tuple[str, bool | str]:
    """What the ranker reads beside the first mention of `name`: (near, subject)."""
    spans = spans_of(text)
    ctx = Context(doc(text), [(s.start, s.end) for s in spans], extract_actors(text, spans))
    at = text.index(name)
    got = _near_of(ctx, at, at + len(name))
    return got[4], got[5]


def test_a_learnt_verb_and_any_verb_after_a_candidate_are_features_of_their_own():
    assert _near("Mayor Ellen Varga blasted the plan as “a joke.”", "Ellen Varga")[0] == (
        "learnt_after"
    )
    assert _near("Mayor Ellen Varga riffed on the plan: “a joke.”", "Ellen Varga")[0] == (
        "other_verb_after"
    )
    assert _near("Mayor Ellen Varga said the plan was “a joke.”", "Ellen Varga")[0] == (
        "verb_after"
    )


def test_a_subject_after_a_lead_in_clause_is_read_as_the_clauses_subject():
    text = "When the fair opened in Dunmore on Friday, Ellen Varga said it was “a joke.”"
    assert _near(text, "Ellen Varga")[1] == "clause"
    # a name inside a list after a comma is no subject
    text = "The fair drew Arno Lidd, Ellen Varga and others, who called it “a joke.”"
    assert _near(text, "Ellen Varga")[1] is False


def _split(root: Path, name: str, text: str, quotes: list[tuple[str, str]]) -> None:
    """One article and its gold: each (quoted words, cue) sourced by 'Varga'."""
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "gold").mkdir(exist_ok=True)
    (root / "articles" / f"{name}.json").write_text(json.dumps({"text": text}), encoding="utf-8")
    gold = []
    for words, cue in quotes:
        at = text.index(words)
        gold.append(
            {"start": at, "end": at + len(words), "cue": cue, "source_start": 0, "source_end": 5}
        )
    (root / "gold" / f"{name}.json").write_text(json.dumps({"quotes": gold}), encoding="utf-8")


def test_script_keeps_verbs_seen_often_enough_with_enough_share(tmp_path: Path):
    root = tmp_path / "split"
    _split(
        root,
        "a",
        'Varga scoffed: "one." Varga has quickly scoffed: "two." Varga said: "three." '
        'Varga gushed: "four." The river gushed past.',
        [("one.", "scoffed:"), ("two.", "has quickly scoffed:"), ("three.", "said:"),
         ("four.", "gushed:")],
    )  # fmt: skip
    _split(
        root,
        "b",
        'Varga scoffed: "five." Varga gushed: "six." Water gushed, gushed and gushed.'
        ' Varga Lidd mumbled: "seven."',
        [("five.", "scoffed:"), ("six.", "gushed:"), ("seven.", "Lidd mumbled:")],
    )
    out = tmp_path / "verbs.json"
    args = [str(root), "--out", str(out), "--min-count", "2", "--min-share", "0.5"]
    assert train_cue_verbs.main(args) == 0
    first = out.read_bytes()
    # 'scoffed' opens 3 cues in 2 articles and is never used otherwise; 'gushed' opens 2 of its
    # 6 uses (under half); 'said' is a listed verb; 'Lidd mumbled' opens with a name
    assert json.loads(first)["weights"] == {"scoffed": 3}
    assert train_cue_verbs.main(args) == 0
    assert out.read_bytes() == first  # the same split gives the same file


def test_two_subjects_share_their_verb():
    text = "Senator Ilse Gorman and Governor Arno Lidd traded claims about “the port.”"
    assert _near(text, "Ilse Gorman")[0] == "coord+other_verb_after"
    assert _near(text, "Governor Arno Lidd")[0] == "other_verb_after+conj"


def test_a_name_inside_a_phrase_is_no_subject_of_the_verb_after_it():
    text = "Waiting lists in north Dunmore have reached “breaking point”, the board warned."
    assert _near(text, "Dunmore")[0] == "none"
