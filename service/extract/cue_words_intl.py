"""Word sets for the cue patterns of service.extract.cues_intl: the words around a title (links to
its domain, determiners, particles of names, words that end its complement), the speech verbs of
all the languages (listed and conjugated), words that take up a quotation in the next sentence,
'according to' phrases of several words, adjuncts between an inverted verb and its subject.
"""

from __future__ import annotations

from service.extract import lexicon_intl as intl
from service.extract import lexicon_new_intl, verbs_intl, verbs_more_intl, verbs_new_intl
from service.extract.names import ORG_WORDS, QUOTE_CHARS, Doc, is_acronym, is_cap, low
from service.extract.noun_phrases import AUX, TIME_WORDS, Cue


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Words that join a title to what it is the title of ("porte-parole de la DGAC").
LINKS = _w("de du des del della delle dei degli da do dos das di van der den von vom of")
DETS = (
    intl.DETERMINERS
    | {"a", "an", "the", "l", "d"}
    | _w(
        "son sa ses leur leurs sein seine seinen seiner ihre ihren ihrer dessen deren su sus suo sua suoi"
        " sue seu seus suas"
    )
    | lexicon_new_intl.DETERMINERS
)
# Greek honorifics between the article and a surname ('ο κ. Καραγιάννης', 'η κα Λάμπρου')
EL_HONORIFICS = _w("κ κα κος κύριος κυρία")  # as `low` reads them: "κ." is κ
# Lower-case honorifics with no article before a surname ('a spus doamna Ionescu', 'zei mevrouw
# Visser'): the surname after them is the speaker.
SURNAME_HONORIFICS = _w("doamna domnul mevrouw meneer")
INDEFINITE = _w("un une ein eine einer einen uno una um uma een a an")


def definite_a(word: str, lang: str) -> bool:
    """Whether `word` is Portuguese or Hungarian 'a', the definite article there ('disse a
    vizinha', 'tette hozzá a polgármester' name someone already written of) though INDEFINITE
    holds it for English."""
    return word == "a" and lang in ("pt", "hu")


# Lower-case honorifics that stand before a first name alone in familiar reporting ('tłumaczy
# pani Helena', 'cuenta doña Carmen', 'diz dona Rosa', 'zegt tante Riet'): the first name is
# the speaker, resolved to the person the text names in full.
GIVEN_HONORIFICS = _w("pani pan panna don doña dona seu senhora tante ome sior siora nonna")
# Particles inside personal names ("Pieter de Groot", "Lula da Silva", "von der Leyen").
PARTICLES = _w("de van von der den da di du do dos das del della ter ten la le")
# Modifiers that may stand before a title ("l'ancien ministre", "der frühere Minister").
PRE_TITLE = _w(
    """ancien ancienne nouveau nouvelle haut haute ex former neue neuer neuen frühere früherer
    ehemalige ehemaliger nuevo nueva alto alta nuovo nuova novo nova antigo antiga nieuwe oud
    voormalig voormalige"""
)
# Words that end a title's complement ("... du Rhône lors d'un point presse"; Romanian and Baltic
# relatives: "o asistentă care a cerut ...").
STOP = (
    AUX
    | TIME_WORDS
    | _w(
        """à au aux en dans lors devant pendant après avant que qui dont où sur par pour avec
        in im am an auf bei mit nach vor während dass die das
        ante durante tras quien con por para nel nella dopo davanti che per
        em na no após perante com op bij tijdens na voor dat met om
        на во с со по о об для после перед podczas przed we på vid efter
        at on during after before that who which whom with to
        a al ao aos à às alla ai agli aan tegen zu gegenüber auprès
        care kurš kura kes mis kuris kuri kurie
        în într-o într-un cu pentru după înainte că durant després abans amb
        během při před že který která počas pri pred ktorý ktorá"""
    )
) - LINKS
LINKS_OR_DETS = LINKS | DETS
STOP_NOT_DETS = STOP - DETS
# Prepositions of the person spoken to ('a déclaré à l'AFP X', 'dijo a Efe X'), and of the outlet
# spoken for ('a declarat pentru Agerpres X', 'řekl pro ČTK X').
DATIVE = _w("à a al ao au aux aan tegen gegenüber pentru pro dla στην στον στο")
# Elided articles fused to their noun ("l'azienda", "dell'Economia").
ELIDED = ("l'", "l’", "d'", "d’", "dell'", "dell’", "un'", "un’", "all'", "all’")
# Speech verbs: the listed ones and the forms conjugated from infinitives (verbs_intl).
VERBS = (
    intl.SPEECH_VERBS
    | verbs_intl.SPEECH_VERBS
    | verbs_more_intl.SPEECH_VERBS
    | verbs_new_intl.SPEECH_VERBS
)
INVERTED = (VERBS - (intl.SPEECH_VERBS - intl.INVERTED_VERBS)) | {"dice"}

# Prepositions before a title's domain: 'assessore al Bilancio', 'ministre déléguée aux Transports'.
DOMAIN = _w("al alla alle ai agli au aux à a ao à")
# Words that take up a quotation in the sentence after it: '«...». Lo ha detto il sindaco',
# '"...". Así lo afirmó la ministra', '„...“ Das sagte Müller am Montag'.
RESUMPTIVE = _w("lo así asi così ainsi assim isso das dies")
# 'fanno sapere', 'ha fatto sapere', 'a fait savoir', 'hizo saber': make known.
MAKE = _w("fanno fa fatto fait font hizo hace fez faz")
# 'from' before the body a statement comes from ('dalla prefettura', 'desde el ministerio').
SOURCE_FROM = _w("dal dalla dai dalle dall' dall’ desde")
# Prepositions of a place or occasion that may stand between a verb and its subject.
PREPOSITIONS = _w("en durante tras dans lors nel nella in em durante sur auf bei")
# Prepositions that open an adjunct after a verb whose subject was dropped ('ha detto a margine').
ADJUNCT = PREPOSITIONS | _w(
    "a à em ao al alla con com mit vor avec per por para durante dopo"
    " na w we po podczas dla на в во по для перед på vid kepada dalam saat під у після при"
)
# Reflexive and dative clitics that follow an inverted speech verb before its subject or adjunct:
# Czech 'obává se', Polish 'skarży się', 'powiedziała nam', German 'fragt sich', Dutch 'vraagt
# zich (af)', Scandinavian 'undrer sig'.
POST_CLITICS = _w("se si sa się sig sich zich nam nám mi mu ci nos ons oss")
# Clitics and particles between a quotation and an inverted speech verb: reflexives ('se félicite',
# 'si dice'), datives ('le dijo', 'lhe disse', 'gli ha detto'), Catalan's periphrastic past ('va
# explicar'), French object pronouns ('lui a demandé', 'nous a confié', 'l'a interrogé', its
# elided pronoun fused to the auxiliary).
PRE_CLITICS = _w(
    "se si s' s’ le les lhe lhes gli me mi nos va van lui leur nous l'a l’a l'ont l’ont m'a m’a"
)
# Third-person pronouns that are other words in other languages (Spanish 'el', French 'on'), by
# the language they are pronouns in.
OWN_PRONOUNS: dict[str, frozenset[str]] = {
    "ro": _w("el ei ele"),
    **{lang: _w("on ono oni one") for lang in ("cs", "sk", "pl", "hr", "sl", "sr")},
    "et": _w("ta tema"),  # he or she
    "lt": _w("ji"),  # she
}
# ... and the converse: pronouns of other languages that are prepositions in these ('powiedziała
# ze łzami', 'řekl ze zkušenosti': Dutch 'ze', she)
NOT_PRONOUNS: dict[str, frozenset[str]] = {lang: _w("ze") for lang in ("cs", "sk", "pl")}


def unfused(word: str) -> str:
    """ "s'indigne" -> indigne: a French reflexive verb with its elided clitic fused."""
    lw = word.lower()
    return lw[2:] if lw[:2] in ("s'", "s’") and len(lw) > 4 else ""


# Conjunctions that open a clause right after a speech verb whose subject was dropped: '«...»,
# resume mientras carga la compra', '..., disse enquanto saía', '..., säger hon medan ...'.
SUBORDINATORS = _w(
    "mientras enquanto mentre tandis terwijl medan mens mentres cuando quando quand"
    " ketika sewaktu semasa sambil seraya usai seusai selepas setelah"  # Indonesian, Malay
)
# 'As' before a speech verb whose subject follows it: 'Jak mówi X,', 'como explica X,', 'come
# spiega X,', 'wie X sagte' takes its subject before the verb and is read by subject_before.
AS_SAYS = _w("jak como come comme zoals som ca cum kako kuten как як όπως")
# 'secondo cui', 'según el cual': according to whom (the person just named).
RELATIVE = _w("cui quien quem lequel laquelle")
# 'For X, ...' opening a sentence gives X's view: 'Pour la ministre, ...', 'Para el alcalde, ...',
# and so does the French 'Du côté du syndicat, on parle de ...' (its 'côté' after 'du' or 'de').
FOR = _w("pour para per côté")


# Many-word 'according to', by their last word and the words before it.
_ACCORDING_PHRASES: dict[str, tuple[tuple[str, ...], ...]] = {
    "com": (("de", "acordo"),),
    "con": (("de", "acuerdo"),),
    "a": (("stando",),),
    "di": (("a", "detta"),),
    "del": (("a", "detta"), ("a", "juicio"), ("en", "opinión"), ("a", "criterio")),
    "della": (("a", "detta"),),
    "de": (("aux", "dires"), ("a", "juicio"), ("en", "opinión"), ("a", "criterio")),
    # German 'nach Angaben der Stadt', 'nach Angaben aus Verwaltungskreisen'
    **{x: (("nach", "angaben"),) for x in ("der", "des", "von", "vom", "aus")},
    # Tagalog 'ayon kay X' (a person), 'ayon sa X' (a body)
    "kay": (("ayon",),),
    "sa": (("ayon",),),
    # 'according to the words of X' in the Slavic languages: 'prema riječima', 'podle slov',
    # 'według słów', Slovene 'po besedah', Serbian 'prema rečima'
    **{x: (("prema",),) for x in ("riječima", "rečima")},
    "slov": (("podle",), ("podľa",)),
    "słów": (("według",),),
    "besedah": (("po",),),
}


def according_phrase(d: Doc, v: int, lo: int) -> bool:
    """Token v ends 'de acordo com', 'de acuerdo con', 'stando a', 'a detta di', 'aux dires de',
    'a juicio de', 'en opinión del'."""
    for before in _ACCORDING_PHRASES.get(low(d.words[v]), ()):
        if v - len(before) >= lo and all(
            low(d.words[v - len(before) + k]) == x for k, x in enumerate(before)
        ):
            return True
    return False


# Words for a spokesperson: a short quotation in their sentence is their words, not a scare quote.
SPOKESPERSON = _w(
    """
    porte-parole portavoz portavoce porta-voz sprecher sprecherin woordvoerder woordvoerster
    rzecznik rzeczniczka talesperson pressekreterare sözcü sözcüsü juru bicara пресс-секретарь
    представитель
    """
)

# Endings of German nouns for a person ('Mediziner', 'Ärztin', 'Experte', 'Aktivist', 'Student',
# '54-Jährige'): after an article, such a capitalised word is a description, not a name.
_DE_PERSON_ENDINGS = ("er", "in", "e", "ist", "ent", "ant", "or", "ige", "iger")


def unelided(name: str) -> str:
    """A body's descriptive name less an elided article fused to it: "l'associazione dei
    tartufai" -> 'associazione dei tartufai'."""
    return name[2:] if name[:2].lower() in ("l'", "l’") and name[2:3].isalpha() else name


def capital_particle(d: Doc, k: int) -> bool:
    """'De Groot', 'Da Silva': a capitalised name particle at token k (before another capital,
    which the caller checks), no article before a body's word; in German 'Das Landratsamt erklärte': 'das', 'der',
    'die' opening a sentence is the article."""
    lk = low(d.words[k])
    if lk not in PARTICLES or not is_cap(d.words[k]):
        return False
    if k + 1 < len(d.words) and low(d.words[k + 1]) in ORG_WORDS:
        return False  # 'La Regione ha spiegato', 'De gemeente': an article before a body
    return lk not in _DE_ARTICLES or intl.language(d.text) != "de"


_DE_ARTICLES = _w("das der die dem")


def german_person_noun(d: Doc, k: int) -> bool:
    """Token k is a German noun for a person, in German text, and no body's word."""
    x = low(d.words[k])
    return (
        intl.language(d.text) == "de"
        and x.endswith(_DE_PERSON_ENDINGS)
        and x not in ORG_WORDS
        and not is_acronym(d.words[k])
    )


_BEFORE_TIME = DETS | DATIVE | PREPOSITIONS | _w("am im na no w we på i")


def demonstrative(d: Doc, k: int, hi: int) -> bool:
    """An Indonesian or Malay description from token k, a common noun closed by 'itu'/'tersebut'
    (that) at the end of the clause: 'tegas politikus itu', 'ujar politikus Partai Maju itu'
    refer back to someone already brought in."""
    w = d.words
    if k >= hi or not w[k].isalpha() or not w[k].islower():
        return False
    for e in range(k + 1, min(hi, k + 6)):
        if low(w[e]) in ("itu", "tersebut"):
            return e + 1 >= hi or w[e + 1] in (".", ",", "!", "?", ";")
        if not w[e].isalnum():
            return False
    return False


def past_time(d: Doc, k: int, hi: int) -> int:
    """Past a time adjunct at token k: 'ayer', 'el martes', 'am Montag', 'na segunda-feira'."""
    w = d.words
    while k < hi and (
        low(w[k]) in TIME_WORDS
        or k + 1 < hi
        and low(w[k]) in _BEFORE_TIME
        and low(w[k + 1]) in TIME_WORDS
    ):
        k += 1
    return _day_stamp(d, k, hi)


def _day_stamp(d: Doc, k: int, hi: int) -> int:
    """Past an Indonesian day stamp at token k (', Senin (4/3)': the weekday and its day and
    month, after 'ujarnya'); k when there is none."""
    w = d.words
    stamp = k + 6 < hi and w[k] == "," and w[k + 1][:1].isupper() and w[k + 2] == "("
    if stamp and w[k + 3].isdigit() and w[k + 4] == "/" and w[k + 5].isdigit() and w[k + 6] == ")":
        return k + 7
    return k


# Singular definite articles before a description that stands for a person already named.
_THE_ONE = _w("el la il lo o a le der die den de het det")


def described(d: Doc, k: int, hi: int) -> bool:
    """Token k opens a singular definite article and one or two lower-case words that close the
    clause ('el especialista.', 'o empresário,', 'il tecnico.'), none a title or a body's noun."""
    w = d.words
    if k + 1 >= hi or low(w[k]) not in _THE_ONE:
        return False
    e = k + 1
    while e < hi and e - k <= 2 and w[e].isalpha() and w[e].islower():
        if w[e] in ORG_WORDS or w[e] in intl.PLURAL_ROLES:
            return False
        e += 1
    if e == k + 3 and low(w[k + 2]) in _ADJUNCT_OR_AMID:
        # 'zei de man onder tranen.', 'dit l'homme en souriant.': an adjunct after the noun
        while e < hi and e - k <= 5 and w[e].isalpha() and w[e].islower():
            e += 1
    elif e == k + 3 and low(w[k + 2]) in _OF_PLACE and e < hi and w[e][:1].isupper():
        e += 1  # 'a reconnu la skieuse de Nendaz, qui ...': where the person is from
    return e > k + 1 and (e >= hi or w[e] in (".", ",", ";", "!", "?"))


_OF_PLACE = _w("de du van uit di da do aus")


# Prepositions of manner after a speaker's noun that ADJUNCT does not hold.
_AMID = _w("onder unter sous sotto bajo sob zonder ohne sans senza sin sem")
_ADJUNCT_OR_AMID = ADJUNCT | _AMID


# Past-tense endings that agree with the subject's gender, by language: (feminine, masculine).
_PAST_GENDER = {
    "pl": (("ła",), ("ł",)),
    "cs": (("la",), ("l",)),
    "sk": (("la",), ("l",)),
    "sl": (("la",), ("l",)),
    "hr": (("la",), ("io", "ao", "uo")),
    "ru": (("ла",), ("л",)),
    "uk": (("ла",), ("в",)),
}


# Possessives that stand for the speaker in 'По его словам', 'За її словами', 'Jej zdaniem',
# 'Podle jeho slov': they show the gender as a Slavic past tense does.
_POSSESSIVE_GENDER = {
    "его": "he", "её": "she", "ее": "she", "його": "he", "її": "she", "jego": "he", "jej": "she",
    "jeho": "he", "její": "she",
}  # fmt: skip
# Third-person pronouns in the case 'according to' governs ('Według niego', 'Podľa nej', 'Volgens
# hem', 'Enligt henne', 'Pasak jo', 'Prema njegovim riječima'), by language, with the gender they
# show: a closed class, so the list is whole for each language. The possessives among them
# ('jej', 'haar', 'jo') also open a phrase naming someone else ('według jej rzecznika'), so
# OBLIQUE_POSSESSIVE holds those, read as the pronoun only before a comma or the quotation.
OBLIQUE: dict[str, dict[str, str]] = {
    "pl": {"niego": "he", "niej": "she", "nich": "they", "jej": "she"},
    "cs": {"něj": "he", "něho": "he", "ní": "she", "nich": "they", "jeho": "he", "jejích": "she"},
    "sk": {"neho": "he", "nej": "she", "nich": "they", "jeho": "he", "jej": "she"},
    **{
        lang: {"njemu": "he", "njoj": "she", "njima": "they", "njegovim": "he",
               "njezinim": "she", "njenim": "she"}
        for lang in ("hr", "sr", "bs")
    },
    "sl": {"njem": "he", "njej": "she", "njegovem": "he", "njenem": "she", "njegovih": "he",
           "njenih": "she"},
    "nl": {"hem": "he", "haar": "she", "hen": "they", "hun": "they"},
    "sv": {"honom": "he", "henne": "she", "dem": "they"},
    "no": {"ham": "he", "henne": "she", "dem": "they"},
    "da": {"ham": "he", "hende": "she", "dem": "they"},
    "lt": {"jo": "he", "jos": "she", "jų": "they"},
    "ro": {"lui": "he", "ei": "she", "lor": "they"},
    "uk": {"нього": "he", "неї": "she", "них": "they"},
    "ru": {"нему": "he", "ней": "she", "ним": "they"},
    # before a postposition ('Tema sõnul', 'Hänen mukaansa'), of either gender
    "et": {"tema": "", "nende": "they"},
    "fi": {"hänen": "", "heidän": "they"},
}  # fmt: skip
# 'Woman' and 'man' with no article, as the languages without one write a person just named
# ('– каже жінка', '– mówi kobieta', 'říká muž', 'kertoo nainen'): read like a pronoun of that
# gender, by language.
PERSON_NOUNS: dict[str, dict[str, str]] = {
    "pl": {"kobieta": "she", "mężczyzna": "he"},
    "cs": {"žena": "she", "muž": "he"},
    "sk": {"žena": "she", "muž": "he"},
    **{lang: {"žena": "she", "muškarac": "he"} for lang in ("hr", "sr", "bs")},
    "sl": {"ženska": "she", "moški": "he"},
    "ru": {"женщина": "she", "мужчина": "he"},
    "uk": {"жінка": "she", "чоловік": "he"},
    "fi": {"nainen": "she", "mies": "he"},
    "et": {"naine": "she", "mees": "he"},
    "lt": {"moteris": "she", "vyras": "he"},
    "lv": {"sieviete": "she", "vīrietis": "he"},
    "hu": {"asszony": "she", "nő": "she", "férfi": "he"},
}
# 'Words', 'view' after such a possessive ('prema njegovim riječima', 'podle jejích slov').
_WORDS_NOUNS = _w("riječima rečima slov slova besedah mnenju słowami słów zdaniem")
OBLIQUE_POSSESSIVE = _w(
    "jej jeho jejích njegovim njezinim njenim njegovem njenem njegovih njenih haar hun jo jos jų"
)


def verb_gender(verb: str, lang: str) -> str:
    """'she' or 'he' when a dropped subject's speech verb is a Slavic past tense that shows its
    gender ('przyznała', 'uvedl', 'заявила'), or when the cue is a possessive or an oblique pronoun
    that does ('По его словам', 'Według niego'); '' for any other word or language."""
    endings = _PAST_GENDER.get(lang)
    v = verb.lower()
    if v in _POSSESSIVE_GENDER:
        return _POSSESSIVE_GENDER[v]
    if v in OBLIQUE.get(lang, {}):
        return OBLIQUE[lang][v]
    if v in PERSON_NOUNS.get(lang, {}):
        return PERSON_NOUNS[lang][v]
    if endings is None or v not in VERBS:
        return ""
    if v.endswith(endings[0]):
        return "she"
    return "he" if v.endswith(endings[1]) else ""


def article_gender(d: Doc, k: int) -> str:
    """'she' or 'he' for a German noun at token k its article's case shows as one woman or man
    ('berichtete die 52-Jährige', 'sagte der Angestellte'; the plural ends in -en); '' else."""
    if k < 1 or intl.language(d.text) != "de" or d.words[k].endswith("en"):
        return ""
    return {"die": "she", "der": "he"}.get(low(d.words[k - 1]), "")


def quote_resumes(d: Doc, k: int, hi: int, mask: list[bool]) -> bool:
    """A comma, then the quotation again: '«...», assegurou, «mas ...»', '„...“, sagte sie, „...“':
    the verb between the two parts has no subject of its own after it."""
    w = d.words
    return w[k] == "," and (k + 1 >= hi or w[k + 1] in QUOTE_CHARS or mask[k + 1])


def plural_she(verb: str, pronoun: str, lang: str) -> bool:
    """German 'sie' and Dutch 'ze' are 'she' and 'they': after a plural verb ('sagten',
    'erklären', 'zeiden'; the singular never ends in -en) they are 'they', for no one person."""
    return lang in ("de", "nl") and low(pronoun) in ("sie", "ze") and low(verb).endswith("en")


# German and Dutch 'let' before the subject and a verb of telling at the clause's end: 'ließ er
# über seinen Anwalt erklären', 'laat de gemeente weten', 'liet hij weten'.
CAUSATIVE = _w("ließ lässt ließen liess laat liet lieten")
_TOLD = _w("weten wissen ausrichten mitteilen verkünden")


def told_at(d: Doc, i: int, hi: int) -> int:
    """The token of the verb of telling that closes the clause the causative at token i opens
    ('laat de gemeente weten'), or -1."""
    w = d.words
    for k in range(i + 1, min(hi, i + 10)):
        if not w[k][0].isalnum():
            return -1
        x = low(w[k])
        # the infinitive of a listed verb: 'erklären' from 'erklärt'
        if x in VERBS or x in _TOLD or x.endswith("en") and x[:-2] + "t" in VERBS:
            return k if k + 1 >= hi or not w[k + 1][0].isalnum() else -1
    return -1


# Impersonal 'it says' verbs: '„...“, hieß es aus Kreisen', '"...", klinkt het bij bakker X'
# (Dutch: so it sounds at the baker's), '"...", luidt het bij de bond'.
IT_SAYS = _w("hieß heißt klinkt klonk luidt luidde")


# Impersonal passives of speech verbs in Finnish, Lithuanian, Estonian, Latvian, Russian and
# Ukrainian: the document or body that 'says' stands beside them ('Kaupungin tiedotteessa
# todetaan, että', '..., – skelbiama teismo nuosprendyje', '— говорится в сообщении суда').
PASSIVE_SPEECH = _w(
    """
    todetaan todettiin kerrotaan kerrottiin sanotaan sanottiin korostetaan korostettiin
    skelbiama teigiama rašoma pažymima nurodoma pabrėžiama
    öeldakse teatatakse märgitakse rõhutatakse
    teikts norādīts uzsvērts
    говорится сообщается отмечается йдеться повідомляється зазначається
    """
)


_IN_DOCUMENT = _w("в у во")


def passive_source(d: Doc, v: int, lo: int, hi: int, rule: str) -> Cue | None:
    """Who 'says' beside the impersonal passive at token v: the words before it from lo (the
    sentence's start) when it is not first, else the words after it to the clause's end; None
    when there are none, more than four, or a mark among them."""
    w = d.words
    a, b = (lo, v) if v > lo else (v + 1, v + 1)
    while v == lo and b < hi and w[b][0].isalpha():
        b += 1
    if b - a > 1 and low(w[a]) in _IN_DOCUMENT:
        a += 1  # 'говорится в сообщении суда': the document, not 'in'
    if not 0 < b - a <= 4 or not all(x[0].isalpha() for x in w[a:b]):
        return None
    phrase = d.text[d.starts[a] : d.ends[b - 1]]
    return Cue("definite", phrase, d.starts[a], d.ends[b - 1], role=phrase, rule=rule)


# Finite verbs that follow a Dutch 'volgens haar' / 'volgens hun' in the inverted order, so the
# word is the pronoun, not a possessive ('Volgens haar is er ...', not 'volgens haar advocaat').
_FINITE_AFTER = _w(
    "is zijn was waren heeft hebben had hadden wordt worden werd werden zal zullen zou zouden moet"
    " moeten kan kunnen mag gaat gaan ging blijft blijven komt staat ligt valt"
)


def oblique_after(d: Doc, v: int, hi: int, mask: list[bool], lang: str) -> Cue | None:
    """The pronoun right after the 'according to' at token v ('Podľa neho sú „...“', 'Prema
    njegovim riječima, „...”'), as a dropped subject whose gender the pronoun tells; None when
    the next word is none, or is a possessive that opens someone else's name ('według jej
    rzecznika')."""
    k = v + 1
    lk = low(d.words[k]) if k < hi else ""
    if lk not in OBLIQUE.get(lang, {}):
        return None
    if lk in OBLIQUE_POSSESSIVE and not (k + 1 < hi and low(d.words[k + 1]) in _FINITE_AFTER):
        nxt = k + 1
        if nxt < hi and low(d.words[nxt]) in _WORDS_NOUNS:
            nxt += 1  # 'njegovim riječima', 'jeho slov': the possessive's own noun of speech
        if nxt < hi and not mask[nxt] and d.words[nxt] not in (",", ":"):
            return None
    return Cue("implicit", d.words[k], d.starts[k], d.ends[k], rule="according-to")


def person_noun(d: Doc, i: int, rule: str) -> Cue | None:
    """'– каже жінка.', '– mówi kobieta.': a bare 'woman' or 'man' at token i closing the clause
    after a speech verb, in a language with no article: a dropped subject of that gender (the
    woman or man just written of); None for any other word."""
    w = d.words
    if low(w[i]) not in PERSON_NOUNS.get(intl.language(d.text), ()):
        return None
    if i + 1 < len(w) and w[i + 1].isalpha():
        return None
    return Cue("implicit", w[i], d.starts[i], d.ends[i], rule=rule)


# Hungarian preverbs a speech verb leaves behind it ('tette hozzá', 'mondta el', 'jegyezte meg',
# 'emelte ki'), read only in Hungarian ('el' is a Spanish article).
_HU_PREVERBS = _w("hozzá el meg ki fel le be rá át vissza")


def post_clitic(word: str, lang: str) -> bool:
    """A clitic or particle between an inverted speech verb and its subject ('dijo-le', 'tette
    hozzá az igazgató')."""
    lw = low(word)
    return lw in POST_CLITICS or lang == "hu" and lw in _HU_PREVERBS


# Words that open an aside between a subject and its verb: an affiliation ('du PSOL', 'del PP',
# 'von der SPD') or a relative clause ('qui a requis l'anonymat', 'que pediu para não ser ...').
ASIDE = LINKS | _w("qui que quien quienes che cui der die das who which dont do da aki akik")
# Relative pronouns that are the subject of the speech verb after them.
RELATIVE_SUBJECT = _w("che qui que quien die der który która который которая який яка care")
# Words between a subject and its verb: auxiliaries, adverbs, reflexive and clitic pronouns, and
# Hungarian 'azt' ('that', the object a 'that'-clause or quotation fills: 'X azt mondta, „...”').
SKIP = AUX | MAKE | _w("s'en s’en se s' s’ si sich ne y en azt")
