"""Story detection: articles grouped into stories before merging, the same whatever the input order,
the number of runs, or where the digests come from (fresh, the store, saved JSON)."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path

import pytest

from schemas import ArticleDigest
from service.api import resolve_engine
from service.batch.runner import run_batch
from service.batch.store import Store
from service.cli.main import main
from service.merge import load_digests, merge_stories
from service.merge.stories import group_stories
from tests.stories_set import FLOOD_QUOTE, LONE, STORIES, all_articles, expected_groups

ROOT = Path(__file__).resolve().parent.parent


def _shared(name: str) -> Path:
    """../shared/NAME beside the project (a worktree keeps it one level further up)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / name).exists():
            return base / "shared" / name
    return ROOT.parent / "shared" / name


CORPUS = _shared("dev-corpus")
POLNEAR = _shared("polnear") / "dev" / "articles"


@pytest.fixture(scope="module")
def digests() -> list[ArticleDigest]:
    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


def _groups(stories: list) -> list[list[str]]:
    return sorted(sorted(s.article.id for s in st.sources) for st in stories)


def test_a_folder_of_news_becomes_its_stories(digests: list[ArticleDigest]) -> None:
    stories = merge_stories(digests)
    assert _groups(stories) == expected_groups()
    # the flood story does not mix in the football match
    flood = next(s for s in stories if any(x.article.id == "flood-wire" for x in s.sources))
    assert "Rovers" not in flood.summary and "Brandt" not in flood.summary
    assert flood.summary.startswith("3 articles from 3 independent sources.")


def test_one_company_a_month_apart_is_two_stories(digests: list[ArticleDigest]) -> None:
    ids = {a.id for a in LONE}
    groups = [g for g in _groups(merge_stories(digests)) if set(g) & ids]
    assert groups == [["brightfold-deal"], ["library-hours"], ["router-recall"]]


def test_a_quote_clusters_whatever_the_outlet_calls_the_speaker(
    digests: list[ArticleDigest],
) -> None:
    [flood] = [s for s in merge_stories(digests) if len(s.sources) == 3]
    words = FLOOD_QUOTE.split()[:8]
    clusters = [q for q in flood.quotes if " ".join(words) in q.canonical]
    assert len(clusters) == 1
    assert sorted(v.article for v in clusters[0].variants) == ["flood-gazette", "flood-wire"]
    assert clusters[0].speaker == "David Okafor"
    okafor = [a for a in flood.actors if a.name == "David Okafor"]
    assert len(okafor) == 1 and okafor[0].support.pages >= 2


def test_grouping_is_independent_of_input_order(digests: list[ArticleDigest]) -> None:
    first = [s.model_dump_json() for s in merge_stories(digests)]
    for seed in range(3):
        shuffled = list(digests)
        random.Random(seed).shuffle(shuffled)
        assert [s.model_dump_json() for s in merge_stories(shuffled)] == first


def test_an_article_added_later_joins_its_story_and_other_ids_stay(
    digests: list[ArticleDigest],
) -> None:
    late = next(d for d in digests if d.article.id == "flood-followup")
    before = merge_stories([d for d in digests if d is not late])
    after = merge_stories(digests)
    ids_before = {s.id: _groups([s])[0] for s in before}
    ids_after = {s.id: _groups([s])[0] for s in after}
    flood_before = next(i for i, g in ids_before.items() if "flood-wire" in g)
    flood_after = next(i for i, g in ids_after.items() if "flood-wire" in g)
    assert ids_after[flood_after] == sorted(a.id for a in STORIES["flood"])
    assert flood_before != flood_after
    # every story whose membership did not change keeps its id
    assert {i: g for i, g in ids_before.items() if i != flood_before} == {
        i: g for i, g in ids_after.items() if i != flood_after
    }


def test_a_lone_article_is_a_story_of_one(digests: list[ArticleDigest]) -> None:
    [story] = merge_stories(digests[:1])
    assert [s.article.id for s in story.sources] == [digests[0].article.id]
    assert group_stories([]) == []


def test_stories_from_the_store_equal_stories_built_fresh(tmp_path: Path) -> None:
    src = tmp_path / "news"
    src.mkdir()
    arts = all_articles()
    # a syndicated copy: the wire text again under another name, a paragraph shorter
    wire = STORIES["flood"][1]
    copy = wire.text.rsplit("\n\n", 1)[0] + "\n"
    for a in arts:
        (src / f"{a.id}.json").write_text(
            json.dumps(
                {"id": a.id, "title": a.title, "published": str(a.published), "text": a.text}
            )
        )
    (src / "flood-copy.json").write_text(
        json.dumps({"id": "flood-copy", "published": str(wire.published), "text": copy})
    )
    with Store(tmp_path / "s.sqlite") as store:
        fresh = run_batch([src], engine="rules", store=store)
        again = run_batch([src], engine="rules", store=store)
    assert again.cached == len(arts) + 1
    assert [s.model_dump_json() for s in again.stories] == [
        s.model_dump_json() for s in fresh.stories
    ]
    flood = next(s for s in fresh.stories if any(x.article.id == "flood-copy" for x in s.sources))
    assert flood.summary.startswith("4 articles from 3 independent sources.")
    # saved JSON (the compact fingerprint included) gives the same stories again
    saved = tmp_path / "digests.json"
    saved.write_text(json.dumps({"digests": [d.model_dump(mode="json") for d in fresh.digests]}))
    fp = json.loads(saved.read_text())["digests"][0]["article"]["fingerprint"]
    assert isinstance(fp, str) and fp.startswith("mh1:") and len(fp) < 400
    reloaded = merge_stories(load_digests([saved]))
    assert [s.model_dump_json() for s in reloaded] == [s.model_dump_json() for s in fresh.stories]


def test_cli_writes_one_file_per_story_and_merge_gives_the_same_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    src = tmp_path / "news"
    src.mkdir()
    for a in all_articles():
        (src / f"{a.id}.txt").write_text(
            f"{a.title}\n{a.published}\n\n{a.text.split(chr(10), 1)[1]}"
        )
    out = tmp_path / "out"
    assert main([str(src), "--out", str(out), "-q", "--no-store"]) == 0
    files = sorted((out / "stories").glob("*.json"))
    assert len(files) == len(expected_groups())
    for f in files:
        assert json.loads(f.read_text())["id"] == f.stem
    # a later article joins the flood story: its old file goes, the other stories' files stay
    late = src / "flood-followup.txt"
    body = late.read_text()
    late.unlink()
    assert main([str(src), "--out", str(out), "-q", "--no-store"]) == 0
    before = sorted(p.name for p in (out / "stories").glob("*.json"))
    late.write_text(body)
    assert main([str(src), "--out", str(out), "-q", "--no-store"]) == 0
    after = sorted(p.name for p in (out / "stories").glob("*.json"))
    assert after == [f.name for f in files]
    assert len(set(before) - set(after)) == 1 and len(set(after) - set(before)) == 1
    capsys.readouterr()
    assert main(["merge", str(out), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert sorted(doc) == ["digests", "stories"]
    assert sorted(f"{s['id']}.json" for s in doc["stories"]) == [f.name for f in files]


@pytest.mark.skipif(
    not (CORPUS.exists() and POLNEAR.exists()),
    reason="needs ../shared/dev-corpus and ../shared/polnear/dev/articles",
)
def test_no_polnear_article_joins_a_dev_corpus_story() -> None:
    from service.api import summarise_many
    from service.evaluation.merge import load_clusters, story_pairs

    dev = list(summarise_many([CORPUS / "articles"], engine="rules"))
    other = list(summarise_many([POLNEAR], engine="rules"))
    dev_ids = {d.article.id for d in dev}
    stories = merge_stories(dev + other)
    for s in stories:
        ids = {x.article.id for x in s.sources}
        assert not (ids & dev_ids) or ids <= dev_ids, sorted(ids)
    prf, errors = story_pairs(
        [s for s in stories if {x.article.id for x in s.sources} <= dev_ids], load_clusters(CORPUS)
    )
    assert prf.f1 == 1.0, errors


def test_profiles_pairs_stay_near_linear() -> None:
    """Candidate pairs come from bounded blocks: many look-alike articles never yield all pairs."""
    from service.merge.stories import _candidates, profiles

    eng = resolve_engine("rules")
    base = STORIES["match"][0]
    ds = []
    for i in range(300):
        d = eng.digest(base.model_copy(update={"id": f"m{i:03d}"}))
        ds.append(d)
    cands = _candidates(profiles(ds))
    assert len(cands) < 300 * 40
    assert len(cands) < len(list(itertools.combinations(range(300), 2))) / 4


def test_fingerprint_is_one_compact_string_and_lists_still_read() -> None:
    from pydantic import ValidationError

    from schemas import ArticleMeta
    from service.merge.syndication import fingerprint

    sig = fingerprint("The harbour ferry resumed service on Monday after a storm. " * 3)
    meta = ArticleMeta(id="x", fingerprint=sig)
    packed = json.loads(meta.model_dump_json())["fingerprint"]
    assert packed.startswith("mh1:") and len(packed) < 400
    assert ArticleMeta.model_validate_json(meta.model_dump_json()).fingerprint == sig
    assert ArticleMeta.model_validate({"id": "x", "fingerprint": sig}).fingerprint == sig
    assert ArticleMeta.model_validate({"id": "x", "fingerprint": ""}).fingerprint == []
    with pytest.raises(ValidationError, match="fingerprint"):
        ArticleMeta.model_validate({"id": "x", "fingerprint": "mh1:not base64!"})


def test_two_articles_alone_are_grouped_as_in_the_whole_set(digests: list[ArticleDigest]) -> None:
    """With two articles the word weights come from two texts: shared words must still count."""
    label = {a.id: k for k, arts in STORIES.items() for a in arts}
    for a, b in itertools.combinations(digests, 2):
        la, lb = label.get(a.article.id), label.get(b.article.id)
        together = len(group_stories([a, b])) == 1
        assert together == (la is not None and la == lb), (a.article.id, b.article.id)


def test_the_two_seed_articles_are_one_story(seed_articles: list) -> None:
    eng = resolve_engine("rules")
    [story] = merge_stories([eng.digest(a) for a in seed_articles])
    assert len(story.sources) == 2
