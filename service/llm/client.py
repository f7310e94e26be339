"""One structured-output client over any provider: instructor for re-asks, tenacity for transport.

Routing: OpenAI-compatible endpoints (`--base-url`, and local GGUF servers) go through the openai
SDK with a fixed base_url; every other model string goes through `litellm.completion`, so
`anthropic/...`, `ollama/...`, `hosted_vllm/...` work unchanged. Both paths speak httpx, which
vcrpy records and replays. Either way instructor wraps one *transport function* of ours:

* transport retries live only in that function (tenacity; 429 honouring Retry-After, 5xx,
  timeouts, connection errors), SDK retries are off (openai max_retries=0, litellm num_retries=0);
* re-asks after an invalid answer live only in instructor (max_retries = `reasks`);
* an answer cut off by max_tokens surfaces as `TruncatedAnswer` for the engine to handle.

When transport retries run out, RetriesExhaustedError lists why each attempt failed.
"""

from __future__ import annotations

import email.utils
import json
import logging
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from service.errors import (
    ConfigError,
    MissingExtraError,
    ModelError,
    NewsDigestError,
    OutputValidationError,
    RetriesExhaustedError,
)
from service.llm import secrets
from service.llm.config import LLMConfig
from service.llm.usage import UsageMeter, litellm_cost
from service.llm.usage import usage_of as _usage_of

_TRANSIENT_STATUS = frozenset({408, 409, 425, 429, 500, 502, 503, 504, 529})
# A rejected key or a model the account cannot use: no article can succeed, so the run stops.
_CONFIG_STATUS = frozenset({401, 403, 404})
_MODES = {"json_schema": "JSON_SCHEMA", "tools": "TOOLS", "json": "JSON", "md_json": "MD_JSON"}


class TruncatedAnswer(Exception):
    """The model hit max_tokens before finishing its answer (finish_reason 'length')."""

    def __init__(self, max_tokens: int) -> None:
        self.max_tokens = max_tokens
        super().__init__(f"answer cut off at max_tokens={max_tokens}")


class _Transient(Exception):
    def __init__(self, reason: str, retry_after: float | None) -> None:
        self.reason, self.retry_after = reason, retry_after
        super().__init__(reason)


def redact(text: str) -> str:
    """Mask the key values in use and anything that looks like a credential."""
    return secrets.redact(text)


def _short(exc: BaseException | str, limit: int = 200) -> str:
    msg = redact(" ".join(str(exc).split())) or type(exc).__name__
    return msg if len(msg) <= limit else msg[: limit - 1] + "…"


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    cur: BaseException | None = exc
    while cur is not None and cur not in seen and len(seen) < 10:
        seen.append(cur)
        cur = cur.__cause__ or cur.__context__
    return seen


def _retry_after(exc: BaseException) -> float | None:
    """Seconds from a Retry-After / retry-after-ms header on the error's HTTP response."""
    for err in _chain(exc):
        headers = getattr(getattr(err, "response", None), "headers", None) or getattr(
            err, "litellm_response_headers", None
        )
        if not headers:
            continue
        ms = headers.get("retry-after-ms")
        if ms:
            try:
                return max(0.0, float(ms) / 1000)
            except ValueError:
                pass
        value = headers.get("retry-after")
        if not value:
            continue
        try:
            return max(0.0, float(value))
        except ValueError:
            when = email.utils.parsedate_to_datetime(value) if value else None
            if when is not None:
                return max(0.0, when.timestamp() - time.time())
    return None


def _provider_message(exc: BaseException) -> str:
    """The provider's own error message from an OpenAI-style error body, else the exception text."""
    body = getattr(exc, "body", None)
    if isinstance(body, dict):
        error = body.get("error")
        inner: dict[str, Any] = error if isinstance(error, dict) else body
        message = inner.get("message")
        if message:
            return str(message)
    return str(getattr(exc, "message", None) or exc)


def _status(exc: BaseException) -> int | None:
    status = getattr(exc, "status_code", None) or getattr(
        getattr(exc, "response", None), "status_code", None
    )
    return status if isinstance(status, int) else None


def _prompt_estimate(kwargs: dict[str, Any]) -> int:
    """A high estimate of a request's prompt tokens: messages plus any schema sent beside them."""
    from service.llm.chunking import estimate_tokens

    extra = {k: v for k, v in kwargs.items() if k in ("tools", "response_format", "functions")}
    text = "".join(str(m.get("content") or "") for m in kwargs.get("messages", []))
    # chat templates add a few tokens per message
    schema = json.dumps(extra, separators=(",", ":")) if extra else ""
    return estimate_tokens(text) + estimate_tokens(schema) + 8 * len(kwargs.get("messages", []))


def classify(exc: BaseException, timeout: float) -> tuple[bool, str]:
    """(transient?, reason) for an exception raised by a provider call."""
    chain = _chain(exc)
    for err in chain:
        if type(err).__module__.startswith("vcr"):
            # a cassette miss: repeating the request cannot help
            return False, f"request not in cassette ({_short(err, 160)})"
    status = _status(exc)
    names = {type(e).__name__ for e in chain}
    if isinstance(status, int) and status >= 400:
        reason = f"HTTP {status}: {_short(_provider_message(exc), 160)}"
        return status in _TRANSIENT_STATUS, reason
    if any("Timeout" in n for n in names) or any(isinstance(e, TimeoutError) for e in chain):
        return True, f"timed out after {timeout:g}s"
    if any("Connection" in n or "RemoteProtocol" in n or "ReadError" in n for n in names) or any(
        isinstance(e, ConnectionError) for e in chain
    ):
        return True, f"connection error: {_short(chain[-1], 160)}"
    return False, f"{type(exc).__name__}: {_short(exc)}"


def _instructor_mode(name: str) -> Any:
    import instructor

    return getattr(instructor.Mode, _MODES[name])


def _close_all(closers: list[Callable[[], None]]) -> None:
    while closers:
        closers.pop()()


class LLMClient:
    """Structured calls to one model. `meter` counts usage (and time inside raw calls) per thread."""

    def __init__(
        self,
        config: LLMConfig,
        *,
        base_url: str | None = None,
        model_name: str | None = None,
        env: dict[str, str] | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.config = config
        self._local = threading.local()
        self._sleep = sleep
        self._closers: list[Callable[[], None]] = []
        # The HTTP clients are closed by close(), or when this object is collected (it sits in a
        # cycle with its instructor wrapper): a finalize callback runs ahead of the __del__
        # methods of a collected cycle, so the sockets are closed before the collector finds
        # them (an unclosed one is a ResourceWarning).
        # The callback holds the close methods (not this object), so it never keeps it alive.
        self._finalizer = weakref.finalize(self, _close_all, self._closers)
        self.provider = config.provider
        try:
            import instructor
            from instructor.core.exceptions import (
                IncompleteOutputException,
                InstructorRetryException,
            )
        except ImportError:
            raise MissingExtraError("instructor", "llm", "the LLM engine") from None
        self._incomplete = IncompleteOutputException
        self._retry_exc = InstructorRetryException
        logging.getLogger("instructor").addHandler(logging.NullHandler())

        self.route: Any = None
        self.gate: Any = None  # a service.batch.budget.SpendGate when a run has a budget
        if self.provider == "litellm":
            from service.llm.routes import auto_mode

            self.model = str(config.model)
            self._raw, self.route = self._litellm_sender(env)
            mode = config.mode if config.mode != "auto" else auto_mode(config, self.route)
        else:
            self.model = model_name or str(config.model).removeprefix("openai/")
            self._raw = self._openai_sender(base_url or config.base_url, env)
            mode = config.mode if config.mode != "auto" else "json_schema"
        self.mode = mode
        self._instructor = instructor.from_litellm(self._transport, mode=_instructor_mode(mode))

    # -- usage, per thread so one client can serve concurrent articles ----------------------
    def begin(self) -> UsageMeter:
        """Start counting afresh for one article on this thread; returns the new meter."""
        self._local.meter = UsageMeter()
        return self._local.meter

    @property
    def meter(self) -> UsageMeter:
        meter = getattr(self._local, "meter", None)
        return meter if meter is not None else self.begin()

    # -- provider senders --------------------------------------------------------------------
    def _openai_sender(
        self, base_url: str | None, env: dict[str, str] | None
    ) -> Callable[..., Any]:
        try:
            import openai
        except ImportError:
            raise MissingExtraError("openai", "llm", "the LLM engine") from None
        if not base_url:
            raise ModelError(
                "no base URL for an OpenAI-compatible endpoint", provider=self.provider
            )
        key = self.config.api_key(env)
        secrets.register(key)
        key = key or "no-key-needed"
        client = openai.OpenAI(
            base_url=base_url, api_key=key, max_retries=0, timeout=self.config.effective_timeout
        )
        self._closers.append(client.close)
        return client.chat.completions.create

    def _litellm_sender(self, env: dict[str, str] | None) -> tuple[Callable[..., Any], Any]:
        from service.llm.routes import import_litellm, litellm_route

        route = litellm_route(self.config, env)
        litellm = import_litellm()
        secrets.register(route.key)
        extra: dict[str, Any] = {
            "num_retries": 0,
            "timeout": self.config.effective_timeout,
            # litellm imports its MCP gateway (and the optional `mcp` package) for any request
            # with tools unless told that none of them is an MCP server; ours never are
            "_skip_mcp_handler": True,
        }
        if route.key:
            extra["api_key"] = route.key
        if route.api_base:
            extra["api_base"] = route.api_base

        def send(**kwargs: Any) -> Any:
            return litellm.completion(**kwargs, **extra)

        return send, route

    # -- the one transport-retry layer -------------------------------------------------------
    def _attempt(self, kwargs: dict[str, Any]) -> Any:
        gate = self.gate
        ticket = None
        if gate is not None:
            ticket = gate.reserve(_prompt_estimate(kwargs), int(kwargs.get("max_tokens") or 0))
        self.meter.requests += 1
        start = time.perf_counter()
        try:
            response = self._raw(**kwargs)
        except BaseException as exc:
            self.meter.model_seconds += time.perf_counter() - start
            transient, reason = classify(exc, self.config.effective_timeout)
            if ticket is not None:
                # timed out or dropped: the provider may have done (and billed) the work
                lost = transient and not reason.startswith("HTTP")
                gate.settle(ticket, ticket[0] if lost else 0, 0)
            if not isinstance(exc, Exception):
                raise
            if _status(exc) in _CONFIG_STATUS:
                raise ConfigError(
                    f"{self.provider} model {self.model}: {reason} (check the model name, the "
                    "API key and the base URL)"
                ) from None
            if not transient:
                raise ModelError(
                    f"{self.provider} model {self.model}: {reason}",
                    provider=self.provider,
                    model=self.model,
                ) from exc
            raise _Transient(reason, _retry_after(exc)) from exc
        self.meter.model_seconds += time.perf_counter() - start
        self.meter.record_response(response)
        if ticket is not None:
            prompt, completion = _usage_of(response)
            if prompt + completion == 0:  # a server that reports no usage: assume the maximum
                prompt = ticket[0]
            gate.settle(ticket, prompt, completion)
        return response

    def _wait(self, retry_state: Any) -> float:
        exc = retry_state.outcome.exception() if retry_state.outcome else None
        cap = self.config.max_retry_wait
        if isinstance(exc, _Transient) and exc.retry_after is not None:
            return min(exc.retry_after, cap)
        # exponential backoff with a little jitter: 0.5, 1, 2, 4 ... seconds
        import random

        return min(cap, 0.5 * 2 ** (retry_state.attempt_number - 1) * (1 + 0.1 * random.random()))

    def _transport(self, **kwargs: Any) -> Any:
        from tenacity import RetryError, Retrying, retry_if_exception_type, stop_after_attempt

        reasons: list[str] = []

        def before_sleep(state: Any) -> None:
            exc = state.outcome.exception()
            wait = state.next_action.sleep if state.next_action else 0
            reasons.append(f"{exc.reason} (waited {wait:.2g}s)")
            self.meter.retries += 1

        retrying = Retrying(
            stop=stop_after_attempt(self.config.retries + 1),
            wait=self._wait,
            retry=retry_if_exception_type(_Transient),
            before_sleep=before_sleep,
            sleep=self._sleep,
            reraise=False,
        )
        try:
            return retrying(self._attempt, kwargs)
        except RetryError as exc:
            last = exc.last_attempt.exception()
            reasons.append(last.reason if isinstance(last, _Transient) else _short(last or exc))
            raise RetriesExhaustedError(reasons, provider=self.provider, model=self.model) from last

    # -- structured extraction ---------------------------------------------------------------
    def extract(
        self, messages: list[dict[str, str]], answer: type[BaseModel], *, max_tokens: int
    ) -> BaseModel:
        """One validated answer; re-asks up to `reasks` times on invalid output."""
        before = self.meter.responses
        kwargs: dict[str, Any] = {
            "model": self.model,
            "messages": messages,
            "max_tokens": max_tokens,
            "temperature": self.config.temperature,
        }
        try:
            return self._instructor.chat.completions.create(
                response_model=answer, max_retries=self.config.reasks, **kwargs
            )
        except self._incomplete:
            raise TruncatedAnswer(max_tokens) from None
        except self._retry_exc as exc:
            cause = exc.__cause__
            if isinstance(cause, NewsDigestError):
                raise cause from None
            if isinstance(cause, self._incomplete):
                raise TruncatedAnswer(max_tokens) from None
            raise OutputValidationError(
                f"{self.model}: answer never matched {answer.__name__}: {_short(cause or exc, 300)}",
                attempts=int(getattr(exc, "n_attempts", 0) or 0),
                last_completion=_completion_text(getattr(exc, "last_completion", None)),
                provider=self.provider,
                model=self.model,
            ) from None
        finally:
            self.meter.reasks += max(0, self.meter.responses - before - 1)

    def close(self) -> None:
        """Release HTTP connections."""
        self._finalizer()

    def price(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        """USD for so many tokens: the configured price, nothing for a local model, else
        litellm's bundled table (None when the model is not in it)."""
        cfg = self.config
        if cfg.input_cost_per_mtok is not None or cfg.output_cost_per_mtok is not None:
            total = (cfg.input_cost_per_mtok or 0.0) * prompt_tokens
            total += (cfg.output_cost_per_mtok or 0.0) * completion_tokens
            return round(total / 1_000_000, 8)
        if cfg.is_local:
            return 0.0
        if self.provider != "litellm":
            return None
        return litellm_cost(self.model, prompt_tokens, completion_tokens)

    def cost(self, meter: UsageMeter) -> float | None:
        return self.price(meter.prompt_tokens, meter.completion_tokens)


def _completion_text(completion: Any) -> str | None:
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    content = getattr(message, "content", None)
    if content:
        return str(content)[:2000]
    calls = getattr(message, "tool_calls", None) or []
    return str(calls[0].function.arguments)[:2000] if calls else None
