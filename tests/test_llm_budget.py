"""Budgets are a ceiling: every request counts, and a run never goes past --max-tokens by more than
one request's maximum, whatever mix of faults the provider throws.

The provider is tests/fakeserver.py (a test double) wrapped so that it counts tokens the way a
billing provider would: prompt tokens from the request it received, completion tokens from what
it generated, also for answers the client gave up waiting for.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

from schemas import Usage
from service.batch.outcome import BatchResult
from service.batch.runner import run_batch
from service.batch.store import Store
from service.errors import ModelError
from service.merge.judge import CachedJudge, Question
from service.merge.llm_judge import JudgeAnswer, LLMJudge
from tests.fakeserver import FakeOpenAIServer, RecordedRequest, Reply, error
from tests.faultmix import VALID_ANSWER, case_article, fault_engine, marker_of

MAX_TOKENS = 300  # the engine's completion budget per request


class BillingServer:
    """A responder that plays each article's script of faults and bills every generated token."""

    def __init__(self, scripts: dict[str, list[str]]) -> None:
        self.scripts = {k: list(v) for k, v in scripts.items()}
        self.lock = threading.Lock()
        self.billed = 0  # every token the provider generated or read, answered or not
        self.billed_answered = 0  # tokens in answers the client received
        self.worst = 0  # the largest single request: prompt + max_tokens

    def __call__(self, request: RecordedRequest) -> Reply:
        body = request.json or {}
        prompt = len(json.dumps(body.get("messages", []))) // 4
        limit = int(body.get("max_tokens") or MAX_TOKENS)
        with self.lock:
            script = self.scripts.get(marker_of(request) or "", [])
            kind = script.pop(0) if script else "ok"
            self.worst = max(self.worst, prompt + limit)
        answer = json.dumps(VALID_ANSWER)
        if kind in ("429", "500"):
            reply = error(int(kind), "fake provider trouble")
            if kind == "429":
                reply = Reply(reply.status, reply.body, {**reply.headers, "Retry-After": "0"})
            return reply
        if kind == "truncated":
            text, completion, finish = '{"actors": [{"id": "A1", "ty', limit, "length"
        elif kind == "invalid":
            text, completion, finish = '{"summary": 5}', 5, "stop"
        else:
            text, completion, finish = answer, len(answer) // 4, "stop"
        delay = 1.5 if kind == "slow" else 0.0  # past the engine's 1 s timeout
        with self.lock:
            self.billed += prompt + completion
            if kind != "slow":
                self.billed_answered += prompt + completion
        usage = {"prompt_tokens": prompt, "completion_tokens": completion}
        out = {
            "id": "x",
            "object": "chat.completion",
            "created": 1,
            "model": "fake-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": finish,
                }
            ],
            "usage": {**usage, "total_tokens": prompt + completion},
        }
        return Reply(200, json.dumps(out).encode(), {"Content-Type": "application/json"}, delay)


FAULTS = {
    "ok": [],
    # cut off again and again: asked with twice the budget, then split, then split again
    "looping": ["truncated"] * 12,
    "looping2": ["truncated", "truncated", "invalid", "truncated", "truncated"] * 2,
    "ratelimit": ["429", "429"],
    "flaky": ["500", "ok"],
    "truncated": ["truncated"],
    "invalid": ["invalid"],
    "slow": ["slow"],
    "mixed": ["429", "invalid", "truncated"],
    "hopeless": ["500", "500", "500"],
}


def _articles() -> list[Any]:
    return [case_article(name, i) for i, name in enumerate(FAULTS)]


def _run(
    tmp_path: Path, budget: int | None, concurrency: int
) -> tuple[BatchResult, BillingServer, int]:
    billing = BillingServer(FAULTS)
    with FakeOpenAIServer(default=billing) as srv:
        engine = fault_engine(srv, max_tokens=MAX_TOKENS)
        with Store(tmp_path / f"s-{budget}-{concurrency}.db") as st:
            result = run_batch(
                _articles(), engine=engine, store=st, concurrency=concurrency, max_tokens=budget
            )
        engine.close()
        sent = len(srv.chat_requests)
    return result, billing, sent


@pytest.mark.parametrize("budget", [2500, 6000, 12000])
@pytest.mark.parametrize("concurrency", [1, 3])
def test_fault_mix_never_exceeds_the_token_budget(
    tmp_path: Path, budget: int, concurrency: int
) -> None:
    result, billing, sent = _run(tmp_path, budget, concurrency)
    assert billing.billed <= budget + billing.worst, (billing.billed, budget, billing.worst)
    # every request counts: retries, re-asks, failed attempts and timed-out ones
    assert result.usage.requests == sent
    assert result.stopped == "budget"
    assert result.exit_code() in (1, 3)


def test_without_budget_every_billed_token_is_reported(tmp_path: Path) -> None:
    result, billing, sent = _run(tmp_path, None, 2)
    assert result.usage.requests == sent
    # what the client saw billed is exactly what it reports (failed articles included)...
    reported = result.usage.prompt_tokens + result.usage.completion_tokens
    assert reported == billing.billed_answered
    assert result.failed >= 1  # the hopeless article failed, and its tokens still count


def test_rerun_of_a_stored_corpus_makes_no_request(tmp_path: Path) -> None:
    billing = BillingServer({})
    articles = [case_article("ok", i) for i in range(3)]
    articles = [
        a.model_copy(update={"id": f"ok{i}", "text": a.text + f" Item {i}."})
        for i, a in enumerate(articles)
    ]
    with FakeOpenAIServer(default=billing) as srv:
        with Store(tmp_path / "s.db") as st:
            first = run_batch(articles, engine=fault_engine(srv), store=st, out_dir=tmp_path / "o")
            n = len(srv.chat_requests)
            again = run_batch(articles, engine=fault_engine(srv), store=st, out_dir=tmp_path / "o")
        assert first.succeeded == 3 and again.cached == 3
        assert len(srv.chat_requests) == n
        assert again.usage.requests == 0


class _Client:
    """A fake structured client (queued answers, a test double): each call takes the next item,
    raising it when it is an exception."""

    model = "fake"

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.calls = 0

    def extract(self, messages: Any, answer: Any, *, max_tokens: int) -> Any:
        self.calls += 1
        item = self.answers.pop(0)
        if isinstance(item, Exception):
            raise item
        return item


QUESTION = Question(
    "actor", {"name": "Ilse Marrow"}, {"name": "I. Marrow"}, lean=True, hint="initial"
)


def test_judge_never_caches_a_transient_failure(tmp_path: Path) -> None:
    path = tmp_path / "judge-cache.json"
    client = _Client(
        ModelError("HTTP 429: slow down"), JudgeAnswer(same=False, reason="two people")
    )
    judge = CachedJudge(LLMJudge(client), path=path)
    first = judge.decide(QUESTION)
    assert first.same is True and "model failed" in first.reason and not first.final
    assert judge.cache == {}
    second = judge.decide(QUESTION)  # asked again: the failure was not a verdict
    assert (second.same, client.calls) == (False, 2)
    judge.save()
    # a later run reuses the stored verdict: no request
    reloaded = CachedJudge(LLMJudge(_Client()), path=path)
    verdict, cached = reloaded.lookup(QUESTION)
    assert cached and verdict.same is False


def test_judge_budget_overflow_is_stored_so_reruns_ask_nothing(tmp_path: Path) -> None:
    from schemas.story import MemberRef
    from service.merge.judge import Decider

    path = tmp_path / "judge-cache.json"
    other = Question("actor", {"name": "Ilse Marrow"}, {"name": "Ilse M."}, lean=True, hint="x")
    client = _Client(JudgeAnswer(same=True, reason="same"))
    decider = Decider(CachedJudge(LLMJudge(client), path=path), budget=1)
    ref = MemberRef(article="a", item="x1")
    decider.ask(QUESTION, ref, ref)
    decider.ask(other, ref, ref)  # past the judge budget: the rule decides
    decider.judge.save()
    again = Decider(CachedJudge(LLMJudge(_Client()), path=path), budget=1)
    again.ask(QUESTION, ref, ref)
    again.ask(other, ref, ref)
    assert again.asked == 0 and client.calls == 1


def test_summary_reports_each_phase() -> None:
    r = BatchResult()
    r.usage = Usage(requests=5, prompt_tokens=900, completion_tokens=100, cost_usd=0.01)
    r.phases["judge"] = Usage(requests=2, prompt_tokens=150, completion_tokens=50, cost_usd=0.002)
    line = r.summary_line()
    assert "digests: 3 requests, 800 tokens, $0.0080" in line
    assert "judge: 2 requests, 200 tokens, $0.0020" in line
