"""Story grouping on the fourth invented tuning set (tests/data/invented_stories/tune4; every text
written for these tests, before any tuning on it): reports of one happening under other headlines
and angles, follow-ups a day to three on, and reports in Italian, Spanish, French, German and
Polish join their story; another central bank's decision, another wildfire the next day, and the
same company's, regulator's or minister's other news stay apart.

The shipped link model is not fitted on this set (scripts/train_story_link.py fits tune and
xlang); the floor below is the measured figure, a guard against a change that loses it."""

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

TUNE4 = SETS / "tune4"


def test_the_set_covers_every_article_once_with_distractors_and_other_languages() -> None:
    arts = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (TUNE4 / "articles").glob("*.json")
    }
    clusters = gold(TUNE4)
    assert sorted(a for g in clusters for a in g) == sorted(arts)
    assert sum(len(g) >= 2 for g in clusters) >= 9 and sum(len(g) == 1 for g in clusters) >= 6
    for a, art in arts.items():
        assert art["id"] == a and art["title"] and len(art["text"]) > 200
        date.fromisoformat(art["published"])
    assert {art["language"] for art in arts.values()} >= {"en", "de", "es", "fr", "it", "pl"}
    for other in ("tune", "tune2", "tune3", "xlang"):
        assert not set(arts) & {a for g in gold(SETS / other) for a in g}, other


@pytest.fixture(scope="module")
def stories() -> list[list[str]]:
    return story_ids(digest_set(TUNE4))


def test_the_set_groups_over_the_floor(stories: list[list[str]]) -> None:
    # measured (stop 26, on the code before any tuning on it): P 1.000 R 1.000 F1 1.000
    assert prf(stories, gold(TUNE4))["F1"] == 1.0


def test_translations_and_follow_ups_join_and_other_news_stays_apart(
    stories: list[list[str]],
) -> None:
    story = {a: n for n, g in enumerate(stories) for a in g}
    for a, b in [
        ("ferry-merrow-it", "ferry-merrow-local"),
        ("alcorna-fire-es", "alcorna-fire-wire"),
        ("ferrin-ban-fr", "ferrin-ban-wire"),
        ("velder-plant-de", "velder-plant-protest"),
        ("zabrowka-mine-pl", "zabrowka-mine-wire"),
        ("brightwell-breach-committee", "brightwell-breach-daily"),
    ]:
        assert story[a] == story[b], a
    for distractor, happening in [
        ("distract-kestland-rate", "valdoria-rate-wire"),
        ("distract-tolvany-fire", "alcorna-fire-wire"),
        ("distract-brightwell-results", "brightwell-breach-wire"),
        ("distract-medicines-agency-rejects", "oncavir-approval-wire"),
        ("distract-varga-budget", "varga-talks-wire"),
    ]:
        assert story[distractor] != story[happening], distractor
