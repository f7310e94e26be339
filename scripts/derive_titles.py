"""Derive the English title lexicon (service/extract/title_words.tsv) from PolNeAR train.

For every annotated name source ("Senate Majority Leader Mitch McConnell", "Spokeswoman Haley
Morris"), the words before the personal name are its title. The personal name is found from the
annotated head (the surname) by walking back over capitalised words that the corpus never writes in
lower case (first names, initials); the word right before it is the title's head ("leader",
"spokeswoman"), and the words before that are modifiers ("senate", "majority").

A word is kept when it heads at least MIN_HEAD distinct sources and the corpus writes it in lower
case at least as often as capitalised mid-sentence (so first names and surnames never get in).
The output is deterministic: sorted by count, then word.

    python scripts/derive_titles.py ../shared/polnear/train [--out service/extract/title_words.tsv]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

MIN_HEAD = 3
MIN_MODIFIER = 3
MIN_BEFORE_CAP = 3
BEFORE_CAP_SHARE = 0.04  # first names ('Hope', 'Will') rarely stand before a capital in lower case
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_SKIP_WORDS = """a an the for and in at on to his her their its our former then acting late one another
    some who whom s de by with from as"""
_SKIP = frozenset(_SKIP_WORDS.split())


def _key(word: str) -> str:
    return word.lower().strip(".,;:'’").replace("’", "'")


def _case_counts(articles: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """Mid-sentence lower-case and capitalised counts of every word in the articles, and how often
    each lower-case word stands right before a capitalised one ('spokesman Josh', 'aide Hope')."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    before_cap: Counter[str] = Counter()
    for f in sorted(articles.glob("*.json")):
        text = json.loads(f.read_text(encoding="utf-8"))["text"]
        prev, prev_end = ".", 0
        for m in _WORD.finditer(text):
            w = m.group()
            before = text[max(0, m.start() - 2) : m.start()].strip()
            initial = not before or before[-1] in '.!?"“”\n' or prev.endswith(".")
            if not initial:
                (lower if w[0].islower() else upper)[_key(w)] += 1
            if prev[0].islower() and w[0].isupper() and text[prev_end : m.start()] == " ":
                before_cap[_key(prev)] += 1
            prev, prev_end = w, m.end()
    return lower, upper, before_cap


def derive(split: Path) -> tuple[Counter[str], Counter[str]]:
    """(heads, modifiers): title words before annotated personal names, counted per source."""
    lower, upper, before_cap = _case_counts(split / "articles")
    heads: Counter[str] = Counter()
    mods: Counter[str] = Counter()
    for f in sorted((split / "gold").glob("*.json")):
        seen: set[str] = set()
        for q in json.loads(f.read_text(encoding="utf-8"))["quotes"]:
            st, head = q.get("source_text"), q.get("source_head")
            if q.get("source_kind") != "name" or not st or not head or st in seen:
                continue
            seen.add(st)
            words = [m.group() for m in _WORD.finditer(st[: st.rfind(head)])]
            j = len(words)
            # back over first names and initials: capitalised, never written in lower case
            while j > 0 and words[j - 1][0].isupper() and lower[_key(words[j - 1])] == 0:
                j -= 1
            pre = [_key(w) for w in words[:j] if _key(w) not in _SKIP]
            # 'Secretary of State John Kerry': the head is the word before 'of'
            h = pre.index("of") - 1 if "of" in pre else len(pre) - 1
            if h < 0:
                continue
            heads[pre[h]] += 1
            for w in pre[:h] + pre[h + 1 :]:
                if w != "of":
                    mods[w] += 1

    def titled(w: str) -> bool:
        return w.isalpha() and lower[w] >= upper[w] and lower[w] > 0

    # a head heads more sources than it modifies, and the text often writes it before a name
    heads = Counter(
        {
            w: c
            for w, c in heads.items()
            if c >= MIN_HEAD
            and c > mods[w]
            and before_cap[w] >= max(MIN_BEFORE_CAP, BEFORE_CAP_SHARE * lower[w])
            and titled(w)
        }
    )
    mods = Counter({w: c for w, c in mods.items() if c >= MIN_MODIFIER and titled(w)})
    return heads, mods


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="a PolNeAR split folder (with articles/ and gold/)")
    ap.add_argument(
        "--out", type=Path, default=Path(__file__).parent.parent / "service/extract/title_words.tsv"
    )
    args = ap.parse_args(argv)
    if not (args.split / "gold").is_dir():
        print(
            f"error: {args.split}: no gold/ folder (a PolNeAR split is expected)", file=sys.stderr
        )
        return 2
    heads, mods = derive(args.split)
    rows = sorted(
        [("head", w, c) for w, c in heads.items()] + [("modifier", w, c) for w, c in mods.items()],
        key=lambda r: (r[0], -r[2], r[1]),
    )
    lines = [f"# derived by scripts/derive_titles.py from {args.split.name}; kind\tword\tcount"]
    lines += [f"{k}\t{w}\t{c}" for k, w, c in rows]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(heads)} title heads, {len(mods)} modifiers -> {args.out}")
    print("top heads:", ", ".join(f"{w} {c}" for w, c in heads.most_common(25)))
    print("top modifiers:", ", ".join(f"{w} {c}" for w, c in mods.most_common(25)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
