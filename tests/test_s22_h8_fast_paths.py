"""Fast paths of stop 22 (helper 8) against the plain computations they stand in for: the
substring guards in front of strip_affiliation's two regexes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import names
from service.extract.names import strip_affiliation


def _plain_strip_affiliation(name: str) -> tuple[str, str | None]:
    """strip_affiliation as written before the guards: both regexes searched on every name."""
    m = names._PARTY_TAG.search(name)
    if m and m.start() > 0:
        return name[: m.start()], m.group().strip(" ,()") or None
    m = names._AFFILIATION.search(name)
    if m and m.start() > 0 and names.is_cap(name[: m.start()].split()[-1]):
        return name[: m.start()], m.group().strip()
    return name, None


_INVENTED = [
    "Markus Weber von den Grünen",
    "Lena Kraus von der SPD",
    "Lena Kraus von der Partei",
    "Jonas Brandt vom Bund",
    "Harriet Vale of the Democrats",
    "Mireille Dax du parti Renaissance",
    "Pilar Ocaña del partido Verde",
    "Carla Festa del partito Azzurro",
    "Inès Morel de la Gauche",
    "Tom Quill, R-Ky.",
    "Tom Quill (D-Calif.)",
    "Anke Roth (CDU)",
    "Anke Roth\tvon den Grünen",
    "Anke Roth\nof the Greens",
    "Ivo Volvo",
    "Dara Ohlsson-Berg",
    "(CDU)",
    "von den Grünen",
    "the mayor of the town",
    "Ana Ruiz",
    "",
]

_PIECES = [
    "von den",
    "vom",
    "von der",
    "of the",
    "de la",
    "du parti",
    "del partido",
    "del partito",
    "Vo",
    "vo",
    "of",
    "the",
    "de",
    "del",
    "du",
    "parti",
    "la",
    "SPD",
    "CDU",
    "Grünen",
    "Weber",
    "Ana",
    "R",
    "Ky.",
    "-",
    "(",
    ")",
    ",",
    ".",
    " ",
    "  ",
    "\t",
    "\n",
    "ÄÖ",
    "x",
]


def test_invented_names_agree_with_the_plain_search():
    for name in _INVENTED:
        assert strip_affiliation(name) == _plain_strip_affiliation(name), name
    # the guards let real affiliations through
    assert strip_affiliation("Markus Weber von den Grünen") == ("Markus Weber", "von den Grünen")
    assert strip_affiliation("Tom Quill, R-Ky.") == ("Tom Quill", "R-Ky.")
    assert strip_affiliation("Anke Roth (CDU)") == ("Anke Roth", "CDU")


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_pieced_names_agree_with_the_plain_search(parts: list[str]):
    name = "".join(parts)
    assert strip_affiliation(name) == _plain_strip_affiliation(name)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="vodelathfuprisn -(),RK.\t", max_size=30))
def test_letter_soup_agrees_with_the_plain_search(name: str):
    assert strip_affiliation(name) == _plain_strip_affiliation(name)
