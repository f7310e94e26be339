"""A batch's files on disk: every write error becomes a message, never a traceback that ends the
run (crash-only batches). An article whose output cannot be written is a failed outcome (its digest
is still stored, so a rerun only writes the file); a story or failures file that cannot be written
is a warning."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from schemas import Article
from service.batch.outcome import Outcome, Status
from service.fsio import atomic_write_text
from service.safe_paths import printable

OUTPUT_WRITE_ERROR = "OutputWriteError"


def write_output(
    path: Path | None, text: Callable[[], str], *, only_if_changed: bool = False
) -> str | None:
    """Write one article's output file; returns why it could not be (None: written or unchanged)."""
    if path is None:
        return None
    try:
        content = text()
        if only_if_changed:
            with contextlib.suppress(OSError, UnicodeDecodeError):
                if path.read_text(encoding="utf-8") == content:
                    return None
        atomic_write_text(path, content)
    except OSError as e:
        return f"{path}: cannot write the output ({e.strerror or e}); the digest is stored"
    except Exception as e:  # a rendering bug must not end the batch either
        return f"{path}: cannot render the output ({type(e).__name__}: {e})"
    return None


def write_failure(source: str, article: Article, problem: str) -> Outcome:
    return Outcome(
        source,
        Status.failed,
        article.id,
        article.content_hash,
        reason=problem,
        kind=OUTPUT_WRITE_ERROR,
        attempts=1,
    )


def write_or_warn(path: Path, text: Callable[[], str], what: str, warnings: list[str]) -> bool:
    try:
        atomic_write_text(path, text())
    except OSError as e:
        warnings.append(f"{printable(str(path))}: cannot write the {what} ({e.strerror or e})")
        return False
    return True
