"""Quote clustering on the invented quote sets qtune, qtune2, qtune3 and qtune4
(tests/data/invented_stories; every text written for these tests): the data is sound, and the
merger keeps the figures it reached (qtune was written first and tuned on; qtune2 after, to check
them on fresh text; qtune3 to tune translations that share few numbers or names, with other
quotes by the same speakers; qtune4 for speakers each outlet names its own way, trimmed and
partial quotes, and Polish, Dutch and German translations; qtune5 written after the changes
qtune4 led to, to read their carry-over; qtune6 for translations that share no anchor, which
only quote_gloss's dictionary table ties). Verbatim,
trimmed, reworded and translated variants of one utterance form one cluster whatever the
outlets call the speaker; a chant quoted inside another speaker's quotation stays apart."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_quotes import evaluate, gold_items, read_set  # noqa: E402

from service.merge import quote_gloss  # noqa: E402

SETS = ROOT / "tests" / "data" / "invented_stories"


@pytest.mark.parametrize(
    "name", ["qtune", "qtune2", "qtune3", "qtune4", "qtune5", "qtune6", "qtune7"]
)
def test_every_variant_is_printed_once_by_an_article_of_its_story(name: str) -> None:
    arts, stories, quotes = read_set(SETS / name)
    assert sorted(a for g in stories for a in g) == sorted(arts)
    story_of = {a: u["story"] for u in quotes for a in u["variants"]}
    assert {a["language"] for a in arts.values()} > {"en"}  # translations in every set
    for u in quotes:
        assert len(u["variants"]) >= 2 and u["speaker"].strip()
        for aid, words in u["variants"].items():
            assert story_of[aid] == u["story"]
            assert arts[aid]["text"].count(words) == 1, (aid, words)
    for g in gold_items(arts, quotes):
        assert arts[g.article]["text"][g.start : g.end] == g.text
    older = {p.stem for d in ("tune", "tune2", "xlang") for p in (SETS / d).glob("articles/*")}
    assert not older & set(arts)


@pytest.mark.parametrize(
    ("name", "f1", "cross_recall"),
    [
        ("qtune", 1.0, 1.0),
        ("qtune2", 1.0, 1.0),
        ("qtune3", 0.74, 0.56),
        ("qtune4", 0.86, 0.71),
        ("qtune5", 0.84, 0.7),
        ("qtune6", 0.59, 0.4),
    ],
)
def test_the_quote_clusters_keep_their_figures(
    name: str, f1: float, cross_recall: float, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # before quote_xlang: qtune F1 0.500 (cross-language recall 0), qtune2 0.353 (0); qtune3
    # (translations sharing few numbers or names) before time words and quote_align: 0.341 (0.156);
    # before "tonight" (today and night) and "nuit": qtune2 0.963 (0.909), qtune3 0.692 (0.500);
    # qtune4 (stop 28) before quote_speakers and numerals written whole: 0.800 (0.592);
    # qtune5, written after them, read 0.706 (0.500) at first, before "40 mil" and "ge-";
    # these are the figures without quote_gloss's table (below with it)
    monkeypatch.setattr(quote_gloss, "DICT_FILE", tmp_path / "absent.tsv")
    quote_gloss.reset()
    try:
        got = evaluate(SETS / name)
    finally:
        quote_gloss.reset()
    assert got["all"]["P"] == 1.0, got["_false"]  # no false pair: no chant, no other utterance
    assert got["all"]["F1"] >= f1, got["_missed"]
    assert got["cross-lang"]["R"] >= cross_recall


@pytest.mark.skipif(
    not quote_gloss.table(),
    reason="no dictionary table: service/merge/xlang_dict.tsv is built by `make setup` from "
    "Debian's dict-freedict-* packages (scripts/build_xlang_dict.py)",
)
@pytest.mark.parametrize(
    ("name", "f1", "cross_recall"),
    [
        ("qtune3", 0.95, 0.9),
        ("qtune4", 0.98, 0.95),
        ("qtune5", 0.95, 0.9),
        ("qtune6", 0.92, 0.85),
        ("qtune7", 0.96, 0.93),
    ],
)
def test_the_dictionary_ties_translations_without_anchors(
    name: str, f1: float, cross_recall: float
) -> None:
    # without the table: qtune3 0.741 (0.562), qtune4 0.868 (0.714), qtune5 0.842 (0.700),
    # qtune6 0.596 (0.406), at precision 1.0 both ways; qtune7 (written after the rule) read
    # 0.944 with the table at first (P 0.955: two leftovers, one false pair, which the start
    # code joins too; 0.686 without the table)
    got = evaluate(SETS / name)
    assert got["all"]["P"] == 1.0, got["_false"]
    assert got["all"]["F1"] >= f1, got["_missed"]
    assert got["cross-lang"]["R"] >= cross_recall
