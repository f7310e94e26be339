"""Speakers named by the layout rather than by a speech verb: a transcript's speaker turn
('"PENCE: Well, look, ...') and a headline's source ('Sanders: Clinton needs to ‘get away from
...’', 'Chris Christie Calls Hillary Clinton ‘A Disgrace’', '..., Lindsey Graham Says').

Both are tried before the cue rules in `speakers.attribute`; each returns a `Frame` (speaker,
mention as written, its span, role, rule) or None, and the cue rules and the ranker take over.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from schemas import Actor, ActorType
from service.extract.dash_quotes import DASH_PARA_RE
from service.extract.names import Doc, low, split_titled
from service.extract.quotes import QuoteSpan, headline_end

# looks a name up among the article's actors at an offset (speaker_index.ActorIndex.name)
Lookup = Callable[[str, int], "Actor | None"]


@dataclass(frozen=True, slots=True)
class Frame:
    speaker: str
    mention: str
    span: tuple[int, int]
    role: str | None
    rule: str


# ----------------------------------------------------------------------- transcript turns

_TURN_RE = re.compile(r"((?:[A-Z][A-Za-z.'’-]*\.? ){0,3}[A-Z][A-Za-z'’-]+): (?=\S)")
_NOT_TURNS = frozenset(
    ["note", "update", "editor's note", "editor’s note", "watch", "breaking", "read", "related",
     "correction", "question", "answer", "video", "photo", "source", "sources", "transcript"]
)  # fmt: skip


def turn(d: Doc, lookup: Lookup, at: int) -> Frame | None:
    """A quoted paragraph opening with a speaker turn in capitals ('"PENCE: Well, look, ...',
    '"MR. KIRBY: ...') is that speaker's, however the name was typed ('WALLACE' may read as an
    acronym). Title-case ones are left alone: 'Lost Tycoon: The Many Lives ...' is a title."""
    m = _TURN_RE.match(d.text, at, at + 40)
    if m is None or not d.paras:
        return None
    if d.text[d.paras[d.para_of(at)][0] : at].strip(" \"'“‘"):
        return None  # not at the start of its paragraph
    name = m.group(1)
    if name.upper() != name or len(name) < 3 or low(name) in _NOT_TURNS:
        return None
    bare = split_titled(name.title()).name or name
    actor = lookup(bare, at)
    speaker = actor.name if actor is not None else bare
    return Frame(speaker, name, (m.start(1), m.end(1)), actor.role if actor else None, "turn")


# ------------------------------------------------------------------------------ sign-offs

# '“Maybe we can build a wall around him.” ― Ana Ruiz': a dash and a name ending the line; a
# hyphen only where it opens the next line ('"…" / - Sanders.', quote boxes in fact checks)
_SIGN_OFF_RE = re.compile(
    r"[\"'”’]?[.,]?(?:\s*[―—–]|[ \t\u00a0]*\n\s*-)\s*((?:[A-Z][\w.'’-]*[ \u00a0]){0,3}[A-Z][\w'’-]+)\.?[ \t\u00a0]*(?:$|\n|,|\()",
    re.MULTILINE,
)


def sign_off(d: Doc, lookup: Lookup, close_mark: int | None) -> Frame | None:
    """A quotation signed off by a dash and a name (on its line, or opening the next) is that
    person's."""
    if close_mark is None:
        return None
    m = _SIGN_OFF_RE.match(d.text, close_mark + 1)
    if m is None:
        return None
    name, at = m.group(1), m.start(1)
    if d.text[close_mark + 1 : at].rstrip().endswith("-"):
        # a hyphen also opens list items ('- Lower taxes'): only a name the article knows signs off
        words = (split_titled(name).name or name).split()
        if not any(lookup(" ".join(words[k:]), at) for k in range(len(words))):
            return None
    return _named(name, at, lookup, "sign-off")


# ----------------------------------------------------------------------------- headlines

# 'The Latest:' and 'EXCLUSIVE:' label the story, they do not name its source
_LABELS = frozenset(
    ["the latest", "exclusive", "breaking", "watch", "update", "video", "live", "analysis",
     "opinion", "editorial", "fact check", "photos", "poll", "exclusive excerpt"]
)  # fmt: skip
_PREFIX_RE = re.compile(r"\s*((?:[\w.'’&-]+ ){0,4}[\w.'’&-]+):\s")
_SAYS_RE = re.compile(
    r"(?:,[’'”\"]?|[’'”\"],)\s*((?:[A-Z][\w.'’-]* ){0,3}[A-Z][\w'’-]+) "
    r"(?:[Ss]ays|[Tt]ells|[Ww]arns|[Ff]inds)\b"
)
_WORD_RE = re.compile(r"[\w.'’-]+")
_SOURCES = (ActorType.person, ActorType.organization, ActorType.group)


def headline_span(d: Doc, title: str | None) -> tuple[int, int] | None:
    """The first paragraph when it repeats the article's title (quotes.headline_end)."""
    end = headline_end(d.text, d.paras, title)
    return (d.paras[0][0], end) if end else None


def headline(
    d: Doc,
    hl: tuple[int, int],
    lookup: Lookup,
    actors: Sequence[Actor],
    regions: Sequence[tuple[int, int]],
    at: int,
) -> Frame | None:
    """The source of a quotation inside the headline `hl`: the name before a colon ('Ryan:
    ...'), the name before a closing 'Says' ('..., Howard Dean Tells Democratic Convention'),
    else the first person or organisation the headline names before the quotation."""
    a, b = hl
    text = d.text
    start = a
    m = _PREFIX_RE.match(text, a, at)
    if m is not None and low(m.group(1)) in _LABELS:
        start = m.end()
        m = _PREFIX_RE.match(text, start, at)
    first = _first_mention(actors, regions, start, at)
    if m is not None and low(m.group(1)) not in _LABELS:
        # 'CNN President On Trump: ‘...’': the source, not the topic
        name = re.split(r" [Oo]n ", m.group(1))[0]
        if first is not None and first[0] == m.start(1) and first[1] <= m.start(1) + len(name):
            return _frame(text, first)  # 'Carly Fiorina Endorses Ted Cruz: I Am ‘Horrified’'
        return _named(name, m.start(1), lookup, "headline")
    says = list(_SAYS_RE.finditer(text, at, b))
    if says:
        return _named(says[-1].group(1), says[-1].start(1), lookup, "headline")
    # 'Sanders Told A Female Reporter Not To ‘Moan’': the longest opening words naming an actor
    words = list(_WORD_RE.finditer(text, start, at))[:4]
    for w in reversed(words):
        actor = lookup(text[start : w.end()], start)
        if actor is not None and actor.type in _SOURCES:
            return Frame(
                actor.name, text[start : w.end()], (start, w.end()), actor.role, "headline"
            )
    if first is not None and low(text[first[0] : first[1]].split()[-1]) in _RUN_ENDS:
        # 'Frustrated Parents Rally Nationwide To ‘...’': a run of title-cased words read as one
        # name; the subject is the opening words through the first plural noun
        for w in _WORD_RE.finditer(text, start, first[1]):
            lw = low(w.group())
            if lw.endswith("s") and not lw.endswith("ss") and len(lw) > 3:
                name = text[start : w.end()]
                return Frame(name, name, (start, w.end()), None, "headline")
    return _frame(text, first) if first is not None else None


# words a name never ends with: a title-case headline's run of words read as one name
_RUN_ENDS = frozenset(["to", "as", "a", "an", "the", "of", "for", "on", "in", "at", "with", "and"])


def _first_mention(
    actors: Sequence[Actor], regions: Sequence[tuple[int, int]], lo: int, hi: int
) -> tuple[int, int, Actor] | None:
    """The first person or organisation mentioned in text[lo:hi] outside quotation marks."""
    best: tuple[int, int, Actor] | None = None
    for actor in actors:
        if actor.type not in _SOURCES:
            continue
        for mt in actor.mentions:
            earlier = best is None or mt.start < best[0]
            if lo <= mt.start < hi and earlier and not any(s <= mt.start < e for s, e in regions):
                best = (mt.start, mt.end, actor)
    return best


def _frame(text: str, found: tuple[int, int, Actor]) -> Frame:
    s, e, actor = found
    return Frame(actor.name, text[s:e], (s, e), actor.role, "headline")


def _named(name: str, pos: int, lookup: Lookup, rule: str) -> Frame:
    """The actor a headline's words name ('Engineer Tom Baxter' is Tom Baxter), else the words."""
    bare = split_titled(name).name or name
    words = bare.split()
    actor = None
    for k in range(len(words)):
        actor = lookup(" ".join(words[k:]), pos)
        if actor is not None:
            break
    speaker = actor.name if actor is not None else bare
    return Frame(speaker, name, (pos, pos + len(name)), actor.role if actor else None, rule)


def interviewer_questions(
    text: str, spans: Sequence[QuoteSpan], speakers: Sequence[str | None], cued: Sequence[bool]
) -> list[int]:
    """The indices of the dash lines that are the reporter's questions in an interview: an uncued
    paragraph of dash speech that ends in a question mark, between two turns of one speaker of
    which the next is cued (`—Ya no compensa —explica.` / `—¿Y nadie quiere seguir?` / `—Mi
    hijo es ingeniero —responde.`): the one answering does not ask, so no one named speaks."""
    out = []
    for i in range(1, len(spans) - 1):
        s, e = spans[i].start, spans[i].end
        line = text.rfind("\n", 0, s) + 1
        if (
            not cued[i]
            and cued[i + 1]
            and speakers[i] is not None
            and speakers[i - 1] == speakers[i] == speakers[i + 1]
            and text[e - 1 : e + 1].rstrip().endswith("?")
            and DASH_PARA_RE.match(text, line) is not None
            and not text[line:s].strip(" \t–—¿¡")
        ):
            out.append(i)
    return out
