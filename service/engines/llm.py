"""The LLM engine: rule candidates plus a language model, every answer grounded before it is kept.

Flow per article: the rules engine finds quotations, names, sentences and dates (all grounded);
the article is split into chunks that fit the model's context; each chunk's prompt lists the
candidates with short ids and the model answers by id (service.llm.hybrid); answers are checked,
merged across chunks and counted. An answer cut off at max_tokens is asked again once with twice
the budget, then its chunk is halved. The digest's provenance says which engine, model, prompt
(version and hash) and schema ran, what was dropped and what it cost.
"""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

from schemas import Article, ArticleDigest, Provenance, Usage, schema_hash
from service.errors import ConfigError, ModelError, NewsDigestError, OutputValidationError
from service.llm.answers import ANSWERS
from service.llm.chunking import Range, estimate_tokens, plan_chunks, split_in_two
from service.llm.config import LLMConfig
from service.llm.hybrid import Assembly, Candidates
from service.llm.prompts import Renderer, load_prompt

ENGINE_VERSION = "llm-1"
# A twice-truncated answer usually means a looping model; halving helps real models at most twice.
_MAX_SPLIT_DEPTH = 2
# Room kept for instructions, candidate lists and the few-shot example besides the article text.
_PROMPT_OVERHEAD_TOKENS = 900


class LLMEngine:
    """`LLMEngine(model="local")`, `LLMEngine(LLMConfig(...))`, or options as LLMConfig fields.

    Use as a context manager (or call close()) to stop a local model server promptly; otherwise it
    stops at interpreter exit. One engine may digest articles from several threads at once.
    """

    name: ClassVar[str] = "llm"

    def __init__(
        self,
        config: LLMConfig | None = None,
        *,
        config_file: Any = None,
        env: dict[str, str] | None = None,
        rules: Any = None,
        sleep: Any = None,
        **overrides: Any,
    ) -> None:
        if config is None:
            config = LLMConfig.resolve(overrides, env, config_file)
        elif overrides:
            clean = {k: v for k, v in overrides.items() if v is not None}
            config = LLMConfig.resolve({**config.model_dump(exclude_none=True), **clean}, {}, None)
        if not config.model:
            raise ConfigError(
                "the LLM engine needs a model: --model local | gguf:PATH | <litellm model>, "
                "or NEWSDIGEST_MODEL, or model = ... in the [llm] table of newsdigest.toml"
            )
        self.config = config
        self._env = env
        self._sleep = sleep
        self.template = load_prompt(config.strategy)
        self.answer_model = ANSWERS[self.template.answer]
        self._renderer = Renderer(self.template)
        # the worked example's texts, which a model must not copy into a digest
        self._examples = [t for shot in self.template.few_shot for t in (shot.user, shot.assistant)]
        self.prompt_hash = hashlib.sha256(
            f"{self.template.hash}:{schema_hash(self.answer_model)}".encode()
        ).hexdigest()[:16]
        self._schema_hash = schema_hash()
        if rules is None:
            from service.engines import get_engine

            rules = get_engine("rules")
        self._rules = rules
        self._client: Any = None
        self._server: Any = None
        self._lock = threading.Lock()
        self.total = Usage()
        self.timings = {"articles": 0.0, "model": 0.0, "rules": 0.0, "total": 0.0}

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def model_label(self) -> str:
        cfg = self.config
        if cfg.provider in ("local", "gguf") and self._server is not None:
            return f"{cfg.provider}:{self._server.model_name}"
        if cfg.provider == "openai-compatible":
            return f"openai-compatible:{str(cfg.model).removeprefix('openai/')}"
        return str(cfg.model)

    def _ensure_client(self) -> Any:
        with self._lock:
            if self._client is not None:
                return self._client
            from service.llm.client import LLMClient

            kwargs: dict[str, Any] = {"env": self._env}
            if self._sleep is not None:
                kwargs["sleep"] = self._sleep
            if self.config.is_local:
                from service.llm import local

                path = local.gguf_path(str(self.config.model))
                self._server = local.acquire(
                    path, context_tokens=self.config.effective_context, threads=self.config.threads
                )
                kwargs.update(base_url=self._server.base_url, model_name=self._server.model_name)
            self._client = LLMClient(self.config, **kwargs)
            return self._client

    def prepare(self, *, max_tokens: int | None = None, max_cost: float | None = None) -> None:
        """Check the configuration before any article: reach the model's route (key, endpoint,
        mode; a local model starts its server) and install the run's budget. Raises ConfigError,
        which a batch reports once with exit code 2 instead of once per article."""
        from service.batch.budget import SpendGate
        from service.llm.routes import price_known

        if max_cost is not None and not price_known(self.config):
            raise ConfigError(
                f"--max-cost needs a price, but {self.model_label} is not in litellm's price "
                "table: set input_cost_per_mtok and output_cost_per_mtok (USD per million "
                "tokens) in the [llm] config or as NEWSDIGEST_LLM_INPUT_COST_PER_MTOK / "
                "NEWSDIGEST_LLM_OUTPUT_COST_PER_MTOK, or use --max-tokens"
            )
        client = self._ensure_client()
        if max_tokens is not None or max_cost is not None:
            client.gate = SpendGate(max_tokens, max_cost, client.price)

    @property
    def gate(self) -> Any:
        """The run's SpendGate, when `prepare` installed one."""
        return getattr(self._client, "gate", None)

    def close(self) -> None:
        with self._lock:
            if self._server is not None:
                from service.llm import local

                local.release(self._server)
                self._server = None
            if self._client is not None:
                self._client.close()
            self._client = None

    def merge_judge(self, cache_path: Path | None = None) -> Any:
        """A pair judge for the merger that asks this engine's model about ambiguous pairs, its
        answers cached by content (in `cache_path` when given, so later runs reuse them)."""
        from service.merge.judge import CachedJudge
        from service.merge.llm_judge import LLMJudge

        return CachedJudge(LLMJudge(_LazyClient(self)), path=cache_path)

    def __del__(self) -> None:
        # an engine dropped without close() (`summarise(text, model=...)` makes one per call)
        # still releases its HTTP connections and its share of a local model server
        with contextlib.suppress(Exception):  # nothing can be reported from a finaliser
            self.close()

    def __enter__(self) -> LLMEngine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- digest ------------------------------------------------------------------------------
    def digest(self, article: Article) -> ArticleDigest:
        client = self._ensure_client()
        meter = client.begin()
        try:
            return self._digest(article, client, meter)
        except NewsDigestError as exc:
            # a failed article's tokens are spent all the same: the batch counts them
            exc.usage = meter.snapshot(client.cost(meter))  # type: ignore[attr-defined]
            raise
        except Exception as exc:
            from service.llm.secrets import redact

            clean = redact(str(exc))
            if clean == str(exc):
                raise
            # a library error that carries an echoed key never leaves with it
            err = ModelError(f"{type(exc).__name__}: {clean}", provider=client.provider)
            err.usage = meter.snapshot(client.cost(meter))  # type: ignore[attr-defined]
            raise err from None
        finally:
            # spent tokens count toward the run's total even when the article fails
            with self._lock:
                self.total = self.total + meter.snapshot(client.cost(meter))

    def _digest(self, article: Article, client: Any, meter: Any) -> ArticleDigest:
        started = time.perf_counter()
        rules = self._rules.digest(article)
        rules_done = time.perf_counter()
        regions = None
        if self.config.strategy == "plain":
            from service.extract.quotes import find_quotes, quoted_regions

            regions = quoted_regions(find_quotes(article.text))
        cands = Candidates.build(article, rules, regions)
        asm = Assembly(cands, examples=self._examples, speaker_policy=self.config.speaker_policy)
        for rng in plan_chunks(article.text, self._text_budget()):
            self._run_chunk(client, cands, asm, rng, depth=0)
        summary, events, actors, quotes = asm.finish()
        usage = meter.snapshot(client.cost(meter))
        warnings = [*rules.provenance.warnings, *asm.warnings][:50]
        dropped = asm.dropped
        for reason, n in rules.provenance.dropped.reasons.items():
            dropped.reasons[f"rules:{reason}"] = dropped.reasons.get(f"rules:{reason}", 0) + n
        dropped.quotes += rules.provenance.dropped.quotes
        digest = ArticleDigest(
            article=rules.article,  # metadata plus the text fingerprint the merger uses
            summary=summary,
            events=events,
            actors=actors,
            quotes=quotes,
            provenance=Provenance(
                engine=self.name,
                engine_version=ENGINE_VERSION,
                model=self.model_label,
                prompt_version=f"{self.template.name}-{self.template.version}",
                prompt_hash=self.prompt_hash,
                schema_hash=self._schema_hash,
                dropped=dropped,
                usage=usage,
                warnings=warnings,
            ),
        )
        finished = time.perf_counter()
        with self._lock:
            self.timings["articles"] += 1
            self.timings["rules"] += rules_done - started
            self.timings["model"] += meter.model_seconds
            self.timings["total"] += finished - started
        return digest

    def _text_budget(self) -> int:
        cfg = self.config
        # keep room for one retry at twice the completion budget
        return max(256, cfg.effective_context - 2 * cfg.max_tokens - _PROMPT_OVERHEAD_TOKENS)

    def _messages(
        self, cands: Candidates, rng: Range
    ) -> tuple[list[dict[str, str]], dict[str, Any]]:
        view = cands.view(rng)
        return self._renderer.render(**view), view

    def _run_chunk(
        self, client: Any, cands: Candidates, asm: Assembly, rng: Range, *, depth: int
    ) -> None:
        from service.llm.client import TruncatedAnswer

        messages, view = self._messages(cands, rng)
        prompt_tokens = sum(estimate_tokens(m["content"]) for m in messages)
        room = self.config.effective_context - prompt_tokens
        budget = min(self.config.max_tokens, room)
        if budget < 64:
            self._split(client, cands, asm, rng, depth, "prompt too long for the context")
            return
        try:
            answer = client.extract(messages, self.answer_model, max_tokens=budget)
        except TruncatedAnswer:
            bigger = min(2 * budget, room)
            answer = None
            if bigger > budget:
                asm.warnings.append(
                    f"answer cut off at max_tokens={budget}; asked again with {bigger}"
                )
                try:
                    answer = client.extract(messages, self.answer_model, max_tokens=bigger)
                except TruncatedAnswer:
                    answer = None
            if answer is None:
                self._split(
                    client, cands, asm, rng, depth, f"answer cut off at max_tokens={bigger}"
                )
                return
        if self.config.strategy == "plain":
            asm.add_plain(answer)
        else:
            asm.add_hybrid(answer, view)

    def _split(
        self, client: Any, cands: Candidates, asm: Assembly, rng: Range, depth: int, why: str
    ) -> None:
        parts = split_in_two(cands.article.text, rng)
        if len(parts) < 2 or depth >= _MAX_SPLIT_DEPTH:
            raise OutputValidationError(
                f"article {cands.article.id}: {why}, and characters {rng[0]}-{rng[1]} cannot be "
                "split further; raise max_tokens or context_tokens",
                attempts=client.meter.requests,
                provider=client.provider,
                model=client.model,
            )
        asm.warnings.append(f"{why}; split characters {rng[0]}-{rng[1]} in two")
        for part in parts:
            self._run_chunk(client, cands, asm, part, depth=depth + 1)


class _LazyClient:
    """The engine's client, made only when the judge really asks (a re-run whose verdicts are all
    stored starts no local server and opens no connection)."""

    def __init__(self, engine: LLMEngine) -> None:
        self._engine = engine
        self.model = str(engine.config.model)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine._ensure_client(), name)
