"""Derive per-language first-name genders (service/extract/data/locale_first_names.json) from the
Faker package's locales (MIT licence; the `names` extra).

The broad list (scripts/build_name_gender.py) pools every locale and the US news of PolNeAR train,
so a name reads as it does in most places: 'Jan' is a woman in 2016 US politics, 'Andrea' and
'Nicola' are women in most locales. In a Dutch, Polish or Czech article 'Jan' is a man, in an
Italian one 'Andrea' is. For each European language the engine reads, this keeps the first names
that language's own locales (nl_NL and nl_BE for Dutch) list under one gender only, where the
broad list says otherwise or nothing (every Cyrillic and Greek name: the broad list is Latin only).
Keys are name keys (lower case, accents dropped), as the engine looks them up.

    PYTHONPATH=. python scripts/build_locale_names.py [--out service/extract/data/locale_first_names.json]
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections import Counter
from pathlib import Path

from service.extract.names import name_key

ROOT = Path(__file__).resolve().parent.parent
BROAD = ROOT / "service/extract/data/first_name_gender.json"
# the European languages service.extract.lexicon_intl.language() returns, less English
_CODES = "ca cs da de el es et fi fr hr hu id it lt lv nl no pl pt ro ru sk sl sv tr uk"
LANGS = frozenset(_CODES.split())
# locales of languages the engine reads as another: Bulgarian text is read as Russian
READ_AS = {"bg": "ru"}
# Locales that list their first names without a gender (lt_LT) where the language's grammar
# gives it by the ending: a Lithuanian man's name ends in -as, -is, -ys or -us, a woman's in -a
# or -ė (before the accents are dropped).
BY_ENDING = {"lt": (("as", "is", "ys", "us"), ("a", "ė"))}


def _by_ending(lang: str, prov: object) -> dict[str, set[str]]:
    """The ungendered `first_names` of a locale, split by the language's endings."""
    ends = BY_ENDING.get(lang)
    if ends is None or getattr(prov, "first_names_male", None):
        return {}
    got: dict[str, set[str]] = {"m": set(), "f": set()}
    for n in getattr(prov, "first_names", ()) or ():
        for g, suffixes in zip(("m", "f"), ends, strict=True):
            if n.lower().endswith(suffixes):
                got[g].add(name_key(n))
    return got


def locale_genders(langs: frozenset[str]) -> dict[str, dict[str, Counter[str]]]:
    """Per language, per name key, how many of its locales list the name as male and as female."""
    from faker.config import AVAILABLE_LOCALES

    out: dict[str, dict[str, Counter[str]]] = {}
    for loc in sorted(AVAILABLE_LOCALES):
        lang = loc.split("_")[0]
        lang = READ_AS.get(lang, lang)
        if lang not in langs:
            continue
        try:
            prov = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        ending = _by_ending(lang, prov)
        for g, attr in (("m", "first_names_male"), ("f", "first_names_female")):
            keys = {name_key(n) for n in getattr(prov, attr, ()) or ()} | ending.get(g, set())
            for k in keys:
                if k and " " not in k:
                    out.setdefault(lang, {}).setdefault(k, Counter())[g] += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--out", type=Path, default=ROOT / "service/extract/data/locale_first_names.json"
    )
    args = ap.parse_args(argv)
    try:
        import faker
    except ImportError:
        print('error: needs the Faker package (pip install -e ".[names]")', file=sys.stderr)
        return 2
    data = json.loads(BROAD.read_text(encoding="utf-8"))
    broad = {w: g for g in ("m", "f") for w in data[g].split()}
    langs: dict[str, dict[str, str]] = {}
    for lang, votes in sorted(locale_genders(LANGS).items()):
        own = {k: next(iter(c)) for k, c in votes.items() if len(c) == 1}
        diff = {k: g for k, g in own.items() if broad.get(k) != g}
        if diff:
            langs[lang] = {
                g: " ".join(sorted(k for k, v in diff.items() if v == g)) for g in ("f", "m")
            }
    payload = {"source": f"faker {faker.VERSION} locales", "langs": langs}
    args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=0) + "\n", "utf-8")
    n = sum(len(v["f"].split()) + len(v["m"].split()) for v in langs.values())
    print(f"wrote {args.out}: {n} first names in {len(langs)} languages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
