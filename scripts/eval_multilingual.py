"""Score the offline engine on the invented multilingual evaluation set and print its figures.

usage: python scripts/eval_multilingual.py [SET_DIR ...] [--errors] [--json]

SET_DIR (default: the dev, test, holdout, holdout2, dev2, holdout3, dev3 and dev5 folders of
tests/data/multilingual/; its README says how each was used; holdout4 and holdout5 are scored only
when named)
holds one JSON file per language, each a list of articles: {"id", "lang", "title", "text",
"quotes": [{"text", "speaker", "role"}]}. `speaker` is the
canonical name (a string, or a list of accepted names), or null when the quote has no named
speaker; `role` (a string or list) names an unnamed speaker's role ("source", "porte-parole"): a
speaker containing one of those words counts as right.

A gold quote is found when a quotation the engine returns covers at least half of it (or it covers
half of the engine's); matching is one to one. Per language it prints quote recall and precision,
speaker accuracy over the found quotes, and the same over the found quotes whose gold speaker is a
name. The articles are invented for this set (see tests/data/multilingual/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from schemas.article import Article
from service.engines import get_engine

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [
    ROOT / "tests/data/multilingual" / name
    for name in ("dev", "test", "holdout", "holdout2", "dev2", "holdout3", "dev3", "dev5")
]


@dataclass
class Tally:
    gold: int = 0
    pred: int = 0
    found: int = 0
    right: int = 0
    named: int = 0
    named_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for k in ("gold", "pred", "found", "right", "named", "named_right"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.errors += other.errors

    def figures(self) -> dict[str, float]:
        def pct(a: int, b: int) -> float:
            return round(100.0 * a / b, 1) if b else 0.0

        return {
            "quote_recall": pct(self.found, self.gold),
            "quote_precision": pct(self.found, self.pred),
            "speaker_accuracy": pct(self.right, self.found),
            "name_accuracy": pct(self.named_right, self.named),
        }


def fold(s: str) -> str:
    """Case, accents and spacing folded: names compare as words, not bytes."""
    s = unicodedata.normalize("NFKD", s.replace("\u00a0", " ").replace("\u202f", " "))
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("’", "'")
    return " ".join(s.casefold().split())


def _as_list(v: str | list[str] | None) -> list[str]:
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def speaker_right(gold: dict, got: str | None) -> bool:
    names = [fold(n) for n in _as_list(gold.get("speaker"))]
    roles = [fold(r) for r in _as_list(gold.get("role"))]
    if got is None:
        return not names and not roles
    g = fold(got)
    if g in names:
        return True
    return any(r in g for r in roles)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def gold_spans(article: dict) -> list[tuple[int, int]]:
    """Each gold quote's offsets: the first place its text occurs after the previous one."""
    out = []
    pos = 0
    for q in article["quotes"]:
        k = article["text"].find(q["text"], pos)
        if k < 0:
            k = article["text"].find(q["text"])
        if k < 0:
            raise ValueError(f"{article['id']}: gold quote not in the text: {q['text']!r}")
        out.append((k, k + len(q["text"])))
        pos = k + 1
    return out


def score_article(article: dict, engine_name: str = "rules") -> Tally:
    text = article["text"]
    digest = get_engine(engine_name).digest(
        Article(id=article["id"], title=article.get("title"), text=text)
    )
    preds = [(q.start, q.end, q.speaker) for q in digest.quotes]
    t = Tally(gold=len(article["quotes"]), pred=len(preds))
    used: set[int] = set()
    for q, span in zip(article["quotes"], gold_spans(article), strict=True):
        best, best_ov = -1, 0
        for i, (s, e, _) in enumerate(preds):
            ov = _overlap(span, (s, e))
            if i not in used and ov > best_ov and 2 * ov >= min(span[1] - span[0], e - s):
                best, best_ov = i, ov
        named = q.get("speaker") is not None
        if best < 0:
            t.errors.append(f"{article['id']}: missed quote {q['text'][:50]!r}")
            continue
        used.add(best)
        t.found += 1
        t.named += named
        got = preds[best][2]
        if speaker_right(q, got):
            t.right += 1
            t.named_right += named
        else:
            want = q.get("speaker") or f"(role) {q.get('role')}"
            t.errors.append(f"{article['id']}: {q['text'][:40]!r}: want {want}, got {got}")
    for i, (s, e, _) in enumerate(preds):
        if i not in used:
            t.errors.append(f"{article['id']}: extra quote {text[s:e][:50]!r}")
    return t


def load_set(folder: Path) -> list[dict]:
    articles = []
    for f in sorted(folder.glob("*.json")):
        try:
            articles += json.loads(f.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ValueError(f"{f}: {e}") from e
    return articles


def score_set(folder: Path, engine_name: str = "rules") -> dict[str, Tally]:
    """Tallies per language, plus 'all'."""
    by_lang: dict[str, Tally] = {}
    total = Tally()
    for a in load_set(folder):
        t = score_article(a, engine_name)
        by_lang.setdefault(a["lang"], Tally()).add(t)
        total.add(t)
    by_lang["all"] = total
    return by_lang


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", type=Path, help="set folders (default: all but holdout4)")
    ap.add_argument("--errors", action="store_true", help="print each miss and wrong speaker")
    ap.add_argument("--json", action="store_true", help="figures as JSON")
    args = ap.parse_args(argv)
    report: dict[str, dict[str, dict[str, float]]] = {}
    for folder in args.sets or DEFAULT_SETS:
        if not folder.is_dir():
            print(f"error: {folder}: no such set folder", file=sys.stderr)
            return 2
        try:
            tallies = score_set(folder)
        except ValueError as e:
            print(f"error: {e}", file=sys.stderr)
            return 2
        report[folder.name] = {k: {**t.figures(), "gold": t.gold} for k, t in tallies.items()}
        if args.json:
            continue
        print(f"== {folder}")
        print(f"{'lang':5} {'gold':>5} {'recall':>7} {'prec':>7} {'speaker':>8} {'names':>7}")
        for lang, t in tallies.items():
            f = t.figures()
            print(
                f"{lang:5} {t.gold:5d} {f['quote_recall']:7.1f} {f['quote_precision']:7.1f} "
                f"{f['speaker_accuracy']:8.1f} {f['name_accuracy']:7.1f}"
            )
        if args.errors:
            for line in tallies["all"].errors:
                print("  " + line)
    if args.json:
        print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
