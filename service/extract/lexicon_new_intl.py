"""Word lists for news in Czech, Slovak, Slovenian, Croatian/Serbian, Bulgarian, Ukrainian, Romanian, Hungarian, Greek,
Danish, Norwegian, Finnish and Catalan, joined to the lists of service.extract.lexicon_intl: the
common words that tell each language apart, titles (with the definite and case forms these
languages attach to the noun: 'primarul', 'borgmesteren', 'δημάρχου'), articles, pronouns and
'according to' words.

Nothing here is an English word: the title and pronoun sets are consulted in English text too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Very common words of each language, rare in the others (and in English).
MARKERS: dict[str, frozenset[str]] = {
    "cs": _w("je že jsou který která které byl byla bylo také podle jako když jsme jsem řekl"),
    "sk": _w("sa že sú ktorý ktorá ktoré bol bola bolo aj podľa ako keď sme povedal"),
    "hr": _w("je su da što nije bio bila također prema koji koja kako rekao rekla"),
    "ro": _w("și în să din pentru care este fost sunt mai către potrivit această acest"),
    "hu": _w("az és hogy nem egy meg van volt már szerint mondta csak pedig mint"),
    "el": _w("και το της του η ο να με που για την τον στο στην είναι από θα οι"),
    # with the words Swedish shares ('det', 'som', 'har'): Swedish's own ('och', 'att', 'är')
    # still tell it apart, and a Danish text no longer counts only for Swedish on them
    "da": _w(
        "og ikke af efter også siger hun blev fra være kan vil skal at det som har med til på"
    ),
    "no": _w("og ikke av etter også sier hun ble fra være kan vil skal at det som har med til på"),
    "fi": _w("ja ei että hän oli myös mukaan kuin mutta ovat tai jo sanoo sanoi kertoo"),
    # 'je' too, which Czech and Croatian share: with it theirs alone, they outvoted Slovenian
    "sl": _w("ki pa tudi bo ter kot še smo sem povedal dejal je"),
    "vi": _w("của và là có được trong cho với những các một người này đã không khi sẽ cũng"),
    # Tagalog's case markers and common words ('ang', 'ng', 'mga', 'kay'): it was read as Slovak
    "tl": _w("ang ng mga ay kay naman hindi ito nila siya kami sila niya ayon"),
    # Swahili, read by the English rules (its cues have their shapes: '"...," alisema Bi. X'):
    # counted so that a word it shares with another language ('bila', without; Croatian 'was')
    # does not make that language of it
    "sw": _w("wa kwa kuwa kwamba katika hiyo hilo huo pia hata baada kabla zaidi ambao ambayo"),
    # 'ha' too ('ha dit', 'ha anunciat'), which Italian shares: it had outvoted short Catalan texts
    "ca": _w(
        "els amb però és seva seu també segons aquest aquesta dels pels molt més hi ens cal va per ha"
    ),
}
# Latvian, Estonian and Lithuanian: their most frequent words and the letters that no other
# language here shares, from jusText's stop-word lists (scripts/build_language_markers.py).
_BUILT = json.loads((Path(__file__).with_name("data") / "language_markers.json").read_text("utf-8"))
MARKERS.update((code, frozenset(ws)) for code, ws in _BUILT["words"].items())
OWN_LETTERS = tuple((code, frozenset(cs)) for code, cs in _BUILT["letters"].items())


def _ro(nouns: str) -> frozenset[str]:
    """Romanian titles with the definite article ('primar' -> primarul, primarului)."""
    out = set()
    for n in nouns.split():
        out |= {n, n + "ul", n + "ului"} if not n.endswith(("e", "a")) else {n, n + "le", n + "lui"}
    return frozenset(out)


def _nordic(nouns: str) -> frozenset[str]:
    """Danish and Norwegian titles with the suffixed article ('borgmester' -> borgmesteren)."""
    return frozenset(x for n in nouns.split() for x in (n, n + "en", n + "n"))


def _el(nouns: str) -> frozenset[str]:
    """Greek masculine titles in the nominative, accusative and genitive ('υπουργός', 'υπουργό',
    'υπουργού'; 'διευθυντής', 'διευθυντή'); the genitive of a word stressed before its last
    syllable moves the stress ('δήμαρχος' -> 'δημάρχου') and is listed as written."""
    out = set()
    for n in nouns.split():
        out.add(n)
        if n.endswith(("ος", "ός")):
            out |= {n[:-1], n[:-2] + ("ού" if n.endswith("ός") else "ου")}
        elif n.endswith(("ης", "ής", "ας", "άς")):
            out.add(n[:-1])
    return frozenset(out)


# Titles of the languages above, and Vietnamese honorifics and the last syllables of its titles
# ('ông', 'bà'; 'chủ tịch', 'hiệu trưởng', 'giám đốc').
ROLE_NOUNS = (
    _w(
        """
        direktur walikota lurah kapolres kapolda kapolsek sekretaris dokter manajer anggota
        wakil presiden kadis kabid guru petani pedagang nelayan sopir
        ingeniero ingeniera coordinador coordinadora propietario
        propietaria dueño dueña coordenador coordenadora proprietário proprietária engenheiro
        engenheira gestore gestrice ingegnere proprietario propriétaire ingénieur ingénieure
        coordinateur coordinatrice gestionnaire eigenaar eigenares coördinator ägare samordnare
        majitel majitelka vedoucí dyrektor dyrektorka wójt sołtys właściciel właścicielka
        kierownik kierowniczka managerul viceprimar viceprimarul proprietarul coordonatorul
        specialistul inginerul muhtar muhtarı borgermester eier indehaver gerent propietari
        propietària místostarosta místostarostka místopředseda místopředsedkyně
        starosta starostka hejtman hejtmanka mluvčí ministr ministryně ředitel ředitelka náměstek
        náměstkyně primář primářka zastupitel zastupitelka předseda předsedkyně poslanec
        poslankyně senátor senátorka podnikatel podnikatelka inženýr analytik analytička
        policista policistka obyvatel obyvatelka soudce soudkyně lékař lékařka odborník
        odbornice mluvčího ředitele starosty hejtmana ministra předsedy zastupitele náměstka
        riaditeľ riaditeľka predseda predsedníčka hovorca hovorkyňa ministerka primátor
        primátorka poslankyňa obyvateľ obyvateľka odborníčka lekár lekárka predsedu hovorcu
        gradonačelnik gradonačelnica načelnik načelnica ravnatelj ravnateljica zapovjednik
        zapovjednica glasnogovornik glasnogovornica ministar ministrica predsjednik
        predsjednica župan županica stručnjak stručnjakinja direktorica zastupnik zastupnica
        župan županja predsednik predsednica predstavnik predstavnica ministrica
        кмет кметът министър министърът председател председателят говорител говорителят
        управител управителят директорът депутатът експертът
        градоначелник градоначелница министар председник председница портпарол
        голова речник речниця міністр директор директорка мешканець мешканка депутат
        депутатка експерт економіст представник представниця керівник керівниця мер
        polgármester polgármestere vezérigazgató vezérigazgatója elnök elnöke szóvivő szóvivője
        miniszter minisztere igazgató igazgatója képviselő szakértő lakos környezetvédő
        alpolgármester államtitkár
        kunnanjohtaja kaupunginjohtaja toimitusjohtaja puheenjohtaja johtaja ministeri
        pormestari tiedottaja asiantuntija professori luottamusmies kirjastonhoitaja
        ông bà tịch trưởng đốc
        mērs mēre priekšsēdētājs priekšsēdētāja vadītājs vadītāja pārstāvis pārstāve ministrs
        ministre direktors direktore pensionārs pensionāre iedzīvotājs iedzīvotāja deputāts
        deputāte eksperts eksperte ārsts ārste skolotājs skolotāja runasvīrs sekretārs sekretāre
        vallavanem linnapea abilinnapea juhataja juht pressiesindaja esindaja esimees direktor
        ekspert elanik ametnik arst õpetaja kõneisik nõunik omanik spetsialist
        meras merė direktorius direktorė atstovas atstovė ministras ministrė pirmininkas
        pirmininkė seniūnas seniūnė gyventojas gyventoja ekspertas ekspertė vadovas vadovė
        gydytojas gydytoja mokytojas mokytoja specialistas specialistė seniūnė speciālists
        speciāliste spetsialist
        alcaldessa portaveu regidor regidora presidenta conseller consellera veí veïna
        directora diputat diputada secretari secretària ministra tinent
        """
    )
    | _ro(
        """primar prefect ministru director inspector consilier deputat senator procuror medic
        expert analist profesor președinte purtător purtătoare directoare localnic șef
        asistent angajat pensionar funcționar avocat polițist jurnalist student fotbalist
        jucător portar sportiv spectator suporter vânzător șofer fermier elev"""
    )
    | _w("ministrul ministrului directoarea directoarei șefa primarița primăriței")
    | _nordic(
        """borgmester ordfører rådmann formand formann leder direktør talsmand talsperson
        talskvinde beboer skoleleder fisker minister pressetalsmand kommunikasjonssjef
        kommunaldirektør statsminister rektor lærer sjef politimester overlege"""
    )
    | _el(
        """δήμαρχος αντιδήμαρχος υπουργός υφυπουργός πρόεδρος επικεφαλής εκπρόσωπος
        διευθυντής διευθύντρια βουλευτής ξενοδόχος κάτοικος καθηγητής γιατρός εισαγγελέας
        γραμματέας περιφερειάρχης αστυνομικός δημάρχου αντιδημάρχου προέδρου εκπροσώπου"""
    )
)
# Endings of compound titles ('kommunikasjonssjef', 'vezérigazgató', 'kaupunginjohtaja').
ROLE_SUFFIXES = (
    "sjef", "leder", "lederen", "direktør", "ordfører", "johtaja", "ministeri", "tiedottaja",
    "asiantuntija", "hoitaja", "päällikkö", "igazgató", "polgármester", "elnök", "szóvivő",
    "ansvarig", "ansvarige", "ordförande", "talesperson", "samordnare", "direktör", "formand",
    "formanden", "talsmand", "talsmann",
    # Lithuanian and Latvian agent nouns ('gamtosaugininkas', 'pirmininkė', 'gydytojas',
    # 'priekšsēdētājs', 'vadītāja')
    "ininkas", "ininkė", "tojas", "toja", "tājs", "tāja",
)  # fmt: skip
# Articles (Greek, Catalan, Scandinavian, Romanian) not among the existing determiners.
DETERMINERS = _w(
    "ο η το οι τα του της των τον την τους τις ένας μια ένα els uns unes den det ei unui unei az"
)
# Personal pronouns mapped to the English one with the same reference rules (Finnish 'hän' is
# both he and she: like Indonesian 'dia' it takes the nearest person). Estonian 'ta' and
# Lithuanian 'ji', words of other languages too (Czech 'ta', 'ji'), are
# service.extract.cue_words_intl.OWN_PRONOUNS.
PRONOUN_MAP: dict[str, str] = {
    "hun": "she", "він": "he", "вона": "she", "вони": "they", "hän": "he", "ő": "he",
    "aceasta": "she", "acesta": "he", "acesteia": "she", "acestuia": "he", "ea": "she",
    "αυτός": "he", "αυτή": "she", "ona": "she", "oni": "they", "ell": "he", "ells": "they",
    "viņš": "he", "viņa": "she", "jis": "he", "ίδιος": "he", "ίδια": "she",
    "他": "he", "她": "she", "他们": "they", "她们": "they",
}  # fmt: skip
# 'According to', the speaker following: 'podle', 'podľa', 'potrivit', 'ifølge', 'segons',
# 'prema', 'σύμφωνα (με)', Ukrainian 'за словами', Lithuanian 'pasak'.
ACCORDING = _w("podle podľa potrivit ifølge segons prema σύμφωνα словами pasak според")
# Prepositions opening an adjunct between an inverted speech verb and its subject ('řekl na
# tiskové konferenci ředitel X', 'rekao je u izjavi župan X', 'a declarat la o conferință primarul X').
ADJUNCT_PREPOSITIONS = _w(
    """
    na v ve po při během pro u z ze za tijekom nakon nach la în după σε στη στην στο στον κατά
    på i under efter etter til durant després
    """
)
# 'According to' after the speaker: Hungarian 'X szerint', Finnish 'X:n mukaan', Estonian
# 'X sõnul'.
ACCORDING_AFTER = _w("szerint mukaan sõnul")
# Languages whose title may take a genitive place before the name with no comma between: 'υφυπουργός
# Νησιωτικής Πολιτικής Κώστας Δημόπουλος', 'obyvateľ obce Mária Hora Ján Kollár' (the name is the
# last two capitalised words, as for Russian and Indonesian in service.extract.cues_intl).
GENITIVE_PLACE = frozenset(("el", "cs", "sk", "hr", "ro", "uk", "lv", "et", "lt"))
BALTIC = frozenset(("lv", "et", "lt"))
# Languages with no article: a bare title after a speech verb may be 'the' title as well as 'a'.
ARTICLELESS = frozenset(("cs", "sk", "pl", "ru", "uk", "hr", "sl", "fi", *BALTIC))

# Hebrew letters, Devanagari, kana, Han ideographs and Hangul, counted like the Arabic and Cyrillic letters of
# lexicon_intl.language().
# The characters from Hebrew up are found by a negated class and sorted in Python: a class of
# the wide ranges themselves takes about 7 ms to compile at import, while an English head holds
# only a few such characters (curly quotes, dashes).
_FROM_HEBREW = re.compile("[^\x00-\u058f]")
_KANA = re.compile("[\u3040-\u30ff]")


def _in_script(c: str) -> bool:
    return (
        c <= "\u05ff"
        or "\u0900" <= c <= "\u097f"
        or "\u3040" <= c <= "\u30ff"
        or "\u3400" <= c <= "\u9fff"
        or "\uac00" <= c <= "\ud7af"
        or "\u0e00" <= c <= "\u0e7f"
    )


def script_language(head: str) -> str | None:
    """'zh', 'ja', 'ko', 'hi', 'th' or 'he' for a head written mostly in Han characters (Japanese
    when it holds kana), Hangul, Devanagari, Thai or Hebrew letters; else None."""
    chars = [c for c in _FROM_HEBREW.findall(head) if _in_script(c)]
    if not chars or len(chars) <= sum(map(str.isalpha, head)) // 2:
        return None
    hangul = sum(c >= "\uac00" for c in chars)
    hebrew = sum(c < "\u0900" for c in chars)
    devanagari = sum("\u0900" <= c < "\u3000" for c in chars)
    if hangul > len(chars) // 2:
        return "ko"
    if sum("\u0e00" <= c <= "\u0e7f" for c in chars) > len(chars) // 2:
        return "th"
    if devanagari > len(chars) // 2:
        return "hi"
    if hebrew > len(chars) // 2:
        return "he"
    return "ja" if len(_KANA.findall(head)) > len(chars) // 10 else "zh"


# Scripts without capitals, whose people are found only through the cues that name them.
CASELESS = frozenset(("zh", "ja", "ko", "hi", "he", "fa", "th"))

# Letters Persian writes and Arabic does not ('ی' and 'ک' for Arabic's 'ي' and 'ك'; 'گ', 'پ',
# 'چ', 'ژ'), and the two Arabic forms Persian replaces.
_PERSIAN_LETTERS = frozenset("\u06cc\u06a9\u06af\u067e\u0686\u0698")
_ARABIC_ONLY = frozenset("\u064a\u0643")


def arabic_script(head: str) -> str:
    """'fa' for text in Arabic letters that writes Persian's own letters more than Arabic's
    'ي' and 'ك'; else 'ar'."""
    persian = sum(c in _PERSIAN_LETTERS for c in head)
    return "fa" if persian > 2 * sum(c in _ARABIC_ONLY for c in head) else "ar"


_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")


# Serbian Cyrillic's own letters beside Russian, Ukrainian and Bulgarian (from jusText's lists:
# scripts/build_language_markers.py): 'ђ', 'ћ', 'ј', 'љ', 'њ'.
_SERBIAN_LETTERS = frozenset(_BUILT["serbian_cyrillic"])


def cyrillic(head: str) -> str:
    """'uk' for Cyrillic text that writes Ukrainian's own letters (і, ї, є, ґ) in more than one
    word in fifty; 'hr' for Serbian's own (ј, ћ, ђ): it is read with the Croatian rules, as Serbian
    in Latin letters is; else 'ru' (Bulgarian is read with Russian)."""
    words = head.split()
    marked = sum(1 for w in words if not _UKRAINIAN_LETTERS.isdisjoint(w))
    if marked * 50 > len(words):
        return "uk"
    serbian = sum(1 for w in words if not _SERBIAN_LETTERS.isdisjoint(w))
    return "hr" if serbian * 50 > len(words) else "ru"
