"""Provider routes the way users run them: requests through litellm's real code path (tools,
json_schema, json, md_json) checked byte for byte against the fake server (tests/fakeserver.py, a
test double), `auto` mode, configuration errors before any article, and lazy imports.

No test here needs the network: the fake server listens on 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from service.errors import ConfigError, MissingExtraError
from service.llm.client import LLMClient
from service.llm.config import LLMConfig
from tests.batchkit import write_articles
from tests.fakeserver import FakeOpenAIServer, RecordedRequest, Reply, chat, tool_call
from tests.faultmix import VALID_ANSWER

ROOT = Path(__file__).resolve().parent.parent
KEY = "sk-route-test-0123456789"


class Verdict(BaseModel):
    same: bool
    reason: str


MESSAGES = [{"role": "system", "content": "Decide."}, {"role": "user", "content": "Same?"}]


def _answers_any_mode(answer: dict[str, Any]) -> Any:
    """A responder: a tool call when the request offers tools, else the JSON as content."""

    def respond(request: RecordedRequest) -> Reply:
        body = request.json or {}
        if body.get("tools"):
            return tool_call(answer, name=body["tools"][0]["function"]["name"])
        return chat(answer)

    return respond


@pytest.fixture
def no_mcp(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `import mcp` fail as in a clean install, even where some other tool installed it."""
    monkeypatch.setitem(sys.modules, "mcp", None)


def _client(srv: FakeOpenAIServer, mode: str, **kw: Any) -> LLMClient:
    config = LLMConfig(
        model="openai/gpt-4o-mini", base_url=srv.base_url, mode=mode, retries=0, **kw
    )
    return LLMClient(config, env={"OPENAI_API_KEY": KEY})


@pytest.mark.parametrize("mode", ["tools", "json_schema", "json", "md_json"])
def test_litellm_sends_each_mode_exactly_and_never_imports_mcp(mode: str, no_mcp: None) -> None:
    with FakeOpenAIServer(default=_answers_any_mode({"same": True, "reason": "one pier"})) as srv:
        client = _client(srv, mode)
        assert client.provider == "litellm" and client.mode == mode
        got = client.extract(MESSAGES, Verdict, max_tokens=64)
        (request,) = srv.chat_requests
    assert got.model_dump() == {"same": True, "reason": "one pier"}
    body = request.json
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.path == "/v1/chat/completions"
    common = {"model": "gpt-4o-mini", "max_tokens": 64, "temperature": 0.0}
    assert {k: body[k] for k in common} == common
    schema = {
        "properties": {
            "same": {"title": "Same", "type": "boolean"},
            "reason": {"title": "Reason", "type": "string"},
        },
        "required": ["same", "reason"],
        "type": "object",
    }
    extra = set(body) - set(common) - {"messages"}
    if mode == "tools":
        assert extra == {"tools", "tool_choice"}
        (tool,) = body["tools"]
        assert tool["type"] == "function" and tool["function"]["name"] == "Verdict"
        params = tool["function"]["parameters"]
        assert {**params, "required": sorted(params["required"])} == {
            **schema,
            "required": sorted(schema["required"]),
        }
        assert body["tool_choice"] == {"type": "function", "function": {"name": "Verdict"}}
    elif mode == "json_schema":
        assert extra == {"response_format"}
        fmt = body["response_format"]
        assert fmt["type"] == "json_schema" and fmt["json_schema"]["name"] == "Verdict"
        assert fmt["json_schema"]["schema"] == {**schema, "title": "Verdict"}
    elif mode == "json":
        assert extra == {"response_format"} and body["response_format"] == {"type": "json_object"}
    else:
        assert extra == set()
    # none of our own options leaks into the request body
    assert not {"_skip_mcp_handler", "num_retries", "api_key", "api_base"} & set(body)
    assert body["messages"][0]["role"] == "system"


def test_auto_mode_per_route(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.llm.routes import auto_mode, litellm_route

    def mode(model: str, env: dict[str, str], **kw: Any) -> str:
        cfg = LLMConfig(model=model, **kw)
        return auto_mode(cfg, litellm_route(cfg, env))

    key = {"OPENAI_API_KEY": KEY}
    # an OpenAI-compatible server one runs (llama.cpp, vLLM, ...): constrained JSON schema
    assert mode("openai/qwen2.5", {**key, "OPENAI_BASE_URL": "http://127.0.0.1:8080/v1"}) == (
        "json_schema"
    )
    assert mode("openai/qwen2.5", {}, base_url="http://127.0.0.1:8080/v1") == "json_schema"
    assert mode("ollama/llama3.1", {}) == "json_schema"
    assert mode("openai/gpt-4o-mini", key) == "tools"
    with pytest.raises(ConfigError, match="NEWSDIGEST_LLM_MODE"):
        mode("cohere/an-unknown-model", {"COHERE_API_KEY": KEY})


def test_openai_base_url_from_the_environment_is_the_api_base(no_mcp: None) -> None:
    with FakeOpenAIServer(default=_answers_any_mode({"same": False, "reason": "two"})) as srv:
        cfg = LLMConfig(model="openai/my-local-model", retries=0)
        client = LLMClient(cfg, env={"OPENAI_BASE_URL": srv.base_url})
        assert client.mode == "json_schema"
        client.extract(MESSAGES, Verdict, max_tokens=32)
        (request,) = srv.chat_requests
    assert request.json["model"] == "my-local-model"
    # no key needed for one's own server; a placeholder keeps the SDK quiet
    assert request.headers["authorization"] == "Bearer no-key-needed"


def test_missing_key_is_one_config_error_naming_the_variable() -> None:
    cfg = LLMConfig(model="openai/gpt-4o-mini")
    with pytest.raises(ConfigError, match="set OPENAI_API_KEY") as info:
        LLMClient(cfg, env={})
    assert "api_key_env" in str(info.value)
    with pytest.raises(ConfigError, match="MY_TEAM_KEY"):
        LLMClient(LLMConfig(model="openai/gpt-4o-mini", api_key_env="MY_TEAM_KEY"), env={})


def test_bad_model_gives_litellm_whole_message() -> None:
    with pytest.raises(ConfigError) as info:
        LLMClient(LLMConfig(model="nosuchprovider/some-model"), env={})
    msg = str(info.value)
    assert "LLM Provider NOT provided" in msg and "…" not in msg
    assert msg.rstrip().endswith("OpenAI-compatible server")


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI in a fresh interpreter where `import mcp` fails, as in a clean install."""
    code = (
        "import sys; sys.modules['mcp'] = None\n"
        "from service.cli.main import main\n"
        f"sys.exit(main({args!r}))\n"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "NEWSDIGEST_"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=cwd,
        env={**clean, "PYTHONPATH": str(ROOT), "HOME": str(cwd), **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("mode", ["auto", "tools"])
def test_cli_smoke_with_openai_model_against_localhost(tmp_path: Path, mode: str) -> None:
    (article,) = write_articles(tmp_path / "in", 1)
    with FakeOpenAIServer(default=_answers_any_mode(VALID_ANSWER)) as srv:
        env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": KEY}
        if mode != "auto":
            env["NEWSDIGEST_LLM_MODE"] = mode
        args = [str(article), "--model", "openai/gpt-4o-mini", "--store", str(tmp_path / "s.db")]
        proc = _cli([*args, "-f", "json"], env, tmp_path)
        requests = srv.chat_requests
    assert proc.returncode == 0, proc.stderr
    assert "Error" not in proc.stderr and "No module" not in proc.stderr
    (digest,) = json.loads(proc.stdout)["digests"]
    assert digest["provenance"]["model"] == "openai/gpt-4o-mini"
    assert len(requests) == 1
    assert ("tools" in requests[0].json) == (mode == "tools")


def test_cli_config_errors_exit_2_before_any_article(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", 2)
    store = tmp_path / "s.db"
    proc = _cli(
        [str(tmp_path / "in"), "--model", "openai/gpt-4o-mini", "--store", str(store)], {}, tmp_path
    )
    assert proc.returncode == 2
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "set OPENAI_API_KEY" in lines[0], proc.stderr
    # nothing was stored as an article failure: fixing the key is enough
    from service.batch.store import Store

    with Store(store) as st:
        assert st.list_failures() == []


def test_cli_max_cost_with_unknown_price_refuses_to_start(tmp_path: Path) -> None:
    (article,) = write_articles(tmp_path / "in", 1)
    with FakeOpenAIServer(default=_answers_any_mode(VALID_ANSWER)) as srv:
        args = [str(article), "--model", "openai/my-model", "--base-url", srv.base_url]
        args += ["--max-cost", "0.5", "--store", str(tmp_path / "s.db"), "-f", "json"]
        refused = _cli(args, {}, tmp_path)
        assert refused.returncode == 2 and "input_cost_per_mtok" in refused.stderr
        assert srv.chat_requests == []
        priced = _cli(args, {"NEWSDIGEST_LLM_INPUT_COST_PER_MTOK": "1"}, tmp_path)
        assert priced.returncode == 0, priced.stderr
        assert len(srv.chat_requests) == 1


def test_rejected_key_mid_run_stops_the_run_without_storing_failures(tmp_path: Path) -> None:
    from service.batch.runner import run_batch
    from service.batch.store import Store
    from tests.fakeserver import error
    from tests.faultmix import fault_engine

    paths = write_articles(tmp_path / "in", 3)
    with FakeOpenAIServer(default=error(401, "invalid api key")) as srv:
        engine = fault_engine(srv)
        with Store(tmp_path / "s.db") as st, pytest.raises(ConfigError, match="HTTP 401"):
            run_batch(paths, engine=engine, store=st, concurrency=1)
        assert len(srv.chat_requests) == 1  # not retried, and no other article attempted
        with Store(tmp_path / "s.db") as st:
            assert st.list_failures() == []


def test_base_install_names_the_extra_instead_of_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    from service.llm import prompts

    monkeypatch.setitem(sys.modules, "yaml", None)
    prompts.load_prompt.cache_clear()
    try:
        with pytest.raises(MissingExtraError, match=r"newsdigest\[llm\]"):
            prompts.load_prompt("hybrid")
    finally:
        prompts.load_prompt.cache_clear()


def test_llm_stack_is_imported_only_as_the_route_needs() -> None:
    code = (
        "import sys\n"
        "import service.engines.llm\n"
        "heavy = ('litellm', 'instructor', 'openai')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "from service.llm.client import LLMClient\n"
        "from service.llm.config import LLMConfig\n"
        # what the engine builds for `--model local`: the openai SDK on the local server's URL
        "LLMClient(LLMConfig(model='local'), base_url='http://127.0.0.1:9/v1', model_name='m')\n"
        "print('litellm' in sys.modules)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:2] == ["[]", "False"]
