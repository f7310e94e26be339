"""The date finder's pre-filters: where in a text its rules can match at all, found cheaply.

* Rules keyed to words (month and weekday names, "yesterday", "week", "ago"...) run only in
  windows around those words: `AnchorWindows` finds the words in one regex scan (their trie,
  from `word_scan.alternation`, which the date rules' word lists and the word finders use too) and merges the windows around
  them, noting the words in each.
* Rules with a four-digit year in them ("2024-02-07", "7.2.2024", "end of 2024", a bare "2024")
  run only when the text holds a year where they could read one: `year_starts` finds the
  (19|20)dd runs once, and `needed` tells from them, one look per year, whether a rule's
  whole-text scan can find anything (the plain test is the pattern in NEEDS).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from service.extract.word_scan import alternation

__all__ = ["NEEDS", "AnchorWindows", "needed", "year_starts"]

_TOKEN = re.compile(r"[^\W\d_]+")  # a word: a run of letters
_DIGIT = re.compile(r"\d")


# an anchor word is a whole token: no letter on either side. Every match but one at the text's
# start begins at the non-letter in front of its word, found first as a character that is not
# a-z (a range test: the regex engine skips the letters of a lower-cased text without asking
# the Unicode database what each one is), then checked for the \W, \d or _ it must be
_FIRST, _REST = r"({trie})(?![^\W\d_])", r"[^a-z](?<=[\W\d_])({trie})(?![^\W\d_])"


class AnchorWindows:
    """Windows of `width` characters either side of each anchor word, merged per kind of word.

    `digit_kinds` names further kinds: a kind's windows that hold a digit (\\d).
    """

    def __init__(
        self,
        kinds: Mapping[str, frozenset[str]],
        *,
        width: int,
        digit_kinds: Mapping[str, str] | None = None,
    ) -> None:
        self._kinds = dict(kinds)
        self._words = frozenset().union(*self._kinds.values())
        # their whole-token occurrences, in one scan (words that are no token are never found)
        trie = alternation(sorted(w for w in self._words if _TOKEN.fullmatch(w)))
        self._sources = (_FIRST.format(trie=trie), _REST.format(trie=trie))
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None  # on first use
        self._width = width
        self._digit_kinds = dict(digit_kinds or {})
        # lower-casing the whole text gives each word's own lower case but for a final sigma,
        # which depends on what follows: a set with a sigma in it takes the word-by-word path
        self._sigma = any("σ" in w or "ς" in w for w in self._words)

    def anchor_words(self, text: str) -> Iterable[tuple[int, str]]:
        """(start, lower-case word) of the text's anchor words, in text order."""
        # one lower() for the whole text instead of one per word: when no character changes
        # length in lower case, the lower-case copy has the text's offsets and its words (lower
        # case keeps letters letters)
        lower = text.lower()
        if len(lower) == len(text) and not self._sigma:
            return self._scan(lower)  # one scan that stops at the anchors only
        found = ((m.start(), m.group().lower()) for m in _TOKEN.finditer(text))
        return [(start, w) for start, w in found if w in self._words]

    def _scan(self, lower: str) -> Iterator[tuple[int, str]]:
        if self._patterns is None:
            self._patterns = (re.compile(self._sources[0]), re.compile(self._sources[1]))
        first, rest = self._patterns
        m = first.match(lower)
        if m is not None:
            yield 0, m.group(1)
        for m in rest.finditer(lower):
            yield m.start(1), m.group(1)

    def windows_and_words(
        self, text: str
    ) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[set[str]]]]:
        """The windows, and for each window the anchor words (lower case) whose windows were
        merged into it: those that start inside it."""
        hits: dict[str, list[tuple[int, str]]] = {kind: [] for kind in self._kinds}
        for start, w in self.anchor_words(text):
            for kind, words in self._kinds.items():
                if w in words:
                    hits[kind].append((start, w))
        out: dict[str, list[tuple[int, int]]] = {}
        held: dict[str, list[set[str]]] = {}
        width, n = self._width, len(text)
        for kind, starts in hits.items():
            merged: list[tuple[int, int]] = []
            inside: list[set[str]] = []
            for p, w in starts:
                a, b = max(0, p - width), min(n, p + width)
                if merged and a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], b)
                    inside[-1].add(w)
                else:
                    merged.append((a, b))
                    inside.append({w})
            out[kind], held[kind] = merged, inside
        for kind, of in self._digit_kinds.items():
            keep = [i for i, (a, b) in enumerate(out[of]) if _DIGIT.search(text, a, b)]
            out[kind] = [out[of][i] for i in keep]
            held[kind] = [held[of][i] for i in keep]
        return out, held


# What every match of a whole-text rule contains: a text without it is spared the rule's slower
# scan. These are the plain tests; `needed` gives their answer from the year starts.
NEEDS = {
    "iso": re.compile(r"(?:19|20)\d\d-"),
    "dmy_num": re.compile(r"[.-](?:19|20)\d\d"),
    "mdy_slash": re.compile(r"/(?:19|20)\d\d"),
    "end_year": re.compile(r"of\s+(?:19|20)\d\d", re.IGNORECASE),
    "year": re.compile(r"(?:19|20)\d\d"),
}
_OF = re.compile("of", re.IGNORECASE)


def year_starts(text: str) -> list[int]:
    """Where the text's (19|20)dd runs start, found without overlap. One that overlaps an earlier
    one follows a digit, and no whole-text rule reads a year there: iso and year look behind for
    a word character, the others want a separator, a slash or a space in front of the year.

    The same starts as NEEDS["year"].finditer's (tests/test_s25_h5_fast_scans.py compares them), found by
    str.find, which skips to each "19" and "20" in C: the regex scan tries its first-character
    class at every character of the text, and most texts hold only a few of either pair. Every
    start of a pair followed by two digits (\\d is str.isdecimal's class) is a candidate; taken
    left to right, each that starts before the last one taken ends overlaps it and is dropped, as
    finditer, which resumes after each match, never sees it."""
    n = len(text)
    found: list[int] = []
    for pair in ("19", "20"):
        i = text.find(pair)
        while i >= 0:
            if i + 4 <= n and text[i + 2 : i + 4].isdecimal():
                found.append(i)
            i = text.find(pair, i + 1)
    if len(found) < 2:
        return found
    found.sort()
    out: list[int] = []
    end = 0
    for i in found:
        if i >= end:
            out.append(i)
            end = i + 4
    return out


def needed(name: str, text: str, years: list[int]) -> bool:
    """NEEDS[name].search(text) for the years a rule can read (see year_starts), read off the
    year starts: one look per year instead of a scan. False: the rule cannot match."""
    if name == "iso":
        return any(text.startswith("-", y + 4) for y in years)
    if name == "dmy_num":
        return any(y and text[y - 1] in ".-" for y in years)
    if name == "mdy_slash":
        return any(y and text[y - 1] == "/" for y in years)
    if name == "end_year":
        for y in years:
            j = y  # back over the whitespace in front of the year (\s is str.isspace)
            while j and text[j - 1].isspace():
                j -= 1
            if j < y and j >= 2 and _OF.match(text, j - 2):
                return True
        return False
    return bool(years)
