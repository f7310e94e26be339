"""The words the speaker ranker looks for across a whole article, found in one pass over its
tokens: the determiners that may open a description ('the Florida senator') and the pronouns
that may speak ('he', 'They', 'T.H.E.Y.'). Both are fixed, finite sets of spellings, so one
frozenset answers for both and no word is ever lower-cased or remembered."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, count, product

from service.extract.speaker_descriptions import DET_FORMS

PRONOUNS = frozenset(["he", "she", "they", "it", "we"])


def _spellings(word: str) -> Iterator[str]:
    """Every token `names.Doc` can cut whose letters, less its dots and case, are `word`: any
    mix of cases, at most one dot between two letters (a dot inside a word must have a letter
    after it) and at most two after the last ('t.h.e.y.', the U.S. pattern; a merged abbreviation
    dot). Only ASCII letters lower-case to these letters ('İt' lower-cases to 'i̇t')."""
    for letters in product(*((c, c.upper()) for c in word)):
        for gaps in product(("", "."), repeat=len(word) - 1):
            inner = "".join(a + b for a, b in zip(letters, (*gaps, ""), strict=True))
            for tail in ("", ".", ".."):
                yield inner + tail


# spelling -> pronoun, for every spelling of the five pronouns (a few hundred)
PRONOUN_OF = {s: p for p in PRONOUNS for s in _spellings(p)}
_WANTED = DET_FORMS | frozenset(PRONOUN_OF)


def determiners_and_pronouns(words: Sequence[str]) -> tuple[list[int], list[tuple[int, str]]]:
    """The determiners' token indices, and (token index, pronoun) for the pronoun forms, in
    order; the words are scanned once, at C level, and only the hits are looked at again."""
    dets: list[int] = []
    prons: list[tuple[int, str]] = []
    pron_of = PRONOUN_OF
    for t in compress(count(), map(_WANTED.__contains__, words)):
        x = words[t]
        if x in DET_FORMS:
            dets.append(t)
        else:
            prons.append((t, pron_of[x]))
    return dets, prons
