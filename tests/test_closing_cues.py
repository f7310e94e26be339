"""Verbs that cue a quotation only where they close the clause right after it ('"...," the
statement read.', '"...," he went on.'), on invented articles: the speaker's mention is the
subject before the verb, and the same verbs elsewhere cue nothing."""

from __future__ import annotations

import pytest

from schemas import Article
from service.engines import get_engine
from service.extract.noun_phrases import closing_verb


def mentions(text: str) -> dict[str, str | None]:
    d = get_engine("rules").digest(Article(id="t", title="", text=text))
    return {q.text: q.speaker_span.text if q.speaker_span else None for q in d.quotes}


LEAD = "Councillor Tobias Ferrand attacked the ferry plan and Mayor Ines Varga defended it.\n\n"


@pytest.mark.parametrize(
    ("line", "quote", "mention"),
    [
        (
            '"We regret the decision of the council," the statement read.',
            "We regret",
            "the statement",
        ),
        ('"Nobody asked the fishermen," she went on.', "Nobody asked", "she"),
        ('"Why would anyone sail at night?" he wondered aloud.', "Why would", "he"),
        ('"That is simply false," the crowd cried out.', "That is", "the crowd"),
    ],
)
def test_a_closing_verb_gives_the_quotation_to_its_subject(
    line: str, quote: str, mention: str
) -> None:
    got = mentions(LEAD + "Ferrand spoke first. Varga answered him.\n\n" + line)
    found = [m for q, m in got.items() if q.startswith(quote)]
    assert found == [mention], got


@pytest.mark.parametrize(
    ("words", "v", "closes"),
    [
        (["it", "read", "."], 1, True),
        (["she", "read", "the", "bill"], 1, False),
        (["he", "went", "on", ","], 1, True),
        (["he", "went", "."], 1, False),
        (["she", "went", "on", "to", "win"], 1, False),
        (["he", "wondered", "."], 1, True),
        (["they", "said", "."], 1, False),
    ],
)
def test_closing_verb_needs_the_clause_to_end(words: list[str], v: int, closes: bool) -> None:
    assert closing_verb(words, v, len(words)) is closes
