"""What the story evaluation scripts share: digesting a folder, the PolNeAR digests (kept as JSON
Lines with --cache), the stories as article ids, and the hand-labelled PolNeAR pairs.

Used by check_stories.py, eval_invented_stories.py, eval_story_pairs.py, eval_quote_clusters.py
and train_story_link.py; the PolNeAR articles are read from the path given on the command line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "data" / "story_pairs"


def digest_folder(folder: Path, engine: str = "rules") -> list:
    """The digests of the article files in `folder`, in one process (the figures' order)."""
    from service.api import summarise_many

    return list(summarise_many([folder], engine=engine, workers=1))


def digests(polnear: Path, parts: tuple[str, ...], engine: str, cache: Path | None) -> list:
    """The digests of the PolNeAR splits `parts` (from `cache` when it holds them; written there
    when it does not)."""
    from schemas import ArticleDigest

    out = []
    for part in parts:
        saved = cache / f"{part}-{engine}.jsonl" if cache else None
        if saved is not None and saved.exists():
            lines = saved.read_text(encoding="utf-8").splitlines()
            out += [ArticleDigest.model_validate_json(x) for x in lines]
            continue
        got = digest_folder(polnear / part / "articles", engine)
        if saved is not None:
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_text("".join(d.model_dump_json() + "\n" for d in got), encoding="utf-8")
        out += got
    return out


def story_ids(ds: Sequence) -> list[list[str]]:
    """group_stories (the shipped link model) as sorted lists of article ids, sorted."""
    from service.merge.stories import group_stories

    return sorted(sorted(d.article.id for d in g) for g in group_stories(ds))


def prf_text(f: Mapping[str, float], sep: str = "  ", counts: bool = True) -> str:
    """A PairPRF.figures() dict as the scripts print it: `P 0.889  R 0.209  F1 0.338  (tp 24,
    fp 3, fn 91)` (`sep` between the parts; the counts left out with `counts=False`)."""
    parts = [f"P {f['P']:.3f}", f"R {f['R']:.3f}", f"F1 {f['F1']:.3f}"]
    if counts:
        parts.append(f"(tp {f['tp']}, fp {f['fp']}, fn {f['fn']})")
    return sep.join(parts)


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    label: str  # same | different | unsure
    reason: str


def read_pairs(path: Path) -> list[Pair]:
    """The labelled pairs of a TSV file (article_a, article_b, label, reason)."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) != 4 or cells[2] not in ("same", "different", "unsure"):
            raise ValueError(
                f"{path}:{n}: want article_a, article_b, same|different|unsure, reason"
            )
        out.append(Pair(*cells))
    return out
