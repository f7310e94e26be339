"""A fake OpenAI-compatible HTTP server on 127.0.0.1 that plays scripted answers, for fault tests.

It is a test double, named as such: nothing here is a model. Each request to
`POST .../chat/completions` takes the next scripted reply from a queue (or the `default`), and
every request is recorded. Replies can be JSON answers, truncations (finish_reason "length"),
HTTP errors (429 with Retry-After, 500, 503, ...), malformed bodies, slow answers (past a client
timeout) and dropped connections. It is thread-safe: many clients may call it at once.

    from tests.fakeserver import FakeOpenAIServer, chat, rate_limited, error

    with FakeOpenAIServer() as srv:
        srv.queue(rate_limited(retry_after=0.01), chat({"summary": "ok"}))
        client = OpenAI(base_url=srv.base_url, api_key="unused", max_retries=0)
        ...
        assert [r.status for r in srv.requests] == [429, 200]
        assert srv.requests[1].json["messages"][0]["role"] == "system"

Reply builders (module functions): `chat`, `tool_call`, `truncated`, `error`, `rate_limited`,
`raw`, `slow`, `drop`. A reply may also be a callable `f(request) -> Reply` that decides from the
request (e.g. answer per article); set `srv.default` to such a callable to serve any number of
requests. `srv.latency` adds a fixed delay to every reply (for throughput benchmarks).
"""

from __future__ import annotations

import itertools
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = [
    "FakeOpenAIServer",
    "RecordedRequest",
    "Reply",
    "chat",
    "drop",
    "error",
    "rate_limited",
    "raw",
    "slow",
    "tool_call",
    "truncated",
]


@dataclass(frozen=True)
class Reply:
    """One scripted answer. Build these with the module functions rather than by hand."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a slow server / past a timeout)
    drop: bool = False  # close the connection without answering
    label: str = ""  # shows in `RecordedRequest.reply` to make assertions readable


Responder = Reply | Callable[["RecordedRequest"], Reply]


@dataclass
class RecordedRequest:
    """What the server received, and which reply it gave (`status` 0 = connection dropped)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    time: float
    status: int = 0
    reply: str = ""

    @property
    def json(self) -> Any:
        """The parsed JSON body, or None when the body is not JSON."""
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    @property
    def max_tokens(self) -> int | None:
        data = self.json or {}
        return data.get("max_tokens", data.get("max_completion_tokens"))


_ids = itertools.count(1)


def _completion(
    message: dict[str, Any],
    finish_reason: str,
    prompt_tokens: int,
    completion_tokens: int,
    model: str,
) -> bytes:
    body = {
        "id": f"chatcmpl-fake-{next(_ids)}",
        "object": "chat.completion",
        "created": 1700000000,
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish_reason}],
        "usage": {
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens,
        },
    }
    return json.dumps(body).encode()


def chat(
    content: str | dict[str, Any] | list[Any],
    *,
    finish_reason: str = "stop",
    prompt_tokens: int = 100,
    completion_tokens: int | None = None,
    model: str = "fake-model",
    delay: float = 0.0,
) -> Reply:
    """A 200 chat completion whose assistant message is `content` (dicts/lists are JSON-encoded)."""
    text = content if isinstance(content, str) else json.dumps(content)
    ctoks = completion_tokens if completion_tokens is not None else max(1, len(text) // 4)
    message = {"role": "assistant", "content": text}
    body = _completion(message, finish_reason, prompt_tokens, ctoks, model)
    return Reply(
        200, body, {"Content-Type": "application/json"}, delay, label=f"chat:{finish_reason}"
    )


def tool_call(
    arguments: dict[str, Any] | str,
    *,
    name: str = "Answer",
    prompt_tokens: int = 100,
    completion_tokens: int | None = None,
    model: str = "fake-model",
) -> Reply:
    """A 200 completion that calls tool `name` with `arguments` (for instructor's TOOLS mode)."""
    args = arguments if isinstance(arguments, str) else json.dumps(arguments)
    ctoks = completion_tokens if completion_tokens is not None else max(1, len(args) // 4)
    message = {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {
                "id": f"call_{next(_ids)}",
                "type": "function",
                "function": {"name": name, "arguments": args},
            }
        ],
    }
    body = _completion(message, "tool_calls", prompt_tokens, ctoks, model)
    return Reply(200, body, {"Content-Type": "application/json"}, label="tool_call")


def truncated(content: str | dict[str, Any] = '{"summary": "cut of', **kw: Any) -> Reply:
    """An answer cut off by max_tokens: finish_reason "length" (content usually invalid JSON)."""
    reply = chat(content, finish_reason="length", **kw)
    return Reply(reply.status, reply.body, reply.headers, reply.delay, label="truncated")


def error(
    status: int,
    message: str = "fake server error",
    *,
    headers: dict[str, str] | None = None,
    delay: float = 0.0,
) -> Reply:
    """An HTTP error with an OpenAI-style JSON error body."""
    kind = {400: "invalid_request_error", 401: "authentication_error", 429: "rate_limit_error"}.get(
        status, "server_error"
    )
    body = json.dumps({"error": {"message": message, "type": kind, "code": status}}).encode()
    hdrs = {"Content-Type": "application/json", **(headers or {})}
    return Reply(status, body, hdrs, delay, label=f"error:{status}")


def rate_limited(retry_after: float = 1.0, *, as_date: bool = False) -> Reply:
    """429 with a Retry-After header in seconds (or as an HTTP date when `as_date`)."""
    if as_date:
        value = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + retry_after))
    else:
        value = f"{retry_after:g}"
    return error(429, "rate limited (fake)", headers={"Retry-After": value})


def raw(body: bytes | str, *, status: int = 200, content_type: str = "application/json") -> Reply:
    """Any body as-is, e.g. malformed JSON or an HTML error page."""
    data = body.encode() if isinstance(body, str) else body
    return Reply(status, data, {"Content-Type": content_type}, label="raw")


def slow(seconds: float, then: Reply | None = None) -> Reply:
    """`then` (default: a trivial chat answer) after `seconds`: use it to go past a client timeout."""
    base = then or chat("{}")
    return Reply(
        base.status, base.body, base.headers, seconds, base.drop, label=f"slow:{seconds:g}"
    )


def drop() -> Reply:
    """Close the connection without sending anything (the client sees a connection error)."""
    return Reply(drop=True, label="drop")


_NOT_SCRIPTED = error(500, "fake server: no scripted reply left for this request")


class FakeOpenAIServer:
    """Serve scripted chat completions on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, *, default: Responder | None = None, latency: float = 0.0) -> None:
        self.default: Responder | None = default
        self.latency = latency
        self.requests: list[RecordedRequest] = []
        self._queue: deque[Responder] = deque()
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- scripting --------------------------------------------------------------------------
    def queue(self, *replies: Responder) -> FakeOpenAIServer:
        """Append replies; each chat request takes the next one, in order."""
        with self._lock:
            self._queue.extend(replies)
        return self

    @property
    def pending(self) -> int:
        """Scripted replies not yet served (assert 0 to prove every one was used)."""
        with self._lock:
            return len(self._queue)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.rstrip("/").endswith("/chat/completions")]

    def reset(self) -> None:
        with self._lock:
            self._queue.clear()
            self.requests.clear()

    # -- lifecycle --------------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("FakeOpenAIServer is not started; use it as a context manager")
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        """What an OpenAI client takes as base_url (ends in /v1)."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAIServer:
        handler = type("_Handler", (_Handler,), {"fake": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="fake-openai", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self._closing.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- used by the handler ----------------------------------------------------------------
    def _next_reply(self, request: RecordedRequest) -> Reply:
        with self._lock:
            responder = self._queue.popleft() if self._queue else self.default
        if responder is None:
            return _NOT_SCRIPTED
        return responder(request) if callable(responder) else responder

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._closing.wait(seconds)


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAIServer
    protocol_version = "HTTP/1.1"  # keep-alive, like real providers

    def setup(self) -> None:
        super().setup()
        # headers and body go out in separate writes; without this, Nagle's algorithm and the
        # client's delayed ACK add ~40 ms to every keep-alive answer
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Silence the per-request stderr log."""

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, reply: Reply) -> None:
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def _request(self, body: bytes) -> RecordedRequest:
        headers = {k.lower(): v for k, v in self.headers.items()}
        return RecordedRequest(self.command, self.path, headers, body, time.monotonic())

    def do_POST(self) -> None:
        body = self._read_body()
        request = self._request(body)
        self.fake._record(request)
        if not self.path.rstrip("/").endswith("/chat/completions"):
            request.status, request.reply = 404, "not-found"
            self._send(error(404, f"fake server: no route {self.path}"))
            return
        reply = self.fake._next_reply(request)
        request.reply = reply.label
        self.fake._sleep(self.fake.latency + reply.delay)
        try:
            if reply.drop:
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            request.status = reply.status
            self._send(reply)
        except OSError:
            # the client gave up (timeout) before we answered: that is the point of a slow reply
            self.close_connection = True

    def do_GET(self) -> None:
        request = self._request(b"")
        self.fake._record(request)
        path = self.path.rstrip("/")
        if path.endswith("/models"):
            body = {
                "object": "list",
                "data": [{"id": "fake-model", "object": "model", "owned_by": "fake"}],
            }
            reply = Reply(200, json.dumps(body).encode(), {"Content-Type": "application/json"})
        elif path.endswith("/health"):
            reply = Reply(200, b'{"status":"ok"}', {"Content-Type": "application/json"})
        else:
            reply = error(404, f"fake server: no route {self.path}")
        request.status = reply.status
        self._send(reply)
