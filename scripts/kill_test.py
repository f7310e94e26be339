"""Kill -9 resume proof: run a batch job, SIGKILL it at random moments, rerun, and check that the
store ends with exactly one digest per article, outputs are whole, and nothing was re-requested
beyond what was in flight at each kill.

    python scripts/kill_test.py --articles 200 --kills 10             # fake engine (no model)
    python scripts/kill_test.py --articles 200 --kills 10 --engine llm   # LLM engine vs fake server

The fake engine is a test double that sleeps `--delay` seconds per article and logs each call;
with `--engine llm` the LLM engine talks to tests/fakeserver.py, which counts HTTP requests.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _child(args: argparse.Namespace) -> int:
    from service.batch.runner import run_batch
    from tests.batchkit import FakeEngine

    if args.engine == "fake":
        log = os.open(args.calls, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

        def on_call(article: object) -> None:
            os.write(log, (article.content_hash + "\n").encode())  # type: ignore[attr-defined]

        engine: object = FakeEngine(delay=args.delay, on_call=on_call)
    else:
        from service.engines import get_engine

        engine = get_engine("llm", model="openai/fake-model", base_url=args.base_url)
    result = run_batch(
        [args.src],
        engine=engine,
        store=args.store,
        out_dir=args.out,
        concurrency=args.concurrency,
        merge=False,
    )
    return result.exit_code()


def _requests_so_far(args: argparse.Namespace, server: object | None) -> list[str]:
    if server is not None:
        # one key per article: a digest of the prompt's last message, which holds the article
        return [
            hashlib.sha256(r.json["messages"][-1]["content"].encode()).hexdigest()
            for r in server.chat_requests  # type: ignore[attr-defined]
        ]
    if not Path(args.calls).exists():
        return []
    return Path(args.calls).read_text().split()


def _stored(store: Path) -> int:
    if not store.exists():
        return 0
    try:
        with sqlite3.connect(store) as db:
            return int(db.execute("SELECT count(*) FROM digests").fetchone()[0])
    except sqlite3.DatabaseError:  # not created yet by a child killed in start-up
        return 0


def _launch(args: argparse.Namespace, base_url: str | None) -> subprocess.Popen[bytes]:
    cmd = [
        sys.executable,
        __file__,
        "--child",
        "--src",
        str(args.src),
        "--store",
        str(args.store),
        "--out",
        str(args.out),
        "--calls",
        str(args.calls),
        "--engine",
        args.engine,
        "--delay",
        str(args.delay),
        "--concurrency",
        str(args.concurrency),
    ]
    if base_url:
        cmd += ["--base-url", base_url]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def run(args: argparse.Namespace) -> dict[str, object]:
    from tests.batchkit import write_articles

    work = Path(args.work or tempfile.mkdtemp(prefix="killtest-"))
    args.src, args.store, args.out, args.calls = (
        work / "articles",
        work / "store.sqlite",
        work / "out",
        work / "calls.log",
    )
    write_articles(args.src, args.articles)
    rng = random.Random(args.seed)
    server = None
    base_url = None
    if args.engine == "llm":
        from tests.faultmix import answering_server

        server = answering_server(latency=args.delay).start()
        base_url = server.base_url
    kills = finished_early = 0
    t0 = time.monotonic()
    try:
        for _ in range(args.kills):
            before = len(_requests_so_far(args, server))
            remaining = max(1, args.articles - _stored(args.store))
            proc = _launch(args, base_url)
            if rng.random() < 0.2:  # some kills land in start-up or the first requests
                time.sleep(rng.uniform(0.0, 0.6))
            else:  # the rest after a random share of the remaining work, mid-request
                target = before + rng.randint(1, remaining)
                while proc.poll() is None and len(_requests_so_far(args, server)) < target:
                    time.sleep(0.005)
                time.sleep(rng.uniform(0.0, args.delay))
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                kills += 1
            else:
                finished_early += 1
            proc.wait()
        proc = _launch(args, base_url)
        _, err = proc.communicate(timeout=600)
        final_rc = proc.returncode
        calls = _requests_so_far(args, server)
    finally:
        if server is not None:
            server.stop()
    with sqlite3.connect(args.store) as db:
        rows = db.execute(
            "SELECT content_hash, count(*) FROM digests GROUP BY content_hash"
        ).fetchall()
        total_rows = db.execute("SELECT count(*) FROM digests").fetchone()[0]
    outputs = sorted(p for p in args.out.iterdir() if p.suffix == ".json")
    whole = 0
    for p in outputs:
        json.loads(p.read_text())  # a torn file would not parse
        whole += 1
    leftovers = [p.name for p in args.out.iterdir() if p.name.endswith(".ndtmp")]
    per_article = Counter(calls)
    repeated = sum(n - 1 for n in per_article.values() if n > 1)
    report = {
        "articles": args.articles,
        "kills": kills,
        "runs_finished_before_kill": finished_early,
        "final_exit_code": final_rc,
        "digests_in_store": total_rows,
        "distinct_articles_in_store": len(rows),
        "max_digests_per_article": max((n for _, n in rows), default=0),
        "outputs_written": whole,
        "temp_files_left": len(leftovers),
        "requests": len(calls),
        "re_requested": repeated,
        "re_request_bound": kills * args.concurrency,
        "wall_s": round(time.monotonic() - t0, 2),
        "work_dir": str(work),
    }
    report["ok"] = (
        final_rc == 0
        and total_rows == len(rows) == args.articles
        and whole == args.articles
        and repeated <= kills * args.concurrency
    )
    if final_rc != 0:
        report["final_stderr"] = err.decode(errors="replace")[-2000:]
    return report


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--articles", type=int, default=200)
    p.add_argument("--kills", type=int, default=10)
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument(
        "--delay", type=float, default=0.05, help="seconds per article (fake engine / server)"
    )
    p.add_argument("--engine", choices=("fake", "llm"), default="fake")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--work", help="working folder (default: a new temp folder)")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    for hidden in ("--src", "--store", "--out", "--calls", "--base-url"):
        p.add_argument(hidden, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        return _child(args)
    report = run(args)
    if report["ok"] and not args.work:
        shutil.rmtree(str(report["work_dir"]), ignore_errors=True)
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
