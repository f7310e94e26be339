"""Speech-cue word orders of Croatian/Serbian, Catalan, Hungarian, Finnish and Romanian that the
shared patterns of service.extract.cues_intl do not read, tried before them for text in those
languages:

- a clitic auxiliary after the verb: '„...”, rekla je gradonačelnica Marina Jurić', '..., dodao je.'
- Catalan's periphrastic past: '«...», va dir el portaveu, Jordi Puigvert', 'X va explicar que'
- a title then the name in apposition after a Hungarian verb: '– közölte a cég szóvivője, Németh
  Attila'
- 'according to' after its speaker: 'Bodnár Éva szerint', 'Virtasen mukaan' (Finnish genitive)
- Romanian 'conform' + a genitive title: 'Conform inspectorului școlar Daniela Mocanu, ...'

Anything else falls through (None) to the shared patterns.
"""

from __future__ import annotations

from service.extract import cue_words_intl as cw
from service.extract import cues_intl
from service.extract import lexicon_intl as intl
from service.extract import lexicon_new_intl as new
from service.extract.name_span_intl import bare
from service.extract.names import ROLE_NOUNS, Doc, is_cap, low
from service.extract.noun_phrases import Cue

_LANGS = frozenset(new.MARKERS)
_CJK = frozenset(("zh", "ja", "ko"))
# Auxiliaries after the verb (Croatian/Serbian 'rekao je', 'rekli su').
_CLITIC = frozenset(("je", "su", "је", "су"))  # Latin and Cyrillic
# Catalan's 'va'/'van' + infinitive past.
_PERIPHRASTIC = frozenset(("va", "van"))
# Hungarian verb particles that follow the verb ('tette hozzá', 'jelentette ki', 'emelte ki').
_PARTICLE = frozenset(("hozzá", "ki", "el", "meg"))
# Tagalog's personal articles ('si', 'ni'), read only in this module.
_TL_PERSONAL = frozenset(("si", "ni"))
# Romanian 'according to' that is also an English word, read only in this module.
_RO_ACCORDING = frozenset(("conform",))
# Romanian auxiliaries with a dative pronoun fused ('ne-a declarat', 'mi-a spus', 'le-au spus').
_RO_DATIVE_AUX = frozenset(
    p + "-" + a for p in ("ne", "mi", "i", "le", "v", "ți") for a in ("a", "au")
)


def _implicit(d: Doc, j: int) -> Cue:
    return Cue("implicit", d.words[j], d.starts[j], d.ends[j], rule="cue-after")


def _speaker_at(d: Doc, k: int, hi: int, j: int) -> Cue | None:
    """The speaker phrase at token k after the verb at j; the implicit cue of a dropped subject
    when the clause ends there."""
    w = d.words
    if k >= hi or w[k] in (".", "!", "?", ";"):
        return _implicit(d, j)
    cue = _apposed(d, k, hi) or cues_intl.np_after(d, k, hi)
    if cue is None and low(w[k]) in cw.ADJUNCT:
        return _implicit(d, j)
    return cue


def _apposed(d: Doc, k: int, hi: int) -> Cue | None:
    """'a kivitelező cég szóvivője, Németh Attila': a phrase holding a title, a comma, then a name."""
    w = d.words
    c = k
    while c < hi and c - k < 7 and w[c] != ",":
        c += 1
    if c >= hi - 1 or w[c] != "," or not any(bare(x) in ROLE_NOUNS for x in w[k:c]):
        return None
    e = cues_intl.name_end(d, c + 1, hi)
    if e - (c + 1) < 2:
        return None
    name = d.text[d.starts[c + 1] : d.ends[e - 1]]
    role = d.text[d.starts[k] : d.ends[c - 1]]
    return Cue("name", name, d.starts[c + 1], d.ends[e - 1], name=name, role=role,
               rule="cue-after")  # fmt: skip


_OPENERS = '“「『"«„'
_TERMINATORS = frozenset("।.!?。！？")


def _introduced(text: str, at: int) -> bool:
    """Whether the quotation that closes before offset `at` was introduced by the clause before
    it: opened after a colon, or after a comma with its own sentence ended inside the marks
    ('X ने कहा, "...।" उन्होंने बताया कि'). What follows it then starts a new sentence, which a
    script without capitals cannot show."""
    end = at  # the text before `at` with its trailing space dropped, read in place (no copies)
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end < 2:
        return False
    k = max(text.rfind(o, 0, end - 1) for o in _OPENERS)
    if k <= 0:
        return False
    j = k
    while j > 0 and text[j - 1].isspace():
        j -= 1
    before = text[j - 1 : j] if j else ""
    return (
        before in (":", "：") or before in (",", "，") and text[end - 2 : end - 1] in _TERMINATORS
    )


def _caseless_cue(after: bool, lang: str, d: Doc, a: int, b: int) -> Cue | None:
    """The cue read by the reader of a script without capitals (Chinese, Japanese, Korean,
    Hindi, Hebrew) after or before a quotation. Those readers are imported on first use: their
    wide character classes take milliseconds to compile, and most texts never need them."""
    if after and a < b and _introduced(d.text, d.starts[a]):
        return None
    if lang in _CJK:
        from service.extract import cues_cjk

        return (cues_cjk.after_quote if after else cues_cjk.before_quote)(d, a, b, lang)
    if lang == "fa":
        from service.extract import cues_fa

        return (cues_fa.after_quote if after else cues_fa.before_quote)(d, a, b)
    if lang == "th":
        from service.extract import cues_th

        return (cues_th.after_quote if after else cues_th.before_quote)(d, a, b)
    if lang == "hi":
        from service.extract import cues_hi

        return (cues_hi.after_quote if after else cues_hi.before_quote)(d, a, b)
    from service.extract import cues_he

    return (cues_he.after_quote if after else cues_he.before_quote)(d, a, b)


def after_quote(d: Doc, i: int, hi: int, mask: list[bool]) -> Cue | None:
    """'..., rekla je X', '..., va dir X', '– tette hozzá.', '– közölte a cég szóvivője, X'."""
    lang = intl.language(d.text)
    if lang in new.CASELESS:
        return _caseless_cue(True, lang, d, i, hi)
    if lang not in _LANGS:
        return None
    w = d.words
    while i < hi and w[i] in (",", "—", "–", "-"):
        i += 1
    if i + 1 >= hi or mask[i]:
        return None
    if lang == "vi":
        from service.extract import cues_vi

        return cues_vi.after_quote(d, i, hi) or _vietnamese_after(d, i, hi, mask)
    t, nxt = low(w[i]), low(w[i + 1])
    if t in _RO_DATIVE_AUX and nxt in cw.VERBS:
        return _speaker_at(d, i + 2, hi, i + 1)  # Romanian 'ne-a declarat' (told us)
    if t == "a" and nxt == "mai" and i + 2 < hi and low(w[i + 2]) in cw.VERBS:
        return _speaker_at(d, i + 3, hi, i + 2)  # Romanian 'a mai spus' (said also)
    if (t in _PERIPHRASTIC or t in _CLITIC) and nxt in cw.VERBS:  # 'va dir', Slovenian 'je dejal'
        return _speaker_at(d, i + 2, hi, i + 1)
    if t not in cw.VERBS:
        return None
    if nxt in _CLITIC or nxt in _PARTICLE:
        return _speaker_at(d, i + 2, hi, i)
    if nxt in new.ADJUNCT_PREPOSITIONS:
        return _after_adjunct(d, i + 2, hi)
    return _apposed(d, i + 1, hi)


def _after_adjunct(d: Doc, k: int, hi: int) -> Cue | None:
    """'řekl na tiskové konferenci ředitel závodu Miroslav Dvořák': past the adjunct, the first
    title word opens the subject; a name is required (a title alone may be the adjunct's own)."""
    w = d.words
    for m in range(k, min(hi, k + 8)):
        if not w[m][0].isalnum():
            return None
        if not is_cap(w[m]) and bare(w[m]) in ROLE_NOUNS:
            cue = cues_intl.np_after(d, m, hi)
            return cue if cue is not None and cue.kind == "name" else None
    return None


def _vietnamese_after(d: Doc, i: int, hi: int, mask: list[bool]) -> Cue | None:
    """'..., ông Nguyễn Văn Hải, Chủ tịch huyện, cho biết.': the subject before the verb closing
    the clause ('cho biết' read from its first word)."""
    w = d.words
    for v in range(i + 1, min(hi, i + 16)):
        if mask[v] or w[v] in (".", ";", "!", "?"):
            return None
        if low(w[v]) in cw.VERBS:
            at = v - 1 if low(w[v - 1]) == "cho" else v
            return cues_intl.subject_before(d, at, i, mask)
    return None


def _greek_nominative(name: str) -> str:
    """'Παύλο Καραγιάννη' -> Παύλος Καραγιάννης: a man's name in the accusative."""
    out = []
    for x in name.split():
        if x.endswith(("ο", "ό", "η", "ή", "α", "ά")) and not x.endswith("ου"):
            x += "ς"
        out.append(x)
    return " ".join(out)


def _greek_according(d: Doc, k: int, hi: int, mask: list[bool]) -> Cue | None:
    """'σύμφωνα με τον διευθυντή Παύλο Καραγιάννη, ...': the speaker after 'according to', read in
    the nominative when the masculine article 'τον' marks the accusative."""
    w = d.words
    end = k
    while end < hi and w[end] not in (",", ":", ";") and not mask[end]:
        end += 1
    cue = cues_intl.np_after(d, k, end, "according-to")
    if cue is None or cue.kind != "name" or not cue.name or low(w[k]) != "τον":
        return cue
    return Cue("name", cue.surface, cue.start, cue.end, name=_greek_nominative(cue.name),
               role=cue.role, rule=cue.rule)  # fmt: skip


def _finnish_nominative(name: str) -> str:
    """'Markku Hiltusen' -> Markku Hiltunen, 'Virtasen' -> Virtanen, 'Rantalan' -> Rantala: the
    genitive of the last word before 'mukaan'."""
    head, _, last = name.rpartition(" ")
    if last.endswith("sen"):
        last = last[:-3] + "nen"
    elif last.endswith("n"):
        last = last[:-1]
    return f"{head} {last}".strip()


def _before_postposition(d: Doc, v: int, lo: int, lang: str) -> Cue | None:
    """The name run right before 'szerint' / 'mukaan' at token v (a title word between is skipped:
    'Varga István környezetvédő szerint')."""
    w = d.words
    e = v
    while e > lo and not is_cap(w[e - 1]) and bare(w[e - 1]) in ROLE_NOUNS:
        e -= 1
    s = e
    while s > lo and is_cap(w[s - 1]) and e - s < 4:
        s -= 1
    if s == e:
        return None
    while s < e and low(w[s]) in ROLE_NOUNS:
        s += 1  # 'Kunnanjohtaja Hiltusen mukaan': the title opening the sentence
    if s == e:
        return None
    surface = d.text[d.starts[s] : d.ends[e - 1]]
    name = _finnish_nominative(surface) if lang == "fi" else surface
    role = d.text[d.starts[e] : d.ends[v - 1]] if v > e else None  # 'Nagy Ferenc polgármester'
    return Cue("name", surface, d.starts[s], d.ends[e - 1], name=name, role=role,
               rule="according-to")  # fmt: skip


def _body_before_postposition(d: Doc, v: int, lo: int) -> Cue | None:
    """'A minisztérium közleménye szerint', 'a rendőrség szerint': one or two lower-case nouns
    after an article or the sentence's start, right before 'szerint' / 'mukaan' at token v, are
    a source the text does not name (their role the nouns)."""
    w = d.words
    s = v
    while s > lo and v - s < 2 and w[s - 1].isalpha() and w[s - 1].islower() and len(w[s - 1]) > 3:
        s -= 1
    if s == v or s > lo and low(w[s - 1]) not in ("a", "az") or s - 1 > lo and w[s - 2] not in ",;":
        return None
    role = d.text[d.starts[s] : d.ends[v - 1]]
    return Cue("role", role, d.starts[s], d.ends[v - 1], role=role, rule="according-to")


def before_quote(d: Doc, lo: int, hi: int, mask: list[bool]) -> Cue | None:
    """'X szerint', 'X:n mukaan', 'Conform X,', 'X va explicar:', 'X je rekao:', and a bare
    'Title Name: „...“' with the title left off the name."""
    lang = intl.language(d.text)
    if lang in new.CASELESS:
        return _caseless_cue(False, lang, d, lo, hi)
    if lang not in _LANGS:
        return None
    if lang == "vi":
        from service.extract import cues_vi

        if (cue := cues_vi.before_quote(d, lo, hi)) is not None:
            return cue
    if lang == "tl" and low(d.words[lo]) in cw.VERBS:
        # Tagalog puts the verb first and the speaker after its personal article: 'Sinabi naman
        # ng tagapagsalita ng pulisya na si Police Major Andres Cruz:'
        k = max((x for x in range(lo + 1, hi - 1) if low(d.words[x]) in _TL_PERSONAL), default=-1)
        if k > 0 and (cue := cues_intl.np_after(d, k + 1, hi, "cue-before")) is not None:
            return cue
    w = d.words
    if hi - 1 > lo + 1 and w[hi - 1] == ":" and low(w[lo]) in ROLE_NOUNS:
        e = cues_intl.name_end(d, lo + 1, hi - 1)
        if e == hi - 1 and e - lo > 2:
            name = d.text[d.starts[lo + 1] : d.ends[e - 1]]
            return Cue("name", name, d.starts[lo + 1], d.ends[e - 1], name=name, role=w[lo],
                       rule="cue-before")  # fmt: skip
    for v in range(hi - 1, lo - 1, -1):
        if mask[v]:
            continue
        lv = low(w[v])
        if lv in new.ACCORDING_AFTER:
            if v > lo and low(w[v - 1]) in cw.OBLIQUE.get(lang, {}):
                # 'Tema sõnul „...“': the person last written of
                return Cue("implicit", w[v - 1], d.starts[v - 1], d.ends[v], rule="according-to")
            cue = _before_postposition(d, v, lo, lang) or _body_before_postposition(d, v, lo)
            if cue is not None:
                return cue
        elif lv == "σύμφωνα" and v + 2 < hi and low(w[v + 1]) == "με":
            cue = _greek_according(d, v + 2, hi, mask)
            if cue is not None:
                return cue
        elif lv in _RO_ACCORDING and lang == "ro":
            end = v + 1
            while end < hi and w[end] not in (",", ":", ";") and not mask[end]:
                end += 1
            cue = cues_intl.np_after(d, v + 1, end, "according-to")
            if cue is not None:
                return cue
        elif (
            lv in cw.VERBS
            and v > lo
            and low(w[v - 1]) in (_PERIPHRASTIC | _CLITIC | _RO_DATIVE_AUX)
        ):
            at = v - 1
            if lang == "ro" and w[at - 1] == ",":
                # 'Un funcționar ..., care a dorit să rămână anonim, ne-a spus': past the relative
                at = next((k for k in range(at - 2, max(lo, at - 14), -1)
                           if w[k] == "," and low(w[k + 1]) == "care"), at)  # fmt: skip
            cue = cues_intl.subject_before(d, at, lo, mask, "cue-before")
            if cue is not None:
                return cue
    return None
