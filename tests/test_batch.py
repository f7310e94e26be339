"""Batch runs: resume from the store, bounded concurrency, failures as data, budgets, duplicates,
outputs and progress. Logic tests use a fake engine (tests.batchkit); integration uses `rules`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import Usage
from service.batch.identity import engine_identity
from service.batch.outcome import EXIT_FAILED, EXIT_OK, EXIT_STOPPED, Status
from service.batch.progress import Progress, TextProgress
from service.batch.runner import run_batch
from service.batch.store import EngineIdentity, Store
from service.errors import GroundingError, OutputValidationError, RetriesExhaustedError
from tests.batchkit import FakeEngine, make_article, write_articles

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "store.sqlite") as st:
        yield st


def _statuses(result) -> dict[str, str]:
    return {Path(o.source).name: o.status.value for o in result.outcomes}


def test_run_then_rerun_makes_zero_calls(tmp_path: Path, store: Store) -> None:
    src = tmp_path / "in"
    write_articles(src, 12)
    out = tmp_path / "out"
    eng = FakeEngine()
    r1 = run_batch([src], engine=eng, store=store, out_dir=out, merge=False)
    assert (r1.succeeded, r1.cached, r1.failed, r1.skipped_duplicates) == (12, 0, 0, 0)
    assert r1.exit_code() == EXIT_OK
    assert eng.total_calls == 12 and max(eng.calls.values()) == 1
    assert store.count_digests() == 12
    assert (r1.usage.requests, r1.tokens) == (12, 12 * 120)
    files = sorted(p.name for p in out.iterdir())
    assert files == sorted([f"a{i:04d}.json" for i in range(12)] + ["failures.jsonl"])
    first = {p.name: p.read_text() for p in out.iterdir()}
    one = json.loads((out / "a0003.json").read_text())
    assert (one["article"]["id"], one["summary"]) == ("a0003", "summary of a0003")

    eng2 = FakeEngine()
    r2 = run_batch([src], engine=eng2, store=store, out_dir=out, merge=False)
    assert eng2.total_calls == 0
    assert (r2.succeeded, r2.cached, r2.failed) == (0, 12, 0)
    assert (r2.usage.requests, r2.tokens) == (0, 0)
    assert {p.name: p.read_text() for p in out.iterdir()} == first
    assert r2.exit_code() == EXIT_OK


def test_engine_identity_is_part_of_the_key(tmp_path: Path, store: Store) -> None:
    arts = [make_article(i) for i in range(3)]
    run_batch(arts, engine=FakeEngine(), store=store, merge=False)
    other_prompt = FakeEngine(prompt_hash="p-2")
    r = run_batch(arts, engine=other_prompt, store=store, merge=False)
    assert (r.succeeded, r.cached, other_prompt.total_calls) == (3, 0, 3)
    assert engine_identity(other_prompt) == EngineIdentity(
        engine="fake", model="fake-model", prompt_hash="p-2", engine_version=""
    )


def test_concurrency_is_bounded(store: Store) -> None:
    eng = FakeEngine(delay=0.03)
    r = run_batch(
        [make_article(i) for i in range(24)], engine=eng, store=store, concurrency=3, merge=False
    )
    assert r.succeeded == 24
    assert eng.max_concurrent == 3


def test_failures_are_data_and_retry_failed_runs_only_them(tmp_path: Path, store: Store) -> None:
    src = tmp_path / "in"
    write_articles(src, 6)
    out = tmp_path / "out"
    fail = {
        "a0001": RetriesExhaustedError(["HTTP 503", "HTTP 503", "timeout"], model="m"),
        "a0004": OutputValidationError("quotes never grounded", attempts=3),
        "a0005": ValueError("a bug"),
    }
    eng = FakeEngine(fail=dict(fail))
    r = run_batch([src], engine=eng, store=store, out_dir=out, merge=False)
    assert (r.succeeded, r.failed) == (3, 3)
    assert r.exit_code() == EXIT_FAILED
    by_id = {o.article_id: o for o in r.outcomes}
    assert (by_id["a0001"].kind, by_id["a0001"].attempts, by_id["a0001"].attempt_reasons) == (
        "RetriesExhaustedError",
        3,
        ["HTTP 503", "HTTP 503", "timeout"],
    )
    assert (by_id["a0004"].kind, by_id["a0004"].attempts) == ("OutputValidationError", 3)
    assert by_id["a0005"].kind == "internal:ValueError"
    lines = [json.loads(x) for x in (out / "failures.jsonl").read_text().splitlines()]
    assert [(x["article_id"], x["kind"]) for x in lines] == [
        ("a0001", "RetriesExhaustedError"),
        ("a0004", "OutputValidationError"),
        ("a0005", "internal:ValueError"),
    ]
    assert sorted((f.article_id, f.kind) for f in store.list_failures()) == [
        ("a0001", "RetriesExhaustedError"),
        ("a0004", "OutputValidationError"),
        ("a0005", "internal:ValueError"),
    ]

    # A plain rerun reports the recorded failures without calling the engine again.
    eng2 = FakeEngine(fail=dict(fail))
    r2 = run_batch([src], engine=eng2, store=store, out_dir=out, merge=False)
    assert eng2.total_calls == 0
    assert (r2.cached, r2.failed) == (3, 3)
    assert all(o.previously_failed for o in r2.outcomes if o.status is Status.failed)
    assert "--retry-failed" in r2.summary_line()

    # retry_failed runs exactly the failed ones; now one of them still fails.
    eng3 = FakeEngine(fail={"a0004": GroundingError("nothing grounded")})
    r3 = run_batch([src], engine=eng3, store=store, out_dir=out, merge=False, retry_failed=True)
    called = {a for a, n in eng3.calls.items() if n}
    assert len(called) == 3 and eng3.total_calls == 3
    assert (r3.succeeded, r3.cached, r3.failed) == (2, 3, 1)
    assert [(f.article_id, f.kind, f.runs_failed) for f in store.list_failures()] == [
        ("a0004", "GroundingError", 2)
    ]
    assert store.count_digests() == 5


def test_retry_failed_skips_articles_never_tried(store: Store) -> None:
    eng = FakeEngine(fail={"a0000": GroundingError("none")})
    run_batch([make_article(0)], engine=eng, store=store, merge=False)
    eng2 = FakeEngine()
    r = run_batch(
        [make_article(0), make_article(1)], engine=eng2, store=store, merge=False, retry_failed=True
    )
    assert [(o.article_id, o.status) for o in r.outcomes] == [
        ("a0000", Status.succeeded),
        ("a0001", Status.skipped),
    ]
    assert eng2.total_calls == 1


def test_duplicates_digest_once(tmp_path: Path, store: Store) -> None:
    src = tmp_path / "in"
    (src / "nested").mkdir(parents=True)
    body = "Same story\n\nThe mayor said nothing new today about the bridge works in Exampletown."
    (src / "first.txt").write_text(body)
    (src / "nested" / "copy.txt").write_text(body)
    (src / "other.txt").write_text(
        "Other\n\nA different invented story about a harbour in Sampleport."
    )
    eng = FakeEngine()
    r = run_batch([src], engine=eng, store=store, merge=False)
    assert eng.total_calls == 2
    assert _statuses(r) == {
        "first.txt": "succeeded",
        "copy.txt": "duplicate",
        "other.txt": "succeeded",
    }
    dup = next(o for o in r.outcomes if o.status is Status.duplicate)
    assert dup.duplicate_of is not None and dup.duplicate_of.endswith("first.txt")
    assert r.skipped_duplicates == 1


def test_cached_digest_takes_the_new_files_metadata(tmp_path: Path, store: Store) -> None:
    (tmp_path / "old.txt").write_text("Title\n\nAn invented story about a ferry in Sampleport.")
    run_batch([tmp_path / "old.txt"], engine=FakeEngine(), store=store, merge=False)
    (tmp_path / "old.txt").rename(tmp_path / "renamed.txt")
    r = run_batch([tmp_path / "renamed.txt"], engine=FakeEngine(), store=store, merge=False)
    assert r.cached == 1
    (d,) = r.digests
    assert (d.article.id, Path(d.article.source or "").name) == ("renamed", "renamed.txt")


def test_output_names_never_collide(tmp_path: Path, store: Store) -> None:
    arts = [make_article(1, id="failures"), make_article(2, id="same"), make_article(3, id="same")]
    r = run_batch(arts, engine=FakeEngine(), store=store, out_dir=tmp_path / "o", merge=False)
    names = sorted(Path(o.output or "").name for o in r.outcomes)
    h = {a.id + str(i): a.content_hash[:10] for i, a in enumerate(arts)}
    assert names == sorted(
        ["same.json", f"same-{h['same2']}.json", f"failures-{h['failures0']}.json"]
    )


def test_max_tokens_stops_cleanly_and_resumes(store: Store) -> None:
    arts = [make_article(i) for i in range(20)]
    eng = FakeEngine(usage=Usage(requests=2, prompt_tokens=100, completion_tokens=20, reasks=1))
    r = run_batch(arts, engine=eng, store=store, concurrency=4, merge=False, max_tokens=1500)
    assert r.stopped == "budget"
    assert r.exit_code() == EXIT_STOPPED
    assert 0 < r.succeeded < 20
    assert r.tokens <= 1500
    assert r.tokens == r.succeeded * 120 and r.usage.reasks == r.succeeded
    assert r.skipped == 20 - r.succeeded
    assert {o.reason for o in r.outcomes if o.status is Status.skipped} == {"stopped: budget"}
    assert store.count_digests() == r.succeeded
    done = r.succeeded
    eng2 = FakeEngine()
    r2 = run_batch(arts, engine=eng2, store=store, merge=False)
    assert (r2.cached, r2.succeeded, eng2.total_calls) == (done, 20 - done, 20 - done)


@pytest.mark.parametrize("concurrency", [2, 4])
def test_max_cost_counts_failed_articles_usage(store: Store, concurrency: int) -> None:
    # The failed first article (0.03) makes the first estimates three times an article's real
    # cost (0.01): with four in flight, the third admission does not fit while two articles are
    # still reserved at 0.03 each. The run must wait for them rather than stop there (the old
    # rule stopped at 2 successes with four workers, anywhere between by thread timing with two).
    err = OutputValidationError("never valid", attempts=3)
    err.usage = Usage(requests=3, prompt_tokens=300, completion_tokens=60, reasks=2, cost_usd=0.03)  # type: ignore[attr-defined]
    eng = FakeEngine(
        fail={"a0000": err},
        usage=Usage(requests=1, prompt_tokens=100, completion_tokens=20, cost_usd=0.01),
    )
    arts = [make_article(i) for i in range(30)]
    r = run_batch(arts, engine=eng, store=store, concurrency=concurrency, merge=False, max_cost=0.1)
    assert r.stopped == "budget"
    assert r.cost_usd is not None and r.cost_usd <= 0.1 + 1e-9
    assert r.failed == 1 and r.usage.reasks == 2
    assert r.cost_usd == pytest.approx(0.03 + 0.01 * r.succeeded)
    assert r.succeeded >= 5
    assert r.succeeded + r.failed + r.skipped == 30


def test_budget_ignored_for_an_engine_without_a_model(store: Store) -> None:
    r = run_batch(
        [make_article(i) for i in range(5)],
        engine=FakeEngine(model=""),
        store=store,
        merge=False,
        max_tokens=1,
    )
    assert (r.succeeded, r.stopped) == (5, None)


def test_progress_reports_every_outcome(store: Store) -> None:
    seen: list[Progress] = []
    arts = [make_article(i) for i in range(8)] + [make_article(0, id="dup")]
    r = run_batch(
        arts, engine=FakeEngine(), store=store, concurrency=2, merge=False, progress=seen.append
    )
    final = seen[-1]
    assert (final.done, final.total, final.succeeded, final.duplicates, final.in_flight) == (
        9,
        9,
        8,
        1,
        0,
    )
    assert (final.prompt_tokens, final.completion_tokens) == (800, 160)
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    assert r.succeeded == 8
    buf = io.StringIO()
    bar = TextProgress(buf, force=True, interval=0)
    bar(final)
    bar.close()
    line = buf.getvalue()
    assert line.startswith("\r[########################] 9/9 ok 8 cached 0 failed 0 dup 1 |")
    assert "960 tok" in line and "ETA 0m00s" in line and line.endswith("\n")
    quiet = TextProgress(io.StringIO())  # not a terminal, not forced: prints nothing
    quiet(final)
    assert quiet.stream.getvalue() == ""


def test_stories_are_written_one_file_each(tmp_path: Path, store: Store) -> None:
    r = run_batch(
        [make_article(i) for i in range(3)],
        engine=FakeEngine(),
        store=store,
        out_dir=tmp_path / "o",
    )
    assert r.stories and len(r.story_paths) == len(r.stories)
    assert sum(len(s.sources) for s in r.stories) == 3
    for s, p in zip(r.stories, r.story_paths, strict=True):
        assert Path(p) == tmp_path / "o" / "stories" / f"{s.id}.json"
        assert json.loads(Path(p).read_text())["id"] == s.id
    assert r.story is r.stories[0] and r.story_path == r.story_paths[0]


def test_kill_minus_nine_resume(tmp_path: Path) -> None:
    """SIGKILL a real child process mid-run three times; the rerun ends with one digest per article."""
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "kill_test.py"),
            "--articles",
            "40",
            "--kills",
            "3",
            "--concurrency",
            "4",
            "--delay",
            "0.03",
            "--seed",
            "7",
            "--work",
            str(tmp_path / "w"),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        cwd=ROOT,
    )
    report = json.loads(proc.stdout)
    assert report["ok"], report
    assert (
        report["digests_in_store"],
        report["distinct_articles_in_store"],
        report["outputs_written"],
    ) == (40, 40, 40)
    assert report["re_requested"] <= report["re_request_bound"]
    assert report["kills"] >= 1


def test_interrupt_finishes_in_flight_and_reruns_the_rest(store: Store) -> None:
    arts = [make_article(i) for i in range(12)]
    eng = FakeEngine(fail={"a0005": KeyboardInterrupt()}, delay=0.01)  # Ctrl-C lands mid-run
    r = run_batch(arts, engine=eng, store=store, concurrency=2, merge=False)
    assert r.stopped == "interrupted"
    assert r.exit_code() == 130
    assert r.failed == 0
    saved = store.count_digests()
    assert saved == r.succeeded and 0 < saved < 12
    eng2 = FakeEngine()
    r2 = run_batch(arts, engine=eng2, store=store, merge=False)
    assert (r2.cached, r2.succeeded, eng2.total_calls) == (saved, 12 - saved, 12 - saved)


def test_cli_batch_run_and_store_commands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from service.cli.main import main

    src = tmp_path / "in"
    write_articles(src, 3)
    (src / "empty.txt").write_text("")
    db = tmp_path / "s.sqlite"
    out = tmp_path / "out"
    rc = main(
        [str(src), "--engine", "rules", "--store", str(db), "--out", str(out), "-q", "--no-merge"]
    )
    assert rc == EXIT_FAILED  # the empty file failed; the three articles did not
    assert sorted(p.name for p in out.iterdir()) == [
        "a0000.json",
        "a0001.json",
        "a0002.json",
        "failures.jsonl",
    ]
    (fail,) = [json.loads(x) for x in (out / "failures.jsonl").read_text().splitlines()]
    assert (Path(fail["source"]).name, fail["kind"]) == ("empty.txt", "EmptyInputError")
    capsys.readouterr()
    assert main(["store", "list", "--store", str(db), "--json"]) == EXIT_OK
    rows = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert sorted(r["article_id"] for r in rows) == ["a0000", "a0001", "a0002"]
    assert {r["engine"] for r in rows} == {"rules"}
    assert main(["store", "export", "--store", str(db), "--format", "json"]) == EXIT_OK
    exported = json.loads(capsys.readouterr().out)
    assert sorted(d["article"]["id"] for d in exported) == ["a0000", "a0001", "a0002"]
    assert main(["store", "list", "failures", "--store", str(db), "--json"]) == EXIT_OK
    (f,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert f["kind"] == "EmptyInputError"
    assert main(["store", "prune", "--store", str(db), "--failures"]) == EXIT_OK
    assert capsys.readouterr().out.strip() == "deleted 0 digests, 1 failures, 0 runs"
    assert main(["store", "prune", "--store", str(db)]) == 2  # refuses without a filter: usage


def test_rules_digests_are_keyed_by_the_rules_code(tmp_path: Path) -> None:
    from service.engines.rules import RulesEngine, code_hash

    class EditedRules(RulesEngine):
        """The same engine after an edit to its rules: its code hash differs."""

        def identity(self) -> dict[str, str]:
            return {**super().identity(), "prompt_hash": "rules-code-edited"}

    src = tmp_path / "a.txt"
    src.write_text(
        "Title\n\n“We are ready,” said Mara Quill, the harbour master.\n", encoding="utf-8"
    )
    assert RulesEngine().identity()["prompt_hash"] == f"rules-code-{code_hash()}"
    with Store(tmp_path / "s.sqlite") as store:
        first = run_batch([src], engine=RulesEngine(), store=store, merge=False)
        again = run_batch([src], engine=RulesEngine(), store=store, merge=False)
        edited = run_batch([src], engine=EditedRules(), store=store, merge=False)
    assert (first.succeeded, again.cached, edited.succeeded, edited.cached) == (1, 1, 1, 0)
