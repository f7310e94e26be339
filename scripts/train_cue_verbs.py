"""List the verbs that introduce English quotations beyond the hand lists ('riffed', 'blasted').

Usage: python scripts/train_cue_verbs.py SPLIT_DIR [--out PATH] [--min-count N] [--min-articles N]
    [--min-share X]

SPLIT_DIR holds `articles/<id>.json` and `gold/<id>.json` in the PolNeAR layout (see
../shared/polnear/README.md). Every gold quotation with a Source gives its cue's first content
word (auxiliaries, adverbs, determiners and pronouns passed over: 'has in the past described' ->
'in' is no verb and the share below drops it, 'quickly compared' -> 'compared'). A word that
opens cues at least `--min-count` times in at least `--min-articles` articles, and whose cue
count is at least `--min-share` of its occurrences outside quotation marks in the split's texts
(most uses of 'blasted' introduce words, few of 'released' do), is listed, unless the engine's
own speech-verb lists hold it already. The speaker ranker (service/extract/speaker_ranker.py)
reads a listed word after a candidate as its own feature, whose weight its fit decides. The
output is sorted, so the same split gives the same file byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from service.extract.cue_lexicon import LEARNED_CUES
from service.extract.cues import CUE_FINITE, CUE_INVERTED, CUE_PARTICIPLE
from service.extract.names import DETERMINERS, PRONOUNS
from service.extract.noun_phrases import AUX, TIME_WORDS

_WORD = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_PASS = AUX | TIME_WORDS | DETERMINERS | PRONOUNS | {"s", "t", "it", "that", "also", "then"}
_KNOWN = (
    CUE_FINITE
    | CUE_INVERTED
    | CUE_PARTICIPLE
    | {"according", "read", "reads", "say", "quoted", "posted"}
)


def cue_word(cue: str) -> str | None:
    """The cue's first content word, lower-cased; None where a name comes first ('CNN reported'
    is no cue word of its own)."""
    for n, w in enumerate(_WORD.findall(cue)):
        lw = w.lower()
        if lw in _PASS or lw.endswith("ly"):
            continue
        return None if n and w[0].isupper() else lw
    return None


def counts(split: Path) -> tuple[Counter[str], dict[str, set[str]], Counter[str]]:
    """Each cue word's count over the split's sourced quotations, its articles, and every
    word's count outside the gold quotations."""
    cue: Counter[str] = Counter()
    where: dict[str, set[str]] = {}
    seen: Counter[str] = Counter()
    for gp in sorted((split / "gold").glob("*.json")):
        quotes = json.loads(gp.read_text(encoding="utf-8"))["quotes"]
        art = json.loads((split / "articles" / gp.name).read_text(encoding="utf-8"))
        for q in quotes:
            if q["cue"] and q["source_start"] is not None and (w := cue_word(q["cue"])):
                cue[w] += 1
                where.setdefault(w, set()).add(gp.stem)
        spans = sorted((q["start"], q["end"]) for q in quotes)
        text, at = art["text"], 0
        for a, b in [*spans, (len(art["text"]), len(art["text"]))]:
            seen.update(m.group().lower() for m in _WORD.finditer(text, at, max(a, at)))
            at = max(at, b)
    return cue, where, seen


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--out", type=Path, default=LEARNED_CUES)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--min-articles", type=int, default=2)
    ap.add_argument("--min-share", type=float, default=0.1)
    args = ap.parse_args(argv)
    if not (args.split / "gold").is_dir():
        print(f"error: {args.split}: no gold/ folder (the PolNeAR split layout)", file=sys.stderr)
        return 2
    cue, where, seen = counts(args.split)
    kept = {
        w: n
        for w, n in sorted(cue.items())
        if w not in _KNOWN
        and n >= args.min_count
        and len(where[w]) >= args.min_articles
        and n >= args.min_share * seen[w]
    }
    payload = {
        "model": "words opening gold cues (count of sourced quotations)",
        "trained_on": args.split.name,
        "min_count": args.min_count,
        "min_articles": args.min_articles,
        "min_share": args.min_share,
        "weights": kept,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(kept)} cue words to {args.out}: {' '.join(kept)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
