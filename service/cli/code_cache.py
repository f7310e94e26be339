"""The command's cache of the code the standard library writes at start-up: what `compile` makes of
each source text that `dataclasses` and `typing` generate, kept in a file so the next run skips
the parse and the compile.

`dataclasses` writes every method it adds (`__init__`, `__repr__`, `__eq__`, ...) as Python
source and runs it through `exec`; `typing` compiles each annotation given as a string (pydantic
core's TypedDicts hold hundreds). A one-article run does ~1,200 such compiles, mostly inside
pydantic and its dependencies, and they are ~20% of its instructions; the cached code objects
load from this file by `marshal`, as an import loads a `.pyc`. The file maps (source text, mode)
to the marshalled code `compile(source, "<string>", mode)` gives, so it is never stale: other
text is another key, compiled as usual (and added). It is read only when the interpreter build
that wrote it reads it (the header names the Python version, `-O` level and marshal format),
when its checksum holds, and when it is this user's own file that nobody else may write (it
holds code that runs, as a `.pyc` does). A file that cannot be read or a folder that cannot be
written means no cache, never an error. Code is generated the same way with or without it: a
cached entry is the very code object the compile gave the run that stored it.

Only the command installs it (`install()`, from service.cli.main), after its options are parsed,
by giving `dataclasses` its own `exec` and `typing` its own `compile` (module globals, in front
of the builtins). $NEWSDIGEST_CODE_CACHE names the file, or `off` for none; the default is
$XDG_CACHE_HOME/newsdigest (else ~/.cache/newsdigest), one file per Python version.
"""

from __future__ import annotations
import __future__

import atexit
import builtins
import marshal
import sys
import warnings
from types import CodeType, ModuleType
from typing import Any

from service.cli.regex_cache import FileCache, cache_file

ENV = "NEWSDIGEST_CODE_CACHE"
FORMAT = 1
# entries kept in the file (a one-article run uses ~1,200, the merger of many stories and the
# other commands a few hundred more); this run's first, so text made from input can push out
# only other such text
MAX_ENTRIES = 4000
HEADER = (FORMAT, sys.implementation.cache_tag, sys.hexversion, sys.flags.optimize, marshal.version)

Key = tuple[str, str]  # (source text, "exec" or "eval")

_builtin_compile = builtins.compile
_builtin_exec = builtins.exec


def default_path() -> str | None:
    """The cache file for this interpreter, or None when $NEWSDIGEST_CODE_CACHE says `off`."""
    return cache_file(ENV, "code")


class CodeCache(FileCache):
    """Compiles source text as `compile(source, "<string>", mode)` does, from the file's entry when
    it has one."""

    HEADER = HEADER
    MAX_ENTRIES = MAX_ENTRIES
    OWN_ONLY = True  # its entries run as code, as a `.pyc`'s do

    def code(self, source: str, mode: str) -> CodeType:
        key = (source, mode)
        blob = self.lookup(key)
        if type(blob) is bytes:
            try:
                code = marshal.loads(blob)
            except (EOFError, ValueError, TypeError):  # not a marshalled object after all
                code = None
            if type(code) is CodeType:
                self.hits += 1
                self.used.setdefault(key, blob)
                return code
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            code = _builtin_compile(source, "<string>", mode, 0, True)  # its errors, as ever
        for w in caught:  # under the run's own filters, as a plain compile would warn
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
        if caught:
            return code  # not kept: a hit would skip the warning
        if self.can_keep():
            self.used[key] = marshal.dumps(code)
            self.added += 1
        return code

    def compile(
        self,
        source: Any,
        filename: Any,
        mode: str,
        flags: int = 0,
        dont_inherit: bool = False,
        optimize: int = -1,
        **kwargs: Any,
    ) -> Any:
        """`compile` for a module that inherits no future features (install() checks), so
        inheriting or not gives the same code."""
        if (
            type(source) is str
            and filename == "<string>"
            and mode in ("exec", "eval")
            and not flags
            and optimize == -1
            and not kwargs
        ):
            return self.code(source, mode)
        return _builtin_compile(source, filename, mode, flags, True, optimize, **kwargs)

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /, **kwargs: Any) -> None:
        """`exec` for a module that inherits no future features, called with its namespaces."""
        if globals is None:  # the caller's own namespaces, as the builtin would take them
            frame = sys._getframe(1)
            globals, locals = frame.f_globals, frame.f_locals if locals is None else locals
        if type(source) is str:
            source = self.code(source, "exec")
        _builtin_exec(source, globals, locals, **kwargs)


def _inherits_no_future(module: ModuleType) -> bool:
    """A module that imported a `__future__` feature compiles text with it: not one to serve."""
    features = {id(getattr(__future__, name)) for name in __future__.all_feature_names}
    return not any(id(value) in features for value in vars(module).values())


def install(path: str | None = None) -> CodeCache | None:
    """Give `dataclasses` and `typing` a CodeCache on `path` (default_path() when None) for the
    rest of the process and save it at exit; None, and both as they were, when the cache is off
    (or when a cache is installed already)."""
    import dataclasses
    import typing

    path = path if path is not None else default_path()
    installed = (vars(typing).get("compile"), vars(dataclasses).get("exec"))
    if path is None or any(isinstance(getattr(f, "__self__", None), CodeCache) for f in installed):
        return None
    cache = CodeCache(path)
    if _inherits_no_future(dataclasses):
        dataclasses.exec = cache.exec  # type: ignore[attr-defined]
    if _inherits_no_future(typing):
        typing.compile = cache.compile  # type: ignore[attr-defined]
    atexit.register(cache.save)
    return cache
