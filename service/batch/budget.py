"""Cost and token budgets for a batch run: admit an article only while the budget allows it, and
let a model request through only while the run's spending stays under the ceiling."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable

from schemas import Article, Usage
from service.errors import BudgetExceededError

# Before any article's real usage is known, a budget assumes this much per article: the prompt
# carries the text (about 4 characters a token) plus instructions, and the answer is bounded.
_PRIOR_OVERHEAD_TOKENS = 1000
_CHARS_PER_TOKEN = 4


class Budget:
    """Admits an article only if spent + in-flight estimates + its own estimate stay within budget.

    Spent counts every token and dollar reported, re-asks and retries included, for failed
    articles too when the error carries `.usage`. Estimates scale the run's measured tokens per
    character of article text; before anything is measured they assume len(text)/4 + 1000 tokens
    (cost unknown), and only one request is let in flight until the first usage arrives.
    """

    def __init__(self, max_cost: float | None, max_tokens: int | None, uses_model: bool) -> None:
        self.max_cost, self.max_tokens = max_cost, max_tokens
        self.uses_model = uses_model
        self.spent = Usage()
        self.spent_chars = 0
        self.reserved_tokens = 0
        self.reserved_cost = 0.0

    @property
    def active(self) -> bool:
        return self.uses_model and (self.max_cost is not None or self.max_tokens is not None)

    @property
    def calibrating(self) -> bool:
        return self.active and self.spent_chars == 0

    def estimate(self, article: Article) -> tuple[int, float]:
        spent_tokens = self.spent.prompt_tokens + self.spent.completion_tokens
        if self.spent_chars:
            tokens = math.ceil(article.length * spent_tokens / self.spent_chars)
        else:
            tokens = article.length // _CHARS_PER_TOKEN + _PRIOR_OVERHEAD_TOKENS
        cost = 0.0
        if self.spent.cost_usd and spent_tokens:
            cost = tokens * self.spent.cost_usd / spent_tokens
        return tokens, cost

    def admit(self, article: Article) -> tuple[int, float] | None:
        if not self.active:
            return 0, 0.0
        tokens, cost = self.estimate(article)
        used = self.spent.prompt_tokens + self.spent.completion_tokens
        if self.max_tokens is not None and used + self.reserved_tokens + tokens > self.max_tokens:
            return None
        if (
            self.max_cost is not None
            and (self.spent.cost_usd or 0.0) + self.reserved_cost + cost > self.max_cost
        ):
            return None
        self.reserved_tokens += tokens
        self.reserved_cost += cost
        return tokens, cost

    def settle(self, reserved: tuple[int, float], usage: Usage | None, chars: int) -> None:
        self.reserved_tokens -= reserved[0]
        self.reserved_cost -= reserved[1]
        if usage is not None:
            self.spent = self.spent + usage
            self.spent_chars += chars


class SpendGate:
    """The per-request ceiling a model engine checks before every request it sends: digests,
    re-asks, transport retries and the merge judge alike.

    A request is let through only if everything spent, plus every request still in flight at its
    own maximum (prompt estimate + max_tokens), plus its own maximum stays within the budget. The
    prompt estimate is deliberately high (service.llm.chunking.estimate_tokens) and the completion
    is capped by max_tokens, so a run stays within the budget, and exceeds it at most by one
    request's maximum where an estimate falls short. Once a request is refused the gate stays shut.
    """

    def __init__(
        self,
        max_tokens: int | None,
        max_cost: float | None,
        price: Callable[[int, int], float | None] | None = None,
    ) -> None:
        self.max_tokens, self.max_cost = max_tokens, max_cost
        self._price = price
        self._lock = threading.Lock()
        self.spent_tokens = 0
        self.spent_cost = 0.0
        self.requests = 0
        self._reserved_tokens = 0
        self._reserved_cost = 0.0
        self.stopped: str | None = None

    def _cost(self, prompt: int, completion: int) -> float:
        value = self._price(prompt, completion) if self._price is not None else None
        return float(value or 0.0)

    def reserve(self, prompt_tokens: int, max_completion: int) -> tuple[int, float]:
        """Admit one request or raise BudgetExceededError; returns what it holds until `settle`."""
        tokens = prompt_tokens + max_completion
        cost = self._cost(prompt_tokens, max_completion) if self.max_cost is not None else 0.0
        with self._lock:
            if self.stopped is None:
                if (
                    self.max_tokens is not None
                    and self.spent_tokens + self._reserved_tokens + tokens > self.max_tokens
                ):
                    self.stopped = (
                        f"--max-tokens {self.max_tokens}: {self.spent_tokens} spent, the next "
                        f"request may take up to {tokens}"
                    )
                elif (
                    self.max_cost is not None
                    and self.spent_cost + self._reserved_cost + cost > self.max_cost
                ):
                    self.stopped = (
                        f"--max-cost {self.max_cost:g}: ${self.spent_cost:.4f} spent, the next "
                        f"request may cost up to ${cost:.4f}"
                    )
            if self.stopped is not None:
                raise BudgetExceededError(f"budget reached ({self.stopped})")
            self._reserved_tokens += tokens
            self._reserved_cost += cost
            self.requests += 1
        return tokens, cost

    def settle(self, ticket: tuple[int, float], prompt_tokens: int, completion_tokens: int) -> None:
        """Release a reservation and charge what the request really used."""
        cost = self._cost(prompt_tokens, completion_tokens) if self.max_cost is not None else 0.0
        with self._lock:
            self._reserved_tokens -= ticket[0]
            self._reserved_cost -= ticket[1]
            self.spent_tokens += prompt_tokens + completion_tokens
            self.spent_cost += cost


def prepare_engine(engine: object, budget: Budget) -> None:
    """Let a model engine check its configuration and install the run's budget before its first
    article (`engine.prepare(max_tokens=, max_cost=)`, when it has one). A ConfigError here ends
    the run before any article is attempted."""
    prepare = getattr(engine, "prepare", None)
    if callable(prepare):
        prepare(max_tokens=budget.max_tokens, max_cost=budget.max_cost)


def gate_stopped(engine: object) -> bool:
    """Whether the engine's budget gate has refused a request (so nothing more may be asked)."""
    gate = getattr(engine, "gate", None)
    return bool(getattr(gate, "stopped", None))
