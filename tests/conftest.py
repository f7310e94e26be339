"""Shared test fixtures. Keep additive: several test modules rely on these names."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CASSETTES = ROOT / "cassettes"
CORPUS = ROOT.parent / "shared" / "dev-corpus"
# PolNeAR (../shared/polnear): tests that read it skip, saying so, where it is absent
POLNEAR = ROOT.parent / "shared" / "polnear"


@pytest.fixture(autouse=True, scope="session")
def _regex_cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The commands the tests run keep their compiled-pattern and code caches
    (service.cli.regex_cache, service.cli.code_cache) in a temporary folder, never in the user's
    ~/.cache."""
    patch = pytest.MonkeyPatch()
    path = tmp_path_factory.mktemp("regex-cache") / "regex.marshal"
    patch.setenv("NEWSDIGEST_REGEX_CACHE", str(path))
    patch.setenv("NEWSDIGEST_CODE_CACHE", str(path.with_name("code.marshal")))
    yield
    patch.undo()


@pytest.fixture
def fake_llm() -> Iterator[object]:
    """A started FakeOpenAIServer (tests/fakeserver.py): script it with `.queue(...)`."""
    from tests.fakeserver import FakeOpenAIServer

    with FakeOpenAIServer() as srv:
        yield srv


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every outgoing socket connection (loopback included) for the test's duration."""

    def refuse(self: socket.socket, address: object) -> None:
        raise OSError(f"network blocked in this test (tried to connect to {address!r})")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)


@pytest.fixture
def seed_articles() -> list[object]:
    """The two committed seed articles, ingested."""
    from service.ingest.files import iter_articles

    return list(iter_articles(sorted(SEEDS.glob("*.txt"))))


@pytest.fixture(autouse=True)
def _close_litellm_clients() -> Iterator[None]:
    """litellm keeps the SDK clients it builds in a module-global cache and, once one is evicted,
    leaves it to its own deferred closer or to the garbage collector. A client collected that
    way reports its pooled socket as unclosed (a ResourceWarning) inside whichever later test the
    collector happens to run in. After a test that used litellm, its cached clients are closed
    here and the cache emptied, so each test owns what it opened."""
    yield
    import inspect
    import sys

    litellm = sys.modules.get("litellm")
    cache = getattr(litellm, "in_memory_llm_clients_cache", None)
    if cache is None or not getattr(cache, "cache_dict", None):
        return
    for client in list(cache.cache_dict.values()):
        close = getattr(client, "close", None)
        if callable(close) and not inspect.iscoroutinefunction(close):
            close()
    cache.flush_cache()


@pytest.fixture(autouse=True)
def _collect_client_garbage(request: pytest.FixtureRequest) -> Iterator[None]:
    """In the modules that talk to a fake OpenAI server, collect the garbage each test leaves
    before the next test starts, with ResourceWarning ignored for that pass only. The SDK and
    litellm build HTTP clients that are reference cycles; one a test drops unclosed (a litellm
    route's internal client, an instructor wrapper) reported its pooled socket inside whichever
    later test the collector happened to run in, so a full run failed now and then on a test that
    leaked nothing (it was reproduced deterministically by collecting after every test). The
    service's own clients close their sockets and tests/test_llm_engine.py checks that; this
    keeps the SDKs' leftovers from turning GC timing into a failed run."""
    yield
    module = request.module
    if not (
        module.__name__.rsplit(".", 1)[-1].startswith("test_llm")
        or "FakeOpenAIServer" in vars(module)
    ):
        return
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


@pytest.fixture(scope="session", autouse=True)
def _collect_leftover_sockets_at_the_end() -> Iterator[None]:
    """At the end of the session, collect what tests left behind before pytest's own exit-time
    collection, with ResourceWarning ignored there only. An HTTP client some test drops without
    closing (openai's connection pool; LLM clients and engines now close theirs when dropped) leaves
    a socket for the garbage collector, and whether that pass lands inside a test or at pytest's
    exit depends on GC timing: at exit it failed a whole CI run after every test had passed.
    Mid-session the warning is still an error."""
    yield
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()
        gc.collect()
