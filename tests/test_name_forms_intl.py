"""The form of a speaker's name outside English: a declined full name read back in the nominative,
a surname alone resolved to it, title abbreviations kept out of the name, a first name and
patronymic read as the full name. Invented sentences."""

from __future__ import annotations

import pytest

from schemas.article import Article
from service.engines import get_engine

CASES = [
    # a Russian surname alone after the full name met in the genitive
    (
        "Проект обсуждали весь день. По словам Ольги Морозовой, «денег хватит». "
        "«Мы начнём весной», — сказала Морозова.",
        ["Ольга Морозова", "Ольга Морозова"],
    ),
    # a Polish surname whose 'e' drops when it declines ('Wróbla' of Wróbel)
    (
        "Zdaniem Marcina Wróbla „budowa potrwa dwa lata”. „Nie ma pośpiechu” – dodał Wróbel.",
        ["Marcin Wróbel", "Marcin Wróbel"],
    ),
    # a Lithuanian woman's surname alone after her name in the genitive
    (
        "Pasak Ingos Jankauskienės, „tiltas bus remontuojamas“. "
        "„Darbai prasidės gegužę“, – pridūrė Jankauskienė.",
        ["Inga Jankauskienė", "Inga Jankauskienė"],
    ),
    # a Romanian woman's first name in the genitive-dative
    (
        "Primăria a amânat lucrările. Potrivit Mariei Constantin, „nu sunt bani”.",
        ["Maria Constantin"],
    ),
    # a Romanian honorific before the surname alone
    (
        "Directoarea școlii, Ioana Dumitrescu, a cerut fonduri de la primărie pentru reparații. "
        "„Acoperișul curge de doi ani”, a spus doamna Dumitrescu.",
        ["Ioana Dumitrescu"],
    ),
    # a capitalised Czech degree and a run of Croatian ones before the name
    (
        "„Most je bezpečný,“ řekl Ing. Karel Vlček z Lipnice.",
        ["Karel Vlček"],
    ),
    (
        "„Voda je čista“, izjavio je prof. dr. sc. Goran Perić iz Zadra.",
        ["Goran Perić"],
    ),
    # a Dutch lawyer's 'mr.' after a title
    (
        "De raad stemde in. „Het besluit staat”, zei burgemeester mr. Joost Hendriks.",
        ["Joost Hendriks"],
    ),
    # a first name and patronymic after the full name
    (
        "Об этом сообщил директор завода Игорь Семёнович Белов. "
        "«Завод будет работать», — заявил Игорь Семёнович.",
        [["Игорь Семёнович Белов", "Игорь Белов"]],
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES)
def test_speaker_name_form(text: str, want: list) -> None:
    got = [q.speaker for q in get_engine("rules").digest(Article(id="t", text=text)).quotes]
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g in (w if isinstance(w, list) else [w])
