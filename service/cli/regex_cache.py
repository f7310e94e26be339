"""The command's cache of compiled regular expressions: what `re` would make of each pattern,
kept in a file so the next run skips the Python-level parse and code generation.

A one-article run compiles ~250 patterns (the extractors' word lists, the dates' month tries,
the readers' and the merger's patterns, the standard library's own) and that is ~20% of its CPU
time; loading the same patterns from this file takes ~2 ms. The file maps (pattern, flags) to the
arguments `re` hands to the C engine (`_sre.compile`): flags, opcode list, group count and names.
It is content-addressed, so it is never stale: a changed pattern in the source is a different key
and is compiled as usual (and added). An entry is stored only after the engine given it compares
equal to `re`'s own compile of the pattern (same flags, opcodes and pattern text), and the whole
file is used only by the interpreter build that wrote it (the header names the Python version and
`_sre`'s format) and only when its checksum holds. A file that cannot be read, or a folder that
cannot be written (a read-only home, a shared machine), means no cache, never an error. The run
that first meets a pattern compiles it twice (once to check its entry): the first run with an
empty cache costs ~30% more instructions than an uncached one, each later run ~30% fewer.

Only the command installs it (`install()`, from service.cli.main); the Python API compiles as
`re` does. $NEWSDIGEST_REGEX_CACHE names the file, or `off` for none; the default is
$XDG_CACHE_HOME/newsdigest (else ~/.cache/newsdigest), one file per Python version.
"""

from __future__ import annotations

import _sre
import atexit
import contextlib
import marshal
import os
import stat
import sys
import warnings
import zlib
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

ENV = "NEWSDIGEST_REGEX_CACHE"
FORMAT = 1
# entries kept in the file; first use in the latest run first, so patterns made from input text
# (a few callers build one per article) can push out only each other, never the start-up's
MAX_ENTRIES = 2000
# what a file must have been written by: this format, this Python build, this regex engine
HEADER = (
    FORMAT,
    sys.implementation.cache_tag,
    sys.hexversion,
    _sre.MAGIC,
    _sre.CODESIZE,
    _sre.MAXREPEAT,
    _sre.MAXGROUPS,
)

Key = tuple[str | bytes, int]
# (flags as compiled, opcodes, groups - 1, group name -> index, index -> group name)
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def cache_file(env: str, stem: str) -> str | None:
    """The file $`env` names, None when it says `off`, else `<stem>-<python tag>.marshal` in
    $XDG_CACHE_HOME/newsdigest (or ~/.cache/newsdigest)."""
    given = os.environ.get(env, "")
    if given == "off":
        return None
    if given:
        return given
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newsdigest", f"{stem}-{sys.implementation.cache_tag}.marshal")


def default_path() -> str | None:
    """The cache file for this interpreter, or None when $NEWSDIGEST_REGEX_CACHE says `off`."""
    return cache_file(ENV, "regex")


def _read(path: str, header: tuple[Any, ...] = HEADER, own_only: bool = False) -> dict[Any, Any]:
    """The entries of the cache file at `path` when `header` and the checksum hold, else none.
    With `own_only`, also only when the file is this user's and nobody else may write it (the code
    cache's entries run as code): checked on the very descriptor that is read, opened without
    following a link, so the file cannot be swapped between the check and the read.
    (service.cli.code_cache keeps its file the same way, under its own header.)"""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with open(fd, "rb") as f:
            if own_only and not _owned(os.fstat(fd)):
                return {}
            blob = f.read()
        written, crc, body = marshal.loads(blob)
        if written != header or zlib.crc32(body) != crc:
            return {}
        entries = marshal.loads(body)
    except (OSError, ValueError, EOFError, TypeError):  # absent, truncated or not ours
        return {}
    return entries if isinstance(entries, dict) else {}


def _owned(st: os.stat_result) -> bool:
    """A regular file of this user's that only this user may change."""
    return stat.S_ISREG(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def _write(
    path: str,
    header: tuple[Any, ...],
    used: dict[Any, Any],
    old: dict[Any, Any] | None,
    max_entries: int,
) -> None:
    """This run's entries, then the file's others, max_entries at most, written whole to a
    temporary file, then renamed over the old one (two runs saving at once leave one's file or
    the other's)."""
    merged = dict(used)
    for key, entry in (old or {}).items():
        if len(merged) >= max_entries:
            break
        merged.setdefault(key, entry)
    body = marshal.dumps(dict(list(merged.items())[:max_entries]))
    import tempfile  # only when saving: the command's start does not pay for it

    tmp = ""
    try:
        folder = os.path.dirname(path) or "."
        os.makedirs(folder, exist_ok=True)
        # a new file of this user's alone (mode 0600, never one that was there or a link): the
        # code cache trusts no file that others may write
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=os.path.basename(path) + ".", suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps((header, zlib.crc32(body), body)))
        os.replace(tmp, path)
    except OSError:  # a read-only install or home: the run goes on uncached
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


class FileCache:
    """What both command caches keep: the file's entries (read on first use), this run's entries
    in first-use order, and the counts; save() writes the file when this run added an entry.
    A subclass names its HEADER and MAX_ENTRIES, and OWN_ONLY when its entries run as code."""

    HEADER: tuple[Any, ...] = HEADER
    MAX_ENTRIES = MAX_ENTRIES
    OWN_ONLY = False

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: dict[Any, Any] | None = None  # read on the first lookup
        self.used: dict[Any, Any] = {}  # this run's entries, in first-use order
        self.hits = self.added = 0
        self.writable: bool | None = None  # found on the first miss

    def lookup(self, key: Any) -> Any:
        """This run's entry for `key`, else the file's, else None."""
        if self.entries is None:
            self.entries = _read(self.path, self.HEADER, self.OWN_ONLY)
        return self.used.get(key) or self.entries.get(key)

    def can_keep(self) -> bool:
        """Whether a new entry could ever be saved (asked on the first miss only)."""
        if self.writable is None:
            self.writable = _can_write(self.path)
        return self.writable

    def save(self) -> None:
        """Write the file when this run added an entry: this run's entries, then the file's
        others, MAX_ENTRIES at most. Written whole to a temporary file, then renamed over the old
        one (two runs saving at once leave one's file or the other's)."""
        if self.added:
            _write(self.path, self.HEADER, self.used, self.entries, self.MAX_ENTRIES)


class RegexCache(FileCache):
    """Compiles as `re._compiler.compile` does, from the file's entry when it has one."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self._compile = _compiler.compile

    def compile(self, p: Any, flags: int = 0) -> Any:
        if type(p) not in (str, bytes) or flags & _compiler.SRE_FLAG_DEBUG:
            return self._compile(p, flags)  # a parsed pattern (re.Scanner), or a debug listing
        key = (p, int(flags))
        entry = self.lookup(key)
        if entry is not None:
            try:
                compiled = _sre.compile(p, *entry)
            except (RuntimeError, TypeError, ValueError, OverflowError):  # not an engine's input
                entry = None
            else:
                self.hits += 1
                self.used.setdefault(key, entry)
                return compiled
        compiled = self._compile(p, flags)  # as re does: its errors and warnings, as ever
        if not self.can_keep():  # an entry could never be saved: not worth its making
            return compiled
        entry = _entry(p, int(flags))
        if entry is not None and _same(_sre.compile(p, *entry), compiled):
            self.used[key] = entry
            self.added += 1
        return compiled


def _can_write(path: str) -> bool:
    """Whether save() can write `path`: the nearest existing folder above it takes new files
    (save makes the folders below it). A cache that cannot be saved costs every run a second
    parse of each pattern it lacks, so there is none."""
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(folder):
        folder = os.path.dirname(folder)
    return os.path.isdir(folder) and os.access(folder, os.W_OK)


def _same(a: Any, b: Any) -> bool:
    """Pattern equality compares the flags, opcodes and pattern text; the groups are added."""
    return bool(a == b and a.groups == b.groups and a.groupindex == b.groupindex)


def _entry(p: str | bytes, flags: int) -> Entry | None:
    """What re._compiler.compile hands the engine for p, or None when parsing it warns (a cached
    pattern would skip the warning, so such a pattern is always compiled afresh)."""
    with warnings.catch_warnings(record=True) as said:
        warnings.simplefilter("always")
        parsed = _parser.parse(p, flags)
    if said:
        return None
    code = [int(c) for c in _compiler._code(parsed, flags)]
    state = parsed.state
    groupindex = {str(k): int(i) for k, i in state.groupdict.items()}
    indexgroup: list[str | None] = [None] * state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return (int(flags | state.flags), code, state.groups - 1, groupindex, tuple(indexgroup))


def install(path: str | None = None) -> RegexCache | None:
    """Compile through a RegexCache on `path` (default_path() when None) for the rest of the
    process and save it at exit; None, and `re` as it was, when the cache is off (or when a
    cache is installed already)."""
    path = path if path is not None else default_path()
    if path is None or isinstance(getattr(_compiler.compile, "__self__", None), RegexCache):
        return None  # off, or installed already
    cache = RegexCache(path)
    _compiler.compile = cache.compile
    atexit.register(cache.save)
    return cache
