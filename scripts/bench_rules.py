"""Benchmark the rules engine on one core over distinct texts: throughput, per-stage times,
latency percentiles and peak memory.

usage: python scripts/bench_rules.py CORPUS [CORPUS ...] [--n N] [--runs 3] [--mem-n 200] [--json]

e.g.   python scripts/bench_rules.py ../shared/polnear/train ../shared/polnear/dev --n 1000

Every digested text is distinct (the corpus articles, then variants with leading paragraphs
dropped when N exceeds the corpus; see scripts/benchcorpus.py), so no per-text cache can hit twice.
The pass is repeated --runs times in this process (each after a fresh import of nothing: caches
keyed on text cannot help because the texts differ between articles, not between runs); min and
median are printed because the machine may be shared and noisy. Stage times come from wrapping
the engine's stage functions; "assembly" is the rest (building the pydantic digest). Timing and
memory are measured in separate passes because tracemalloc slows allocation-heavy code.
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
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
for p in (HERE, HERE.parent):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from benchcorpus import distinct_articles  # noqa: E402

from service.engines import get_engine  # noqa: E402
from service.errors import NewsDigestError  # noqa: E402

# engine attribute -> the stage functions it calls
STAGES = {
    "_quotes": ("find_quotes",),
    "_actors": ("extract_actors",),
    "_speakers": ("attribute",),
    "_events": ("extract_events",),
    "_summary": ("summarise_text",),
}


class _Timed:
    """Stands in for a stage module on the engine, adding each call's time to `totals`."""

    def __init__(self, module: Any, names: tuple[str, ...], totals: dict[str, float]) -> None:
        self._module, self._names, self._totals = module, names, totals

    def __getattr__(self, attr: str) -> Any:
        fn = getattr(self._module, attr)
        if attr not in self._names:
            return fn
        return self._wrap(attr, fn)

    def _wrap(self, name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        totals = self._totals

        def timed(*a: Any, **k: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*a, **k)
            finally:
                totals[name] += time.perf_counter() - t

        return timed


def load_corpus(root: Path) -> list[Any]:
    """Corpus articles, read the way the CLI reads them (also used by eval_rules.py)."""
    return distinct_articles([root])


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list (q in 0..100)."""
    rank = max(1, -(-len(sorted_values) * q // 100))
    return sorted_values[int(rank) - 1]


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity on this platform)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="+", help="corpus folders (articles/*.json)")
    ap.add_argument("--n", type=int, default=None, help="articles (default: the whole corpus)")
    ap.add_argument("--runs", type=int, default=3, help="timed passes (min and median printed)")
    ap.add_argument("--mem-n", type=int, default=200, help="articles in the tracemalloc pass")
    ap.add_argument("--json", action="store_true", help="also print the figures as one JSON line")
    ap.add_argument(
        "--gc",
        choices=("worker", "default"),
        default="worker",
        help="garbage collector as in the pool's workers and the command (executors.quiet_gc: "
        "frozen start-up, young passes every 20,000 allocations; the default) or Python's default",
    )
    args = ap.parse_args(argv)
    if (args.n is not None and args.n < 1) or args.mem_n < 0 or args.runs < 1:
        ap.error("--n and --runs must be >= 1 and --mem-n >= 0")

    pinned = pin_one_core()
    articles = distinct_articles(args.corpus, args.n)
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
    if args.gc == "worker":
        from service.batch.options import quiet_gc

        quiet_gc()

    stage_totals: dict[str, float] = defaultdict(float)
    for attr, names in STAGES.items():
        if hasattr(engine, attr):
            setattr(engine, attr, _Timed(getattr(engine, attr), names, stage_totals))

    n = len(articles)
    rates: list[float] = []
    cpu_rates: list[float] = []
    times: list[float] = []
    stage_runs: list[dict[str, float]] = []
    for _ in range(args.runs):
        stage_totals.clear()
        run_times: list[float] = []
        wall0, cpu0 = time.perf_counter(), time.process_time()
        for article in articles:
            t = time.perf_counter()
            engine.digest(article)
            run_times.append(time.perf_counter() - t)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        rates.append(n / wall)
        cpu_rates.append(n / cpu)
        stage = dict(stage_totals)
        stage["assembly"] = sum(run_times) - sum(stage.values())
        stage_runs.append(stage)
        if not times or sum(run_times) < sum(times):
            times = run_times
    maxrss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    traced_peak_mib = None
    if args.mem_n:
        tracemalloc.start()
        for i in range(args.mem_n):
            engine.digest(articles[i % n])
        traced_peak_mib = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()

    ms = sorted(t * 1000 for t in times)
    best = min(range(len(rates)), key=lambda i: -rates[i])
    stage_ms = {k: round(v / n * 1000, 3) for k, v in stage_runs[best].items()}
    chars = sum(a.length for a in articles)
    figures = {
        "articles": n,
        "runs": args.runs,
        "gc": args.gc,
        "mean_chars": round(chars / n),
        "articles_per_s_max": round(max(rates), 1),
        "articles_per_s_median": round(statistics.median(rates), 1),
        "articles_per_cpu_s_max": round(max(cpu_rates), 1),
        "articles_per_cpu_s_median": round(statistics.median(cpu_rates), 1),
        "stage_ms_per_article": stage_ms,
        "p50_ms": round(percentile(ms, 50), 3),
        "p95_ms": round(percentile(ms, 95), 3),
        "max_ms": round(ms[-1], 3),
        "engine_setup_ms": round(setup_ms, 1),
        "first_digest_ms": round(cold_ms, 1),
        "tracemalloc_peak_mib": None if traced_peak_mib is None else round(traced_peak_mib, 2),
        "ru_maxrss_mib": round(maxrss_mib, 1),
    }
    print(
        f"rules engine, {platform.python_implementation()} {platform.python_version()}, {pinned}, "
        f"gc {args.gc}"
    )
    print("(a shared machine is noisy: compare the best runs; CPU time is steadier than wall time)")
    print(
        f"articles digested : {n} distinct texts, mean {figures['mean_chars']} chars, x{args.runs}"
    )
    print(
        f"throughput (wall) : best {figures['articles_per_s_max']}, "
        f"median {figures['articles_per_s_median']} articles/s"
    )
    print(
        f"throughput (CPU)  : best {figures['articles_per_cpu_s_max']}, "
        f"median {figures['articles_per_cpu_s_median']} articles per CPU-second"
    )
    print("per stage (best run, ms per article):")
    for k, v in sorted(stage_ms.items(), key=lambda kv: -kv[1]):
        print(f"  {k:<16}{v:8.3f}")
    print(
        f"latency (best run): p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms, "
        f"max {figures['max_ms']} ms"
    )
    print(
        f"cold start        : engine {figures['engine_setup_ms']} ms, "
        f"first digest {figures['first_digest_ms']} ms"
    )
    if traced_peak_mib is not None:
        print(
            f"tracemalloc peak  : {figures['tracemalloc_peak_mib']} MiB over {args.mem_n} digests"
        )
    print(f"ru_maxrss         : {figures['ru_maxrss_mib']} MiB (whole process)")
    if args.json:
        print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
