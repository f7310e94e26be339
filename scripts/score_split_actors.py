"""Count people the merger leaves split on the invented story sets: the actors of one merged gold
story whose names are one person's full name and a shorter form of it.

    python scripts/score_split_actors.py                  # tune tune2 tune3 xlang qtune qtune2
    python scripts/score_split_actors.py --set qtune --show

Each gold story of tests/data/invented_stories/<set>/clusters.json is digested with the engine
(default rules) and merged with service.merge.merge. Two story actors are counted as one person
split in two when the person tokens of one name (titles stripped, service.merge.names) end with
those of the other (a surname "Vardanyan", "Pritchard-Lyle"; a full name after a role word the
title list lacks, "Harbourmaster Ewan Strachley") and one of them starts with a known given
name;
actors are blocked by their last token, so a story's actors are not compared all with all.
The kept-apart sets (check, check2, check3, check4) are refused.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from storyeval import digest_folder  # noqa: E402

SETS = ROOT / "tests" / "data" / "invented_stories"
ALLOWED = ("tune", "tune2", "tune3", "xlang", "qtune", "qtune2")


def split_pairs(actors: list) -> list[tuple[str, str]]:
    """(longer, shorter) names of the story actors that read as one person split in two."""
    from service.extract.name_gender import is_given
    from service.merge import names as nm

    by_last: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for a in actors:
        if a.anonymous:
            continue
        t = nm.person_tokens(a.name)
        if t:
            by_last.setdefault(t[-1], []).append((t, a.name))
    out = []
    for block in by_last.values():
        for long_t, long_n in block:
            if len(long_t) < 2:
                continue
            for short_t, short_n in block:
                if len(short_t) >= len(long_t) or long_t[-len(short_t) :] != short_t:
                    continue
                if is_given(long_t[0]) or len(short_t) >= 2 and is_given(short_t[0]):
                    out.append((long_n, short_n))
    return sorted(out)


def score_set(name: str, show: bool) -> int:
    from service.merge import merge

    folder = SETS / name
    ds = {d.article.id: d for d in digest_folder(folder / "articles")}
    gold = json.loads((folder / "clusters.json").read_text(encoding="utf-8"))["clusters"]
    n = 0
    for c in gold:
        arts = [ds[a] for a in c["articles"] if a in ds]
        if len(arts) < 2:
            continue
        found = split_pairs(merge(arts).actors)
        n += len(found)
        if show:
            for long_n, short_n in found:
                print(f"    {c['cluster']}: {long_n!r} / {short_n!r}")
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", choices=ALLOWED)
    ap.add_argument("--show", action="store_true", help="print each split person")
    args = ap.parse_args()
    total = 0
    for name in args.set or ALLOWED:
        n = score_set(name, args.show)
        total += n
        print(f"{name}: {n} split people")
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
