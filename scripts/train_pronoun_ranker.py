"""Fit the pronoun ranker (service/extract/pronoun_ranker.py) on an annotated split and print figures.

Usage: python scripts/train_pronoun_ranker.py SPLIT_DIR [--check SPLIT_DIR] [--out PATH] [--epochs N]

SPLIT_DIR holds `articles/<id>.json` and `gold/<id>.json` in the PolNeAR layout (see
../shared/polnear/README.md). The engine runs on each article with a fixed stand-in model (the most
recent person) and without the speaker ranker, so no shipped weights shape the training data
(the speaker ranker is fitted after this one, on its answers); every 'he' or 'she'
it resolves that the gold marks as a quotation's Source, with a coreference name, is one example,
and the candidates whose name holds that name's surname are the right answers. The conditional
logit and its seeded SGD are scripts/train_speaker_ranker.py's: the same data give the same weights.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from unittest import mock

from scripts.train_speaker_ranker import _key, _names, fit, split_args
from service.extract import actors as actors_mod
from service.extract import pronoun_ranker, speakers
from service.extract import quotes as quotes_mod
from service.extract.pronoun_ranker import Candidate

Example = tuple[list[Candidate], list[int]]
_STAND_IN = {"rank=0": 1.0}  # the most recent person, while the examples are gathered


def examples(split: Path) -> list[Example]:
    """(candidates, right indices) per gold pronoun Source the engine resolved."""
    out: list[Example] = []
    calls: list[tuple[int, list[Candidate]]] = []
    real = pronoun_ranker.choose

    def record(*args, **kwargs):  # type: ignore[no-untyped-def]
        # every 'he' or 'she' the engine asks the ranker about, whether or not the rule stands
        calls.append((args[3], pronoun_ranker.candidates(*args[:7])))
        return real(*args, **kwargs)

    with (
        mock.patch.object(pronoun_ranker, "choose", record),
        mock.patch.object(pronoun_ranker, "weights", lambda: _STAND_IN),
    ):
        for gp in sorted((split / "gold").glob("*.json")):
            gold = json.loads(gp.read_text(encoding="utf-8"))
            art = json.loads((split / "articles" / gp.name).read_text(encoding="utf-8"))
            text, title = art["text"], art.get("title")
            calls.clear()
            spans = quotes_mod.find_quotes(text, title)
            acts = actors_mod.extract_actors(text, spans, title=title)
            # collect: the speaker ranker's candidates resolve every pronoun near a quotation
            speakers.attribute(text, spans, acts, ranker=False, collect=[], title=title)
            sources = {
                g["source_start"]: _key(g["source_name"])
                for g in gold["quotes"]
                if g["source_kind"] == "pronoun" and g.get("source_name_auto")
            }
            done: set[int] = set()
            for at, cands in calls:
                gkey = sources.get(at)
                if gkey is None or at in done or not cands:
                    continue
                done.add(at)
                out.append((cands, [k for k, c in enumerate(cands) if _names(c.actor.name, gkey)]))
    return out


def report(label: str, data: list[Example], w: dict[str, float]) -> None:
    """How often the ranker and the most recent person are right, where a candidate is."""
    with_pos = [(c, p) for c, p in data if p]
    top1 = 0
    for c, p in with_pos:
        top = pronoun_ranker.best(c, w)
        top1 += top is not None and c.index(top) in p
    recent = sum(1 for _, p in with_pos if 0 in p)
    n = max(1, len(with_pos))
    print(f"{label}: {len(data)} resolved pronoun sources, {len(with_pos)} with a right candidate")
    print(f"  ranker top-1 {top1 / n:.3f}, most recent person {recent / n:.3f}")


def main(argv: list[str] | None = None) -> int:
    args = split_args(argv, __doc__ or "", pronoun_ranker.WEIGHTS)
    if args is None:
        return 2
    data = examples(args.split)
    w = fit([(c, p, None, None, "", "") for c, p in data], args.epochs, args.rate, args.l2)  # type: ignore[misc]
    report(f"fit {args.split}", data, w)
    if args.check:
        report(f"check {args.check}", examples(args.check), w)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    meta = {"trained_on": args.split.name, "epochs": args.epochs, "rate": args.rate, "l2": args.l2}
    payload = {"model": "conditional logit over a pronoun's people", **meta, "weights": w}
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(w)} weights to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
