"""Per-article digest: typed events, actors and quotes, each grounded on the article text.

Offsets are Python string indices into `Article.text`, `end` exclusive, so
`article.text[q.start:q.end] == q.text` holds for every quote.
"""

# Annotations are evaluated as the classes are made (no `from __future__ import annotations`):
# given strings, pydantic compiles each one when it builds the models, ~3 ms of start-up.

import re
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from schemas.article import ArticleMeta, new_dict, new_list

SCHEMA_VERSION = "1.0"

# Bounds keep model output finite (small models loop on unbounded arrays) and digests sane.
MAX_QUOTES = 200
MAX_ACTORS = 200
MAX_EVENTS = 100
MAX_ALIASES = 30
MAX_MENTIONS = 300
MAX_PARTICIPANTS = 20
MAX_EVIDENCE = 10

_PARTIAL_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def is_partial_date(value: str) -> bool:
    """Whether an event's date check passes `value`: YYYY, YYYY-MM or YYYY-MM-DD."""
    return _PARTIAL_DATE.match(value) is not None


class Span(BaseModel):
    """A half-open character range [start, end) into the article text, with the text it covers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


class Fidelity(StrEnum):
    """How a claimed string was placed on the source text (see service.ground)."""

    exact = "exact"
    normalised = "normalised"  # equal after folding quote marks, dashes, whitespace and case
    fuzzy = "fuzzy"  # tightly bounded edit distance


class QuoteKind(StrEnum):
    direct = "direct"  # a full sentence or more in quotation marks
    partial = "partial"  # a fragment woven into the reporter's sentence


class ActorType(StrEnum):
    person = "person"
    organization = "organization"
    location = "location"
    group = "group"


class Quote(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable within the digest: q1, q2, ... in text order.")
    text: str = Field(description="Verbatim words between the quotation marks (marks excluded).")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    speaker: str | None = Field(
        default=None,
        description="Canonical name of the speaker, or null when the text does not say.",
    )
    speaker_mention: str | None = Field(
        default=None,
        description="The words that attribute the quote (e.g. 'he', 'a Pentagon spokesman').",
    )
    speaker_span: Span | None = None
    speaker_role: str | None = Field(
        default=None, description="Role when stated, e.g. 'Pentagon spokesman'."
    )
    attribution: str | None = Field(
        default=None,
        description="Which rule or model attributed the speaker (e.g. 'cue-after', 'continuation', 'llm').",
    )
    fidelity: Fidelity = Fidelity.exact
    nested_in: str | None = Field(default=None, description="Id of the quote this one sits inside.")

    @model_validator(mode="after")
    def _span(self) -> Self:
        if self.end < self.start:
            raise ValueError("quote end before start")
        return self


class Actor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable within the digest: a1, a2, ...")
    name: str = Field(description="Canonical name: the fullest form the article gives.")
    type: ActorType
    aliases: list[str] = Field(default_factory=new_list, max_length=MAX_ALIASES)
    role: str | None = None
    anonymous: bool = Field(
        default=False, description="A role-only actor such as 'a senior defence official'."
    )
    mentions: list[Span] = Field(default_factory=new_list, max_length=MAX_MENTIONS)


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    summary: str
    date: str | None = Field(
        default=None, description="ISO date, full (2024-04-21) or partial (2024-04, 2024), or null."
    )
    date_text: str | None = Field(default=None, description="The words the date came from.")
    location: str | None = None
    participants: list[str] = Field(default_factory=new_list, max_length=MAX_PARTICIPANTS)
    evidence: list[Span] = Field(default_factory=new_list, max_length=MAX_EVIDENCE)

    @field_validator("date")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is not None and not is_partial_date(v):
            raise ValueError(f"date {v!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        return v


class Dropped(BaseModel):
    """Items a model or rule proposed that grounding rejected, by kind."""

    model_config = ConfigDict(extra="forbid")

    quotes: int = 0
    speakers: int = 0
    actors: int = 0
    events: int = 0
    reasons: dict[str, int] = Field(default_factory=new_dict)

    @property
    def total(self) -> int:
        return self.quotes + self.speakers + self.actors + self.events


class Usage(BaseModel):
    model_config = ConfigDict(extra="forbid")

    requests: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    reasks: int = 0
    retries: int = 0
    cost_usd: float | None = None

    def __add__(self, other: "Usage") -> "Usage":
        cost = None
        if self.cost_usd is not None or other.cost_usd is not None:
            cost = (self.cost_usd or 0.0) + (other.cost_usd or 0.0)
        return Usage(
            requests=self.requests + other.requests,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            reasks=self.reasks + other.reasks,
            retries=self.retries + other.retries,
            cost_usd=cost,
        )


class Provenance(BaseModel):
    model_config = ConfigDict(extra="forbid")

    engine: str
    engine_version: str
    model: str | None = None
    prompt_version: str | None = None
    prompt_hash: str | None = None
    schema_version: str = SCHEMA_VERSION
    schema_hash: str = ""
    dropped: Dropped = Field(default_factory=Dropped)
    usage: Usage | None = None
    warnings: list[str] = Field(default_factory=new_list, max_length=50)


class ArticleDigest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    article: ArticleMeta
    summary: str = Field(default="", description="A short extractive or model-written summary.")
    events: list[Event] = Field(default_factory=new_list, max_length=MAX_EVENTS)
    actors: list[Actor] = Field(default_factory=new_list, max_length=MAX_ACTORS)
    quotes: list[Quote] = Field(default_factory=new_list, max_length=MAX_QUOTES)
    provenance: Provenance
