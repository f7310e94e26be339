"""Story detection's term counts (stories._raw): articles with quotations (the title and body
count doubled, each quotation word added to it) and without them (the one-count path) give the
weights of the plain definition, bit for bit and in the same order."""

from __future__ import annotations

import pytest

from schemas import ArticleDigest
from service.api import resolve_engine
from service.merge import stories
from tests.stories_set import all_articles
from tests.test_story_fastpaths import _plain_raw


@pytest.fixture(scope="module")
def digests() -> list[ArticleDigest]:
    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


def _check(d: ArticleDigest) -> None:
    vec, shingles, names, _lang = stories._raw(d)
    want_vec, want_shingles, want_names = _plain_raw(d)
    assert list(vec.items()) == list(want_vec.items()), d.article.id
    assert shingles == want_shingles
    assert names == frozenset(want_names)


def test_both_count_paths_hold_the_plain_weights(digests: list[ArticleDigest]) -> None:
    quoted = [d for d in digests if d.quotes]
    assert len(quoted) > 3
    for d in digests:
        _check(d)
        # the same article without its quotations takes the other path
        _check(d.model_copy(update={"quotes": []}))


def test_quotation_words_alone_and_shared_with_the_body(digests: list[ArticleDigest]) -> None:
    d = next(d for d in digests if d.quotes)
    q = d.quotes[0]
    extra = [
        # words only a quotation has (a plural, a stopword, a number), and the body's words again
        q.model_copy(update={"id": "q900", "text": "Zorvians said the 2024 harbour tolls harbour"}),
        q.model_copy(update={"id": "q901", "text": " ".join(d.summary.split()[:8])}),
    ]
    _check(d.model_copy(update={"quotes": [*d.quotes, *extra]}))
