"""Fit the story link model on the labelled PolNeAR train pairs; write service/merge/story_link.json.

    python scripts/train_story_link.py ../shared/polnear [--cache DIR] [--check]

Digests PolNeAR train (rules engine), computes the pair features of service.merge.story_link for
every `same` / `different` pair of tests/data/story_pairs/polnear_train.tsv over the whole split
and for every pair of the invented multi-outlet sets `tune` and `xlang` (cross-language reports;
tests/data/invented_stories, scored alone and mixed with PolNeAR train; the `check` sets are
never read here), and fits a logistic regression by Newton's method (features standardised, a small L2 penalty
L2 on the weights, not the bias; pure Python, so the same input gives the same bytes). The
threshold is the lowest on a 0.05 grid from which on the cross-validated precision of the link
decision stays at or over PRECISION (0.9): the pairs are split into FOLDS folds by the month of
their first article, each fold scored by a model fitted on the others. Precision first, because
a story joined by mistake shows a reader a wrong summary, while a missed link leaves two
articles side by side; and the labelled `same` pairs include loose follow-ups that digests alone
cannot tell from same-topic news. The table of cross-validated precision and recall per
threshold is printed. --check compares with the
shipped file instead of writing it (exit code 1 when they differ).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from service.evaluation.pairs import PairPRF  # noqa: E402

L2 = 0.3
PRECISION = 0.9
FOLDS = 5
DIGITS = 4
# the invented multi-outlet sets the model is fitted on (never the `check` sets);
# `xlang`: one report of each happening in another language (tests/data/invented_stories/xlang)
INVENTED = ("tune", "xlang")


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the systems are 6 x 6)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                for k in range(c, n + 1):
                    m[r][k] -= f * m[c][k]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(xs: list[tuple[float, ...]], ys: list[int], l2: float = L2) -> list[float]:
    """[bias, w1..wk] of an L2-penalised logistic regression (Newton steps on standardised x)."""
    k = len(xs[0])
    mean = [sum(x[j] for x in xs) / len(xs) for j in range(k)]
    sd = [math.sqrt(sum((x[j] - mean[j]) ** 2 for x in xs) / len(xs)) or 1.0 for j in range(k)]
    zs = [[1.0] + [(x[j] - mean[j]) / sd[j] for j in range(k)] for x in xs]
    w = [0.0] * (k + 1)
    for _ in range(100):
        hess = [[0.0] * (k + 1) for _ in range(k + 1)]
        grad = [0.0] * (k + 1)
        for z, y in zip(zs, ys, strict=True):
            p = 1.0 / (1.0 + math.exp(-sum(a * b for a, b in zip(w, z, strict=True))))
            r = p * (1.0 - p)
            for i in range(k + 1):
                grad[i] += (p - y) * z[i]
                for j in range(k + 1):
                    hess[i][j] += r * z[i] * z[j]
        for i in range(1, k + 1):
            grad[i] += l2 * w[i]
            hess[i][i] += l2
        step = _solve(hess, grad)
        w = [a - b for a, b in zip(w, step, strict=True)]
        if max(abs(s) for s in step) < 1e-12:
            break
    weights = [w[j + 1] / sd[j] for j in range(k)]
    return [w[0] - sum(weights[j] * mean[j] for j in range(k)), *weights]


def _score(w: list[float], x: tuple[float, ...]) -> float:
    return w[0] + sum(a * b for a, b in zip(w[1:], x, strict=True))


def _counts(ys: list[int], scores: list[float], t: float) -> tuple[float, float, float]:
    """P, R and F1 of linking every pair scored at or over `t` (the labelled pairs' convention:
    service.evaluation.pairs)."""
    linked = [s >= t for s in scores]
    prf = PairPRF(
        tp=sum(y == 1 and k for y, k in zip(ys, linked, strict=True)),
        fp=sum(y == 0 and k for y, k in zip(ys, linked, strict=True)),
        fn=sum(y == 1 and not k for y, k in zip(ys, linked, strict=True)),
    )
    return prf.precision, prf.recall, prf.f1


def training_rows(
    polnear: Path, cache: Path | None
) -> tuple[list[tuple[float, ...]], list[int], list[str]]:
    """Features, labels (1 = same) and fold key (set and month) of the labelled train pairs: the
    PolNeAR train pairs, then every pair of each INVENTED set, scored twice (the set alone, and
    mixed with PolNeAR train, so the model sees both a small set's and a large set's weights; the
    PolNeAR digests moved into the set's period, as group_stories weighs each news period apart)."""
    from eval_invented_stories import SETS, digest_set, gold
    from eval_story_pairs import pair_table
    from storyeval import LABELS, digests, read_pairs

    from service.merge.stories import _order, day_gap, profiles
    from service.merge.story_link import FEATURES, features

    pairs = [p for p in read_pairs(LABELS / "polnear_train.tsv") if p.label != "unsure"]
    train = digests(polnear, ("train",), "rules", cache)
    rows = pair_table(train, pairs, group=False)
    xs = [tuple(r[f] for f in FEATURES) for r in rows]
    ys = [int(r["label"] == "same") for r in rows]
    months = [min(r["a"], r["b"]).split("_")[1][:7] for r in rows]
    for name in INVENTED:
        invented = digest_set(SETS / name)
        story = {a: n for n, g in enumerate(gold(SETS / name)) for a in g}
        for context in ([], _moved_to(train, invented)):
            ds = sorted(invented + context, key=_order)
            ps = [p for d, p in zip(ds, profiles(ds), strict=True) if d.article.id in story]
            for i, p in enumerate(ps):
                for q in ps[i + 1 :]:
                    gap = day_gap(p, q)
                    a, b = ds[p.idx], ds[q.idx]
                    xs.append(features(p, q, gap))
                    ys.append(int(story[a.article.id] == story[b.article.id]))
                    first = min(x.article.published or dt.date.min for x in (a, b))
                    months.append(f"{name}-{first:%Y-%m}")
    return xs, ys, months


def _moved_to(context: list, invented: list) -> list:
    """The `context` digests published as many days later as puts the first of them on the day of
    the first `invented` one (the gaps between them kept)."""
    first = min(d.article.published for d in invented)
    shift = first - min(d.article.published for d in context)
    return [
        d.model_copy(
            update={
                "article": d.article.model_copy(update={"published": d.article.published + shift})
            }
        )
        for d in context
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path, help="PolNeAR folder holding train/")
    ap.add_argument("--cache", type=Path, help="keep the digests here as JSON Lines")
    ap.add_argument("--check", action="store_true", help="compare with the shipped weights")
    ap.add_argument("--out", type=Path, help="write the weights here (default: the shipped file)")
    args = ap.parse_args()
    from service.merge.story_link import FEATURES, WEIGHTS_FILE

    xs, ys, months = training_rows(args.polnear, args.cache)
    fold = {m: i % FOLDS for i, m in enumerate(sorted(set(months)))}
    cv = [0.0] * len(xs)
    for f in range(FOLDS):
        train = [i for i, m in enumerate(months) if fold[m] != f]
        w = fit([xs[i] for i in train], [ys[i] for i in train])
        for i, m in enumerate(months):
            if fold[m] == f:
                cv[i] = _score(w, xs[i])
    grid = [round(-2.0 + 0.05 * i, 2) for i in range(121)]
    table = {t: _counts(ys, cv, t) for t in grid}
    # the lowest threshold from which on precision holds (and something still links)
    ok = [t for t in grid if table[t][1] > 0]
    best = next(
        (t for i, t in enumerate(ok) if all(table[u][0] >= PRECISION for u in ok[i:])), ok[-1]
    )
    print(f"{len(ys)} pairs ({sum(ys)} same); cross-validated link decision ({FOLDS} month folds):")
    for t in grid[::10] + [best]:
        p, r, f1 = table[t]
        mark = "  <- chosen" if t == best else ""
        print(f"  threshold {t:+.2f}: P {p:.3f} R {r:.3f} F1 {f1:.3f}{mark}")
    w = fit(xs, ys)
    model = {
        "features": list(FEATURES),
        "bias": round(w[0], DIGITS),
        "weights": {f: round(v, DIGITS) for f, v in zip(FEATURES, w[1:], strict=True)},
        "threshold": best,
        "trained_on": (
            "tests/data/story_pairs/polnear_train.tsv (same/different pairs) and every pair "
            "of tests/data/invented_stories/tune and xlang (alone and mixed with PolNeAR train)"
        ),
        "pairs": len(ys),
        "l2": L2,
        "precision": PRECISION,
    }
    text = json.dumps(model, indent=1) + "\n"
    print(text, end="")
    if args.check:
        same = WEIGHTS_FILE.read_text(encoding="utf-8") == text
        print("shipped weights: " + ("the same" if same else "DIFFERENT"))
        return 0 if same else 1
    out = args.out or WEIGHTS_FILE
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
