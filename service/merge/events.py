"""Event clusters across articles, with every disagreement on date, place and counts kept.

A pair of events (from two different articles) is scored on
  wording       IDF-weighted Dice overlap of content-word stems (IDF with a fixed scale) (summary, evidence, date words);
  participants  IDF-weighted Jaccard of the story actors they resolve to;
  date          each date (resolved by the engine against its article's publication date) is an
                interval ('2024-04' is the whole month); intervals more than DATE_TOLERANCE_DAYS
                apart veto the pair, equal full dates add DATE_BONUS, compatible ones half of it;
  place         locations sharing a place word add PLACE_BONUS, disjoint ones subtract it.
score = WORDING * wording + PARTICIPANTS * participants + bonuses. At SAME_THRESHOLD or above the
pair joins; in [GREY_THRESHOLD, SAME_THRESHOLD) the judge decides (the rule leans 'same' from
GREY_LEAN up). Pairs are taken strongest first; a cluster never holds two events of one article.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from schemas import ArticleDigest, Event
from schemas.story import Disagreement, EventMember, FactValue, StoryEvent, natural_key
from service.merge import names as nm
from service.merge.actors import ActorResult
from service.merge.common import UnionFind, block_pairs, content_stems, ref, stable_id, support
from service.merge.judge import Decider

WORDING = 0.55
PARTICIPANTS = 0.45
DATE_BONUS = 0.1
PLACE_BONUS = 0.05
SAME_THRESHOLD = 0.42
GREY_THRESHOLD = 0.3
GREY_LEAN = 0.36
DATE_TOLERANCE_DAYS = 3
MIN_WORDING = 0.15
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
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_COUNT = re.compile(
    r"\b(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")\s+((?:[\w.'-]+\s+){0,2}?)([a-z]{3,})\b",
    re.IGNORECASE,
)
_COUNT_STOP = frozenset(
    [
        "of",
        "to",
        "in",
        "on",
        "at",
        "and",
        "or",
        "for",
        "the",
        "a",
        "an",
        "per",
        "than",
        "from",
        "by",
        "with",
    ]
)


@dataclass(slots=True)
class Item:
    idx: int
    article: str
    event: Event
    stems: frozenset[str]
    participants: frozenset[str]
    interval: tuple[dt.date, dt.date] | None
    place: frozenset[str]


def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """'2024' -> whole year, '2024-04' -> whole month, '2024-04-21' -> that day."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")]
    try:
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return day, day


def gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


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
    return " ".join([e.summary, *(s.text for s in e.evidence), e.date_text or ""])


def cluster_events(
    digests: Sequence[ArticleDigest],
    group_of: dict[str, str],
    actors: ActorResult,
    decider: Decider,
) -> tuple[list[StoryEvent], int]:
    items: list[Item] = []
    for d in digests:
        aid = d.article.id
        for e in d.events:
            parts = set()
            for p in e.participants:
                sid = actors.resolver.resolve(aid, p)
                parts.add(sid if sid else "name:" + " ".join(nm.tokens(p)))
            items.append(
                Item(
                    len(items),
                    aid,
                    e,
                    frozenset(content_stems(_text(e))),
                    frozenset(parts),
                    interval(e.date),
                    frozenset(nm.place_tokens(e.location)) if e.location else frozenset(),
                )
            )
    df: dict[str, int] = {}
    for it in items:
        for s in it.stems:
            df[s] = df.get(s, 0) + 1
        for p in it.participants:
            df["@" + p] = df.get("@" + p, 0) + 1

    weights = {k: math.log(1 + IDF_SCALE / c) for k, c in df.items()}
    idf = weights.__getitem__

    keys: list[list[str]] = []
    for it in items:
        shared = [s for s in it.stems if df[s] > 1]
        rare = sorted(shared, key=lambda s: (df[s], s))[:RARE_KEYS]
        keys.append(["s:" + s for s in rare] + ["p:" + p for p in sorted(it.participants)])
    cand = block_pairs(keys, EVENT_BLOCK, window=WINDOW)

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
                lambda a=a, b=b: (_describe(a.event), _describe(b.event)),
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
    out.sort(key=lambda e: (e.date or "9999", -e.support.sources, e.summary, e.id))
    return out, len(cand)


def _wj(
    a: frozenset[str], b: frozenset[str], idf: Callable[[str], float], prefix: str = ""
) -> float:
    """IDF-weighted Jaccard."""
    union = a | b
    if not union:
        return 0.0
    return sum(idf(prefix + x) for x in a & b) / sum(idf(prefix + x) for x in union)


def _dice(a: frozenset[str], b: frozenset[str], idf: Callable[[str], float]) -> float:
    """IDF-weighted Dice: kinder than Jaccard to one long sentence against a short one."""
    shared = a & b
    if not shared:
        return 0.0
    den = sum(map(idf, a)) + sum(map(idf, b))
    return 2 * sum(map(idf, shared)) / den


def pair_score(
    a: Item, b: Item, idf: Callable[[str], float]
) -> tuple[float, float, float, float] | None:
    """(score, wording, participants, bonus), or None when the pair is ruled out."""
    if a.article == b.article:
        return None
    bonus = 0.0
    if a.interval and b.interval:
        gap = gap_days(a.interval, b.interval)
        full = len(a.event.date or "") == 10 or len(b.event.date or "") == 10
        # two partial dates that do not overlap ('2024-01' vs '2024-02') were both stated as such
        if gap > DATE_TOLERANCE_DAYS or (gap > 0 and not full):
            return None
        if gap == 0:
            exact = a.event.date == b.event.date and len(a.event.date or "") == 10
            bonus += DATE_BONUS if exact else DATE_BONUS / 2
    if a.place and b.place:
        bonus += PLACE_BONUS if a.place & b.place else -PLACE_BONUS
    wording = _dice(a.stems, b.stems, idf)
    if wording < MIN_WORDING:
        return None  # shared participants and dates alone do not make one event
    people = _wj(a.participants, b.participants, idf, "@")
    return WORDING * wording + PARTICIPANTS * people + bonus, wording, people, bonus


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
        FactValue.model_construct(
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
        return _single(members[0], names, group_of)
    members.sort(key=lambda m: (m.article, natural_key(m.event.id)))
    disagreements: list[Disagreement] = []

    # summary: the medoid (most shared wording with the others); ties: longer, then first ref
    def centrality(m: Item) -> tuple[float, int, str, tuple[tuple[int, int | str], ...]]:
        tot = sum(
            len(m.stems & o.stems) / max(1, len(m.stems | o.stems)) for o in members if o is not m
        )
        return (-tot, -len(m.event.summary), m.article, natural_key(m.event.id))

    head = min(members, key=centrality)

    dates = {m.idx: m.event.date for m in members if m.event.date and m.interval}
    date_vals = _values(members, dates, group_of)
    date: str | None = None
    ivs = {fv.value: interval(fv.value) for fv in date_vals}
    if date_vals:
        agree = all(
            ivs[a.value] and ivs[b.value] and _nested(ivs[a.value], ivs[b.value])  # type: ignore[arg-type]
            for a in date_vals
            for b in date_vals
        )
        if agree:
            date = max((fv.value for fv in date_vals), key=lambda v: (len(v), v))
        else:
            disagreements.append(Disagreement.model_construct(field="date", values=date_vals))
            date = _majority(date_vals)

    locs = {m.idx: m.event.location.strip() for m in members if m.event.location and m.place}
    loc_vals = _values(members, locs, group_of)
    location: str | None = None
    if loc_vals:
        toks = {fv.value: frozenset(nm.place_tokens(fv.value)) for fv in loc_vals}
        agree = all(toks[a.value] & toks[b.value] for a in loc_vals for b in loc_vals)
        if agree:
            location = max((fv.value for fv in loc_vals), key=lambda v: (len(toks[v]), len(v), v))
        else:
            disagreements.append(Disagreement.model_construct(field="location", values=loc_vals))
            location = _majority(loc_vals)

    per_member = {m.idx: counts(_text(m.event)) for m in members}
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
    return StoryEvent.model_construct(
        id=stable_id("E", ((m.article, m.event.id) for m in members)),
        summary=head.event.summary,
        summary_from=ref(head.article, head.event.id),
        date=date,
        location=location,
        participants=[names[p] for p in pids],
        participant_ids=pids,
        support=support((m.article for m in members), group_of),
        members=[EventMember.model_construct(article=m.article, event=m.event) for m in members],
        disagreements=disagreements,
    )


def _single(m: Item, names: dict[str, str], group_of: dict[str, str]) -> StoryEvent:
    """A one-member event: nothing to reconcile, so no disagreement work (most events at scale)."""
    e = m.event
    pids = sorted((p for p in m.participants if p in names), key=lambda p: (names[p], p))
    return StoryEvent.model_construct(
        id=stable_id("E", [(m.article, e.id)]),
        summary=e.summary,
        summary_from=ref(m.article, e.id),
        date=e.date if m.interval else None,
        location=e.location.strip() if e.location and m.place else None,
        participants=[names[p] for p in pids],
        participant_ids=pids,
        support=support([m.article], group_of),
        members=[EventMember.model_construct(article=m.article, event=e)],
        disagreements=[],
    )


def _nested(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    """One interval inside the other: '2024-04' and '2024-04-21' agree, the 21st and 22nd do not."""
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
