"""The store key parts an engine declares: which engine, model, prompt and schema made a digest."""

from __future__ import annotations

import sys

from schemas import SCHEMA_VERSION
from service.batch.store import EngineIdentity
from service.engines import Engine


def engine_identity(engine: Engine) -> EngineIdentity:
    """The store key parts an engine declares before it runs: `engine.identity()` (an
    EngineIdentity or a dict) when it has one, else its attributes `name`, `model`, `prompt_hash`,
    `schema_version`, `engine_version` (or its module's ENGINE_VERSION)."""
    ident = getattr(engine, "identity", None)
    if callable(ident):
        got = ident()
        if isinstance(got, EngineIdentity):
            return got
        data = dict(got)
        return EngineIdentity(
            engine=str(data.get("engine") or getattr(engine, "name", type(engine).__name__)),
            model=str(data.get("model") or ""),
            prompt_hash=str(data.get("prompt_hash") or ""),
            schema_version=str(data.get("schema_version") or SCHEMA_VERSION),
            engine_version=str(data.get("engine_version") or ""),
        )
    module = sys.modules.get(type(engine).__module__)
    version = getattr(engine, "engine_version", None) or getattr(module, "ENGINE_VERSION", "")
    return EngineIdentity(
        engine=str(getattr(engine, "name", type(engine).__name__)),
        # The LLM engine names its model in `model_label` (what provenance records).
        model=str(getattr(engine, "model", None) or getattr(engine, "model_label", None) or ""),
        prompt_hash=str(getattr(engine, "prompt_hash", None) or ""),
        schema_version=str(getattr(engine, "schema_version", None) or SCHEMA_VERSION),
        engine_version=str(version or ""),
    )
