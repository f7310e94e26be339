"""Lay grounded spans (quotes, speakers, actor mentions, event evidence) on an article's text as a
properly nested tree, so the page can wrap each span in one element at its exact offsets.

Spans are inserted in priority order. A span that would cross the border of one already placed is
cut at that border into pieces, each piece keeping the span's attributes; the first-placed spans
(quotes) are therefore never cut, and later layers (evidence, mentions) nest around or inside them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from schemas import ArticleDigest

# insertion order: earlier layers stay whole, later ones are cut to fit
LAYERS = ("quote", "speaker", "actor", "evidence")


@dataclass
class Mark:
    """One span to highlight: [start, end) into the text, a layer and the attributes to show."""

    start: int
    end: int
    layer: str
    ref: str
    tip: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Node:
    start: int
    end: int
    mark: Mark | None = None  # None for the root
    children: list[Node] = field(default_factory=list)
    part: int = 0  # 0 whole; 1, 2, ... the pieces of a cut span


def _insert(siblings: list[Node], mark: Mark, start: int, end: int, pieces: list[Node]) -> None:
    """Insert [start, end) of `mark` among `siblings` (sorted, disjoint), cutting at any sibling
    it only partly covers and adopting the siblings it covers whole."""
    if start >= end:
        return
    inside = [n for n in siblings if n.start < end and start < n.end]
    for n in inside:
        if n.start <= start and end <= n.end and (n.start, n.end) != (start, end):
            _insert(n.children, mark, start, end, pieces)
            return
    # cut at the borders of a partly covered sibling: the part inside it goes one level down
    for n in inside:
        if n.start < start < n.end or n.start < end < n.end:
            lo, hi = max(start, n.start), min(end, n.end)
            _insert(n.children, mark, lo, hi, pieces)
            if start < n.start:
                _insert(siblings, mark, start, n.start, pieces)
            if n.end < end:
                _insert(siblings, mark, n.end, end, pieces)
            return
    node = Node(start, end, mark)
    node.children = [n for n in inside]
    for n in inside:
        siblings.remove(n)
    siblings.append(node)
    siblings.sort(key=lambda n: (n.start, -n.end))
    pieces.append(node)


def layout(length: int, marks: Iterable[Mark]) -> Node:
    """The nesting tree of `marks` over a text of `length` characters (empty or out-of-range
    spans are skipped). Cut spans get part numbers 1, 2, ... in text order."""
    root = Node(0, length)
    order = {name: i for i, name in enumerate(LAYERS)}
    ordered = sorted(marks, key=lambda m: (order.get(m.layer, 99), m.start, -(m.end - m.start)))
    for m in ordered:
        if not 0 <= m.start < m.end <= length:
            continue
        pieces: list[Node] = []
        _insert(root.children, m, m.start, m.end, pieces)
        if len(pieces) > 1:
            for i, p in enumerate(sorted(pieces, key=lambda p: p.start), 1):
                p.part = i
    return root


def flatten(node: Node, text: str) -> list[tuple[str, Any]]:
    """The tree as a flat event list for the template: ("open", Node), ("text", str), ("close",
    Node). Iterative, so long articles never hit Jinja's recursion."""
    out: list[tuple[str, Any]] = []
    stack: list[tuple[Node, int, int]] = [(node, 0, node.start)]
    while stack:
        cur, i, pos = stack.pop()
        if i < len(cur.children):
            child = cur.children[i]
            if child.start > pos:
                out.append(("text", text[pos : child.start]))
            stack.append((cur, i + 1, child.end))
            out.append(("open", child))
            stack.append((child, 0, child.start))
        else:
            if cur.end > pos:
                out.append(("text", text[pos : cur.end]))
            if cur.mark is not None:
                out.append(("close", cur))
    return out


def digest_marks(d: ArticleDigest) -> list[Mark]:
    """Every grounded span of a digest as marks: quotes, their speakers, actor mentions and event
    evidence, each with the words a reader sees on hover or focus."""
    marks: list[Mark] = []
    for q in d.quotes:
        who = q.speaker or "speaker not stated"
        if q.speaker_role:
            who += f", {q.speaker_role}"
        tip = f"{who} · {q.kind.value} quote · {q.fidelity.value}"
        if q.attribution:
            tip += f" · attributed by {q.attribution}"
        marks.append(
            Mark(
                q.start,
                q.end,
                "quote",
                q.id,
                tip,
                {
                    "speaker": q.speaker or "",
                    "kind": q.kind.value,
                    "fidelity": q.fidelity.value,
                },
            )
        )
        if q.speaker_span is not None:
            s = q.speaker_span
            marks.append(Mark(s.start, s.end, "speaker", q.id, f"speaker of {q.id}: {who}"))
    for a in d.actors:
        role = f", {a.role}" if a.role else ""
        for m in a.mentions:
            marks.append(Mark(m.start, m.end, "actor", a.id, f"{a.name} ({a.type.value}{role})"))
    for e in d.events:
        when = e.date or "date unknown"
        for sp in e.evidence:
            marks.append(Mark(sp.start, sp.end, "evidence", e.id, f"event {e.id}, {when}"))
    return marks
