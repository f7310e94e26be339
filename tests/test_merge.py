"""Merger examples on small invented digests: whole outputs asserted, plus determinism and round trips."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from schemas import (
    Actor,
    ActorType,
    ArticleDigest,
    ArticleMeta,
    Event,
    Provenance,
    Quote,
    QuoteKind,
)
from schemas.story import QuoteRelation, StoryDigest
from service.errors import InputError
from service.merge import FakeJudge, Verdict, merge
from service.merge.syndication import fingerprint


def quote(qid: str, text: str, speaker: str | None, start: int = 0) -> Quote:
    return Quote(
        id=qid,
        text=text,
        start=start,
        end=start + len(text),
        kind=QuoteKind.direct,
        speaker=speaker,
    )


def actor(
    aid: str,
    name: str,
    kind: str = "person",
    aliases: tuple[str, ...] = (),
    anonymous: bool = False,
) -> Actor:
    return Actor(
        id=aid, name=name, type=ActorType(kind), aliases=list(aliases), anonymous=anonymous
    )


def digest(
    aid: str,
    *,
    quotes: list[Quote] | None = None,
    actors: list[Actor] | None = None,
    events: list[Event] | None = None,
    text: str | None = None,
    published: str | None = None,
) -> ArticleDigest:
    meta = ArticleMeta(
        id=aid,
        title=f"Title of {aid}",
        content_hash=f"hash-{aid}",
        published=dt.date.fromisoformat(published) if published else None,
        fingerprint=fingerprint(text) if text else [],
    )
    return ArticleDigest(
        article=meta,
        quotes=quotes or [],
        actors=actors or [],
        events=events or [],
        provenance=Provenance(engine="test", engine_version="0"),
    )


LINE = "We will defend our forces wherever they are attacked, as we have done before."


def ryder_story() -> list[ArticleDigest]:
    a = digest(
        "alpha",
        actors=[
            actor("a1", "Patrick Ryder", aliases=("Maj. Gen. Patrick Ryder", "Ryder")),
            actor("a2", "a senior defence official", anonymous=True),
        ],
        quotes=[
            quote("q1", LINE, "Patrick Ryder"),  # standfirst
            quote("q2", LINE, "Patrick Ryder", 200),
            quote(
                "q3",
                "The base was not damaged and nobody was hurt in the attack.",
                "a senior defence official",
            ),
        ],
    )
    b = digest(
        "bravo",
        actors=[actor("a1", "Pat Ryder", aliases=("Pentagon spokesman Pat Ryder",))],
        quotes=[
            quote(
                "q1",
                "we will defend our forces wherever they are attacked as we have done before",
                "Pat Ryder",
            ),
            quote("q2", "defend our forces", "Pat Ryder", 90),
        ],
    )
    c = digest(
        "charlie",
        actors=[actor("a1", "Ryder")],
        quotes=[quote("q1", "We will defend our forces wherever they are attacked", "Ryder")],
    )
    return [a, b, c]


def test_ryder_story_whole() -> None:
    story = merge(ryder_story())
    people = {a.name: a for a in story.actors}
    assert sorted(people) == ["Patrick Ryder", "a senior defence official"]
    ryder = people["Patrick Ryder"]
    assert [(m.article, m.actor.id) for m in ryder.members] == [
        ("alpha", "a1"),
        ("bravo", "a1"),
        ("charlie", "a1"),
    ]
    assert ryder.support.model_dump() == {
        "articles": ["alpha", "bravo", "charlie"],
        "pages": 3,
        "sources": 3,
    }
    assert ryder.aliases == [
        "Maj. Gen. Patrick Ryder",
        "Pat Ryder",
        "Patrick Ryder",
        "Pentagon spokesman Pat Ryder",
        "Ryder",
    ]
    assert people["a senior defence official"].anonymous is True

    assert len(story.quotes) == 2
    main = story.quotes[0]
    assert main.speaker == "Patrick Ryder" and main.speaker_actor == ryder.id
    assert main.canonical == LINE
    assert main.canonical_from.model_dump() == {"article": "alpha", "item": "q1"}
    assert [(v.article, v.quote.id, v.relation) for v in main.variants] == [
        ("alpha", "q1", QuoteRelation.canonical),
        ("alpha", "q2", QuoteRelation.identical),
        ("bravo", "q1", QuoteRelation.identical),
        ("bravo", "q2", QuoteRelation.contained),
        ("charlie", "q1", QuoteRelation.contained),
    ]
    assert all(v.quote.text for v in main.variants)
    anon_q = story.quotes[1]
    assert anon_q.speaker == "a senior defence official" and len(anon_q.variants) == 1


def test_ids_and_output_do_not_depend_on_input_order() -> None:
    ds = ryder_story()
    first = merge(ds).model_dump_json()
    for seed in range(3):
        shuffled = ds[:]
        random.Random(seed).shuffle(shuffled)
        assert merge(shuffled).model_dump_json() == first


def test_json_round_trip_and_remerge_of_members() -> None:
    story = merge(ryder_story())
    again = StoryDigest.model_validate_json(story.model_dump_json())
    assert again == story
    assert merge(story.member_digests()).model_dump_json() == story.model_dump_json()
    assert [d.article.id for d in story.member_digests()] == ["alpha", "bravo", "charlie"]


def test_two_people_sharing_a_surname_stay_apart_and_a_bare_surname_asks_the_judge() -> None:
    ds = [
        digest("a", actors=[actor("a1", "Masoud Barzani", aliases=("Barzani",))]),
        digest("b", actors=[actor("a1", "Kurdistan Region President Nechirvan Barzani")]),
        digest("c", actors=[actor("a1", "Barzani")]),
    ]
    story = merge(ds)
    assert sorted(a.name for a in story.actors) == [
        "Barzani",
        "Masoud Barzani",
        "Nechirvan Barzani",
    ]
    assert [(d.kind, d.same, d.judge) for d in story.provenance.decisions] == [
        ("actor", False, "rules"),
        ("actor", False, "rules"),
    ]

    def answer(q):  # a model that recognises the first full name
        names = {q.left["name"], q.right["name"]}
        return Verdict("Masoud Barzani" in names, "fake model says so")

    judge = FakeJudge(answer)
    story = merge(ds, judge=judge)
    assert sorted(a.name for a in story.actors) == ["Masoud Barzani", "Nechirvan Barzani"]
    assert len(judge.asked) == 2
    assert {d.reason for d in story.provenance.decisions} == {"fake model says so"}


def test_name_variants_join() -> None:
    ds = [
        digest(
            "a",
            actors=[
                actor(
                    "a1",
                    "Mohammed Shia’ al-Sudani",
                    aliases=("Iraqi Prime Minister Mohammed Shia’ al-Sudani",),
                ),
                actor("a2", "Popular Mobilization Forces", "group"),
                actor("a3", "Steven Mollenkopf"),
            ],
        ),
        digest(
            "b",
            actors=[
                actor("a1", "Mohammed Shia al-Sudani"),
                actor("a2", "PMF", "group"),
                actor("a3", "Steve Mollenkopf"),
            ],
        ),
        digest("c", actors=[actor("a1", "Sudani"), actor("a2", "Liverpool F.C.", "organization")]),
        digest(
            "d",
            actors=[actor("a1", "Liverpool", "organization"), actor("a2", "Liverpool", "location")],
        ),
    ]
    story = merge(ds)
    got = sorted(
        (a.name, a.type.value, [f"{m.article}:{m.actor.id}" for m in a.members])
        for a in story.actors
    )
    assert got == [
        ("Liverpool", "location", ["d:a2"]),
        ("Liverpool F.C.", "organization", ["c:a2", "d:a1"]),
        ("Mohammed Shia al-Sudani", "person", ["a:a1", "b:a1", "c:a1"]),
        ("Popular Mobilization Forces", "group", ["a:a2", "b:a2"]),
        ("Steven Mollenkopf", "person", ["a:a3", "b:a3"]),
    ]


def test_one_utterance_credited_to_two_speakers_is_one_cluster_with_a_disagreement() -> None:
    text = "Nobody expected the decision to come so early in the season."
    ds = [
        digest("a", actors=[actor("a1", "Ann Lee")], quotes=[quote("q1", text, "Ann Lee")]),
        digest("b", actors=[actor("a1", "Bo Chen")], quotes=[quote("q1", text, "Bo Chen")]),
        digest("c", quotes=[quote("q1", "so early in the season", None)]),
    ]
    story = merge(ds)
    # the words decide; a short unattributed fragment stays apart
    assert sorted((q.speaker or "-", len(q.variants)) for q in story.quotes) == [
        ("-", 1),
        ("Ann Lee", 2),
    ]
    main = next(q for q in story.quotes if q.speaker)
    [dis] = main.disagreements
    assert dis.field == "speaker"
    assert [(v.value, [m.article for m in v.members]) for v in dis.values] == [
        ("Ann Lee", ["a"]),
        ("Bo Chen", ["b"]),
    ]
    # different speakers need more than a short shared phrase
    short = "We will keep going."
    ds3 = [
        digest("a", actors=[actor("a1", "Ann Lee")], quotes=[quote("q1", short, "Ann Lee")]),
        digest(
            "b",
            actors=[actor("a1", "Bo Chen")],
            quotes=[quote("q1", short[:-1] + " now.", "Bo Chen")],
        ),
    ]
    assert len(merge(ds3).quotes) == 2
    # six or more words verbatim: an unattributed quote joins the one named speaker
    ds2 = [
        ds[0],
        digest("c", quotes=[quote("q1", "decision to come so early in the season", None)]),
    ]
    story2 = merge(ds2)
    assert [(q.speaker, [v.relation.value for v in q.variants]) for q in story2.quotes] == [
        ("Ann Lee", ["canonical", "contained"])
    ]


def test_event_disagreements_are_kept() -> None:
    def ev(eid: str, summary: str, date: str, location: str) -> Event:
        return Event(id=eid, summary=summary, date=date, location=location, participants=["Zummar"])

    ds = [
        digest(
            "a",
            events=[
                ev(
                    "e1",
                    "Five rockets were fired from Zummar at the Rumaylan base.",
                    "2024-04-21",
                    "Rumaylan base, Syria",
                )
            ],
        ),
        digest(
            "b",
            events=[
                ev(
                    "e1",
                    "Six rockets fired from Zummar struck near the Rumaylan base.",
                    "2024-04-22",
                    "Syria",
                )
            ],
        ),
        digest(
            "c",
            events=[
                ev(
                    "e1",
                    "Parliament elected a new speaker after months of deadlock.",
                    "2024-04-21",
                    "Baghdad",
                )
            ],
        ),
    ]
    story = merge(ds)
    assert len(story.events) == 2
    attack = next(e for e in story.events if len(e.members) == 2)
    assert attack.date is None  # one source each: no majority, nothing picked silently
    assert attack.location == "Rumaylan base, Syria"
    got = [
        (d.field, [(v.value, [m.article for m in v.members]) for v in d.values])
        for d in attack.disagreements
    ]
    assert got == [
        ("date", [("2024-04-21", ["a"]), ("2024-04-22", ["b"])]),
        ("count:rocket", [("5", ["a"]), ("6", ["b"])]),
    ]


def test_syndicated_copies_count_as_one_source() -> None:
    wire = " ".join(
        f"word{i} sentence about the attack number {i} in the region." for i in range(60)
    )
    ds = [
        digest("site1", text=wire, actors=[actor("a1", "Ann Lee")]),
        digest("site2", text=wire + " Extra local paragraph.", actors=[actor("a1", "Ann Lee")]),
        digest(
            "own",
            text="An entirely different report written by another newsroom. " * 5,
            actors=[actor("a1", "Ann Lee")],
        ),
    ]
    story = merge(ds)
    assert [(g.articles, g.basis) for g in story.source_groups] == [
        (["site1", "site2"], "text"),
        (["own"], "single"),
    ]
    assert story.actors[0].support.model_dump() == {
        "articles": ["own", "site1", "site2"],
        "pages": 3,
        "sources": 2,
    }


def test_duplicate_inputs() -> None:
    d = ryder_story()[0]
    story = merge([d, d.model_copy(deep=True)])
    assert story.provenance.inputs == 2 and story.provenance.duplicates_dropped == 1
    other = d.model_copy(update={"summary": "changed"})
    with pytest.raises(InputError, match="share the article id 'alpha'"):
        merge([d, other])


def test_empty_input_gives_an_empty_story() -> None:
    story = merge([])
    assert (story.actors, story.quotes, story.events, story.sources) == ([], [], [], [])
    assert story.provenance.warnings == ["no digests given: the story is empty"]
