"""`summarise store export --format parquet DIR`: the results store as Parquet tables that pandas,
DuckDB, Spark and Polars read directly (pyarrow, the `parquet` extra).

Five files, one row per item:

* `digests.parquet`: one row per stored digest: article id, content hash, title, outlet, url,
  published, source, language, length, engine, model, summary, item counts and the digest JSON.
* `quotes.parquet`: article id, content hash, quote id, text, start/end offsets, kind, speaker,
  speaker mention and its offsets, role, attribution, fidelity, nested_in, story ids.
* `actors.parquet`: article id, content hash, actor id, name, type, role, aliases, anonymous,
  mention count and offsets (lists), story ids.
* `events.parquet`: article id, content hash, event id, summary, date, date text, location,
  participants, evidence offsets and text, story ids.
* `stories.parquet`: one row per story-level item of each story (kind actor / quote /
  event, its id, label, date, location, the articles supporting it, pages, sources).

The exported digests are merged as `summarise` merges them (unless `--no-merge`); each quote,
actor and event row then carries `story_item` (the id of the story-level quote cluster, actor or
event it joined, a key into stories.parquet) and `story` (the story's own id: a hash of its
articles). Rows are written in batches, so without the merge memory stays flat in the store size.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from service.errors import MissingExtraError

TABLES = ("digests", "quotes", "actors", "events", "stories")
BATCH_ROWS = 2000


def _pa() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:
        raise MissingExtraError("pyarrow", "parquet", "Parquet export") from e
    return pa, pq


def _schemas(pa: Any) -> dict[str, Any]:
    s, i, b, f = pa.string(), pa.int64(), pa.bool_(), pa.float64()
    ints, strs = pa.list_(i), pa.list_(s)
    story = [("story", s), ("story_item", s)]
    return {
        "digests": pa.schema(
            [
                ("article_id", s), ("content_hash", s), ("title", s), ("outlet", s),
                ("url", s), ("published", pa.date32()), ("source", s), ("language", s),
                ("length", i), ("engine", s), ("engine_version", s), ("model", s),
                ("summary", s), ("n_quotes", i), ("n_actors", i), ("n_events", i),
                ("cost_usd", f), ("story", s), ("digest_json", s),
            ]
        ),
        "quotes": pa.schema(
            [
                ("article_id", s), ("content_hash", s), ("quote_id", s), ("text", s),
                ("start", i), ("end", i), ("kind", s), ("speaker", s), ("speaker_mention", s),
                ("speaker_start", i), ("speaker_end", i), ("speaker_role", s),
                ("attribution", s), ("fidelity", s), ("nested_in", s), *story,
            ]
        ),
        "actors": pa.schema(
            [
                ("article_id", s), ("content_hash", s), ("actor_id", s), ("name", s),
                ("type", s), ("role", s), ("aliases", strs), ("anonymous", b),
                ("mentions", i), ("mention_starts", ints), ("mention_ends", ints), *story,
            ]
        ),
        "events": pa.schema(
            [
                ("article_id", s), ("content_hash", s), ("event_id", s), ("summary", s),
                ("date", s), ("date_text", s), ("location", s), ("participants", strs),
                ("evidence_start", i), ("evidence_end", i), ("evidence_text", s),
                ("evidence_starts", ints), ("evidence_ends", ints), *story,
            ]
        ),
        "stories": pa.schema(
            [
                ("story", s), ("kind", s), ("story_item", s), ("label", s), ("date", s),
                ("location", s), ("articles", strs), ("pages", i), ("sources", i),
            ]
        ),
    }  # fmt: skip


class _Sink:
    """One Parquet file written in row batches."""

    def __init__(self, pa: Any, pq: Any, path: Path, schema: Any) -> None:
        self.pa, self.schema, self.count = pa, schema, 0
        self.rows: list[dict[str, Any]] = []
        self.tmp = path.with_name(f".{path.name}.tmp")
        self.path = path
        self.writer = pq.ParquetWriter(self.tmp, schema)

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()
        self.tmp.replace(self.path)  # a reader never sees half a file

    def abort(self) -> None:
        self.writer.close()
        self.tmp.unlink(missing_ok=True)


def _story_index(story: Any) -> tuple[str, dict[tuple[str, str, str], str], list[dict[str, Any]]]:
    """(story id, (kind, article, item) -> story item id, rows of stories.parquet)."""
    sid = story.id  # content-derived: the same id as `summarise` prints and writes
    index: dict[tuple[str, str, str], str] = {}
    rows: list[dict[str, Any]] = []

    def row(kind: str, item: Any, label: str | None, **extra: Any) -> None:
        rows.append(
            {
                "story": sid,
                "kind": kind,
                "story_item": item.id,
                "label": label,
                "date": extra.get("date"),
                "location": extra.get("location"),
                "articles": list(item.support.articles),
                "pages": item.support.pages,
                "sources": item.support.sources,
            }
        )

    for a in story.actors:
        row("actor", a, a.name)
        for m in a.members:
            index[("actor", m.article, m.actor.id)] = a.id
    for q in story.quotes:
        row("quote", q, q.canonical)
        for v in q.variants:
            index[("quote", v.article, v.quote.id)] = q.id
    for e in story.events:
        row("event", e, e.summary, date=e.date, location=e.location)
        for em in e.members:
            index[("event", em.article, em.event.id)] = e.id
    return sid, index, rows


def _digest_rows(
    d: Any, sid: str | None, index: dict[tuple[str, str, str], str]
) -> Iterator[tuple[str, dict[str, Any]]]:
    a, p = d.article, d.provenance
    base = {"article_id": a.id, "content_hash": a.content_hash}
    yield (
        "digests",
        {
            **base,
            "title": a.title,
            "outlet": a.outlet,
            "url": a.url,
            "published": a.published,
            "source": a.source,
            "language": a.language,
            "length": a.length,
            "engine": p.engine,
            "engine_version": p.engine_version,
            "model": p.model,
            "summary": d.summary,
            "n_quotes": len(d.quotes),
            "n_actors": len(d.actors),
            "n_events": len(d.events),
            "cost_usd": p.usage.cost_usd if p.usage else None,
            "story": sid,
            "digest_json": d.model_dump_json(),
        },
    )

    def story_of(kind: str, item: str) -> dict[str, Any]:
        got = index.get((kind, a.id, item))
        return {"story": sid if got else None, "story_item": got}

    for q in d.quotes:
        sp = q.speaker_span
        yield (
            "quotes",
            {
                **base,
                "quote_id": q.id,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": str(q.kind),
                "speaker": q.speaker,
                "speaker_mention": q.speaker_mention,
                "speaker_start": sp.start if sp else None,
                "speaker_end": sp.end if sp else None,
                "speaker_role": q.speaker_role,
                "attribution": q.attribution,
                "fidelity": str(q.fidelity),
                "nested_in": q.nested_in,
                **story_of("quote", q.id),
            },
        )
    for ac in d.actors:
        yield (
            "actors",
            {
                **base,
                "actor_id": ac.id,
                "name": ac.name,
                "type": str(ac.type),
                "role": ac.role,
                "aliases": list(ac.aliases),
                "anonymous": ac.anonymous,
                "mentions": len(ac.mentions),
                "mention_starts": [m.start for m in ac.mentions],
                "mention_ends": [m.end for m in ac.mentions],
                **story_of("actor", ac.id),
            },
        )
    for e in d.events:
        ev = e.evidence[0] if e.evidence else None
        yield (
            "events",
            {
                **base,
                "event_id": e.id,
                "summary": e.summary,
                "date": e.date,
                "date_text": e.date_text,
                "location": e.location,
                "participants": list(e.participants),
                "evidence_start": ev.start if ev else None,
                "evidence_end": ev.end if ev else None,
                "evidence_text": ev.text if ev else None,
                "evidence_starts": [x.start for x in e.evidence],
                "evidence_ends": [x.end for x in e.evidence],
                **story_of("event", e.id),
            },
        )


def export_parquet(digests: Iterable[Any], out_dir: Path, *, merge: bool = True) -> dict[str, int]:
    """Write the five tables for `digests` into `out_dir`; returns rows written per table."""
    pa, pq = _pa()
    out_dir.mkdir(parents=True, exist_ok=True)
    story_of: dict[str, str] = {}  # article id -> its story's id
    index: dict[tuple[str, str, str], str] = {}
    story_rows: list[dict[str, Any]] = []
    if merge:
        digests = list(digests)  # the merge needs them all; without it they stream
        if digests:
            from service.merge import merge_stories

            for story in merge_stories(digests):
                sid, items, rows = _story_index(story)
                index.update(items)
                story_rows += rows
                story_of.update({src.article.id: sid for src in story.sources})
    schemas = _schemas(pa)
    sinks: dict[str, _Sink] = {}
    try:
        for name in TABLES:
            sinks[name] = _Sink(pa, pq, out_dir / f"{name}.parquet", schemas[name])
        for d in digests:
            for table, row in _digest_rows(d, story_of.get(d.article.id), index):
                sinks[table].add(row)
        for row in story_rows:
            sinks["stories"].add(row)
    except BaseException:
        for sink in sinks.values():
            sink.abort()
        raise
    for sink in sinks.values():
        sink.close()
    return {name: sink.count for name, sink in sinks.items()}


def wants_parquet(argv: Sequence[str]) -> bool:
    """`store export ... --format parquet` (or -f parquet / --format=parquet)."""
    args = list(argv)
    if not args or args[0] != "export":
        return False
    for i, a in enumerate(args):
        if a in ("-f", "--format") and i + 1 < len(args) and args[i + 1] == "parquet":
            return True
        if a in ("--format=parquet", "-fparquet"):
            return True
    return False


def cli_export_parquet(argv: Sequence[str]) -> int:
    """`summarise store export --format parquet DIR [--store FILE] [--engine E] [--model M]`."""
    from service.batch.store import STORE_ENV, Store
    from service.cli.common import err as _err

    p = argparse.ArgumentParser(
        prog="summarise store export --format parquet",
        description="Write digests, quotes, actors, events and stories as Parquet tables in DIR.",
    )
    p.add_argument("export", choices=("export",))
    p.add_argument("dir", type=Path, help="folder to write the .parquet files into")
    p.add_argument("-f", "--format", choices=("parquet",), required=True)
    p.add_argument("--store", type=Path, help=f"store file (default ${STORE_ENV})")
    p.add_argument("--engine")
    p.add_argument("--model")
    p.add_argument("--no-merge", action="store_true", help="no stories table or story ids")
    args = p.parse_args(list(argv))
    with Store(args.store) as store:
        counts = export_parquet(
            store.iter_digests(engine=args.engine, model=args.model),
            args.dir,
            merge=not args.no_merge,
        )
    _err("exported " + ", ".join(f"{n} {t}" for t, n in counts.items()) + f" to {args.dir}")
    print(json.dumps({"dir": str(args.dir), "rows": counts}))
    return 0
