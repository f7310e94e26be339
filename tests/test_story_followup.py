"""The follow-up link (service.merge.story_followup): a sequel weeks after the first report that
names the same specific people and places joins its story; a same-topic report that brings a
specific name of its own (another defendant, another town) stays apart, and so does a sequel
past FOLLOW_DAYS. Every text is invented for this test."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas import Article, ArticleDigest
from service.api import resolve_engine
from service.merge import story_followup as fu
from service.merge.stories import WINDOW_DAYS, group_stories, profiles

CHARGE = """Quarry owner Tobias Wendrick charged over Marlowe Gap collapse
Prosecutors in Dunmere charged quarry owner Tobias Wendrick on Monday over the collapse at the Marlowe Gap quarry that killed two workers in March.
Wendrick, 58, is accused of ignoring warnings from the inspector Alma Ferrant about the quarry's eastern wall. "The warnings were written down and they were ignored," Ferrant told the court in Dunmere.
Wendrick's lawyer, Colm Ashby, said his client would fight the charge. The Marlowe Gap quarry has been closed since the collapse.
"""

VERDICT = """Wendrick guilty over Marlowe Gap deaths
A jury in Dunmere found Tobias Wendrick guilty on Friday of gross negligence over the Marlowe Gap quarry collapse.
The jurors took four hours. Inspector Alma Ferrant had told them that her reports on the eastern wall went unanswered for a year.
Colm Ashby, for Wendrick, said an appeal was likely. Sentencing is set for next month.
"""

OTHER = """Harbour crane firm owner charged in Pellisford
Prosecutors in Dunmere charged Isolde Varga, owner of the Pellisford crane hire firm Varga Lifting, on Thursday over a crane that fell on the Pellisford quay.
Varga is accused of skipping the annual load test. Her lawyer, Colm Ashby, said the crane had passed every inspection.
The quay at Pellisford reopened last week.
"""


MISSING = """Climber missing on Orvald glacier
Mountain rescuers are searching the Orvald glacier above Kesting for the climber Lidia Varnok, 31, who did not come back from a solo ascent on Saturday, police in Kesting said.
Varnok's tent was found below the Orvald icefall. "She knows this mountain well," her sister Ada Varnok said.
"""

ACCOUNT = """Varnok tells of four days in an Orvald crevasse
Lidia Varnok, the climber pulled from a crevasse on the Orvald glacier, said on Tuesday she survived four days on two energy bars and melted ice.
Speaking in hospital in Kesting, she thanked the rescuer Piet Halvorsen, whose dog found her, and the helicopter pilot Greta Lunde. "I talked to the ice to stay awake," Varnok said. Rescue chief Oona Brekke said the crevasse had sheltered her from the wind.
"""

PRIZE = """Kesting book prize for Lidia Varnok's first novel
Lidia Varnok won the Kesting book prize on Wednesday for her first novel, a family saga set among the vineyards of the Sallow valley.
The jury, chaired by the critic Henrik Dahlquist, praised its "patient, generous" prose. Her publisher, Moorfield Press, said a second printing was planned. The runner-up was Tomas Egli's poetry collection Harbour Lights.
"""


def _digest(id_: str, text: str, day: str) -> ArticleDigest:
    title, _, _ = text.partition("\n")
    art = Article(id=id_, title=title, outlet="Dunmere Courier", published=day, text=text)
    return resolve_engine("rules").digest(art)


def _ids(stories: list[list[ArticleDigest]]) -> list[list[str]]:
    return sorted(sorted(d.article.id for d in s) for s in stories)


@pytest.fixture(scope="module")
def digests() -> dict[str, ArticleDigest]:
    return {
        "charge": _digest("charge", CHARGE, "2026-04-06"),
        "verdict": _digest("verdict", VERDICT, "2026-04-24"),
        "verdict-late": _digest("verdict-late", VERDICT, "2026-05-20"),
        "other": _digest("other", OTHER, "2026-04-23"),
    }


def test_a_verdict_weeks_after_the_charge_joins_its_story(
    digests: dict[str, ArticleDigest],
) -> None:
    ds = [digests["charge"], digests["verdict"], digests["other"]]
    p = profiles(ds)
    assert fu.followup(p[0], p[1], WINDOW_DAYS)
    assert _ids(group_stories(ds)) == [["charge", "verdict"], ["other"]]


def test_a_report_with_its_own_defendant_and_town_stays_apart(
    digests: dict[str, ArticleDigest],
) -> None:
    ds = [digests["charge"], digests["verdict"], digests["other"]]
    p = profiles(ds)
    c, shared, _ = fu.cover(p[0], p[2])
    assert shared >= 1 and c < fu.MIN_COVER  # the lawyer and the court are shared, little else
    assert not fu.followup(p[0], p[2], WINDOW_DAYS)
    assert not fu.followup(p[1], p[2], WINDOW_DAYS)


def test_a_sequel_past_the_follow_up_window_stays_apart(
    digests: dict[str, ArticleDigest],
) -> None:
    late = digests["verdict-late"]
    assert late.article.published is not None
    start = digests["charge"].article.published
    assert start is not None and (late.article.published - start).days > fu.FOLLOW_DAYS
    ds = [digests["charge"], late]
    assert _ids(group_stories(ds)) == [["charge"], ["verdict-late"]]


def test_a_pair_inside_the_link_window_is_left_to_the_link_model(
    digests: dict[str, ArticleDigest],
) -> None:
    near = _digest("verdict-near", VERDICT, "2026-04-10")
    p = profiles([digests["charge"], near])
    assert p[0].date is not None and p[1].date is not None
    assert abs(p[0].date - p[1].date) <= WINDOW_DAYS
    assert not fu.followup(p[0], p[1], WINDOW_DAYS)


def test_candidates_come_from_shared_specific_names_in_neighbouring_periods() -> None:
    class P:
        def __init__(self, day: int, specific: dict[str, float]) -> None:
            self.date = dt.date(2026, 1, 1).toordinal() + day
            self.specific = specific

    ps = [
        P(0, {"@p:wendrick": 2.0, "marlowe": 1.0}),
        P(20, {"@p:wendrick": 1.5, "dunmere": 1.0}),
        P(90, {"@p:wendrick": 1.0}),  # shares the name, but months later
        P(21, {"pellisford": 3.0}),  # shares nothing
    ]
    pairs = {tuple(sorted(x)) for x in fu.candidates(ps)}
    assert (0, 1) in pairs
    assert not pairs & {(0, 2), (0, 3), (1, 3), (2, 3)}


def test_two_stories_join_on_a_follow_up_only_when_half_their_pairs_cover_each_other() -> None:
    class P:
        def __init__(self, specific: dict[str, float]) -> None:
            self.date = 0
            self.specific = specific
            self.vec = {"verdict": 1.0}  # one shared happening word (topic_words 1.0)
            self.names: frozenset[str] = frozenset()
            self.lang = "en"
            self.cast: frozenset[str] = frozenset()

    story = {"@p:wendrick": 2.0, "marlowe": 1.0, "dunmere": 1.0}
    charge, verdict = P(story), P(dict(story))
    other = P({"@p:wendrick": 1.0, "pellisford": 3.0, "varga": 3.0})
    assert fu.vouched([charge], [verdict])  # two articles: the link alone
    assert fu.vouched([charge, P(dict(story))], [verdict])
    assert not fu.vouched([charge, other, P({"pellisford": 1.0})], [verdict])


@pytest.fixture(scope="module")
def climber() -> dict[str, ArticleDigest]:
    return {
        "missing": _digest("missing", MISSING, "2026-02-07"),
        "account": _digest("account", ACCOUNT, "2026-02-23"),
        "prize": _digest("prize", PRIZE, "2026-02-24"),
    }


def test_a_follow_up_with_names_of_its_own_joins_on_the_first_report_s_names_and_words(
    climber: dict[str, ArticleDigest],
) -> None:
    ds = [climber["missing"], climber["account"], climber["prize"]]
    p = profiles(ds)
    first, later, n, _ = fu.cover_sides(p[0], p[1])
    # the rescuers and the pilot are the account's own: the cover both ways falls short
    assert n >= fu.MIN_SHARED and later < fu.MIN_COVER <= first
    assert fu.topic_words(p[0], p[1]) >= fu.MIN_WORDS  # glacier, crevasse, climber, rescue
    assert fu.followup(p[0], p[1], WINDOW_DAYS)
    assert _ids(group_stories(ds)) == [["account", "missing"], ["prize"]]


def test_the_same_person_s_other_news_with_the_first_report_s_names_needs_its_words(
    climber: dict[str, ArticleDigest], monkeypatch: pytest.MonkeyPatch
) -> None:
    p = profiles([climber["missing"], climber["account"], climber["prize"]])
    first, later, n, persons = fu.cover_sides(p[0], p[2])
    # the climber and her town are the first report's names, the prize brings its own
    assert n >= fu.MIN_SHARED and persons >= 1 and later < fu.MIN_COVER <= first
    assert fu.topic_words(p[0], p[2]) < fu.MIN_WORDS
    assert not fu.followup(p[0], p[2], WINDOW_DAYS)
    monkeypatch.setattr(fu, "MIN_WORDS", 0.0)
    assert fu.followup(p[0], p[2], WINDOW_DAYS)  # the words are what keeps it apart


def test_one_sided_cover_needs_an_order_of_dates() -> None:
    class P:
        def __init__(self, date: int | None, specific: dict[str, float]) -> None:
            self.date = date
            self.specific = specific
            self.vec = {"crevasse": 0.6, "glacier": 0.8}
            self.names: frozenset[str] = frozenset()
            self.lang: str | None = "en"
            self.cast: frozenset[str] = frozenset()

    first = {"@p:varnok": 2.0, "orvald": 1.0, "kesting": 1.0}
    later = {**first, "@p:halvorsen": 2.0, "@p:lunde": 2.0, "@p:brekke": 2.0}
    assert fu.covers(P(0, first), P(16, later))
    assert fu.covers(P(16, later), P(0, first))  # either argument order
    assert not fu.covers(P(0, later), P(16, first))  # the first report names what the later lacks
    assert not fu.covers(P(5, first), P(5, later))
    assert not fu.covers(P(None, first), P(16, later))


def test_a_verdict_nine_days_on_joins_through_the_follow_up_link() -> None:
    """Nine days on, inside the link model's window, its gap weight keeps the pair apart on names
    alone; the follow-up link reads pairs from FOLLOW_FROM days."""
    from service.merge.stories import MODEL, day_gap
    from service.merge.story_link import features

    ds = [_digest("charge", CHARGE, "2026-04-06"), _digest("verdict-9", VERDICT, "2026-04-15")]
    p = profiles(ds)
    gap = day_gap(p[0], p[1])
    assert gap == 9 and fu.FOLLOW_FROM < gap <= WINDOW_DAYS
    assert MODEL.score(features(p[0], p[1], gap)) < MODEL.threshold  # the model alone: apart
    assert not fu.followup(p[0], p[1], WINDOW_DAYS)
    assert fu.followup(p[0], p[1], fu.FOLLOW_FROM)
    assert _ids(group_stories(ds)) == [["charge", "verdict-9"]]


def test_a_two_sided_cover_resting_on_one_official_needs_the_happening_s_words_or_object() -> None:
    class P:
        def __init__(self, date: int, specific: dict[str, float], vec: dict[str, float]) -> None:
            self.date = date
            self.specific = specific
            self.vec = vec
            self.names: frozenset[str] = frozenset()
            self.lang = "en"
            self.cast = frozenset({"philippa", "dunmore"})

    mayor = {"@p:dunmore": 2.0, "philippa": 1.0, "dunmore": 1.0, "westbury": 1.0}
    plan = P(0, {**mayor, "penhallow": 1.0}, {"tram": 0.8, "plan": 0.6})
    library = P(14, {**mayor, "orrell": 1.0}, {"library": 0.8, "book": 0.6})
    vote = P(22, {**mayor, "@p:penhallow": 2.0}, {"tram": 0.8, "vote": 0.6})
    assert fu.cover_sides(plan, library)[0] >= fu.MIN_COVER  # the mayor and her town cover both
    assert not fu.covers(plan, library)  # an official at two happenings: no word, no object
    assert fu.covers(plan, vote)  # the tram is the happening's word
    # the names besides the person's (the river, the town) cover each side: the happening's own
    river = {"@p:dunmore": 1.0, "dane": 2.0, "@o:dane": 2.0, "westbury": 1.0}
    collapse = P(0, {**river, "carrow": 1.0}, {"bridge": 1.0})
    rebuild = P(20, {**river, "spring": 1.0}, {"crossing": 1.0})
    assert fu.topic_words(collapse, rebuild) < fu.MIN_WORDS and fu.covers(collapse, rebuild)
    # two shared persons (the happening's cast) need fewer of its words, two languages none
    library.specific["@p:orrell"] = plan.specific["@p:orrell"] = 2.0
    assert not fu.covers(plan, library)
    library.vec["plan"] = 0.1  # a cosine of 0.06: under MIN_WORDS, over CAST_WORDS
    assert fu.CAST_WORDS <= fu.topic_words(plan, library) < fu.MIN_WORDS
    assert fu.covers(plan, library)
    library.specific.pop("@p:orrell")
    library.vec.pop("plan")
    assert not fu.covers(plan, library)
    library.lang = "de"
    assert fu.covers(plan, library)
