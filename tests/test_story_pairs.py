"""Story links against hand-labelled PolNeAR pairs: the label files, the link model, the figures.

The figures test digests the PolNeAR dev split (84 articles, rules engine) and scores the dev-dev
labelled pairs; it skips, saying why, where ../shared/polnear is absent."""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from service.merge.common import words
from service.merge.story_link import (
    FEATURES,
    GAP_CAP,
    GAP_UNKNOWN,
    MODEL,
    Model,
    capitalised_words,
    features,
    name_mass,
    names_among,
)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from eval_story_pairs import pair_table, prf  # noqa: E402
from storyeval import LABELS, digests, read_pairs  # noqa: E402
from train_story_link import fit  # noqa: E402

# ../shared beside the project (a worktree keeps it one level further up)
POLNEAR = next(
    (
        b / "shared" / "polnear"
        for b in (ROOT.parent, ROOT.parent.parent)
        if (b / "shared").is_dir()
    ),
    ROOT.parent / "shared" / "polnear",
)


@pytest.mark.parametrize("split", ["train", "dev"])
def test_label_files_hold_pairs_and_reasons_only(split: str) -> None:
    pairs = read_pairs(LABELS / f"polnear_{split}.tsv")
    keys = [(p.a, p.b) for p in pairs]
    assert len(set(keys)) == len(keys)  # each pair once
    assert all(p.a < p.b for p in pairs)  # in a canonical order
    # ids name a publisher and a date; reasons are short notes, not article text
    assert all(p.a.split("_")[1][:2] == "20" and p.b.split("_")[1][:2] == "20" for p in pairs)
    assert all(0 < len(p.reason) <= 80 for p in pairs)
    assert {p.label for p in pairs} == {"same", "different", "unsure"}
    assert sum(p.label == "same" for p in pairs) >= 9


def test_a_malformed_label_line_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "pairs.tsv"
    bad.write_text("# header\na\tb\tmaybe\twhy\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pairs\.tsv:2"):
        read_pairs(bad)


def _profile(vec: dict[str, float], shingles: set[int], names: set[str] = set()) -> SimpleNamespace:  # noqa: B006
    ns = frozenset(names)
    return SimpleNamespace(
        vec=vec, shingles=frozenset(shingles), names=ns, name_mass=name_mass(vec, ns), lang=None
    )


def test_features_split_the_cosine_into_words_and_names() -> None:
    # an actor key is a name dimension of each article that has it
    p = _profile({"flood": 0.6, "river": 0.0, "@p:okafor": 0.8}, {1, 2, 3}, {"@p:okafor"})
    q = _profile({"flood": 0.8, "@p:okafor": 0.6, "bridge": 0.0}, {3, 4}, {"@p:okafor"})
    words, names, quotes, gap, nonames, xlang = features(p, q, None)
    assert words == pytest.approx(0.48)
    # the name dimensions are the actor key alone: their cosine is 1
    assert names == pytest.approx(1.0) and nonames == 0.0
    assert quotes == pytest.approx(math.log(2))  # one shared quotation run
    assert gap == GAP_UNKNOWN and xlang == 0.0  # languages unknown
    assert features(p, q, 30)[3] == GAP_CAP and features(q, p, 2) == features(p, q, 2)


def test_a_shared_word_is_a_name_only_where_both_articles_write_it_as_one() -> None:
    vec = {"marrow": 0.6, "flood": 0.8}
    both = features(_profile(vec, set(), {"marrow"}), _profile(vec, set(), {"marrow"}), 0)
    one = features(_profile(vec, set(), {"marrow"}), _profile(vec, set(), set()), 0)
    assert both[0] == pytest.approx(0.64) and both[1] > 0 and both[4] == 0.0
    assert one[0] == pytest.approx(1.0) and one[1] == 0.0 and one[4] == 1.0


def test_names_among_are_capitalised_and_never_lower_case() -> None:
    text = (
        "Residents of Vallerno fled. Governor Tomas Eklund of the Bank of Varania said in "
        "October the bank would act; German and Spanish teams helped Menéndez."
    )
    got = set(names_among(capitalised_words(text), Counter(words(text))))
    assert {"vallerno", "tomas", "eklund", "varania", "menendez"} <= got
    # lower case somewhere, a title, a month, a nationality word: not names
    assert not got & {"bank", "governor", "october", "german", "spanish", "fled"}


def test_the_shipped_model_rewards_shared_names_and_quotes_and_punishes_distance() -> None:
    w = dict(zip(FEATURES, MODEL.weights, strict=True))
    assert w["words"] > 0 and w["names"] > 0 and w["quotes"] > 0 and w["gap"] < 0
    assert w["nonames"] < 0

    def x(**v: float) -> tuple[float, ...]:
        return tuple(v.get(f, 0.0) for f in FEATURES)

    # two reports of one announcement, same day, sharing names and a quotation, link; a
    # same-topic pair sharing a few common words and no name a week apart does not
    assert MODEL.score(x(words=0.1, names=0.3, quotes=math.log(4))) >= MODEL.threshold
    assert MODEL.score(x(words=0.15, gap=5.0, nonames=1.0)) < MODEL.threshold


def test_a_bad_weights_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "story_link.json"
    bad.write_text(json.dumps({"features": ["words"], "bias": 0, "weights": {}}), "utf-8")
    with pytest.raises(RuntimeError, match="story_link.json"):
        Model.load(bad)


def test_fitting_is_deterministic_and_finds_the_signal() -> None:
    # invented pairs: the first feature separates the classes, the second is noise
    xs = [(i / 10, (i * 7) % 5 / 5) for i in range(20)]
    ys = [int(x[0] >= 1.0) for x in xs]
    w = fit(xs, ys)
    assert w == fit(xs, ys)
    assert w[1] > 1.0 and abs(w[2]) < w[1] / 4


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/polnear (PolNeAR) is not here")
def test_labelled_dev_pairs_score_over_the_measured_floors() -> None:
    ds = digests(POLNEAR, ("dev",), "rules", None)
    ids = {d.article.id for d in ds}
    pairs = [p for p in read_pairs(LABELS / "polnear_dev.tsv") if p.a in ids and p.b in ids]
    rows = pair_table(ds, pairs)
    story = prf(rows, "story")
    # measured: 116 dev-dev pairs, 9 same; P 1.000 R 0.222 (tp 2, fp 0), before and after the
    # names feature
    assert story["P"] >= 0.9 and story["R"] >= 0.2
    # a pair that links is always in one story
    assert all(r["story"] for r in rows if r["link"])
