"""Speakers outside English that stop 29's dev17 batch missed: an age in parentheses or in
apposition between the name and the verb (Chinese, Japanese, Hebrew), Japanese 'according to'
after a title, a Hebrew surname followed by where it was said, and a few common Greek and
French reporting verbs (invented sentences, none from the set)."""

from __future__ import annotations

import pytest

from tests.quotekit import quoted_speakers as _speakers


def _speaker_of(text: str, quote: str) -> str | None:
    return next(s for q, s in _speakers(text) if q.startswith(quote))


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        (
            "白沙村今年修通了公路。村民何玉兰（55岁）兴奋地说：“以后卖菜方便多了。”",
            "以后卖菜",
            "何玉兰",
        ),
        (
            "北川町の祭りが再開した。保存会の森田一郎会長（71）は「三年ぶりの祭りだ」と笑顔を見せた。",
            "三年ぶり",
            "森田一郎",
        ),
        (
            "新しい橋が開通した。土木研究所の石井直子研究員によると、「耐震性は基準を大きく上回っている」という。",
            "耐震性",
            "石井直子",
        ),
        (
            'מועצת העיר דנה בתקציב. חבר המועצה יגאל פרץ, בן 52, השיב: "התקציב אינו מאוזן".',
            "התקציב אינו",
            "יגאל פרץ",
        ),
        (
            'ראש המועצה נועם אלמוג פתח את הדיון. "לא נוותר על הפארק", הבהיר אלמוג בכנס התושבים.',
            "לא נוותר",
            "נועם אלמוג",
        ),
        (
            "Σεισμός σημειώθηκε στη Νέα Πέλλα. «Δεν υπάρχουν ζημιές», διαβεβαίωσε ο σεισμολόγος "
            "Πέτρος Ανδρέου.",
            "Δεν υπάρχουν",
            "Πέτρος Ανδρέου",
        ),
        (
            "Le marché de Saint-Aulnay a fermé. « Je perds mon gagne-pain », s'est désolée une "
            "maraîchère, Lucie Vernet.",
            "Je perds",
            "Lucie Vernet",
        ),
    ],
)
def test_the_speaker_past_an_age_a_place_or_an_unlisted_verb(text, quote, name):
    assert _speaker_of(text, quote) == name


def test_a_chinese_organisation_speaks_as_a_whole():
    # '协会' after '者' is no name: the association speaks
    text = "物价部门发布了新数据。出租车司机协会在声明中指出：“燃油价格已经连续上涨三个月。”"
    got = _speaker_of(text, "燃油价格")
    assert got is not None and got.startswith("出租车司机协会")
