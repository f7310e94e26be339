"""The verbatim guarantee over real text: every offset in every digest points at exactly its text."""

from __future__ import annotations

from pathlib import Path

import pytest

from schemas import ArticleDigest
from service.api import summarise_many
from service.ingest.files import load_articles

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "dev-corpus"
SEEDS = ROOT / "seeds"


def _check(digest: ArticleDigest, text: str) -> None:
    assert digest.article.content_hash and digest.article.length == len(text)
    for q in digest.quotes:
        assert text[q.start : q.end] == q.text, (digest.article.id, q.id)
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text
    for a in digest.actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text, (digest.article.id, a.name, m)
    for e in digest.events:
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.text, (digest.article.id, e.id)


def test_seed_digests_are_verbatim():
    articles = [a for p in sorted(SEEDS.iterdir()) for a in load_articles(p)]
    digests = list(summarise_many(articles, engine="rules"))
    assert len(digests) == 2
    for d, a in zip(digests, articles, strict=True):
        _check(d, a.text)
        assert d.quotes, "both seeds quote the Pentagon spokesman"


@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present at ../shared/dev-corpus")
def test_dev_corpus_digests_are_verbatim():
    paths = sorted((CORPUS / "articles").glob("*.json"))
    articles = [a for p in paths for a in load_articles(p)]
    digests = list(summarise_many(articles, engine="rules"))
    assert len(digests) == len(paths) >= 10
    for d, a in zip(digests, articles, strict=True):
        _check(d, a.text)
        assert d.provenance.dropped.quotes == 0
