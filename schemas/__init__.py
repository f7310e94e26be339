"""Domain types: pure pydantic models, no IO. `python -m service schema` prints their JSON Schema."""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path
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
    if model is ArticleDigest and _digest_record_holds():
        return DIGEST_SCHEMA_HASH["hash"]
    return computed_schema_hash(model)


def computed_schema_hash(model: type) -> str:
    blob = json.dumps(model.model_json_schema(), sort_keys=True).encode()  # type: ignore[attr-defined]
    return hashlib.sha256(blob).hexdigest()[:16]


# Every digest carries schema_hash(ArticleDigest), and generating the JSON Schema costs ~6 ms of a
# one-article run's start-up, so the hash is recorded here with what it was computed from: the
# pydantic and Python versions and the text of the two modules that define the digest. When any
# of them differs, schema_hash computes it; tests/test_lazy_imports.py says when the record is
# stale and gives its new values.
DIGEST_SCHEMA_HASH = {
    "hash": "353b59a65e7cb485",
    "pydantic": "2.14.4",
    "python": "3.11",
    "sources": "01ccb3969732790e",
}


def digest_sources_hash() -> str:
    """Hash of schemas/article.py and schemas/digest.py ('' when they cannot be read)."""
    h = hashlib.sha256()
    try:
        for name in ("article.py", "digest.py"):
            h.update((Path(__file__).parent / name).read_bytes())
    except OSError:  # installed without its sources
        return ""
    return h.hexdigest()[:16]


def _digest_record_holds() -> bool:
    from pydantic.version import VERSION

    rec = DIGEST_SCHEMA_HASH
    sources = digest_sources_hash()
    return (
        rec["pydantic"] == VERSION
        and rec["python"] == "{}.{}".format(*sys.version_info)
        and sources != ""
        and rec["sources"] == sources
    )


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
