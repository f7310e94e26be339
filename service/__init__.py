"""newsdigest: grounded structured summaries of news articles (events, actors, quotes) and a
merger that joins many articles about one story. Everything public is importable from here."""

from schemas import Article, ArticleDigest, StoryDigest
from service.api import iter_articles, resolve_engine, summarise, summarise_many
from service.batch import run_batch
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
from service.store import Store

__version__ = "0.1.0"

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
