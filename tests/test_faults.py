"""Faults on purpose: the real LLM engine against a fake OpenAI-compatible server (a test double on
127.0.0.1) playing scripted mixes. Every article must end as a digest or a recorded failure with
the right reason, and no article may be requested more often than the retry policy allows."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from schemas import ArticleDigest
from service.batch.outcome import EXIT_FAILED, EXIT_OK, Status
from service.batch.runner import run_batch
from service.batch.store import Store
from tests.batchkit import FAKE_KEY
from tests.fakeserver import FakeOpenAIServer, chat, drop, error, rate_limited, slow, truncated
from tests.faultmix import VALID_ANSWER, ScriptedByArticle, case_article, fault_engine

pytest.importorskip("instructor", reason="the LLM extra is not installed")

RETRIES, REASKS = 2, 1  # fault_engine's policy: 3 transport attempts, 2 validation attempts
# Most requests one article may cost: every validation attempt may use every transport attempt,
# and a cut-off answer is asked once more with a larger budget.
POLICY_MAX = (RETRIES + 1) * (REASKS + 1) * 2
OK = chat(VALID_ANSWER)
INVENTED = chat(
    {
        "actors": [{"id": "N1", "type": "person", "name": "Zed Nobody"}],
        "quotes": [{"quote": "Q9", "speaker": "A1"}],
        "events": [],
        "summary": "The board met.",
    }
)

# name: (script, final status, failure kind, exact requests)
MIX = {
    "ok": ([], "succeeded", None, 1),
    "rate-limited": ([rate_limited(0.2), OK], "succeeded", None, 2),
    "rate-limited-date": ([rate_limited(1, as_date=True), OK], "succeeded", None, 2),
    "server-errors": ([error(500), error(503), OK], "succeeded", None, 3),
    "outage": ([error(503)] * 3, "failed", "RetriesExhaustedError", 3),
    "slow": ([slow(1.6), OK], "succeeded", None, 2),
    "dropped": ([drop(), OK], "succeeded", None, 2),
    "dropped-always": ([drop()] * 3, "failed", "RetriesExhaustedError", 3),
    "truncated": ([truncated()], "succeeded", None, 2),
    "malformed-json": ([chat("{not json at all"), OK], "succeeded", None, 2),
    "schema-invalid": (
        [chat({"actors": "nope"}), chat({"quotes": 5})],
        "failed",
        "OutputValidationError",
        2,
    ),
    "invented-quote": ([INVENTED], "succeeded", None, 1),
    "bad-request": ([error(400, "bad request")], "failed", "ModelError", 1),
}


@pytest.fixture
def mix_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture):
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    caplog.set_level(logging.DEBUG)
    responder = ScriptedByArticle({name: script for name, (script, *_rest) in MIX.items()})
    sleeps: list[float] = []
    articles = [case_article(name, i) for i, name in enumerate(MIX)]
    with FakeOpenAIServer(default=responder) as srv, Store(tmp_path / "store.sqlite") as store:
        engine = fault_engine(srv, sleeps=sleeps)
        result = run_batch(
            articles,
            engine=engine,
            store=store,
            out_dir=tmp_path / "out",
            concurrency=4,
            merge=False,
        )
        yield {
            "result": result,
            "responder": responder,
            "server": srv,
            "store": store,
            "engine": engine,
            "articles": articles,
            "sleeps": sleeps,
            "tmp": tmp_path,
        }


def test_every_article_ends_as_digest_or_recorded_failure(mix_run) -> None:
    r, resp, store = mix_run["result"], mix_run["responder"], mix_run["store"]
    got = {o.article_id.removeprefix("case-"): (o.status.value, o.kind) for o in r.outcomes}
    assert got == {name: (status, kind) for name, (_s, status, kind, _n) in MIX.items()}
    assert dict(resp.counts) == {name: n for name, (_s, _st, _k, n) in MIX.items()}
    assert all(n <= POLICY_MAX for n in resp.counts.values())
    assert resp.unused() == {}
    assert r.exit_code() == EXIT_FAILED
    recorded = {
        f.article_id.removeprefix("case-"): (f.kind, f.attempts) for f in store.list_failures()
    }
    assert recorded == {
        "outage": ("RetriesExhaustedError", 3),
        "dropped-always": ("RetriesExhaustedError", 3),
        "schema-invalid": ("OutputValidationError", 2),
        "bad-request": ("ModelError", 1),
    }
    by = {o.article_id.removeprefix("case-"): o for o in r.outcomes}
    assert [a.startswith("HTTP 503") for a in by["outage"].attempt_reasons] == [True, True, True]
    assert all("connection error" in a for a in by["dropped-always"].attempt_reasons)
    assert "HTTP 400" in (by["bad-request"].reason or "")
    fails = [
        json.loads(x) for x in (mix_run["tmp"] / "out" / "failures.jsonl").read_text().splitlines()
    ]
    assert sorted(f["article_id"] for f in fails) == sorted(f"case-{k}" for k in recorded)
    assert store.count_digests() == sum(1 for v in MIX.values() if v[1] == "succeeded")


def test_retry_after_is_honoured_and_truncation_doubles_the_budget(mix_run) -> None:
    resp = mix_run["responder"]
    assert 0.2 in mix_run["sleeps"]  # Retry-After: 0.2 waited exactly, not the backoff
    first, second = resp.max_tokens["truncated"]
    assert second == 2 * first


def test_usage_counts_retries_and_reasks(mix_run) -> None:
    r = mix_run["result"]
    by = {o.article_id.removeprefix("case-"): o for o in r.outcomes}
    assert (by["server-errors"].usage.requests, by["server-errors"].usage.retries) == (3, 2)
    assert (by["malformed-json"].usage.requests, by["malformed-json"].usage.reasks) == (2, 1)
    assert by["truncated"].usage.requests == 2
    ok_requests = sum(o.usage.requests for o in r.outcomes if o.status is Status.succeeded)
    assert r.usage.requests >= ok_requests == 1 + 2 + 2 + 3 + 2 + 2 + 2 + 2 + 1


def test_invented_quote_and_speaker_are_dropped_not_kept(mix_run) -> None:
    out = mix_run["tmp"] / "out" / "case-invented-quote.json"
    d = ArticleDigest.model_validate_json(out.read_text())
    text = next(a for a in mix_run["articles"] if a.id == "case-invented-quote").text
    assert all(text[q.start : q.end] == q.text for q in d.quotes)
    assert "Zed Nobody" not in {a.name for a in d.actors}
    assert (d.provenance.dropped.quotes, d.provenance.dropped.actors) == (1, 1)


def test_rerun_is_free_and_retry_failed_asks_only_the_failures(mix_run) -> None:
    srv, store, engine = mix_run["server"], mix_run["store"], mix_run["engine"]
    articles = mix_run["articles"]
    before = len(srv.chat_requests)
    again = run_batch(articles, engine=engine, store=store, concurrency=4, merge=False)
    assert len(srv.chat_requests) == before
    assert (again.cached, again.failed, again.succeeded) == (9, 4, 0)
    healed = ScriptedByArticle({})
    srv.default = healed
    retried = run_batch(
        articles, engine=engine, store=store, concurrency=4, merge=False, retry_failed=True
    )
    assert dict(healed.counts) == {
        "outage": 1,
        "dropped-always": 1,
        "schema-invalid": 1,
        "bad-request": 1,
    }
    assert (retried.succeeded, retried.cached, retried.failed) == (4, 9, 0)
    assert retried.exit_code() == EXIT_OK
    assert store.list_failures() == []


def test_api_key_never_reaches_store_outputs_or_logs(
    mix_run, caplog: pytest.LogCaptureFixture
) -> None:
    srv = mix_run["server"]
    assert srv.chat_requests[0].headers["authorization"] == f"Bearer {FAKE_KEY}"  # the key was used
    store: Store = mix_run["store"]
    store.close()
    tmp: Path = mix_run["tmp"]
    files = [p for p in tmp.rglob("*") if p.is_file()]
    assert any(p.name == "store.sqlite" for p in files) and any(
        p.name == "failures.jsonl" for p in files
    )
    for p in files:
        data = p.read_bytes()
        assert FAKE_KEY.encode() not in data, p
        assert b"FAKEKEY" not in data, p
    assert FAKE_KEY not in caplog.text
