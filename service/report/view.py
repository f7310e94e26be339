"""What the HTML report shows, worked out in Python so the template only lays it out: word-level
differences between quote variants, conflicts, the event timeline and sources grouped by copy."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from schemas import ArticleDigest
from schemas.story import QuoteCluster, StoryDigest, StoryEvent
from service.report.spans import digest_marks, flatten, layout

_WORD = re.compile(r"\S+")
_FOLD = re.compile(r"[\W_]+", re.UNICODE)


def _fold(word: str) -> str:
    return _FOLD.sub("", word.casefold().replace("’", "'"))


def word_diff(canonical: str, variant: str) -> list[tuple[str, str]]:
    """The variant's wording against the canonical, word by word: ("same", words), ("added",
    words the variant has instead) and ("missing", canonical words the variant lacks). Words
    compare folded (case, punctuation, quote marks), so only real wording changes show."""
    a, b = _WORD.findall(canonical), _WORD.findall(variant)
    sm = difflib.SequenceMatcher(None, [_fold(w) for w in a], [_fold(w) for w in b], autojunk=False)
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            out.append(("same", " ".join(b[j1:j2])))
            continue
        if i2 > i1:
            out.append(("missing", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    return out


@dataclass
class Conflict:
    what: str  # "date", "location", "number", "speaker"
    subject: str
    values: list[tuple[str, list[str]]]  # (value, outlets or article ids giving it)
    anchor: str


@dataclass
class ArticleView:
    digest: ArticleDigest
    anchor: str
    label: str
    events: list[tuple[str, Any]] | None = None  # the highlighted text as open/text/close events
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class StoryView:
    story: StoryDigest
    anchor: str
    page: str
    groups: list[tuple[Any, list[ArticleView]]]
    quotes: list[tuple[QuoteCluster, list[tuple[ArticleView, Any, list[tuple[str, str]]]]]]
    timeline: list[StoryEvent]
    conflicts: list[Conflict]
    articles: list[ArticleView]


def article_label(d: ArticleDigest) -> str:
    a = d.article
    return a.outlet or (a.url.split("/")[2] if a.url and a.url.count("/") >= 2 else None) or a.id


def article_view(d: ArticleDigest, anchor: str, text: str | None) -> ArticleView:
    view = ArticleView(d, anchor, article_label(d))
    marks = digest_marks(d)
    view.counts = {
        layer: sum(1 for m in marks if m.layer == layer)
        for layer in ("quote", "speaker", "actor", "evidence")
    }
    if text is not None and len(text) == d.article.length:
        view.events = flatten(layout(len(text), marks), text)
    return view


def _outlets(story: StoryDigest, labels: dict[str, str], article_ids: Sequence[str]) -> list[str]:
    return sorted({labels.get(a, a) for a in article_ids})


def conflicts(story: StoryDigest, labels: dict[str, str], anchor: str) -> list[Conflict]:
    """Dates, places and numbers the sources disagree on (from the merger's disagreements), and
    quote clusters whose variants name different speakers."""
    out: list[Conflict] = []
    for e in story.events:
        for dis in e.disagreements:
            kind = dis.field
            what = "number" if kind.startswith("count:") else kind
            subject = e.summary if not kind.startswith("count:") else f"{kind[6:]}: {e.summary}"
            values = [
                (fv.value, _outlets(story, labels, [m.article for m in fv.members]))
                for fv in dis.values
            ]
            out.append(Conflict(what, subject, values, f"{anchor}-{e.id}"))
    for qc in story.quotes:
        speakers: dict[str, list[str]] = {}
        for v in qc.variants:
            if v.quote.speaker:
                speakers.setdefault(v.quote.speaker, []).append(v.article)
        if len({_fold(s) for s in speakers}) > 1 and not _one_person(list(speakers)):
            values = [(s, _outlets(story, labels, arts)) for s, arts in sorted(speakers.items())]
            out.append(Conflict("speaker", qc.canonical, values, f"{anchor}-{qc.id}"))
    return out


def _one_person(names: list[str]) -> bool:
    """'Pat Ryder' and 'Patrick Ryder' are one speaker the merger already joined: the same last
    word and compatible first words."""
    parts = [n.split() for n in names]
    if any(not p for p in parts):
        return False
    last = {_fold(p[-1]) for p in parts}
    firsts = [_fold(p[0]) for p in parts if len(p) > 1]
    compatible = all(a.startswith(b) or b.startswith(a) for a in firsts for b in firsts)
    return len(last) == 1 and compatible


def story_view(
    story: StoryDigest,
    index: int,
    by_id: dict[str, ArticleView],
    page: str,
) -> StoryView:
    anchor = f"s{index}"
    labels = {aid: v.label for aid, v in by_id.items()}
    groups = []
    for g in story.source_groups:
        members = [by_id[a] for a in g.articles if a in by_id]
        groups.append((g, members))
    quotes = []
    for qc in story.quotes:
        rows = []
        for v in qc.variants:
            av = by_id.get(v.article)
            if av is None:
                continue
            rows.append((av, v, word_diff(qc.canonical, v.quote.text)))
        quotes.append((qc, rows))
    timeline = sorted(story.events, key=lambda e: (e.date is None, e.date or "", e.id))
    articles = [by_id[s.article.id] for s in story.sources if s.article.id in by_id]
    return StoryView(
        story,
        anchor,
        page,
        groups,
        quotes,
        timeline,
        conflicts(story, labels, anchor),
        articles,
    )
