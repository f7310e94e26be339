"""Progress of a batch run: the snapshot passed to callbacks and a one-line terminal renderer."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from service.batch.outcome import BatchResult, Outcome


@dataclass(frozen=True)
class Progress:
    """A snapshot passed to the `progress` callback after every outcome."""

    total: int  # articles known so far (files not yet opened count as one)
    done: int
    succeeded: int
    cached: int
    failed: int
    duplicates: int
    skipped: int
    in_flight: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float | None
    elapsed: float
    last: Outcome | None = None

    @classmethod
    def of(
        cls, r: BatchResult, *, total: int, in_flight: int, elapsed: float, last: Outcome | None
    ) -> Progress:
        """The snapshot of a run's result so far (`total` at least what is done or in flight)."""
        return cls(
            total=max(total, len(r.outcomes) + in_flight),
            done=len(r.outcomes),
            succeeded=r.succeeded,
            cached=r.cached,
            failed=r.failed,
            duplicates=r.skipped_duplicates,
            skipped=r.skipped,
            in_flight=in_flight,
            prompt_tokens=r.usage.prompt_tokens,
            completion_tokens=r.usage.completion_tokens,
            cost_usd=r.usage.cost_usd,
            elapsed=elapsed,
            last=last,
        )

    @property
    def rate(self) -> float:
        return self.done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def eta(self) -> float | None:
        return (self.total - self.done) / self.rate if self.rate > 0 else None


class TextProgress:
    """A one-line progress display on stderr (only on a terminal unless `force`), throttled."""

    def __init__(self, stream: Any = None, *, force: bool = False, interval: float = 0.1) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = force or bool(getattr(self.stream, "isatty", lambda: False)())
        self.interval = interval
        self._last = 0.0
        self._shown = False

    def __call__(self, p: Progress) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < self.interval and p.done < p.total):
            return
        self._last = now
        self.stream.write("\r" + self.line(p) + "\x1b[K")
        self.stream.flush()
        self._shown = True

    @staticmethod
    def line(p: Progress) -> str:
        width = 24
        filled = int(width * p.done / p.total) if p.total else width
        bar = "#" * filled + "-" * (width - filled)
        eta = _fmt_secs(p.eta) if p.eta is not None else "?"
        cost = f" ${p.cost_usd:.4f}" if p.cost_usd is not None else ""
        return (
            f"[{bar}] {p.done}/{p.total} ok {p.succeeded} cached {p.cached} failed {p.failed} "
            f"dup {p.duplicates} | {p.rate:.1f}/s ETA {eta} | "
            f"{p.prompt_tokens + p.completion_tokens:,} tok{cost}"
        )

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()


def _fmt_secs(s: float) -> str:
    s = int(s)
    return f"{s // 3600}h{s % 3600 // 60:02d}m" if s >= 3600 else f"{s // 60}m{s % 60:02d}s"
