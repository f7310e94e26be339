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
