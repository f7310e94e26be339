"""Render a merged story for people: a terminal view and Markdown (JSON comes from the model)."""

from __future__ import annotations

import textwrap

from schemas.story import StoryDigest
from service.cli.render_text import md_cell, plural, short


def _support(pages: int, sources: int) -> str:
    if pages == sources:
        return plural(pages, "source")
    return f"{plural(sources, 'independent source')}, {plural(pages, 'page')}"


def story_text(story: StoryDigest, *, width: int = 100) -> str:
    lines: list[str] = []
    n_src = len(story.source_groups)
    head = (
        f"STORY {story.id}: {plural(len(story.sources), 'article')}, "
        f"{plural(n_src, 'independent source')}"
    )
    lines += [head, "=" * min(len(head), width)]
    for g in story.source_groups:
        if len(g.articles) > 1:
            lines.append(f"  syndicated copy ({g.basis}): {', '.join(g.articles)}")
    if story.summary:
        lines += [""] + textwrap.wrap(story.summary, width)
    if story.events:
        lines += ["", "Events"]
        for e in story.events:
            disputed = any(d.field == "date" for d in e.disagreements)
            when = e.date or ("date disputed" if disputed else "date unknown")
            where = f" @ {e.location}" if e.location else ""
            lines.append(
                f"  [{e.id}] {when}{where} ({_support(e.support.pages, e.support.sources)})"
            )
            lines.append(f"        {short(e.summary, width - 8)}")
            for dis in e.disagreements:
                vals = "; ".join(
                    f"{v.value} ({', '.join(sorted({m.article for m in v.members}))})"
                    for v in dis.values
                )
                lines.append(f"        sources disagree on {dis.field}: {vals}")
    if story.actors:
        lines += ["", "Actors"]
        for a in story.actors:
            others = [x for x in a.aliases if x != a.name][:5]
            aka = f" aka {'; '.join(others)}" if others else ""
            anon = " (unnamed)" if a.anonymous and "unnamed" not in a.name else ""
            lines.append(
                f"  {a.name}{anon} ({a.type.value}, {_support(a.support.pages, a.support.sources)}){aka}"
            )
    if story.quotes:
        lines += ["", "Quotes"]
        for q in story.quotes:
            who = q.speaker or "speaker not stated"
            rel = ", ".join(r.value for r in q.relations if r.value != "canonical")
            rel = f"; variants: {rel}" if rel else ""
            lines.append(f"  [{q.id}] {who} ({_support(q.support.pages, q.support.sources)}{rel}):")
            lines.extend(
                textwrap.wrap(
                    f"“{short(q.canonical, 600)}”",
                    width,
                    initial_indent="      ",
                    subsequent_indent="      ",
                )
            )
    p = story.provenance
    lines += [
        "",
        f"merger {p.merger_version}, judge {p.judge}; {p.decisions_total} recorded decisions",
    ]
    return "\n".join(lines) + "\n"


def story_markdown(story: StoryDigest) -> str:
    out = [f"# Story {story.id}", ""]
    out.append(
        f"{plural(len(story.sources), 'article')} from "
        f"{plural(len(story.source_groups), 'independent source')}: "
        + ", ".join(s.article.outlet or s.article.id for s in story.sources)
    )
    out.append("")
    if story.summary:
        out += [story.summary, ""]
    if story.events:
        out += [
            "## Events",
            "",
            "| date | where | what | sources | disagreements |",
            "|---|---|---|---|---|",
        ]
        for e in story.events:
            dis = "; ".join(
                f"{d.field}: " + " vs ".join(v.value for v in d.values) for d in e.disagreements
            )
            out.append(
                f"| {e.date or ''} | {md_cell(e.location or '')} | {md_cell(e.summary)} | "
                f"{e.support.sources} ({plural(e.support.pages, 'page')}) | {md_cell(dis)} |"
            )
        out.append("")
    if story.actors:
        out += ["## Actors", "", "| name | type | aliases | sources |", "|---|---|---|---|"]
        for a in story.actors:
            out.append(
                f"| {md_cell(a.name)} | {a.type.value} | {md_cell('; '.join(a.aliases))} | {a.support.sources} |"
            )
        out.append("")
    if story.quotes:
        out += ["## Quotes", ""]
        for q in story.quotes:
            out.append(
                f"- **{md_cell(q.speaker or '(speaker not stated)')}** ({plural(q.support.sources, 'source')}): “{md_cell(q.canonical)}”"
            )
        out.append("")
    return "\n".join(out) + "\n"


def render_story(story: StoryDigest, fmt: str) -> str:
    if fmt == "text":
        return story_text(story)
    if fmt == "md":
        return story_markdown(story)
    raise ValueError(f"unknown format {fmt!r}")
