"""What a model string needs before the first request: its key, its endpoint, its mode, its price.

Everything here runs when the engine is prepared, before any article is attempted, so a bad
`--model`, a missing key or a mode the endpoint cannot serve ends the run with one configuration
error (exit 2) instead of one failure per article.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from service.errors import ConfigError, MissingExtraError
from service.llm.config import LLMConfig

# The variable litellm reads for each provider's key (what we read too, then pass explicitly).
KEY_VARIABLES = {
    "openai": "OPENAI_API_KEY",
    "anthropic": "ANTHROPIC_API_KEY",
    "cohere": "COHERE_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "fireworks_ai": "FIREWORKS_AI_API_KEY",
    "gemini": "GEMINI_API_KEY",
    "groq": "GROQ_API_KEY",
    "mistral": "MISTRAL_API_KEY",
    "openrouter": "OPENROUTER_API_KEY",
    "perplexity": "PERPLEXITYAI_API_KEY",
    "together_ai": "TOGETHERAI_API_KEY",
    "xai": "XAI_API_KEY",
}
# Servers one runs oneself: no key, and JSON-schema constrained decoding is what they do best.
KEYLESS = frozenset({"ollama", "ollama_chat", "hosted_vllm", "lm_studio", "llamafile"})
# Hosted providers whose chat models all take tool calls (litellm translates the format).
TOOL_PROVIDERS = frozenset(
    {"anthropic", "bedrock", "gemini", "groq", "mistral", "vertex_ai", "xai", "deepseek"}
)
BASE_URL_VARIABLES = ("OPENAI_BASE_URL", "OPENAI_API_BASE")
NO_KEY = "no-key-needed"  # what an OpenAI-compatible server that checks no key is sent


@dataclass(frozen=True)
class Route:
    """How the client reaches a litellm model: provider, api_base, key and its variable."""

    provider: str
    api_base: str | None
    key: str | None
    key_variable: str | None


def import_litellm() -> Any:
    """litellm, quiet and offline (it fetches its price map from the network unless told not to)."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    try:
        import litellm
    except ImportError:
        raise MissingExtraError("litellm", "llm", "the LLM engine") from None
    litellm.telemetry = False
    litellm.suppress_debug_info = True
    return litellm


def litellm_provider(model: str) -> str:
    """litellm's provider for a model string, or a ConfigError with litellm's whole message."""
    litellm = import_litellm()
    try:
        return str(litellm.get_llm_provider(model)[1])
    except Exception as exc:
        message = " ".join(str(exc).replace("\x1b[1;31m", "").replace("\x1b[0m", "").split())
        raise ConfigError(
            f"--model {model}: litellm does not know this model string ({message}). Use "
            "provider/model (openai/gpt-4o-mini, anthropic/..., ollama/...), 'local', 'gguf:PATH', "
            "or a plain model name with --base-url for an OpenAI-compatible server"
        ) from None


def litellm_route(config: LLMConfig, env: Mapping[str, str] | None = None) -> Route:
    """Provider, endpoint and key for a litellm model; a missing key is a ConfigError naming the
    variable to set. Never retried: without a key no request can succeed."""
    env = os.environ if env is None else env
    model = str(config.model)
    provider = litellm_provider(model)
    api_base = config.base_url
    if api_base is None and provider == "openai":
        api_base = next((env[v] for v in BASE_URL_VARIABLES if env.get(v, "").strip()), None)
    if config.api_key_env:
        return Route(provider, api_base, config.api_key(env), config.api_key_env)
    variable = KEY_VARIABLES.get(provider)
    if variable is not None:
        key = env.get(variable, "").strip() or None
        if key is None and api_base is None:
            raise ConfigError(
                f"--model {model} needs an API key: set {variable} (or name another variable "
                "with api_key_env in the [llm] config)"
            )
        return Route(provider, api_base, key or NO_KEY, variable)
    if provider in KEYLESS or api_base is not None:
        return Route(provider, api_base, None, None)
    litellm = import_litellm()
    try:
        check = litellm.validate_environment(model=model)
    except Exception:  # litellm cannot tell: let the provider answer
        check = {"keys_in_environment": True}
    if not check.get("keys_in_environment", True):
        missing = ", ".join(check.get("missing_keys") or ["its key"])
        raise ConfigError(f"--model {model} needs credentials: set {missing}")
    return Route(provider, api_base, None, None)


def auto_mode(config: LLMConfig, route: Route) -> str:
    """The instructor mode `auto` stands for: JSON schema for servers one runs (llama.cpp, vLLM,
    Ollama, any OpenAI-compatible api_base), tools where the provider is known to support them."""
    model = str(config.model)
    if route.provider in KEYLESS or route.api_base is not None:
        return "json_schema"
    litellm = import_litellm()
    try:
        if litellm.supports_function_calling(model=model):
            return "tools"
        if litellm.supports_response_schema(model=model):
            return "json_schema"
    except Exception:  # not in litellm's table
        pass
    if route.provider in TOOL_PROVIDERS:
        return "tools"
    raise ConfigError(
        f"--model {model}: cannot tell which structured output this model supports; set "
        "NEWSDIGEST_LLM_MODE (or mode in the [llm] config) to json_schema, tools, json or md_json"
    )


def price_known(config: LLMConfig) -> bool:
    """Whether a run can be priced: local models cost nothing, a configured price always works,
    and a litellm model is priced when litellm's bundled table knows it."""
    if config.is_local or {config.input_cost_per_mtok, config.output_cost_per_mtok} != {None}:
        return True
    if config.provider != "litellm":
        return False
    from service.llm.usage import litellm_cost

    return litellm_cost(str(config.model), 1000, 1000) is not None
