"""End-to-end CLI benchmark: `summarise FOLDER --no-store -f json` over N distinct articles
(story merge included unless --no-merge), as a fresh process, repeated; prints min and median wall
seconds and articles per second, CPU seconds and peak memory of the run.

usage: python scripts/bench_cli.py CORPUS [CORPUS ...] [--n 1000] [--runs 3] [--workers 1 2]
       [--tree OTHER_CHECKOUT]   # also time another checkout (e.g. the code before a change)

The articles are written to a temporary folder (see scripts/benchcorpus.py). With --tree, runs of
the two trees alternate, so both see the same background load: the machine may be shared and
noisy, so compare minima and medians of alternating runs, never single runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (HERE, ROOT):
    if str(p) not in sys.path:
        sys.path.insert(0, str(p))

from benchcorpus import distinct_articles, write_folder  # noqa: E402


def run_once(tree: Path, folder: Path, extra: list[str]) -> tuple[float, float, float]:
    """(wall s, CPU s of the run and its workers, peak RSS MiB of the largest process)."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cmd = [sys.executable, "-m", "service", str(folder), "--no-store", "-f", "json", "-q", *extra]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=tree, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, nargs="+")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--workers", type=int, nargs="*", default=[], help="--workers values to time")
    ap.add_argument("--no-merge", action="store_true")
    ap.add_argument("--tree", type=Path, help="another checkout to time the same way (no options)")
    args = ap.parse_args(argv)
    articles = distinct_articles(args.corpus, args.n)
    base = ["--no-merge"] if args.no_merge else []
    configs: list[tuple[str, Path, list[str]]] = []
    if args.tree is not None:
        configs.append((f"{args.tree} (defaults)", args.tree.resolve(), base))
    configs.append(("this tree (defaults)", ROOT, base))
    configs += [
        (f"this tree --workers {w}", ROOT, [*base, "--workers", str(w)]) for w in args.workers
    ]
    results: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _, _ in configs}
    with tempfile.TemporaryDirectory(prefix="bench-cli-") as tmp:
        folder = write_folder(articles, Path(tmp) / "articles")
        for _name, tree, extra in configs:
            run_once(tree, folder, [*extra, "--no-merge"])  # warm-up: byte code, page cache
        for _ in range(args.runs):
            for name, tree, extra in configs:
                results[name].append(run_once(tree, folder, extra))
    n = len(articles)
    merge = "without" if args.no_merge else "with"
    print(f"{n} distinct articles, --no-store, {merge} the story merge, {os.cpu_count()} CPUs")
    print("(the machine may be shared and noisy: runs alternate; compare minima and medians)")
    for name, rows in results.items():
        walls = [r[0] for r in rows]
        print(
            f"  {name:<34} wall min {min(walls):7.2f} s  median {statistics.median(walls):7.2f} s"
            f"  = {n / min(walls):6.1f} / {n / statistics.median(walls):6.1f} articles/s"
            f"  CPU {statistics.median(r[1] for r in rows):6.1f} s"
        )
    if args.tree is not None:
        first, this = list(results.values())[:2]
        speedup = min(r[0] for r in first) / min(r[0] for r in this)
        med = statistics.median(r[0] for r in first) / statistics.median(r[0] for r in this)
        print(f"speed-up of this tree: {speedup:.2f}x (minima), {med:.2f}x (medians)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
