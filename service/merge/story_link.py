"""Whether two article profiles report one story: a small logistic model over six pair features.

    from service.merge.story_link import MODEL, features
    MODEL.score(features(p, q, gap))     # log-odds that p and q are one story

The features of a pair come from the two profiles alone (cheap: one pass over the smaller vector):
  * words:  the cosine of the two TF-IDF vectors over content words (title, summaries,
            quotations) that are not `names` (words + names, unscaled, is the whole cosine);
  * names:  the cosine of the two vectors cut to their name dimensions: the words both articles
            write only capitalised (not titles, months, nationality words: "Vallerno", "Eklund")
            and the named-actor keys, each article's name weight floored at NAME_MASS (so an
            article whose only name is a common one does not score 1), so a shared place or name
            counts apart from shared topic words ("earthquake", "interest rate");
  * quotes: log(1 + the number of shared 6-word quotation runs);
  * gap:    the days between the two dates, capped at GAP_CAP; GAP_UNKNOWN when either article
            has no date (an undated article is judged on its words);
  * nonames: 1 when the pair shares no name at all (same-topic news about other people and
            places: two earthquakes, two rate decisions), else 0.
  * xlang:  1 when the two articles' languages are known and differ (service.merge.story_xlang:
            such a pair shares about no content word whatever it reports, so the model learns
            what that absence is worth; story_xlang also makes the name dimensions
            language-aware and adds number anchors such as "#1200" for "1,200" / "1.200").

The weights and the threshold are data: `story_link.json` beside this module, written by
`scripts/train_story_link.py` from the labelled PolNeAR pairs in tests/data/story_pairs and the
invented multi-outlet sets tests/data/invented_stories/tune and xlang (the
script prints how it chose the threshold, and writes the same bytes every run).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import compress, filterfalse, repeat
from operator import ge
from pathlib import Path
from typing import Protocol

from service.merge import names as nm
from service.merge.common import fast_fold
from service.merge.story_xlang import cross_language
from service.months import EN_MONTHS

FEATURES = ("words", "names", "quotes", "gap", "nonames", "xlang")
GAP_CAP = 10
GAP_UNKNOWN = 1
NAME_MASS = 0.1
WEIGHTS_FILE = Path(__file__).with_name("story_link.json")


class Linkable(Protocol):
    """What the features read from a profile (service.merge.stories.Profile)."""

    vec: dict[str, float]
    shingles: frozenset[int]
    names: frozenset[str]
    name_mass: float
    lang: str | None  # story_xlang hook


# a word that starts with a capital letter (Latin, Greek, Cyrillic): the capital first, then the
# test that no word character comes before it (\b in front would be tried at every character;
# a leading class is found by the regex engine's fast scan)
_CAP = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-Я](?<!\w.)[^\W_]*")
_MONTHS = frozenset(EN_MONTHS)


def _demonyms() -> frozenset[str]:
    from service.extract.names import DEMONYMS

    return frozenset(fast_fold(k) for k in DEMONYMS if k.isalpha())


# capitalised words that are no one's name: titles ("Governor", "Mayor"), place and company
# designators ("Province", "Group"), nationality words ("German")
_NOT_NAMES = nm.TITLES | nm.PLACE_WORDS | nm.ORG_DESIGNATORS | _demonyms() | _MONTHS
_ZERO = repeat(0)


def capitalised_words(text: str) -> list[str]:
    """The folded words `text` writes capitalised, each occurrence. _CAP's range Ā-Ž (Latin
    Extended-A) holds the lower-case letters too (it alternates "Ą", "ą", ... "Ž"): a word that
    starts with "ł", "ś" or "č" ("łapówki", "śledczych") is no name, so a match of a text
    that is not ASCII keeps only words whose first letter is a capital."""
    caps = _CAP.findall(text)
    if caps and not text.isascii():
        caps = [w for w in caps if w[0].isupper()]
    return fast_fold(" ".join(caps)).split() if caps else []


def names_among(capitalised: Iterable[str], total: Mapping[str, int]) -> list[str]:
    """The folded words a text writes capitalised and never in lower case (names, places, and
    the odd sentence-initial word), titles, months and nationality words left out: `capitalised`,
    the folded words it writes capitalised (capitalised_words, each occurrence), each counted
    against `total`, the count of each of its folded words."""
    counted = Counter(capitalised)
    # in C: the words counted capitalised at least as often as in all, in their first order
    always = compress(counted, map(ge, counted.values(), map(total.get, counted, _ZERO)))
    return list(filterfalse(_NOT_NAMES.__contains__, always))


def name_mass(vec: dict[str, float], names: frozenset[str]) -> float:
    """The squared length of a profile's name dimensions (`names`: its name words and actor
    keys), floored at NAME_MASS: what the `names` cosine divides by. `names` is a set, whose order
    follows the per-process string hash seed; fsum is exactly rounded, so the mass is the same
    whatever that order (a plain sum could differ in its last bit between runs)."""
    get = vec.get
    return max(NAME_MASS, math.fsum(v * v for k in names if (v := get(k)) is not None))


def features(p: Linkable, q: Linkable, gap: int | None) -> tuple[float, ...]:
    """The FEATURES of a pair, in order; `gap` in days, None when a date is unknown."""
    a, b = (p.vec, q.vec) if len(p.vec) <= len(q.vec) else (q.vec, p.vec)
    words = names = 0.0
    pn, qn = p.names, q.names
    # only the keys both vectors hold, found in C (most keys are not shared), in a's order: the
    # products add in the order a whole-vector loop would add them
    for k in compress(a, map(b.__contains__, a)):
        if k in pn and k in qn:
            names += a[k] * b[k]
        else:
            words += a[k] * b[k]
    shared_runs = len(p.shingles & q.shingles) if p.shingles and q.shingles else 0
    days = GAP_UNKNOWN if gap is None else min(gap, GAP_CAP)
    if names:
        names /= math.sqrt(p.name_mass * q.name_mass)
    nonames = 0.0 if names else 1.0
    # story_xlang hook: the `xlang` feature (the word cosine of such a pair cannot be read)
    return (words, names, math.log1p(shared_runs), float(days), nonames, cross_language(p, q))


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
