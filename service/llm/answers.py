"""Response models the LLM must fill: small, id-based, every list and string bounded.

The hybrid and plain answers share the same bounds (12 actors, 5 events of at most 90 characters,
a 200-character summary) so that the benchmark compares answer styles, not budgets.

Bounds matter twice: small models otherwise loop until max_tokens, and grammar-constrained servers
(llama.cpp) enforce maxItems/maxLength while decoding. The hybrid answer refers to rule candidates
by id (Q3, A2, S7), so a quotation can never be retyped, let alone invented; the plain answer is
the baseline that writes everything out and is grounded afterwards.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from schemas import ActorType

QUOTE_ID = r"^Q[0-9]{1,3}$"
ACTOR_ID = r"^[AN][0-9]{1,3}$"
SENTENCE_ID = r"^S[0-9]{1,3}$"

_SCHEMAS: dict[type, dict[str, Any]] = {}


class _Answer(BaseModel):
    """Base of the answer models: their JSON Schema is built once, not on every request."""

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        if args or kwargs:
            return super().model_json_schema(*args, **kwargs)
        if cls not in _SCHEMAS:
            _SCHEMAS[cls] = super().model_json_schema()
        # a fresh copy per request (callers may mutate it); a JSON round trip is the fast way
        return json.loads(json.dumps(_SCHEMAS[cls]))


ActorRef = Annotated[str, Field(pattern=ACTOR_ID)]
ShortName = Annotated[str, Field(min_length=1, max_length=80)]


class Attribution(BaseModel):
    model_config = ConfigDict(extra="forbid")

    quote: str = Field(pattern=QUOTE_ID, description="Id of a quotation candidate, e.g. Q3.")
    speaker: str | None = Field(
        pattern=ACTOR_ID,
        description="Id of the actor who said it (A… or N…), or null when the article does not say.",
    )


class ActorPick(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(
        pattern=ACTOR_ID,
        description="A… for a name candidate; N1, N2… for a real actor the candidates missed.",
    )
    type: ActorType
    name: str | None = Field(
        max_length=80,
        description="Fullest name exactly as the article writes it; null to keep the candidate's name. Required for N ids.",
    )


class EventPick(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sentence: str = Field(
        pattern=SENTENCE_ID, description="Id of the sentence that reports the event."
    )
    summary: str = Field(
        min_length=3, max_length=90, description="What happened, at most 15 words."
    )
    participants: list[ActorRef] = Field(max_length=4, description="Actor ids taking part.")
    location: str | None = Field(
        max_length=60, description="Place as written in the article, or null."
    )


class HybridAnswer(_Answer):
    """Answer by reference: which candidates are actors, who said which quote, which sentences
    carry events, and a short summary."""

    model_config = ConfigDict(extra="forbid")

    actors: list[ActorPick] = Field(max_length=12)
    quotes: list[Attribution] = Field(max_length=60)
    events: list[EventPick] = Field(max_length=5)
    summary: str = Field(max_length=200, description="Two sentences at most.")


class PlainQuote(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=400, description="The quoted words, copied exactly.")
    speaker: str | None = Field(max_length=80, description="Who said it, or null when not stated.")


class PlainActor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: ShortName
    type: ActorType


class PlainEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")

    summary: str = Field(min_length=3, max_length=90)
    date: str | None = Field(max_length=10, description="YYYY-MM-DD, YYYY-MM or YYYY, or null.")
    participants: list[ShortName] = Field(max_length=4)
    location: str | None = Field(max_length=60)


class PlainAnswer(_Answer):
    """The baseline: the model writes out every quote, actor and event itself."""

    model_config = ConfigDict(extra="forbid")

    quotes: list[PlainQuote] = Field(max_length=60)
    actors: list[PlainActor] = Field(max_length=12)
    events: list[PlainEvent] = Field(max_length=5)
    summary: str = Field(max_length=200)


ANSWERS: dict[str, type[BaseModel]] = {"hybrid": HybridAnswer, "plain": PlainAnswer}
