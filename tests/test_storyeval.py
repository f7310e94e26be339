"""scripts/storyeval.py, what the story evaluation scripts share: the digest cache and the printed
figures (the articles are the project's invented test set, tests/data/invented_stories)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from storyeval import digests, prf_text, story_ids  # noqa: E402

from service.evaluation.pairs import PairPRF  # noqa: E402

TUNE = ROOT / "tests" / "data" / "invented_stories" / "tune" / "articles"


def test_digests_are_written_to_the_cache_and_read_back_from_it(tmp_path: Path) -> None:
    articles = tmp_path / "corpus" / "dev" / "articles"
    articles.mkdir(parents=True)
    files = sorted(TUNE.glob("*bergvik*.json"))
    assert len(files) >= 3
    for f in files:
        shutil.copy(f, articles / f.name)
    cache = tmp_path / "cache"
    first = digests(tmp_path / "corpus", ("dev",), "rules", cache)
    assert sorted(d.article.id for d in first) == [f.stem for f in files]
    saved = cache / "dev-rules.jsonl"
    assert len(saved.read_text(encoding="utf-8").splitlines()) == len(files)
    shutil.rmtree(articles)  # from now on only the cache can answer
    again = digests(tmp_path / "corpus", ("dev",), "rules", cache)
    assert [d.model_dump_json() for d in again] == [d.model_dump_json() for d in first]
    assert story_ids(again) == story_ids(first)
    assert all(g == sorted(g) for g in story_ids(again))


def test_prf_text_prints_the_figures_as_the_scripts_always_did() -> None:
    f = PairPRF(24, 3, 91).figures()
    assert prf_text(f) == "P 0.889  R 0.209  F1 0.338  (tp 24, fp 3, fn 91)"
    assert prf_text(f, " ", counts=False) == "P 0.889 R 0.209 F1 0.338"
