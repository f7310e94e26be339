"""Run the offline engine over a PolNeAR split and print the scorer's figures.

usage: python scripts/eval_polnear.py ../shared/polnear/dev [--out DIR] [--errors N] [--json]

SPLIT_DIR holds articles/ and gold/; the scorer is SPLIT_DIR/../score.py (the one shipped with the
data, see ../shared/polnear/README.md) unless --scorer names another. Digests go to --out (default:
a temporary folder, removed afterwards). Exit status: the scorer's, or 2 when the split or the
scorer is missing.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from service.engines import get_engine
from service.ingest.files import load_articles


def digest_split(split: Path, out: Path) -> int:
    engine = get_engine("rules")
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for f in sorted((split / "articles").glob("*.json")):
        for article in load_articles(f):
            d = engine.digest(article)
            (out / f"{article.id}.json").write_text(d.model_dump_json(), encoding="utf-8")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a PolNeAR split folder (articles/ and gold/)")
    ap.add_argument("--scorer", type=Path, help="score.py (default: SPLIT/../score.py)")
    ap.add_argument("--out", type=Path, help="keep the digests in this folder")
    ap.add_argument("--errors", type=int, default=0, help="print N speaker errors")
    ap.add_argument("--json", action="store_true", help="the scorer's JSON summary")
    args = ap.parse_args(argv)
    scorer = args.scorer or args.split.resolve().parent / "score.py"
    if not (args.split / "articles").is_dir() or not (args.split / "gold").is_dir():
        print(
            f"error: {args.split}: not a PolNeAR split (needs articles/ and gold/)", file=sys.stderr
        )
        return 2
    if not scorer.is_file():
        print(f"error: {scorer}: scorer not found (pass --scorer)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="polnear-") as tmp:
        out = args.out or Path(tmp)
        n = digest_split(args.split, out)
        print(f"engine: rules, {n} articles digested from {args.split}", file=sys.stderr)
        cmd = [sys.executable, str(scorer), str(out), str(args.split)]
        cmd += ["--errors", str(args.errors)] if args.errors else []
        cmd += ["--json"] if args.json else []
        return subprocess.run(cmd, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
