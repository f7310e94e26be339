"""Who said it in English from stop 30's dev23 batch (invented sentences, none from the set): a
short form that keeps a name's first words ('Dr Tan' after a surname-first 'Tan Mei Ling',
'Mian Aslam' after 'Mian Aslam Qureshi'), honorifics stripped from the front of a name
(Singapore's 'Madam', South Africa's 'Gogo'), and place names that open with a loch, lake,
mount or saint's-town word ('Loch Brora', 'Santa Rosa') never taken for people."""

from __future__ import annotations

import pytest

from schemas import ActorType
from service.extract.actors import extract_actors
from service.extract.quotes import find_quotes
from tests.quotekit import quoted_speakers as _speakers
from tests.quotekit import speaker_of as _speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "want"),
    [
        (
            "Minister of State for Housing Tan Mei Ling opened the flats on Sunday. Residents "
            'cheered as she cut the ribbon. "Every family here waited four years," said Dr Tan.',
            "Every family here",
            "Tan Mei Ling",
        ),
        (
            'The march was led by trade body chairman Mian Aslam Qureshi. "We will not pay '
            'these bills," Mian Aslam told reporters outside the office.',
            "We will not pay",
            "Mian Aslam Qureshi",
        ),
        (
            'Madam Jocelyn Wee, who sells kaya toast at the market, was unhappy. "Rent is up '
            'again this year," said Madam Wee, 61.',
            "Rent is up",
            "Jocelyn Wee",
        ),
        (
            'Gogo Thandeka Mabuza, 80, waited at the clinic since dawn. "We are old, we cannot '
            'stand in the sun all day," she told reporters.',
            "We are old",
            "Thandeka Mabuza",
        ),
    ],
)
def test_speaker(text: str, quote: str, want: str) -> None:
    assert _speaker_of(text, quote) == want


def test_a_surname_shared_by_a_longer_name_stays_the_surname() -> None:
    # 'Wei' ends 'Lim Wei' and opens nothing else: it is read the usual way, not as a first word
    text = (
        'Councillor Lim Wei and his aide Wei Tong Hock met the hawkers. "We heard every '
        'complaint," said Mr Wei.'
    )
    assert [s for _, s in _speakers(text)] != ["Wei Tong Hock"]


@pytest.mark.parametrize("place", ["Loch Brora", "Santa Rosa", "Mount Elgon", "Fort Augustus"])
def test_a_place_opener_makes_a_location(place: str) -> None:
    text = f"Walkers gathered at {place} on Saturday to protest against the new fence."
    actors = extract_actors(text, find_quotes(text))
    assert not [a.name for a in actors if a.type == ActorType.person and place in a.name]


@pytest.mark.parametrize(
    ("text", "quote", "want"),
    [
        (
            'Brenda Okafor, a resident, spoke first. "The lift has been broken since June," said '
            "another resident, who asked not to be named.",
            "The lift has been",
            "another resident (unnamed)",
        ),
        (
            'Kilbeg County Council says 40 roads are closed since dawn. "Staff are clearing the '
            'line near Kilbeg as fast as they can," a spokesperson said.',
            "Staff are clearing",
            "Kilbeg County Council",
        ),
        (
            'HSK Energy says 9,000 homes are without power. "Crews are on their way," a '
            "spokeswoman said.",
            "Crews are on",
            "HSK Energy",
        ),
        (
            # no body opens the paragraph: the spokeswoman stays unnamed
            'Tickets went on sale at nine. "Demand has been huge," a spokeswoman said.',
            "Demand has been",
            "spokeswoman (unnamed)",
        ),
    ],
)
def test_unnamed_speaker(text: str, quote: str, want: str) -> None:
    assert _speaker_of(text, quote) == want


def test_a_clan_name_before_a_mans_given_name_does_not_make_him_a_woman() -> None:
    from service.extract.name_gender import gender

    assert gender("Rana Tahir Mahmood") == "m"
    assert gender("Rana Nusrat") == "f"  # alone before a surname: still the first name it is
    text = (
        '"We have no diesel left," Mian Faisal Iqbal told reporters.\n\nChief engineer Rana Tahir '
        'Mahmood said a transformer had failed. "It will be replaced by Friday," he said.'
    )
    assert _speaker_of(text, "It will be replaced") == "Rana Tahir Mahmood"
