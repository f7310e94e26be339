"""Story detection's C-level paths give what the plain definitions give: the same words, the same
term weights in the same order, the same quotation runs, name words and candidate pairs."""

from __future__ import annotations

import math
import zlib
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import ArticleDigest
from service.api import resolve_engine
from service.merge import stories, story_xlang
from service.merge.common import STOPWORDS, block_pairs, fast_fold
from service.merge.story_link import _CAP, capitalised_words, names_among
from tests.stories_set import all_articles

# ASCII, the quotation marks and dashes the fold turns into ASCII, an underscore, letters that
# fold (accents, a combining mark, the Kelvin sign, dotted I, final sigma), a fraction, CJK
_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,;:!?()[]'\"`_-\n\t"
    "“”‘’«»–—−…´′ éÉüÖßøÆ\u0301Kİσς Σ½²①\u00a0東京"
)
_TRICKY = [
    "",
    "The “Mayor” said—twice—that O’Brien’s plan was ‘fine’…",
    "snake_case Words and MixedCase iPhone McDonald 3Com",
    "Café naïve RÉSUMÉ Ölmez straße",
    "nai\u0308ve cafe\u0301",
    "½ ² ① Kelvin 5K İstanbul ΣΟΦΟΣ σοφός",
    "Tab\tand\u00a0nbsp and\nnew line",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), max_size=60).map("".join))
def test_words_are_the_folded_regex_words(text: str) -> None:
    _same_words(text)


@pytest.mark.parametrize("text", _TRICKY)
def test_words_of_tricky_text(text: str) -> None:
    _same_words(text)


def _same_words(text: str) -> None:
    want = stories._WORD.findall(fast_fold(text)) if text else []
    assert stories._words(text) == want
    words, caps = stories._body_words(text)
    assert words == want
    if caps is not None:
        assert caps == fast_fold(" ".join(_CAP.findall(text))).split()
    # the capitalised words are given exactly where the text is ASCII bar folded marks, no "_"
    plain = text.encode("ascii", "replace") if not stories._UNFOLDED.search(text) else None
    assert (caps is not None) == (plain is not None and b"_" not in plain)


def test_the_fast_paths_are_taken_for_news_text() -> None:
    words, caps = stories._body_words("“We will rebuild,” Mayor Ilse Varga said — again.")
    assert caps == ["we", "mayor", "ilse", "varga"]
    assert words == ["we", "will", "rebuild", "mayor", "ilse", "varga", "said", "again"]


def _plain_term(w: str) -> str | None:
    if len(w) < 3 or w in STOPWORDS | stories._EXTRA_STOP or (w.isdigit() and len(w) < 4):
        return None
    return w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w


def _plain_raw(d: ArticleDigest) -> tuple[dict[str, float], frozenset[int], list[str]]:
    """Story detection's features by their definition, one word at a time."""
    tf: dict[str, float] = {}

    def add(words: list[str], weight: float) -> None:
        for w in words:
            k = _plain_term(w)
            if k is not None:
                tf[k] = tf.get(k, 0.0) + weight

    add(stories._WORD.findall(fast_fold(d.article.title or "")), 2.0)
    body = "\n".join([d.summary, *(e.summary for e in d.events)])
    body_words = stories._WORD.findall(fast_fold(body))
    add(body_words, 1.0)
    names = [
        k
        for w in names_among(capitalised_words(body), Counter(body_words))
        if (k := _plain_term(w))
    ]
    quotes = [stories._WORD.findall(fast_fold(q.text)) for q in d.quotes]
    for ws in quotes:
        add(ws, 0.5)
    vec = {k: 1.0 + math.log(v) if v >= 1 else v for k, v in tf.items()}
    # story_xlang: language-aware name words and number anchors
    named = set(names)
    lang = story_xlang.article_language(body, body_words, d.article.language)
    actors = [a.name for a in d.actors if not a.anonymous and a.type.value != "location"]
    story_xlang.adjust(vec, named, lang, actors, f"{d.article.title or ''}\n{body}", _plain_term)
    names = [k for k in dict.fromkeys(names) if k in named] + [k for k in named if k[0] == "#"]
    mentions: dict[str, int] = {}
    for a in d.actors:
        if a.anonymous or a.type.value == "location":
            continue
        key = stories.actor_key(a.name, a.type.value)
        if key is not None:
            mentions["@" + key] = mentions.get("@" + key, 0) + max(1, len(a.mentions))
    for k, n in mentions.items():
        vec[k] = 2.0 * (1.0 + math.log(n))
        names.append(k)
    runs = {
        zlib.crc32(" ".join(ws[i : i + 6]).encode("utf-8"))
        for ws in quotes
        for i in range(len(ws) - 5)
        if _plain_term(ws[i]) is not None
    }
    return vec, frozenset(runs), names


@pytest.fixture(scope="module")
def digests() -> list[ArticleDigest]:
    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


def test_profiles_hold_the_plain_features(digests: list[ArticleDigest]) -> None:
    assert sum(len(d.quotes) for d in digests) > 5  # the quotation paths are taken
    for d in digests:
        vec, shingles, names, _ = stories._raw(d)
        want_vec, want_shingles, want_names = _plain_raw(d)
        # the same weights, bit for bit, in the same order (the cosines add in this order)
        assert list(vec.items()) == list(want_vec.items()), d.article.id
        assert shingles == want_shingles
        # a set: its order follows the per-process string hash seed, and two equal frozensets
        # built along other paths may iterate differently (name_mass sums it exactly, in any order)
        assert isinstance(names, frozenset) and names == frozenset(want_names)


def test_candidates_are_the_plain_blocking(digests: list[ArticleDigest]) -> None:
    ps = stories.profiles(sorted(digests, key=stories._order))
    keys = []
    for p in ps:
        top = sorted(p.vec, key=lambda k: (-p.vec[k], k))[: stories.STORY_KEYS]
        ks: list[tuple[object, ...]] = [("w", k) for k in top]
        ks += [("q", h) for h in sorted(p.shingles)[: stories.QUOTE_KEYS]]
        if p.sig:
            rows = stories.ROWS
            ks += [("m", b, p.sig[b * rows : (b + 1) * rows]) for b in range(0, stories.BANDS, 2)]
        keys.append(ks)
    undated = {k for p, ks in zip(ps, keys, strict=True) if p.date is None for k in ks}
    buckets = []
    for p, ks in zip(ps, keys, strict=True):
        out: list[tuple[object, ...]] = []
        for k in ks:
            if p.date is None or k in undated:
                out.append((k, None))
            if p.date is not None:
                out += [(k, p.date // 7), (k, p.date // 7 + 1)]
        buckets.append(out)
    want = block_pairs(
        buckets,
        max_block=stories.MAX_BLOCK,
        window=stories.NEIGHBOURS,
        order=lambda i: (ps[i].date or 0, i),
    )
    got = stories._candidates(ps)
    assert got == want and len(got) > len(digests) // 2


def _plain_runs(quotes: list[list[str]]) -> frozenset[int]:
    return frozenset(
        zlib.crc32(" ".join(ws[i : i + 6]).encode("utf-8"))
        for ws in quotes
        for i in range(len(ws) - 5)
        if _plain_term(ws[i]) is not None
    )


_QUOTE_WORDS = st.lists(
    st.sampled_from(
        ["the", "vote", "votes", "is", "a", "nai\u0308ve", "café", "2024", "東京", "x"]
    ),
    max_size=14,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_QUOTE_WORDS, max_size=3))
def test_quotation_runs_are_the_plain_runs(quotes: list[list[str]]) -> None:
    terms = [list(map(stories._term, ws)) for ws in quotes]
    assert stories._shingles(quotes, terms) == _plain_runs(quotes)
