"""service.normalise's faster folding gives what its plain form gives.

The plain forms are kept here: accents stripped by looking at every non-ASCII run, and name keys
made by replacing the runs of non-alphanumerics with spaces and splitting again. They are compared
on invented names and on random strings from the characters that matter (accented letters,
combining marks, curly quotes and dashes, underscores, digits, non-ASCII spaces and letters
whose lower case is longer or marked).
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from service.normalise import MARK_CHARS, _fold_key, name_key, strip_accents

_NOT_ALNUM = re.compile(r"[\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def plain_strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return _NON_ASCII.sub(
        lambda m: "".join(ch for ch in m.group(0) if not unicodedata.combining(ch)), decomposed
    )


def plain_key(name: str) -> str:
    return " ".join(_NOT_ALNUM.sub(" ", plain_strip_accents(name).lower()).split())


NAMES = [
    "",
    "Jürgen Müller",
    "Ju\u0308rgen  O’Neill—Smith",
    "“Café” de l’Étoile, İstanbul ΟΔΥΣΣΕΑΣ",
    "al-Sudani_said: 42 km²… ﬁnal",
    "Łódź\u00a0and\u2009Kraków ① ½",
    "Nguyễn Thị Minh Khai — Hà Nội",
    "ΟΔΥΣ’Α ΟΔΥΣ…α ΟΔΥΣ— ΟΔΥΣ",  # a capital sigma's lower case depends on what follows it
]
PIECES = [
    "a", "B", " ", "  ", "_", "-", "’", "“", "”", "—", "…", "é", "e\u0301", "\u0308", "İ", "Σ",
    "ß", "ﬁ", "²", "½", "①", "\u00a0", "\u2009", "\n", "ı", "ǅ", "Ω", "ٌ", "ب", "7", ".",
    "´", "\u00ad", "\u200b", "＂", "″", "«", "„", "\u3000", *MARK_CHARS,
]  # fmt: skip


def test_each_mark_a_space_stands_for_folds_to_separators_only() -> None:
    assert MARK_CHARS and all(not c.isascii() for c in MARK_CHARS)
    for c in MARK_CHARS:
        assert plain_key(f"a{c}b") == "a b", repr(c)
        assert plain_key(f"a{c}\u0301b") == "a b", repr(c)


def test_the_folding_of_invented_names_is_the_plain_folding() -> None:
    for name in NAMES:
        assert strip_accents(name) == plain_strip_accents(name)
        assert _fold_key(name) == plain_key(name)
        assert name_key(name) == plain_key(name)
        long = " ".join([name] * 12)  # past the cached length
        assert name_key(long) == plain_key(long)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_folding_of_random_strings_is_the_plain_folding(text: str) -> None:
    assert strip_accents(text) == plain_strip_accents(text)
    assert _fold_key(text) == plain_key(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=30))
def test_the_folding_of_any_text_is_the_plain_folding(text: str) -> None:
    assert strip_accents(text) == plain_strip_accents(text)
    assert _fold_key(text) == plain_key(text)
