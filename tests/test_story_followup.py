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

    story = {"@p:wendrick": 2.0, "marlowe": 1.0, "dunmere": 1.0}
    charge, verdict = P(story), P(dict(story))
    other = P({"@p:wendrick": 1.0, "pellisford": 3.0, "varga": 3.0})
    assert fu.vouched([charge], [verdict])  # two articles: the link alone
    assert fu.vouched([charge, P(dict(story))], [verdict])
    assert not fu.vouched([charge, other, P({"pellisford": 1.0})], [verdict])
