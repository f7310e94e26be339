"""Gold and corpus loading for evaluation: gold/<id>.json files validated into frozen models,
and the corpus articles (articles/<id>.json) they annotate."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from schemas import Article
from service.errors import EvaluationError


class _Gold(BaseModel):
    # gold files carry free-text notes and grouping keys we do not score: ignore unknown keys
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldQuote(_Gold):
    id: str = ""
    text: str = Field(min_length=1)
    speaker: str | None = None
    speaker_mention: str | None = None
    kind: Literal["direct", "partial"] = "direct"
    nested_in: str | None = None


class GoldActor(_Gold):
    name: str = Field(min_length=1)
    type: Literal["person", "organization", "location", "group"]
    aliases: tuple[str, ...] = ()
    role: str | None = None


class GoldEvent(_Gold):
    id: str = ""
    summary: str = Field(min_length=1)
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    location: str | None = None
    participants: tuple[str, ...] = ()


class GoldArticle(_Gold):
    id: str = Field(min_length=1)
    path: Path = Path()
    quotes: tuple[GoldQuote, ...] = ()
    actors: tuple[GoldActor, ...] = ()
    events: tuple[GoldEvent, ...] = ()


def _dirs(root: Path) -> tuple[Path, Path]:
    """(gold dir, articles dir) for a corpus dir or a gold dir given directly."""
    root = Path(root)
    if (root / "gold").is_dir():
        return root / "gold", root / "articles"
    if root.is_dir():
        return root, root.parent / "articles"
    raise EvaluationError(
        f"{root}: no such gold directory; pass the corpus dir (with gold/) or gold/"
    )


def _parse_gold(path: Path, data: Any) -> GoldArticle:
    if isinstance(data, dict):
        data = {"id": path.stem, **data, "path": path}
    try:
        gold = GoldArticle.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc']) or 'top level'}: {e['msg']}"
            for e in exc.errors()[:3]
        )
        raise EvaluationError(f"{path}: malformed gold ({problems}); fix the gold file") from None
    # unnamed quote/event ids default to their position, as the gold files number them
    quotes = tuple(
        q if q.id else q.model_copy(update={"id": f"q{i + 1}"}) for i, q in enumerate(gold.quotes)
    )
    events = tuple(
        e if e.id else e.model_copy(update={"id": f"e{i + 1}"}) for i, e in enumerate(gold.events)
    )
    return gold.model_copy(update={"quotes": quotes, "events": events})


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 ({exc.reason}); re-save it as UTF-8") from exc
    except json.JSONDecodeError as exc:
        raise EvaluationError(
            f"{path}: invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg}); fix the file"
        ) from exc
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read ({exc.strerror})") from exc


def load_gold(gold_root: Path) -> dict[str, GoldArticle]:
    """Read every gold/<id>.json (clusters.json excepted) under a corpus dir or a gold dir."""
    gold_dir, _ = _dirs(Path(gold_root))
    out: dict[str, GoldArticle] = {}
    for path in sorted(gold_dir.glob("*.json")):
        if path.name == "clusters.json":
            continue
        gold = _parse_gold(path, _read_json(path))
        if gold.id in out:
            raise EvaluationError(f"{path}: id {gold.id!r} already used by {out[gold.id].path}")
        out[gold.id] = gold
    if not out:
        raise EvaluationError(f"{gold_dir}: no gold files (*.json) found")
    return out


def _parse_published(path: Path, value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]  # a datetime keeps its date: pydantic refuses times on a date field
    raise EvaluationError(f"{path}: 'published' must be an ISO date or null, got {value!r}")


def load_corpus_articles(corpus_root: Path) -> list[Article]:
    """The corpus articles (articles/<id>.json with id, title, text, url, outlet, published)."""
    _, articles_dir = _dirs(Path(corpus_root))
    if not articles_dir.is_dir():
        raise EvaluationError(f"{articles_dir}: no articles directory next to the gold")
    out = []
    for path in sorted(articles_dir.glob("*.json")):
        data = _read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise EvaluationError(f"{path}: must be a JSON object with a string 'text'")
        out.append(
            Article(
                id=str(data.get("id") or path.stem),
                title=data.get("title"),
                text=data["text"],
                url=data.get("url"),
                outlet=data.get("outlet"),
                published=_parse_published(path, data.get("published")),  # type: ignore[arg-type]
                source=str(path),
            )
        )
    return out


def load_texts(gold_root: Path, ids: Iterable[str] | None = None) -> dict[str, str]:
    """Article texts from the corpus's articles/ dir, keyed by article id."""
    wanted = set(ids) if ids is not None else None
    return {
        a.id: a.text for a in load_corpus_articles(gold_root) if wanted is None or a.id in wanted
    }
