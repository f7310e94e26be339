"""The results store: an embedded SQLite database of digests and failures, so reruns pay nothing twice.

Every digest is keyed by (content_hash, engine, model, prompt_hash, schema_version); each write is
its own transaction, so a run killed at any moment (even `kill -9`) loses at most what was in
flight. Default location: `$NEWSDIGEST_STORE`, else `./.newsdigest/store.sqlite`.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, NamedTuple

from pydantic import ValidationError

from schemas import SCHEMA_VERSION, ArticleDigest
from service.batch.runlock import RunBook, migrate
from service.errors import StoreError, StoreUnavailableError, StoreUsageError
from service.fsio import create_file, ensure_dir, redact

STORE_ENV = "NEWSDIGEST_STORE"
DEFAULT_STORE = Path(".newsdigest") / "store.sqlite"
STORE_FORMAT = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS digests (
    content_hash TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_hash TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    engine_version TEXT NOT NULL DEFAULT '',
    article_id TEXT,
    source TEXT,
    title TEXT,
    requests INTEGER NOT NULL DEFAULT 0,
    prompt_tokens INTEGER NOT NULL DEFAULT 0,
    completion_tokens INTEGER NOT NULL DEFAULT 0,
    reasks INTEGER NOT NULL DEFAULT 0,
    retries INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL,
    created_at REAL NOT NULL,
    run_id TEXT,
    digest TEXT NOT NULL,
    PRIMARY KEY (content_hash, engine, model, prompt_hash, schema_version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failures (
    subject TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_hash TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    source TEXT,
    article_id TEXT,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    attempt_reasons TEXT NOT NULL DEFAULT '[]',
    runs_failed INTEGER NOT NULL DEFAULT 1,
    first_failed_at REAL NOT NULL,
    last_failed_at REAL NOT NULL,
    run_id TEXT,
    PRIMARY KEY (subject, engine, model, prompt_hash, schema_version)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    started_at REAL NOT NULL,
    finished_at REAL,
    status TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    paths TEXT NOT NULL DEFAULT '[]',
    summary TEXT
);
CREATE INDEX IF NOT EXISTS digests_created ON digests (created_at);
"""


def default_store_path() -> Path:
    """`$NEWSDIGEST_STORE` when set, else `.newsdigest/store.sqlite` under the working folder."""
    env = os.environ.get(STORE_ENV)
    return Path(env).expanduser() if env else DEFAULT_STORE


# --- keys and records ---------------------------------------------------------------------------


class DigestKey(NamedTuple):
    content_hash: str
    engine: str
    model: str
    prompt_hash: str
    schema_version: str


@dataclass(frozen=True)
class EngineIdentity:
    """What, besides the text, decides a digest: the cache key minus the content hash."""

    engine: str
    model: str = ""
    prompt_hash: str = ""
    schema_version: str = SCHEMA_VERSION
    engine_version: str = ""

    def key(self, content_hash: str) -> DigestKey:
        return DigestKey(
            content_hash, self.engine, self.model, self.prompt_hash, self.schema_version
        )

    def columns(self) -> tuple[str, str, str, str]:
        return (self.engine, self.model, self.prompt_hash, self.schema_version)


@dataclass
class FailureRecord:
    subject: str  # the content hash, or "file:" + path for input that could not be read
    engine: str
    model: str
    prompt_hash: str
    schema_version: str
    source: str | None
    article_id: str | None
    kind: str
    reason: str
    attempts: int
    attempt_reasons: list[str] = field(default_factory=list)
    runs_failed: int = 1
    first_failed_at: float = 0.0
    last_failed_at: float = 0.0
    run_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class DigestRow:
    content_hash: str
    engine: str
    model: str
    prompt_hash: str
    schema_version: str
    engine_version: str
    article_id: str | None
    source: str | None
    title: str | None
    requests: int
    prompt_tokens: int
    completion_tokens: int
    cost_usd: float | None
    created_at: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class PruneResult:
    digests: int = 0
    failures: int = 0
    runs: int = 0


# The key columns besides the content hash (or failure subject), in EngineIdentity.columns() order.
_IDENTITY_MATCH = "engine=? AND model=? AND prompt_hash=? AND schema_version=?"
_DIGEST_ROW_COLS = (
    "content_hash, engine, model, prompt_hash, schema_version, engine_version, article_id, source, "
    "title, requests, prompt_tokens, completion_tokens, cost_usd, created_at"
)
_FAILURE_COLS = (
    "subject, engine, model, prompt_hash, schema_version, source, article_id, kind, reason, "
    "attempts, attempt_reasons, runs_failed, first_failed_at, last_failed_at, run_id"
)


def _failure(row: tuple[Any, ...]) -> FailureRecord:
    rec = FailureRecord(*row)
    rec.attempt_reasons = json.loads(row[10]) if row[10] else []
    return rec


def _settle(db: sqlite3.Connection, attempts: int = 100) -> None:
    """WAL mode, the schema and its migrations. Switching the journal mode while another run opens
    the same store can answer "database is locked" at once, without waiting on the busy timeout,
    so the set-up is retried briefly before the store counts as unavailable."""
    for attempt in range(attempts):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            migrate(db)
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or attempt == attempts - 1:
                raise
            time.sleep(0.05)


class Store(RunBook):
    """One SQLite file, shared by the threads of a run through one connection and a lock.

    WAL journal with synchronous=NORMAL: a committed digest survives the process being killed;
    only a power cut can lose the last few commits (which a rerun then simply redoes). Runs and
    article claims (two runs sharing a store): service.batch.runlock.

    With `create=False` (what the read-only `store` commands use) a missing file raises
    StoreUnavailableError instead of creating folders and an empty database.
    """

    def __init__(self, path: str | Path | None = None, *, create: bool = True) -> None:
        self.path = Path(path).expanduser() if path is not None else default_store_path()
        self._lock = threading.RLock()
        if not create and not self.path.is_file():
            raise StoreUnavailableError(
                f"{self.path}: no results store here; check --store (or ${STORE_ENV})"
            )
        try:
            ensure_dir(self.path.parent)
            if not self.path.exists():
                with contextlib.suppress(FileExistsError):
                    os.close(create_file(self.path))
            self._db = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None, timeout=30.0
            )
            self._db.execute("PRAGMA busy_timeout=30000")
            _settle(self._db)
            found = self._db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
            if found is None:
                self._db.execute("INSERT OR IGNORE INTO meta VALUES ('format', ?)", (STORE_FORMAT,))
            elif found[0] != STORE_FORMAT:
                raise StoreError(
                    f"{self.path}: store format {found[0]} is not the supported {STORE_FORMAT}; "
                    "point --store at a new file or export and prune the old one"
                )
        except (sqlite3.DatabaseError, OSError) as e:
            raise StoreUnavailableError(
                f"{self.path}: cannot open the results store ({e}); check the path and its "
                "permissions, or pass --store with another file"
            ) from e

    # -- plumbing --

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (IMMEDIATE) so concurrent runs queue, not deadlock."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError as e:
                if "readonly" in str(e):
                    raise StoreUnavailableError(
                        f"{self.path}: the results store is read-only ({e}); make it writable "
                        "or pass --store with another file"
                    ) from e
                raise StoreError(f"{self.path}: write failed ({e})") from e

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as e:
                raise StoreError(f"{self.path}: read failed ({e})") from e

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- digests --

    def get_digest(self, key: DigestKey) -> ArticleDigest | None:
        """The stored digest for `key`, or None. A row that no longer validates against the current
        schema counts as absent (it is redone and overwritten), never as a crash."""
        rows = self._query(
            f"SELECT digest FROM digests WHERE content_hash=? AND {_IDENTITY_MATCH}",
            tuple(key),
        )
        if not rows:
            return None
        try:
            return ArticleDigest.model_validate_json(rows[0][0])
        except ValidationError:
            return None

    def has_digest(self, key: DigestKey) -> bool:
        return bool(
            self._query(
                f"SELECT 1 FROM digests WHERE content_hash=? AND {_IDENTITY_MATCH}",
                tuple(key),
            )
        )

    def put_digest(
        self,
        key: DigestKey,
        digest: ArticleDigest,
        *,
        engine_version: str = "",
        run_id: str | None = None,
    ) -> None:
        """Store one digest and clear any failure recorded for the same article, atomically."""
        u = digest.provenance.usage
        a = digest.article
        blob = digest.model_dump_json()
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO digests VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    *key,
                    engine_version or digest.provenance.engine_version,
                    a.id,
                    a.source,
                    a.title,
                    u.requests if u else 0,
                    u.prompt_tokens if u else 0,
                    u.completion_tokens if u else 0,
                    u.reasks if u else 0,
                    u.retries if u else 0,
                    u.cost_usd if u else None,
                    time.time(),
                    run_id,
                    blob,
                ),
            )
            db.execute(
                f"DELETE FROM failures WHERE subject=? AND {_IDENTITY_MATCH}",
                tuple(key),
            )

    def count_digests(self) -> int:
        return int(self._query("SELECT count(*) FROM digests")[0][0])

    def list_digests(
        self, *, engine: str | None = None, model: str | None = None, limit: int | None = None
    ) -> list[DigestRow]:
        where, params = _filters(engine=engine, model=model)
        sql = f"SELECT {_DIGEST_ROW_COLS} FROM digests{where} ORDER BY created_at"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [DigestRow(*r) for r in self._query(sql, params)]

    def iter_digests(
        self, *, engine: str | None = None, model: str | None = None
    ) -> Iterator[ArticleDigest]:
        """Every stored digest (oldest first), parsed; rows that no longer validate are skipped."""
        where, params = _filters(engine=engine, model=model)
        for (blob,) in self._query(
            f"SELECT digest FROM digests{where} ORDER BY created_at", params
        ):
            with contextlib.suppress(ValidationError):
                yield ArticleDigest.model_validate_json(blob)

    # -- failures --

    def record_failure(
        self,
        subject: str,
        identity: EngineIdentity,
        *,
        kind: str,
        reason: str,
        source: str | None = None,
        article_id: str | None = None,
        attempts: int = 1,
        attempt_reasons: list[str] | None = None,
        run_id: str | None = None,
    ) -> FailureRecord:
        """Record (or update) why an article failed for good; keeps a count of runs it failed in."""
        now = time.time()
        reasons = [redact(r) for r in attempt_reasons or []]
        with self._tx() as db:
            db.execute(
                f"INSERT INTO failures ({_FAILURE_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,1,?,?,?) "
                "ON CONFLICT DO UPDATE SET source=excluded.source, article_id=excluded.article_id, "
                "kind=excluded.kind, reason=excluded.reason, attempts=excluded.attempts, "
                "attempt_reasons=excluded.attempt_reasons, runs_failed=runs_failed+1, "
                "last_failed_at=excluded.last_failed_at, run_id=excluded.run_id",
                (
                    subject,
                    *identity.columns(),
                    source,
                    article_id,
                    kind,
                    redact(reason),
                    attempts,
                    json.dumps(reasons),
                    now,
                    now,
                    run_id,
                ),
            )
        rec = self.get_failure(subject, identity)
        assert rec is not None
        return rec

    def get_failure(self, subject: str, identity: EngineIdentity) -> FailureRecord | None:
        rows = self._query(
            f"SELECT {_FAILURE_COLS} FROM failures WHERE subject=? AND {_IDENTITY_MATCH}",
            (subject, *identity.columns()),
        )
        return _failure(rows[0]) if rows else None

    def clear_failure(self, subject: str, identity: EngineIdentity) -> None:
        with self._tx() as db:
            db.execute(
                f"DELETE FROM failures WHERE subject=? AND {_IDENTITY_MATCH}",
                (subject, *identity.columns()),
            )

    def list_failures(
        self, *, engine: str | None = None, model: str | None = None
    ) -> list[FailureRecord]:
        where, params = _filters(engine=engine, model=model)
        rows = self._query(
            f"SELECT {_FAILURE_COLS} FROM failures{where} ORDER BY last_failed_at", params
        )
        return [_failure(r) for r in rows]

    # -- maintenance --

    def stats(self) -> dict[str, Any]:
        q = self._query
        by_engine = q(
            "SELECT engine, model, count(*), sum(prompt_tokens), sum(completion_tokens), "
            "sum(cost_usd) FROM digests GROUP BY engine, model ORDER BY engine, model"
        )
        return {
            "path": str(self.path),
            "digests": int(q("SELECT count(*) FROM digests")[0][0]),
            "failures": int(q("SELECT count(*) FROM failures")[0][0]),
            "runs": int(q("SELECT count(*) FROM runs")[0][0]),
            "by_engine": [
                {
                    "engine": e,
                    "model": m,
                    "digests": n,
                    "prompt_tokens": pt or 0,
                    "completion_tokens": ct or 0,
                    "cost_usd": c,
                }
                for e, m, n, pt, ct, c in by_engine
            ],
        }

    def prune(
        self,
        *,
        older_than_days: float | None = None,
        engine: str | None = None,
        model: str | None = None,
        stale: bool = False,
        failures_only: bool = False,
        everything: bool = False,
        dry_run: bool = False,
    ) -> PruneResult:
        """Delete digests and failures matching every given filter; `stale` selects rows written
        under another schema version than this program's. Refuses to delete all without `everything`."""
        if not (
            everything or older_than_days is not None or engine or model or stale or failures_only
        ):
            raise StoreUsageError(
                "prune needs a filter (--older-than, --engine, --model, --stale, --failures) "
                "or --all to empty the store"
            )
        clauses: list[str] = []
        params: list[Any] = []
        if engine:
            clauses.append("engine=?")
            params.append(engine)
        if model is not None:
            clauses.append("model=?")
            params.append(model)
        if stale:
            clauses.append("schema_version<>?")
            params.append(SCHEMA_VERSION)
        result = PruneResult()
        tables = (
            [("failures", "last_failed_at")]
            if failures_only
            else [
                ("digests", "created_at"),
                ("failures", "last_failed_at"),
            ]
        )
        with self._tx() as db:
            for table, when in tables:
                cl, pr = list(clauses), list(params)
                if older_than_days is not None:
                    cl.append(f"{when}<?")
                    pr.append(time.time() - older_than_days * 86400)
                where = (" WHERE " + " AND ".join(cl)) if cl else ""
                n = db.execute(f"SELECT count(*) FROM {table}{where}", pr).fetchone()[0]
                if not dry_run:
                    db.execute(f"DELETE FROM {table}{where}", pr)
                setattr(result, table, int(n))
            if everything and not failures_only and not clauses and older_than_days is None:
                result.runs = db.execute("SELECT count(*) FROM runs").fetchone()[0]
                if not dry_run:
                    db.execute("DELETE FROM runs")
        return result

    # -- export --

    def export(
        self,
        out: IO[str] | None = None,
        *,
        fmt: str = "jsonl",
        what: str = "digests",
        engine: str | None = None,
        model: str | None = None,
    ) -> int:
        """Write digests (or failures, or runs) as JSON Lines or one JSON array; returns the count."""
        if fmt not in ("json", "jsonl"):
            raise StoreError(f"cannot export as {fmt!r}: choose json or jsonl")
        stream = out or sys.stdout
        items: Iterator[dict[str, Any]]
        if what == "digests":
            items = (
                d.model_dump(mode="json") for d in self.iter_digests(engine=engine, model=model)
            )
        elif what == "failures":
            items = (f.to_dict() for f in self.list_failures(engine=engine, model=model))
        elif what == "runs":
            items = iter(self.list_runs())
        else:
            raise StoreError(f"cannot export {what!r}: choose digests, failures or runs")
        n = 0
        if fmt == "jsonl":
            for item in items:
                stream.write(json.dumps(item, ensure_ascii=False) + "\n")
                n += 1
        else:
            stream.write("[")
            for item in items:
                stream.write(("," if n else "") + "\n" + json.dumps(item, ensure_ascii=False))
                n += 1
            stream.write("\n]\n")
        return n


def _filters(**kw: str | None) -> tuple[str, tuple[Any, ...]]:
    clauses = [f"{k}=?" for k, v in kw.items() if v is not None]
    params = tuple(v for v in kw.values() if v is not None)
    return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params
