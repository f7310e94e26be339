"""Which organisation a definite body noun stands for in news that is not in English: 'le
ministère', 'el organismo', 'die Behörde', 'الوزارة'; and which full name one later word
('ujar Rina', 'aseguró Roldán', 'dodał Duda') stands for.

A body noun of a particular kind ('ministère', 'syndicat', 'Regierung') stands for the organisation
named before it whose name holds that noun ('ministère de l'Intérieur', 'Bundesregierung'); with no
such organisation it is an unnamed body of that kind, never the nearest organisation of another
kind. A generic noun ('la compagnie', "l'azienda", 'el organismo') may stand for any organisation.
"""

from __future__ import annotations

from collections.abc import Sequence

from schemas import Actor, ActorType
from service.extract import lexicon_intl as intl
from service.extract.declension_intl import nominative
from service.extract.name_gender import is_given
from service.extract.names import DETERMINERS, ROLE_NOUNS, Doc, low, name_key


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


GENERIC = _w(
    """
    compagnie entreprise société groupe organisme institution structure
    empresa compañía sociedad grupo organismo entidad institución firma
    azienda compagnia società gruppo ente organismo istituzione
    companhia sociedade grupo organismo entidade instituição órgão
    unternehmen konzern firma gesellschaft organisation einrichtung
    bedrijf onderneming organisatie spółka przedsiębiorstwo
    """
)
_BODY_TYPES = {ActorType.organization, ActorType.group}


def _head(words: Sequence[str]) -> str:
    """The body noun of a definite description: its last word ('الوزارة' -> 'وزارة')."""
    if not words or not words[-1].split():
        return ""
    h = words[-1].replace("’", "'").split()[-1]
    if "'" in h[:6]:
        h = h.split("'", 1)[1]  # "l'azienda", "dell'ente"
    return h[2:] if h.startswith("ال") and len(h) > 4 else h


def body_named(actors: Sequence[Actor], words: Sequence[str], at: int) -> Actor | None:
    """The last organisation mentioned before offset `at` whose name holds the body noun."""
    head = _head(words)
    if not head or head in GENERIC:
        return None
    best: tuple[int, Actor] | None = None
    for a in actors:
        if a.type not in _BODY_TYPES or a.anonymous:
            continue
        if not any(x == head or x.endswith(head) for x in name_key(a.name).split()):
            continue
        for m in a.mentions:
            if m.start < at and (best is None or m.start > best[0]):
                best = (m.start, a)
    return best[1] if best else None


def generic(words: Sequence[str]) -> bool:
    """'la compagnie', 'l'azienda': a noun that may stand for any organisation."""
    return not words or _head(words) in GENERIC


# Croatian, Serbian and Slovenian write a man's name in the genitive with '-a' ('direktora
# brodara Mladena Horvata'): a later 'rekao je Horvat' names Mladen Horvat.
_SOUTH_SLAVIC = ("hr", "sr", "sl")


def _masculine_nominative(words: list[str]) -> list[str]:
    """'Mladena Horvata' -> Mladen Horvat: the '-a' of a man's genitive dropped."""
    return [x[:-1] if len(x) > 3 and x.endswith("a") else x for x in words]


def _same_word(short: str, word: str, lang: str) -> bool:
    """'Duda' and 'Dudy' (a Polish or Russian genitive) are one surname; elsewhere the words match."""
    if short == word:
        return True
    if lang not in ("pl", "ru", *_SOUTH_SLAVIC) or len(short) < 4:
        return False
    stem = short[:-1] if short[-1] in "aeiouyаяыиеоуь" else short
    return word.startswith(stem) and len(word) - len(stem) <= 2


def full_form(actors: Sequence[Actor], short: str, at: int, lang: str) -> str | None:
    """'ujar Rina' -> Rina Susanti, 'aseguró Roldán' -> Fátima Roldán Ortega, 'dodał Duda' ->
    Marek Duda: the longer personal name mentioned before offset `at` that holds the one word a
    later cue gives (a first name, a first surname, a declined surname). Only known first names
    right before that word belong to it: the rest ('Badan Penanggulangan ... Rina Susanti') is a
    title glued to the name."""
    key = name_key(short)
    if not key or " " in key:
        return None
    best: tuple[int, str] | None = None
    for a in actors:
        words = a.name.split()
        if a.anonymous or len(words) < 2:
            continue
        keys = [name_key(x) for x in words]
        hit = next((i for i, k in enumerate(keys) if _same_word(key, k, lang)), -1)
        first = [m.start for m in a.mentions if m.start < at]
        if hit < 0 or not first:
            continue
        if lang in ("pl", "ru") and keys[hit] != key:
            words = nominative(a.name, lang).split()  # 'Marka Dudy' -> Marek Duda
            keys = [name_key(x) for x in words]
        elif lang in _SOUTH_SLAVIC and keys[hit] != key:
            if keys[hit] != key + "a":
                continue  # only a man's genitive is read back
            words = _masculine_nominative(words)
            keys = [name_key(x) for x in words]
        lead = hit
        while lead > 0 and is_given(keys[lead - 1]):
            lead -= 1  # the first names right before it ('Fátima Roldán Ortega'), not a title
        name = " ".join(words[lead:])
        if len(name.split()) > 1 and (best is None or max(first) > best[0]):
            best = (max(first), name)
    return best[1] if best else None


def role_subject(d: Doc, at: int) -> str | None:
    """The unnamed title holder a pronoun at offset `at` stands for when no named person does:
    the definite title phrase opening the sentence before it in its paragraph ('De officier van
    justitie had vijf jaar geëist. "...", zei ze.'), as 'officier van justitie'; else None."""
    w = d.words
    p0 = d.paras[d.para_of(at)][0]
    # sentence openings after an end mark (not the words a quotation opens), back from the
    # pronoun: its own sentence's, then the one before
    opens = [
        k
        for k in range(d.tok_at(at) - 1, -1, -1)
        if d.sent_start[k] and (k == 0 or w[k - 1] in ".!?" or d.para[k - 1] != d.para[k])
    ][:2]
    if len(opens) < 2:
        return None
    k = opens[1]
    if k + 1 >= len(w) or d.starts[k] < p0 or low(w[k]) not in _THE:
        return None
    if low(w[k + 1]) not in ROLE_NOUNS:
        return None
    e = k + 2
    while e + 1 < len(w) and low(w[e]) in _OF and w[e + 1].isalpha() and w[e + 1].islower():
        e += 2  # 'officier van justitie', 'procureur du roi'
    return d.text[d.starts[k + 1] : d.ends[e - 1]]


_OF = frozenset(["van", "de", "du", "des", "der", "di", "del", "da", "do", "dos"])
_THE = DETERMINERS | intl.DETERMINERS


# European honorifics before a surname ('Mme Vanderstraeten', 'Frau Krämer', 'Sra. Ruiz').
_HONORIFICS = _w(
    "m. mme mlle madame monsieur frau herr herrn sra sra. srta srta. señora señor sr. signora "
    "signor sig. sig.ra dhr. mevr. mevrouw meneer"
)


def behind_honorific(name: str) -> str:
    """The name without a European honorific before it ('Mme Vanderstraeten' -> 'Vanderstraeten'),
    so that the surname finds the person named in full; the name itself otherwise."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in _HONORIFICS else name
