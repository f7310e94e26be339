"""The FastAPI routes of `summarise serve` (service.serve.server holds the logic, this the HTTP layer)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from schemas import ArticleDigest
from service.errors import InputError
from service.serve.server import (
    ArticleIn,
    ErrorOut,
    HTTPError,
    JobCreated,
    JobOut,
    Service,
    StoriesOut,
    token_ok,
)

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": why}
    for code, why in (
        (400, "malformed body"),
        (401, "missing or wrong bearer token"),
        (413, "body or article count over the limit"),
        (422, "not an article"),
    )
}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        {"error": {"status": status, "message": message}}, status_code=status, headers=headers
    )


def _body_schema(*types: str, many: bool = False, jsonl: bool = False) -> dict[str, Any]:
    schema: dict[str, Any] = {"$ref": "#/components/schemas/ArticleIn"}
    if many:
        schema = {"type": "array", "items": schema}
    content: dict[str, Any] = {}
    if jsonl:
        content["application/x-ndjson"] = {
            "schema": {"type": "string", "description": "one ArticleIn JSON object per line"}
        }
    else:
        content["application/json"] = {"schema": schema}
    for t in types:
        content[t] = {"schema": {"type": "string"}}
    return {"requestBody": {"required": True, "content": content}}


def build_app(svc: Service, *, token: str | None, cors_origins: list[str]) -> FastAPI:
    from service.report import _version

    app = FastAPI(
        title="newsdigest",
        version=_version(),
        description="Grounded digests of news articles: events, actors and quotes with offsets, "
        "merged across outlets into stories.",
    )
    app.state.service = svc
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Any:
        open_path = request.url.path == "/health" or request.method == "OPTIONS"
        if token and not open_path and not token_ok(request.headers.get("authorization"), token):
            return _error(401, "a bearer token is required", {"WWW-Authenticate": "Bearer"})
        length = request.headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                return _error(400, "Content-Length is not a number")
            if int(length) > svc.max_body:
                return _error(413, f"the body is over the limit of {svc.max_body} bytes")
        return await call_next(request)

    @app.exception_handler(HTTPError)
    async def _http_error(request: Request, exc: HTTPError) -> JSONResponse:
        return _error(exc.status, exc.message, exc.headers)

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> JSONResponse:
        return _error(422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _starlette_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return _error(422, f"{where}: {first.get('msg', 'invalid request')}")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__}); the server log has details")

    async def body_of(request: Request) -> bytes:
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > svc.max_body:
                raise HTTPError(413, f"the body is over the limit of {svc.max_body} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    def content_type(request: Request) -> str:
        return request.headers.get("content-type", "application/json").split(";")[0].strip()

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "engine": getattr(svc.engine, "name", "?"), "version": _version()}

    @app.post(
        "/v1/digest",
        response_model=ArticleDigest,
        responses=_ERRORS,
        openapi_extra=_body_schema("text/plain", "text/markdown", "text/html"),
        summary="Digest one article",
    )
    async def digest(request: Request) -> ArticleDigest:
        body = await body_of(request)
        article = svc.parse_one(body, content_type(request))
        return await run_in_threadpool(svc.digest, article)

    @app.post(
        "/v1/stories",
        response_model=StoriesOut,
        responses=_ERRORS,
        openapi_extra=_body_schema(many=True),
        summary="Digest several articles and merge them into stories",
    )
    async def stories(request: Request) -> StoriesOut:
        body = await body_of(request)
        articles = svc.parse_many(body)

        def work() -> StoriesOut:
            from service.serve.server import _stories

            digests = [svc.digest(a) for a in articles]
            return StoriesOut(digests=digests, stories=_stories(digests))

        return await run_in_threadpool(work)

    @app.post(
        "/v1/jobs",
        response_model=JobCreated,
        status_code=202,
        responses=_ERRORS,
        openapi_extra=_body_schema(jsonl=True),
        summary="Start a batch job over JSON Lines of articles",
    )
    async def create_job(request: Request) -> JobCreated:
        body = await body_of(request)
        job = await run_in_threadpool(svc.submit, body)
        return JobCreated(
            id=job.id,
            status=job.status,
            articles=len(job.articles),
            rejected=job.rejected,
            url=f"/v1/jobs/{job.id}",
        )

    @app.get(
        "/v1/jobs/{job_id}",
        response_model=JobOut,
        responses={404: {"model": ErrorOut, "description": "no such job"}},
        summary="A job's progress, then its digests and stories",
    )
    async def get_job(job_id: str) -> JobOut:
        job = await run_in_threadpool(svc.find, job_id)
        if job is None:
            raise HTTPError(404, f"no job {job_id!r}")
        return job.out()

    # ArticleIn is documented even though bodies are parsed by hand (to take text and limits)
    app.openapi_schema = None
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            schema.setdefault("components", {}).setdefault("schemas", {})["ArticleIn"] = (
                ArticleIn.model_json_schema()
            )
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
