"""service.evaluation.pairs: the pairs of a grouping and their P/R/F1, as the story and quote
cluster scripts and `summarise eval` count them (invented ids)."""

from __future__ import annotations

import pytest

from service.evaluation.articles import PRF
from service.evaluation.pairs import PairPRF, grouped_pairs, grouping_prf


def test_grouped_pairs_are_sorted_pairs_within_each_group() -> None:
    assert grouped_pairs([["c", "a", "b"], ["d"], ["f", "e"]]) == {
        ("a", "b"),
        ("a", "c"),
        ("b", "c"),
        ("e", "f"),
    }
    # `keep` drops members before pairing: no pair with a dropped member
    assert grouped_pairs([["c", "a", "b"], ["e", "f"]], keep={"a", "c", "e"}) == {("a", "c")}


def test_grouping_prf_scores_over_the_predicted_members_by_default() -> None:
    gold = [["a", "b", "c"], ["d", "e"]]
    # "c" was never grouped (say, not digested): the gold pairs with it are no misses
    got = grouping_prf([["a", "b"], ["d"], ["e"]], gold)
    assert (got.tp, got.fp, got.fn) == (1, 0, 1)  # a~b found, d~e missed
    assert got.precision == 1.0 and got.recall == 0.5
    assert got.f1 == pytest.approx(2 / 3)


def test_grouping_prf_within_the_gold_leaves_unlabelled_members_out() -> None:
    gold = [["a", "b"], ["c"]]
    pred = [["a", "b", "x"], ["c", "y", "z"]]  # x, y, z: mixed-in articles nobody labelled
    assert grouping_prf(pred, gold).figures()["fp"] == 5
    within = grouping_prf(pred, gold, within={"a", "b", "c"})
    assert within.figures() == {"P": 1.0, "R": 1.0, "F1": 1.0, "tp": 1, "fp": 0, "fn": 0}
    joined = grouping_prf([["a", "b", "c"]], gold, within={"a", "b", "c"})
    assert (joined.tp, joined.fp, joined.fn) == (1, 2, 0)
    assert joined.precision == pytest.approx(1 / 3) and joined.recall == 1.0


def test_pair_scores_count_nothing_to_do_as_perfect_unlike_prf() -> None:
    # nothing predicted and nothing to find: no wrong pair, no missed pair
    assert PairPRF().figures() == {"P": 1.0, "R": 1.0, "F1": 1.0, "tp": 0, "fp": 0, "fn": 0}
    assert (PRF().precision, PRF().recall, PRF().f1) == (0.0, 0.0, 0.0)
    # nothing predicted, one pair to find: precision 1.0 but recall 0, so F1 0
    missed = PairPRF(0, 0, 1)
    assert (missed.precision, missed.recall, missed.f1) == (1.0, 0.0, 0.0)
    assert (PRF(0, 0, 1).precision, PRF(0, 0, 1).recall) == (0.0, 0.0)


def test_prf_of_sets_and_sums_keep_their_kind() -> None:
    got = PRF.of({1, 2, 3}, {2, 3, 4, 5})
    assert got == PRF(tp=2, fp=1, fn=2)
    total = PairPRF.of(set(), set()) + PairPRF(1, 1, 0)
    assert isinstance(total, PairPRF) and total == PairPRF(1, 1, 0)
    assert type(PRF(1, 0, 0) + PRF(0, 1, 0)) is PRF
