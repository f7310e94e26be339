"""The fake OpenAI-compatible server (a test double) does what its scripts say."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from tests.fakeserver import (
    FakeOpenAIServer,
    RecordedRequest,
    Reply,
    chat,
    drop,
    error,
    rate_limited,
    raw,
    slow,
    tool_call,
    truncated,
)


def _post(
    url: str, body: dict[str, object], timeout: float = 5.0
) -> tuple[int, dict[str, str], bytes]:
    req = urllib.request.Request(
        url + "/chat/completions",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read()


def test_replies_come_in_queue_order_and_requests_are_recorded(fake_llm: FakeOpenAIServer) -> None:
    fake_llm.queue(
        rate_limited(retry_after=2),
        error(503),
        chat({"a": 1}, prompt_tokens=7, completion_tokens=3),
    )
    got = [_post(fake_llm.base_url, {"n": i, "max_tokens": 50}) for i in range(3)]
    assert [g[0] for g in got] == [429, 503, 200]
    assert got[0][1]["Retry-After"] == "2"
    answer = json.loads(got[2][2])
    assert answer["choices"][0] == {
        "index": 0,
        "message": {"role": "assistant", "content": '{"a": 1}'},
        "finish_reason": "stop",
    }
    assert answer["usage"] == {"prompt_tokens": 7, "completion_tokens": 3, "total_tokens": 10}
    assert [(r.json["n"], r.status, r.max_tokens) for r in fake_llm.chat_requests] == [
        (0, 429, 50),
        (1, 503, 50),
        (2, 200, 50),
    ]
    assert fake_llm.pending == 0


def test_unscripted_request_gets_a_500_and_default_can_be_a_callable(
    fake_llm: FakeOpenAIServer,
) -> None:
    status, _, body = _post(fake_llm.base_url, {})
    assert status == 500 and b"no scripted reply" in body

    def echo(request: RecordedRequest) -> Reply:
        return chat({"echo": request.json["x"]})

    fake_llm.default = echo
    assert json.loads(
        json.loads(_post(fake_llm.base_url, {"x": 5})[2])["choices"][0]["message"]["content"]
    ) == {"echo": 5}


def test_truncated_tool_raw_and_date_retry_after(fake_llm: FakeOpenAIServer) -> None:
    fake_llm.queue(
        truncated(),
        tool_call({"k": "v"}, name="Answer"),
        raw("{not json"),
        rate_limited(5, as_date=True),
    )
    first = json.loads(_post(fake_llm.base_url, {})[2])
    assert first["choices"][0]["finish_reason"] == "length"
    second = json.loads(_post(fake_llm.base_url, {})[2])
    call = second["choices"][0]["message"]["tool_calls"][0]["function"]
    assert call == {"name": "Answer", "arguments": '{"k": "v"}'}
    assert _post(fake_llm.base_url, {})[2] == b"{not json"
    status, headers, _ = _post(fake_llm.base_url, {})
    assert status == 429 and headers["Retry-After"].endswith("GMT")


def test_slow_reply_passes_a_client_timeout_and_drop_closes(fake_llm: FakeOpenAIServer) -> None:
    fake_llm.queue(slow(1.0), drop())
    start = time.monotonic()
    with pytest.raises(TimeoutError):
        _post(fake_llm.base_url, {}, timeout=0.2)
    assert time.monotonic() - start < 0.9
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        _post(fake_llm.base_url, {})
    assert [r.reply for r in fake_llm.chat_requests] == ["slow:1", "drop"]


def test_unknown_route_is_404_and_models_lists_one() -> None:
    with FakeOpenAIServer(latency=0.0) as srv:
        with urllib.request.urlopen(srv.base_url + "/models", timeout=5) as resp:
            assert json.loads(resp.read())["data"][0]["id"] == "fake-model"
        req = urllib.request.Request(srv.base_url + "/embeddings", data=b"{}", method="POST")
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(req, timeout=5)
        assert info.value.code == 404
        info.value.close()
    with pytest.raises(RuntimeError):
        _ = srv.base_url
