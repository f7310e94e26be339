"""The story events of the merged clusters (service.merge.events): a cluster's date, place and
counts reconciled, every disagreement kept with the members behind each value."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from itertools import chain
from typing import TYPE_CHECKING

from schemas import Event
from schemas.story import Disagreement, EventMember, FactValue, StoryEvent
from service.merge.common import (
    construct,
    item_key,
    ref,
    stable_id,
    stable_id1,
    support,
    support1,
)
from service.merge.event_features import interval, place_words
from service.trusted import builder

if TYPE_CHECKING:
    from service.merge.events import Item

# the stage's most built objects (one a single-member event), built directly: every field, in
# declared order (see common.construct)
_new_event = builder(StoryEvent)
_new_member = builder(EventMember)

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
_COUNT_WORDS = tuple(_NUMBER_WORDS)
_DIGIT = re.compile(r"\d")
# the characters other than ASCII letters that the count pattern matches to a number word's
# letters (re.IGNORECASE: dotted and dotless i, long s)
_CASE_PARTNERS = re.compile("[\u0130\u0131\u017f]")
_COUNT_STOP = frozenset(
    "of to in on at and or for the a an per than from by with".split()  # noqa: SIM905
)


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


def _may_count(text: str, low: str) -> bool:
    """False only for a text where counts() finds nothing: no digit and no number word (`low` is
    the text folded and lower-cased, which keeps its digits and ASCII letters)."""
    if _DIGIT.search(low) is not None or any(map(low.__contains__, _COUNT_WORDS)):
        return True
    return not text.isascii() and _CASE_PARTNERS.search(text) is not None


def event_order(e: StoryEvent) -> tuple[str, int, str, str]:
    return (e.date or "9999", -e.support.sources, e.summary, e.id)


def _grouped(members: list[Item], get: dict[int, str]) -> dict[str, list[Item]]:
    """The members with a value in `get`, by value (in member order)."""
    by_value: dict[str, list[Item]] = {}
    for m in members:
        if m.idx in get:
            by_value.setdefault(get[m.idx], []).append(m)
    return by_value


def _facts(by_value: dict[str, list[Item]], group_of: dict[str, str]) -> list[FactValue]:
    """The values of a disagreement, most supported first (built only when there is one)."""
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


def build_event(members: list[Item], names: dict[str, str], group_of: dict[str, str]) -> StoryEvent:
    if len(members) == 1:
        m = members[0]
        return single_event(m.article, m.event, m.participants, names)
    members.sort(key=lambda m: (m.article, item_key(m.event.id)))
    disagreements: list[Disagreement] = []

    # summary: the most central member (its words most shared with the others), in linear time:
    # the sum over its stems of how many other members use the stem; ties: longer, first ref
    freq = Counter(chain.from_iterable(m.stems for m in members)).__getitem__

    def centrality(m: Item) -> tuple[float, int, str, tuple[tuple[int, int | str], ...]]:
        shared = sum(map(freq, m.stems)) - len(m.stems)
        return (-shared, -len(m.event.summary), m.article, item_key(m.event.id))

    head = min(members, key=centrality)

    # a date or place whose values agree needs only the values: their FactValues (refs, support)
    # are built only for a disagreement, which is the output that shows them
    dates = {m.idx: m.event.date for m in members if m.event.date and m.interval}
    by_date = _grouped(members, dates)
    date: str | None = None
    if by_date:
        if _chain([interval(v) for v in by_date]):
            date = max(by_date, key=lambda v: (len(v), v))
        else:
            date_vals = _facts(by_date, group_of)
            disagreements.append(construct(Disagreement, field="date", values=date_vals))
            date = _majority(date_vals)

    locs = {
        m.idx: m.event.location.strip()
        for m in members
        if m.event.location and place_words(m.event.location)
    }
    by_loc = _grouped(members, locs)
    location: str | None = None
    if by_loc:
        # a value agrees with another when they share a place word, directly or through the
        # places its own members name ("Tower 22 outpost" in an event that names Jordan)
        own = {v: place_words(v) for v in by_loc}
        context = {v: own[v].union(*(m.place for m in ms)) for v, ms in by_loc.items()}
        # a place word every value holds settles it at once (each value's own words are in its
        # context): thousands of syndicated copies naming one city are not compared pairwise
        agree = bool(frozenset.intersection(*own.values())) or all(
            own[a] & context[b] or own[b] & context[a] for a in own for b in own
        )
        if agree:
            location = max(own, key=lambda v: (len(own[v]), len(v), v))
        else:
            loc_vals = _facts(by_loc, group_of)
            disagreements.append(construct(Disagreement, field="location", values=loc_vals))
            location = _majority(loc_vals)

    # a count disagreement needs two members that report counts (the pattern's scan is the
    # costly part of a member): a text reports one only with a digit or a number word in it
    counted = [m for m in members if _may_count(m.text, m.read.low)]
    per_member = {m.idx: counts(m.text) for m in counted} if len(counted) > 1 else {}
    nouns = sorted({k for c in per_member.values() for k in c})
    for noun in nouns:
        got = {i: c[noun] for i, c in per_member.items() if noun in c}
        if len(set(got.values())) > 1:
            disagreements.append(
                construct(
                    Disagreement,
                    field=f"count:{noun}",
                    values=_facts(_grouped(members, got), group_of),
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
        members=[_new_member({"article": m.article, "event": m.event}) for m in members],
        disagreements=disagreements,
    )


def single_event(
    article: str, e: Event, participants: frozenset[str], names: dict[str, str]
) -> StoryEvent:
    """A one-member event: nothing to reconcile, so no disagreement work (most events at scale)."""
    named = [(names[p], p) for p in participants if p in names]
    named.sort()  # by (name, id): the ids are distinct, so no tie reaches a further key
    return _new_event(
        {
            "id": stable_id1("E", article, e.id),
            "summary": e.summary,
            "summary_from": ref(article, e.id),
            "date": e.date if interval(e.date) else None,
            "location": e.location.strip() if e.location and place_words(e.location) else None,
            "participants": [n for n, _ in named],
            "participant_ids": [p for _, p in named],
            "support": support1(article),
            "members": [_new_member({"article": article, "event": e})],
            "disagreements": [],
        }
    )


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
