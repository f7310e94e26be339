"""The date finder's word alternations are laid out as tries (word_scan.alternation, which the
word finders use too): the same matches, with the same preference, as the flat longest-first
alternation they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import dates
from service.extract.date_values import (
    EN_WEEKDAY_ABBR,
    FOREIGN_MONTHS,
    NUMBERS,
    TODAY,
    WEEKDAYS,
    YESTERDAY,
)
from service.extract.word_scan import alternation

VOCABULARIES = {
    "weekdays": list(WEEKDAYS),
    "weekday_abbr": list(EN_WEEKDAY_ABBR),
    "foreign_months": list(FOREIGN_MONTHS),
    "numbers": list(NUMBERS),
    "yesterday": list(YESTERDAY),
    "today": list(TODAY),
}


def _flat(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _pair(words: list[str], flags: int, tail: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # `tail` makes the preference visible: a pattern that goes on after the word backtracks
    # into shorter words when the longer one leaves it nothing to match
    return (
        re.compile(f"(?P<w>{_flat(words)}){tail}", flags),
        re.compile(f"(?P<w>{alternation(words)}){tail}", flags),
    )


def _probes(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        for k in range(len(w) + 1):
            out += [w[:k], w[:k].upper(), w[:k] + "x", w[:k] + " ", w[:k] + "-feira"]
        out += [w.capitalize(), w + w, w + "day", w + "s ago", w[:-1] + "ı" if w else ""]
    return out


def _same(flat: re.Pattern[str], trie: re.Pattern[str], text: str) -> None:
    for at in range(len(text) + 1):
        a, b = flat.match(text, at), trie.match(text, at)
        assert (a and (a.span(), a.group("w"))) == (b and (b.span(), b.group("w"))), (text, at)


@pytest.mark.parametrize("name", sorted(VOCABULARIES))
@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("tail", ["", r"(?![\w])", r"\w*?y\b", r"s?\s+ago"])
def test_trie_alternation_matches_as_the_flat_one(name: str, flags: int, tail: str) -> None:
    words = VOCABULARIES[name]
    flat, trie = _pair(words, flags, tail)
    for probe in _probes(words):
        _same(flat, trie, probe)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text("abdeinorsuyáì-’'", min_size=1, max_size=6), min_size=1, max_size=8),
    st.text("abdeinorsuyáì-’' AIOSıİ", max_size=24),
)
def test_trie_alternation_on_any_words(words: list[str], text: str) -> None:
    words = list(dict.fromkeys(words))
    for flags in (0, re.IGNORECASE):
        for tail in ("", r"(?![\w])", r"[a-z]*?s"):
            flat, trie = _pair(words, flags, tail)
            _same(flat, trie, text)
            for w in words:
                _same(flat, trie, w + text)


def test_the_rules_are_built_from_tries() -> None:
    # the weekday rule holds the trie, not the flat list (which would repeat "mon" and "monday")
    weekday = next(r for r in dates._RULES if r.name == "weekday").pattern.pattern
    assert alternation(WEEKDAYS) in weekday
    assert "|monday|" not in weekday
    found = dates.find_dates("Late on Tuesday night and on Sonntag and last Thurs. too.", None)
    assert [d.text for d in found] == ["Late on Tuesday night", "Sonntag", "last Thurs."]


def _tokens(text: str, words: frozenset[str]) -> list[tuple[int, str]]:
    """The anchor words by the plain definition: the letter runs of the text that are words."""
    runs = ((m.start(), m.group().lower()) for m in re.finditer(r"[^\W\d_]+", text))
    return [(start, w) for start, w in runs if w in words]


_ANCHOR_PIECES = list("mayjunsdaewkoriy ,.-_1’“\n\xa0éèìäçÉMSY") + [
    "may", "sunday", "week", "ago", "lunedì", "märz", "mayor", "dismay", "_may", "2may",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_ANCHOR_PIECES), max_size=30).map("".join))
def test_the_anchor_scan_finds_the_whole_token_words(text: str) -> None:
    # the scan of the lower-cased text skips letters by an a-z range test before it checks for
    # a non-letter: what it finds is the plain token-by-token answer
    windows = dates._WINDOWS
    assert list(windows.anchor_words(text)) == _tokens(text, windows._words)


def test_the_anchor_scan_over_written_news() -> None:
    text = (
        "On Tuesday, in May 2024, the mayor said: “Yesterday’s vote\xa0was last week.” "
        "Le lundi 3 mars, Mittwoch_ and 2may are letter runs, mayday is not; lunedì è, sábado-feira."
    )
    found = list(dates._WINDOWS.anchor_words(text))
    assert found == _tokens(text, dates._WINDOWS._words)
    assert [w for _, w in found] == [
        "tuesday", "may", "yesterday", "week", "lundi", "mars", "mittwoch", "may", "lunedì",
        "sábado",
    ]  # fmt: skip
