"""Find the words of a fixed set in a text in one regex scan, without visiting every word in Python.

`word_finder(words)` compiles a pattern that matches a word of the set where it is a whole
token: a maximal run of letters ([^\\W\\d_], as `re` reads it), so "may" is found in "in May,"
(lower-cased) but not in "mayor" or "dismay". With `hyphenated=True` a token is letter runs
joined by single hyphens ("a-t-il", "well-known"), as [^\\W\\d_]+(?:-[^\\W\\d_]+)* scans them, so
"said" is not found in "so-said". The words are laid out as a trie, so the engine tries one
branch per letter rather than every word, and every match but one at the very start of the text
begins at the non-letter in front of its word (a character class, which the engine skips to
quickly): the letters inside words are passed over without entering the trie.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["WordFinder", "word_finder"]

_L = r"[^\W\d_]"  # a letter
_TOKENS = {False: re.compile(rf"{_L}+"), True: re.compile(rf"{_L}+(?:-{_L}+)*")}


def _trie(words: Iterable[str]) -> str:
    """An alternation matching exactly `words`, factored by shared prefixes."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return emit(root)


class WordFinder:
    """Start offsets and words of the set's whole-token occurrences in a text, in text order."""

    def __init__(self, words: Iterable[str], *, hyphenated: bool = False) -> None:
        token = _TOKENS[hyphenated]
        ws = sorted({w for w in words if token.fullmatch(w)})
        if not ws:
            raise ValueError("word_finder needs at least one word that is a whole token")
        trie = _trie(ws)
        if hyphenated:
            # no letter, nor a hyphen that joins a letter, on either side
            end = rf"(?!{_L}|-{_L})"
            start = rf"[\W\d_](?<!{_L}-)"
        else:
            end = rf"(?!{_L})"
            start = r"[\W\d_]"
        # compiled on first use: a large set's trie takes milliseconds to compile, and some
        # finders serve only texts a one-article run may never see
        self._sources = (rf"({trie}){end}", rf"{start}({trie}){end}")
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def finditer(self, text: str) -> Iterator[tuple[int, str]]:
        if self._patterns is None:
            self._patterns = (re.compile(self._sources[0]), re.compile(self._sources[1]))
        first, rest = self._patterns
        m = first.match(text)
        if m is not None:
            yield 0, m.group(1)
        for m in rest.finditer(text):
            yield m.start(1), m.group(1)


def word_finder(words: Iterable[str], *, hyphenated: bool = False) -> WordFinder:
    """A finder for `words` (those that cannot be a whole token are left out: never found)."""
    return WordFinder(words, hyphenated=hyphenated)
