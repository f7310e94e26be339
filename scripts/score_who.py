"""Score the offline engine's WHO part (speakers and actors) on a corpus: `score_who.py CORPUS [-v]`.

Quotations come from `find_quotes` when it is implemented (matched to gold by overlap), else from
the gold quotes placed on the text (`--gold-spans` forces that). Matching rules are service.evaluation.articles's.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from service.evaluation.articles import (
    actor_matches,
    load_corpus_articles,
    load_gold,
    locate_gold_quotes,
    match_spans,
    speaker_correct,
)
from service.extract.actors import extract_actors
from service.extract.quotes import QuoteSpan, find_quotes
from service.extract.speakers import attribute
from service.normalise import DOUBLE_QUOTES, SINGLE_QUOTES

_MARKS = DOUBLE_QUOTES + SINGLE_QUOTES


def gold_spans(text: str, gold, raw: dict) -> list[QuoteSpan]:
    """QuoteSpans built from gold quotes: marks found next to the quoted words, nesting and groups."""
    placed = locate_gold_quotes(gold, text)
    groups = [q.get("group") for q in raw.get("quotes", [])]
    ids = [q.id for q in gold.quotes]
    order = sorted(range(len(placed)), key=lambda i: placed[i][0])
    pos = {gi: k for k, gi in enumerate(order)}
    out: list[QuoteSpan] = []
    for k, gi in enumerate(order):
        s, e = placed[gi]
        q = gold.quotes[gi]
        o = s - 1 if s > 0 and text[s - 1] in _MARKS else None
        c = e if e < len(text) and text[e] in _MARKS else None
        if c is None and e + 1 < len(text) and text[e] in ".,!?" and text[e + 1] in _MARKS:
            c = e + 1
        parent = pos[ids.index(q.nested_in)] if q.nested_in in ids else None
        cont = k > 0 and groups[gi] is not None and groups[order[k - 1]] == groups[gi]
        out.append(QuoteSpan(s, e, q.kind, o, c, 1 if parent is not None else 0, parent, cont))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument(
        "--gold-spans", action="store_true", help="use gold quotes instead of find_quotes"
    )
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    golds = load_gold(args.corpus)
    articles = {a.id: a for a in load_corpus_articles(args.corpus)}
    use_gold = args.gold_spans
    sp_ok = sp_n = act_hit = act_n = pred_ok = pred_n = 0
    elapsed = 0.0
    for aid, gold in sorted(golds.items()):
        art = articles[aid]
        text = art.text
        raw = json.loads(gold.path.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        spans: list[QuoteSpan]
        if not use_gold:
            try:
                spans = find_quotes(text)
            except NotImplementedError:
                use_gold = True
        if use_gold:
            spans = gold_spans(text, gold, raw)
        actors = extract_actors(text, spans, title=art.title)
        attrs = attribute(text, spans, actors)
        elapsed += time.perf_counter() - t0
        gplaced = locate_gold_quotes(gold, text)
        matched = match_spans(gplaced, [(s.start, s.end) for s in spans], exact=False)
        for gi, pi in sorted(matched.items()):
            ok = speaker_correct(attrs[pi].speaker, gold.quotes[gi], gold.actors)
            sp_ok += ok
            sp_n += 1
            if args.verbose and not ok:
                a = attrs[pi]
                print(
                    f"  SPEAKER {aid} {gold.quotes[gi].id}: got {a.speaker!r} via {a.rule} "
                    f"({a.mention!r}); gold {gold.quotes[gi].speaker!r}"
                )
        for ga in gold.actors:
            hit = any(actor_matches([a.name, *a.aliases], a.type.value, ga) for a in actors)
            act_hit += hit
            act_n += 1
            if args.verbose and not hit:
                print(f"  MISSED ACTOR {aid}: {ga.name} {list(ga.aliases)}")
        for a in actors:
            ok = any(actor_matches([a.name, *a.aliases], a.type.value, ga) for ga in gold.actors)
            pred_ok += ok
            pred_n += 1
            if args.verbose and not ok:
                print(f"  EXTRA ACTOR {aid}: {a.name} ({a.type.value}) {a.aliases[:3]}")
    print(f"quotes from: {'gold spans' if use_gold else 'find_quotes'}")
    print(f"speaker accuracy: {sp_ok}/{sp_n} = {sp_ok / max(1, sp_n):.3f}")
    print(f"actor recall:     {act_hit}/{act_n} = {act_hit / max(1, act_n):.3f}")
    print(f"actor precision:  {pred_ok}/{pred_n} = {pred_ok / max(1, pred_n):.3f}")
    print(f"time: {1000 * elapsed / max(1, len(golds)):.2f} ms/article (actors + speakers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
