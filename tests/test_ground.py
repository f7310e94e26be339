"""Grounding: exact, normalised and fuzzy placement, and the verbatim guarantee as a property."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from schemas import Fidelity
from service.ground import (
    SourceText,
    ground_quote,
    inside,
    locate,
    mentions,
    name_supported,
)

TEXT = (
    "The minister said: “We will not back down — not now, not ever,” before leaving.\n\n"
    "Later she added that the plan was “fully funded”. Critics called it ‘a fantasy’."
)


def test_exact_match_returns_source_offsets():
    loc = locate("fully funded", TEXT)
    assert loc is not None
    assert (TEXT[loc.start : loc.end], loc.fidelity) == ("fully funded", Fidelity.exact)


def test_normalised_match_folds_marks_dashes_space_and_case():
    claim = "we will not back down - not now,   not ever,"
    loc = locate(claim, TEXT)
    assert loc is not None
    assert loc.fidelity is Fidelity.normalised
    assert loc.text == "We will not back down — not now, not ever,"
    assert TEXT[loc.start : loc.end] == loc.text


def test_surrounding_quote_marks_on_the_claim_are_ignored():
    loc = locate("“fully funded”", TEXT)
    assert loc is not None and loc.text == "fully funded" and loc.fidelity is Fidelity.exact


def test_fuzzy_match_tolerates_a_typo_and_returns_source_text():
    loc = locate("We will not bak down — not now, not ever", TEXT)
    assert loc is not None
    assert loc.fidelity is Fidelity.fuzzy
    assert loc.text == "We will not back down — not now, not ever"


def test_fuzzy_match_is_bounded_paraphrase_is_rejected():
    assert locate("We shall never back down, not now and not ever", TEXT) is None
    # short claims never go fuzzy: one changed letter in a short word is a different word
    assert locate("fully funder", TEXT) is None


def test_invented_text_is_not_found():
    assert locate("The economy is collapsing under this government", TEXT) is None


def test_hint_picks_nearest_repeat():
    text = "“Yes,” he said. Then again: “Yes,” he said."
    first = locate("Yes,", text, hint=0)
    second = locate("Yes,", text, hint=30)
    assert first is not None and second is not None
    assert (first.start, second.start) == (1, text.rindex("Yes,"))


def test_ground_quote_requires_quotation_region():
    regions = [(TEXT.index("fully"), TEXT.index("fully") + len("fully funded"))]
    ok = ground_quote("fully funded", TEXT, regions)
    outside = ground_quote("before leaving", TEXT, regions)
    missing = ground_quote("entirely made up words here", TEXT, regions)
    assert ok.reason is None and ok.located is not None
    assert (outside.located, outside.reason) == (None, "not_quoted")
    assert (missing.located, missing.reason) == (None, "not_found")


def test_inside():
    assert inside(5, 10, [(0, 10)])
    assert not inside(5, 11, [(0, 10)])
    assert not inside(5, 10, [])


def test_mentions_respect_word_boundaries_and_accents():
    text = "Jürgen Klopp spoke. Klopp's team; Kloppenburg is elsewhere."
    spans = mentions("Klopp", text)
    assert [text[s:e] for s, e in spans] == ["Klopp", "Klopp"]
    assert [text[s:e] for s, e in mentions("Jurgen Klopp", text)] == ["Jürgen Klopp"]


def test_name_supported_by_surname_but_not_by_nothing():
    text = "Ryder told reporters the attacks had failed."
    assert name_supported("Patrick Ryder", text)
    assert not name_supported("Lloyd Austin", text)


_alphabet = st.sampled_from(list("abcdefghij ABC.,;“”‘’\"'—-\n…é"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_alphabet, min_size=1, max_size=300), st.data())
def test_property_any_substring_grounds_verbatim(text, data):
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    claim = text[i:j]
    loc = locate(claim, SourceText(text), hint=i)
    stripped = claim.strip(" \t\r\n\"“”„‟«»〝〞＂″'‘’‚‛‹›`´′")
    if not stripped:
        assert loc is None
        return
    assert loc is not None
    # the verbatim guarantee: whatever matched, the span is the source's own text
    assert text[loc.start : loc.end] == loc.text
    assert loc.fidelity is Fidelity.exact


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=_alphabet, min_size=1, max_size=200), st.text(alphabet=_alphabet, max_size=60)
)
def test_property_located_text_is_always_a_source_substring(text, claim):
    loc = locate(claim, text)
    if loc is not None:
        assert 0 <= loc.start <= loc.end <= len(text)
        assert text[loc.start : loc.end] == loc.text


def test_unsupported_terms_flags_invented_figures_and_names():
    from service.ground import unsupported_terms

    text = "The ministry said 12 people were hurt in Lyon on Tuesday."
    assert unsupported_terms("Officials said 12 people were hurt in Lyon.", text) == []
    assert unsupported_terms("Officials said 20 people were hurt in Lyon.", text) == ["20"]
    assert unsupported_terms("The ministry blamed Marseille police.", text) == ["Marseille"]
    # a sentence-initial capital is position, not a name
    assert unsupported_terms("Twelve people were hurt. Nobody died.", text) == []
