"""Named speakers written beside a quotation with no speech verb, for news not in English: the
sentence right after a stand-alone quotation whose subject is a person the article names
('«Il versante si muoveva da settimane.» Il geologo non nasconde la rabbia.', '„...“ Der
Statiker wählt seine Worte mit Bedacht.'), and a line ending in a colon that names one person
before a block of quotations ('La sindaca Elena Corradini, in serata, su Facebook:'). No verb
list can hold every verb reporters put there; the shape of the paragraph says who speaks."""

from __future__ import annotations

import re

from schemas import Actor, ActorType
from service.extract import lexicon_intl as intl
from service.extract.names import Doc
from service.extract.quotes import QuoteSpan
from service.extract.speaker_index import ActorIndex

# definite articles that open a description of someone already written of ('le syndicaliste')
_DEFINITE = frozenset(
    {"le", "la", "il", "lo", "el", "der", "die", "das", "o", "a", "de", "het", "den", "det"}
)
_SENTENCE_END = re.compile(r"[.!?…][\"'»”“’]?\s*$")
_CLOSING = re.compile(r"\s*[\"'»”“’]?\s*")
_MARKS = frozenset("\"'«»“”„’‘")
_STOP = re.compile(r"[.!?…](?:\s|$)")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")


def _person(a: Actor | None) -> Actor | None:
    return a if a is not None and a.type == ActorType.person and not a.anonymous else None


def speaker(d: Doc, idx: ActorIndex, sp: QuoteSpan, para: int, para_start: bool) -> Actor | None:
    """An uncued quotation's speaker written beside it with no speech verb: when it opens its
    paragraph, the one person of a heading line ending in a colon above it, else the person
    opening the sentence right after it; inside a paragraph, the one person of the sentence
    before it."""
    if not para_start:
        return sentence_before(d, idx, sp.start, d.paras[para][0])
    if not sp.continues and (head := heading_person(d, idx, para - 1)) is not None:
        return head
    return subject_after(d, idx, d.text[sp.start : sp.end], sp.end, d.paras[para][1])


def subject_after(d: Doc, idx: ActorIndex, quote: str, end: int, para_end: int) -> Actor | None:
    """The person opening the sentence right after a quotation that is whole sentences ('«...»
    Il geologo non nasconde la rabbia.'): by name, or by a definite article and a title word
    that one named person holds; None when another quotation or nothing follows in the
    paragraph."""
    if not _SENTENCE_END.search(quote.rstrip()):
        return None
    tail = d.text[end:para_end]
    m = _CLOSING.match(tail)
    rest = tail[m.end() if m else 0 :]
    if rest[:1] in _MARKS:  # another quotation follows
        return None
    words = _WORDS.findall(rest[:80])
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    first = words[0].lower()
    if first in _DEFINITE or first.startswith(("l'", "l’")):
        title = first[2:] if first.startswith(("l'", "l’")) else words[1].lower()
        found = {a.name: a for a in idx.holders(title, d.text) if _person(a)}
        return next(iter(found.values())) if len(found) == 1 else None
    for n in (3, 2, 1):
        name = " ".join(words[:n])
        if all(w[:1].isupper() for w in words[:n]) and (a := _person(idx.name(name, end))):
            return a
    # 'Son palabras del director general, Ignacio Salcedo.': the one person that sentence names
    lo = end + len(tail) - len(rest)
    stop = _STOP.search(rest)
    hi = lo + (stop.end() if stop else len(rest))
    if any(c in '«»“”„"' for c in d.text[lo:hi]):
        return None
    return _one_person(idx, lo, hi)


def sentence_before(d: Doc, idx: ActorIndex, start: int, para_start: int) -> Actor | None:
    """The one person named in the sentence right before a quotation inside its paragraph, with
    no quotation between ('Figueiredo não ficou convencido. "Já ouvimos isso..."', 'E Sabatini ha
    chiuso così: «...»'): the paragraph has turned to that person, whatever the verb."""
    seg = d.text[para_start:start].rstrip().rstrip("".join(_MARKS)).rstrip()
    if not seg or any(c in seg for c in '"«»“”„'):  # an apostrophe is no quotation mark
        return None
    stops = [m.end() for m in _STOP.finditer(seg) if m.end() < len(seg)]
    lo = para_start + (stops[-1] if stops else 0)
    if (one := _one_person(idx, lo, para_start + len(seg))) is not None:
        return one
    # 'Une voisine, Fatima Bensaïd, ... Elle habitait au deuxième étage. « ... »': a sentence a
    # subject pronoun opens stands for the person who last opened a sentence of the paragraph
    first = _WORDS.search(d.text, lo, start)
    pronoun = intl.PRONOUN_MAP.get(first.group().lower(), "") if first else ""
    if pronoun not in ("he", "she"):
        return None
    got = idx.subject_before(d, lo, pronoun)
    return got[1] if got is not None and got[0] >= para_start else None


def heading_person(d: Doc, idx: ActorIndex, para: int) -> Actor | None:
    """The one person named in paragraph `para` when it ends in a colon and holds no quotation
    mark: a heading for the quotations below it ('Réponse de la maire, Sophie Dantec, jeudi :')."""
    if para < 0:
        return None
    lo, hi = d.paras[para]
    line = d.text[lo:hi].rstrip()
    if not line.endswith(":") or any(c in line for c in '"«»“”„'):
        return None
    return _one_person(idx, lo, hi)


def _one_person(idx: ActorIndex, lo: int, hi: int) -> Actor | None:
    """The one named person mentioned in [lo, hi), if only one is."""
    found = {
        a.name: a for a in idx.actors if _person(a) and any(lo <= m.start < hi for m in a.mentions)
    }
    return next(iter(found.values())) if len(found) == 1 else None
