"""Merge N synthetic digests (scripts/make_digests.py) and write the stories as JSON Lines, to
compare two versions of the merger byte for byte.

    python scripts/merge_snapshot.py OUT_DIR ../shared/dev-corpus --n 10000
    python scripts/merge_snapshot.py --compare A_DIR B_DIR

OUT_DIR gets `stories.jsonl` (merge_stories, one story a line) and `one.json` (merge() of every
digest as one story). Run the script of each tree (it imports the tree it lives in; copy it
into an old checkout that lacks it): the synthetic digests are the same for the same corpus,
engine, N and seed. `--compare` says where each file first differs and exits 1 if any does.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
FILES = ("stories.jsonl", "one.json")


def snapshot(out: Path, corpus: Path, n: int, engine: str, seed: int) -> int:
    from make_digests import base_digests, make

    from service.merge import merge, merge_stories

    base, groups = base_digests(corpus, engine)
    digests = make(base, groups, n, seed)
    out.mkdir(parents=True, exist_ok=True)
    c0 = time.process_time()
    stories = merge_stories(digests)
    c1 = time.process_time()
    with (out / "stories.jsonl").open("w", encoding="utf-8") as fh:
        for s in stories:
            fh.write(s.model_dump_json() + "\n")
    c2 = time.process_time()
    (out / "one.json").write_text(merge(digests).model_dump_json(), encoding="utf-8")
    c3 = time.process_time()
    print(
        f"{len(digests)} digests: {len(stories)} stories ({c1 - c0:.1f} s CPU), one story "
        f"({c3 - c2:.1f} s CPU) -> {out}"
    )
    return 0


def compare(a: Path, b: Path) -> int:
    differ = 0
    for name in FILES:
        la = (a / name).read_text(encoding="utf-8").splitlines()
        lb = (b / name).read_text(encoding="utf-8").splitlines()
        if la == lb:
            print(f"{name}: identical ({len(la)} lines)")
            continue
        differ += 1
        first = next((i for i, (x, y) in enumerate(zip(la, lb, strict=False)) if x != y), None)
        where = f"line {first + 1}" if first is not None else "length"
        print(f"{name}: DIFFERENT ({len(la)} against {len(lb)} lines; first at {where})")
    return 1 if differ else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--engine", default="rules")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("A", "B"))
    args = ap.parse_args()
    if args.compare:
        return compare(*args.compare)
    if args.out is None or args.corpus is None:
        ap.error("give OUT_DIR and CORPUS, or --compare A B")
    return snapshot(args.out, args.corpus, args.n, args.engine, args.seed)


if __name__ == "__main__":
    sys.exit(main())
