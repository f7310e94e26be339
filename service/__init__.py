"""newsdigest: grounded structured summaries of news articles (events, actors, quotes) and a
merger that joins many articles about one story. Everything public is importable from here.

Names are loaded on first use (PEP 562 module __getattr__), so `import service` and the CLI's
`--help` stay quick: pydantic, the engines and the merger are imported only when asked for.
"""

from __future__ import annotations

import importlib
import sys
import types

TYPE_CHECKING = False  # `typing` itself is not imported: `summarise --help` does not need it
if TYPE_CHECKING:
    from typing import Any

    from schemas import Article, ArticleDigest, StoryDigest
    from service.api import iter_articles, resolve_engine, summarise, summarise_many
    from service.batch.runner import run_batch
    from service.batch.store import Store
    from service.engines import Engine, get_engine
    from service.engines import available as available_engines
    from service.engines import register as register_engine
    from service.errors import (
        BudgetExceededError,
        ConfigError,
        DigestError,
        EvaluationError,
        InputError,
        MissingExtraError,
        ModelError,
        NewsDigestError,
        OutputValidationError,
        RetriesExhaustedError,
        StoreError,
    )
    from service.merge import load_digests, merge, merge_stories

__version__ = "0.1.0"

# public name -> (module, attribute in it)
_LAZY: dict[str, tuple[str, str]] = {
    "Article": ("schemas", "Article"),
    "ArticleDigest": ("schemas", "ArticleDigest"),
    "StoryDigest": ("schemas", "StoryDigest"),
    "iter_articles": ("service.api", "iter_articles"),
    "resolve_engine": ("service.api", "resolve_engine"),
    "summarise": ("service.api", "summarise"),
    "summarise_many": ("service.api", "summarise_many"),
    "run_batch": ("service.batch.runner", "run_batch"),
    "Engine": ("service.engines", "Engine"),
    "get_engine": ("service.engines", "get_engine"),
    "available_engines": ("service.engines", "available"),
    "register_engine": ("service.engines", "register"),
    "load_digests": ("service.merge", "load_digests"),
    "merge": ("service.merge", "merge"),
    "merge_stories": ("service.merge", "merge_stories"),
    "Store": ("service.batch.store", "Store"),
    **{
        name: ("service.errors", name)
        for name in (
            "BudgetExceededError",
            "ConfigError",
            "DigestError",
            "EvaluationError",
            "InputError",
            "MissingExtraError",
            "ModelError",
            "NewsDigestError",
            "OutputValidationError",
            "RetriesExhaustedError",
            "StoreError",
        )
    },
}

__all__ = [
    "Article",
    "ArticleDigest",
    "BudgetExceededError",
    "ConfigError",
    "DigestError",
    "Engine",
    "EvaluationError",
    "InputError",
    "MissingExtraError",
    "ModelError",
    "NewsDigestError",
    "OutputValidationError",
    "RetriesExhaustedError",
    "Store",
    "StoreError",
    "StoryDigest",
    "__version__",
    "available_engines",
    "get_engine",
    "iter_articles",
    "load_digests",
    "merge",
    "merge_stories",
    "register_engine",
    "resolve_engine",
    "run_batch",
    "summarise",
    "summarise_many",
]


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'service' has no attribute {name!r}")
    module_name, attr = target
    value = getattr(importlib.import_module(module_name), attr)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """`service.merge` is the merge function, as it was when this package imported everything;
    loading the subpackage of the same name must not replace it with the module."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "merge" and isinstance(value, types.ModuleType):
            value = value.merge
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
