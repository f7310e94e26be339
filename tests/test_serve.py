"""`summarise serve` against a real uvicorn on 127.0.0.1 (a subprocess on a free port)."""

from __future__ import annotations

import json
import time

import pytest

pytest.importorskip("fastapi", reason="summarise serve needs the serve extra")
pytest.importorskip("uvicorn", reason="summarise serve needs the serve extra")

from tests.conftest import SEEDS  # noqa: E402
from tests.servehelp import Server  # noqa: E402

# invented articles
A1 = {
    "id": "tram-1",
    "outlet": "North Gazette",
    "text": '"The tram line opens in May," said Ilse Novak, the transport councillor. '
    "Novak said the line would cost 80 million euros.",
}
A2 = {
    "id": "tram-2",
    "outlet": "South Post",
    "text": 'Transport councillor Ilse Novak said: "The tram line opens in May." '
    "The council expects 12,000 riders a day.",
}
MAX_BODY = 50_000


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve") / "store.sqlite"
    with Server("--store", str(store), "--max-body", str(MAX_BODY), "--max-articles", "5") as s:
        s.store = store
        yield s


def _is_error(status, body, expected):
    assert status == expected, body
    assert set(body) == {"error"} and body["error"]["status"] == expected
    assert body["error"]["message"]
    return body["error"]["message"]


def test_health_and_openapi(server):
    status, headers, body = server.request("GET", "/health")
    assert status == 200 and body["status"] == "ok" and body["engine"] == "rules"
    assert "access-control-allow-origin" not in headers
    status, _, spec = server.request("GET", "/openapi.json")
    assert status == 200
    schemas = spec["components"]["schemas"]
    for name in ("ArticleDigest", "StoryDigest", "StoriesOut", "JobOut", "ArticleIn", "ErrorOut"):
        assert name in schemas
    digest = spec["paths"]["/v1/digest"]["post"]
    assert set(digest["requestBody"]["content"]) >= {"application/json", "text/plain"}
    assert digest["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ArticleDigest"
    )


def test_digest_json_and_text(server):
    status, _, d = server.request("POST", "/v1/digest", A1)
    assert status == 200, d
    assert d["article"]["id"] == "tram-1" and d["article"]["outlet"] == "North Gazette"
    q = d["quotes"][0]
    assert A1["text"][q["start"] : q["end"]] == q["text"] == "The tram line opens in May,"
    assert q["speaker"] == "Ilse Novak"
    seed = (SEEDS / "000_abb5d20fce3071d5.txt").read_bytes()
    status, _, d = server.request(
        "POST", "/v1/digest", seed, {"Content-Type": "text/plain; charset=utf-8"}
    )
    assert status == 200 and d["article"]["outlet"] == "Rudaw" and len(d["quotes"]) >= 3


def test_stories(server):
    status, _, out = server.request("POST", "/v1/stories", [A1, A2])
    assert status == 200, out
    assert [d["article"]["id"] for d in out["digests"]] == ["tram-1", "tram-2"]
    assert len(out["stories"]) == 1
    story = out["stories"][0]
    assert {s["article"]["id"] for s in story["sources"]} == {"tram-1", "tram-2"}
    joined = [qc for qc in story["quotes"] if len(qc["variants"]) == 2]
    assert joined and joined[0]["speaker"] == "Ilse Novak"
    status, _, out = server.request("POST", "/v1/stories", {"articles": [A1]})
    # a lone article is a story of one, as on the command line
    assert status == 200 and len(out["stories"]) == 1
    assert [s["article"]["id"] for s in out["stories"][0]["sources"]] == ["tram-1"]


@pytest.mark.parametrize(
    ("path", "body", "ctype", "code", "words"),
    [
        ("/v1/digest", b"{not json", "application/json", 400, "not valid JSON"),
        ("/v1/digest", b"", "application/json", 400, "empty"),
        ("/v1/digest", b"\xff\xfe\x00bad", "application/json", 400, "UTF-8"),
        ("/v1/digest", b"[1, 2]", "application/json", 422, "JSON object"),
        ("/v1/digest", b'{"title": "no text"}', "application/json", 422, "text"),
        ("/v1/digest", b'{"text": 5}', "application/json", 422, "not a string"),
        ("/v1/digest", b'{"text": "   "}', "application/json", 422, "empty"),
        ("/v1/digest", b"   ", "text/plain", 422, "empty"),
        ("/v1/stories", b'{"a": 1}', "application/json", 422, "list of articles"),
        ("/v1/stories", b"[]", "application/json", 422, "empty"),
        ("/v1/stories", b'[{"text": "ok text here"}, "x"]', "application/json", 422, "articles[1]"),
        ("/v1/jobs", b"not json\n", "application/x-ndjson", 422, "line 1"),
        ("/v1/jobs", b"", "application/x-ndjson", 422, "no article"),
    ],
)
def test_malformed_bodies_get_4xx_with_a_message(server, path, body, ctype, code, words):
    status, _, out = server.request("POST", path, body, {"Content-Type": ctype})
    assert words in _is_error(status, out, code)


def test_limits_give_413(server):
    big = {"text": "word " * (MAX_BODY // 5 + 10)}
    status, _, out = server.request("POST", "/v1/digest", big)
    assert "limit" in _is_error(status, out, 413)
    status, _, out = server.request("POST", "/v1/stories", [A1] * 6)
    assert "6 articles" in _is_error(status, out, 413)
    # a chunked body (no Content-Length) is cut off at the limit too
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    chunks = (b"x" * 10_000 for _ in range(10))
    conn.request("POST", "/v1/digest", body=chunks, headers={"Content-Type": "text/plain"})
    resp = conn.getresponse()
    assert resp.status == 413 and json.loads(resp.read())["error"]["status"] == 413
    conn.close()


def test_unknown_routes_and_methods_are_json(server):
    status, _, out = server.request("GET", "/v1/nothing")
    _is_error(status, out, 404)
    status, _, out = server.request("GET", "/v1/digest")
    _is_error(status, out, 405)
    status, _, out = server.request("GET", "/v1/jobs/0123456789abcdef01234567")
    assert "no job" in _is_error(status, out, 404)
    status, _, out = server.request("GET", "/v1/jobs/..%2F..%2Fetc")
    assert status == 404


def _wait_job(server, job_id, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, _, job = server.request("GET", f"/v1/jobs/{job_id}")
        assert status == 200, job
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} not done in {timeout} s")


def test_jobs_run_and_resume_through_the_store(server, tmp_path):
    lines = "\n".join(json.dumps(a) for a in (A1, A2)) + "\n{broken\n"
    status, _, created = server.request(
        "POST", "/v1/jobs", lines, {"Content-Type": "application/x-ndjson"}
    )
    assert status == 202, created
    assert created["articles"] == 2 and len(created["rejected"]) == 1
    assert "line 3" in created["rejected"][0]
    job = _wait_job(server, created["id"])
    assert job["status"] == "done", job
    assert job["progress"]["total"] == 2 and job["progress"]["done"] == 2
    assert len(job["results"]["digests"]) == 2 and len(job["results"]["stories"]) == 1
    # a fresh server on the same store: the job id still answers, from stored digests
    with Server("--store", str(server.store)) as again:
        job2 = _wait_job(again, created["id"])
        assert job2["status"] == "done"
        assert job2["progress"]["cached"] == 2 and job2["progress"]["succeeded"] == 0
        for k in ("quotes", "actors", "events", "summary"):
            assert [d[k] for d in job2["results"]["digests"]] == [
                d[k] for d in job["results"]["digests"]
            ]


def test_bearer_token_and_cors(tmp_path):
    env = {"NEWSDIGEST_SERVE_TOKEN": "s3cret-token"}
    args = ("--store", str(tmp_path / "s.db"), "--cors-origin", "https://newsroom.example")
    with Server(*args, env=env) as s:
        assert s.request("GET", "/health")[0] == 200  # liveness needs no token
        status, headers, out = s.request("POST", "/v1/digest", A1)
        assert "token" in _is_error(status, out, 401)
        assert headers.get("www-authenticate") == "Bearer"
        wrong = {"Authorization": "Bearer nope"}
        assert s.request("POST", "/v1/digest", A1, wrong)[0] == 401
        good = {"Authorization": "Bearer s3cret-token", "Origin": "https://newsroom.example"}
        status, headers, out = s.request("POST", "/v1/digest", A1, good)
        assert status == 200 and out["article"]["id"] == "tram-1"
        assert headers.get("access-control-allow-origin") == "https://newsroom.example"
        other = {**good, "Origin": "https://elsewhere.example"}
        assert "access-control-allow-origin" not in s.request("POST", "/v1/digest", A1, other)[1]
