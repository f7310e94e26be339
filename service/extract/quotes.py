"""Find quotations in news text: every direct and partial quote, with exact character offsets."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from service.extract import cue_words_intl as cw
from service.extract import cues_ar, dash_quotes, lexicon_new_intl, quote_gate, verbs_new_intl
from service.extract import lexicon_intl as intl
from service.extract.quote_marks import (
    CJK_RE,
    CLOSE,
    EITHER,
    MARK_RE,
    OPEN,
    PARA_RE,
    WEAK,
    WORD_RE,
    RawQuote,
    mark_tokens,
    pair_marks,
    woven_name,
)
from service.extract.word_scan import word_finder

# mark roles, importable from here as before
__all__ = ["CLOSE", "EITHER", "OPEN", "WEAK", "QuoteSpan", "find_quotes", "quoted_regions"]


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
) | (intl.SPEECH_VERBS | intl.ACCORDING)
# (none ends in a sigma: `_cue_starts` lower-cases the whole text at once, which may give a sigma
# closing a token another letter than lower-casing the token alone; one inside a word is σ either
# way)
_CUE_WORDS |= frozenset(
    w
    for w in verbs_new_intl.SPEECH_VERBS | lexicon_new_intl.ACCORDING_AFTER
    if not w.endswith(("σ", "ς"))
)


# In a text not in English, every conjugated speech verb the cue readers know counts as well
# ('laat weten', 'اعتبر ... مؤكداً', 'zapewnia'), as do the words for a spokesperson.
_CUE_WORDS_INTL = _CUE_WORDS | cw.VERBS | cw.SPOKESPERSON | cues_ar.SPEECH_VERBS


_CUE_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


_CUE_FINDER = word_finder(_CUE_WORDS, hyphenated=True)
_CUE_FINDER_INTL = word_finder(_CUE_WORDS_INTL, hyphenated=True)


def _cue_starts(text: str, english: bool = True) -> list[int]:
    """Starts of the text's cue words (its _CUE_WORD_RE tokens whose lower case is one)."""
    lower = text.lower()
    words, finder = (_CUE_WORDS, _CUE_FINDER) if english else (_CUE_WORDS_INTL, _CUE_FINDER_INTL)
    if len(lower) == len(text):
        # the lower-case copy has the text's offsets and tokens, and each token's lower case
        # (no cue word has a sigma, the one letter lowered by its context): one scan, no loop
        return [start for start, _ in finder.finditer(lower)]
    return [m.start() for m in _CUE_WORD_RE.finditer(text) if m.group(0).lower() in words]


class _Cues:
    """Cue-word lookups in one text: window scans for the usual few short quotes, one indexed
    scan of the whole text once many need it (keeps quote-dense texts linear)."""

    __slots__ = ("_calls", "_pos", "_text", "_words", "english", "near")

    def __init__(self, text: str) -> None:
        self._text = text
        self.english = intl.language(text) == "en"
        self._words = _CUE_WORDS if self.english else _CUE_WORDS_INTL
        self._calls = 0
        self._pos: list[int] | None = None
        # `_has_cue` by (opening, closing) mark: asked by the speech rules, then by the gate
        self.near: dict[tuple[int, int], bool] = {}

    def any_in(self, lo: int, hi: int) -> bool:
        if self._pos is None:
            self._calls += 1
            if self._calls <= 8:
                words = _CUE_WORD_RE.findall(self._text, lo, hi)
                return any(w.lower() in self._words for w in words)
            self._pos = _cue_starts(self._text, self.english)
        i = bisect_left(self._pos, lo)
        return i < len(self._pos) and self._pos[i] < hi


# A term introduced as a name is not speech.
_NAME_CUE_RE = re.compile(
    r"(?:known (?:to (?:\w+ ){1,2})?as|dubbed|nicknamed|so-called|so called|titled|entitled|named|codenamed"
    r"|the words?|the term|the phrase|the slogan|hashtag|group|brand)\s*$",
    re.IGNORECASE,
)


# Where nouns are capitalised (German), a one-word quote after an article is a word, not a name.
# A title-case quotation after these names a work ('her new book, "The Garage Myth"'), not speech.
_WORK_RE = re.compile(
    r"\b(?:book|novel|memoir|film|movie|album|song|play|series|documentary|podcast|essay|poem"
    r"|report|titled|entitled|author of)\s*,?$",
    re.IGNORECASE,
)
_OWNED_RE = re.compile(r"(?:\w['’]s|\bon)\s*$")
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
_SENT_BREAK_RE = re.compile(r"[.!?][\"”’'»]?\s+(?=[\"“”'‘«„A-Z\dÀ-ÖØ-ÞĀ-ſ¿¡])|\n")
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


def _has_cue(text: str, r: RawQuote, cues: _Cues) -> bool:
    om = r.open_mark if r.open_mark is not None else r.start
    cm = r.close_mark if r.close_mark is not None else r.end
    got = cues.near.get((om, cm))
    if got is None:
        lo = _sentence_start(text, om, 0)
        hi = _sentence_end(text, cm + 1)
        got = cues.near[om, cm] = cues.any_in(lo, om) or cues.any_in(cm + 1, hi)
    return got


def _is_titlecase(words: list[str]) -> bool:
    caps = 0
    for i, w in enumerate(words):
        if w[0].isupper() or w[0].isdigit():
            caps += 1
        elif i == 0 or w.lower() not in _FUNCTION_WORDS:
            return False
    return caps > 0


_SO_NAME_RE = re.compile(r",?\s*so\s+[^\W\d_]")


def _attributed_after(text: str, r: RawQuote, cues: _Cues) -> bool:
    """“Yes,” he said / „Ja“, sagte er: set off by a comma (or ! ?) with a speech verb right after."""
    cm = r.close_mark
    if cm is None or r.end == r.start:
        return False
    if text[r.end - 1] not in ",!?" and text[cm + 1 : cm + 2] != ",":
        return False
    if _SO_NAME_RE.match(text, cm + 1) and intl.language(text) == "de":
        return True  # »Wir sind bereit«, so Lang
    if not cues.english and _inverted_shape(text, r, cm):
        return True
    return cues.any_in(cm + 1, cm + 40)


_AFTER_WORD_RE = re.compile(r",?[ \t]*[–—]?[ \t]*([^\W\d_][\w-]*)")


def _inverted_shape(text: str, r: RawQuote, cm: int) -> bool:
    """'«Nos sentimos abandonados», resume mientras ...': a quotation opening its sentence, then
    a comma and a lower-case word, is speech with its verb inverted, whatever the verb (outside
    English, where the same shape holds no cue list's verb)."""
    m = _AFTER_WORD_RE.match(text, cm + 1)
    if m is None or not m.group(1)[0].islower() or m.group(1).lower() in intl.FUNCTION_WORDS:
        return False
    om = r.open_mark if r.open_mark is not None else r.start
    lead = text[max(0, om - 80) : om]
    return not lead.strip() or "\n" in lead[len(lead.rstrip()) :] or lead.rstrip()[-1] in ".!?"


def _is_speech(text: str, r: RawQuote, words: list[str], double_style: bool, cues: _Cues) -> bool:
    """False for names, titles, nicknames and scare quotes; True for quotations of speech."""
    if r.grouped:
        return True
    n = len(words)
    om = r.open_mark if r.open_mark is not None else r.start
    if CJK_RE.search(text, r.start, r.end):
        n = max(n, (r.end - r.start) // 2)  # no spaces between words: count characters instead
        if n <= 3:
            from service.extract.cues_cjk import said_before  # its tables load on first use

            if said_before(text, om):
                return True
    before = text[max(0, om - 30) : om].rstrip()
    if n == 0:
        return False
    after_colon = before.endswith(":")
    if n <= 8 and _is_titlecase(words) and _WORK_RE.search(before):
        return False
    if (
        n <= 6
        and _is_titlecase(words)
        and not after_colon
        and not _attributed_after(text, r, cues)
        and not (
            _NOUN_ARTICLE_RE.search(before)
            # 'sprach von einem „Ausverkauf der Heimat“': a speech verb's noun phrase, which
            # German capitalises like a name
            and (n == 1 or not cues.english and cues.any_in(max(0, om - 40), om))
        )
    ):
        return False
    if n > 3:
        return True
    if _NAME_CUE_RE.search(before):
        return False
    if double_style and not r.double and r.depth == 0:
        return False  # a short single-quoted word in a double-quoting paper is the writer's own
    return after_colon or _attributed_after(text, r, cues) or _has_cue(text, r, cues)


def _programme(text: str, r: RawQuote, words: list[str], cues: _Cues) -> bool:
    """'on CNN's "New Day," Issa said', 'an appearance on "Morning Joe,"': a short title-case
    stretch owned by a name, or something appeared on, names a programme or a work even with a
    speech verb after it (such a verb would otherwise keep it as speech, see `_is_speech`)."""
    om = r.open_mark if r.open_mark is not None else r.start
    return (
        len(words) <= 6
        and _OWNED_RE.search(text, max(0, om - 30), om) is not None
        and _is_titlecase(words)
        and _attributed_after(text, r, cues)
    )


def gate_applies(
    text: str, r: RawQuote, words: list[str], hl_end: int = 0, double_style: bool = False
) -> bool:
    """A top-level stretch the learned gate may weigh: not introduced as a name, a term or a work
    ("so-called", "dubbed", "the book"); in the body (after `text[:hl_end]`, the headline) not a
    single-quoted one in a double-quoting paper (the writer's own word) nor a nickname inside a
    name (Kyle "Bullet" Barnes). Title case is no bar: "Miss Piggy" and "Mostly False" are often
    quoted speech, and the gate's features weigh it."""
    if r.depth != 0 or not words:
        return False
    if r.start < hl_end:
        return _named_before(text, r)
    if double_style and not r.double:
        return False
    if _is_titlecase(words) and (_in_name(text, r) or _before_name(text, r)):
        return False  # Kyle "Bullet" Barnes: a nickname inside a name
    return _named_before(text, r)


_CAP_BEFORE_RE = re.compile(r"[A-Z][\w.'’-]*[ \u00a0]$")
_CAP_AFTER_RE = re.compile(r"[ \u00a0][A-Z]")


def _in_name(text: str, r: RawQuote) -> bool:
    if r.open_mark is None or r.close_mark is None:
        return False
    before = text[max(0, r.open_mark - 30) : r.open_mark]
    return bool(_CAP_BEFORE_RE.search(before)) and bool(_CAP_AFTER_RE.match(text, r.close_mark + 1))


def _before_name(text: str, r: RawQuote) -> bool:
    """'директор компании «Северогорская ТЭЦ» Игорь Савельев': outside English, a title-case
    stretch with a capitalised word right after it (no comma) names the body a title belongs to,
    in the marks many languages print such names in."""
    cm = r.close_mark
    if cm is None or not text[cm + 1 : cm + 2].isspace() or intl.language(text) == "en":
        return False
    nxt = text[cm + 1 : cm + 40].lstrip()
    return nxt[:1].isupper()


def _named_before(text: str, r: RawQuote) -> bool:
    """Not introduced as a name or a term ('so-called', 'dubbed', 'the book')."""
    om = r.open_mark if r.open_mark is not None else r.start
    before = text[max(0, om - 30) : om].rstrip()
    return not (_NAME_CUE_RE.search(before) or _WORK_RE.search(before))


def gate_features(
    text: str,
    r: RawQuote,
    words: list[str],
    double_style: bool,
    cues: _Cues,
    hl_end: int = 0,
) -> list[str]:
    """The features `quote_gate` weighs for a stretch the rules set aside."""
    om = r.open_mark if r.open_mark is not None else r.start
    return quote_gate.features(
        text,
        om,
        r.close_mark,
        len(words),
        _is_titlecase(words),
        _has_cue(text, r, cues),
        not r.double,
        double_style,
        om < hl_end,
    )


def _kind(text: str, r: RawQuote, words: list[str]) -> Literal["direct", "partial"]:
    """Direct: a sentence or more in the speaker's words; partial: a fragment in the writer's."""
    i = r.start
    while i < r.end and not text[i].isalnum():
        i += 1
    if i < r.end and CJK_RE.match(text[i]):
        om = r.open_mark if r.open_mark is not None else r.start
        lead_in = text[max(0, om - 2) : om].rstrip()
        sentence = text[r.end - 1] in "。！？.!?" or not lead_in or lead_in[-1] in "：:。"
        return "direct" if sentence or r.grouped else "partial"
    c = text[i] if i < r.end else ""
    # a caseless script (Arabic, Hebrew) cannot show a sentence start by a capital
    if not c or not (c.isupper() or c.isdigit() or c.isalpha() and c.lower() == c.upper()):
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
    paras = [(m.start(), m.end()) for m in PARA_RE.finditer(text) if not m.group(0).isspace()]
    return paras or [(0, len(text))]


_ALNUM_RE = re.compile(r"[^\W_]+")


def headline_end(text: str, paras: list[tuple[int, int]], title: str | None) -> int:
    """End of the headline: the first paragraph when it repeats the article's title (as scraped
    texts do), else 0. Without a title nothing is taken for a headline: a one-sentence lede
    looks the same."""
    if not title or len(paras) < 2 or paras[0][1] - paras[0][0] > 300:
        return 0
    first = _ALNUM_RE.findall(text, paras[0][0], paras[0][1])
    said = _ALNUM_RE.findall(title)
    n = min(len(first), len(said), 8)
    if n < 2 or [w.lower() for w in first[:n]] != [w.lower() for w in said[:n]]:
        return 0
    return paras[0][1]


def find_quotes(text: str, title: str | None = None) -> list[QuoteSpan]:
    """All quotations in `text`, sorted by start: the marked ones, and in a text not in English
    the speech that a paragraph opens with a dialogue dash (service.extract.dash_quotes)."""
    spans = _marked_quotes(text, title)
    if not text or not (dash_quotes.has_dash_paragraph(text) or dash_quotes.has_inline_dash(text)):
        return spans
    lang = intl.language(text)
    return spans if lang == "en" else _with_dash_quotes(text, spans, lang)


def _with_dash_quotes(text: str, spans: list[QuoteSpan], lang: str) -> list[QuoteSpan]:
    """`spans` with the dash-led quotations that overlap none of them, re-sorted (parents
    re-indexed)."""
    found = dash_quotes.find_dash_quotes(text, _paragraphs(text), lang in dash_quotes.HYPHEN_LANGS)
    new = [
        QuoteSpan(
            start=d.start, end=d.end, kind="direct", open_mark=d.open_mark, close_mark=d.close_mark
        )
        for d in found
        if not any(s.start < d.end and d.start < s.end for s in spans)
    ]
    if not new:
        return spans
    tagged = sorted(
        [(s.start, -s.end, 0, i) for i, s in enumerate(spans)]
        + [(s.start, -s.end, 1, i) for i, s in enumerate(new)]
    )
    where = {i: n for n, (_, _, src, i) in enumerate(tagged) if src == 0}
    out: list[QuoteSpan] = []
    for _, _, src, i in tagged:
        if src == 1:
            out.append(new[i])
            continue
        s = spans[i]
        if s.parent is not None:
            s = replace(s, parent=where[s.parent])
        out.append(s)
    return out


def _marked_quotes(text: str, title: str | None) -> list[QuoteSpan]:
    """The quotations between quotation marks, sorted by start.

    One pass over the quote marks: each mark is classed as opener, closer or apostrophe from its
    neighbours, marks are paired on a stack, paragraph ends apply the news convention for
    multi-paragraph quotations, and short quoted names and scare quotes are then set aside.
    `title`, when the text opens with it, marks the headline, whose quoted words are weighed apart
    (every word there is capitalised, so title case does not mark a name).
    """
    if not text or not MARK_RE.search(text):
        return []
    paras = _paragraphs(text)
    raws = pair_marks(text, paras, mark_tokens(text, paras))
    tops = [r for r in raws if r is not None and r.depth == 0 and r.end - r.start > 25]
    long_double = sum(1 for r in tops if r.double)
    cues = _Cues(text)
    # a paper printing long speech in both marks ('‘...’ zegt X', '„...” zei ze'): its short
    # single-quoted words may be speech too, outside English
    double_style = long_double > len(tops) - long_double and (
        cues.english or long_double == len(tops)
    )
    keep: dict[int, list[str]] = {}
    hl = headline_end(text, paras, title)
    for idx, r in enumerate(raws):
        if r is None or r.end <= r.start:
            continue
        words = _words(text, r.start, r.end)
        if r.depth == 0 and _programme(text, r, words, cues):
            continue
        if not cues.english and woven_name(text, r, words):
            continue
        if _is_speech(text, r, words, double_style, cues) or (
            gate_applies(text, r, words, hl, double_style)
            and quote_gate.lets_back(gate_features(text, r, words, double_style, cues, hl))
        ):
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


# The rules weigh a quotation's words only while it has at most 8 (title case, counts up to 8; a
# longer one is speech, and 'direct' from 4 words): a long one's first _HEAD characters are enough
# when they hold more words than that (all but the last complete, whatever the cut).
_MOST_WEIGHED = 8
_HEAD = 100


def _words(text: str, start: int, end: int) -> list[str]:
    """The quotation's words: all of them, or only the first ones of a long quotation when those
    are more than `_MOST_WEIGHED` + 1 (the rules read no further; the count stays above 8)."""
    if end - start > _HEAD:
        words = WORD_RE.findall(text, start, start + _HEAD)
        if len(words) > _MOST_WEIGHED + 1:
            return words
    return WORD_RE.findall(text, start, end)


def _resumes(text: str, prev: QuoteSpan, r: RawQuote, cues: _Cues) -> bool:
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


def marked_regions(spans: Sequence[QuoteSpan]) -> list[tuple[int, int]]:
    """The [start, end) region of each span with its quotation marks included."""
    out = []
    for s in spans:
        a = s.open_mark if s.open_mark is not None else s.start
        b = s.close_mark + 1 if s.close_mark is not None else s.end
        out.append((a, b))
    return out
