"""Test helpers for the store and batch tests: a scripted fake engine (a test double, no model) and
invented articles. Nothing here is real news."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from schemas import Article, ArticleDigest, Provenance, Usage
from service.errors import NewsDigestError

FAKE_KEY = "sk-test-FAKEKEY-0123456789abcdef"


def invented_text(i: int, words: int = 40) -> str:
    """A made-up article body, distinct per `i`."""
    body = " ".join(f"word{(i * 7 + k) % 97}" for k in range(words))
    return (
        f"The council of Exampletown met on Monday for session {i}. "
        f'"We will publish the report number {i} soon," said Mara Quill, the clerk. {body}.'
    )


def make_article(i: int, *, text: str | None = None, id: str | None = None) -> Article:
    return Article(id=id or f"a{i:04d}", title=f"Session {i}", text=text or invented_text(i))


def write_articles(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    """n plain-text article files (title line, blank line, body) named a0000.txt, ..."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        p = folder / f"a{i:04d}.txt"
        p.write_text(f"Session {i} of the council\n\n{invented_text(i)}\n", encoding="utf-8")
        paths.append(p)
    return paths


class FakeEngine:
    """Digests any article instantly (or after `delay`), counting calls per content hash.

    `fail` maps an article id to an exception to raise (every time), `usage` is reported per call.
    """

    name: ClassVar[str] = "fake"

    def __init__(
        self,
        *,
        model: str = "fake-model",
        prompt_hash: str = "p-1",
        delay: float = 0.0,
        fail: dict[str, NewsDigestError | Exception] | None = None,
        usage: Usage | None = None,
        on_call: Callable[[Article], None] | None = None,
    ) -> None:
        self.model = model
        self.prompt_hash = prompt_hash
        self.delay = delay
        self.fail = fail or {}
        self.usage = (
            usage
            if usage is not None
            else Usage(requests=1, prompt_tokens=100, completion_tokens=20)
        )
        self.on_call = on_call
        self.calls: Counter[str] = Counter()
        self.max_concurrent = 0
        self._active = 0
        self._lock = threading.Lock()

    def digest(self, article: Article) -> ArticleDigest:
        with self._lock:
            self.calls[article.content_hash] += 1
            self._active += 1
            self.max_concurrent = max(self.max_concurrent, self._active)
        try:
            if self.on_call is not None:
                self.on_call(article)
            if self.delay:
                time.sleep(self.delay)
            if article.id in self.fail:
                raise self.fail[article.id]
            return ArticleDigest(
                article=article.meta(),
                summary=f"summary of {article.id}",
                provenance=Provenance(
                    engine=self.name,
                    engine_version="fake-1",
                    model=self.model,
                    prompt_hash=self.prompt_hash,
                    usage=self.usage,
                ),
            )
        finally:
            with self._lock:
                self._active -= 1

    @property
    def total_calls(self) -> int:
        return sum(self.calls.values())
