"""Score the offline event extractor against the dev corpus gold: recall, precision, date accuracy.

Usage: python scripts/score_events.py CORPUS_DIR [-v]

CORPUS_DIR holds articles/*.json and gold/*.json. Actors are built from the gold actors (name and
aliases placed on the text with service.ground.mentions), so the score measures event selection
and dating, not actor finding.

Matching rule. A predicted event matches a gold event when
  (a) at least half of the gold summary's content words (folded, stopwords dropped, 6-letter
      stems) occur in the predicted evidence sentence or summary, or
  (b) at least 30% do and they share a participant and a non-null date.
Pairs are assigned one-to-one, best score first. Recall = matched gold / gold events;
precision = matched predictions / predictions; date accuracy = matched pairs whose predicted date
equals the gold date (null equal to null counts as right); location accuracy = matched pairs
whose locations are both null or where one folded name contains the other.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from schemas import Actor, ActorType, Event, Span
from service.extract.events import content_words, extract_events
from service.ground import SourceText, mentions
from service.normalise import name_key

WORD_SHARE = 0.5
WORD_SHARE_WITH_FACTS = 0.3


def gold_actors(text: str, gold: dict) -> list[Actor]:
    src = SourceText(text)
    out: list[Actor] = []
    for i, a in enumerate(gold.get("actors", []), start=1):
        spans: list[Span] = []
        for name in dict.fromkeys([a["name"], *a.get("aliases", [])]):
            spans.extend(Span(start=s, end=e, text=text[s:e]) for s, e in mentions(name, src))
        spans = sorted(set(spans), key=lambda sp: sp.start)
        out.append(
            Actor(
                id=f"a{i}",
                name=a["name"],
                type=ActorType(a["type"]),
                aliases=a.get("aliases", []),
                mentions=spans[:300],
            )
        )
    return out


def match_score(gold: dict, pred: Event) -> float:
    g = content_words(gold["summary"])
    if not g:
        return 0.0
    p = content_words(pred.summary + " " + " ".join(s.text for s in pred.evidence))
    share = len(g & p) / len(g)
    if share >= WORD_SHARE:
        return share
    shared_who = set(gold.get("participants") or []) & set(pred.participants)
    if (
        share >= WORD_SHARE_WITH_FACTS
        and shared_who
        and gold.get("date")
        and gold["date"] == pred.date
    ):
        return share
    return 0.0


def same_place(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g, p = name_key(gold), name_key(pred)
    return bool(g and p) and (g in p or p in g)


def score(corpus: Path, verbose: bool = False) -> dict[str, float]:
    n_gold = n_pred = n_match = n_date = n_place = 0
    for gpath in sorted((corpus / "gold").glob("*.json")):
        if gpath.name == "clusters.json":
            continue
        gold = json.loads(gpath.read_text())
        art = json.loads((corpus / "articles" / gpath.name).read_text())
        pub = dt.date.fromisoformat(art["published"]) if art.get("published") else None
        preds = extract_events(
            art["text"], pub, gold_actors(art["text"], gold), title=art.get("title")
        )
        pairs = sorted(
            (
                (match_score(g, p), gi, pi)
                for gi, g in enumerate(gold["events"])
                for pi, p in enumerate(preds)
            ),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        matched: dict[int, int] = {}
        for s, gi, pi in pairs:
            if s <= 0 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            matched[gi] = pi
        n_gold += len(gold["events"])
        n_pred += len(preds)
        n_match += len(matched)
        n_date += sum(
            1 for gi, pi in matched.items() if gold["events"][gi].get("date") == preds[pi].date
        )
        n_place += sum(
            1
            for gi, pi in matched.items()
            if same_place(gold["events"][gi].get("location"), preds[pi].location)
        )
        if verbose:
            print(
                f"== {gpath.stem}: {len(matched)}/{len(gold['events'])} gold matched, {len(preds)} predicted"
            )
            for gi, g in enumerate(gold["events"]):
                if gi in matched:
                    p = preds[matched[gi]]
                    ok = (
                        "ok"
                        if g.get("date") == p.date
                        else f"DATE {p.date!r} ({p.date_text!r}) vs {g.get('date')!r}"
                    )
                    print(
                        f"  + {g['id']} -> {p.id} [{ok}] loc={p.location!r} gold_loc={g.get('location')!r}"
                    )
                else:
                    print(f"  - {g['id']} MISSED: {g['summary']}")
            for pi, p in enumerate(preds):
                if pi not in used_p:
                    print(f"  ? {p.id} extra: {p.summary[:110]} [{p.date}]")
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": n_match,
        "recall": n_match / n_gold if n_gold else 0.0,
        "precision": n_match / n_pred if n_pred else 0.0,
        "date_accuracy": n_date / n_match if n_match else 0.0,
        "location_accuracy": n_place / n_match if n_match else 0.0,
    }


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    result = score(Path(args[0]), verbose="-v" in argv)
    print(
        f"events: gold {result['gold']}, predicted {result['predicted']}, matched {result['matched']}; "
        f"recall {result['recall']:.2f}, precision {result['precision']:.2f}, "
        f"date accuracy {result['date_accuracy']:.2f}, location accuracy {result['location_accuracy']:.2f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
