"""Fuzzing ingest and the offline engine with adversarial shapes (issue 11): long paragraphs,
thousands of quotation marks, quotes that never close, no punctuation, one huge line, mixed
scripts, raw bytes. No exception may escape except our own InputError for unreadable input, and
every offset in a digest must point at exactly its text. Time per character for these shapes at
10k/100k/1M characters: scripts/bench_shapes.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schemas import ArticleDigest
from service.engines import get_engine
from service.errors import InputError
from service.ingest.files import article_from_text, load_articles

ENGINE = get_engine("rules")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Pieces that stress the quote, sentence, name and date rules; joined in any order and number.
_PIECES = [
    "\u201c",
    "\u201d",
    '"',
    "'",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "\u300c",
    "\u300d",
    ". ",
    "...",
    "\u2026",
    "! ",
    "? ",
    ", ",
    ": ",
    "\n",
    "\n\n",
    " said ",
    " Odile Brann",
    " Mr. ",
    " U.S. ",
    " the board ",
    " Velmora ",
    " on Tuesday ",
    " 12 May 2024 ",
    "\u041c\u044d\u0440 ",
    "\u0627\u0644\u0645\u062c\u0644\u0633 ",
    "\u5e02\u957f\u8bf4",
    "\u00e9t\u00e9 ",
    "\u200b",
    "\t",
    "-- ",
    "(",
    ")",
    "#",
]
pieces = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=400).map("".join)
words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # any code point but lone surrogates
    min_size=1,
    max_size=600,
)


def repeated(unit: str, n: int) -> str:
    return (unit * (n // max(1, len(unit)) + 1))[:n]


shapes = st.one_of(
    pieces,
    words,
    st.tuples(pieces, words, pieces).map("".join),
    # one shape blown up: a long paragraph, a huge line of marks, or no punctuation at all
    st.tuples(pieces, st.integers(2_000, 20_000)).map(lambda t: repeated(t[0], t[1])),
    st.integers(1_000, 20_000).map(lambda n: repeated("\u201c", n)),
    st.integers(1_000, 20_000).map(lambda n: repeated("word ", n)),
)


def check_verbatim(d: ArticleDigest, text: str) -> None:
    assert d.article.length == len(text)
    for q in d.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
    for a in d.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    for e in d.events:
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.text


@FUZZ
@given(body=shapes)
def test_the_engine_survives_any_shape_and_stays_verbatim(body: str) -> None:
    try:
        article = article_from_text("Fuzzed story\n\n" + body, fmt="text", id="fuzz")
    except InputError:
        return  # empty or control characters only: refused with a message, which is the contract
    check_verbatim(ENGINE.digest(article), article.text)


@FUZZ
@given(body=shapes, fmt=st.sampled_from(["auto", "text", "markdown", "html", "json", "jsonl"]))
def test_ingest_raises_only_input_errors_on_strings(body: str, fmt: str) -> None:
    try:
        articles = [article_from_text(body, fmt=fmt, id="fuzz")]
    except InputError:
        return
    for a in articles:
        assert a.text and a.length == len(a.text)


@FUZZ
@given(data=st.binary(min_size=0, max_size=4_000), suffix=st.sampled_from([".txt", ".json", ".md"]))
def test_ingest_raises_only_input_errors_on_bytes(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, suffix: str
) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / f"raw{suffix}"
    path.write_bytes(data)
    try:
        articles = load_articles(path)
    except InputError as e:
        assert e.path == str(path)
        return
    for a in articles:
        assert a.text


@FUZZ
@given(depth=st.integers(1, 200_000), opener=st.sampled_from(["[", '{"a":']))
def test_any_json_nesting_is_read_or_refused_with_a_message(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    doc = opener * depth + "1" + closer * depth
    # never an article (no `text` field), so always our error: missing text, or nested too deeply
    with pytest.raises(InputError):
        article_from_text(doc, fmt="json")


def test_json_nested_past_the_recursion_limit_is_refused_by_name() -> None:
    doc = json.dumps({"text": "x"})
    deep = "[" * 100_000 + doc + "]" * 100_000
    with pytest.raises(InputError, match="nested too deeply"):
        article_from_text(deep, fmt="json", source="deep.json")
