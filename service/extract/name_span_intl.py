"""Where a name runs in text that is not English, and the speaker phrases built around one that the
title readers of service.extract.cues_intl miss: the partitive ('uno de los agricultores, Anselmo
Gutiérrez', 'jedna z mieszkanek, Halina Dąbrowska', "l'une des manifestantes") and a title's
complement that ends in a place before the name ('burmistrz Stawisk Andrzej Jankowski').

Fresh invented articles in every language kept introducing a speaker as one of a group: the group
noun is no title the lists hold, so the phrase was read as nobody. The shape is the same across
the languages: a word for 'one', a partitive link, the group, then a comma and the name.

Also here, for service.extract.cues_intl (kept under its size): where a name ends (name_end), a
token without its elided article (bare), the name closing a title's complement (tail_name), the
person spoken to after a speech verb (skip_dative), and the small clause shapes that tell a
dropped subject (manner) or an office (where_said) from a speaker.
"""

from __future__ import annotations

from service.extract import cue_words_intl as cw
from service.extract import lexicon_intl as intl
from service.extract.lexicon_new_intl import ARTICLELESS, GENITIVE_PLACE
from service.extract.name_gender import gender, given_in, is_given, own_genders
from service.extract.names import (
    LOWER_TITLES,
    ORG_WORDS,
    QUOTE_CHARS,
    ROLE_NOUNS,
    Doc,
    is_acronym,
    is_cap,
    low,
    name_key,
)
from service.extract.noun_phrases import Cue
from service.extract.outlets_intl import declined_acronym as _declined_acronym
from service.extract.role_phrase_intl import span_text


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


_AND_OR_LINK = _w("e y et und en i och ve") | cw.LINKS
# 'one' before a partitive link, in the news languages ("l'une" is read without its article).
_ONE = _w(
    "uno una un une um uma één een eine einer eines jeden jedna jedno один одна одно en ett one"
)
# The partitive links after 'one' ('de los', 'degli', 'z', 'из', 'av', 'of the'; German's genitive
# article: 'einer der Anwohner').
_OF = _w("de des dei degli delle di dos das of van z ze spośród из av der")
# Words that end the group before its name: punctuation aside, a verb or a clause opener.
_GROUP_END = _w("que qui che quien which who die der dat som który która które który")
_CLAUSE_END = frozenset([".", ",", ";", "!", "?", "(", "—", "–", ":"])
# Academic titles written in lower case before a name in Central and Eastern European news.
_LOWER_TITLES = frozenset(t + "." for t in LOWER_TITLES)  # as the tokeniser keeps them: "dr."
# Third-person possessives before a Slavic 'according to' noun ('по его словам', 'jej zdaniem',
# 'за її словами'): the words of the person the text last made its subject.
POSSESSIVES = _w("его её ее их jego jej ich його її їх jeho její jejich")
# Languages that write the family name first ('Phạm Minh Tuấn', 'Kovács János'): a known first
# name inside the run does not start the name there.
SURNAME_FIRST = frozenset(("vi", "hu", "zh", "ja", "ko"))


def _affiliation_at(d: Doc, e: int, hi: int) -> bool:
    """'von den Grünen', 'vom BUND', 'von der SPD' start at token e (not 'von der Leyen')."""
    w = d.words
    lx = low(w[e])
    if lx == "vom" or lx == "von" and e + 1 < hi and low(w[e + 1]) == "den":
        return True
    return lx == "von" and e + 2 < hi and low(w[e + 1]) == "der" and is_acronym(w[e + 2])


def name_end(d: Doc, k: int, hi: int) -> int:
    """End (exclusive) of the personal or organisation name starting at token k; k if none."""
    w = d.words
    e = k
    most = 9 if k < hi and low(w[k]) in ORG_WORDS else 6  # a body's name runs longer
    while e < hi and e - k < most:
        x = w[e]
        if _affiliation_at(d, e, hi) or e > k and _declined_acronym(x):
            break  # 'Markus Weber von den Grünen', 'kinnitas Saar ERR-ile': no part of the name
        if (
            is_cap(x)
            or is_acronym(x)
            or (
                low(x) in cw.PARTICLES
                and (low(x) not in ("der", "den") or low(w[e - 1]) in ("van", "von"))
                # Indonesian and Malay 'di' is 'at' ('ujar Agus di Jakarta'), never in a name
                and (x != "di" or intl.language(d.text) not in ("id", "ms"))
                and e > k
                and e + 1 < hi
                and (is_cap(w[e + 1]) or low(w[e + 1]) in cw.PARTICLES)
            )
            or low(x) in _AND_OR_LINK
            and low(w[k]) in ORG_WORDS
            and e + 1 < hi
            and (is_cap(w[e + 1]) or low(w[e + 1]) in _AND_OR_LINK)
        ):
            e += 1  # or a body's 'of' and 'and': 'Instituto Português do Mar e da Atmosfera'
        else:
            break
    while e > k and low(w[e - 1]) in cw.PARTICLES:
        e -= 1
    if e == k + 1 and e < hi and _fixed_lower(d, k):
        e += 1
    return e


def _fixed_lower(d: Doc, k: int) -> bool:
    """'la Protezione civile', 'des Transports lausannois': outside English, a lower-case word
    (no function word) after the one-word name at token k belongs to the name when the article
    writes the two together more than once, a fixed name rather than a noun and its verb."""
    w = d.words
    x = w[k + 1]
    if not (x.isalpha() and x[0].islower() and low(x) not in intl.FUNCTION_WORDS):
        return False
    return intl.language(d.text) != "en" and d.text.count(f"{w[k]} {x}") > 1


def given_start(d: Doc, a: int, b: int) -> int:
    """Where a personal name starts in the capitalised run [a, b) that a title's complement ends
    in: the last known first name (the broad list) with a surname after it and a word that is no
    first name before it ('Stawisk Andrzej Jankowski', 'Mária Hora Ján Kollár'); in a language
    with no article, the last two of four or more after a lower-case word; a when none, so
    'Jean Marie Dupont' stays whole, and in a language that writes the family name first."""
    w = d.words
    if any(low(x) in ORG_WORDS for x in w[a:b]) or intl.language(d.text) in SURNAME_FIRST:
        return a  # 'Ospedale Santa Maria Nuova': a body's name
    lang = intl.language(d.text)
    for p in range(b - 2, a, -1):
        if given_in(name_key(w[p]), lang) and not all(given_in(name_key(x), lang) for x in w[a:p]):
            return p
    if (
        b - a == 3
        and lang in _ONE_SURNAME
        and _genders_clash(name_key(w[a]), name_key(w[a + 1]), lang)
    ):
        return a + 1  # 'Veli Fatma Demir': a parent (Turkish 'veli', also a man's name) Fatma
    if b - a > 3 and lang in ARTICLELESS and a > 0 and w[a - 1].isalpha() and w[a - 1].islower():
        # 'wójt gminy Brzozowa Wola Zdzisław Pietrzykowski': after a lower-case genitive, a place
        # of two words or more, then a name no first-name list knows; one surname: the last two
        return b - 2
    return a


# Languages whose names hold one surname: Spanish and Portuguese carry two, the first often a first
# name elsewhere ('Ricardo Anaya Torres'), and Dutch and French ones of Moroccan descent 'El'
# ('Fatima El Amrani'), so two first names of opposite genders are read apart in Turkish only.
_ONE_SURNAME = frozenset(("tr",))
# Marian names a man may carry beside his own ('José María', 'Klaus Maria Brandauer')
_MARIAN = frozenset(("maria", "marie"))


def _genders_clash(first: str, second: str, lang: str) -> bool:
    """Two first names of opposite genders (the language's own reading first): no one person's
    double name, bar a Marian one, so the first word is something else (a noun, a title)."""
    if first in _MARIAN or second in _MARIAN:
        return False
    own = own_genders(lang)
    g1, g2 = own.get(first) or gender(f"{first} x"), own.get(second) or gender(f"{second} x")
    return g1 is not None and g2 is not None and g1 != g2


def partitive(d: Doc, k: int, hi: int, rule: str) -> Cue | None:
    """The speaker phrase at token k when it names one of a group: 'uno de los agricultores,
    Anselmo Gutiérrez', 'un des patrons pêcheurs, Yannick Le Goff', 'salah satu pedagang, Siti
    Aminah' (the name, the group as its role), or "l'une des manifestantes" with no name (the
    group as an unnamed role); None when token k opens no partitive."""
    w = d.words
    if k + 2 >= hi:
        return None
    one = low(w[k])
    for el in cw.ELIDED:
        one = one[len(el) :] if one.startswith(el) else one
    if low(w[k]) == "salah" and low(w[k + 1]) == "satu":
        j = k + 2  # Indonesian 'salah satu': one of, with no link
    elif one in _ONE and low(w[k + 1]) in _OF:
        j = k + 2
    else:
        return None
    while j < hi and low(w[j]) in cw.DETS:
        j += 1
    e = j
    while e < hi and e - j < 8 and w[e] not in _CLAUSE_END and w[e] not in QUOTE_CHARS:
        if low(w[e]) in _GROUP_END or low(w[e]) in cw.VERBS:
            break
        if e > j and is_cap(w[e]):
            n = name_end(d, e, hi)
            name = d.text[d.starts[e] : d.ends[n - 1]]
            if 2 <= n - e <= 3 and (n >= hi or w[n] in _CLAUSE_END) and gender(name) is not None:
                # 'один из местных предпринимателей Олег Шубин': the name closes the group
                group = d.text[d.starts[j] : d.ends[e - 1]]
                return Cue("name", name, d.starts[e], d.ends[n - 1], name=name, role=group,
                           rule=rule)  # fmt: skip
        e += 1
    if e == j or is_cap(w[j]):
        return None
    group = d.text[d.starts[j] : d.ends[e - 1]]
    if e + 1 < hi and w[e] == ",":
        n = name_end(d, e + 1, hi)
        body = any(low(x) in ORG_WORDS for x in w[e + 1 : n])
        if 2 <= n - e - 1 <= 4 and (n >= hi or w[n] in _CLAUSE_END) and not body:
            name = d.text[d.starts[e + 1] : d.ends[n - 1]]
            return Cue("name", name, d.starts[e + 1], d.ends[n - 1], name=name, role=group,
                       rule=rule)  # fmt: skip
    if e == j + 1 and intl.PRONOUN_MAP.get(low(w[j])) == "they":
        group = d.text[d.starts[k] : d.ends[j]]  # 'una di loro': a pronoun is no group's name
    return Cue("role", d.text[d.starts[k] : d.ends[e - 1]], d.starts[k], d.ends[e - 1],
               role=group, rule=rule)  # fmt: skip


def manner(d: Doc, k: int, hi: int) -> bool:
    """', emocionado.', ', visiblemente molesta.': a comma at token k, then up to three lower-case
    words closing the sentence. After a speech verb they say how it was said, not who said it, so
    the subject was dropped."""
    w = d.words
    if k < hi and w[k] != ",":  # 'contó emocionado.': one such word, no title, ends it
        x, end = w[k], k + 1 >= hi or w[k + 1] in (".", "!", "?", ";")
        return end and x.isalpha() and x.islower() and bare(x) not in ROLE_NOUNS and len(x) > 4
    if k >= hi:
        return False
    e = k + 1
    while e < hi and e - k <= 3 and w[e].isalpha() and w[e][0].islower():
        e += 1
    return e > k + 1 and (e >= hi or w[e] in (".", "!", "?", ";"))


def quoted_name_end(d: Doc, k: int, hi: int) -> int:
    """After the closing mark of a name printed in quotation marks whose opening mark is token k
    ('«Северогорская ТЭЦ»', '„Gegenwind“'): up to five capitalised words or acronyms, nothing
    else; k when the marks hold anything else."""
    w = d.words
    e = k + 1
    while e < hi and e - k <= 5 and (is_cap(w[e]) or is_acronym(w[e])):
        e += 1
    return e + 1 if k + 1 < e < hi and w[e] in QUOTE_CHARS else k


# Prepositions of place after an impersonal plural speech verb ('сообщили в мэрии', 'powiedzieli
# w urzędzie', 'розповіли у міськраді').
_AT = _w("в во у w we")
_PLURAL_PAST = ("ли", "li", "ły")


def where_said(d: Doc, v: int, k: int, hi: int) -> Cue | None:
    """'«...», — уточнили в пресс-службе администрации': in the Slavic languages a plural speech
    verb in the past (token v) with no subject and a place after it (token k) says the office at
    that place spoke; the place is the unnamed speaker's role. None for any other shape."""
    w = d.words
    if k + 1 >= hi or low(w[k]) not in _AT or not low(w[v]).endswith(_PLURAL_PAST):
        return None
    e = k + 1
    while e < hi and e - k <= 4 and w[e][0].isalnum():
        e += 1
    if e < hi and w[e] not in (".", "!", "?", ";"):
        return None
    role = d.text[d.starts[k + 1] : d.ends[e - 1]]
    return Cue("role", role, d.starts[k + 1], d.ends[e - 1], role=role, rule="cue-after",
               plural=True)  # fmt: skip


def office_before(d: Doc, v: int, a: int, e: int) -> Cue | None:
    """'В пресс-службе минфина сообщили, что «...»': where_said's place before the verb (token
    v), as tokens [a, e) from the clause's start; None for any other shape."""
    w = d.words
    a += low(w[a]) not in _AT and a + 2 < e and low(w[a + 1]) in _AT  # 'Водночас у ДТЕК'
    if not 1 < e - a <= 5 or low(w[a]) not in _AT or not low(w[v]).endswith(_PLURAL_PAST):
        return None
    if not all(x[0].isalnum() for x in w[a + 1 : e]):
        return None
    role = d.text[d.starts[a + 1] : d.ends[e - 1]]
    named = all(x.isupper() and len(x) > 1 for x in w[a + 1 : e])  # "У ДТЕК наголосили"
    return Cue("name" if named else "role", role, d.starts[a + 1], d.ends[e - 1],
               name=role if named else None, role=role, rule="cue-before", plural=True)  # fmt: skip


def bare(word: str) -> str:
    """A token without its fused elided article: "l'azienda" -> 'azienda'."""
    lw = low(word)
    for e in cw.ELIDED:
        if lw.startswith(e) and len(lw) > len(e):
            return lw[len(e) :]
    return lw


# Endings the definite article (and Romanian's feminine '-ă') adds to a title: Swedish, Danish and
# Norwegian 'ordföranden', 'kommunalrådet', 'lederen'; Romanian 'edilul', 'primarului',
# 'asistentă'. A title the lists hold only bare is read with them too, whichever list holds it.
_TITLE_ENDINGS = {
    "sv": ("en", "et", "n"),
    "da": ("en", "et", "n"),
    "no": ("en", "et", "a", "n"),
    "ro": ("ului", "ul", "lui", "le", "ei", "a", "ă"),
}


def _article_stem(b: str, lang: str) -> str | None:
    for e in _TITLE_ENDINGS.get(lang, ()):
        if b.endswith(e) and len(b) - len(e) > 3 and b[: -len(e)] in ROLE_NOUNS:
            return b[: -len(e)]
    return None


def title_stem(word: str, lang: str) -> str | None:
    """The listed title `word` is, as listed or with its language's article ending cut
    ('ordföranden' -> ordförande, 'edilul' -> edil); None for any other word."""
    b = bare(word)
    return b if b in ROLE_NOUNS else _article_stem(b, lang)


def with_article(word: str, lang: str) -> bool:
    """`word` is a listed title with its language's article ending ('rektoren', 'edilul')."""
    return _article_stem(bare(word), lang) is not None


def title_word(word: str, lang: str) -> bool:
    """`word` is a title: as listed, or a listed title with its language's article ending."""
    return title_stem(word, lang) is not None


def genitive_then_name(d: Doc, n: int, hi: int) -> tuple[int, int] | None:
    """The full name after a noun and its lower-case genitive (one or two words: 'predajkyňa
    zeleniny', 'mati dveh otrok') at n, in a language that puts no preposition there
    (service.extract.lexicon_new_intl.GENITIVE_PLACE, or one with no article): its span, when it
    opens with a known first name."""
    if (lang := intl.language(d.text)) not in GENITIVE_PLACE and lang not in ARTICLELESS:
        return None
    k = n + 1
    while k < min(hi, n + 3) and d.words[k].isalpha() and d.words[k].islower():
        k += 1
    if k == n + 1 or k >= hi:
        return None
    e = name_end(d, k, hi)
    return (k, e) if e - k >= 2 and is_given(low(d.words[k])) else None


def tail_name(d: Doc, lo: int, end: int) -> int:
    """Where a personal name closes a title's complement with no comma before it: two or three
    capitalised words after a lower-case word ("de l'opposition Olivier Deleuze"), an elided
    domain ("dell'Economia Paolo Rossi") or an acronym ('πρόεδρος της ΟΛΜΕ Όσκαρ Παπαδάκης', where
    no first-name list knows the name; not before a comma, where a name in apposition may follow
    a place); -1 when the complement has none."""
    w = d.words
    for p in (end - 2, end - 3):
        if p < lo:
            continue
        prev = w[p - 1]
        elided = bare(prev) != low(prev)
        if not (
            elided
            or is_acronym(prev)
            and (end >= len(w) or w[end] != ",")  # 'Ketua DPRD Kota Lestari, Bayu Saputra'
            or prev in QUOTE_CHARS
            or prev[0].isalpha()
            and prev[0].islower()
            and low(prev) not in cw.LINKS_OR_DETS
        ):
            continue
        run = w[p:end]
        if all(is_cap(x) and not is_acronym(x) and low(x) not in ORG_WORDS for x in run):
            return p
    a = end
    while a > lo and is_cap(w[a - 1]):
        a -= 1
    # 'professora de Matemática Helena Quintas': a capitalised domain, then a known first name
    p = given_start(d, a, end) if end - a > 2 else a
    return p if p > a else -1


def _given_not_stop(d: Doc, e: int, hi: int) -> bool:
    """The pooled stop list holds other languages' words that are first names here (Croatian
    'Ante', Swedish 'Per', 'Bo'): capitalised inside the sentence, a first name of the article's
    language and a capitalised word after it, the word at e opens a name, not a new clause."""
    w = d.words
    return (
        is_cap(w[e])
        and not d.sent_start[e]
        and e + 1 < hi
        and is_cap(w[e + 1])
        and given_in(name_key(w[e]), intl.language(d.text))
    )


def clause_final_name(d: Doc, k: int, hi: int, rule: str) -> Cue | None:
    """After an inverted speech verb, a description the title lists do not hold and then a full
    name that closes the clause: 'obává se majitelka kavárny na Zelném trhu Lenka Novotná.',
    'berättar pensionären i byn Sture Holmgren.', or a sentence's subject ('Wójt gminy Beata
    Sikora przyznaje'). The name (a known first name first) speaks and
    the words before it are its role; None for any other shape, so a place ('en Buenos Aires')
    never reads as a person."""
    w = d.words
    if k >= hi or not w[k][:1].isalpha():
        return None
    if not w[k][0].islower() and not (d.sent_start[k] and not is_given(low(w[k]))):
        return None  # a capital only where it opens the sentence: 'Wójt gminy Beata Sikora'
    e = k
    while e < hi and e - k < 14 and w[e] not in _CLAUSE_END and w[e] not in QUOTE_CHARS:
        e += 1
    if e - k < 2 or e - k >= 14 or e < hi and w[e] not in (".", ",", ";", "!", "?", "("):
        return None
    if (a := apposed_name(d, e, hi)) is not None:
        # 'a precizat managerul unității, dr. Cristian Bălănescu.': the name set off after it
        name = d.text[d.starts[a[0]] : d.ends[a[1] - 1]]
        return Cue("name", d.text[d.starts[k] : d.ends[a[1] - 1]], d.starts[k], d.ends[a[1] - 1],
                   name=name, role=d.text[d.starts[k] : d.ends[e - 1]], rule=rule)  # fmt: skip
    if e - k < 3:
        return None
    p = tail_name(d, k + 1, e)
    if p <= k or not is_given(low(w[p])):
        return None
    name = d.text[d.starts[p] : d.ends[e - 1]]
    return Cue("name", d.text[d.starts[k] : d.ends[e - 1]], d.starts[k], d.ends[e - 1], name=name,
               role=d.text[d.starts[k] : d.ends[p - 1]], rule=rule)  # fmt: skip


# Nouns after 'à'/'a' that say where or how something was said, not to whom.
_NOT_TOLD = frozenset(["margem", "margine", "marge", "saída", "entrada", "chegada", "sortie"])


_OUTLETS = frozenset(
    ["agência", "agencia", "agenzia", "agence", "jornal", "journal", "giornale", "diario", "diário"]
)


def skip_dative(d: Doc, k: int, hi: int) -> int:
    """Past 'à l'AFP', 'a Efe', 'à Lusa', "all'Ansa", 'a los periodistas' after a speech verb,
    when a speaker phrase follows; else k unchanged."""
    w = d.words
    if k >= hi:
        return k
    lk = low(w[k])
    if lk.startswith(("all'", "all’", "alla", "ai", "agli", "aos", "às")) and k + 1 < hi:
        e = k + 1 if "'" in lk or "’" in lk else k + 2
    elif lk in cw.DATIVE and k + 1 < hi:
        if lk in cw.DETS and low(w[k + 1]) in ROLE_NOUNS and low(w[k + 1]) not in intl.PLURAL_ROLES:
            return k  # 'disse a deputada X': Portuguese 'a' is the article; 'to' takes one ('à')
        if w[k + 1].isalpha() and w[k + 1].islower() and low(w[k + 1]) in _NOT_TOLD:
            return k  # 'afirmou à margem de uma visita': where it was said, not to whom
        e = k + 1
        if low(w[e]) in cw.DETS and e + 1 < hi:
            e += 1
        if low(w[e]) in _OUTLETS and e + 2 < hi and is_cap(w[e + 1]):
            e += 1  # 'adiantou à agência Lusa fonte do Comando': the outlet's kind, its name
        e += 1
    else:
        return k
    told = lk not in cw.DETS or low(w[k + 1]) in cw.DETS  # Portuguese 'a' alone is the article
    if told and (e >= hi or w[e] in (".", "!", "?", ";")):
        # 'le reprochó a la alcaldesa.': the one told closes the clause, no speaker follows
        return e
    if e <= hi and is_cap(w[e - 1]):
        # 'spiega al Secolo XIX l'assessore X', 'confie au Télégramme Claire Le Gall': the
        # outlet's whole name, then an article, a title, or a name a known first name opens
        r = e
        while r < hi and r - e < 4 and (is_cap(w[r]) or is_acronym(w[r])):
            r += 1
        if r < hi and (low(w[r]) in cw.DETS or low(w[r]).startswith(cw.ELIDED)):
            return r
        if r < hi and low(w[r]) in ROLE_NOUNS:
            return r
        for g in range(e, r - 1):
            if is_given(low(w[g])) and low(w[g]) not in cw.PARTICLES:
                return g
    if not is_cap(w[e - 1]) and e + 1 < hi and is_cap(w[e]) and low(w[e + 1]) in cw.DETS:
        e += 1  # 'disse à agência Lusa a professora X': the outlet's name, then the speaker
    if e < hi and (low(w[e]) in cw.DETS or is_cap(w[e]) or low(w[e]) in ROLE_NOUNS):
        return e
    return k


def apposed_name(d: Doc, c: int, hi: int) -> tuple[int, int] | None:
    """The tokens [start, end) of a full name set off by the comma at token c and closing its
    clause ('una madre, Francesca Ruggeri.'); None when none is."""
    w = d.words
    if c + 2 >= hi or w[c] != ",":
        return None
    if w[c + 1] in _LOWER_TITLES:
        c += 1  # ', dr. Cristian Bălănescu': the title abbreviation is not part of the name
    n = name_end(d, c + 1, hi)
    if n - c - 1 < 2 or n - c - 1 > 4 or any(low(x) in ORG_WORDS for x in w[c + 1 : n]):
        return None
    return (c + 1, n) if n >= hi or w[n] in _CLAUSE_END else None


def past_place(d: Doc, end: int, hi: int) -> int:
    """The comma after a short place or time adjunct that closes a title's complement ('el
    portavoz de Asaja en la comarca, Bartolomé Ruiz'), when a full name follows it; else end."""
    w = d.words
    if end >= hi or low(w[end]) not in cw.ADJUNCT:
        return end
    c = end + 1
    while c < hi and c - end <= 5 and w[c][0].isalnum() and low(w[c]) not in cw.VERBS:
        c += 1
    return c if c < hi and apposed_name(d, c, hi) is not None else end


def finnish_allative(word: str) -> bool:
    """'Keskisuomalaiselle', 'Ylelle': a capitalised word in the allative ('to X'), the outlet a
    Finnish speaker talks to, not the speaker; a first name ('Kalle') is none."""
    return is_cap(word) and len(word) > 5 and word.endswith("lle") and not is_given(low(word))


def inner_name(d: Doc, lo: int, hi: int) -> int:
    """Where a full name starts in a title's complement that runs on into its clause, after a
    lower-case word ('trener gospodarzy Michał Sobczak studził', 'kapitan drużyny Jan Kos
    przyznał'): a known first name, then a capitalised surname; -1 when none does."""
    w = d.words
    for p in range(max(lo, 1), hi - 1):
        if (
            w[p - 1][0].islower()
            and bare(w[p - 1]).isalpha()  # "de l'oposició Jordi Casals": an elided article
            and is_given(low(w[p]))
            and is_cap(w[p])
            and is_cap(w[p + 1])
            and low(w[p + 1]) not in ORG_WORDS
        ):
            return p
    return -1


def described_name(d: Doc, k: int, lo: int) -> bool:
    """The comma at token k closes a name and opens a lower-case description set off after it
    ('o avançado Bruno Tavares, autor do golo do empate, falou'), not a title's complement
    ("Le conseiller d'Emmanuel Macron, cité par plusieurs médias, jugeait")."""
    w = d.words
    return (
        k > lo
        and k + 1 < len(w)
        and w[k + 1][0].islower()
        and is_cap(w[k - 1])
        and not any(
            low(x) in cw.LINKS or low(x).startswith(cw.ELIDED) for x in w[max(lo, k - 3) : k]
        )
    )


# Most words a title's complement runs to.
_CLAUSE_MAX = 12


def clause_end(d: Doc, k: int, hi: int) -> int:
    """End (exclusive) of a title's complement: words up to punctuation or a stop word (split from
    service.extract.cues_intl, which reads titles with it)."""
    w = d.words
    e = k
    while e < hi and e - k < _CLAUSE_MAX:
        x = w[e]
        domain = low(x) in cw.DOMAIN and e + 1 < hi and is_cap(w[e + 1])  # 'assessore al Bilancio'
        if x in QUOTE_CHARS and (q := quoted_name_end(d, e, hi)) > e:
            e = q  # 'директор компании «Северогорская ТЭЦ»': the body's name in its marks
            continue
        stop = low(x) in cw.STOP and low(x) not in cw.LINKS and not domain
        if not x[0].isalnum() or stop and not _given_not_stop(d, e, hi):
            break
        e += 1
    while e > k and low(w[e - 1]) in cw.LINKS_OR_DETS:
        e -= 1
    return e


def described_apposition(d: Doc, a: int, b: int, rule: str) -> Cue | None:
    """Tokens [a, b) set off by commas before a speech verb: an article perhaps, one or two
    lower-case words (a German person noun after the article), then a full name ('Uno de los
    afectados, el jubilado Francisco Vidal, dijo'): the name, its role the words before it; None
    for any other shape."""
    w = d.words
    k = a + (low(w[a]) in cw.DETS)
    n = k
    while (
        n < b
        and n - k < 2
        and w[n].isalpha()
        and (w[n].islower() or n > a and n == k and cw.german_person_noun(d, n))
    ):
        n += 1
    if n == k or b - n < 2 or not w[n].isalpha() or name_end(d, n, b) != b:
        return None  # 'directrice de l'ONG Terre Vive' is a body's name, not hers
    if any(low(x) in cw.LINKS for x in w[k:n]):
        return None
    name = span_text(d, n, b)
    return Cue("name", name, d.starts[n], d.ends[b - 1], name=name, role=span_text(d, k, n),
               rule=rule)  # fmt: skip


def circles(d: Doc, k: int, hi: int) -> Cue | None:
    """'..., hieß es aus Kreisen der Unionsfraktion': an unnamed group, the words after 'aus'."""
    w = d.words
    while k < hi and low(w[k]) not in ("aus", "in", "bei", "im", "beim") and k < hi - 1:
        if not w[k][0].isalnum():
            return None
        k += 1
    e = clause_end(d, k + 1, hi)
    if e <= k + 1:
        return None
    role = span_text(d, k + 1, e)
    return Cue("role", role, d.starts[k + 1], d.ends[e - 1], role=role, rule="cue-after",
               plural=True)  # fmt: skip
