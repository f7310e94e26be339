"""Title phrases before a name in the languages of service.extract.cues_intl: where the noun phrase
before a comma starts, and the title it holds ('Le président de la métropole, X', 'The Chancellor,
X'), determiners dropped. Shared by the cue readers (cues, cues_intl) and actor_roles.
"""

from __future__ import annotations

from service.extract import cue_words_intl as cw
from service.extract import lexicon_intl as intl
from service.extract.names import ROLE_NOUNS, Doc, low

_DETS, _VERBS, _STOP_NOT_DETS = cw.DETS, cw.VERBS, cw.STOP_NOT_DETS
_MAX = 12  # tokens back to look for a phrase's start


def span_text(d: Doc, a: int, b: int) -> str:
    """The text of tokens [a, b)."""
    return d.text[d.starts[a] : d.ends[b - 1]]


def first_word(d: Doc, start: int, head: int) -> int:
    """The first token in [start, head) after the determiners."""
    k = start
    while k < head and low(d.words[k]) in _DETS:
        k += 1
    return k


def role_before(d: Doc, k: int, lo: int) -> str | None:
    """The title phrase that ends at the comma at token k and opens its clause ('The Chancellor,',
    'Le président de la métropole,'), determiners dropped; None when there is none."""
    a = phrase_start(d, k, lo)
    w = d.words
    opens = low(w[a]) in _DETS or d.sent_start[a] or a == lo or _possessor(d, a)
    # '..., which Apple's chief executive, Tim Cook, called': a relative clause's subject
    if a >= k or not (opens or a > 0 and low(w[a - 1]) in ("which", "whom", "that")):
        return None
    first = first_word(d, a, k)
    # a title word among the first three, or the phrase's head ('The White House press
    # secretary,')
    if not any(low(x) in ROLE_NOUNS for x in (*w[first : min(k, first + 3)], w[k - 1])):
        return None
    return role_of(d, a, k)


def _possessor(d: Doc, a: int) -> bool:
    """A possessive opens the title phrase at token a: 'its director,', "the party's leader,"."""
    p = d.words[a - 1] if a > 0 else ""
    return low(p) in _POSSESSIVES or p in ("'", "’") or p.endswith(("'s", "’s"))


_POSSESSIVES = frozenset(["its", "his", "her", "their", "our"])


def phrase_start(d: Doc, end: int, lo: int) -> int:
    """First token of the noun phrase ending just before token `end` (a clause boundary back)."""
    w = d.words
    a = end - 1
    while a > lo and end - a < _MAX:
        p = w[a - 1]
        lp = low(p)
        if (
            not p[0].isalnum()
            or lp in _VERBS
            or d.sent_start[a]
            or lp in _STOP_NOT_DETS
            or lp in intl.ACCORDING
        ):
            break
        a -= 1
    return a


def role_of(d: Doc, a: int, b: int) -> str | None:
    """The title phrase in tokens [a, b), determiners dropped; None without a title word."""
    w = d.words
    while a < b and low(w[a]) in _DETS:
        a += 1
    if a >= b or not any(low(x) in ROLE_NOUNS for x in w[a:b]):
        return None
    return span_text(d, a, b)
