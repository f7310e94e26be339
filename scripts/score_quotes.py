"""Score service.extract.quotes.find_quotes against a gold corpus: exact and overlap P/R/F1, kinds.

Usage: python scripts/score_quotes.py PATH/TO/dev-corpus [-v]
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from service.errors import EvaluationError
from service.evaluation.pairs import PairPRF
from service.extract.quotes import find_quotes


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    tp_exact: int = 0
    tp_overlap_gold: int = 0  # gold spans matched by some found span
    tp_overlap_found: int = 0  # found spans matching some gold span
    kind_ok: int = 0
    kind_total: int = 0
    misses: list[str] = field(default_factory=list)

    def exact(self) -> tuple[float, float, float]:
        """P, R, F1 of spans found with exactly the gold offsets (1.0 where nothing to count)."""
        hit = PairPRF(tp=self.tp_exact, fp=self.found - self.tp_exact, fn=self.gold - self.tp_exact)
        return hit.precision, hit.recall, hit.f1

    def overlap(self) -> tuple[float, float, float]:
        """P, R, F1 of overlapping spans: precision counts found spans, recall gold spans."""
        hit = PairPRF(
            tp=self.tp_overlap_gold,
            tp_pred=self.tp_overlap_found,
            fp=self.found - self.tp_overlap_found,
            fn=self.gold - self.tp_overlap_gold,
        )
        return hit.precision, hit.recall, hit.f1


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two spans match when they share at least half the length of the shorter one."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shared > 0 and shared * 2 >= shorter


def gold_spans(text: str, quotes: list[dict]) -> list[tuple[int, int, str]]:
    """Place gold quote texts on the article; a repeated text takes its next occurrence."""
    out: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for q in quotes:
        i = text.find(q["text"])
        while i in used:
            i = text.find(q["text"], i + 1)
        if i < 0:
            raise EvaluationError(f"gold quote {q.get('id')} not found verbatim in its article")
        used.add(i)
        out.append((i, i + len(q["text"]), q.get("kind", "")))
    return out


def score_article(text: str, quotes: list[dict], total: Score, name: str = "") -> None:
    gold = gold_spans(text, quotes)
    found = find_quotes(text)
    total.gold += len(gold)
    total.found += len(found)
    got = {(s.start, s.end): s for s in found}
    for g in gold:
        if (g[0], g[1]) in got:
            total.tp_exact += 1
            total.kind_total += 1
            total.kind_ok += got[(g[0], g[1])].kind == g[2]
            if got[(g[0], g[1])].kind != g[2]:
                total.misses.append(f"{name}: kind {got[(g[0], g[1])].kind}: {text[g[0] : g[1]]!r}")
        else:
            total.misses.append(f"{name}: gold not exact: {text[g[0] : g[1]]!r}")
        if any(overlaps((g[0], g[1]), (s.start, s.end)) for s in found):
            total.tp_overlap_gold += 1
    for s in found:
        if any(overlaps((g[0], g[1]), (s.start, s.end)) for g in gold):
            total.tp_overlap_found += 1
        if (s.start, s.end) not in {(g[0], g[1]) for g in gold}:
            total.misses.append(f"{name}: found not exact: {text[s.start : s.end]!r}")


def score_corpus(corpus: Path) -> Score:
    arts = sorted((corpus / "articles").glob("*.json"))
    if not arts:
        raise EvaluationError(f"{corpus}/articles has no *.json files: pass the dev-corpus folder")
    total = Score()
    for a in arts:
        g = corpus / "gold" / a.name
        if not g.exists():
            raise EvaluationError(f"{g} is missing: every article needs a gold file of that name")
        art = json.loads(a.read_text(encoding="utf-8"))
        gold = json.loads(g.read_text(encoding="utf-8"))
        score_article(art["text"], gold.get("quotes", []), total, a.stem)
    return total


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    corpus = Path(argv[0])
    total = score_corpus(corpus)
    texts = [
        json.loads(a.read_text())["text"] for a in sorted((corpus / "articles").glob("*.json"))
    ]
    t0 = time.perf_counter()
    rounds = 50
    for _ in range(rounds):
        for t in texts:
            find_quotes(t)
    per = (time.perf_counter() - t0) / (rounds * len(texts))
    chars = sum(map(len, texts)) / len(texts)
    print(f"gold {total.gold}  found {total.found}")
    print("exact   P {:.3f} R {:.3f} F1 {:.3f}".format(*total.exact()))
    print("overlap P {:.3f} R {:.3f} F1 {:.3f}".format(*total.overlap()))
    print(f"kind agreement on exact matches {total.kind_ok}/{total.kind_total}")
    print(f"time {per * 1000:.3f} ms/article (mean {chars:.0f} chars)")
    if "-v" in argv:
        print("\n".join(total.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
