"""word_runs (service.merge.common) gives the \\w+ runs the regex gives, on its ASCII fast path
and on the regex path it keeps for other text."""

from __future__ import annotations

import re

import pytest

from service.merge.common import word_runs, words
from service.merge.event_features import text_stems
from service.merge.quote_keys import quote_segments

_W = re.compile(r"\w+")

TEXTS = [
    "",
    "   ",
    "Ministra Quelvane said 2,500 troops (about 40%) left Dorrenby at 10:30.",
    "snake_case and __dunder__ words_ stay_whole",
    "tabs\tand\nnewlines\x0bvertical\x0cfeed\x1cfile\x1dgroup\x1erecord\x1funit",
    "punctuation!?;:'\"[]{}()<>/\\|@#$%^&*+=~`-.,",
    "x1y2 3z 007 1.5e3",
    "Señora Ýlvaren dijo: «basta» — ünd Straße",
    "naïve café_au_lait ½ ² ٣",
    "Пётр Волков сказал",
    "a\u00a0b\u2009c",
]


@pytest.mark.parametrize("text", TEXTS)
def test_word_runs_match_the_regex(text: str) -> None:
    assert word_runs(text) == _W.findall(text)
    assert word_runs(text.lower()) == _W.findall(text.lower())


def test_every_ascii_character_splits_as_the_regex_does() -> None:
    text = "".join(f"a{chr(c)}b" for c in range(128))
    assert word_runs(text) == _W.findall(text)


def test_callers_read_the_same_words() -> None:
    assert words("“Blockade_Nine” hit Varnholm’s port") == [
        "blockade_nine",
        "hit",
        "varnholm",
        "s",
        "port",
    ]
    assert quote_segments("We will rebuild the harbour… every pier of it") == (
        ("we", "will", "rebuild", "the", "harbour"),
        ("every", "pier", "of", "it"),
    )
    assert {"harbou", "varnho", "crew"} <= text_stems(
        "Crews rebuilt the harbour at Varnholm on Tuesday"
    )
