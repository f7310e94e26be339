"""Where the digest stage runs: in the calling thread, in a pool of local processes (so a CPU-bound
engine uses every core), or on a Dask cluster (`dask.distributed`, the `dask` extra).

Only `engine.digest(article)` moves. Reading files, the results store (one writer, in this
process), output files and the story merge stay where they were, so every executor gives the same
digests, the same store rows and the same story.

An engine runs in processes or on a cluster when a worker can build its own copy: the offline
rules engine can; an engine with a `spec()` method returning an EngineSpec can. Model-backed
engines spend their time waiting on the network, so they stay in threads (the batch runner's
concurrency) unless they declare a spec.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from service.batch.options import EXECUTORS, SCHEDULER_ENV, quiet_gc
from service.errors import ConfigError, MissingExtraError, NewsDigestError

if TYPE_CHECKING:
    from schemas import Article, ArticleDigest
    from service.engines import Engine

MAX_IN_FLIGHT = 256
CONNECT_TIMEOUT_S = 20.0  # how long to wait for a scheduler before saying it cannot be reached


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class EngineSpec:
    """How a worker builds its own engine: a registry name and options (hashable, picklable).
    `target` ("package.module:Class") names the class itself, for an engine registered at run
    time, which a fresh worker process would not know by name."""

    name: str
    options: tuple[tuple[str, Any], ...] = field(default=())
    target: str | None = None

    def build(self) -> Engine:
        from service.engines import get_engine

        if self.target is None:
            return get_engine(self.name, **dict(self.options))
        module_name, _, cls_name = self.target.partition(":")
        cls = getattr(importlib.import_module(module_name), cls_name)
        engine: Engine = cls(**dict(self.options))
        return engine


def engine_spec(engine: Engine) -> EngineSpec | None:
    """The spec a worker can rebuild `engine` from, or None when it must stay in this process."""
    spec = getattr(engine, "spec", None)
    if callable(spec):
        got = spec()
        return got if isinstance(got, EngineSpec) else None
    rules = sys.modules.get("service.engines.rules")
    if rules is not None and type(engine) is rules.RulesEngine:
        return EngineSpec("rules")
    return None


class RemoteFailure(NewsDigestError):
    """An error raised in a worker that could not travel back as itself (not picklable)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(f"{kind}: {message}")
        self.kind, self.message = kind, message

    def __reduce__(self) -> tuple[Any, ...]:
        return (RemoteFailure, (self.kind, self.message))


# -- in a worker process --

_WORKER_ENGINES: dict[EngineSpec, Engine] = {}


def _engine_for(spec: EngineSpec) -> Engine:
    engine = _WORKER_ENGINES.get(spec)
    if engine is None:
        engine = _WORKER_ENGINES[spec] = spec.build()
    return engine


def _portable(e: Exception) -> Exception:
    import pickle  # here: only workers need it, and the CLI imports this module to parse options

    try:
        pickle.loads(pickle.dumps(e))
    except Exception:
        return RemoteFailure(type(e).__name__, str(e))
    return e


def remote_digest(spec: EngineSpec, article: Article) -> ArticleDigest:
    """Digest one article with this worker's engine (built once per worker and spec)."""
    try:
        return _engine_for(spec).digest(article)
    except Exception as e:
        portable = _portable(e)
        if portable is e:
            raise
        raise portable from None


def remote_digest_many(payload: Any, articles: list[Article]) -> list[Any]:
    """Digest a chunk of articles in one task: a digest or the (portable) error for each."""
    out: list[Any] = []
    for article in articles:
        try:
            if isinstance(payload, EngineSpec):
                out.append(remote_digest(payload, article))
            else:
                out.append(payload.digest(article))
        except Exception as e:
            out.append(_portable(e))
    return out


def warm(spec: EngineSpec) -> int:
    """Build the worker's engine ahead of the first article; returns the worker's pid."""
    _engine_for(spec)
    quiet_gc()
    return os.getpid()


# -- in this process --


class DigestFuture(Protocol):
    def result(self, timeout: float | None = None) -> Any: ...


class DigestExecutor:
    """Digests articles somewhere; `submit` returns a future whose result() is the digest (or
    raises the engine's error); `imap` yields (article, digest or error) in input order with a
    bounded number in flight, so a stream of any length runs in flat memory."""

    workers: int = 1
    kind: str = "inline"

    def submit(self, article: Article) -> DigestFuture:
        raise NotImplementedError

    def imap(
        self, articles: Iterable[Article], *, window: int | None = None
    ) -> Iterator[tuple[Article, ArticleDigest | Exception]]:
        limit = window or max(2, 4 * self.workers)
        pending: deque[tuple[Article, DigestFuture]] = deque()
        for article in articles:
            pending.append((article, self.submit(article)))
            if len(pending) >= limit:
                yield _collect(*pending.popleft())
        while pending:
            yield _collect(*pending.popleft())

    def in_flight(self, concurrency: int) -> int:
        """Articles a thread pool should keep in flight on this executor: enough to feed every
        worker while the caller's threads write results (threads are capped: a large cluster
        is fed by at most MAX_IN_FLIGHT waiting threads)."""
        return max(concurrency, min(2 * self.workers, MAX_IN_FLIGHT))

    def close(self) -> None:
        return None

    def __enter__(self) -> DigestExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _collect(article: Article, fut: DigestFuture) -> tuple[Article, ArticleDigest | Exception]:
    try:
        return article, fut.result()
    except Exception as e:
        return article, e


class _Done:
    def __init__(self, value: Any = None, error: Exception | None = None) -> None:
        self.value, self.error = value, error

    def result(self, timeout: float | None = None) -> Any:
        if self.error is not None:
            raise self.error
        return self.value


class InlineExecutor(DigestExecutor):
    """engine.digest in the calling thread (one article, one core, or an engine that must stay)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def in_flight(self, concurrency: int) -> int:
        return concurrency

    def submit(self, article: Article) -> DigestFuture:
        try:
            return _Done(self.engine.digest(article))
        except Exception as e:
            return _Done(error=e)

    def imap(
        self, articles: Iterable[Article], *, window: int | None = None
    ) -> Iterator[tuple[Article, ArticleDigest | Exception]]:
        for article in articles:
            yield _collect(article, self.submit(article))


class ProcessExecutor(DigestExecutor):
    """A pool of local processes, each with its own engine. The workers start (and build their
    engine) when the pool opens: with the fork start method that happens before the caller starts
    any thread, and later articles pay nothing but pickling."""

    kind = "processes"

    def __init__(self, spec: EngineSpec, workers: int) -> None:
        # imported here: a one-article run never needs multiprocessing
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        self.spec, self.workers = spec, workers
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
        try:
            for fut in [self._pool.submit(warm, spec) for _ in range(workers)]:
                fut.result()
        except BaseException:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise

    def submit(self, article: Article) -> DigestFuture:
        return self._pool.submit(remote_digest, self.spec, article)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor(DigestExecutor):
    """The digest stage on a dask.distributed cluster. Articles travel from this client to the
    workers and digests come back; the workers need this package installed (same version), not
    the files. `scheduler` is an address (tcp://host:8786) or a distributed.Client."""

    kind = "dask"

    def __init__(self, engine: Engine, scheduler: Any) -> None:
        try:
            from distributed import Client
        except ImportError as e:
            raise MissingExtraError("dask[distributed]", "dask", "--executor dask") from e
        spec = engine_spec(engine)
        # an engine without a spec travels pickled (it must then be picklable)
        self._payload: Any = spec if spec is not None else engine
        self._own = not isinstance(scheduler, Client)
        try:
            self.client = (
                Client(scheduler, set_as_default=False, timeout=CONNECT_TIMEOUT_S)
                if self._own
                else scheduler
            )
        except (OSError, TimeoutError, ValueError) as e:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {e}") from e
        threads = self.client.nthreads()
        if not threads:
            self.close()
            raise ConfigError(f"the Dask scheduler at {scheduler} has no workers")
        self.workers = sum(threads.values())

    def submit(self, article: Article) -> DigestFuture:
        fn = remote_digest if isinstance(self._payload, EngineSpec) else _digest_with
        fut: DigestFuture = self.client.submit(fn, self._payload, article, pure=False)
        return fut

    def imap(
        self, articles: Iterable[Article], *, window: int | None = None, chunk: int = 8
    ) -> Iterator[tuple[Article, ArticleDigest | Exception]]:
        """As DigestExecutor.imap, with `chunk` articles per task: a task costs the scheduler
        about a millisecond, as much as a short article's digest."""
        limit = window or max(2, 4 * self.workers)
        pending: deque[tuple[list[Article], DigestFuture]] = deque()

        def submit(batch: list[Article]) -> None:
            fut = self.client.submit(remote_digest_many, self._payload, batch, pure=False)
            pending.append((batch, fut))

        def drain() -> Iterator[tuple[Article, ArticleDigest | Exception]]:
            batch, fut = pending.popleft()
            try:
                results = fut.result()
            except Exception as e:  # the task itself failed (a worker died, say)
                results = [e] * len(batch)
            yield from zip(batch, results, strict=True)

        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) == chunk:
                submit(batch)
                batch = []
                if len(pending) >= limit:
                    yield from drain()
        if batch:
            submit(batch)
        while pending:
            yield from drain()

    def close(self) -> None:
        if self._own:
            self.client.close()


def _digest_with(engine: Engine, article: Article) -> ArticleDigest:
    return engine.digest(article)


def open_executor(
    engine: Engine,
    *,
    executor: str | DigestExecutor | None = None,
    workers: int | None = None,
    scheduler: Any = None,
) -> DigestExecutor:
    """The executor a run asked for. `local` (the default) uses processes when the engine can be
    rebuilt in a worker and more than one worker is wanted, else this thread; `dask` needs a
    scheduler address (argument or $DASK_SCHEDULER_ADDRESS)."""
    if isinstance(executor, DigestExecutor):
        return executor
    kind = executor or "local"
    if kind not in EXECUTORS:
        raise ConfigError(f"unknown executor {kind!r}: choose one of {', '.join(EXECUTORS)}")
    if workers is not None and workers < 1:
        raise ConfigError("--workers must be at least 1")
    if kind == "dask":
        address = scheduler or os.environ.get(SCHEDULER_ENV)
        if not address:
            raise ConfigError(
                f"--executor dask needs --scheduler tcp://HOST:PORT (or ${SCHEDULER_ENV})"
            )
        return DaskExecutor(engine, address)
    if scheduler is not None:
        raise ConfigError("--scheduler is only used with --executor dask")
    n = default_workers() if workers is None else workers
    spec = engine_spec(engine)
    if n <= 1 or spec is None:
        return InlineExecutor(engine)
    return ProcessExecutor(spec, n)


def digest_stream(
    engine: Engine,
    articles: Iterable[Article],
    *,
    executor: str | DigestExecutor | None = None,
    workers: int | None = None,
    scheduler: Any = None,
) -> Iterator[tuple[Article, ArticleDigest | Exception]]:
    """(article, digest or error) in input order. A pool opens only once a second article shows
    up, so one article costs no process start."""
    it = iter(articles)
    head: list[Article] = []
    for article in it:
        head.append(article)
        if len(head) == 2:
            break
    if len(head) < 2 and not isinstance(executor, DigestExecutor) and executor != "dask":
        open_executor(engine, executor=executor, workers=1, scheduler=scheduler)  # checks options
        yield from InlineExecutor(engine).imap(head)
        return

    def chained() -> Iterator[Article]:
        yield from head
        yield from it

    ex = open_executor(engine, executor=executor, workers=workers, scheduler=scheduler)
    try:
        yield from ex.imap(chained())
    finally:
        if ex is not executor:
            ex.close()


def submitting(ex: DigestExecutor) -> Callable[[Article], ArticleDigest] | None:
    """A blocking digest function that runs on `ex` (None for the inline executor: the caller's
    own engine.digest is the same thing)."""
    if isinstance(ex, InlineExecutor):
        return None

    def digest(article: Article) -> ArticleDigest:
        result: ArticleDigest = ex.submit(article).result()
        return result

    return digest
