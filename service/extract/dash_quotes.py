"""Dialogue dashes: direct speech opened by a dash at the start of a paragraph, as Swedish,
Spanish, Russian and Polish news print it (`– Det är svårt, säger Anna Berg.`,
`—Antes venía más gente —cuenta Rosa.`, `— Мы не уйдём, — сказал Иван.`).

Only for texts not in English (English uses the dash for asides, never to open speech), and only
for paragraphs whose dash speech carries an attribution clause with a speech verb, or that follow
such a paragraph directly (the same speaker's turn going on). Polish and Swedish reports also open
dash speech after a sentence inside a paragraph (`... brakuje lekarzy. – Ogłaszaliśmy konkurs –
powiedział.`): such a dash counts when its speech has an attribution clause. The quoted words run from after the
opening dash to the closing dash (or comma) before the speech verb, or to the paragraph's end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from service.extract import lexicon_intl as intl
from service.extract import verbs_intl, verbs_more_intl, verbs_new_intl

_VERBS = (
    verbs_intl.SPEECH_VERBS
    | verbs_more_intl.SPEECH_VERBS
    | verbs_new_intl.SPEECH_VERBS
    | intl.SPEECH_VERBS
)

# a paragraph that opens with a dash (after optional blanks); Danish and Norwegian web copy often
# types a hyphen and a blank for it ('- Vi har fulgt alle regler, siger han.'), elsewhere a
# hyphen opens a list item
HYPHEN_LANGS = frozenset(("da", "no"))
DASH_PARA_RE = re.compile(r"(?m)^[ \t]*(?:[–—]|-(?=[ \t]))[ \t]*")
# the same after a line break: a pattern opening with a literal character lets the regex engine
# skip ahead to each line break (a multi-line ^ is tried at every character)
_DASH_AFTER_NL_RE = re.compile(r"\n[ \t]*(?:[–—]|-[ \t])")
# the clause that attributes the speech: a closing dash (`, —`, ` —`) or a bare comma, then the
# first word of the clause
_CLAUSE_RE = re.compile(r"(?:,?[ \t]+[–—]|,)[ \t]*([^\W\d_]+)")
# the attribution ends and the same speaker's words resume after a dash
_RESUME_RE = re.compile(r"[.!?…][ \t]+[–—][ \t]*")
_END_TRIM = " \t,–—"
# dash speech opened after a sentence inside a paragraph: the end mark, blanks, the dash
_INLINE_RE = re.compile(r"[.!?…][\"”»]?[ \t]+[–—][ \t]*")


@dataclass(frozen=True, slots=True)
class DashQuote:
    start: int
    end: int
    open_mark: int  # the opening dash
    close_mark: int | None  # the closing dash before the attribution clause, if any


def has_dash_paragraph(text: str) -> bool:
    """Cheap first test: does any paragraph open with a dash? (`DASH_PARA_RE.search`: the
    text's first line, then every line after a line break, the only place a multi-line ^ matches
    inside the text; tests/test_dash_quotes.py compares the two.)"""
    if "—" not in text and "–" not in text and "-" not in text:
        return False
    return DASH_PARA_RE.match(text) is not None or _DASH_AFTER_NL_RE.search(text) is not None


def find_dash_quotes(
    text: str, paras: list[tuple[int, int]], hyphen: bool = False
) -> list[DashQuote]:
    """The dash-led quotations of a non-English text (the caller checks the language). A hyphen
    opens dialogue only with `hyphen` (Danish and Norwegian web copy: HYPHEN_LANGS); elsewhere a
    hyphen-led paragraph is a list item, never speech nor a turn after speech."""
    out: list[DashQuote] = []
    turn = False  # the previous paragraph was attributed dash speech
    for ps, pe in paras:
        m = DASH_PARA_RE.match(text, ps, pe)
        if m is not None and not hyphen and "-" in text[m.start() : m.end()]:
            m = None
        if m is None:
            out += _inline(text, ps, pe)
        if m is None or m.end() >= pe:
            turn = False
            continue
        q = _attributed(text, m.end(), pe)
        if q is not None:
            out.append(DashQuote(m.end(), q[0], _dash_in(text, m.start(), m.end()), q[1]))
            # `— X, — сказал он. — Y.`: the speech goes on after the attribution's full stop
            r = _RESUME_RE.search(text, q[2], pe)
            if r is not None and _trim_end(text, r.end(), pe) > r.end():
                # '– Y, legger rektoren til.': the resumed words may close with their own clause
                q2 = _attributed(text, r.end(), pe)
                out.append(
                    DashQuote(
                        r.end(),
                        q2[0] if q2 else _trim_end(text, r.end(), pe),
                        _dash_in(text, r.start(), r.end()),
                        q2[1] if q2 else None,
                    )
                )
            turn = True
        elif turn:
            end = _trim_end(text, m.end(), pe)
            if end > m.end():
                out.append(DashQuote(m.end(), end, _dash_in(text, m.start(), m.end()), None))
        else:
            turn = False
    return out


def has_inline_dash(text: str) -> bool:
    """Cheap first test for dash speech opened inside a paragraph ('. – ')."""
    return ("–" in text or "—" in text) and _INLINE_RE.search(text) is not None


def _inline(text: str, ps: int, pe: int) -> list[DashQuote]:
    """Dash speech opened after a sentence of the paragraph [ps, pe), each with its attribution
    clause ('... brakuje lekarzy. – Ogłaszaliśmy konkurs – powiedział.')."""
    out: list[DashQuote] = []
    for m in _INLINE_RE.finditer(text, ps, pe):
        q = _attributed(text, m.end(), pe)
        if q is not None and (not out or m.start() >= out[-1].end):
            out.append(DashQuote(m.end(), q[0], _dash_in(text, m.start(), m.end()), q[1]))
    return out


def _attributed(text: str, qs: int, pe: int) -> tuple[int, int | None, int] | None:
    """(end of the quoted words, closing dash or None, end of the clause's verb) where the paragraph's speech has an
    attribution clause whose first word is a speech verb; None otherwise."""
    for c in _CLAUSE_RE.finditer(text, qs, pe):
        clause = text[c.start() : c.start(1)]
        named = ("–" in clause or "—" in clause) and _closing_name(text, c.start(1), pe)
        if c.group(1).lower() not in _VERBS and not _name_then_verb(text, c, pe) and not named:
            continue
        dash = max(clause.rfind("–"), clause.rfind("—"))
        close = c.start() + dash if dash >= 0 else None
        # the quoted words keep their comma, as the marked form does (“X,” said Y)
        end = c.start() + 1 if clause.startswith(",") else _trim_end(text, qs, c.start())
        if end - qs < 2:
            return None
        return end, close, c.end()
    return None


def _name_then_verb(text: str, c: re.Match[str], pe: int) -> bool:
    """The clause names its speaker before the verb, as Finnish does ('..., Virtanen sanoo.',
    '..., Aino Virtanen kertoo.', '..., hän kertoo.'): one or two capitalised words or a subject
    pronoun, then a speech verb."""
    if c.group(1).lower() in intl.PRONOUN_MAP:
        # '..., hän kertoo.': a subject pronoun, then the verb
        nxt = text[c.end() : min(pe, c.end() + 40)].split(None, 1)
        return bool(nxt) and nxt[0].rstrip(".,;:!?").lower() in _VERBS
    if not c.group(1)[0].isupper():
        return False
    words = text[c.end() : min(pe, c.end() + 60)].split(None, 2)
    for k, x in enumerate(words[:2]):
        x = x.rstrip(".,;:!?")
        if x.lower() in _VERBS:
            return True
        if not x[:1].isupper() or k == 1:
            return False
    return False


# a clause of up to six lower-case words and then a name of two or three capitalised words
# closing the sentence ('cieszył się trener gości Dariusz Wronka.')
_CLOSING_NAME_RE = re.compile(
    r"(?:[^\W\d_]*[a-zß-ÿā-ž]\S*[ \t]+){1,6}(?:[A-ZÀ-ÞĀ-Ž][^\s.!?,]*[ \t]+){1,2}"
    r"[A-ZÀ-ÞĀ-Ž][^\s.!?,]*[ \t]*(?:[.!?]|$)"
)


def _closing_name(text: str, s: int, pe: int) -> bool:
    """After a closing dash, an unlisted verb (a lower-case word) and the speaker's full name
    closing the sentence: '– Chłopcy wykonali plan – cieszył się trener gości Dariusz Wronka.'"""
    return text[s : s + 1].islower() and _CLOSING_NAME_RE.match(text, s, pe) is not None


def _dash_in(text: str, a: int, b: int) -> int:
    return max(text.rfind("–", a, b), text.rfind("—", a, b), text.rfind("-", a, b))


def _trim_end(text: str, s: int, e: int) -> int:
    while e > s and text[e - 1] in _END_TRIM and text[e - 1] != ",":
        e -= 1
    while e > s and text[e - 1] in " \t":
        e -= 1
    return e
