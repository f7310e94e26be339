"""Score story grouping on hand-labelled PolNeAR article pairs.

    python scripts/eval_story_pairs.py ../shared/polnear                   # train and dev labels
    python scripts/eval_story_pairs.py ../shared/polnear --show 20 --threshold 1.0
    python scripts/eval_story_pairs.py ../shared/polnear --cache /tmp/pn-digests

Digests a whole split with the engine (default rules), groups it with group_stories (so the
TF-IDF weights are those of a realistic set), and reports pairwise precision, recall and F1 on the
labelled pairs of tests/data/story_pairs (labels `same` and `different`; `unsure` pairs are left
out):
  * link:  the pair's own link decision (the model's score at or over its threshold, or a copy);
  * story: the two articles end in one story (what a reader sees: single link adds the pairs a
           chain joins, and MAX_SPAN_DAYS can refuse a join).
Train labels are scored on the train split alone; dev labels (dev-dev and dev-train pairs) on
dev and train together. --show N prints the N missed and N wrongly joined pairs with their
features; --threshold T scores the shipped weights at another threshold; --cache DIR keeps the
digests as JSON Lines (rebuilt when missing). Exit code 1 when a labelled article is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from storyeval import LABELS, Pair, digests, prf_text, read_pairs

if TYPE_CHECKING:
    from service.merge.story_link import Model

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SPLITS = {"train": ("train",), "dev": ("dev", "train")}


def pair_table(
    ds: list, pairs: list[Pair], model: Model | None = None, group: bool = True
) -> list[dict]:
    """Each labelled pair with its features, score, link decision and (with `group`) whether
    group_stories puts it in one story."""
    from service.merge.stories import MODEL, _order, day_gap, group_stories, link, profiles
    from service.merge.story_link import FEATURES, features

    model = model or MODEL
    ds = sorted(ds, key=_order)
    ps = profiles(ds)
    index = {d.article.id: i for i, d in enumerate(ds)}
    missing = sorted({x for p in pairs for x in (p.a, p.b) if x not in index})
    if missing:
        raise KeyError(f"labelled articles not in the split: {missing[:5]}")
    grouped = group_stories(ds, model=model) if group else [[d] for d in ds]
    story = {d.article.id: n for n, g in enumerate(grouped) for d in g}
    rows = []
    for p in pairs:
        pa, pb = ps[index[p.a]], ps[index[p.b]]
        gap = day_gap(pa, pb)
        x = features(pa, pb, gap)
        why = link(pa, pb, model)
        rows.append(
            {
                "a": p.a,
                "b": p.b,
                "label": p.label,
                "reason": p.reason,
                **dict(zip(FEATURES, x, strict=True)),
                "days": gap,
                "score": model.score(x),
                "link": why is not None,
                "story": story[p.a] == story[p.b],
            }
        )
    return rows


def prf(rows: list[dict], key: str) -> dict[str, float]:
    """P/R/F1 of the rows' `key` decisions against their same/different labels (unsure left out)."""
    from service.evaluation.pairs import PairPRF

    tp = sum(r["label"] == "same" and r[key] for r in rows)
    fp = sum(r["label"] == "different" and r[key] for r in rows)
    fn = sum(r["label"] == "same" and not r[key] for r in rows)
    return PairPRF(tp, fp, fn).figures()


def _line(r: dict) -> str:
    from service.merge.story_link import FEATURES

    feats = " ".join(f"{f} {r[f]:.3f}" for f in FEATURES)
    return f"    {r['score']:+.2f} [{feats}] {r['a'][:40]} | {r['b'][:40]} ({r['reason']})"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path, help="PolNeAR folder holding train/ and dev/")
    ap.add_argument("--engine", default="rules")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--split", choices=sorted(SPLITS), action="append")
    ap.add_argument("--threshold", type=float, help="score the shipped weights at this threshold")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--cache", type=Path, help="keep the digests here as JSON Lines")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    from service.merge.stories import MODEL

    model = MODEL if args.threshold is None else replace(MODEL, threshold=args.threshold)
    figures: dict[str, dict] = {}
    for split in args.split or ["train", "dev"]:
        pairs = read_pairs(args.labels / f"polnear_{split}.tsv")
        try:
            ds = digests(args.polnear, SPLITS[split], args.engine, args.cache)
            rows = pair_table(ds, pairs, model)
        except KeyError as e:
            print(f"{split}: {e}", file=sys.stderr)
            return 1
        counts = {k: sum(r["label"] == k for r in rows) for k in ("same", "different", "unsure")}
        figures[split] = {"pairs": counts, "link": prf(rows, "link"), "story": prf(rows, "story")}
        if args.json:
            continue
        print(
            f"{split}: {len(ds)} articles; {counts['same']} same, {counts['different']} "
            f"different, {counts['unsure']} unsure pairs (threshold {model.threshold:+.2f})"
        )
        for key in ("link", "story"):
            print(f"  {key:5}  {prf_text(figures[split][key])}")
        if args.show:
            scored = sorted(rows, key=lambda r: -r["score"])
            missed = [r for r in scored if r["label"] == "same" and not r["story"]]
            wrong = [r for r in scored if r["label"] == "different" and r["story"]]
            print(f"  missed same pairs ({len(missed)}), best scored first:")
            print("\n".join(_line(r) for r in missed[: args.show]))
            print(f"  wrongly joined pairs ({len(wrong)}):")
            print("\n".join(_line(r) for r in wrong[: args.show]))
    if args.json:
        print(json.dumps(figures, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
