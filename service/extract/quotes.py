"""Find quotations in news text: every direct and partial quote, with exact character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation found in the text.

    `start`/`end` bound the quoted words only (marks excluded, `end` exclusive), so
    `text[start:end]` is what a reader would copy. `open_mark`/`close_mark` are the offsets of the
    marks themselves, None where the text has none (a paragraph continued without a closing mark,
    a continuation paragraph opened by convention, or a quote cut off at the end of the text).
    """

    start: int
    end: int
    kind: Literal["direct", "partial"]
    open_mark: int | None = None
    close_mark: int | None = None
    depth: int = 0  # 0 = top level, 1 = a quotation nested inside another
    parent: int | None = None  # index (in the returned list) of the enclosing quotation
    continues: bool = False  # True when this paragraph continues the previous span's quotation


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quotations in `text`, sorted by start. (Implementation in progress.)"""
    raise NotImplementedError


def quoted_regions(spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The [start, end) regions inside quotation marks, for service.ground.inside()."""
    return [(s.start, s.end) for s in spans]
