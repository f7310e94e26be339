"""Benchmark story detection and the merge of many digests.

    python scripts/bench_stories.py ../shared/dev-corpus                 # 10,000 and 100,000
    python scripts/bench_stories.py ../shared/dev-corpus --sizes 1000 10000 --merge 10000

Synthetic digests come from scripts/make_digests.py (each synthetic story rewrites one dev story
with its own vocabulary and a date shift; some articles are syndicated copies). Each size runs in
a fresh subprocess, --repeat times (default 3), the sizes alternating round by round (a load that
drifts over minutes then meets every size), and prints the min and median of the runs (wall and
CPU time: on a shared machine CPU time is the steadier): the time to group N articles into stories
(one core), pairwise story grouping P/R/F1 against the synthetic stories, and for the --merge sizes
the time of merge_stories (grouping plus merging every story, up to a gc.collect() after it). The
growth is printed min against min and per round. Targets: grouping 10x the articles costs at most
12x the time; 10,000 digests merged in under 15 s.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))


def _pairs_by_label(labels: list[list[str]]) -> int:
    return sum(n * (n - 1) // 2 for g in labels for n in Counter(g).values())


def _one(corpus: Path, n: int, engine: str, do_merge: bool) -> dict[str, float]:
    from make_digests import base_digests, make

    from service.evaluation.pairs import PairPRF
    from service.merge import merge_stories
    from service.merge.stories import group_stories

    base, groups = base_digests(corpus, engine)
    digests = make(base, groups, n)
    del base
    t0, c0 = time.perf_counter(), time.process_time()
    stories = group_stories(digests)
    t_group, c_group = time.perf_counter() - t0, time.process_time() - c0
    # synthetic gold: the story prefix of the article id ("s000123-...")
    label = [[d.article.id.split("-", 1)[0] for d in s] for s in stories]
    tp = _pairs_by_label(label)
    pred = sum(len(s) * (len(s) - 1) // 2 for s in stories)
    gold = _pairs_by_label([[d.article.id.split("-", 1)[0] for d in digests]])
    prf = PairPRF(tp=tp, fp=pred - tp, fn=gold - tp)
    out: dict[str, float] = {
        "n": n,
        "group_s": t_group,
        "group_cpu_s": c_group,
        "stories": len(stories),
        "precision": prf.precision,
        "recall": prf.recall,
        "f1": prf.f1,
    }
    if do_merge:
        gc.collect()
        t1, c1 = time.perf_counter(), time.process_time()
        merged = merge_stories(digests)
        gc.collect()  # the collection a merge leaves to its caller counts too
        out["merge_s"] = time.perf_counter() - t1
        out["merge_cpu_s"] = time.process_time() - c1
        out["merged_stories"] = len(merged)
    out["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--merge", type=int, nargs="*", default=[10000], help="sizes to merge too")
    ap.add_argument("--engine", default="rules", help="engine for the base digests, or 'gold'")
    ap.add_argument("--repeat", type=int, default=3, help="runs per size (min and median shown)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--do-merge", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(_one(args.corpus, args.one, args.engine, args.do_merge)))
        return 0
    results = []
    # the sizes alternate within each round (10,000, 100,000, 10,000, 100,000, ...): on a shared
    # machine the load drifts over minutes, and a drift between the sizes' runs is read as growth
    by_size: dict[int, list[dict[str, float]]] = {n: [] for n in args.sizes}
    for _ in range(max(1, args.repeat)):
        for n in args.sizes:
            cmd = [sys.executable, __file__, str(args.corpus), "--engine", args.engine]
            cmd += ["--one", str(n)] + (["--do-merge"] if n in args.merge else [])
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            by_size[n].append(json.loads(out.strip().splitlines()[-1]))
    for n in args.sizes:
        runs = by_size[n]
        # min: the least disturbed run on a shared machine; median: the spread
        timed = ("group_s", "group_cpu_s", "merge_s", "merge_cpu_s")
        med = {k: statistics.median(x[k] for x in runs) for k in timed if k in runs[0]}
        r = dict(runs[0], **{k: min(x[k] for x in runs) for k in med})
        results.append(r)
        line = (
            f"n={r['n']:>7} ({len(runs)} runs, min/median)  grouped in {r['group_s']:6.2f}/"
            f"{med['group_s']:.2f} s (CPU {r['group_cpu_s']:.2f}/{med['group_cpu_s']:.2f} s) into "
            f"{r['stories']} stories "
            f"(pairwise P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f})"
        )
        if "merge_s" in r:
            line += (
                f"; merge_stories {r['merge_s']:6.2f}/{med['merge_s']:.2f} s (CPU "
                f"{r['merge_cpu_s']:.2f}/{med['merge_cpu_s']:.2f} s; target < 15 s at 10,000)"
            )
        print(line + f"; peak RSS {r['peak_rss_mib']:.0f} MiB")
    for a, b in zip(results, results[1:], strict=False):
        # the ratio within each round too: its two runs met the same load
        rounds = sorted(
            y["group_cpu_s"] / x["group_cpu_s"]
            for x, y in zip(by_size[a["n"]], by_size[b["n"]], strict=True)
        )
        print(
            f"{b['n'] / a['n']:.0f}x articles ({a['n']} -> {b['n']}): "
            f"{b['group_s'] / a['group_s']:.1f}x grouping time, "
            f"{b['group_cpu_s'] / a['group_cpu_s']:.1f}x CPU time (min against min; per round "
            f"{', '.join(f'{r:.1f}x' for r in rounds)}) (target <= 12x)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
