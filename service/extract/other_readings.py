"""Surnames that a word list reads as something else: a demonym ('Mark Cuban', 'David French'), a
month ('Ai Jun', 'Theresa May') or a foreign weekday ('Larry Sabato') written where a surname
goes. Without this the name finder drops 'Cuban said' as a demonym and the cue finder skips
'Jun wrote' as a date, so the quotation goes to someone else."""

from __future__ import annotations

from itertools import compress, count

from service.extract.name_gender import given_names
from service.extract.names import (
    DEMONYMS,
    MONTHS,
    PLACES,
    ROLE_NOUNS,
    STOPWORDS,
    WEEKDAYS,
    Doc,
    is_cap,
    low,
    strip_possessive,
)
from service.extract.noun_phrases import TIME_WORDS
from service.months import EN_WEEKDAYS

# words a word list reads as something other than a surname, which are surnames right after a known
# first name: on PolNeAR train every one of the 10 written so ('Mark Cuban', 'David French',
# 'Larry Sabato') is a person, while 'the Cuban government' and 'Jun. 5' follow no first name.
# English weekdays stay dates: 'told Morning Joe Monday' dates the interview
_OTHER_READINGS = (frozenset(DEMONYMS) | MONTHS | WEEKDAYS) - frozenset(EN_WEEKDAYS)
# the same words as a surname is written, possessive too: most articles hold none of them, and a
# set test over the article's words finds that without reading each word
_AS_WRITTEN = frozenset(
    c + s for c in (x[:1].upper() + x[1:] for x in _OTHER_READINGS) for s in ("", "'s", "’s")
)


def surnames_read_otherwise(d: Doc) -> frozenset[str]:
    """The demonyms, months and weekdays this article writes as a surname: after a known first
    name in the same paragraph ('Mark Cuban', 'analyst Daniel Jun'), or after a role noun and one
    more capitalised word ('columnist Ai Jun'). Later alone ('Cuban said', 'Jun wrote') they are
    that person. A number after the word ('Mark Jun 5') or a dot on it ('Jun.') keeps its other
    reading."""
    w, para, n = d.words, d.para, len(d.words)
    out: set[str] = set()
    if not _EN_WEEKDAYS_WRITTEN.isdisjoint(w):
        out.update(_given_after_honorific(w))
    if _AS_WRITTEN.isdisjoint(w):
        return frozenset(out)
    given = given_names()
    # only the words written as one of them are read (found in C): most articles hold a few
    for k in compress(count(), map(_AS_WRITTEN.__contains__, w)):
        x = w[k]
        if (
            k > 0
            and para[k - 1] == para[k]
            and is_cap(w[k - 1])
            and (g := low(w[k - 1])) not in STOPWORDS
            and not (k + 1 < n and w[k + 1][0].isdigit())
            and (
                g in given
                # on PolNeAR train and dev all 3 such runs are names ('owner Mark Cuban')
                or k > 1
                and w[k - 2][0].islower()
                and low(w[k - 2]) in ROLE_NOUNS
                and g not in _OTHER_READINGS
                and g not in PLACES
            )
        ):
            out.add(low(strip_possessive(x)))
    return frozenset(out)


def surname_start(w: list[str], i: int, surnames: frozenset[str]) -> tuple[str, str] | None:
    """A month or weekday word may open a name where the article writes it as a surname ('Jun
    said'), unless a number follows ('Jun 5') or it carries a dot ('Jun.')."""
    x = strip_possessive(w[i])
    lx = low(x)
    if lx not in surnames or "." in x or not is_cap(x):
        return None
    if i + 1 < len(w) and w[i + 1][0].isdigit():
        return None
    return x, lx


def month_surname(w: list[str], j: int, lo: int) -> bool:
    """'columnist Ai Jun wrote', 'Theresa May said': a capitalised month right after a name word
    ends the name (a date here would carry its number: 'Jun. 5'); English weekdays stay dates
    ('Trump Tuesday said')."""
    x = w[j]
    return (
        x[:1].isupper()
        and "." not in x
        and low(x) in MONTHS
        and j > lo
        and is_cap(w[j - 1])
        and low(w[j - 1]) not in STOPWORDS
        and low(w[j - 1]) not in TIME_WORDS
    )


# English weekdays as they open a first name: Nigerian and Ghanaian papers write 'Mr Sunday Etim'
_EN_WEEKDAYS_WRITTEN = frozenset(x.capitalize() for x in EN_WEEKDAYS)
_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "dr"))


def _given_after_honorific(w: list[str]) -> set[str]:
    """Weekdays written as a first name: right after 'Mr', 'Mrs', 'Ms' or 'Dr' and before a
    capitalised surname ('Mr Sunday Etim'); a date never stands so."""
    return {
        low(w[k])
        for k in compress(count(), map(_EN_WEEKDAYS_WRITTEN.__contains__, w))  # found in C
        if 0 < k < len(w) - 1
        and low(w[k - 1]) in _HONORIFICS
        and w[k + 1][:1].isupper()
        and w[k + 1].isalpha()
    }
