"""Event matching across articles (types, counts, dates without a publication date, places),
collective actors, and the story summary; all on invented digests."""

from __future__ import annotations

import random
from typing import NamedTuple

import pytest

from schemas import Event
from schemas.story import StoryDigest
from service.extract.dates import DateHints, date_hints
from service.merge import events as events_mod
from service.merge import merge
from service.merge.event_features import (
    actions,
    date_relation,
    date_sig,
    event_stem,
    name_words,
    place_words,
    read_texts,
)
from service.merge.names import collective_key, institution_key
from tests.test_merge import actor, digest


def ev(
    eid: str,
    summary: str,
    date: str | None = None,
    date_text: str | None = None,
    location: str | None = None,
    participants: tuple[str, ...] = (),
) -> Event:
    return Event(
        id=eid,
        summary=summary,
        date=date,
        date_text=date_text,
        location=location,
        participants=list(participants),
    )


def clusters(story: StoryDigest) -> list[list[str]]:
    return sorted(sorted(f"{m.article}:{m.event.id}" for m in e.members) for e in story.events)


# ------------------------------------------------------------------ features


class Features(NamedTuple):
    lead: str | None
    types: frozenset[str]
    numbers: frozenset[int]
    stems: frozenset[str]
    names: frozenset[str]


def text_features(text: str, names: frozenset[str] = frozenset()) -> Features:
    """What the merger reads of an event text: read_texts(), then actions() and name_words()."""
    (t,) = read_texts([text])
    return Features(*actions(t, names), t.numbers, t.stems, name_words(t))


def numbers(text: str) -> frozenset[int]:
    return text_features(text).numbers


def test_action_types_lead_and_names() -> None:
    f = text_features("Late on Sunday, six shells were fired at the depot, killing two guards.")
    assert (f.lead, f.types) == ("attack", frozenset({"attack", "kill"}))
    # a participant's surname is not an action; "won't" is not "won"
    f = text_features("Deal will retire next week.", frozenset({"deal", "stan"}))
    assert (f.lead, f.types) == ("leave_post", frozenset({"leave_post"}))
    assert text_features("Kellner won't stand for re-election.").types == frozenset({"leave_post"})
    # German nouns are capitalised and still name actions
    assert text_features("Der Angriff tötete drei Soldaten.").types == frozenset({"attack", "kill"})
    assert text_features("The minister called on the council to act.").lead == "urge"
    assert text_features("The weather stayed mild.").types == frozenset()
    # name words: capitals past the sentence start, up to an apostrophe, date words aside
    assert text_features("Rockets hit Abu Baqir's base on Sunday.").names == {"abu", "baqir"}


def test_numbers_are_counts_only() -> None:
    assert numbers("At least five rockets and three U.S. soldiers; 2,500 troops") == {3, 5, 2500}
    assert numbers("a drone strike that claimed three lives") == {3}
    assert numbers("killing 16 PMF fighters and injuring another 36, in the east") == {16}
    for text in (
        "on April 14 and Feb. 4, 2024",  # dates and years
        "Calhoun, 67, announced",  # an age
        "the 56-year-old will",
        "at 21:30 local time",
        "a 3.5 percent rise",
        "one soldier",  # one is not evidence
    ):
        assert numbers(text) == frozenset(), text


def test_stems_join_inflections_and_drop_date_words() -> None:
    assert {event_stem(w) for w in ("attack", "attacks", "attacked", "attacking")} == {"attack"}
    assert {event_stem(w) for w in ("kill", "killed", "killing", "kills")} == {"kill"}
    assert event_stem("stepping") == event_stem("step")
    assert event_stem("protest") != event_stem("protect")
    assert text_features("Rockets hit the base on Sunday in January.").stems == frozenset(
        {"rocket", "hit", "base"}
    )


def test_date_hints() -> None:
    assert date_hints("Late on Sunday night") == DateHints(weekday=6)
    assert date_hints("Feb. 4") == DateHints(month=2, day=4)
    assert date_hints("14 April 2024") == DateHints(month=4, day=14)
    assert date_hints("April 2024") == DateHints(month=4)
    assert date_hints("dimanche") == DateHints(weekday=6)
    assert date_hints("days later") == DateHints()
    assert date_hints(None) == DateHints()


@pytest.mark.parametrize(
    ("a", "b", "want"),
    [
        (("2024-05-12", None), ("2024-05-12", None), ("exact", 0)),
        (("2024-05", None), ("2024-05-12", None), ("within", 0)),
        (("2024-05-12", None), ("2024-05-13", None), ("near", 1)),
        (("2024-05-12", None), ("2024-05-20", None), ("conflict", 8)),
        (("2024-04", None), ("2024-05", None), ("conflict", 1)),
        # an undated article's "on Sunday" against a resolved Sunday, and against a Tuesday
        (("2024-05-12", None), (None, "on Sunday"), ("within", 0)),
        (("2024-05-14", None), (None, "on Sunday"), ("near", 2)),
        (("2024-01", None), (None, "in January"), ("within", 0)),
        (("2024-01", None), (None, "in March"), ("conflict", 28)),
        (("2024-04-13", None), (None, "April 14"), ("near", 1)),
        (("2024-12-31", None), (None, "Jan. 2"), ("near", 2)),
        ((None, "Monday"), (None, "Monday"), ("within", 0)),
        ((None, "in May"), (None, "in June"), ("conflict", 28)),
        ((None, None), ("2024-05-12", None), ("unknown", 0)),
    ],
)
def test_date_relation(
    a: tuple[str | None, str | None], b: tuple[str | None, str | None], want: tuple[str, int]
) -> None:
    assert date_relation(date_sig(*a), date_sig(*b), 3) == want
    assert date_relation(date_sig(*b), date_sig(*a), 3) == want


def test_place_words() -> None:
    assert place_words("Norland’s Vale province") == {"norland", "vale"}
    assert place_words("northern Norland") == {"norland"}
    assert place_words(None) == frozenset()


# ------------------------------------------------------------------ merging events


def _places() -> list:
    return [actor("p1", "Kestria", "location"), actor("p2", "Norland", "location")]


def shelling_story() -> list:
    east = digest(
        "east",
        published="2024-05-15",
        actors=[*_places(), actor("a1", "defence ministry", "organization")],
        events=[
            ev(
                "e1",
                "Late on Sunday night, several shells hit the Dunmore base in Norland’s Vale "
                "province, where 300 soldiers are stationed.",
                "2024-05-12",
                "Late on Sunday night",
                "Norland’s Vale province",
                ("Norland",),
            ),
            ev(
                "e2",
                "The defence ministry said on Tuesday that it had urged the Kestrian government "
                "to protect its soldiers after mortar shells fired from Kestria hit bases in "
                "Norland.",
                "2024-05-14",
                "on Tuesday",
                None,
                ("defence ministry", "Kestria", "Norland"),
            ),
        ],
    )
    west = digest(  # no publication date: "on Sunday" stays unresolved
        "west",
        actors=[*_places(), actor("a1", "defence ministry", "organization")],
        events=[
            ev(
                "e1",
                "The defence ministry has urged Kestria to act at once against the armed bands "
                "that attack its soldiers.",
                None,
                None,
                None,
                ("defence ministry", "Kestria"),
            ),
            ev(
                "e2",
                "At least four mortar shells were fired from the Kestrian town of Brill toward "
                "a base in northern Norland on Sunday.",
                None,
                "on Sunday",
                "northern Norland",
                ("Kestria", "Norland"),
            ),
        ],
    )
    return [east, west]


def test_undated_article_joins_by_weekday_and_wording(monkeypatch: pytest.MonkeyPatch) -> None:
    story = merge(shelling_story())
    assert clusters(story) == [["east:e1", "west:e2"], ["east:e2", "west:e1"]]
    shelling = next(e for e in story.events if e.date == "2024-05-12")
    # "northern Norland" and "Norland's Vale province" are one place at two scales
    assert (shelling.location, shelling.disagreements) == ("Norland’s Vale province", [])
    # the weekday is what joins the undated "on Sunday" report to the Sunday shelling
    monkeypatch.setattr(events_mod, "date_relation", lambda a, b, tolerance: ("unknown", 0))
    assert clusters(merge(shelling_story())) == [["east:e1"], ["east:e2", "west:e1"], ["west:e2"]]


def bomb_story() -> list:
    army = actor("a1", "Norland army", "organization")
    return [
        digest(
            "a",
            published="2024-03-10",
            actors=[army],
            events=[
                ev(
                    "e1",
                    "A roadside bomb killed three soldiers of the Norland army on a hill road in "
                    "February.",
                    "2024-02",
                    "in February",
                    None,
                    ("Norland army",),
                ),
                ev(
                    "e2",
                    "Clashes at a checkpoint killed five soldiers of the Norland army in February.",
                    "2024-02",
                    "in February",
                    None,
                    ("Norland army",),
                ),
            ],
        ),
        digest(  # undated: "in February" is compared as a month
            "b",
            actors=[army],
            events=[
                ev(
                    "e1",
                    "The clashes culminated in the deaths of three soldiers of the Norland army "
                    "in February.",
                    None,
                    "in February",
                    None,
                    ("Norland army",),
                )
            ],
        ),
        digest(
            "c",
            published="2024-06-30",
            actors=[army],
            events=[
                ev(
                    "e1",
                    "Three soldiers of the Norland army were killed by a roadside bomb in June.",
                    "2024-06",
                    "in June",
                    None,
                    ("Norland army",),
                )
            ],
        ),
    ]


def test_a_shared_count_decides_between_similar_events(monkeypatch: pytest.MonkeyPatch) -> None:
    # "three soldiers" joins the three-soldier bomb, not the better-worded five-soldier clash;
    # the June bomb is another event: a month apart is a conflict, whatever the wording
    assert clusters(merge(bomb_story())) == [["a:e1", "b:e1"], ["a:e2"], ["c:e1"]]
    monkeypatch.setattr(events_mod, "NUM_BONUS", 0.0)
    assert clusters(merge(bomb_story())) == [["a:e1"], ["a:e2", "b:e1"], ["c:e1"]]


def test_same_count_day_and_type_without_a_shared_entity_stay_apart() -> None:
    ds = [
        digest(
            "x",
            events=[
                ev(
                    "e1",
                    "Two people were killed when a gas explosion destroyed a bakery in Harlow "
                    "on Monday.",
                    "2024-05-13",
                    "on Monday",
                    "Harlow",
                )
            ],
        ),
        digest(
            "y",
            events=[
                ev(
                    "e1",
                    "Two people were killed when a tram collided with a lorry in Tessel on Monday.",
                    "2024-05-13",
                    "on Monday",
                    "Tessel",
                )
            ],
        ),
    ]
    assert clusters(merge(ds)) == [["x:e1"], ["y:e1"]]


# ------------------------------------------------------------------ collective actors


def test_collective_keys() -> None:
    assert collective_key("Kestrian militia groups") == "kest|militia|group"
    assert collective_key("Kestria malign militia groups") == "kest|militia|group"
    assert collective_key("Kestria-aligned groups") == collective_key("Kestrian groups")
    assert collective_key("Kestrian rebel groups") != collective_key("Kestrian government groups")
    assert collective_key("Islamic Front of Kestria") is None  # a proper name
    assert collective_key("the militia groups") is None  # no nationality or name
    assert collective_key("Kestria") is None


def test_collective_actors_merge_across_articles() -> None:
    ds = [
        digest(
            "a",
            actors=[
                actor("a1", "Kestrian militia groups", "group", aliases=("Kestrian groups",)),
                actor("a2", "Kestrian rebel groups", "group"),
            ],
        ),
        digest(
            "b",
            actors=[actor("a1", "Kestria malign militia groups", "group")],
        ),
    ]
    story = merge(ds)
    assert sorted(sorted(f"{m.article}:{m.actor.id}" for m in a.members) for a in story.actors) == [
        ["a:a1", "b:a1"],
        ["a:a2"],
    ]


def test_institution_keys() -> None:
    key = institution_key("Kestrian government")
    assert key is not None
    assert institution_key("the government of Kestria") == key
    assert institution_key("Kestria’s government") == key
    assert institution_key("Kestrian army") != key
    assert institution_key("Norland government") != key
    assert institution_key("Government Accountability Office") is None  # a proper name
    assert institution_key("the government") is None  # no state named
    assert institution_key("local government") is None


def test_state_institution_variants_merge_across_articles() -> None:
    ds = [
        digest("a", actors=[actor("a1", "the Kestrian government", "organization")]),
        digest("b", actors=[actor("a1", "Government of Kestria", "organization")]),
        digest(
            "c",
            actors=[
                actor("a1", "Kestria's government", "organization"),
                actor("a2", "Norland government", "organization"),
            ],
        ),
    ]
    story = merge(ds)
    assert sorted(sorted(f"{m.article}:{m.actor.id}" for m in a.members) for a in story.actors) == [
        ["a:a1", "b:a1", "c:a1"],
        ["c:a2"],
    ]


# ------------------------------------------------------------------ story summary


def test_summary_is_whole_sentences_of_the_best_supported_events() -> None:
    ds = shelling_story()
    ds.append(
        digest(
            "north",
            published="2024-05-16",
            actors=_places(),
            events=[
                ev(
                    "e1",
                    "Four mortar shells fired from Kestria struck near a base in Norland on "
                    "Sunday night, the regional governor said, calling it “a provocation that",
                    "2024-05-12",
                    "Sunday night",
                    "Norland",
                    ("Kestria", "Norland"),
                ),
                ev("e2", "A local fair opened in Norland with record crowds.", "2024-05-16"),
            ],
        )
    )
    story = merge(ds)
    # most independent sources first: the shelling (3), the ministry's call (2), the fair (1)
    assert story.summary == (
        "3 articles from 3 independent sources. "
        "At least four mortar shells were fired from the Kestrian town of Brill toward a base in "
        "northern Norland on Sunday. "
        "The defence ministry said on Tuesday that it had urged the Kestrian government to "
        "protect its soldiers after mortar shells fired from Kestria hit bases in Norland. "
        "A local fair opened in Norland with record crowds."
    )
    shuffled = ds[:]
    random.Random(3).shuffle(shuffled)
    assert merge(shuffled).summary == story.summary


def test_summary_of_one_article_and_of_nothing() -> None:
    one = merge([digest("solo", events=[ev("e1", "The bridge reopened after repairs.")])])
    assert one.summary == "1 article from 1 independent source. The bridge reopened after repairs."
    assert merge([]).summary == "0 articles from 0 independent sources."


def test_summary_passes_over_cut_quotations_and_prefers_newer_news() -> None:
    cut = (
        "The governor said on Sunday that the four shells fired from Kestria at the Dunmore base "
        "were “a provocation that we will answer"
    )
    ds = [
        digest(
            "p",
            published="2024-05-13",
            actors=_places(),
            events=[
                ev("e1", cut, "2024-05-12", "on Sunday", "Norland", ("Kestria", "Norland")),
                ev("e2", "Norland recalled its ambassador from Kestria.", "2024-05-13"),
                ev("e3", "Kestria and Norland signed a border treaty in 1998.", "1998"),
            ],
        ),
        digest(
            "q",
            published="2024-05-13",
            actors=_places(),
            events=[
                ev(
                    "e1",
                    "Four shells fired from Kestria hit the Dunmore base on Sunday.",
                    "2024-05-12",
                    "on Sunday",
                    "Norland",
                    ("Kestria", "Norland"),
                ),
                ev("e2", "Norland recalls its ambassador from Kestria.", "2024-05-13"),
                ev("e3", "The 1998 border treaty between Kestria and Norland holds.", "1998"),
            ],
        ),
    ]
    story = merge(ds)
    shelling = next(e for e in story.events if e.date == "2024-05-12")
    assert shelling.summary == cut  # the longer of two equally central members
    # two-source events only, newest first: the recall, then the shelling told by the whole
    # sentence of "q"; the 1998 treaty is older background
    assert story.summary == (
        "2 articles from 2 independent sources. "
        "Norland recalled its ambassador from Kestria. "
        "Four shells fired from Kestria hit the Dunmore base on Sunday. "
        "The 1998 border treaty between Kestria and Norland holds."
    )
