"""The -woman/-man compound search in unnamed_subjects runs only on windows where one of the
compounds starts: that look-up must never skip a window the search would find a match in."""

from __future__ import annotations

import random
import re

from service.extract.gender_evidence import ROLE_COMPOUNDS
from service.extract.unnamed_subjects import _COMPOUND_RX, _compound_inside, _compound_starts

_WORDS = [
    "A",
    "An",
    "One",
    "a",
    "an",
    "one",
    "the",
    "spokesman",
    "spokeswoman",
    "chairwoman",
    "Chairman",
    "fireman",
    "congressman",
    "woman",
    "women",
    "man",
    "German",
    "manager",
    "human",
    "said",
    "told",
    ",",
    ".",
    "Ms",
    "Vale",
    "of",
    "the",
    "council",
    "firemen",
    "businesswoman",
    "frontierman",
    "stateswoman",
    "salesman",
]


def _texts(n: int) -> list[str]:
    rng = random.Random(7)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(3, 40))) for _ in range(n)]


def test_starts_are_where_a_compound_begins() -> None:
    for text in _texts(150):
        for p, head in ROLE_COMPOUNDS.items():
            core = "wom[ae]n" if p == "she" else head
            want = [m.start() for m in re.finditer(f"(?=(?:{core}))", text)]
            assert _compound_starts(text, p) == want


def test_no_window_with_a_match_is_skipped() -> None:
    rng = random.Random(11)
    matched = 0
    for text in _texts(150):
        for _ in range(20):
            lo, hi = rng.randint(-3, len(text)), rng.randint(0, len(text) + 3)
            for p in ROLE_COMPOUNDS:
                if _COMPOUND_RX[p].search(text[lo:hi]) is not None:
                    matched += 1
                    assert _compound_inside(text, p, lo, hi), (text, lo, hi, p)
    assert matched > 100  # the texts do hold such phrases
