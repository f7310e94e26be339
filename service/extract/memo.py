"""A bounded memo of a pure function, read by subscription (see Memo)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class Memo(dict[_K, _V]):
    """`fn(key)` by subscription, computed on first look-up and kept (a hit is a plain dictionary
    look-up, cheaper than an lru_cache call, and `map(memo.__getitem__, words)` runs without a
    Python frame per hit); emptied when it grows past `bound`. For pure functions only.

    In a hot loop read it through its bound `__getitem__` (`get = memo.__getitem__; get(key)`):
    CPython routes `memo[key]` on a dict subclass through a generic slot that looks the method up
    on every call, about twice the cost of the bound method's direct call."""

    __slots__ = ("_bound", "_fn")

    def __init__(self, fn: Callable[[_K], _V], bound: int) -> None:
        super().__init__()
        self._fn, self._bound = fn, bound

    def __missing__(self, key: _K) -> _V:
        if len(self) >= self._bound:
            self.clear()
        got = self[key] = self._fn(key)
        return got
