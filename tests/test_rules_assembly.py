"""The rules engine's digest assembly builds, without validating, what pydantic's validation builds.

The quotes, their speaker spans and the article's metadata are made by `service.trusted` builders (see
service/engines/rules.py); each is compared here with the model pydantic validates from the same
values: the same field values of the same types, the same fields set, no extras, no private state.
The word sets with compound suffixes (SuffixSet) answer `in` from a memo; they are compared with
the plain membership test they stand for. Articles are invented; the PolNeAR train texts are
used too where ../shared/polnear is here (skipped, saying so, where it is absent).
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from pydantic import BaseModel

from schemas import Article, ArticleDigest, Span
from service.engines.rules import RulesEngine
from service.extract import lexicon_intl as intl
from service.extract.names import ORG_WORDS, ROLE_NOUNS
from service.trusted import builder
from tests.conftest import POLNEAR as SHARED_POLNEAR
from tests.modelkit import assert_same_model

POLNEAR = SHARED_POLNEAR / "train"

ARTICLES = [
    Article(
        id="council",
        title="Council backs the harbour plan",
        published="2024-03-05",
        text=(
            "The Marrow Bay council voted on Tuesday to rebuild the old harbour wall.\n\n"
            "“We have waited long enough,” said Mayor Ilse Varn. “The sea will not wait for us.”\n\n"
            "A council spokesman said the work would start in May. Opponents called the plan "
            "“a gift to developers” and said they would appeal.\n\n"
            "Harbour master Tomas Reed told reporters: “She said ‘we are ready’, and we are.”"
        ),
    ),
    Article(
        id="no-quotes",
        text="Rain fell across the valley on Monday. Farmers welcomed it after a dry spring.",
    ),
    Article(id="unattributed", text="“Nothing more will be built here, not this year.”"),
    Article(id="short", text="Short."),
]


def _raw(model: BaseModel) -> dict[str, Any]:
    """The values the engine hands its builders: nested models as plain dicts, enums kept."""
    return {k: v.model_dump() if isinstance(v, BaseModel) else v for k, v in model.__dict__.items()}


def _check(digest: ArticleDigest) -> None:
    # the digest as the engine built it before: quotes and metadata as dicts, validated in it
    validated = ArticleDigest(
        article=_raw(digest.article),  # type: ignore[arg-type]
        summary=digest.summary,
        events=digest.events,
        actors=digest.actors,
        quotes=[_raw(q) for q in digest.quotes],  # type: ignore[misc]
        provenance=digest.provenance,
    )
    assert_same_model(digest, validated)
    assert digest.model_dump_json() == validated.model_dump_json()


def test_the_unvalidated_digest_parts_are_what_validation_builds() -> None:
    engine = RulesEngine()
    digests = [engine.digest(a) for a in ARTICLES]
    council = digests[0]
    # the invented article exercises what the builders make: speaker spans, a nested quote
    assert any(q.speaker_span is not None for q in council.quotes)
    assert [q.speaker_span for q in digests[2].quotes] == [None]
    assert any(q.nested_in for q in council.quotes)
    assert not digests[1].quotes
    for d in digests:
        _check(d)


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/polnear (PolNeAR) is not here")
def test_the_unvalidated_digest_parts_are_what_validation_builds_on_real_texts() -> None:
    from service.ingest.files import load_articles

    engine = RulesEngine()
    files = sorted((POLNEAR / "articles").glob("*.json"))[:60]
    for f in files:
        for a in load_articles(f):
            _check(engine.digest(a))


def test_a_trusted_builder_makes_the_validated_model() -> None:
    values = {"start": 3, "end": 9, "text": "spoken"}
    assert_same_model(builder(Span)(dict(values)), Span.model_validate(values))


def _plain_member(s: intl.SuffixSet, word: object) -> bool:
    """SuffixSet membership as first written: the listed words, else a long enough word with one
    of the suffixes that is not excluded."""
    if frozenset.__contains__(s, word):
        return True
    return (
        isinstance(word, str)
        and len(word) > 6
        and word.endswith(s._suffixes)
        and word not in s._not
    )


def test_suffix_set_membership_is_the_plain_test() -> None:
    rng = random.Random(12)
    listed = sorted(ROLE_NOUNS)[:300] + sorted(ORG_WORDS)[:300]
    pieces = ["minister", "ministerium", "sprecher", "amt", "bank", "s", "ver", "kehrs", "x"]
    words: list[object] = [*listed, "administers", "administer", "", "minister", None, 7]
    words += [w + p for w in listed[:100] for p in pieces[:3]]
    words += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 4))) for _ in range(3000)]
    joined = ROLE_NOUNS | {"former", "acting"}
    assert isinstance(joined, intl.SuffixSet)
    for s in (ROLE_NOUNS, ORG_WORDS, joined):
        for _ in range(2):  # a miss computes the answer, a hit reads it back
            assert [w in s for w in words] == [_plain_member(s, w) for w in words]
    assert "former" in joined and "former" not in ROLE_NOUNS
    assert "verkehrsminister" in ROLE_NOUNS and "administers" not in ROLE_NOUNS
