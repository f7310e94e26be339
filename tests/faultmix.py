"""Scripted fault mixes for batch runs of the LLM engine against tests/fakeserver.py (a test double).

Each article carries a marker word `case-NAME` in its text; the server finds it in the prompt and
plays that article's own script of replies, in order, then valid answers. Requests are counted
per article, so a test can check every article against the retry policy whatever the
concurrency interleaving.
"""

from __future__ import annotations

import re
import sys
import threading
from collections import Counter
from typing import Any

from schemas import Article
from tests.batchkit import FAKE_KEY
from tests.fakeserver import FakeOpenAIServer, RecordedRequest, Reply, chat

# The smallest answer the hybrid prompt accepts: no picks, so the rules candidates are kept.
VALID_ANSWER: dict[str, Any] = {
    "actors": [],
    "quotes": [],
    "events": [],
    "summary": "A council met.",
}
_MARKER = re.compile(r"\bcase-([a-z0-9_-]+)\b")


def marker_of(request: RecordedRequest) -> str | None:
    data = request.json or {}
    text = " ".join(str(m.get("content") or "") for m in data.get("messages", []))
    m = _MARKER.search(text)
    return m.group(1) if m else None


class ScriptedByArticle:
    """A responder: article `case-NAME` gets `scripts[NAME]` in order, then `then`."""

    def __init__(self, scripts: dict[str, list[Reply]], then: Reply | None = None) -> None:
        self.scripts = {k: list(v) for k, v in scripts.items()}
        self.then = then or chat(VALID_ANSWER)
        self.counts: Counter[str] = Counter()
        self.max_tokens: dict[str, list[int | None]] = {}
        self._lock = threading.Lock()

    def __call__(self, request: RecordedRequest) -> Reply:
        name = marker_of(request) or "?"
        with self._lock:
            self.counts[name] += 1
            self.max_tokens.setdefault(name, []).append(request.max_tokens)
            script = self.scripts.get(name)
            return script.pop(0) if script else self.then

    def unused(self) -> dict[str, int]:
        with self._lock:
            return {k: len(v) for k, v in self.scripts.items() if v}


def case_article(name: str, i: int = 0) -> Article:
    """An invented article whose text carries the marker `case-NAME`."""
    text = (
        f"The harbour board of Sampleport met on Tuesday about case-{name}. "
        f'"The new pier will open in spring," said Ilse Marrow, the board chair. '
        f"Members voted {i + 3} to 2 to fund the repairs, the minutes show."
    )
    return Article(id=f"case-{name}", title=f"Harbour board {name}", text=text)


class NoDelayFakeServer(FakeOpenAIServer):
    """The fake server with Nagle's algorithm off on its sockets. The stock handler writes headers
    and body separately, and on keep-alive connections Nagle plus delayed ACKs then add about
    40 ms to every answer, which would swamp a latency benchmark."""

    def start(self) -> NoDelayFakeServer:
        super().start()
        assert self._httpd is not None
        self._httpd.RequestHandlerClass.disable_nagle_algorithm = True  # type: ignore[attr-defined]
        default = self._httpd.handle_error

        def handle_error(request: Any, client_address: Any) -> None:
            # a client killed mid-request (the kill -9 test) resets its connection: not news
            if not isinstance(sys.exc_info()[1], ConnectionError):
                default(request, client_address)

        self._httpd.handle_error = handle_error  # type: ignore[method-assign]
        return self


def answering_server(latency: float = 0.0) -> FakeOpenAIServer:
    """A fake server that answers every request validly after `latency` seconds."""
    return NoDelayFakeServer(default=chat(VALID_ANSWER), latency=latency)


def fault_engine(
    server: FakeOpenAIServer, *, sleeps: list[float] | None = None, **overrides: Any
) -> Any:
    """The real LLM engine pointed at the fake server, with the fake API key in its environment.

    Backoff sleeps are recorded in `sleeps` and shortened to at most 10 ms so tests stay fast.
    """
    import time

    from service.engines import get_engine

    def sleep(seconds: float) -> None:
        if sleeps is not None:
            sleeps.append(seconds)
        time.sleep(min(seconds, 0.01))

    options: dict[str, Any] = {
        "model": "fake-model",
        "base_url": server.base_url,
        "retries": 2,
        "reasks": 1,
        "timeout": 1.0,
        "max_retry_wait": 5.0,
        **overrides,
    }
    return get_engine("llm", env={"OPENAI_API_KEY": FAKE_KEY}, sleep=sleep, **options)
