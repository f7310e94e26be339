"""Story grouping on the second invented tuning set (tests/data/invented_stories/tune2; every text
written for these tests): follow-ups 5-9 days after the first report that name the same people
join their story; news of another happening that names the same organisation, place or person
stays apart.

The set chose the link window (WINDOW_DAYS 7 -> 10, stop 24), so the floor below guards the window
and the fit; it is not a held-out figure. The link model is fitted without it
(scripts/train_story_link.py): fitting on it cost recall on PolNeAR's real same-story pairs."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

from service.merge.stories import WINDOW_DAYS
from service.merge.story_link import GAP_CAP

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_stories import SETS, digest_set, gold, prf  # noqa: E402
from storyeval import story_ids  # noqa: E402

TUNE2 = SETS / "tune2"


def _articles() -> dict[str, dict]:
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (TUNE2 / "articles").glob("*.json")
    }


def test_the_set_covers_every_article_once_with_late_follow_ups() -> None:
    arts = _articles()
    clusters = gold(TUNE2)
    assert sorted(a for g in clusters for a in g) == sorted(arts)  # each article in one story
    assert sum(len(g) >= 3 for g in clusters) >= 5 and sum(len(g) == 1 for g in clusters) >= 6
    for a, art in arts.items():
        assert art["id"] == a and art["title"] and len(art["text"]) > 200
    assert len({art["outlet"] for art in arts.values()}) >= 4
    assert {art["language"] for art in arts.values()} >= {"en", "de", "es", "fr"}
    # stories whose reports lie more than a week apart: what a 7-day window never joined
    spans = [
        max(date.fromisoformat(arts[a]["published"]) for a in g)
        - min(date.fromisoformat(arts[a]["published"]) for a in g)
        for g in clusters
    ]
    assert sum(s.days > 7 for s in spans) >= 3


def test_the_set_shares_no_article_with_the_other_tuning_sets() -> None:
    ids = set(_articles())
    for other in ("tune", "tune3", "xlang"):
        assert not ids & {a for g in gold(SETS / other) for a in g}, other


def test_the_gap_feature_spans_the_link_window() -> None:
    # a pair the window lets link is weighed by its days, never by a capped value
    assert GAP_CAP == WINDOW_DAYS


@pytest.fixture(scope="module")
def stories() -> list[list[str]]:
    return story_ids(digest_set(TUNE2))


def test_the_set_groups_over_the_floor(stories: list[list[str]]) -> None:
    got = prf(stories, gold(TUNE2))
    # measured: P 0.897 R 0.946 F1 0.921 (tp 35, fp 4: a bank's branch closures, three days after
    # its outage and naming the same chief executive, join the outage; fn 2: the bridge reopening
    # 9 days on); before the chain check (stop 27) P 0.814 F1 0.875, a bypass opening joining the
    # colliery flood through the flood's German report; with a 7-day window: F1 0.795
    assert got["R"] >= 0.94 and got["P"] >= 0.89 and got["F1"] >= 0.92


def test_follow_ups_join_and_same_place_news_stays_apart(stories: list[list[str]]) -> None:
    story = {a: n for n, g in enumerate(stories) for a in g}
    # sentencing 9 days after the verdict (the bridge reopening 9 days after its closure, sharing
    # fewer names, stays apart)
    assert story["oduya-sentenced"] == story["oduya-verdict-wire"]
    assert story["saltmere-prosser-police"] == story["saltmere-mayor-wire"]
    # another happening in the same town, club or company, or on the same topic
    for distractor, happening in [
        ("distract-saltmere-dredging", "saltmere-mayor-post"),
        ("distract-ashgrove-stadium", "ashgrove-new-manager"),
        ("distract-tamsford-footbridge", "kelvor-bridge-wire"),
        ("distract-nodrich-recall", "corvalix-recall-post"),
        ("distract-colbeck-bypass", "colliery-flood-wire"),
    ]:
        assert story[distractor] != story[happening], distractor
