"""Tests for service.evaluation.articles: hand-made gold and digests whose right scores are known."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from schemas import Actor, Article, ArticleDigest, Event, Provenance, Quote, Span
from service import engines
from service.errors import EvaluationError
from service.evaluation.articles import (
    PRF,
    EvalReport,
    GoldQuote,
    evaluate,
    event_score,
    load_corpus_articles,
    load_gold,
    locate_gold_quotes,
    overlaps,
    score_digest,
    speaker_correct,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "dev-corpus"

# Invented article: two quotes by the mayor, a repeated slogan by two people, a role-only quote.
TEXT = (
    'Riverton mayor Jane Doe said on Monday: "The new bridge will open to traffic in May." '
    "The city council approved the final budget of 40 million dollars.\n\n"
    '"We built it together," Doe told reporters. '
    'At the rally, union leader Sam Okafor shouted "Forward, Riverton!" and the crowd answered '
    '"Forward, Riverton!" in reply.\n\n'
    'City officials described the old crossing as "unsafe for heavy lorries".'
)
Q_BRIDGE = "The new bridge will open to traffic in May."
Q_TOGETHER = "We built it together,"
Q_SLOGAN = "Forward, Riverton!"
Q_UNSAFE = "unsafe for heavy lorries"

GOLD = {
    "id": "riverton",
    "quotes": [
        {"id": "q1", "text": Q_BRIDGE, "speaker": "Jane Doe", "speaker_mention": "Riverton mayor Jane Doe", "kind": "direct"},
        {"id": "q2", "text": Q_TOGETHER, "speaker": "Jane Doe", "speaker_mention": "Doe", "kind": "direct"},
        {"id": "q3", "text": Q_SLOGAN, "speaker": "Sam Okafor", "speaker_mention": "union leader Sam Okafor", "kind": "direct"},
        {"id": "q4", "text": Q_SLOGAN, "speaker": "Rally crowd (unnamed)", "speaker_mention": "the crowd", "kind": "direct"},
        {"id": "q5", "text": Q_UNSAFE, "speaker": "City officials (unnamed)", "speaker_mention": "City officials", "kind": "partial", "note": "ignored"},
    ],
    "actors": [
        {"name": "Jane Doe", "type": "person", "aliases": ["Riverton mayor Jane Doe", "Doe"], "role": "mayor"},
        {"name": "Sam Okafor", "type": "person", "aliases": [], "role": "union leader"},
        {"name": "Riverton City Council", "type": "organization", "aliases": ["city council"], "role": None},
    ],
    "events": [
        {"id": "e1", "summary": "The new Riverton bridge will open to traffic in May.", "date": "2031-05", "location": "Riverton", "participants": ["Jane Doe"]},
        {"id": "e2", "summary": "The city council approved a 40 million dollar budget for the bridge.", "date": "2031-03-03", "location": None, "participants": ["Riverton City Council"]},
    ],
}  # fmt: skip


def _span(sub: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.find(sub, start + 1)
    assert start >= 0, sub
    return start, start + len(sub)


def quote(qid: str, sub: str, speaker: str | None, nth: int = 0) -> Quote:
    s, e = _span(sub, nth)
    return Quote(id=qid, text=TEXT[s:e], start=s, end=e, kind="direct", speaker=speaker)


def actor(name: str, type_: str = "person", aliases: tuple[str, ...] = ()) -> Actor:
    return Actor(id=name[:3], name=name, type=type_, aliases=list(aliases))


def event(eid: str, summary: str, date: str | None = None, participants=(), evidence=()) -> Event:
    spans = [Span(start=_span(x)[0], end=_span(x)[1], text=x) for x in evidence]
    return Event(
        id=eid, summary=summary, date=date, participants=list(participants), evidence=spans
    )


def digest(
    quotes=(), actors=(), events=(), aid: str = "riverton", text: str = TEXT
) -> ArticleDigest:
    art = Article(id=aid, text=text)
    return ArticleDigest(
        article=art.meta(),
        quotes=list(quotes),
        actors=list(actors),
        events=list(events),
        provenance=Provenance(engine="test", engine_version="0"),
    )


PERFECT_QUOTES = [
    quote("p1", Q_BRIDGE, "Jane Doe"),
    quote("p2", Q_TOGETHER, "Jane Doe"),
    quote("p3", Q_SLOGAN, "Sam Okafor", 0),
    quote("p4", Q_SLOGAN, "the crowd", 1),
    quote("p5", Q_UNSAFE, "city officials"),
]
PERFECT_ACTORS = [
    actor("Jane Doe"),
    actor("Sam Okafor"),
    actor("Riverton City Council", "organization"),
]
PERFECT_EVENTS = [
    event("v1", "Riverton bridge opens to traffic in May", "2031-05", ["Jane Doe"]),
    event(
        "v2", "Council approved 40 million dollar budget", "2031-03-03", ["Riverton City Council"]
    ),
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "gold").mkdir()
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold" / "riverton.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (tmp_path / "gold" / "clusters.json").write_text('{"clusters": []}', encoding="utf-8")
    article = {
        "id": "riverton",
        "title": "t",
        "text": TEXT,
        "url": None,
        "outlet": "Invented",
        "published": "2031-03-04",
    }
    (tmp_path / "articles" / "riverton.json").write_text(json.dumps(article), encoding="utf-8")
    return tmp_path


@pytest.fixture
def gold(corpus: Path):
    return load_gold(corpus)["riverton"]


def test_perfect_match(gold) -> None:
    s = score_digest(digest(PERFECT_QUOTES, PERFECT_ACTORS, PERFECT_EVENTS), gold, TEXT)
    assert (s.quotes_exact, s.quotes_overlap) == (PRF(5, 0, 0), PRF(5, 0, 0))
    assert (s.speaker_correct, s.speaker_total) == (5, 5)
    assert s.actors == PRF(3, 0, 0, 3)
    assert (s.events_matched, s.events_total, s.events_predicted) == (2, 2, 2)
    assert (s.dates_correct, s.dates_total) == (2, 2)
    assert s.details == []
    assert s.quotes_exact.f1 == 1.0


def test_missing_and_extra_quote(gold) -> None:
    quotes = [*PERFECT_QUOTES[:4], quote("x", "final budget of 40 million dollars", None)]
    s = score_digest(digest(quotes), gold, TEXT)
    assert s.quotes_exact == PRF(4, 1, 1)
    assert s.quotes_overlap == PRF(4, 1, 1)
    assert (s.quotes_exact.precision, s.quotes_exact.recall) == (0.8, 0.8)
    assert {"kind": "quote_missed", "gold": "q5", "text": Q_UNSAFE} in s.details
    assert {
        "kind": "quote_extra",
        "pred": "x",
        "text": "final budget of 40 million dollars",
    } in s.details


def test_trailing_punctuation_and_whitespace_are_trimmed(gold) -> None:
    s0, e0 = _span(Q_BRIDGE)
    short = Quote(
        id="p", text=TEXT[s0 : e0 - 1], start=s0, end=e0 - 1, kind="direct", speaker="Jane Doe"
    )
    s1, e1 = _span(Q_TOGETHER)
    no_comma = Quote(
        id="r", text=TEXT[s1 : e1 - 1], start=s1, end=e1 - 1, kind="direct", speaker="Doe"
    )
    s = score_digest(digest([short, no_comma]), gold, TEXT)
    assert s.quotes_exact == PRF(2, 0, 3)
    assert (s.speaker_correct, s.speaker_total) == (2, 2)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((0, 30), (15, 45), True),  # shares exactly half of the shorter (30): counts
        ((0, 30), (16, 46), False),  # 14 of 30: just under half
        ((0, 31), (16, 47), False),  # 15 of 31 is under half
        ((0, 31), (15, 46), True),  # 16 of 31
        ((10, 20), (0, 100), True),  # contained: all of the shorter
        ((0, 10), (10, 20), False),  # touching, nothing shared
        ((5, 5), (0, 10), False),  # an empty span (all trimmed away) never matches
    ],
)
def test_overlap_boundary(a, b, expected) -> None:
    assert overlaps(a, b) is expected
    assert overlaps(b, a) is expected


def test_half_overlap_boundary_through_scoring(gold) -> None:
    gs, ge = _span(Q_BRIDGE)  # 42 characters once the final period is trimmed
    # predictions of 43 characters starting k characters in share 42 - k with the gold
    half = Quote(id="h", text=TEXT[gs + 21 : ge + 21], start=gs + 21, end=ge + 21, kind="direct")
    under = Quote(id="u", text=TEXT[gs + 22 : ge + 22], start=gs + 22, end=ge + 22, kind="direct")
    for q in (half, under):  # the setup relies on nothing being trimmed off the predictions
        assert q.text[0].isalpha() and q.text[-1].isalpha()
    assert score_digest(digest([half]), gold, TEXT).quotes_overlap == PRF(1, 0, 4)
    assert score_digest(digest([half]), gold, TEXT).quotes_exact == PRF(0, 1, 5)
    assert score_digest(digest([under]), gold, TEXT).quotes_overlap == PRF(0, 1, 5)


def test_repeated_identical_quotes_map_to_different_occurrences(gold) -> None:
    assert [TEXT[s:e] for s, e in locate_gold_quotes(gold, TEXT)][2:4] == [Q_SLOGAN, Q_SLOGAN]
    spans = locate_gold_quotes(gold, TEXT)
    assert spans[2] == _span(Q_SLOGAN, 0) and spans[3] == _span(Q_SLOGAN, 1)
    # predicting only the second occurrence matches the second gold quote (the crowd's)
    s = score_digest(digest([quote("p", Q_SLOGAN, "crowd", 1)]), gold, TEXT)
    assert s.quotes_exact == PRF(1, 0, 4)
    assert (s.speaker_correct, s.speaker_total) == (1, 1)
    missed = sorted(d["gold"] for d in s.details if d["kind"] == "quote_missed")
    assert missed == ["q1", "q2", "q3", "q5"]
    # two predictions of the same occurrence: only one can match
    twice = [quote("a", Q_SLOGAN, "Sam Okafor", 0), quote("b", Q_SLOGAN, "Sam Okafor", 0)]
    assert score_digest(digest(twice), gold, TEXT).quotes_exact == PRF(1, 1, 4)


def test_repeat_inside_a_longer_gold_quote_is_used_last(tmp_path: Path) -> None:
    text = 'She said "we will not give up on this town" and later repeated "give up" twice.'
    (tmp_path / "gold").mkdir()
    g = {"id": "a", "quotes": [{"text": "give up"}, {"text": "we will not give up on this town"}]}
    (tmp_path / "gold" / "a.json").write_text(json.dumps(g), encoding="utf-8")
    spans = locate_gold_quotes(load_gold(tmp_path)["a"], text)
    assert spans == [(64, 71), (10, 42)]
    assert text[64:71] == "give up"


def test_gold_quote_listed_more_often_than_it_occurs(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    g = {"id": "a", "quotes": [{"text": "hello"}, {"text": "hello"}]}
    path = tmp_path / "gold" / "a.json"
    path.write_text(json.dumps(g), encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"a\.json.*q2.*more often"):
        locate_gold_quotes(load_gold(tmp_path)["a"], 'He said "hello".')


@pytest.mark.parametrize(
    ("predicted", "gold_speaker", "expected"),
    [
        ("Jane Doe", "Jane Doe", True),
        ("JÁNE  doe.", "Jane Doe", True),  # accents, case, punctuation folded
        ("Riverton mayor Jane Doe", "Jane Doe", True),  # an alias of the gold actor
        ("Doe", "Jane Doe", True),  # alias
        ("Jan Doe", "Jane Doe", True),  # same surname, prefix-compatible first name
        ("Janet Doe", "Jane Doe", True),  # prefix-compatible the other way
        ("John Doe", "Jane Doe", False),
        ("Sam Okafor", "Jane Doe", False),
        ("Okafor", "Sam Okafor", False),  # no such alias, and a single word is not a full name
        (None, "Jane Doe", False),
        (None, None, True),
        ("Jane Doe", None, False),
        ("city officials", "City officials (unnamed)", True),
        ("officials", "City officials (unnamed)", True),
        ("a city hall spokesman", "City officials (unnamed)", True),  # shares 'city'
        ("Jane Doe", "City officials (unnamed)", False),
        ("the", "City officials (unnamed)", False),  # stopwords do not count
        (None, "City officials (unnamed)", False),
    ],
)
def test_speaker_rules(gold, predicted, gold_speaker, expected) -> None:
    g = GoldQuote(text="x", speaker=gold_speaker, speaker_mention="City officials")
    assert speaker_correct(predicted, g, gold.actors) is expected


def test_speaker_errors_are_counted_and_listed(gold) -> None:
    quotes = [quote("p1", Q_BRIDGE, "John Doe"), quote("p5", Q_UNSAFE, None)]
    s = score_digest(digest(quotes), gold, TEXT)
    assert (s.speaker_correct, s.speaker_total) == (0, 2)
    wrong = [d for d in s.details if d["kind"] == "speaker_wrong"]
    assert wrong == [
        {"kind": "speaker_wrong", "gold": "q1", "pred": "p1", "gold_speaker": "Jane Doe", "pred_speaker": "John Doe"},
        {"kind": "speaker_wrong", "gold": "q5", "pred": "p5", "gold_speaker": "City officials (unnamed)", "pred_speaker": None},
    ]  # fmt: skip


def test_actor_alias_surname_and_precision(gold) -> None:
    actors = [
        actor("The Council", "organization", aliases=("City Council",)),  # alias matches gold alias
        actor("J. Doe"),  # person: same last word as 'Jane Doe'
        actor("Doe", "organization"),  # equal to a gold alias, whatever its type
        actor("Okafor", "organization"),  # not a person: no surname rule
        actor("Weather Service", "organization"),
    ]
    s = score_digest(digest(actors=actors), gold, TEXT)
    # gold: Doe and the council found, Okafor missed; predicted: 3 of 5 match something
    assert s.actors == PRF(tp=2, fp=2, fn=1, tp_pred=3)
    assert (s.actors.precision, round(s.actors.recall, 4)) == (0.6, 0.6667)
    assert {"kind": "actor_missed", "gold": "Sam Okafor"} in s.details
    assert {"kind": "actor_extra", "pred": "Weather Service"} in s.details


def test_event_matching_by_words_by_date_and_participant(gold) -> None:
    events = [
        # 3 of e1's 6 content words (bridge, open, traffic): matched, but the date is wrong
        event("w", "Bridge to open for traffic", "2031-06"),
        # no shared words with e2, but same date and participant (through the actor's alias)
        event("d", "Vote held", "2031-03-03", ["city council"]),
    ]
    acts = [actor("Riverton City Council", "organization", ("city council",))]
    s = score_digest(digest(actors=acts, events=events), gold, TEXT)
    assert (s.events_matched, s.events_total, s.events_predicted) == (2, 2, 2)
    assert (s.dates_correct, s.dates_total) == (1, 2)
    assert [d for d in s.details if d["kind"] == "event_date_wrong"] == [
        {"kind": "event_date_wrong", "gold": "e1", "pred": "w", "gold_date": "2031-05", "pred_date": "2031-06"}
    ]  # fmt: skip


def test_event_below_threshold_and_evidence_text(gold) -> None:
    weak = [event("w", "Traffic report", "2031-06")]  # 1 of e1's 6 content words
    s = score_digest(digest(events=weak), gold, TEXT)
    assert (s.events_matched, s.events.fp, s.events.fn) == (0, 1, 2)
    # the same summary with evidence quoting the source sentence matches
    ev = [
        event("w", "Traffic report", None, evidence=["The new bridge will open to traffic in May."])
    ]
    assert score_digest(digest(events=ev), gold, TEXT).events_matched == 1


def test_event_score_folds_stopwords_and_inflection() -> None:
    assert event_score("The council approves the bridges", "Council approved a bridge.") == 1.0
    assert event_score("Strikes killed three", "strike kills 3") == 2 / 3
    assert event_score("the of and", "anything") == 0.0  # no content words at all


def test_one_predicted_event_matches_one_gold_event(gold) -> None:
    both = [
        event("b", "Bridge will open to traffic in May; council approved 40 million dollar budget")
    ]
    s = score_digest(digest(events=both), gold, TEXT)
    assert s.events_matched == 1


def test_prediction_with_stale_offsets_is_relocated(gold) -> None:
    s, e = _span(Q_BRIDGE)
    moved = Quote(id="m", text=Q_BRIDGE, start=s + 3, end=e + 3, kind="direct", speaker="Jane Doe")
    lost = Quote(id="l", text="never said this", start=0, end=15, kind="direct", speaker="Jane Doe")
    sc = score_digest(digest([moved, lost]), gold, TEXT)
    assert sc.quotes_exact == PRF(1, 1, 4)
    assert {"kind": "quote_not_in_text", "pred": "l", "text": "never said this"} in sc.details


def test_evaluate_report_totals_missing_and_unscored(corpus: Path) -> None:
    g2 = {
        "id": "other",
        "quotes": [{"text": "Hi"}],
        "actors": [],
        "events": [{"summary": "A thing"}],
    }
    (corpus / "gold" / "other.json").write_text(json.dumps(g2), encoding="utf-8")
    digests = [digest(PERFECT_QUOTES[:2]), digest(aid="stray", text="x")]
    report = evaluate(digests, corpus)
    assert isinstance(report, EvalReport)
    assert [a.id for a in report.per_article] == ["other", "riverton"]
    assert report.missing == ["other"] and report.unscored == ["stray"]
    t = report.totals
    assert (t.quotes_exact, t.speaker_correct, t.speaker_total) == (PRF(2, 0, 4), 2, 2)
    assert (t.events_matched, t.events_total) == (0, 3)
    d = report.to_dict()
    json.dumps(d)
    assert d["totals"]["quotes_exact"] == {
        "tp": 2,
        "fp": 0,
        "fn": 4,
        "precision": 1.0,
        "recall": 2 / 6,
        "f1": 0.5,
    }
    assert d["totals"]["articles"] == 2
    table = report.format_table().splitlines()
    assert table[0].split()[:2] == ["article", "quotes"]
    row = next(line for line in table if line.startswith("riverton"))
    assert row.split()[1:4] == ["1.00/0.40/0.57", "1.00/0.40/0.57", "1.00"]
    total = next(line for line in table if line.startswith("TOTAL"))
    assert "1.00/0.33/0.50" in total
    assert "no digest (scored as misses): other" in table


def test_evaluate_uses_given_texts_and_gold_dir_directly(corpus: Path) -> None:
    (corpus / "articles" / "riverton.json").unlink()
    report = evaluate([digest(PERFECT_QUOTES)], corpus / "gold", texts={"riverton": TEXT})
    assert report.totals.quotes_exact == PRF(5, 0, 0)
    with pytest.raises(EvaluationError, match="no article text for 'riverton'"):
        evaluate([digest(PERFECT_QUOTES)], corpus / "gold")
    (corpus / "articles").rmdir()
    with pytest.raises(EvaluationError, match="no articles directory"):
        evaluate([digest(PERFECT_QUOTES)], corpus)


@pytest.mark.parametrize(
    ("content", "pattern"),
    [
        ("{not json", r"bad\.json: invalid JSON at line 1"),
        ('{"quotes": [{"speaker": "X"}]}', r"bad\.json: malformed gold \(quotes\.0\.text"),
        (
            '{"actors": [{"name": "X", "type": "robot"}]}',
            r"bad\.json: malformed gold \(actors\.0\.type",
        ),
        (
            '{"events": [{"summary": "s", "date": "May 2031"}]}',
            r"bad\.json: malformed gold \(events\.0\.date",
        ),
        ('{"quotes": {"text": "x"}}', r"bad\.json: malformed gold \(quotes"),
        ("[1, 2]", r"bad\.json: malformed gold"),
    ],
)
def test_malformed_gold_names_the_file(corpus: Path, content: str, pattern: str) -> None:
    (corpus / "gold" / "bad.json").write_text(content, encoding="utf-8")
    with pytest.raises(EvaluationError, match=pattern):
        load_gold(corpus)


def test_gold_quote_not_in_text_names_the_file(corpus: Path) -> None:
    g = dict(GOLD, quotes=[{"id": "q9", "text": "words nobody said"}])
    (corpus / "gold" / "riverton.json").write_text(json.dumps(g), encoding="utf-8")
    with pytest.raises(
        EvaluationError, match=r"riverton\.json: quote q9 .* not in the article text"
    ):
        evaluate([digest()], corpus)


def test_missing_gold_dir(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="no such gold directory"):
        load_gold(tmp_path / "nope")
    (tmp_path / "gold").mkdir()
    with pytest.raises(EvaluationError, match="no gold files"):
        load_gold(tmp_path)


@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present at ../shared/dev-corpus")
def test_dev_corpus_gold_scores_perfectly_against_itself() -> None:
    """Digests rebuilt from the gold score 1.0 everywhere: the gold parses and every quote locates."""
    gold = load_gold(CORPUS)
    articles = {a.id: a for a in load_corpus_articles(CORPUS)}
    assert set(gold) <= set(articles)
    digests = []
    for gid, g in gold.items():
        a = articles[gid]
        spans = locate_gold_quotes(g, a.text)
        assert len(set(spans)) == len(spans)
        quotes = [
            Quote(id=q.id, text=a.text[s:e], start=s, end=e, kind=q.kind, speaker=q.speaker)
            for q, (s, e) in zip(g.quotes, spans, strict=True)
        ]
        actors = [Actor(id=f"a{i}", name=x.name, type=x.type) for i, x in enumerate(g.actors)]
        events = [Event(id=e.id, summary=e.summary, date=e.date) for e in g.events]
        digests.append(
            ArticleDigest(
                article=a.meta(), quotes=quotes, actors=actors, events=events,
                provenance=Provenance(engine="gold", engine_version="0"),
            )
        )  # fmt: skip
    t = evaluate(digests, CORPUS).totals
    n_quotes = sum(len(g.quotes) for g in gold.values())
    assert t.quotes_exact == PRF(n_quotes, 0, 0)
    assert (t.speaker_correct, t.speaker_total) == (n_quotes, n_quotes)
    n_actors = sum(len(g.actors) for g in gold.values())
    assert t.actors == PRF(n_actors, 0, 0, n_actors)
    assert t.events_matched == t.events_total == sum(len(g.events) for g in gold.values())
    assert t.dates_correct == t.dates_total


class PerfectEngine:
    """Stands in for the rules engine in the script tests: returns the right answer."""

    name = "rules"

    def digest(self, article: Article) -> ArticleDigest:
        assert article.text == TEXT
        return digest(PERFECT_QUOTES, PERFECT_ACTORS, PERFECT_EVENTS)


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_eval_rules_script_prints_the_table(corpus: Path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(engines._REGISTRY, "rules", "tests.test_evaluate:PerfectEngine")
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    out_json = corpus / "report.json"
    assert _script("eval_rules").main([str(corpus), "--json", str(out_json)]) == 0
    lines = capsys.readouterr().out.splitlines()
    row = next(line for line in lines if line.startswith("riverton"))
    assert row.split()[1:4] == ["1.00/1.00/1.00", "1.00/1.00/1.00", "1.00"]
    assert json.loads(out_json.read_text())["totals"]["quotes_exact"]["tp"] == 5


def test_bench_rules_script_reports_figures(corpus: Path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(engines._REGISTRY, "rules", "tests.test_evaluate:PerfectEngine")
    bench = _script("bench_rules")
    monkeypatch.setattr(bench, "pin_one_core", lambda: "not pinned (test)")
    assert bench.main([str(corpus), "--runs", "3", "--mem-n", "2", "--json"]) == 0
    out = capsys.readouterr().out.splitlines()
    figures = json.loads(out[-1])
    assert (figures["articles"], figures["runs"], figures["mean_chars"]) == (1, 3, len(TEXT))
    assert 0 < figures["p50_ms"] <= figures["p95_ms"] <= figures["max_ms"]
    assert figures["articles_per_s_max"] >= figures["articles_per_s_median"] > 0
    assert figures["ru_maxrss_mib"] > 0
    # the stand-in engine has no stage modules: all of its time is "assembly"
    assert list(figures["stage_ms_per_article"]) == ["assembly"]
    assert f"articles digested : 1 distinct texts, mean {len(TEXT)} chars, x3" in out
    assert bench.percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0
    assert bench.percentile([float(i) for i in range(1, 101)], 95) == 95.0
