"""Character folding shared by grounding, quote finding and matching, with a map back to source offsets."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

DOUBLE_QUOTES = '"“”„‟«»〝〞＂″'
SINGLE_QUOTES = "'‘’‚‛‹›`´′"
DASHES = "‐‑‒–—―−"
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\r\n\f\v "
ZERO_WIDTH = "\u200b\u200c\u200d\ufeff\u00ad"

_TABLE: dict[int, str] = {}
for _c in DOUBLE_QUOTES:
    _TABLE[ord(_c)] = '"'
for _c in SINGLE_QUOTES:
    _TABLE[ord(_c)] = "'"
for _c in DASHES:
    _TABLE[ord(_c)] = "-"


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    c = _TABLE.get(ord(c), c)
    if c == "…":
        return "..."
    if c.isascii():
        return c.lower()
    # strip accents: "Jürgen" matches "Jurgen"
    base = unicodedata.normalize("NFKD", c)
    base = "".join(ch for ch in base if not unicodedata.combining(ch))
    return base.lower() or c.lower()


def fold(text: str) -> str:
    """Fold quote marks, dashes, whitespace runs, accents and case; no offset map."""
    return fold_with_map(text)[0]


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """Return (folded, index) where index[i] is the source offset of folded character i.

    Whitespace runs become one space; zero-width characters vanish; an ellipsis becomes '...'.
    """
    out: list[str] = []
    index: list[int] = []
    prev_space = False
    for i, c in enumerate(text):
        if c in ZERO_WIDTH:
            continue
        if c in SPACES or c.isspace():
            if prev_space:
                continue
            out.append(" ")
            index.append(i)
            prev_space = True
            continue
        prev_space = False
        f = _fold_char(c)
        for ch in f:
            out.append(ch)
            index.append(i)
    return "".join(out), index


# In a str pattern \W is exactly "not str.isalnum() and not '_'", so [^\W_] is "isalnum()".
_ALNUM_RUNS = re.compile(r"[^\W_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _drop_combining(m: re.Match[str]) -> str:
    return "".join(ch for ch in m.group(0) if not unicodedata.combining(ch))


@lru_cache(maxsize=4096)
def _has_combining(run: str) -> bool:
    return any(map(unicodedata.combining, run))


def strip_accents(text: str) -> str:
    """NFKD with combining marks removed: "Jürgen" -> "Jurgen". ASCII text is returned as is, and
    only the runs of non-ASCII characters are looked at."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    if decomposed.isascii():
        return decomposed
    # The runs left are mostly punctuation (curly quotes, dashes) with no mark to drop, the same
    # few runs in every text: each distinct run is judged once, and a text whose runs hold no
    # combining mark is returned without rebuilding it run by run.
    if not any(map(_has_combining, _NON_ASCII.findall(decomposed))):
        return decomposed
    return _NON_ASCII.sub(_drop_combining, decomposed)


def name_key(name: str) -> str:
    """Key for comparing names: accents, case, punctuation and hyphen/space variants folded."""
    # names repeat within and across articles: short ones are cached, whole lines are not
    return _short_key(name) if len(name) <= 80 else _fold_key(name)


# the same folding for ASCII text as one byte-table pass: letters lower-cased, every other
# non-alphanumeric a space (then bytes.split() cuts the words, as str.split() would)
_ASCII_FOLD = bytes(ord(c.lower()) if c.isalnum() else 0x20 for c in map(chr, range(128)))
_ASCII_FOLD += bytes(range(128, 256))
# The non-ASCII marks news text is full of (curly quotes, dashes, ellipses, odd spaces): each
# folds to separators only (tests/test_normalise_fast_paths.py checks), so a space can stand for
# it, and a text left ASCII by that takes the byte path. Not in a text with a capital sigma: its
# lower case depends on what follows it ("Σ." before a letter is σ, "Σ " is ς), and most of the
# marks are "case-ignorable" there where a space is not.
MARK_CHARS = "".join(
    sorted(
        {c for c in DOUBLE_QUOTES + SINGLE_QUOTES + DASHES + "…" + SPACES + ZERO_WIDTH}
        - {chr(i) for i in range(128)}
    )
)
_MARKS = re.compile(f"[{MARK_CHARS}]")


def _fold_key(name: str) -> str:
    if not name.isascii():
        if "Σ" not in name:
            name = _MARKS.sub(" ", name)
        if not name.isascii():
            name = strip_accents(name)
            if not name.isascii():
                # the words are the runs of alphanumerics, found directly (rather than the runs
                # between them replaced by spaces and the text split again: twice the time)
                return " ".join(_ALNUM_RUNS.findall(name.lower()))
    return b" ".join(name.encode().translate(_ASCII_FOLD).split()).decode()


_short_key = lru_cache(maxsize=16384)(_fold_key)
