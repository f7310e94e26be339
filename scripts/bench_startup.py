"""Start-up benchmark: `python -c pass`, `summarise --help` and a one-article run (with and without
the story merge), each as a fresh process, repeated; prints min and median wall and CPU seconds
(the machine may be shared and noisy, so compare minima) and the difference between `--help` and
a bare interpreter. With --breakdown, also where a one-article run's CPU time goes, phase by phase
(min and median over the runs, each a fresh process doing what `summarise ARTICLE -f json` does).

usage: python scripts/bench_startup.py ARTICLE_FILE [--runs 7] [--breakdown]
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


# The phases of a one-article run, in the order the command goes through them; each line is timed
# (CPU) in a fresh process, so every phase pays for the imports it is the first to need.
PHASES = (
    (
        "the command's module",  # and its first step (older trees have none)
        "import service.cli.main as cli\ngetattr(cli, 'skip_pydantic_plugins', lambda: None)()",
    ),
    (
        "options (+ executors)",  # and the regex and code caches' start (older trees lack them)
        "args = cli.build_run_parser().parse_args([PATH, '-f', 'json'])\n"
        "getattr(cli, 'cache_regexes', lambda: None)()\n"
        "getattr(cli, 'cache_code', lambda: None)()",
    ),
    ("pydantic, digest models", "import service.api as api"),
    ("engine: extractors", "engine = api.resolve_engine('auto')"),
    (
        "read the article",
        "from service.ingest import files\narticle = files.load_articles(Path(PATH))[0]",
    ),
    ("digest", "digest = engine.digest(article)"),
    ("story models", "import schemas.story"),
    ("merger's modules", "from service.merge import merge_stories\nimport service.merge.output"),
    ("merge (story of one)", "stories = merge_stories([digest])"),
    (
        "JSON out",
        "from service.cli.json_stream import JsonDocument\n"
        "doc = JsonDocument(io.StringIO())\ndoc.add(digest)\ndoc.close(stories)",
    ),
)
_TIMER = """
import io, sys, time
from pathlib import Path
PATH = sys.argv[1]
spent = []
for code in PHASES:
    t = time.process_time()
    exec(code)
    spent.append(time.process_time() - t)
print(" ".join(f"{x:.6f}" for x in spent))
"""


def breakdown(article: Path, runs: int) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = f"PHASES = {[c for _, c in PHASES]!r}\n{_TIMER}"
    cmd = [sys.executable, "-c", code, str(article.resolve())]
    rows = []
    for _ in range(runs):
        out = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True, cwd=ROOT)
        rows.append([float(x) for x in out.stdout.split()])
    print("one-article run, CPU ms per phase (min, median):")
    for (name, _), col in zip(PHASES, zip(*rows, strict=True), strict=True):
        print(f"  {name:<24} {min(col) * 1000:6.1f} {statistics.median(col) * 1000:6.1f}")
    total = [sum(r) for r in rows]
    print(
        f"  {'total (after start-up)':<24} {min(total) * 1000:6.1f} {statistics.median(total) * 1000:6.1f}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", type=Path, help="one article file for the one-article run")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--breakdown", action="store_true", help="also time the phases of the run")
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
    if args.breakdown:
        breakdown(args.article, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
