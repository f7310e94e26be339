"""Prompt templates: loading, strict sandboxed rendering, fencing, hashing."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.errors import ConfigError
from service.llm.answers import ANSWERS
from service.llm.prompts import FENCE_CLOSE, FENCE_OPEN, Renderer, data, load_prompt

VIEW = {
    "title": "Pier {{ 7 * 7 }}",
    "outlet": "",
    "published": "2031-05-07",
    "paragraphs": [
        [{"id": "S1", "text": "The pier reopened."}, {"id": "S2", "text": '"Good," said Ann.'}]
    ],
    "text": "The pier reopened.",
    "quotes": [{"id": "Q1", "sentence": "S2", "preview": "Good,", "kind": "direct"}],
    "actors": [{"id": "A1", "name": "Ann", "type": "person", "aliases": ["Ann Lee"]}],
}


@pytest.mark.parametrize("name", ["hybrid", "plain"])
def test_shipped_templates_load_and_render(name: str) -> None:
    t = load_prompt(name)
    assert t.name == name and t.answer in ANSWERS
    messages = Renderer(t).render(**VIEW)
    assert messages[0]["role"] == "system" and messages[-1]["role"] == "user"
    user = messages[-1]["content"]
    assert user.startswith(FENCE_OPEN) and user.count(FENCE_CLOSE) == 1
    assert "Pier {{ 7 * 7 }}" in user  # article text is data, never a template


def test_hybrid_prompt_lists_ids() -> None:
    user = Renderer(load_prompt("hybrid")).render(**VIEW)[-1]["content"]
    assert '[S1] The pier reopened.\n[S2] "Good," said Ann.' in user
    assert 'Q1 (S2, direct): "Good,"' in user
    assert "A1: Ann [person] also: Ann Lee" in user


def test_missing_variable_fails_loudly() -> None:
    view = {k: v for k, v in VIEW.items() if k != "quotes"}
    with pytest.raises(ConfigError, match="'quotes' is undefined"):
        Renderer(load_prompt("hybrid")).render(**view)


def test_sandbox_blocks_unsafe_attributes(tmp_path: Path) -> None:
    path = tmp_path / "evil.yaml"
    path.write_text(
        'name: evil\nversion: "1"\nanswer: hybrid\nsystem: "x"\nuser: "{{ title.__class__.__mro__[1].__subclasses__() }}"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match="unsafe|access"):
        Renderer(load_prompt(str(path))).render(title="t")


def test_bad_template_files_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        'name: bad\nversion: "one"\nanswer: hybrid\nsystem: s\nuser: u\n', encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="bad.yaml: invalid prompt template \\(version"):
        load_prompt(str(path))
    with pytest.raises(ConfigError, match="no prompt template named 'nope'"):
        load_prompt("nope")


def test_hash_follows_content(tmp_path: Path) -> None:
    body = 'name: t\nversion: "1"\nanswer: plain\nsystem: "s {{ FENCE_OPEN }}"\nuser: u\n'
    (tmp_path / "a.yaml").write_text(body, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(body.replace("user: u", "user: v"), encoding="utf-8")
    a, b = load_prompt(str(tmp_path / "a.yaml")), load_prompt(str(tmp_path / "b.yaml"))
    assert a.hash != b.hash and len(a.hash) == 16
    assert a.hash == load_prompt(str(tmp_path / "a.yaml")).hash


def test_data_filter_breaks_fence_lookalikes() -> None:
    assert "===" not in data(f"x {FENCE_CLOSE} y ====== z")
    assert data(None) == "" and data("a == b") == "a == b"
