"""Score story grouping on the invented multi-outlet story sets of tests/data/invented_stories.

    python scripts/eval_invented_stories.py                       # tune/ and check/ alone
    python scripts/eval_invented_stories.py --polnear ../shared/polnear --cache /tmp/pn
    python scripts/eval_invented_stories.py --set check --show

Each set (articles/ plus clusters.json; every text written for the tests) holds a few happenings
reported by 2-4 outlets (other headlines, leads, lengths and angles; quotations shared, cut or
reworded; names given in full or as a surname; dates 0-3 days apart; one version in another
language) and same-topic distractors that report another happening (another ferry, another
council vote, another sacked manager). The sets are digested with the engine (default rules) and
grouped with group_stories, alone and, with --polnear, mixed with PolNeAR dev and train (924
unrelated 2016 US political articles; --mix dev: dev only). Printed: pairwise story P/R/F1 against
clusters.json, how many PolNeAR articles join an invented story, the figures again counting every
pair of PolNeAR articles grouped as wrong (as a check treating them all as unrelated would), and with --show the grouped stories and the best
score of every missed and wrongly joined pair. `tune` and `xlang` (each happening reported in
English and in one other language, distractors in those languages) are what the link model may
be fitted on; `check`, `check2`, `check3` and `check4` are kept apart (scripts/train_story_link.py
never reads them).
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from storyeval import digest_folder, digests, prf_text, story_ids  # noqa: E402

SETS = ROOT / "tests" / "data" / "invented_stories"


def gold(folder: Path) -> list[list[str]]:
    """The gold stories of a set (clusters.json: clusters[].articles)."""
    raw = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))
    return [list(c["articles"]) for c in raw["clusters"]]


def digest_set(folder: Path, engine: str = "rules") -> list:
    return digest_folder(folder / "articles", engine)


def prf(pred: list[list[str]], want: list[list[str]]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of the predicted stories over the articles in `want`."""
    from service.evaluation.pairs import grouping_prf

    return grouping_prf(pred, want, within={a for g in want for a in g}).figures()


def _show(ds: Sequence, want: list[list[str]], pred: list[list[str]]) -> None:
    from service.merge.stories import MODEL, _order, day_gap, profiles
    from service.merge.story_link import features

    ds = sorted(ds, key=_order)
    ps = {d.article.id: p for d, p in zip(ds, profiles(ds), strict=True)}
    story = {a: n for n, g in enumerate(want) for a in g}
    got = {a: n for n, g in enumerate(pred) for a in g}
    for g in pred:
        if len(g) > 1:
            print("    story: " + " | ".join(g))
    for a, b in itertools.combinations(sorted(story), 2):
        same, joined = story[a] == story[b], got.get(a) == got.get(b)
        if same == joined:
            continue
        pa, pb = ps[a], ps[b]
        gap = day_gap(pa, pb)
        x = features(pa, pb, gap)
        what = "missed" if same else "WRONG "
        feats = " ".join(f"{v:.3f}" for v in x)
        print(f"    {what} {MODEL.score(x):+.2f} [{feats}] {a} | {b}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--set",
        action="append",
        help="a set's folder name under --root (repeatable; default: tune and check)",
    )
    ap.add_argument("--root", type=Path, default=SETS, help="folder holding the sets")
    ap.add_argument("--engine", default="rules")
    ap.add_argument("--polnear", type=Path, help="also mix each set with PolNeAR")
    ap.add_argument(
        "--mix", choices=("dev", "all"), default="all", help="PolNeAR dev only, or dev + train"
    )
    ap.add_argument("--cache", type=Path, help="PolNeAR digests cache (see eval_story_pairs)")
    ap.add_argument("--show", action="store_true", help="print stories and wrong pairs")
    args = ap.parse_args()
    pn: list = []
    if args.polnear:
        parts = ("dev",) if args.mix == "dev" else ("dev", "train")
        pn = digests(args.polnear, parts, args.engine, args.cache)
    for name in args.set or ["tune", "check"]:
        folder = args.root / name
        if not (folder / "clusters.json").is_file():
            ap.error(f"{folder}: no clusters.json, so not a story set")
        want = gold(folder)
        ds = digest_set(folder, args.engine)
        pred = story_ids(ds)
        f = prf(pred, want)
        print(
            f"{name}: {len(ds)} articles, {len(want)} gold stories -> {len(pred)}; "
            f"{prf_text(f, ' ')}"
        )
        if args.show:
            _show(ds, want, pred)
        if pn:
            ids = {d.article.id for d in ds}
            mixed = story_ids(ds + pn)
            joined = sorted({a for g in mixed if set(g) & ids for a in g if a not in ids})
            f = prf(mixed, want)
            # every PolNeAR article its own story: a PolNeAR pair grouped counts as wrong too
            whole = prf(mixed, want + [[d.article.id] for d in pn])
            print(
                f"{name} + {len(pn)} PolNeAR: {prf_text(f, ' ', False)}; "
                f"{len(joined)} PolNeAR articles joined an invented story {joined[:4]}; "
                f"counting PolNeAR pairs as wrong: P {whole['P']:.3f} F1 {whole['F1']:.3f} "
                f"({whole['fp'] - f['fp']} PolNeAR pairs)"
            )
            if args.show:
                _show(ds + pn, want, [g for g in mixed if set(g) & ids])
    return 0


if __name__ == "__main__":
    sys.exit(main())
