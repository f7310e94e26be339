"""Where a speaker's mention may sit: outside the quotation regions, nearest the quotation.

Helpers for service.extract.speakers: the quotation regions merged into sorted, non-nesting
stretches (so one bisection says whether an offset is quoted), and the mention of an actor
nearest a quotation inside the quotation's own paragraph.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from schemas import Span
from service.extract.names import Doc


def outer(regions: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The regions merged where they nest or overlap, sorted."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def inside(regions: Sequence[tuple[int, int]], pos: int) -> bool:
    """`pos` lies in one of `regions` (as `outer` gives them)."""
    i = bisect_right(regions, (pos, 1 << 62)) - 1
    return i >= 0 and pos < regions[i][1]


def nearest_in_paragraph(
    d: Doc, mentions: Iterable[Span], regions: Sequence[tuple[int, int]], at: int
) -> tuple[int, int] | None:
    """The mention outside quotation marks nearest offset `at`, in `at`'s paragraph, or None."""
    pa, pb = d.paras[d.para_of(at)] if d.paras else (0, len(d.text))
    near = [
        (abs(m.start - at), m.start, m.end)
        for m in mentions
        if pa <= m.start < pb and not inside(regions, m.start)
    ]
    if not near:
        return None
    _, a, b = min(near)
    return a, b
