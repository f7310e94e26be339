"""Command-line glue for batch runs and the results store: `summarise FOLDER --store ...` and
`summarise store list|export|prune|stats`. The logic lives in service.batch.runner and service.batch.store."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from service.batch.outcome import EXIT_OK, Status
from service.batch.progress import TextProgress
from service.batch.store import STORE_ENV, Store
from service.cli.common import emit, engine_options, err
from service.fsio import atomic_write_text


def cli_run(args: argparse.Namespace, fmt: str, *, engine: Any = None) -> int:
    """Run `summarise PATHS --store ...` from the parsed options of service.cli.main's run parser."""
    from service.api import resolve_engine
    from service.batch.options import options_from
    from service.batch.runner import run_batch

    if engine is None:
        engine = resolve_engine(args.engine, model=args.model, **engine_options(args))
    quiet = bool(getattr(args, "quiet", False))
    bar = None if quiet else TextProgress()
    with Store(args.store) as store:
        try:
            result = run_batch(
                args.paths,
                engine=engine,
                store=store,
                concurrency=args.concurrency,
                out_dir=args.out,
                fmt=fmt,
                merge=not args.no_merge,
                max_cost=args.max_cost,
                max_tokens=args.max_tokens,
                retry_failed=args.retry_failed,
                progress=bar,
                follow_links=bool(getattr(args, "follow_links", False)),
                **options_from(args),
            )
        finally:
            if bar is not None:
                bar.close()
    if args.out is None:
        emit(list(result.digests), result.stories, fmt)
    if not quiet:
        skipped = [o for o in result.outcomes if o.status is Status.skipped and not o.article_id]
        for o in skipped[:20]:  # files a folder held that are not articles: named, and counted
            err(f"skipped: {o.source}: {o.reason}")
        if len(skipped) > 20:
            err(f"skipped: ... and {len(skipped) - 20} more files")
        for o in result.outcomes:
            if o.status is Status.failed and not o.previously_failed:
                err(f"failed: {o.reason}")
        for w in result.warnings:
            err(f"warning: {w}")
        err(result.summary_line())
        if args.out is not None and result.failures_path and result.failed:
            err(f"failures listed in {result.failures_path}")
    return result.exit_code()


def build_store_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store", type=Path, help=f"store file (default ${STORE_ENV} or .newsdigest/store.sqlite)"
    )
    p = argparse.ArgumentParser(
        prog="summarise store", description="Inspect, export and prune the results store."
    )
    sub = p.add_subparsers(dest="action", required=True)
    ls = sub.add_parser("list", parents=[common], help="list stored digests (or failures, runs)")
    ls.add_argument("what", nargs="?", default="digests", choices=("digests", "failures", "runs"))
    ls.add_argument("--engine")
    ls.add_argument("--model")
    ls.add_argument("--limit", type=int)
    ls.add_argument("--json", action="store_true", help="one JSON object per line")
    ex = sub.add_parser("export", parents=[common], help="export digests (or failures, runs)")
    ex.add_argument("what", nargs="?", default="digests", choices=("digests", "failures", "runs"))
    ex.add_argument(
        "-f",
        "--format",
        choices=("jsonl", "json", "parquet"),
        default="jsonl",
        help="parquet: `store export --format parquet DIR` writes one table per item kind",
    )
    ex.add_argument("-o", "--out", type=Path, help="file to write (default: standard output)")
    ex.add_argument("--engine")
    ex.add_argument("--model")
    pr = sub.add_parser("prune", parents=[common], help="delete digests/failures matching filters")
    pr.add_argument("--older-than", type=float, metavar="DAYS")
    pr.add_argument("--engine")
    pr.add_argument("--model")
    pr.add_argument("--stale", action="store_true", help="rows of another schema version")
    pr.add_argument("--failures", action="store_true", help="only recorded failures")
    pr.add_argument("--all", action="store_true", help="empty the store")
    pr.add_argument("--dry-run", action="store_true", help="count, delete nothing")
    sub.add_parser("stats", parents=[common], help="counts, tokens and cost per engine and model")
    return p


def _when(ts: float | None) -> str:
    return dt.datetime.fromtimestamp(ts).strftime("%Y-%m-%d %H:%M:%S") if ts else "-"


def cli_store(argv: Sequence[str]) -> int:
    from service.batch.parquet import cli_export_parquet, wants_parquet

    if wants_parquet(argv):
        return cli_export_parquet(argv)
    args = build_store_parser().parse_args(list(argv))
    # a store command never creates folders and an empty database for a mistyped --store
    with Store(args.store, create=False) as store:
        if args.action == "list":
            return _list(store, args)
        if args.action == "export":
            if args.out is None:
                store.export(
                    sys.stdout,
                    fmt=args.format,
                    what=args.what,
                    engine=args.engine,
                    model=args.model,
                )
            else:
                buf = io.StringIO()
                n = store.export(
                    buf, fmt=args.format, what=args.what, engine=args.engine, model=args.model
                )
                atomic_write_text(args.out, buf.getvalue())
                err(f"exported {n} {args.what} to {args.out}")
            return EXIT_OK
        if args.action == "prune":
            r = store.prune(
                older_than_days=args.older_than,
                engine=args.engine,
                model=args.model,
                stale=args.stale,
                failures_only=args.failures,
                everything=args.all,
                dry_run=args.dry_run,
            )
            verb = "would delete" if args.dry_run else "deleted"
            print(f"{verb} {r.digests} digests, {r.failures} failures, {r.runs} runs")
            return EXIT_OK
        print(json.dumps(store.stats(), indent=2))
        return EXIT_OK


def _list(store: Store, args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]]
    if args.what == "digests":
        rows = [
            r.to_dict()
            for r in store.list_digests(engine=args.engine, model=args.model, limit=args.limit)
        ]
    elif args.what == "failures":
        rows = [f.to_dict() for f in store.list_failures(engine=args.engine, model=args.model)]
    else:
        rows = store.list_runs(limit=args.limit)
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        return EXIT_OK
    for r in rows:
        if args.what == "digests":
            model = f" ({r['model']})" if r["model"] else ""
            tokens = r["prompt_tokens"] + r["completion_tokens"]
            print(
                f"{_when(r['created_at'])}  {r['content_hash'][:12]}  {r['engine']}{model}  "
                f"{tokens:>7} tok  {r['article_id'] or '-'}  {r['source'] or ''}"
            )
        elif args.what == "failures":
            print(
                f"{_when(r['last_failed_at'])}  {r['kind']:<24} x{r['runs_failed']}  "
                f"{r['source'] or r['subject']}: {r['reason']}"
            )
        else:
            counts = r["summary"] or {}
            print(
                f"{r['id']}  {r['status']:<11} {r['engine']} {r['model'] or ''}  "
                f"ok {counts.get('succeeded', 0)} cached {counts.get('cached', 0)} "
                f"failed {counts.get('failed', 0)}"
            )
    print(f"{len(rows)} {args.what}", file=sys.stderr)
    return EXIT_OK
