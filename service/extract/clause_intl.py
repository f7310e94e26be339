"""Speakers read from a clause's shape rather than from a listed word, for text that is not English:
a speech verb that inverts after the quotation ('”...” undrar småbarnsföräldern Sofia Berglund',
'"...", queixa-se Ermelinda Sousa'), the subject opening a sentence that holds a quotation with no
cue ('Ordföranden Bengt Ekdahl kallar beskedet ”...”', 'La alcaldesa, Inmaculada Ferrándiz,
acusó a la empresa de “...”'), and a cue set inside the quotation marks.

Fresh invented articles kept missing cues whose verb no list held ('undrar', 'queixa-se',
'kallar', 'acusó de'): these readers need no verb list, only the order the news languages share
(quotation, one lower-case word, then a full name closing the clause; or a named subject, its
verb, then the quotation). They run after the word-list readers of service.extract.cues_intl and
cues_new_intl and only where those found nothing, except that a bare name closing the sentence
may replace their unknown cue (inverted_any).
"""

from __future__ import annotations

from service.extract import cue_words_intl as cw
from service.extract import lexicon_intl as intl
from service.extract.cues_before_intl import before_quote
from service.extract.cues_intl import after_quote, name_end, np_after, subject_before
from service.extract.name_gender import agrees, is_given
from service.extract.names import ORG_WORDS, QUOTE_CHARS, Doc, is_cap, low
from service.extract.noun_phrases import Cue
from service.extract.resolve_intl import nominative_name
from service.extract.subject_intl import without_opener
from service.extract.unnamed_intl import honorific_given

_CLAUSE_END = frozenset([",", ".", "!", "?", ";", "(", "—", "–"])
_SENT_END = frozenset([".", "!", "?", ";"])
# Reflexives and separable particles that close a clause after its inverted subject ('vraagt
# Peter Bosman zich af', 'fragt sich Anna Weber', 'undrar hon sig').
_VERB_TAIL = frozenset(["zich", "sich", "sig", "seg", "af", "aan", "op", "an", "auf", "ab", "zu"])


def _word(x: str) -> bool:
    """A lower-case word ('undrar', 'queixa-se'), not a function word or a punctuation mark."""
    bare = x.replace("-", "")
    return bare.isalpha() and x[0].islower() and x not in intl.FUNCTION_WORDS


def _full_name(cue: Cue) -> bool:
    """A name of two words or more, written capitalised ('d'Emmanuel Macron' is a complement)."""
    words = (cue.name or "").split()
    return cue.kind == "name" and len(words) > 1 and words[0][:1].isupper()


def inverted_any(d: Doc, i: int, hi: int, mask: list[bool], verb_known: bool = False) -> Cue | None:
    """The clause after a quotation (token i) read by its shape: a lower-case word taken as an
    inverted speech verb whatever it is, then its subject. Three readings, in this order:

    - the speaker phrase np_after reads after that one word, when it is a full name of two words
      or more that ends the clause (a comma, a bracket or a dash may follow), with the title it
      reads as the role: '”...” undrar småbarnsföräldern Sofia Berglund.', '"...", queixa-se
      Ermelinda Sousa, de 79 anos.';
    - no speaker phrase at all after the word, the quotation opening its sentence: a dropped
      subject (implicit cue), '«Nos sentimos abandonados», resume mientras carga la compra';
    - a bare name of two or three capitalised words closing the sentence after up to four
      lower-case words, whatever they are (function words, adjectives, titles the lists do not
      hold), the name without a role: '„...“, заяви областният управител Мария Димитрова.'
      Being last, it reads only what the first two leave: a function word first, a phrase
      np_after reads but not as a full name closing the clause, nothing read after a quotation
      inside its sentence, a listed verb's unknown cue. Where np_after reads nothing after a
      quotation opening its sentence, the dropped subject comes first, even before a name.

    `verb_known`: a word-list reader of service.extract.cues_intl or cues_new_intl already read a
    speech verb here and no speaker (its unknown cue). Then only the third reading may replace
    that cue: the first two would read the words that reader's own np_after saw, and a dropped
    subject would undo its finding that a subject follows."""
    w = d.words
    while i < hi and w[i] in (",", "—", "–", "-"):
        i += 1
    if i >= hi or mask[i] or not w[i][0].islower():
        return None
    if not verb_known and i + 2 < hi and _word(w[i]):
        k = cw.past_time(d, i + 1, hi)  # 'poinformowało w czwartek Ministerstwo Zdrowia'
        cue = np_after(d, k if k < hi and w[k][0].isalnum() else i + 1, hi)
        if cue is not None and (_full_name(cue) or _surname_of_before(d, cue)):
            e = d.tok_at(cue.end)
            while e < hi and low(w[e]) in _VERB_TAIL:
                e += 1  # 'vraagt voorzitter Peter Bosman zich af': the verb's reflexive, particle
            if e >= hi or w[e] in _CLAUSE_END:
                return Cue("name", cue.surface, cue.start, cue.end, cue.name, cue.role, "cue-after")
        elif cue is not None and cue.kind == "implicit":
            return cue  # 'erzählt die 78-Jährige': np_after reads the age as a dropped subject
        elif cue is not None and cue.kind == "pronoun" and _closes(d, cue, hi):
            # '"...", retorquiu ela.': the pronoun says who, with its gender, before the last
            # speaker carries on
            return cue
        elif cue is not None and cue.kind in ("role", "definite") and _closes(d, cue, hi):
            if _opens_sentence(d, i, mask):  # '„...” – odparł starosta.', not 'pidió «...» a'
                return cue
        elif cue is None and _opens_sentence(d, i, mask):
            # no subject after the verb, so the one of the sentence before speaks ('..., añadió.')
            return Cue("implicit", w[i], d.starts[i], d.ends[i], rule="cue-after")
    return _name_closing(d, i, hi)


def _closes(d: Doc, cue: Cue, hi: int) -> bool:
    """The cue's phrase ends its clause (a reflexive or particle may follow: 'undrar hon sig')."""
    e = d.tok_at(cue.end)
    while e < hi and low(d.words[e]) in _VERB_TAIL:
        e += 1
    return e >= hi or d.words[e] in _CLAUSE_END


def _surname_of_before(d: Doc, cue: Cue) -> bool:
    """A one-word name cue ('uistil Kršiak') whose word closed a full name earlier in the text
    ('Minister zdravotníctva Ľubomír Kršiak prisľúbil'): a person already named, by surname."""
    name = cue.name or ""
    if cue.kind != "name" or not name[:1].isupper() or " " in name or len(name) < 3:
        return False
    w = d.words
    k = d.tok_at(cue.start)
    return any(w[j] == name and is_cap(w[j - 1]) for j in range(1, k))


def _name_closing(d: Doc, i: int, hi: int) -> Cue | None:
    """Up to four lower-case words from token i, then a name of two or three capitalised words
    that closes the sentence ('., !, ?' or the clause's end); anything else gives None."""
    w = d.words
    k = i
    while k < hi and k - i < 4 and w[k][0].islower():
        k += 1
    e = name_end(d, k, hi)
    if not 2 <= e - k <= 3 or e < hi and w[e] not in (".", "!", "?"):
        return None
    name = d.text[d.starts[k] : d.ends[e - 1]]
    return Cue("name", name, d.starts[k], d.ends[e - 1], name=name, rule="cue-after")


def _opens_sentence(d: Doc, i: int, mask: list[bool]) -> bool:
    """The quotation closing before token i opens its sentence (or paragraph)."""
    j = i - 1
    while j >= 0 and (mask[j] or d.words[j] in (",", "—", "–")):
        j -= 1
    return j < 0 or d.words[j] in _SENT_END or d.para[j] != d.para[i] or d.sent_start[j + 1]


def sentence_subject(d: Doc, lo: int, hi: int, mask: list[bool]) -> Cue | None:
    """The named subject opening the sentence [lo, hi) that runs into a quotation at hi with no
    cue: 'Ordföranden Bengt Ekdahl kallar beskedet ”...”'. The name must be followed by a
    lower-case word, a comma's apposition or a bracketed tag, then no other capitalised word.

    The word-list readers before it (cues_new_intl.before_quote, cues_before_intl.before_quote) answer
    first and are not one reading with this one: they need a listed word ('according to X',
    'X szerint', a listed verb after a subject anywhere in the sentence, 'X je rekao:'), and
    cues_new_intl reads a title, a name and a colon with no verb ('Hejtmanka X:'), which this
    one rejects. This one alone reads an unlisted verb ('kallar', 'acusó a') after the name
    opening the sentence. Where both read a sentence ('Krajanka Nina Zupan je dodala:'), the
    earlier answer stands, though it may keep the title in the name where this one splits it."""
    w = d.words
    if lo > 1 and w[lo - 1] == ":" and not mask[lo - 1]:
        # 'Landrat X appellierte an beide Seiten: Man müsse „...“': the clause after a colon
        # opens a sentence of its own, the one before it names the speaker
        k = lo - 1
        while k > 0 and not d.sent_start[k] and not mask[k - 1] and w[k - 1] not in _SENT_END:
            k -= 1
        if d.para[k] == d.para[lo] and (got := sentence_subject(d, k, hi, mask)) is not None:
            return got
    if hi - lo < 3 or mask[lo] or low(w[lo]) in intl.FUNCTION_WORDS - intl.DETERMINERS:
        return None
    cue = np_after(d, lo, hi, "cue-before")
    if cue is not None and cue.kind == "definite" and not cue.plural:
        cue = _apposed(d, cue, hi) or cue  # 'La empresa, Limpiezas Bética, se limitó a ...'
    if cue is None or not _full_name(cue):
        return None
    cue = without_opener(d, cue)  # 'Ordföranden Bengt Ekdahl'
    first = low((cue.name or "").split()[0])
    if not (cue.role or is_given(first) or any(low(x) in ORG_WORDS for x in cue.surface.split())):
        return None  # 'Der Haushalt sei „solide“': a capitalised noun is no person or body
    e = d.tok_at(cue.end)
    if e + 1 < hi and w[e] == "," and _word(w[e + 1]):
        e += 1  # the comma closing an apposition: 'La alcaldesa, Inmaculada Ferrándiz, acusó'
    elif e < hi and w[e] in (",", "("):
        close = "," if w[e] == "," else ")"  # an aside: 'Kamerlid Ruud Bakker (SP) noemde'
        k = e + 1
        while k < hi and w[k] != close and k - e < 10:
            k += 1
        e = k + 1
    if e >= hi or not _word(w[e]):
        return None
    german = intl.language(d.text) == "de"
    for k in range(e, hi):
        if mask[k] or w[k] in _SENT_END or w[k] in QUOTE_CHARS:
            return None
        if is_cap(w[k]) and not _common_capital(w, k, german):
            return None
    return cue


def _common_capital(w: list[str], k: int, german: bool) -> bool:
    """A capitalised word that names nobody: a function word opening the clause after a colon
    ('appellierte an beide Seiten: Man müsse „...“'), or in German a noun after a lower-case word
    ('an beide Seiten'), as German writes every noun capitalised."""
    if w[k - 1] == ":":
        return low(w[k]) in intl.FUNCTION_WORDS
    return german and w[k - 1][0].islower() and w[k - 1].isalpha()


def reported_antecedent(d: Doc, cue: Cue, first: int, mask: list[bool]) -> Cue:
    """'По словам директора Олега Жаворонкова, работы займут четыре месяца. «...», — добавил
    он', 'Zdaniem eksperta Adama Kwiatkowskiego ... – Radom jest za blisko Warszawy – ocenia': a
    pronoun or dropped-subject cue stands for the person an 'according to' in the sentence just
    before the quotation (token `first` opens it), in its paragraph, reports; else the cue
    unchanged."""
    w = d.words
    if cue.kind not in ("pronoun", "implicit") or first < 2:
        return cue
    pi = d.para[first]
    end = first - 1
    if w[end] not in _SENT_END or mask[end] or d.para[end] != pi:
        return cue
    lo = end - 1
    while lo > 0 and d.para[lo - 1] == pi and w[lo - 1] not in _SENT_END and not mask[lo - 1]:
        lo -= 1
    if mask[lo - 1 if lo > 0 else 0] and d.para[lo - 1] == pi:
        return cue  # a quotation closes the sentence before: the pronoun's own antecedents
    got = before_quote(d, lo, end, mask)
    pronoun = intl.PRONOUN_MAP.get(low(cue.surface), "")
    if intl.language(d.text) in _INTRODUCING:
        if got is None and (v := _active_verb(d, lo, end)) > lo:
            got = subject_before(d, v, lo, mask, "cue-before")  # 'X berpendapat lain.'
        named = got is not None and got.kind == "name" and got.rule == "cue-before"
        # a longer run of capitals holds a title ('Kasat Lantas Polres Bogor AKP Dewi'): the
        # pronoun is then left to the resolver, which strips it
        if named and got is not None and len(nominative_name(got.name or "", "ms").split()) <= 3:
            return Cue("name", got.surface, got.start, got.end, got.name, got.role, cue.rule)
        return cue
    if got is None or got.rule != "according-to" or not _full_name(got):
        return cue
    if cue.kind == "pronoun" and (pronoun not in ("he", "she") or not agrees(got.name, pronoun)):
        return cue  # a dropped subject ('– ocenia.') has no gender to agree
    return Cue("name", got.surface, got.start, got.end, got.name, got.role, cue.rule)


# Indonesian and Malay news bring a speaker in with a sentence of their own that reports them
# ('Anggota DPRD Hendra Wijaya menilai pemerintah lamban.') and quote them next with '-nya' or a
# description ('"...," tegas politikus itu'): the pronoun is that subject, not the last speaker.
_INTRODUCING = frozenset(("id", "ms"))


def _active_verb(d: Doc, lo: int, end: int) -> int:
    """The first active verb of an Indonesian or Malay sentence, by its prefix ('meminta',
    'berpendapat'), after a capitalised word: the subject stands before it; lo when none."""
    w = d.words
    for k in range(lo + 1, end):
        if w[k].islower() and w[k].startswith(("me", "ber")) and len(w[k]) > 5:
            return k if any(is_cap(x) for x in w[lo:k]) else lo
    return lo


def _sentence_before(d: Doc, first: int, mask: list[bool]) -> tuple[int, int] | None:
    """Tokens [lo, end) of the sentence before the one token `first` opens mid-paragraph, when it
    ends at a sentence mark and holds no quotation; None otherwise."""
    w = d.words
    if first < 2 or not d.sent_start[first]:
        return None
    pi = d.para[first]
    end = first - 1
    if w[end] not in _SENT_END or mask[end] or d.para[end] != pi:
        return None
    lo = end - 1
    while lo > 0 and d.para[lo - 1] == pi and w[lo - 1] not in _SENT_END:
        lo -= 1
    return None if any(mask[lo:end]) else (lo, end)


def reported_before(d: Doc, first: int, mask: list[bool]) -> Cue | None:
    """'Advocaat Pieter Hoekstra laat weten dat zijn cliënt in hoger beroep gaat. "..."': a
    quotation with no cue opening a sentence (token `first`), mid-paragraph, after a sentence of
    the paragraph holding no quotation whose named subject reports speech ('X zegt dat ...', 'X
    laat weten dat ...'): that person goes on in their own words."""
    if (before := _sentence_before(d, first, mask)) is None:
        return None
    lo, end = before
    got = before_quote(d, lo, end, mask)
    if got is None or got.rule != "cue-before":
        return None
    # a full name, or someone unnamed ('Een buurtbewoner vertelt dat ...', 'Una vecina cuenta que')
    return got if _full_name(got) or got.kind == "role" else None


def introduced_before(d: Doc, cue: Cue, first: int, mask: list[bool]) -> Cue:
    """'À porta do hospital, uma mãe que não quis ser identificada mostrava-se preocupada. "...",
    perguntou.', 'Innego zdania jest pani Krystyna, która ... – ... – mówi.': a dropped subject
    after a quotation opening its sentence mid-paragraph stands for the person the sentence just
    before brings in without a full name (an indefinite noun near its start, or an honorific and
    a first name), when that sentence holds no quotation and no name of two words; else the cue
    unchanged."""
    w = d.words
    if cue.kind != "implicit" or (before := _sentence_before(d, first, mask)) is None:
        return cue
    lo, end = before
    if any(name_end(d, k, end) - k > 1 for k in range(lo, end)):
        return cue
    lang = intl.language(d.text)
    for k in range(lo, end - 1):
        x, nxt = low(w[k]), w[k + 1]
        if (named := honorific_given(d, k, end, cue.rule)) is not None:
            return named
        if (
            k - lo < 6
            and x in cw.INDEFINITE
            and (x != "a" or lang == "en")  # 'pidió a los vecinos': a preposition, or 'a vizinha'
            and nxt.isalpha()
            and nxt.islower()
            and len(nxt) > 2
            and low(nxt) not in cw.STOP
        ):
            return Cue("role", f"{w[k]} {nxt}", d.starts[k], d.ends[k + 1], role=nxt, rule=cue.rule)
    return cue


def colon_closed(d: Doc, first: int, a: int, b: int) -> bool:
    """A quotation (region [a, b), its first token `first`) that a colon opens and that closes
    its sentence inside its marks, a capitalised word after it ('Oberbichler zeigte sich
    enttäuscht: „... Katastrophe.“ Ein Sprecher erklärte, ...'): the next sentence is no cue
    after it, whatever verb it holds; the colon's sentence says who speaks. English reads cues
    its own way (False)."""
    w = d.words
    if first < 1 or w[first - 1] != ":" or intl.language(d.text) == "en":
        return False
    if d.text[a : b - 1].rstrip()[-1:] not in (".", "!", "?"):
        return False
    after = d.tok_at(b)
    return after < len(w) and w[after][:1].isupper() and d.para[after] == d.para[first]


def _apposed(d: Doc, cue: Cue, hi: int) -> Cue | None:
    """The name set off by commas right after a definite description, with the description's
    noun as its role: 'La empresa, Limpiezas Bética,' -> Limpiezas Bética (empresa)."""
    w = d.words
    e = d.tok_at(cue.end)
    if e + 2 >= hi or w[e] != ",":
        return None
    got = np_after(d, e + 1, hi, cue.rule)
    if got is None or got.kind != "name" or d.tok_at(got.end) >= hi or w[d.tok_at(got.end)] != ",":
        return None
    return Cue("name", got.surface, got.start, got.end, got.name, got.role or cue.role, cue.rule)


def incise(d: Doc, a: int, b: int) -> Cue | None:
    """A cue set inside the quotation marks: « La situation, a-t-il poursuivi, reste grave »,
    „Wir bleiben“, sagte er, „hart“ is outside; '«..., dit Paul Girard, ...»' is inside."""
    w = d.words
    lo, hi = d.tok_at(a), d.tok_at(b)
    for i in range(lo + 1, hi - 1):
        if w[i - 1] != ",":
            continue
        e = i + 1
        while e < hi and w[e] != "," and e - i < 8:
            e += 1
        if e >= hi or w[e] != ",":
            continue
        cue = after_quote(d, i, e, [False] * (e + 1))
        if cue is not None and cue.kind in ("pronoun", "name", "role", "definite"):
            return Cue(cue.kind, cue.surface, cue.start, cue.end, cue.name, cue.role, "incise",
                       cue.plural)  # fmt: skip
    return None
