"""Render digests for people and programs: a terminal view, Markdown, JSON, JSON Lines and HTML
(service.report)."""

from __future__ import annotations

import textwrap

from service.cli.render_text import md_cell, plural, short

TYPE_CHECKING = False  # `typing` itself is not imported: `summarise --help` does not need it
if TYPE_CHECKING:  # imported where used, so `summarise --help` need not load pydantic
    from typing import Any

    from pydantic import BaseModel

    from schemas import ArticleDigest

FORMATS = ("text", "json", "jsonl", "md", "html")
SUFFIX = {"text": ".txt", "json": ".json", "jsonl": ".jsonl", "md": ".md", "html": ".html"}


def to_json(model: BaseModel, *, indent: int | None = 2) -> str:
    return model.model_dump_json(indent=indent, exclude_none=False)


def digest_text(d: ArticleDigest, *, width: int = 100) -> str:
    """A readable terminal view of one article digest."""
    a = d.article
    p = d.provenance
    lines: list[str] = []
    head = a.title or a.id
    lines.append(head)
    lines.append("=" * min(len(head), width))
    meta = [x for x in (a.outlet, a.published.isoformat() if a.published else None, a.source) if x]
    if meta:
        lines.append(" | ".join(meta))
    engine = p.engine + (f" ({p.model})" if p.model else "")
    dropped = p.dropped.total
    lines.append(
        f"engine: {engine}   quotes: {len(d.quotes)}   actors: {len(d.actors)}   "
        f"events: {len(d.events)}   dropped by grounding: {dropped}"
    )
    if p.usage is not None:
        u = p.usage
        cost = f"   cost: ${u.cost_usd:.4f}" if u.cost_usd is not None else ""
        lines.append(
            f"tokens: {u.prompt_tokens} in / {u.completion_tokens} out   requests: {u.requests}   "
            f"re-asks: {u.reasks}{cost}"
        )
    if d.summary:
        lines.append("")
        lines.extend(textwrap.wrap(d.summary, width))
    if d.events:
        lines.append("")
        lines.append("Events")
        for e in d.events:
            when = e.date or "date unknown"
            where = f" @ {e.location}" if e.location else ""
            lines.append(f"  [{e.id}] {when}{where}: {_short(e.summary, width - 10)}")
            if e.participants:
                lines.append(f"        who: {', '.join(e.participants)}")
    if d.actors:
        lines.append("")
        lines.append("Actors")
        for ac in d.actors:
            extra = []
            if ac.role:
                extra.append(ac.role)
            others = [x for x in ac.aliases if x != ac.name]
            if others:
                extra.append("aka " + "; ".join(others[:4]))
            tail = f" - {' | '.join(extra)}" if extra else ""
            anon = " (unnamed)" if ac.anonymous and "unnamed" not in ac.name else ""
            lines.append(
                f"  [{ac.id}] {ac.name}{anon} ({ac.type.value}, {plural(len(ac.mentions), 'mention')}){tail}"
            )
    if d.quotes:
        lines.append("")
        lines.append("Quotes")
        for q in d.quotes:
            who = q.speaker or "speaker not stated"
            if q.speaker_role:
                who += f", {q.speaker_role}"
            lines.append(
                f"  [{q.id}] {who} ({q.kind.value}, chars {q.start}-{q.end}, {q.fidelity.value}):"
            )
            lines.extend(
                textwrap.wrap(
                    f"“{_short(q.text, 600)}”",
                    width,
                    initial_indent="      ",
                    subsequent_indent="      ",
                )
            )
    return "\n".join(lines) + "\n"


def digest_markdown(d: ArticleDigest) -> str:
    a = d.article
    out: list[str] = [f"# {a.title or a.id}", ""]
    meta = [x for x in (a.outlet, a.published.isoformat() if a.published else None, a.url) if x]
    if meta:
        out += [" · ".join(meta), ""]
    if d.summary:
        out += [d.summary, ""]
    if d.events:
        out += ["## Events", "", "| id | date | where | what | who |", "|---|---|---|---|---|"]
        for e in d.events:
            out.append(
                f"| {e.id} | {e.date or ''} | {e.location or ''} | {_md(e.summary)} | {_md(', '.join(e.participants))} |"
            )
        out.append("")
    if d.actors:
        out += ["## Actors", "", "| id | name | type | role | aliases |", "|---|---|---|---|---|"]
        for ac in d.actors:
            out.append(
                f"| {ac.id} | {_md(ac.name)} | {ac.type.value} | {_md(ac.role or '')} | {_md('; '.join(ac.aliases))} |"
            )
        out.append("")
    if d.quotes:
        out += ["## Quotes", ""]
        for q in d.quotes:
            who = q.speaker or "(speaker not stated)"
            out.append(
                f"- **{_md(who)}** ({q.kind.value}, chars {q.start}–{q.end}): “{_md(q.text)}”"
            )
        out.append("")
    p = d.provenance
    out.append(
        f"_engine {p.engine} {p.engine_version}; model {p.model or '-'}; schema {p.schema_version} "
        f"({p.schema_hash}); dropped by grounding: {p.dropped.total}_"
    )
    return "\n".join(out) + "\n"


def render(obj: Any, fmt: str) -> str:
    """Render an ArticleDigest or a StoryDigest (or anything with a registered renderer)."""
    if fmt == "json":
        return to_json(obj) + "\n"
    if fmt == "jsonl":
        return to_json(obj, indent=None) + "\n"
    if fmt == "html":  # a page without article texts; `summarise PATHS -f html` passes them
        from service.report import render_one

        return render_one(obj)
    from schemas import ArticleDigest

    if isinstance(obj, ArticleDigest):
        return digest_text(obj) if fmt == "text" else digest_markdown(obj)
    story = _story_renderers()
    if story is not None:
        return story(obj, fmt)
    raise TypeError(f"no {fmt} renderer for {type(obj).__name__}")


def _story_renderers() -> Any:
    try:
        from service.cli.render_story import render_story
    except ImportError:
        return None
    return render_story


_short, _md = short, md_cell  # the names this module's renderers use (helpers: render_text)
