"""`summarise PATHS --format html [--out DIR]`: digest (through the batch runner and its store when
the run asks for one), merge, and write the report. The report needs the article texts to
highlight offsets, so the articles are read here once and handed to the engine as Article objects."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from schemas import Article, ArticleDigest
from schemas.story import StoryDigest
from service.errors import NewsDigestError
from service.fsio import atomic_write_text, ensure_dir


def stories_of(digests: list[ArticleDigest], *, merge: bool = True) -> list[StoryDigest]:
    """The stories of a run: the digests grouped into stories and merged (a lone article is a
    story of one), the same grouping as the JSON and text outputs."""
    if not merge or not digests:
        return []
    from service.merge import merge_stories

    return merge_stories(digests)


def run_html(args: argparse.Namespace, engine: Any, *, batch: bool) -> int:
    from service.api import iter_articles
    from service.batch.outcome import EXIT_FAILED, EXIT_OK
    from service.cli.common import err as _err
    from service.report import render_report, render_site

    failures: list[NewsDigestError] = []

    def on_error(e: NewsDigestError) -> None:
        failures.append(e)
        _err(f"error: {e}")

    sources = [p if p == "-" else Path(p) for p in args.paths]
    articles: list[Article] = list(iter_articles(sources, on_error=on_error))
    texts = {a.content_hash: a.text for a in articles}
    exit_code = EXIT_OK
    if batch:
        from service.batch.runner import run_batch

        result = run_batch(
            articles,
            engine=engine,
            store=args.store,
            concurrency=args.concurrency,
            merge=False,
            max_cost=args.max_cost,
            max_tokens=args.max_tokens,
            retry_failed=args.retry_failed,
        )
        digests = list(result.digests)
        for o in result.outcomes:
            if o.status.value == "failed":
                _err(f"failed: {o.reason}")
        exit_code = result.exit_code()
    else:
        digests = []
        for a in articles:
            try:
                digests.append(engine.digest(a))
            except NewsDigestError as e:
                on_error(e)
    stories = stories_of(digests, merge=not args.no_merge)
    if args.out:
        out = ensure_dir(args.out)
        for name, page in render_site(digests, stories, texts).items():
            atomic_write_text(out / name, page)
        where = f"{out / 'index.html'}"
    else:
        sys.stdout.write(render_report(digests, stories, texts))
        where = "standard output"
    if not args.quiet:
        _err(
            f"{len(digests)} digested, {len(failures)} failed, {len(stories)} "
            f"stor{'ies' if len(stories) != 1 else 'y'}; report written to {where}"
        )
    if failures and exit_code == EXIT_OK:
        return EXIT_FAILED
    return int(exit_code)
