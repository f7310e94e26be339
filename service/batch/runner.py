"""Batch runs over folders: bounded concurrency, resumable through the results store, failures kept
as data, cost/token budgets, and one clear outcome for every file and article."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from schemas import Article, ArticleDigest
from service.batch.budget import Budget, prepare_engine
from service.batch.finish import finish_run
from service.batch.identity import engine_identity
from service.batch.outcome import (
    BatchResult,
    Outcome,
    Status,
)
from service.batch.output import write_failure, write_output
from service.batch.progress import Progress
from service.batch.runlock import HEARTBEAT_S, await_claim
from service.batch.store import Store
from service.cli import render
from service.engines import Engine
from service.errors import (
    BudgetExceededError,
    ConfigError,
    InputError,
    NewsDigestError,
    OutputValidationError,
    RetriesExhaustedError,
    StoreError,
)
from service.fsio import ensure_dir, remove_stale_temps
from service.safe_paths import IdRegistry, OutputNamer

STORY_NAME = "stories"  # the folder of story files (service.merge.output)
_RESERVED = {STORY_NAME, "failures"}


@dataclass
class _Job:
    article: Article
    source: str
    output: Path | None
    reserved: tuple[int, float]
    started: float = 0.0
    index: int = -1


def _source_of(article: Article, fallback: str) -> str:
    return article.source or fallback


def _with_meta(digest: ArticleDigest, article: Article) -> ArticleDigest:
    """The digest under this run's article metadata (its source path and id), keeping the text
    fingerprint the digest already carries when the article has none (the merger needs it)."""
    meta = article.meta()
    meta.fingerprint = meta.fingerprint or digest.article.fingerprint
    return digest.model_copy(update={"article": meta})


class _Runner:
    def __init__(
        self,
        engine: Engine,
        store: Store,
        *,
        concurrency: int,
        out_dir: Path | None,
        fmt: str,
        merge: bool,
        max_cost: float | None,
        max_tokens: int | None,
        retry_failed: bool,
        progress: Callable[[Progress], None] | None,
        digest: Callable[[Article], ArticleDigest] | None = None,
        follow_links: bool = False,
    ) -> None:
        if concurrency < 1:
            raise ValueError("concurrency must be at least 1")
        if fmt not in render.SUFFIX:
            raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(render.SUFFIX)}")
        self.engine, self.store = engine, store
        # where engine.digest runs (service.batch.executors); the store is written here either way
        self._digest = digest or engine.digest
        self.identity = engine_identity(engine)
        self.concurrency = concurrency
        self.out_dir, self.fmt, self.merge = out_dir, fmt, merge
        self.retry_failed = retry_failed
        self.progress = progress
        self.budget = Budget(max_cost, max_tokens, bool(self.identity.model))
        self.result = BatchResult()
        self.keep_digests = merge or out_dir is None
        self._digest_slots: list[ArticleDigest | None] = []
        self._slot_of: dict[str, int] = {}
        self._seen: dict[str, str] = {}  # content hash -> label of its first article
        self.follow_links = follow_links
        self.namer = (
            OutputNamer(out_dir, render.SUFFIX[fmt], reserved=_RESERVED)
            if out_dir is not None
            else None
        )
        self.ids = IdRegistry()
        self._stop = threading.Event()  # set on interrupt: workers waiting on a claim give up
        self._failed_subjects: set[str] = set()
        self._in_flight: dict[Future[tuple[Outcome, ArticleDigest | None]], _Job] = {}
        self._total = 0
        self._prepared = False
        self._next_index = 0
        self._t0 = time.monotonic()
        self._since = time.time()  # failures another run records after this are not redone

    # -- the run --

    def run(self, sources: Iterable[str | Path | Article]) -> BatchResult:
        from service.ingest import files as ingest

        items = list(sources)
        labels = [str(s.source or s.id) if isinstance(s, Article) else str(s) for s in items]
        self.result.run_id = self.store.start_run(self.identity, labels)
        self._failed_subjects = {
            f.subject
            for f in self.store.list_failures(
                engine=self.identity.engine, model=self.identity.model
            )
            if (f.prompt_hash, f.schema_version)
            == (self.identity.prompt_hash, self.identity.schema_version)
        }
        if self.out_dir is not None:
            ensure_dir(self.out_dir)
            remove_stale_temps(self.out_dir)
        status = "error"
        pool = ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="digest")
        beat = threading.Thread(target=self._heartbeat, name="run-heartbeat", daemon=True)
        beat.start()
        try:
            try:
                files = self._expand(items, ingest)
                if self.namer is not None:
                    for kind, item in files:
                        if kind == "file":
                            self.namer.add_input(item)
                self._total = len(files)
                for kind, item in files:
                    if kind == "article":
                        assert isinstance(item, Article)
                        self._consider(item, _source_of(item, item.id), pool)
                    else:
                        self._load_and_consider(Path(item), ingest, pool)
                self._drain(block_all=True)
            except KeyboardInterrupt:
                self.result.stopped = "interrupted"
                self._stop.set()
                pool.shutdown(wait=True, cancel_futures=True)
                self._drain(block_all=True)
            # the run is finished only once its story and failures file are written
            self._finish()
            status = self.result.stopped or "finished"
        finally:
            self._stop.set()
            beat.join()
            pool.shutdown(wait=True, cancel_futures=True)
            self.result.elapsed = time.monotonic() - self._t0
            with contextlib.suppress(StoreError):
                self.store.finish_run(self.result.run_id, status, self.result.counts())
        return self.result

    def _heartbeat(self) -> None:
        """Tell other runs on this store that this one is alive (service.batch.runlock)."""
        while not self._stop.wait(HEARTBEAT_S):
            with contextlib.suppress(StoreError):
                self.store.heartbeat(self.result.run_id or "")

    def _expand(self, items: list[str | Path | Article], ingest: Any) -> list[tuple[str, Any]]:
        """Files and Article objects in order; a path that cannot be walked is a failed outcome."""
        out: list[tuple[str, Any]] = []
        bad: list[InputError] = []
        for item in items:
            if isinstance(item, Article):
                out.append(("article", item))
                continue
            out.extend(
                ("file", p)
                for p in ingest.iter_sources(
                    [item],
                    on_error=bad.append,
                    on_skip=self._skipped_file,
                    follow_links=self.follow_links,
                )
            )
        for e in bad:
            self._input_failure(str(e.path), e)
        return out

    def _skipped_file(self, path: Path, reason: str) -> None:
        self._record(Outcome(str(path), Status.skipped, reason=reason))

    def _load_and_consider(self, path: Path, ingest: Any, pool: ThreadPoolExecutor) -> None:
        bad: list[InputError] = []
        try:
            if str(path) == "-":
                articles = ingest.read_stdin(on_error=bad.append)
            else:
                articles = ingest.load_articles(path, on_error=bad.append)
        except InputError as e:
            self._input_failure(str(path), e)
            return
        except Exception as e:  # a bug in a parser must not end an overnight run
            self._input_failure(str(path), e, kind=f"internal:{type(e).__name__}")
            return
        for err in bad:  # bad records inside a JSON list or JSON Lines file; the others go on
            self._input_failure(str(err.path or path), err)
        subject = f"file:{path}"
        if not bad and subject in self._failed_subjects:
            self.store.clear_failure(subject, self.identity)
            self._failed_subjects.discard(subject)
        self._total += len(articles) + len(bad) - 1
        for article in articles:
            if article.source is None:
                article = article.model_copy(update={"source": str(path)})
            self._consider(article, str(path), pool)

    def _consider(self, article: Article, source: str, pool: ThreadPoolExecutor) -> None:
        h = article.content_hash
        label = source if Path(source).stem == article.id else f"{source}#{article.id}"
        first = self._seen.get(h)
        if first is not None:
            self._record(
                Outcome(
                    source,
                    Status.duplicate,
                    article.id,
                    h,
                    reason=f"same text as {first}",
                    duplicate_of=first,
                )
            )
            return
        self._seen[h] = label
        unique = self.ids.unique(article.id, h)
        if unique != article.id:  # a/index.html and b/index.html: the merger needs distinct ids
            article = article.model_copy(update={"id": unique})
        output = self._output_path(article)
        key = self.identity.key(h)
        cached = self.store.get_digest(key)
        if cached is not None:
            digest = _with_meta(cached, article)
            self._keep(h, digest)
            problem = self._write_output(output, digest, only_if_changed=True)
            if problem is not None:
                self._record(write_failure(source, article, problem))
                return
            self._record(Outcome(source, Status.cached, article.id, h, output=_s(output)))
            return
        previously = h in self._failed_subjects
        if self.retry_failed and not previously:
            self._record(
                Outcome(
                    source,
                    Status.skipped,
                    article.id,
                    h,
                    reason="not a recorded failure (retry_failed)",
                )
            )
            return
        if previously and not self.retry_failed:
            rec = self.store.get_failure(h, self.identity)
            if rec is not None:
                self._record(Outcome.from_failure(source, article.id, rec, previously_failed=True))
                return
        if self._skipped_when_stopped(article, source):
            return
        self._keep(h, None)
        # Bounded in flight: wait for a slot (one while a budget is still calibrating).
        while self._in_flight and (
            len(self._in_flight) >= self.concurrency or self.budget.calibrating
        ):
            self._drain(block_all=False)
        if self._skipped_when_stopped(article, source):
            return
        if not self._prepared:  # configuration errors end the run before its first article
            self._prepared = True
            prepare_engine(self.engine, self.budget)
        reserved = self.budget.admit(article)
        while reserved is None and self._in_flight:
            # In-flight articles hold estimates their real usage may undercut: the run stops for
            # its budget only when an article does not fit with nothing left in flight, so where
            # it stops does not depend on which thread finished first.
            self._drain(block_all=False)
            if self._skipped_when_stopped(article, source):
                return
            reserved = self.budget.admit(article)
        if reserved is None:
            self.result.stopped = "budget"
            self._skipped_when_stopped(article, source)
            return
        job = _Job(article, source, output, reserved, time.monotonic(), self._alloc())
        self._in_flight[pool.submit(self._digest_one, job)] = job
        self._emit(None)

    def _skipped_when_stopped(self, article: Article, source: str) -> bool:
        if not self.result.stopped:
            return False
        reason = f"stopped: {self.result.stopped}"
        self._record(
            Outcome(source, Status.skipped, article.id, article.content_hash, reason=reason)
        )
        return True

    def _drain(self, *, block_all: bool) -> None:
        while self._in_flight:
            # Futures cancelled by an interrupt's pool shutdown never count as done for wait(),
            # which would then block forever: each is an article skipped, settled here.
            cancelled = [f for f in self._in_flight if f.cancelled()]
            pending = [f for f in self._in_flight if not f.cancelled()]
            done = set(cancelled)
            if pending:
                done |= wait(pending, return_when=FIRST_COMPLETED)[0]
            for fut in done:
                job = self._in_flight.pop(fut)
                if fut.cancelled():
                    a = job.article
                    reason = f"stopped: {self.result.stopped or 'interrupted'}"
                    outcome = Outcome(
                        job.source, Status.skipped, a.id, a.content_hash, reason=reason
                    )
                    digest = None
                else:
                    # A StoreError propagates from here: a run that cannot save must stop.
                    outcome, digest = fut.result()
                if digest is not None:
                    self._keep(outcome.content_hash or "", digest)
                self.budget.settle(job.reserved, outcome.usage, job.article.length)
                if outcome.usage is not None:
                    self.result.usage = self.result.usage + outcome.usage
                if outcome.kind == BudgetExceededError.__name__:
                    self.result.stopped = "budget"
                outcome.index = job.index
                self._record(outcome)
            if not block_all:
                return

    # -- in a worker thread --

    def _digest_one(self, job: _Job) -> tuple[Outcome, ArticleDigest | None]:
        key = self.identity.key(job.article.content_hash)
        run_id = self.result.run_id or ""
        try:
            waited = self._wait_for_claim(job, key, run_id)
            return waited if waited is not None else self._digest_claimed(job)
        finally:
            with contextlib.suppress(StoreError):
                self.store.release(key, run_id)

    def _wait_for_claim(
        self, job: _Job, key: Any, run_id: str
    ) -> tuple[Outcome, ArticleDigest | None] | None:
        """Claim the article; while another live run holds it, take its digest (or failure) when
        it comes rather than digesting (and paying for) it twice. None: this run digests it."""
        a, h = job.article, job.article.content_hash
        got = await_claim(self.store, key, run_id, self._stop, self.identity, self._since)
        if got is None:
            return None
        what, holder, found = got
        if what == "stopped":
            return Outcome(job.source, Status.skipped, a.id, h, reason="stopped: interrupted"), None
        if what == "failure":
            return Outcome.from_failure(job.source, a.id, found), None
        digest = _with_meta(found, a)
        problem = self._write_output(job.output, digest, only_if_changed=True)
        if problem is not None:
            return write_failure(job.source, a, problem), digest
        reason = f"digested by run {holder}" if holder else "digested by another run"
        return Outcome(
            job.source, Status.cached, a.id, h, reason=reason, output=_s(job.output)
        ), digest

    def _digest_claimed(self, job: _Job) -> tuple[Outcome, ArticleDigest | None]:
        a, h = job.article, job.article.content_hash
        try:
            digest = self._digest(a)
        except ConfigError:
            raise  # a configuration error is no article's failure: the run stops (exit 2)
        except BudgetExceededError as e:
            return Outcome(
                job.source,
                Status.skipped,
                a.id,
                h,
                reason=f"stopped: budget ({e})",
                kind=type(e).__name__,
                usage=getattr(e, "usage", None),
            ), None
        except Exception as e:
            kind = (
                type(e).__name__
                if isinstance(e, NewsDigestError)
                else f"internal:{type(e).__name__}"
            )
            cause = e.cause if hasattr(e, "cause") and isinstance(e.cause, BaseException) else e
            reasons = (
                list(getattr(cause, "attempts", []) or [])
                if isinstance(cause, RetriesExhaustedError)
                else []
            )
            attempts = (
                len(reasons)
                if reasons
                else (cause.attempts if isinstance(cause, OutputValidationError) else 1)
            )
            rec = self.store.record_failure(
                h,
                self.identity,
                kind=type(cause).__name__ if cause is not e else kind,
                reason=str(e),
                source=job.source,
                article_id=a.id,
                attempts=attempts,
                attempt_reasons=[str(r) for r in reasons],
                run_id=self.result.run_id,
            )
            return Outcome(
                job.source,
                Status.failed,
                a.id,
                h,
                reason=rec.reason,
                kind=rec.kind,
                attempts=attempts,
                attempt_reasons=rec.attempt_reasons,
                usage=getattr(e, "usage", None),
                seconds=time.monotonic() - job.started,
            ), None
        if digest.article.content_hash != h or digest.article.source is None:
            digest = _with_meta(digest, a)
        self.store.put_digest(
            self.identity.key(h),
            digest,
            engine_version=self.identity.engine_version,
            run_id=self.result.run_id,
        )
        problem = self._write_output(job.output, digest)
        if problem is not None:
            return write_failure(job.source, a, problem), digest
        return Outcome(
            job.source,
            Status.succeeded,
            a.id,
            h,
            output=_s(job.output),
            usage=digest.provenance.usage,
            seconds=time.monotonic() - job.started,
        ), digest

    # -- bookkeeping --

    def _keep(self, h: str, digest: ArticleDigest | None) -> None:
        if not self.keep_digests:
            return
        if h not in self._slot_of:
            self._slot_of[h] = len(self._digest_slots)
            self._digest_slots.append(digest)
        elif digest is not None:
            self._digest_slots[self._slot_of[h]] = digest

    def _output_path(self, article: Article) -> Path | None:
        if self.namer is None:
            return None
        return self.namer.path_for(article.id, article.content_hash)

    def _write_output(
        self, path: Path | None, digest: ArticleDigest, *, only_if_changed: bool = False
    ) -> str | None:
        return write_output(
            path, lambda: render.render(digest, self.fmt), only_if_changed=only_if_changed
        )

    def _input_failure(self, source: str, e: BaseException, *, kind: str | None = None) -> None:
        kind = kind or type(e).__name__
        reason = str(e) if isinstance(e, NewsDigestError) else f"{source}: {type(e).__name__}: {e}"
        rec = self.store.record_failure(
            f"file:{source}",
            self.identity,
            kind=kind,
            reason=reason,
            source=source,
            run_id=self.result.run_id,
        )
        self._record(Outcome(source, Status.failed, reason=rec.reason, kind=kind, attempts=1))

    def _alloc(self) -> int:
        self._next_index += 1
        return self._next_index - 1

    def _record(self, outcome: Outcome) -> None:
        if outcome.index < 0:
            outcome.index = self._alloc()
        self.result.outcomes.append(outcome)
        self._emit(outcome)

    def _emit(self, last: Outcome | None) -> None:
        if self.progress is None:
            return
        self.progress(
            Progress.of(
                self.result,
                total=self._total,
                in_flight=len(self._in_flight),
                elapsed=time.monotonic() - self._t0,
                last=last,
            )
        )

    def _finish(self) -> None:
        r = self.result
        r.outcomes.sort(key=lambda o: o.index)
        r.digests = [d for d in self._digest_slots if d is not None]
        finish_run(r, self.engine, self.store, merge=self.merge, out_dir=self.out_dir, fmt=self.fmt)


def _s(p: Path | None) -> str | None:
    return str(p) if p is not None else None


def run_batch(
    paths: Iterable[str | Path | Article] | str | Path,
    *,
    engine: Engine | str = "auto",
    store: Store | str | Path | None = None,
    concurrency: int = 4,
    out_dir: str | Path | None = None,
    fmt: str = "json",
    merge: bool = True,
    max_cost: float | None = None,
    max_tokens: int | None = None,
    retry_failed: bool = False,
    progress: Callable[[Progress], None] | None = None,
    workers: int | None = None,
    executor: Any = None,
    scheduler: Any = None,
    follow_links: bool = False,
) -> BatchResult:
    """Digest every article under `paths` with at most `concurrency` in flight, reusing and filling
    the results store. Never raises for a bad article: every one ends in `result.outcomes`.

    `store` is a Store, a path, or None for the default (`$NEWSDIGEST_STORE` or
    `.newsdigest/store.sqlite`). With `out_dir`, writes one file per article, `stories/<id>` files and
    `failures.jsonl`. Articles that failed in an earlier run are reported, not retried, unless
    `retry_failed`, which runs only those. Symbolic links leading out of a given folder are not
    followed unless `follow_links`. Runs sharing one store digest each article once
    (service.batch.runlock).

    The offline engine digests in `workers` processes (default: this machine's cores);
    `executor="dask"` with a `scheduler` address runs the digests on a Dask cluster. Either way
    this process alone writes the store, the output files and the stories (service.batch.executors).
    """
    if isinstance(paths, str | Path | Article):
        paths = [paths]
    if isinstance(engine, str):
        from service.api import resolve_engine

        engine = resolve_engine(engine)
    from service.batch.executors import open_executor, submitting

    # opened before the runner's threads start (a forked worker must not inherit a held lock)
    ex = open_executor(engine, executor=executor, workers=workers, scheduler=scheduler)
    own_store = not isinstance(store, Store)
    try:
        st = store if isinstance(store, Store) else Store(store)
    except BaseException:
        ex.close()
        raise
    try:
        runner = _Runner(
            engine,
            st,
            concurrency=ex.in_flight(concurrency),
            out_dir=Path(out_dir) if out_dir is not None else None,
            fmt=fmt,
            merge=merge,
            max_cost=max_cost,
            max_tokens=max_tokens,
            retry_failed=retry_failed,
            progress=progress,
            digest=submitting(ex),
            follow_links=follow_links,
        )
        return runner.run(paths)
    finally:
        if ex is not executor:
            ex.close()
        if own_store:
            st.close()
