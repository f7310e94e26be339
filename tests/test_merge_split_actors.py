"""Cross-article actor merging names one person once: a hyphenated surname alone, a full name
after a role word the title list lacks, and a surname the engine typed as an organisation join
the one full name of the story they fit; firms and places stay apart (invented names)."""

from __future__ import annotations

from schemas import ArticleDigest
from service.merge import merge
from tests.test_merge import actor, digest


def _people(ds: list[ArticleDigest]) -> list[tuple[str, str, int]]:
    return sorted((a.name, a.type.value, len(a.members)) for a in merge(ds).actors)


def test_hyphenated_surname_alone_joins_its_full_name() -> None:
    ds = [
        digest("a1", actors=[actor("x", "Transport Minister Odran Fellwick-Aster")]),
        digest("a2", actors=[actor("x", "Mr Fellwick-Aster")]),
        digest("a3", actors=[actor("x", "Fellwick-Aster")]),
    ]
    assert _people(ds) == [("Odran Fellwick-Aster", "person", 3)]


def test_hyphenated_surname_fitting_two_people_stays_apart() -> None:
    ds = [
        digest("a1", actors=[actor("x", "Odran Fellwick-Aster")]),
        digest("a2", actors=[actor("x", "Merel Fellwick-Aster")]),
        digest("a3", actors=[actor("x", "Fellwick-Aster")]),
    ]
    assert len(_people(ds)) == 3


def test_full_name_after_an_unknown_role_word_joins_and_names_the_person() -> None:
    ds = [
        digest("a1", actors=[actor("x", "Ferryman Tavish Olderby")]),
        digest("a2", actors=[actor("x", "Tavish Olderby")]),
    ]
    assert _people(ds) == [("Tavish Olderby", "person", 2)]


def test_surname_typed_as_organisation_joins_the_one_person() -> None:
    ds = [
        digest("a1", actors=[actor("x", "Mayor Greta Quellmark")]),
        digest("a2", actors=[actor("x", "Greta Quellmark")]),
        digest("a3", actors=[actor("x", "Quellmark", "organization")]),
    ]
    assert _people(ds) == [("Greta Quellmark", "person", 3)]


def test_firm_named_beside_its_founder_stays_an_organisation() -> None:
    # the same article names the person and the firm: the engine told them apart
    ds = [
        digest(
            "a1", actors=[actor("x", "Greta Quellmark"), actor("y", "Quellmark", "organization")]
        ),
        digest("a2", actors=[actor("x", "Greta Quellmark")]),
    ]
    assert _people(ds) == [("Greta Quellmark", "person", 2), ("Quellmark", "organization", 1)]


def test_place_word_does_not_join_a_body_typed_as_a_person() -> None:
    ds = [
        digest("a1", actors=[actor("x", "Commuters Of Brindlemoor")]),
        digest("a2", actors=[actor("x", "Brindlemoor", "organization")]),
    ]
    assert len(_people(ds)) == 2
