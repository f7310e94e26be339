"""Story grouping on the third invented tuning set (tests/data/invented_stories/tune3; every text
written for these tests): follow-ups 2-7 days on (a sentencing, a death toll, an insurance bill, a
strike day) and reports in Spanish, German and French join their story; another storm, another
fraud trial at the same court, another airport's strike, another earthquake, and the same
minister's or company's other news stay apart.

The shipped link model is not fitted on this set (scripts/train_story_link.py fits tune and xlang);
the floors below are the measured figures, a guard against a change that loses them."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_stories import SETS, digest_set, gold, prf  # noqa: E402
from storyeval import story_ids  # noqa: E402

TUNE3 = SETS / "tune3"


def _articles() -> dict[str, dict]:
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (TUNE3 / "articles").glob("*.json")
    }


def test_the_set_covers_every_article_once_with_distractors_and_other_languages() -> None:
    arts = _articles()
    clusters = gold(TUNE3)
    assert sorted(a for g in clusters for a in g) == sorted(arts)  # each article in one story
    assert sum(len(g) >= 2 for g in clusters) >= 9 and sum(len(g) == 1 for g in clusters) >= 6
    for a, art in arts.items():
        assert art["id"] == a and art["title"] and len(art["text"]) > 200
        date.fromisoformat(art["published"])
    assert len({art["outlet"] for art in arts.values()}) >= 6
    assert {art["language"] for art in arts.values()} >= {"en", "de", "es", "fr"}


def test_the_set_shares_no_article_with_the_other_tuning_sets() -> None:
    ids = set(_articles())
    for other in ("tune", "tune2", "xlang"):
        assert not ids & {a for g in gold(SETS / other) for a in g}, other


@pytest.fixture(scope="module")
def stories() -> list[list[str]]:
    return story_ids(digest_set(TUNE3))


def test_the_set_groups_over_the_floor(stories: list[list[str]]) -> None:
    got = prf(stories, gold(TUNE3))
    # measured (stop 27): P 1.000 R 0.895 F1 0.944 (fn 2: the insurers' bill four days after the
    # storm, which names the storm and town but neither the harbourmaster nor the power cuts,
    # stays apart); before the chain check P 0.850 F1 0.872 (fp 3: a charity boss's fraud trial at
    # the same court, two days after the councillor's verdict, joined it through one report)
    assert got["P"] == 1.0 and got["R"] >= 0.89 and got["F1"] >= 0.94


def test_follow_ups_join_and_same_topic_news_stays_apart(stories: list[list[str]]) -> None:
    story = {a: n for n, g in enumerate(stories) for a in g}
    # a sentencing a week after the verdict, a death toll two days on, reports in other languages
    assert story["valeworth-sentenced"] == story["valeworth-verdict-wire"]
    assert story["sorvenna-quake-update"] == story["sorvenna-quake-wire"]
    assert story["orvane-blast-es"] == story["orvane-blast-local"]
    assert story["skeet-resigns-de"] == story["skeet-resigns-daily"]
    assert story["tarnwick-result-fr"] == story["tarnwick-result-analysis"]
    assert story["panda-cub-copy"] == story["panda-cub-wire"]
    # the same minister, company or topic, another happening (the same court's other fraud
    # trial, which one verdict report links to, too)
    for distractor, happening in [
        ("distract-pellew-trial", "valeworth-verdict-wire"),
        ("distract-skeet-hospital", "skeet-resigns-wire"),
        ("distract-orvane-ceo", "orvane-blast-wire"),
        ("distract-halsey-strike", "corrie-strike-announce"),
        ("distract-kelbrook-quake", "sorvenna-quake-update"),
        ("distract-storm-benna", "storm-ilsa-wire"),
    ]:
        assert story[distractor] != story[happening], distractor
