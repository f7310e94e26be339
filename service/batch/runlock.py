"""Runs and claims in the results store: which runs are alive, and which run digests which article.

* Each run row records its process id, host and a heartbeat the runner refreshes every
  HEARTBEAT_S seconds. A run still marked "running" is *dead* when its process is gone (same
  host) or its heartbeat is older than STALE_S (any host); dead runs are marked "killed" the next
  time a run starts or runs are listed, and their claims are dropped.
* Before digesting an article a run *claims* it: one row per digest key naming the run. A second
  run that finds a live claim waits for the digest (or failure) to appear instead of paying for
  the same article again; a dead run's claim is taken over.

The methods here are mixed into `service.batch.store.Store` (they use its `_tx` and `_query`).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import threading
import time
import uuid
from typing import TYPE_CHECKING, Any

from service.errors import StoreError
from service.fsio import pid_alive

if TYPE_CHECKING:
    from service.batch.store import DigestKey, EngineIdentity

HEARTBEAT_S = 15.0
POLL_S = 0.2  # how often a run waiting on another's claim looks again
STALE_S = 120.0
HOST = socket.gethostname()

RUNLOCK_SCHEMA = """
CREATE TABLE IF NOT EXISTS claims (
    content_hash TEXT NOT NULL,
    engine TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_hash TEXT NOT NULL,
    schema_version TEXT NOT NULL,
    run_id TEXT NOT NULL,
    claimed_at REAL NOT NULL,
    PRIMARY KEY (content_hash, engine, model, prompt_hash, schema_version)
) WITHOUT ROWID;
"""
_RUN_COLUMNS = (("pid", "INTEGER"), ("host", "TEXT"), ("heartbeat", "REAL"))
_KEY_MATCH = "content_hash=? AND engine=? AND model=? AND prompt_hash=? AND schema_version=?"


def migrate(db: sqlite3.Connection) -> None:
    """Add the claims table and the runs' liveness columns to a store made by an older version."""
    db.executescript(RUNLOCK_SCHEMA)
    have = {row[1] for row in db.execute("PRAGMA table_info(runs)")}
    for name, kind in _RUN_COLUMNS:
        if name not in have:
            with contextlib.suppress(sqlite3.OperationalError):  # a concurrent opener added it
                db.execute(f"ALTER TABLE runs ADD COLUMN {name} {kind}")


class RunBook:
    """Run rows and article claims (mixed into Store)."""

    if TYPE_CHECKING:

        def _tx(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...

        def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...

    # -- runs --

    def start_run(self, identity: EngineIdentity, paths: list[str]) -> str:
        self.reap_dead_runs()
        run_id = time.strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]
        now = time.time()
        with self._tx() as db:
            db.execute(
                "INSERT INTO runs (id, started_at, status, engine, model, paths, pid, host, "
                "heartbeat) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    run_id,
                    now,
                    "running",
                    identity.engine,
                    identity.model,
                    json.dumps(paths),
                    os.getpid(),
                    HOST,
                    now,
                ),
            )
        return run_id

    def heartbeat(self, run_id: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE runs SET heartbeat=? WHERE id=?", (time.time(), run_id))

    def finish_run(self, run_id: str, status: str, summary: dict[str, Any]) -> None:
        with self._tx() as db:
            db.execute(
                "UPDATE runs SET finished_at=?, status=?, summary=? WHERE id=?",
                (time.time(), status, json.dumps(summary), run_id),
            )
            db.execute("DELETE FROM claims WHERE run_id=?", (run_id,))

    def _dead(self, pid: int | None, host: str | None, beat: float | None) -> bool:
        if host == HOST and pid is not None and not pid_alive(int(pid)):
            return True
        return beat is None or beat < time.time() - STALE_S

    def reap_dead_runs(self) -> list[str]:
        """Mark runs whose process died (kill -9, power cut) as "killed"; returns their ids."""
        rows = self._query("SELECT id, pid, host, heartbeat FROM runs WHERE status='running'")
        dead = [r[0] for r in rows if self._dead(r[1], r[2], r[3])]
        if dead:
            with self._tx() as db:
                for run_id in dead:
                    db.execute(
                        "UPDATE runs SET status='killed', finished_at=coalesce(heartbeat, "
                        "started_at) WHERE id=? AND status='running'",
                        (run_id,),
                    )
                    db.execute("DELETE FROM claims WHERE run_id=?", (run_id,))
        return dead

    def list_runs(self, limit: int | None = None) -> list[dict[str, Any]]:
        with contextlib.suppress(StoreError):  # listing must work on a read-only store too
            self.reap_dead_runs()
        sql = (
            "SELECT id, started_at, finished_at, status, engine, model, paths, summary, pid, host "
            "FROM runs ORDER BY started_at DESC"
        )
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [
            {
                "id": r[0],
                "started_at": r[1],
                "finished_at": r[2],
                "status": r[3],
                "engine": r[4],
                "model": r[5],
                "paths": json.loads(r[6]),
                "summary": json.loads(r[7]) if r[7] else None,
                "pid": r[8],
                "host": r[9],
            }
            for r in self._query(sql)
        ]

    # -- claims --

    def claim(self, key: DigestKey, run_id: str) -> str | None:
        """Claim `key` for `run_id`: None when this run now holds it, else the live run holding it.
        A claim held by a finished or dead run is taken over."""
        with self._tx() as db:
            row = db.execute(f"SELECT run_id FROM claims WHERE {_KEY_MATCH}", tuple(key)).fetchone()
            if row is not None and row[0] != run_id:
                run = db.execute(
                    "SELECT status, pid, host, heartbeat FROM runs WHERE id=?", (row[0],)
                ).fetchone()
                if run is not None and run[0] == "running" and not self._dead(*run[1:]):
                    return str(row[0])
            db.execute(
                "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?)",
                (*key, run_id, time.time()),
            )
        return None

    def release(self, key: DigestKey, run_id: str) -> None:
        with self._tx() as db:
            db.execute(f"DELETE FROM claims WHERE {_KEY_MATCH} AND run_id=?", (*key, run_id))


def await_claim(
    store: Any,
    key: DigestKey,
    run_id: str,
    stop: threading.Event,
    identity: EngineIdentity,
    since: float,
) -> tuple[str, str, Any] | None:
    """Claim `key` for `run_id`, waiting while another live run holds it. None: this run now holds
    the claim and digests the article. Else (what, by, found): ("digest", run, ArticleDigest) when
    another run stored the digest, ("failure", run, FailureRecord) when another run recorded a
    failure after `since` (this run's start), ("stopped", run, None) when `stop` was set."""
    holder = store.claim(key, run_id)
    while holder is not None:
        if stop.wait(POLL_S):
            return "stopped", holder, None
        holder = store.claim(key, run_id)
    # claimed; but another run may have finished the article between our cache look and the claim
    digest = store.get_digest(key)
    if digest is not None:
        return "digest", "", digest
    rec = store.get_failure(key.content_hash, identity)
    if rec is not None and rec.run_id not in (None, run_id) and rec.last_failed_at >= since:
        return "failure", str(rec.run_id), rec
    return None
