"""Where a speaker's mention may sit: outside the quotation regions, nearest the quotation.

Helper for service.extract.speakers: the mention of an actor nearest a quotation inside the
quotation's own paragraph (the regions merged by actor_mentions.union).
"""

from __future__ import annotations

from collections.abc import Iterable

from schemas import Span
from service.extract.actor_mentions import in_regions
from service.extract.names import Doc


def nearest_in_paragraph(
    d: Doc, mentions: Iterable[Span], regions: list[tuple[int, int]], at: int
) -> tuple[int, int] | None:
    """The mention outside quotation marks nearest offset `at`, in `at`'s paragraph, or None."""
    pa, pb = d.paras[d.para_of(at)] if d.paras else (0, len(d.text))
    near = [
        (abs(m.start - at), m.start, m.end)
        for m in mentions
        if pa <= m.start < pb and not in_regions(m.start, regions)
    ]
    if not near:
        return None
    _, a, b = min(near)
    return a, b
