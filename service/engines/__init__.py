"""Engines turn one Article into one ArticleDigest, behind one small interface and a lazy registry.

New engines register a dotted path; nothing is imported until the engine is asked for, so the
offline engine never pays for (or needs) the LLM stack.
"""

from __future__ import annotations

import importlib
from typing import Any, ClassVar, Protocol, runtime_checkable

from schemas import Article, ArticleDigest
from service.errors import ConfigError


@runtime_checkable
class Engine(Protocol):
    name: ClassVar[str]

    def digest(self, article: Article) -> ArticleDigest:
        """Digest one article. Raise a NewsDigestError subclass on failure."""
        ...


_REGISTRY: dict[str, str] = {
    "rules": "service.engines.rules:RulesEngine",
    "llm": "service.engines.llm:LLMEngine",
}


def register(name: str, target: str) -> None:
    """Register an engine class by dotted path 'package.module:Class'."""
    _REGISTRY[name] = target


def available() -> list[str]:
    return sorted(_REGISTRY)


def get_engine(name: str, **options: Any) -> Engine:
    try:
        target = _REGISTRY[name]
    except KeyError:
        raise ConfigError(
            f"unknown engine {name!r}; choose one of {', '.join(available())}"
        ) from None
    module_name, _, cls_name = target.partition(":")
    module = importlib.import_module(module_name)
    cls = getattr(module, cls_name)
    engine: Engine = cls(**options)
    return engine
