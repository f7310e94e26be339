"""Merge fold and language fast paths (issue #9) against their plain definitions."""

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


def _plain_guess(text: str, default: str | None = None) -> str | None:
    """guess_language's script count as first written: a Python step per character."""
    counts: dict[str, int] = {}
    for ch in text:
        if ch.isalpha():
            for code, lo, hi in common._SCRIPTS:
                if lo <= ch <= hi:
                    counts[code] = counts.get(code, 0) + 1
                    break
    if counts:
        letters = sum(ch.isalpha() for ch in text)
        code, n = max(sorted(counts.items()), key=lambda kv: kv[1])
        if n * 2 >= letters:
            return code
    return common.stopword_language(common._WORD.findall(text.lower()), default)


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


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=40), st.sampled_from([None, "en", "xx"]))
def test_guess_language_counts_scripts_as_the_plain_loop(text: str, default: str | None) -> None:
    assert common.guess_language(text, default) == _plain_guess(text, default)


def test_guess_language_reads_scripts_and_stopwords() -> None:
    assert common.guess_language("Не будет никакого перемирия, said he") == "ru"
    assert common.guess_language("שלום עולם and more") == "he"
    assert common.guess_language("the and of to it is here") == "en"


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


def test_script_pattern_matches_exactly_the_scripts_ranges() -> None:
    pattern = common._script_chars()
    for _, lo, hi in common._SCRIPTS:
        inside = "".join(chr(c) for c in range(ord(lo), ord(hi) + 1))
        assert len(pattern.findall(inside)) == len(inside)
        assert not pattern.match(chr(ord(lo) - 1)) or any(
            a <= chr(ord(lo) - 1) <= b for _, a, b in common._SCRIPTS
        )
    outside = "".join(
        chr(c)
        for c in range(0x80, 0x10000)
        if not any(a <= chr(c) <= b for _, a, b in common._SCRIPTS)
    )
    assert pattern.findall(outside) == []
