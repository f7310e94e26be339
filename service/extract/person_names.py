"""Which person a name names, when people share a surname: what keeps two full names apart (a
generational suffix, first names of different genders, other middle initials) and which of the
people named in full a bare surname stands for.

The actor rules (service.extract.actor_rules) read these while clustering an article's mentions:
'Hillary Clinton' and 'Bill Clinton' are two actors, and 'Mrs. Clinton' or a plain 'Clinton' joins
one of them, never both.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol, TypeVar

from service.extract.actor_mentions import Mention
from service.extract.gender_evidence import title_gender
from service.extract.name_gender import gender, given_names
from service.extract.names import NAME_PARTICLES, low, name_key
from service.extract.person_match import same_person, surname_key


class _Person(Protocol):
    """What bare_owner reads of an entity being built (actor_rules.Entity)."""

    @property
    def name(self) -> str: ...
    @property
    def mentions(self) -> list[Mention]: ...
    @property
    def first(self) -> int: ...


P = TypeVar("P", bound=_Person)

# generational suffixes: 'Donald Trump Jr.' is not 'Donald Trump', and his surname is 'Trump'
_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])


@lru_cache(maxsize=16384)
def _unsuffixed(name: str) -> tuple[str, str]:
    """The name without a generational suffix, and the suffix ('jr') or ''."""
    words = name.split()
    if len(words) > 1 and low(words[-1]).rstrip(",") in _SUFFIXES:
        return " ".join(words[:-1]).rstrip(","), low(words[-1]).rstrip(",")
    return name, ""


@lru_cache(maxsize=16384)
def surname_of(name: str) -> str:
    """surname_key, a generational suffix passed over: 'Joseph R. Biden Jr.' -> 'biden'."""
    return surname_key(_unsuffixed(name)[0])


def _middles(key: list[str]) -> list[str]:
    """The words between a key's first word and its surname, particles left out."""
    return [w for w in key[1:-1] if w not in NAME_PARTICLES]


def _middles_clash(a: list[str], b: list[str]) -> bool:
    """Two sets of middle names that no one person bears: initials on both sides that differ
    ('George H.W. Bush', 'George W. Bush'), or neither side's initials found, in order, in the
    other's ('Joseph R. Biden' ~ 'Joseph Robinette Biden'; 'Hillary Diane Rodham Clinton' ~
    'Hillary Rodham Clinton')."""
    if not a or not b:
        return False
    if all(len(w) == 1 for w in a + b):
        return a != b
    ia, ib = "".join(w[0] for w in a), "".join(w[0] for w in b)
    short, long_ = (ia, ib) if len(ia) <= len(ib) else (ib, ia)
    it = iter(long_)
    return not all(c in it for c in short)


@lru_cache(maxsize=16384)
def one_person(a: str, b: str) -> bool:
    """same_person, and nothing the names themselves say keeps them apart: a generational suffix
    on one only ('Donald Trump Jr.', 'Donald Trump'), first names of known, different genders
    ('Eric Garner', 'Erica Garner'), or middle names that differ."""
    (ua, sa), (ub, sb) = _unsuffixed(a), _unsuffixed(b)
    if sa != sb or not same_person(ua, ub):
        return False
    ka, kb = name_key(ua).split(), name_key(ub).split()
    if len(ka) < 2 or len(kb) < 2:
        return True
    ga, gb = gender(ua), gender(ub)
    if ga is not None and gb is not None and ga != gb:
        return False
    return not _middles_clash(_middles(ka), _middles(kb))


@lru_cache(maxsize=16384)
def given_named(name: str) -> bool:
    """A personal name's shape: at most four words (particles aside), a known first name (of
    either list: the learnt one or the broader gendered one) among those before the surname. Not
    'While Clinton', nor a headline run that ends in one ('Hedge Funds Support Hillary Clinton')."""
    bare = _unsuffixed(name)[0]
    words = [w for w in bare.split() if low(w) not in NAME_PARTICLES]
    if len(words) > 4:
        return False
    given = given_names()
    return gender(bare) is not None or any(low(w) in given for w in words[:-1])


def _full(m: Mention) -> bool:
    return " " in name_key(m.name)


def bare_owner(text: str, m: Mention, persons: Sequence[P]) -> P:
    """Which of several people sharing a surname a bare surname names. A gendered title on it
    ('Mrs. Clinton') keeps the people of that gender; people with a known first name go before
    runs that only end in the surname ('While Clinton'); of those left, the one named in full most
    often before it, then the one named in full first (a headline's 'Clinton' is the article's).
    On PolNeAR train, where 'Mr.' and 'Mrs.' tell which Clinton is meant, this choice made without
    the title was right 88% of the time, the person named last (the rule before it) 53%."""
    pool = persons
    g = title_gender(text, m.start)
    if g is not None:
        pool = [e for e in pool if gender(e.name) == g] or pool
    pool = [e for e in pool if given_named(e.name)] or pool

    at = m.start

    def salience(e: P) -> tuple[int, int]:
        # the starts of its mentions named in full (see _full, inlined: this runs per mention)
        full = [x.start for x in e.mentions if " " in name_key(x.name)]
        return (sum(map(at.__gt__, full)), -min(full, default=e.first))

    return max(pool, key=salience)


def titled_stranger(
    text: str, m: Mention, persons: Sequence[P], titled: set[str], met: bool
) -> str | None:
    """The gender of a titled bare surname that names none of `persons` (all of the other gender
    by first name): 'Mr. Obama' where only Michelle Obama is named in full. Said when such a
    stranger was `met` before, when the article also titles the surname with a person's gender
    (`titled`: the genders its bare mentions' titles give) or when the mention comes before any of
    them is named in full; else the first-name list may be what is wrong ('Ms. Epstein' after
    'Lee Epstein')."""
    g = title_gender(text, m.start)
    if g is None:
        return None
    known = {gender(e.name) for e in persons}
    if None in known or g in known:
        return None
    if met or not titled.isdisjoint(known):
        return g
    first_full = min(x.start for e in persons for x in e.mentions if _full(x))
    return g if m.start < first_full else None
