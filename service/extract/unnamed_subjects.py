"""An unnamed speaker opening a sentence before a quotation, for the pronoun that follows it.

'A nurse at one of the clinics, who asked not to be named, said staff had used torches. "...,"
she said': the pronoun stands for the nurse, not for the person quoted in the paragraph before.
Regional and Commonwealth papers write their unnamed witnesses so (a resident, a nurse, a
spokeswoman for the department); the shape, an indefinite subject of a speech verb, is read from
the text, so the noun need be on no list.
"""

from __future__ import annotations

from service.extract.cues import CUE_FINITE
from service.extract.gender_evidence import noun_gender
from service.extract.names import DOCUMENT_NOUNS, ORG_WORDS, ROLE_NOUNS, Doc, _words, low

_OPENERS = frozenset(("a", "an"))
# words ending the noun phrase after 'A(n)': a preposition or relative pronoun, never its noun
_PHRASE_END = _words("of at for from in on with who whose which that to by near")
_MAX_WORDS = 3  # 'A senior health official'
_MAX_TO_VERB = (
    16  # tokens from the noun to the speech verb ('..., who asked not to be named, said')
)


def indefinite_speaker(d: Doc, lo: int, hi: int, pronoun: str) -> tuple[int, str] | None:
    """(end offset, role) of the last sentence in text[lo:hi] that opens with 'A(n) <noun>' and
    goes on to a speech verb, when the noun does not disagree in gender with the pronoun."""
    if "A " not in d.text[lo:hi] and "An " not in d.text[lo:hi]:
        return None  # most windows: no sentence opens so
    w = d.words
    t1 = d.tok_at(hi)
    found = None
    for t in range(d.tok_at(lo), t1):
        if not d.sent_start[t] or low(w[t]) not in _OPENERS:
            continue
        k = t + 1
        while (
            k < t1
            and k - t <= _MAX_WORDS
            and w[k][:1].islower()
            and w[k].replace("-", "").isalpha()
            and w[k] not in _PHRASE_END
        ):
            k += 1
        head = low(w[k - 1])
        nxt = w[k] if k < t1 else ""
        if (
            k == t + 1
            # the noun ends at a comma, a preposition or the verb ('A wall would not' has none);
            # 'of' after a noun of quantity ('A lot of', 'A variety of') heads no speaker
            or not (nxt == "," or nxt in CUE_FINITE or nxt in _PHRASE_END)
            or nxt == "of"
            and head not in ROLE_NOUNS
            or head in DOCUMENT_NOUNS
            or head in ORG_WORDS
            or head.endswith("s")
            and not head.endswith("ss")
            or (g := noun_gender(head)) is not None
            and g != ("f" if pronoun == "she" else "m")
        ):
            continue
        e = k
        while e < t1 and e - k < _MAX_TO_VERB and not d.sent_start[e] and w[e] not in CUE_FINITE:
            e += 1
        if e < t1 and not d.sent_start[e] and w[e] in CUE_FINITE:
            found = (d.ends[e], " ".join(w[t + 1 : k]))
    return found
