"""Whether two personal names are one person: the same surname, particles folded ('al-Sudani' and
'Sudani'), and first names that may be one ('Pat' and 'Patrick', a nickname table)."""

from __future__ import annotations

from functools import lru_cache

from service.extract import lexicon_intl as intl
from service.extract.names import GAELIC_PARTICLES, NAME_PARTICLES, name_key
from service.extract.nicknames import NICKNAMES


@lru_cache(maxsize=16384)
def surname_key(name: str) -> str:
    """The last word of a personal name, particles folded: 'al-Sudani' and 'Sudani' share a key."""
    parts = name_key(name).split()
    while len(parts) > 1 and parts[-2] in NAME_PARTICLES:
        parts.pop(-2)
    if not parts:
        return ""
    return parts[-1]


def first_names_compatible(a: str, b: str) -> bool:
    """'Pat'~'Patrick', 'Steve'~'Steven', 'Dave'~'David'."""
    a, b = name_key(a), name_key(b)
    if not a or not b:
        return True
    if a == b or a.startswith(b) or b.startswith(a):
        return True
    return NICKNAMES.get(a, a) == NICKNAMES.get(b, b)


@lru_cache(maxsize=16384)
def same_person(a: str, b: str) -> bool:
    """Two full names for one person: same surname key and compatible first names."""
    # the surname test first (both cached): most pairs fail it; an empty key has an empty surname
    sa = surname_key(a)
    if not sa or sa != surname_key(b):
        return False
    pa, pb = name_key(a).split(), name_key(b).split()
    # 'De Groot' is the surname of 'Pieter de Groot', not a first name 'De'; so is 'Ó Faoláin'
    while len(pa) > 1 and (pa[0] in intl.SURNAME_PARTICLES or pa[0] in GAELIC_PARTICLES):
        pa = pa[1:]
    while len(pb) > 1 and (pb[0] in intl.SURNAME_PARTICLES or pb[0] in GAELIC_PARTICLES):
        pb = pb[1:]
    if len(pa) == 1 or len(pb) == 1:
        return True
    return first_names_compatible(pa[0], pb[0])
