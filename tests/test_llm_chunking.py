"""Paragraph/sentence splitting and chunk planning keep article offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.llm.chunking import estimate_tokens, paragraphs, plan_chunks, sentences, split_in_two

TEXT = (
    "Title line\n\n"
    "  Mr. Holm met Dr. Aune at 9 a.m. on Monday. They spoke for an hour!  \n"
    '"It went well," said Holm. The U.S. envoy was absent.\n'
)


def _texts(text: str, ranges: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in ranges]


def test_paragraphs_and_sentences() -> None:
    assert _texts(TEXT, paragraphs(TEXT)) == [
        "Title line",
        "Mr. Holm met Dr. Aune at 9 a.m. on Monday. They spoke for an hour!",
        '"It went well," said Holm. The U.S. envoy was absent.',
    ]
    assert _texts(TEXT, sentences(TEXT)) == [
        "Title line",
        "Mr. Holm met Dr. Aune at 9 a.m. on Monday.",
        "They spoke for an hour!",
        '"It went well," said Holm.',
        "The U.S. envoy was absent.",
    ]


def test_short_text_is_one_chunk_and_long_text_overlaps() -> None:
    assert plan_chunks(TEXT, 1000) == [(paragraphs(TEXT)[0][0], paragraphs(TEXT)[-1][1])]
    text = "\n".join(
        f"Paragraph {i} says something about the harbour and its boats." for i in range(30)
    )
    chunks = plan_chunks(text, 60)
    paras = paragraphs(text)
    assert len(chunks) > 3
    assert all(estimate_tokens(text[s:e]) <= 60 for s, e in chunks)
    assert chunks[0][0] == paras[0][0] and chunks[-1][1] == paras[-1][1]
    for (_, e1), (s2, _) in zip(chunks, chunks[1:], strict=False):
        assert s2 < e1  # one paragraph of overlap


def test_oversized_paragraph_is_broken_into_sentences() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(50))
    chunks = plan_chunks(text, 40)
    assert len(chunks) > 1 and all(text[s:e].endswith(".") for s, e in chunks)


def test_split_in_two_at_the_middle_paragraph() -> None:
    rng = (paragraphs(TEXT)[0][0], paragraphs(TEXT)[-1][1])
    first, second = split_in_two(TEXT, rng)
    assert TEXT[first[0] : first[1]].startswith("Title line")
    assert TEXT[second[0] : second[1]].startswith('"It went well,"')
    single = sentences(TEXT)[1]
    assert split_in_two(TEXT, single) == [single]


def test_estimate_counts_non_ascii_heavily() -> None:
    assert estimate_tokens("a" * 35) == 11
    assert estimate_tokens("新闻" * 10) == 21


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="ab .\n\"'!?", min_size=0, max_size=60), max_size=12),
    st.integers(8, 80),
)
def test_chunks_cover_every_paragraph(parts: list[str], budget: int) -> None:
    text = "\n".join(parts)
    chunks = plan_chunks(text, budget)
    for s, e in paragraphs(text):
        assert any(cs <= s and e <= ce for cs, ce in chunks) or any(
            cs < e and s < ce for cs, ce in chunks
        )
    for s, e in sentences(text):
        assert 0 <= s < e <= len(text) and text[s:e].strip() == text[s:e]
