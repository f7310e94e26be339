"""The `summarise` command: a thin shell that parses options, calls the Python API and maps errors
to clean messages and exit codes (0 ok, 1 some articles failed, 2 usage or configuration error,
3 a batch stopped by its budget, 130 interrupted)."""

from __future__ import annotations

import argparse
import os
import sys
import types
from collections.abc import Sequence
from pathlib import Path

from service import __version__
from service.cli import render
from service.cli.common import (
    add_engine_options,
    emit,
    engine_options,
    err,
    non_negative_float,
    non_negative_int,
    positive_int,
    sigterm_as_interrupt,
    startup_gc,
)
from service.errors import ConfigError, NewsDigestError
from service.fsio import atomic_write_text
from service.safe_paths import IdRegistry, OutputNamer, printable

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = ("eval", "schema", "merge", "store", "serve")
_err, _engine_options = err, engine_options  # the names the rest of this module uses
__all__ = ["emit", "main"]

TYPE_CHECKING = False  # `typing` itself is not imported: `summarise --help` does not need it
if TYPE_CHECKING:
    from typing import Any


def build_run_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="summarise",
        description="Digest news articles into grounded events, actors and quotes. "
        "Other commands: summarise eval|schema|merge|store|serve --help",
    )
    p.add_argument(
        "paths", nargs="+", help="files or folders (searched recursively); '-' reads stdin"
    )
    p.add_argument("--version", action="version", version=f"summarise (newsdigest) {__version__}")
    p.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links that lead out of the folders given (default: skip them)",
    )
    p.add_argument(
        "-f",
        "--format",
        choices=render.FORMATS,
        default=None,
        help="text (default on a terminal), json (default otherwise), jsonl, md, html (a "
        "self-contained report page; with --out, index.html and a page per story)",
    )
    p.add_argument("-o", "--out", type=Path, help="write one file per article (and story) into DIR")
    p.add_argument(
        "--no-merge", action="store_true", help="do not merge several articles into a story"
    )
    add_engine_options(p)
    b = p.add_argument_group("batch")
    b.add_argument(
        "--store",
        type=Path,
        help="results store (SQLite; default $NEWSDIGEST_STORE or "
        ".newsdigest/store.sqlite); reruns reuse stored digests and resume killed runs",
    )
    b.add_argument(
        "--no-store",
        action="store_true",
        help="digest in this process only: no store, no resume (default for single files "
        "with the offline engine)",
    )
    b.add_argument(
        "--concurrency",
        type=positive_int,
        default=4,
        help="articles in flight at once (default 4)",
    )
    b.add_argument(
        "--retry-failed", action="store_true", help="run only articles that failed before"
    )
    b.add_argument(
        "--max-cost",
        type=non_negative_float,
        help="stop cleanly before spending more than this (USD)",
    )
    b.add_argument(
        "--max-tokens",
        type=non_negative_int,
        help="stop cleanly before using more tokens than this",
    )
    b.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    from service.batch.options import add_options

    add_options(b)
    return p


def _wants_batch(args: argparse.Namespace, engine: Any) -> bool:
    """The batch runner (results store, resume, concurrency, progress) serves folders, model runs
    and any batch option; a quick look at a file or two with the offline engine needs none of it."""
    if args.no_store:
        return False
    if args.store or args.retry_failed or args.max_cost is not None or args.max_tokens is not None:
        return True
    return getattr(engine, "name", "") != "rules" or any(
        p != "-" and Path(p).is_dir() for p in args.paths
    )


def cmd_run(argv: Sequence[str], *, as_command: bool = False) -> int:
    with startup_gc(as_command):  # the options, pydantic, the models, the engine
        args = build_run_parser().parse_args(argv)  # before the heavy imports: quick --help
        if as_command:
            cache_regexes()
            cache_code()
        if args.out is not None and args.out.exists() and not args.out.is_dir():
            raise ConfigError(f"--out {printable(str(args.out))}: is a file; --out takes a folder")
        fmt = args.format or ("text" if sys.stdout.isatty() and not args.out else "json")
        from service.api import resolve_engine, summarise_many

        engine = resolve_engine(args.engine, model=args.model, **_engine_options(args))
    if fmt == "html":
        from service.cli.html_report import run_html

        return run_html(args, engine, batch=_wants_batch(args, engine))
    if _wants_batch(args, engine):
        from service.cli.batch_commands import cli_run

        return cli_run(args, fmt, engine=engine)
    failures: list[NewsDigestError | str] = []
    skipped: list[str] = []

    def on_error(e: NewsDigestError) -> None:
        failures.append(e)
        _err(f"error: {e}")

    from service.batch.options import options_from
    from service.cli.json_stream import JsonDocument

    digests = []  # kept only to merge them: without a merge, memory stays flat
    # on the command line every argument is a path (or '-'), never article text
    sources = [p if p == "-" else Path(p) for p in args.paths]
    doc = JsonDocument(sys.stdout) if fmt == "json" and not args.out else None
    namer = None
    if args.out:
        from service.ingest.files import iter_sources

        # every file that will be read, folders walked first: no output may replace one of them
        inputs = iter_sources(args.paths, on_error=lambda _e: None, follow_links=args.follow_links)
        namer = OutputNamer(
            args.out,
            render.SUFFIX[fmt],
            reserved=("stories", "failures"),
            inputs=map(str, inputs),
        )
    ids = IdRegistry()
    count = 0
    for d in summarise_many(
        sources,
        engine=engine,
        on_error=on_error,
        on_skip=lambda p, why: skipped.append(f"{p}: {why}"),
        follow_links=args.follow_links,
        **options_from(args),
    ):
        count += 1
        unique = ids.unique(d.article.id, d.article.content_hash)
        if unique != d.article.id:  # two files named index.html: the merger needs distinct ids
            d = d.model_copy(update={"article": d.article.model_copy(update={"id": unique})})
        if not args.no_merge:
            digests.append(d)
        if namer is not None:
            problem = _write(namer.path_for(unique, d.article.content_hash), d, fmt)
            if problem:
                failures.append(problem)
        elif doc is not None:
            doc.add(d)
        else:  # text, md and jsonl print as articles finish
            sys.stdout.write(render.render(d, fmt))
            sys.stdout.flush()
    stories = _stories_or_warn(digests, as_command) if digests and not args.no_merge else []
    if stories and args.out:
        from service.merge.output import write_stories

        try:
            write_stories(args.out, stories, fmt)
        except OSError as e:
            failures.append(f"{args.out}: cannot write the stories ({e.strerror or e})")
            _err(f"error: {failures[-1]}")
    if doc is not None:
        doc.close(stories)
    elif not args.out:
        emit([], stories, fmt, streamed=True)
    if not args.quiet:
        from service.merge.output import summary

        _report_skipped(skipped)
        _err(
            f"{count} digested, {len(failures)} failed"
            + (f", {len(skipped)} skipped" if skipped else "")
            + (f", {summary(stories)}" if stories else "")
        )
    return EXIT_FAILED if failures else EXIT_OK


def _write(path: Path, item: Any, fmt: str) -> str | None:
    """Write one output file; a write error is reported and the run goes on."""
    try:
        atomic_write_text(path, render.render(item, fmt))
    except OSError as e:
        problem = f"{path}: cannot write the output ({e.strerror or e})"
        _err(f"error: {problem}")
        return problem
    return None


def _stories_or_warn(digests: list[Any], as_command: bool = False) -> list[Any]:
    with startup_gc(as_command):
        from service.merge import merge_stories

    try:
        return merge_stories(digests)
    except NewsDigestError as e:
        _err(f"warning: no stories: {e}")
        return []


def _report_skipped(skipped: Sequence[str], show: int = 20) -> None:
    """Name what a folder held but could not be read (unsupported types, links leading out)."""
    for line in skipped[:show]:
        _err(f"skipped: {line}")
    if len(skipped) > show:
        _err(f"skipped: ... and {len(skipped) - show} more")


def cmd_schema(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(prog="summarise schema", description="Print a JSON Schema.")
    p.add_argument("which", nargs="?", default="digest", choices=("digest", "story", "article"))
    args = p.parse_args(argv)
    import json

    import schemas

    model: Any
    if args.which == "digest":
        model = schemas.ArticleDigest
    elif args.which == "article":
        model = schemas.Article
    else:
        from schemas.story import StoryDigest

        model = StoryDigest
    print(json.dumps(model.model_json_schema(), indent=2))
    return EXIT_OK


def cmd_eval(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(
        prog="summarise eval",
        description="Digest the articles of a gold corpus (articles/ + gold/) and score them.",
    )
    p.add_argument("corpus", type=Path, help="corpus folder with articles/ and gold/")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--no-merge", action="store_true", help="skip merge scores (gold/clusters.json)")
    add_engine_options(p)
    args = p.parse_args(argv)
    import json

    from service.api import resolve_engine, summarise_many
    from service.evaluation.articles import evaluate

    articles_dir = args.corpus / "articles"
    if not articles_dir.is_dir():
        raise ConfigError(f"{args.corpus}: no articles/ folder; pass the corpus root")
    engine = resolve_engine(args.engine, model=args.model, **_engine_options(args))
    failures: list[NewsDigestError] = []
    digests = list(summarise_many([articles_dir], engine=engine, on_error=failures.append))
    for f in failures:
        _err(f"error: {f}")
    report = evaluate(digests, args.corpus)
    result: dict[str, Any] = {"articles": report.to_dict()}
    merge_report = None
    if not args.no_merge and (args.corpus / "gold" / "clusters.json").exists():
        from service.evaluation.merge import evaluate_merge_digests, format_report

        merge_report = evaluate_merge_digests(digests, args.corpus, engine=engine.name)
        result["merge"] = merge_report.scores.to_dict()
    if args.format == "json":
        print(json.dumps(result, indent=2))
    else:
        print(report.format_table())
        if merge_report is not None:
            print()
            print(format_report(merge_report))
    return EXIT_FAILED if failures else EXIT_OK


def cmd_merge(argv: Sequence[str]) -> int:
    p = argparse.ArgumentParser(
        prog="summarise merge",
        description="Group saved digests (JSON/JSONL) into stories and merge each story.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        type=Path,
        help="digest files written by `summarise --format json|jsonl`, or folders of them",
    )
    p.add_argument("-f", "--format", choices=render.FORMATS, default=None)
    p.add_argument("-o", "--out", type=Path, help="write OUT/stories/<story-id> files")
    args = p.parse_args(argv)
    from service.merge import load_digests, merge_stories
    from service.merge.output import write_stories

    digests = load_digests(args.paths)
    stories = merge_stories(digests)
    fmt = args.format or ("text" if sys.stdout.isatty() and not args.out else "json")
    if args.out:
        write_stories(args.out, stories, fmt)
    else:
        emit(digests if fmt == "json" else [], stories, fmt)
    return EXIT_OK


def cmd_store(argv: Sequence[str]) -> int:
    from service.cli.batch_commands import cli_store

    return cli_store(argv)


def cmd_serve(argv: Sequence[str]) -> int:
    from service.serve.server import cli_serve

    return cli_serve(argv)


PLUGINS_ENV = "PYDANTIC_DISABLE_PLUGINS"
ALL_PLUGINS_OFF = ("__all__", "1", "true")  # pydantic's own spellings of "every plugin off"


def skip_pydantic_plugins() -> None:
    """The command runs no pydantic plugins unless $PYDANTIC_DISABLE_PLUGINS says otherwise ('' for
    all of them, or the names to leave out). Finding plugins scans every installed package's
    metadata: importing importlib.metadata and the scan cost ~20 ms of a ~300 ms one-article run
    (an installed plugin such as logfire's costs far more). With plugins off, pydantic's plugin
    loader, the only user of importlib.metadata here, is replaced by one that finds none."""
    if os.environ.setdefault(PLUGINS_ENV, "__all__") not in ALL_PLUGINS_OFF:
        return
    if _LOADER not in sys.modules:
        loader = types.ModuleType(_LOADER, f"pydantic's plugin loader with {PLUGINS_ENV} set")
        loader.get_plugins = _no_plugins  # type: ignore[attr-defined]
        # fail-safe against a pydantic release that asks the loader for more: any other name
        # comes from the real module, imported then
        loader.__getattr__ = _real_loader_attr  # type: ignore[attr-defined,method-assign]
        sys.modules[_LOADER] = loader


_LOADER = "pydantic.plugin._loader"


def _no_plugins(*_args: object, **_kwargs: object) -> tuple[()]:
    return ()


def _real_loader_attr(name: str) -> object:
    if name.startswith("__"):  # the import system's own questions (`__path__`...): not here
        raise AttributeError(name)
    import importlib

    stand_in = sys.modules.pop(_LOADER)
    try:
        return getattr(importlib.import_module(_LOADER), name)
    finally:
        sys.modules[_LOADER] = stand_in


def cache_regexes() -> None:
    """The command compiles regular expressions through its cache (service.cli.regex_cache): the
    imports that follow the options compile ~250 patterns, ~20% of a one-article run's CPU time,
    and the cache gives each one's compiled form back in a few microseconds. It leans on `re`'s
    private compiler (Python 3.11+): an interpreter whose `re` lays that out otherwise simply
    runs uncached."""
    try:
        from service.cli import regex_cache
    except (ImportError, AttributeError):  # another `re` layout: no cache, never an error
        return
    regex_cache.install()


def cache_code() -> None:
    """The command loads the code `dataclasses` and `typing` generate from source text through its
    cache (service.cli.code_cache): ~1,200 compiles, ~20% of a one-article run's instructions."""
    from service.cli import code_cache

    code_cache.install()


def main(argv: Sequence[str] | None = None) -> int:
    as_command = argv is None  # run as the command (not called from Python with arguments)
    if as_command:
        skip_pydantic_plugins()
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        with sigterm_as_interrupt():
            if argv and argv[0] in SUBCOMMANDS:
                cmd = {
                    "eval": cmd_eval,
                    "schema": cmd_schema,
                    "merge": cmd_merge,
                    "store": cmd_store,
                    "serve": cmd_serve,
                }[argv[0]]
                return cmd(argv[1:])
            return cmd_run(argv, as_command=as_command)
    except ConfigError as e:
        _err(str(e))
        return EXIT_USAGE
    except NewsDigestError as e:
        _err(str(e))
        return EXIT_FAILED
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as e:  # a write to stdout or a named file failed: a message, not a traceback
        _err(f"{str(e.filename) + ': ' if e.filename else ''}{e.strerror or e}")
        return EXIT_FAILED


if __name__ == "__main__":
    raise SystemExit(main())
