"""Issue 11, batch side: nothing lost, nothing leaked, no traceback. One test (or more) per repro,
each failing before its fix. The engine is the scripted FakeEngine (tests/batchkit.py) or the
offline rules engine; every article is invented."""

from __future__ import annotations

import importlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from service.batch.outcome import EXIT_FAILED, EXIT_OK, Status
from service.batch.progress import Progress
from service.batch.runner import run_batch
from service.batch.store import Store
from service.cli.main import main
from service.errors import StoreUnavailableError
from service.fsio import TMP_SUFFIX, remove_stale_temps
from tests.batchkit import FakeEngine, invented_text, make_article, write_articles

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(tmp_path / "store.sqlite") as st:
        yield st


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# 1. long ids and long file names ------------------------------------------------------------------


def test_a_url_long_id_gets_a_bounded_output_name_and_reruns_go_on(
    tmp_path: Path, store: Store
) -> None:
    long_id = "https://example.test/news/" + "very-long-slug-" * 30  # ~480 bytes
    arts = [make_article(0, id=long_id), make_article(1)]
    out = tmp_path / "out"
    for _ in range(2):  # the rerun used to crash on the same article again
        r = run_batch(arts, engine=FakeEngine(), store=store, out_dir=out, merge=False)
        assert r.failed == 0 and r.exit_code() == EXIT_OK
    names = sorted(p.name for p in out.iterdir() if p.name != "failures.jsonl")
    assert len(names) == 2 and all(len(n.encode()) <= 200 for n in names)
    assert any(n.startswith("https___example.test_news_very-long-slug") for n in names)


def test_a_232_byte_file_name_is_digested(tmp_path: Path, store: Store) -> None:
    src = tmp_path / "in"
    src.mkdir()
    name = "n" * 236 + ".txt"  # legal on disk; the temp name for its output was not
    (src / name).write_text(f"Title\n\n{invented_text(3)}\n", encoding="utf-8")
    r = run_batch([src], engine=FakeEngine(), store=store, out_dir=tmp_path / "out")
    assert [o.status for o in r.outcomes] == [Status.succeeded]


# 2 and 4. outputs never overwrite inputs or each other -----------------------------------------


def test_out_dot_never_replaces_the_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    original = f"Flood warning\n\n{invented_text(1)}\n"
    Path("flood.txt").write_text(original, encoding="utf-8")
    assert main(["flood.txt", "--out", ".", "-f", "text", "-q"]) == EXIT_OK
    assert Path("flood.txt").read_text(encoding="utf-8") == original
    outs = [p.name for p in tmp_path.iterdir() if p.name.startswith("flood-")]
    assert len(outs) == 1 and outs[0].endswith(".txt")


def test_out_dot_never_replaces_the_input_in_a_batch(tmp_path: Path, store: Store) -> None:
    src = tmp_path / "in"
    (paths,) = [write_articles(src, 1)]
    before = paths[0].read_text(encoding="utf-8")
    r = run_batch([src], engine=FakeEngine(), store=store, out_dir=src, fmt="text")
    assert r.exit_code() == EXIT_OK
    assert paths[0].read_text(encoding="utf-8") == before


def test_same_file_names_in_two_folders_merge(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder, i in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "flood.txt").write_text(f"Flood {i}\n\n{invented_text(i)}\n")
    (tmp_path / "a" / "flood.md").write_text(f"# Flood 3\n\n{invented_text(3)}\n")
    rc = main([str(tmp_path / "a"), str(tmp_path / "b"), "--no-store", "-f", "json", "-q"])
    assert rc == EXIT_OK
    doc = json.loads(capsys.readouterr().out)
    ids = [d["article"]["id"] for d in doc["digests"]]
    assert len(ids) == 3 and len(set(ids)) == 3 and ids[0] == "flood"
    assert doc["stories"]


def test_same_file_names_in_a_batch_merge(tmp_path: Path, store: Store) -> None:
    for folder, i in (("a", 1), ("b", 2)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.txt").write_text(f"Index {i}\n\n{invented_text(i)}\n")
    r = run_batch(
        [tmp_path / "a", tmp_path / "b"],
        engine="rules",
        store=store,
        out_dir=tmp_path / "out",
    )
    assert r.exit_code() == EXIT_OK and r.story is not None and not r.warnings
    assert len({d.article.id for d in r.digests}) == 2
    assert len(list((tmp_path / "out").glob("index*.json"))) == 2


def test_single_file_out_keeps_story_and_ids_apart(tmp_path: Path) -> None:
    src = tmp_path / "many.jsonl"
    rows = [
        {"id": "story", "text": invented_text(1)},
        {"id": "a/b", "text": invented_text(2)},
        {"id": "a_b", "text": invented_text(3)},
    ]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(src), "--no-store", "--out", str(out), "-f", "json", "-q"]) == EXIT_OK
    files = sorted(p.name for p in out.iterdir() if p.is_file())
    assert len(files) == 3 and "story.json" in files  # three articles, each its own file
    assert json.loads((out / "story.json").read_text())["article"]["id"] == "story"
    stories = list((out / "stories").glob("story-*.json"))  # the stories live in their folder
    assert stories and all("sources" in json.loads(p.read_text()) for p in stories)


# 5. two runs on one store -------------------------------------------------------------------------


def test_two_concurrent_runs_digest_each_article_once(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_articles(src, 24)
    eng = FakeEngine(delay=0.02)  # one engine shared, so its counter sees both runs
    results = []

    def one_run() -> None:
        with Store(tmp_path / "shared.sqlite") as st:
            results.append(run_batch([src], engine=eng, store=st, concurrency=3, merge=False))

    threads = [threading.Thread(target=one_run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert max(eng.calls.values()) == 1 and len(eng.calls) == 24
    for r in results:
        assert r.exit_code() == EXIT_OK and r.succeeded + r.cached == 24


def test_a_live_runs_temp_files_are_kept_and_a_dead_runs_removed(tmp_path: Path) -> None:
    live = tmp_path / f".a.json.{os.getppid()}-0123456789ab{TMP_SUFFIX}"
    dead = tmp_path / f".b.json.{_dead_pid()}-0123456789ab{TMP_SUFFIX}"
    live.write_text("half")
    dead.write_text("half")
    assert remove_stale_temps(tmp_path) == 1
    assert live.exists() and not dead.exists()


# 6. write errors ----------------------------------------------------------------------------------


def test_a_full_disk_fails_articles_not_the_batch(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import service.batch.output as bo

    real = bo.atomic_write_text

    def full(path: Path, text: str, **kw: object) -> Path:
        if path.name.startswith("a0001") or path.name.startswith("story"):
            raise OSError(28, "No space left on device")
        return real(path, text, **kw)

    mo = importlib.import_module("service.merge.output")  # `service.merge` is the function

    monkeypatch.setattr(bo, "atomic_write_text", full)
    monkeypatch.setattr(mo, "atomic_write_text", full)
    arts = [make_article(i) for i in range(3)]
    r = run_batch(arts, engine=FakeEngine(), store=store, out_dir=tmp_path / "out")
    assert [o.status.value for o in r.outcomes] == ["succeeded", "failed", "succeeded"]
    bad = r.outcomes[1]
    assert bad.kind == "OutputWriteError" and "No space left" in (bad.reason or "")
    assert r.exit_code() == EXIT_FAILED and store.count_digests() == 3
    assert any("stories" in w for w in r.warnings) and r.failures_path is not None


def test_judge_cache_is_atomic_and_never_world_writable(tmp_path: Path) -> None:
    from service.merge.judge import CachedJudge, Question, RuleJudge

    path = tmp_path / "judge-cache.json"
    path.write_text("")  # what a full disk left under the old writer
    judge = CachedJudge(RuleJudge(), path=path)  # an empty file no longer disables merges
    judge.lookup(Question("actor", {"name": "A"}, {"name": "B"}, lean=False, hint="h"))
    path.unlink()
    old = os.umask(0)
    try:
        judge.save()
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o002 == 0
    assert json.loads(path.read_text())


# 10. signals and bookkeeping ----------------------------------------------------------------------


def test_sigterm_is_handled_like_ctrl_c(tmp_path: Path) -> None:
    src = tmp_path / "in"
    write_articles(src, 400)
    db, out = tmp_path / "s.sqlite", tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "service", str(src), "--engine", "rules", "--store", str(db)]
    proc = subprocess.Popen(
        [*cmd, "--out", str(out), "--concurrency", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(list(out.glob("a*.json"))) < 3:
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "succeeded" in err and "stopped: interrupted" in err  # the summary line
    assert (out / "failures.jsonl").exists()
    with Store(db) as st:
        (run,) = st.list_runs()
    assert run["status"] == "interrupted"


def test_a_killed_run_is_not_running_forever(store: Store) -> None:
    from service.batch.store import EngineIdentity

    run = store.start_run(EngineIdentity("fake"), ["x"])
    with store._tx() as db:
        db.execute("UPDATE runs SET pid=? WHERE id=?", (_dead_pid(), run))
    (row,) = store.list_runs()
    assert row["status"] == "killed" and row["finished_at"] is not None


def test_a_run_is_finished_only_after_its_merge(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    merge_mod = importlib.import_module(
        "service.merge"
    )  # the package (service exports a `merge` function)
    seen: list[str] = []
    real = merge_mod.merge_stories

    def spy(digests: object, **kw: object) -> object:
        seen.append(store.list_runs()[0]["status"])
        return real(digests, **kw)

    monkeypatch.setattr(merge_mod, "merge_stories", spy)
    r = run_batch([make_article(i) for i in range(2)], engine="rules", store=store)
    assert seen == ["running"] and r.story is not None
    assert store.list_runs()[0]["status"] == "finished"


# 11. usage errors exit 2 with a message -----------------------------------------------------------


@pytest.mark.parametrize(
    "extra", [["--concurrency", "0"], ["--max-cost", "-1"], ["--max-tokens", "-5"]]
)
def test_bad_numbers_are_usage_errors(tmp_path: Path, extra: list[str]) -> None:
    write_articles(tmp_path / "in", 1)
    with pytest.raises(SystemExit) as info:
        main([str(tmp_path / "in"), "--store", str(tmp_path / "s.sqlite"), *extra])
    assert info.value.code == 2


def test_out_naming_a_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (paths,) = [write_articles(tmp_path / "in", 1)]
    target = tmp_path / "taken.json"
    target.write_text("{}")
    assert main([str(paths[0]), "--out", str(target)]) == 2
    assert "--out takes a folder" in capsys.readouterr().err


def test_store_list_on_a_missing_store_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no" / "such" / "x.sqlite"
    assert main(["store", "list", "--store", str(missing)]) == 2
    assert not (tmp_path / "no").exists()
    assert "no results store here" in capsys.readouterr().err


def test_a_store_that_cannot_be_opened_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreUnavailableError):
        Store(blocker / "x.sqlite")
    write_articles(tmp_path / "in", 1)
    assert main([str(tmp_path / "in"), "--store", str(blocker / "x.sqlite"), "-q"]) == 2


# 9 and 13. skipped files are named, escaped, and counted ----------------------------------------


def test_skipped_files_are_counted_and_named_with_escapes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    write_articles(src, 1)
    (src / "scan.pdf").write_bytes(b"%PDF-1.4")
    (src / "evil\x1b]0;owned\x07.doc").write_text("x")
    rc = main([str(src), "--engine", "rules", "--store", str(tmp_path / "s.sqlite"), "-f", "json"])
    err = capsys.readouterr().err
    assert rc == EXIT_OK
    assert "scan.pdf: unsupported file type '.pdf'" in err
    assert "\x1b" not in err and "evil\\x1b]0;owned\\x07.doc" in err
    assert "2 skipped" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from service import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0 and __version__ in capsys.readouterr().out


def test_a_read_only_store_is_a_usage_error(tmp_path: Path) -> None:
    import sqlite3

    from service.batch.store import EngineIdentity

    path = tmp_path / "s.sqlite"
    Store(path).close()
    st = Store(path)
    st._db.close()  # the file stays; only this connection turns read-only (root ignores chmod)
    st._db = sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )
    try:
        with pytest.raises(StoreUnavailableError, match="read-only"):
            st.start_run(EngineIdentity("fake"), ["x"])
    finally:
        st.close()


def test_no_output_replaces_an_input_read_later(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    first = {"id": "zz", "text": invented_text(1)}  # its output would be zz.txt, read second
    (src / "a.json").write_text(json.dumps(first), encoding="utf-8")
    later = f"Later story\n\n{invented_text(2)}\n"
    (src / "zz.txt").write_text(later, encoding="utf-8")
    assert main([str(src), "--no-store", "--out", str(src), "-f", "text", "-q"]) == EXIT_OK
    assert (src / "zz.txt").read_text(encoding="utf-8") == later


def test_an_interrupt_with_articles_queued_ends_the_run(tmp_path: Path, store: Store) -> None:
    """Ctrl-C (or SIGTERM) while articles wait in the queue: the pool's shutdown cancels them,
    and a cancelled future never counts as done for wait(), so the run used to hang here."""
    arts = [make_article(i) for i in range(12)]
    engine = FakeEngine(delay=0.2)

    def interrupt_once_queued(p: Progress) -> None:
        # just after the second article was handed to the pool, before a pool thread took it
        if p.done == 1 and p.in_flight == 1:
            raise KeyboardInterrupt

    result: dict[str, object] = {}
    t = threading.Thread(
        target=lambda: result.update(
            r=run_batch(
                arts, engine=engine, store=store, concurrency=1, progress=interrupt_once_queued
            )
        ),
        daemon=True,
    )
    t.start()
    t.join(timeout=30)
    assert not t.is_alive(), "the interrupted run never ended"
    r = result["r"]
    assert r.stopped == "interrupted"
    # the first article digested; the second, handed over but never started, is a skipped one
    assert [o.status for o in r.outcomes] == [Status.succeeded, Status.skipped]
    assert r.outcomes[1].reason == "stopped: interrupted"
