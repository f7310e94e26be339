"""The sentence splitter's line-by-line groups and the lead's sentence tests against their plain
definitions: each line cut at its sentence breaks and stripped, then every line and sentence
weighed by `is_boilerplate` (the summary and the events read these sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract import summary
from service.extract.quote_marks import PARA_RE
from service.extract.summary import Sentence, is_boilerplate, lead_sentences, split_sentences
from service.ingest.files import load_articles
from tests.conftest import POLNEAR as SHARED_POLNEAR


def _plain_split(text: str) -> list[Sentence]:
    """Each non-blank line cut after every break that opens a sentence, each piece stripped."""
    out: list[Sentence] = []
    para = -1
    for line in PARA_RE.finditer(text):
        if not line.group(0).strip():
            continue
        para += 1
        cuts = [line.start()]
        for m in summary._BREAK.finditer(text):
            if not line.start() <= m.start() < line.end():
                continue
            first = m.group(1)
            opens = first.isupper() or first.isdigit() or first in summary._OPENERS
            if opens and not summary._no_break_before(text, line.start(), m.start(), m.group(0)):
                cuts.append(m.end())
        cuts.append(line.end())
        pieces = [(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
        n = 0
        for a, b in pieces:
            piece = text[a:b]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece) - len(piece.rstrip())
            if piece.strip():
                out.append(Sentence(a + lead, b - trail, piece.strip(), para, n))
                n += 1
    return out


def _plain_lead(text: str, title: str | None) -> list[Sentence]:
    """Every line's sentences, less the furniture lines, the one-sentence headings and, in a line
    of several, the sentences that are furniture themselves."""
    lines: dict[int, list[Sentence]] = {}
    for s in _plain_split(text):
        lines.setdefault(s.paragraph, []).append(s)
    out: list[Sentence] = []
    for group in lines.values():
        line = text[group[0].start : group[-1].end]
        if is_boilerplate(line, title):
            continue
        if len(group) == 1:
            if not summary._is_heading(line):
                out.append(group[0])
            continue
        out.extend(s for s in group if not is_boilerplate(s.text, title))
    return out


_PIECES = st.sampled_from(
    [
        "The mayor said",
        " no",
        "Mr. Reyes",
        " U.S. officials",
        " J. Smith",
        ". ",
        "! ",
        "? ",
        "… ",
        ".” ",
        '." ',
        " “Yes,” she said.",
        "\n",
        "\n\n",
        "  ",
        "\t",
        "\u00a0",
        "Share",
        "By Ana Lima",
        " see www.example.org",
        " @desk",
        "Harbour plan approved",
        "1. ",
        "(Reuters) ",
        "A",
        "z",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join), st.booleans())
def test_split_and_lead_match_their_plain_definitions(text: str, titled: bool) -> None:
    title = "Harbour plan approved" if titled else None
    assert split_sentences(text) == _plain_split(text)
    assert lead_sentences(text, title) == _plain_lead(text, title)


def test_invented_article_lead() -> None:
    text = (
        "Harbour plan approved\n"
        "By Ana Lima | Staff\n"
        "  The council approved the harbour plan on Monday. Mr. Reyes said work starts soon.  \n"
        "Share\n"
        "Residents welcomed it. Follow us at www.example.org for more. “It is good,” one said.\n"
        "Write to @harbourdesk. Share. Harbour plan approved. Work starts in May.\n"
    )
    got = [s.text for s in lead_sentences(text, "Harbour plan approved")]
    assert got == [
        "The council approved the harbour plan on Monday.",
        "Mr. Reyes said work starts soon.",
        "Write to @harbourdesk.",
        "Work starts in May.",
    ]
    assert got == [s.text for s in _plain_lead(text, "Harbour plan approved")]


_CORPUS = SHARED_POLNEAR / "dev"


@pytest.mark.skipif(not _CORPUS.exists(), reason="../shared/polnear (PolNeAR) is not here")
def test_real_texts_match_their_plain_definitions() -> None:
    for path in sorted(_CORPUS.glob("*.json"))[:40]:
        (article,) = load_articles(path)
        assert split_sentences(article.text) == _plain_split(article.text)
        assert lead_sentences(article.text, article.title) == _plain_lead(
            article.text, article.title
        )
