"""A learned choice, outside English, of the person a speaker's pronoun or dropped subject stands
for ('„...“, sagte er', '«...», añadió', '„...” – powiedziała').

The rule before it (service.extract.speaker_pronouns.pronoun_rule) tries in turn a person opening a
sentence since the last quotation, a person named in the cue's paragraph since then, the last
speaker and the last person named. Fresh articles put the person spoken of in many other places
(after an adverbial opening, inside a relative clause, as the object of the verb before), and a
fixed order of four questions answers each of them the same way. Here every named person
mentioned outside quotation marks in the rule's window, agreeing with the pronoun (and the last
speaker, though unnamed), is a candidate described by features that hold in any language: how
recent the mention is among the candidates, whether it opens a sentence, comes after the last
quotation, lies in the cue's paragraph or the one before, whether the person is the last speaker,
was first named in this paragraph, is named in full, and whether the word before the mention is
a lower-case word (a complement rather than a subject). No word of any language is a feature, so
the weights carry to languages the training sets lack. They are fitted on the multilingual
development sets by `scripts/train_pronoun_choice_intl.py` and ship as
`data/pronoun_choice_intl.json`; without that file the rule answers. On the sets of stop 29 the
two agree on every decision (the weights rank the rule's questions in the rule's order): the
model is where new signals are to be weighed, rather than one more question in the rule.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from schemas import Actor, ActorType
from service.extract.actor_mentions import in_regions
from service.extract.learned import read_model
from service.extract.lexicon_intl import language
from service.extract.names import Doc, name_key
from service.extract.speaker_index import ActorIndex

WEIGHTS = Path(__file__).with_name("data") / "pronoun_choice_intl.json"
LOOKBACK = 2500  # characters before the cue, as the rule's window
_MAX_CANDIDATES = 5


class Candidate(NamedTuple):
    """One person the pronoun or dropped subject may stand for."""

    actor: Actor
    features: tuple[str, ...]


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    return read_model(WEIGHTS)[0]


def candidates(
    d: Doc, idx: ActorIndex, p: str, at: int, last: str | None, last_pos: int
) -> list[Candidate]:
    """The named people mentioned outside quotation marks in the window before `at` who agree
    with pronoun `p` ('' for a dropped subject), most recent first, with their features."""
    lo = at - LOOKBACK
    last_key = name_key(last or "")
    seen: dict[int, list[tuple[int, int]]] = {}
    for n, a in enumerate(idx.actors):
        if a.type != ActorType.person or a.anonymous and name_key(a.name) != last_key:
            continue  # someone unnamed only as the last speaker ('le ministre ... Selon lui')
        spans = [
            (m.start, m.end)
            for m in a.mentions
            if lo <= m.start < at and not in_regions(m.start, idx.quoted)
        ]
        if spans and idx.agrees(a.name, p):
            seen[n] = sorted(spans)
    if not seen:
        return []
    order = sorted(seen, key=lambda n: -seen[n][-1][0])[:_MAX_CANDIDATES]
    opening = set(idx.subjects(d)[0])  # mentions that open a sentence
    para = d.para_of(at)
    p_lo = d.paras[para][0] if d.paras else 0
    prev_lo = d.paras[para - 1][0] if para > 0 else p_lo
    subj = idx.subject_before(d, at, p)
    out = []
    for rank, n in enumerate(order):
        a = idx.actors[n]
        spans = seen[n]
        start, end = spans[-1]
        f = [f"rank={min(rank, 3)}"]
        opens = [s for s, _ in spans if s > last_pos and s in opening]
        if opens:
            f.append("subject-since")
        if subj is not None and subj[1] is a and subj[0] > last_pos:
            f.append("latest-subject")
        if start > last_pos:
            f.append("since")
        if start >= p_lo:
            f.append("para")
        elif start >= prev_lo:
            f.append("prev-para")
        first = min((m.start for m in a.mentions), default=start)
        if first >= p_lo:
            f.append("introduced-here")
        if last_key and name_key(a.name) == last_key:
            f.append("last")
            f.append("last+para" if last_pos >= p_lo else "last+other-para")
        if a.anonymous:
            f.append("unnamed")
        elif len(d.text[start:end].split()) > 1:
            f.append("full")
        k = bisect_left(d.starts, start)
        if k > 0 and d.words[k - 1].isalpha() and d.words[k - 1].islower():
            f.append("after-lower")
        f.append(f"mentions={min(len(spans), 3)}")
        out.append(Candidate(a, tuple(f)))
    return out


def best(cands: list[Candidate], w: dict[str, float]) -> Candidate | None:
    """The highest-scoring candidate (ties: the more recent)."""
    top, top_s = None, float("-inf")
    for c in cands:
        s = sum(w.get(f, 0.0) for f in c.features)
        if s > top_s:
            top, top_s = c, s
    return top


class _Said(Protocol):
    """The last attributed quotation (service.extract.speakers.Attribution)."""

    @property
    def speaker(self) -> str | None: ...


def choose(
    d: Doc, idx: ActorIndex, p: str, at: int, last: _Said | None, last_pos: int
) -> Actor | None:
    """The learned choice, or None without weights or candidates (the rule then answers)."""
    w = weights()
    if not w or language(d.text) == "en":
        return None
    top = best(candidates(d, idx, p, at, last.speaker if last else None, last_pos), w)
    return top.actor if top is not None else None
