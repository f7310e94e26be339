"""Whether two article profiles report one story: a small logistic model over four pair features.

    from service.merge.story_link import MODEL, features
    MODEL.score(features(p, q, gap))     # log-odds that p and q are one story

The features of a pair come from the two profiles alone (cheap: one pass over the smaller vector):
  * words:  the cosine of the two TF-IDF vectors over content words only (title, summaries,
            quotations);
  * actors: the cosine over the named-actor keys only (words + actors is the whole cosine);
  * quotes: log(1 + the number of shared 6-word quotation runs);
  * gap:    the days between the two dates, capped at GAP_CAP; GAP_UNKNOWN when either article
            has no date (an undated article is judged on its words).

The weights and the threshold are data: `story_link.json` beside this module, written by
`scripts/train_story_link.py` from the labelled PolNeAR pairs in tests/data/story_pairs (the
script prints how it chose the threshold, and writes the same bytes every run).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

FEATURES = ("words", "actors", "quotes", "gap")
GAP_CAP = 7
GAP_UNKNOWN = 1
WEIGHTS_FILE = Path(__file__).with_name("story_link.json")


class Linkable(Protocol):
    """What the features read from a profile (service.merge.stories.Profile)."""

    vec: dict[str, float]
    shingles: frozenset[int]


def features(p: Linkable, q: Linkable, gap: int | None) -> tuple[float, ...]:
    """The FEATURES of a pair, in order; `gap` in days, None when a date is unknown."""
    a, b = (p.vec, q.vec) if len(p.vec) <= len(q.vec) else (q.vec, p.vec)
    words = actors = 0.0
    get = b.get
    for k, v in a.items():
        w = get(k)
        if w is not None:
            if k[0] == "@":
                actors += v * w
            else:
                words += v * w
    shared_runs = len(p.shingles & q.shingles) if p.shingles and q.shingles else 0
    days = GAP_UNKNOWN if gap is None else min(gap, GAP_CAP)
    return (words, actors, math.log1p(shared_runs), float(days))


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model: bias + weights . features; a pair links at score >= threshold."""

    bias: float
    weights: tuple[float, ...]
    threshold: float

    def score(self, x: tuple[float, ...]) -> float:
        return self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True))

    @classmethod
    def load(cls, path: Path = WEIGHTS_FILE) -> Model:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if tuple(data["features"]) != FEATURES:
                raise ValueError(f"features {data['features']} are not {list(FEATURES)}")
            return cls(
                float(data["bias"]),
                tuple(float(data["weights"][f]) for f in FEATURES),
                float(data["threshold"]),
            )
        except (OSError, ValueError, KeyError, TypeError) as e:
            raise RuntimeError(f"{path}: not a story link model ({e})") from e


MODEL = Model.load()
