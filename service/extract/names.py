"""Shared name machinery for the offline engine: word lexicons, tokens, titled-name splitting, name keys.

The lexicons are small and general (titles, role nouns, organisation suffixes, group cues, a modest
gazetteer); nothing here names the people or groups of any particular story.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, count
from pathlib import Path

from service.extract import lexicon_intl as intl
from service.extract.gazetteer import DEMONYMS as DEMONYMS
from service.extract.gazetteer import PLACE_ACRONYMS as PLACE_ACRONYMS
from service.extract.gazetteer import PLACE_WORDS
from service.extract.gazetteer import PLACES_MULTI as PLACES_MULTI
from service.extract.memo import Memo
from service.extract.nicknames import NICKNAMES as NICKNAMES
from service.extract.word_scan import indices as _indices
from service.extract.word_scan import past_stamp
from service.months import EN_MONTH_ABBR, EN_MONTHS, EN_WEEKDAYS
from service.normalise import name_key as _name_key


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """service.normalise.name_key, cached: names repeat many times within an article."""
    return _name_key(name)


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Honorifics and ranks: stripped from the front of a name, never part of a role on their own.
RANKS = _words(
    """mr mrs ms miss dr prof professor sir dame lord lady gen general maj major lt lieutenant col
    colonel capt captain cmdr commander adm admiral rear vice brig brigadier sgt sergeant cpl corporal
    pvt private marshal field air force navy army marine marines
    rev reverend fr father sister brother sheikh shaikh sheik ayatollah imam rabbi hon honourable
    honorable judge justice st saint mullah mufti emir sen rep gov shri sri smt shrimati cllr
    alhaji alhaja mallam malam engr barr pastor bishop archbishop"""
)
# Police and court ranks of Irish, British, South African and Commonwealth papers ('Garda Aoife
# Brennan', 'Det Supt Lowe', 'Adv. Nomsa Khumalo SC'), with and without their dots.
RANKS = RANKS | _words("garda adv supt insp det const cst sp dsp asp csp lt-col lt-gen maj-gen")
# Australian councillors ('Cr Annabel Foy'), Nigerian and Kenyan union forms of address
# ('Comrade Emeka Okafor'), a tabloid's 'Ex Ryan Delaney' (the former partner)
RANKS = RANKS | _words("cr comrade comr ex")
# Singapore and Malaysian 'Madam Rosalind Teo'; South African 'Gogo Nomvula Sithole' (grandmother)
RANKS = RANKS | _words("madam gogo")
# Irish and Scottish surname prefixes, folded ('Ó Faoláin', 'Ní Bhriain', 'Mac Aodha')
GAELIC_PARTICLES = _words("o ni nic mac ua ui")
# Letters after a name: silks, members of parliaments and assemblies, honours, Indian services.
POSTNOMINALS = _words("sc qc kc san mp mpl mla mpp mna mpa msp td obe mbe cbe kbe dbe ias ips")


def _derived_titles() -> tuple[frozenset[str], frozenset[str]]:
    """(heads, modifiers) of English titles, derived from annotated news by scripts/derive_titles.py."""
    heads: set[str] = set()
    mods: set[str] = set()
    # read beside this module, as the other data files are (importlib.resources, with zipfile and
    # tempfile, cost the import ~3 ms)
    for line in Path(__file__).with_name("title_words.tsv").read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, word, _ = line.split("\t")
            (heads if kind == "head" else mods).add(word)
    return frozenset(heads), frozenset(mods)


TITLE_HEADS, TITLE_MODIFIERS = _derived_titles()
# Role nouns: a phrase ending in one of these names a position ("Pentagon spokesman").
ROLE_NOUNS = intl.role_set(
    TITLE_HEADS
    | _words(
        """councilman councilwoman councilmember alderman alderwoman assemblyman assemblywoman
        physicist chemist biologist historian widow widower undersecretary under-secretary
        relative relatives"""
    )
    # kin and life-stage words a feature or tabloid sets before a name ('Grandmother Marj Pettigrew')
    | _words(
        """grandmother grandfather grandma grandpa granny gran grandad mum dad mother pensioner
        boss gaffer co-star coroner"""
    )
    | _words(
        """spokesman spokeswoman spokesperson spokespeople minister ministers secretary president
    vice-president chairman chairwoman chairperson chair ceo cfo coo cto executive director manager
    coach head chief commander adviser advisor official officials ambassador envoy governor mayor
    senator congressman congresswoman lawmaker lawmakers legislator mp leader leaders founder
    co-founder officer analyst analysts professor editor correspondent reporter researcher expert
    experts economist economists premier king queen prince princess emperor pope chancellor
    prosecutor attorney lawyer judge president-elect captain striker midfielder defender goalkeeper
    player assistant deputy owner owners chairman-elect diplomat diplomats negotiator source sources
    witness witnesses resident residents member members commissioner superintendent inspector
    administrator coordinator representative representatives delegate spokesmen spokeswomen general
    admiral colonel sheriff police investigator investigators agent agents doctor doctors scientist
    scientists activist activists journalist journalists authorities authority militant militants
    fighter fighters rebel rebels soldier soldiers commentator candidate nominee principal dean
    rector president-elect aide aides staffer staffers master passenger traveller victim mla
    councillor councilor
    msp mep mpp mlc mca mec cec commuter motorist pensioner shopper trader villager"""
    )
    # offices of Commonwealth papers: South African and Irish courts, Indian city councils,
    # provincial assemblies (Pakistan MPA, South Africa MPL), sports captains
    | _words("magistrate corporator skipper mpa mpl mna mha td taoiseach tánaiste tanaiste")
)
# Collective role nouns that stand for an unnamed plural speaker.
PLURAL_ROLES = intl.PLURAL_ROLES | _words(
    """officials sources analysts experts witnesses residents authorities diplomats lawmakers
    leaders investigators officers members activists militants fighters rebels soldiers scientists
    economists doctors journalists representatives spokespeople police"""
)
# Words that make a capitalised sequence an organisation when they end it (or sit inside it).
ORG_WORDS = intl.org_set(
    _words(
        """ministry ministries department agency administration authority commission committee council
    party parliament senate congress assembly court tribunal office bureau service services
    company corp corporation inc incorporated ltd limited llc plc co group holdings airlines
    airline airways air bank fund foundation institute institution university college school
    academy hospital association federation union league club fc f.c. afc cf sc united board
    forces force army navy command corps guard guards police ministry network channel times post
    news press agency reuters tv radio media broadcasting studios motors industries technologies
    systems labs laboratories pharmaceuticals energy petroleum oil airport station centre center
    organisation organization trust society alliance coalition cabinet government house kremlin
    pentagon commission secretariat nations robotics automation solutions software logistics
    electronics pharma capital partners ventures"""
    )
)
# Words in or around a name that make it an armed or political group.
GROUP_WORDS = _words(
    """militia militias group groups rebels rebel faction factions movement movements brigades
    brigade battalion battalions resistance front insurgents insurgency guerrillas mujahideen
    jihadists jihadist fighters"""
)
# Lower-case nouns that mark the preceding capitalised name as a place.
LOCATION_CUES = _words(
    """province region city town village base outpost camp airport district county state border
    neighborhood neighbourhood valley river mountains sea gulf strip island islands peninsula
    desert capital crossing port harbour harbor"""
)
LOCATION_SUFFIXES = _words(
    """province region strip gulf sea ocean valley county city island islands mountains river
    peninsula desert heights bay lake coast territory territories governorate oblast reservoir"""
)
# Last words of venues, streets and buildings: places, never people ('Wembley Stadium', 'Oxford
# Street', 'Trump Tower'); hospitals and clinics are organisations (see ORG_WORDS).
VENUE_SUFFIXES = _words(
    """stadium arena street st avenue ave road rd boulevard blvd lane drive square plaza bridge
    tower towers building park gardens palace castle cathedral church chapel mosque temple
    synagogue hall mall highway motorway freeway expressway tunnel pier wharf racecourse
    stadion straße strasse platz allee rue avenida calle plaza piazza via rua estádio estadio"""
)
# Document nouns: "the statement said" speaks for whoever issued it.
DOCUMENT_NOUNS = _words(
    """statement announcement letter memo memorandum message note post tweet release communique
    communiqué report email e-mail document filing notice declaration speech video blog bulletin
    newsletter interview"""
)
# 'Jan' stays a name: the commonest first name in Dutch, Polish, Czech and Scandinavian news,
# where an undotted 'Jan' is never the month (English writes 'Jan.' or 'January')
MONTHS = (intl.MONTHS | frozenset(EN_MONTHS) | frozenset(EN_MONTH_ABBR)) - {"jan"}
WEEKDAYS = intl.WEEKDAYS | frozenset(EN_WEEKDAYS)
# Sentence-initial capitalised words that are not names.
STOPWORDS = _words(
    """a an the this that these those there here it its he she they we i you his her their our my
    your him them us me who whom whose which what when where why how while whilst if then than so
    but and or nor yet also as at by for from in into of on onto off out over under up down to
    with without within after before since until during despite amid amidst among between against
    about above across along around behind below beneath beside beyond near through throughout
    toward towards upon via per all any both each every few many most much no none not some such
    one two three four five six seven eight nine ten first second third last next earlier later
    today yesterday tomorrow tonight now meanwhile however although though because even only just
    still already instead indeed overall finally additionally furthermore moreover according
    following late early days weeks months years hours minutes once again other another more less
    several dozens hundreds thousands millions asked read photo image source advertisement
    click watch listen sign subscribe share follow update updated related editor editors note
    breaking exclusive analysis opinion comment live video audio earlier-this is are was were be
    been being has have had do does did will would can could should may might must shall let
    yes well oh please thank thanks sorry perhaps maybe like unlike whether either neither
    nevertheless nonetheless otherwise therefore thus hence besides elsewhere everywhere nowhere
    somewhere anyone everyone someone nobody everybody somebody nothing everything something
    anything ahead apart away back forward together whereas wherever whenever whatever whoever"""
)
PRONOUNS = _words("he she they it we i")
DETERMINERS = _words("a an the some two three several many one its his her their our this that")
# Particles that sit inside personal names and place names ("al-Sudani", "van der Berg").
NAME_PARTICLES = _words(
    "al el ad ash as at az bin ibn abu bint de da di del della der van von le la du dos das ter ten"
)
NAME_PREFIX = re.compile(
    r"^(?:al|el|ad|ash|as|at|az|an|ar|ud|ul|bin|ibn|abu|abd|bint|mac|mc|o|d|l|dell|dall|nell|all)"
    r"[-’'](?-i:(?=[A-ZÀ-Þ]))",
    re.I,
)
# Connectors allowed inside an organisation or titled name ("Ministry of Defence", "Resistance in
# Iraq", the Tagalog linker of Philippine bodies: "Kilusang Magbubukid ng Hilaga").
CONNECTORS = _words("of in for on and & de du des der la le el al ng")

PLACES = (frozenset(PLACE_WORDS.split()) | frozenset(PLACES_MULTI) | intl.PLACES) - {
    "european union"
}
# Adjectives of faith/ethnicity/politics that read like names but are not actors on their own.
NON_NAME_ADJ = _words(
    """shiite shia sunni muslim christian jewish catholic protestant orthodox arab arabic persian
    western eastern northern southern islamist iran-backed iran-aligned iranian-backed
    pro-iranian pro-russian kurdish republican democratic democrat republicans democrats"""
)
# Names of competitions, events and products that are not actors.
NON_ACTOR_WORDS = _words(
    """cup championship championships games olympics award awards prize day week war operation
    summit conference festival season final finals tournament series trophy medal act bill law
    treaty accord agreement program programme project plan flight"""
)


@lru_cache(maxsize=8192)
def low(word: str) -> str:
    """Lower-case a token and drop dots, so 'Gen.' and 'gen' compare equal."""
    return word.lower().replace(".", "").replace("’", "'")


def is_cap(word: str) -> bool:
    """A name-like token: capitalised, or a particle-prefixed name such as 'al-Sudani'."""
    if not word:
        return False
    c = word[0]
    if c.isupper():
        return True
    return bool(NAME_PREFIX.match(word))


def is_acronym(word: str) -> bool:
    w = word.replace(".", "")
    return 2 <= len(w) <= 7 and w.isupper() and w.isalpha()


@dataclass(frozen=True, slots=True)
class Titled:
    """A capitalised run split into its role ('Pentagon spokesman'), rank words and bare name."""

    role: str | None
    name: str
    name_offset: int  # offset of `name` inside the original run


_TOKEN_RE = re.compile(r"\S+")


def _is_title_word(word: str) -> bool:
    """split_titled's test of a word before a run's name: a rank, a role noun or a title part."""
    lw = low(word)
    return lw in RANKS or lw in ROLE_NOUNS or lw in ("prime", "foreign", "defence", "defense")


_title_word = Memo(_is_title_word, 32768).__getitem__


@lru_cache(maxsize=16384)
def split_titled(run: str) -> Titled:
    """Split 'Pentagon spokesman Major General Pat Ryder' into role 'Pentagon spokesman' and 'Pat Ryder'.

    The name is what follows the last title or role word; words before it form the role, with
    honorifics and ranks dropped from its end. Without any title word the whole run is the name.
    """
    # most runs hold no title word before the last: str.split's words are those \S+ finds
    if not any(map(_title_word, run.split()[:-1])):
        return Titled(None, run, 0)
    toks = [(m.start(), m.group()) for m in _TOKEN_RE.finditer(run)]
    last = -1
    for i, (_, w) in enumerate(toks[:-1]):
        if _title_word(w):
            last = i
    if last < 0 or all(low(w) in ORG_WORDS for _, w in toks[last + 1 :]):
        return Titled(None, run, 0)  # 'Premier League' is no title plus a name
    if low(toks[0][1]) in ("st", "saint") and any(
        low(w) in ORG_WORDS or low(w) in VENUE_SUFFIXES for _, w in toks[2:]
    ):
        return Titled(None, run, 0)  # "St. Brigid's Hospital" is a hospital, not a saint
    j = last + 1
    # "Secretary of Defense Lloyd Austin": the department belongs to the title
    if j < len(toks) - 2 and low(toks[j][1]) == "of":
        j += 1
        while j < len(toks) - 2 and (
            low(toks[j][1])
            in (
                "the",
                "state",
                "defense",
                "defence",
                "staff",
                "affairs",
                "foreign",
                "justice",
                "interior",
                "finance",
                "health",
                "energy",
                "homeland",
                "security",
                "commerce",
                "treasury",
            )
        ):
            j += 1
    if j >= len(toks):
        return Titled(None, run, 0)
    role_toks = [w for _, w in toks[:j]]
    while role_toks and low(role_toks[-1]) in RANKS:
        role_toks.pop()
    while role_toks and low(role_toks[0]) in RANKS:
        role_toks.pop(0)
    role = " ".join(role_toks) or None
    if role and not any(low(w) in ROLE_NOUNS or low(w) == "prime" for w in role_toks):
        role = None
    start = toks[j][0]
    return Titled(role, run[start:], start)


# An affiliation after a name: 'von den Grünen', 'von der SPD', 'of the Democrats'.
_AFFILIATION = re.compile(
    r"\s+(?:von den|vom|von der(?=\s+[A-ZÄÖÜ]{2,}\b)|of the|de la|du parti|del partido|del partito)"
    r"\s+\S.*$"
)
# A party tag after a name: ', R-Ky.', ' (D-Calif.)', ' (CDU)'.
_PARTY_TAG = re.compile(r"\s*(?:,\s*[A-Z]-[A-Z][\w.]*|\(\s*[^()]{1,24}\))\s*$")
# An elided article or preposition fused to a name: "d'Emmanuel Macron", "l’Élysée".
_ELISION = re.compile(r"^(?:[dlDL]|[Qq]u)['’](?=[A-ZÀ-Þ])")


def strip_affiliation(name: str) -> tuple[str, str | None]:
    """'Markus Weber von den Grünen' -> ('Markus Weber', 'von den Grünen'); party tags too."""
    # each regex runs only when the name holds a piece all its matches hold (most names hold none)
    if "-" in name or ")" in name:
        m = _PARTY_TAG.search(name)
        if m and m.start() > 0:
            return name[: m.start()], m.group().strip(" ,()") or None
    if "vo" in name or "of the" in name or "de la" in name or "du parti" in name or "del " in name:
        m = _AFFILIATION.search(name)
        if m and m.start() > 0 and is_cap(name[: m.start()].split()[-1]):
            return name[: m.start()], m.group().strip()
    return name, None


def _name_word(word: str) -> bool:
    """A word that may sit inside a personal name: capitalised and not a title, rank or demonym."""
    lw = low(word)
    if lw in NAME_PARTICLES or NAME_PREFIX.match(word):
        return True
    return (
        is_cap(word)
        and lw not in RANKS
        and lw not in ROLE_NOUNS
        and lw not in TITLE_MODIFIERS
        and lw not in DEMONYMS
        and lw not in NON_NAME_ADJ
        and not lw.endswith(("-born", "-based", "-american"))
    )


@lru_cache(maxsize=8192)
def canonical_name(text: str) -> tuple[str, str | None]:
    """A person's bare name and the role written around it: titles, ranks, roles, demonyms, party
    tags, elisions and affiliations go to the role, never into the name.

    'Canadian-born physicist Ana Ruiz' -> ('Ana Ruiz', 'Canadian-born physicist');
    'Senate Majority Leader Mitch McConnell, R-Ky.' -> ('Mitch McConnell', 'Senate Majority Leader, R-Ky');
    "d'Emmanuel Macron" -> ('Emmanuel Macron', None). Text with no personal name comes back whole.
    """
    t = " ".join(text.split()).strip(" ,;:")
    roles: list[str] = []
    # an appositive after the name: 'Michael McFaul, a senior fellow at the Hoover Institution'
    head, sep, tail = t.partition(", ")
    if sep and tail and not re.match(r"[A-Z]-[A-Z]", tail) and any(c.isupper() for c in head[:1]):
        t, appositive = head, re.sub(r"^(?:a|an|the)\s+", "", tail.strip(" ,"))
    else:
        appositive = ""
    t, affiliation = strip_affiliation(t)
    t = _ELISION.sub("", t)
    toks = t.split()
    if toks:
        toks[-1] = strip_possessive(toks[-1])
    j = len(toks)
    while j > 0 and _name_word(toks[j - 1]):
        j -= 1
    # particles open no name: 'von der Leyen' keeps its particles, a lone 'de' does not
    while j < len(toks) - 1 and low(toks[j]) in NAME_PARTICLES and j > 0 and is_cap(toks[j - 1]):
        j += 1
    if j >= len(toks):
        return text.strip(), None
    name = " ".join(toks[j:])
    pre = toks[:j]
    while pre and low(pre[-1]) in RANKS:
        pre.pop()
    while pre and low(pre[0]) in RANKS:
        pre.pop(0)
    if pre:
        roles.append(" ".join(pre))
    roles += [x for x in (affiliation, appositive) if x]
    return name, ", ".join(roles) or None


def strip_possessive(word: str) -> str:
    if word[-1:] not in _POSSESSIVE_LAST:
        return word  # most words: no possessive ending can match
    for suf in ("'s", "’s", "'", "’"):
        if word.endswith(suf) and len(word) > len(suf) + 1:
            return word[: -len(suf)]
    return word


_POSSESSIVE_LAST = frozenset("s'’")  # the last characters of the endings strip_possessive drops

# ---------------------------------------------------------------------------- tokens

QUOTE_CHARS = frozenset("\"“”„‟«»‘’‚‛‹›'")
ABBREVIATIONS = _words(
    "mr mrs ms dr prof gen maj lt col capt cmdr adm brig sgt cpl pvt rev fr st sen rep gov jr sr "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd corp co no vs hon messrs "
    "adv supt insp det const cst"
)
# lower-case titles before a name, whose dot the tokeniser keeps on the word ("dr. Novák"; Greek
# 'κ. Καραγιάννης', Mr; Dutch 'mr.', a lawyer's degree; Croatian 'dr. sc.'); Czech and Slovak
# write 'Ing.' and 'Mgr.' capitalised too
LOWER_TITLES = frozenset(("dr", "prof", "ing", "mgr", "doc", "κ", "mr", "sc"))
_CAP_TITLES = frozenset(("Ing", "Mgr"))
_WORD_CHAR = r"[a-z0-9A-Z_\w\u0300-\u036f\u064b-\u065f\u0670]"  # ASCII first: tried first
# One token with the whitespace before it, as two groups. re.split gives the groups as one flat
# list of strings ('', whitespace, token, '', whitespace, token, ..., trailing whitespace), and the
# tokens' offsets are the running sums of the pieces' lengths (every character between two tokens
# is whitespace: any other one is a token of its own): no Match object or tuple per token.
_TOKENS = re.compile(
    r"(\s*+)("
    # the commonest token first: a plain ASCII word (a letter, then lower-case letters) that no
    # word character, combining mark, apostrophe, dot or hyphen follows. Exactly what the word
    # alternative below would take there (and the U.S. one cannot match: no dot follows its first
    # letter), found without the general word's character class or its look-aheads
    r"[A-Za-z][a-z]*+(?![\w\u0300-\u036f\u064b-\u065f\u0670’'.\-])"
    r"|(?:[A-Za-z]\.){2,}"  # U.S. / U.K. with their dots
    # words, keeping inner apostrophes, dots, hyphens and combining marks (Arabic shadda, tanween)
    rf"|(?:[A-Za-z]|[^\W\d_]){_WORD_CHAR}*(?:[’'.\-](?=[^\W_]){_WORD_CHAR}*)*"
    r"|\d(?:[\d,.:]*\d)?(?:-[^\W\d_]+)*"  # numbers, '56-year-old'
    r"|\S)"
)
SENT_END = frozenset(".!?")
_SENT_ENDERS = frozenset(".!?:")
_MARKS = _SENT_ENDERS | QUOTE_CHARS  # the tokens that may open a sentence after them


def _middle_initial(words: list[str], i: int) -> bool:
    """words[i] is the dot of an initial inside a name: 'James B. Comey', 'Donald J. Trump' (one
    capital letter between two capitalised words), or a leading one after a lower-case word, as
    Indian and British papers write names: 'said activist S. Ramesh.', 'said J. J. Price'."""
    w = words[i - 1]
    if _initial_surname(words, i):
        return True
    if not (
        len(w) == 1
        and i >= 2
        and i + 1 < len(words)
        and words[i + 1][:1].isupper()
        and words[i + 1].isalpha()
        and low(words[i + 1]) not in STOPWORDS  # 'Plan B. The rest': a sentence ends there
    ):
        return False
    before = words[i - 2]
    if before[:1].isupper() and before.isalpha():
        return True
    if before == "." and i >= 3 and len(words[i - 3]) == 1 and words[i - 3].isupper():
        return _middle_initial(words, i - 2)  # the second of two: 'said J. J. Price'
    # a leading initial: the surname after it ends the clause or runs on into more of the name
    # ('in group A. Officials said' is a sentence end: a lower-case word follows the capital)
    after = words[i + 2] if i + 2 < len(words) else "."
    # ('president K. Venkataraman said': after a title the verb may follow the surname)
    return (
        before.isalpha()
        and before.islower()
        and (after in _SENT_ENDERS or after == "," or after[:1].isupper() or before in ROLE_NOUNS)
    )


def _initial_surname(words: list[str], i: int) -> bool:
    """words[i] is the dot of a surname cut to its initial, as court reports in Dutch, German,
    Polish or Czech name a defendant ('Jan K. (44) uit Heilegem', 'Jan K. zelf ontkent',
    'Tomasz W., lat 38'): one capital after a capitalised word, then a bracket, a comma or a
    lower-case word, which no new sentence opens with (not an English function word, before
    which the other side of the name follows)."""
    if not (i >= 2 and i + 1 < len(words) and len(words[i - 1]) == 1 and words[i - 1].isupper()):
        return False
    before, after = words[i - 2], words[i + 1]
    return (
        before[:1].isupper()
        and before.isalpha()
        and len(before) > 1
        and (after in ("(", ",") or after[:1].islower() and after.isalpha())
        and low(after) not in STOPWORDS  # 'Charles G. and David H. Koch': a name runs on
    )


class Doc:
    """Tokens, paragraphs and sentence starts of one text, computed once."""

    __slots__ = (
        "ends",
        "para",
        "para_starts",
        "paras",
        "sent_start",
        "sents",
        "starts",
        "text",
        "words",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        pieces = _TOKENS.split(text)  # '', whitespace before, token, '', ...
        # the pieces between two matches, and those before the first and after the last, hold no
        # token and no character before a token (the next match starts where one ends): dropped
        # in C, so only whitespace and tokens are measured and summed
        del pieces[::3]  # whitespace before, token, whitespace before, token, ...
        bounds = list(accumulate(map(len, pieces)))
        starts, ends, words = bounds[0::2], bounds[1::2], pieces[1::2]
        # a title abbreviation keeps its dot so it never ends a sentence ("Maj. Gen. Ryder"); the
        # dot right after a word is always a token of its own, which folds into the word
        merge = [
            i
            for i in _indices(words, ".")
            if i > 0
            and ends[i - 1] == starts[i]
            and (
                words[i - 1][0].isupper()
                and (low(words[i - 1]) in ABBREVIATIONS or _middle_initial(words, i))
                # 'dr. Cristian Bălănescu', 'prof. Jan Novák': lower case in Central European news
                or (words[i - 1] in LOWER_TITLES or words[i - 1] in _CAP_TITLES)
                and i + 1 < len(words)
                and (words[i + 1][:1].isupper() or words[i + 1] in LOWER_TITLES)  # 'prof. dr.'
            )
        ]
        for i in reversed(merge):
            ends[i - 1] = ends[i]
            words[i - 1] += "."
            del starts[i], ends[i], words[i]
        self.starts, self.ends, self.words = starts, ends, words
        # paragraphs: split on newlines
        paras: list[tuple[int, int]] = []
        pos = 0
        for line in text.split("\n"):
            if line.strip():
                paras.append((pos, pos + len(line)))
            pos += len(line) + 1
        self.paras = paras
        self.para_starts = [s for s, _ in paras]
        # a token belongs to the first paragraph ending after its start (the last one at most)
        n = len(starts)
        para: list[int] = []
        firsts = [0]  # the first token of each paragraph
        done = 0
        for pi in range(len(paras) - 1):
            upto = bisect_left(starts, paras[pi][1], done)
            if upto > done:
                firsts.append(done)
                para += [pi] * (upto - done)
            done = upto
        if n > done:
            firsts.append(done)
            para += [max(len(paras) - 1, 0)] * (n - done)
        self.para = para
        # a sentence starts a paragraph or follows . ! ? :, and carries through an opening quote
        # mark to its first word; only the marks need a look, in text order
        first = set(firsts)
        first.update(past_stamp(words, k) for k in firsts)
        enders = _SENT_ENDERS
        for j in list(compress(count(), map(_MARKS.__contains__, words))):
            if words[j] in enders or j in first:
                first.add(j + 1)
        sent_start = [False] * n
        sents = sorted(k for k in first if k < n)  # the sentence-opening tokens, in order
        for k in sents:
            sent_start[k] = True
        self.sent_start, self.sents = sent_start, sents

    def para_of(self, offset: int) -> int:
        """Index of the paragraph holding `offset` (the nearest one before it in a gap)."""
        return max(bisect_right(self.para_starts, offset) - 1, 0)

    def tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self.starts, offset)


@lru_cache(maxsize=32)
def doc(text: str) -> Doc:
    return Doc(text)
