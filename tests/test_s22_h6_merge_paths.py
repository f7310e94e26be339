"""Merge fast paths of stop 22 (issue #9) against their plain definitions."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from service.merge import common

# letters with and without accents, combining marks alone, other scripts, the marks the fold
# swaps, and ASCII
_ALPHABET = st.sampled_from(
    list("aeiouAZ `'\".,-…’‘“”–—éÉèçñüÖøßæŒ")
    + ["\u0301", "\u0308", "\u034f", "\u0338", "\u05b0", "\u0652", "\u093c", "\u3099"]
    + list("Нетбудевξπόλειςاللهשלוםनमस्ते中文カタ한국ﬁ²½Ⅻ")
)


def _plain_fold(text: str) -> str:
    """fast_fold as first written: translate, lower, ellipsis, then every combining character
    dropped one by one."""
    s = text.translate(common._FOLD).lower().replace("…", "...")
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_fast_fold_drops_the_same_marks_as_the_plain_loop(text: str) -> None:
    assert common.fast_fold.__wrapped__(text) == _plain_fold(text)


def test_fast_fold_over_every_combining_block_character() -> None:
    # every character of the blocks that hold combining marks, after a base letter
    chars = [chr(c) for c in range(0x0300, 0x0370)] + [chr(c) for c in range(0x1AB0, 0x1B00)]
    chars += [chr(c) for c in range(0x20D0, 0x2100)] + [chr(c) for c in range(0xFE20, 0xFE30)]
    text = "".join("e" + ch for ch in chars)
    assert common.fast_fold.__wrapped__(text) == _plain_fold(text)
    assert any(unicodedata.combining(ch) for ch in chars)  # the test reads marks at all


def test_copies_of_a_variant_get_the_relation_worked_out_for_each_alone() -> None:
    """A cluster's variants: copies of one form share the relation worked out once; each equals
    _variant_relation of its own form against the canonical one."""
    from service.merge import merge
    from service.merge.quotes import _text_keys, _variant_relation
    from tests.test_merge import actor, digest, quote

    long_ = "We will rebuild the harbour wall before the winter storms arrive in the bay"
    short = "We will rebuild the harbour wall before the winter storms"
    reworded = "We shall rebuild the harbour wall before the winter storms arrive in the bay"
    ds = [
        digest(
            art,
            actors=[actor("a1", "Ines Varga")],
            quotes=[quote("q1", text, "Ines Varga")],
        )
        for art, text in [("a", long_), ("b", short), ("c", short), ("d", reworded), ("e", short)]
    ]
    story = merge(ds)
    (cluster,) = [c for c in story.quotes if len(c.variants) > 1]
    assert cluster.canonical in (long_, reworded)
    assert len(cluster.variants) == 5

    class _F:  # the words a relation reads of a form
        def __init__(self, text: str) -> None:
            segs, self.words, self.lang = _text_keys(text)
            self.segments, self.padded = segs, " " + " ".join(self.words) + " "
            self.idx, self.needles, self.shingles = id(self), None, None

    canon = _F(cluster.canonical)
    seen = set()
    for v in cluster.variants:
        if v.quote.text == cluster.canonical:
            continue
        rel, sim = _variant_relation(canon, _F(v.quote.text))  # type: ignore[arg-type]
        assert (v.relation, v.similarity) == (rel, round(sim, 4))
        seen.add(v.relation.value)
    assert seen and "identical" not in seen  # the relations were worked out, not copied
