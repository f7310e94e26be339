"""Actor extraction on small invented articles, plus the WHO figures on the dev corpus."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from schemas import ActorType
from service.extract.actors import extract_actors
from service.extract.quotes import QuoteSpan
from service.extract.speakers import attribute
from tests.quotekit import spans_of

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "dev-corpus"

P, ORG, LOC, G = ActorType.person, ActorType.organization, ActorType.location, ActorType.group


def summary(text: str, spans: list[QuoteSpan] | None = None, title: str | None = None):
    actors = extract_actors(text, spans if spans is not None else spans_of(text), title=title)
    for a in actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    return [
        (a.id, a.name, a.type, a.aliases, a.role, a.anonymous, [m.text for m in a.mentions])
        for a in actors
    ]


SHARED_SURNAMES = (
    "Storm Warning For The Coast\n\n"
    "Kurdish leader Elena Marsh met Prime Minister Victor Marsh in Erbil on Monday to discuss the budget.\n\n"
    "“We agreed on salaries,” Marsh said after the meeting.\n\n"
    "Elena Marsh later flew home. Marsh told reporters in January that “talks are going well.”\n"
)


def test_two_people_sharing_a_surname_stay_apart():
    assert summary(SHARED_SURNAMES) == [
        (
            "a1",
            "Elena Marsh",
            P,
            ["Kurdish leader Elena Marsh", "Marsh"],
            "Kurdish leader",
            False,
            ["Kurdish leader Elena Marsh", "Marsh", "Elena Marsh", "Marsh"],
        ),
        (
            "a2",
            "Victor Marsh",
            P,
            ["Prime Minister Victor Marsh"],
            "Prime Minister",
            False,
            ["Prime Minister Victor Marsh"],
        ),
    ]
    # the bare surname goes to the Marsh named in full most often before it, then to the one named
    # first: not to the one named last (on PolNeAR train, where 'Mr.' and 'Mrs.' tell which
    # Clinton is meant, the last named was right about half the time; see test_same_surname.py)
    spans = spans_of(SHARED_SURNAMES)
    got = attribute(SHARED_SURNAMES, spans, extract_actors(SHARED_SURNAMES, spans))
    assert [a.speaker for a in got] == ["Elena Marsh", "Elena Marsh"]


def test_types_from_suffixes_cues_and_gazetteer():
    text = (
        "The rebel faction Red Dawn Brigades claimed the attack on the Kalmar military base. "
        "Red Dawn Brigades has been active since 2019.\n\n"
        "Northfield United FC and Skyway Airlines both sponsor the Valley University team, and "
        "Northfield United FC said the match would go ahead in Germany.\n\n"
        "Fans in Germany were pleased, the Ministry of Sport said on Tuesday.\n"
    )
    assert [(a[1], a[2]) for a in summary(text)] == [
        ("Red Dawn Brigades", G),
        ("Kalmar military base", LOC),
        ("Northfield United FC", ORG),
        ("Skyway Airlines", ORG),
        ("Valley University", ORG),
        ("Germany", LOC),
        ("Ministry of Sport", ORG),
    ]


def test_group_typed_by_context_words_and_descriptor_role():
    text = (
        "The armed group Nahr al-Sabr said it fired the rockets. Officials blamed Nahr al-Sabr, "
        "a Syrian armed group, for earlier attacks.\n"
    )
    got = summary(text)
    assert [(a[1], a[2], a[4]) for a in got] == [("Nahr al-Sabr", G, "armed group")]


def test_titles_surname_and_nickname_merge_into_the_fullest_name():
    text = (
        "Pentagon spokesman Major General Pat Okafor said on Monday the base was safe.\n\n"
        "Okafor added that Major General Patrick Okafor’s staff had visited the base.\n\n"
        "Okafor spoke for an hour.\n"
    )
    # 'Pentagon' is named once, inside a title: background, not a listed actor
    got = summary(text)
    assert got == [
        (
            "a1",
            "Patrick Okafor",
            P,
            [
                "Pentagon spokesman Major General Pat Okafor",
                "Pat Okafor",
                "Okafor",
                "Major General Patrick Okafor",
            ],
            "Pentagon spokesman",
            False,
            ["Pentagon spokesman Major General Pat Okafor", "Okafor", "Patrick Okafor", "Okafor"],
        )
    ]


def test_anonymous_speaker_actor_and_acronym_alias():
    text = (
        "The Popular Defence Council (PDC) said it would vote on Friday.\n\n"
        "“The vote is illegal,” a senior opposition official said. The PDC rejected that.\n"
    )
    got = summary(text)
    assert got == [
        (
            "a1",
            "Popular Defence Council",
            ORG,
            ["PDC", "Popular Defence Council (PDC)"],
            None,
            False,
            ["Popular Defence Council", "PDC", "PDC"],
        ),
        (
            "a2",
            "senior opposition official (unnamed)",
            P,
            ["a senior opposition official"],
            "senior opposition official",
            True,
            ["a senior opposition official"],
        ),
    ]


def test_sentence_initial_words_months_weekdays_and_headlines_are_not_actors():
    text = (
        "Markets Rally As Rates Hold Steady\n\n"
        "Following the decision on Monday, investors cheered. Earlier in March, prices fell. "
        "Despite that, Harlow Bank said in January it expected growth. Harlow Bank shares rose.\n"
    )
    assert [(a[1], a[2]) for a in summary(text)] == [("Harlow Bank", ORG)]


def test_no_text_no_actors():
    assert extract_actors("") == []
    assert extract_actors("nothing capitalised here at all.") == []


def test_speed_on_a_long_article():
    para = (
        "Harbour Authority chief executive Marta Lindqvist said on Tuesday that “the port will close "
        "for repairs,” adding that the Kalmar Shipping Company had agreed. “We have no choice,” "
        "Lindqvist said. Officials in Sweden and Norway welcomed the plan, the Transport Ministry said.\n\n"
    )
    text = para * 15  # about 5,000 characters
    spans = spans_of(text)
    t0 = time.perf_counter()
    actors = extract_actors(text + " ", spans)
    attribute(text + " ", spans, actors)
    assert time.perf_counter() - t0 < 0.25  # generous for a loaded CI box; typically ~10 ms


def _gold_spans(text, gold) -> list[QuoteSpan]:
    from service.evaluation.articles import locate_gold_quotes

    placed = locate_gold_quotes(gold, text)
    order = sorted(range(len(placed)), key=lambda i: placed[i][0])
    pos = {gi: k for k, gi in enumerate(order)}
    ids = [q.id for q in gold.quotes]
    out = []
    for gi in order:
        s, e = placed[gi]
        q = gold.quotes[gi]
        parent = pos[ids.index(q.nested_in)] if q.nested_in in ids else None
        o = s - 1 if s and not text[s - 1].isalnum() and not text[s - 1].isspace() else None
        c = e if e < len(text) and not text[e].isalnum() and not text[e].isspace() else None
        out.append(QuoteSpan(s, e, q.kind, o, c, 1 if parent is not None else 0, parent))
    return out


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present at ../shared/dev-corpus")
def test_dev_corpus_who_figures():
    from service.evaluation.articles import (
        actor_matches,
        load_corpus_articles,
        load_gold,
        locate_gold_quotes,
        match_spans,
        speaker_correct,
    )

    golds = load_gold(CORPUS)
    arts = {a.id: a for a in load_corpus_articles(CORPUS)}
    sp_ok = sp_n = hit = n_gold = ok_pred = n_pred = 0
    for aid, gold in golds.items():
        text = arts[aid].text
        spans = _gold_spans(text, gold)
        actors = extract_actors(text, spans, title=arts[aid].title)
        attrs = attribute(text, spans, actors)
        matched = match_spans(
            locate_gold_quotes(gold, text), [(s.start, s.end) for s in spans], exact=False
        )
        for gi, pi in matched.items():
            sp_ok += speaker_correct(attrs[pi].speaker, gold.quotes[gi], gold.actors)
            sp_n += 1
        for ga in gold.actors:
            hit += any(actor_matches([a.name, *a.aliases], a.type.value, ga) for a in actors)
            n_gold += 1
        for a in actors:
            ok_pred += any(
                actor_matches([a.name, *a.aliases], a.type.value, ga) for ga in gold.actors
            )
            n_pred += 1
    assert sp_n >= 40
    assert sp_ok / sp_n >= 0.90
    assert hit / n_gold >= 0.80
    assert ok_pred / n_pred >= 0.60


def test_titled_name_is_a_person_and_a_standfirst_role_cue_finds_them():
    # invented: a military title containing "Force", a quote ending in "groups", and a standfirst
    # attributing the same words to the role alone
    text = (
        "‘We will respond to every attack,’ army spokesperson says\n"
        "Air Force Colonel Dana Whitlock, an army spokesperson, spoke on Monday.\n"
        "“We know who these groups are and we will respond to every attack,” said Whitlock."
    )
    from service.extract.quotes import find_quotes
    from service.extract.speakers import attribute

    spans = find_quotes(text)
    actors = extract_actors(text, spans)
    people = [
        (a.name, a.type.value, a.anonymous) for a in actors if "Whitlock" in a.name or a.anonymous
    ]
    assert people == [("Dana Whitlock", "person", False)]
    assert [a.speaker for a in attribute(text, spans, actors)] == ["Dana Whitlock", "Dana Whitlock"]


def test_an_honorific_makes_a_bare_surname_a_person():
    text = "“The plant will stay open,” Ms Voss told the crowd. “We agree,” said Mr Hale."
    from service.extract.quotes import find_quotes

    actors = extract_actors(text, find_quotes(text))
    assert [(a.name, a.type.value) for a in actors] == [("Voss", "person"), ("Hale", "person")]
