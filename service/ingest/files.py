"""Read articles from text, Markdown, HTML, JSON and JSON Lines files (or stdin) into `Article`s.

Rules a user may need to know:

* Text kept: `Article.text` is the body exactly as found (offsets index it), except that line
  endings become "\\n" (CRLF and lone CR), a leading BOM is dropped and trailing whitespace at the
  very end is stripped. Plain text/Markdown header lines are cut off the front: front matter, the
  title (first line or "# heading"; a first line that ends like a sentence and is long or holds
  two sentences is body, and with a front-matter title only a heading or a repeat of it is cut),
  then a date line; short site-name lines ("Rudaw"), bylines
  ("By Jane Roe") and widget lines ("A+ A-") are cut only when a date line vouches for the
  header, so an undated file keeps its second line in the body. Nothing inside is rewritten.
* Encoding: UTF-8, or any text with a UTF-8/UTF-16/UTF-32 byte-order mark, or UTF-16 without
  one when its NUL bytes show it plainly (Latin-script text; a warning is logged). HTML may also use the
  charset its <meta> declares. Bytes that are not UTF-8 are accepted as Windows-1252 only when
  that reading is clearly text: every byte is defined in cp1252, at most 10% of the characters
  are non-ASCII and each of those is a letter or common typographic punctuation (a warning is
  logged). Anything else raises EncodingError: we never guess latin-1 for arbitrary bytes.
* Dates: numeric dates are day-first (04-05-2024 is 4 May 2024) unless only the month-first
  reading is valid (05-13-2024). ISO (2024-05-04), "May 4, 2024", "4 May 2024", weekday
  prefixes and month names in English, French, German, Spanish, Italian, Portuguese, Dutch and
  Turkish are read. A header line counts as a date line only if nothing but the date, a time,
  a weekday and words like "Published"/"Updated" is on it.
* Folders are walked recursively in name order; hidden entries are skipped; each directory and
  each real file is visited once (no symlink loops, no doubles). Symbolic links are followed only
  while they stay inside the folder given (a link to /etc/shadow is skipped) unless
  `follow_links=True` (`--follow-links`). Folders yield only regular files with supported
  suffixes; every other entry (unsupported type, pipe, device, link leading out) goes to
  `on_skip` with the reason, so callers can count and name it. An explicitly named file without a
  suffix is sniffed; an explicitly named pipe or device is refused (reading it could hang).
* JSON nested deeper than Python can parse is refused with a message, not a RecursionError.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from schemas.article import Article
from service.errors import (
    EmptyInputError,
    InputError,
    MissingTextError,
    UnsupportedFormatError,
)
from service.ingest.text import (
    Parsed,
    decode_bytes,
    lang_code,
    parse_date,
    parse_plain,
    prepare_text,
    read_bytes,
    too_big,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_ARTICLE_CHARS",
    "SUPPORTED_SUFFIXES",
    "article_from_text",
    "articles_from_text",
    "iter_articles",
    "iter_sources",
    "load_articles",
    "parse_date",
    "read_stdin",
]


DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# One article's text. News articles run to tens of thousands of characters; a million-character
# "article" is a book or a dump, and digesting it would be slow (rules) or costly (a model).
MAX_ARTICLE_CHARS = 1_000_000


def _checked_article(where: str, **fields: Any) -> Article:
    article = Article(**fields)
    if article.length > MAX_ARTICLE_CHARS:
        raise InputError(
            where,
            f"article text is {article.length:,} characters, over the {MAX_ARTICLE_CHARS:,} "
            "limit for one article; split it into separate articles",
        )
    return article


_FORMATS = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(_FORMATS)
FORMATS = ("auto", "text", "markdown", "html", "json", "jsonl")
# An HTML page whose extracted text has fewer words than this holds no article (nav, 404 page).
MIN_HTML_WORDS = 8

OnError = Callable[[InputError], None]
OnSkip = Callable[[Path, str], None]
_TOO_DEEP = "is nested too deeply to parse as JSON; flatten it, or give it a .txt suffix"


# --- HTML -----------------------------------------------------------------------------------------

_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)\b", re.I)
_HTML_LANG = re.compile(r"""<html\b[^>]*?\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.I)


def _parse_html(html: str, where: str) -> Parsed:
    import trafilatura  # slow import; only HTML needs it

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = (getattr(doc, "text", None) or "") if doc is not None else ""
    body = _prepare_html_text(body, getattr(doc, "title", None))
    if len(body.split()) < MIN_HTML_WORDS:
        raise MissingTextError(
            where,
            "no article text found in this HTML page (only navigation or boilerplate); "
            "save the article page itself, or paste its text into a .txt file",
        )
    lang_attr = _HTML_LANG.search(html[:5000])
    published = getattr(doc, "date", None)
    return Parsed(
        text=body,
        title=getattr(doc, "title", None) or None,
        published=parse_date(published) if published else None,
        outlet=getattr(doc, "sitename", None) or getattr(doc, "hostname", None) or None,
        url=getattr(doc, "url", None) or None,
        language=lang_code(
            getattr(doc, "language", None) or (lang_attr.group(1) if lang_attr else "")
        ),
    )


def _prepare_html_text(body: str, title: str | None) -> str:
    body = body.replace("\r\n", "\n").strip()
    if title:
        first, _, rest = body.partition("\n")
        if first.strip() == title.strip():
            body = rest.lstrip("\n")  # trafilatura repeats the <h1> headline as line one
    return body


# --- JSON -----------------------------------------------------------------------------------------


def _opt_str(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        s = str(value).strip()
        return s or None
    return None


def _published(value: Any) -> dt.date | None:
    if isinstance(value, str):
        return parse_date(value)
    return None


def _from_object(obj: Any, where: str, default_id: str, source: str | None) -> Article:
    if not isinstance(obj, dict):
        raise UnsupportedFormatError(
            where, f"expected a JSON object with a `text` field, found a JSON {type(obj).__name__}"
        )
    text = obj.get("text")
    if text is None:
        text = obj.get("body", obj.get("content"))
    if not isinstance(text, str):
        problem = "has no `text` field" if text is None else "has a `text` that is not a string"
        raise MissingTextError(where, f"{problem}; put the article body in a `text` string field")
    try:
        text = prepare_text(text, where)
    except EmptyInputError:
        raise MissingTextError(
            where, "has an empty `text` field; put the article body in it"
        ) from None
    published = obj.get("published", obj.get("date", obj.get("published_at")))
    return _checked_article(
        where,
        id=_opt_str(obj.get("id")) or default_id,
        title=_opt_str(obj.get("title")),
        text=text,
        url=_opt_str(obj.get("url")),
        outlet=_opt_str(obj.get("outlet", obj.get("site_name", obj.get("publisher")))),
        published=_published(published),
        source=source,
        language=lang_code(_opt_str(obj.get("language", obj.get("lang"))) or ""),
    )


def _json_error(where: str, exc: json.JSONDecodeError) -> UnsupportedFormatError:
    return UnsupportedFormatError(
        where,
        f"is not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}); fix it, "
        "or give it a .txt suffix if it is plain text",
    )


def _records_json(
    text: str, where: str, stem: str, source: str | None
) -> list[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            return _records_jsonl(text, where, stem, source)  # JSON Lines under a .json name
        raise _json_error(where, exc) from None
    except RecursionError:
        raise UnsupportedFormatError(where, _TOO_DEEP) from None
    if not isinstance(data, list):
        return [_from_object(data, where, stem, source)]
    if not data:
        raise EmptyInputError(where, "is an empty JSON list; it holds no articles")
    out: list[Article | InputError] = []
    for i, item in enumerate(data, start=1):
        try:
            out.append(_from_object(item, f"{where}[{i}]", f"{stem}:{i}", source))
        except InputError as exc:
            out.append(exc)
    return out


def _records_jsonl(
    text: str, where: str, stem: str, source: str | None
) -> list[Article | InputError]:
    out: list[Article | InputError] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        at = f"{where}:{lineno}"
        try:
            out.append(_from_object(json.loads(line), at, f"{stem}:{lineno}", source))
        except json.JSONDecodeError as exc:
            out.append(
                UnsupportedFormatError(
                    at, f"is not a valid JSON line ({exc.msg}); fix or remove that line"
                )
            )
        except RecursionError:
            out.append(UnsupportedFormatError(at, _TOO_DEEP))
        except InputError as exc:
            out.append(exc)
    return out


# --- dispatch -------------------------------------------------------------------------------------


def _sniff(text: str) -> str:
    head = text.lstrip()[:2000]
    if head.startswith(("{", "[")):
        try:
            json.loads(text)
            return "json"
        except RecursionError:
            return "json"  # so the user hears that it is nested too deeply
        except json.JSONDecodeError as exc:
            if exc.msg == "Extra data" and head.startswith("{"):
                return "jsonl"
            if head.startswith("{"):
                return "json"  # so the user hears about the JSON syntax error
    if head.startswith("<") and _HTML_SNIFF.search(head):
        return "html"
    return "text"


def _records(
    text: str, fmt: str, where: str, stem: str, source: str | None
) -> list[Article | InputError]:
    if fmt == "auto":
        fmt = _sniff(text)
    if fmt == "json":
        return _records_json(text, where, stem, source)
    if fmt == "jsonl":
        return _records_jsonl(text, where, stem, source)
    if fmt == "html":
        parsed = _parse_html(text, where)
    elif fmt in ("text", "markdown"):
        parsed = parse_plain(text)
    else:
        raise UnsupportedFormatError(
            where, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}"
        )
    if not parsed.text.strip():
        raise MissingTextError(where, "has a header but no article body; add the body text")
    return [
        _checked_article(
            where,
            id=parsed.id or stem,
            title=parsed.title,
            text=parsed.text,
            url=parsed.url,
            outlet=parsed.outlet,
            published=parsed.published,
            source=source,
            language=parsed.language,
        )
    ]


def _load_records(
    path: Path, fmt: str | None, max_bytes: int, allow_cp1252: bool
) -> list[Article | InputError]:
    where = str(path)
    suffix = path.suffix.lower()
    if fmt is None:
        if suffix and suffix not in _FORMATS:
            raise UnsupportedFormatError(where, _unsupported(suffix))
        fmt = _FORMATS.get(suffix, "auto")
    data = read_bytes(path, max_bytes)
    if not data.strip():
        raise EmptyInputError(
            where, "is empty (or whitespace only); pass a file with an article in it"
        )
    text = prepare_text(
        decode_bytes(data, where, html=fmt in ("html", "auto"), allow_cp1252=allow_cp1252), where
    )
    return _records(text, fmt, where, path.stem, where)


def _unsupported(suffix: str) -> str:
    return (
        f"unsupported file type '{suffix}'; supported: {', '.join(sorted(SUPPORTED_SUFFIXES))} "
        "(convert it, or pipe its text to '-')"
    )


def _split(records: list[Article | InputError], on_error: OnError | None) -> list[Article]:
    out: list[Article] = []
    for rec in records:
        if isinstance(rec, InputError):
            if on_error is None:
                raise rec
            on_error(rec)
        else:
            out.append(rec)
    return out


def load_articles(
    path: str | Path,
    *,
    fmt: str | None = None,
    on_error: OnError | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_cp1252: bool = True,
) -> list[Article]:
    """Articles in one file (JSON lists and JSON Lines give many).

    A file that cannot be read raises. A bad record inside a list or JSON Lines file raises too,
    unless `on_error` is given: then it gets the error and the other records still come back.
    `fmt` overrides the suffix ('auto' sniffs).
    """
    return _split(_load_records(Path(path), fmt, max_bytes, allow_cp1252), on_error)


def articles_from_text(
    text: str, *, id: str | None = None, source: str | None = None, fmt: str = "auto"
) -> list[Article]:
    """Articles in a string (several for JSON lists / JSON Lines); bad records raise.

    Ids: `id` when given (numbered ':N' for several), else the JSON `id` field, else
    'text-' plus the start of the article's content hash.
    """
    where = source or "<text>"
    text = prepare_text(text, where)
    stem = id or "\0"  # placeholder: no caller-given or file-derived id
    articles = _split(_records(text, fmt, where, stem, source), None)
    for article in articles:
        if id is not None and len(articles) == 1:
            article.id = id
        elif article.id.startswith("\0"):
            article.id = f"text-{article.content_hash[:12]}"
    return articles


def article_from_text(
    text: str, *, id: str | None = None, source: str | None = None, fmt: str = "auto"
) -> Article:
    """One article from a string; 'auto' sniffs HTML, JSON and plain text/Markdown (ids: as
    `articles_from_text`)."""
    articles = articles_from_text(text, id=id, source=source, fmt=fmt)
    if len(articles) != 1:
        raise UnsupportedFormatError(
            source or "<text>", f"holds {len(articles)} articles, not one; use articles_from_text"
        )
    return articles[0]


def _read_stream(stream: TextIO, max_bytes: int) -> bytes | str:
    buffer = getattr(stream, "buffer", None)
    data: bytes | str = (
        buffer.read(max_bytes + 1) if buffer is not None else stream.read(max_bytes + 1)
    )
    if len(data) > max_bytes:
        raise InputError("-", f"standard input is {too_big(max_bytes)}")
    return data


def read_stdin(
    *,
    fmt: str = "auto",
    on_error: OnError | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stream: TextIO | None = None,
    allow_cp1252: bool = True,
) -> list[Article]:
    """Articles from standard input ('-'), format sniffed unless `fmt` says; ids default to 'stdin'."""
    data = _read_stream(stream if stream is not None else sys.stdin, max_bytes)
    if isinstance(data, bytes):
        if not data.strip():
            raise EmptyInputError("-", "standard input is empty; pipe an article into it")
        data = decode_bytes(data, "-", html=True, allow_cp1252=allow_cp1252)
    text = prepare_text(data, "-")
    return _split(_records(text, fmt, "-", "stdin", "-"), on_error)


# --- many paths -----------------------------------------------------------------------------------


def _report(exc: InputError, on_error: OnError | None) -> None:
    if on_error is None:
        raise exc
    on_error(exc)


def _dir_key(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _inside(path: Path, root: str) -> bool:
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(
    folder: Path,
    seen_dirs: set[tuple[int, int]],
    on_error: OnError | None,
    on_skip: OnSkip | None = None,
    root: str | None = None,
) -> Iterator[Path]:
    """Files under `folder`; with `root` (a real path), links leading outside it are skipped."""
    skip = on_skip or (lambda _p, _r: None)
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        _report(
            InputError(folder, f"cannot list this folder ({exc.strerror}); check its permissions"),
            on_error,
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child = folder / entry.name
        try:
            is_dir = entry.is_dir()
            is_link = entry.is_symlink()
        except OSError:
            is_dir = is_link = False
        if is_link and root is not None and child.exists() and not _inside(child, root):
            skip(
                child, "a symbolic link leading out of the folder (pass --follow-links to read it)"
            )
            continue
        if is_dir:
            key = _dir_key(child)
            if key is not None and key not in seen_dirs:
                seen_dirs.add(key)
                yield from _walk(child, seen_dirs, on_error, on_skip, root)
        elif child.suffix.lower() in SUPPORTED_SUFFIXES:
            if is_link and not child.exists():
                _report(
                    InputError(child, "is a broken (or looping) symbolic link; fix or remove it"),
                    on_error,
                )
                continue
            try:
                regular = entry.is_file()
            except OSError:
                regular = False
            if not regular:
                skip(child, "not a regular file (a pipe, socket or device)")
                continue
            yield child
        else:
            suffix = child.suffix.lower()
            skip(child, f"unsupported file type '{suffix}'" if suffix else "no file-type suffix")


def iter_sources(
    paths: Iterable[str | Path],
    *,
    on_error: OnError | None = None,
    on_skip: OnSkip | None = None,
    follow_links: bool = False,
) -> Iterator[Path]:
    """Files to read, in order: folders expanded recursively (sorted by name, hidden entries
    skipped, symlinks followed without loops and, unless `follow_links`, only inside the folder),
    each real file once; '-' passes through for stdin.

    A missing path or an explicitly named file with an unsupported suffix goes to `on_error`
    (raised when it is None); what a folder holds but cannot be ingested goes to `on_skip`
    (path, reason).
    """
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            yield path
            continue
        if path.is_dir():
            key = _dir_key(path)
            if key is None or key in seen_dirs:
                continue
            seen_dirs.add(key)
            root = None if follow_links else os.path.realpath(path)
            candidates: Iterable[Path] = _walk(path, seen_dirs, on_error, on_skip, root)
        elif path.exists():
            suffix = path.suffix.lower()
            if suffix and suffix not in SUPPORTED_SUFFIXES:
                _report(UnsupportedFormatError(path, _unsupported(suffix)), on_error)
                continue
            candidates = [path]
        else:
            problem = "is a broken symbolic link" if path.is_symlink() else "does not exist"
            _report(InputError(path, f"{problem}; check the path"), on_error)
            continue
        for candidate in candidates:
            real = os.path.realpath(candidate)
            if real not in seen_files:
                seen_files.add(real)
                yield candidate


def iter_articles(
    paths: Iterable[str | Path],
    *,
    on_error: OnError | None = None,
    fmt: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_cp1252: bool = True,
    on_skip: OnSkip | None = None,
    follow_links: bool = False,
) -> Iterator[Article]:
    """Articles from files, folders and '-' (stdin), in order.

    Each bad file or record is passed to `on_error` and the iteration goes on; with no
    `on_error` the first one raises. Skipped folder entries go to `on_skip` (see iter_sources).
    """
    for path in iter_sources(paths, on_error=on_error, on_skip=on_skip, follow_links=follow_links):
        try:
            if str(path) == "-":
                records: list[Article | InputError] = list(
                    read_stdin(
                        fmt=fmt or "auto",
                        on_error=on_error,
                        max_bytes=max_bytes,
                        allow_cp1252=allow_cp1252,
                    )
                )
            else:
                records = _load_records(path, fmt, max_bytes, allow_cp1252)
        except InputError as exc:
            _report(exc, on_error)
            continue
        yield from _split(records, on_error)
