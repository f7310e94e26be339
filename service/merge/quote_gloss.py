"""Which words of two quotes in two languages a bilingual dictionary ties together.

A translation shares few numbers, names or cognates with its source ("Rozumiem ich gniew" / "I
understand their anger"): what ties it is the dictionary. `xlang_dict.tsv` (built on the user's
machine by scripts/build_xlang_dict.py from Debian's FreeDict dictionaries, whose GPL and
CC-BY-SA terms keep them out of this MIT repository; git-ignored) gives each word of a language
the English words it may render. A quote's content words get their English senses (an English
word: itself), and two words in two languages match when their senses meet, so two languages
other than English meet through English ("gniew" and "rabbia" both give "anger").

Words are compared by a crude stem (`stem`: folded, a few inflection endings and final vowels
off, cut at seven letters), the same for the table and the quotes, so "owce" finds "owca" and
"zmeczone" "zmeczony"; English senses by their first SENSE_LETTERS letters, so the dictionary's
"child" meets a quote's "children". Without the table every word has no senses and nothing
changes. quote_xlang counts a dictionary's words only when two or more tie two quotes
(GLOSS_WORDS): one shared sense is any two quotes of a story on one subject ("study" in a
speaker's two quotes).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from service.merge.quote_xlang import _FUNCTION

DICT_FILE = Path(__file__).with_name("xlang_dict.tsv")
# the languages read: the project's code and FreeDict's
LANGS = (
    ("de", "deu"),
    ("es", "spa"),
    ("fr", "fra"),
    ("it", "ita"),
    ("nl", "nld"),
    ("pl", "pol"),
    ("pt", "por"),
    ("sv", "swe"),
)
STEM_LETTERS = 7
SENSE_LETTERS = 5
# inflection endings of the languages above and English, longest first; one comes off a word
# that keeps three letters
_ENDING = re.compile(
    r"(?<=\w{3})(?:ations|ation|ing|ed|es|s|en|er|ern|ego|emu|ach|ami|ych|ym|ow|ej|ie|"
    r"ado|ada|ados|adas|ido|ida|idos|idas|are|ere|ire|arna|erna|orna|na|en|et)$"
)
_VOWELS = re.compile(r"(?<=\w{3})[aeiouy]+$")


def stem(word: str) -> str:
    """A folded word's stem: one inflection ending and its final vowels off, cut at
    STEM_LETTERS ("zmeczone" -> "zmecz", "animals" -> "animal")."""
    return _VOWELS.sub("", _ENDING.sub("", word))[:STEM_LETTERS]


def content_stem(word: str) -> str | None:
    """The stem of a content word (4+ letters, alphabetic, no function word), else None."""
    if len(word) < 4 or word in _FUNCTION or not word.isalpha():
        return None
    return stem(word)


@lru_cache(maxsize=1)
def table() -> dict[str, str]:
    """A key "language<tab>stem" -> its English stems (space-separated, split when looked up), read
    once from DICT_FILE (a dict built from the file's lines: about a tenth of the time per-word
    sets would take); empty when the file is absent."""
    try:
        text = DICT_FILE.read_text(encoding="utf-8")
    except OSError:
        return {}
    try:
        return dict(line.rsplit("\t", 1) for line in text.splitlines())
    except ValueError:  # a file cut short or not ours: as if absent
        return {}


@lru_cache(maxsize=1 << 14)
def glosses(lang: str | None, words: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Each content word's English senses (an English word's own stem); words without any are
    left out."""
    got = table()
    if not got or not lang:
        return ()
    out = []
    for w in words:
        s = content_stem(w)
        if s is None:
            continue
        if lang == "en":
            out.append(frozenset((s[:SENSE_LETTERS],)))
        else:
            senses = got.get(f"{lang}\t{s}")
            if senses:
                out.append(frozenset(e[:SENSE_LETTERS] for e in senses.split()))
    return tuple(out)


@lru_cache(maxsize=1 << 14)
def content_words(words: tuple[str, ...]) -> int:
    """How many of a quote's words are content words (what a translation renders)."""
    return sum(1 for w in words if content_stem(w) is not None)


def reset() -> None:
    """Forget the table read and the senses looked up (after DICT_FILE changes: tests)."""
    table.cache_clear()
    glosses.cache_clear()


def gloss_score(a: Sequence[frozenset[str]], b: Sequence[frozenset[str]]) -> int:
    """How many words of `a` share a sense with a word of `b`, one to one (first come)."""
    free = list(b)
    hits = 0
    for senses in a:
        for i, other in enumerate(free):
            if not senses.isdisjoint(other):
                hits += 1
                del free[i]
                break
    return hits
