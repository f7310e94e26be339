"""The faster scans of the offline engine find exactly what the plain scans they replace find.

Each rewritten pattern (or stretch-limited scan) is compared with the straightforward form it
stands for, on invented sentences and on seeded random strings built from the characters the
patterns care about (marks, digits, look-behind characters, line breaks).
"""

from __future__ import annotations

import random
import re

import pytest

from service.extract import collectives, dates, quote_marks, summary

# the plain forms: a look-behind in front, a whole-text scan
PLAIN_END = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s)")
PLAIN_ELISION = re.compile(
    r"(?<![\w'‘’])['‘’](?:n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|\d\ds?\b)", re.IGNORECASE
)
PLAIN_YEAR = re.compile(
    r"(?<![\w$€£.,/-])(?P<year>(?:19|20)\d{2})(?![\w%/]|[.,:-]\d|\s*(?:per\s*cent|percent))",
    re.IGNORECASE,
)

SENTENCES = [
    "Mr. Okafor said... “We will see!” He left?! The U.S. envoy… arrived. 'Twas late ’90s.",
    "Rock 'n' roll, ’em all; til dawn. In 1999 and 2024, $2024 and 2,019 and 20.5% and 1987-88.",
    "The Iraqi forces and US troops met Iran-backed militia groups; Kurdish fighters, the army.",
    "The government of Norway said U.S. forces3 and é armed groups\nIraqi\nforces withdrew.",
]


def _random_texts(pieces: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def _found(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict() or {"0": m.group()}) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fast", "plain", "pieces"),
    [
        (
            summary._END,
            PLAIN_END,
            [".", "!", "?", "…", '"', "'", "”", "’", ")", "]", " ", "\n", "a"],
        ),
        (
            quote_marks._ELISION_RE,
            PLAIN_ELISION,
            ["'", "‘", "’", "n", "em", "TIL", "90s", "_", " "],
        ),
        (
            next(r.pattern for r in dates._RULES if r.name == "year"),
            PLAIN_YEAR,
            ["19", "20", "1", "2", "99", "$", "€", ".", ",", "/", "-", "%", " ", "percent", "a"],
        ),
    ],
)
def test_a_reordered_look_behind_finds_the_same_matches(
    fast: re.Pattern[str], plain: re.Pattern[str], pieces: list[str]
) -> None:
    texts = SENTENCES + _random_texts(pieces, 5000, seed=len(pieces))
    rng = random.Random(7)
    for text in texts:
        assert _found(fast.finditer(text)) == _found(plain.finditer(text)), text
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        assert _found(fast.finditer(text, lo, hi)) == _found(plain.finditer(text, lo, hi)), text


def test_collective_scan_of_noun_stretches_matches_the_whole_text_scan() -> None:
    pieces = ["The ", "US", "U.S.", "Iraqi", "Iran-backed", "Kurdish", "forces", "troops", "army"]
    pieces += ["service members", "militia groups", "armed", "groups", "new", "x", ",", "3", "é"]
    pieces += ["_", "\n", " ", " ", "’", "-", "."]
    texts = SENTENCES + _random_texts(pieces, 5000, seed=11)
    for text in texts:
        plain = collectives._COLLECTIVE.finditer(text)
        assert _found(collectives._collective_matches(text)) == _found(plain), text
    # the scan is not vacuous: the invented sentences hold collectives
    assert len(collectives._collective_matches(SENTENCES[2])) >= 3
