"""English attribution in house styles outside the US: Commonwealth ranks and offices, letters
after a name, Irish surname prefixes, tabloid and sports epithets, unnamed 'A(n) ...' subjects.
All names and places are invented."""

from __future__ import annotations

import pytest

from service.extract.person_match import same_person
from tests.quotekit import speakers_in as _speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # ranks and offices of Irish, South African and Indian papers stay out of the name
        (
            "Garda Aoife Brannock told the court she saw the car. ‘He drove straight at me,’ "
            "Garda Brannock said.",
            "Aoife Brannock",
        ),
        (
            "Detective Superintendent Karen Lusk said two men were sought. “They were armed,” "
            "Det Supt Lusk said.",
            "Karen Lusk",
        ),
        (
            'Corporator Rajesh Bhonsare raised the matter. "Not one reply came," Mr. Bhonsare said.',
            "Rajesh Bhonsare",
        ),
        # letters after a titled name are no part of it
        (
            'Opposition spokesperson Hon. Jane Cowlett MPL disagreed. "The MEC must account," '
            "Cowlett said.",
            "Jane Cowlett",
        ),
        (
            'Her lawyer, Adv. Nomsa Khuzwayo SC, argued for bail. "Where would he go?" '
            "Khuzwayo asked.",
            "Nomsa Khuzwayo",
        ),
        # a surname particle after an honorific: 'Adv. Pieter van Wyk'
        (
            "State prosecutor Adv. Pieter van Rooyen told the court the witness was threatened. "
            '"She received a call at night," Van Rooyen said.',
            "Pieter van Rooyen",
        ),
        # a conjunction opening the sentence is no part of the speaker's name
        (
            "Stevie Dunmore was pleased. But Dunmore said: ‘We never know when we’re beaten.’",
            "Stevie Dunmore",
        ),
        # compound epithets of tabloids and sports pages
        (
            "Tracy Pellington, 42, says the gnomes were taken. 'I came home and the garden was "
            "empty,' the mum-of-three told the Daily Courant.",
            "Tracy Pellington",
        ),
        (
            "Skipper Ross Caldwell admitted the side must improve. ‘We can’t keep giving goals "
            "away,’ the centre-half told Lochview TV.",
            "Ross Caldwell",
        ),
        # 'according to her' is the pronoun of the person just named
        (
            'Chief (Mrs) Ngozi Okafor-Obi said she would go to court. According to her, "the '
            'leadership has imposed a candidate."',
            "Ngozi Okafor-Obi",
        ),
        # a weekday after an honorific is a first name
        (
            'A driver, Mr Sunday Etuk, escaped. "They were shooting into the air," Etuk said.',
            "Sunday Etuk",
        ),
        # a possessive with a curly apostrophe before a name: the person speaks
        (
            "The Progressive Party’s Fiona Dunmuir said ministers had ‘run out of excuses’.",
            "Fiona Dunmuir",
        ),
        # Irish surname prefixes
        (
            "The Minister for Housing, Darragh Ó Fearghail, defended the rules. ‘This is the "
            "biggest reform in a generation,’ Mr Ó Fearghail said.",
            "Darragh Ó Fearghail",
        ),
        # a job written with a capital at the start of the sentence is no part of the name
        (
            'Developer Tom Bassington said he would appeal. "The region needs houses," '
            "Bassington told the Gazette.",
            "Tom Bassington",
        ),
        # letters after a name are that person's role: 'the ... TD said' finds them
        (
            "The Minister for Housing, Darragh Ó Fearghail, defended the rules.\n\nSinn Féin’s "
            "housing spokesperson Eoin Mac Aonghusa TD said renters would pay more. ‘It is a "
            "landlords’ charter,’ the Dublin Mid-West TD said.",
            "Eoin Mac Aonghusa",
        ),
        (
            "Taoiseach Seán Ó Riain said the Government would not be deflected. ‘We will see it "
            "through,’ he said.",
            "Seán Ó Riain",
        ),
    ],
)
def test_commonwealth_names_and_titles(text: str, speaker: str):
    assert _speakers(text)[-1] == speaker


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # an unnamed 'A nurse ..., said' subject takes the pronoun after it, not the last speaker
        (
            "“The MEC must come to the legislature,” Jane Corrie said.\n\nA nurse at one of the "
            "clinics, who asked not to be named, said staff used torches. “Last week we delivered "
            "a baby by the light of a phone,” she said.",
            "nurse",
        ),
        # 'A spokesman for the ferry operator said:' names an unnamed spokesman
        (
            "A spokesman for the ferry operator said: ‘We apologise to all passengers affected.’",
            "spokesman",
        ),
        (
            "A source close to the couple said: ‘Jordan has been distant for months.’",
            "source",
        ),
    ],
)
def test_unnamed_indefinite_subjects(text: str, want: str):
    got = _speakers(text)[-1]
    assert got is not None and want in got and got.endswith("(unnamed)")


def test_quantity_nouns_head_no_unnamed_speaker():
    text = (
        "“We will win,” Maria Tolland said.\n\nA lot of people said the plan would fail. “It is "
        "a fair deal,” she said."
    )
    assert _speakers(text)[-1] == "Maria Tolland"


def test_irish_surname_prefixes_name_one_person():
    assert same_person("Darragh Ó Fearghail", "Ó Fearghail")
    assert same_person("Niamh Ní Bhriain", "Ní Bhriain")
    assert not same_person("Darragh Ó Fearghail", "Seán Ó Fearghail")
