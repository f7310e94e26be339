"""Canonical names: titles, roles, demonyms, party tags, elisions and affiliations go to the role,
never into the name; venues, streets and hospitals are not people."""

from __future__ import annotations

import pytest

from service.extract.actors import extract_actors
from service.extract.names import ROLE_NOUNS, TITLE_HEADS, canonical_name
from service.extract.quotes import find_quotes
from tests.quotekit import speakers_in as _speakers


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Canadian-born physicist Ana Ruiz", "Ana Ruiz", "Canadian-born physicist"),
        ("Councilman David Okafor", "David Okafor", "Councilman"),
        ("Council member David Okafor", "David Okafor", "Council member"),
        ("Treasury Secretary Larry Summers", "Larry Summers", "Treasury Secretary"),
        (
            "Senate Majority Leader Mitch McConnell, R-Ky.",
            "Mitch McConnell",
            "Senate Majority Leader, R-Ky.",
        ),
        ("Rep. John Mica (R-Fla.)", "John Mica", "R-Fla."),
        ("d'Emmanuel Macron", "Emmanuel Macron", None),
        ("Stadtrat Markus Weber von den Grünen", "Markus Weber", "Stadtrat, von den Grünen"),
        ("9/11 widow Terry Strada", "Terry Strada", "9/11 widow"),
        (
            "Michael McFaul, a senior fellow at the Hoover Institution",
            "Michael McFaul",
            "senior fellow at the Hoover Institution",
        ),
        (
            "Republican presidential nominee Donald Trump",
            "Donald Trump",
            "Republican presidential nominee",
        ),
        ("Ms. Jane Doe", "Jane Doe", None),
        ("Ursula von der Leyen", "Ursula von der Leyen", None),
        ("Mohammed bin Salman", "Mohammed bin Salman", None),
        ("Hillary Clinton's", "Hillary Clinton", None),
    ],
)
def test_canonical_name_splits_the_role_from_the_name(text: str, name: str, role: str | None):
    assert canonical_name(text) == (name, role)


def test_derived_title_heads_are_role_nouns():
    # derived from PolNeAR train by scripts/derive_titles.py; first names never get in
    assert {"spokesman", "strategist", "pollster", "nominee"} <= TITLE_HEADS
    assert not {"hope", "will", "rich", "bill"} & TITLE_HEADS
    assert TITLE_HEADS <= ROLE_NOUNS


def _actors(text: str) -> list[tuple[str, str, str | None]]:
    spans = find_quotes(text)
    return [(a.name, a.type.value, a.role) for a in extract_actors(text, spans)]


def test_titled_names_in_an_article_keep_only_the_name():
    text = (
        'Councilman David Okafor called the plan "a disgrace." Okafor said the council would vote '
        'again.\n\n"We will act," Treasury Secretary Larry Summers said on Monday.'
    )
    assert _actors(text) == [
        ("David Okafor", "person", "Councilman"),
        ("Larry Summers", "person", "Treasury Secretary"),
    ]
    assert _speakers(text) == ["David Okafor", "Larry Summers"]


def test_hospitals_stadiums_and_streets_are_not_people():
    text = (
        "The singer was taken to St. Brigid's Hospital in Dublin after the concert at Croke "
        "Stadium. St. Brigid's Hospital said she was stable. Traffic on Dawson Street and near "
        "Croke Stadium was heavy."
    )
    got = _actors(text)
    assert ("St. Brigid's Hospital", "organization", None) in got
    assert ("Croke Stadium", "location", None) in got
    assert all(t != "person" for _, t, _ in got)
