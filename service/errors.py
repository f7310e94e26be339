"""The project's exceptions: one root, subclasses that carry what a user needs to act.

NewsDigestError                      root: catch this to catch everything we raise
├── ConfigError                      bad option, unknown engine/model, missing extra
│   └── MissingExtraError            an optional dependency is not installed (names the extra)
├── InputError                       an article could not be read (carries `path`)
│   ├── EmptyInputError              file or text is empty / whitespace only
│   ├── BinaryInputError             looks like a binary file
│   ├── EncodingError                bytes are not in any encoding we accept
│   ├── UnsupportedFormatError       extension/content we do not ingest
│   └── MissingTextError             JSON/HTML without article text
├── DigestError                      digesting one article failed (carries `source`, wraps the cause)
├── GroundingError                   nothing a model returned could be placed on the text
├── ModelError                       the model/provider failed (carries `provider`, `model`)
│   ├── RetriesExhaustedError        transport retries ran out (carries `attempts`)
│   ├── OutputValidationError        answers never validated after re-asks (carries `last_completion`)
│   └── BudgetExceededError          a cost/token budget would be exceeded
├── StoreError                       the results store failed
│   ├── StoreUnavailableError        cannot be opened: missing, unreadable, read-only (also a
│   │                                ConfigError: the command line exits 2)
│   └── StoreUsageError              a store command used wrongly (also a ConfigError)
└── EvaluationError                  gold data missing or malformed
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path


class NewsDigestError(Exception):
    """Root of every error this project raises on purpose."""


class ConfigError(NewsDigestError):
    pass


class MissingExtraError(ConfigError):
    def __init__(self, package: str, extra: str, feature: str) -> None:
        self.package, self.extra, self.feature = package, extra, feature
        super().__init__(
            f"{feature} needs the '{package}' package: install it with `pip install 'newsdigest[{extra}]'`"
        )


class InputError(NewsDigestError):
    """An article could not be read. `path` names the file (or '-' for stdin)."""

    def __init__(self, path: str | Path | None, problem: str) -> None:
        self.path = str(path) if path is not None else None
        self.problem = problem
        where = f"{self.path}: " if self.path else ""
        super().__init__(f"{where}{problem}")


class EmptyInputError(InputError):
    pass


class BinaryInputError(InputError):
    pass


class EncodingError(InputError):
    pass


class UnsupportedFormatError(InputError):
    pass


class MissingTextError(InputError):
    pass


class DigestError(NewsDigestError):
    """Digesting one article failed; `source` names its file (or its id) and `__cause__` says why."""

    def __init__(self, source: str, cause: BaseException) -> None:
        self.source = source
        self.cause = cause
        super().__init__(f"{source}: {cause}")


class GroundingError(NewsDigestError):
    pass


class ModelError(NewsDigestError):
    def __init__(
        self, message: str, *, provider: str | None = None, model: str | None = None
    ) -> None:
        self.provider, self.model = provider, model
        super().__init__(message)


class RetriesExhaustedError(ModelError):
    """Transport retries ran out; `attempts` lists why each attempt failed."""

    def __init__(
        self, attempts: Sequence[str], *, provider: str | None = None, model: str | None = None
    ) -> None:
        self.attempts = list(attempts)
        lines = "; ".join(f"#{i + 1}: {a}" for i, a in enumerate(self.attempts))
        super().__init__(
            f"gave up after {len(self.attempts)} attempts ({lines})", provider=provider, model=model
        )


class OutputValidationError(ModelError):
    def __init__(
        self,
        message: str,
        *,
        attempts: int,
        last_completion: str | None = None,
        provider: str | None = None,
        model: str | None = None,
    ) -> None:
        self.attempts = attempts
        self.last_completion = last_completion
        super().__init__(f"{message} (after {attempts} attempts)", provider=provider, model=model)


class BudgetExceededError(ModelError):
    pass


class StoreError(NewsDigestError):
    pass


class StoreUnavailableError(StoreError, ConfigError):
    """The store cannot be opened or written at all: a setup problem, not an article's."""


class EvaluationError(NewsDigestError):
    pass


class StoreUsageError(StoreError, ConfigError):
    """A store command asked for something it refuses (prune without a filter)."""
