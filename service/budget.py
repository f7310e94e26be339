"""Cost and token budgets for a batch run: admit an article only while the budget allows it."""

from __future__ import annotations

import math

from schemas import Article, Usage

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
