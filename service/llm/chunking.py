"""Split article text into paragraphs, sentences and model-sized chunks, keeping article offsets.

Every range is a half-open (start, end) pair into the *whole* article text, so whatever a model
says about a chunk maps straight back onto the article. Chunks break on paragraph boundaries and
overlap by a paragraph, so a quotation and its attribution in the next paragraph stay together.
"""

from __future__ import annotations

import re

from service.extract.summary import ABBREVIATIONS

Range = tuple[int, int]

# Titles and initials that end in a full stop without ending a sentence: the sentence
# splitter's list, plus short forms that matter when cutting chunks.
_ABBREV = ABBREVIATIONS | {"e.g", "etc", "i.e", "u.k", "u.n", "u.s"}
_SENT_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+")
_PARA = re.compile(r"[^\n]+")


def paragraphs(text: str) -> list[Range]:
    """Non-blank lines (news text puts one paragraph per line), trimmed of surrounding spaces."""
    out: list[Range] = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _ends_sentence(text: str, stop: int, nxt: int) -> bool:
    """Is the punctuation at `stop` a sentence end, given the next sentence would start at `nxt`?"""
    if nxt >= len(text):
        return True
    following = text[nxt]
    if not (following.isupper() or following.isdigit() or following in "\"“‘«(['"):
        return False
    if text[stop] != ".":
        return True
    word_start = stop
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop].lower().lstrip('"“‘«(')
    return not (word in _ABBREV or (len(word) == 1 and word.isalpha()))


def sentences(text: str, within: Range | None = None) -> list[Range]:
    """Sentences of each paragraph (or of `within`), as article ranges."""
    blocks = [within] if within is not None else paragraphs(text)
    out: list[Range] = []
    for ps, pe in blocks:
        start = ps
        for m in _SENT_END.finditer(text, ps, pe):
            if _ends_sentence(text, m.start(), m.end()):
                end = m.end()
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    out.append((start, end))
                start = m.end()
        if start < pe:
            out.append((start, pe))
    return out


def estimate_tokens(text: str) -> int:
    """A cheap, deliberately high token estimate: ~3.5 ASCII characters per token, and one token
    per non-ASCII character (CJK and similar scripts), so chunks never overflow a context."""
    if text.isascii():
        return int(len(text) / 3.5) + 1
    ascii_chars = len(text.encode("ascii", "ignore"))
    return int(ascii_chars / 3.5) + (len(text) - ascii_chars) + 1


def _hard_split(text: str, rng: Range, budget: int) -> list[Range]:
    """Cut a range too long even for sentences at whitespace, `budget` tokens at a time."""
    out: list[Range] = []
    s, e = rng
    while s < e:
        # walk forward in characters until the estimate reaches the budget
        cut = s
        while cut < e and estimate_tokens(text[s:cut]) < budget:
            cut = min(e, cut + 64)
        if cut < e:
            space = text.rfind(" ", s + 1, cut)
            cut = space if space > s else cut
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    return out


def _units(text: str, budget: int) -> list[Range]:
    """Paragraphs, with any paragraph over the budget broken into sentences (then words)."""
    units: list[Range] = []
    for para in paragraphs(text):
        if estimate_tokens(text[para[0] : para[1]]) <= budget:
            units.append(para)
            continue
        for sent in sentences(text, para):
            if estimate_tokens(text[sent[0] : sent[1]]) <= budget:
                units.append(sent)
            else:
                units.extend(_hard_split(text, sent, budget))
    return units


def plan_chunks(text: str, budget_tokens: int, *, overlap: int = 1) -> list[Range]:
    """Group paragraphs into chunks of at most `budget_tokens` (estimated), each chunk starting with
    the last `overlap` paragraphs of the previous one. One chunk when the whole text fits."""
    if budget_tokens < 1:
        raise ValueError("budget_tokens must be positive")
    units = _units(text, budget_tokens)
    if not units:
        return []
    if estimate_tokens(text[units[0][0] : units[-1][1]]) <= budget_tokens:
        return [(units[0][0], units[-1][1])]
    chunks: list[Range] = []
    i = 0
    while i < len(units):
        j = i
        while (
            j + 1 < len(units)
            and estimate_tokens(text[units[i][0] : units[j + 1][1]]) <= budget_tokens
        ):
            j += 1
        chunks.append((units[i][0], units[j][1]))
        if j + 1 >= len(units):
            break
        # step back for the overlap, but always make progress
        i = max(i + 1, j + 1 - overlap)
    return chunks


def split_in_two(text: str, rng: Range) -> list[Range]:
    """Halve a range at the paragraph (else sentence) boundary nearest its middle; [rng] if it
    cannot be split (a single sentence)."""
    s, e = rng
    inner = [p for p in paragraphs(text) if s <= p[0] and p[1] <= e]
    if len(inner) < 2:
        inner = sentences(text, (s, e))
    if len(inner) < 2:
        return [rng]
    middle = (s + e) / 2
    k = min(range(1, len(inner)), key=lambda i: abs(inner[i][0] - middle))
    return [(inner[0][0], inner[k - 1][1]), (inner[k][0], inner[-1][1])]
