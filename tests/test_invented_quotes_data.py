"""Integrity of the invented kept-apart sets `check2` to `check7`
(tests/data/invented_stories; every text written for these tests): the gold stories cover every
article once, and every gold quote variant is printed, word for word and once, by its article. Data
checks only: the scores are printed by scripts/eval_invented_quotes.py, never asserted here (nobody
tunes on these sets)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_quotes import DEFAULT_SET, Item, gold_items, read_set  # noqa: E402

FIELDS = {"id", "outlet", "published", "title", "language", "text"}
SETS = DEFAULT_SET.parent
# per set: articles, articles in other languages, and the smallest story (check3 and check4 each
# hold two singletons)
SHAPE = {
    "check2": (39, 4, 2),
    "check3": (39, 5, 1),
    "check4": (39, 5, 1),
    "check5": (39, 14, 1),
    "check6": (40, 13, 1),
    "check7": (39, 7, 1),
}


@pytest.fixture(scope="module", params=sorted(SHAPE))
def folder(request) -> Path:
    return SETS / request.param


@pytest.fixture(scope="module")
def data(folder: Path) -> tuple[dict[str, dict], list[list[str]], list[dict]]:
    return read_set(folder)


def test_every_article_file_is_named_by_its_id_and_complete(folder: Path, data) -> None:
    arts, _, _ = data
    assert len(arts) == SHAPE[folder.name][0]
    for stem, art in arts.items():
        assert set(art) == FIELDS, stem
        assert art["id"] == stem
        assert art["title"].strip() and art["outlet"].strip()
        assert 120 <= len(art["text"].split()) <= 600, stem
    assert sum(a["language"] != "en" for a in arts.values()) == SHAPE[folder.name][1]


def test_every_article_is_in_exactly_one_story(folder: Path, data) -> None:
    arts, stories, _ = data
    listed = sorted(a for g in stories for a in g)
    assert listed == sorted(arts)  # no article missing, none listed twice, no unknown id
    assert len(stories) == 15
    assert all(SHAPE[folder.name][2] <= len(g) <= 4 for g in stories)
    raw = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))
    names = [c["cluster"] for c in raw["clusters"]]
    assert len(names) == len(set(names))


def test_the_set_shares_no_article_with_the_other_sets(folder: Path, data) -> None:
    arts, _, _ = data
    for other in sorted(p for p in SETS.iterdir() if p.is_dir() and p != folder):
        ids = {p.stem for p in (other / "articles").glob("*.json")}
        assert not ids & set(arts), other.name


def test_every_variant_is_printed_once_by_an_article_of_its_story(folder: Path, data) -> None:
    arts, stories, quotes = data
    story_of = {}
    raw = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))
    for c in raw["clusters"]:
        story_of.update({a: c["cluster"] for a in c["articles"]})
    keys = [(u["story"], u["utterance"]) for u in quotes]
    assert len(keys) == len(set(keys))
    for u in quotes:
        assert u["speaker"].strip()
        assert len(u["variants"]) >= 2, u["utterance"]  # only utterances 2+ articles print
        for aid, words in u["variants"].items():
            assert story_of[aid] == u["story"], (u["story"], aid)
            assert arts[aid]["text"].count(words) == 1, (aid, words)
    # the spans the scorer uses are the variants' own characters
    for g in gold_items(arts, quotes):
        assert arts[g.article]["text"][g.start : g.end] == g.text


def test_a_variant_its_article_does_not_print_is_an_error(data) -> None:
    arts, _, quotes = data
    broken = [dict(quotes[0], variants={**quotes[0]["variants"]})]
    aid = next(iter(broken[0]["variants"]))
    broken[0]["variants"][aid] += " (words no article prints)"
    with pytest.raises(ValueError, match=aid):
        gold_items(arts, broken)
    assert isinstance(gold_items(arts, quotes[:1])[0], Item)
