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
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any, NamedTuple

from schemas import ActorType, ArticleDigest, Event
from schemas.story import Disagreement, EventMember, FactValue, StoryEvent
from service.merge import names as nm
from service.merge.actors import ActorResult
from service.merge.common import (
    UnionFind,
    block_pairs,
    construct,
    item_key,
    ref,
    stable_id,
    stable_id1,
    support,
    support1,
)
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

_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
        fifteen sixteen seventeen eighteen nineteen twenty""".split()  # noqa: SIM905
    )
}
# the look-ahead (a digit or a number word's first letter) lets the regex engine pass over the
# other positions without trying the alternation at each
_COUNT = re.compile(
    r"(?=[\d"
    + "".join(sorted({w[0] for w in _NUMBER_WORDS}))
    + r"])\b(\d[\d,]*|"
    + "|".join(_NUMBER_WORDS)
    + r")\s+((?:[\w.'-]+\s+){0,2}?)([a-z]{3,})\b",
    re.IGNORECASE,
)
_COUNT_STOP = frozenset(
    "of to in on at and or for the a an per than from by with".split()  # noqa: SIM905
)


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
    # enough wording, the action types and lead type once such a pair's dates agree, the name
    # words once such a pair shares no participant or place. None until then.
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


def counts(text: str) -> dict[str, str]:
    """{noun: number} for 'five rockets', 'three U.S. soldiers' ('2,500 troops' -> troop: 2500)."""
    out: dict[str, str] = {}
    for m in _COUNT.finditer(text):
        num, mid, noun = m.group(1).lower(), m.group(2).lower().split(), m.group(3).lower()
        if noun in _COUNT_STOP or any(w in _COUNT_STOP for w in mid):
            continue
        value = str(_NUMBER_WORDS[num]) if num in _NUMBER_WORDS else num.replace(",", "")
        key = noun[:-1] if noun.endswith("s") and len(noun) > 3 else noun
        out.setdefault(key, value)
    return out


def _text(e: Event) -> str:
    return " ".join([e.summary, *(s.text for s in e.evidence if s.text != e.summary)])


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
    out = [_single(aid, e, ps, names) for (aid, e), ps in zip(events, parts, strict=True)]
    out.sort(key=_event_order)
    return out, len(cand)


def _event_order(e: StoryEvent) -> tuple[str, int, str, str]:
    return (e.date or "9999", -e.support.sources, e.summary, e.id)


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
    arts: dict[int, set[str]] = {it.idx: {it.article} for it in items}

    def allow(ri: int, rj: int) -> bool:
        return not (arts[ri] & arts[rj])

    for _, i, j in sorted(scored):
        ri, rj = uf.find(i), uf.find(j)
        keep = uf.union(i, j, allow)
        if keep is not None and ri != rj:
            arts[keep] |= arts.pop(rj if keep == ri else ri)

    names = {a.id: a.name for a in actors.actors}
    out = [_build([items[i] for i in g], names, group_of) for g in uf.groups()]
    out.sort(key=_event_order)
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


def pair_score(a: Item, b: Item, idf: _Idf) -> tuple[float, float, float, float] | None:
    """(score, wording, participants, bonus), or None when the pair is ruled out.

    Overlaps are IDF-weighted: Dice (shared weight over the mean of the two sides) and, for
    places, numbers and half of the wording, the share of the smaller side (containment:
    "Syria" in "Hasaka, Syria"; one short sentence inside a long one).
    """
    if a.article == b.article:
        return None
    # wording first: it rules out most pairs, and the date signatures are read only past it
    (sa, pa, na, la), (sb, pb, nb, lb) = a.weights, b.weights
    shared = _shared(a.stems, b.stems, idf.stems)
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
    people = (
        2 * _shared(a.participants, b.participants, idf.participants) / (pa + pb)
        if pa + pb
        else 0.0
    )
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


def _values(members: list[Item], get: dict[int, str], group_of: dict[str, str]) -> list[FactValue]:
    by_value: dict[str, list[Item]] = {}
    for m in members:
        if m.idx in get:
            by_value.setdefault(get[m.idx], []).append(m)
    vals = [
        construct(
            FactValue,
            value=v,
            members=[ref(m.article, m.event.id) for m in ms],
            support=support((m.article for m in ms), group_of),
        )
        for v, ms in by_value.items()
    ]
    vals.sort(key=lambda fv: (-fv.support.sources, -fv.support.pages, fv.value))
    return vals


def _majority(values: list[FactValue]) -> str | None:
    total = sum(v.support.sources for v in values)
    top = values[0]
    return top.value if top.support.sources * 2 > total else None


def _build(members: list[Item], names: dict[str, str], group_of: dict[str, str]) -> StoryEvent:
    if len(members) == 1:
        m = members[0]
        return _single(m.article, m.event, m.participants, names)
    members.sort(key=lambda m: (m.article, item_key(m.event.id)))
    disagreements: list[Disagreement] = []

    # summary: the most central member (its words most shared with the others), in linear time:
    # the sum over its stems of how many other members use the stem; ties: longer, first ref
    freq = Counter(chain.from_iterable(m.stems for m in members)).__getitem__

    def centrality(m: Item) -> tuple[float, int, str, tuple[tuple[int, int | str], ...]]:
        shared = sum(map(freq, m.stems)) - len(m.stems)
        return (-shared, -len(m.event.summary), m.article, item_key(m.event.id))

    head = min(members, key=centrality)

    dates = {m.idx: m.event.date for m in members if m.event.date and m.interval}
    date_vals = _values(members, dates, group_of)
    date: str | None = None
    ivs = {fv.value: interval(fv.value) for fv in date_vals}
    if date_vals:
        agree = _chain([ivs[fv.value] for fv in date_vals])
        if agree:
            date = max((fv.value for fv in date_vals), key=lambda v: (len(v), v))
        else:
            disagreements.append(Disagreement.model_construct(field="date", values=date_vals))
            date = _majority(date_vals)

    locs = {
        m.idx: m.event.location.strip()
        for m in members
        if m.event.location and place_words(m.event.location)
    }
    loc_vals = _values(members, locs, group_of)
    location: str | None = None
    if loc_vals:
        # a value agrees with another when they share a place word, directly or through the
        # places its own members name ("Tower 22 outpost" in an event that names Jordan)
        by_idx = {m.idx: m for m in members}
        own = {fv.value: place_words(fv.value) for fv in loc_vals}
        context = {
            fv.value: own[fv.value].union(*(by_idx[r].place for r in _member_idx(fv, members)))
            for fv in loc_vals
        }
        agree = all(
            own[a.value] & context[b.value] or own[b.value] & context[a.value]
            for a in loc_vals
            for b in loc_vals
        )
        if agree:
            location = max((fv.value for fv in loc_vals), key=lambda v: (len(own[v]), len(v), v))
        else:
            disagreements.append(Disagreement.model_construct(field="location", values=loc_vals))
            location = _majority(loc_vals)

    per_member = {m.idx: counts(m.text) for m in members}
    nouns = sorted({k for c in per_member.values() for k in c})
    for noun in nouns:
        got = {i: c[noun] for i, c in per_member.items() if noun in c}
        if len(set(got.values())) > 1:
            disagreements.append(
                Disagreement.model_construct(
                    field=f"count:{noun}", values=_values(members, got, group_of)
                )
            )

    pids = sorted(
        {p for m in members for p in m.participants if p in names}, key=lambda p: (names[p], p)
    )
    return construct(
        StoryEvent,
        id=stable_id("E", ((m.article, m.event.id) for m in members)),
        summary=head.event.summary,
        summary_from=ref(head.article, head.event.id),
        date=date,
        location=location,
        participants=[names[p] for p in pids],
        participant_ids=pids,
        support=support((m.article for m in members), group_of),
        members=[construct(EventMember, article=m.article, event=m.event) for m in members],
        disagreements=disagreements,
    )


def _single(
    article: str, e: Event, participants: frozenset[str], names: dict[str, str]
) -> StoryEvent:
    """A one-member event: nothing to reconcile, so no disagreement work (most events at scale)."""
    pids = sorted((p for p in participants if p in names), key=lambda p: (names[p], p))
    return construct(
        StoryEvent,
        id=stable_id1("E", article, e.id),
        summary=e.summary,
        summary_from=ref(article, e.id),
        date=e.date if interval(e.date) else None,
        location=e.location.strip() if e.location and place_words(e.location) else None,
        participants=[names[p] for p in pids],
        participant_ids=pids,
        support=support1(article),
        members=[construct(EventMember, article=article, event=e)],
        disagreements=[],
    )


def _member_idx(fv: FactValue, members: list[Item]) -> list[int]:
    refs = {(r.article, r.item) for r in fv.members}
    return [m.idx for m in members if (m.article, m.event.id) in refs]


def _chain(ivs: list[tuple[dt.date, dt.date] | None]) -> bool:
    """Every two intervals nested (one inside the other), in linear time after a sort: widest
    first, each must hold the next (then, by transitivity, every later one)."""
    if any(iv is None for iv in ivs):
        return False
    known = sorted((iv for iv in ivs if iv is not None), key=lambda iv: (iv[0] - iv[1], iv))
    return all(_nested(a, b) for a, b in zip(known, known[1:], strict=False))


def _nested(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """One interval inside the other: '2024-04' and '2024-04-21' agree, the 21st and 22nd do not."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
