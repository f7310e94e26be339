"""Story detection across languages: what service.merge.stories and story_link read differently
when two reports of one happening are written in different languages.

    lang = article_language(digest)               # "de", "en", ... or None
    adjust(vec, names, lang, actors, text, term)  # in place, on a profile's raw vector
    cross_language(p, q)                          # the link model's `xlang` feature

Three things, each a rule about language, none about a story:
  * language: the article's declared language (its first subtag, lower-cased), else a guess from
    its summaries (service.merge.common.guess_language), else None (unknown);
  * name words: German (and Luxembourgish) capitalise every noun, so a word written capitalised
    is no evidence of a name there ("Hochwasser", "Feuerwehr"); in those languages only the
    capitalised words that are also words of the article's named actors ("Jutta Kremser",
    "Hollenstedt") stay name words; the others count as ordinary content words. Function words of
    the other languages (service.extract.lexicon_intl: "het", "der", "una", "dijo"), which the
    English stopword list keeps as content words, are dropped from a non-English article's
    vector: otherwise two same-language articles share them as if they were topic words;
  * number anchors: the numbers of the title and summary, written the local way ("1,2 Meter",
    "3.000 personas", "1,200 residents"), normalised to one form ("#1.2", "#3000", "#1200") and
    added to the vector and the name dimensions: a figure is evidence that reads in any
    language. A separator followed by exactly three digits (and only such groups) groups
    thousands; otherwise the last separator is the decimal mark. Whole numbers under 100 and
    plain years are left out (too common to tell stories apart; a year is a word already).
    (Measured on the PolNeAR train pairs: with every number of two digits and more, link
    precision fell from 0.893 to 0.882; from three digits on, it rose to 0.912.)

The `xlang` feature is 1 when both articles' languages are known and differ: the word cosine of
such a pair is about 0 whatever it reports, and the fitted model learns how much that absence
means (scripts/train_story_link.py, on the invented `tune` and `xlang` sets and PolNeAR pairs).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Protocol

from service.merge.common import (
    COMMON_MARKS,
    SCRIPTS,
    fast_fold,
    guess_language,
    stopword_language,
)

# languages that write every noun capitalised
NOUN_CAPS = frozenset({"de", "lb"})
# a written number of two characters or more (one character class repeated: a fast scan; a
# number_key of a lone digit would be None anyway)
_NUMBER = re.compile(r"[0-9][0-9.,]*[0-9]")
_SEP = re.compile(r"[.,]")


class _Languaged(Protocol):
    lang: str | None


def article_language(text: str, words: list[str], declared: str | None) -> str | None:
    """The article's language code: the declared one (first subtag), else a guess from its
    summaries `text` and their folded `words` (service.merge.stories._words), else None. A text
    in Latin letters is judged by its words' stopword vote alone (what guess_language does after
    finding no other script, without splitting the text again)."""
    if declared:
        return declared.strip().lower().replace("_", "-").split("-")[0] or None
    if text.isascii():
        return stopword_language(words, None)
    plain = without_marks(text)
    if plain.isascii() or not _script_letter().search(plain):
        return stopword_language(words, None)
    return guess_language(text, None)


def without_marks(text: str) -> str:
    """`text` with its commonest non-ASCII marks (curly quotation marks, dashes) replaced by a
    space, each by a C scan: what is left of most news text is ASCII, which no regex need scan
    character by character (45,000 instructions over a 1,200-character summary)."""
    for mark in COMMON_MARKS:
        if mark in text:
            text = text.replace(mark, " ")
    return text


@lru_cache(maxsize=1)
def _script_letter() -> re.Pattern[str]:
    """A character of a script guess_language counts (built on first use)."""
    return re.compile("[" + "".join(f"{lo}-{hi}" for _, lo, hi in SCRIPTS) + "]")


def cross_language(p: _Languaged, q: _Languaged) -> float:
    """The link model's `xlang` feature: 1.0 when both languages are known and differ."""
    return 1.0 if p.lang and q.lang and p.lang != q.lang else 0.0


@lru_cache(maxsize=4096)
def number_key(s: str) -> str | None:
    """A written number in one form across languages ("3.000", "3,000" -> "#3000"; "1,2", "1.2"
    -> "#1.2"), or None for a whole number under 100 or a plain year."""
    groups = _SEP.split(s)
    if len(groups) > 1 and all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3:
        whole, frac = "".join(groups), ""
    elif len(groups) > 1:
        whole, frac = "".join(groups[:-1]), groups[-1].rstrip("0")
    else:
        whole, frac = s, ""
    whole = whole.lstrip("0") or "0"
    # one or two digits are too common (ages, counts, percentages); a plain year ("2019") is a
    # word of the vector already
    if not frac and (len(whole) < 3 or (len(s) == 4 and "1900" <= s < "2100")):
        return None
    return f"#{whole}.{frac}" if frac else f"#{whole}"


def numbers(text: str) -> Counter[str]:
    """The number anchors of `text`, counted."""
    return Counter(filter(None, map(number_key, _NUMBER.findall(text))))


@lru_cache(maxsize=1)
def _foreign_function_words() -> frozenset[str]:
    """Folded function words, auxiliaries and speech verbs of the non-English languages the
    extractor reads (lazily: no import-time work)."""
    from service.extract import lexicon_intl as li

    words = li.FUNCTION_WORDS | li.AUX | li.DETERMINERS | li.SPEECH_VERBS | li.ACCORDING
    return frozenset(fast_fold(" ".join(sorted(words))).split())


def _actor_words(actors: Iterable[str], term: Callable[[str], str | None]) -> set[str]:
    out: set[str] = set()
    for name in actors:
        out.update(filter(None, map(term, re.findall(r"[^\W_]+", fast_fold(name)))))
    return out


def adjust(
    vec: dict[str, float],
    names: set[str],
    lang: str | None,
    actors: Iterable[str],
    text: str,
    term: Callable[[str], str | None],
) -> None:
    """A profile's raw vector and name words made language-aware, in place (see the module
    docstring): `actors` the names of its named actors, `text` its title and summaries, `term`
    the word -> feature map of service.merge.stories."""
    if lang and lang != "en":
        stop = _foreign_function_words()
        for k in stop.intersection(vec):
            del vec[k]
        names.difference_update(stop)
    if lang in NOUN_CAPS:
        names.intersection_update(_actor_words(actors, term))
    for k, n in numbers(text).items():
        vec[k] = 1.0 + math.log(n)
        names.add(k)
