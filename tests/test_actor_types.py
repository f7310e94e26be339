"""Actor typing rules on small invented articles: a known first name and a surname make a person,
a modifier after 'the' or a function word before a name does not make an organisation."""

from __future__ import annotations

import pytest

from schemas import ActorType
from service.extract.actors import extract_actors
from service.extract.name_gender import given_names, personal_tail

P = ActorType.person


def types(text: str) -> dict[str, ActorType]:
    return {a.name: a.type for a in extract_actors(text)}


CASES = {
    # 'House' is an organisation word; the known first name 'Paul' says the run ends in a person
    "first name and surname beat an organisation word": (
        "House Speaker Paul Brannick opened the session on Tuesday.\n\n"
        "Brannick later met the budget committee.\n",
        "House Speaker Paul Brannick",
    ),
    # 'the Voskuil campaign': 'the' stands before the bare surname used as a modifier
    "the before a surname modifier": (
        "Pelle Voskuil spoke in Dayton on Monday.\n\n"
        "The event was small, and the Voskuil campaign declined to comment.\n",
        "Pelle Voskuil",
    ),
    # 'logistics are on Marlowe's side': 'logistics' must not type Marlowe through 'on'
    "function word ends the organisation-noun walk": (
        "Pelle Marlowe announced a bid on Friday.\n\n"
        "Neither history nor logistics are on Marlowe's side.\n",
        "Pelle Marlowe",
    ),
    # 'B.' is no sentence end: 'Director James B. Comeaux' is one name
    "middle initial": (
        "On Tuesday, FBI Director James B. Comeaux said the review was over.\n\n"
        "Comeaux added that no charges would follow.\n",
        "James B. Comeaux",
    ),
    # 'Carly' ends in -ly and opens the sentence: a known first name still opens the name
    "first name opening a sentence": (
        "Carly Brennagh threw her support behind the mayor.\n\n"
        "Brennagh, the former chief, spoke.\n",
        "Carly Brennagh",
    ),
    # 'bill' is a document word, but 'Bill' before a surname is a first name
    "first name that is a document word": (
        "Bill Ostrander, a businessman, left the board.\n\n"
        "Ostrander told reporters that it was over.\n",
        "Bill Ostrander",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_person_typing(case: str) -> None:
    text, name = CASES[case]
    got = types(text)
    assert got.get(name) == P, got
    surname = name.split()[-1]
    # one actor for the person: the bare surname joins it, with no second type
    assert surname not in got or got[surname] == P, got


def test_personal_tail() -> None:
    assert "paul" in given_names() and "speaker" not in given_names()
    assert personal_tail("House Speaker Paul Brannick")
    assert personal_tail("James B. Comeaux")
    assert not personal_tail("Trayvon Martin Foundation")
    assert not personal_tail("Hillary Clinton White House")
    assert not personal_tail("Speaker Brannick")


def test_a_letter_before_a_sentence_still_ends_it() -> None:
    from service.extract.names import doc

    d = doc("They chose Plan B. The rest followed.")
    assert d.sent_start[d.words.index("The")]


def test_hyphenated_compound_on_a_surname_is_no_new_actor() -> None:
    # 'Hypo-Brannick' and 'the Ostrander-Brannick ticket' build on Paul Brannick's surname: no
    # second person takes his bare surname, and the ticket is no organisation
    text = (
        "Paul Brannick and Gary Ostrander spoke on Monday.\n\n"
        "The Ostrander-Brannick ticket is polling well. Critics call him Hypo-Brannick, and "
        "Brannick laughed.\n"
    )
    actors = {a.name: [m.text for m in a.mentions] for a in extract_actors(text)}
    assert set(actors) == {"Paul Brannick", "Gary Ostrander"}, actors
    assert actors["Paul Brannick"] == ["Paul Brannick", "Brannick"]


def test_double_barrelled_surname_alone_joins_the_full_name() -> None:
    text = "Paul Ostrander-Brannick said no on Monday.\n\nOstrander-Brannick later left the room.\n"
    actors = {a.name: [m.text for m in a.mentions] for a in extract_actors(text)}
    assert actors == {
        "Paul Ostrander-Brannick": ["Paul Ostrander-Brannick", "Ostrander-Brannick"]
    }, actors


def test_transcript_speaker_labels_are_people() -> None:
    text = (
        "The interview was tense.\n\nHALLER: Will you support the nominee?\n\n"
        "VOSKUIL: I have not decided yet.\n\nHALLER: Why not?\n\n"
        "VOSKUIL: Because he has not earned it.\n\nCORRECTION: An earlier version erred.\n"
    )
    got = types(text)
    assert got.get("HALLER") == P and got.get("VOSKUIL") == P, got


def test_a_party_member_named_by_place_is_a_person() -> None:
    text = (
        "One Nevada Democrat said the race was close.\n\n"
        '"It is tight," the Nevada Democrat said. The Florida Republican Party disagreed.\n'
    )
    got = types(text)
    assert got.get("Nevada Democrat") == P, got
    assert got.get("Florida Republican Party") == ActorType.organization, got
