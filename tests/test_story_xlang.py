"""Story detection across languages (service.merge.story_xlang) and the invented cross-language
set tests/data/invented_stories/xlang (every text written for these tests; the link model is
fitted on it, so its figure here is a tuning figure, not a held-out one)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_invented_stories import SETS, digest_set, gold, prf  # noqa: E402
from storyeval import story_ids  # noqa: E402

from service.merge import stories  # noqa: E402
from service.merge import story_xlang as xl  # noqa: E402
from service.merge.common import fast_fold, guess_language  # noqa: E402
from service.merge.stories import _term, profiles  # noqa: E402
from service.merge.story_link import FEATURES, MODEL, features  # noqa: E402


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("3.000", "#3000"),
        ("3,000", "#3000"),
        ("1.234.567", "#1234567"),
        ("1,2", "#1.2"),
        ("1.2", "#1.2"),
        ("4,50", "#4.5"),
        ("1.234,5", "#1234.5"),
        ("180", "#180"),
        ("0,5", "#0.5"),
        ("87", None),  # under 100: too common
        ("7", None),
        ("2024", None),  # a plain year is a word of the vector already
        ("2.024", "#2024"),
    ],
)
def test_numbers_read_alike_in_every_local_writing(written: str, key: str | None) -> None:
    assert xl.number_key(written) == key


def test_the_language_is_the_declared_one_else_a_guess() -> None:
    assert xl.article_language("", [], "de-AT") == "de"
    assert xl.article_language("", [], "PT_br") == "pt"
    for text, code in [
        ("Le maire a dit que les travaux sont terminés et que la ville est prête.", "fr"),
        ("The mayor said that the works are over and the town is ready for it.", "en"),
        ("Мэр сказал, что работы закончены и город готов к праздникам.", "ru"),
    ]:
        words = stories._WORD.findall(fast_fold(text))
        # what guess_language says of the text, from the words already split
        assert xl.article_language(text, words, None) == guess_language(text) == code
    assert xl.article_language("", [], None) is None


def test_german_nouns_are_no_names_but_actor_words_are() -> None:
    vec = {"hochwasser": 1.0, "feuerwehr": 1.0, "kremser": 1.0, "hollenstedt": 1.0, "und": 1.0}
    names = {"hochwasser", "feuerwehr", "kremser", "hollenstedt"}
    actors = ["Jutta Kremser", "Hollenstedt"]
    text = "Hochwasser: 1.200 Bewohner evakuiert, Pegel 1,8 Meter"
    xl.adjust(vec, names, "de", actors, text, _term)
    assert names == {"kremser", "hollenstedt", "#1200", "#1.8"}
    assert "und" not in vec  # a German function word is no topic word
    assert vec["hochwasser"] == 1.0  # still a content word, counted in `words`
    # in English a capitalised-only word stays a name, and "und" is left alone
    vec, names = {"hochwasser": 1.0, "und": 1.0}, {"hochwasser"}
    xl.adjust(vec, names, "en", [], "", _term)
    assert names == {"hochwasser"} and "und" in vec


def test_the_xlang_feature_marks_pairs_of_known_different_languages() -> None:
    ds = digest_set(SETS / "xlang")
    ps = {d.article.id: p for d, p in zip(ds, profiles(ds), strict=True)}
    at = FEATURES.index("xlang")
    cross = features(ps["flood-hollenstedt-de"], ps["flood-hollenstedt-wire"], 0)
    same = features(ps["flood-hollenstedt-courier"], ps["flood-hollenstedt-wire"], 1)
    assert (cross[at], same[at]) == (1.0, 0.0)
    # the fitted model: a pair whose words cannot be read is not judged by their absence alone
    assert MODEL.weights[at] > 0
    assert cross[FEATURES.index("names")] > 0.3  # names and numbers shared across languages


def test_the_set_covers_every_article_once_with_one_other_language_per_story() -> None:
    folder = SETS / "xlang"
    arts = {
        p.stem: json.loads(p.read_text(encoding="utf-8"))
        for p in (folder / "articles").glob("*.json")
    }
    clusters = gold(folder)
    assert sorted(a for g in clusters for a in g) == sorted(arts)
    for g in clusters:
        langs = [arts[a]["language"] for a in g]
        if len(g) > 1:  # English reports and one in another language
            assert langs.count("en") == len(g) - 1
    assert {arts[a]["language"] for a in arts} == {"en", "de", "it", "fr", "es", "pt", "nl"}
    assert sum(len(g) == 1 for g in clusters) >= 4  # same-topic distractors
    for a, art in arts.items():
        assert art["id"] == a and 120 <= len(art["text"].split()) <= 450


def test_reports_in_other_languages_join_their_story_and_distractors_stay_apart() -> None:
    want = gold(SETS / "xlang")
    got = prf(story_ids(digest_set(SETS / "xlang")), want)
    # measured: P 1.000 R 1.000 (before story_xlang and the refit: P 0.800 R 0.800, a German
    # report missed, a Dutch job-cuts story joined by another company's cuts)
    assert got["P"] == 1.0 and got["R"] == 1.0
