"""A learned choice of the person a speaker's 'he' or 'she' stands for (English).

The rule before it took the last person opening a sentence since the last quotation, else the
last speaker, else the last person mentioned: on PolNeAR train it named the annotators' person for
about two in three pronoun sources, and chose places and programmes ('Boca West', 'Good Morning
America') the actor finder had typed as people. Here every named person mentioned before the
pronoun (outside quotation marks, within the rule's window, agreeing in gender) is a candidate,
described by sparse features (how recent, how far, subject or not, last speaker or not, whether
the text says their gender, a first name, how often named, the words beside the last mention,
named inside another subject's sentence), and a linear model picks one. The rule still answers
where the window holds nobody, and its answer stands when it is the last speaker named there as a
subject (service.extract.speakers._pronoun_target). The weights are fitted on PolNeAR train by
`scripts/train_pronoun_ranker.py` and ship as `data/pronoun_ranker.json`; without that file the
rule answers.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Any, NamedTuple

from schemas import Actor, ActorType
from service.extract.actor_mentions import in_regions
from service.extract.learned import read_model
from service.extract.name_gender import is_given
from service.extract.names import Doc, name_key
from service.extract.speaker_index import ActorIndex
from service.extract.speaker_ranker import _verb_near

WEIGHTS = Path(__file__).with_name("data") / "pronoun_ranker.json"
LOOKBACK = 2500  # characters before the pronoun, as the rule's window
_MAX_CANDIDATES = 6  # the most recent people: the annotators' choice is nearly always among them
_PERSON = frozenset([ActorType.person])
_DIST_EDGES = (60, 200, 500, 1000, 1800)


class Candidate(NamedTuple):
    """One person the pronoun may stand for."""

    actor: Actor
    subject: bool  # its last mention in the window opens a sentence
    features: tuple[str, ...]


class _Entry(NamedTuple):
    """A person in the window, before the features (most of them are never needed)."""

    actor: Actor
    start: int  # its last mention in the window
    end: int
    seen: int  # its mentions in the window
    raw_rank: int  # among everyone named in the window, of either gender
    subject: bool
    gendered: bool  # the text or the first name says their gender


class _Window:
    """The people before one pronoun who agree with it, most recent first (made once per pronoun
    and offset: the speaker ranker asks again for each quotation near it); the features that do
    not depend on the last quotation, and their weights, only when two or more are to be
    ranked."""

    def __init__(
        self,
        at: int,
        entries: list[_Entry],
        subjects: list[int],
        sentences: list[int],
        facts: dict[tuple[int, int], Any],
    ) -> None:
        self.at = at
        self.sentences = sentences  # the article's sentence-opening tokens
        self.facts = facts  # the article's mentions: (words beside, sentence, paragraph)
        self.entries = entries
        self.subjects = subjects  # the last mentions of everyone in the window that open a sentence
        self._feats: list[tuple[bool, str, tuple[str, ...]]] | None = None
        self._values: list[tuple[float, ...]] | None = None
        self._scores: dict[tuple[int, bool, bool], float] = {}

    def features(self, d: Doc) -> list[tuple[bool, str, tuple[str, ...]]]:
        """Per entry: named inside another subject's sentence, rank label, fixed features."""
        if self._feats is None:
            self._feats = _features(d, self)
        return self._feats

    def values(self, d: Doc, w: dict[str, float]) -> list[tuple[float, ...]]:
        """The weights of each entry's fixed features, in order (the model is read once)."""
        if self._values is None:
            self._values = [tuple(map(w.get, f, repeat(0.0))) for _, _, f in self.features(d)]
        return self._values

    def scores(
        self, d: Doc, w: dict[str, float], last_speaker: str | None, last_pos: int
    ) -> list[float]:
        """Each entry's score: its fixed features' weights, then those of the features that
        depend on the last quotation (`_more`), summed in that order. Those take only two
        yes/no values per entry (a subject since the last quotation, the last speaker), so each
        entry's sum is kept by them: the speaker ranker asks again for each quotation near the
        pronoun, with another last quotation."""
        kept = self._scores
        out = []
        get, zero = w.get, repeat(0.0)
        for k, (e, (inner, r, _), v) in enumerate(
            zip(self.entries, self.features(d), self.values(d, w), strict=True)
        ):
            since, last = e.subject and e.start > last_pos, e.actor.name == last_speaker
            got = kept.get((k, since, last))
            if got is None:
                more = _more_labels(since, last, r, e.subject, inner)
                got = kept[k, since, last] = sum(chain(v, map(get, more, zero)))
            out.append(got)
        return out


# a distance's bucket label by `bisect_left(_DIST_EDGES, n)`: the first edge at or above it, else
# '>' and the last edge
_DIST_LABELS = (*map(str, _DIST_EDGES), f">{_DIST_EDGES[-1]}")


def candidates(
    d: Doc,
    idx: ActorIndex,
    pronoun: str,
    at: int,
    last_speaker: str | None,
    last_pos: int,
    gender: Callable[[str], str | None],
) -> list[Candidate]:
    """The named people mentioned in the window before `at` who agree with `pronoun`, most
    recent first, with their features."""
    w = _window(d, idx, pronoun, at, gender)
    return [
        Candidate(e.actor, e.subject, feats + _more(e, inner, r, last_speaker, last_pos))
        for e, (inner, r, feats) in zip(w.entries, w.features(d), strict=True)
    ]


def choose(
    d: Doc,
    idx: ActorIndex,
    pronoun: str,
    at: int,
    last_speaker: str | None,
    last_pos: int,
    gender: Callable[[str], str | None],
    keep: bool,
) -> Actor | None:
    """The top candidate's actor (as `best` of `candidates` picks it); None where the rule
    answers: nobody in the window, or `keep` (the rule's answer is the last speaker) and the
    window names the last speaker as a subject, or, where their first name is unknown to the
    lists (the ranker then prefers anyone gendered), last names them after their quotation opened
    (the subject of its cue: "'...,' Dr Ssemwogerere said. She added that ..."). Features are
    read only when two or more people are in the window."""
    w = _window(d, idx, pronoun, at, gender)
    entries = w.entries
    if keep and any(
        (e.subject or e.start > last_pos and not e.gendered) and e.actor.name == last_speaker
        for e in entries
    ):
        return None
    e0 = entries[0] if entries else None
    if (
        e0 is not None
        and e0.raw_rank == 0
        and e0.subject
        and not e0.gendered
        and " " in e0.actor.name  # a first name and a surname ('African-Americans' is none)
        and e0.start > last_pos
        and d.para_of(e0.start) == d.para_of(at)
    ):
        # 'Transport Secretary Ailsa Crichton insisted ... "...," she said': the last person
        # named, opening a sentence of the pronoun's paragraph since the last quotation, whose
        # first name the lists lack (train's unknown names are mostly places typed as people)
        return e0.actor
    if len(entries) < 2:
        return entries[0].actor if entries else None
    scores = w.scores(d, weights(), last_speaker, last_pos)
    return entries[scores.index(max(scores))].actor


def _more(
    e: _Entry, inner: bool, r: str, last_speaker: str | None, last_pos: int
) -> tuple[str, ...]:
    """The features that depend on the last quotation."""
    return _more_labels(
        e.subject and e.start > last_pos, e.actor.name == last_speaker, r, e.subject, inner
    )


@lru_cache(maxsize=64)
def _more_labels(since: bool, last: bool, r: str, subj: bool, inner: bool) -> tuple[str, ...]:
    return (
        f"since_quote={since}",  # a subject since the last quotation
        f"since_quote={since}|rank={r}",
        f"last={last}",
        f"last={last}|rank={r}",
        f"last={last}|subj={subj}|inner={inner}",
    )


def _window(
    d: Doc, idx: ActorIndex, pronoun: str, at: int, gender: Callable[[str], str | None]
) -> _Window:
    key = (pronoun, at)
    got = idx.windows.get(key)
    if got is not None:
        return got
    starts, found = idx._mentions_of(_PERSON)
    subj_starts, _ = idx.subjects(d)
    want = "m" if pronoun == "he" else "f"
    quoted = idx.quoted
    mention_ends = idx.mention_ends
    seen: dict[int, list[int]] = {}  # actor index -> [its last mention, mentions seen]
    order: list[tuple[int, Actor, int]] = []  # (actor index, actor, last mention's end)
    # back from the pronoun over the people's mentions in the window (sorted by start)
    for k in range(bisect_left(starts, at) - 1, bisect_left(starts, at - LOOKBACK) - 1, -1):
        start, n, a = found[k]
        had = seen.get(n)
        if had is not None:
            had[1] += 1
            continue
        ends = mention_ends.get(n)
        if ends is None:
            # the actor's mentions' ends by start, the first mention at a start winning (as a
            # forward scan for it would find): made once per actor and article
            ends = mention_ends[n] = {m.start: m.end for m in reversed(a.mentions)}
        m_end = ends.get(start, start)
        if m_end > at or in_regions(start, quoted):
            continue
        seen[n] = [start, 1]
        order.append((n, a, m_end))
    entries: list[_Entry] = []
    subjects: list[int] = []
    for rank, (n, a, m_end) in enumerate(order):
        start, count = seen[n]
        subj = _has(subj_starts, start)
        if subj:
            subjects.append(start)
        if len(entries) == _MAX_CANDIDATES:
            continue
        g = gender(a.name)
        if g is None or g == want:
            entries.append(_Entry(a, start, m_end, count, rank, subj, g is not None))
    win = idx.windows[key] = _Window(at, entries, subjects, idx.sentences(d), idx.mention_facts)
    return win


def _features(d: Doc, w: _Window) -> list[tuple[bool, str, tuple[str, ...]]]:
    at = w.at
    sents, facts = w.sentences, w.facts
    pi, here = d.para_of(at), _sentence(d, sents, at)
    # the sentences a candidate opens: a person named inside one ('Yehia Rasool, the spokesperson
    # for Prime Minister al-Sudani, said') is seldom the next 'he'
    opened = {_sentence(d, sents, s) for s in w.subjects}
    out: list[tuple[bool, str, tuple[str, ...]]] = []
    for k, e in enumerate(w.entries):
        a, start, subj = e.actor, e.start, e.subject
        g = e.gendered
        got = facts.get((start, e.end))
        if got is None:  # a mention is a candidate for several pronouns
            got = facts[start, e.end] = (
                _near(d, start, e.end),
                _sentence(d, sents, start),
                d.para_of(start),
            )
        near, sent, para = got
        inner = not subj and sent in opened
        r = str(min(k, 4))
        feats = _labels(
            r,
            min(e.raw_rank, 5),
            bisect_left(_DIST_EDGES, at - e.end),
            subj,
            g,
            _given(a.name),
            min(e.seen, 4),
            min(pi - para, 3),
            near,
            inner,
            sent == here,
        )
        out.append((inner, r, feats))
    return out


@lru_cache(maxsize=8192)
def _labels(
    r: str,
    raw_rank: int,
    dist: int,
    subj: bool,
    g: bool,
    given: bool,
    count: int,
    para: int,
    near: str,
    inner: bool,
    same: bool,
) -> tuple[str, ...]:
    """A candidate's fixed features (the distance by its bucket's index): the same few
    combinations recur across candidates and articles, so each is spelt out once."""
    return (
        f"rank={r}",
        f"raw_rank={raw_rank}",
        f"dist={_DIST_LABELS[dist]}",
        f"subj={subj}",
        f"subj={subj}|rank={r}",
        f"gender={g}",
        f"given={given}",
        f"gender={g}|given={given}",
        f"count={count}",
        f"para={para}",
        f"near={near}",
        f"near={near}|rank={r}",
        f"inner={inner}",
        f"inner={inner}|rank={r}",
        f"same_sentence={same}|subj={subj}",
    )


def _has(starts: list[int], x: int) -> bool:
    k = bisect_left(starts, x)
    return k < len(starts) and starts[k] == x


def _sentence(d: Doc, sents: list[int], start: int) -> int:
    """The token opening the sentence that holds the offset (at most 60 tokens back); `sents`
    holds the sentence-opening tokens, in order."""
    t = d.tok_at(start)
    i = bisect_right(sents, t) - 1
    return sents[i] if i >= 0 and t - sents[i] < 60 else -1


@lru_cache(maxsize=4096)
def _given(name: str) -> bool:
    """A word before the last of the name is a known first name (cached: names recur)."""
    return any(is_given(x) for x in name_key(name).split()[:-1])


def _near(d: Doc, start: int, end: int) -> str:
    """The words beside the mention (speaker_ranker's reading: a speech verb after it, a
    preposition or possessive)."""
    i, j = d.tok_at(start), d.tok_at(end)
    return _verb_near(d, i, j)


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    return read_model(WEIGHTS)[0]


def best(cands: list[Candidate], w: dict[str, float]) -> Candidate | None:
    """The top candidate (ties: the more recent)."""
    if not cands:
        return None
    get, zero = w.get, repeat(0.0)
    scores = [sum(map(get, c.features, zero)) for c in cands]
    return cands[scores.index(max(scores))]
