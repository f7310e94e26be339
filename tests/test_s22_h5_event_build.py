"""The event stage's shortcuts of stop 22 give what the plain forms give: counts() is skipped only
for texts where it finds nothing, and the action-type scan finds nothing where the per-text
gate it replaced said that no word starts like an action word."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from service.merge import event_build as eb
from service.merge import event_features as ef

# pieces of count phrases in several scripts and cases: ASCII and other digits, number words
# spelt with the letters re.IGNORECASE takes for ASCII ones (dotted and dotless i, long s),
# ligatures and letters that fold (NFKD) into ASCII, marks the fold swaps or strips
_PIECES = [
    "two", "TWO", "Ten", "one", "six", "ſix", "sıx", "SİX", "twenty", "eleven", "ﬁve", "fıve",
    "3", "٣", "１２", "𝟕", "2,500", "soldiers", "troops", "rockets", "U.S.", "the", "of", "Ωmega",
    "é", "\u0301", "—", "“", "’", "℡", "ΣΑΣ", "none", "often", "attacked", "Stone",
    " ", " ", " ", "\n", ",", "-", ".", "'",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_a_text_skipped_by_the_count_test_has_no_counts(text: str) -> None:
    low = ef.read_texts([text])[0].low
    if not eb._may_count(text, low):
        assert eb.counts(text) == {}, text


def test_the_count_test_passes_and_skips_texts() -> None:
    texts = {
        "Rebels killed three soldiers.": True,
        "The ſix troops left.": True,  # the count pattern matches a long s to an s
        "Soldiers left on Sunday, officials said.": False,
        "Des soldats sont partis dimanche.": False,
    }
    for text, may in texts.items():
        assert eb._may_count(text, ef.read_texts([text])[0].low) is may, text
        assert may or eb.counts(text) == {}
    assert "troop" in eb.counts("The ſix troops left.")  # the value is kept as written


_WORDS = sorted(
    {w for ps in ef._TYPES.values() for p in ps for w in p.rstrip("$").split()}
    | {"the", "met", "anti-attack", "re-elected", "Deal", "Kill", "meta", "x-ray", "ing", "at"}
)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=10), st.sampled_from([" ", "-", ", ", "'"]))
def test_no_type_word_head_means_no_action_types(words: list[str], sep: str) -> None:
    """The gate read_texts() no longer computes: no word of the text begins with the first three
    letters of an action word. Where it held, actions() gives nothing without it."""
    text = sep.join(words)
    read = ef.read_texts([text])[0]
    heads = {p[:3] for ps in ef._TYPES.values() for p in ps}
    if heads.isdisjoint(w[:3] for w in ef.WORD.findall(read.low)):
        assert ef.actions(read, frozenset()) == (None, frozenset())
