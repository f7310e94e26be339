"""Story detection's bounded term memo and unsorted candidate pairs give what the plain paths give:
the memo, however often it is cleared, answers _term; block_pairs(ordered=False) holds the sorted
pairs; grouping with a memo cleared every few words equals grouping with one that never clears."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import ArticleDigest
from service.api import resolve_engine
from service.merge import stories
from service.merge.common import block_pairs
from tests.stories_set import all_articles

_WORDS = ["vote", "votes", "glass", "news", "the", "ab", "12", "2024", "says", "buses", "cats"]


@pytest.fixture(scope="module")
def digests() -> list[ArticleDigest]:
    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


def test_the_memo_is_cleared_past_its_cap_and_still_answers_term(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(stories, "MAX_TERMS", 4)
    cleared = 0
    for w in _WORDS * 3:
        table = stories._known_terms()
        if not table:
            cleared += 1
        assert table[w] == stories._term(w), w
        assert len(table) <= stories.MAX_TERMS + 1
    assert cleared >= 3  # the table was emptied on the way, not only at the start


@pytest.mark.parametrize("cap", [2, 1 << 20])
def test_grouping_is_the_same_whatever_the_memo_cap(
    digests: list[ArticleDigest], monkeypatch: pytest.MonkeyPatch, cap: int
) -> None:
    ds = sorted(digests, key=stories._order)
    stories._TERMS.clear()
    monkeypatch.setattr(stories, "MAX_TERMS", 1 << 30)
    want_profiles = stories.profiles(ds)
    want_groups = [[d.article.id for d in g] for g in stories.group_stories(ds)]
    stories._TERMS.clear()
    monkeypatch.setattr(stories, "MAX_TERMS", cap)
    got_profiles = stories.profiles(ds)
    for p, q in zip(got_profiles, want_profiles, strict=True):
        # the same weights in the same order, the same runs, names and name weight
        assert list(p.vec.items()) == list(q.vec.items())
        assert (p.shingles, p.names, p.name_mass) == (q.shingles, q.names, q.name_mass)
    assert [[d.article.id for d in g] for g in stories.group_stories(ds)] == want_groups
    assert len(want_groups) < len(ds)  # some articles were joined


def test_unordered_candidates_are_the_sorted_ones(digests: list[ArticleDigest]) -> None:
    ps = stories.profiles(sorted(digests, key=stories._order))
    got = stories._candidates(ps, ordered=False)
    want = stories._candidates(ps)
    assert sorted(got) == want and len(set(got)) == len(got) and want


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 12), max_size=6), max_size=30),
    st.integers(2, 6),
    st.integers(0, 3),
)
def test_block_pairs_unordered_holds_the_sorted_pairs(
    keys: list[list[int]], max_block: int, window: int
) -> None:
    want = block_pairs(keys, max_block=max_block, window=window, order=lambda i: -i)
    got = block_pairs(keys, max_block=max_block, window=window, order=lambda i: -i, ordered=False)
    assert sorted(got) == want and len(got) == len(want)
