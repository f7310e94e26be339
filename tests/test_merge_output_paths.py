"""The merger's output-building shortcuts (stop 21, issue #9) give what the plain definitions give:
union-find groups, question keys and merge_stories' per-story merge."""

from __future__ import annotations

import hashlib
import json
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ConfigDict

from schemas import ArticleDigest
from service.merge import (
    SUMMARY_SENTENCE_MAX,
    _merge,
    _newest_first,
    _whole_sentence,
    merge_stories,
)
from service.merge.common import UnionFind, construct
from service.merge.judge import Question
from service.merge.stories import group_stories
from service.trusted import buildable, builder


@given(
    st.integers(1, 40).flatmap(
        lambda n: st.tuples(
            st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)))
        )
    )
)
@settings(max_examples=200, deadline=None)
def test_groups_are_the_sorted_clusters(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, unions = case
    uf = UnionFind(n)
    for i, j in unions:
        uf.union(i, j, allow=lambda a, b: (a + b) % 7 != 3)  # some unions vetoed
    want = sorted(sorted(m) for m in uf.members.values())
    assert uf.groups() == want
    # every member's root is its cluster's smallest member
    assert all(uf.find(i) == g[0] for g in want for i in g)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(
    st.sampled_from(["actor", "quote", "event"]),
    st.dictionaries(st.text(), _JSON, max_size=4),
    st.dictionaries(st.text(), _JSON, max_size=4),
)
@settings(max_examples=200, deadline=None)
def test_question_key_is_the_hash_of_the_plain_dumps(kind: str, left: dict, right: dict) -> None:
    q = Question(kind, left, right, lean=True, hint="h")  # type: ignore[arg-type]
    sides = sorted(json.dumps(s, sort_keys=True, ensure_ascii=False) for s in (left, right))
    blob = json.dumps([kind, sides], sort_keys=True, ensure_ascii=False).encode("utf-8")
    assert q.key() == hashlib.sha256(blob).hexdigest()


def test_a_model_keeping_extra_values_is_left_to_pydantic() -> None:
    class Open(BaseModel):
        model_config = ConfigDict(extra="allow")
        a: int

    class Closed(BaseModel):
        a: int

    assert not buildable(Open)
    # its builder is pydantic's validation: the extra value is kept, a wrong type rejected
    assert builder(Open)({"a": 1, "b": 2}).__pydantic_extra__ == {"b": 2}
    with pytest.raises(ValueError):
        builder(Open)({"a": "x"})
    assert construct(Open, a=1).__pydantic_extra__ == Open.model_construct(a=1).__pydantic_extra__
    built = construct(Closed, a=1)
    assert built == Closed(a=1) and built.model_fields_set == {"a"}


@pytest.fixture(scope="module")
def digests() -> list[ArticleDigest]:
    from service.api import resolve_engine
    from tests.stories_set import all_articles

    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


def test_merge_stories_merges_each_story_as_merge_does(digests: list[ArticleDigest]) -> None:
    shuffled = digests[:]
    random.Random(7).shuffle(shuffled)
    got = merge_stories(shuffled + shuffled[:3])  # duplicates dropped before grouping
    groups = group_stories(sorted(digests, key=lambda d: (d.article.id, d.article.content_hash)))
    want = [_merge(g[::-1], None, 64) for g in groups]  # each story merged from any order
    want.sort(key=lambda s: (-len(s.sources), s.id))
    assert len(groups) > 3 and any(len(g) > 1 for g in groups)
    assert [s.model_dump_json() for s in got] == [s.model_dump_json() for s in want]


def _plain_whole_sentence(text: str) -> str | None:
    """The definition: ends with [.!?] then closing marks (a regex), every mark balanced."""
    t = " ".join(text.split())
    if len(t) < 20 or len(t) > SUMMARY_SENTENCE_MAX:
        return None
    if not re.search(r"[.!?][\"'”’»)]*$", t):
        return None
    if t.count("(") != t.count(")") or t.count('"') % 2:
        return None
    if t.count("“") != t.count("”") or t.count("«") != t.count("»"):
        return None
    if t.count("„") > t.count("“") + t.count("”"):
        return None
    return t


_MARKS = st.sampled_from(list(".!?\"'”’»)(“«„ \n\tab"))


@given(st.lists(st.text(max_size=12) | _MARKS, max_size=40).map("".join))
@settings(max_examples=500, deadline=None)
def test_whole_sentence_is_the_plain_definition(text: str) -> None:
    padded = "The council said it would act now " + text
    for t in (text, padded, padded.rstrip() + ".", padded.rstrip() + '."'):
        assert _whole_sentence(t) == _plain_whole_sentence(t)


def test_newest_first_orders_dates() -> None:
    dates = ["2024", "2024-04", "2024-04-23", "2023-12-01", None, "2024-05"]
    ranked = sorted(dates, key=_newest_first)
    assert ranked == ["2024-05", "2024-04-23", "2024-04", "2024", "2023-12-01", None]
