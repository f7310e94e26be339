"""The date finder's word alternations are laid out as tries (dates._alt): the same matches, with
the same preference, as the flat longest-first alternation they replace."""

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
        re.compile(f"(?P<w>{dates._alt(words)}){tail}", flags),
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
    assert dates._alt(WEEKDAYS) in weekday
    assert "|monday|" not in weekday
    found = dates.find_dates("Late on Tuesday night and on Sonntag and last Thurs. too.", None)
    assert [d.text for d in found] == ["Late on Tuesday night", "Sonntag", "last Thurs."]
