"""Distinct benchmark articles from a corpus folder, and min/median timing helpers.

The articles are other people's writing: they are read from the corpus path given on the command
line and, when a benchmark needs files, written to a temporary folder only, never into the project.
When N exceeds the corpus, variants are made by dropping the first k paragraphs of an article
(k = 1, 2, ...), so every text is distinct and no per-text cache can hit twice.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from pathlib import Path

from schemas import Article
from service.ingest.files import load_articles


def corpus_files(roots: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        folder = root / "articles" if (root / "articles").is_dir() else root
        found = sorted(folder.glob("*.json"))
        if not found:
            raise SystemExit(f"{folder}: no article files (*.json); pass a corpus folder")
        files.extend(found)
    return files


def distinct_articles(roots: Iterable[Path], n: int | None = None) -> list[Article]:
    """`n` articles with distinct texts (all of the corpus when n is None)."""
    base: list[Article] = []
    seen: set[str] = set()
    for f in corpus_files(roots):
        for a in load_articles(f):
            if a.content_hash not in seen:
                seen.add(a.content_hash)
                base.append(a)
    if n is None or n <= len(base):
        return base if n is None else base[:n]
    out = list(base)
    k = 1
    while len(out) < n and k < 50:
        for a in base:
            paras = a.text.split("\n\n")
            if len(paras) <= k + 1:
                continue
            v = Article(id=f"{a.id}-v{k}", title=a.title, text="\n\n".join(paras[k:]))
            if v.content_hash in seen:
                continue
            seen.add(v.content_hash)
            out.append(v)
            if len(out) == n:
                break
        k += 1
    if len(out) < n:
        raise SystemExit(f"only {len(out)} distinct articles could be made; lower N")
    return out


def write_folder(articles: list[Article], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, a in enumerate(articles):
        doc = {"id": a.id, "title": a.title, "text": a.text}
        (folder / f"{i:06d}.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    return folder


def min_median(values: list[float]) -> str:
    return f"min {min(values):.3f}, median {statistics.median(values):.3f} (of {len(values)})"
