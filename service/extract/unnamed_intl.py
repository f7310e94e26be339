"""Speakers the text leaves unnamed or names by a first name alone, read from a phrase's shape
rather than a noun list, for news not in English: an indefinite noun closing the clause after a
speech verb ('résume un opérateur, qui ...'), the common noun after an 'according to' ('Volgens
de rechters', 'Secondo i tecnici della Regione') and an honorific before a first name ('pani
Helena'). Split from service.extract.cues_intl, which calls them when no title list knows the
noun."""

from __future__ import annotations

from service.extract import cue_words_intl as cw
from service.extract import lexicon_intl as intl
from service.extract import lexicon_new_intl as new
from service.extract.names import QUOTE_CHARS, Doc, is_cap, low
from service.extract.noun_phrases import Cue
from service.extract.role_phrase_intl import span_text


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


def someone(d: Doc, start: int, n: int, hi: int, rule: str) -> int:
    """Where the subject after a speech verb that follows its quotation ends, when it is one
    indefinite article and one lower-case noun, perhaps with a capitalised owner ('résume un
    opérateur,', 'dijo un vecino.', 'spiega una nota di Poste.'), closing the clause: whoever
    the noun names, the text does not name them; -1 otherwise. Portuguese and Hungarian 'a' is
    definite ('disse a vizinha' is someone already written of)."""
    w = d.words
    det = low(w[start])
    lang = intl.language(d.text)
    if rule != "cue-after" and det in _PLURAL_DEFINITE and n == start + 1:
        return _group(w, n, hi)
    if (
        n != start + 1
        or det not in cw.INDEFINITE
        and det not in OWN_INDEFINITE.get(lang, ())
        or cw.definite_a(det, lang)
        or not w[n].isalpha()
        or len(w[n]) <= 3
    ):
        return -1
    e = n + 1
    if rule != "cue-after" and e + 1 < hi and w[e].isalpha() and w[e].islower():
        # 'Una giovane madre incontrata ...': an adjective before the noun
        e += low(w[e]) not in cw.RELATIVE_SUBJECT and _relative(w, e + 1, hi)
    if e + 1 < hi and low(w[e]) in cw.LINKS and is_cap(w[e + 1]):
        e += 1  # 'una nota di Poste': whose paper it is
        while e < hi and is_cap(w[e]):
            e += 1
    elif (
        rule != "cue-after"
        and e + 2 < hi
        and low(w[e]) in cw.LINKS
        and low(w[e + 1]) in cw.DETS
        and is_cap(w[e + 2])
    ):
        e += 2  # 'Un agente de la Guardia Nacional que ...': whose staff they are
        while e < hi and is_cap(w[e]):
            e += 1
    elif (
        rule != "cue-after"
        and low(w[e]) in cw.LINKS
        and e + 1 < hi
        and w[e + 1].isalpha()
        and w[e + 1].islower()
        and _relative(w, e + 2, hi)
    ):
        e += 2  # 'Un cortador de caña que lleva veinte años ... dijo:': what they work with
    elif e + 2 < hi and low(w[e]) in cw.LINKS and w[e + 1].isdigit() and w[e + 2].isalpha():
        e += 3  # 'une patiente de 74 ans': her age
    elif e + 1 < hi and w[e].isalpha() and w[e].islower() and w[e + 1] in _CLOSE:
        e += 1  # 'egy idős asszony', 'un vecino jubilado': an adjective before or after it
    if rule != "cue-after":
        # 'Ένας ψαράς είπε:': the whole subject before the verb; 'Una recolectora que prefirió
        # reservar su nombre contó:', 'Um armador que pediu anonimato afirmou:': a relative
        # clause or a participle after the noun says only who they are
        return e if e == hi or _relative(w, e, hi) else -1
    if e < hi and low(w[e]) in _WHERE:
        # 'vertelt een moeder bij de ingang.', 'raconte une mère devant l'école': where they were
        k = e + 1
        while k < hi and k - e <= 6 and w[k].replace("'", "").replace("’", "").isalpha():
            k += 1
        if k > e + 1 and (k >= hi or w[k] in _CLOSE):
            return e
    return e if e >= hi or w[e] in _CLOSE else -1


# Plural definite articles: 'Le ostetriche del reparto hanno scritto:' names a group of people
# the text does not name one by one.
_PLURAL_DEFINITE = _w("le i gli los las os as les")


def _group(w: list[str], n: int, hi: int) -> int:
    """Where the subject before a speech verb ends when it is a plural definite article, a
    lower-case plural noun (token n) and perhaps what they belong to ('Le ostetriche del reparto',
    'Los vecinos de la colonia'), the clause closing on a colon: the whole span to hi, else -1."""
    x = w[n]
    if not (x.isalpha() and x.islower() and len(x) > 4 and x.endswith(("e", "i", "s"))):
        return -1
    if low(x) in cw.STOP or low(x) in intl.SPEECH_VERBS:
        return -1
    e = n + 1
    if e + 1 < hi and low(w[e]) in cw.LINKS:
        e += 1 + (low(w[e + 1]) in cw.DETS and e + 2 < hi)
        if w[e].isalpha() and w[e].islower():
            e += 1
        while e < hi and is_cap(w[e]):
            e += 1
    if e != hi:
        return -1
    # only before a colon ('hanno scritto in una lettera aperta: «...»'): 'Los agricultores
    # consideran la medida "insuficiente"' is their view in the writer's words
    for k in range(hi, min(hi + 12, len(w))):
        if w[k] == ":":
            return e
        if w[k] in _CLOSE or w[k] in QUOTE_CHARS:
            break
    return -1


_PARTICIPLE_ENDS = ("ata", "ato", "ada", "ado", "ida", "ido", "ita", "ito", "ée", "ées")


def _relative(w: list[str], e: int, hi: int) -> bool:
    """Whether token e opens a relative clause ('que', 'che', 'die') or is a past participle
    ('incontrata', 'interrogé') going on before the speech verb that closes the span at hi."""
    if e + 1 >= hi or not w[e].isalpha():
        return False
    lw = low(w[e])
    return lw in cw.RELATIVE_SUBJECT or w[e].islower() and lw.endswith(_PARTICIPLE_ENDS)


def kind_then_name(d: Doc, n: int, e: int, det: bool, rule: str) -> Cue | None:
    """'A transportadora Rodonova', 'la naviera Trasmar': after a definite article, a lower-case
    noun no list holds (token n) and one capitalised word closing the name (ending at e): the
    body's kind, then its name, which speaks."""
    w = d.words
    a = low(w[n - 1])
    if a in cw.INDEFINITE and not cw.definite_a(a, intl.language(d.text)):
        return None  # 'une entreprise X' may be any one
    if not det or e != n + 2 or not w[n].isalpha() or e < len(w) and w[e] == ",":
        return None  # 'ο λιμενάρχης Καλαμίτσας, Σταύρος Παπαδογιάννης': a place, then the name
    if not w[n + 1].isalpha() or low(w[n + 1]) in intl.PLACES or low(w[n + 1]) in intl.MONTHS:
        return None
    name = w[n + 1]
    return Cue("name", name, d.starts[n + 1], d.ends[n + 1], name=name, role=w[n], rule=rule)


def antecedent(d: Doc, c: int, lo: int, rule: str) -> Cue | None:
    """'Lo ha comunicato l'Azienda sanitaria locale, che parla di «...»': the noun phrase closing
    the clause before the comma at token c, which the relative pronoun after it stands for, when
    it opens with an article (no comma before it: that shape is an apposition)."""
    from service.extract.cues_intl import np_after

    w = d.words
    for a in range(c - 1, max(lo, c - 6) - 1, -1):
        if w[a] in _CLOSE or w[a] in (":", "«", "“", "„", '"'):
            return None
        if low(w[a]) in _ARTICLES or low(w[a])[:2] in ("l'", "l’") and len(w[a]) > 2:
            cue = np_after(d, a, c, rule)
            if cue is not None and cue.kind == "name" and d.tok_at(cue.end) < c:
                # 'l'Azienda sanitaria locale': a body's name runs on in lower case to the comma
                s = cue.start
                return Cue("name", d.text[s : d.ends[c - 1]], s, d.ends[c - 1],
                           name=d.text[s : d.ends[c - 1]], rule=rule)  # fmt: skip
            return cue if cue is not None and cue.kind in ("name", "definite", "role") else None
    return None


_ARTICLES = _w("il lo la i gli le el los las o a os as het de die der das den les")


def fused_from(d: Doc, a: int, j: int, rule: str) -> Cue | None:
    """ "Dall'ufficio tecnico della Provincia spiegano che": Italian 'from the' fused to the
    office at token a, the subject up to token j, which speaks unnamed; None for another word."""
    w = d.words[a]
    if low(w)[:5] not in ("dall'", "dall’") or len(w) <= 5:
        return None
    role = d.text[d.starts[a] + 5 : d.ends[j]]
    return Cue("role", role, d.starts[a] + 5, d.ends[j], role=role, rule=rule)


# Prepositions of place after an unnamed speaker's noun ('una madre davanti alla scuola').
_WHERE = _w(
    """
    bij aan voor op uit naast bei vor an neben à devant près dans chez davanti presso vicino a al
    nel nella sul sulla fuori junto perto diante frente ante en przy przed obok pod vid
    utanför framför hos på
    """
)


_CLOSE = frozenset((",", ".", ";", "!", "?"))
# Indefinite articles that are other words elsewhere (Romanian 'o', Nordic 'en'), by language.
OWN_INDEFINITE: dict[str, frozenset[str]] = {
    "ro": _w("o un"),
    "hu": _w("egy"),
    "sv": _w("en ett"),
    "no": _w("en ei et"),
    "da": _w("en et"),
    "el": _w("ένας μια μία ένα"),
    "fi": _w("eräs yksi"),
}


# 'the same': 'Σύμφωνα με τον ίδιο', 'selon le même', 'según el mismo' point back at the person
# just named.
_SAME = _w("ίδιο ίδια ίδιου ίδιας même mismo misma stesso stessa mesmo mesma selben")


def source_noun(d: Doc, k: int, hi: int, rule: str) -> Cue | None:
    """An 'according to' whose source is a common noun no title list holds ('Volgens de
    rechters', 'Secondo i tecnici della Regione', 'Zdaniem rzeczniczki wojewody'): an unnamed
    source, its role the noun and what it is of; 'according to the same' is the person just
    named. Without an article only in a language that has none ('secondo quanto' is no source)."""
    w = d.words
    head = k
    while (
        head < hi
        and head - k < 2
        and (low(w[head]) in cw.DETS or w[head].islower() and len(w[head]) < 4)
    ):
        head += 1  # the article ('Secondo i tecnici') or the phrase's own preposition ('με τον')
    if head >= hi or not w[head].isalpha() or not w[head].islower() or len(w[head]) < 4:
        return None
    if low(w[head]) in cw.STOP or low(w[head]) in intl.SPEECH_VERBS:
        return None
    if low(w[head]) in _SAME:
        return Cue("implicit", w[head], d.starts[head], d.ends[head], rule=rule)
    if head == k and intl.language(d.text) not in new.ARTICLELESS:
        return None
    end = e = head + 1
    if e < hi and low(w[e]) in cw.LINKS:
        # what the noun is of: 'della Regione', 'van de vaarwegbeheerder'
        e += 1
        while e < hi and low(w[e]) in cw.LINKS_OR_DETS:
            e += 1
        if e < hi and is_cap(w[e]):
            while e < hi and is_cap(w[e]):
                e += 1
            end = e
        elif e < hi and w[e].isalpha():
            end = e + 1
    return Cue("role", span_text(d, k, end), d.starts[k], d.ends[end - 1],
               role=span_text(d, head, end), rule=rule)  # fmt: skip


def honorific_given(d: Doc, k: int, hi: int, rule: str) -> Cue | None:
    """'tłumaczy pani Helena', 'cuenta doña Carmen': a lower-case honorific at token k and one
    first name, no surname after it; the name cue of the first name (which finds the person
    the text names in full), else None."""
    w = d.words
    if (
        low(w[k]) in cw.GIVEN_HONORIFICS
        and k + 1 < hi
        and is_cap(w[k + 1])
        and w[k + 1].isalpha()
        and (k + 2 >= hi or not is_cap(w[k + 2]))
    ):
        return Cue("name", span_text(d, k, k + 2), d.starts[k], d.ends[k + 1], name=w[k + 1],
                   rule=rule)  # fmt: skip
    return None
