"""Count the rules engine's instructions per article with callgrind: a figure the machine's load
does not move, for comparing two versions of the engine.

usage: python scripts/callgrind_rules.py CORPUS [--n 40] [--warm 5] [--tree DIR] [--keep DIR]

e.g.   python scripts/callgrind_rules.py ../shared/polnear/train

Runs valgrind's callgrind twice on a child Python: both runs import the engine and digest the
first --warm articles of the corpus (sorted by file name; lazy imports, regex compiles and
per-word memos are paid there), then one digests the next --n articles with the cyclic collector
off and the other stops. The difference of the two totals, divided by --n, is the engine's count
per article; start-up and warm-up cancel out. PYTHONHASHSEED is fixed (set and dict orders, and so
the instructions, otherwise move by ~0.2% between runs). --tree picks the tree to measure (another
checkout, put first on the path); --keep keeps the two callgrind files for callgrind_annotate.
Needs valgrind on the PATH; each run takes about 10 s per 40 articles.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

_CHILD = """
import gc, os, sys
from pathlib import Path
sys.path.insert(0, os.environ["CG_TREE"])
from service.engines import get_engine
from service.ingest.files import load_articles
folder = Path(os.environ["CG_CORPUS"])
folder = folder / "articles" if (folder / "articles").is_dir() else folder
warm, n = int(os.environ["CG_WARM"]), int(os.environ["CG_N"])
articles = []
for f in sorted(folder.glob("*.json")):
    articles.extend(load_articles(f))
    if len(articles) >= warm + n:
        break
engine = get_engine("rules")
for a in articles[:warm]:
    engine.digest(a)
gc.disable()
if os.environ["CG_PASS"] == "1":
    for a in articles[warm : warm + n]:
        engine.digest(a)
"""


def _total(path: Path) -> int:
    for line in path.read_text("utf-8", "replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise ValueError(f"no total in {path}")


def measure(corpus: Path, tree: Path, n: int, warm: int, keep: Path | None) -> tuple[int, int]:
    """(instructions with the measured pass, without it)."""
    out = keep or Path(tempfile.mkdtemp(prefix="callgrind-rules-"))
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONHASHSEED="0", CG_TREE=str(tree), CG_CORPUS=str(corpus))
    env.update(CG_WARM=str(warm), CG_N=str(n), PYTHONPATH=str(tree))
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # recompiling changed modules is start-up, not engine
    # a first run without valgrind writes the .pyc files of every module the pass imports (some
    # are imported lazily, on the first text that needs them): a module compiled inside the
    # measured pass would count as the engine's work
    subprocess.run([sys.executable, "-c", _CHILD], env=dict(env, CG_PASS="1"), check=True)
    totals = []
    try:
        for mode in ("1", "0"):
            dest = out / f"callgrind.{'pass' if mode == '1' else 'skip'}.out"
            subprocess.run(
                ["valgrind", "--tool=callgrind", f"--callgrind-out-file={dest}", sys.executable]
                + ["-c", _CHILD],
                env=dict(env, CG_PASS=mode),
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            totals.append(_total(dest))
    finally:
        if keep is None:
            shutil.rmtree(out, ignore_errors=True)
    return totals[0], totals[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="a corpus folder (articles/*.json)")
    ap.add_argument("--n", type=int, default=40, help="articles measured")
    ap.add_argument("--warm", type=int, default=5, help="articles digested before them")
    ap.add_argument("--tree", type=Path, default=Path(__file__).resolve().parent.parent)
    ap.add_argument("--keep", type=Path, default=None, help="keep the callgrind files here")
    args = ap.parse_args(argv)
    if args.n < 1 or args.warm < 1:
        ap.error("--n and --warm must be >= 1")
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    full, skip = measure(args.corpus.resolve(), args.tree.resolve(), args.n, args.warm, args.keep)
    per = (full - skip) / args.n
    print(f"tree {args.tree.resolve()}")
    print(f"{args.n} articles after {args.warm} warm-up, collector off, PYTHONHASHSEED=0")
    print(f"instructions: with pass {full:,}, without {skip:,}")
    print(f"per article : {per / 1e6:.2f}M")
    return 0


if __name__ == "__main__":
    sys.exit(main())
