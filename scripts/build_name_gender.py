"""Derive the first-name gender list (service/extract/data/name_gender.json) from an annotated split.

Usage: python scripts/build_name_gender.py SPLIT_DIR [--out PATH] [--broad-out PATH]

In the PolNeAR layout (see ../shared/polnear/README.md) a quotation whose Source is the pronoun
"he" or "she" carries the name that automatic coreference linked it to. Counting, per first name,
how often it is "he" and how often "she" gives a gender list learnt from the news itself: a first
name is kept when it was seen at least MIN_SEEN times and at least SHARE of them agree. The
coreference names are noisy (about one in five is wrong), which the two thresholds absorb.

The broader list for pronoun agreement (service/extract/data/first_name_gender.json) adds, to the
same train counts, one vote per locale of the Faker package (MIT licence; the `names` extra) that lists
a first name as male or as female: a name in Latin script is kept when at least BROAD_SHARE of its
votes agree ('Hillary': 49 "she" and 6 "he" in train, female in two locales and male in two; 'Anne',
taken as "he" seven times in train, is female in most locales and so dropped as ambiguous).
A name of the train list above keeps its gender where at least one locale agrees ('Kelly', 'Jan'
are female in 2016 US politics, mostly male elsewhere). Train counts count only for names seen at
least MIN_SEEN times, as above; words the engine's
lexicons read as roles, places, bodies or function words are left out.
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

MIN_SEEN = 2
SHARE = 0.9
BROAD_SHARE = 0.85
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "president", "former", "the", "gen",
    "secretary", "senator", "sir", "lady", "lord", "vice", "first", "presidential", "candidate",
}  # fmt: skip
# optional titles, then First [M.] Last: every word capitalised, nothing possessive
_PERSON_RE = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.? )?[A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)+$"
)
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*\.?")


def first_name(name: str) -> str | None:
    """The first capitalised word that is not a title, lower-cased (None for initials)."""
    for w in _WORD_RE.findall(name):
        bare = w.rstrip(".").lower()
        if bare in _TITLES or not w[0].isupper():
            continue
        return bare if len(bare) > 1 and not w.endswith(".") else None
    return None


def count(split: Path) -> dict[str, Counter[str]]:
    seen: dict[str, Counter[str]] = {}
    for f in sorted((split / "gold").glob("*.json")):
        for q in json.loads(f.read_text(encoding="utf-8"))["quotes"]:
            pron = (q.get("source_text") or "").strip().lower()
            name = q.get("source_name")
            if q.get("source_kind") != "pronoun" or pron not in ("he", "she") or not name:
                continue
            if not _PERSON_RE.match(name.strip()):
                continue  # a surname alone, or not a person's name ("Obama administration")
            first = first_name(name)
            if first:
                seen.setdefault(first, Counter())["m" if pron == "he" else "f"] += 1
    return seen


def _latin(word: str) -> bool:
    return len(word) > 1 and all(
        c in "-'" or c.isalpha() and "LATIN" in unicodedata.name(c, "") for c in word
    )


def locale_votes() -> dict[str, Counter[str]]:
    """Per lower-cased first name in Latin script, how many of Faker's locales list it as male and
    how many as female (accents dropped as a second spelling: 'François', 'francois')."""
    from faker.config import AVAILABLE_LOCALES

    votes: dict[str, Counter[str]] = {}
    for loc in sorted(AVAILABLE_LOCALES):
        try:
            mod = importlib.import_module(f"faker.providers.person.{loc}")
        except ImportError:
            continue
        prov = mod.Provider
        for g, attr in (("m", "first_names_male"), ("f", "first_names_female")):
            forms: set[str] = set()
            for n in getattr(prov, attr, ()):
                w = n.strip().lower()
                plain = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
                forms |= {x for x in (w, plain) if _latin(x)}
            for w in forms:
                votes.setdefault(w, Counter())[g] += 1
    return votes


def broad(seen: dict[str, Counter[str]], learnt: dict[str, str]) -> dict[str, str]:
    votes = locale_votes()
    # the news's own list stands where some locale agrees ('Kelly', 'Jan': mostly male elsewhere)
    kept = {w: g for w, g in learnt.items() if votes.get(w, Counter({g: 1}))[g]}
    for first, c in seen.items():
        if sum(c.values()) >= MIN_SEEN:
            votes.setdefault(first, Counter()).update(c)
    from service.extract import names as lex

    # words the lexicons read otherwise: some locales list 'Admiral', 'General' or 'Will'
    other = lex.ROLE_NOUNS | lex.ORG_WORDS | lex.GROUP_WORDS | lex.RANKS | lex.STOPWORDS
    other |= lex.PLACES | frozenset(lex.DEMONYMS)
    out: dict[str, str] = {}
    for first, c in sorted(votes.items()):
        if first in other:
            continue
        g, n = c.most_common(1)[0]
        if first in kept:
            out[first] = kept[first]
        elif n / sum(c.values()) >= BROAD_SHARE:
            out[first] = g
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path)
    ap.add_argument("--out", type=Path, default=Path("service/extract/data/name_gender.json"))
    ap.add_argument(
        "--broad-out", type=Path, default=Path("service/extract/data/first_name_gender.json")
    )
    args = ap.parse_args(argv)
    if not (args.split / "gold").is_dir():
        print(f"error: {args.split}: not a PolNeAR split (needs gold/)", file=sys.stderr)
        return 2
    genders: dict[str, str] = {}
    seen = count(args.split)
    for first, c in sorted(seen.items()):
        g, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= MIN_SEEN and n / total >= SHARE:
            genders[first] = g
    payload = {"source": args.split.name, "min_seen": MIN_SEEN, "share": SHARE, "names": genders}
    args.out.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    m = sum(1 for g in genders.values() if g == "m")
    print(f"wrote {args.out}: {len(genders)} first names ({m} he, {len(genders) - m} she)")
    try:
        wide = broad(seen, genders)
    except ImportError:
        print(
            'error: the broad list needs the Faker package (the `names` extra: pip install -e ".[names]")',
            file=sys.stderr,
        )
        return 2
    by = {g: sorted(k for k, v in wide.items() if v == g) for g in ("f", "m")}
    payload = {
        "source": f"{args.split.name} + faker locales",
        "share": BROAD_SHARE,
        "f": " ".join(by["f"]),
        "m": " ".join(by["m"]),
    }
    args.broad_out.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(
        f"wrote {args.broad_out}: {len(wide)} first names ({len(by['m'])} he, {len(by['f'])} she)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
