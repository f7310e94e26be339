"""Actor typing rules on small invented articles: a known first name and a surname make a person,
a modifier after 'the' or a function word before a name does not make an organisation."""

from __future__ import annotations

from schemas import ActorType
from service.extract.actors import extract_actors
from service.extract.name_gender import given_names, personal_tail

P = ActorType.person


def types(text: str) -> dict[str, ActorType]:
    return {a.name: a.type for a in extract_actors(text)}


def test_first_name_and_surname_make_a_person_despite_an_organisation_word() -> None:
    # 'House' is an organisation word; the known first name 'Paul' says the run ends in a person
    text = (
        "House Speaker Paul Brannick opened the session on Tuesday.\n\n"
        "Brannick later met the budget committee.\n"
    )
    got = types(text)
    assert got.get("House Speaker Paul Brannick") == P, got


def test_the_before_a_surname_modifier_does_not_make_an_organisation() -> None:
    # 'the Voskuil campaign': 'the' stands before the bare surname used as a modifier
    text = (
        "Pelle Voskuil spoke in Dayton on Monday.\n\n"
        "The event was small, and the Voskuil campaign declined to comment.\n"
    )
    assert types(text).get("Pelle Voskuil") == P


def test_function_word_ends_the_organisation_noun_walk() -> None:
    # 'logistics are on Marlowe's side': 'logistics' must not type Marlowe through 'on'
    text = (
        "Pelle Marlowe announced a bid on Friday.\n\n"
        "Neither history nor logistics are on Marlowe's side.\n"
    )
    assert types(text).get("Pelle Marlowe") == P


def test_personal_tail() -> None:
    assert "paul" in given_names() and "speaker" not in given_names()
    assert personal_tail("House Speaker Paul Brannick")
    assert personal_tail("James B. Comeaux")
    assert not personal_tail("Trayvon Martin Foundation")
    assert not personal_tail("Hillary Clinton White House")
    assert not personal_tail("Speaker Brannick")


def test_middle_initial_keeps_the_name_whole() -> None:
    # 'B.' is no sentence end: the run 'Director James B. Comeaux' is one name, a person
    text = (
        "On Tuesday, FBI Director James B. Comeaux said the review was over.\n\n"
        "Comeaux added that no charges would follow.\n"
    )
    got = types(text)
    assert got.get("James B. Comeaux") == P, got
    assert "Comeaux" not in got


def test_a_letter_before_a_sentence_still_ends_it() -> None:
    from service.extract.names import doc

    d = doc("They chose Plan B. The rest followed.")
    assert d.sent_start[d.words.index("The")]
