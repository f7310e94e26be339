"""The `summarise` command as a user runs it: outputs, files, exit codes and per-file errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from service.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_098af35beed32b2d.txt"

ARTICLE = (
    "Harbour ferry returns after storm\n"
    "2024-03-05\n"
    "The harbour ferry resumed service on Monday after a three-day suspension.\n\n"
    "“We are glad to have the boats back,” said Maria Lopez, the port director.\n"
)


def test_single_file_json_is_digests_and_stories(capsys):
    assert main([str(SEED), "--format", "json"]) == 0
    top = json.loads(capsys.readouterr().out)
    assert sorted(top) == ["digests", "stories"] and len(top["digests"]) == 1
    doc = top["digests"][0]
    assert [s["sources"][0]["article"]["id"] for s in top["stories"]] == [SEED.stem]
    assert doc["article"]["id"] == SEED.stem
    assert doc["provenance"]["engine"] == "rules"
    assert all(doc["article"]["length"] >= q["end"] for q in doc["quotes"])


def test_bad_file_is_named_and_the_rest_still_run(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the batch store defaults to ./.newsdigest
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "nobody.json").write_text('{"id": "x", "title": "no text"}', encoding="utf-8")
    code = main([str(tmp_path), "--format", "jsonl", "--no-merge"])
    out, err = capsys.readouterr()
    assert code == 1
    assert "empty.txt" in err and "nobody.json" in err
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["article"]["id"] for d in lines] == ["good"]
    assert lines[0]["quotes"][0]["speaker"] == "Maria Lopez"


def test_out_dir_gets_one_file_per_article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    body = ARTICLE.split("\n", 2)[2].replace("Monday", "Tuesday")
    (src / "b.md").write_text("# Second story\n\n" + body, encoding="utf-8")
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "--format", "md", "--no-merge", "-q"]) == 0
    # a folder runs as a batch: one file per article, plus the (here empty) failures list
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "b.md", "failures.jsonl"]
    assert (out / "failures.jsonl").read_text(encoding="utf-8") == ""
    assert "Maria Lopez" in (out / "a.md").read_text(encoding="utf-8")


def test_text_view_is_readable(capsys):
    assert main([str(SEED), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Pentagon urges Iraq")
    assert "Quotes" in out and "Patrick Ryder" in out


def test_schema_command_prints_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "ArticleDigest"
    assert {"quotes", "actors", "events", "provenance"} <= set(schema["properties"])


def test_usage_errors_exit_2(capsys):
    assert main([str(SEED), "--engine", "rules", "--model", "openai/gpt-4o-mini"]) == 2
    assert "--model" in capsys.readouterr().err


def test_missing_file_exits_1_with_its_name(tmp_path, capsys):
    missing = tmp_path / "nope.txt"
    assert main([str(missing)]) == 1
    assert "nope.txt" in capsys.readouterr().err


def test_stdin_and_console_script():
    exe = Path(sys.executable).with_name("summarise")
    if not exe.exists():
        pytest.skip("console script not installed (pip install -e .)")
    res = subprocess.run(
        [str(exe), "-", "--format", "json"],
        input=ARTICLE,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)["digests"][0]
    assert doc["article"]["title"] == "Harbour ferry returns after storm"
    assert doc["quotes"][0]["text"] == "We are glad to have the boats back,"


def test_auto_engine_uses_the_model_configured_in_the_environment(
    fake_llm, tmp_path, monkeypatch, capsys
):
    # fake server (a test double): the model lists nothing, so the rules' answers stand in
    from tests.fakeserver import chat

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSDIGEST_MODEL", "fake-model")
    monkeypatch.setenv("NEWSDIGEST_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("NEWSDIGEST_LLM_RETRIES", "0")
    fake_llm.queue(
        chat({"actors": [], "quotes": [], "events": [], "summary": ""}, completion_tokens=12)
    )
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main([str(article), "--format", "json", "--store", str(tmp_path / "s.sqlite")]) == 0
    doc = json.loads(capsys.readouterr().out)["digests"][0]
    p = doc["provenance"]
    assert (p["engine"], p["model"], p["usage"]["completion_tokens"]) == (
        "llm",
        "openai-compatible:fake-model",
        12,
    )
    assert doc["quotes"][0]["speaker"] == "Maria Lopez"
    assert len(fake_llm.chat_requests) == 1
    # a second run is answered from the store: no new request
    assert main([str(article), "--format", "json", "--store", str(tmp_path / "s.sqlite")]) == 0
    assert len(fake_llm.chat_requests) == 1


def test_auto_engine_reads_the_model_from_the_config_file_given(
    fake_llm, tmp_path, monkeypatch, capsys
):
    # fake server (a test double); the model is named only in the --config file
    from tests.fakeserver import chat

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSDIGEST_MODEL", raising=False)
    cfg = tmp_path / "team.toml"
    cfg.write_text(f'[llm]\nmodel = "fake-model"\nbase_url = "{fake_llm.base_url}"\nretries = 0\n')
    fake_llm.queue(chat({"actors": [], "quotes": [], "events": [], "summary": ""}))
    article = tmp_path / "ferry.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main([str(article), "-f", "json", "--config", str(cfg), "--no-store"]) == 0
    assert json.loads(capsys.readouterr().out)["digests"][0]["provenance"]["engine"] == "llm"
