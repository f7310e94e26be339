"""The results store: keys, transactions, failures, list/export/prune, permissions, no secrets."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import stat
import threading
import time
from pathlib import Path

import pytest

from schemas import SCHEMA_VERSION
from service.batch.store import DEFAULT_STORE, STORE_ENV, EngineIdentity, Store, default_store_path
from service.errors import StoreError
from service.fsio import atomic_write_text, redact, remove_stale_temps
from tests.batchkit import FAKE_KEY, FakeEngine, make_article

IDENT = EngineIdentity(
    engine="fake", model="fake-model", prompt_hash="p-1", engine_version="fake-1"
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "s" / "store.sqlite") as st:
        yield st


def _digest(i: int):
    return FakeEngine().digest(make_article(i))


def test_default_location_and_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(STORE_ENV, raising=False)
    assert default_store_path() == DEFAULT_STORE == Path(".newsdigest/store.sqlite")
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "x.sqlite"))
    assert default_store_path() == tmp_path / "x.sqlite"
    with Store() as st:
        assert st.path == tmp_path / "x.sqlite"
    assert (tmp_path / "x.sqlite").is_file()


def test_roundtrip_and_every_key_part_matters(store: Store) -> None:
    d = _digest(1)
    h = d.article.content_hash
    store.put_digest(IDENT.key(h), d, run_id="r1")
    assert store.get_digest(IDENT.key(h)) == d
    assert store.has_digest(IDENT.key(h))
    others = [
        EngineIdentity("other", "fake-model", "p-1"),
        EngineIdentity("fake", "other-model", "p-1"),
        EngineIdentity("fake", "fake-model", "p-2"),
        EngineIdentity("fake", "fake-model", "p-1", schema_version="0.9"),
    ]
    for ident in others:
        assert store.get_digest(ident.key(h)) is None, ident
    assert store.get_digest(IDENT.key("0" * 64)) is None
    # Same key again replaces, never duplicates.
    store.put_digest(IDENT.key(h), d)
    assert store.count_digests() == 1
    (row,) = store.list_digests()
    assert (row.content_hash, row.engine, row.model, row.prompt_hash, row.schema_version) == (
        h,
        "fake",
        "fake-model",
        "p-1",
        SCHEMA_VERSION,
    )
    assert (row.article_id, row.requests, row.prompt_tokens, row.completion_tokens) == (
        "a0001",
        1,
        100,
        20,
    )


def test_row_that_no_longer_validates_is_a_miss(store: Store, tmp_path: Path) -> None:
    d = _digest(2)
    key = IDENT.key(d.article.content_hash)
    store.put_digest(key, d)
    with sqlite3.connect(store.path) as db:
        db.execute('UPDATE digests SET digest=\'{"not": "a digest"}\'')
    assert store.get_digest(key) is None
    assert list(store.iter_digests()) == []


def test_failures_recorded_counted_and_cleared_by_success(store: Store) -> None:
    d = _digest(3)
    h = d.article.content_hash
    rec = store.record_failure(
        h,
        IDENT,
        kind="RetriesExhaustedError",
        reason="gave up after 2 attempts",
        source="a.txt",
        article_id="a0003",
        attempts=2,
        attempt_reasons=["HTTP 503", "HTTP 503"],
    )
    assert (rec.kind, rec.attempts, rec.attempt_reasons, rec.runs_failed) == (
        "RetriesExhaustedError",
        2,
        ["HTTP 503", "HTTP 503"],
        1,
    )
    rec = store.record_failure(
        h, IDENT, kind="OutputValidationError", reason="never valid", attempts=3
    )
    assert (rec.kind, rec.attempts, rec.runs_failed) == ("OutputValidationError", 3, 2)
    assert [f.subject for f in store.list_failures()] == [h]
    store.put_digest(IDENT.key(h), d)
    assert store.get_failure(h, IDENT) is None
    assert store.list_failures() == []


def test_runs_are_listed(store: Store) -> None:
    run = store.start_run(IDENT, ["folder"])
    store.finish_run(run, "finished", {"succeeded": 3})
    (r,) = store.list_runs()
    assert (r["id"], r["status"], r["engine"], r["paths"], r["summary"]) == (
        run,
        "finished",
        "fake",
        ["folder"],
        {"succeeded": 3},
    )


def test_export_jsonl_and_json(store: Store) -> None:
    digests = [_digest(i) for i in range(3)]
    for d in digests:
        store.put_digest(IDENT.key(d.article.content_hash), d)
    store.record_failure("f" * 64, IDENT, kind="GroundingError", reason="nothing grounded")
    buf = io.StringIO()
    assert store.export(buf, fmt="jsonl") == 3
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert lines == [d.model_dump(mode="json") for d in digests]
    buf = io.StringIO()
    assert store.export(buf, fmt="json", what="failures") == 1
    (fail,) = json.loads(buf.getvalue())
    assert (fail["subject"], fail["kind"], fail["reason"]) == (
        "f" * 64,
        "GroundingError",
        "nothing grounded",
    )
    buf = io.StringIO()
    assert store.export(buf, fmt="json") == 3
    assert json.loads(buf.getvalue()) == [d.model_dump(mode="json") for d in digests]
    with pytest.raises(StoreError, match="json or jsonl"):
        store.export(buf, fmt="xml")


def test_prune_by_filters(store: Store) -> None:
    a, b = _digest(1), _digest(2)
    other = EngineIdentity("other", "m2", "p-9")
    store.put_digest(IDENT.key(a.article.content_hash), a)
    store.put_digest(other.key(b.article.content_hash), b)
    store.record_failure("x" * 64, IDENT, kind="GroundingError", reason="r")
    with pytest.raises(StoreError, match="needs a filter"):
        store.prune()
    assert store.prune(engine="other", dry_run=True).digests == 1
    assert store.count_digests() == 2
    r = store.prune(engine="other")
    assert (r.digests, r.failures) == (1, 0)
    assert [x.engine for x in store.list_digests()] == ["fake"]
    assert store.prune(older_than_days=1).digests == 0  # everything is fresh
    r = store.prune(failures_only=True)
    assert (r.digests, r.failures) == (0, 1)
    r = store.prune(everything=True)
    assert (r.digests, r.failures) == (1, 0)
    assert store.count_digests() == 0


def test_prune_stale_and_old(store: Store) -> None:
    a, b = _digest(1), _digest(2)
    old_schema = EngineIdentity("fake", "fake-model", "p-1", schema_version="0.1")
    store.put_digest(old_schema.key(a.article.content_hash), a)
    store.put_digest(IDENT.key(b.article.content_hash), b)
    assert store.prune(stale=True).digests == 1
    with sqlite3.connect(store.path) as db:
        db.execute("UPDATE digests SET created_at=?", (time.time() - 10 * 86400,))
    assert store.prune(older_than_days=5).digests == 1
    assert store.count_digests() == 0


def test_concurrent_writers_lose_nothing(store: Store) -> None:
    digests = [_digest(i) for i in range(40)]

    def put(chunk: list) -> None:
        for d in chunk:
            store.put_digest(IDENT.key(d.article.content_hash), d)

    threads = [threading.Thread(target=put, args=(digests[i::4],)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.count_digests() == 40


def test_two_connections_share_one_file(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite"
    d = _digest(5)
    with Store(path) as one, Store(path) as two:
        one.put_digest(IDENT.key(d.article.content_hash), d)
        assert two.get_digest(IDENT.key(d.article.content_hash)) == d


def test_corrupt_file_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="bad.sqlite"):
        Store(path)


def _mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


@pytest.mark.parametrize(
    ("umask", "file_mode", "dir_mode"),
    [(0o022, 0o644, 0o755), (0o077, 0o600, 0o700), (0o000, 0o664, 0o775)],
)
def test_files_follow_umask_and_are_never_world_writable(
    tmp_path: Path, umask: int, file_mode: int, dir_mode: int
) -> None:
    old = os.umask(umask)
    try:
        with Store(tmp_path / "deep" / "er" / "store.sqlite") as st:
            d = _digest(1)
            st.put_digest(IDENT.key(d.article.content_hash), d)
            written = [st.path, st.path.with_name("store.sqlite-wal")]
        out = atomic_write_text(tmp_path / "out" / "x.json", "{}")
    finally:
        os.umask(old)
    for f in [*written, out]:
        if f.exists():
            assert _mode(f) == file_mode, f
    for folder in (tmp_path / "deep", tmp_path / "deep" / "er", tmp_path / "out"):
        assert _mode(folder) == dir_mode, folder


def test_atomic_write_leaves_no_temp_and_stale_temps_are_removed(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "a.json", "one")
    atomic_write_text(tmp_path / "a.json", "two")
    assert (tmp_path / "a.json").read_text() == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]
    (tmp_path / ".a.json.deadbeef.ndtmp").write_text("half")
    (tmp_path / ".keep-me").write_text("not ours")
    assert remove_stale_temps(tmp_path) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == [".keep-me", "a.json"]


def test_secrets_are_redacted_before_storing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("SOME_PROVIDER_TOKEN", "tok-abcdefghijkl")
    assert redact(f"failed with key {FAKE_KEY}") == "failed with key [redacted]"
    assert redact("Authorization: Bearer abc.def-ghijk") == "Authorization: [redacted]"
    assert redact("token tok-abcdefghijkl leaked") == "token [redacted] leaked"
    store.record_failure(
        "h" * 64,
        IDENT,
        kind="RetriesExhaustedError",
        reason=f"401 for api_key={FAKE_KEY}",
        attempt_reasons=[f"Bearer {FAKE_KEY}"],
    )
    store.close()
    raw = b"".join(p.read_bytes() for p in store.path.parent.iterdir() if p.is_file())
    assert FAKE_KEY.encode() not in raw
    assert b"FAKEKEY" not in raw
