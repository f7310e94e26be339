"""The event pair score's bound (pair_score with bound=True, the clusterer's use) drops only pairs
that score below the grey zone when scored in full: every pair that the full score puts at
GREY_THRESHOLD or above gets the same score with the bound, over the invented story set and over
Hypothesis-made events."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Callable
from itertools import chain

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import Event
from service.merge import event_features as ef
from service.merge import events as ev
from tests.test_merge_fastpaths import _names_only_pair, _rules_digests


def _compare(
    a: ev.Item, b: ev.Item, idf: ev._Idf, seen: Counter[str], score: Callable[..., object]
) -> object:
    """The bounded score of fresh copies of a and b against the full one; returns the bounded."""
    bounded = score(dataclasses.replace(a), dataclasses.replace(b), idf)
    full = score(dataclasses.replace(a), dataclasses.replace(b), idf, bound=False)
    if bounded is None and full is not None:
        assert full[0] < ev.GREY_THRESHOLD, (a.text, b.text, full)  # type: ignore[index]
        seen["dropped"] += 1
    else:
        assert bounded == full, (a.text, b.text)
        seen["kept"] += full is not None and full[0] >= ev.GREY_THRESHOLD  # type: ignore[index]
    seen["pairs"] += 1
    return bounded


def test_the_bound_keeps_every_pair_of_the_story_set_that_reaches_the_grey_zone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from service.merge import merge_stories

    seen: Counter[str] = Counter()
    real = ev.pair_score

    def checked(a: ev.Item, b: ev.Item, idf: ev._Idf) -> object:
        return _compare(a, b, idf, seen, real)

    monkeypatch.setattr(ev, "pair_score", checked)
    merge_stories(_rules_digests() + _names_only_pair())
    assert seen["dropped"] > 0 and seen["kept"] > 5, seen


# Hypothesis-made events: texts from a small vocabulary (action words, counts, names, filler), so
# that pairs share wording, types, counts and names in every mix; dates, participants, places and
# participant name tokens drawn from small sets, so they agree and disagree often.
_WORDS = [
    "rebels", "attacked", "killed", "three", "soldiers", "base", "12", "minister", "resigned",
    "talks", "ended", "met", "urged", "protesters", "rallied", "bridge", "flood", "river",
    "Quillan", "Marrow", "Okafor", "Varga", "two", "police", "arrested", "border", "vote",
]  # fmt: skip
_DATES = [None, "2025-03-09", "2025-03-10", "2025-03-12", "2025-03", "2025", "2025-04-01"]
_DATE_WORDS = [None, "Sunday", "Monday", "in March"]
_PARTS = ["p1", "p2", "p3"]
_PLACES = ["eastbridge", "syria", "hasaka"]
_NAME_TOKENS = ["okafor", "marrow", "varga"]
# article, text, date, date words, participants, places, participant name tokens
Spec = tuple[str, str, str | None, str | None, frozenset[str], frozenset[str], frozenset[str]]


@st.composite
def _event_specs(draw: st.DrawFn) -> list[Spec]:
    n = draw(st.integers(2, 7))
    out: list[Spec] = []
    for _ in range(n):
        words = draw(st.lists(st.sampled_from(_WORDS), min_size=2, max_size=10))
        out.append(
            (
                draw(st.sampled_from("abc")),
                "Then " + " ".join(words) + ".",
                draw(st.sampled_from(_DATES)),
                draw(st.sampled_from(_DATE_WORDS)),
                frozenset(draw(st.sets(st.sampled_from(_PARTS), max_size=2))),
                frozenset(draw(st.sets(st.sampled_from(_PLACES), max_size=2))),
                frozenset(draw(st.sets(st.sampled_from(_NAME_TOKENS), max_size=2))),
            )
        )
    return out


def _items(specs: list[Spec]) -> tuple[list[ev.Item], ev._Idf]:
    """Items and IDF weights as the clusterer makes them (_clusters), from drawn features."""
    texts = [s[1] for s in specs]
    items = []
    for i, ((art, text, date, words, parts, place, names), read) in enumerate(
        zip(specs, ef.read_texts(texts), strict=True)
    ):
        e = Event(id=f"e{i}", summary=text, date=date, date_text=words)
        items.append(
            ev.Item(i, art, e, parts, ef.interval(e.date), place, text, read, names, read.stems,
                    read.numbers)
        )  # fmt: skip
    idf = ev._Idf(
        *(
            ev._weights(Counter(chain.from_iterable(getattr(it, k) for it in items)))
            for k in ("stems", "participants", "numbers", "place")
        )
    )
    for it in items:
        it.weights = (
            sum(map(idf.stems.__getitem__, it.stems)),
            sum(map(idf.participants.__getitem__, it.participants)),
            sum(map(idf.numbers.__getitem__, it.numbers)),
            sum(map(idf.place.__getitem__, it.place)),
        )
    return items, idf


def _check_all_pairs(specs: list[Spec], seen: Counter[str]) -> None:
    items, idf = _items(specs)
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            _compare(a, b, idf, seen, ev.pair_score)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_event_specs())
def test_the_bound_never_drops_a_pair_that_reaches_the_grey_zone(
    specs: list[Spec],
) -> None:
    _check_all_pairs(specs, Counter())


def test_the_drawn_events_exercise_both_sides_of_the_bound() -> None:
    """The same check over seeded draws, counting: the bound drops pairs that a full score puts
    below the grey zone, and keeps pairs at it or above."""
    rng = random.Random(11)
    seen: Counter[str] = Counter()
    for _ in range(300):
        specs: list[Spec] = []
        for _ in range(rng.randint(2, 7)):
            specs.append(
                (
                    rng.choice("abc"),
                    "Then " + " ".join(rng.choices(_WORDS, k=rng.randint(2, 10))) + ".",
                    rng.choice(_DATES),
                    rng.choice(_DATE_WORDS),
                    frozenset(rng.sample(_PARTS, rng.randint(0, 2))),
                    frozenset(rng.sample(_PLACES, rng.randint(0, 2))),
                    frozenset(rng.sample(_NAME_TOKENS, rng.randint(0, 2))),
                )
            )
        _check_all_pairs(specs, seen)
    assert seen["dropped"] > 50 and seen["kept"] > 50, seen
