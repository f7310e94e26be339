"""Derive the first-name gender list (service/extract/data/name_gender.json) from an annotated split.

Usage: python scripts/build_name_gender.py SPLIT_DIR [--out PATH]

In the PolNeAR layout (see ../shared/polnear/README.md) a quotation whose Source is the pronoun
"he" or "she" carries the name that automatic coreference linked it to. Counting, per first name,
how often it is "he" and how often "she" gives a gender list learnt from the news itself: a first
name is kept when it was seen at least MIN_SEEN times and at least SHARE of them agree. The
coreference names are noisy (about one in five is wrong), which the two thresholds absorb.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN_SEEN = 2
SHARE = 0.9
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "president", "former", "the", "gen",
    "secretary", "senator", "sir", "lady", "lord", "vice", "first", "presidential", "candidate",
}  # fmt: skip
# optional titles, then First [M.] Last: every word capitalised, nothing possessive
_PERSON_RE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.? )?[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)+$"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*\.?")


def first_name(name: str) -> str | None:
    """The first capitalised word that is not a title, lower-cased (None for initials)."""
    for w in _WORD_RE.findall(name):
        bare = w.rstrip(".").lower()
        if bare in _TITLES or not w[0].isupper():
            continue
        return bare if len(bare) > 1 and not w.endswith(".") else None
    return None


def count(split: Path) -> dict[str, Counter[str]]:
    seen: dict[str, Counter[str]] = {}
    for f in sorted((split / "gold").glob("*.json")):
        for q in json.loads(f.read_text(encoding="utf-8"))["quotes"]:
            pron = (q.get("source_text") or "").strip().lower()
            name = q.get("source_name")
            if q.get("source_kind") != "pronoun" or pron not in ("he", "she") or not name:
                continue
            if not _PERSON_RE.match(name.strip()):
                continue  # a surname alone, or not a person's name ("Obama administration")
            first = first_name(name)
            if first:
                seen.setdefault(first, Counter())["m" if pron == "he" else "f"] += 1
    return seen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--out", type=Path, default=Path("service/extract/data/name_gender.json"))
    args = ap.parse_args(argv)
    if not (args.split / "gold").is_dir():
        print(f"error: {args.split}: not a PolNeAR split (needs gold/)", file=sys.stderr)
        return 2
    genders: dict[str, str] = {}
    for first, c in sorted(count(args.split).items()):
        g, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= MIN_SEEN and n / total >= SHARE:
            genders[first] = g
    payload = {"source": args.split.name, "min_seen": MIN_SEEN, "share": SHARE, "names": genders}
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    m = sum(1 for g in genders.values() if g == "m")
    print(f"wrote {args.out}: {len(genders)} first names ({m} he, {len(genders) - m} she)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
