"""Surnames that a word list reads as something else: a demonym ('Cuban'), a month ('Jun') or a
foreign weekday ('Sabato') written right after a known first name is that person's surname in the
article, so 'Cuban said' later gives the quotation to the person; the same words after no first
name keep their other reading ('the Cuban government', 'Jun. 5', 'Monday')."""

from __future__ import annotations

import pytest

from schemas import Article
from service.engines import get_engine


def speakers(text: str) -> dict[str, str | None]:
    d = get_engine("rules").digest(Article(id="t", title="", text=text))
    return {q.text: q.speaker for q in d.quotes}


def actor_names(text: str) -> set[str]:
    d = get_engine("rules").digest(Article(id="t", title="", text=text))
    return {a.name for a in d.actors}


@pytest.mark.parametrize(
    ("full", "alone"),
    [
        ("Mark Cuban", "Cuban"),
        ("Daniel Jun", "Jun"),
        ("Karen Sabato", "Sabato"),
        ("Paul French", "French"),
    ],
)
def test_the_surname_alone_is_the_person(full: str, alone: str) -> None:
    text = (
        f"Billionaire investor {full} criticised the harbour toll plan at a forum in Dunmore.\n\n"
        f'"This toll is a disaster for small ferry firms," {alone} said.\n\n'
        'Councillor Ruth Palby disagreed. "It will pay for the new pier," she said.\n\n'
        f'"I stand by every word of it," {alone} told reporters.\n'
    )
    got = speakers(text)
    assert got["This toll is a disaster for small ferry firms,"] == full, got
    assert got["I stand by every word of it,"] == full, got
    assert got["It will pay for the new pier,"] == "Ruth Palby", got


def test_other_readings_stay_where_no_first_name_comes_before() -> None:
    text = (
        "Councillor Ruth Palby met the Cuban delegation on Jun. 5 in Dunmore.\n\n"
        '"We agreed on the ferry timetable," she said on Monday.\n\n'
        "The Cuban government did not comment.\n"
    )
    assert speakers(text) == {"We agreed on the ferry timetable,": "Ruth Palby"}
    assert not any("Cuban" in a or "Jun" in a for a in actor_names(text))


def test_an_english_weekday_after_a_first_name_stays_a_date() -> None:
    text = (
        "Councillor Ruth Palby spoke to Morning Joe Monday about the ferry plan.\n\n"
        '"The pier will open next spring," Palby said.\n'
    )
    assert speakers(text) == {"The pier will open next spring,": "Ruth Palby"}
    assert not any("Monday" in a for a in actor_names(text))


def test_a_month_surname_after_a_role_noun_is_the_subject_of_its_verb() -> None:
    text = (
        '"The ferry plan is far from heartwarming," columnist Oku Jun wrote in the Dunmore Post. '
        '"Nobody asked the fishermen."\n\n'
        'Councillor Ruth Palby disagreed. "It will pay for the pier," she said.\n\n'
        '"The harbour has had enough," Jun wrote.\n'
    )
    got = speakers(text)
    assert got["The ferry plan is far from heartwarming,"] == "Oku Jun", got
    assert got["The harbour has had enough,"] == "Oku Jun", got
    assert got["It will pay for the pier,"] == "Ruth Palby", got
