"""Story digest: many article digests merged into one story, every merged item listing its members.

Every cluster keeps the original per-article items whole (ids, offsets, exact text), so a story can
be rendered with its sources, re-merged with new digests (`member_digests()`), and round-trips
through JSON. Counts distinguish pages (articles) from independent sources (syndication groups).
"""

# Annotations are evaluated as the classes are made (no `from __future__ import annotations`):
# given strings, pydantic compiles each one when it builds the models, ~3 ms of start-up.

import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.article import ArticleMeta, new_dict, new_list
from schemas.digest import (
    SCHEMA_VERSION,
    Actor,
    ActorType,
    ArticleDigest,
    Event,
    Provenance,
    Quote,
)

STORY_SCHEMA_VERSION = "1.0"


class MemberRef(BaseModel):
    """One per-article item: the article id and the item's id in that article's digest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    article: str
    item: str


class Support(BaseModel):
    """How widely an item is reported: pages are articles, sources are independent source groups."""

    model_config = ConfigDict(extra="forbid")

    articles: list[str] = Field(default_factory=new_list, description="Article ids, sorted.")
    pages: int = 0
    sources: int = Field(default=0, description="Distinct syndication groups among the articles.")


class SourceGroup(BaseModel):
    """Articles that carry the same copy (wire syndication, reposts): one independent source."""

    model_config = ConfigDict(extra="forbid")

    id: str
    articles: list[str]
    representative: str = Field(description="Earliest published member, then smallest id.")
    similarity: float = Field(
        ge=0.0, le=1.0, description="Lowest estimated shingle Jaccard on the links that joined it."
    )
    basis: Literal["single", "content_hash", "text", "digest"] = Field(
        description="single: no copy found; content_hash: identical text; text: MinHash of the "
        "article text; digest: MinHash of digest material (no text fingerprint was given)."
    )


class StorySource(BaseModel):
    """One input article: its metadata, summary and provenance, and its source group."""

    model_config = ConfigDict(extra="forbid")

    article: ArticleMeta
    summary: str = ""
    provenance: Provenance
    group: str = Field(description="Id of the SourceGroup this article belongs to.")


class ActorMember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: str
    actor: Actor = Field(description="The article's actor, unchanged (aliases, mention offsets).")


class StoryActor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'A-' plus a hash of the sorted member refs.")
    name: str
    type: ActorType
    anonymous: bool = False
    aliases: list[str] = Field(
        default_factory=new_list, description="Every name form seen, sorted."
    )
    roles: list[str] = Field(default_factory=new_list)
    support: Support = Field(default_factory=Support)
    members: list[ActorMember]


class QuoteRelation(StrEnum):
    """How a variant relates to its cluster's canonical wording."""

    canonical = "canonical"  # the variant the canonical wording was taken from
    identical = "identical"  # same words, up to punctuation, case and quote marks
    contained = "contained"  # the variant is a verbatim part of the canonical wording
    contains = "contains"  # the variant holds the canonical wording plus more
    reworded = "reworded"  # same utterance, some words differ
    overlaps = "overlaps"  # another excerpt of one longer utterance: a shared verbatim run
    translated = "translated"  # same utterance in another language


class QuoteVariant(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: str
    quote: Quote = Field(description="The article's quote, unchanged (exact text and offsets).")
    relation: QuoteRelation
    similarity: float = Field(ge=0.0, le=1.0, description="Word-level similarity to the canonical.")
    language: str | None = None
    speaker_actor: str | None = Field(
        default=None, description="StoryActor id the variant's speaker resolved to."
    )


class FactValue(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: str
    members: list[MemberRef]
    support: Support = Field(default_factory=Support)


class Disagreement(BaseModel):
    """Sources give different values for one fact of an event; every value is kept."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(description="'date', 'location', 'count:<noun>' or (quotes) 'speaker'.")
    values: list[FactValue] = Field(min_length=2)


class QuoteCluster(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'Q-' plus a hash of the sorted member refs.")
    speaker: str | None = Field(
        description="Canonical speaker name; null when no variant names one."
    )
    speaker_actor: str | None = None
    canonical: str = Field(description="Exact text of the canonical variant (see canonical_from).")
    canonical_from: MemberRef
    relations: list[QuoteRelation] = Field(default_factory=new_list, description="Labels present.")
    support: Support = Field(default_factory=Support)
    variants: list[QuoteVariant]
    related: list[str] = Field(
        default_factory=new_list,
        description="Other quote clusters sharing words with a variant here but kept apart "
        "(e.g. a long quotation spanning two separately reported sentences).",
    )
    disagreements: list[Disagreement] = Field(
        default_factory=new_list,
        description="Variants naming different speakers ('speaker'): every name is kept with its "
        "variants; `speaker` is the name most independent sources give.",
    )


class EventMember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: str
    event: Event = Field(description="The article's event, unchanged (date, evidence offsets).")


class StoryEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'E-' plus a hash of the sorted member refs.")
    summary: str
    summary_from: MemberRef
    date: str | None = Field(
        default=None,
        description="Agreed date (most specific of compatible values); on a disagreement, the value "
        "a strict majority of independent sources gives, else null.",
    )
    location: str | None = None
    participants: list[str] = Field(default_factory=new_list, description="StoryActor names.")
    participant_ids: list[str] = Field(default_factory=new_list)
    support: Support = Field(default_factory=Support)
    members: list[EventMember]
    disagreements: list[Disagreement] = Field(default_factory=new_list)


class MergeDecision(BaseModel):
    """An ambiguous candidate pair and how it was decided (by the judge or the deterministic rule)."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["actor", "quote", "event"]
    left: MemberRef
    right: MemberRef
    same: bool
    relation: str | None = None
    reason: str
    judge: str
    cached: bool = False


class StoryProvenance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    merger_version: str
    judge: str = "rules"
    schema_version: str = SCHEMA_VERSION
    story_schema_version: str = STORY_SCHEMA_VERSION
    inputs: int = Field(default=0, description="Digests given, duplicates included.")
    duplicates_dropped: int = 0
    candidate_pairs: dict[str, int] = Field(
        default_factory=new_dict, description="Pairs compared per kind after blocking."
    )
    decisions: list[MergeDecision] = Field(default_factory=new_list)
    decisions_total: int = Field(default=0, description="Decisions made, including any not listed.")
    warnings: list[str] = Field(default_factory=new_list)


class StoryDigest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'story-' plus a hash of the sorted (article id, content hash).")
    summary: str = ""
    sources: list[StorySource]
    source_groups: list[SourceGroup]
    actors: list[StoryActor] = Field(default_factory=new_list)
    quotes: list[QuoteCluster] = Field(default_factory=new_list)
    events: list[StoryEvent] = Field(default_factory=new_list)
    provenance: StoryProvenance

    def member_digests(self) -> list[ArticleDigest]:
        """The article digests this story was merged from, rebuilt from its members."""
        quotes: dict[str, list[Quote]] = {}
        actors: dict[str, list[Actor]] = {}
        events: dict[str, list[Event]] = {}
        seen: set[tuple[str, str]] = set()
        for qc in self.quotes:
            for v in qc.variants:
                # a long quotation may be listed in two clusters (it holds both utterances)
                if (v.article, v.quote.id) not in seen:
                    seen.add((v.article, v.quote.id))
                    quotes.setdefault(v.article, []).append(v.quote)
        for sa in self.actors:
            for a in sa.members:
                actors.setdefault(a.article, []).append(a.actor)
        for se in self.events:
            for e in se.members:
                events.setdefault(e.article, []).append(e.event)
        out = []
        for src in self.sources:
            aid = src.article.id
            out.append(
                ArticleDigest.model_construct(
                    article=src.article,
                    summary=src.summary,
                    events=sorted(events.get(aid, []), key=lambda x: natural_key(x.id)),
                    actors=sorted(actors.get(aid, []), key=lambda x: natural_key(x.id)),
                    quotes=sorted(quotes.get(aid, []), key=lambda x: natural_key(x.id)),
                    provenance=src.provenance,
                )
            )
        return out


_DIGITS = re.compile(r"(\d+)")


def natural_key(item_id: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting 'q2' before 'q10'."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in _DIGITS.split(item_id) if p)


__all__ = [
    "STORY_SCHEMA_VERSION",
    "ActorMember",
    "Disagreement",
    "EventMember",
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
    "natural_key",
]
