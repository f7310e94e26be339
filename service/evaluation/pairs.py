"""Pairwise scores of a grouping (articles into stories, quotes into utterances): the pairs a
grouping makes, and the P/R/F1 convention of the evaluation scripts' pair scores.

A grouping is scored over unordered pairs: a pair is predicted when one predicted group holds
both members, and gold when one gold group does. `PairPRF` counts them like PRF, except that no
pair predicted is no wrong pair (precision 1.0) and no gold pair is nothing missed (recall 1.0);
`summarise eval` keeps PRF's 0.0 for its story figures."""

from __future__ import annotations

import itertools
from collections.abc import Collection, Container, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from service.evaluation.articles import PRF

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparisonT as T

__all__ = ["PairPRF", "grouped_pairs", "grouping_prf"]


@dataclass(slots=True)
class PairPRF(PRF):
    """PRF of pair scores: 1.0 where nothing was predicted (precision) or to find (recall)."""

    EMPTY: ClassVar[float] = 1.0

    def figures(self) -> dict[str, float]:
        """P, R, F1 and the counts, as the evaluation scripts print them (and their --json)."""
        return {
            "P": self.precision,
            "R": self.recall,
            "F1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def grouped_pairs(
    groups: Iterable[Iterable[T]], keep: Container[T] | None = None
) -> set[tuple[T, T]]:
    """Every pair (a, b), a < b, of members one group holds; with `keep`, members outside it are
    left out first."""
    out: set[tuple[T, T]] = set()
    for g in groups:
        members = g if keep is None else (a for a in g if a in keep)
        out.update(itertools.combinations(sorted(members), 2))
    return out


def grouping_prf(
    pred: Collection[Iterable[str]],
    gold: Iterable[Iterable[str]],
    within: Container[str] | None = None,
) -> PairPRF:
    """Pairwise P/R/F1 of the predicted groups against the gold groups, over the members `within`
    (default: those the predicted groups hold, so a gold member that was not grouped, an article
    not digested, makes no missed pair). Pass the gold members as `within` to leave out
    unlabelled members mixed into the prediction."""
    if within is None:
        within = {a for g in pred for a in g}
    return PairPRF.of(grouped_pairs(pred, within), grouped_pairs(gold, within))
