"""Date finding and resolution: a table of expressions against publication dates, and offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from service.extract.dates import DateMention, find_dates, resolve, shift_anchor

TUE = dt.date(2024, 4, 23)  # a Tuesday
FRI = dt.date(2024, 1, 26)  # a Friday

TABLE = [
    # weekdays: the most recent such day not after publication
    ("on Sunday", TUE, "2024-04-21"),
    ("Tuesday", TUE, "2024-04-23"),  # same weekday as publication: that day
    ("Wednesday", TUE, "2024-04-17"),
    ("Monday morning", TUE, "2024-04-22"),
    ("late on Sunday night", TUE, "2024-04-21"),
    ("last Tuesday", TUE, "2024-04-16"),
    ("next Monday", TUE, "2024-04-29"),
    ("Friday", dt.date(2024, 1, 2), "2023-12-29"),  # across a year boundary
    # days around publication
    ("yesterday", TUE, "2024-04-22"),
    ("yesterday", dt.date(2024, 1, 1), "2023-12-31"),
    ("today", TUE, "2024-04-23"),
    ("last night", TUE, "2024-04-22"),
    ("tomorrow", TUE, "2024-04-24"),
    ("3 days ago", TUE, "2024-04-20"),
    # weeks: the month when the week lies in one month, else the year, else null
    ("last week", TUE, "2024-04"),
    ("last week", dt.date(2024, 4, 3), "2024-03"),
    ("last week", dt.date(2024, 3, 6), "2024"),
    ("last week", dt.date(2024, 1, 5), "2023-12"),
    ("last week", dt.date(2025, 1, 8), None),  # Mon 2024-12-30 .. Sun 2025-01-05
    ("this week", TUE, "2024-04"),
    ("this week", dt.date(2025, 1, 1), None),  # Mon 2024-12-30 .. Wed 2025-01-01
    ("a week ago", TUE, "2024-04"),
    # months
    ("earlier this month", TUE, "2024-04"),
    ("last month", FRI, "2023-12"),
    ("in November", FRI, "2023-11"),  # most recent November not after publication
    ("in January", FRI, "2024-01"),
    ("next March", FRI, "2024-03"),
    ("last January", FRI, "2023-01"),
    ("mid-October", TUE, "2023-10"),
    # month and day without a year
    ("April 14", TUE, "2024-04-14"),
    ("April 14", FRI, "2023-04-14"),  # would be > 1 month after publication: the year before
    ("February 4", TUE, "2024-02-04"),
    ("Feb. 7", FRI, "2024-02-07"),  # less than a month ahead: same year
    ("Dec. 30", dt.date(2024, 1, 2), "2023-12-30"),
    ("26 January", FRI, "2024-01-26"),
    ("February 30", TUE, None),
    # absolute dates resolve with or without publication
    ("7 February 2024", None, "2024-02-07"),
    ("February 7, 2024", None, "2024-02-07"),
    ("Friday, January 26, 2024", None, "2024-01-26"),
    ("2024-02-07", None, "2024-02-07"),
    ("24-04-2024", None, "2024-04-24"),
    ("12/25/2024", None, "2024-12-25"),
    ("25/12/2024", None, "2024-12-25"),
    ("04/05/2024", None, "2024"),  # day-first and month-first differ: only the year is sure
    ("January 2024", None, "2024-01"),
    ("in 2015", None, "2015"),
    ("the end of 2024", None, "2024"),
    ("26 janvier 2024", None, "2024-01-26"),
    ("el 3 de mayo de 2024", None, "2024-05-03"),
    ("5. März 2024", None, "2024-03-05"),
    # years relative to publication
    ("two years ago", TUE, "2022"),
    ("last year", TUE, "2023"),
    ("this year", TUE, "2024"),
    # no publication date: relative dates stay null
    ("on Sunday", None, None),
    ("yesterday", None, None),
    ("April 14", None, None),
    ("in November", None, None),
    ("last week", None, None),
    ("two years ago", None, None),
    # not dates
    ("the end of the season", TUE, None),
    ("2,500 troops", TUE, None),
]


@pytest.mark.parametrize(("words", "published", "expected"), TABLE)
def test_resolve_table(words: str, published: dt.date | None, expected: str | None) -> None:
    assert resolve(words, published) == expected


def test_find_dates_offsets_and_values() -> None:
    text = (
        "Late on Sunday night, rockets hit the base. A day later, drones were shot down. "
        "The talks, held on Feb. 7 and again in January 2024, ended since 2015."
    )
    found = find_dates(text, TUE)

    def at(words: str) -> tuple[int, int, str]:
        return text.index(words), text.index(words) + len(words), words

    assert found == [
        DateMention(*at("Late on Sunday night"), "2024-04-21", "relative"),
        DateMention(*at("A day later"), None, "anaphoric", 1),
        DateMention(*at("Feb. 7"), "2024-02-07", "relative"),
        DateMention(*at("January 2024"), "2024-01", "absolute"),
        DateMention(*at("2015"), "2015", "absolute"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_numbers_and_common_words_are_not_dates() -> None:
    text = (
        "Flight 1282 carried 2,500 troops and 99 points at 21:30; May I ask? "
        "They march on. Profits rose 2024% in the sun."
    )
    assert find_dates(text, TUE) == []


def test_may_needs_a_cue_but_in_may_is_a_date() -> None:
    # the most recent May not after an April publication is last year's
    assert [m.value for m in find_dates("It happened in May.", TUE)] == ["2023-05"]
    assert find_dates("May God help us.", TUE) == []


def test_anaphoric_shift() -> None:
    (later,) = find_dates("the next day", TUE)
    assert (later.kind, later.shift_days) == ("anaphoric", 1)
    (vague,) = find_dates("Days later", TUE)
    assert (vague.kind, vague.shift_days) == ("anaphoric", None)
    assert shift_anchor("2024-04-21", 1) == "2024-04-22"
    assert shift_anchor("2024-02-02", None) == "2024-02"
    assert shift_anchor(None, 1) is None


def test_dates_beyond_the_calendar_resolve_to_nothing_rather_than_fail() -> None:
    # year 1 to 9999 is all a date (and a digest's YYYY) can hold: further back or on, no value
    cases = {
        "The temple was built 3000 years ago.": dt.date(2024, 4, 23),
        "Some 30000 months ago.": dt.date(2024, 4, 23),
        "It is 999999 days ago.": dt.date(2024, 4, 23),
        "It is 99999999999 days ago.": dt.date(2024, 4, 23),
        "See you next Monday.": dt.date(9999, 12, 31),
        "Until next year.": dt.date(9999, 12, 31),
    }
    for text, published in cases.items():
        (found,) = find_dates(text, published)
        assert found.value is None, text
        assert found.kind == "relative"
    assert [m.value for m in find_dates("It was 2000 years ago.", TUE)] == ["0024"]
    assert shift_anchor("0001-01-01", -1) is None
    assert shift_anchor("9999-12-31", 1) is None


def test_an_article_dated_before_the_calendar_starts_still_digests() -> None:
    from schemas import Article
    from service.engines import get_engine

    text = "The temple was built 3000 years ago, officials said on Monday in Cairo."
    article = Article(id="t1", title="Temple", text=text, published=dt.date(2024, 1, 1))
    digest = get_engine("rules").digest(article)
    assert digest.events and all(e.date is None or e.date[:4] != "-976" for e in digest.events)
