"""Check that story grouping holds on news nobody tuned it for.

    python scripts/check_stories.py ../shared/dev-corpus ../shared/polnear [--engine rules]
        [--cache DIR]       # DIR keeps the PolNeAR digests (as scripts/eval_story_pairs.py)

Digests the dev corpus and the PolNeAR articles (dev: 84, train: 840; 2016 US political news from
several outlets: some articles genuinely report one happening, most do not) with the engine, then
prints:
  * for PolNeAR dev, train, and both: how many stories, the story size distribution and the
    largest story (a giant component means unrelated articles chain together: a bug), and how
    many grouped pairs share no publication week (suspect);
  * the dev corpus alone and mixed with all PolNeAR articles: story pairwise P/R/F1 against its
    clusters.json, and how many PolNeAR articles join a dev-corpus story (target: none);
  * order independence: the grouping of the mixed set, reversed and shuffled (3 seeds), must be
    the same.
Exit code 1 when a PolNeAR article joins a dev story, the dev F1 drops below 1.0 when mixed, the
largest PolNeAR story holds more than --max-story articles (default 12), or order matters.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from storyeval import digest_folder, digests, prf_text, story_ids  # noqa: E402


def _sizes(groups: list[list[str]]) -> str:
    c = Counter(len(g) for g in groups)
    return ", ".join(f"{n}x{size}" for size, n in sorted(c.items(), reverse=True))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="the dev corpus (articles/ and gold/clusters.json)")
    ap.add_argument("polnear", type=Path, help="PolNeAR folder holding dev/ and train/")
    ap.add_argument("--engine", default="rules")
    ap.add_argument("--max-story", type=int, default=12)
    ap.add_argument("--show", type=int, default=3, help="print the titles of the N largest")
    ap.add_argument("--cache", type=Path, help="keep the PolNeAR digests here (JSON Lines)")
    args = ap.parse_args()
    from service.evaluation.merge import load_clusters
    from service.evaluation.pairs import grouping_prf

    t0 = time.perf_counter()
    dev = digest_folder(args.corpus / "articles", args.engine)
    pn = {
        part: digests(args.polnear, (part,), args.engine, args.cache) for part in ("dev", "train")
    }
    print(
        f"digested {len(dev)} dev-corpus and {sum(map(len, pn.values()))} PolNeAR articles "
        f"in {time.perf_counter() - t0:.0f} s ({args.engine})"
    )
    failed = []
    title = {d.article.id: d.article.title or "" for part in pn.values() for d in part}
    week = {
        d.article.id: d.article.published.toordinal() // 7 if d.article.published else None
        for part in pn.values()
        for d in part
    }
    for name, ds in (
        ("dev", pn["dev"]),
        ("train", pn["train"]),
        ("dev+train", pn["dev"] + pn["train"]),
    ):
        t1 = time.process_time()
        gs = story_ids(ds)
        cpu = time.process_time() - t1
        big = max(gs, key=len)
        pairs = sum(len(g) * (len(g) - 1) // 2 for g in gs)
        far = 0
        for g in gs:
            for i, a in enumerate(g):
                for b in g[i + 1 :]:
                    wa, wb = week[a], week[b]
                    far += wa is not None and wb is not None and abs(wa - wb) > 1
        print(
            f"PolNeAR {name:9}: {len(ds)} articles -> {len(gs)} stories ({cpu:.2f} s CPU); "
            f"sizes {_sizes(gs)}; largest {len(big)}; {pairs} grouped pairs, "
            f"{far} of them over a week apart"
        )
        for g in sorted(gs, key=lambda g: (-len(g), g))[: args.show]:
            if len(g) > 1:
                print(f"    {len(g)}: " + " | ".join(title[a][:50] for a in g[:6]))
        if len(big) > args.max_story:
            failed.append(f"PolNeAR {name}: a story of {len(big)} articles")
    gold = [c.articles for c in load_clusters(args.corpus)]
    dev_ids = {d.article.id for d in dev}
    alone = story_ids(dev)
    s = grouping_prf(alone, gold)
    print(f"dev corpus alone: {len(alone)} stories, pairwise {prf_text(s.figures(), ' ', False)}")
    mixed_in = dev + pn["dev"] + pn["train"]
    mixed = story_ids(mixed_in)
    joined = sorted({a for g in mixed if set(g) & dev_ids for a in g if a not in dev_ids})
    s = grouping_prf(mixed, gold, within=dev_ids)
    print(
        f"dev corpus + {len(mixed_in) - len(dev)} PolNeAR: "
        f"pairwise {prf_text(s.figures(), ' ', False)}; "
        f"{len(joined)} PolNeAR articles joined a dev story {joined[:5]}"
    )
    if joined or s.f1 < 1.0:
        failed.append("the dev corpus stories changed when mixed with PolNeAR")
    same = True
    orders = [list(reversed(mixed_in))]
    for seed in range(3):
        shuffled = list(mixed_in)
        random.Random(seed).shuffle(shuffled)
        orders.append(shuffled)
    for o in orders:
        same = same and story_ids(o) == mixed
    print(f"order independence (reversed, 3 shuffles): {'same stories' if same else 'DIFFERENT'}")
    if not same:
        failed.append("the stories depend on input order")
    for msg in failed:
        print("FAIL:", msg)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
