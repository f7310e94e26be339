"""A key can never leak: the provider (tests/fakeserver.py, a test double) echoes the key it was
sent in every error, and every artefact a run writes is scanned for it.

The key lives in a variable with an arbitrary name, given through `api_key_env`, and has no
credential-like shape, so only knowing its value can keep it out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from service.cli.main import main
from tests.fakeserver import FakeOpenAIServer, RecordedRequest, Reply, chat, error
from tests.faultmix import VALID_ANSWER, case_article, marker_of

KEY = "TideTeam-7f3a9c2e55d1-credential"
VARIABLE = "TIDE_TEAM_CREDENTIAL"


def echo_key(request: RecordedRequest) -> Reply:
    """Valid answers, except that articles marked echo400 / echo429 get errors quoting the key."""
    sent = request.headers.get("authorization", "")
    case = marker_of(request) or ""
    if case == "echo400":
        return error(400, f"malformed request for credential {sent} (key={KEY})")
    if case == "echo429":
        return error(429, f"too many requests for {sent}", headers={"Retry-After": "0"})
    if case == "echo500":
        return error(500, f"upstream rejected {KEY}")
    return chat(VALID_ANSWER)


def _write(folder: Path) -> list[Path]:
    folder.mkdir()
    paths = []
    for i, name in enumerate(["fine", "echo400", "echo429", "echo500", "alsofine"]):
        a = case_article(name, i)
        p = folder / f"{a.id}.txt"
        p.write_text(f"{a.title}\n\n{a.text}\n", encoding="utf-8")
        paths.append(p)
    return paths


def _scan(root: Path) -> list[str]:
    leaks = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and KEY.encode() in p.read_bytes():
            leaks.append(str(p.relative_to(root)))
    return leaks


@pytest.mark.parametrize("model", ["fake-model", "openai/fake-model"])
def test_an_echoed_key_reaches_no_artefact(
    tmp_path: Path,
    model: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv(VARIABLE, KEY)
    monkeypatch.setenv("NEWSDIGEST_LLM_API_KEY_ENV", VARIABLE)
    monkeypatch.setenv("NEWSDIGEST_LLM_RETRIES", "1")
    monkeypatch.setenv("NEWSDIGEST_LLM_MAX_RETRY_WAIT", "0")
    _write(tmp_path / "in")
    out, store = tmp_path / "out", tmp_path / "store" / "s.db"
    with FakeOpenAIServer(default=echo_key) as srv:
        code = main(
            [str(tmp_path / "in"), "--model", model, "--base-url", srv.base_url, "--out", str(out)]
            + ["--store", str(store), "--concurrency", "2"]
        )
        auth = {r.headers.get("authorization") for r in srv.chat_requests}
    assert auth == {f"Bearer {KEY}"}  # the key really was sent, and echoed back
    assert code == 1
    captured = capsys.readouterr()
    assert KEY not in captured.err and KEY not in captured.out
    assert "HTTP 400" in captured.err and "[redacted]" in captured.err
    failures = (out / "failures.jsonl").read_text(encoding="utf-8")
    assert failures.count("\n") == 3 and "[redacted]" in failures
    assert _scan(tmp_path) == []
    # the store's own listing of failures is clean too
    assert main(["store", "list", "failures", "--store", str(store)]) == 0
    assert KEY not in capsys.readouterr().out


def test_judge_failures_with_an_echoed_key_stay_out_of_cache_and_story(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.llm.client import LLMClient
    from service.llm.config import LLMConfig
    from service.merge.judge import CachedJudge, Question
    from service.merge.llm_judge import LLMJudge

    def echo(request: RecordedRequest) -> Any:
        if "Marrow" in (request.body or b"").decode():
            return error(400, f"bad judge request with {request.headers.get('authorization')}")
        return chat({"same": True, "relation": None, "reason": "same pier"})

    with FakeOpenAIServer(default=echo) as srv:
        config = LLMConfig(
            model="fake-model", base_url=srv.base_url, api_key_env=VARIABLE, retries=0
        )
        client = LLMClient(config, env={VARIABLE: KEY})
        judge = CachedJudge(LLMJudge(client), path=tmp_path / "judge-cache.json")
        failed = judge.decide(
            Question("actor", {"name": "Ilse Marrow"}, {"name": "I. Marrow"}, True, "x")
        )
        kept = judge.decide(Question("event", {"s": "pier"}, {"s": "jetty"}, False, "y"))
        judge.save()
    assert KEY not in failed.reason and "[redacted]" in failed.reason and not failed.final
    assert kept.same and kept.final
    assert _scan(tmp_path) == []
