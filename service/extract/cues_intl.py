"""Speech cues in French, German, Spanish, Italian, Portuguese and Dutch: '« ... », a déclaré X',
'„...“, sagte er', '"...", dijo la ministra de X, Y', 'selon X', '»...«, so X', pro-drop '..., añadió'.

Used by service.extract.cues for text that service.extract.lexicon_intl.language() does not judge
English; returns the same Cue records as the English patterns.
"""

from __future__ import annotations

from service.extract import cue_words_intl as cw
from service.extract import cues_ar, cues_tr, outlets_intl, slavic_names_intl, unnamed_intl
from service.extract import lexicon_intl as intl
from service.extract import lexicon_new_intl as new
from service.extract.name_span_intl import (
    apposed_name,
    bare,
    circles,
    clause_end,
    clause_final_name,
    described_apposition,
    described_name,
    finnish_allative,
    genitive_then_name,
    given_start,
    inner_name,
    manner,
    name_end,
    office_before,
    partitive,
    past_place,
    skip_dative,
    tail_name,
    title_word,
    where_said,
    with_article,
)
from service.extract.names import (
    LOWER_TITLES,
    ORG_WORDS,
    PLURAL_ROLES,
    QUOTE_CHARS,
    ROLE_NOUNS,
    Doc,
    is_acronym,
    is_cap,
    low,
)
from service.extract.noun_phrases import AUX, TIME_WORDS, Cue
from service.extract.resolve_intl import GENERIC
from service.extract.role_phrase_intl import (
    first_word,
    phrase_start,
    role_before,
    role_of,
    span_text,
)


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


_LINKS, _DETS, _INDEFINITE, _PARTICLES = cw.LINKS, cw.DETS, cw.INDEFINITE, cw.PARTICLES
_PRE_TITLE, _STOP, _ELIDED = cw.PRE_TITLE, cw.STOP, cw.ELIDED
_LINKS_OR_DETS = cw.LINKS_OR_DETS
_VERBS, _INVERTED = cw.VERBS, cw.INVERTED
# Capitalised words that open a sentence without naming anyone ('Avant d'ajouter :', 'E aggiunge:').
OPENERS = intl.FUNCTION_WORDS - _DETS


def _pronoun(d: Doc, i: int, rule: str) -> Cue | None:
    lw = low(d.words[i])
    if intl.PRONOUN_MAP.get(lw) in ("he", "she", "they") and lw not in cw.NOT_PRONOUNS.get(
        intl.language(d.text), ()
    ):
        return Cue("pronoun", d.words[i], d.starts[i], d.ends[i], rule=rule, plural=lw == "ils")
    if (noun := cw.person_noun(d, i, rule)) is not None:
        return noun  # '– каже жінка.'
    if lw in cw.OWN_PRONOUNS.get(intl.language(d.text), ()):
        # Romanian 'el', Slavic 'on': a word that is an article or a preposition elsewhere,
        # read as 'he' only in its own language, and resolved like a dropped subject
        return Cue("implicit", d.words[i], d.starts[i], d.ends[i], rule=rule)
    return None


def _titled(d: Doc, start: int, head: int, hi: int, rule: str) -> Cue | None:
    """The phrase from `start` whose title word is at `head`: a named person ('la ministra de X,
    Lucía Serrano'; 'GDL-Chef Klaus Brenner') or a role ('un porte-parole de la DGAC')."""
    w = d.words
    while head + 1 < hi and low(w[head + 1]) in ROLE_NOUNS and not is_cap(w[head + 1]):
        head += 1  # 'Premier ministre', 'ministre délégué'
    end = head + 1
    if end < hi and (
        low(w[end]) in _LINKS
        or low(w[end]) in cw.DOMAIN
        and end + 1 < hi
        and is_cap(w[end + 1])
        or low(w[end]).startswith(_ELIDED)
        or is_cap(w[end])
        or w[end][0].islower()
        and low(w[end]) not in _STOP
    ):
        n_end = name_end(d, end, hi) if bare(w[end]) == low(w[end]) else end
        lang = intl.language(d.text)
        if n_end > end + 1 and is_cap(w[end]) and (ap := apposed_name(d, n_end, hi)) is not None:
            # 'directoarea Direcției Drumuri Județene, Mariana Stoica': the body, then the name
            return Cue("name", span_text(d, start, ap[1]), d.starts[start], d.ends[ap[1] - 1],
                       name=span_text(d, *ap), role=span_text(d, first_word(d, start, head), n_end),
                       rule=rule)  # fmt: skip
        if lang == "id" and n_end + 1 < hi and w[n_end] == "," and is_cap(w[n_end + 1]):
            n_end = end  # 'Wali Kota Sidomulyo, Hendra Wijaya': the office's town, then the name
        elif n_end - end > 2 and (lang in ("ru", "id") or lang in new.GENITIVE_PLACE):
            end = slavic_names_intl.last_name_start(d, end, n_end)  # 'жительница X Нина Петрова'
        elif n_end - end > 2:
            end = given_start(d, end, n_end)  # 'burmistrz Stawisk Andrzej Jankowski'
        if n_end > end and outlets_intl.name_closed(w, n_end, hi):
            # 'ministre Jean Dupont' / 'GDL-Chef Klaus Brenner': the title sits before the name
            name = span_text(d, end, n_end)
            if not any(low(x) in intl.ORG_WORDS for x in w[end:n_end]) and len(name.split()) > 1:
                role = span_text(d, first_word(d, start, head), head + 1)
                return Cue("name", span_text(d, start, n_end), d.starts[start], d.ends[n_end - 1],
                           name=name, role=role, rule=rule)  # fmt: skip
        end = clause_end(d, end, hi)
    role_start = first_word(d, start, head)
    # 'primarul comunei Valea Rece, Sorin Mărgineanu': a full name set off after the comma is
    # the person, the capitals before it the place
    apposed = end + 1 < hi and w[end] == "," and name_end(d, end + 1, hi) - end > 2
    p = -1 if apposed else tail_name(d, head + 2, end)
    if p <= 0 and not apposed and (p := inner_name(d, head + 2, end)) > 0:
        # 'Kapitan gospodarzy Michał Sobczak studził emocje:': the name inside the clause
        end = name_end(d, p, end)
    if p > 0:
        # "l'échevin de l'opposition Olivier Deleuze", "il ministro dell'Economia Paolo Rossi"
        name = span_text(d, p, end)
        role = span_text(d, role_start, p)
        return Cue("name", span_text(d, start, end), d.starts[start], d.ends[end - 1], name=name,
                   role=role[len(w[role_start]) - len(bare(w[role_start])) :],
                   rule=rule)  # fmt: skip
    role = span_text(d, role_start, end)
    role = role[len(w[role_start]) - len(bare(w[role_start])) :]  # "l'assessore" -> 'assessore'
    end = past_place(d, end, hi)  # 'el portavoz de Asaja en la comarca, Bartolomé Ruiz'
    if end + 1 < hi and w[end] == ",":
        n_end = name_end(d, end + 1, hi)
        if n_end > end + 1 and (n_end >= hi or w[n_end] in (".", ",", ";", "!", "?", "(")):
            return Cue("name", span_text(d, end + 1, n_end), d.starts[end + 1],
                       d.ends[n_end - 1], name=span_text(d, end + 1, n_end), role=role,
                       rule=rule)  # fmt: skip
    det = low(w[start]) if start < role_start else ""
    if not det and low(w[start]).startswith(_ELIDED):
        det = "l'"
    lang = intl.language(d.text)
    indefinite = det in _INDEFINITE and not cw.definite_a(det, lang)  # not 'acrescentou a autarca'
    # a Nordic or Romanian title with its suffixed article ('sier rektoren', 'säger ordföranden',
    # 'a precizat edilul', 'spune ministrul') is definite
    h = low(w[head])
    suffixed = start == head and (
        lang in ("sv", "da", "no", "ro")
        and with_article(h, lang)
        or lang == "ro"
        and h.endswith(("ul", "ului"))
    )
    kind = "definite" if det and not indefinite or suffixed else "role"
    plural = low(w[head]) in PLURAL_ROLES
    return Cue(kind, span_text(d, start, end), d.starts[start], d.ends[end - 1], role=role,
               rule=rule, plural=plural)  # fmt: skip


def np_after(d: Doc, k: int, hi: int, rule: str = "cue-after") -> Cue | None:
    """The speaker phrase starting at token k: pronoun, titled name, role phrase or bare name."""
    w = d.words
    while k < hi and low(w[k]) in TIME_WORDS:
        k += 1
    while k + 1 < hi and all(x[-1] == "." and x[:-1] in LOWER_TITLES for x in w[k : k + 2]):
        k += 1  # 'prof. dr. sc. Ana Babić': the last abbreviation reads as one title does
    if k >= hi or not w[k][0].isalnum():
        return None
    lk = low(w[k])
    if lk not in _DETS or lk in cw.OWN_PRONOUNS.get(intl.language(d.text), ()):
        p = _pronoun(d, k, rule)
        if p is not None:
            return p
    if (part := partitive(d, k, hi, rule)) is not None:
        return part
    if (named := unnamed_intl.honorific_given(d, k, hi, rule)) is not None:
        return named  # 'tłumaczy pani Helena'
    if lk in cw.SURNAME_HONORIFICS and k + 1 < hi and is_cap(w[k + 1]):
        k, lk = k + 1, low(w[k + 1])  # 'a spus doamna Ionescu': the surname names her
    start = k
    if lk == "su" and k + 1 < hi and is_cap(w[k + 1]):
        return None  # Italian 'su Facebook' (on), not the Spanish possessive 'su portavoz'
    # 'De Groot' mid-sentence is a surname, not an article and a name; 'Der Vorsitzende' is a title
    own_det = lk in unnamed_intl.OWN_INDEFINITE.get(intl.language(d.text), ())
    det = (
        own_det
        or lk in _DETS
        and not (
            cw.capital_particle(d, k)
            and k + 1 < hi
            and is_cap(w[k + 1])
            and bare(w[k + 1]) not in ROLE_NOUNS
        )
    )
    j = k + 1 if det else k
    if det and j + 1 < hi and low(w[j]) in cw.EL_HONORIFICS and is_cap(w[j + 1]):
        j += 1  # 'είπε ο κ. Καραγιάννης', 'η κα Λάμπρου': Mr, Mrs
    if j + 1 < hi and bare(w[j + 1]) in ROLE_NOUNS and intl.language(d.text) in ("sv", "da", "no"):
        j += low(w[j]).endswith("s")  # 'klubbens ordförande Johan Ek': a genitive before a title
    if (
        det
        and j < hi
        and w[j][:1].isdigit()
        and cw.german_person_noun(d, j)
        and not (
            j + 1 < hi and is_cap(w[j + 1])  # 'die 74-jährige Heidi Graf': an age before a name
        )
    ):
        # 'sagt der 58-Jährige': an age for a noun, read like 'er' (the person just written of)
        return Cue("implicit", w[j], d.starts[j], d.ends[j], rule=rule)
    # a title within the next few words: 'le ministre', 'der frühere Minister', "l'ancien ministre"
    h = j
    # a language with no article may put lower-case words before the title: the body in the
    # genitive ('ehitusfirma juht Kadri Saar', 'visuomenės sveikatos centro specialistė'), an
    # adjective ('tiskovna predstavnica Tanja Zupan'); in the Baltic languages a capitalised
    # genitive too ('Švietimo ministerijos atstovė Aistė Vaitkutė')
    lang = intl.language(d.text)
    baltic, bare_np = lang in new.BALTIC, lang in new.ARTICLELESS
    reach = 4 if baltic else 3
    while (
        h < hi
        and h - j < reach
        and (h == j or bare(w[h - 1]) in _PRE_TITLE or baltic or bare_np and w[h - 1].islower())
    ):
        if title_word(w[h], lang):
            return _titled(d, start, h, hi, rule)
        h += 1
    if det and j + 2 < hi and w[j].islower() and low(w[j + 1]) in _LINKS:
        # 'la substitute du procureur du Roi', "l'adjointe au maire": a noun no list holds, of a
        # title (after its article): a definite role
        t = j + 2 + (low(w[j + 2]) in _DETS)
        if t < hi and title_word(w[t], lang) and not is_cap(w[t]):
            e = clause_end(d, j, hi)
            return Cue("definite", span_text(d, start, e), d.starts[start], d.ends[e - 1],
                       role=span_text(d, j, e), rule=rule)  # fmt: skip
    # 'le syndicat SNCTA', 'la Banca d'Italia', 'le ministère de l'Intérieur', 'Marc Lefèvre, ...'
    n = j
    org = -1
    while n < hi and n - j < 4 and not is_cap(w[n]) and w[n][0].isalnum():
        b = bare(w[n])
        if b in ORG_WORDS:
            org = n if org < 0 else org
        elif b not in _LINKS and b not in _DETS:
            if org >= 0:
                break
            # 'melkveehouder Jan Visser': one descriptive word before a full name
            e = name_end(d, n + 1, hi)
            if n == j and e == n + 1 and (a := apposed_name(d, e, hi)) is not None:
                # 'si lamenta una madre, Francesca Ruggeri.': the noun, then its name
                return Cue("name", span_text(d, a[0], a[1]), d.starts[a[0]], d.ends[a[1] - 1],
                           name=span_text(d, a[0], a[1]), role=w[n], rule=rule)  # fmt: skip
            if n == j and (kn := unnamed_intl.kind_then_name(d, n, e, det, rule)) is not None:
                return kn  # 'A transportadora Rodonova': what the body is, then its name
            if n == j and e - n > 2:
                g = given_start(d, n + 1, e)  # 'wójt Rokitnicy Janusz Cieślak': a place first
                return Cue("name", span_text(d, n, e), d.starts[n], d.ends[e - 1],
                           name=span_text(d, g, e), role=span_text(d, n, g), rule=rule)  # fmt: skip
            if n == j and e == n + 1 and (gn := genitive_then_name(d, n, hi)) is not None:
                # 'predajkyňa zeleniny Mária Horváthová': a noun, its genitive, then the name
                return Cue("name", span_text(d, n, gn[1]), d.starts[n], d.ends[gn[1] - 1],
                           name=span_text(d, *gn), role=span_text(d, n, gn[0]), rule=rule)  # fmt: skip
            if (e := unnamed_intl.someone(d, start, n, hi, rule)) > n:
                # '« ... », résume un opérateur, qui ...', 'spiega una nota di Poste': a noun no
                # title list holds, with an indefinite article, closing the clause after the
                # speech verb: someone (or some paper) the text does not name
                return Cue("role", span_text(d, start, e), d.starts[start], d.ends[e - 1],
                           role=span_text(d, n, e), rule=rule)  # fmt: skip
            return None
        n += 1
    n_end = name_end(d, n, hi)
    if n_end == n:
        if org >= 0 and org + 1 < hi and low(w[org + 1]) in _LINKS:
            # 'la asociación de padres': the body's descriptive name
            e = clause_end(d, org + 1, hi)
            name = cw.unelided(span_text(d, org, e))  # 'l'associazione dei tartufai'
            s0 = d.ends[e - 1] - len(name)
            return Cue("name", name, s0, d.ends[e - 1], name=name, rule=rule)
        if org >= 0:
            # 'l'azienda', 'die Regierung': a body named by its kind (the role without 'l'')
            return Cue("definite", span_text(d, start, org + 1), d.starts[start],
                       d.ends[org], role=bare(w[org]), rule=rule)  # fmt: skip
        return None
    if org >= 0 and any(low(x) in _LINKS or low(x).startswith(_ELIDED) for x in w[org + 1 : n + 1]):
        n = org  # 'ministère de l'Intérieur': the body's own name
    elif n_end == n + 1 and bare(w[n]) in ORG_WORDS and n_end < hi and low(w[n_end]) in _LINKS:
        # "L'Union des classes moyennes de Laeken": a capitalised body word, then what it is of
        n_end = clause_end(d, n_end, hi)
    if det and n_end == n + 1 and n == j and cw.german_person_noun(d, n):
        # 'meint der Mediziner', 'sagte die 54-Jährige': a German noun after its article
        return Cue("definite", span_text(d, start, n_end), d.starts[start], d.ends[n],
                   role=w[n], rule=rule)  # fmt: skip
    name = span_text(d, n, n_end)
    if bare(w[n]) != low(w[n]):
        name = name[len(w[n]) - len(bare(w[n])) :]
    role = None
    if n_end + 1 < hi and w[n_end] == ",":
        r = n_end + 1
        r0 = r + 1 if low(w[r]) in _DETS else r
        if any(low(x) in ROLE_NOUNS for x in w[r0 : min(hi, r0 + 3)]):
            role = span_text(d, r0, clause_end(d, r0, hi)) or None
    s0 = d.ends[n_end - 1] - len(name)
    return Cue("name", name, s0, d.ends[n_end - 1], name=name, role=role, rule=rule)


def unknown_cue(d: Doc, i: int, rule: str) -> Cue:
    """A speech cue whose speaker could not be read: blocks inheriting the previous speaker."""
    return Cue("unknown", d.words[i], d.starts[i], d.ends[i], rule=rule)


def after_quote(d: Doc, i: int, hi: int, mask: list[bool]) -> Cue | None:
    """Cue right after a quotation: '..., a déclaré X', '..., sagte er', '..., selon X'."""
    w = d.words
    lang = intl.language(d.text)
    if lang == "ar":
        return cues_ar.after_quote(d, i, hi, mask)
    if lang == "tr" and (tr := cues_tr.after_quote(d, i, hi, mask)) is not None:
        return tr
    while i < hi and w[i] in (",", "—", "–", "-"):
        i += 1
    if i < hi and (w[i] == "." or d.sent_start[i]):
        cue = _resumed(d, i + (w[i] == "."), mask)
        if cue is not None:
            return cue
    if i >= hi or mask[i]:
        return None
    t = low(w[i])
    if t in cw.PASSIVE_SPEECH:  # '..., – skelbiama teismo nuosprendyje': the document says
        return cw.passive_source(d, i, i, hi, "cue-after")
    inv = intl.inverted_pronoun(w[i])
    if inv is not None:
        verb, pron = inv
        if verb in _VERBS or verb in AUX and i + 1 < hi and low(w[i + 1]) in _VERBS:
            e = d.ends[i]
            return Cue("pronoun", d.text[e - len(pron) : e], e - len(pron), e, rule="cue-after",
                       plural=pron.endswith("s"))  # fmt: skip
        return None
    # '„... Branche.“ Nach Angaben der Staatsanwaltschaft laufen ...': a sentence the quotation
    # closed is over; an 'according to' opening the next one sources that sentence's own claim
    closed = d.sent_start[i] and i > 1 and w[i - 1] in QUOTE_CHARS and w[i - 2] in (".", "!", "?")
    if closed and (
        t in intl.ACCORDING or any(cw.according_phrase(d, v, i) for v in (i + 1, i + 2) if v < hi)
    ):
        return None
    if t in intl.ACCORDING or t in ("so", "aldus"):
        k = i + 1
        while k < hi and k - i < 3 and (low(w[k]) in AUX or low(w[k]) in _VERBS):
            k += 1  # 'según explicó el alcalde', 'secondo quanto ha detto' keep the verb
        return (
            np_after(d, k, hi, "according-to")
            or unnamed_intl.source_noun(d, k, hi, "according-to")
            or unknown_cue(d, i, "according-to")
        )
    for v in range(i + 1, min(hi, i + 3)):
        if cw.according_phrase(d, v, i):  # '..., de acordo com X', '..., stando a X'
            return np_after(d, v + 1, hi, "according-to") or unknown_cue(d, v, "according-to")
    if t in cw.IT_SAYS and i + 2 < hi and low(w[i + 1]) in ("es", "het"):  # 'klinkt het bij X'
        return (np_after(d, i + 3, hi) if low(w[i + 2]) == "bij" else None) or circles(d, i + 2, hi)
    if t in cw.CAUSATIVE and (told := cw.told_at(d, i, hi)) > 0:
        # '„...“, ließ er über seinen Verteidiger erklären', '"...", laat de gemeente weten'
        return np_after(d, i + 1, told) or unknown_cue(d, i, "cue-after")
    j = i
    while (
        j < hi
        and (low(w[j]) in AUX or low(w[j]) in cw.MAKE or low(w[j]) in cw.PRE_CLITICS)
        and j - i < 3
    ):
        j += 1
    if j < hi and (low(w[j]) in _INVERTED or cw.unfused(w[j]) in _INVERTED):
        k = j + 1
        while k < hi and k - j < 3 and cw.post_clitic(w[k], lang):
            k += 1
        if (
            k + 2 < hi
            and w[k + 1][0].islower()
            and w[k + 1].isalpha()
            and (is_acronym(w[k]) or is_cap(w[k]) and bare(w[k + 1]) in ROLE_NOUNS)
        ):
            k += 1  # 'powiedział PAP burmistrz X', 'řekl Deníku místostarosta X': the outlet
        elif lang == "fi" and k + 1 < hi and finnish_allative(w[k]) and w[k + 1][0].isalpha():
            k += 1  # 'sanoo Keskisuomalaiselle puheenjohtaja X': the outlet told, in the allative
        k = skip_dative(d, k, hi)
        src = k < hi and low(w[k]) in cw.SOURCE_FROM  # 'spiegano dal ministero': the body speaks
        if src and (pa := _past_adjunct(d, k, hi)) == k:
            return np_after(d, k + 1, hi) or unknown_cue(d, j, "cue-after")
        k = pa if src else k  # 'gritó desde el estrado el presidente': a place, then the subject
        if (office := where_said(d, j, k, hi)) is not None:
            return office  # '«...», — уточнили в пресс-службе администрации'
        if (pt := cw.past_time(d, k, hi)) > k and pt < hi and w[pt][0].isalnum():
            k = pt  # 'poinformowało w czwartek Ministerstwo Zdrowia', 'dijo el martes el alcalde'
        if k < hi and low(w[k]) in cw.ADJUNCT:
            k = _past_adjunct(d, k, hi)
        if lang in ("id", "ms") and cw.demonstrative(d, k, hi):
            # 'tegas politikus itu': that politician, someone brought in before
            return Cue("implicit", w[j], d.starts[j], d.ends[j], rule="cue-after")
        cue = np_after(d, k, hi)
        if cue is not None and cue.kind == "pronoun" and cw.plural_she(w[j], cue.surface, lang):
            return unknown_cue(d, j, "cue-after")  # 'sagten sie', 'zeiden ze': they, not she
        if (cue is None or cue.kind in ("definite", "role")) and (
            named := clause_final_name(d, k, hi, "cue-after")
        ) is not None:
            return named
        if cue is None and cw.described(d, k, hi):
            # '"...", insistió el especialista.': a noun no list holds, with a definite article,
            # for someone the text has already brought in: read like a dropped subject
            return Cue("implicit", w[k + 1], d.starts[k + 1], d.ends[k + 1], rule="cue-after")
        if cue is None:
            k = cw.past_time(d, k, hi)  # 'dijo el martes.', 'sagte er am Montag' has a subject
            if (
                k >= hi
                or w[k] in (".", "!", "?", ";")
                or cw.quote_resumes(d, k, hi, mask)
                or low(w[k]) in cw.ADJUNCT
                or low(w[k]) in cw.NOT_PRONOUNS.get(lang, ())  # 'powiedziała ze łzami'
                or low(w[k]) in cw.SUBORDINATORS
                or manner(d, k, hi)
            ):
                # '..., añadió.' / '..., ha detto a margine di un evento': no subject follows
                # a dropped subject ('..., añadió.'): the last speaker goes on
                return Cue("implicit", w[j], d.starts[j], d.ends[j], rule="cue-after")
            return unknown_cue(d, j, "cue-after")
        return cue
    # '..., X a déclaré' / '..., Brenner sagte'
    for v in range(i + 1, min(hi, i + 14)):
        if mask[v] or w[v] in QUOTE_CHARS or w[v] in (".", ";", "!", "?"):
            return None
        if w[v] == "," and v + 1 < hi and low(w[v + 1]) in _INVERTED:
            # 'Sie habe „aus der Zeitung“ erfahren, sagte sie': the clause's own cue
            return after_quote(d, v + 1, hi, mask)
        if low(w[v]) in _VERBS:
            cue = subject_before(d, v, i, mask)
            if cue is not None and d.tok_at(cue.start) > i + 1:
                return None
            return cue
    return None


def _past_adjunct(d: Doc, k: int, hi: int) -> int:
    """'dijo en rueda de prensa el ministro', 'señaló en la red social X la diputada Y': the token
    after the adjunct where a title phrase starts; k when none does within a few words."""
    w = d.words
    for m in range(k + 1, min(hi - 1, k + 8)):
        if w[m] in (",", ".", ";"):
            break
        if low(w[m]) in _DETS and bare(w[m + 1]) in ROLE_NOUNS:
            return m
        if low(w[m]) in ROLE_NOUNS and w[m - 1][0].islower() and low(w[m - 1]) not in _DETS:
            # 'napisał w oświadczeniu prezes spółki Marek Wiśniewski': no article before the
            # title, so a full name must close the clause after it
            cue = _titled(d, m, m, hi, "cue-after")
            if cue is not None and cue.kind == "name" and len((cue.name or "").split()) > 1:
                e = d.tok_at(cue.end)
                if e >= hi or w[e] in (".", ",", ";", "!", "?", "("):
                    return m
    a = k + 2
    if a + 2 < hi and low(w[k + 1]) in _INDEFINITE and w[a].isalpha() and w[a].islower():
        # 'assure dans un communiqué le groupe Pétrolia': a medium (a preposition, an indefinite
        # article, one noun), then the body named with its article
        det = low(w[a + 1])
        cue = np_after(d, a + 1, hi) if det in _DETS and det not in _LINKS else None
        if cue is not None and cue.kind == "name":
            return a + 1
    return k


def _resumed(d: Doc, k: int, mask: list[bool]) -> Cue | None:
    """The speaker named by a sentence that takes up the quotation just closed (token k opens it):
    'Lo ha assicurato il sindaco di Roma, X', 'Así lo explicó X', 'Das sagte Müller'."""
    w = d.words
    n = len(w)
    if k + 2 < n and low(w[k]) == "a" and low(w[k + 1]).endswith(("rlo", "rla")):
        # 'A dirlo è stato il ministro X' / 'A spiegarlo è la sindaca'
        j = k + 2
        while j < n and low(w[j]) in AUX and j - k < 5:
            j += 1
        e = j
        while e < n and not d.sent_start[e] and not mask[e] and e - j < 30:
            e += 1
        cue = np_after(d, j, e) if j < e else None
        return cue if cue is not None and cue.kind != "pronoun" else None
    if k >= n or mask[k] or not d.sent_start[k] or low(w[k]) not in cw.RESUMPTIVE:
        return None
    if (
        low(w[k]) in ("así", "asi", "così", "ainsi", "assim")
        and k + 1 < n
        and low(w[k + 1]) == "lo"
    ):
        k += 1
    j = k + 1
    while j < n and low(w[j]) in AUX and j - k < 4:
        j += 1
    if j < n and low(w[j]) not in _VERBS and low(w[k]) in ("così", "así", "asi", "ainsi", "assim"):
        # 'Così l'allenatore del Valpiana, Stefano Morelli, ha commentato': the subject first
        for v in range(j + 1, min(n, j + 16)):
            if mask[v] or d.sent_start[v]:
                break
            if low(w[v]) in _VERBS:
                cue = subject_before(d, v, j, mask)
                return cue if cue is not None and cue.kind != "pronoun" else None
        return None
    if j >= n or low(w[j]) not in _VERBS or low(w[k]) in ("das", "dies") and j > k + 1:
        return None
    e = j + 1
    while e < n and not d.sent_start[e] and not mask[e] and e - j < 30:
        e += 1
    cue = np_after(d, skip_dative(d, j + 1, e), e)
    return cue if cue is not None and cue.kind != "pronoun" else None


def subject_before(
    d: Doc, v: int, lo: int, mask: list[bool], rule: str = "cue-after"
) -> Cue | None:
    """The subject of the speech verb at token v: 'X a déclaré', 'La ministre, X, a dit', 'Er sagte'."""
    w = d.words
    j = v - 1
    while j >= lo and (low(w[j]) in cw.SKIP or low(w[j]) in TIME_WORDS) and not mask[j]:
        j -= 1
    if j < lo or mask[j]:
        return None
    if low(w[j]) in cw.RELATIVE_SUBJECT and j - 1 > lo and w[j - 1] == ",":
        # 'il presidente della Pro Castello, Giorgio Vannini, che ha parlato di «...»': the
        # relative pronoun's antecedent speaks
        return subject_before(d, j, lo, mask, rule) or unnamed_intl.antecedent(d, j - 1, lo, rule)
    if w[j] == ")" and j - lo > 2:
        # 'Petra Hoffmann (FDP) betonte': the party tag is not the subject
        k = j - 1
        while k > lo and w[k] != "(" and j - k < 8:
            k -= 1
        if w[k] == "(":
            j = k - 1
    if w[j] == ",":
        # 'Le président de la métropole, Julien Carrel, a jugé' / 'Marc Lefèvre, conseiller, a dit'
        k = j - 1
        while k >= lo and w[k] != "," and j - k < 16 and not mask[k]:
            k -= 1
        if k < lo or w[k] != ",":
            return None
        if j - k > 4 and w[j - 1] == ")" and w[j - 3] == "(" and w[j - 2].isdigit():
            j -= 3  # 'Salah seorang warga, Siti (45), mengaku': the age after the name
        elif j - k == 2 and w[k + 1].isdigit():  # 'Ahmad Zaki, 52, memberitahu': the same
            return subject_before(d, k + 1, lo, mask, rule)
        inner = (k + 1, j)
        i0 = k + 1 + (low(w[k + 1]) in _DETS and j - k > 3)  # 'Κάτοικος ..., η Μαρία Δημητρίου,'
        i0 += j - i0 > 2 and low(w[i0][:-1]) in LOWER_TITLES and w[i0][-1] == "."  # ', prof. X,'
        if name_end(d, i0, inner[1]) == inner[1]:
            role = role_before(d, k, lo)
            name = span_text(d, i0, j)
            return Cue("name", name, d.starts[i0], d.ends[j - 1], name=name,
                       role=role, rule=rule)  # fmt: skip
        if (named := described_apposition(d, inner[0], j, rule)) is not None:
            return named  # 'Eden od prizadetih, upokojenec Franc Vidmar, je dejal'
        b = inner[0] + (low(w[inner[0]]) in _DETS)
        if (low(w[b]) in ORG_WORDS or low(w[b]) in GENERIC) and name_end(d, b + 1, j) == j > b + 1:
            # 'Inwestor, firma Agro-Pol, zapewnia': the body named in apposition
            name = span_text(d, b + 1, j)
            return Cue("name", name, d.starts[b + 1], d.ends[j - 1], name=name, rule=rule)
        role = role_of(d, inner[0], inner[1])
        if role is None and j - k <= 4 and all(x.isalpha() and x.islower() for x in w[k + 1 : j]):
            # 'Ella, en cambio, habló', 'Medina, por su parte, dijo': an adverbial aside
            return subject_before(d, k, lo, mask, rule)
        if (
            role is None
            and low(w[inner[0]]) not in cw.ASIDE
            and not w[inner[0]][0].isdigit()
            and not described_name(d, k, lo)  # 'Bruno Tavares, autor do golo, falou'
        ):
            return None
        a = phrase_start(d, k, lo)  # 'X, du PSOL, a dit' / 'Une étudiante, qui ..., a dit':
        cue = np_after(d, a, k, rule) if a < k else None
        if cue is not None and cue.kind == "name":
            return Cue("name", cue.surface, cue.start, cue.end, name=cue.name,
                       role=cue.role or role, rule=rule)  # fmt: skip
        return cue
    if low(w[j]) in intl.PRONOUN_MAP and (j == lo or d.sent_start[j] or not is_cap(w[j])):
        return _pronoun(d, j, rule)
    a = phrase_start(d, j + 1, lo)
    if a > j:
        return None
    if a == j and low(w[a]) in OPENERS and (len(w[a]) == 1 or not w[a].isupper()):
        # 'E aggiunge: «...»', 'Y añade': a conjunction before a dropped subject, not a name
        return Cue("implicit", w[v], d.starts[v], d.ends[v], rule=rule)
    if (office := office_before(d, v, a, j + 1)) is not None:
        return office  # 'В пресс-службе минфина сообщили': the office speaks
    if (low(w[a]) in cw.SOURCE_FROM or low(w[a]) in OPENERS and is_cap(w[a])) and a < j:
        a += 1  # 'Dal Comune fanno sapere': the body after 'dal' speaks ('Водночас депутатка')
    elif (fused := unnamed_intl.fused_from(d, a, j, rule)) is not None:
        return fused  # "Dall'ufficio tecnico della Provincia spiegano"
    cue = np_after(d, a, j + 1, rule)
    if cue is None or cue.kind != "name" or " " not in (cue.name or ""):
        # 'Wójt gminy Beata Sikora przyznaje': a title no list holds, then the full name
        return clause_final_name(d, a, j + 1, rule) or cue
    return cue
