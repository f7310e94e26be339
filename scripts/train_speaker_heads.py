"""List the nouns that head unnamed English speakers ('a friend', 'the campaign', 'the crowd').

Usage: python scripts/train_speaker_heads.py SPLIT_DIR [--out PATH] [--min-count N] [--min-articles N]

SPLIT_DIR holds `gold/<id>.json` in the PolNeAR layout (see ../shared/polnear/README.md). Every
gold Source of kind 'nominal' gives its head: the last word before a comma, a relative clause or
a preposition ('his childhood friend' -> 'friend', 'the editorial board of the Journal' ->
'board'). A head written in lower case, that is no determiner, pronoun, speech verb or time word
and no noun the engine already knows (roles, bodies, documents), and that heads Sources at least
`--min-count` times in at least `--min-articles` articles, is listed: the cue rules then read
'"...," a friend said' as an unnamed friend speaking, as they read 'a spokesman said'. The output
is sorted, so the same split gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from service.extract.cues import CUE_FINITE, CUE_INVERTED, CUE_PARTICIPLE
from service.extract.names import DETERMINERS, PRONOUNS
from service.extract.noun_phrases import AUX, KNOWN_HEADS, RELATIVE, SPEAKER_HEADS, TIME_WORDS

# where a Source's head noun ends: a comma, a relative clause or a preposition after it
_CUT = re.compile(r",| (?:who|that|which|of|from|in|on|at|for|with|to|by|about) ")
_WORD = re.compile(r"[A-Za-z][a-z-]*")
_NOT_HEADS = (
    DETERMINERS | PRONOUNS | RELATIVE | AUX | TIME_WORDS | CUE_FINITE | CUE_INVERTED
) | CUE_PARTICIPLE


def heads(split: Path) -> tuple[Counter[str], dict[str, set[str]]]:
    """Each lower-case head's count over the split's nominal Sources, and its articles."""
    count: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    for gp in sorted((split / "gold").glob("*.json")):
        for q in json.loads(gp.read_text(encoding="utf-8"))["quotes"]:
            if q["source_kind"] != "nominal" or not q["source_text"]:
                continue
            words = _WORD.findall(_CUT.split(" ".join(q["source_text"].split()))[0])
            if not words or not words[-1].islower():
                continue  # a name ('Epstein') or nothing: not a noun for a role
            h = words[-1]
            if len(h) < 3 or h in _NOT_HEADS or h in KNOWN_HEADS:
                continue
            count[h] += 1
            where.setdefault(h, set()).add(gp.stem)
    return count, where


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--out", type=Path, default=SPEAKER_HEADS)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--min-articles", type=int, default=2)
    args = ap.parse_args(argv)
    if not (args.split / "gold").is_dir():
        print(f"error: {args.split}: no gold/ folder (the PolNeAR split layout)", file=sys.stderr)
        return 2
    count, where = heads(args.split)
    kept = {
        h: n
        for h, n in sorted(count.items())
        if n >= args.min_count and len(where[h]) >= args.min_articles
    }
    meta = {"trained_on": args.split.name, "min_count": args.min_count}
    payload = {
        "model": "head nouns of unnamed speakers (count of gold nominal Sources)",
        **meta,
        "min_articles": args.min_articles,
        "weights": kept,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} heads to {args.out}: {' '.join(kept)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
