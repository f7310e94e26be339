"""Grounding: place any claimed string on the source text and say how faithfully it matched.

Every quote the engines emit passes through `ground_quote`: exact match first, then a match after
folding quote marks, dashes, whitespace, accents and case, then a tightly bounded fuzzy match.
The returned text is always the *source* substring, so `text[start:end] == span.text` holds by
construction. A claim that cannot be placed, or is placed outside every quotation in the source,
is rejected with a reason the caller counts in the digest's `provenance.dropped`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from schemas import Fidelity
from service.normalise import DOUBLE_QUOTES, SINGLE_QUOTES, fold_with_map, name_key

# Fuzzy matching is for typos and re-typed punctuation, not paraphrase: a claim must be at least
# this long, and at most this share of its characters may differ from the source.
FUZZY_MIN_LEN = 16
FUZZY_MAX_EDIT_RATIO = 0.08
_TRIM = " \t\r\n" + DOUBLE_QUOTES + SINGLE_QUOTES


@dataclass(frozen=True, slots=True)
class Located:
    start: int
    end: int
    text: str
    fidelity: Fidelity
    score: float = 100.0


class SourceText:
    """The article text with its folded form cached, so many claims ground cheaply."""

    __slots__ = ("_folded", "_index", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._index: list[int] = []

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded, self._index = fold_with_map(self.text)
        return self._folded

    def to_source(self, fstart: int, fend: int) -> tuple[int, int]:
        """Map a folded [fstart, fend) range back onto source offsets."""
        _ = self.folded
        start = self._index[fstart]
        end = self._index[fend - 1] + 1
        return start, end


def _nearest(positions: Sequence[int], hint: int | None) -> int:
    if hint is None:
        return positions[0]
    return min(positions, key=lambda p: (abs(p - hint), p))


def _all_finds(hay: str, needle: str, limit: int = 50) -> list[int]:
    out: list[int] = []
    i = hay.find(needle)
    while i != -1 and len(out) < limit:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def locate(claim: str, source: str | SourceText, *, hint: int | None = None) -> Located | None:
    """Find `claim` in the source: exact, then normalised, then bounded fuzzy. None if absent.

    `hint` (a source offset) picks among repeated occurrences: the nearest wins, ties to the first.
    """
    src = source if isinstance(source, SourceText) else SourceText(source)
    text = src.text
    claim = claim.strip(_TRIM)
    if not claim:
        return None
    hits = _all_finds(text, claim)
    if hits:
        s = _nearest(hits, hint)
        return Located(s, s + len(claim), claim, Fidelity.exact)

    fclaim, _ = fold_with_map(claim)
    fclaim = fclaim.strip(" ")
    if not fclaim:
        return None
    folded = src.folded
    fhits = _all_finds(folded, fclaim)
    if fhits:
        cands = [src.to_source(f, f + len(fclaim)) for f in fhits]
        s, e = (
            min(cands, key=lambda se: (abs(se[0] - hint), se[0])) if hint is not None else cands[0]
        )
        return Located(s, e, text[s:e], Fidelity.normalised)

    if len(fclaim) < FUZZY_MIN_LEN:
        return None
    # imported here: the offline engine uses this module only for exact mentions, and rapidfuzz
    # costs a one-article run ~10 ms to import
    from rapidfuzz import fuzz
    from rapidfuzz.distance import Levenshtein

    align = fuzz.partial_ratio_alignment(
        fclaim, folded, score_cutoff=100 * (1 - 2 * FUZZY_MAX_EDIT_RATIO)
    )
    if align is None:
        return None
    fs, fe = align.dest_start, align.dest_end
    if fe <= fs:
        return None
    # partial_ratio aligns a same-length window; let the edges grow or shrink by a few characters
    best: tuple[int, int, int] | None = None
    slack = max(2, int(len(fclaim) * FUZZY_MAX_EDIT_RATIO))
    for ds in range(-slack, slack + 1):
        for de in range(-slack, slack + 1):
            a, b = fs + ds, fe + de
            if a < 0 or b > len(folded) or b <= a:
                continue
            d = Levenshtein.distance(fclaim, folded[a:b], score_cutoff=slack + 1)
            if best is None or d < best[0] or (d == best[0] and (b - a) > (best[2] - best[1])):
                best = (d, a, b)
    if best is None or best[0] > len(fclaim) * FUZZY_MAX_EDIT_RATIO:
        return None
    d, a, b = best
    s, e = src.to_source(a, b)
    # keep the span off surrounding whitespace/quote marks so it stays the quoted words only
    while s < e and text[s] in _TRIM:
        s += 1
    while e > s and text[e - 1] in _TRIM:
        e -= 1
    if e <= s:
        return None
    score = 100.0 * (1 - d / max(1, len(fclaim)))
    return Located(s, e, text[s:e], Fidelity.fuzzy, score)


def inside(start: int, end: int, regions: Sequence[tuple[int, int]]) -> bool:
    """True when [start, end) lies within one of the quotation `regions` (each [start, end))."""
    return any(rs <= start and end <= re_ for rs, re_ in regions)


@dataclass(frozen=True, slots=True)
class Grounded:
    located: Located | None
    reason: str | None  # None when grounded; else "not_found" or "not_quoted"


def ground_quote(
    claim: str,
    source: str | SourceText,
    quoted_regions: Sequence[tuple[int, int]] | None,
    *,
    hint: int | None = None,
) -> Grounded:
    """Place a claimed quote; require it to sit inside a quotation when `quoted_regions` is given."""
    loc = locate(claim, source, hint=hint)
    if loc is None:
        return Grounded(None, "not_found")
    if quoted_regions is not None and not inside(loc.start, loc.end, quoted_regions):
        return Grounded(None, "not_quoted")
    return Grounded(loc, None)


def mentions(name: str, source: str | SourceText, *, limit: int = 100) -> list[tuple[int, int]]:
    """Source spans where `name` occurs on word boundaries, comparing folded text."""
    src = source if isinstance(source, SourceText) else SourceText(source)
    fname = fold_with_map(name.strip())[0].strip()
    if not fname:
        return []
    folded = src.folded
    out: list[tuple[int, int]] = []
    for f in _all_finds(folded, fname, limit=limit * 4):
        before = folded[f - 1] if f > 0 else " "
        after = folded[f + len(fname)] if f + len(fname) < len(folded) else " "
        if before.isalnum() or after.isalnum():
            continue
        out.append(src.to_source(f, f + len(fname)))
        if len(out) >= limit:
            break
    return out


def name_supported(name: str, source: str | SourceText) -> bool:
    """A canonical name is supported when it, or its last word (a surname, 3+ letters), occurs."""
    if mentions(name, source, limit=1):
        return True
    parts = name_key(name).split()
    if parts and len(parts[-1]) >= 3:
        return bool(mentions(parts[-1], source, limit=1))
    return False


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CAPWORD = re.compile(r"(?<![\w'’])[A-Z][\w'’-]{2,}")


def unsupported_terms(prose: str, source: str | SourceText) -> list[str]:
    """Numbers and capitalised names in model-written prose that the source never mentions.

    Free text (a summary) cannot be placed on the article like a quote, but the facts a reader
    trusts most in it—figures and names—can be checked: each must occur in the folded source.
    A sentence's first word is exempt (capitalised by position, not as a name).
    """
    src = source if isinstance(source, SourceText) else SourceText(source)
    folded = src.folded
    missing: list[str] = []
    for m in _NUMBER.finditer(prose):
        if fold_with_map(m.group())[0] not in folded:
            missing.append(m.group())
    for m in _CAPWORD.finditer(prose):
        before = prose[: m.start()].rstrip()
        if not before or before[-1] in '.!?:;"“‘(':
            continue
        word = m.group().rstrip("'’-")
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if fold_with_map(word)[0] not in folded:
            missing.append(word)
    return missing
