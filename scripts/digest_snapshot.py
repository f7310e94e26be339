"""Digest every article of one or more corpora with the rules engine and write the digests as
JSON Lines (sorted by article id), to compare two versions of the engine byte for byte.

    python scripts/digest_snapshot.py OUT.jsonl ../shared/dev-corpus ../shared/polnear/dev
    python scripts/digest_snapshot.py --compare A.jsonl B.jsonl

Run it once on the old tree and once on the new (PYTHONPATH chooses the tree); `--compare` prints
the ids whose digests differ and exits 1 if any do.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def snapshot(out: Path, roots: list[Path]) -> int:
    from service.engines import get_engine
    from service.ingest.files import load_articles

    engine = get_engine("rules")
    lines: list[tuple[str, str]] = []
    for root in roots:
        folder = root / "articles" if (root / "articles").is_dir() else root
        for f in sorted(folder.glob("*.json")):
            for a in load_articles(f):
                d = engine.digest(a)
                key = f"{root.name}/{a.id}"
                lines.append((key, json.dumps(d.model_dump(mode="json"), ensure_ascii=False)))
    lines.sort()
    out.write_text("".join(f"{k}\t{v}\n" for k, v in lines), encoding="utf-8")
    print(f"{len(lines)} digests written to {out}")
    return 0


def compare(a: Path, b: Path) -> int:
    def read(p: Path) -> dict[str, str]:
        return dict(line.split("\t", 1) for line in p.read_text("utf-8").splitlines())

    left, right = read(a), read(b)
    differ = sorted(k for k in left.keys() | right.keys() if left.get(k) != right.get(k))
    for k in differ:
        print(f"differs: {k}")
    print(f"{len(left)} vs {len(right)} digests, {len(differ)} differ")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", action="store_true", help="compare two snapshot files")
    ap.add_argument("out", type=Path)
    ap.add_argument("paths", nargs="+", type=Path)
    args = ap.parse_args(argv)
    if args.compare:
        if len(args.paths) != 1:
            ap.error("--compare takes two snapshot files")
        return compare(args.out, args.paths[0])
    return snapshot(args.out, args.paths)


if __name__ == "__main__":
    sys.exit(main())
