"""Gender agreement for speaker pronouns beyond the train-learnt first names: the broader list,
what the article says (titles, gendered nouns, pronouns), and 'it' never standing for a person.
Invented texts; the first names 'Zorvath', 'Quillon' and the like are in no list."""

from __future__ import annotations

import json

import pytest

from service.extract import name_gender
from service.extract.actors import extract_actors
from service.extract.gender_evidence import Genders
from service.extract.names import doc
from service.extract.speakers import attribute
from tests.quotekit import spans_of


def run(text: str) -> list[tuple[str | None, str | None, str | None]]:
    spans = spans_of(text)
    actors = extract_actors(text, spans)
    return [(a.speaker, a.mention, a.rule) for a in attribute(text, spans, actors)]


def test_broad_list_knows_first_names_train_never_linked_to_a_pronoun() -> None:
    learnt = json.loads(name_gender.DATA.read_text(encoding="utf-8"))["names"]
    assert "hillary" not in learnt and "imogen" not in learnt
    assert name_gender.gender("Hillary Okafor") == "f"
    assert name_gender.gender("Imogen Okoro") == "f"
    assert name_gender.gender("Sven Halvorsen") == "m"
    # the first known first name before the surname, after any title or office
    assert name_gender.gender("House Speaker Paul Ryan") == "m"
    # ambiguous across the news and the locales: no gender, so every pronoun agrees
    assert name_gender.gender("Anne Smith") is None and name_gender.gender("Kim Lee") is None
    assert name_gender.gender("Okoro") is None  # a surname alone says nothing


@pytest.mark.parametrize(
    ("name", "want"),
    [
        ("House Speaker Nancy Pelosi", "f"),
        ("Prime Minister Theresa May", "f"),
        ("Labor Secretary Elaine Chao", "f"),
        ("Staff Sgt. John Doe", "m"),
    ],
)
def test_a_role_word_before_the_name_is_no_first_name(name: str, want: str) -> None:
    # the learnt list holds annotation slips ('speaker', 'prime', 'labor', 'staff'): the words
    # the lexicons read as roles never give a gender, so the real first name decides
    assert name_gender.gender(name) == want


def test_he_skips_a_woman_whose_first_name_only_the_broad_list_knows() -> None:
    text = (
        "Hillary Okafor, the mayor, met the transport minister, Osric Banda, on Monday.\n\n"
        "“The line will open in May,” Okafor said.\n\n"
        "“We have not agreed to pay for it,” he said."
    )
    assert [r[0] for r in run(text)] == ["Hillary Okafor", "Osric Banda"]


def test_a_title_gives_the_gender_of_an_unknown_first_name() -> None:
    text = (
        "Zorvath Quillon and Brannoch Velt signed the harbour deal on Monday.\n\n"
        "Mrs. Quillon had argued for it since spring. Mr. Velt said little.\n\n"
        "“We will not back down,” she said."
    )
    assert run(text)[-1][:2] == ("Zorvath Quillon", "she")


def test_a_gendered_noun_in_apposition_gives_the_gender() -> None:
    text = (
        "Brannoch Velt chaired the hearing on the school budget.\n\n"
        "Zorvath Quillon, a mother of two, spoke next and asked about the accounts.\n\n"
        "“The budget is wrong,” he said."
    )
    assert run(text)[-1][:2] == ("Brannoch Velt", "he")


def test_pronouns_in_sentences_a_person_opens_give_the_gender() -> None:
    text = (
        "Brannoch Velt chaired the hearing on the school budget.\n\n"
        "Zorvath Quillon opened the debate and thanked her staff.\n\n"
        "Quillon said her office would publish the figures next week.\n\n"
        "“The figures are ready,” he said."
    )
    assert run(text)[-1][:2] == ("Brannoch Velt", "he")


@pytest.mark.parametrize(
    ("text", "lang", "names"),
    [
        ("Frau Quillon traf Herrn Velt am Montag.", "de", ["Frau Quillon", "Herrn Velt"]),
        ("Mme Quillon a rencontré Paul Velt lundi.", "fr", ["Mme Quillon", "Paul Velt"]),
        (
            "Zorvath Quillon met Brannoch Velt. Mrs. Quillon left.",
            "en",
            ["Quillon", "Brannoch Velt"],
        ),
    ],
)
def test_titles_in_several_languages(text: str, lang: str, names: list[str]) -> None:
    actors = extract_actors(text, spans_of(text))
    g = Genders(doc(text), actors, [], lang)
    assert g.of(names[0]) == "f"
    assert g.agrees(names[0], "she") and not g.agrees(names[0], "he")
    assert g.agrees(names[0], "they")
    assert g.of(names[1]) == ("m" if lang != "en" else None)  # Brannoch: no evidence


@pytest.mark.parametrize(
    "text",
    [
        (
            "Brannoch Velt, a lawyer for the families, spoke outside the court.\n\n"
            "“We expect a ruling soon,” Velt said.\n\n"
            "The Harbour Trust issued a statement on Tuesday.\n\n"
            "“The Trust regrets the delay,” it said."
        ),
    ],
)
def test_it_never_stands_for_a_person(text: str) -> None:
    got = run(text)
    assert got[0][0] == "Brannoch Velt"
    assert got[-1][1] == "it" and got[-1][0] != "Brannoch Velt"
    assert got[-1][0] == "Harbour Trust"
