"""Unnamed speakers opening a sentence with 'A(n) <noun>', as regional and Commonwealth papers
write their witnesses and sources: 'A spokesman for the ferry operator said: ...', 'A source close
to the couple said: ...', and the pronoun after one: 'A nurse at one of the clinics, who asked not
to be named, said staff had used torches. "...," she said' (the nurse, not the person quoted in
the paragraph before). The shape, an indefinite subject of a speech verb, is read from the text.
Also the source of a document that speaks ('the statement read'): whoever issued it earlier.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from schemas import Actor, ActorType
from service.extract.gender_evidence import ROLE_COMPOUNDS, noun_gender
from service.extract.names import DOCUMENT_NOUNS, ORG_WORDS, ROLE_NOUNS, Doc, _words, low
from service.extract.noun_phrases import LEARNED_HEADS, Cue

if TYPE_CHECKING:  # cues imports this module, and speaker_index imports cues
    from service.extract.speaker_index import ActorIndex

_OPENERS = frozenset(("a", "an"))
# words ending the noun phrase after 'A(n)': a preposition or relative pronoun, never its noun
_PHRASE_END = _words("of at for from in on with who whose which that to by near close")
_MAX_WORDS = 3  # 'A senior health official'
_MAX_TO_VERB = (
    16  # tokens from the noun to the speech verb ('..., who asked not to be named, said')
)


def _indefinite(d: Doc, t: int, hi: int) -> tuple[int, str] | None:
    """(token after the noun, noun) of 'A(n) [adjectives] noun' opening a sentence at token t,
    the noun ending at a comma, a preposition or the verb ('A wall would not' ends at none);
    'of' after a noun of quantity ('A lot of', 'A variety of') heads no speaker."""
    w = d.words
    if not d.sent_start[t] or low(w[t]) not in _OPENERS:
        return None
    k = t + 1
    while (
        k < hi
        and k - t <= _MAX_WORDS
        and w[k][:1].islower()
        and w[k].replace("-", "").isalpha()
        and w[k] not in _PHRASE_END
    ):
        k += 1
    head = low(w[k - 1])
    nxt = w[k] if k < hi else ""
    if (
        k == t + 1
        or not (nxt == "," or nxt in _PHRASE_END or nxt[:1].islower())
        or nxt == "of"
        and head not in ROLE_NOUNS
        or head in DOCUMENT_NOUNS
        or head in ORG_WORDS
        or head.endswith("s")
        and not head.endswith("ss")
    ):
        return None
    return k, head


def indefinite_speaker(
    d: Doc, lo: int, hi: int, pronoun: str, verbs: frozenset[str]
) -> tuple[int, str] | None:
    """(end offset, role) of the last sentence in text[lo:hi] that opens with 'A(n) <noun>' and
    goes on to one of the speech `verbs`, when the noun does not disagree in gender with the
    pronoun."""
    if d.text.find("A ", lo, hi) < 0 and d.text.find("An ", lo, hi) < 0:
        return None  # most windows: no sentence opens so (looked for in place, not in a copy)
    w = d.words
    t1 = d.tok_at(hi)
    found = None
    for t in range(d.tok_at(lo), t1):
        got = _indefinite(d, t, t1)
        if got is None:
            continue
        k, head = got
        if k < t1 and w[k] not in (",", "who") and w[k] not in verbs and w[k] not in _PHRASE_END:
            continue
        if (g := noun_gender(head)) is not None and g != ("f" if pronoun == "she" else "m"):
            continue
        e = k
        while e < t1 and e - k < _MAX_TO_VERB and not d.sent_start[e] and w[e] not in verbs:
            e += 1
        if e < t1 and not d.sent_start[e] and w[e] in verbs:
            found = (d.ends[e], " ".join(w[t + 1 : k]))
    return found


def indefinite_before(d: Doc, v: int, lo: int) -> Cue | None:
    """The unnamed subject of the speech verb at token v when the sentence opens with 'A(n)
    <person noun>' and a phrase after it: 'A spokesman for the ferry operator said:'."""
    w = d.words
    t = lo
    while t < v and not w[t][:1].isalnum():
        t += 1  # an opening quotation mark or dash
    got = _indefinite(d, t, v) if t < v else None
    if got is None:
        return None
    k, _ = got
    nouns = [x for x in w[t + 1 : k] if low(x) in ROLE_NOUNS or low(x) in LEARNED_HEADS]
    # 'A relative of one of the injured, who did not wish to be named, said': one aside, 'who'
    commas = [i for i in range(k, v) if w[i] == ","]
    aside = len(commas) == 2 and commas[1] == v - 1 and low(w[commas[0] + 1]) in ("who", "whose")
    if (
        not nouns
        or v - k > _MAX_TO_VERB
        or w[k] not in _PHRASE_END
        and not (aside and k == commas[0])
    ):
        return None
    if any(
        x in (",", ";", ":") and not aside or x[:1].isupper() and x not in ("A", "An")
        for x in w[k:v]
    ):
        return None  # a clause or a name between: the verb may have another subject
    # the mention and the role are the noun phrase ('A spokesman'), as for 'A spokesman said'
    s, e = d.starts[t], d.ends[k - 1]
    return Cue("role", d.text[s:e], s, e, role=d.text[d.starts[t + 1] : e])


_INDEF_RE = r"\b(?:[Aa]n?|[Oo]ne)\s+((?:[\w'’-]+\s+){{0,3}}{head})\b(?!\s*,?\s*(?-i:[A-Z]))"


def indefinite_antecedent(text: str, head: str, lo: int, hi: int) -> str | None:
    """The role of the last unnamed 'a(n) ... <head>' in text[lo:hi] that no name follows."""
    found = None
    for m in re.finditer(_INDEF_RE.format(head=re.escape(head)), text[lo:hi], re.IGNORECASE):
        found = m.group(1)
    return found


# the search for an indefinite -woman/-man compound, by pronoun
_M_PREFIXES = tuple(ROLE_COMPOUNDS["he"][3:-4].split("|"))
_COMPOUND_RX = {
    p: re.compile(_INDEF_RE.format(head=f"(?:{head})")) for p, head in ROLE_COMPOUNDS.items()
}
# the letters every compound of the pronoun holds, and the words that may come before them
_COMPOUND_CORE = {"she": ("wom", ("woman", "women"), ("",)), "he": ("man", ("man",), _M_PREFIXES)}


@lru_cache(maxsize=16)
def _compound_starts(text: str, p: str) -> list[int]:
    """The offsets where one of the pronoun's compounds ('woman', 'spokesman') starts in the
    text, without what comes before '-woman': found once per article by plain substring search
    (the search above needs one inside its window, and most windows hold none; an alternation
    of words is slow to search for in Python's regular expressions)."""
    core, forms, befores = _COMPOUND_CORE[p]
    out = []
    i = text.find(core)
    while i >= 0:
        if text.startswith(forms, i):
            out += [i - len(b) for b in befores if i >= len(b) and text.startswith(b, i - len(b))]
        i = text.find(core, i + 1)
    return sorted(out)


def _compound_inside(text: str, p: str, lo: int, hi: int) -> bool:
    """text[lo:hi] (slice bounds, as the window is cut) may hold one of the compounds: one
    starts inside it."""
    a, b, _ = slice(lo, hi).indices(len(text))
    starts = _compound_starts(text, p)
    k = bisect_left(starts, a)
    return k < len(starts) and starts[k] < b


def indefinite_subject(
    d: Doc, idx: ActorIndex, p: str, lo: int, hi: int, finite: frozenset[str]
) -> str | None:
    """The role of an unnamed 'A(n) ... spokeswoman' opening a sentence in (lo, hi), when no
    person agreeing with the pronoun opens one after it: 'she' is that spokeswoman, not the
    speaker of the quotation before. The role nouns are gender_evidence's -woman/-man compounds
    ('spokeswoman', 'chairman', 'businesswoman'); most windows hold none, so no search."""
    found = indefinite_speaker(d, lo, hi, p, finite)  # any noun a speech verb follows
    hits: Iterable[re.Match[str]] = ()
    if _compound_inside(d.text, p, lo, hi):
        hits = _COMPOUND_RX[p].finditer(d.text[lo:hi])
    for m in hits:
        t = d.tok_at(lo + m.start())
        if t < len(d.sent_start) and d.sent_start[t] and (found is None or lo + m.end() > found[0]):
            found = (lo + m.end(), m.group(1))
    if found is None:
        return None
    # a person agreeing with the pronoun who opens a sentence after it is its antecedent instead
    later = idx.subject_before(d, hi, p)
    return None if later is not None and later[0] > found[0] else found[1]


# who may issue a document: a person, an organisation or a group
_SOURCES = {ActorType.person, ActorType.organization, ActorType.group}


def document_source(d: Doc, idx: ActorIndex, cue: Cue) -> Actor | str | None:
    """'The announcement read': whoever made the announcement in an earlier sentence; the
    document itself ('statement from COCOBOD') where that sentence names no actor."""
    noun = low(d.words[d.tok_at(cue.end) - 1])
    lo = max(0, cue.start - 1500)
    pos = d.text.rfind(noun, lo, cue.start)
    if pos < 0:
        return idx.mentioned_before(cue.start, _SOURCES)
    # the sentence holding that earlier mention: its first actor is the source
    t = d.tok_at(pos)
    while t > 0 and not d.sent_start[t]:
        t -= 1
    s0 = d.starts[t] if t < len(d.starts) else 0
    best: tuple[int, int, Actor] | None = None
    for a in idx.actors:
        for m in a.mentions:
            # a person issuing it beats the organisation named in their title
            k = (a.type != ActorType.person, m.start)
            if s0 <= m.start < pos and (best is None or k < best[:2]):
                best = (*k, a)
    if best is None:
        # 'A statement from COCOBOD later said ...': no one the finder knows issued it, and the
        # last person named did not
        t = d.tok_at(pos)
        e = t + 2 if t + 2 < len(d.words) and d.words[t + 1] in ("from", "by") else t
        while e + 1 < len(d.words) and e > t and d.words[e + 1][:1].isupper():
            e += 1
        return d.text[pos : d.ends[e]] if e > t and d.words[e][:1].isupper() else noun
    return best[2]
