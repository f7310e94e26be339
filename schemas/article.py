"""The article as ingested: metadata plus the exact text every offset in a digest points into."""

from __future__ import annotations

import datetime as dt
import hashlib

from pydantic import BaseModel, ConfigDict, Field, model_validator


def content_hash(text: str) -> str:
    """sha256 of the UTF-8 text: the identity of an article's content, whatever its file name."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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
    fingerprint: list[int] = Field(
        default_factory=list,
        max_length=64,
        description="MinHash signature of the text's word shingles; the merger uses it to spot syndicated copy.",
    )


class Article(ArticleMeta):
    """An article ready to digest. `text` is the exact string all character offsets index."""

    text: str

    @model_validator(mode="after")
    def _fill_hash(self) -> Article:
        self.content_hash = content_hash(self.text)
        self.length = len(self.text)
        return self

    def meta(self) -> ArticleMeta:
        return ArticleMeta.model_validate(self.model_dump(exclude={"text"}))
