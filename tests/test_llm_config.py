"""LLM settings: precedence, validation, secrets kept out of files, engine choice."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.errors import ConfigError
from service.llm.config import LLMConfig, configured_model, default_config_file


def _toml(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "newsdigest.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_cli_beats_env_beats_file_beats_defaults(tmp_path: Path) -> None:
    cfg_file = _toml(
        tmp_path, '[llm]\nmodel = "ollama/llama3"\ntimeout = 30\nreasks = 4\nmax_tokens = 300\n'
    )
    env = {"NEWSDIGEST_LLM_TIMEOUT": "45", "NEWSDIGEST_LLM_REASKS": "3"}
    cfg = LLMConfig.resolve({"reasks": 1, "model": None}, env, cfg_file)
    assert cfg.model_dump() == {
        **LLMConfig().model_dump(),
        "model": "ollama/llama3",  # file (the None on the command line is ignored)
        "timeout": 45.0,  # env over file
        "reasks": 1,  # command line over env
        "max_tokens": 300,
    }
    assert cfg.provider == "litellm" and cfg.effective_context == 32000


def test_short_env_names_and_providers() -> None:
    env = {"NEWSDIGEST_MODEL": "qwen2", "NEWSDIGEST_BASE_URL": "http://127.0.0.1:8080/v1"}
    cfg = LLMConfig.resolve({}, env, None)
    assert (cfg.model, cfg.provider, cfg.effective_timeout) == ("qwen2", "openai-compatible", 60.0)
    assert LLMConfig(model="local").provider == "local"
    assert LLMConfig(model="gguf:/x.gguf").provider == "gguf"
    assert LLMConfig(model="local").effective_context == 8192
    assert LLMConfig(model="local").effective_timeout == 600.0


def test_bad_values_name_their_source(tmp_path: Path) -> None:
    cfg_file = _toml(tmp_path, '[llm]\nmodel = "x"\nmode = "telepathy"\n')
    with pytest.raises(ConfigError, match=r"mode \(from .*newsdigest.toml\)"):
        LLMConfig.resolve({}, {}, cfg_file)
    with pytest.raises(ConfigError, match=r"retries \(from \$NEWSDIGEST_LLM_RETRIES\)"):
        LLMConfig.resolve({}, {"NEWSDIGEST_LLM_RETRIES": "many"}, None)
    with pytest.raises(ConfigError, match="unknown LLM option 'colour'"):
        LLMConfig.resolve({"colour": "red"}, {}, None)


def test_config_file_must_not_hold_keys_or_unknown_keys(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="must not hold secrets \\(api_key\\)"):
        LLMConfig.resolve({}, {}, _toml(tmp_path, '[llm]\napi_key = "sk-123"\n'))
    with pytest.raises(ConfigError, match="unknown \\[llm\\] keys temperture"):
        LLMConfig.resolve({}, {}, _toml(tmp_path, "[llm]\ntemperture = 0.5\n"))
    with pytest.raises(ConfigError, match="cannot read config file"):
        LLMConfig.resolve({}, {}, _toml(tmp_path, "[llm\n"))
    with pytest.raises(ConfigError, match="config file not found"):
        LLMConfig.resolve({}, {}, tmp_path / "absent.toml")


def test_api_key_only_from_the_named_environment_variable() -> None:
    cfg = LLMConfig(model="m", base_url="http://h/v1", api_key_env="MY_KEY")
    assert cfg.api_key({"MY_KEY": "secret-1"}) == "secret-1"
    with pytest.raises(ConfigError, match="'MY_KEY' but that environment variable is empty"):
        cfg.api_key({})
    assert LLMConfig(model="m", base_url="http://h/v1").api_key({"OPENAI_API_KEY": "k2"}) == "k2"
    assert LLMConfig(model="anthropic/claude").api_key({"OPENAI_API_KEY": "k2"}) is None


def test_default_config_file_and_configured_model(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / ".config" / "newsdigest").mkdir(parents=True)
    user_cfg = home / ".config" / "newsdigest" / "config.toml"
    user_cfg.write_text('[llm]\nmodel = "local"\n', encoding="utf-8")
    assert default_config_file(cwd=tmp_path, home=home) == user_cfg
    project_cfg = _toml(tmp_path, '[llm]\nmodel = "openai/gpt-4o-mini"\n')
    assert default_config_file(cwd=tmp_path, home=home) == project_cfg
    assert configured_model(project_cfg, env={}) == "openai/gpt-4o-mini"
    assert configured_model(project_cfg, env={"NEWSDIGEST_MODEL": "local"}) == "local"


def test_engine_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from service.api import resolve_engine

    for var in ("NEWSDIGEST_MODEL", "NEWSDIGEST_LLM_MODEL"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.chdir(tmp_path)  # no newsdigest.toml here
    monkeypatch.setenv("HOME", str(tmp_path))  # nor a user config file
    assert resolve_engine("auto").name == "rules"
    monkeypatch.setenv("NEWSDIGEST_MODEL", "local")
    assert resolve_engine("auto").name == "llm"
    assert resolve_engine("rules").name == "rules"
    monkeypatch.delenv("NEWSDIGEST_MODEL")
    with pytest.raises(ConfigError, match="the LLM engine needs a model"):
        resolve_engine("llm")
