"""Story grouping on the seventeenth and eighteenth invented tuning sets
(tests/data/invented_stories/tune17 and tune18; every text written for these tests at stop 30).
Each pairs follow-ups 12 to 22 days after the first report with distractors of ANOTHER happening
11 to 25 days on that share its people: the same official, company, union organiser, scientist or
celebrity (a warehouse fire and the same company's new depot, a tram plan and the same mayor's
library, a stranded whale and the same biologist's seal count, a film star's crash and her
premiere).

The follow-up link's two-sided cover guard (service.merge.story_followup.happening) was decided
on tune17; tune18 was written after and read once on it (its first reading below), then the
words asked of a cover resting on two shared persons (CAST_WORDS) were set with it in view.
Both sets keep false joins (a rescue leader's next rescue below the same ridge shares the
happening's words), so the floors guard the figures reached, and each set's follow-ups."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_stories import SETS, digest_set, gold, prf  # noqa: E402
from storyeval import story_ids  # noqa: E402

from tests.storysets import assert_own_ids, read_set, spans  # noqa: E402

# first readings (stop 30): tune17 on the code before any change P 0.536 R 1.000 F1 0.698, with
# the guard P 0.765 R 0.867 F1 0.812; tune18 (written after the guard was decided) with it
# P 0.667 R 0.833 F1 0.741 (the code before the guard: P 0.588 R 0.833 F1 0.690), and with
# CAST_WORDS P 0.769 R 0.833 F1 0.800. tune13 (no floor: false joins) went 0.706 -> 0.759.
FLOORS = {"tune17": (0.76, 0.81), "tune18": (0.76, 0.79)}  # (P, F1)
# the distractors the guard keeps apart: (set, an article of the story, the distractor)
APART = [
    ("tune17", "warehouse-fire", "korvell-depot"),
    ("tune17", "tram-plan", "library-opens"),
    ("tune17", "school-roof", "school-results"),
    ("tune18", "actress-crash", "actress-premiere"),
    ("tune18", "forgery-seized", "museum-wing"),
]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_set_has_follow_ups_and_same_people_distractors_weeks_on(name: str) -> None:
    arts, clusters, days = read_set(name)
    assert sum(len(g) >= 2 for g in clusters) >= 6 and sum(len(g) == 1 for g in clusters) >= 6
    assert sum(s > 10 for s in spans(clusters, days)) >= 6  # past the link model's window
    assert len({art["language"] for art in arts.values()}) >= 2
    assert_own_ids(name, set(arts))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_set_groups_over_its_floors(name: str) -> None:
    f = prf(story_ids(digest_set(SETS / name)), gold(SETS / name))
    p_floor, f1_floor = FLOORS[name]
    assert f["P"] >= p_floor and f["F1"] >= f1_floor


def test_an_official_s_other_happening_weeks_on_stays_apart() -> None:
    got = {}
    for name in sorted({s for s, _, _ in APART}):
        got[name] = {a: n for n, g in enumerate(story_ids(digest_set(SETS / name))) for a in g}
    for name, story, distractor in APART:
        assert got[name][story] != got[name][distractor], (story, distractor)
