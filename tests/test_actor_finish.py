"""The actor stage builds its actors without validating them; each is what validation builds.

extract_actors hands back Actor and Span models made by service.trusted builders. Here each is
compared, field by field and type by type, with the model pydantic validates from the same values
(the path the stage took before, and still takes for a span out of order). Articles are invented;
the PolNeAR train texts are used too where ../shared/polnear is here (skipped, saying so, where
it is absent).
"""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from schemas import Actor, ActorType
from service.extract import actors
from service.extract.actor_mentions import Mention
from service.extract.actor_rules import Entity
from service.extract.names import doc
from service.extract.quotes import find_quotes
from tests.conftest import POLNEAR as SHARED_POLNEAR
from tests.modelkit import assert_same_model

POLNEAR = SHARED_POLNEAR / "train"

TEXTS = [
    (
        "Harbour master Tomas Reed of the Marrow Bay Port Authority (MBPA) said on Monday that "
        "the harbour would close. “We have no choice,” Reed said. The MBPA board met later.\n\n"
        "Mayor Ilse Varn, the town's first mayor, told the Varn Gazette that Reed was right. "
        "Local fishermen said the closure would hurt. A council spokesman declined to comment."
    ),
    "Nothing here names anyone at all.",
    "Dr. Ana Ruiz met Ana Ruiz's rival, Prof. Lena Ost, in Oslo. Ost said: “Not today.”",
]


def _rows(built: list[Actor]) -> list[dict[str, Any]]:
    """The values the stage hands its builders: spans as plain dicts, the type enum kept."""
    return [{**a.__dict__, "mentions": [m.model_dump() for m in a.mentions]} for a in built]


def _check(text: str, title: str | None = None) -> list[Actor]:
    built = actors.extract_actors(text, find_quotes(text, title=title), title=title)
    validated = actors.validate_actors(_rows(built))
    assert len(built) == len(validated)
    for b, v in zip(built, validated, strict=True):
        assert_same_model(b, v)
    assert [a.model_dump_json() for a in built] == [a.model_dump_json() for a in validated]
    return built


def test_built_actors_are_what_validation_builds() -> None:
    got = [_check(t) for t in TEXTS]
    # the invented articles exercise roles, aliases (an acronym), several mentions, no actors
    first = got[0]
    assert any(a.role for a in first) and any(a.aliases for a in first)
    assert any(len(a.mentions) > 1 for a in first)
    assert got[1] == []
    assert all(isinstance(a.type, ActorType) for a in first)


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/polnear (PolNeAR) is not here")
def test_built_actors_are_what_validation_builds_on_real_texts() -> None:
    from service.ingest.files import load_articles

    seen = 0
    for f in sorted((POLNEAR / "articles").glob("*.json"))[:80]:
        for a in load_articles(f):
            seen += len(_check(a.text, a.title))
    assert seen > 200


def test_a_span_out_of_order_is_still_rejected_by_validation() -> None:
    text = "Mayor Ilse Varn spoke."
    bad = Mention(10, 4, "Varn", "Ilse Varn")  # end before start: no rule makes one, but if it did
    ent = Entity("Ilse Varn", ActorType.person, [bad], key="ilse varn")
    with pytest.raises(ValidationError):
        actors._finish(doc(text), [ent])
    good = Mention(6, 15, "Ilse Varn", "Ilse Varn")
    ent = Entity("Ilse Varn", ActorType.person, [good], key="ilse varn")
    (out,) = actors._finish(doc(text), [ent])
    assert out.mentions[0].text == "Ilse Varn" and out.id == "a1"
