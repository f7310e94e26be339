"""Story grouping on the twelfth and fourteenth invented tuning sets
(tests/data/invented_stories/tune12 and tune14; every text written for these tests at stop 30).
tune12: same-language follow-ups 12 to 24 days after the first
report that bring names of their own (an inquiry's inspector and lawyers after a crane collapse,
a verdict's judge and barristers, a storm's damage count by officials, a hiker's rescuers in her
own account, the regulator after a chemical leak), and same-topic distractors that share their
people (the same mayor at a bridge opening three weeks before a school fire, the same chemical
company's product recall, the same health minister's hospital wing before a nurses' pay offer,
the same carmaker's new model between its plant closure and the severance deal).

tune14 (written later, a carry-over set): a derailment and its cause, a river spill and the fine,
an abduction and the release, a volcano and the islanders' return, a teller charged and jailed,
a concert crush and the review, beside the rail operator's new express, the steelworks' job
cuts, the island leader's harbour wall and the bank's branch closures.

The follow-up link's one-sided cover (service.merge.story_followup.covers) was set with tune12
in view; tune13 and tune14 are its carry-over measures (tune13 has false joins of the two-sided
cover, so it has no floor here). Precision is the guard: each distractor shares a person, a
company or a town with a story, and must stay apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_stories import SETS, digest_set, gold, prf  # noqa: E402
from storyeval import story_ids  # noqa: E402

from tests.storysets import assert_own_ids, read_set, spans  # noqa: E402

# first readings (stop 30): tune12 on the code before any change P 1.000 R 0.579 F1 0.733, with
# the one-sided cover P 1.000 R 0.789 F1 0.882; tune14 (written after the rule was decided) with
# it P 1.000 R 0.667 F1 0.800 (the code before the change: P 1.000 R 0.267 F1 0.421)
FLOORS = {"tune12": 0.88, "tune14": 0.79}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_set_covers_every_article_once_with_distractors_and_follow_ups(name: str) -> None:
    arts, clusters, days = read_set(name)
    assert sum(len(g) >= 2 for g in clusters) >= 6 and sum(len(g) == 1 for g in clusters) >= 4
    # most stories run past the link model's 10-day window
    assert sum(s > 10 for s in spans(clusters, days)) >= 6
    assert len({art["language"] for art in arts.values()}) >= 2
    assert_own_ids(name, set(arts))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_set_groups_over_the_floor_and_joins_no_distractor(name: str) -> None:
    f = prf(story_ids(digest_set(SETS / name)), gold(SETS / name))
    assert f["P"] == 1.0 and f["F1"] >= FLOORS[name]
