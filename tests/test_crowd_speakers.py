"""A crowd that chants or shouts ('the crowd chanted', 'Hundreds shouted', 'the audience yelled')
is an unnamed group speaker on invented articles: never the last person named, never the bare
quantity word as a name, and the speaker its chant interrupts goes on speaking after it."""

from __future__ import annotations

import pytest

from schemas import Article
from service.engines import get_engine


def speakers(text: str) -> dict[str, str | None]:
    d = get_engine("rules").digest(Article(id="t", title="", text=text))
    return {q.text: q.speaker for q in d.quotes}


LEAD = "Governor Ruth Palby spoke to supporters at the harbour rally in Dunmore on Friday.\n\n"


@pytest.mark.parametrize(
    ("line", "quote", "group"),
    [
        ('"Build the pier!" the crowd chanted.', "Build the pier!", "crowd (unnamed)"),
        ('"Build the pier!" the audience yelled back.', "Build the pier!", "audience (unnamed)"),
        ('"Not in our name!" the attendees chanted.', "Not in our name!", "attendees (unnamed)"),
        ('"Lock the gates!" Hundreds chanted outside.', "Lock the gates!", "hundreds (unnamed)"),
        (
            'Holding signs, the protesters chanted "Palby out, ferries in."',
            "Palby out, ferries in.",
            "protesters (unnamed)",
        ),
    ],
)
def test_a_crowd_is_an_unnamed_group(line: str, quote: str, group: str) -> None:
    text = LEAD + '"We will build it," Palby said.\n\n' + line + "\n"
    got = speakers(text)
    assert got[quote] == group, got
    assert got["We will build it,"] == "Ruth Palby", got


def test_the_speaker_goes_on_after_the_crowd_interrupts() -> None:
    text = (
        "Earlier, Sheriff Tomas Quillby vouched for the plan to build a pier at Dunmore.\n\n"
        'He said, "Ruth Palby will build the pier" - at which point the crowd chanted '
        '"Build the pier!" - "and keep the harbour open to every boat."\n'
    )
    got = speakers(text)
    assert got["Build the pier!"] == "crowd (unnamed)", got
    assert got["and keep the harbour open to every boat."] == "Tomas Quillby", got
    assert got["Ruth Palby will build the pier"] == "Tomas Quillby", got
