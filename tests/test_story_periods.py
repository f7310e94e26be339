"""Story weights per news period: a word's rarity is judged among the articles of its own time, so
articles from another year mixed into a batch change no weight, no pair score and no story of
this year's (service.merge.stories._periods)."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas import ArticleDigest
from service.api import resolve_engine
from service.merge.stories import IDF_PERIOD_DAYS, _periods, group_stories, profiles
from tests.stories_set import all_articles


@pytest.fixture(scope="module")
def digests() -> list[ArticleDigest]:
    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


def _moved(d: ArticleDigest, years: int, suffix: str) -> ArticleDigest:
    """A copy of `d` published `years` earlier, under another id."""
    art = d.article
    assert art.published is not None
    meta = art.model_copy(
        update={
            "id": art.id + suffix,
            "published": art.published.replace(year=art.published.year - years),
        }
    )
    return d.model_copy(update={"article": meta})


def test_periods_split_where_dates_are_more_than_a_period_apart() -> None:
    day = dt.date(2026, 5, 1).toordinal()
    assert _periods([day, None, day + 3]) == [[0, 1, 2]]
    far = day - IDF_PERIOD_DAYS - 1
    assert _periods([day, None, far, day + 3, far - 2]) == [[4, 2], [0, 3]]
    assert _periods([None, None]) == [[0, 1]]


def test_articles_from_another_year_change_no_weight_of_this_years(
    digests: list[ArticleDigest],
) -> None:
    # the same texts ten years earlier: every word they share with the set is as common again
    old = [_moved(d, 10, "-2016") for d in digests]
    alone = profiles(digests)
    mixed = profiles(digests + old)[: len(digests)]
    assert [p.vec for p in alone] == [p.vec for p in mixed]
    ids = {d.article.id for d in digests}

    def set_stories(ds: list[ArticleDigest]) -> list[list[str]]:
        groups = (sorted(d.article.id for d in g) for g in group_stories(ds))
        return sorted(g for g in groups if set(g) & ids)

    assert set_stories(digests + old) == set_stories(digests)


def test_articles_of_the_same_period_still_count(digests: list[ArticleDigest]) -> None:
    # a copy of each article the same day is the same news period: its words are common now, so
    # the weights move
    near = [_moved(d, 0, "-copy") for d in digests]
    alone = profiles(digests)
    mixed = profiles(digests + near)[: len(digests)]
    assert [p.vec for p in alone] != [p.vec for p in mixed]
