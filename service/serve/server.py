"""`summarise serve`: the digest engine and the merger over HTTP (FastAPI on uvicorn).

    GET  /health                 liveness, engine and version
    POST /v1/digest              one article (JSON object, or text/plain, text/markdown, text/html)
    POST /v1/stories             a JSON list of articles (or {"articles": [...]}) -> digests, stories
    POST /v1/jobs                JSON Lines of articles -> 202 and a job id (bad lines reported)
    GET  /v1/jobs/{id}           progress, then digests and stories

Limits are the command line's: a body over `max_body` bytes (default 20 MB, the CLI's file limit)
gets 413, and so does a request with more than `max_articles` articles; one article's text is
capped as in service.ingest.files. Every error is JSON: {"error": {"status": N, "message": "..."}}.
A malformed body is a 4xx, never a 5xx. With a token (NEWSDIGEST_SERVE_TOKEN) every route but
/health needs `Authorization: Bearer TOKEN`. No CORS headers unless origins are configured.

Jobs are resumable through the results store: a job's input is kept beside the store under
jobs/ and its id is derived from its articles, so after a restart the same id (GET, or the same
body posted again) runs again and every article already digested comes from the store.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field

from schemas import Article, ArticleDigest
from schemas.story import StoryDigest
from service.errors import ConfigError, InputError, MissingExtraError, NewsDigestError

TOKEN_ENV = "NEWSDIGEST_SERVE_TOKEN"
DEFAULT_MAX_ARTICLES = 1000
JOB_WORKERS = 2
JOBS_KEPT = 64  # finished jobs held in memory; older ones are rebuilt from the store on request

_TEXT_TYPES = {"text/plain": "text", "text/markdown": "markdown", "text/html": "html"}


class ArticleIn(BaseModel):
    """An article to digest: its text and what is known about it."""

    text: str = Field(description="The article body; every offset in the digest indexes it.")
    id: str | None = Field(default=None, description="Default: 'text-' + start of its hash.")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="Publication date, ISO or similar.")
    language: str | None = None


class StoriesOut(BaseModel):
    digests: list[ArticleDigest]
    stories: list[StoryDigest]


class JobCreated(BaseModel):
    id: str
    status: str
    articles: int
    rejected: list[str] = Field(description="Lines that are not articles, with the reason.")
    url: str


class JobProgress(BaseModel):
    total: int = 0
    done: int = 0
    succeeded: int = 0
    cached: int = 0
    failed: int = 0


class JobOut(BaseModel):
    id: str
    status: str = Field(description="queued, running, done or failed")
    progress: JobProgress
    rejected: list[str] = Field(default_factory=list)
    failures: list[str] = Field(default_factory=list)
    results: StoriesOut | None = None
    error: str | None = None


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


class HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers


@dataclass
class _Job:
    id: str
    articles: list[Article]
    rejected: list[str]
    status: str = "queued"
    progress: JobProgress = field(default_factory=JobProgress)
    failures: list[str] = field(default_factory=list)
    results: StoriesOut | None = None
    error: str | None = None

    def out(self) -> JobOut:
        return JobOut(
            id=self.id,
            status=self.status,
            progress=self.progress.model_copy(),
            rejected=self.rejected,
            failures=list(self.failures),
            results=self.results,
            error=self.error,
        )


def _stories(digests: list[ArticleDigest]) -> list[StoryDigest]:
    from service.cli.html_report import stories_of

    return stories_of(digests, merge=True)


class Service:
    """What the routes share: the engine, the store path, the limits and the jobs."""

    def __init__(
        self,
        engine: Any,
        store_path: Path,
        *,
        max_body: int,
        max_articles: int,
        concurrency: int = 4,
    ) -> None:
        self.engine, self.store_path = engine, store_path
        self.max_body, self.max_articles, self.concurrency = max_body, max_articles, concurrency
        self.jobs: dict[str, _Job] = {}
        self.lock = threading.Lock()
        self.pool = ThreadPoolExecutor(JOB_WORKERS, thread_name_prefix="newsdigest-job")
        self.jobs_dir = store_path.parent / "jobs"

    # -- parsing --

    def parse_one(self, body: bytes, content_type: str) -> Article:
        if content_type in _TEXT_TYPES:
            from service.ingest import files as ingest

            text = _decode(body)
            return ingest.article_from_text(text, fmt=_TEXT_TYPES[content_type], source="body")
        data = _json(body)
        if not isinstance(data, dict):
            raise HTTPError(422, f"expected one article as a JSON object, got a {_kind(data)}")
        return _article(data, "body")

    def parse_many(self, body: bytes) -> list[Article]:
        data = _json(body)
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        if not isinstance(data, list):
            raise HTTPError(422, f"expected a JSON list of articles, got a {_kind(data)}")
        if not data:
            raise HTTPError(422, "the list of articles is empty")
        self.check_count(len(data))
        return [_article(item, f"articles[{i}]") for i, item in enumerate(data)]

    def check_count(self, n: int) -> None:
        if n > self.max_articles:
            raise HTTPError(
                413, f"{n} articles in one request, over the limit of {self.max_articles}"
            )

    # -- digesting --

    def digest(self, article: Article) -> ArticleDigest:
        try:
            result: ArticleDigest = self.engine.digest(article)
        except InputError as e:
            raise HTTPError(422, str(e)) from e
        except NewsDigestError as e:
            raise HTTPError(502, f"the engine failed on {article.id}: {e}") from e
        return result

    # -- jobs --

    def submit(self, body: bytes) -> _Job:
        articles, rejected = _jsonl_articles(_decode(body))
        if not articles:
            why = f": {rejected[0]}" if rejected else ""
            raise HTTPError(422, f"the body holds no article{why}")
        self.check_count(len(articles))
        job_id = _job_id(articles, self.engine)
        path = self.jobs_dir / f"{job_id}.jsonl"
        if not path.exists():
            from service.fsio import atomic_write_text

            lines = "".join(a.model_dump_json() + "\n" for a in articles)
            atomic_write_text(path, lines)
        return self.start(job_id, articles, rejected)

    def start(self, job_id: str, articles: list[Article], rejected: list[str]) -> _Job:
        with self.lock:
            job = self.jobs.get(job_id)
            if job is not None and job.status != "failed":
                return job
            job = _Job(job_id, articles, rejected)
            job.progress.total = len(articles)
            self.jobs.pop(job_id, None)
            self.jobs[job_id] = job
            finished = [k for k, j in self.jobs.items() if j.status in ("done", "failed")]
            for k in finished[: max(0, len(finished) - JOBS_KEPT)]:
                del self.jobs[k]
        self.pool.submit(self._run, job)
        return job

    def find(self, job_id: str) -> _Job | None:
        with self.lock:
            job = self.jobs.get(job_id)
        if job is not None:
            return job
        if not _JOB_ID_OK(job_id):
            return None
        path = self.jobs_dir / f"{job_id}.jsonl"
        if not path.is_file():
            return None
        articles = [
            Article.model_validate_json(line)
            for line in path.read_text("utf-8").splitlines()
            if line
        ]
        return self.start(job_id, articles, [])  # resumed: stored digests are reused

    def _run(self, job: _Job) -> None:
        from service.batch.progress import Progress
        from service.batch.runner import run_batch

        def progress(p: Progress) -> None:
            job.progress = JobProgress(
                total=p.total,
                done=p.done,
                succeeded=p.succeeded,
                cached=p.cached,
                failed=p.failed,
            )

        job.status = "running"
        try:
            result = run_batch(
                job.articles,
                engine=self.engine,
                store=self.store_path,
                concurrency=self.concurrency,
                merge=False,
                progress=progress,
            )
            digests = list(result.digests)
            job.failures = [o.reason or o.source for o in result.outcomes if o.status == "failed"]
            job.results = StoriesOut(digests=digests, stories=_stories(digests))
            job.status = "done"
        except Exception as e:  # a job never takes the server down; it reports why it stopped
            job.error = f"{type(e).__name__}: {e}"
            job.status = "failed"


def _JOB_ID_OK(job_id: str) -> bool:
    return len(job_id) == 24 and all(c in "0123456789abcdef" for c in job_id)


def _job_id(articles: Sequence[Article], engine: Any) -> str:
    from service.batch.identity import engine_identity

    ident = engine_identity(engine)
    h = hashlib.sha256(repr(ident).encode())
    for a in articles:
        h.update(f"\0{a.id}\0{a.content_hash}".encode())
    return h.hexdigest()[:24]


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise HTTPError(400, f"the body is not UTF-8 (byte {e.start})") from e


def _json(body: bytes) -> Any:
    if not body.strip():
        raise HTTPError(400, "the body is empty: send an article as JSON")
    try:
        return json.loads(_decode(body))
    except json.JSONDecodeError as e:
        raise HTTPError(
            400, f"the body is not valid JSON ({e.msg} at line {e.lineno} column {e.colno})"
        ) from e


_KINDS: dict[type, str] = {dict: "JSON object", list: "JSON list", str: "JSON string"}


def _kind(data: Any) -> str:
    return _KINDS.get(type(data), f"JSON {type(data).__name__}")


def _article(obj: Any, where: str) -> Article:
    from service.ingest import files as ingest

    if not isinstance(obj, dict):
        raise HTTPError(422, f"{where}: expected an article object, got a {_kind(obj)}")
    try:
        return ingest.article_from_text(json.dumps(obj), fmt="json", source=where)
    except InputError as e:
        raise HTTPError(422, str(e)) from e


def _jsonl_articles(text: str) -> tuple[list[Article], list[str]]:
    articles: list[Article] = []
    rejected: list[str] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            rejected.append(f"line {n}: not valid JSON ({e.msg})")
            continue
        try:
            articles.append(_article(obj, f"line {n}"))
        except HTTPError as e:
            rejected.append(e.message)
    return articles, rejected


def create_app(
    engine: Any = None,
    *,
    store: str | Path | None = None,
    token: str | None = None,
    max_body: int | None = None,
    max_articles: int = DEFAULT_MAX_ARTICLES,
    cors_origins: Sequence[str] = (),
    concurrency: int = 4,
) -> Any:
    """The FastAPI application. `engine` defaults to the offline rules engine; `token` defaults
    to $NEWSDIGEST_SERVE_TOKEN (empty: no authentication)."""
    try:
        from service.serve.routes import build_app
    except ImportError as e:  # fastapi is the `serve` extra
        raise MissingExtraError("fastapi", "serve", "summarise serve") from e
    from service.api import resolve_engine
    from service.batch.store import default_store_path
    from service.ingest.files import DEFAULT_MAX_BYTES

    svc = Service(
        engine if engine is not None else resolve_engine("rules"),
        Path(store) if store is not None else default_store_path(),
        max_body=max_body or DEFAULT_MAX_BYTES,
        max_articles=max_articles,
        concurrency=concurrency,
    )
    tok = token if token is not None else os.environ.get(TOKEN_ENV, "")
    return build_app(svc, token=tok or None, cors_origins=list(cors_origins))


def token_ok(header: str | None, token: str) -> bool:
    if not header or not header.startswith("Bearer "):
        return False
    return hmac.compare_digest(header[7:].strip().encode(), token.encode())


def cli_serve(argv: Sequence[str]) -> int:
    from service.cli.common import add_engine_options, engine_options

    p = argparse.ArgumentParser(
        prog="summarise serve",
        description="Serve digests over HTTP. Set $NEWSDIGEST_SERVE_TOKEN to require "
        "`Authorization: Bearer TOKEN`.",
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--store", type=Path, help="results store for jobs (default as the CLI's)")
    p.add_argument("--max-body", type=int, help="largest body in bytes (default 20 MB)")
    p.add_argument(
        "--max-articles",
        type=int,
        default=DEFAULT_MAX_ARTICLES,
        help=f"most articles in one request (default {DEFAULT_MAX_ARTICLES})",
    )
    p.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser calls from ORIGIN (repeatable); default: no CORS",
    )
    p.add_argument("--concurrency", type=int, default=4, help="articles in flight per job")
    add_engine_options(p)
    args = p.parse_args(list(argv))
    try:
        import uvicorn
    except ImportError as e:
        raise MissingExtraError("uvicorn", "serve", "summarise serve") from e
    from service.api import resolve_engine

    engine = resolve_engine(args.engine, model=args.model, **engine_options(args))
    if args.max_articles < 1 or (args.max_body is not None and args.max_body < 1):
        raise ConfigError("--max-articles and --max-body must be positive")
    app = create_app(
        engine,
        store=args.store,
        max_body=args.max_body,
        max_articles=args.max_articles,
        cors_origins=args.cors_origin,
        concurrency=args.concurrency,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
