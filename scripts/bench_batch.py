"""Batch benchmarks against the fake OpenAI-compatible server (tests/fakeserver.py, a test double):

1. throughput: N articles at concurrency C with a fixed answer time; prints the ratio of the wall
   time to the ideal N / C x latency (target <= 1.3);
2. rerun: a finished job of M articles run again from the store; prints requests (target 0)
   and articles per second (target >= 500);
3. kill: the job killed with SIGKILL at random moments K times, then rerun (scripts/kill_test.py);
   prints whether it ended with exactly one digest per article.

    python scripts/bench_batch.py                  # all three, issue-sized
    python scripts/bench_batch.py --only rerun --rerun-articles 300
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from service.batch.runner import run_batch  # noqa: E402
from service.batch.store import Store  # noqa: E402
from tests.batchkit import write_articles  # noqa: E402
from tests.faultmix import answering_server, fault_engine  # noqa: E402


def throughput(n: int, concurrency: int, latency: float, work: Path) -> dict[str, object]:
    src = work / "tp-articles"
    write_articles(src, n)
    with answering_server(latency=latency) as srv, Store(work / "tp.sqlite") as store:
        engine = fault_engine(srv, timeout=30.0)
        # Warm up imports and the HTTP client on one article outside the timed run.
        warm = write_articles(work / "tp-warm", 1, start=n + 1)
        run_batch(warm, engine=engine, store=store, merge=False)
        before = len(srv.chat_requests)
        t0 = time.perf_counter()
        r = run_batch([src], engine=engine, store=store, concurrency=concurrency, merge=False)
        wall = time.perf_counter() - t0
        requests = len(srv.chat_requests) - before
    ideal = n / concurrency * latency
    return {
        "articles": n,
        "concurrency": concurrency,
        "latency_s": latency,
        "succeeded": r.succeeded,
        "requests": requests,
        "wall_s": round(wall, 3),
        "ideal_s": round(ideal, 3),
        "ratio": round(wall / ideal, 3),
        "target_ratio": 1.3,
        "ok": r.succeeded == n and wall / ideal <= 1.3,
    }


def rerun(n: int, concurrency: int, work: Path) -> dict[str, object]:
    src = work / "rr-articles"
    write_articles(src, n)
    out = work / "rr-out"
    with answering_server(latency=0.0) as srv, Store(work / "rr.sqlite") as store:
        engine = fault_engine(srv, timeout=30.0)
        t0 = time.perf_counter()
        first = run_batch(
            [src], engine=engine, store=store, concurrency=concurrency, out_dir=out, merge=False
        )
        first_s = time.perf_counter() - t0
        before = len(srv.chat_requests)
        t0 = time.perf_counter()
        again = run_batch(
            [src], engine=engine, store=store, concurrency=concurrency, out_dir=out, merge=False
        )
        again_s = time.perf_counter() - t0
        requests = len(srv.chat_requests) - before
    rate = n / again_s
    return {
        "articles": n,
        "first_run_s": round(first_s, 2),
        "first_run_succeeded": first.succeeded,
        "rerun_cached": again.cached,
        "rerun_requests": requests,
        "rerun_s": round(again_s, 3),
        "rerun_articles_per_s": round(rate, 1),
        "target_articles_per_s": 500,
        "ok": requests == 0 and again.cached == n and rate >= 500,
    }


def kill(
    n: int, kills: int, concurrency: int, delay: float, engine: str, work: Path
) -> dict[str, object]:
    from scripts.kill_test import main as _unused  # noqa: F401  (import check)
    from scripts.kill_test import run as kill_run

    args = argparse.Namespace(
        articles=n,
        kills=kills,
        concurrency=concurrency,
        delay=delay,
        engine=engine,
        seed=11,
        work=str(work / "kill"),
    )
    return kill_run(args)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--only", choices=("throughput", "rerun", "kill"), action="append")
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--latency", type=float, default=0.2)
    p.add_argument("--rerun-articles", type=int, default=1000)
    p.add_argument("--kills", type=int, default=10)
    p.add_argument("--kill-articles", type=int, default=200)
    p.add_argument("--kill-engine", choices=("fake", "llm"), default="llm")
    args = p.parse_args(argv)
    todo = args.only or ["throughput", "rerun", "kill"]
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        work = Path(tmp)
        if "throughput" in todo:
            results["throughput"] = throughput(args.articles, args.concurrency, args.latency, work)
            print(json.dumps({"throughput": results["throughput"]}), flush=True)
        if "rerun" in todo:
            results["rerun"] = rerun(args.rerun_articles, args.concurrency, work)
            print(json.dumps({"rerun": results["rerun"]}), flush=True)
        if "kill" in todo:
            results["kill"] = kill(args.kill_articles, args.kills, 8, 0.05, args.kill_engine, work)
            print(json.dumps({"kill": results["kill"]}), flush=True)
    ok = all(bool(r.get("ok")) for r in results.values())  # type: ignore[union-attr]
    print("ALL TARGETS MET" if ok else "SOME TARGETS MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
