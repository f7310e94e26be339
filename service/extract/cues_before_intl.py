"""The speech cue in the sentence before a quotation, for text that is not English: 'X a déclaré :',
'Er sagte:', 'Segundo ela,', 'Para o economista X, ...', 'Jak mówi X, ...', a verb-second
'I ett svar skriver presschefen X att', and the bare 'Smit: "..."'. Split from
service.extract.cues_intl (which reads the cue after a quotation and the phrases both use).
"""

from __future__ import annotations

from service.extract import cue_words_intl as cw
from service.extract import cues_ar, cues_tr
from service.extract import lexicon_intl as intl
from service.extract.cues_intl import OPENERS, np_after, subject_before, unknown_cue
from service.extract.declension_intl import DECLINED, nominative
from service.extract.lexicon_new_intl import ARTICLELESS, GENITIVE_PLACE
from service.extract.name_gender import given_in
from service.extract.name_span_intl import POSSESSIVES, clause_final_name, given_start, name_end
from service.extract.names import ROLE_NOUNS, Doc, is_cap, low, name_key
from service.extract.noun_phrases import AUX, Cue
from service.extract.outlets_intl import past_agency
from service.extract.resolve_intl import nominative_name
from service.extract.role_phrase_intl import span_text
from service.extract.subject_intl import genitive_speaker
from service.extract.unnamed_intl import source_noun


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


_VERBS = cw.VERBS
# Words that open an adverbial before a verb-second clause ('Am Montag sagte', 'I ett svar skriver').
_ADVERBIAL = OPENERS | cw.STOP_NOT_DETS | cw.ADJUNCT | {"i"}
# Subject pronouns that are objects too ('Müller fragte sie:', 'Jansen vroeg ze:' ask her)
_OBJECT_TOO = frozenset(("sie", "ze"))


def _inverted_subject(d: Doc, v: int, hi: int) -> Cue | None:
    """The named subject right after the verb at token v, in a sentence an adverbial opens (the
    verb second, as in the Germanic languages: 'Am Montag sagte Landrat X', 'I ett svar skriver
    presschefen Karin Björk'); None unless a full name follows."""
    cue = np_after(d, v + 1, hi, "cue-before")
    if cue is None or cue.kind != "name" or len((cue.name or "").split()) < 2:
        return None
    return cue


def _apposed_before_colon(d: Doc, lo: int, hi: int) -> Cue | None:
    """'Di tutt'altro umore il tecnico ospite, Saverio Lanzillotta: «...»', 'Ganz anders der
    Trainer der Gäste, Ralf Oberbichler: „...“': a sentence with no verb of speech that ends in a
    full name set off by a comma, then the colon: the name speaks, the words before the comma its
    role. The name must open with a known first name or follow a title, so that a place ('...,
    Nueva York:') is no speaker."""
    w = d.words
    if hi - lo < 4 or w[hi - 1] != ":":
        return None
    c = hi - 2
    while c > lo and w[c] != "," and hi - c < 6:
        c -= 1
    if w[c] != "," or hi - 1 - (c + 1) < 2 or name_end(d, c + 1, hi - 1) != hi - 1:
        return None
    if not given_in(name_key(w[c + 1]), intl.language(d.text)) and low(w[c - 1]) not in ROLE_NOUNS:
        return None
    if any(low(x) in _VERBS for x in w[lo:c]):
        return None  # 'X a répondu au directeur, Olivier Masson :': the verb's subject speaks
    name = span_text(d, c + 1, hi - 1)
    return Cue("name", name, d.starts[c + 1], d.ends[hi - 2], name=name,
               role=w[c - 1] if low(w[c - 1]) in ROLE_NOUNS else None, rule="cue-before")  # fmt: skip


# 'What' after 'according to' ('secondo quanto', 'según lo', 'segundo o (que)', "selon ce (qu')"),
# and the prepositions that then bring in who reported it ('dai carabinieri', 'pela polícia').
_WHAT = frozenset(("quanto", "lo", "o", "ce", "cuanto"))
_AGENT = _w("da dal dallo dalla dai dagli dalle por pela pelo pelas pelos par door von przez")


def _past_reported(d: Doc, v: int, hi: int) -> int:
    """'Secondo quanto riferito dai carabinieri', 'Según lo informado por la Guardia Civil',
    "Selon ce qu'a indiqué la gendarmerie": after the 'according to' at token v, 'what' and a
    reporting verb (and its agent's preposition) before the source; the token the source
    follows (v itself when the phrase has no such shape)."""
    w = d.words
    if v + 3 >= hi or low(w[v + 1]) not in _WHAT:
        return v
    if low(w[v + 1]) == "ce" and low(w[v + 2]).startswith(("qu'", "qu’")):
        return v + 3  # "ce qu'a indiqué": the source follows the participle
    for k in range(v + 2, min(hi - 1, v + 6)):
        if low(w[k]) in _AGENT:
            return k
        if not w[k].isalpha() or not w[k].islower():
            break
    return v


def _genitive_tail(d: Doc, a: int, end: int, lang: str) -> Cue | None:
    """'Prema riječima direktorice turističke zajednice Ivane Perkušić', 'Pasak Žemės ūkio
    ministerijos atstovės Rasos Jankauskienės': in a language with no article (or one that sets
    a genitive place before a name), the 'according to' phrase [a, end) ends in a title, its
    genitive complement and the person's name, declined. The name is the two or three capitalised
    words closing it after a lower-case word that is no preposition, when its first word, as
    written or back in the nominative, is a known first name (a body's name is not)."""
    if lang not in ARTICLELESS and lang not in GENITIVE_PLACE:
        return None
    w = d.words
    k = end
    while k > a and is_cap(w[k - 1]) and end - k < 4:
        k -= 1
    if not 2 <= end - k <= 3 or k <= a or not w[k - 1].isalpha() or not w[k - 1].islower():
        return None
    if low(w[k - 1]) in cw.LINKS_OR_DETS or low(w[k - 1]) in cw.ADJUNCT:
        return None
    name = span_text(d, k, end)
    first = nominative_name(name, lang).split()[0]
    back = nominative(name, lang).split()[0] if lang in DECLINED else first  # 'Markéty' -> Markéta
    if not any(given_in(name_key(x), lang) for x in (w[k], first, back)):
        return None
    return Cue("name", name, d.starts[k], d.ends[end - 1], name=name,
               role=span_text(d, a, k), rule="according-to")  # fmt: skip


# words after which 'him' or 'her' has the subject pronoun's form ('con él', 'met hem' aside)
_PREPOSITIONS = _w("a à de da di con com mit met avec para per por pour van von voor zu na")


def _subject_later(d: Doc, lo: int, hi: int) -> Cue | None:
    """A one-word 'name' opening a sentence that ends in a colon may be an adverb or a participle
    ('Alleen aan het eind sprak hij kort:', 'Preguntado por las críticas, respondió:', 'Poi
    aggiunge:'): a subject pronoun after a verb later in the sentence, or a speech verb alone
    after its last comma or after adverbs only, says who speaks; None when neither is there."""
    w = d.words
    for k in range(lo + 2, hi):
        x, before = low(w[k]), w[k - 1]
        subject = intl.PRONOUN_MAP.get(x) in ("he", "she") and low(before) not in _PREPOSITIONS
        if subject and before.isalpha() and before.islower():
            return Cue("pronoun", w[k], d.starts[k], d.ends[k], rule="cue-before")
    bare = all(low(x) in AUX for x in w[lo : hi - 1])  # 'Poi aggiunge:', 'Luego añadió:'
    if low(w[hi - 1]) in _VERBS and (bare or hi - lo > 3 and w[hi - 2] == ","):
        return Cue("implicit", w[hi - 1], d.starts[hi - 1], d.ends[hi - 1], rule="cue-before")
    return None


def _name_after_opener(d: Doc, lo: int, hi: int) -> Cue | None:
    """'Opozicijska svetnica Mateja Kranjc se ne strinja:', 'Одборница опозиције Јелена Марковић
    се не слаже:': the sentence opens with a capitalised description (no first name), then a
    full name within the next four words that opens with a known first name: that name, the
    words before it its role."""
    w = d.words
    lang = intl.language(d.text)
    if given_in(name_key(w[lo]), lang):
        return None
    for k in range(lo + 1, min(hi - 1, lo + 5)):
        if not is_cap(w[k]):
            continue
        e = name_end(d, k, hi)
        if e - k < 2 or not given_in(name_key(w[k]), lang):
            return None
        name = span_text(d, k, e)
        return Cue("name", name, d.starts[k], d.ends[e - 1], name=name,
                   role=span_text(d, lo, k), rule="cue-before")  # fmt: skip
    return None


def before_quote(d: Doc, lo: int, hi: int, mask: list[bool]) -> Cue | None:
    """Cue in the sentence before a quotation: 'X a déclaré :', 'Er sagte:', 'Segundo ela,',
    and the bare 'Smit: "..."' of a sentence that is only a name and a colon."""
    w = d.words
    lang = intl.language(d.text)
    if lang == "ar":
        return cues_ar.before_quote(d, lo, hi, mask)
    if lang == "tr" and (tr := cues_tr.before_quote(d, lo, hi)) is not None:
        return tr
    if hi - 1 > lo and w[hi - 1] == ":" and name_end(d, lo, hi - 1) == hi - 1:
        p = given_start(d, lo, hi - 1)  # 'Fractievoorzitter Ayoub Benali:'
        name = span_text(d, p, hi - 1)
        role = span_text(d, lo, p) if p > lo else None
        return Cue("name", span_text(d, lo, hi - 1), d.starts[lo], d.ends[hi - 2], name=name,
                   role=role, rule="cue-before")  # fmt: skip
    if (colon_named := _apposed_before_colon(d, lo, hi)) is not None:
        return colon_named
    for v in range(hi - 1, lo - 1, -1):
        if mask[v] or v > lo and low(w[v - 1]) in _NOUN_AFTER and w[v].islower():
            continue  # 'informou, em nota, que': a noun spelt like a speech verb ('nota')
        lv = low(w[v])
        if lv in intl.ACCORDING and v + 1 < hi and low(w[v + 1]) in cw.RELATIVE:
            return Cue("implicit", w[v], d.starts[v], d.ends[v], rule="according-to")
        if lv in intl.ACCORDING or cw.according_phrase(d, v, lo):
            if v + 1 < hi and low(w[v + 1]) in _VERBS:
                v += 1  # 'Según explicó la concejala X,': the verb between
            v = _past_reported(d, v, hi)  # 'Secondo quanto riferito dai carabinieri
            end = v + 1
            while end < hi and w[end] not in (",", ":", ";") and not mask[end]:
                end += 1
            n = name_end(d, end + 1, hi) if end + 1 < hi and w[end] == "," else end
            apposed = end + 1
            if n > end + 1 and n < hi and w[n] == ",":
                end = n  # 'A juicio del alcalde, Félix Ortega, ...': the name in apposition
            if v > lo and low(w[v - 1]) in POSSESSIVES and end == v + 1:
                # 'По его словам, «...»', 'Jego zdaniem': the person last made the subject
                return Cue("implicit", w[v - 1], d.starts[v - 1], d.ends[v], rule="according-to")
            if (oblique := cw.oblique_after(d, v, hi, mask, lang)) is not None:
                return oblique  # 'Według niego „...”', 'Volgens hem zal ...', 'Pasak jo, ...'
            if end == n and n - apposed > 1 and w[v + 1][0].islower():
                # 'Potrivit președintelui Consiliului Județean, Florin Toma,': the name set off
                # after the title speaks (in the nominative where the title is declined)
                name = span_text(d, apposed, n)
                if lang in DECLINED:
                    name = nominative(name, lang)  # in apposition to a genitive title
                r = v + 1
                while r < apposed - 2 and low(w[r]) in cw.DETS:
                    r += 1  # 'la ministre de la Culture' -> ministre de la Culture
                return Cue("name", name, d.starts[apposed], d.ends[n - 1], name=name,
                           role=span_text(d, r, apposed - 1), rule="according-to")  # fmt: skip
            genitive = lang in DECLINED
            if genitive and (g := genitive_speaker(d, v + 1, end, lang)) is not None:
                if len((g.name or "").split()) < 2 and (t := _genitive_tail(d, v + 1, end, lang)):
                    # 'podle mluvčí České pošty Markéty Dvořákové': the name, not 'České'
                    nom = nominative(t.name or "", lang)
                    return Cue("name", t.surface, t.start, t.end, name=nom, role=t.role,
                               rule=t.rule)  # fmt: skip
                return g
            cue = _genitive_tail(d, v + 1, end, lang) or np_after(d, v + 1, end, "according-to")
            if cue is None:
                cue = clause_final_name(d, v + 1, min(end + 1, hi), "according-to")
            if cue is None and cw.described(d, v + 1, min(end + 1, hi)):
                # 'Segundo a parlamentar, ...': a description for the person already named
                return Cue(
                    "implicit", w[v + 2], d.starts[v + 2], d.ends[v + 2], rule="according-to"
                )
            return (
                cue
                or source_noun(d, v + 1, end, "according-to")
                or unknown_cue(d, v, "according-to")
            )
        if lv in cw.PASSIVE_SPEECH and (got := cw.passive_source(d, v, lo, hi, "cue-before")):
            return got  # 'Kaupungin tiedotteessa todetaan, että ”...”'
        if lv in _VERBS:
            if v > lo + 1 and low(w[lo]) in _ADVERBIAL and (got := _inverted_subject(d, v, hi)):
                return got  # 'I ett skriftligt svar skriver presschefen Karin Björk att ”...”'
            past = past_agency(w, v + 1, hi)  # 'сообщила «Интерфаксу» пресс-секретарь суда'
            got = np_after(d, past, hi, "cue-before") if v == lo + 1 else None
            pron = got is not None and got.kind in ("pronoun", "implicit")
            if pron and got is not None and low(got.surface) not in _OBJECT_TOO:
                return got  # 'Hiljem lisas ta:', 'Später sagte er:' (verb second)
            u = v - 1
            while u > lo and (low(w[u]) in AUX or low(w[u]) in ("l'a", "l’a")):
                u -= 1  # 'Come ha spiegato il sindaco', "Comme l'a expliqué la maire"
            as_says = u >= lo and (low(w[u]) in cw.AS_SAYS or low(w[u]) in intl.ACCORDING)
            if as_says and (got := np_after(d, past, hi)):
                return got  # 'Jak mówi Agnieszka Pawlak, ...', 'Como explica la alcaldesa, ...'
            cue = subject_before(d, v, lo, mask, "cue-before")
            if cue is not None:
                return cue
    if hi - 1 > lo + 1 and w[hi - 1] == ":" and not mask[lo] and low(w[lo]) not in OPENERS:
        # 'Il sindaco ha difeso la misura sui social: «...»': the sentence's subject speaks
        cue = np_after(d, lo, hi - 1, "cue-before")
        if cue is not None and cue.kind == "name" and " " not in (cue.name or " "):
            cue = _name_after_opener(d, lo, hi - 1) or cue
            if cue.start == d.starts[lo] and " " not in (cue.name or " "):
                cue = _subject_later(d, lo, hi - 1) or cue
        if cue is not None and cue.kind in ("name", "definite", "role", "pronoun"):
            return cue
    for f in range(lo, hi - 1):
        side = low(w[f]) == "côté" and f - 1 == lo and low(w[lo]) in ("du", "de")
        if (low(w[f]) not in cw.FOR or f > lo and w[f - 1] != "," or mask[f]) and not side:
            continue
        # 'Para o economista Paulo Nogueira, ... o programa é "..."', 'Sin embargo, para el
        # ingeniero agrónomo X, la ayuda "..."': whose view it is, at a clause's start
        end = f + 1
        while end < hi and w[end] not in (",", ":", ";") and not mask[end]:
            end += 1
        cue = np_after(d, f + 1, end, "according-to") if end < hi else None
        if end < hi and (cue is None or cue.kind in ("definite", "role")):
            cue = clause_final_name(d, f + 1, end + 1, "according-to") or cue
        if cue is not None and cue.kind in ("definite", "role") and w[end] == ",":
            # 'Per il capogruppo del Pd in consiglio regionale, Davide Rinaldi, si tratta di':
            # the full name set off after the title
            n = name_end(d, end + 1, hi)
            if n - end > 2 and n < hi and w[n] == ",":
                name = span_text(d, end + 1, n)
                return Cue("name", name, d.starts[end + 1], d.ends[n - 1], name=name,
                           role=cue.role, rule="according-to")  # fmt: skip
        if cue is not None and cue.kind in ("name", "definite", "role"):
            return cue
    return None


# Prepositions and indefinite articles: the word after one is a noun, not a speech verb
# ('em nota', 'in una nota', 'un comunicado').
_NOUN_AFTER = _w("em in na nella nel numa num una uma um un une einer einem")
