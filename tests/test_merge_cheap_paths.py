"""The merger's cheaper code paths give what the plain definitions give (stop 19, issue #9)."""

from __future__ import annotations

import hashlib
import json
import random
import re
from itertools import combinations

from schemas.story import natural_key
from service.merge import names as nm
from service.merge.common import block_pairs, item_key
from service.merge.judge import Question
from service.merge.quote_keys import quote_segments
from service.merge.quotes import Form, relate
from service.normalise import SINGLE_QUOTES, name_key


def _reference_pairs(keys, max_block, window, order):
    index: dict[object, list[int]] = {}
    for i, ks in enumerate(keys):
        for k in set(ks):
            index.setdefault(k, []).append(i)
    pairs = set()
    for items in index.values():
        if len(items) <= max_block:
            pairs.update(combinations(items, 2))
            continue
        if order is not None:
            items = sorted(items, key=order)
        for a in range(len(items)):
            for b in range(a + 1, min(len(items), a + 1 + window)):
                pairs.add(tuple(sorted((items[a], items[b]))))
    return sorted(pairs)


def test_block_pairs_is_every_pair_sharing_a_key_with_big_blocks_windowed() -> None:
    rng = random.Random(19)
    for _ in range(400):
        vocab = rng.randint(1, 40)
        keys = [
            [rng.randrange(vocab) for _ in range(rng.randint(0, 5))]
            for _ in range(rng.randint(0, 50))
        ]
        for max_block, window in ((60, 0), (4, 2), (2, 0)):
            for order in (None, lambda i: (-i % 5, i)):
                got = block_pairs(keys, max_block, window, order)
                assert got == _reference_pairs(keys, max_block, window, order)
    # sets and frozensets are taken as they are; a key repeated in one item counts once
    assert block_pairs([{1, 2}, frozenset({2}), [2, 2]]) == [(0, 1), (0, 2), (1, 2)]


_APOS = re.compile("[" + re.escape(SINGLE_QUOTES) + "ʼʻ]")


def test_name_tokens_fast_path_is_name_key_without_apostrophes() -> None:
    for form in ["O'Brien", "Maj. Gen. Pat Ryder", "U.S. Central Command", "ISIS`s", "AT&T 2024"]:
        plain = name_key(_APOS.sub("", form)).split()
        toks = nm.tokens(form)
        assert " ".join(toks).replace(" ", "") == "".join(plain)
        assert nm._word_key(form) == "".join(plain)
    assert nm.tokens("U.S. Central Command") == ("us", "central", "command")
    assert nm.tokens("O’Brien-Smith") == ("obrien", "smith")


def test_person_names_and_initials() -> None:
    assert nm.person_name("Pentagon spokesman Major General Pat Ryder") == "Pat Ryder"
    assert nm.person_name("Martin Luther King Jr.") == "Martin Luther King"
    assert nm.person_name("the German") is None
    assert nm.person_name("Boeing's chief executive Dave Calhoun") == "Dave Calhoun"
    assert nm.person_tokens("Mohammed Shia al-Sudani") == ("mohammed", "shia", "sudani")
    assert nm.initials("Popular Mobilization Forces (PMF)") == "pmf"
    assert nm.initials("Émirats Arabes Unis") == "eau"
    assert nm.collective_key("Iran-aligned militia groups") == "iran|militia|group"
    assert nm.institution_key("the Government of Iraq") == nm.institution_key("Iraqi government")


def test_question_key_is_the_hash_of_its_json() -> None:
    q = Question("event", {"b": ["x", "é"], "a": None}, {"a": '"q"'}, lean=True, hint="h")
    sides = sorted(json.dumps(s, sort_keys=True, ensure_ascii=False) for s in (q.left, q.right))
    blob = json.dumps([q.kind, sides], ensure_ascii=False).encode("utf-8")
    assert q.key() == hashlib.sha256(blob).hexdigest()
    swapped = Question("event", q.right, q.left, lean=False, hint="other")
    assert swapped.key() == q.key()


def test_question_content_is_equal_exactly_when_the_key_is() -> None:
    """A Decider's own cache looks questions up by content(): it must group them as key() does."""
    sides = [
        {"summary": "Two killed", "date": None, "participants": ["A", "B"]},
        {"date": None, "participants": ["A", "B"], "summary": "Two killed"},  # another order
        {"summary": "Two killed", "date": None, "participants": ["B", "A"]},
        {"summary": "Two killed", "date": "2024", "participants": ["A", "B"]},
        {"summary": "Two killed", "date": None, "participants": []},
        {"summary": "Two killed", "date": None},
    ]
    qs = [
        Question(kind, a, b, lean=True, hint="h")
        for kind in ("event", "actor")
        for a in sides
        for b in sides
    ]
    for q in qs:
        for r in qs:
            assert (q.content() == r.content()) == (q.key() == r.key())
            if q.content() == r.content():
                assert hash(q.content()) == hash(r.content())


def test_item_key_is_natural_key() -> None:
    for i in ["q2", "q10", "a1b22", "", "e07"]:
        assert item_key(i) == natural_key(i)


def _form(text: str, speaker: str | None = "s1") -> Form:
    segs = quote_segments(text)
    words = tuple(w for s in segs for w in s)
    return Form(
        0, speaker, words, segs, " " + " ".join(words) + " ", len(words), None, None, [], text
    )


def test_overlap_and_multi_segment_contains() -> None:
    run = "we will rebuild every single school and every hospital in this region"
    a = _form(f"Last year was hard. {run}, whatever the cost may be to all of us.")
    b = _form(f"{run} and the roads that the floods took away from the farmers")
    assert relate(a, b) == ("overlaps", 0.45)
    # a shared run one word short of OVERLAP_RUN is no overlap
    c = _form("every single school and every hospital in, then the roads the floods took")
    d = _form("we will rebuild every single school and every hospital, he said later on")
    assert relate(c, _form("nothing alike at all here, not one word of it shared")) is None
    assert relate(d, c) is None or relate(d, c)[0] != "overlaps"
    # segments of an ellipsis quote found in order
    long_ = _form("we will rebuild every single school and every hospital in this region")
    assert (
        relate(long_, _form("we will rebuild ... every hospital in this region"))[0] == "contains"
    )
    assert relate(long_, _form("every hospital in this region ... we will rebuild")) is None
