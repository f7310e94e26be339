"""Output names that never collide, never overwrite an input and always fit the file system, and
file names made safe to print.

* One output file per article: the name is the article id made safe (`fsio.safe_filename`), cut to
  `MAX_NAME` characters with a hash of the full id when longer (an id may be a 2,000-byte URL, and
  most file systems refuse names over 255 bytes once the temp-file suffix is added).
* Two articles never share an output file: case-insensitively (`a/b` and `a_b` both make `a_b`),
  nor with the story or the failures file, nor with an input file (`summarise flood.txt --out .
  -f text` would otherwise replace flood.txt). A later claimant gets `-` and 10 hex digits of its
  content hash.
* Article ids are unique within a run: `a/index.html` and `b/index.html` both give the id
  `index`; the second (when its text differs) becomes `index-<hash>` so the merger can tell them
  apart.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from service.fsio import safe_filename

# Names are cut by bytes (not characters) to this, so a "-<10 hex>" suffix, the format suffix and
# the temp-file decoration stay inside the usual 255-byte limit.
MAX_NAME_BYTES = 150


def _cut_to_bytes(name: str, limit: int) -> str:
    raw = name.encode("utf-8")[:limit]
    return raw.decode("utf-8", errors="ignore")


def bounded_filename(name: str) -> str:
    """`safe_filename(name)` no longer than MAX_NAME_BYTES bytes; a cut name ends with a hash of
    the whole id, so two long ids sharing a prefix still get different names."""
    safe = safe_filename(name)
    if len(safe.encode("utf-8")) <= MAX_NAME_BYTES:
        return safe
    import hashlib  # here: `summarise --help` imports this module and needs no hash

    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]
    return f"{_cut_to_bytes(safe, MAX_NAME_BYTES - 13).rstrip('.')}-{digest}"


def _real(path: str | Path) -> str:
    return os.path.normcase(os.path.realpath(path))


class OutputNamer:
    """Chooses each article's output path in `out_dir` (see the module docstring for the rules)."""

    def __init__(
        self,
        out_dir: Path,
        suffix: str,
        *,
        reserved: Iterable[str] = (),
        inputs: Iterable[str] = (),
    ) -> None:
        self.out_dir, self.suffix = out_dir, suffix
        self._reserved = {r.lower() for r in reserved}
        self._owners: dict[str, str] = {}  # lower-cased name -> content hash owning it
        self._inputs = {_real(p) for p in inputs if p != "-"}

    def add_input(self, path: str | Path) -> None:
        if str(path) != "-":
            self._inputs.add(_real(path))

    def _free(self, name: str, content_hash: str) -> bool:
        key = name.lower()
        if key in self._reserved:
            return False
        owner = self._owners.get(key)
        if owner is not None:
            return owner == content_hash
        return _real(self.out_dir / f"{name}{self.suffix}") not in self._inputs

    def path_for(self, article_id: str, content_hash: str) -> Path:
        name = bounded_filename(article_id)
        if not self._free(name, content_hash):
            name = f"{name}-{content_hash[:10]}"
            n = 2
            base = name
            while not self._free(name, content_hash):
                name, n = f"{base}-{n}", n + 1
        self._owners[name.lower()] = content_hash
        return self.out_dir / f"{name}{self.suffix}"


class IdRegistry:
    """Keeps article ids unique within one run (see the module docstring)."""

    def __init__(self) -> None:
        self._owners: dict[str, str] = {}

    def unique(self, article_id: str, content_hash: str) -> str:
        new, n = article_id, 2
        while self._owners.get(new, content_hash) != content_hash:
            new = f"{article_id}-{content_hash[:10]}" if n == 2 else f"{article_id}-{n}"
            n += 1
        self._owners[new] = content_hash
        return new


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters (terminal escape sequences, bidi overrides, line breaks)
    shown as escapes, so a hostile file name cannot drive the terminal it is printed on."""
    return _UNPRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), text)
