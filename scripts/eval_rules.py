"""Digest every corpus article with the rules engine and print the evaluation table against gold.

usage: python scripts/eval_rules.py ../shared/dev-corpus [--details] [--json OUT.json]

`summarise eval` prints the same table (plus merge scores); this script always uses the rules
engine and adds --details, every mismatch per article as one JSON line.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from service.engines import get_engine
from service.errors import NewsDigestError
from service.evaluation.articles import evaluate

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_rules import load_corpus  # noqa: E402  (sibling script, not a package)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path, help="corpus dir with articles/ and gold/")
    ap.add_argument("--details", action="store_true", help="list every mismatch per article")
    ap.add_argument("--json", type=Path, help="also write the full report as JSON here")
    args = ap.parse_args(argv)

    articles = load_corpus(args.corpus)
    try:
        engine = get_engine("rules")
    except (ImportError, NewsDigestError) as exc:
        print(f"cannot build the rules engine: {exc}", file=sys.stderr)
        return 2
    digests = []
    for article in articles:
        try:
            digests.append(engine.digest(article))
        except NewsDigestError as exc:  # scored as a miss: evaluate() lists it under `missing`
            print(f"{article.id}: digest failed: {exc}", file=sys.stderr)
    try:
        report = evaluate(digests, args.corpus, texts={a.id: a.text for a in articles})
    except NewsDigestError as exc:
        print(f"evaluation failed: {exc}", file=sys.stderr)
        return 1
    print(report.format_table())
    if args.details:
        for score in report.per_article:
            if score.details:
                print(f"\n{score.id}")
                for d in score.details:
                    print("  " + json.dumps(d, ensure_ascii=False))
    if args.json:
        args.json.write_text(
            json.dumps(report.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
