"""`summarise store export --format parquet DIR`: tables read back with pyarrow match the stored
digests item for item. Articles are invented (tests/batchkit.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from service import run_batch
from service.batch.parquet import TABLES, export_parquet, wants_parquet
from service.batch.store import Store
from service.cli import main as cli
from tests.batchkit import make_article

pq = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")

STORY = [
    'Mayor Jane Doe said on Monday: "The new bridge will open in May." The council voted.',
    'The bridge opens in May, Mayor Jane Doe said. "The new bridge will open in May," she said.',
    'Jane Doe, the mayor of Riverton, said "the new bridge will open in May" at a meeting.',
]


@pytest.fixture()
def store_path(tmp_path: Path) -> Path:
    articles = [make_article(i, text=t) for i, t in enumerate(STORY)]
    path = tmp_path / "s.sqlite"
    r = run_batch(articles, engine="rules", store=path, workers=1, merge=False)
    assert r.succeeded == 3
    return path


def test_cli_writes_five_tables_that_read_back(store_path: Path, tmp_path: Path, capsys):
    out = tmp_path / "pq"
    argv = ["store", "export", "--format", "parquet", str(out), "--store", str(store_path)]
    assert cli.main(argv) == 0
    report = json.loads(capsys.readouterr().out)
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    tables = {t: pq.read_table(out / f"{t}.parquet").to_pylist() for t in TABLES}
    assert {t: len(rows) for t, rows in tables.items()} == report["rows"]

    with Store(store_path) as st:
        digests = {d.article.id: d for d in st.iter_digests()}
    assert sorted(r["article_id"] for r in tables["digests"]) == sorted(digests)
    # one row per quote, with its offsets and speaker as stored
    want = sorted(
        (d.article.id, q.id, q.start, q.end, q.speaker) for d in digests.values() for q in d.quotes
    )
    got = sorted(
        (r["article_id"], r["quote_id"], r["start"], r["end"], r["speaker"])
        for r in tables["quotes"]
    )
    assert got == want and got
    for r in tables["quotes"]:
        text = STORY[int(r["article_id"][1:])]
        assert text[r["start"] : r["end"]] == r["text"]
    n_actors = sum(len(d.actors) for d in digests.values())
    assert len(tables["actors"]) == n_actors > 0
    assert len(tables["events"]) == sum(len(d.events) for d in digests.values())
    # every item that joined the merged story names a story item present in stories.parquet
    items = {r["story_item"] for r in tables["stories"]}
    joined = [r for t in ("quotes", "actors", "events") for r in tables[t] if r["story_item"]]
    assert joined and all(r["story_item"] in items for r in joined)
    assert len({r["story"] for r in tables["stories"]}) == 1
    # the quote said in all three articles is one story-level quote cluster
    bridge = [r for r in tables["quotes"] if "bridge will open in May" in r["text"]]
    assert len({r["story_item"] for r in bridge}) == 1 and len(bridge) >= 3


def test_no_merge_leaves_story_columns_empty(store_path: Path, tmp_path: Path):
    with Store(store_path) as st:
        counts = export_parquet(st.iter_digests(), tmp_path / "pq", merge=False)
    assert counts["stories"] == 0 and counts["digests"] == 3
    rows = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    assert rows and all(r["story"] is None and r["story_item"] is None for r in rows)


def test_parquet_is_recognised_only_for_export():
    assert wants_parquet(["export", "--format", "parquet", "d"])
    assert wants_parquet(["export", "d", "-f", "parquet"])
    assert wants_parquet(["export", "--format=parquet", "d"])
    assert not wants_parquet(["export", "--format", "jsonl"])
    assert not wants_parquet(["list", "--format", "parquet"])
