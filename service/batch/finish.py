"""The end of a batch run: the stories merged from its digests, and the files written beside the
per-article outputs (`stories/<id>` and `failures.jsonl`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from service.batch.budget import gate_stopped
from service.batch.outcome import BatchResult, Status, failure_line
from service.batch.output import write_or_warn
from service.batch.store import Store
from service.errors import NewsDigestError
from service.safe_paths import printable

FAILURES_FILE = "failures.jsonl"


def merge_judge(result: BatchResult, engine: Any, store: Store) -> Any:
    """With a model engine, ambiguous merge pairs go to the model; its answers are cached
    beside the store so a re-run asks nothing twice."""
    make = getattr(engine, "merge_judge", None)
    if not callable(make) or result.stopped == "budget" or gate_stopped(engine):
        return None  # after a budget stop the rules decide: the judge would spend more
    return make(store.path.parent / "judge-cache.json")


def finish_run(
    r: BatchResult, engine: Any, store: Store, *, merge: bool, out_dir: Path | None, fmt: str
) -> None:
    """Merge `r.digests` into stories (when `merge`) and write the story files and the failures
    list under `out_dir`. Nothing here raises: a failure becomes a warning on the result, since
    the digests are already safe in the store."""
    if merge and r.digests:
        try:
            from service.merge import merge_stories
        except ImportError as e:
            r.warnings.append(f"no stories: the merger is not available ({e})")
        else:
            judge = merge_judge(r, engine, store)
            try:
                r.stories = merge_stories(r.digests, judge=judge)
            except NewsDigestError as e:
                r.warnings.append(f"no stories: {e}")
            except Exception as e:  # crash-only: the digests are safe in the store
                r.warnings.append(f"no stories: internal error ({type(e).__name__}: {e})")
            r.story = r.stories[0] if r.stories else None
            spent = getattr(getattr(judge, "inner", None), "usage", None)
            if spent is not None and spent.requests:
                r.phases["judge"] = spent
                r.usage = r.usage + spent
    if out_dir is None:
        return
    if r.stories:
        from service.merge.output import write_stories

        try:
            paths = write_stories(out_dir, r.stories, fmt)
        except OSError as e:
            r.warnings.append(
                f"{printable(str(out_dir))}: cannot write the stories ({e.strerror or e})"
            )
        else:
            r.story_paths = [str(p) for p in paths]
            r.story_path = r.story_paths[0]
    lines = [
        json.dumps(failure_line(o), ensure_ascii=False) + "\n"
        for o in r.outcomes
        if o.status is Status.failed
    ]
    path = out_dir / FAILURES_FILE
    if write_or_warn(path, lambda: "".join(lines), "failures list", r.warnings):
        r.failures_path = str(path)
