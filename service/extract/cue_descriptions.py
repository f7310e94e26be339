"""Descriptions as cue subjects (service.extract.cues): a determiner-led description before or
after a cue verb ('a narrator said', 'said one person with knowledge of the talks', 'the author
wrote')."""

from __future__ import annotations

from service.extract.names import Doc, is_cap, low
from service.extract.noun_phrases import AUX, TIME_WORDS, Cue, plural_head

_DESCRIPTION_LEAD = frozenset(["a", "an", "the", "one", "another"])
_DESCRIPTION_END = frozenset([",", ".", ";", ":", "!", "?", "(", "who", "that", "which", "—", "–"])


def described(
    d: Doc, a: int, b: int, mask: list[bool], *, closes: bool = True, whole: bool = False
) -> Cue | None:
    """A determiner-led description in tokens [a, b) ('a narrator', 'one person with knowledge of
    the talks'): the `whole` run before a cue verb that `closes` its clause, or after an inverted
    verb up to a comma or a relative pronoun. Definite ones resolve like 'the spokesman', others
    stay unnamed; one ending in a name ('the paper's editor Steven Ginsberg') is that name."""
    w = d.words
    if not closes or a >= b or low(w[a]) not in _DESCRIPTION_LEAD:
        return None
    e = a + 1
    while e < b and e - a < 12 and not mask[e] and w[e].lower() not in _DESCRIPTION_END:
        e += 1
    if e == a + 1 or e - a >= 12 or whole and e != b:
        return None
    if is_cap(w[e - 1]) and is_cap(w[e - 2]) and e - 2 > a:
        k = e - 2
        while k - 1 > a and is_cap(w[k - 1]):
            k -= 1
        name = d.text[d.starts[k] : d.ends[e - 1]]
        role = d.text[d.starts[a] : d.starts[k]].strip()
        return Cue("name", name, d.starts[k], d.ends[e - 1], name=name, role=role)
    surface = d.text[d.starts[a] : d.ends[e - 1]]
    kind = "definite" if low(w[a]) == "the" else "role"
    # 'said another resident': not the resident named before, so the role keeps its 'another'
    role = d.text[d.starts[a + (low(w[a]) != "another")] : d.ends[e - 1]]
    plural = plural_head(low(w[e - 1]))
    return Cue(kind, surface, d.starts[a], d.ends[e - 1], role=role, plural=plural)


def description_before(d: Doc, v: int, lo: int, mask: list[bool]) -> Cue | None:
    """'the author wrote', 'The ad claims', 'the business mogul announced': a short description
    of lower-case words right before the cue verb that the noun phrase reader does not take (its
    head is no title word) is the verb's subject all the same."""
    w = d.words
    j = v - 1
    while j >= lo and (low(w[j]) in AUX or low(w[j]) in TIME_WORDS):
        j -= 1
    k = j
    while k > lo and j - k < 4 and w[k].isalpha() and w[k].islower() and not mask[k]:
        if low(w[k]) in _DESCRIPTION_LEAD or low(w[k]) in _NOT_IN_DESCRIPTION:
            break
        k -= 1
    if k == j or mask[k] or low(w[k]) not in ("the", "a", "an"):
        return None
    # in subject position: opening the sentence or a clause, not after a preposition or a verb
    if k > lo and w[k - 1] not in (",", ";", ":", "—", "–") and low(w[k - 1]) not in _CLAUSE_LINKS:
        return None
    return described(d, k, j + 1, mask, whole=True)


_NOT_IN_DESCRIPTION = frozenset(["and", "or", "but", "to", "of", "for", "that", "who", "which"])
_CLAUSE_LINKS = frozenset(["and", "but", "that", "when", "as", "while", "after", "before"])
