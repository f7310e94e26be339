"""The merger's set-operation paths (stop 20, issue #9) give what the plain definitions give."""

from __future__ import annotations

import hashlib
import random
import re
from itertools import chain

import pytest

from schemas import ArticleDigest, ArticleMeta, Provenance
from service.merge import common, syndication
from service.merge.common import (
    _LANG_WORDS,
    block_pairs,
    guess_language,
    stable_id,
    stable_id1,
)
from service.merge.quote_keys import _FUNCTION, content_words, quote_segments
from service.merge.quotes import OVERLAP_RUN, OVERLAP_RUN_OTHER, Form, _overlap, _text_keys
from service.merge.syndication import SIGNATURE_SIZE, estimate, group_sources


def _form(words: tuple[str, ...]) -> Form:
    return Form(0, "s1", words, (words,), " " + " ".join(words) + " ", 0, None, None, [], "")


def _shares_run(a: tuple[str, ...], b: tuple[str, ...], n: int) -> bool:
    """The plain definition: some n consecutive words of one are n consecutive words of the other."""
    runs = {a[k : k + n] for k in range(len(a) - n + 1)}
    return any(b[k : k + n] in runs for k in range(len(b) - n + 1))


def test_overlap_is_a_shared_run_of_words() -> None:
    rng = random.Random(20)
    found = 0
    for _ in range(3000):
        # few distinct words, so that runs repeat (also inside one quote: "a b a b a b ...")
        vocab = [f"w{i}" for i in range(rng.randint(1, 5))]
        base = tuple(rng.choice(vocab) for _ in range(rng.randint(0, 30)))
        cut = rng.randint(0, len(base))
        long_ = base[: cut + rng.randint(0, 12)] + tuple(rng.choice(vocab) for _ in range(3))
        short = tuple(rng.choice(vocab) for _ in range(rng.randint(0, 3))) + base[cut:]
        for same_speaker, need in ((True, OVERLAP_RUN), (False, OVERLAP_RUN_OTHER)):
            want = len(short) >= need and _shares_run(long_, short, need)
            got = _overlap(_form(long_), _form(short), same_speaker)
            assert got == (("overlaps", 0.45) if want else None), (long_, short, need)
            found += want
    assert found > 100  # the test met both outcomes


def _plain_guess(text: str, default: str | None = None) -> str | None:
    """guess_language's stopword vote as first written: every list scored against every word."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < 4:
        return default
    scores = {code: len(ws & set(words)) for code, ws in _LANG_WORDS.items()}
    best = max(sorted(scores), key=lambda c: scores[c])
    return best if scores[best] >= 2 else default


def test_guess_language_stopword_vote_is_the_plain_one() -> None:
    rng = random.Random(7)
    listed = sorted(set().union(*_LANG_WORDS.values()))
    other = ["river", "Bahnhof", "ciudad", "tempo", "casa", "zug", "42", "Ünal"]
    for _ in range(3000):
        words = [
            rng.choice(listed if rng.random() < 0.3 else other) for _ in range(rng.randint(0, 9))
        ]
        text = " ".join(w.upper() if rng.random() < 0.1 else w for w in words)
        for default in (None, "en"):
            assert guess_language(text, default) == _plain_guess(text, default), text


def test_quote_text_language_is_guess_language() -> None:
    rng = random.Random(3)
    listed = sorted(set().union(*_LANG_WORDS.values()))
    odd = ["can't", "cannot", "CANNOT", "[is]", "...", "…", "don`t", "it’s", "O'Neill", "naïve"]
    for _ in range(3000):
        pool = listed if rng.random() < 0.5 else listed + odd
        text = " ".join(rng.choice(pool) for _ in range(rng.randint(0, 9)))
        segs, words, lang = _text_keys.__wrapped__(text)
        assert segs == quote_segments(text) and words == tuple(chain.from_iterable(segs))
        assert lang == guess_language(text), text


def test_content_words_counts_the_words_outside_the_function_list() -> None:
    words = ("we", "have", "the", "votes", "and", "the", "will", "votes", "cannot")
    assert content_words(words) == sum(w not in _FUNCTION for w in words) == 2


def _digest(aid: str, sig: list[int], content_hash: str) -> ArticleDigest:
    meta = ArticleMeta(id=aid, title=f"Title {aid}", content_hash=content_hash, fingerprint=sig)
    return ArticleDigest(article=meta, provenance=Provenance(engine="test", engine_version="0"))


@pytest.mark.parametrize("n", [2, 3])
def test_source_groups_of_few_articles_are_the_bucketed_ones(
    n: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(n)
    agreeing = 0
    for _ in range(300):
        base = [rng.randrange(1 << 32) for _ in range(SIGNATURE_SIZE)]
        digests = []
        for i in range(n):
            # a copy with a share of its bins changed (a re-edited copy, or another text), or none
            keep = rng.choice([0.0, 0.3, 0.6, 0.8, 1.0])
            sig = [v if rng.random() < keep else rng.randrange(1 << 32) for v in base]
            digests.append(
                _digest(f"a{i}", sig if rng.random() < 0.9 else [], f"h{rng.randrange(n + 2)}")
            )
        direct = group_sources(digests)
        monkeypatch.setattr(syndication, "DIRECT_PAIRS", 0)
        bucketed = group_sources(digests)
        monkeypatch.undo()
        assert direct == bucketed
        sigs = [d.article.fingerprint for d in digests]
        agreeing += any(estimate(a, b) >= 0.5 for a in sigs for b in sigs if a is not b)
    assert agreeing > 50  # copies were found, not only singles


def test_stable_id_hashes_the_sorted_refs_one_a_line() -> None:
    rng = random.Random(11)
    names = ["a1", "b-2", "Ünal", "q10", "q2", "", "e 7"]
    for _ in range(200):
        refs = [(rng.choice(names), rng.choice(names)) for _ in range(rng.randint(1, 6))]
        blob = "\n".join(f"{a}\x1f{i}" for a, i in sorted(refs)).encode("utf-8")
        want = "Q-" + hashlib.sha256(blob).hexdigest()[:12]
        assert stable_id("Q", iter(refs)) == want
        if len(refs) == 1:
            assert stable_id1("Q", *refs[0]) == want


@pytest.mark.parametrize("pairwise", [0, 10**9])
def test_block_pairs_pair_tests_and_key_index_agree(
    pairwise: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(pairwise)
    for _ in range(300):
        vocab = rng.randint(1, 30)
        keys = [
            [rng.randrange(vocab) for _ in range(rng.randint(0, 6))]
            for _ in range(rng.randint(0, 40))
        ]
        max_block = rng.choice([60, 5])
        want = block_pairs(keys, max_block, 2)
        monkeypatch.setattr(common, "PAIRWISE_KEYS", pairwise)
        assert block_pairs(keys, max_block, 2) == want
        monkeypatch.undo()
        if len(keys) <= max_block:  # every pair of items that share a key
            every = [
                (i, j)
                for i in range(len(keys))
                for j in range(i + 1, len(keys))
                if set(keys[i]) & set(keys[j])
            ]
            assert want == every
