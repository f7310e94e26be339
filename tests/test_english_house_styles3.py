"""Quote attribution in English news from outside the US, third round: a Welsh 'ap' surname, a
last speaker named only in their cue keeping the next pronoun, an unnamed occupation ('A nurse
..., who declined to be named'), a portfolio after a title's 'for', a family name written first
('Ms Tan'), a pronoun after a full name the first-name lists lack, and 'the statement read' where
no known actor issued it. Invented sentences, names and places."""

from __future__ import annotations

from schemas import Article
from service.engines import get_engine


def speakers(text: str) -> list[str | None]:
    digest = get_engine("rules").digest(Article(id="t", title="T", text=text))
    return [q.speaker for q in digest.quotes]


def test_a_welsh_ap_is_part_of_the_surname() -> None:
    text = (
        "The library will close.\n\nCllr Gwenllian ap Rhys, who chairs the committee, said the"
        " money had run out.\n\n'We looked at every option,' she said."
    )
    assert speakers(text) == ["Gwenllian ap Rhys"]


def test_the_last_speaker_named_in_their_cue_keeps_the_pronoun() -> None:
    text = (
        "Dr Ssenyonga Kabuye, the medical superintendent, said beds were short.\n\n"
        "'We need twenty more,' Dr Kabuye said.\n\nHe added that nurses had been moved from"
        " Ntoroko Central and Bundibugyo Main clinics.\n\n'It is not enough,' he said."
    )
    assert speakers(text) == ["Ssenyonga Kabuye", "Ssenyonga Kabuye"]


def test_an_unnamed_occupation_is_the_description_after_it() -> None:
    text = (
        "Mrs Agatha Nalwoga, the hospital director, said the ward would reopen. 'It will be"
        " soon,' she said.\n\nA porter at the hospital, who declined to be named, said staff"
        " had not been paid. 'We are working for free,' the porter said."
    )
    assert speakers(text) == ["Agatha Nalwoga", "porter (unnamed)"]


def test_the_portfolio_after_a_titles_for_is_no_part_of_the_name() -> None:
    text = (
        "County Executive for Water Jepchirchir Kosgei said the pipes would be replaced. 'The"
        " tender is out,' Kosgei said."
    )
    assert speakers(text) == ["Jepchirchir Kosgei"]


def test_a_family_name_written_first_is_the_person_named_in_full() -> None:
    text = (
        "MP Goh Kai Ming asked about bus fares.\n\n'Commuters are feeling the pinch,' Mr Goh said."
    )
    assert speakers(text) == ["Goh Kai Ming"]


def test_a_pronoun_after_a_full_name_the_lists_lack() -> None:
    text = (
        "Cllr Moira Tennant said the plan was rushed.\n\nHousing convener Eilwen Strachan defended"
        " the timetable. 'We consulted for a year,' she said."
    )
    assert speakers(text) == ["Eilwen Strachan"]


def test_a_statement_no_known_actor_issued_is_its_own_source() -> None:
    text = (
        "The mayor, Kofi Adjei, opened the market.\n\nA statement from GHAMAR later said the"
        " levy would fall. 'Traders will pay less from June,' the statement read."
    )
    assert speakers(text) == ["statement from GHAMAR (unnamed)"]
