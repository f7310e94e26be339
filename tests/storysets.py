"""Shape checks shared by the story tuning sets' tests (tests/test_invented_stories_tune*.py): every
article read once, with an id, a title, a text and a publication date, and no article id shared
with another tuning set under tests/data/invented_stories."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_stories import SETS, gold  # noqa: E402


def read_set(name: str) -> tuple[dict[str, dict[str, Any]], list[list[str]], dict[str, date]]:
    """A set's articles by id, its gold stories and each article's publication date, checking
    that the stories hold every article once and every article its id, title and text."""
    folder = SETS / name
    arts = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (folder / "articles").glob("*.json")
    }
    clusters = gold(folder)
    assert sorted(a for g in clusters for a in g) == sorted(arts)
    days = {}
    for a, art in arts.items():
        assert art["id"] == a and art["title"] and art["text"]
        days[a] = date.fromisoformat(art["published"])
    return arts, clusters, days


def spans(clusters: list[list[str]], days: dict[str, date]) -> list[int]:
    """Each story's span in days, from its first article to its last."""
    return [(max(days[a] for a in g) - min(days[a] for a in g)).days for g in clusters]


def assert_own_ids(name: str, ids: set[str]) -> None:
    """No article id of set `name` is an article of any other story set (the kept-apart `check`
    sets are never read here)."""
    for other in sorted(p.name for p in SETS.iterdir() if (p / "clusters.json").is_file()):
        if other != name and not other.startswith("check"):
            assert not ids & {a for g in gold(SETS / other) for a in g}, other
