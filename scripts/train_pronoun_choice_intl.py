"""Fit the choice of the person a pronoun or dropped subject stands for outside English
(service/extract/pronoun_choice_intl.py) on multilingual development sets, and print figures.

Usage: python scripts/train_pronoun_choice_intl.py --out PATH [--check SET_DIR]... SET_DIR ...

Each SET_DIR is a folder of tests/data/multilingual (never a kept-apart holdout). The engine runs
on each article with no weights, so the rule answers and no shipped model shapes the data; every
pronoun or dropped-subject cue of a quotation whose gold speaker is a name or a role is one
example, and the candidates the scorer counts right are the right answers. The conditional logit and its seeded SGD are
scripts/train_speaker_ranker.py's: the same data give the same weights.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from unittest import mock

from schemas.article import Article
from scripts.eval_multilingual import gold_spans, load_set, speaker_right
from service.engines import get_engine
from service.extract import pronoun_choice_intl as pc
from service.extract import speakers
from service.extract.cues import find_cues
from service.extract.resolve_intl import in_full, nominative_name

Example = tuple[list[pc.Candidate], list[int], bool]  # candidates, right ones, the rule was right


def examples(folders: list[Path]) -> list[Example]:
    """(candidates, right indices, rule right) per gold-named quotation a pronoun cue resolved."""
    out: list[Example] = []
    calls: dict[int, tuple[list[pc.Candidate], list]] = {}
    seen: list[tuple[str, tuple]] = []
    real_attr = speakers.attribute

    def record(d, idx, p, at, last, last_pos):  # type: ignore[no-untyped-def]
        speaker = last.speaker if last is not None else None
        calls[at] = (pc.candidates(d, idx, p, at, speaker, last_pos), idx.actors)
        return None

    def attribute(text, spans, actors, **kw):  # type: ignore[no-untyped-def]
        got = real_attr(text, spans, actors, **kw)
        seen.append((text, tuple(spans)))
        seen.append(("", tuple(got)))
        return got

    engine = get_engine("rules")
    with (
        mock.patch.object(pc, "choose", record),
        mock.patch.object(speakers, "attribute", attribute),
    ):
        for folder in folders:
            for art in load_set(folder):
                calls.clear()
                seen.clear()
                text = art["text"]
                engine.digest(Article(id=art["id"], title=art.get("title"), text=text))
                if not seen:
                    continue
                spans, attrs = seen[0][1], seen[1][1]
                found = find_cues(text, spans)
                for q, (gs, ge) in zip(art["quotes"], gold_spans(art), strict=True):
                    if q.get("speaker") is None and not q.get("role"):
                        continue
                    for sp, f, at in zip(spans, found, attrs, strict=True):
                        ov = min(ge, sp.end) - max(gs, sp.start)
                        if ov <= 0 or 2 * ov < min(ge - gs, sp.end - sp.start):
                            continue
                        if f.cue is None or f.cue.start not in calls or at.rule != "pronoun":
                            break
                        cands, actors = calls[f.cue.start]
                        # as the engine writes a chosen name ('Mme Marchetti' in full)
                        names = [
                            nominative_name(
                                in_full(actors, text, c.actor.name, f.cue.start), art["lang"]
                            )
                            for c in cands
                        ]
                        right = [k for k, n in enumerate(names) if speaker_right(q, n)]
                        out.append((cands, right, speaker_right(q, at.speaker)))
                        break
    return out


def fit(data: list[Example], epochs: int, rate: float, l2: float) -> dict[str, float]:
    w: dict[str, float] = {}
    train = [(c, p) for c, p, _ in data if c and p]
    order = list(range(len(train)))
    rng = random.Random(0)
    for ep in range(epochs):
        rng.shuffle(order)
        lr = rate / (1 + ep)
        for n in order:
            cands, pos = train[n]
            scores = [sum(w.get(f, 0.0) for f in c.features) for c in cands]
            top = max(scores)
            exps = [pow(2.718281828459045, s - top) for s in scores]
            z = sum(exps)
            probs = [e / z for e in exps]
            zpos = sum(probs[k] for k in pos)
            grad: dict[str, float] = {}
            for k, c in enumerate(cands):
                g = (probs[k] / zpos if k in pos else 0.0) - probs[k]
                for f in c.features:
                    grad[f] = grad.get(f, 0.0) + g
            for f, g in grad.items():
                w[f] = w.get(f, 0.0) * (1 - lr * l2) + lr * g
    return {f: round(v, 4) for f, v in sorted(w.items()) if abs(v) >= 1e-3}


def report(label: str, data: list[Example], w: dict[str, float]) -> None:
    with_pos = [(c, p, r) for c, p, r in data if c and p]
    top1 = sum(1 for c, p, _ in with_pos if (top := pc.best(c, w)) and c.index(top) in p)
    rule = sum(1 for _, _, r in with_pos if r)
    print(f"{label}: {len(data)} examples, {len(with_pos)} with a right candidate")
    print(f"  rule right {rule}, ranker right {top1}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--check", action="append", type=Path, default=[])
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--rate", type=float, default=0.3)
    ap.add_argument("--l2", type=float, default=0.01)
    args = ap.parse_args(argv)
    if any("holdout" in s.name or "check" in s.name for s in [*args.sets, *args.check]):
        print("kept-apart sets are not for training", file=sys.stderr)
        return 2
    data = examples(args.sets)
    w = fit(data, args.epochs, args.rate, args.l2)
    report("train", data, w)
    if args.check:
        report("check", examples(args.check), w)
    args.out.write_text(
        json.dumps({"weights": w}, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(json.dumps(w, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
