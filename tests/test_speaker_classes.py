"""English speaker attribution by error class (issue 8), on invented sentences; the learned ranker's
weights and training; and the PolNeAR dev figures where that corpus is present."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import Article, ArticleDigest
from service.engines import get_engine
from service.extract import speaker_ranker

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "polnear"

# name: (text, [(quote text, speaker, speaker_span text)]) — one invented case per error class
CASES: dict[str, tuple[str, list[tuple[str, str | None, str | None]]]] = {
    "title and party tag after the quote": (
        "Senate leaders met on Tuesday to discuss the spending bill.\n\n"
        '"We will not let the government shut down," Senate Majority Leader Mitch McConnell, '
        "R-Ky., said.",
        [("We will not let the government shut down,", "Mitch McConnell", None)],
    ),
    "party tag in brackets": (
        "The hearing ran late into the evening.\n\n"
        '"This agency has failed the public," Rep. John Mica (R-Fla.) said.',
        [("This agency has failed the public,", "John Mica", "John Mica")],
    ),
    "inverted cue with a descriptive title": (
        "Families gathered outside the court on Monday.\n\n"
        '"We have waited fifteen years for this day," said 9/11 widow Terry Strada.',
        [("We have waited fifteen years for this day,", "Terry Strada", "Terry Strada")],
    ),
    "doubled apostrophes and an appositive": (
        "Analysts were divided over the summit.\n\n"
        "''It is a gamble with very long odds,'' Michael McFaul, a senior fellow at the Hoover "
        "Institution, said.",
        [("It is a gamble with very long odds,", "Michael McFaul", "Michael McFaul")],
    ),
    "pronoun agrees with the salient subject": (
        "Governor Tom Baxter signed the budget on Friday.\n\n"
        "His rival, Senator Laura Keane, said she would fight the cuts. Later she called the plan "
        '"outrageous" in a radio interview.',
        [("outrageous", "Laura Keane", "she")],
    ),
    "cue before the quote: the subject, not the object": (
        "Mayor Dana Cole called Councilman Peter Brandt's remarks \"a wake-up call for the whole "
        'city."',
        # the mention keeps its title ("Mayor" is the role), as annotated sources do
        [("a wake-up call for the whole city.", "Dana Cole", "Mayor Dana Cole")],
    ),
    "sign-off after the quote": (
        "Readers wrote in after the storm.\n\n"
        '"The water came up to the second floor and we lost everything." ― Jorge Falcon',
        [
            (
                "The water came up to the second floor and we lost everything.",
                "Jorge Falcon",
                "Jorge Falcon",
            )
        ],
    ),
    "tweeted": (
        "Senator Amy Ross reacted within minutes. She tweeted: "
        '"This is a dark day for the Senate."',
        [("This is a dark day for the Senate.", "Amy Ross", "She")],
    ),
    "anonymous official stays anonymous": (
        'Talks stalled on Thursday. "There is no deal and there will not be one this week," a '
        "senior official, who spoke on condition of anonymity, said.",
        [
            (
                "There is no deal and there will not be one this week,",
                "senior official (unnamed)",
                "a senior official",
            )
        ],
    ),
    "continuation points at the attributing mention": (
        '"We are ready to move," said Ana Ruiz, the project director. "The permits are in '
        'place.\n\n"Construction begins on Monday."',
        [
            ("We are ready to move,", "Ana Ruiz", "Ana Ruiz"),
            ("The permits are in place.", "Ana Ruiz", "Ana Ruiz"),
            ("Construction begins on Monday.", "Ana Ruiz", "Ana Ruiz"),
        ],
    ),
    "uncued quote after its speaker's paragraph": (
        "Ana Ruiz, the project director, spoke to reporters at the site on Monday.\n\n"
        '"Construction begins next week and we expect to finish by June."',
        [
            (
                "Construction begins next week and we expect to finish by June.",
                "Ana Ruiz",
                "Ana Ruiz",
            )
        ],
    ),
    "an unnamed speaker's words go to nobody rather than the wrong actor": (
        "Nordhavn Shipping has hired the bank Vester & Co to find buyers, people familiar with "
        'the matter said.\n\n"They want out before the next auction round," one of the sources '
        "said.",
        [("They want out before the next auction round,", None, None)],
    ),
    "a name inside the subject's apposition is not the speaker": (
        "The harbour plan went to a vote on Thursday.\n\n"
        "As Piet Brandt, the No. 2 in the Harbor Party leadership, put it: \u201cThis plan will not "
        "pass.\u201d",
        [("This plan will not pass.", "Piet Brandt", "Piet Brandt")],
    ),
}


def digest(text: str) -> ArticleDigest:
    return get_engine("rules").digest(Article(id="t", title="", text=text))


# known gaps, kept visible: fixing them on train cost more than it gained (see README)
GAPS: set[str] = set()


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="known gap"))
        if n in GAPS
        else n
        for n in sorted(CASES)
    ],
)
def test_speaker_by_error_class(name: str) -> None:
    text, want = CASES[name]
    d = digest(text)
    got = [
        (q.text, q.speaker, q.speaker_span.text if q.speaker_span else None)
        for q in d.quotes
        if q.nested_in is None
    ]
    # a None span in the table means any span: the case is about the name
    got = [
        (t, s, sp if w[2] is not None else None) for (t, s, sp), w in zip(got, want, strict=False)
    ]
    assert got == want
    for q in d.quotes:
        assert text[q.start : q.end] == q.text  # verbatim at its offsets
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text


def test_doubled_apostrophes_leave_no_stray_mark() -> None:
    text = "''We will rebuild,'' the mayor said. ''Every street of it.''"
    d = digest(text)
    assert [q.text for q in d.quotes] == ["We will rebuild,", "Every street of it."]
    assert all("'" not in q.text for q in d.quotes)


def test_weights_ship_with_the_package_and_are_read() -> None:
    assert speaker_ranker.WEIGHTS.is_file()
    w = speaker_ranker.weights()
    assert len(w) > 50
    # what train taught: a speech verb after a candidate beats a preposition before it
    assert w["near=verb_after"] > w["near=prep"]
    assert w["near=addressee"] < 0  # 'told BBC Wales': spoken to, not speaking


def _tiny_split(root: Path) -> Path:
    """Two invented articles in the PolNeAR layout, gold written by hand."""
    arts = {
        "a1": 'Mayor Ana Ruiz opened the bridge.\n"It took six years," Ruiz said.\n',
        "a2": 'Coach Tom Bale watched the match.\n"We were poor today," Bale told reporters.\n',
    }
    for sub in ("articles", "gold"):
        (root / sub).mkdir(parents=True)
    for aid, text in arts.items():
        (root / "articles" / f"{aid}.json").write_text(json.dumps({"id": aid, "text": text}))
        q0 = text.index('"') + 1
        q1 = text.index('"', q0)
        name = "Ruiz" if aid == "a1" else "Bale"
        s = text.index(name, q1)
        gold = {
            "quotes": [
                {
                    "text": text[q0:q1],
                    "start": q0,
                    "end": q1,
                    "source_text": name,
                    "source_start": s,
                    "source_end": s + len(name),
                    "source_head": name,
                    "source_kind": "name",
                    "source_name": name,
                }
            ]
        }
        (root / "gold" / f"{aid}.json").write_text(json.dumps(gold))
    return root


def test_training_is_deterministic_and_finds_the_speakers(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import train_speaker_ranker as train
    finally:
        sys.path.pop(0)
    data = train.examples(_tiny_split(tmp_path / "split"))
    assert len(data) == 2 and all(pos for _, pos, *_ in data)
    w1 = train.fit(data, epochs=3, rate=0.2, l2=1e-4)
    w2 = train.fit(data, epochs=3, rate=0.2, l2=1e-4)
    assert w1 == w2 and w1
    for cands, pos, *_ in data:
        top = speaker_ranker.best(cands, w1)
        assert top is not None and cands.index(top) in pos


@pytest.mark.slow
@pytest.mark.skipif(
    not (POLNEAR / "dev" / "gold").is_dir(), reason="PolNeAR not present at ../shared/polnear"
)
def test_polnear_dev_figures() -> None:
    """The engine over PolNeAR dev, scored by the corpus's own scorer (targets from issue 8)."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "eval_polnear.py"), str(POLNEAR / "dev"), "--json"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    s = json.loads(out.stdout)
    assert s["no_speaker_share"] <= 0.05
    assert s["mention_accuracy"]["accuracy"] >= 0.85
    # the targets (see README, "Speaker attribution on PolNeAR": 0.930 and 0.966 today)
    assert s["name_accuracy_gold"]["accuracy"] >= 0.92
    assert s["quotes_overlap"]["f1"] >= 0.96


def test_apposition_marks_the_names_inside_it_not_its_head() -> None:
    """'Lena Varga, the director of Harbor Trust, said': Harbor Trust sits in the apposition to
    the subject (feature 'appos_inner'); Varga, the head, does not, nor does a name in the next
    sentence, and train weighs the feature down."""
    from service.extract.actors import extract_actors
    from service.extract.cues import marked_regions
    from service.extract.names import Doc
    from tests.quotekit import spans_of

    text = (
        "Lena Varga, the director of Harbor Trust, said that \u201cthe damage is done.\u201d "
        "Harbor Trust later declined to comment."
    )
    spans = spans_of(text)
    regions = marked_regions(spans)
    ctx = speaker_ranker.Context(Doc(text), regions, extract_actors(text, spans))
    cands = speaker_ranker.candidates(ctx, regions[0], None, lambda _w, _o: None)
    marked = {
        (c.speaker, text[c.start : c.end])
        for c in cands
        if any(f.startswith("appos_inner") for f in c.features)
    }
    assert marked == {("Harbor Trust", "Harbor Trust")}
    assert {c.speaker for c in cands} >= {"Lena Varga", "Harbor Trust"}
    w = speaker_ranker.weights()
    assert w["appos_inner|b"] < 0
