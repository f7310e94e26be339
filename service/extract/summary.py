"""Sentence splitting with exact offsets, lead cleaning, and the offline engine's extractive summary.

The summary is the article's lead: its first one or two real sentences after skipping what is not
prose (headline repeats, bylines, datelines, font-size widgets, headings, captions and link lines).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from service.extract.quote_marks import PARA_RE
from service.extract.word_scan import matches_at
from service.normalise import name_key

__all__ = [
    "Sentence",
    "clean_sentence",
    "is_boilerplate",
    "lead_sentences",
    "split_sentences",
    "summarise_text",
]


class Sentence(NamedTuple):
    """One sentence of a text (immutable: the lead of a text is cached and shared; a named tuple
    is built about four times faster than a frozen dataclass, and an article has dozens)."""

    start: int
    end: int
    text: str  # text[start:end] of the article, exactly
    paragraph: int  # index of the line/paragraph block it sits in
    index_in_paragraph: int


# Words whose trailing dot does not end a sentence (titles, months, common short forms).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "maj",
        "lt",
        "col",
        "capt",
        "cpt",
        "sgt",
        "cmdr",
        "adm",
        "gov",
        "sen",
        "rep",
        "rev",
        "st",
        "sr",
        "jr",
        "fr",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "nos",
        "vol",
        "vs",
        "v",
        "approx",
        "est",
        "dept",
        "univ",
        "inc",
        "corp",
        "co",
        "ltd",
        "bros",
        "mt",
        "ft",
        "pres",
        "sec",
        "supt",
        "insp",
        "det",
        "cpl",
        "pvt",
        "brig",
        "hon",
        "amb",
    ]
)
_OPENERS = "\"'“‘«(["
# The lookbehind starts a match only at the first mark of a run, so a long run of marks is
# scanned once rather than once per mark (linear time on "......"). It follows that first mark
# (and re-reads it), so a scan skips ahead to the marks instead of testing it at every character.
_END = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*[\"'”’»)\]]*(?=\s)")
_DOTTED_ACRONYM = re.compile(r"(?:\b[A-Za-z]\.){2,}$")
_TRAILING_TOKEN = re.compile(r"[\w.]*$")
_TOKEN_CHAR = re.compile(r"[\w.]")
_TOKEN_WINDOW = 16
_END_MARKS = ".!?…:\"”’'"  # a sentence's closing punctuation (what _is_heading looks for)

# Lines that are page furniture rather than prose.
_WIDGET = re.compile(
    r"^\s*(?:A\s*\+\s*A\s*-|A-\s*A\+|Font size|Share|Print|Listen|READ MORE|Read more|Advertisement|ADVERTISING|Related|Photo:|Image:|File photo)\b.*$",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:By|Por|Par|Von|Di|De)\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al-\w+))*\s*(?:[,|/–—-].*)?$"
)
_LINKY = re.compile(r"(?:https?://|www\.|pic\.twitter\.com|@\w{2,}\)?\s*$)")
_MORE_TO_FOLLOW = re.compile(
    r"^\s*(?:more (?:details )?to follow|developing story|this is a breaking news story)",
    re.IGNORECASE,
)

# "ERBIL, Kurdistan Region - ", "WASHINGTON — ", "LONDON (Reuters) - ", "Friday, January 26, 2024 – "
_DATELINE = re.compile(
    r"^\s*(?:"
    r"[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?(?:\s*\([\w .'’&-]{1,40}\))?"
    r"|(?:[A-Z][a-z]+,\s*)?(?:[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\s+\d{4})"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s*[A-Z][\w ]{1,30}(?:\s*\([\w .'’&-]{1,40}\))?"
    r")\s*[-–—:]+\s+(?=\S)"
)
_LEAD_CONNECTIVE = re.compile(
    r"^(?:Meanwhile|Additionally|However|Moreover|Furthermore|Also|In addition|Separately|Elsewhere),\s+",
)


# _END followed on its line by blanks and a character (group 1) that is not a lower-case ASCII
# letter: a sentence end that may open the next sentence, found for the whole text in one scan.
# It matches where _END, scanning one line, matches and the next character on the line is not
# one of a-z (which never opens a sentence): _END starts only at the first mark of a run, and
# no shorter stretch of its marks and closers is followed by a blank.
_BREAK = re.compile(_END.pattern.removesuffix(r"(?=\s)") + r"(?=[^\S\n]+([^\sa-z]))")


# Sentence(...) without the named tuple's Python-level __new__ (its fields, in order)
_sentence = tuple.__new__


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with exact offsets; every line break ends a sentence."""
    return [s for group in _paragraph_sentences(text) for s in group]


def _paragraph_sentences(text: str) -> list[list[Sentence]]:
    """The sentences of each line that is not blank, line by line (a line holds at least one).

    A sentence ends at a break (_BREAK) and the next opens at the character its lookahead took
    for group 1, past the blanks: so only a line's own ends are trimmed of blanks (a break's end
    is a mark or a closer, and what lies between it and group 1 is blank)."""
    out: list[list[Sentence]] = []
    para = -1
    # in text order; each inside one line; tried only at the marks a break opens with
    breaks = matches_at(_BREAK, text, ".!?…")
    m = next(breaks, None)
    for line in PARA_RE.finditer(text):
        ls, le = line.span()
        if not line.group(0).strip():
            continue  # blanks only: no sentence end in it either
        para += 1
        while text[ls].isspace():  # the line has a character that is not blank
            ls += 1
        a = ls
        group: list[Sentence] = []
        while m is not None and m.start() < le:
            first = m.group(1)
            if (first.isupper() or first.isdigit() or first in _OPENERS) and not _no_break_before(
                text, line.start(), m.start(), m.group(0)
            ):
                b = m.end()
                group.append(_sentence(Sentence, (a, b, text[a:b], para, len(group))))
                a = m.start(1)
            m = next(breaks, None)
        while text[le - 1].isspace():  # a non-blank character lies at or after `a`
            le -= 1
        group.append(_sentence(Sentence, (a, le, text[a:le], para, len(group))))
        out.append(group)
    return out


def _no_break_before(text: str, line_start: int, dot: int, mark: str) -> bool:
    """True when the full stop at `dot` belongs to an abbreviation or an initial."""
    if not mark.startswith("."):
        return False
    # Only the last few characters before the dot decide (abbreviations are short), so look at a
    # bounded window: rescanning from the line start at every dot made long paragraphs quadratic.
    lo = max(line_start, dot - _TOKEN_WINDOW)
    word = _TRAILING_TOKEN.search(text, lo, dot)
    if word is None or not word.group(0):
        return False
    token = word.group(0)
    if word.start() == lo and lo > line_start and _TOKEN_CHAR.match(text, lo - 1):
        # the token runs on past the window: too long for an abbreviation or an initial
        token = ""
    if token.lower() in ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():  # an initial: "John F. Kennedy"
        return True
    # "U.S." in mid-sentence; at a sentence end the next word is rarely capitalised except names,
    # and splitting "U.S. President" is the worse error. The pattern is anchored at the dot and
    # \b sees the real text before the window, so the window gives the same answer.
    return bool(_DOTTED_ACRONYM.search(text, max(line_start, dot - 8), dot + 1))


# _WIDGET and _MORE_TO_FOLLOW in one pattern (both anchored at the line's start: one matches
# there exactly when either does)
_FURNITURE = re.compile(f"(?:{_WIDGET.pattern})|(?:{_MORE_TO_FOLLOW.pattern})", re.IGNORECASE)


def is_boilerplate(line: str, title: str | None = None) -> bool:
    """A line that is page furniture or a headline repeat rather than prose."""
    return _boilerplate(line, _title_test(title) if title else None)


def _boilerplate(line: str, title: _TitleTest | None, links: bool = True) -> bool:
    """`links=False` leaves out the link test (for a sentence of a line already found free of
    links: see _lead_sentences)."""
    s = line.strip()
    if not s:
        return True
    if _FURNITURE.match(s) or _BYLINE.match(s):
        return True
    # the link pattern runs only where one of its marks is (plain `in` tests, no generator)
    if (
        links
        and ("@" in s or "://" in s or "www." in s or "pic.twitter.com" in s)
        and _LINKY.search(s)
    ):
        return True
    return title is not None and title.same(s)


# the ASCII letters and digits, as bytes: counted in a line's ASCII bytes (encode drops the rest,
# none of which is one of them) by deleting them, a table look-up per byte in C
_ASCII_ALNUM = bytes(i for i in range(128) if chr(i).isalnum())
# every byte but the ASCII letters and digits: deleting them leaves a line's ASCII alphanumerics
_NOT_ASCII_ALNUM = bytes(i for i in range(256) if not (i < 128 and chr(i).isalnum()))


class _TitleTest:
    """Whether a line repeats a title: the title's key and its pre-filters, made once per title
    (one title is compared with every paragraph and sentence of its article)."""

    __slots__ = ("ascii_run", "key", "most", "run")

    def __init__(self, title: str) -> None:
        self.key = name_key(title)
        # the title key's characters without its spaces, as UTF-8, and its ASCII ones alone
        self.run = self.key.replace(" ", "").encode()
        self.ascii_run = self.key.replace(" ", "").encode("ascii", "ignore")
        self.most = len(self.key) + 14

    def same(self, line: str) -> bool:
        b = self.key
        # a name key keeps every ASCII letter and digit of its text (accent stripping, lower case
        # and punctuation folding change none of them), so a line with more of them than the
        # title key's length plus 14 can neither equal that key nor be within 15 characters of it
        ascii_bytes = line.encode("ascii", "ignore")
        if len(ascii_bytes) - len(ascii_bytes.translate(None, _ASCII_ALNUM)) > self.most:
            return False
        if len(ascii_bytes) == len(line):
            # an ASCII line's key is its lower-case letters and digits with one space between
            # runs: without the spaces, it is in the title key without its spaces (or holds it)
            # whenever the key is in the title key (or holds it), so a line that fails this
            # cannot match
            run = ascii_bytes.lower().translate(None, _NOT_ASCII_ALNUM)
            t = self.run
        else:
            # any other line's key, cut to its ASCII letters and digits, is its NFKD form's
            # (name_key decomposes, then lower-cases, and no character of a decomposed text has
            # an ASCII letter or digit in its lower case unless it is ASCII): cut to those, a
            # key in the title key (or holding it) is in the title key cut alike (or holds it)
            decomposed = unicodedata.normalize("NFKD", line).encode("ascii", "ignore")
            run = decomposed.lower().translate(None, _NOT_ASCII_ALNUM)
            t = self.ascii_run
        if run not in t and t not in run:
            return False
        a = name_key(line)
        return bool(a) and (
            a == b or (len(a) > 20 and (a in b or b in a) and abs(len(a) - len(b)) < 15)
        )


@lru_cache(maxsize=64)
def _title_test(title: str) -> _TitleTest:
    return _TitleTest(title)


def _same_as_title(line: str, title: str) -> bool:
    return _title_test(title).same(line)


def _is_heading(line: str) -> bool:
    """A short line without sentence punctuation: a subheading, kicker or caption."""
    s = line.strip()
    # the pattern [.!?…:"”’']\s*$ searched in s, read off its last character (s has no blank
    # at its end)
    return len(s.split()) < 12 and not (s and s[-1] in _END_MARKS)


def clean_sentence(sentence: str) -> str:
    """One-line form of a sentence with its dateline and leading connective removed."""
    s = " ".join(sentence.split())
    s = _DATELINE.sub("", s, count=1)
    s = _LEAD_CONNECTIVE.sub("", s, count=1)
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    return s


def lead_sentences(text: str, title: str | None = None) -> list[Sentence]:
    """Prose sentences in order, skipping furniture lines and headings."""
    return list(_lead_sentences(text, title))


@lru_cache(maxsize=4)
def _lead_sentences(text: str, title: str | None) -> tuple[Sentence, ...]:
    # the summary and the events both need the lead of the same article: compute it once
    out: list[Sentence] = []
    tt = _title_test(title) if title else None
    for group in _paragraph_sentences(text):
        if len(group) == 1:  # the sentence is the line
            s = group[0]
            if not (_boilerplate(s.text, tt) or _is_heading(s.text)):
                out.append(s)
            continue
        line = text[group[0].start : group[-1].end]
        if _boilerplate(line, tt):
            continue
        # each sentence without the link test: a line that is not furniture holds no link the
        # pattern finds (a sentence's address is its line's), and a handle at the end
        # (@\w{2,}\)?$) ends no sentence but the line's last (the others end at a break: marks,
        # then closers)
        out.extend(s for s in group if not _boilerplate(s.text, tt, links=False))
    return tuple(out)


def summarise_text(text: str, title: str | None = None, *, max_chars: int = 400) -> str:
    """The lead sentence, plus the next one when both fit in `max_chars`; cleaned, extractive."""
    parts: list[str] = []
    for s in lead_sentences(text, title):
        cleaned = clean_sentence(s.text)
        if len(cleaned.split()) < 4:
            continue
        # a sentence that opens with a quotation is a pull quote or speech, not the news itself
        if cleaned[0] in _OPENERS and _mostly_quoted(cleaned):
            if parts:
                break
            continue
        if not parts:
            parts.append(cleaned)
            if len(cleaned) >= max_chars * 0.6:
                break
            continue
        if len(parts[0]) + 1 + len(cleaned) <= max_chars:
            parts.append(cleaned)
        break
    summary = " ".join(parts)
    if len(summary) > max_chars:
        cut = summary.rfind(" ", 0, max_chars - 1)
        summary = summary[: cut if cut > 0 else max_chars - 1].rstrip(",;:–— ") + "…"
    return summary


def _mostly_quoted(s: str) -> bool:
    closing = max(s.rfind("”"), s.rfind("’"), s.rfind('"'), s.rfind("'"))
    return closing > len(s) * 0.6
