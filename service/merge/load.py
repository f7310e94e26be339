"""Read digests saved earlier (by `summarise --format json|jsonl` or `--out`) so they can be merged."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas import ArticleDigest
from schemas.story import StoryDigest
from service.errors import InputError


def _from_obj(obj: Any, where: str) -> list[ArticleDigest]:
    if isinstance(obj, list):
        return [d for i, x in enumerate(obj) for d in _from_obj(x, f"{where}[{i}]")]
    if not isinstance(obj, dict):
        raise InputError(where, "is not a digest: expected a JSON object")
    if "digests" in obj:  # the multi-article JSON document the CLI prints
        return _from_obj(obj["digests"], where)
    try:
        if "source_groups" in obj:  # a saved story: merge its members again
            return StoryDigest.model_validate(obj).member_digests()
        return [ArticleDigest.model_validate(obj)]
    except ValidationError as e:
        raise InputError(
            where,
            f"is not a valid digest ({e.error_count()} schema errors: {e.errors()[0]['msg']})",
        ) from e


def load_digests(paths: Iterable[str | Path]) -> list[ArticleDigest]:
    """Digests from JSON files (a digest, a list, the CLI's {"digests": ...} document or a saved
    story) and JSON Lines files; a folder contributes its *.json and *.jsonl files."""
    out: list[ArticleDigest] = []
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(x for x in p.rglob("*") if x.suffix in (".json", ".jsonl"))
        else:
            files.append(p)
    for f in files:
        try:
            raw = f.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f, f"cannot be read ({e.strerror})") from e
        if f.suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    out += _from_obj(_parse(line, f"{f}:{n}"), f"{f}:{n}")
        else:
            out += _from_obj(_parse(raw, str(f)), str(f))
    return out


def _parse(raw: str, where: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(where, f"is not valid JSON ({e.msg} at line {e.lineno})") from e
