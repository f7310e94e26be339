"""The article as ingested: metadata plus the exact text every offset in a digest points into."""

# Annotations are evaluated as the classes are made (no `from __future__ import annotations`):
# given strings, pydantic compiles each one when it builds the models, ~3 ms of start-up.

import base64
import datetime as dt
import hashlib
import struct
from typing import Annotated, Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_serializer,
    field_validator,
    model_validator,
)

FINGERPRINT_PREFIX = "mh1:"


def content_hash(text: str) -> str:
    """sha256 of the UTF-8 text: the identity of an article's content, whatever its file name."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# default_factory for list and dict fields. Plain Python functions rather than the builtins
# `list` and `dict`: pydantic reads every factory's signature when it builds a model, and a
# builtin's signature is parsed from its text form with tokenize, whose patterns cost ~5 ms of
# start-up to compile (a one-article run needs these models and nothing else that uses tokenize).
def new_list() -> list[Any]:
    return []


def new_dict() -> dict[str, Any]:
    return {}


class ArticleMeta(BaseModel):
    """Everything about an article except its text; what a digest carries."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="The article's `id` field, else its file stem.")
    title: str | None = None
    outlet: str | None = Field(default=None, description="Publisher or site name.")
    url: str | None = None
    published: dt.date | None = Field(
        default=None, description="Publication date; relative dates are resolved against it."
    )
    source: str | None = Field(default=None, description="Path (or '-') it was read from.")
    content_hash: str = Field(default="", description="sha256 of the text (hex).")
    length: int = Field(default=0, ge=0, description="Length of the text in characters.")
    language: str | None = None
    fingerprint: Annotated[
        list[int],
        WithJsonSchema(
            {
                "type": "string",
                "description": "MinHash signature of the text's word shingles, packed as 'mh1:' "
                "plus base64 of 64 big-endian 32-bit values ('' when absent); the merger uses it "
                "to spot syndicated copy. A list of 64 integers is accepted too.",
            }
        ),
    ] = Field(default_factory=new_list, max_length=64)

    @field_validator("fingerprint", mode="before")
    @classmethod
    def _unpack_fingerprint(cls, v: Any) -> Any:
        if isinstance(v, str):
            return unpack_fingerprint(v)
        return v

    @field_serializer("fingerprint", when_used="json")
    def _pack_fingerprint(self, v: list[int]) -> str:
        return pack_fingerprint(v)


def pack_fingerprint(sig: list[int]) -> str:
    """A MinHash signature as one short string (JSON would spend a line per value)."""
    if not sig:
        return ""
    return FINGERPRINT_PREFIX + base64.b64encode(struct.pack(f">{len(sig)}I", *sig)).decode()


def unpack_fingerprint(s: str) -> list[int]:
    if not s:
        return []
    if not s.startswith(FINGERPRINT_PREFIX):
        raise ValueError(f"a fingerprint string starts with {FINGERPRINT_PREFIX!r}")
    try:
        raw = base64.b64decode(s[len(FINGERPRINT_PREFIX) :], validate=True)
    except ValueError as e:
        raise ValueError("the fingerprint is not valid base64") from e
    if len(raw) % 4:
        raise ValueError("the fingerprint's length is not a whole number of 32-bit values")
    return list(struct.unpack(f">{len(raw) // 4}I", raw))


class Article(ArticleMeta):
    """An article ready to digest. `text` is the exact string all character offsets index."""

    text: str

    @model_validator(mode="after")
    def _fill_hash(self) -> Self:
        self.content_hash = content_hash(self.text)
        self.length = len(self.text)
        return self

    def meta(self) -> ArticleMeta:
        return ArticleMeta.model_validate(self.model_dump(exclude={"text"}))
