"""Events that repeat an earlier one (a standfirst and the body saying the same): their content
words overlap enough, with the same participants or date. Kept apart from service.extract.events,
which keeps the first of each such group."""

from __future__ import annotations

from collections import Counter
from itertools import chain, repeat
from typing import Generic, Protocol, TypeVar


class _Date(Protocol):
    @property
    def value(self) -> str | None: ...


class _Said(Protocol):
    """What the test reads of a candidate event."""

    @property
    def words(self) -> set[str]: ...
    @property
    def participants(self) -> list[str]: ...
    @property
    def date(self) -> _Date | None: ...


C = TypeVar("C", bound=_Said)


def duplicate(a: _Said, b: _Said) -> bool:
    if not a.words or not b.words:
        return False
    shared = len(a.words & b.words)
    overlap = shared / min(len(a.words), len(b.words))
    if overlap < 0.4:  # jaccard <= overlap: no test below can pass
        return False
    jaccard = shared / (len(a.words) + len(b.words) - shared)  # |a | b|, without building it
    if jaccard >= 0.5 or overlap >= 0.8:
        return True
    same_who = bool(a.participants) and set(a.participants) == set(b.participants)
    da = a.date.value if a.date else None
    db = b.date.value if b.date else None
    if same_who and overlap >= 0.6:
        return da is None or db is None or da.startswith(db) or db.startswith(da)
    return same_who and da is not None and da == db and overlap >= 0.4


class Kept(Generic[C]):
    """The candidates kept so far, and which of them hold each content word: a new candidate is
    compared in full only with those sharing enough of its words (a few of the many)."""

    __slots__ = ("holders", "kept")

    def __init__(self) -> None:
        self.kept: list[C] = []
        self.holders: dict[str, list[int]] = {}

    def add(self, c: C) -> None:
        j = len(self.kept)
        self.kept.append(c)
        for w in c.words:
            self.holders.setdefault(w, []).append(j)

    def repeats(self, c: C) -> bool:
        """any(duplicate(k, c) for k in kept), with its first test done from the word counts:
        an overlap below 0.4 (5 * shared < 2 * smaller, in integers: the same answer as the
        float division) is no repeat, and a candidate sharing no word with c is never met."""
        words = c.words
        if not words:
            return False
        n = len(words)
        # how many of c's words each kept candidate holds, counted in C
        shared = Counter(chain.from_iterable(map(self.holders.get, words, repeat(()))))
        kept = self.kept
        for j, s in shared.items():
            k = kept[j]
            if 5 * s >= 2 * min(len(k.words), n) and duplicate(k, c):
                return True
        return False
