"""Story grouping on the cross-language tuning sets tune10, tune11, tune15 and tune16
(tests/data/invented_stories; every text written for these tests at stop 30): each happening
reported in English and in another language (Polish, Czech, Slovak, German, French, Spanish,
Italian, Dutch, Portuguese, Swedish, Croatian, Hungarian, and Russian and Ukrainian in Cyrillic),
the same day or follow-ups days to weeks later, with names declined as those languages do
("Krasnoborze", "Żurawskiego", "Kubíčka", "Brevatecs") or transliterated ("Воронихин" /
"Voronikhin"), and same-topic distractors in those languages that share a company, a bank or a
town's name.

service.merge.story_inflect gives each name one form across the batch; tune10 was written before
it and developed on, tune11 after its first rules (then developed on too: the nominative "-o",
the fleeting "e" of "-ek", German nouns another language writes as names), tune15 after
the Cyrillic and declined-name rules, as their carry-over measure; tune16 after that, with
cross-language distractors weeks on that share the story's person, company or town (the sacked
coach's new club, the same minister's next plan), and developed on (Polish and Czech words that
start with a lower-case "ł", "ś" or "č" are no names; stems of four letters). Precision is the
guard: a false join hides a happening."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_stories import SETS, digest_set, gold, prf  # noqa: E402
from storyeval import story_ids  # noqa: E402

from tests.storysets import assert_own_ids, read_set  # noqa: E402

# first readings (the start code of stop 30, cfe7334): tune10 P 1.000 R 0.933 F1 0.966,
# tune11 P 1.000 R 0.692 F1 0.818, tune15 P 1.000 R 0.583 F1 0.737; with story_inflect:
# tune10 P 1.000 R 1.000 F1 1.000, tune11 P 1.000 R 0.923 F1 0.960 (its first reading with the
# first rules: 0.818), tune15 P 1.000 R 0.667 F1 0.800 (first reading, carry-over)
# tune16 (written after those): first reading P 1.000 R 0.667 F1 0.800, then R 0.833 F1 0.909
FLOORS = {"tune10": 0.999, "tune11": 0.959, "tune15": 0.799, "tune16": 0.908}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_set_covers_every_article_once_in_two_languages_a_story(name: str) -> None:
    arts, clusters, _ = read_set(name)
    assert sum(len(g) >= 2 for g in clusters) >= 6 and sum(len(g) == 1 for g in clusters) >= 5
    # most stories are told in two languages
    mixed = sum(len({arts[a]["language"] for a in g}) >= 2 for g in clusters)
    assert mixed >= sum(len(g) >= 2 for g in clusters) - 2
    assert len({art["language"] for art in arts.values()}) >= 6
    assert_own_ids(name, set(arts))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_set_groups_over_the_floor_and_joins_no_distractor(name: str) -> None:
    f = prf(story_ids(digest_set(SETS / name)), gold(SETS / name))
    assert f["P"] == 1.0 and f["F1"] >= FLOORS[name]
