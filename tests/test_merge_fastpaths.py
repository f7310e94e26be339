"""The merger's fast paths give what the plain forms give: the action-type scan, the date
agreement check, and the collector left as the caller had it."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import random

import pytest

from service.merge import event_features as ef
from service.merge.events import _chain, _nested

TEXTS = [
    "Rebels attacked the base on Monday, killing three soldiers and wounding 12 others.",
    "The minister resigned; her deputy was appointed to take over until the vote.",
    "Talks between the two leaders ended without a ceasefire, officials said.",
    "Protesters rallied outside parliament and called for the mayor to step down.",
    "Deal will retire next year, the company announced; a successor has been named.",
    "He won't resign, he said. The airstrike, a drone strike, was shot down.",
    "Un attentat a tué deux personnes; le ministre a démissionné après la réunion.",
    "Bei dem Angriff wurden drei Menschen getötet, die Polizei hat zwei festgenommen.",
    "x-ray pre-attack anti-vote: co-founder met, metal meeting, re-elected, die-hard dies",
    "",
]


def _words() -> list[str]:
    return sorted({w for t in TEXTS for w in t.lower().replace(",", " ").split()})


@pytest.mark.parametrize("text", TEXTS)
def test_type_scan_finds_what_the_whole_pattern_finds(text: str) -> None:
    low = text.lower()
    want = [(m.start(), m.end(), m.lastgroup) for m in ef._type_pattern().finditer(low)]
    got = [(m.start(), m.end(), m.lastgroup) for m in ef._type_matches(low)]
    assert got == want


def test_type_scan_on_shuffled_word_soup() -> None:
    words = _words()
    rng = random.Random(3)
    found = 0
    for _ in range(300):
        low = " ".join(rng.choice(words) for _ in range(12))
        want = [(m.start(), m.end(), m.lastgroup) for m in ef._type_pattern().finditer(low)]
        assert [(m.start(), m.end(), m.lastgroup) for m in ef._type_matches(low)] == want
        found += len(want)
    assert found > 100  # the soup does hold type words


def _iv(a: int, b: int) -> tuple[dt.date, dt.date]:
    base = dt.date(2024, 1, 1)
    return base + dt.timedelta(days=a), base + dt.timedelta(days=b)


def test_date_chain_agrees_with_every_pair_nested() -> None:
    spans = [_iv(a, b) for a in range(0, 40, 3) for b in range(a, 40, 7)]
    rng = random.Random(5)
    seen = {True: 0, False: 0}
    for n in (1, 2, 3, 4, 6):
        for _ in range(200):
            ivs = [rng.choice(spans) for _ in range(n)]
            want = all(_nested(a, b) for a, b in itertools.product(ivs, ivs))
            assert _chain(list(ivs)) == want, ivs
            seen[want] += 1
    assert seen[True] > 50 and seen[False] > 50
    assert _chain([_iv(0, 30), None]) is False


def test_a_big_merge_leaves_the_collector_on_and_its_objects_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from service.api import resolve_engine
    from service.merge import merge_stories
    from tests.stories_set import all_articles

    eng = resolve_engine("rules")
    digests = [eng.digest(a) for a in all_articles()[:3]]
    monkeypatch.setattr(sys.modules["service.merge"], "FREEZE_AT", 2)
    was = gc.isenabled()
    gc.enable()
    try:
        gc.unfreeze()
        merge_stories(digests)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        gc.unfreeze()
        gc.disable()
        merge_stories(digests)
        assert not gc.isenabled()  # the caller's choice stays
        assert gc.get_freeze_count() == 0  # nothing frozen behind a caller's back then
    finally:
        gc.unfreeze()
        if was:
            gc.enable()
        else:
            gc.disable()
