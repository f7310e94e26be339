"""What a batch run reports: one Outcome per article or file, totals, and the exit code."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from schemas import ArticleDigest, Usage

EXIT_OK, EXIT_FAILED, EXIT_STOPPED, EXIT_INTERRUPTED = 0, 1, 3, 130


class Status(StrEnum):
    succeeded = "succeeded"  # digested in this run and stored
    cached = "cached"  # found in the store: no model call
    failed = "failed"  # unreadable input, or the engine gave up (recorded in the store)
    duplicate = "duplicate"  # same text as an earlier article in this run
    skipped = "skipped"  # not run: budget reached, interrupted, or not selected by retry_failed


@dataclass
class Outcome:
    """What happened to one article (or to one file that yielded none)."""

    source: str
    status: Status
    article_id: str | None = None
    content_hash: str | None = None
    reason: str | None = None
    kind: str | None = None  # error class for failures, e.g. RetriesExhaustedError
    attempts: int | None = None
    attempt_reasons: list[str] = field(default_factory=list)
    duplicate_of: str | None = None
    previously_failed: bool = False  # failed in an earlier run; rerun with retry_failed to retry
    output: str | None = None
    usage: Usage | None = None
    seconds: float = 0.0
    index: int = -1  # position in the input order (outcomes are listed in it)

    @classmethod
    def from_failure(cls, source: str, article_id: str, rec: Any, **extra: Any) -> Outcome:
        """A failed outcome from a store FailureRecord (an earlier run's, or another live run's)."""
        return cls(
            source,
            Status.failed,
            article_id,
            rec.subject,
            reason=rec.reason,
            kind=rec.kind,
            attempts=rec.attempts,
            attempt_reasons=rec.attempt_reasons,
            **extra,
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["status"] = self.status.value
        d["usage"] = self.usage.model_dump() if self.usage else None
        return d


@dataclass
class BatchResult:
    outcomes: list[Outcome] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)  # spent in this run, failed articles included
    phases: dict[str, Usage] = field(default_factory=dict)  # beyond digests, e.g. "judge"
    stopped: str | None = None  # "budget" or "interrupted" when the run stopped early
    elapsed: float = 0.0
    run_id: str | None = None
    digests: list[ArticleDigest] = field(default_factory=list)
    stories: list[Any] = field(default_factory=list)  # StoryDigests, most articles first
    story_paths: list[str] = field(default_factory=list)
    story: Any = None  # the first of `stories` (kept for callers of one story)
    story_path: str | None = None
    failures_path: str | None = None
    warnings: list[str] = field(default_factory=list)

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status is status)

    @property
    def succeeded(self) -> int:
        return self.count(Status.succeeded)

    @property
    def cached(self) -> int:
        return self.count(Status.cached)

    @property
    def failed(self) -> int:
        return self.count(Status.failed)

    @property
    def skipped_duplicates(self) -> int:
        return self.count(Status.duplicate)

    @property
    def skipped(self) -> int:
        return self.count(Status.skipped)

    @property
    def tokens(self) -> int:
        return self.usage.prompt_tokens + self.usage.completion_tokens

    @property
    def cost_usd(self) -> float | None:
        return self.usage.cost_usd

    def exit_code(self) -> int:
        """1 when any article failed, 3 when a budget stopped the run, 130 when interrupted, else 0."""
        if self.stopped == "interrupted":
            return EXIT_INTERRUPTED
        if self.failed:
            return EXIT_FAILED
        return EXIT_STOPPED if self.stopped else EXIT_OK

    def counts(self) -> dict[str, Any]:
        return {
            "succeeded": self.succeeded,
            "cached": self.cached,
            "failed": self.failed,
            "duplicates": self.skipped_duplicates,
            "skipped": self.skipped,
            "requests": self.usage.requests,
            "prompt_tokens": self.usage.prompt_tokens,
            "completion_tokens": self.usage.completion_tokens,
            "reasks": self.usage.reasks,
            "retries": self.usage.retries,
            "cost_usd": self.usage.cost_usd,
            "stopped": self.stopped,
            "elapsed_s": round(self.elapsed, 3),
        }

    def phase_line(self) -> str:
        """Requests, tokens and cost per phase: digests, then e.g. the merge judge."""
        return _phase_line(self)

    def summary_line(self) -> str:
        parts = [
            f"{self.succeeded} succeeded",
            f"{self.cached} cached",
            f"{self.failed} failed",
            f"{self.skipped_duplicates} duplicates",
        ]
        if self.skipped:
            parts.append(f"{self.skipped} skipped")
        line = ", ".join(parts) + f"; {self.tokens:,} tokens"
        if self.usage.cost_usd is not None:
            line += f", ${self.usage.cost_usd:.4f}"
        line += f" in {self.elapsed:.1f}s"
        if self.usage.requests:
            line += f" ({self.phase_line()})"
        if self.stopped:
            line += f"; stopped: {self.stopped}"
        earlier = sum(1 for o in self.outcomes if o.previously_failed)
        if earlier:
            line += f" ({earlier} failed in an earlier run: rerun with --retry-failed to try them again)"
        return line


def _spent(name: str, u: Usage) -> str:
    cost = f", ${u.cost_usd:.4f}" if u.cost_usd is not None else ""
    return f"{name}: {u.requests} requests, {u.prompt_tokens + u.completion_tokens:,} tokens{cost}"


def _phase_line(result: BatchResult) -> str:
    u = result.usage
    others = list(result.phases.values())
    cost = None
    if u.cost_usd is not None:
        cost = u.cost_usd - sum(p.cost_usd or 0.0 for p in others)
    digests = Usage(
        requests=u.requests - sum(p.requests for p in others),
        prompt_tokens=u.prompt_tokens - sum(p.prompt_tokens for p in others),
        completion_tokens=u.completion_tokens - sum(p.completion_tokens for p in others),
        cost_usd=cost,
    )
    return "; ".join(
        [_spent("digests", digests), *(_spent(k, v) for k, v in result.phases.items())]
    )


def failure_line(o: Outcome) -> dict[str, Any]:
    return {
        "source": o.source,
        "article_id": o.article_id,
        "content_hash": o.content_hash,
        "kind": o.kind,
        "reason": o.reason,
        "attempts": o.attempts,
        "attempt_reasons": o.attempt_reasons,
        "previously_failed": o.previously_failed,
    }
