"""The digest stage on every core and on a Dask cluster: same digests, same store rows, same story
as digesting in this process. Articles are invented (tests/batchkit.py); the failing engine is a
test double that raises for one marked text."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import ClassVar

import pytest

from schemas import Article, ArticleDigest
from service import run_batch, summarise_many
from service.batch.executors import (
    DigestExecutor,
    EngineSpec,
    InlineExecutor,
    ProcessExecutor,
    RemoteFailure,
    default_workers,
    engine_spec,
    open_executor,
)
from service.batch.outcome import BatchResult
from service.batch.store import Store
from service.cli import main as cli
from service.engines import get_engine
from service.errors import ConfigError, NewsDigestError
from tests.batchkit import make_article, write_articles

BOOM = "BOOM-MARKER"


class Unpicklable(Exception):
    def __init__(self, a: str, b: str) -> None:  # args do not match: pickling cannot rebuild it
        super().__init__(f"{a}/{b}")


class BoomEngine:
    """The rules engine, except that a text holding BOOM raises (a NewsDigestError, or with
    BOOM-X an exception that cannot be pickled)."""

    name: ClassVar[str] = "boom"

    def __init__(self, **_: object) -> None:
        self._rules = get_engine("rules")

    def spec(self) -> EngineSpec:
        return EngineSpec("boom", target="tests.test_executors:BoomEngine")

    def digest(self, article: Article) -> ArticleDigest:
        if f"{BOOM}-X" in article.text:
            raise Unpicklable("odd", "args")
        if BOOM in article.text:
            raise NewsDigestError(f"cannot digest {article.id}")
        return self._rules.digest(article)


def _dump(digests: list[ArticleDigest]) -> list[str]:
    return [d.model_dump_json() for d in digests]


def test_the_rules_engine_has_a_spec_and_a_fake_engine_without_one_stays_inline():
    rules = get_engine("rules")
    assert engine_spec(rules) == EngineSpec("rules")

    class Plain:
        name = "plain"

        def digest(self, article: Article) -> ArticleDigest:
            raise AssertionError("not called")

    ex = open_executor(Plain(), workers=4)
    assert isinstance(ex, InlineExecutor) and ex.in_flight(3) == 3
    assert isinstance(open_executor(rules, workers=1), InlineExecutor)
    assert default_workers() >= 1


def test_bad_executor_options_are_config_errors(monkeypatch):
    rules = get_engine("rules")
    with pytest.raises(ConfigError, match="unknown executor"):
        open_executor(rules, executor="spark")
    with pytest.raises(ConfigError, match="at least 1"):
        open_executor(rules, workers=0)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    with pytest.raises(ConfigError, match="needs --scheduler"):
        open_executor(rules, executor="dask")
    with pytest.raises(ConfigError, match="only used with --executor dask"):
        open_executor(rules, scheduler="tcp://127.0.0.1:1")


def test_process_pool_gives_the_same_digests_in_input_order():
    articles = [make_article(i) for i in range(12)]
    inline = list(summarise_many(articles, engine="rules", workers=1))
    with ProcessExecutor(EngineSpec("rules"), 2) as ex:
        assert ex.workers == 2 and ex.in_flight(1) == 4
        pooled = [d for _, d in ex.imap(articles)]
    assert _dump(pooled) == _dump(inline)
    assert [d.article.id for d in pooled] == [a.id for a in articles]
    assert _dump(list(summarise_many(articles, engine="rules", workers=2))) == _dump(inline)


def _worker_gc() -> tuple[int, bool]:
    import gc

    return gc.get_threshold()[0], gc.get_freeze_count() > 0


def test_pool_workers_freeze_their_engine_and_run_young_collections_less_often():
    import gc

    from service.batch.options import WORKER_GC_YOUNG

    before = gc.get_threshold()
    with ProcessExecutor(EngineSpec("rules"), 1) as ex:
        assert ex._pool.submit(_worker_gc).result() == (WORKER_GC_YOUNG, True)
    assert gc.get_threshold() == before  # this process (the library's caller) is left alone


def test_errors_in_workers_come_back_and_the_rest_go_on():
    articles = [make_article(i) for i in range(6)]
    articles[2] = make_article(2, text=f"The mayor spoke. {BOOM} happened here.")
    articles[4] = make_article(4, text=f"The mayor spoke. {BOOM}-X happened here.")
    errors: list[NewsDigestError] = []
    got = list(summarise_many(articles, engine=BoomEngine(), workers=2, on_error=errors.append))
    assert [d.article.id for d in got] == ["a0000", "a0001", "a0003", "a0005"]
    assert len(errors) == 2
    assert "cannot digest a0002" in str(errors[0])
    # the unpicklable error travels as a RemoteFailure naming the original type
    assert isinstance(errors[1].cause, RemoteFailure)  # type: ignore[attr-defined]
    assert "Unpicklable: odd/args" in str(errors[1])


def test_run_batch_with_processes_fills_the_store_like_one_process(tmp_path: Path):
    src = tmp_path / "in"
    write_articles(src, 8)
    one = run_batch([src], engine="rules", store=tmp_path / "a.sqlite", workers=1)
    many = run_batch([src], engine="rules", store=tmp_path / "b.sqlite", workers=2)
    assert many.succeeded == one.succeeded == 8
    assert _dump(many.digests) == _dump(one.digests)
    assert many.story is not None and one.story is not None
    assert many.story.model_dump_json() == one.story.model_dump_json()
    with Store(tmp_path / "b.sqlite") as st:
        assert st.count_digests() == 8


def test_cli_workers_option_prints_the_same_document(tmp_path: Path, capsys):
    src = tmp_path / "in"
    write_articles(src, 5)
    outs = []
    for w in ("1", "2"):
        assert cli.main([str(src), "--no-store", "-f", "json", "-q", "--workers", w]) == 0
        outs.append(capsys.readouterr().out)
    assert outs[0] == outs[1]
    doc = json.loads(outs[0])
    assert len(doc["digests"]) == 5 and doc["stories"]


def test_streamed_json_matches_the_whole_document(tmp_path: Path, capsys):
    """Without a merge the JSON document is written as digests arrive; its bytes are those of
    one json.dumps of the whole document."""
    src = tmp_path / "in"
    write_articles(src, 3)
    assert cli.main([str(src), "--no-store", "-f", "json", "-q", "--no-merge"]) == 0
    out = capsys.readouterr().out
    doc = json.loads(out)
    assert out == json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    assert [d["article"]["id"] for d in doc["digests"]] == ["a0000", "a0001", "a0002"]


# -- Dask: a LocalCluster of two worker processes on 127.0.0.1 --


@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    import dask

    # a loaded machine starts worker processes slowly: allow more than the 30 s default
    stack = contextlib.ExitStack()
    stack.enter_context(dask.config.set({"distributed.comm.timeouts.connect": "120s"}))
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        host="127.0.0.1",
        dashboard_address=None,
        # workers import this package (and these tests) from the same checkout
        env={"PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parent.parent)])},
    )
    try:
        yield cluster
    finally:
        cluster.close()
        stack.close()


@pytest.mark.slow
def test_dask_run_matches_the_local_run_store_and_story(dask_cluster, tmp_path: Path):
    src = tmp_path / "in"
    write_articles(src, 10)
    local = run_batch([src], engine="rules", store=tmp_path / "local.sqlite", workers=1)

    def on_dask() -> BatchResult:
        addr = dask_cluster.scheduler_address
        store = tmp_path / "dask.sqlite"
        return run_batch([src], engine="rules", store=store, executor="dask", scheduler=addr)

    remote = on_dask()
    assert remote.succeeded == 10 and remote.failed == 0
    assert _dump(remote.digests) == _dump(local.digests)
    assert remote.story is not None and local.story is not None
    assert remote.story.model_dump_json() == local.story.model_dump_json()
    with Store(tmp_path / "dask.sqlite") as st:
        assert st.count_digests() == 10
    # a rerun is served by the store (one writer, here), not digested again
    again = on_dask()
    assert again.cached == 10


@pytest.mark.slow
def test_dask_failures_are_recorded_and_the_rest_go_on(dask_cluster, tmp_path: Path):
    articles = [make_article(i) for i in range(4)]
    articles[1] = make_article(1, text=f"The clerk spoke. {BOOM} today.")
    result = run_batch(
        articles,
        engine=BoomEngine(),
        store=tmp_path / "s.sqlite",
        executor="dask",
        scheduler=dask_cluster.scheduler_address,
        merge=False,
    )
    assert (result.succeeded, result.failed) == (3, 1)
    failed = [o for o in result.outcomes if o.status.value == "failed"]
    assert "cannot digest a0001" in (failed[0].reason or "")


@pytest.mark.slow
def test_cli_dask_executor_prints_what_the_local_run_prints(dask_cluster, tmp_path, capsys):
    src = tmp_path / "in"
    write_articles(src, 6)
    assert cli.main([str(src), "--no-store", "-f", "json", "-q", "--workers", "1"]) == 0
    local = capsys.readouterr().out
    addr = dask_cluster.scheduler_address
    argv = [str(src), "--no-store", "-f", "json", "-q", "--executor", "dask", "--scheduler", addr]
    assert cli.main(argv) == 0
    assert capsys.readouterr().out == local


def test_dask_executor_reports_an_unreachable_scheduler(monkeypatch):
    pytest.importorskip("distributed", reason="the dask extra is not installed")
    monkeypatch.setattr("service.batch.executors.CONNECT_TIMEOUT_S", 1.0)
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        open_executor(get_engine("rules"), executor="dask", scheduler="tcp://127.0.0.1:9")


def test_a_ready_executor_is_used_as_given():
    ex = InlineExecutor(get_engine("rules"))
    assert open_executor(get_engine("rules"), executor=ex) is ex
    assert isinstance(ex, DigestExecutor)


@pytest.mark.slow
def test_dask_stream_in_chunks_keeps_order_and_reports_errors(dask_cluster):
    articles = [make_article(i) for i in range(11)]  # one chunk of 8, then 3
    articles[9] = make_article(9, text=f"The clerk spoke. {BOOM}-X today.")
    errors: list[NewsDigestError] = []
    got = list(
        summarise_many(
            articles,
            engine=BoomEngine(),
            executor="dask",
            scheduler=dask_cluster.scheduler_address,
            on_error=errors.append,
        )
    )
    assert [d.article.id for d in got] == [a.id for a in articles if a.id != "a0009"]
    assert len(errors) == 1 and "Unpicklable: odd/args" in str(errors[0])
    local = list(summarise_many([a for a in articles if a.id != "a0009"], engine="rules"))
    assert _dump(got) == _dump(local)
