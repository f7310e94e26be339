"""Benchmark the rules engine on one core: throughput, latency percentiles and peak memory.

usage: python scripts/bench_rules.py ../shared/dev-corpus [--n 1000] [--mem-n 200] [--json]

The corpus articles are repeated (in order) until N articles have been digested, one at a time,
in this single process. Timing and memory are measured in separate passes because tracemalloc
slows allocation-heavy code several-fold.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

from schemas import Article
from service.engines import get_engine
from service.errors import NewsDigestError
from service.ingest import load_articles


def load_corpus(root: Path) -> list[Article]:
    """Corpus articles, read the way the CLI reads them."""
    articles_dir = root / "articles" if (root / "articles").is_dir() else root
    files = sorted(articles_dir.glob("*.json"))
    if not files:
        raise SystemExit(f"{articles_dir}: no article files (*.json); pass the corpus directory")
    out: list[Article] = []
    for f in files:
        out.extend(load_articles(f))
    return out


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (q in 0..100)."""
    rank = max(1, -(-len(sorted_values) * q // 100))  # ceil without floats drifting
    return sorted_values[int(rank) - 1]


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this platform)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="corpus dir with articles/*.json")
    ap.add_argument("--n", type=int, default=1000, help="articles to digest (corpus repeated)")
    ap.add_argument("--mem-n", type=int, default=200, help="articles in the tracemalloc pass")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    args = ap.parse_args(argv)
    if args.n < 1 or args.mem_n < 0:
        ap.error("--n must be >= 1 and --mem-n >= 0")

    pinned = pin_one_core()
    articles = load_corpus(args.corpus)
    t0 = time.perf_counter()
    try:
        engine = get_engine("rules")
    except (ImportError, NewsDigestError) as exc:
        print(f"cannot build the rules engine: {exc}", file=sys.stderr)
        return 2
    setup_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    engine.digest(articles[0])  # first call pays lazy imports and regex compilation
    cold_ms = (time.perf_counter() - t0) * 1000

    times: list[float] = []
    chars = 0
    wall0 = time.perf_counter()
    for i in range(args.n):
        article = articles[i % len(articles)]
        t = time.perf_counter()
        engine.digest(article)
        times.append(time.perf_counter() - t)
        chars += article.length
    wall = time.perf_counter() - wall0
    maxrss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    traced_peak_mib = None
    if args.mem_n:
        tracemalloc.start()
        for i in range(args.mem_n):
            engine.digest(articles[i % len(articles)])
        traced_peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()

    ms = sorted(t * 1000 for t in times)
    figures = {
        "articles": args.n,
        "distinct_articles": len(articles),
        "mean_chars": round(chars / args.n),
        "articles_per_s": round(args.n / wall, 1),
        "mean_ms": round(statistics.fmean(ms), 3),
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "max_ms": round(ms[-1], 3),
        "engine_setup_ms": round(setup_ms, 1),
        "first_digest_ms": round(cold_ms, 1),
        "tracemalloc_peak_mib": None if traced_peak_mib is None else round(traced_peak_mib, 2),
        "tracemalloc_articles": args.mem_n,
        "ru_maxrss_mib": round(maxrss_mib, 1),
    }
    print(f"rules engine, {platform.python_implementation()} {platform.python_version()}, {pinned}")
    print(
        f"articles digested : {args.n} ({len(articles)} distinct, mean {figures['mean_chars']} chars)"
    )
    print(f"throughput        : {figures['articles_per_s']} articles/s")
    print(
        f"latency           : mean {figures['mean_ms']} ms, p50 {figures['p50_ms']} ms, "
        f"p95 {figures['p95_ms']} ms, max {figures['max_ms']} ms"
    )
    print(
        f"cold start        : engine {figures['engine_setup_ms']} ms, first digest {figures['first_digest_ms']} ms"
    )
    if traced_peak_mib is not None:
        print(
            f"tracemalloc peak  : {figures['tracemalloc_peak_mib']} MiB over {args.mem_n} digests"
        )
    print(
        f"ru_maxrss         : {figures['ru_maxrss_mib']} MiB (whole process, after the timing pass)"
    )
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
