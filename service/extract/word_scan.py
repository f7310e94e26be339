"""Find the words of a fixed set in a text in one regex scan, without visiting every word in Python.

`word_finder(words)` compiles a pattern that matches a word of the set where it is a whole
token: a maximal run of letters ([^\\W\\d_], as `re` reads it), so "may" is found in "in May,"
(lower-cased) but not in "mayor" or "dismay". With `hyphenated=True` a token is letter runs
joined by single hyphens ("a-t-il", "well-known"), as [^\\W\\d_]+(?:-[^\\W\\d_]+)* scans them, so
"said" is not found in "so-said". The words are laid out as a trie, so the engine tries one
branch per letter rather than every word, and every match but one at the very start of the text
begins at the non-letter in front of its word (a character class, which the engine skips to
quickly): the letters inside words are passed over without entering the trie.

The token scans below answer questions about a text's token list (where a token is written, which
tokens may open a name) with C-level list and regex operations rather than a Python step per token.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import compress, count
from operator import itemgetter

__all__ = [
    "WordFinder",
    "alternation",
    "capitalised_inside",
    "indices",
    "is_lower_word",
    "matches_at",
    "start_tokens",
    "word_finder",
]

_L = r"[^\W\d_]"  # a letter
_TOKENS = {False: re.compile(rf"{_L}+"), True: re.compile(rf"{_L}+(?:-{_L}+)*")}


def alternation(words: Iterable[str]) -> str:
    """An alternation matching exactly `words`, laid out as a trie (shared prefixes factored,
    a longer word tried before a word it extends): at each position the engine tries one branch
    per first letter instead of every word, and case-insensitive words get no literal fast path.

    It prefers what the flat longest-first alternation does: the words that can match at one
    place all read the same text, so each is a prefix of the next, and both try the longest first."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + emit(node[ch]) for ch in node if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else body + "?"

    return emit(root)


class WordFinder:
    """Start offsets and words of the set's whole-token occurrences in a text, in text order."""

    def __init__(self, words: Iterable[str], *, hyphenated: bool = False) -> None:
        self._given = tuple(words)
        if not any(map(_TOKENS[hyphenated].fullmatch, self._given)):
            raise ValueError("word_finder needs at least one word that is a whole token")
        self._hyphenated = hyphenated
        # the words are sifted and the trie laid out and compiled on first use: for a large set
        # (the conjugated speech verbs of every language) that takes tens of milliseconds (the
        # sifting alone ~2 ms), and some finders serve only texts a one-article run may never see
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def _compile(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        token = _TOKENS[self._hyphenated]
        trie = alternation(sorted({w for w in self._given if token.fullmatch(w)}))
        if self._hyphenated:
            # no letter, nor a hyphen that joins a letter, on either side
            end = rf"(?!{_L}|-{_L})"
            start = rf"[\W\d_](?<!{_L}-)"
        else:
            end = rf"(?!{_L})"
            start = r"[\W\d_]"
        return re.compile(rf"({trie}){end}"), re.compile(rf"{start}({trie}){end}")

    def finditer(self, text: str) -> Iterator[tuple[int, str]]:
        if self._patterns is None:
            self._patterns = self._compile()
        first, rest = self._patterns
        m = first.match(text)
        if m is not None:
            yield 0, m.group(1)
        for m in rest.finditer(text):
            yield m.start(1), m.group(1)


def word_finder(words: Iterable[str], *, hyphenated: bool = False) -> WordFinder:
    """A finder for `words` (those that cannot be a whole token are left out: never found)."""
    return WordFinder(words, hyphenated=hyphenated)


# ---------------------------------------------------------------------------- token scans


def indices(items: list[str], item: str) -> list[int]:
    """The indices of `item` in `items`, found by list.index (equality tested in C, an identity
    check first: a one-character token is the one cached string) rather than a call per item."""
    out: list[int] = []
    i = -1
    index = items.index
    try:
        while True:
            i = index(item, i + 1)
            out.append(i)
    except ValueError:
        return out


_LOWER_WORD = re.compile(r"\b[a-z][a-z’'-]+\b")  # the text's lower-case words
_LOWER_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")  # all a _LOWER_WORD match holds
_LOWER_WORD_FULL = re.compile(r"[a-z][a-z’'-]+")


def is_lower_word(text: str, word: str) -> bool:
    """`word in set(_LOWER_WORD.findall(text))`, without scanning the whole text (a text asks a dozen words).

    A match holds only _LOWER_RUN_CHARS, so none crosses a character outside them: the whole-text
    scan starts afresh at the first character of each stretch of them. Each place the word is
    written is looked at by scanning its stretch alone, from the stretch's start to one character
    past its end (the final \b sees that character; no match takes it)."""
    if _LOWER_WORD_FULL.fullmatch(word) is None:
        return False
    n, k = len(text), len(word)
    at = text.find(word)
    while at != -1:
        lo = at
        while lo > 0 and text[lo - 1] in _LOWER_RUN_CHARS:
            lo -= 1
        hi = at + k
        while hi < n and text[hi] in _LOWER_RUN_CHARS:
            hi += 1
        for m in _LOWER_WORD.finditer(text, lo, hi + 1):
            if m.start() >= at:
                if m.start() == at and m.end() == at + k:
                    return True
                break
        at = text.find(word, at + 1)
    return False


def capitalised_inside(w: list[str], sent_start: list[bool], x: str) -> bool:
    """`x` is a capitalised token written somewhere other than at a sentence's start: its places
    found by list.index in C, rather than a set of every such token built in Python."""
    return x[:1].isupper() and not all(sent_start[at] for at in indices(w, x))


# where a lower-case token can start a name: a particle joined to a capital ('al-Sudani'; see
# actor_mentions._start_word and names.is_cap); every such token holds one of these
_PARTICLE_JOIN = re.compile(r"[-’'][A-ZÀ-Þ]")
_FIRST = itemgetter(0)


def start_tokens(text: str, w: list[str], starts: list[int]) -> list[int]:
    """The indices of the tokens actor_mentions._start_word may accept, in order: those opening with a capital
    (found in C), plus the few lower-case ones joined to a capital by a hyphen or apostrophe. The
    rest actor_mentions._start_word turns down on their first character, so they need no look-up."""
    out = list(compress(count(), map(str.isupper, map(_FIRST, w))))
    extra = [
        k
        for k in {
            bisect_right(starts, m.start()) - 1 for m in matches_at(_PARTICLE_JOIN, text, "-’'")
        }
        if k >= 0 and not w[k][0].isupper()
    ]
    if extra:
        out = sorted(out + extra)
    return out


def matches_at(pattern: re.Pattern[str], text: str, firsts: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text)'s matches for a pattern whose every match is non-empty and opens
    with one of the characters `firsts`: tried only where one is written, in text order, past the
    end of the match before (as finditer resumes). str.find skips to each such character in C,
    where the whole-text scan tests the pattern's first-character class at every character; a
    match tried at a position looks behind it as the scan does."""
    at: list[int] = []
    for c in firsts:
        i = text.find(c)
        while i >= 0:
            at.append(i)
            i = text.find(c, i + 1)
    at.sort()
    match = pattern.match
    end = 0
    for i in at:
        if i >= end and (m := match(text, i)) is not None:
            end = m.end()
            yield m


_DASHES = frozenset("–—-")


def past_stamp(words: list[str], k: int) -> int:
    """The token after a liveblog's time stamp that opens the paragraph at token k ('10h42 –',
    '08.12 uur –', '19.02 Uhr –', '19:02 —'): the entry's first sentence starts there, so its
    subject opens a sentence as in any other paragraph; k when the paragraph opens otherwise."""
    j = k + 1
    if j < len(words) and _CLOCK.match(words[k]) is None:
        if not (words[k].isdigit() and _CLOCK.match(words[k] + words[j])):
            return k
        j += 1  # '10h42' is two tokens
    if j < len(words) and words[j].isalpha() and len(words[j]) <= 3:
        j += 1  # 'uur', 'Uhr', 'h'
    return j + 1 if j + 1 < len(words) and words[j] in _DASHES else k


_CLOCK = re.compile(r"\d{1,2}[.:h]\d\d$")
