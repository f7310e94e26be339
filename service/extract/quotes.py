"""Find quotations in news text: every direct and partial quote, with exact character offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One quotation found in the text.

    `start`/`end` bound the quoted words only (marks excluded, `end` exclusive), so
    `text[start:end]` is what a reader would copy. `open_mark`/`close_mark` are the offsets of the
    marks themselves, None where the text has none (a paragraph continued without a closing mark,
    or a quote cut off at the end of the text). A continuation paragraph's opening mark, where the
    text has one, is recorded like any other.
    `crosses_paragraphs` is True only for a quotation that runs on through a paragraph break
    because the next paragraph opened without a mark; every other span stays inside a paragraph.
    """

    start: int
    end: int
    kind: Literal["direct", "partial"]
    open_mark: int | None = None
    close_mark: int | None = None
    depth: int = 0  # 0 = top level, 1 = a quotation nested inside another
    parent: int | None = None  # index (in the returned list) of the enclosing quotation
    continues: bool = False  # True when this paragraph continues the previous span's quotation
    crosses_paragraphs: bool = False


# --- marks and their context ---------------------------------------------------------------

_DOUBLE = '"“”„‟«»「」『』＂'
_SINGLE = "'‘’‚‛‹›"
_MARKS = _DOUBLE + _SINGLE
_MARK_RE = re.compile(f"[{re.escape(_MARKS)}]")
_DOUBLE_RE = re.compile(f"[{re.escape(_DOUBLE)}]")
_CJK_RE = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# Left of an opening mark / right of a closing mark we accept these besides space and text edges.
_OPEN_LEFT = set("([{<—–-/:;¿¡")
_CLOSE_RIGHT = set(".,;:!?)]}>—–-…/*")
# Elided words and decades ('90s, rock 'n' roll, 'em) start with an apostrophe that opens nothing.
_ELISION_RE = re.compile(
    r"(?<![\w'‘’])['‘’](?:n['’]|em\b|til\b|tis\b|twas\b|cause\b|bout\b|\d\ds?\b)", re.IGNORECASE
)
_TRUNCATION_RE = re.compile(
    r"(?:\s*(?:\[\s*(?:\.\.\.|…)\s*\]|\(\s*(?:\.\.\.|…)\s*\)|…|\.\.\.))+\s*$"
)
# Mid-text only a bracketed marker cuts a quotation; a bare "…" may end a paragraph of speech.
_BRACKET_CUT_RE = re.compile(r"\s*[\[(]\s*(?:\.\.\.|…)\s*[\])]\s*$")
_PARA_RE = re.compile(r"[^\n]+")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

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
        return CLOSE if (not lws and rws) else OPEN
    if c in "»›":
        return OPEN if (lws and not rws) else CLOSE
    if c == "”":  # usually a closer; an opener when typed the wrong way round
        return OPEN if (lws and not rws) else CLOSE
    if c in '"＂':
        if lws and not rws:
            return OPEN
        if rws and not lws:
            return CLOSE
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
class _Tok:
    pos: int
    double: bool
    role: int
    para: int


@dataclass(slots=True)
class _Raw:
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


def _tokens(text: str, paras: list[tuple[int, int]]) -> list[_Tok]:
    skip: set[int] = set()
    if "'" in text or "’" in text or "‘" in text:
        for m in _ELISION_RE.finditer(text):
            skip.add(m.start())
            if m.group(0)[-1] in "'’":
                skip.add(m.end() - 1)
    out: list[_Tok] = []
    p = 0
    np = len(paras)
    for m in _MARK_RE.finditer(text):
        i = m.start()
        if i in skip:
            continue
        c = m.group(0)
        role = _role(text, i, c)
        if not role:
            continue
        while p < np - 1 and i >= paras[p][1]:
            p += 1
        out.append(_Tok(i, c in _DOUBLE, role, p))
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


def _pair(text: str, paras: list[tuple[int, int]], toks: list[_Tok]) -> list[_Raw | None]:
    """Match marks into quotations with a stack, paragraph by paragraph.

    The result is indexed by opening-mark id; None where an opener was dropped as stray.
    """
    raws: list[_Raw | None] = []
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
        s, e = _trim(text, o.mark + 1, end)
        r = _Raw(s, e, o.mark, close, o.double, depth, parent, o.continues, o.crosses)
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
                    emit(o, t.pos, t.pos, len(stack), stack[-1].rid if stack else None)
                    ti += 1
                    continue
            # an opening mark; one of the same family as the open quote nests (“he said “no” to me”)
            # and, if the outer one was a stray mark, the paragraph end sets that one aside
            cont = False
            if not stack:
                cont = pending and t.pos == first_nonspace and t.pos - pending_end < 400
                pending = False
            stack.append(_Open(rid, t.pos, t.double, cont))
            rid += 1
            ti += 1
        if not stack:
            continue
        # paragraph ends with quotations open: nested ones die here, the outer one may go on
        top = stack[0]
        del stack[:]
        last = p == len(paras) - 1
        cut = _TRUNCATION_RE if last else _BRACKET_CUT_RE
        s, e, truncated = _trim_truncation(text, top.mark + 1, pend, cut)
        if truncated or last:
            # cut off: by a "[...]" marker, or by the end of the text when it reads like speech
            # (an unclosed single mark at the end is more often an apostrophe than a quotation)
            speechlike = (
                top.double
                and len(_WORD_RE.findall(text, s, e)) >= 4
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
        s, e = _trim(text, top.mark + 1, pend)
        if opens_next or _looks_direct(text, top.mark, s, e, pstart):
            _emit_unclosed(raws, top, s, e).grouped = True
            pending = True
            pending_end = pend
            pending_double = top.double
    return raws


def _starts_para_open(t: _Tok, paras: list[tuple[int, int]], text: str) -> bool:
    ps = paras[t.para][0]
    return t.role == EITHER and not text[ps : t.pos].strip()


def _emit_unclosed(raws: list[_Raw | None], o: _Open, s: int, e: int) -> _Raw:
    while len(raws) <= o.rid:
        raws.append(None)
    r = _Raw(s, e, o.mark, None, o.double, 0, None, o.continues, o.crosses)
    r.grouped = o.continues or o.crosses
    raws[o.rid] = r
    return r


_SENT_END_BEFORE = re.compile(r"(?:[.!?:]|^)\s*$")


def _opens_sentence(text: str, mark: int, pstart: int) -> bool:
    before = text[max(pstart, mark - 3) : mark]
    return mark <= pstart or not before.strip() or bool(_SENT_END_BEFORE.search(before))


def _looks_direct(text: str, mark: int, s: int, e: int, pstart: int) -> bool:
    """An unclosed quote is kept when it reads like a run of speech to the paragraph end."""
    if e - s < 15 or len(_WORD_RE.findall(text, s, e)) < 4:
        return False
    return _opens_sentence(text, mark, pstart)


# --- scare quotes, names and kinds ------------------------------------------------------------


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Speech and attribution words; a short quotation needs one in its sentence to count as speech.
_CUE_WORDS = _wordset(
    """
    said say says saying told tell tells telling added adds adding stated stating statement wrote
    writes writing noted noting insisted insists claimed argued argues explained explains announced
    announces declared declares described describes describing warned warns warning called calls
    calling urged urges vowed vows promised promises admitted admits acknowledged acknowledges asked
    asks replied replies responded responds according quoted quoting tweeted posted branded
    labelled labeled termed attributed cited citing remarked commented emphasised emphasized
    stressed accused denied denies confirmed confirms reported reportedly believe believes believed
    think thinks thought suggested suggests predicted criticised criticized praised referred
    referring hailed slammed condemned recalled spokesman spokeswoman spokesperson
    dit déclaré affirmé estimé estime selon ajouté expliqué souligné a-t-il a-t-elle promis assuré
    indiqué averti précisé rappelé répondu martelé insisté
    sagte sagt sagten erklärte erklärt betonte laut meinte fügte warnte sprach nannte bezeichnete
    kritisierte dijo afirmó señaló según aseguró explicó declaró añadió advirtió indicó
    disse afirmou segundo detto dichiarato secondo aggiunto
    powiedział powiedziała dodał dodała stwierdził według zei zegt aldus volgens
    """
)


_CUE_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


class _Cues:
    """Cue-word lookups in one text: window scans for the usual few short quotes, one indexed
    scan of the whole text once many need it (keeps quote-dense texts linear)."""

    __slots__ = ("_calls", "_pos", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._calls = 0
        self._pos: list[int] | None = None

    def any_in(self, lo: int, hi: int) -> bool:
        if self._pos is None:
            self._calls += 1
            if self._calls <= 8:
                words = _CUE_WORD_RE.findall(self._text, lo, hi)
                return any(w.lower() in _CUE_WORDS for w in words)
            self._pos = [
                m.start()
                for m in _CUE_WORD_RE.finditer(self._text)
                if m.group(0).lower() in _CUE_WORDS
            ]
        i = bisect_left(self._pos, lo)
        return i < len(self._pos) and self._pos[i] < hi


# A term introduced as a name is not speech.
_NAME_CUE_RE = re.compile(
    r"(?:known as|dubbed|nicknamed|so-called|so called|titled|entitled|named|codenamed"
    r"|the words?|the term|the phrase|the slogan|hashtag|group|brand)\s*$",
    re.IGNORECASE,
)


# Where nouns are capitalised (German), a one-word quote after an article is a word, not a name.
_NOUN_ARTICLE_RE = re.compile(r"\b(?:eine[mnrs]?|ein|vom|zum|zur|als|von)$")
_FUNCTION_WORDS = _wordset(
    "of the and a an in on for to at by with from de la le les du des von der die das den "
    "el al y et und e i o"
)
# A capitalised quote right after one of these is woven into the sentence, not a sentence itself.
_WOVEN_BEFORE = _wordset(
    "a an the of to as for his her their its our my your was is be are were been being this "
    "that's what by with in on at from into than very most more"
)
_ABBREV = _wordset(
    "mr mrs ms dr st jr sr gen col lt sgt maj capt prof gov sen rep no vs jan feb "
    "mar apr jun jul aug sep sept oct nov dec inc ltd co corp adm"
)
_SENT_BREAK_RE = re.compile(r"[.!?][\"”’'»]?\s+(?=[\"“”'‘«„A-Z\d])|\n")
_PRE_WORD_RE = re.compile(r"([^\W\d_]+)\W*$")


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding pos, not fooled by "U.S." or "Gen."; at most ~300 chars back."""
    lo = max(floor, pos - 300)
    best = lo
    for m in _SENT_BREAK_RE.finditer(text, lo, pos):
        if m.group(0) == "\n":
            best = m.end()
            continue
        w = _PRE_WORD_RE.search(text, max(lo, m.start() - 12), m.start() + 1)
        word = w.group(1) if w else ""
        if len(word) == 1 and word.isupper() or word.lower() in _ABBREV:
            continue
        best = m.end()
    return best


def _sentence_end(text: str, pos: int) -> int:
    m = _SENT_BREAK_RE.search(text, pos, min(len(text), pos + 160))
    return m.start() if m else min(len(text), pos + 160)


def _has_cue(text: str, r: _Raw, cues: _Cues) -> bool:
    om = r.open_mark if r.open_mark is not None else r.start
    cm = r.close_mark if r.close_mark is not None else r.end
    lo = _sentence_start(text, om, 0)
    hi = _sentence_end(text, cm + 1)
    return cues.any_in(lo, om) or cues.any_in(cm + 1, hi)


def _is_titlecase(words: list[str]) -> bool:
    caps = 0
    for i, w in enumerate(words):
        if w[0].isupper() or w[0].isdigit():
            caps += 1
        elif i == 0 or w.lower() not in _FUNCTION_WORDS:
            return False
    return caps > 0


def _attributed_after(text: str, r: _Raw, cues: _Cues) -> bool:
    """“Yes,” he said / „Ja“, sagte er: set off by a comma (or ! ?) with a speech verb right after."""
    cm = r.close_mark
    if cm is None or r.end == r.start:
        return False
    if text[r.end - 1] not in ",!?" and text[cm + 1 : cm + 2] != ",":
        return False
    return cues.any_in(cm + 1, cm + 40)


def _is_speech(text: str, r: _Raw, words: list[str], double_style: bool, cues: _Cues) -> bool:
    """False for names, titles, nicknames and scare quotes; True for quotations of speech."""
    if r.grouped:
        return True
    n = len(words)
    if _CJK_RE.search(text, r.start, r.end):
        n = max(n, (r.end - r.start) // 2)  # no spaces between words: count characters instead
    om = r.open_mark if r.open_mark is not None else r.start
    before = text[max(0, om - 30) : om].rstrip()
    if n == 0:
        return False
    after_colon = before.endswith(":")
    if (
        n <= 6
        and _is_titlecase(words)
        and not after_colon
        and not _attributed_after(text, r, cues)
        and not (n == 1 and _NOUN_ARTICLE_RE.search(before))
    ):
        return False
    if n > 3:
        return True
    if _NAME_CUE_RE.search(before):
        return False
    if double_style and not r.double and r.depth == 0:
        return False  # a short single-quoted word in a double-quoting paper is the writer's own
    return after_colon or _attributed_after(text, r, cues) or _has_cue(text, r, cues)


def _kind(text: str, r: _Raw, words: list[str]) -> Literal["direct", "partial"]:
    """Direct: a sentence or more in the speaker's words; partial: a fragment in the writer's."""
    i = r.start
    while i < r.end and not text[i].isalnum():
        i += 1
    if i < r.end and _CJK_RE.match(text[i]):
        om = r.open_mark if r.open_mark is not None else r.start
        lead_in = text[max(0, om - 2) : om].rstrip()
        sentence = text[r.end - 1] in "。！？.!?" or not lead_in or lead_in[-1] in "：:。"
        return "direct" if sentence or r.grouped else "partial"
    if i == r.end or not (text[i].isupper() or text[i].isdigit()):
        return "partial"
    if r.grouped:
        return "direct"
    om = r.open_mark if r.open_mark is not None else r.start
    w = _PRE_WORD_RE.search(text, max(0, om - 20), om)
    if w and not text[w.end(1) : om].strip() and w.group(1).lower() in _WOVEN_BEFORE:
        return "partial"
    if len(words) >= 4 or text[r.end - 1] in ".!?,…":
        return "direct"
    # short: direct when set off as a sentence of its own ("Never," he said / he said: "Never")
    before = text[max(0, om - 3) : om].rstrip()
    if not before or before[-1] in ":.!?\n":
        return "direct"
    cm = r.close_mark
    if cm is not None and text[cm + 1 : cm + 2] in (",", "!", "?"):
        return "direct"
    return "partial"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    paras = [(m.start(), m.end()) for m in _PARA_RE.finditer(text) if not m.group(0).isspace()]
    return paras or [(0, len(text))]


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quotations in `text`, sorted by start.

    One pass over the quote marks: each mark is classed as opener, closer or apostrophe from its
    neighbours, marks are paired on a stack, paragraph ends apply the news convention for
    multi-paragraph quotations, and short quoted names and scare quotes are then set aside.
    """
    if not text or not _MARK_RE.search(text):
        return []
    paras = _paragraphs(text)
    raws = _pair(text, paras, _tokens(text, paras))
    tops = [r for r in raws if r is not None and r.depth == 0 and r.end - r.start > 25]
    long_double = sum(1 for r in tops if r.double)
    double_style = long_double > len(tops) - long_double
    keep: dict[int, list[str]] = {}
    cues = _Cues(text)
    for idx, r in enumerate(raws):
        if r is None or r.end <= r.start:
            continue
        words = _WORD_RE.findall(text, r.start, r.end)
        if _is_speech(text, r, words, double_style, cues):
            keep[idx] = words
    order = sorted(keep, key=lambda i: (raws[i].start, -raws[i].end))  # type: ignore[union-attr]
    index_of = {rid: n for n, rid in enumerate(order)}
    out: list[QuoteSpan] = []
    prev: QuoteSpan | None = None  # the previous top-level quotation
    for rid in order:
        r = raws[rid]
        assert r is not None
        parent = None
        depth = 0
        # a quotation whose enclosing one was set aside (a name, a stray mark) is top level
        if r.parent is not None and r.parent in index_of:
            parent, depth = index_of[r.parent], r.depth
        kind = _kind(text, r, keep[rid])
        if kind == "partial" and depth == 0 and prev is not None and _resumes(text, prev, r, cues):
            kind = "direct"
        out.append(
            QuoteSpan(
                start=r.start,
                end=r.end,
                kind=kind,
                open_mark=r.open_mark,
                close_mark=r.close_mark,
                depth=depth,
                parent=parent,
                continues=r.continues,
                crosses_paragraphs=r.crosses,
            )
        )
        if depth == 0:
            prev = out[-1]
    return out


def _resumes(text: str, prev: QuoteSpan, r: _Raw, cues: _Cues) -> bool:
    """“We will,” he said, “win the league.”: the second part finishes a direct quotation."""
    if prev.kind != "direct" or prev.close_mark is None or r.open_mark is None:
        return False
    gap = text[prev.close_mark + 1 : r.open_mark]
    if not 0 < len(gap) < 80 or any(c in gap for c in ".!?\n") or not gap.rstrip().endswith(","):
        return False
    return text[prev.end - 1] not in ".!?" and cues.any_in(prev.close_mark + 1, r.open_mark)


def quoted_regions(spans: list[QuoteSpan]) -> list[tuple[int, int]]:
    """The [start, end) regions inside quotation marks, for service.ground.inside()."""
    return [(s.start, s.end) for s in spans]
