"""Domain types: pure pydantic models, no IO. `python -m service schema` prints their JSON Schema."""

from __future__ import annotations

import hashlib
import json

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
