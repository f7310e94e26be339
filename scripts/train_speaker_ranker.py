"""Fit the speaker ranker (service/extract/speaker_ranker.py) on an annotated split and print figures.

Usage: python scripts/train_speaker_ranker.py SPLIT_DIR [--check SPLIT_DIR] [--out PATH] [--epochs N]

SPLIT_DIR holds `articles/<id>.json` and `gold/<id>.json` in the PolNeAR layout (see
../shared/polnear/README.md). The engine's own quote spans are matched to the gold quotes; for
each matched quotation the candidates whose mention overlaps the annotated Source (or, failing
that, whose name shares the Source name's surname) are the right answers. A conditional logit
(softmax over one quotation's candidates) is fitted by SGD in a seeded order: the same data
give the same weights. `--check` prints the same figures on another split without fitting it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from service.extract import actors as actors_mod
from service.extract import quotes as quotes_mod
from service.extract import speaker_ranker, speakers
from service.extract.speaker_ranker import Candidate

_TITLES = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "the", "gen", "jr", "sr"}


def _key(name: str | None) -> str | None:
    words = [
        re.sub(r"['’]s?$", "", w).rstrip(".").lower()
        for w in re.findall(r"\w[\w.'’-]*", name or "")
        if w[0].isupper()
    ]
    words = [w for w in words if w and w not in _TITLES]
    return words[-1] if words else None


def _names(speaker: str | None, gkey: str) -> bool:
    """The speaker's name holds the gold name's key word (the scorer's test, near enough)."""
    words = [
        re.sub(r"['’]s?$", "", w).rstrip(".").lower()
        for w in re.findall(r"\w[\w.'’-]*", speaker or "")
    ]
    return gkey in words


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return inter / max(1, min(a[1] - a[0], b[1] - b[0]))


# candidates, right ones, gold name key, the rules' speaker and rule, the gold source kind
Example = tuple[list[Candidate], list[int], str | None, str | None, str, str]


def examples(split: Path) -> list[Example]:
    """(candidates, positive indices, gold name key, rules' speaker, gold source kind) per
    matched quotation."""
    out: list[Example] = []
    for gp in sorted((split / "gold").glob("*.json")):
        gold = json.loads(gp.read_text(encoding="utf-8"))
        art = json.loads((split / "articles" / gp.name).read_text(encoding="utf-8"))
        text = art["text"]
        spans = quotes_mod.find_quotes(text, art.get("title"))
        acts = actors_mod.extract_actors(text, spans, title=art.get("title"))
        collect: list[list[Candidate] | None] = []
        attrs = speakers.attribute(
            text, spans, acts, ranker=False, collect=collect, title=art.get("title")
        )
        used: set[int] = set()
        for i, sp in enumerate(spans):
            cands = collect[i]
            if cands is None:
                continue
            best = max(
                (
                    (_overlap((sp.start, sp.end), (g["start"], g["end"])), j)
                    for j, g in enumerate(gold["quotes"])
                    if j not in used
                ),
                default=(0.0, -1),
            )
            if best[0] < 0.5:
                continue
            used.add(best[1])
            g = gold["quotes"][best[1]]
            if g["source_kind"] == "name":
                gkey = _key(g.get("source_head")) or _key(g["source_text"])
            else:
                gkey = _key(g.get("source_name"))
            pos = []
            if g["source_start"] is not None:
                src = (g["source_start"], g["source_end"])
                pos = [k for k, c in enumerate(cands) if _overlap((c.start, c.end), src) > 0]
            if not pos and gkey:
                pos = [k for k, c in enumerate(cands) if _names(c.speaker, gkey)]
            rule = attrs[i].rule or "none"
            out.append((cands, pos, gkey, attrs[i].speaker, rule, g["source_kind"] or "none"))
    return out


def fit(data: list[Example], epochs: int, rate: float, l2: float) -> dict[str, float]:
    w: dict[str, float] = {}
    train = [(c, p) for c, p, *_ in data if c and p]
    order = list(range(len(train)))
    rng = random.Random(0)
    for ep in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + ep)
        for n in order:
            cands, pos = train[n]
            probs = speaker_ranker.probabilities(cands, w)
            zpos = sum(probs[k] for k in pos)
            grad: dict[str, float] = {}
            for k, c in enumerate(cands):
                target = probs[k] / zpos if k in pos else 0.0
                g = target - probs[k]
                if g:
                    for f in c.features:
                        grad[f] = grad.get(f, 0.0) + g
            for f, g in grad.items():
                w[f] = w.get(f, 0.0) * (1 - lr * l2) + lr * g
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-3}


def report(label: str, data: list[Example], w: dict[str, float]) -> None:
    """Top-1 accuracy, and name accuracy by rule: the rules' pick beside the ranker's."""
    with_pos = [(c, p) for c, p, *_ in data if c and p]
    top1 = sum(1 for c, p in with_pos if c.index(_top(c, w)) in p)
    print(f"{label}: {len(data)} matched quotations, {len(with_pos)} with a right candidate")
    print(f"  ranker top-1 among those: {top1 / max(1, len(with_pos)):.3f}")
    print("  gold-name quotations by rule: n, rules right, ranker right")
    by_rule: dict[str, list[int]] = {}
    for cands, _, gkey, speaker, rule, kind in data:
        if kind != "name" or not gkey:
            continue
        row = by_rule.setdefault(rule, [0, 0, 0])
        row[0] += 1
        row[1] += _names(speaker, gkey)
        row[2] += bool(cands) and _names(_top(cands, w).speaker, gkey)
    for rule, (n, r, k) in sorted(by_rule.items(), key=lambda kv: -kv[1][0]):
        print(f"    {rule:16} {n:5}  {r / n:.3f}  {k / n:.3f}")


def _top(cands: list[Candidate], w: dict[str, float]) -> Candidate:
    top = speaker_ranker.best(cands, w)
    assert top is not None
    return top


def split_args(argv: list[str] | None, doc: str, out: Path) -> argparse.Namespace | None:
    """The arguments both ranker scripts take (a PolNeAR split to fit, another to report on,
    the weights file, the fit's settings); None, with the error printed, when a split has no
    gold/ folder."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--check", type=Path, help="another split to report on (not fitted)")
    ap.add_argument("--out", type=Path, default=out)
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--rate", type=float, default=0.1)
    ap.add_argument("--l2", type=float, default=1e-4)
    args = ap.parse_args(argv)
    for s in (args.split, args.check):
        if s is not None and not (s / "gold").is_dir():
            print(
                f"error: {s}: no gold/ folder (expected the PolNeAR split layout)", file=sys.stderr
            )
            return None
    return args


def main(argv: list[str] | None = None) -> int:
    args = split_args(argv, __doc__ or "", speaker_ranker.WEIGHTS)
    if args is None:
        return 2
    data = examples(args.split)
    w = fit(data, args.epochs, args.rate, args.l2)
    report(f"fit {args.split}", data, w)
    if args.check:
        report(f"check {args.check}", examples(args.check), w)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"trained_on": args.split.name, "epochs": args.epochs, "rate": args.rate, "l2": args.l2}
    payload = {"model": "conditional logit over speaker candidates", **meta, "weights": w}
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(
        f"wrote {len(w)} weights to {args.out} (max |w| {max(map(abs, w.values()), default=0):.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
