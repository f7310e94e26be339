"""service.months: the one month-name table (the date-line reader of service.ingest.text reads it)."""

from __future__ import annotations

import datetime as dt

import pytest

from service import months
from service.ingest.text import parse_date


def test_english_names_and_abbreviations_agree() -> None:
    assert len(months.EN_MONTHS) == 12 and months.EN_MONTHS[0] == "january"
    for abbr, n in months.EN_MONTH_ABBR.items():
        assert months.EN_MONTHS[n - 1].startswith(abbr)  # "sept" -> september, never another
    assert "may" not in months.EN_MONTH_ABBR  # a name of its own


def test_every_language_line_names_twelve_months_and_no_name_two_numbers() -> None:
    seen: dict[str, int] = {}
    lines = months._OTHER.strip().splitlines()
    assert len(lines) == 7
    for line in lines:
        table = months._numbered(line)
        assert sorted(set(table.values())) == list(range(1, 13)), line
        for name, n in table.items():
            # "mai" (fr, de), "april" (de, nl), "jan" (en, de) mean one month everywhere
            assert seen.setdefault(name, n) == n, name
            assert name == name.lower() and name.isascii(), name  # accents folded
    assert {**seen, **months.EN_MONTH_ABBR}.items() <= months.FOLDED_MONTHS.items()


@pytest.mark.parametrize(
    ("line", "want"),
    [
        ("3 mrz 2024", dt.date(2024, 3, 3)),
        ("Published 12 fevr. 2023", dt.date(2023, 2, 12)),
        ("Sept. 9, 2021", dt.date(2021, 9, 9)),
        ("14 aralik 2020", dt.date(2020, 12, 14)),
    ],
)
def test_the_date_line_reader_knows_the_table(line: str, want: dt.date) -> None:
    assert parse_date(line) == want
