"""Who said it in Polish, Russian, Ukrainian, Czech, Greek and Swahili, from stop 30's dev22 batch
(invented sentences, none from the set): a news agency after the speaker's name ('заявил X ТАСС')
or in quotation marks before it ('сообщила «Интерфаксу» X'), a patronymic inside a name after a
title and in the genitive, a genitive club or firm before a name after 'according to' ('według
trenera Olimpii Jerzego Wróbla', 'podle mluvčí České pošty Markéty Dvořákové'), 'wójt X' read
as the title holder named before, 'szkoleniowiec' for the coach, an acronym body after 'у',
Greek 'είπε στην ΕΡΤ', and Swahili not taken for Croatian on one shared word ('bila')."""

from __future__ import annotations

import pytest

from service.extract.declension_intl import nominative
from service.extract.lexicon_intl import language
from tests.quotekit import speaker_of as _speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "want"),
    [
        (
            "Власти Озёрска закрыли рынок. «Мы не могли рисковать людьми», — заявил мэр Пётр "
            "Ганин РИА Новости.",
            "Мы не могли",
            "Пётр Ганин",
        ),
        (
            "Завод в Луговом остановлен. Как сообщила «Интерфаксу» представитель завода Дарья "
            "Николаевна Белова, «ремонт продлится месяц».",
            "ремонт продлится",
            "Дарья Николаевна Белова",
        ),
        (
            "Школа в Ясном откроется позже. «Подрядчик сорвал все сроки», — возмущается "
            "учительница Вера Павловна Сомова.",
            "Подрядчик сорвал",
            "Вера Павловна Сомова",
        ),
        (
            "Drużyna z Lipna przegrała. Według prezesa Sokoła Ryszarda Bieleckiego „to był "
            "najgorszy mecz sezonu”.",
            "to był",
            "Ryszard Bielecki",
        ),
        (
            "Burmistrz Dębowa Andrzej Mazurek otworzył most. Jak podkreśla burmistrz Mazurek, "
            "„inwestycja kosztowała dziewięć milionów”.",
            "inwestycja",
            "Andrzej Mazurek",
        ),
        (
            "Trener Pogoni, Wiesław Kania, był wściekły. – Przegraliśmy własnym błędem – "
            "powiedział szkoleniowiec.",
            "Przegraliśmy",
            "Wiesław Kania",
        ),
        (
            "Knihovna v Dolní Vsi končí. Podle ředitelky Krajské knihovny Ivany Malé „peníze "
            "nestačí ani na topení“.",
            "peníze",
            "Ivana Malá",
        ),
        (
            "Місто залишилося без води. Також в УКРЕНЕРГО заявили: «Подачу відновимо до ранку».",
            "Подачу",
            "УКРЕНЕРГО",
        ),
        (
            "Ο Κώστας Λιάπης, ψαράς στο λιμάνι, έχασε τη βάρκα του. «Δεν έχω πια δουλειά», "
            "είπε στην ΕΡΤ.",
            "Δεν έχω",
            "Κώστας Λιάπης",
        ),
    ],
)
def test_speaker(text: str, quote: str, want: str) -> None:
    assert _speaker_of(text, quote) == want


def test_swahili_not_croatian() -> None:
    text = (
        "Wakulima wa kijiji cha Mlimani wamekaa bila mbolea kwa miezi miwili. Mwenyekiti wa "
        "chama chao, Bw. Ali Hassani, alisema kwamba serikali imechelewa."
    )
    assert language(text) == "en"  # read by the English rules, as Swahili always was


def test_patronymic_genitive() -> None:
    assert nominative("Ольги Сергеевны Климовой", "ru") == "Ольга Сергеевна Климова"
