"""Scans rewritten for speed find what the plain forms they replace find (issue #12, stop 25).

Each fast form is compared with its plain form on invented sentences and on seeded random strings
built from the characters the scan cares about.
"""

from __future__ import annotations

import random
import re

import pytest

from service.extract import date_scan, events, quote_marks, summary, word_scan

SENTENCES = [
    "In 1999 and 2024, 20201 and 19 20 and 1920-21; 2019/20, ٢٠٢٤ and 2000.",
    "“Trump’s plan,” she said, “won’t ‘work’.” 'Twas the O'Neills' '90s \"rock 'n' roll\".",
    "He said: ”It's done„ and «fine»\n\"Open only\nClosed” here ’90s",
]


def _random_texts(pieces: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(n)]


def _plain_year_starts(text: str) -> list[int]:
    return [m.start() for m in date_scan.NEEDS["year"].finditer(text)]


def test_year_starts_are_the_plain_scans_match_starts() -> None:
    pieces = ["19", "20", "1", "2", "0", "9", "٢", "a", " ", "1920", "2019"]
    for text in SENTENCES + _random_texts(pieces, 3000, 25):
        assert date_scan.year_starts(text) == _plain_year_starts(text), text


def test_year_starts_drop_a_year_that_overlaps_the_one_before() -> None:
    assert date_scan.year_starts("192020 1919") == [0, 7]
    assert date_scan.year_starts("x20") == []
    assert date_scan.year_starts("202") == []


_MARKS = "\"“”„«»‘’'"


def _plain_mark_starts(text: str, ls: int, le: int) -> list[int]:
    """The quotation marks in [ls, le) without a letter or digit on both sides, as quoted_mask's
    loop used to skip them one by one."""
    return [
        i
        for i in range(ls, le)
        if text[i] in _MARKS
        and not (i > ls and text[i - 1].isalnum() and i + 1 < len(text) and text[i + 1].isalnum())
    ]


def test_the_mark_scan_passes_over_exactly_the_marks_inside_words() -> None:
    pieces = [*_MARKS, "a", "é", "1", "_", " ", "\n", ".", "—"]
    for text in SENTENCES + _random_texts(pieces, 3000, 26):
        lines = [(m.start(), m.end()) for m in events.PARA_RE.finditer(text)]
        for ls, le in [(0, len(text)), *lines]:
            found = [m.start() for m in events._QUOTE_MARK.finditer(text, ls, le)]
            assert found == _plain_mark_starts(text, ls, le), (text, ls, le)


def test_an_apostrophe_inside_a_quotation_stays_quoted() -> None:
    text = "He said “Trump’s plan won’t work” and left O’Neill’s."
    mask = events.quoted_mask(text)
    inside = text.index("Trump"), text.index("”")
    assert all(mask[inside[0] : inside[1]])
    assert not any(mask[: inside[0] - 1]) and not any(mask[inside[1] + 1 :])


@pytest.mark.parametrize(
    ("pattern", "firsts", "pieces"),
    [
        (
            summary._BREAK,
            ".!?…",
            [".", "!", "?", "…", '"', "'", "”", "’", ")", "]", " ", "\n", "a", "B", "1", "\xa0"],
        ),
        (quote_marks._ELISION_RE, "'‘’", ["'", "‘", "’", "n", "em", "TIL", "90s", "_", " ", "a"]),
        (quote_marks._MARK_TOKEN_RE, quote_marks._MARKS, [*quote_marks._MARKS, "a", "1", "_", " "]),
        (word_scan._PARTICLE_JOIN, "-’'", ["-", "’", "'", "A", "À", "Þ", "ß", "a", " ", "--"]),
    ],
)
def test_matches_tried_at_their_first_characters_are_the_whole_text_scans(
    pattern: re.Pattern[str], firsts: str, pieces: list[str]
) -> None:
    texts = [*SENTENCES, "Mr. Okafor left... “We will!” He said? Yes.\nNo … Then. a 'em"]
    for text in texts + _random_texts(pieces, 3000, 27):
        fast = [(m.span(), m.groups()) for m in word_scan.matches_at(pattern, text, firsts)]
        plain = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert fast == plain, text
