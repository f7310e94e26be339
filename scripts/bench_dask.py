"""Dask benchmark: N distinct articles through a LocalCluster of two worker processes on
127.0.0.1 (one thread each) and through this process; checks the digests are the same, article by
article, and prints the wall seconds of each (min and median of --runs; the machine may be shared
and noisy).

usage: python scripts/bench_dask.py CORPUS [CORPUS ...] [--n 10000] [--runs 1] [--workers 2]

Digests are compared by hash as they arrive, so memory stays flat in N.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
for p in (HERE, HERE.parent):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from benchcorpus import distinct_articles  # noqa: E402

from service.api import summarise_many  # noqa: E402


def run(articles: list, **options: object) -> tuple[float, list[str]]:
    t = time.perf_counter()
    hashes = [
        hashlib.sha256(d.model_dump_json().encode()).hexdigest()
        for d in summarise_many(articles, engine="rules", **options)  # type: ignore[arg-type]
    ]
    return time.perf_counter() - t, hashes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="+")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2, help="Dask worker processes")
    args = ap.parse_args(argv)
    try:
        from distributed import LocalCluster
    except ImportError:
        print("needs the dask extra: pip install 'newsdigest[dask]'", file=sys.stderr)
        return 2
    articles = distinct_articles(args.corpus, args.n)
    n = len(articles)
    local_s, dask_s = [], []
    with LocalCluster(
        n_workers=args.workers,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        addr = cluster.scheduler_address
        run(articles[:4], executor="dask", scheduler=addr)  # warm-up: workers import the engine
        for _ in range(args.runs):
            t, local = run(articles, workers=1)
            local_s.append(t)
            t, remote = run(articles, executor="dask", scheduler=addr)
            dask_s.append(t)
            same = sum(a == b for a, b in zip(local, remote, strict=True))
            print(f"digests identical: {same} of {n}", flush=True)
            if same != n:
                return 1
    print(f"{n} distinct articles (the machine may be shared and noisy)")
    for name, values in (("this process", local_s), (f"dask, {args.workers} workers", dask_s)):
        print(
            f"  {name:<18} wall min {min(values):8.2f} s  median {statistics.median(values):8.2f} s"
            f"  = {n / min(values):6.1f} articles/s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
