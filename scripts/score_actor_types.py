"""Score how the offline engine types the actors that PolNeAR gold names as quote sources.

usage: python scripts/score_actor_types.py POLNEAR_SPLIT [--examples N] [--limit N]

Every gold quote whose source is a name (source_kind "name"; automatic names, source_name_auto,
are skipped as noisy) names a person or an organisation speaking. A gold name of two or more words
with a known given name (service/extract/data/name_gender.json) followed by capitalised words is
taken as a person, its surname the last of those words. For each article the rules engine's actors are matched to the gold names by surname key,
and the script prints:

- person names typed non-person: gold person names whose matching actor(s) are not all persons;
- per-article duplicates: a gold surname key held by two actors of different types;
- all-actor duplicates: any surname key of a multi-word person actor also held by a non-person.

Figures go to the terminal only. Exit status 2 when the split is missing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from schemas import ActorType
from service.engines import get_engine
from service.extract.name_gender import _names
from service.extract.names import name_key
from service.extract.person_match import surname_key
from service.ingest.files import load_articles


def gold_names(gold: dict[str, object]) -> set[str]:
    quotes = gold.get("quotes") or []
    assert isinstance(quotes, list)
    return {
        str(q["source_name"])
        for q in quotes
        if q.get("source_kind") == "name" and q.get("source_name") and not q.get("source_name_auto")
    }


def person_name(name: str) -> str | None:
    """The personal name inside a gold source name ('conservative host Rush Limbaugh' -> 'Rush
    Limbaugh'): a known given name and the capitalised words after it, or None."""
    words = name.split(",")[0].split()
    for i, w in enumerate(words):
        if name_key(w) not in _names() or not w[:1].isupper() or w.endswith(("'s", "’s")):
            continue
        run = [w]
        for x in words[i + 1 :]:
            if not (x[:1].isupper() or x[:1] in '"“') or x.startswith("("):
                break
            run.append(x)
        if len(run) >= 2:
            return " ".join(run)
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a PolNeAR split folder (articles/ and gold/)")
    ap.add_argument("--examples", type=int, default=12, help="examples printed per error kind")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    args = ap.parse_args(argv)
    if not (args.split / "articles").is_dir() or not (args.split / "gold").is_dir():
        print(
            f"error: {args.split}: not a PolNeAR split (needs articles/ and gold/)", file=sys.stderr
        )
        return 2
    engine = get_engine("rules")
    files = sorted((args.split / "articles").glob("*.json"))
    if args.limit:
        files = files[: args.limit]
    n_art = n_names = n_person = n_matched = n_mistyped = n_missing = 0
    n_dup = n_keys = n_dup_all = n_person_actors = 0
    mistyped: list[str] = []
    dups: list[str] = []
    dups_all: list[str] = []
    wrong_types: Counter[str] = Counter()
    for f in files:
        gf = args.split / "gold" / f.name
        if not gf.is_file():
            continue
        gold = json.loads(gf.read_text(encoding="utf-8"))
        for article in load_articles(f):
            n_art += 1
            actors = engine.digest(article).actors
            by_key: dict[str, list[tuple[str, ActorType]]] = {}
            for a in actors:
                by_key.setdefault(surname_key(a.name), []).append((a.name, a.type))
            names = sorted(gold_names(gold))
            # a surname alone is a person when the article's gold holds that person's full name
            full = {surname_key(p): p for p in map(person_name, names) if p}
            for name in names:
                n_names += 1
                person = person_name(name)
                if person is None and len(name.split()) <= 2:
                    person = full.get(surname_key(name))
                key = surname_key(person or name)
                hits = by_key.get(key, [])
                if len({t for _, t in hits}) > 1:
                    n_dup += 1
                    dups.append(f"{article.id}: {name!r} -> {hits}")
                n_keys += 1
                if person is None:
                    continue
                n_person += 1
                if not hits:
                    n_missing += 1
                    continue
                n_matched += 1
                bad = [(a, t) for a, t in hits if t != ActorType.person]
                if bad:
                    n_mistyped += 1
                    wrong_types.update(str(t.value) for _, t in bad)
                    mistyped.append(f"{article.id}: {name!r} -> {bad}")
            # any multi-word person actor whose surname key another actor holds with another type
            for key, hits in by_key.items():
                if not any(t == ActorType.person and len(a.split()) >= 2 for a, t in hits):
                    continue
                n_person_actors += 1
                if any(t != ActorType.person for _, t in hits):
                    n_dup_all += 1
                    dups_all.append(f"{article.id}: {key!r} -> {hits}")

    def rate(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.3f}" if b else f"{a}/0"

    print(f"articles: {n_art}; gold source names (kind name, not automatic): {n_names}")
    print(f"gold person names (known given name): {n_person}; with a matching actor: {n_matched}")
    print(f"  no matching actor:            {rate(n_missing, n_person)}")
    print(f"  person typed non-person:      {rate(n_mistyped, n_matched)}  {dict(wrong_types)}")
    print(f"gold names split over types:    {rate(n_dup, n_keys)}")
    print(f"person surname keys shared with a non-person actor: {rate(n_dup_all, n_person_actors)}")
    for label, rows in (
        ("person typed non-person", mistyped),
        ("gold name split over types", dups),
        ("person key shared with non-person", dups_all),
    ):
        if rows and args.examples:
            print(f"\n{label} (first {min(args.examples, len(rows))}):")
            for r in rows[: args.examples]:
                print(f"  {r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
