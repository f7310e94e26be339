"""Pronoun agreement: whether "he" or "she" can stand for a person, by first name.

The first-name list (`data/name_gender.json`) is learnt from PolNeAR train by
`scripts/build_name_gender.py` (the gender of the pronouns annotators took as a named person's
Source). Gender is read from the broader list the same script derives (`data/first_name_gender.json`:
those train counts plus the first names of the Faker package's locales, ambiguous ones dropped).
A name not in it, or a pronoun other than he/she, always agrees; what the article itself says
(titles, gendered nouns, pronouns) is weighed in service.extract.gender_evidence.

The same list, less a few annotation slips and with the nickname table, is the set of known
first names the actor rules read: a known first name before a surname makes a person.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from service.extract import names as n

DATA = Path(__file__).with_name("data") / "name_gender.json"
BROAD = Path(__file__).with_name("data") / "first_name_gender.json"
OWN = Path(__file__).with_name("data") / "locale_first_names.json"
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "president", "the"])


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    if not DATA.exists():
        return {}
    return {
        str(k): str(v) for k, v in json.loads(DATA.read_text(encoding="utf-8"))["names"].items()
    }


def _not_name(w: str) -> bool:
    """A word the lexicons already read otherwise, or one of the learnt list's annotation slips
    (such as 'speaker' or 'democrats'): never a first name, for gender or for typing."""
    return (
        w in _SLIPS
        or w in n.DEMONYMS
        or any(w in lex for lex in (n.ROLE_NOUNS, n.ORG_WORDS, n.GROUP_WORDS, n.RANKS))
        or w in n.STOPWORDS
        or w in n.PLACES
    )


@lru_cache(maxsize=1)
def _genders() -> dict[str, str]:
    data = json.loads(BROAD.read_text(encoding="utf-8"))
    return {w: g for g in ("m", "f") for w in data[g].split()}


# Faker's it_IT lists 'Andrea' under both genders; in Italian news it is a man's name
_OWN_EXTRA = {"it": {"andrea": "m"}}


@lru_cache(maxsize=64)
def own_genders(lang: str) -> dict[str, str]:
    """First names the article's language gives another gender than the broad list does ('Jan'
    is a man in Dutch, Polish or Czech; 'Andrea' in Italian), or that list lacks (Cyrillic and
    Greek names): name key -> 'm' or 'f', from `data/locale_first_names.json`
    (scripts/build_locale_names.py, the language's own Faker locales)."""
    own = _locales().get(lang, {})
    got = {w: g for g in ("m", "f") for w in own.get(g, "").split()}
    return got | _OWN_EXTRA.get(lang, {})


# Pakistani and North Indian clan names and forms of address written before a man's given name
# ('Rana Asif Mehmood', 'Raja Imran Khan'); alone with a surname ('Rana Ayyub') they stay first names
_CLAN_PREFIXES = frozenset(
    ["rana", "raja", "mian", "malik", "chaudhry", "khawaja", "sardar", "haji"]
)


@lru_cache(maxsize=4096)
def gender(name: str | None) -> str | None:
    """'m', 'f' or None (unknown) for a person's name, by its first known first name before the
    last word ('House Speaker Paul Ryan': 'paul')."""
    words = [w.rstrip(".").lower() for w in (name or "").split()]
    words = [w for w in words if w not in _TITLES]
    if len(words) > 2 and words[0] in _CLAN_PREFIXES:
        words = words[1:]  # 'Rana Asif Mehmood': Asif tells, not the (elsewhere female) Rana
    known = _genders()
    # a surname alone says nothing
    slavic = _slavic_surname(words[-1]) if len(words) > 1 else None
    if slavic is not None and _cyrillic(words[-1]):
        return slavic  # a Russian surname's ending is surer than a first-name list
    got = next((known[w] for w in words[:-1] if w in known and not _not_name(w)), None)
    return got if got is not None else slavic


# Russian and Polish surnames agree with their bearer ('Лебедева', 'Wróblewska' are a woman's,
# 'Белов', 'Maciejewski' a man's): the ending tells the gender the first-name lists cannot.
_RUSSIAN_ENDINGS = (
    ("f", ("ова", "ева", "ёва", "ина", "ына", "ская", "цкая")),
    ("m", ("ов", "ев", "ёв", "ин", "ын", "ский", "цкий")),
)
_POLISH_ENDINGS = (("f", ("ska", "cka")), ("m", ("ski", "cki")))


def _cyrillic(word: str) -> bool:
    return "\u0400" <= word[:1] <= "\u04ff"


def _slavic_surname(word: str) -> str | None:
    """'f' or 'm' for a surname with a Russian or Polish gendered ending, else None."""
    for g, endings in _RUSSIAN_ENDINGS if _cyrillic(word) else _POLISH_ENDINGS:
        if word.endswith(endings):
            return g
    return None


def is_given(word: str) -> bool:
    """`word` (a name key's word: lower case) is a known first name of either list, and no word
    the lexicons read otherwise ('Virginia' is a state before it is a first name)."""
    return (word in given_names() or word in _genders()) and not _not_name(word)


def given_in(word: str, lang: str) -> bool:
    """`is_given`, or, in an article not in English, a first name of the article's own language
    (`data/locale_first_names.json`: 'Marian', ambiguous in the pooled list, is a man in Czech or
    Slovak) that the lexicons read no other way. Its own, or one several languages list: a name
    only another language lists is often a surname here."""
    if is_given(word):
        return True
    return lang != "en" and word in _own_of(lang) and not _not_name(word)


@lru_cache(maxsize=64)
def _own_of(lang: str) -> frozenset[str]:
    """The first names of the language's own locales, and those two or more languages' locales
    share (`data/locale_first_names.json`), whatever the gender: a name one other language alone
    lists is too often a surname here."""
    own = _locales().get(lang, {"m": "", "f": ""})
    return frozenset(own["m"].split() + own["f"].split()) | _shared_names()


@lru_cache(maxsize=1)
def _locales() -> dict[str, dict[str, str]]:
    """`data/locale_first_names.json`'s names by language (read once; none when it is absent)."""
    return json.loads(OWN.read_text(encoding="utf-8"))["langs"] if OWN.exists() else {}


@lru_cache(maxsize=1)
def _shared_names() -> frozenset[str]:
    """The first names two or more languages' locales list."""
    listed = Counter(w for v in _locales().values() for w in set(v["m"].split() + v["f"].split()))
    return frozenset(w for w, n in listed.items() if n > 1)


def agrees(name: str | None, pronoun: str) -> bool:
    """False only when the name's learnt gender contradicts "he" or "she"."""
    g = gender(name)
    if g is None or pronoun not in ("he", "she"):
        return True
    return g == ("m" if pronoun == "he" else "f")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Known first names: the learnt list less the words the lexicons already read otherwise (the
    list holds a few annotation slips such as 'speaker' or 'democrats'), plus the nickname table."""
    learnt = frozenset(w for w in _names() if not _not_name(w))
    return learnt | frozenset(n.NICKNAMES) | frozenset(n.NICKNAMES.values())


# words the learnt list took from annotation slips that no lexicon covers: surnames ('clinton'),
# titles and bodies ('speaker', 'staff'), descriptors ('conservative', 'muslim')
_SLIPS = frozenset(
    [
        "clinton",
        "obama",
        "benghazi",
        "cornell",
        "franson",
        "conservative",
        "defense",
        "democrats",
        "german",
        "irish",
        "justice",
        "labor",
        "muslim",
        "prime",
        "representative",
        "speaker",
        "staff",
        "team",
    ]
)
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]\.?$|^[\"“‘'].+[\"”’']$")


@lru_cache(maxsize=16384)
def personal_tail(name: str) -> bool:
    """The name ends in a personal name: a known first name, any initials or quoted nickname, and
    one or two capitalised words that are no organisation, place or group word ('House Speaker
    Paul Ryan', 'James B. Comey'; not 'Trayvon Martin Foundation')."""
    words = name.split()
    given = given_names()
    for i, w in enumerate(words[:-1]):
        if n.low(w) not in given or not w[:1].isupper():
            continue
        tail = [x for x in words[i + 1 :] if not _INITIAL.match(x)]
        if 1 <= len(tail) <= 2 and all(
            x[:1].isupper()
            and n.low(x) not in n.ORG_WORDS
            and n.low(x) not in n.GROUP_WORDS
            and n.low(x) not in n.LOCATION_SUFFIXES
            and n.low(x) not in n.VENUE_SUFFIXES
            and n.low(x) not in n.PLACES
            for x in tail
        ):
            return True
    return False


# first names that also open questions or are verbs at a sentence start ('Will Trump win?')
_AUX_NAMES = frozenset(["will", "may", "rob", "don", "mo", "mark"])


def first_name_before(word: str, following: str) -> bool:
    """`word` (lower case) is a known first name and `following` a capitalised word that can be
    a surname: the two open a personal name, even at a sentence start."""
    return (
        word in given_names()
        and word not in _AUX_NAMES
        and n.is_cap(following)
        and n.low(following) not in n.STOPWORDS
    )


def noun_before_name(word: str, given: str, surname: str) -> bool:
    """'Melkveehouder Klaas Hoekstra', 'Ordföranden Bengt Ekdahl', 'Gönüllülerden Emre Yalçın': a
    sentence-opening word that is no known first name, before one that is (the broad list, learnt
    from train and the Faker locales) and a capitalised surname. The opener is a noun of the
    sentence (a description, a title), not the start of the name."""
    lg = n.low(given)
    return (
        not is_given(word)
        and word not in n.STOPWORDS
        and word not in n.ROLE_NOUNS
        and n.is_cap(given)
        and is_given(lg)
        and lg not in _AUX_NAMES
        and n.is_cap(surname)
        and n.low(surname) not in n.STOPWORDS
    )
