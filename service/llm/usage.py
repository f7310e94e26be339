"""Count requests, tokens, re-asks and retries per article, and price them from litellm's table."""

from __future__ import annotations

from typing import Any

from schemas import Usage


def _get(obj: Any, name: str) -> Any:
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def usage_of(response: Any) -> tuple[int, int]:
    """(prompt_tokens, completion_tokens) a response reports; zeros when it reports none."""
    usage = _get(response, "usage")
    return int(_get(usage, "prompt_tokens") or 0), int(_get(usage, "completion_tokens") or 0)


class UsageMeter:
    """Mutable counters the transport layer updates; `snapshot()` gives a schemas.Usage."""

    __slots__ = (
        "completion_tokens",
        "model_seconds",
        "prompt_tokens",
        "reasks",
        "requests",
        "responses",
        "retries",
    )

    def __init__(self) -> None:
        self.requests = 0  # HTTP requests sent, failed ones included
        self.responses = 0  # requests that came back with an answer
        self.prompt_tokens = 0
        self.completion_tokens = 0
        self.reasks = 0
        self.retries = 0
        self.model_seconds = 0.0  # wall time inside raw provider calls

    def record_response(self, response: Any) -> None:
        self.responses += 1
        prompt, completion = usage_of(response)
        self.prompt_tokens += prompt
        self.completion_tokens += completion

    def snapshot(self, cost_usd: float | None = None) -> Usage:
        return Usage(
            requests=self.requests,
            prompt_tokens=self.prompt_tokens,
            completion_tokens=self.completion_tokens,
            reasks=self.reasks,
            retries=self.retries,
            cost_usd=cost_usd,
        )


def litellm_cost(model: str, prompt_tokens: int, completion_tokens: int) -> float | None:
    """Cost in USD from litellm's bundled price table; None when the model is not in it.

    Only called for litellm-routed models, after litellm is imported (with the local cost map)."""
    try:
        import litellm

        prompt_cost, completion_cost = litellm.cost_per_token(
            model=model, prompt_tokens=prompt_tokens, completion_tokens=completion_tokens
        )
    except Exception:  # litellm raises bare Exceptions for unmapped models
        return None
    total = float(prompt_cost) + float(completion_cost)
    return round(total, 8)
