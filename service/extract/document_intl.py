"""A quotation taken from a written statement whose issuer the sentence names only as the paper's
owner, for news not in English: '„...“, heißt es in einer Mitteilung des Unternehmens', '«...»,
si legge in una nota della Regione', '„...” – czytamy w oświadczeniu biura rzecznika wojewody',
'‘...’, staat in een verklaring van de gemeente'. The verb there ('heißt es', 'si legge',
'czytamy', 'staat', 'peut-on lire') names no speaker, and the word readers take the paper for the
speaker or read a dropped subject; the body (or officer) after the paper's noun issued it.

Read only where the word readers found no speaker, a dropped subject, or the paper itself: a
named subject ('a déclaré X dans un communiqué de la mairie') keeps its cue.
"""

from __future__ import annotations

from service.extract import lexicon_intl as intl
from service.extract.name_span_intl import bare
from service.extract.names import ORG_WORDS, ROLE_NOUNS, Doc, is_cap, low
from service.extract.noun_phrases import Cue

# The paper's noun in the forms a preposition governs ('w komunikacie', 'no comunicado').
_PAPERS = frozenset(
    [
        "mitteilung",
        "pressemitteilung",
        "erklärung",
        "stellungnahme",
        "schreiben",
        "communiqué",
        "déclaration",
        "note",
        "lettre",
        "courrier",
        "nota",
        "comunicato",
        "dichiarazione",
        "lettera",
        "comunicado",
        "declaración",
        "escrito",
        "declaração",
        "verklaring",
        "persbericht",
        "brief",
        "komunikacie",
        "komunikat",
        "oświadczeniu",
        "oświadczenie",
        "piśmie",
        "liście",
        "pressmeddelande",
        "uttalande",
        "uttalandet",
        "pressmeddelandet",
        "aussendung",
        "presseaussendung",
    ]
)
# Prepositions before it, with the article fused where the language fuses it ('nel', 'no', 'im').
_IN = frozenset(
    ["in", "im", "dans", "en", "em", "no", "na", "nel", "nella", "nello", "w", "we", "i", "op"]
)
# Articles and links between the paper and its owner ('des', 'de la', 'della', 'van de').
_OF = frozenset(
    [
        "des",
        "der",
        "de",
        "du",
        "la",
        "le",
        "les",
        "l'",
        "d'",
        "della",
        "dello",
        "del",
        "dei",
        "degli",
        "delle",
        "di",
        "dell'",
        "da",
        "do",
        "dos",
        "das",
        "van",
        "het",
        "von",
        "vom",
    ]
)
# Owners that are no issuer: 'communiqué de presse', 'komunikacie prasowym', a date.
_NOT_OWNERS = frozenset(
    ["presse", "prensa", "stampa", "imprensa", "pers", "prasowym", "prasowy", "press"]
)
_STOP = frozenset(".,;:!?()«»“”„\"'’‘–—")


def _owner_span(d: Doc, m: int, hi: int, lang: str) -> tuple[int, int]:
    """The owner phrase after the paper's noun at token m: [a, b), empty when there is none."""
    w = d.words
    a = m + 1
    while a < hi and low(w[a]) in _OF:
        a += 1
    if a == m + 1 and lang not in ("pl",):  # only Polish puts the owner in the bare genitive
        return a, a
    b = a
    while b < hi and b - a < 5 and w[b] not in _STOP and w[b][0].isalnum():
        lx = low(w[b])
        if lx in _NOT_OWNERS or w[b][0].isdigit() or lang == "de" and not is_cap(w[b]):
            break
        if b > a and lx in intl.FUNCTION_WORDS and lx not in _OF:
            break
        b += 1
    return a, b


def _noun(x: str) -> str:
    """'Unternehmens' -> 'unternehmen': a German genitive ending off, so the lists find it."""
    lx = bare(x)
    if lx in ORG_WORDS or lx in ROLE_NOUNS:
        return lx
    for end in ("es", "s"):
        if lx.endswith(end) and lx[: -len(end)] in ORG_WORDS:
            return lx[: -len(end)]
    return lx


def _sentence(d: Doc, first: int, last: int, mask: list[bool]) -> tuple[int, int]:
    """The unquoted tokens of the sentence around a quotation from token `first` to `last`."""
    w, n, para = d.words, len(d.words), d.para
    lo = first
    while lo > 0 and first - lo < 30 and para[lo - 1] == para[first]:
        if not mask[lo - 1] and w[lo - 1] in (".", "!", "?"):
            break
        lo -= 1
    hi = last
    while hi < n and hi - last < 30 and para[hi] == para[first]:
        if not mask[hi] and w[hi] in (".", "!", "?"):
            break
        hi += 1
    return lo, hi


def owner(d: Doc, cue: Cue | None, first: int, last: int, mask: list[bool]) -> Cue | None:
    """The cue the paper's owner gives in the sentence around a quotation (tokens `first` to
    `last`; masked tokens are quoted), where `cue` names no one or names the paper; `cue`
    otherwise."""
    named = cue is not None and cue.kind not in ("implicit", "unknown")
    if named and not any(_noun(x) in _PAPERS for x in cue.surface.split()):  # type: ignore[union-attr]
        return cue
    lang = intl.language(d.text)
    if lang == "en" or not d.words:
        return cue
    w = d.words
    lo, hi = _sentence(d, first, last, mask)
    for m in range(max(lo, 1), hi):
        if mask[m] or _noun(w[m]) not in _PAPERS:
            continue
        p = m - 1
        if low(w[p]) not in _IN and not (p > lo and low(w[p - 1]) in _IN):
            continue  # 'in einer Mitteilung', 'dans un communiqué': one word may stand between
        a, b = _owner_span(d, m, hi, lang)
        if b <= a and m + 1 >= hi and (body := _body_before(d, lo)) is not None:
            return body  # 'Die Wirtschaftskammer bedauert ... „...“, heißt es in einer Aussendung.'
        if b <= a or any(mask[a:b]):
            continue
        words = w[a:b]
        surface = d.text[d.starts[a] : d.ends[b - 1]]
        heads = [i for i, x in enumerate(words) if _noun(x) in ORG_WORDS or _noun(x) in ROLE_NOUNS]
        tail = [i for i, x in enumerate(words) if is_cap(x) and (not heads or i > heads[0])]
        if tail and (lang != "de" or heads) and tail == list(range(tail[0], len(words))):
            # 'spółki Ferrox', 'de la société Enelis', 'della Regione': the body by its name
            s = d.starts[a + tail[0]]
            name = d.text[s : d.ends[b - 1]]
            return Cue("name", name, s, d.ends[b - 1], name=name, rule="document")
        return Cue("role", surface, d.starts[a], d.ends[b - 1], role=surface, rule="document")
    return cue


def _org_word(x: str) -> bool:
    """A body's word, or a German compound ending in one ('Wirtschaftskammer', 'Landratsamt')."""
    lx = _noun(x)
    return lx in ORG_WORDS or any(lx.endswith(o) for o in _DE_ORG_ENDS)


_DE_ORG_ENDS = ("kammer", "amt", "verband", "ministerium", "behörde", "gewerkschaft", "verein")


def _body_before(d: Doc, lo: int) -> Cue | None:
    """The body named at the start of the sentence before token lo, in its paragraph (an article
    allowed before it): a paper with no owner after it ('heißt es in einer Aussendung') is
    that body's; None when that sentence opens otherwise."""
    w = d.words
    if lo < 2 or w[lo - 1] not in (".", "!", "?") or d.para[lo - 2] != d.para[lo]:
        return None
    p = lo - 2
    while p > 0 and d.para[p - 1] == d.para[lo] and w[p - 1] not in (".", "!", "?"):
        p -= 1
    if low(w[p]) in intl.DETERMINERS:
        p += 1
    if p >= lo - 1 or not is_cap(w[p]) or not _org_word(w[p]):
        return None
    e = p + 1
    while e < lo - 1 and is_cap(w[e]):
        e += 1  # 'Wirtschaftskammer Wien'
    name = d.text[d.starts[p] : d.ends[e - 1]]
    return Cue("name", name, d.starts[p], d.ends[e - 1], name=name, rule="document")
