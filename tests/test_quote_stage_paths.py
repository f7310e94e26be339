"""The merger's quote stage fast paths (stop 21, issue #9) give what the plain definitions give:
the commonest marks swapped before common.fast_fold's table, the ellipsis split only where three
dots are, the stopword language vote remembered per set of listed words, and guess_language's
early vote for texts without a script's letters."""

from __future__ import annotations

import random
import re

from service.merge import common, quote_keys
from service.merge.common import _FOLD, _LANG_WORDS, guess_language, stopword_language
from service.merge.quote_keys import _expand, _text_keys, quote_segments

_APOS = re.compile(r"\w+(?:'\w+)*'?", re.UNICODE)
_PLAIN = re.compile(r"\w+", re.UNICODE)
_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")


def _plain_words(part: str) -> tuple[str, ...]:
    """The words of a folded stretch as first written: token by token."""
    out: list[str] = []
    for tok in _APOS.findall(part):
        if tok == "cannot":
            out.extend(("can", "not"))
        else:
            _expand(tok, out)
    return tuple(out)


def _plain_segments(text: str) -> tuple[tuple[str, ...], ...]:
    t = quote_keys.fast_fold(text)
    t = re.sub(r"(\w)\[", r"\1", t)  # a bracket glued to a word is part of it
    t = re.sub(r"\](\w)", r"\1", t).replace("[", " ").replace("]", " ")
    segs = (_plain_words(p) for p in _ELLIPSIS.split(t))
    return tuple(s for s in segs if s)


# words that contract, apostrophes of every kind, "cannot" in and out of words, ellipses, brackets
PIECES = [
    *("we", "don", "can", "won", "ca", "n", "let", "he", "it", "isis", "o", "neill", "rock"),
    *("cannot", "Cannot", "cannots", "xcannot", "_", "5", "é", "naïve", "字"),
    *("'", "'", "’", "‘", "`", "''", "t", "s", "ve", "re", "ll", "m", "d"),
    *(" ", " ", " ", ",", ".", ". . .", "…", "..", "[", "]", "-", "—", "–", '"', "“", "”"),
    *("«", "»", "„", "the", "and", "of", "la", "que", "der", "und", "и", "και", "في", "ー", "Ünal"),
]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14))) for _ in range(n)]


def test_quote_words_are_the_token_by_token_words() -> None:
    texts = _texts(8000, seed=21)
    texts += ["can't'", "cannot'", "'cannot", "cannot's", "rock'n'roll", "y'all'd", "n't", "a''b"]
    spelled = 0
    for text in texts:
        got = quote_segments(text)
        assert got == _plain_segments(text), text
        spelled += "'" in quote_keys.fast_fold(text) or "cannot" in text.lower()
    assert spelled > 2000  # most texts took the rewriting path


def test_marks_swapped_before_the_fold_fold_as_they_would() -> None:
    # what fast_fold swaps first is what its table would make of it, and its result is left
    # alone by the table: swapping first changes nothing
    assert common.MARK_SWAPS
    for mark, folded in common.MARK_SWAPS:
        assert _FOLD[ord(mark)] == folded and _FOLD.get(ord(folded), folded) == folded


def test_quote_text_language_is_guess_language() -> None:
    texts = _texts(8000, seed=23)
    langs = set()
    for text in texts:
        lang = _text_keys.__wrapped__(text)[2]
        assert lang == guess_language(text), text
        langs.add(lang)
    assert {None, "en", "ru", "el", "ar"} <= langs


def _plain_vote(words: tuple[str, ...]) -> str | None:
    """stopword_language by its definition: the list holding most of the words, two at least."""
    if len(words) < 4:
        return None
    scores = {code: len(ws.intersection(words)) for code, ws in sorted(_LANG_WORDS.items())}
    best = max(scores, key=scores.__getitem__)
    return best if scores[best] >= 2 else None


def test_stopword_vote_is_stopword_language() -> None:
    rng = random.Random(22)
    listed = sorted(set().union(*_LANG_WORDS.values()))
    other = ["river", "ciudad", "tempo", "zug", "42", "harbour"]
    voted = 0
    for _ in range(5000):
        pool = listed if rng.random() < 0.5 else listed[:20] + other
        words = tuple(rng.choice(pool) for _ in range(rng.randint(0, 9)))
        # twice: the second answer comes from what the first one remembered
        assert stopword_language(words) == _plain_vote(words) == stopword_language(words), words
        voted += stopword_language(words) is not None
    assert voted > 1000
