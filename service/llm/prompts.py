"""Prompt templates as versioned data: prompts/*.yaml loaded into a pydantic model and rendered by a
sandboxed Jinja environment that fails on any missing variable.

Article text only ever enters a prompt as a variable passed through the `data` filter, inside the
fence the templates draw around it, so nothing in an article can close the fence or act as a
template. The prompt hash covers everything sent besides the article (system and user templates,
few-shot examples, version), so a digest says exactly which prompt produced it.
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from service.errors import ConfigError, MissingExtraError

FENCE_OPEN = "=====BEGIN ARTICLE DATA====="
FENCE_CLOSE = "=====END ARTICLE DATA====="
_FENCE_LIKE = re.compile(r"={3,}")


class FewShot(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user: str
    assistant: str


class PromptTemplate(BaseModel):
    """One prompt file. `answer` names the response model in service.llm.answers."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: str = Field(pattern=r"^\d+(\.\d+)*$")
    description: str = ""
    answer: str
    system: str
    user: str
    few_shot: list[FewShot] = Field(default_factory=list, max_length=5)

    @property
    def hash(self) -> str:
        blob = json.dumps(self.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def data(value: Any) -> str:
    """Filter for untrusted text: stringify and break any run of '=' that could fake the fence."""
    text = "" if value is None else str(value)
    return _FENCE_LIKE.sub(
        lambda m: "=\u2009" * (len(m.group()) // 2) + "=" * (len(m.group()) % 2), text
    )


@lru_cache(maxsize=1)
def _env() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        undefined=StrictUndefined, autoescape=False, trim_blocks=True, lstrip_blocks=True
    )
    env.filters["data"] = data
    env.globals["FENCE_OPEN"] = FENCE_OPEN
    env.globals["FENCE_CLOSE"] = FENCE_CLOSE
    return env


def _parse(text: str, origin: str) -> PromptTemplate:
    try:
        import yaml
    except ImportError:
        raise MissingExtraError("pyyaml", "llm", "the LLM engine") from None

    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML ({exc})") from None
    if not isinstance(raw, dict):
        raise ConfigError(
            f"{origin}: a prompt file must be a mapping with name, version, system, user"
        )
    try:
        return PromptTemplate.model_validate(raw)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise ConfigError(f"{origin}: invalid prompt template ({problems})") from None


@lru_cache(maxsize=32)
def load_prompt(name_or_path: str) -> PromptTemplate:
    """A template by name from the shipped `prompts` package, or from a .yaml path."""
    if name_or_path.endswith((".yaml", ".yml")):
        path = Path(name_or_path)
        try:
            return _parse(path.read_text(encoding="utf-8"), str(path))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read prompt file ({exc})") from None
    resource = resources.files("prompts").joinpath(f"{name_or_path}.yaml")
    if not resource.is_file():
        raise ConfigError(f"no prompt template named {name_or_path!r} in the prompts package")
    return _parse(resource.read_text(encoding="utf-8"), f"prompts/{name_or_path}.yaml")


class Renderer:
    """Compiled templates of one PromptTemplate; render() gives chat messages."""

    def __init__(self, template: PromptTemplate) -> None:
        from jinja2 import TemplateError

        self.template = template
        try:
            self._system = _env().from_string(template.system)
            self._user = _env().from_string(template.user)
        except TemplateError as exc:
            raise ConfigError(
                f"prompt {template.name!r}: template does not compile ({exc})"
            ) from None

    def render(self, **variables: Any) -> list[dict[str, str]]:
        from jinja2 import TemplateError

        try:
            system = self._system.render(**variables).strip()
            user = self._user.render(**variables).strip()
        except TemplateError as exc:
            raise ConfigError(
                f"prompt {self.template.name!r} v{self.template.version}: {exc}"
            ) from None
        messages = [{"role": "system", "content": system}]
        for shot in self.template.few_shot:
            messages.append({"role": "user", "content": shot.user.strip()})
            messages.append({"role": "assistant", "content": shot.assistant.strip()})
        messages.append({"role": "user", "content": user})
        return messages
