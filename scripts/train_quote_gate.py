"""Fit the quote gate (service/extract/quote_gate.py) on an annotated split and print figures.

Usage: python scripts/train_quote_gate.py SPLIT_DIR [--check SPLIT_DIR] [--out PATH]

SPLIT_DIR holds `articles/<id>.json` and `gold/<id>.json` in the PolNeAR layout (see
../shared/polnear/README.md). Every top-level quoted stretch the rules in `quotes.py` set aside is
an example: positive when it overlaps an annotated quotation, negative otherwise. A logistic
model is fitted by full-batch gradient descent with an L2 penalty (no randomness: the same data
give the same weights); the words before the opening mark seen fewer than MIN_PREV times are
dropped. The figures printed are how many set-aside stretches the model lets back, and how many of
those are annotated quotations (`--check` prints the same on another split without fitting it).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

from service.extract import quotes as Q
from service.extract.quote_marks import mark_tokens, pair_marks

MIN_PREV = 4
_WORD_FEATURES = ("prev=", "next=")  # one feature per word: kept when seen MIN_PREV times
L2 = 0.002
# a step small enough for plain gradient descent to converge over the overlapping features (at
# 2.0 it oscillated: the fitted model predicted half the annotated share)
STEPS = 4000
RATE = 0.3
# Let back only what the model is this sure of: a stretch wrongly let back costs precision here and
# a speaker the ranker may not find; one wrongly left out costs only recall.
THRESHOLD = 0.5


def examples(split: Path) -> list[tuple[list[str], bool]]:
    out: list[tuple[list[str], bool]] = []
    for f in sorted((split / "articles").glob("*.json")):
        art = json.loads(f.read_text(encoding="utf-8"))
        text = art["text"]
        gold = json.loads((split / "gold" / f.name).read_text(encoding="utf-8"))["quotes"]
        spans = [(g["start"], g["end"]) for g in gold]
        paras = Q._paragraphs(text)
        raws = pair_marks(text, paras, mark_tokens(text, paras))
        tops = [r for r in raws if r is not None and r.depth == 0 and r.end - r.start > 25]
        long_double = sum(1 for r in tops if r.double)
        double_style = long_double > len(tops) - long_double
        cues = Q._Cues(text)
        hl = Q.headline_end(text, paras, art.get("title"))
        for r in raws:
            if r is None or r.end <= r.start:
                continue
            words = Q.WORD_RE.findall(text, r.start, r.end)
            if not Q.gate_applies(text, r, words, hl, double_style) or Q._is_speech(
                text, r, words, double_style, cues
            ):
                continue
            feats = Q.gate_features(text, r, words, double_style, cues, hl)
            out.append((feats, any(s < r.end and r.start < e for s, e in spans)))
    return out


def fit(data: list[tuple[list[str], bool]]) -> dict[str, float]:
    words = Counter(f for feats, _ in data for f in feats if f.startswith(_WORD_FEATURES))
    keep = sorted(
        {
            f
            for feats, _ in data
            for f in feats
            if not f.startswith(_WORD_FEATURES) or words[f] >= MIN_PREV
        }
    )
    w = dict.fromkeys(keep, 0.0)
    n = len(data)
    for _ in range(STEPS):
        grad = {f: L2 * v for f, v in w.items()}
        for feats, y in data:
            z = sum(w.get(f, 0.0) for f in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - (1.0 if y else 0.0)) / n
            for f in feats:
                if f in grad:
                    grad[f] += g
        for f in w:
            w[f] -= RATE * grad[f]
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-4}


def report(label: str, data: list[tuple[list[str], bool]], w: dict[str, float]) -> None:
    from service.extract.quote_gate import probability

    back = [y for feats, y in data if probability(feats, w) > THRESHOLD]
    pos = sum(1 for _, y in data if y)
    expected = sum(probability(feats, w) for feats, _ in data)
    print(
        f"{label}: {len(data)} set aside ({pos} annotated, {expected:.0f} expected by the model); "
        f"let back {len(back)}, of which annotated {sum(back)} "
        f"({100 * sum(back) / max(1, len(back)):.1f}%)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--check", type=Path)
    ap.add_argument("--out", type=Path, default=Path("service/extract/data/quote_gate.json"))
    args = ap.parse_args(argv)
    if not (args.split / "gold").is_dir():
        print(
            f"error: {args.split}: not a PolNeAR split (needs articles/ and gold/)", file=sys.stderr
        )
        return 2
    data = examples(args.split)
    w = fit(data)
    report(f"fit {args.split}", data, w)
    if args.check:
        report(f"check {args.check}", examples(args.check), w)
    payload = {
        "source": str(args.split.name),
        "min_prev": MIN_PREV,
        "l2": L2,
        "threshold": THRESHOLD,
        "weights": w,
    }
    args.out.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(w)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
