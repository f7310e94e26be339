"""Hold model-written text to the article: every sentence a model writes must be backed by the
article sentences it cites, or the article's own sentence stands in.

A model sentence is *supported* when each of its terms occurs in the cited sentences: numbers
exactly, and every other word that is not a function word (names, first word of the sentence
included) as the same word or an inflection of it (a shared prefix of five letters, or four for
words that short). An event summary cites its evidence sentence; the article summary, which cites
none, is checked sentence by sentence against the one or two article sentences that back it best.

Besides support, three failure shapes of small models are caught: a text that repeats itself (a
word trigram said twice), a copy of the prompt's worked example (a word 4-gram of the example that
the article lacks), and duplicate events (the same summary twice). Every replacement and drop is
counted by the caller in `provenance.dropped.reasons`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from service.normalise import strip_accents

_WORD = re.compile(r"\w+(?:[’']\w+)*", re.UNICODE)
_NUMBER = re.compile(r"\d")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")
# Function words and reporting verbs: free in a model sentence (they carry no checkable fact).
_FREE = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "so",
        "yet",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "without",
        "about",
        "into",
        "onto",
        "over",
        "under",
        "after",
        "before",
        "during",
        "since",
        "until",
        "than",
        "then",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "it",
        "its",
        "it's",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "they",
        "them",
        "he",
        "him",
        "his",
        "she",
        "her",
        "hers",
        "we",
        "our",
        "us",
        "you",
        "your",
        "i",
        "me",
        "my",
        "who",
        "whom",
        "whose",
        "which",
        "what",
        "when",
        "where",
        "why",
        "how",
        "all",
        "any",
        "both",
        "each",
        "few",
        "more",
        "most",
        "other",
        "some",
        "such",
        "only",
        "own",
        "same",
        "too",
        "very",
        "can",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "should",
        "will",
        "would",
        "also",
        "just",
        "not",
        "no",
        "never",
        "up",
        "down",
        "out",
        "off",
        "again",
        "further",
        "once",
        "here",
        "s",
        "t",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "stated",
        "according",
        "while",
        "whilst",
        "per",
        "via",
        "new",
        "amid",
        "among",
        "against",
        "between",
        "through",
        "across",
    ]
)


def _fold(text: str) -> str:
    return strip_accents(text).casefold()


def words(text: str) -> list[str]:
    """Folded word tokens ("n't" is kept as "not")."""
    out: list[str] = []
    for m in _WORD.finditer(_fold(text)):
        w = m.group().replace("’", "'")
        if w.endswith("n't"):
            out.extend([w[:-3], "not"])
        else:
            out.extend(w.split("'") if "'" in w else [w])
    return [w for w in out if w]


def terms(text: str) -> list[str]:
    """The checkable words of a sentence: numbers and every word that is not a function word."""
    return [w for w in dict.fromkeys(words(text)) if w not in _FREE and (len(w) > 1 or w.isdigit())]


@dataclass(frozen=True)
class Support:
    """The words of some article text, indexed for the inflection-tolerant lookup."""

    exact: frozenset[str]
    prefixes: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Support:
        ws = set(words(text))
        prefixes = {w[:k] for w in ws if not _NUMBER.search(w) for k in (4, 5) if len(w) >= k}
        return cls(frozenset(ws), frozenset(prefixes))

    def has(self, term: str) -> bool:
        if term in self.exact:
            return True
        if _NUMBER.search(term):
            return False  # figures must occur exactly
        if len(term) >= 5:
            return term[:5] in self.prefixes
        return len(term) == 4 and term in self.prefixes

    def missing(self, text: str) -> list[str]:
        return [t for t in terms(text) if not self.has(t)]


def split_sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def repeats_itself(text: str) -> bool:
    """True when a word trigram occurs twice: the shape of a looping small model."""
    ws = words(text)
    grams = [tuple(ws[i : i + 3]) for i in range(len(ws) - 2)]
    return len(grams) != len(set(grams))


def _grams(text: str, n: int = 4) -> set[tuple[str, ...]]:
    ws = words(text)
    return {tuple(ws[i : i + n]) for i in range(len(ws) - n + 1)}


@lru_cache(maxsize=8)
def _example_grams(examples: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return frozenset().union(*(_grams(e) for e in examples))


class Holder:
    """Checks one article's model text. `sentences` are the article's sentences (text), and
    `examples` the texts of the prompt's worked examples that must not be copied. Sentences are
    indexed only when a check needs them, so an answer costs what it asks about."""

    def __init__(self, article_text: str, sentences: Sequence[str], examples: Iterable[str]):
        self.sentences = list(sentences)
        self._text = article_text
        self._support: dict[int, Support] = {}
        self._examples = _example_grams(tuple(examples))
        self._article_grams: set[tuple[str, ...]] | None = None

    def _of(self, index: int) -> Support:
        found = self._support.get(index)
        if found is None:
            found = self._support[index] = Support.of(self.sentences[index])
        return found

    def copies_example(self, text: str) -> bool:
        hits = _grams(text) & self._examples
        if not hits:
            return False
        if self._article_grams is None:
            self._article_grams = _grams(self._text)
        return bool(hits - self._article_grams)

    def supported_by(self, text: str, index: int) -> bool:
        """Whether sentence `index` (0-based) backs every term of `text`."""
        return not self._of(index).missing(text)

    def backing(self, text: str, among: Iterable[int]) -> tuple[bool, int]:
        """(supported?, best sentence index) for one model sentence checked against at most two of
        the article sentences `among`; the best index is the one sharing the most terms."""
        ts = terms(text)
        scored = sorted(among, key=lambda i: (-sum(self._of(i).has(t) for t in ts), i))
        if not scored:
            return False, -1
        best = scored[0]
        rest = [t for t in ts if not self._of(best).has(t)]
        if not rest:
            return True, best
        for other in scored[1:]:
            if all(self._of(other).has(t) for t in rest):
                return True, best
        return False, best


def same_text(a: str, b: str) -> bool:
    return words(a) == words(b)
