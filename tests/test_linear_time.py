"""Work on one paragraph grows linearly with its size (issue 11, repro 7).

These compare the time at two sizes eight times apart (best of three runs each, in CPU time so that other processes on a shared machine do not
skew it), never against a
wall-clock budget: linear code grows about 8x, the old quadratic rescans grew about 64x. The
threshold (24x) leaves room for a noisy shared machine; sizes start at 50,000 characters
because below that caches and start-up costs blur the ratio. Absolute figures: scripts/bench_shapes.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from service.extract.summary import split_sentences

SMALL, FACTOR = 50_000, 8


def _best(fn: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        fn(text)
        best = min(best, time.process_time() - t0)
    return best


def _growth(fn: Callable[[str], object], make: Callable[[int], str]) -> float:
    small, big = make(SMALL), make(SMALL * FACTOR)
    _best(fn, small)  # warm caches and regexes
    return _best(fn, big) / max(_best(fn, small), 1e-6)


def _paragraph(n: int) -> str:
    unit = "The harbour council met on Tuesday. Mayor Odile Brann spoke to the press. "
    return (unit * (n // len(unit) + 1))[:n]


def _stops(n: int) -> str:
    return ("A. B. c.d. ... Mr. X! " * (n // 21 + 1))[:n]


def test_one_long_paragraph_splits_in_linear_time() -> None:
    assert _growth(split_sentences, _paragraph) < 3 * FACTOR


def test_a_line_of_full_stops_splits_in_linear_time() -> None:
    assert _growth(split_sentences, _stops) < 3 * FACTOR


def test_a_run_of_dots_with_no_space_is_scanned_once() -> None:
    assert _growth(split_sentences, lambda n: "Word " + "." * n + "x End") < 3 * FACTOR


def test_many_quotes_with_named_speakers_digest_in_linear_time() -> None:
    from service.engines import get_engine
    from service.ingest.files import article_from_text

    engine = get_engine("rules")
    unit = "\u201cFerries will sail,\u201d Brann said. \u201cWe agree,\u201d said Odile Brann. "

    def digest(text: str) -> object:
        return engine.digest(article_from_text("Quotes\n\n" + text, id="q", fmt="text"))

    small = 4_000
    big_text = (unit * (small * FACTOR // len(unit) + 1))[: small * FACTOR]
    small_text = big_text[:small]
    digest(small_text)
    assert _best(digest, big_text) / _best(digest, small_text) < 3 * FACTOR


def test_split_sentences_keeps_abbreviations_and_acronyms_whole() -> None:
    text = "Gen. Smith met U.S. envoys in Washington. They agreed. John F. Kennedy was cited."
    got = [s.text for s in split_sentences(text)]
    assert got == [
        "Gen. Smith met U.S. envoys in Washington.",
        "They agreed.",
        "John F. Kennedy was cited.",
    ]
    # a token longer than the look-back window still ends a sentence at its dot
    long_word = "x" * 40
    assert [s.text for s in split_sentences(f"It was {long_word}. Next one.")] == [
        f"It was {long_word}.",
        "Next one.",
    ]
