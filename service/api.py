"""The Python API: digest strings, paths and Article objects with one call; the CLI is a shell over this.

Text or path? `summarise(text=...)` always digests the string as article text, and an Article is
always an article. A positional string is read as a file when it names one; a single-line string
that looks like a path (it ends in a supported suffix such as `.txt`, or starts with `/`, `./`,
`../` or `~`) but names no file raises InputError rather than being digested as a one-line
article; any other string is article text, as before.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from schemas import Article, ArticleDigest
from service.engines import Engine, get_engine
from service.errors import ConfigError, DigestError, InputError, NewsDigestError

Source = str | Path | Article
MODEL_ENV = "NEWSDIGEST_MODEL"


def _looks_like_path(s: str) -> bool:
    return "\n" not in s and len(s) < 4096 and Path(s).expanduser().is_file()


_PATH_PREFIXES = ("/", "./", "../", "~", ".\\", "..\\")


def _path_shaped(s: str) -> bool:
    """A one-line string a person would type as a path: it ends with a suffix we read, or starts
    like a path, and has no sentence-like spacing."""
    from service.ingest.files import SUPPORTED_SUFFIXES

    s = s.strip()
    if not s or "\n" in s or len(s) > 4096 or s.count(" ") > 3:
        return False
    return s.startswith(_PATH_PREFIXES) or Path(s).suffix.lower() in SUPPORTED_SUFFIXES


def _missing_path(s: str) -> InputError:
    return InputError(
        s,
        "no such file; check the path (to digest this string as article text, pass "
        "summarise(text=...))",
    )


def to_articles(source: Source) -> list[Article]:
    """Turn one source into articles: an Article as is, a Path (or a string naming an existing
    file) is read with service.ingest.files, any other string is treated as the article text itself."""
    from service.ingest import files as ingest

    if isinstance(source, Article):
        return [source]
    if isinstance(source, Path):
        if source.is_dir():
            raise InputError(
                source, "is a folder: use summarise_many() to digest every article in it"
            )
        return ingest.load_articles(source)
    if isinstance(source, str):
        if source == "-":
            return ingest.read_stdin()
        if _looks_like_path(source):
            return ingest.load_articles(Path(source).expanduser())
        if _path_shaped(source):
            raise _missing_path(source)
        return [ingest.article_from_text(source)]
    raise TypeError(f"cannot summarise a {type(source).__name__}: pass text, a path or an Article")


def resolve_engine(
    engine: str | Engine = "auto", *, model: str | None = None, **options: Any
) -> Engine:
    """Pick the engine: 'rules', 'llm', or 'auto' (the LLM engine when a model is configured by
    argument, NEWSDIGEST_MODEL or the config file, else the offline rules engine)."""
    if not isinstance(engine, str):
        return engine
    if engine == "auto":
        configured = model or _configured_model(options.get("config_file"))
        engine = "llm" if configured else "rules"
    if engine == "llm":
        return get_engine("llm", model=model, **options)
    if model is not None and engine == "rules":
        raise ConfigError("--model was given with --engine rules: drop one of them")
    return get_engine(engine, **options)


def _configured_model(config_file: Path | None) -> str | None:
    """The model set by environment or config file (`--config`, else the default locations)."""
    from service.llm.locate import default_config_file, model_from_env

    named = model_from_env()
    if named is not None or (config_file is None and default_config_file() is None):
        return named  # the settings model (pydantic, tomllib) is built only to read a file
    try:
        from service.llm.config import configured_model
    except ImportError:
        # without the llm extra only the environment can name a model; the LLM engine's import
        # then fails with a message naming the extra to install
        return os.environ.get(MODEL_ENV) or None
    result: str | None = configured_model(config_file)
    return result


def summarise(
    source: Source | None = None,
    *,
    text: str | None = None,
    engine: str | Engine = "auto",
    model: str | None = None,
    **options: Any,
) -> ArticleDigest:
    """Digest one article given as a path, an Article, or `text=` (the article text itself).

    A positional string is a path when it names a file; a path-shaped string naming no file
    raises InputError (see the module docstring). A file holding several articles (JSON Lines, a
    JSON list) needs summarise_many().
    """
    if (source is None) == (text is None):
        raise TypeError("summarise() takes a source (path or Article) or text=..., exactly one")
    if text is not None:
        from service.ingest import files as ingest

        if not isinstance(text, str):
            raise TypeError(f"text= takes a string, not a {type(text).__name__}")
        source = ingest.article_from_text(text)
    assert source is not None
    articles = to_articles(source)
    if len(articles) != 1:
        where = str(source) if isinstance(source, str | Path) else "source"
        raise InputError(where, f"holds {len(articles)} articles: use summarise_many()")
    eng = resolve_engine(engine, model=model, **options)
    try:
        return eng.digest(articles[0])
    finally:
        _close_if_made(eng, engine)


def _close_if_made(eng: Any, given: Any) -> None:
    """Close an engine this module made from a name (its HTTP connections end with the call);
    an engine the caller passed in stays theirs."""
    if eng is not given:
        close = getattr(eng, "close", None)
        if close is not None:
            close()


def iter_articles(
    sources: Iterable[Source],
    *,
    on_error: Callable[[NewsDigestError], None] | None = None,
    on_skip: Callable[[Path, str], None] | None = None,
    follow_links: bool = False,
) -> Iterator[Article]:
    """Articles from many sources; folders are walked recursively. Errors go to `on_error` (and the
    iteration goes on) or, without it, are raised; folder entries that are not articles go to
    `on_skip`; links leading out of a folder are followed only with `follow_links`."""
    from service.ingest import files as ingest

    paths: list[str | Path] = []

    def flush() -> Iterator[Article]:
        if paths:
            yield from ingest.iter_articles(
                list(paths), on_error=on_error, on_skip=on_skip, follow_links=follow_links
            )
            paths.clear()

    for src in sources:
        if isinstance(src, Article):
            yield from flush()
            yield src
        elif isinstance(src, Path) or (
            isinstance(src, str) and (src == "-" or _looks_like_path(src) or Path(src).is_dir())
        ):
            paths.append(src)
        elif isinstance(src, str):
            yield from flush()
            if _path_shaped(src):
                err = _missing_path(src)
                if on_error is None:
                    raise err
                on_error(err)
                continue
            yield ingest.article_from_text(src)
        else:
            raise TypeError(f"cannot summarise a {type(src).__name__}")
    yield from flush()


def summarise_many(
    sources: Iterable[Source],
    *,
    engine: str | Engine = "auto",
    model: str | None = None,
    on_error: Callable[[NewsDigestError], None] | None = None,
    workers: int | None = None,
    executor: Any = None,
    scheduler: Any = None,
    on_skip: Callable[[Path, str], None] | None = None,
    follow_links: bool = False,
    **options: Any,
) -> Iterator[ArticleDigest]:
    """Digest many articles lazily, in input order. With `on_error`, a bad file or a failed
    article is reported to it and the rest go on; without it the first error is raised.

    The offline engine digests in `workers` processes (default: this machine's cores; 1 keeps it
    in this process); `executor="dask"` with a `scheduler` address (or a distributed.Client) runs
    the digests on a Dask cluster. At most a few articles per worker are in flight, so a stream
    of any length runs in flat memory. `on_skip` and `follow_links`: see iter_articles."""
    from service.batch.executors import digest_stream

    eng = resolve_engine(engine, model=model, **options)
    articles = iter_articles(sources, on_error=on_error, on_skip=on_skip, follow_links=follow_links)
    stream = digest_stream(eng, articles, executor=executor, workers=workers, scheduler=scheduler)
    try:
        for article, result in stream:
            if not isinstance(result, Exception):
                yield result
                continue
            if not isinstance(result, NewsDigestError) or isinstance(result, ConfigError):
                raise result  # a configuration error: no article can succeed, one error not each
            e = result
            err = e if isinstance(e, InputError) else DigestError(article.source or article.id, e)
            if on_error is None:
                raise err from e
            on_error(err)
    finally:
        _close_if_made(eng, engine)
