"""Quotation marks in news text: the role of each mark (opening, closing, apostrophe) read from
its neighbours, and the marks paired into raw quotations paragraph by paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extract.lexicon_intl import language
from service.extract.outlets_intl import NEWS_AGENCIES
from service.extract.word_scan import matches_at

# --- marks and their context ---------------------------------------------------------------

_DOUBLE = '"“”„‟«»「」『』＂'
_SINGLE = "'‘’‚‛‹›"
_MARKS = _DOUBLE + _SINGLE
MARK_RE = re.compile(f"[{re.escape(_MARKS)}]")
# the marks less the apostrophes inside a word (it's, Trump’s: no role), left out by the scan
# itself rather than looked at one by one ([^\W_] is str.isalnum's class, character for
# character); the pattern opens with the marks' class, so the engine skips to the next mark
_MARK_TOKEN_RE = re.compile(f"[{re.escape(_MARKS)}]" r"(?!(?<=[^\W_]['’])[^\W_])")
_DOUBLE_RE = re.compile(f"[{re.escape(_DOUBLE)}]")
CJK_RE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Left of an opening mark / right of a closing mark we accept these besides space and text edges.
_OPEN_LEFT = set("([{<—–-/:;¿¡")
_CLOSE_RIGHT = set(".,;:!?)]}>—–-…/*")
# Elided words and decades ('90s, rock 'n' roll, 'em) start with an apostrophe that opens nothing.
# (the look-behind follows the mark, which it re-reads, so a scan can skip ahead to the marks)
_ELISION_RE = re.compile(
    r"['‘’](?<![\w'‘’]['‘’])(?:n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|\d\ds?\b)",
    re.IGNORECASE,
)
_TRUNCATION_RE = re.compile(
    r"(?:\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|…|\.\.\.))+\s*$"
)
# Mid-text only a bracketed marker cuts a quotation; a bare "…" may end a paragraph of speech.
_BRACKET_CUT_RE = re.compile(r"\s*[\[(]\s*(?:\.\.\.|…)\s*[\])]\s*$")
PARA_RE = re.compile(r"[^\n]+")
WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

# Roles a mark can play, decided from its neighbours.
OPEN, CLOSE, WEAK, EITHER = 1, 2, 3, 4  # WEAK: "players' union" could be a possessive, not a close


def _edge_chars(text: str, i: int) -> tuple[str, str]:
    """Neighbours of the mark at i, looking through adjacent marks (“‘ or ’”)."""
    j = i - 1
    while j >= 0 and text[j] in _MARKS:
        j -= 1
    k = i + 1
    n = len(text)
    while k < n and text[k] in _MARKS:
        k += 1
    return (text[j] if j >= 0 else ""), (text[k] if k < n else "")


def _role(text: str, i: int, c: str) -> int:
    left, right = _edge_chars(text, i)
    lws = left == "" or left.isspace() or left in _OPEN_LEFT
    rws = right == "" or right.isspace() or right in _CLOSE_RIGHT
    if c in "„‟‛「『":
        return OPEN
    if c in "」』":
        return CLOSE
    if c == "‚":  # low single: a German opener, or a mistyped comma before a space
        return 0 if rws else OPEN
    if c in "“«‹":  # usually openers; closers in German „…“ and reversed »…« styles
        # after an elided article or preposition ("parle d'« une taxe »", "dell'«Europa»")
        elided = i > 0 and text[i - 1] in "'’"
        return CLOSE if (not lws and rws and not elided) else OPEN
    if c in "»›":
        return OPEN if (lws and not rws) else CLOSE
    if c == "”":  # usually a closer; an opener when typed the wrong way round
        return OPEN if (lws and not rws) else CLOSE
    if c in '"＂':
        if lws and not rws:
            return OPEN
        if rws and not lws:
            return CLOSE
        if "\u05d0" <= left <= "\u05ea" and "\u05d0" <= right <= "\u05ea":
            return 0  # a Hebrew acronym's gershayim typed as a straight mark ('יו"ר', 'מנכ"ל')
        return EITHER
    if c == "‘":
        if not lws and rws:
            return CLOSE
        if not lws:  # letter‘letter: a transliterated ayn, not a mark
            return 0
        return OPEN if not rws else 0
    # ' and ’: apostrophes unless the neighbours say otherwise
    if lws and not rws:
        return OPEN
    if rws and not lws:
        if left.isalnum() and right in " \u00a0" and i + 2 < len(text) and text[i + 2].isalnum():
            return WEAK
        return CLOSE
    return 0


@dataclass(slots=True)
class MarkToken:
    """One quotation mark: where it is, double or single, its role, its paragraph."""

    pos: int
    double: bool
    role: int
    para: int
    width: int = 1  # 2 for a doubled apostrophe ('') standing for a double mark


@dataclass(slots=True)
class RawQuote:
    """A paired quotation before it is judged speech or scare quote."""

    start: int
    end: int
    open_mark: int | None
    close_mark: int | None
    double: bool
    depth: int
    parent: int | None  # raw id of the enclosing quotation
    continues: bool = False
    crosses: bool = False
    grouped: bool = False  # part of a multi-paragraph quotation: never a scare quote


@dataclass(slots=True)
class _Open:
    rid: int
    mark: int
    double: bool
    continues: bool
    crosses: bool = False
    width: int = 1


def mark_tokens(text: str, paras: list[tuple[int, int]]) -> list[MarkToken]:
    """Every mark that can open or close a quotation, with its role (elisions skipped)."""
    skip: set[int] = set()
    if "'" in text or "’" in text or "‘" in text:
        for m in matches_at(_ELISION_RE, text, "'‘’"):
            skip.add(m.start())
            if m.group(0)[-1] in "'’":
                skip.add(m.end() - 1)
    out: list[MarkToken] = []
    p = 0
    np = len(paras)
    for m in matches_at(_MARK_TOKEN_RE, text, _MARKS):
        i = m.start()
        if i in skip:
            continue
        c = m.group(0)
        width = 1
        if c == "'" and text[i + 1 : i + 2] == "'" and text[i - 1 : i] != "'":
            # ''...'': some papers (the NYT among them) type two apostrophes for a double mark
            c, width = '"', 2
            skip.add(i + 1)
        role = _role(text, i, c)
        if not role:
            continue
        while p < np - 1 and i >= paras[p][1]:
            p += 1
        out.append(MarkToken(i, c in _DOUBLE, role, p, width))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _trim_truncation(
    text: str, start: int, end: int, pattern: re.Pattern[str] = _TRUNCATION_RE
) -> tuple[int, int, bool]:
    m = pattern.search(text, start, end)
    if m and m.start() > start:
        s, e = _trim(text, start, m.start())
        return s, e, True
    return start, end, False


def pair_marks(
    text: str, paras: list[tuple[int, int]], toks: list[MarkToken]
) -> list[RawQuote | None]:
    """Match marks into quotations with a stack, paragraph by paragraph.

    The result is indexed by opening-mark id; None where an opener was dropped as stray.
    """
    raws: list[RawQuote | None] = []
    stack: list[_Open] = []
    pending = False  # the last quotation ran to a paragraph end without closing
    pending_end = -1
    pending_double = True
    para_first = [len(toks)] * len(paras)  # index of the first token in each paragraph
    for ti in range(len(toks) - 1, -1, -1):
        para_first[toks[ti].para] = ti
    for p in range(len(paras) - 2, -1, -1):
        para_first[p] = min(para_first[p], para_first[p + 1])
    ntok = len(toks)
    ti = 0
    lead = [len(text) - len(text[a:b].lstrip()) - (len(text) - b) for a, b in paras]

    def opens_para(q: int, double: bool) -> bool:
        """Paragraph q starts with a mark of this family (the continuation convention)."""
        if q >= len(paras):
            return False
        f = para_first[q]
        return f < ntok and toks[f].pos == lead[q] and toks[f].double == double

    def emit(o: _Open, end: int, close: int | None, depth: int, parent: int | None) -> None:
        s, e = _trim(text, o.mark + o.width, end)
        r = RawQuote(s, e, o.mark, close, o.double, depth, parent, o.continues, o.crosses)
        r.grouped = o.continues or o.crosses
        while len(raws) <= o.rid:
            raws.append(None)
        raws[o.rid] = r

    rid = 0
    for p, (pstart, pend) in enumerate(paras):
        first_nonspace = lead[p]
        while ti < ntok and toks[ti].para == p:
            t = toks[ti]
            role = t.role
            if pending and not stack and t.pos == first_nonspace and t.double == pending_double:
                role = OPEN  # French continuation paragraphs may open with » as well as «
            if role in (CLOSE, WEAK, EITHER):
                k = len(stack) - 1
                while k >= 0 and stack[k].double != t.double:
                    k -= 1
                if k < 0:
                    if role == EITHER and not stack:
                        role = OPEN
                    else:
                        ti += 1
                        continue
                elif role == WEAK:
                    nxt = ti + 1
                    while nxt < ntok and toks[nxt].para == p and toks[nxt].double != t.double:
                        nxt += 1
                    if nxt < ntok and toks[nxt].para == p and toks[nxt].role != OPEN:
                        ti += 1  # a possessive: the real close comes later
                        continue
                    o = stack[k]
                    if (
                        k == 0
                        and text[t.pos + 2].islower()
                        and opens_para(p + 1, t.double)
                        and _opens_sentence(text, o.mark, lead[p])
                    ):
                        ti += 1  # "players' union" in a quote that runs on to the next paragraph
                        continue
                if role != OPEN:
                    del stack[k + 1 :]
                    o = stack.pop()
                    emit(
                        o, t.pos, t.pos + t.width - 1, len(stack), stack[-1].rid if stack else None
                    )
                    ti += 1
                    continue
            # an opening mark; one of the same family as the open quote nests (“he said “no” to me”)
            # and, if the outer one was a stray mark, the paragraph end sets that one aside
            cont = False
            if not stack:
                cont = pending and t.pos == first_nonspace and t.pos - pending_end < 400
                pending = False
            stack.append(_Open(rid, t.pos, t.double, cont, width=t.width))
            rid += 1
            ti += 1
        if not stack:
            continue
        # paragraph ends with quotations open: nested ones die here, the outer one may go on
        top = stack[0]
        del stack[:]
        last = p == len(paras) - 1
        cut = _TRUNCATION_RE if last else _BRACKET_CUT_RE
        s, e, truncated = _trim_truncation(text, top.mark + top.width, pend, cut)
        if truncated or last:
            # cut off: by a "[...]" marker, or by the end of the text when it reads like speech
            # (an unclosed single mark at the end is more often an apostrophe than a quotation)
            speechlike = (
                top.double
                and len(WORD_RE.findall(text, s, e)) >= 4
                and not _DOUBLE_RE.search(text, s, e)  # a closed quote inside: this one is stray
            )
            if (
                truncated
                or top.crosses
                or speechlike
                or _looks_direct(text, top.mark, s, e, pstart)
            ):
                _emit_unclosed(raws, top, s, e)
            pending = False
            continue
        nt = para_first[p + 1]
        opens_next = opens_para(p + 1, top.double)
        if not opens_next:
            # the first mark of this family further on decides: a close means the quote runs on
            j = nt
            limit = pend + 3000
            while j < ntok and toks[j].double != top.double and toks[j].pos < limit:
                j += 1
            if (
                j < ntok
                and toks[j].pos < limit
                and toks[j].role in (CLOSE, EITHER)
                and not _starts_para_open(toks[j], paras, text)
            ):
                top.crosses = True
                stack.append(top)  # still open when the next paragraph is read
                continue
        s, e = _trim(text, top.mark + top.width, pend)
        if opens_next or _looks_direct(text, top.mark, s, e, pstart):
            _emit_unclosed(raws, top, s, e).grouped = True
            pending = True
            pending_end = pend
            pending_double = top.double
    return raws


def _starts_para_open(t: MarkToken, paras: list[tuple[int, int]], text: str) -> bool:
    ps = paras[t.para][0]
    return t.role == EITHER and not text[ps : t.pos].strip()


def _emit_unclosed(raws: list[RawQuote | None], o: _Open, s: int, e: int) -> RawQuote:
    while len(raws) <= o.rid:
        raws.append(None)
    r = RawQuote(s, e, o.mark, None, o.double, 0, None, o.continues, o.crosses)
    r.grouped = o.continues or o.crosses
    raws[o.rid] = r
    return r


_SENT_END_BEFORE = re.compile(r"(?:[.!?:]|^)\s*$")


def _opens_sentence(text: str, mark: int, pstart: int) -> bool:
    before = text[max(pstart, mark - 3) : mark]
    return mark <= pstart or not before.strip() or bool(_SENT_END_BEFORE.search(before))


def _looks_direct(text: str, mark: int, s: int, e: int, pstart: int) -> bool:
    """An unclosed quote is kept when it reads like a run of speech to the paragraph end."""
    if e - s < 15 or len(WORD_RE.findall(text, s, e)) < 4:
        return False
    return _opens_sentence(text, mark, pstart)


def woven_name(text: str, r: RawQuote, words: list[str]) -> bool:
    """'saimniecības „Kalnieši” īpašnieks Jānis Ozoliņš', 'prezes spółki „Agro-Pol” Jan Nowak':
    outside English, a name of up to three capitalised words set in quotation marks inside a noun
    phrase, a lower-case word right before the opening mark and right after the closing one (no
    comma, no end mark): the name of a firm, a farm or a club, not speech."""
    if r.open_mark is None or r.close_mark is None or not 1 <= len(words) <= 3:
        return False
    if len(words) == 1 and words[0].strip(".,") in NEWS_AGENCIES:
        return True  # 'сообщила «Интерфаксу»': the agency told, not its words
    if not all(w[0].isupper() for w in words) or language(text) == "de":
        return False  # German capitalises every noun: 'sei das „Chaos“ gewesen' is a word quoted
    before = text[max(0, r.open_mark - 30) : r.open_mark].split()
    after = text[r.close_mark + 1 : r.close_mark + 30]
    return (
        text[r.open_mark - 1 : r.open_mark] in (" ", "\u00a0")
        and bool(before)
        and before[-1].isalpha()
        and before[-1].islower()
        and after[:1] in (" ", "\u00a0")
        and bool(after.split())
        and after.split()[0].isalpha()
        and after.split()[0].islower()
    )
