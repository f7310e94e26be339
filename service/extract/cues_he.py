"""Speech cues in Hebrew, which writes no capitals: after a quotation the verb comes first and the
speaker closes the clause ('"...", אמר ראש המועצה אבי כהן.'); before one, 'לדברי X,' (according
to X) or 'X אמר:'. The name is taken as the clause's last two words, which leaves a title before
it ('ראש המועצה') out; a verb with nothing after it is a dropped subject the last speaker fills.

Used by service.extract.cues_new_intl for text that service.extract.lexicon_intl.language() judges
Hebrew.
"""

from __future__ import annotations

from service.extract.names import Doc
from service.extract.noun_phrases import Cue


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Past and present speech verbs, masculine and feminine.
VERBS = _w(
    """
    אמר אמרה הוסיף הוסיפה ציין ציינה הסביר הסבירה טען טענה מסר מסרה הדגיש הדגישה השיב השיבה
    הבהיר הבהירה כתב כתבה סיפר סיפרה אומר אומרת מוסיף מוסיפה מסביר מסבירה הזהיר הזהירה
    """
)
ACCORDING = _w("לדברי לטענת לדעת לפי")
_CLAUSE_END = frozenset((".", ",", ";", ":", "!", "?"))


def _name_ending(d: Doc, a: int, b: int, rule: str) -> Cue | None:
    """The last two words of tokens [a, b) as a name."""
    if b - a < 2 or not all(x.isalpha() for x in d.words[b - 2 : b]):
        return None
    name = d.text[d.starts[b - 2] : d.ends[b - 1]]
    return Cue("name", name, d.starts[b - 2], d.ends[b - 1], name=name, rule=rule)


def after_quote(d: Doc, i: int, hi: int) -> Cue | None:
    """'"...", אמר ראש המועצה אבי כהן.' and '"...", הוסיפה.'"""
    w = d.words
    while i < hi and w[i] in (",", "—", "–", "-"):
        i += 1
    if i >= hi or w[i] not in VERBS:
        return None
    e = i + 1
    while e < hi and w[e] not in _CLAUSE_END:
        e += 1
    if e == i + 1:
        return Cue("implicit", w[i], d.starts[i], d.ends[i], rule="cue-after")
    return _name_ending(d, i + 1, e, "cue-after")


def before_quote(d: Doc, lo: int, hi: int) -> Cue | None:
    """'לדברי התושבת מיכל לוי, "..."' and 'ראש המועצה אבי כהן אמר: "..."'."""
    w = d.words
    for v in range(hi - 1, lo - 1, -1):
        if w[v] in ACCORDING:
            e = v + 1
            while e < hi and w[e] not in _CLAUSE_END:
                e += 1
            return _name_ending(d, v + 1, e, "according-to")
        if w[v] in VERBS and v > lo:
            return _name_ending(d, lo, v, "cue-before")
    return None
