"""People who share a surname: two full names stay two actors, and a bare surname ('Holloway',
'Mrs. Holloway') joins one of them by what the text says, not whoever was named last.
Invented texts."""

from __future__ import annotations

from schemas import Actor
from service.extract.actors import extract_actors
from service.extract.gender_evidence import Genders
from service.extract.names import doc
from service.extract.speakers import attribute
from tests.quotekit import spans_of


def people(text: str) -> dict[str, list[str]]:
    """Each person's name and the text of its mentions, in text order."""
    return {
        a.name: [m.text for m in a.mentions] for a in extract_actors(text) if a.type == "person"
    }


def speakers(text: str) -> list[str | None]:
    spans = spans_of(text)
    return [a.speaker for a in attribute(text, spans, extract_actors(text, spans))]


COUPLE = (
    "Campaign Opens In Dayton\n\n"
    "Senator Margaret Holloway opened her campaign in Dayton on Monday. Margaret Holloway spoke "
    "for an hour about jobs.\n\n"
    "Her husband, Richard Holloway, a retired judge, introduced her to the crowd.\n\n"
    "“This is our moment,” Mr. Holloway said.\n\n"
    "“We will win Ohio,” Mrs. Holloway said.\n\n"
    "“The factories will come back,” Holloway said later.\n"
)


def test_a_gendered_title_picks_the_person_of_that_gender() -> None:
    got = people(COUPLE)
    assert "Mr. Holloway" not in [m for m in got["Margaret Holloway"] if m.startswith("Mr")]
    assert "Holloway" in got["Richard Holloway"]  # the mention behind 'Mr. '
    assert speakers(COUPLE)[:2] == ["Richard Holloway", "Margaret Holloway"]


def test_a_plain_surname_goes_to_the_person_named_most_not_the_one_named_last() -> None:
    # Richard was named last before the third quotation; Margaret was named in full twice
    assert speakers(COUPLE)[2] == "Margaret Holloway"
    got = people(COUPLE)
    assert len(got["Margaret Holloway"]) == 4  # two full names, 'Mrs. Holloway', 'Holloway said'
    assert len(got["Richard Holloway"]) == 2


def test_a_generational_suffix_keeps_father_and_son_apart_and_finds_the_bare_surname() -> None:
    text = (
        "Arthur Penhale Jr. took over the family shipyard in Hull on Tuesday. His father, Arthur "
        "Penhale, founded it in 1971.\n\n"
        "“We build ships for the next fifty years,” Penhale Jr. said.\n\n"
        "Walter R. Okafor Jr. chairs the port board. “The yard matters to the city,” "
        "Mr. Okafor said.\n"
    )
    got = people(text)
    assert got["Arthur Penhale Jr."] == ["Arthur Penhale Jr.", "Penhale Jr."]
    assert got["Arthur Penhale"] == ["Arthur Penhale"]
    # the suffix is no surname: 'Okafor' is Walter R. Okafor Jr., not another actor
    assert got["Walter R. Okafor Jr."] == ["Walter R. Okafor Jr.", "Okafor"]
    assert "Okafor" not in got
    assert speakers(text) == ["Arthur Penhale Jr.", "Walter R. Okafor Jr."]


def test_other_middle_initials_or_a_first_name_of_the_other_gender_make_two_people() -> None:
    text = (
        "Former governor Walter K.L. Brandt endorsed his son, Walter L. Brandt, for the Senate "
        "seat on Friday in Topeka.\n\n"
        "Daniel Ortiz and his sister Daniela Ortiz run the campaign office on Main Street.\n"
    )
    got = people(text)
    assert got["Walter K.L. Brandt"] == ["Walter K.L. Brandt"]
    assert got["Walter L. Brandt"] == ["Walter L. Brandt"]
    assert got["Daniel Ortiz"] == ["Daniel Ortiz"]
    assert got["Daniela Ortiz"] == ["Daniela Ortiz"]


def test_compatible_middle_names_still_make_one_person() -> None:
    text = (
        "Walter Lionel Brandt endorsed the plan on Friday in Topeka. Later, Walter L. Brandt "
        "told reporters the vote would be close.\n"
    )
    assert people(text) == {"Walter Lionel Brandt": ["Walter Lionel Brandt", "Walter L. Brandt"]}


def test_a_first_name_alone_joins_the_one_person_of_that_first_name() -> None:
    text = (
        "Priya Raman chairs the tenants' union in Leeds. The council met the union on Monday.\n\n"
        "“We want the repairs done this winter,” Priya said after the meeting.\n"
    )
    assert people(text)["Priya Raman"] == ["Priya Raman", "Priya"]
    assert speakers(text) == ["Priya Raman"]


def genders_of(text: str) -> Genders:
    actors: list[Actor] = extract_actors(text)
    return Genders(doc(text), actors, [], "en")


def test_a_form_two_people_share_has_no_gender_of_its_own() -> None:
    g = genders_of(COUPLE)
    assert g.of("Margaret Holloway") == "f"
    assert g.of("Richard Holloway") == "m"
    # 'Holloway' is an alias of both: it names neither, so every pronoun may agree with it
    assert g.of("Holloway") is None
    assert g.agrees("Holloway", "he") and g.agrees("Holloway", "she")


def test_a_titled_surname_of_the_other_gender_is_someone_not_named_in_full() -> None:
    text = (
        "The governor signed the budget on Monday. “It balances at last,” Mr. Hartwell said.\n\n"
        "His wife, Joanna Hartwell, watched from the gallery. “We cut nothing that matters,” "
        "Mr. Hartwell added.\n"
    )
    got = people(text)
    assert got["Joanna Hartwell"] == ["Joanna Hartwell"]
    assert got["Hartwell"] == ["Hartwell", "Hartwell"]  # both behind 'Mr. '
    assert speakers(text) == ["Hartwell", "Hartwell"]


def test_a_title_alone_against_the_first_name_list_does_not_split_a_person() -> None:
    # 'Lee' is listed as a man's name; with no 'Mr. Marchetti' and the full name first, the
    # list is what is wrong
    text = (
        "Lee Marchetti teaches law at Brandon College. “The court will not take the case,” "
        "Ms. Marchetti said on Tuesday.\n"
    )
    assert people(text) == {"Lee Marchetti": ["Lee Marchetti", "Marchetti"]}
