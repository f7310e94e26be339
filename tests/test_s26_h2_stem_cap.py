"""The event stem memo is bounded (MAX_STEMS): cleared past its cap, it still gives the stems the
plain function gives, and a story's events are the same whatever the cap."""

from __future__ import annotations

import pytest

from schemas import ArticleDigest
from service.api import resolve_engine
from service.merge import event_features as ef
from service.merge import merge_stories
from tests.stories_set import all_articles

_TEXTS = [
    "Rebels attacked the convoys on Monday, killing three soldiers.",
    "Three soldiers were killed when rebels attack a convoy",
    "The minister resigned; protests continued in 2024 across 12 towns.",
]


def _plain(text: str) -> frozenset[str]:
    ws = set(ef.WORD.findall(text.lower()))
    return frozenset(ef.event_stem(w) for w in ws - ef._SKIP_STEMS if len(w) > 2 or w.isdigit())


def test_the_stem_memo_is_cleared_past_its_cap_and_still_stems(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(ef, "MAX_STEMS", 3)
    ef._STEMS.clear()
    sizes = []
    for text in _TEXTS * 3:
        assert ef.text_stems(text) == _plain(text), text
        sizes.append(len(ef._STEMS))
    assert max(sizes) > ef.MAX_STEMS  # it filled past the cap ...
    assert min(sizes[1:]) < max(sizes)  # ... and was emptied on the way


@pytest.fixture(scope="module")
def digests() -> list[ArticleDigest]:
    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


@pytest.mark.parametrize("cap", [2, 1 << 30])
def test_events_are_the_same_whatever_the_stem_cap(
    digests: list[ArticleDigest], monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    monkeypatch.setattr(ef, "MAX_STEMS", 1 << 13)
    ef._STEMS.clear()
    want = [s.model_dump_json() for s in merge_stories(digests)]
    monkeypatch.setattr(ef, "MAX_STEMS", cap)
    ef._STEMS.clear()
    stories = merge_stories(digests)
    assert [s.model_dump_json() for s in stories] == want
    assert any(len(e.members) > 1 for s in stories for e in s.events)  # events were joined
