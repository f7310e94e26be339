"""The rules engine pauses the cyclic garbage collector while it digests one article and restores
it as it found it afterwards, also when the digest fails (see RulesEngine.digest)."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Iterator
from typing import Any

import pytest

from schemas import Article
from service.engines.rules import RulesEngine

ARTICLE = Article(
    id="pier",
    title="Pier reopens in Quillmouth",
    published=dt.date(2024, 6, 2),
    text=(
        "The Quillmouth pier reopened on Saturday after two years of repairs.\n\n"
        "“It is good to walk here again,” said harbour warden Odile Brask."
    ),
)


class _Spy:
    """Stands in for the engine's summary module, noting whether the collector ran during the
    digest (or failing, to test the restore on an error)."""

    def __init__(self, module: Any, fail: bool = False) -> None:
        self._module, self.fail = module, fail
        self.seen: list[bool] = []

    def summarise_text(self, *a: Any, **k: Any) -> str:
        self.seen.append(gc.isenabled())
        if self.fail:
            raise RuntimeError("stage failed")
        return self._module.summarise_text(*a, **k)


@pytest.fixture
def engine() -> Iterator[RulesEngine]:
    was = gc.isenabled()
    yield RulesEngine()
    (gc.enable if was else gc.disable)()


def test_the_collector_is_paused_during_a_digest_and_back_on_after(engine: RulesEngine) -> None:
    gc.enable()
    spy = _Spy(engine._summary)
    engine._summary = spy  # type: ignore[assignment]
    assert engine.digest(ARTICLE).summary
    assert spy.seen == [False]
    assert gc.isenabled()


def test_a_caller_s_pause_is_kept(engine: RulesEngine) -> None:
    gc.disable()
    engine.digest(ARTICLE)
    assert not gc.isenabled()


def test_the_collector_is_back_on_after_a_failed_digest(engine: RulesEngine) -> None:
    gc.enable()
    spy = _Spy(engine._summary, fail=True)
    engine._summary = spy  # type: ignore[assignment]
    with pytest.raises(RuntimeError):
        engine.digest(ARTICLE)
    assert spy.seen == [False]
    assert gc.isenabled()
