"""Where LLM settings live and whether any name a model, answered without building the settings
model (pydantic, tomllib): `--engine auto` asks on every run, and most runs have no model."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

MODEL_ENV_VARS = ("NEWSDIGEST_MODEL", "NEWSDIGEST_LLM_MODEL")


def default_config_file(cwd: Path | None = None, home: Path | None = None) -> Path | None:
    """`./newsdigest.toml` if present, else `~/.config/newsdigest/config.toml` if present."""
    for candidate in (
        (cwd or Path.cwd()) / "newsdigest.toml",
        (home or Path.home()) / ".config" / "newsdigest" / "config.toml",
    ):
        if candidate.is_file():
            return candidate
    return None


def model_from_env(env: Mapping[str, str] | None = None) -> str | None:
    """The model the environment names, if any."""
    env = os.environ if env is None else env
    for var in MODEL_ENV_VARS:
        if env.get(var, "").strip():
            return env[var].strip()
    return None
