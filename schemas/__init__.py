"""Domain types: pure pydantic models, no IO. `python -m service schema` prints their JSON Schema."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import TYPE_CHECKING, Any

from schemas.article import Article, ArticleMeta, content_hash
from schemas.digest import (
    SCHEMA_VERSION,
    Actor,
    ActorType,
    ArticleDigest,
    Dropped,
    Event,
    Fidelity,
    Provenance,
    Quote,
    QuoteKind,
    Span,
    Usage,
)

# The story models (the merger's output) are built only when first asked for: a run that digests
# articles without merging them never pays for their pydantic schemas.
_STORY_NAMES = frozenset(
    [
        "Disagreement",
        "FactValue",
        "MemberRef",
        "MergeDecision",
        "QuoteCluster",
        "QuoteRelation",
        "QuoteVariant",
        "SourceGroup",
        "StoryActor",
        "StoryDigest",
        "StoryEvent",
        "StoryProvenance",
        "StorySource",
        "Support",
    ]
)

if TYPE_CHECKING:
    from schemas.story import (
        Disagreement,
        FactValue,
        MemberRef,
        MergeDecision,
        QuoteCluster,
        QuoteRelation,
        QuoteVariant,
        SourceGroup,
        StoryActor,
        StoryDigest,
        StoryEvent,
        StoryProvenance,
        StorySource,
        Support,
    )


def __getattr__(name: str) -> Any:
    if name in _STORY_NAMES:
        from schemas import story

        value = getattr(story, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'schemas' has no attribute {name!r}")


@cache
def schema_hash(model: type = ArticleDigest) -> str:
    """Short content hash of a model's JSON Schema: changes whenever the output contract changes."""
    blob = json.dumps(model.model_json_schema(), sort_keys=True).encode()  # type: ignore[attr-defined]
    return hashlib.sha256(blob).hexdigest()[:16]


__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "ActorType",
    "Article",
    "ArticleDigest",
    "ArticleMeta",
    "Disagreement",
    "Dropped",
    "Event",
    "FactValue",
    "Fidelity",
    "MemberRef",
    "MergeDecision",
    "Provenance",
    "Quote",
    "QuoteCluster",
    "QuoteKind",
    "QuoteRelation",
    "QuoteVariant",
    "SourceGroup",
    "Span",
    "StoryActor",
    "StoryDigest",
    "StoryEvent",
    "StoryProvenance",
    "StorySource",
    "Support",
    "Usage",
    "content_hash",
    "schema_hash",
]
