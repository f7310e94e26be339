"""Which organisation a definite body noun stands for in news that is not in English: 'le
ministère', 'el organismo', 'die Behörde', 'الوزارة'; and which full name one later word
('ujar Rina', 'aseguró Roldán', 'dodał Duda') stands for.

A body noun of a particular kind ('ministère', 'syndicat', 'Regierung') stands for the organisation
named before it whose name holds that noun ('ministère de l'Intérieur', 'Bundesregierung'); with no
such organisation it is an unnamed body of that kind, never the nearest organisation of another
kind. A generic noun ('la compagnie', "l'azienda", 'el organismo') may stand for any organisation.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from os.path import commonprefix
from typing import TYPE_CHECKING

from schemas import Actor, ActorType
from service.extract import declension_new_intl
from service.extract import lexicon_intl as intl
from service.extract.actor_mentions import in_regions
from service.extract.cue_words_intl import german_person_noun
from service.extract.declension_intl import DECLINED, nominative
from service.extract.lexicon_new_intl import ARTICLELESS
from service.extract.name_gender import given_in, is_given
from service.extract.names import DETERMINERS, ROLE_NOUNS, Doc, low, name_key

if TYPE_CHECKING:
    from service.extract.noun_phrases import Cue
    from service.extract.speaker_index import ActorIndex


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
# brodara Mladena Horvata'): a later 'rekao je Horvat' names Mladen Horvat. A woman's surname
# does not decline, her first name does ('ravnateljice Marije Kovačević'), and the press may call
# her by the surname with '-ova'/'-eva' ('rekla je Ilićeva', 'je poudarila Kraljeva', 'Vidmarjeva').
_SOUTH_SLAVIC = ("hr", "sr", "sl")
_BALTIC = ("lv", "et", "lt")
_WOMANS_SURNAME = ("ova", "eva")


def _womans_form(short: str, surname: str) -> bool:
    """'Ilićeva' of Ilić, Slovenian 'Vidmarjeva' of Vidmar (a 'j' after an 'r')."""
    return short.endswith(_WOMANS_SURNAME) and (
        short[:-3] == surname or short.endswith("jeva") and short[:-4] == surname
    )


def _masculine_nominative(words: list[str]) -> list[str]:
    """'Mladena Horvata' -> Mladen Horvat: the '-a' of a man's genitive dropped."""
    return [x[:-1] if len(x) > 3 and x.endswith("a") else x for x in words]


def _feminine_nominative(words: list[str]) -> list[str]:
    """'Marije Kovačević' -> Marija Kovačević: a first name in '-e' that is no known first name,
    while the same with '-a' is one, is a woman's genitive (her surname stays as it is)."""
    out = list(words)
    for i, x in enumerate(out[:-1]):
        k = name_key(x)
        if k.endswith("e") and not is_given(k) and is_given(k[:-1] + "a"):
            out[i] = x[:-1] + "a"
    return out


def _romanian_nominative(words: list[str]) -> list[str]:
    """'Elenei Ionescu' -> Elena Ionescu: a woman's genitive-dative ('potrivit ...') in '-ei' on a
    first name that is no known name, while the same with '-a' is (the surname stays)."""
    k = name_key(words[0])
    if k.endswith("ei") and not given_in(k, "ro") and given_in(k[:-2] + "a", "ro"):
        return [words[0][:-2] + "a", *words[1:]]
    return words


def _lithuanian_nominative(words: list[str]) -> list[str]:
    """'Jurgitos Vasiliauskienės' -> Jurgita Vasiliauskienė: a woman's genitive ('pasak ...'),
    every word in '-os' or '-ės' (no Lithuanian name in the nominative ends so). A man's
    ('Dariaus Kazlausko' -> Darius Kazlauskas) when every word has a man's genitive ending and
    the first read back is a Lithuanian first name."""
    if all(x.endswith(("os", "ės")) and len(x) > 4 for x in words):
        return [x[:-2] + ("a" if x.endswith("os") else "ė") for x in words]
    back = [_lt_masculine(x) for x in words]
    if any(b == x for b, x in zip(back, words, strict=True)):
        return words  # every word declined ('Mario Draghi' is no genitive)
    return back if given_in(name_key(back[0]), "lt") else words


def _latvian_nominative(words: list[str]) -> list[str]:
    """'Andra Bērziņa' -> Andris Bērziņš: a man's genitive in '-a' when the first word with '-s'
    or '-is' is a Latvian first name and, as written, none ('Laura Bērziņa' is a woman)."""
    if not all(x.endswith("a") and len(x) > 3 for x in words) or given_in(name_key(words[0]), "lv"):
        return words
    first = next(
        (words[0][:-1] + e for e in ("s", "is") if given_in(name_key(words[0][:-1] + e), "lv")),
        None,
    )
    if first is None:
        return words
    return [first] + [x[:-1] + ("š" if x.endswith("ņa") else "s") for x in words[1:]]


# A Lithuanian man's genitive ending and its nominative, longest first ('Stankevičiaus' ->
# Stankevičius, 'Petraičio' -> Petraitis, 'Jono' -> Jonas).
_LT_MASCULINE = (("iaus", "ius"), ("aus", "us"), ("čio", "tis"), ("džio", "dis"), ("io", "is"))


def _lt_masculine(word: str) -> str:
    for gen, nom in _LT_MASCULINE:
        if word.endswith(gen) and len(word) > len(gen) + 1:
            return word[: -len(gen)] + nom
    return word[:-1] + "as" if word.endswith("o") and len(word) > 3 else word


# Malay styles conferred by the state or the pilgrimage ('Datuk Seri', 'Tan Sri', 'Haji'), which
# the wire writes before the name and the name does not hold; 'Seri', 'Sri' and 'Paduka' only
# after one ('Sri Wahyuni' is a name), 'Tan' only before 'Sri' (it is also a surname).
_STYLES = _w("tun datuk dato dato' dato’ datin toh puan haji hajah hj hjh")
_STYLE_TAILS = _w("seri sri paduka")


def _unstyled(words: list[str]) -> list[str]:
    """'Datuk Seri Hamzah Yusof' -> Hamzah Yusof, 'Tan Sri Ahmad Zaki' -> Ahmad Zaki."""
    i = 0
    while i < len(words) - 1:
        w, nxt = low(words[i]).rstrip("."), low(words[i + 1])
        if w == "tan" and nxt in ("sri", "seri"):
            i += 2
        elif w in _STYLES:
            i += 1 + (nxt in _STYLE_TAILS and i + 2 < len(words))
        else:
            break
    return words[i:] if i < len(words) else words


def nominative_name(name: str, lang: str) -> str:
    """A Croatian, Serbian, Slovenian, Baltic or Romanian full name as an actor holds it in the genitive,
    back in the nominative ('Nataše Kralj' -> Nataša Kralj, 'Marka Jurčevića' -> Marko Jurčević);
    a Malay or Indonesian name without its styles ('Datuk Seri Hamzah Yusof' -> Hamzah Yusof); any
    other name as it is."""
    if " " not in name:
        return name
    if lang in ("ms", "id"):
        return " ".join(_unstyled(name.split()))
    if lang == "lt":
        return " ".join(_lithuanian_nominative(name.split()))
    if lang == "lv":
        return " ".join(_latvian_nominative(name.split()))
    if lang == "ro":
        return " ".join(_romanian_nominative(name.split()))
    if lang in ("pl", "ru"):
        # 'Katarzyny Lis' -> Katarzyna Lis: read back only where the first name as written is
        # no known name and read back is one ('Anna Nowak' stays)
        back = nominative(name, lang)
        was, now = name_key(name.split()[0]), name_key(back.split()[0])
        known = given_in(now, lang) and not given_in(was, lang)
        return back if known and len(back.split()) == len(name.split()) else name
    if lang not in _SOUTH_SLAVIC:
        return name
    words = name.split()
    k = name_key(words[0])
    if k.endswith("a") and not given_in(k, lang):
        # 'Marka Jurčevića' -> Marko Jurčević: a man's genitive, its first name known back in
        # the nominative with '-o' or none ('Ivana' and 'Luka' are names as written)
        first = next((f for f in (k[:-1] + "o", k[:-1]) if given_in(f, lang)), None)
        if first is not None:
            head = words[0][:-1] + ("o" if first.endswith("o") else "")
            return " ".join([head, *_masculine_nominative(words[1:])])
    return " ".join(_feminine_nominative(words))


def _fleeting_e(short: str, word: str) -> bool:
    """'wróbel' and 'wróbl' (of 'Wróbla'): a Polish surname whose last 'e' drops when it
    declines."""
    return len(short) > 4 and short[-2] == "e" and word == short[:-2] + short[-1]


def _same_word(short: str, word: str, lang: str) -> bool:
    """'Duda' and 'Dudy' (a Polish or Russian genitive) are one surname; elsewhere the words match."""
    if short == word:
        return True
    if lang in _SOUTH_SLAVIC and _womans_form(short, word):
        return True  # 'Ilićeva' -> Ilić
    if lang in _BALTIC:
        # the case endings vary ('Kase' -> Kask, 'Kalniņa' -> Kalniņš): one stem of three
        # letters or more, each word at most two letters past it (one for a stem of three)
        shared = len(commonprefix([short, word]))
        past = max(len(short), len(word)) - shared
        return shared >= 3 and past <= (1 if shared == 3 else 2)
    if lang not in ("pl", "ru", *_SOUTH_SLAVIC) or len(short) < 4:
        return False
    stem = short[:-1] if short[-1] in "aeiouyаяыиеоуь" else short
    if lang == "pl" and _fleeting_e(short, word[:-1]):
        return True  # 'Wróbel' of 'Wróbla'
    return word.startswith(stem) and len(word) - len(stem) <= 2


_WHOLE_NAMES = frozenset(("vi", "ar"))
# Scripts without capitals whose name keys break inside words (Devanagari vowel signs): a later
# one-word mention is matched as written against the last word of a full name.
_UNCASED = frozenset(("hi", "he", "fa"))


def _from_last_word(actors: Sequence[Actor], short: str, at: int) -> str | None:
    """'सिंह ने कहा' -> कविता सिंह, 'اعترف بن علي' -> جمال بن علي: the last name mentioned before
    offset `at` that ends in the word or words a later cue gives."""
    best: tuple[int, str] | None = None
    tail = short.split()
    for a in actors:
        words = a.name.split()
        first = [m.start for m in a.mentions if m.start < at]
        if a.anonymous or not first or len(words) <= len(tail) or words[-len(tail) :] != tail:
            continue
        if best is None or max(first) > best[0]:
            best = (max(first), a.name)
    return best[1] if best else None


# Scripts that write the surname first and, but for Korean, no spaces: '佐藤市長' after '佐藤健一',
# '김 시장' after '김민수'.
_SURNAME_FIRST = frozenset(("zh", "ja", "ko"))


def _from_surname(actors: Sequence[Actor], short: str, at: int) -> str | None:
    """The last full name mentioned before offset `at` that begins with the one- or two-character
    surname a later cue gives, one to three characters longer."""
    best: tuple[int, str] | None = None
    for a in actors:
        extra = len(a.name) - len(short)
        first = [m.start for m in a.mentions if m.start < at]
        if a.anonymous or not first or not 1 <= extra <= 3 or not a.name.startswith(short):
            continue
        if best is None or max(first) > best[0]:
            best = (max(first), a.name)
    return best[1] if best else None


def full_form(actors: Sequence[Actor], short: str, at: int, lang: str) -> str | None:
    """'ujar Rina' -> Rina Susanti, 'aseguró Roldán' -> Fátima Roldán Ortega, 'dodał Duda' ->
    Marek Duda: the longer personal name mentioned before offset `at` that holds the one word a
    later cue gives (a first name, a first surname, a declined surname). Only known first names
    right before that word belong to it: the rest ('Badan Penanggulangan ... Rina Susanti') is a
    title glued to the name."""
    if lang in _SURNAME_FIRST:
        return _from_surname(actors, short, at)
    if lang in _UNCASED:
        return _from_last_word(actors, short, at)
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
        declined = hit < 0 and first and lang in declension_new_intl.LANGS
        if declined:
            # 'podle velitele Petra Novotného' then 'uvedl Novotný': the nominative holds it
            words = nominative(a.name, lang).split()
            if name_key(words[-1]) != key and len(words) > 2:
                # 'obce Lietavská Lúčka Zuzany Kováčovej': a place before the first name, which
                # tells the surname's gender only when the two are read back alone
                words = nominative(" ".join(a.name.split()[-2:]), lang).split()
            keys = [name_key(x) for x in words]
            hit = keys.index(key) if key in keys else -1
        if hit < 0 or not first:
            continue
        reread = False
        if lang in ("pl", "ru") and keys[hit] != key:
            words = nominative(a.name, lang).split()  # 'Marka Dudy' -> Marek Duda
            if len(words) > hit and _fleeting_e(key, name_key(words[hit])):
                words[hit] = short  # 'Tomasza Wróbla' read 'Wróbl': the cue's 'Wróbel' holds it
            keys = [name_key(x) for x in words]
            reread = True
        elif lang in _SOUTH_SLAVIC and keys[hit] != key:
            if _womans_form(key, keys[hit]):
                words = _feminine_nominative(words)  # 'Ilićeva' names (Dragane) Ilić
            elif keys[hit] != key + "a":
                continue  # else only a man's genitive is read back
            else:
                words = _masculine_nominative(words)
            keys = [name_key(x) for x in words]
        if lang in _BALTIC and keys[hit] != key:
            if lang == "lt" and len(words) == 2:
                words = _lithuanian_nominative(words)  # 'Rūtos Petrauskienės' -> Rūta ...
                reread = words != a.name.split()
            words = words[:hit] + [short] + words[hit + 1 :]  # the form the cue gives
            keys = [name_key(x) for x in words]
        # a name read back from its declined form is a name, first word and all
        lead = 0 if (declined or reread) and len(words) == 2 else hit
        if lang in _WHOLE_NAMES and hit == len(words) - 1:
            # 'ông Khải' (the given name Vietnamese calls one by); an Arabic name read from its
            # cue holds no title, so all of it is the name
            lead = 0
        while lead > 0 and is_given(keys[lead - 1]):
            lead -= 1  # the first names right before it ('Fátima Roldán Ortega'), not a title
        name = " ".join(words[lead:])
        if len(name.split()) > 1 and (best is None or max(first) > best[0]):
            best = (max(first), name)
    return best[1] if best else None


# Russian, Ukrainian and Belarusian patronymics ('Петрович', 'Петровна', 'Ильинична').
_PATRONYMIC = ("вич", "вна", "ична", "інична")


def with_surname(actors: Sequence[Actor], name: str, at: int) -> str | None:
    """'заявил Сергей Петрович' -> Сергей Петрович Орлов: a first name and patronymic, as a
    later mention calls a person, read as the full name mentioned before offset `at`."""
    words = name.split()
    if len(words) != 2 or not words[1].endswith(_PATRONYMIC):
        return None
    return next(
        (
            a.name
            for a in actors
            if a.name.split()[:2] == words
            and len(a.name.split()) == 3
            and any(m.start < at for m in a.mentions)
        ),
        None,
    )


def title_holder(idx: ActorIndex, cue: Cue, lang: str, text: str) -> tuple[str, str | None] | None:
    """'pridūrė direktorė', 'zapewnił wójt' in a language with no article to tell 'the' from 'a':
    the title's holder named before ('Mokyklos direktorė Rūta Petrauskienė', 'wójta gminy
    Tadeusza Lisa'), as (name, role); None when there is none (an unnamed one speaks). A title
    word with a capital and no article that ends a name written before is that surname: 'sagte
    Richter' after 'Bürgermeister Klaus Richter' (not a judge), 'Koch', 'Schmied'."""
    bare_word = cue.surface.strip()
    words = bare_word.split()
    if len(words) == 2 and words[0].islower() and words[1][:1].isupper() and lang != "en":
        # 'jak przekonuje wójt Kubiak' after 'Wójt gminy Zalesie Górne Tadeusz Kubiak': a title,
        # then the surname of the person named before in full
        full = full_form(idx.actors, words[1], cue.start, lang)
        if full and full.split()[-1] == words[1]:
            return full, words[0]
    if bare_word[:1].isupper() and " " not in bare_word:
        full = full_form(idx.actors, bare_word, cue.start, lang)
        if full and full.split()[-1] == bare_word:
            return full, None
    if lang not in ARTICLELESS or " " in cue.surface.strip():
        return None
    holders = idx.holders(name_key(cue.surface), text)
    if before := [a for a in holders if any(m.start < cue.start for m in a.mentions)]:
        a = idx.last_before(before, cue.start)
        return a.name, a.role
    named = _declined_holder(idx.actors, text, cue.surface, cue.start, lang)
    return (named, cue.role) if named else None


def _declined_holder(
    actors: Sequence[Actor], text: str, title: str, at: int, lang: str
) -> str | None:
    """'Zdaniem wójta gminy Tadeusza Lisa ...' then 'zapewnił wójt': the person last named before
    offset `at` with the title, declined, among the three words before the name ('wójta'); the
    name back in the nominative where the title was declined."""
    tk = name_key(title)
    if len(tk) < 3:
        return None
    best: tuple[int, str] | None = None
    for a in actors:
        if a.type != ActorType.person or a.anonymous or " " not in a.name:
            continue
        for m in a.mentions:
            if m.start >= at or best is not None and m.start <= best[0]:
                continue
            before = [name_key(x) for x in text[max(0, m.start - 60) : m.start].split()[-3:]]
            hit = next((x for x in before if x.startswith(tk) and len(x) - len(tk) <= 2), None)
            if hit is not None:
                declined = hit != tk and lang in DECLINED
                best = (m.start, nominative(a.name, lang) if declined else a.name)
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
    if d.starts[k] < p0:
        return None
    # 'À la barre, l'accusé, ...': a short phrase of place or time before the subject
    c = next((c for c in range(k + 1, min(k + 5, len(w) - 1)) if w[c] == ","), -1)
    if c > 0 and low(w[k]) not in _THE and (low(w[c + 1]) in _THE or _elided(w[c + 1])):
        k = c + 1
    if _elided(w[k]) and low(w[k][2:]) in ROLE_NOUNS:
        return w[k][2:]  # 'l'accusé, un retraité ..., a dit': the elided article's noun
    if k + 1 >= len(w) or low(w[k]) not in _THE:
        return None
    if low(w[k + 1]) not in ROLE_NOUNS and not german_person_noun(d, k + 1):
        return None  # 'Die Kassiererin, die ..., sagte als Zeugin aus.': a German person noun
    e = k + 2
    while e + 1 < len(w) and low(w[e]) in _OF and w[e + 1].isalpha() and w[e + 1].islower():
        e += 2  # 'officier van justitie', 'procureur du roi'
    return d.text[d.starts[k + 1] : d.ends[e - 1]]


def _elided(word: str) -> bool:
    """A French or Italian article elided onto its noun: "l'accusé", 'l’imputato'."""
    return word[:2].lower() in ("l'", "l’") and len(word) > 3


_OF = frozenset(["van", "de", "du", "des", "der", "di", "del", "da", "do", "dos"])
_THE = DETERMINERS | intl.DETERMINERS


# European honorifics before a surname ('Mme Vanderstraeten', 'Frau Krämer', 'Sra. Ruiz').
_HONORIFICS = _w(
    "m. mme mlle madame monsieur frau herr herrn sra sra. srta srta. señora señor sr. signora "
    "signor sig. sig.ra dhr. mevr. mevrouw meneer me maître maitre"
)


def behind_honorific(name: str) -> str:
    """The name without a European honorific before it ('Mme Vanderstraeten' -> 'Vanderstraeten'),
    so that the surname finds the person named in full; the name itself otherwise."""
    first, _, rest = name.partition(" ")
    return rest if rest and first.lower() in _HONORIFICS else name


def in_full(actors: Sequence[Actor], text: str, speaker: str, at: int) -> str:
    """'„...“, a-t-elle rétorqué' after 'a déclaré Mme Marchetti': a pronoun's antecedent met only
    as an honorific and a surname reads as the person named in full before, as a name cue does."""
    lang = intl.language(text)
    if lang == "en":
        return speaker
    short = behind_honorific(speaker)
    if short == speaker or " " in short.strip():
        return nominative_name(speaker, lang)  # 'Katarzyny Lis', met in the genitive
    return full_form(actors, short, at, lang) or speaker


def named_in_paragraph(d: Doc, idx: ActorIndex, p: str, at: int, last_pos: int) -> Actor | None:
    """Outside English, a person named in the cue's own paragraph after the last quotation, though
    not as a sentence's subject ('Di parere diverso il capitano Lorenzo Sabatini, ... «...», ha
    spiegato'): the newest person beats the last speaker of another paragraph."""
    if intl.language(d.text) == "en":
        return None
    lo = max(last_pos, d.paras[d.para_of(at)][0] if d.paras else 0)
    a = idx.mentioned_before(at, {ActorType.person}, lookback=at - lo, pronoun=p)
    if a is None:
        return None
    quoted = idx.quoted
    return (
        a
        if any(lo < m.start < at and not in_regions(m.start, quoted) for m in a.mentions)
        else None
    )


def paragraph_subject(d: Doc, idx: ActorIndex, at: int) -> Actor | None:
    """'Chefarzt Dr. X hält die Fusion für überfällig. Kleine Häuser hätten „...“, meint der
    Mediziner': a description no named actor holds stands for the last person, written with a
    known first name, who opens a sentence of its paragraph before it."""
    p0 = d.paras[d.para_of(at)][0]
    starts, subjects = idx.subjects(d)
    for k in range(bisect_left(starts, at) - 1, -1, -1):
        start, _, a = subjects[k]
        if start < p0:
            return None
        if is_given(name_key(a.name).split()[0]):
            return a
    return None
