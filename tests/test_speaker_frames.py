"""Speakers named by layout (service.extract.speaker_frames) and the cue-word and quote-gate
classes fixed with them (issue 8), on invented articles: transcript turns, headline sources,
dash sign-offs, cue words used as nouns, title-case quoted speech."""

from __future__ import annotations

import pytest

from schemas import Article, ArticleDigest
from service.engines import get_engine
from service.extract.quotes import find_quotes

Row = tuple[str, str | None, str | None]


def digest(text: str, title: str = "") -> ArticleDigest:
    return get_engine("rules").digest(Article(id="t", title=title, text=text))


def rows(d: ArticleDigest) -> list[Row]:
    out = []
    for q in d.quotes:
        if q.nested_in is None:
            out.append((q.text, q.speaker, q.speaker_span.text if q.speaker_span else None))
    return out


def _verbatim(text: str, d: ArticleDigest) -> None:
    for q in d.quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker_span is not None:
            assert text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text


TRANSCRIPT = """On Sunday's programme, Governor Helen Marsh said the flood plan would be ready by spring.

Part of the exchange:

"BRANDT: Governor, your own engineers say the walls will not hold. Why should anyone believe the plan?

"MARSH: Because we have changed the engineers and we have changed the plan. The new walls are two metres higher.

"The money is in the budget and the work starts in March.

"MR. OKAFOR: Can I come in here? The budget line is not funded."
"""


def test_transcript_turns_own_their_answers() -> None:
    d = digest(TRANSCRIPT)
    got = [(t[:20], s, m) for t, s, m in rows(d)]
    assert got == [
        ("BRANDT: Governor, yo", "Brandt", "BRANDT"),
        ("MARSH: Because we ha", "Helen Marsh", "MARSH"),
        ("The money is in the ", "Helen Marsh", "MARSH"),  # the turn runs on
        ("MR. OKAFOR: Can I co", "Okafor", "MR. OKAFOR"),
    ]
    _verbatim(TRANSCRIPT, d)


def test_a_title_case_label_is_not_a_turn() -> None:
    text = (
        "Dana Cole reviewed the novel for us.\n\n"
        '"Lost Harbour: A Story of the Coast" is her third book, Cole said.'
    )
    d = digest(text)
    assert all(q.speaker != "Lost Harbour" for q in d.quotes)


HEADLINES = {
    "name before a colon": (
        "Okafor: Council Budget Plan Is ‘A Shambles’ and Must Go",
        "Councillor David Okafor attacked the budget on Monday. He said the plan would close "
        "three libraries.",
        "A Shambles",
        "David Okafor",
    ),
    "label before the colon, then the subject": (
        "The Latest: Ruiz calls stadium deal ‘a giveaway’",
        "Mayor Ana Ruiz spoke at City Hall on Tuesday about the stadium contract.",
        "a giveaway",
        "Ana Ruiz",
    ),
    "closing 'Says'": (
        "Flood Walls Are ‘Not Fit for Purpose,’ Engineer Tom Baxter Says",
        "Tom Baxter, who led the review, presented the findings to the council.",
        "Not Fit for Purpose,",
        "Tom Baxter",
    ),
    "a run of title-cased words is no name": (
        "Retired Nurses Slam Health Minister As A ‘Total Disgrace.’",
        "Nurses who left the service said the minister had ignored them.",
        "Total Disgrace.",
        "Retired Nurses",
    ),
    "subject of the headline": (
        "Dana Albright Calls Triage Plan ‘Reckless’",
        "Dana Albright, chief executive of Lumora Health, criticised the regional plan.",
        "Reckless",
        "Dana Albright",
    ),
}


@pytest.mark.parametrize("name", sorted(HEADLINES))
def test_headline_quote_goes_to_the_source_it_names(name: str) -> None:
    title, body, quote, speaker = HEADLINES[name]
    text = f"{title}.\n\n{body}"
    d = digest(text, title=title)
    got = {q.text: q.speaker for q in d.quotes}
    assert got.get(quote) == speaker, got
    _verbatim(text, d)


def test_without_the_title_a_short_lede_is_no_headline() -> None:
    """Title-case quoted words in a one-sentence first paragraph are not weighed as a headline's:
    only a first paragraph repeating the article's title is one."""
    title = "Dana Albright Calls Triage Plan ‘Reckless’"
    text = f"{title}.\n\nDana Albright, chief executive of Lumora Health, criticised the plan."
    assert [text[q.start : q.end] for q in find_quotes(text, title)] == ["Reckless"]
    other = "Clinics get a new triage tool"
    assert [text[q.start : q.end] for q in find_quotes(text, other)] == []


def test_dash_sign_off_names_the_speaker() -> None:
    text = (
        "We asked readers what the closure meant to them.\n\n"
        "“The library was the only warm place my kids could do homework.” ― Maria Delgado\u00a0\n\n"
        "“We will drive forty minutes to the next one now.” — Samir Haddad, a father of three"
    )
    d = digest(text)
    assert [(s, m) for _, s, m in rows(d)] == [
        ("Maria Delgado", "Maria Delgado"),
        ("Samir Haddad", "Samir Haddad"),
    ]
    _verbatim(text, d)


def test_a_hyphen_opening_the_next_line_signs_off() -> None:
    """Fact-check quote boxes put the speaker on the line below after a plain hyphen; a hyphen
    on the quotation's own line is left to the cue rules (it may be a dash in a sentence)."""
    text = (
        "Senator Odile Marchetti and Governor Felix Arnaud traded claims about the port.\n\n"
        '"The port has lost half its jobs since 2010."\n\n'
        "- Odile Marchetti.\n\n"
        "The figure is wrong: the port lost a fifth of its jobs.\n\n"
        '"We have doubled the cargo in four years."\n\n'
        "-Felix Arnaud, speaking in Brelle.\n"
    )
    d = digest(text)
    assert [s for _, s, _ in rows(d)] == ["Odile Marchetti", "Felix Arnaud"]
    assert d.quotes[1].attribution == "sign-off"
    _verbatim(text, d)
    same_line = 'Arnaud praised the "new normal" - Marchetti, he said, had no plan.\n'
    assert all(q.attribution != "sign-off" for q in digest(same_line).quotes)
    listed = (
        text
        + '\nArnaud listed his promises:\n\n"Three promises for Brelle."\n\n- Lower Harbour Fees\n'
    )
    assert all(q.speaker != "Lower Harbour Fees" for q in digest(listed).quotes)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Council leader Rosa Delaney called Mayor Tom Baxter's remarks on the budget a "
            '"shameful retreat" from the promises of May.',
            "shameful retreat",
            "Rosa Delaney",
        ),
        (
            "Governor Helen Marsh said in an interview that the United States' northern allies "
            'were acting as "silent partners" in the deal.',
            "silent partners",
            "Helen Marsh",
        ),
    ],
)
def test_a_cue_word_used_as_a_noun_is_no_cue(text: str, quote: str, speaker: str) -> None:
    d = digest(text)
    assert {q.text: q.speaker for q in d.quotes}.get(quote) == speaker


def test_title_case_speech_in_the_body_can_be_a_quotation() -> None:
    """The gate weighs title-case stretches in the body too ('called her "Miss Piggy"'), while a
    nickname inside a name stays aside."""
    text = (
        "Mayor Ana Ruiz defended the stadium deal on Tuesday. Her rival Tom Baxter had called "
        'the contract a "Money Pit" at a rally the night before. "We will not stop," he said '
        'later, "until the contract is cancelled for good."\n\n'
        'Striker Kyle "Bullet" Barnes scored twice.'
    )
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert "Bullet" not in got
    assert "Money Pit" in got


def test_one_of_the_sources_names_nobody_but_a_name_after_it_speaks() -> None:
    text = (
        "Harbour Freight has asked two banks to find a buyer, people close to the talks said.\n\n"
        '"They want out before the winter," one of the sources said.\n\n'
        '"We sold every ticket," one of the organisers, Ana Ruiz, said.'
    )
    d = digest(text)
    assert [(s, m) for _, s, m in rows(d)] == [(None, None), ("Ana Ruiz", "Ana Ruiz")]


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            'The hearing ended.\n\n"The facts have not changed," a spokesman for committee '
            "Democrats said.",
            "spokesman for committee Democrats (unnamed)",
            "a spokesman for committee Democrats",
        ),
        (
            'The advert ran on Tuesday.\n\n"Spending goes up, taxes go up," says a narrator.',
            "narrator (unnamed)",
            "a narrator",
        ),
        (
            'Talks stalled.\n\n"It is like choosing how to lose," said one person with knowledge '
            "of the dilemma, who spoke on condition of anonymity.",
            "person with knowledge of the dilemma (unnamed)",
            "one person with knowledge of the dilemma",
        ),
        (
            'Tom Baxter met the paper\'s reporters.\n\n"He invited us to his house," the '
            "paper's senior politics editor Steven Ginsberg responded.",
            "Steven Ginsberg",
            "Steven Ginsberg",
        ),
    ],
)
def test_a_description_the_noun_phrase_reader_misses_still_speaks(
    text: str, speaker: str, mention: str
) -> None:
    d = digest(text)
    assert [(s, m) for _, s, m in rows(d)] == [(speaker, mention)]
    _verbatim(text, d)


def test_a_clause_after_the_verb_is_no_cue_for_the_quote() -> None:
    """'..., one of the prosecutors said the cases differ': that verb has its own object."""
    text = (
        'Even as Tom Baxter claimed on Tuesday that "the general got in trouble for far less," '
        "one of the former prosecutors said the two cases were quite different."
    )
    d = digest(text)
    assert [s for _, s, _ in rows(d)] == ["Tom Baxter"]


def test_a_sign_off_may_end_in_a_no_break_space() -> None:
    """Scraped pages often leave a no-break space after the name: still a sign-off."""
    text = (
        "We asked readers what the closure meant to them.\n\n"
        "“The library was the only warm place my kids could do homework.” ― Maria Delgado\u00a0\n"
    )
    d = digest(text)
    assert [(q.speaker, q.attribution) for q in d.quotes] == [("Maria Delgado", "sign-off")]
