"""Time per character of ingest + the offline engine on adversarial text shapes, at growing sizes.

usage: python scripts/bench_shapes.py [--sizes 10000,100000,1000000] [--shapes NAME,...]
                                      [--repeat 1] [--json]

Each shape is invented text built to stress one part of the pipeline (a paragraph with no line
break, thousands of quotation marks, quotes that never close, no punctuation at all, one huge line
of full stops, mixed scripts). For linear-time code the microseconds per character stay flat as the
size grows tenfold; a quadratic step shows as a tenfold rise. Prints one row per shape and size:
seconds (min of --repeat runs) and microseconds per character.
"""

from __future__ import annotations

import argparse
import itertools
import json
import platform
import sys
import time
from collections.abc import Callable

from service.engines import get_engine
from service.ingest.files import MAX_ARTICLE_CHARS, article_from_text

_WORDS = [
    "the",
    "council",
    "said",
    "harbour",
    "ministers",
    "agreed",
    "on",
    "Tuesday",
    "that",
    "Velmora",
    "ferries",
    "would",
    "resume",
    "service",
    "after",
    "storms",
    "while",
    "Mayor",
    "Odile",
    "Brann",
    "told",
    "reporters",
    "in",
    "Kestrel",
    "Bay",
]


def _cycle(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def _sentences(n: int) -> str:
    parts: list[str] = []
    size = 0
    for i in itertools.count():
        words = [_WORDS[(i * 7 + k) % len(_WORDS)] for k in range(9 + i % 7)]
        s = " ".join(words).capitalize() + ". "
        parts.append(s)
        size += len(s)
        if size >= n:
            break
    return "".join(parts)[:n]


def long_paragraph(n: int) -> str:
    return "Harbour news\n\n" + _sentences(n)


def quote_marks(n: int) -> str:
    unit = '"Ferries will sail," Brann said. "We agree." \u201cYes\u201d, \u2018no\u2019. '
    return "Quotes\n\n" + _cycle(unit, n)


def unterminated_quotes(n: int) -> str:
    unit = "\u201cThe council said ferries would resume after storms, Brann told reporters. "
    return "Open quotes\n\n" + _cycle(unit, n)


def no_punctuation(n: int) -> str:
    return "Words\n\n" + _cycle(" ".join(_WORDS) + " ", n)


def huge_line_of_stops(n: int) -> str:
    return "Stops\n\n" + _cycle("A. B. c.d. ... Mr. X! ", n)


def mixed_scripts(n: int) -> str:
    unit = (
        "Der Rat sagte: \u201eDie F\u00e4hren fahren.\u201c \u041c\u044d\u0440 \u0441\u043a\u0430"
        "\u0437\u0430\u043b: \u00ab\u0414\u0430.\u00bb \u0627\u0644\u0645\u062c\u0644\u0633 "
        "\u0642\u0627\u0644. \u5e02\u957f\u8bf4\u300c\u6e21\u8f6e\u590d\u822a\u300d\u3002 "
    )
    return "Mixed\n\n" + _cycle(unit, n)


SHAPES: dict[str, Callable[[int], str]] = {
    "long_paragraph": long_paragraph,
    "quote_marks": quote_marks,
    "unterminated_quotes": unterminated_quotes,
    "no_punctuation": no_punctuation,
    "huge_line_of_stops": huge_line_of_stops,
    "mixed_scripts": mixed_scripts,
}


def time_one(text: str, engine: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        article = article_from_text(text, id="bench", fmt="text")
        engine.digest(article)  # type: ignore[attr-defined]
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="10000,100000,1000000")
    p.add_argument("--shapes", default=",".join(SHAPES))
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--json", action="store_true")
    args = p.parse_args(argv)
    sizes = [min(int(s), MAX_ARTICLE_CHARS - 100) for s in args.sizes.split(",")]
    engine = get_engine("rules")
    engine.digest(article_from_text("Warm up\n\nThe council met. Brann said: \u201cYes.\u201d"))
    rows = []
    for name in args.shapes.split(","):
        make = SHAPES[name]
        for n in sizes:
            text = make(n)
            secs = time_one(text, engine, args.repeat)
            rows.append(
                {
                    "shape": name,
                    "chars": len(text),
                    "s": secs,
                    "us_per_char": secs / len(text) * 1e6,
                }
            )
            if not args.json:
                r = rows[-1]
                print(
                    f"{name:<22} {r['chars']:>9,} chars  {secs:8.3f} s  "
                    f"{r['us_per_char']:7.2f} us/char",
                    flush=True,
                )
    if args.json:
        print(json.dumps({"python": platform.python_version(), "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
