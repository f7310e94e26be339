"""The words the speaker ranker looks for across a whole article, found in one pass over its
tokens: the determiners that may open a description ('the Florida senator') and the pronouns
that may speak ('he', 'They'). One memo answers for both, so each word of the article is looked
up once, not once per kind (and a word is lower-cased only the first time it is seen)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, count

from service.extract.memo import Memo
from service.extract.speaker_descriptions import DET_FORMS

PRONOUNS = frozenset(["he", "she", "they", "it", "we"])


def pronoun_of(word: str) -> str | None:
    """The pronoun `word` is a form of ('He', 'T.H.E.Y.'), else None: lower case, less its dots."""
    plain = word.lower().replace(".", "")
    return plain if plain in PRONOUNS else None


def _marked(word: str) -> bool:
    return word in DET_FORMS or pronoun_of(word) is not None


# word -> whether it is a determiner or a pronoun form: a hit is a plain dictionary look-up
_MARKED = Memo(_marked, 200_000)


def determiners_and_pronouns(words: Sequence[str]) -> tuple[list[int], list[tuple[int, str]]]:
    """The determiners' token indices, and (token index, pronoun) for the pronoun forms, in
    order; the words are scanned once, at C level, and only the hits are looked at again."""
    dets: list[int] = []
    prons: list[tuple[int, str]] = []
    for t in compress(count(), map(_MARKED.__getitem__, words)):
        x = words[t]
        if x in DET_FORMS:
            dets.append(t)
        else:
            prons.append((t, x.lower().replace(".", "")))
    return dets, prons
