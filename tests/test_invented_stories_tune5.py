"""Story grouping on the fifth invented tuning set (tests/data/invented_stories/tune5; every text
written for these tests, before any tuning on it and before its writer read the grouping code):
a trial at its opening, through a witness and at the verdict; a storm told by official figures,
by fishing families, in Spanish and at the disaster declaration; a bridge collapse told by the
ministry and by the bus driver; a takeover in English and German. Another case at the same
court, another storm a week later, two strikes at one rail company six months apart and a fair
in the marathon's city stay apart.

The shipped link model is not fitted on this set; the floor below is the measured figure, a
guard against a change that loses it. Its misses are follow-ups past the link window (a verdict
three weeks on, an inquiry's finding twelve days on) and a driver's story whose digest keeps no
place name."""

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

TUNE5 = SETS / "tune5"


def test_the_set_covers_every_article_once_with_distractors_and_other_languages() -> None:
    arts = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (TUNE5 / "articles").glob("*.json")
    }
    clusters = gold(TUNE5)
    assert sorted(a for g in clusters for a in g) == sorted(arts)
    assert sum(len(g) >= 2 for g in clusters) >= 10 and sum(len(g) == 1 for g in clusters) >= 3
    for a, art in arts.items():
        assert art["id"] == a and art["title"] and len(art["text"]) > 200
        date.fromisoformat(art["published"])
    assert {art["language"] for art in arts.values()} >= {"en", "de", "es"}
    for other in ("tune", "tune2", "tune3", "tune4", "xlang"):
        assert not set(arts) & {a for g in gold(SETS / other) for a in g}, other


@pytest.fixture(scope="module")
def stories() -> list[list[str]]:
    return story_ids(digest_set(TUNE5))


def test_the_set_groups_over_the_floor(stories: list[list[str]]) -> None:
    # measured (stop 27, on the code before any tuning on it): P 1.000 R 0.750 F1 0.857; with
    # the follow-up link (stop 29: a launch failure's inquiry, a trial's verdict) R 0.900 F1 0.947
    f = prf(stories, gold(TUNE5))
    assert f["P"] == 1.0 and f["F1"] >= 0.946


def test_translations_and_angles_join_and_same_topic_news_stays_apart(
    stories: list[list[str]],
) -> None:
    story = {a: n for n, g in enumerate(stories) for a in g}
    for a, b in [
        ("ines-storm-es", "ines-storm-wire"),
        ("ines-storm-fishermen", "ines-storm-wire"),
        ("halbrecht-nordvig-de", "halbrecht-nordvig-wire"),
        ("tesfay-home-village", "tesfay-marathon-record"),
        ("dunmore-appointed", "fallow-resigns"),
        ("stroud-trial-accountant", "stroud-trial-wire"),
    ]:
        assert story[a] == story[b], a
    for a, b in [
        ("marsh-acquittal-wire", "stroud-trial-wire"),
        ("harlan-storm-wire", "ines-disaster-zone"),
        ("tessaly-strike-march-wire", "tessaly-strike-sept-wire"),
        ("single-cheese-fair", "tesfay-marathon-record"),
    ]:
        assert story[a] != story[b], a
