"""Start-up benchmark: `python -c pass`, `summarise --help` and a one-article run (with and without
the story merge), each as a fresh process, repeated; prints min and median wall and CPU seconds
(the machine may be shared and noisy, so compare minima) and the difference between `--help` and
a bare interpreter.

usage: python scripts/bench_startup.py ARTICLE_FILE [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


CPU: dict[str, list[float]] = {}  # command name -> the child's CPU seconds (user + system) per run


def _children_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def timed(cmd: list[str], runs: int, name: str = "") -> list[float]:
    # as installed: byte code cached (PYTHONDONTWRITEBYTECODE would recompile every module every
    # run); one untimed warm-up run writes the cache
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    out: list[float] = []
    for _ in range(runs):
        c = _children_cpu()
        t = time.perf_counter()
        subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        out.append(time.perf_counter() - t)
        CPU.setdefault(name, []).append(_children_cpu() - c)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", type=Path, help="one article file for the one-article run")
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    py = sys.executable
    cli = [py, "-m", "service"]
    rows = {
        "python -c pass": timed([py, "-c", "pass"], args.runs, "python -c pass"),
        "summarise --help": timed([*cli, "--help"], args.runs, "summarise --help"),
        "summarise ARTICLE": timed(
            [*cli, str(args.article.resolve()), "-f", "json", "-q", "--no-store"],
            args.runs,
            "summarise ARTICLE",
        ),
        # the same without the (one-article) story merge: what the engine path alone costs
        "  ... --no-merge": timed(
            [*cli, str(args.article.resolve()), "-f", "json", "-q", "--no-store", "--no-merge"],
            args.runs,
            "  ... --no-merge",
        ),
    }
    print("seconds per fresh process (shared, noisy machine: compare minima; CPU is steadier)")
    for name, values in rows.items():
        cpu = CPU[name]
        print(
            f"  {name:<20} wall min {min(values):.3f}  median {statistics.median(values):.3f}"
            f"   CPU min {min(cpu):.3f}  median {statistics.median(cpu):.3f}"
        )
    bare, helped = rows["python -c pass"], rows["summarise --help"]
    print(
        f"--help over a bare interpreter: min {min(helped) - min(bare):+.3f} s, "
        f"median {statistics.median(helped) - statistics.median(bare):+.3f} s (target <= 0.080)"
    )
    print(f"one-article run: min {min(rows['summarise ARTICLE']):.3f} s (target < 0.250)")
    print(f"  without the story merge: min {min(rows['  ... --no-merge']):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
