"""Event clusters across articles, with every disagreement on date, place and counts kept.

A pair of events (from two different articles) is scored on (features: event_features.py)
  wording       content-word stems of summary and evidence (date words left out: dates are
                compared on their own), IDF-weighted with a fixed scale; the mean of Dice and of
                the smaller side's share (a short report inside a long sentence still counts);
  participants  IDF-weighted Dice overlap of the story actors they resolve to ("US forces" in
                every event says little, "Abu Baqir al-Saadi" a lot);
  action type   the same lead action (attack, kill, resign, meet, urge, ...: the first one a
                sentence names) adds TYPE_BONUS, another shared type half of it; two events
                whose types are all different lose TYPE_PENALTY;
  numbers       a shared count ("three soldiers" / "three troops") adds NUM_BONUS times its IDF
                share of the smaller side's counts;
  date          each date (resolved by the engine against its article's publication date) is an
                interval ('2024-04' is the whole month); an article without a publication date
                still names a weekday or a month ("on Sunday", "in January"), compared with the
                other's date. The same day adds DATE_BONUS, one inside the other (or the same
                weekday/month) half of it; full days up to DATE_TOLERANCE_DAYS apart cost
                NEAR_PENALTY per day (sources disagreeing by a day are kept together, with the
                disagreement); farther apart, or different months, veto the pair; a missing date
                is compatible and adds nothing;
  place         IDF-weighted share of place words (the location, and the participants that are
                places, so "Hasaka province" in one and "Syria" in the other meet through
                "Syria's Hasaka province") times PLACE_BONUS; disjoint places lose PLACE_BONUS.
score = WORDING * wording + PARTICIPANTS * participants + bonuses. Type, count and date bonuses
need an anchor, a shared participant, place or capitalised name ("two killed on Monday" in two
towns is two events); penalties apply regardless. Pairs below MIN_WORDING wording are never
joined (shared names and dates alone do not make one event). At SAME_THRESHOLD or above
the pair joins; in [GREY_THRESHOLD, SAME_THRESHOLD) the judge decides (the rule leans 'same' from
GREY_LEAN up). Pairs are taken strongest first; a cluster never holds two events of one article.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, NamedTuple

from schemas import ActorType, ArticleDigest, Event
from schemas.story import StoryEvent
from service.merge import names as nm
from service.merge.actors import ActorResult
from service.merge.common import UnionFind, block_pairs, ref
from service.merge.event_build import build_event, counts, event_order, single_event
from service.merge.event_features import (
    DateSig,
    EventText,
    actions,
    date_relation,
    date_sig,
    gap_days,
    interval,
    name_words,
    place_words,
    read_texts,
    text_stems,
)
from service.merge.judge import Decider

__all__ = ["cluster_events", "counts", "gap_days", "interval", "pair_score"]

WORDING = 0.5
PARTICIPANTS = 0.3
TYPE_BONUS = 0.1
TYPE_PENALTY = 0.05
NUM_BONUS = 0.12
DATE_BONUS = 0.12
NEAR_PENALTY = 0.03
PLACE_BONUS = 0.06
SAME_THRESHOLD = 0.4
GREY_THRESHOLD = 0.3
GREY_LEAN = 0.34
DATE_TOLERANCE_DAYS = 3
MIN_WORDING = 0.12
RARE_KEYS = 4
# IDF is log(1 + IDF_SCALE / df), not log(1 + N / df): a fixed scale keeps a story's event
# scores from drifting with the number of unrelated articles merged alongside it.
IDF_SCALE = 50.0
# Event keys (stems, participants) are less selective than quote shingles: smaller blocks keep
# the pair count proportional to the number of events as the input grows.
EVENT_BLOCK = 24
# A bigger block (a widely covered story, a common word) still links each event to its nearest
# neighbours in input order: linear work, and copies of one story sit next to each other.
WINDOW = 3


@dataclass(slots=True)
class Item:
    """An event of a story of two articles or more, with what pairs are scored on."""

    idx: int
    article: str
    event: Event
    participants: frozenset[str]
    interval: tuple[dt.date, dt.date] | None
    place: frozenset[str]
    text: str  # summary and evidence (_text)
    read: EventText  # read_texts()' reading of the text: stems, counts, the folded text
    name_tokens: frozenset[str]  # of the participants (a capital of one is a name, not an action)
    stems: frozenset[str]
    numbers: frozenset[int]
    # Read when a pair first needs them (pair_score): the date signature once a pair shares
    # enough wording, the action types and lead type once such a pair's dates agree and its
    # score may still reach the grey zone, the name words once such a pair shares no participant
    # or place. None until then.
    date: DateSig | None = None
    types: frozenset[str] | None = None
    lead: str | None = None
    names: frozenset[str] | None = None
    # IDF weight sums of stems, participants, numbers and places (set once the IDF is known)
    weights: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


def _names(it: Item) -> frozenset[str]:
    if it.names is None:
        it.names = name_words(it.read)
    return it.names


def _text(e: Event) -> str:
    summary = e.summary
    others = [s.text for s in e.evidence if s.text != summary]
    # most events' evidence is their summary sentence: the text is the summary itself
    return " ".join([summary, *others]) if others else summary


# what a participant name of an article stands for: its key (story actor id, else its name),
# its name tokens and the place words of the place actor it resolves to
_Participant = tuple[str, tuple[str, ...], frozenset[str]]


def _participant(
    article: str, p: str, actors: ActorResult, places_of: dict[str, str]
) -> _Participant:
    toks = nm.tokens(p)
    sid = actors.resolver.resolve(article, p, toks)
    places = place_words(places_of[sid]) if sid is not None and sid in places_of else frozenset()
    return (sid if sid else "name:" + " ".join(toks)), toks, places


def _make_item(
    idx: int,
    article: str,
    e: Event,
    text: str,
    read: EventText,
    actors: ActorResult,
    places_of: dict[str, str],
    seen: dict[tuple[str, str], _Participant],
) -> Item:
    """An event's item: its text is _text(e), `read` what read_texts() gives of it."""
    parts: set[str] = set()
    places: set[str] = set(place_words(e.location))
    names: set[str] = set()
    for p in e.participants:
        # an article names its participants again and again: each is resolved once
        got = seen.get((article, p))
        if got is None:
            got = seen[(article, p)] = _participant(article, p, actors, places_of)
        parts.add(got[0])
        names.update(got[1])
        places.update(got[2])
    return Item(
        idx,
        article,
        e,
        frozenset(parts),
        interval(e.date),
        frozenset(places),
        text,
        read,
        frozenset(names),
        read.stems,
        read.numbers,
    )


def cluster_events(
    digests: Sequence[ArticleDigest],
    group_of: dict[str, str],
    actors: ActorResult,
    decider: Decider,
) -> tuple[list[StoryEvent], int]:
    """The story's events, clustered across articles, and the number of candidate pairs."""
    events = [(d.article.id, e) for d in digests for e in d.events]
    if sum(1 for d in digests if d.events) > 1:
        return _clusters(events, group_of, actors, decider)
    return _one_article(events, actors)


def _one_article(
    events: list[tuple[str, Event]], actors: ActorResult
) -> tuple[list[StoryEvent], int]:
    """The events of a story of one article (or none): a cluster never holds two events of one
    article, so each event is one of its own, with nothing to score. The candidate pairs are
    still blocked (their number is in the provenance), from the stems and participants alone."""
    texts = [_text(e) for _, e in events]
    uniq = list(dict.fromkeys(texts))
    stems = dict(zip(uniq, map(text_stems, uniq), strict=True))
    seen: dict[tuple[str, str], str] = {}
    parts = []
    for aid, e in events:
        ps = set()
        for p in e.participants:
            key = seen.get((aid, p))
            if key is None:
                key = seen[(aid, p)] = _participant(aid, p, actors, {})[0]  # no place words
            ps.add(key)
        parts.append(frozenset(ps))
    item_stems = [stems[t] for t in texts]
    cand = _candidates(item_stems, parts, Counter(chain.from_iterable(item_stems)))
    names = {a.id: a.name for a in actors.actors}
    out = [single_event(aid, e, ps, names) for (aid, e), ps in zip(events, parts, strict=True)]
    out.sort(key=event_order)
    return out, len(cand)


def _candidates(
    stems: list[frozenset[str]], parts: list[frozenset[str]], df: Counter[str]
) -> list[tuple[int, int]]:
    """Candidate pairs of events (block_pairs): blocking keys are an event's RARE_KEYS rarest
    shared stems (by (df, stem)) and its participants, as numbers: each shared stem its rank in
    (df, stem) order from 1, each participant a negative number; the ranks of an event's stems
    sorted in C give its rarest ones."""
    rank = {s: r for r, (_, s) in enumerate(sorted((c, s) for s, c in df.items() if c > 1), 1)}
    pkeys = {p: -i for i, p in enumerate(dict.fromkeys(chain.from_iterable(parts)), 1)}
    rank_of, pkey_of = rank.get, pkeys.__getitem__
    keys = [
        [*sorted(filter(None, map(rank_of, st)))[:RARE_KEYS], *map(pkey_of, ps)]
        for st, ps in zip(stems, parts, strict=True)
    ]
    return block_pairs(keys, EVENT_BLOCK, window=WINDOW)


def _clusters(
    events: list[tuple[str, Event]],
    group_of: dict[str, str],
    actors: ActorResult,
    decider: Decider,
) -> tuple[list[StoryEvent], int]:
    """The events of a story of two articles or more, scored in pairs and clustered."""
    places_of = {a.id: a.name for a in actors.actors if a.type == ActorType.location}
    seen: dict[tuple[str, str], _Participant] = {}
    texts = [_text(e) for _, e in events]
    # each distinct text is read once (syndicated copies repeat their sentences), all in one batch
    uniq = list(dict.fromkeys(texts))
    reads = dict(zip(uniq, read_texts(uniq), strict=True))
    items = [
        _make_item(i, aid, e, t, reads[t], actors, places_of, seen)
        for i, ((aid, e), t) in enumerate(zip(events, texts, strict=True))
    ]
    # document frequencies and IDF weights, one table per kind of feature (stems, participants,
    # counts, place words): counted by Counter in C, one logarithm per distinct count
    df = Counter(chain.from_iterable(it.stems for it in items))
    idf = _Idf(
        _weights(df),
        _weights(Counter(chain.from_iterable(it.participants for it in items))),
        _weights(Counter(chain.from_iterable(it.numbers for it in items))),
        _weights(Counter(chain.from_iterable(it.place for it in items))),
    )
    ws, wp = idf.stems.__getitem__, idf.participants.__getitem__
    wn, wl = idf.numbers.__getitem__, idf.place.__getitem__
    for it in items:
        it.weights = (
            sum(map(ws, it.stems)),
            sum(map(wp, it.participants)),
            sum(map(wn, it.numbers)),
            sum(map(wl, it.place)),
        )
    cand = _candidates([it.stems for it in items], [it.participants for it in items], df)

    scored: list[tuple[float, int, int]] = []
    for i, j in cand:
        a, b = items[i], items[j]
        if a.article == b.article:  # never one event (pair_score's first test, without a call)
            continue
        parts = pair_score(a, b, idf)
        if parts is None:
            continue
        score = parts[0]
        if score >= SAME_THRESHOLD:
            scored.append((-score, i, j))
        elif score >= GREY_THRESHOLD:
            lean = score >= GREY_LEAN
            v = decider.ask_lazy(
                "event",
                lean,
                f"score {score:.2f} in the grey zone; {'same' if lean else 'kept apart'}",
                ref(a.article, a.event.id),
                ref(b.article, b.event.id),
                _lazy_sides(a, b),
            )
            if v.same:
                scored.append((-score, i, j))

    uf = UnionFind(len(items))
    # each cluster's articles, by root: a test and a union cost the smaller side's size (a union
    # adds the smaller set to the larger, whichever root is kept), so thousands of syndicated
    # copies joining one event cost linear work, not the square of the cluster's size
    arts: dict[int, set[str]] = {it.idx: {it.article} for it in items}

    def allow(ri: int, rj: int) -> bool:
        return arts[ri].isdisjoint(arts[rj])

    for _, i, j in sorted(scored):
        ri, rj = uf.find(i), uf.find(j)
        keep = uf.union(i, j, allow)
        if keep is not None and ri != rj:
            big, small = arts.pop(ri), arts.pop(rj)
            if len(big) < len(small):
                big, small = small, big
            big |= small
            arts[keep] = big

    names = {a.id: a.name for a in actors.actors}
    out = [build_event([items[i] for i in g], names, group_of) for g in uf.groups()]
    out.sort(key=event_order)
    return out, len(cand)


class _Idf(NamedTuple):
    """IDF weights of a story's event features, by kind."""

    stems: dict[str, float]
    participants: dict[str, float]
    numbers: dict[int, float]
    place: dict[str, float]


def _weights(df: Counter[Any]) -> dict[Any, float]:
    """log(1 + IDF_SCALE / df) of each feature (one logarithm per distinct count)."""
    by_count = {c: math.log(1 + IDF_SCALE / c) for c in set(df.values())}
    return dict(zip(df, map(by_count.__getitem__, df.values()), strict=True))


def _shared(a: frozenset[Any], b: frozenset[Any], weights: dict[Any, float]) -> float:
    return sum(map(weights.__getitem__, a & b))


def pair_score(
    a: Item, b: Item, idf: _Idf, bound: bool = True
) -> tuple[float, float, float, float] | None:
    """(score, wording, participants, bonus), or None when the pair is ruled out: with `bound`
    (the clusterer's use), None also for a pair whose score cannot reach GREY_THRESHOLD even with
    the type, count and place bonuses at their most, which is kept apart whatever they are (its
    action types and name words are then never read); bound=False scores every such pair.

    Overlaps are IDF-weighted: Dice (shared weight over the mean of the two sides) and, for
    places, numbers and half of the wording, the share of the smaller side (containment:
    "Syria" in "Hasaka, Syria"; one short sentence inside a long one).
    """
    if a.article == b.article:
        return None
    # wording first: it rules out most pairs, and the date signatures are read only past it
    (sa, pa, na, la), (sb, pb, nb, lb) = a.weights, b.weights
    shared = sum(map(idf.stems.__getitem__, a.stems & b.stems))  # _shared, inline: every pair
    wording = (2 * shared / (sa + sb) + shared / min(sa, sb)) / 2 if shared else 0.0
    if wording < MIN_WORDING:
        return None  # shared participants and dates alone do not make one event
    if a.date is None:
        a.date = date_sig(a.event.date, a.event.date_text)
    if b.date is None:
        b.date = date_sig(b.event.date, b.event.date_text)
    relation, gap = date_relation(a.date, b.date, DATE_TOLERANCE_DAYS)
    if relation == "conflict":
        return None
    bonus = 0.0
    if relation == "exact":
        bonus += DATE_BONUS
    elif relation == "within":
        bonus += DATE_BONUS / 2
    elif relation == "near":
        bonus -= NEAR_PENALTY * gap
    people = (
        2 * _shared(a.participants, b.participants, idf.participants) / (pa + pb)
        if pa + pb
        else 0.0
    )
    if bound:
        # the most the bonuses below can add: an anchor only caps the date bonus, a type adds at
        # most TYPE_BONUS, a shared count at most NUM_BONUS, a shared place at most PLACE_BONUS
        most = bonus + TYPE_BONUS + (NUM_BONUS if a.numbers & b.numbers else 0.0)
        if a.place and b.place:
            most += PLACE_BONUS if a.place & b.place else -PLACE_BONUS
        # the margin covers the rounding of the score's own sum, made in another order
        if WORDING * wording + PARTICIPANTS * people + most < GREY_THRESHOLD - 1e-9:
            return None
    if a.types is None:
        a.lead, a.types = actions(a.read, a.name_tokens)
    if b.types is None:
        b.lead, b.types = actions(b.read, b.name_tokens)
    # Type, count and date agreement corroborate an event only when the two texts share an
    # entity (a participant, a place, a name): "two killed on Monday" in two towns is two events.
    anchored = bool(a.participants & b.participants or a.place & b.place or _names(a) & _names(b))
    if not anchored:
        bonus = min(bonus, 0.0)
    if a.lead is not None and a.lead == b.lead:
        bonus += TYPE_BONUS if anchored else 0.0
    elif a.types & b.types:  # type: ignore[operator]
        bonus += TYPE_BONUS / 2 if anchored else 0.0
    elif a.types and b.types:
        bonus -= TYPE_PENALTY  # both say what happened, and not the same thing
    if a.numbers & b.numbers and anchored:
        bonus += NUM_BONUS * min(1.0, _shared(a.numbers, b.numbers, idf.numbers) / min(na, nb))
    if a.place and b.place:
        share = _shared(a.place, b.place, idf.place) / min(la, lb)
        bonus += PLACE_BONUS * min(1.0, share) if share else -PLACE_BONUS
    return WORDING * wording + PARTICIPANTS * people + bonus, wording, people, bonus


def _lazy_sides(a: Item, b: Item) -> Callable[[], tuple[dict[str, object], dict[str, object]]]:
    """The pair's descriptions, built only when the decider needs them (binds this pair now)."""
    return lambda: (_describe(a.event), _describe(b.event))


def _describe(e: Event) -> dict[str, object]:
    return {
        "summary": e.summary,
        "date": e.date,
        "location": e.location,
        "participants": sorted(e.participants),
        "evidence": [s.text for s in e.evidence],
    }
