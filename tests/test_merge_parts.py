"""Merger parts: name normalisation, quote relations, fingerprints, the judge cache, the merge scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import Article
from service.errors import ConfigError
from service.evaluation.merge import _score_pairs, evaluate_merge, gold_digest
from service.merge import names as nm
from service.merge.events import counts, interval
from service.merge.judge import CachedJudge, FakeJudge, Question, RuleJudge, Verdict
from service.merge.quote_keys import quote_segments
from service.merge.quotes import Form, relate
from service.merge.syndication import SIGNATURE_SIZE, estimate, fingerprint

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "dev-corpus"


@pytest.mark.parametrize(
    ("form", "name"),
    [
        ("Pentagon spokesman Major General Pat Ryder", "Pat Ryder"),
        ("Maj. Gen. Patrick Ryder", "Patrick Ryder"),
        ("Iraqi Prime Minister Mohammed Shia’ al-Sudani", "Mohammed Shia’ al-Sudani"),
        ("Yehia Rasool, the military spokesperson", "Yehia Rasool"),
        ("Martin Luther King Jr.", "Martin Luther King"),
        ("John Major", "John Major"),
        ("al-Sudani", "al-Sudani"),
        ("the German", None),
        ("Pentagon spokesperson", None),
        ("a senior defence official", None),
    ],
)
def test_person_name_strips_titles_and_roles(form: str, name: str | None) -> None:
    assert nm.person_name(form) == name


def test_name_keys_and_compatibility() -> None:
    assert nm.person_tokens("Mohammed Shia’ al-Sudani") == nm.person_tokens(
        "Mohammed Shia al-Sudani"
    )
    assert nm.person_tokens("al-Sudani") == ("sudani",)
    assert nm.tokens("U.S. forces") == ("us", "forces")
    assert nm.same_token("baqir", "baqer") and nm.same_token("rumaylan", "rumalyn")
    assert not nm.same_token("dean", "dan")
    assert nm.person_forms_compatible(("pat", "ryder"), ("patrick", "ryder"))
    assert nm.person_forms_compatible(("dave", "calhoun"), ("david", "calhoun"))
    assert not nm.person_forms_compatible(("masoud", "barzani"), ("nechirvan", "barzani"))
    assert nm.initials("Popular Mobilization Forces") == "pmf" == nm.acronym_key("PMF")
    assert nm.acronym_key("NGOs") == "ngo" and nm.acronym_key("US") == "us"
    assert nm.org_tokens("Liverpool F.C.") == ("liverpool",)
    assert nm.place_tokens("Ain al-Asad air base") == ("ain", "asad")


def _form(text: str, speaker: str | None = "s1") -> Form:
    segs = quote_segments(text)
    words = tuple(w for s in segs for w in s)
    return Form(0, speaker, words, segs, " " + " ".join(words) + " ", len(words), None, None, [])


def test_quote_relations() -> None:
    long_ = _form("I love this club. But I take this decision now, and it is the right one.")
    assert (
        relate(
            long_, _form("I love this club, but I take this decision now and it is the right one")
        )[0]
        == "identical"
    )
    assert relate(long_, _form("I love this club … it is the right one"))[0] == "contains"
    assert (
        relate(
            long_, _form("I love this club. But I made this decision now, and it is the right one.")
        )[0]
        == "reworded"
    )
    assert relate(long_, _form("the right one", None)) is None  # unattributed fragment: too short
    assert relate(long_, _form("it is the time to go home for all of us")) is None


def test_event_helpers() -> None:
    assert counts("At least five rockets and three U.S. soldiers; 2,500 troops") == {
        "rocket": "5",
        "soldier": "3",
        "troop": "2500",
    }
    assert interval("2024-02") == (interval("2024-02-01")[0], interval("2024-02-29")[1])  # type: ignore[index]


def test_fingerprint_estimates_similarity() -> None:
    base = " ".join(
        f"The council met on day {i} to discuss the budget and the roads." for i in range(60)
    )
    sig = fingerprint(base)
    assert len(sig) == SIGNATURE_SIZE and all(0 <= v < 2**32 for v in sig)
    assert fingerprint(base) == sig
    assert estimate(sig, fingerprint(base + " A new closing line.")) > 0.8
    assert (
        estimate(
            sig, fingerprint("Completely unrelated words about football and the weather " * 20)
        )
        < 0.2
    )
    assert fingerprint("") == []
    # speed: scripts/bench_merge.py prints the merge time; no timed assertion here


def test_cached_judge_asks_once_per_content_and_persists(tmp_path: Path) -> None:
    calls = []

    def answer(q: Question) -> Verdict:
        calls.append(q)
        return Verdict(True, "same person")

    path = tmp_path / "judge.json"
    judge = CachedJudge(FakeJudge(answer), path=path)
    q1 = Question("actor", {"name": "A"}, {"name": "B"}, lean=False, hint="h")
    q2 = Question(
        "actor", {"name": "B"}, {"name": "A"}, lean=False, hint="h"
    )  # same content, swapped
    assert judge.lookup(q1) == (Verdict(True, "same person"), False)
    assert judge.lookup(q2) == (Verdict(True, "same person"), True)
    assert len(calls) == 1
    judge.save()
    again = CachedJudge(RuleJudge(), path=path)
    assert again.lookup(q1) == (Verdict(True, "same person"), True)
    path.write_text("not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="unreadable judge cache"):
        CachedJudge(RuleJudge(), path=path)


def test_rule_judge_follows_the_lean() -> None:
    q = Question("event", {}, {}, lean=True, hint="score 0.4")
    assert RuleJudge().decide(q) == Verdict(True, "rule: score 0.4")


def _write_corpus(root: Path) -> None:
    """A two-article invented corpus in the dev-corpus format."""
    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    texts = {
        "one": 'Mayor Ann Lee said: "The bridge will reopen in May." Rain closed the bridge on Monday.',
        "two": 'The bridge will reopen, said Lee. "The bridge will reopen in May," she told reporters.',
    }
    for aid, text in texts.items():
        (root / "articles" / f"{aid}.json").write_text(
            json.dumps({"id": aid, "text": text, "published": "2024-04-02"}), encoding="utf-8"
        )
    gold = {
        "one": {
            "quotes": [
                {"id": "q1", "text": "The bridge will reopen in May.", "speaker": "Ann Lee"}
            ],
            "actors": [{"name": "Ann Lee", "type": "person", "aliases": ["Mayor Ann Lee"]}],
            "events": [
                {
                    "id": "e1",
                    "summary": "Rain closed the bridge.",
                    "date": "2024-04-01",
                    "participants": [],
                }
            ],
        },
        "two": {
            "quotes": [
                {"id": "q1", "text": "The bridge will reopen in May,", "speaker": "Ann Lee"}
            ],
            "actors": [{"name": "Ann Lee", "type": "person", "aliases": ["Lee"]}],
            "events": [
                {"id": "e1", "summary": "Rain closed the bridge.", "date": None, "participants": []}
            ],
        },
    }
    for aid, g in gold.items():
        (root / "gold" / f"{aid}.json").write_text(json.dumps({"id": aid, **g}), encoding="utf-8")
    clusters = {
        "clusters": [
            {
                "cluster": "bridge",
                "articles": ["one", "two"],
                "quotes": [
                    {
                        "id": "Q1",
                        "members": [
                            {"article": "one", "ref": "q1"},
                            {"article": "two", "ref": "q1"},
                        ],
                    }
                ],
                "events": [
                    {
                        "id": "E1",
                        "members": [
                            {"article": "one", "ref": "e1"},
                            {"article": "two", "ref": "e1"},
                        ],
                    }
                ],
                "shared_actors": ["Ann Lee"],
            }
        ]
    }
    (root / "gold" / "clusters.json").write_text(json.dumps(clusters), encoding="utf-8")


def test_merge_scorer_on_an_invented_corpus(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    rep = evaluate_merge(tmp_path, engine="gold")
    s = rep.scores
    assert {k: (v.tp, v.fp, v.fn) for k, v in s.quotes.items()} == {
        "all": (1, 0, 0),
        "cross_article": (1, 0, 0),
        "found": (1, 0, 0),
    }
    assert (s.events["all"].tp, s.events["all"].fp, s.events["all"].fn) == (1, 0, 0)
    assert (s.actors_correct, s.actors_scorable, s.actor_accuracy) == (1, 1, 1.0)


def test_merge_scorer_scores_event_pairs_within_gold_stories(tmp_path: Path) -> None:
    # a lone article (its own story) that recalls the bridge closure: its event is listed in the
    # gold cluster, but pairing it across stories is the story grouping score's business
    _write_corpus(tmp_path)
    (tmp_path / "articles" / "three.json").write_text(
        json.dumps(
            {
                "id": "three",
                "text": "Rain closed the bridge last spring, a farmer recalled.",
                "published": "2025-03-02",
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "gold" / "three.json").write_text(
        json.dumps(
            {
                "id": "three",
                "quotes": [],
                "actors": [],
                "events": [{"id": "e1", "summary": "Rain closed the bridge.", "date": None}],
            }
        ),
        encoding="utf-8",
    )
    path = tmp_path / "gold" / "clusters.json"
    clusters = json.loads(path.read_text())
    clusters["clusters"][0]["events"][0]["members"].append({"article": "three", "ref": "e1"})
    path.write_text(json.dumps(clusters), encoding="utf-8")
    s = evaluate_merge(tmp_path, engine="gold").scores
    assert s.stories.f1 == 1.0
    assert (s.events["all"].tp, s.events["all"].fp, s.events["all"].fn) == (1, 0, 0)


def test_composite_members_are_neither_found_nor_missed() -> None:
    a, b, c, x = ("s", "a"), ("s", "b"), ("s", "c"), ("s", "x")
    optional = {(a, c), (b, c)}  # c is a composite member of the clusters {a, c} and {b, c}
    scores, _ = _score_pairs([{a, c}, {b}, {x}], [{a, c}, {b, c}], optional, {a, b, c})
    assert (scores["all"].tp, scores["all"].fp, scores["all"].fn) == (0, 0, 0)
    scores, _ = _score_pairs([{a, b, c}], [{a, c}, {b, c}], optional, {a, b, c})
    assert (scores["all"].tp, scores["all"].fp, scores["all"].fn) == (0, 1, 0)  # a~b is wrong


def test_gold_digest_places_quotes_on_the_text(tmp_path: Path) -> None:
    _write_corpus(tmp_path)
    from service.evaluation.articles import load_gold

    gold = load_gold(tmp_path)
    text = json.loads((tmp_path / "articles" / "two.json").read_text())["text"]
    d = gold_digest(Article(id="two", text=text), gold["two"])
    q = d.quotes[0]
    assert text[q.start : q.end] == q.text == "The bridge will reopen in May,"
    assert [(a.name, [m.text for m in a.mentions]) for a in d.actors] == [("Ann Lee", ["Lee"])]


@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present at ../shared/dev-corpus")
def test_oracle_digests_of_the_dev_corpus_merge_well() -> None:
    # Gold-built digests isolate the merger from extraction errors; see the report for figures.
    s = evaluate_merge(CORPUS, engine="gold").scores
    assert s.quotes["all"].f1 >= 0.9
    assert s.events["all"].f1 >= 0.75
    assert s.actor_accuracy >= 0.9


class _FakeClient:
    """Stands in for service.llm's client: queued answers, or an error, no network."""

    model = "fake-model"

    def __init__(self, answers: list[object]) -> None:
        self.answers = answers
        self.seen: list[list[dict[str, str]]] = []

    def extract(self, messages, answer, *, max_tokens):  # noqa: ANN001
        self.seen.append(messages)
        got = self.answers.pop(0)
        if isinstance(got, Exception):
            raise got
        return answer.model_validate(got)


def test_llm_judge_with_a_fake_client() -> None:
    from service.errors import RetriesExhaustedError
    from service.merge import merge
    from service.merge.llm_judge import LLMJudge
    from tests.test_merge import actor, digest

    client = _FakeClient(
        [
            {"same": True, "reason": "same president"},
            RetriesExhaustedError(["timeout"], provider="x"),
        ]
    )
    ds = [
        digest("a", actors=[actor("a1", "Masoud Barzani")]),
        digest("b", actors=[actor("a1", "Nechirvan Barzani")]),
        digest("c", actors=[actor("a1", "Barzani")]),
    ]
    story = merge(ds, judge=LLMJudge(client))
    assert [(d.same, d.reason, d.judge) for d in story.provenance.decisions] == [
        (True, "model: same president", "llm:fake-model"),
        (
            False,
            "model failed (gave up after 1 attempts (#1: timeout)); rule: surname 'barzani' fits 2 full names; kept apart",
            "llm:fake-model",
        ),
    ]
    assert sorted(a.name for a in story.actors) == ["Masoud Barzani", "Nechirvan Barzani"]
    assert "<left>" in client.seen[0][1]["content"] and "Barzani" in client.seen[0][1]["content"]
