"""Stories for the command line and the batch runner: one JSON document shape, one file layout.

{"digests": [...], "stories": [...]}        # --format json, for one article or many
OUT/stories/<story-id>.json                 # --out OUT, one file per story
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from service.cli import render
from service.fsio import atomic_write_text

STORIES_DIR = "stories"


def document(digests: Sequence[Any], stories: Sequence[Any]) -> str:
    """The JSON document: every digest and every story, the same shape whatever their number."""
    from service.cli.json_stream import JsonDocument

    buf = io.StringIO()
    doc = JsonDocument(buf)
    for d in digests:
        doc.add(d)
    doc.close(stories)
    return buf.getvalue()


def render_stories(stories: Sequence[Any], fmt: str) -> str:
    return "".join(render.render(s, fmt) for s in stories)


_STORY_FILE = re.compile(r"^story-[0-9a-f]{12}$")


def write_stories(out_dir: Path, stories: Sequence[Any], fmt: str) -> list[Path]:
    """Write OUT/stories/<story-id><suffix> for each story (ids are content-derived: a story whose
    membership did not change keeps its file) and remove the story files of an earlier run whose
    membership has changed since (an article joined them), so the folder holds today's stories."""
    folder = Path(out_dir) / STORIES_DIR
    suffix = render.SUFFIX[fmt]
    written = [
        atomic_write_text(folder / f"{s.id}{suffix}", render.render(s, fmt)) for s in stories
    ]
    keep = {p.name for p in written}
    for old in folder.glob(f"story-*{suffix}"):
        if old.name not in keep and _STORY_FILE.match(old.name[: -len(suffix)]):
            old.unlink(missing_ok=True)
    return written


def summary(stories: Sequence[Any]) -> str:
    n = len(stories)
    return f"grouped into {n} stor{'y' if n == 1 else 'ies'}"
