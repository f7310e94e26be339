"""Unnamed English speakers headed by nouns learnt from annotated news ('critics said', 'the
protesters chanted'), and the script that lists those nouns."""

from __future__ import annotations

import json
from pathlib import Path

from scripts import train_speaker_heads
from service.extract.actors import extract_actors
from service.extract.noun_phrases import KNOWN_HEADS, LEARNED_HEADS
from service.extract.speakers import attribute
from tests.quotekit import spans_of


def run(text: str) -> list[tuple[str | None, str | None]]:
    spans = spans_of(text)
    actors = extract_actors(text, spans)
    return [(a.speaker, a.mention) for a in attribute(text, spans, actors)]


def test_shipped_heads_are_new_lower_case_nouns():
    assert {"critics", "protesters", "crowd", "campaign"} <= LEARNED_HEADS
    assert not LEARNED_HEADS & KNOWN_HEADS
    assert all(h.islower() for h in LEARNED_HEADS)


def test_bare_plural_head_speaks_unnamed():
    text = (
        "Mayor Ellen Varga opened the Dunmore fair on Sunday.\n\n"
        "“It was a waste of money,” critics said.\n"
    )
    assert run(text) == [("critics (unnamed)", "critics")]


def test_plural_description_is_not_the_last_person_named():
    text = (
        "Senator Ilse Gorman spoke in Dunmore on Friday.\n\n"
        "“Save the mill,” the protesters chanted outside the hall.\n"
    )
    assert run(text) == [("protesters (unnamed)", "the protesters")]


def test_singular_role_ending_in_s_is_not_plural():
    # 'witness' is one person: the unnamed witness introduced before still speaks
    text = (
        "Police questioned Arno Lidd in Velmont on Tuesday. A witness interviewed by police "
        "said the gate was open.\n\n"
        "The witness said the guard “ran off at once.”\n"
    )
    assert run(text)[0][1] == "The witness"


def test_learned_head_after_a_role_is_no_subject():
    # 'The governor emailed supporters, saying': the governor speaks, not the supporters
    text = (
        "Governor Marta Ilves spoke in Velmont on Tuesday. The governor emailed supporters, "
        "saying “We have won this fight.”\n"
    )
    assert run(text)[0][0] == "Marta Ilves"


def test_name_between_commas_after_a_description_speaks():
    # 'His wife, Gabriela Lazan, said': the name, not the person the description stands for
    text = (
        "Ion Lazan was arrested in Velmont on Monday.\n\n"
        "His wife, Gabriela Lazan, said he was “a kind man.”\n\n"
        "In a statement, her personal lawyer, David Kendle, said the claims were “baseless.”\n"
    )
    assert run(text) == [("Gabriela Lazan", "Gabriela Lazan"), ("David Kendle", "David Kendle")]


def _gold(folder: Path, name: str, sources: list[str]) -> None:
    quotes = [{"source_kind": "nominal", "source_text": s} for s in sources] + [
        {"source_kind": "name", "source_text": "Ellen Varga"}
    ]
    (folder / f"{name}.json").write_text(json.dumps({"quotes": quotes}), encoding="utf-8")


def test_script_keeps_heads_seen_often_enough_in_enough_articles(tmp_path: Path):
    gold = tmp_path / "split" / "gold"
    gold.mkdir(parents=True)
    _gold(gold, "a", ["the angry crowd", "his childhood pals", "Epstein", "a spokesman"])
    _gold(gold, "b", ["The crowd, chanting,", "his pals", "Epstein", "a spokesman"])
    _gold(gold, "c", ["the crowd of farmers", "the rowers", "the rowers"])
    out = tmp_path / "heads.json"
    assert train_speaker_heads.main([str(tmp_path / "split"), "--out", str(out)]) == 0
    first = out.read_bytes()
    # 'crowd' (3 in 3 articles) and 'pals' (2 in 2) stay; 'rowers' is in one article only,
    # 'Epstein' is a name and 'spokesman' a role the engine knows already
    assert json.loads(first)["weights"] == {"crowd": 3, "pals": 2}
    assert train_speaker_heads.main([str(tmp_path / "split"), "--out", str(out)]) == 0
    assert out.read_bytes() == first  # the same split gives the same file
