"""Name normalisation for merging actors: titles stripped, transliteration and punctuation folded.

The functions are pure and cached; they never decide identity on their own (actors.py does, with
the story's context), they only say which written forms could denote the same entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

from rapidfuzz.distance import Indel

from service.normalise import SINGLE_QUOTES
from service.normalise import name_key as _slow_name_key

# Titles, ranks and honorifics that precede a person's name ("Maj. Gen.", "President").
TITLES = frozenset(
    """president vice prime minister pm premier secretary general gen lieutenant lt major maj
    colonel col captain capt sergeant sgt corporal cpl private pvt admiral adm commander
    cmdr cdr brigadier brig marshal field air force army navy marine marines chief staff
    deputy assistant senator sen representative rep congressman congresswoman governor gov
    mayor king queen prince princess sheikh sheik emir amir sultan ayatollah imam rabbi
    reverend rev father pope cardinal bishop archbishop sir dame lord lady dr doctor prof
    professor mr mrs ms miss mx judge justice chancellor ambassador spokesman spokeswoman
    spokesperson ceo cfo coo cto chairman chairwoman chair director manager coach head
    leader speaker mp mep hon honourable honorable excellency former acting interim incoming
    outgoing late ex foreign defense defence interior sec supt inspector detective officer
    agent president-elect councilman councilwoman councillor councilor alderman alderwoman
    commissioner sheriff superintendent trustee assemblyman assemblywoman assemblymember
    delegate lawmaker midfielder striker goalkeeper defender winger skipper captain""".split()  # noqa: SIM905
)
SUFFIXES = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "obe", "mbe", "cbe", "kbe"}
)
# Lower-case name particles that belong inside a name ("al-Sudani", "van Gaal", "bin Salman").
PARTICLES = frozenset(
    """al el ad as ash at az ar bin ibn bint ben abd van von der den ter de da di du del della
    dos das do la le lo y e""".split()  # noqa: SIM905
)
DETERMINERS = frozenset({"the", "a", "an"})
# Designators that do not distinguish organisations or places ("Liverpool F.C." ~ "Liverpool").
ORG_DESIGNATORS = frozenset(
    """fc f c afc cf sc inc incorporated ltd limited llc plc corp corporation co company ag sa
    nv gmbh spa bv group holdings the""".split()  # noqa: SIM905
)
PLACE_WORDS = frozenset(
    """base airbase air military outpost camp province governorate region district county city
    town village municipality state oblast prefecture neighbourhood neighborhood area the of
    capital port""".split()  # noqa: SIM905
)
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&"})

# Common English short forms of given names; a shorter name that is a prefix of a longer one
# ("Pat"/"Patrick", "Steve"/"Steven") is handled by rule and need not be listed.
_NICK_GROUPS = (
    "william bill billy will willie",
    "robert bob bobby rob robbie bert",
    "richard dick rick ricky rich",
    "james jim jimmy jamie",
    "john jack johnny jon",
    "joseph joe joey",
    "thomas tom tommy",
    "michael mike mick mickey",
    "david dave davey",
    "edward ed eddie ted ned",
    "charles charlie chuck",
    "anthony tony",
    "lawrence larry laurence",
    "elizabeth liz beth betsy lizzie eliza",
    "margaret meg maggie peggy",
    "katherine kate kathy katie catherine kathryn",
    "rebecca becky",
    "jennifer jen jenny",
    "susan sue suzy",
    "stanley stan",
    "christopher chris",
    "alexander alex sasha",
    "nicholas nick nicky",
    "benjamin ben benny",
    "samuel sam sammy",
    "daniel dan danny",
    "matthew matt",
    "andrew andy drew",
    "steven stephen steve",
    "patrick pat paddy",
    "gregory greg",
    "jeffrey jeff geoffrey",
    "kenneth ken kenny",
    "donald don",
    "ronald ron ronnie",
    "timothy tim",
    "peter pete",
    "frederick fred freddie",
    "henry hank harry",
    "mohammed muhammad mohammad mohamed muhammed mohamad",
)
NICKNAMES: dict[str, frozenset[str]] = {}
for _g in _NICK_GROUPS:
    _names = frozenset(_g.split())
    for _n in _names:
        NICKNAMES[_n] = NICKNAMES.get(_n, frozenset()) | _names

_APOSTROPHE_CHARS = SINGLE_QUOTES + "ʼʻ"
_DROP_APOSTROPHES = str.maketrans("", "", _APOSTROPHE_CHARS)
_PAREN = re.compile(r"\(([^()]*)\)")
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Za-z]?[A-Z]{1,5}s?$")
_DIGRAPHS = (("ph", "f"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("ck", "k"))
_VOWELS = frozenset("aeiouyw")


def _demonym_words() -> frozenset[str]:
    """Nationality words that precede a name ("Ukrainian Volodymyr Zelensky")."""
    from service.extract.names import DEMONYMS

    return frozenset(k for k in DEMONYMS if k.isalpha() and len(k) > 3)


_DEMONYMS = _demonym_words()
# the words org_tokens and place_tokens drop
ORG_DROP = ORG_DESIGNATORS | PARTICLES
PLACE_DROP = PLACE_WORDS | PARTICLES


# ASCII letters and digits kept (lower-cased), everything else a space: name_key on ASCII text
_ASCII_KEY = str.maketrans(
    {chr(c): (chr(c).lower() if chr(c).isalnum() else " ") for c in range(128)}
)
# the same with apostrophes dropped first (tokens on ASCII text: one table look-up a character)
_ASCII_TOKENS = str.maketrans(
    {
        chr(c): ("" if chr(c) in _APOSTROPHE_CHARS else chr(c).lower() if chr(c).isalnum() else " ")
        for c in range(128)
    }
)
# ASCII letters and digits kept (lower-cased), everything else dropped: _word_key on ASCII text
_ASCII_WORD_KEY = str.maketrans(
    {chr(c): (chr(c).lower() if chr(c).isalnum() else "") for c in range(128)}
)


def name_key(name: str) -> str:
    """service.normalise.name_key with a fast path for ASCII text (same result)."""
    if name.isascii():
        return " ".join(name.translate(_ASCII_KEY).split())
    return _slow_name_key(name)


@lru_cache(maxsize=1 << 18)
def _word_key(word: str) -> str:
    """The word's letters and digits, folded: name_key with apostrophes removed, spaces too."""
    if word.isascii():
        return word.translate(_ASCII_WORD_KEY)
    return name_key(word.translate(_DROP_APOSTROPHES)).replace(" ", "")


@lru_cache(maxsize=1 << 18)
def tokens(form: str) -> tuple[str, ...]:
    """Folded word tokens: name_key with apostrophes removed first ("O'Brien" -> "obrien")."""
    if form.isascii():
        toks = form.translate(_ASCII_TOKENS).split()
    else:
        toks = name_key(form.translate(_DROP_APOSTROPHES)).split()
    if not toks or min(map(len, toks)) > 1:  # no single letter (most names): nothing to join
        return tuple(toks)
    # "U.S." -> "us": runs of single letters are one initialism
    out: list[str] = []
    run: list[str] = []
    for t in toks:
        if len(t) == 1 and t.isalpha():
            run.append(t)
            continue
        if run:
            out.append("".join(run))
            run = []
        out.append(t)
    if run:
        out.append("".join(run))
    return tuple(out)


def _starts_lower(word: str) -> bool:
    first = word[:1]
    if first.isalpha():  # most words: the first character says
        return first.islower()
    for ch in word:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return True
    return False


_PARTICLE_JOINS = re.compile(r"[-‐‑'’]")


def _is_particle(word: str) -> bool:
    w = word.lower()
    head = _PARTICLE_JOINS.split(w, maxsplit=1)[0]
    return w in PARTICLES or (head in PARTICLES and head != w)


def _cut_keys() -> frozenset[str]:
    """Word keys that end a role before a name: a title ("general"), its plural ("generals",
    four letters or more) or a nationality ("ukrainian")."""
    return TITLES | _DEMONYMS | {t + "s" for t in TITLES if len(t) >= 3}


_CUT_KEYS = _cut_keys()
# _word_key on ASCII words joined by single spaces: the spaces kept, one key a word
_ASCII_WORD_KEYS = str.maketrans({**_ASCII_WORD_KEY, ord(" "): " "})


@lru_cache(maxsize=1 << 18)
def person_name(form: str) -> str | None:
    """The proper-name part of a person form, titles and roles stripped; None when role-only.

    "Pentagon spokesman Major General Pat Ryder" -> "Pat Ryder"; "the German" -> None.
    """
    s = form.split(",", 1)[0]
    if "(" in s:
        s = _PAREN.sub(" ", s)
    words = s.split()
    if not words or words[0].lower() in DETERMINERS:
        return None
    joined = " ".join(words)
    firsts = "".join(map(itemgetter(0), words))
    if (
        firsts.isalpha()
        and joined.isascii()
        and "'s" not in joined
        and (firsts.isupper() or all(_is_particle(w) for w in words if w[0].islower()))
    ):
        # every word capitalised or a particle (most names: "Abu Ali al-Sudani"): the words'
        # keys in one pass, and with no title or nationality among them the name is every word
        # but trailing suffixes (no word cuts the name, so _name_part keeps them all)
        keys = joined.translate(_ASCII_WORD_KEYS).split(" ")
        if _CUT_KEYS.isdisjoint(keys):
            end = len(words)
            while end and keys[end - 1] in SUFFIXES:
                end -= 1
            return " ".join(words[:end]).strip(" .;:") if end else None
    else:
        keys = [_word_key(w) for w in words]
    return _name_part(words, keys)


def _name_part(words: list[str], keys: list[str]) -> str | None:
    """person_name of the words of a form, given their keys (_word_key of each)."""
    cuts = [0]
    for i, w in enumerate(words):
        key = keys[i]
        if not key:
            continue
        if (key in _CUT_KEYS or _starts_lower(w) and not _is_particle(w)) or w.endswith(
            ("'s", "’s")  # "Boeing's chief executive ..." possessive belongs to the role
        ):
            cuts.append(i + 1)
    rest: list[str] = []
    # the last cut that leaves a name: "John Major" keeps "Major", "Martin Luther King Jr." its King
    for cut in reversed(cuts):
        end = len(words)
        while end > cut and keys[end - 1] in SUFFIXES:
            end -= 1
        if end == cut:
            continue
        last = words[end - 1]
        if (not _starts_lower(last) or _is_particle(last)) and not TITLES.issuperset(keys[cut:end]):
            rest = words[cut:end]
            break
    if not rest or not any(w.isalpha() or any(ch.isalpha() for ch in w) for w in rest):
        return None
    return " ".join(rest).strip(" .;:")


@lru_cache(maxsize=1 << 18)
def person_tokens(form: str) -> tuple[str, ...]:
    """Tokens of a person's name with particles dropped ("al-Sudani" -> "sudani"); () if role-only."""
    name = person_name(form)
    if name is None:
        return ()
    toks = tokens(name)
    if PARTICLES.isdisjoint(toks):
        return toks
    core = tuple(t for t in toks if t not in PARTICLES)
    return core or toks


def core_tokens(toks: tuple[str, ...], drop: frozenset[str]) -> tuple[str, ...]:
    """The tokens less the `drop` words (ORG_DROP, PLACE_DROP); all of them when every one drops."""
    if drop.isdisjoint(toks):
        return toks
    core = tuple(t for t in toks if t not in drop)
    return core or toks


@lru_cache(maxsize=1 << 18)
def org_tokens(form: str) -> tuple[str, ...]:
    """Organisation/group tokens without legal or club designators ("Liverpool F.C." -> liverpool)."""
    return core_tokens(tokens(_PAREN.sub(" ", form) if "(" in form else form), ORG_DROP)


@lru_cache(maxsize=1 << 18)
def place_tokens(form: str) -> tuple[str, ...]:
    """Place tokens without generic place words ("Ain al-Asad air base" -> ain asad)."""
    return core_tokens(tokens(_PAREN.sub(" ", form) if "(" in form else form), PLACE_DROP)


def paren_forms(form: str) -> list[str]:
    """Alternative forms from a parenthesis: "Rumaylan (Rmeilan) base" -> also "Rmeilan base"."""
    m = _PAREN.search(form) if "(" in form else None
    if not m:
        return []
    inner = m.group(1).strip()
    outer = _PAREN.sub(" ", form)
    out = [" ".join(outer.split())]
    if inner and len(inner.split()) == 1:
        out.append(" ".join(form[: m.start()].split()[:-1] + [inner] + form[m.end() :].split()))
        out.append(inner)
    return [o for o in out if o]


@lru_cache(maxsize=1 << 18)
def skeleton(word: str) -> str:
    """Consonant skeleton for transliteration variants: Baqir/Baqer/Bakr -> bkr, Rumalyn/Rumaylan -> rmln."""
    w = word.lower()
    if "h" in w or "ck" in w:  # a digraph to fold
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
    w = w.replace("q", "k").replace("c", "k").replace("z", "s").replace("j", "g")
    if not w:
        return w
    out = [w[0]]
    prev = w[0]
    for ch in w[1:]:
        if ch not in _VOWELS and ch != "h" and ch != prev:
            out.append(ch)
        prev = ch
    return "".join(out)


# the letters skeleton keeps after a word's first: vowels, h and spaces dropped, letters mapped
_CONSONANTS = str.maketrans("qczj", "kksg", "aeiouywh ")


def skeleton_consonants(forms: Sequence[tuple[str, ...]]) -> list[frozenset[str]]:
    """For each form (a tuple of words), the set of consonants in its words' skeletons, for all the
    forms at once with string operations. Forms with the same skeletons have the same set, so
    forms whose sets differ need no skeleton to tell them apart."""
    if not forms:
        return []
    text = "\n".join(map(" ".join, forms)).lower()
    if "h" in text or "ck" in text:  # a digraph to fold, as skeleton does
        for a, b in _DIGRAPHS:
            text = text.replace(a, b)
    return list(map(frozenset, text.translate(_CONSONANTS).split("\n")))


def similarity(a: str, b: str) -> float:
    return float(Indel.normalized_similarity(a, b))


def same_token(a: str, b: str) -> bool:
    """Equal, or a transliteration variant: same skeleton and close spelling (4+ letters)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or a.isdigit() or b.isdigit():
        return False
    return skeleton(a) == skeleton(b) and similarity(a, b) >= 0.6


def given_names_compatible(a: str, b: str) -> bool:
    """'Pat'~'Patrick', 'Dave'~'David', 'J'~'John', 'Mohammed'~'Muhammad'."""
    if same_token(a, b):
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long_.startswith(short):
        return True
    return b in NICKNAMES.get(a, frozenset())


def person_forms_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two multi-word person names that can denote one person: same surname, compatible given name."""
    if len(a) < 2 or len(b) < 2:
        return False
    return same_token(a[-1], b[-1]) and given_names_compatible(a[0], b[0])


def ends_with(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """`full` is a longer name ending with the surname `short` (its tokens, each the same or a
    transliteration): ("owen", "pritchard", "lyle") ends with ("pritchard", "lyle")."""
    n = len(short)
    if len(full) <= n:
        return False
    if n == 1:  # most surnames: one token
        return same_token(short[0], full[-1])
    return all(map(same_token, short, full[-n:]))


def is_acronym(form: str) -> bool:
    """'PMF', 'U.S.', 'IRGC', 'NATOs' style forms (2-7 capitals, optional dots)."""
    s = form.strip()
    return bool(_ACRONYM.match(s)) and sum(ch.isupper() for ch in s) >= 2


_INITIAL_SPLIT = re.compile(r"[\s\-‐‑]+")


@lru_cache(maxsize=1 << 18)
def initials(form: str) -> str:
    """Initials of the capitalised words of an expansion; '' when fewer than two words count."""
    letters = []
    for w in _INITIAL_SPLIT.split(_PAREN.sub(" ", form) if "(" in form else form):
        if w[:1].isupper() and w.lower() not in ACRONYM_SKIP:
            # an ASCII word's key starts with its (capital) first letter
            x = w[0].lower() if w.isascii() else _word_key(w)[:1]
            if x:
                letters.append(x)
    return "".join(letters) if len(letters) >= 2 else ""


@lru_cache(maxsize=1 << 18)
def acronym_key(form: str) -> str:
    """'P.M.F.' -> 'pmf'; a plural 's' after capitals is dropped ('NGOs' -> 'ngo')."""
    if not is_acronym(form):
        return ""
    s = "".join(ch for ch in form.strip() if ch.isalpha())
    if s.endswith("s") and s[:-1].isupper():
        s = s[:-1]
    return s.lower()


# Stance and generic words that do not tell collectives apart ("Iran-aligned groups", "Iran malign
# militia groups", "Iranian-backed armed groups" all name Iran's groups).
_STANCE = frozenset(
    """aligned backed linked affiliated allied sponsored supported funded controlled led loyal
    loyalist proxy pro malign armed so called""".split()  # noqa: SIM905
)
_COLLECTIVE_SINGULAR = frozenset({"militia", "police", "personnel", "staff", "people", "military"})


@lru_cache(maxsize=1 << 16)
def collective_key(form: str) -> str | None:
    """A key for collective descriptions, a nationality or name plus a plural common noun:
    "Iranian militia groups" and "Iran malign militia groups" -> 'iran|militia|group'.

    Nationality adjectives and country names share a 4-letter stem (Iranian/Iran, Iraqi/Iraq);
    stance words (aligned, backed, malign, ...) are dropped. None for proper names ("Islamic
    Resistance in Iraq"), for forms without a capitalised word and for single words.
    """
    if "(" not in form:  # the last word alone rules most forms out
        last = form.rsplit(None, 1)[-1:]
        if not last:
            return None
        if last[0].isascii() and last[0].isalpha():
            head = last[0].lower()
            if not last[0][0].islower() or not (head.endswith("s") or head in _COLLECTIVE_SINGULAR):
                return None
    return _collective(form)


def _collective(form: str) -> str | None:
    """collective_key without its look at the last word first."""
    words = [w for w in _INITIAL_SPLIT.split(_PAREN.sub(" ", form) if "(" in form else form) if w]
    if len(words) < 2 or not words[-1][0].islower():
        return None
    head = _word_key(words[-1])
    if not head.isalpha():
        return None
    if not (head.endswith("s") or head in _COLLECTIVE_SINGULAR):
        return None
    nations: set[str] = set()
    mods: set[str] = set()
    for w in words[:-1]:
        key = _word_key(w)
        if not key or key in DETERMINERS or key in _STANCE:
            continue
        if w[:1].isupper():
            nations.add(key[:4])
        elif key.isalpha():
            mods.add(key[:-1] if key.endswith("s") and len(key) > 3 else key)
        else:
            return None
    if not nations:
        return None
    head = head[:-1] if head.endswith("s") and len(head) > 3 else head
    return "|".join([" ".join(sorted(nations)), " ".join(sorted(mods)), head])


# Institutions of a state named by the state: "the Iraqi government", "Government of Iraq",
# "Iraq's government" are one actor.
_INSTITUTIONS = frozenset({"government", "cabinet", "parliament", "army", "navy", "military"})


def _state_key(words: list[str]) -> str | None:
    words = [w for w in words if w.lower() not in DETERMINERS]
    if not words or not all(w[:1].isupper() for w in words):
        return None
    words[-1] = re.sub(r"['’]s$", "", words[-1])
    key = " ".join(_word_key(w) for w in words)
    if not key.replace(" ", "").isalpha():
        return None
    from service.extract.names import DEMONYMS

    state = DEMONYMS.get(key) or DEMONYMS.get(key.replace(" ", ""))
    if state:
        return " ".join(tokens(state))
    if " " in key or key in _STATES:
        return key
    # a state and its adjective outside the table share a stem: Kestria/Kestrian -> kestr
    stem = re.sub(r"[aeiou]+$", "", re.sub(r"(?<=[aeiou])n$", "", re.sub(r"(?:ese|ish)$", "", key)))
    return stem or key


def _state_names() -> frozenset[str]:
    from service.extract.names import DEMONYMS

    return frozenset(" ".join(tokens(v)) for v in DEMONYMS.values())


_STATES = _state_names()


@lru_cache(maxsize=1 << 16)
def institution_key(form: str) -> str | None:
    """A key for a state institution named by its state, whichever way round:
    "Iraqi government", "the government of Iraq", "Iraq's government" -> 'iraq|government'.
    None for anything else (a proper name such as "Government Accountability Office")."""
    if "(" not in form and "of" not in form.lower():  # then only a last word such as "army" can
        last = form.rsplit(None, 1)[-1:]
        if (
            not last
            or last[0].isascii()
            and last[0].isalpha()
            and last[0].lower() not in _INSTITUTIONS
        ):
            return None
    return _institution(form)


def collective_institution(form: str) -> tuple[str | None, str | None]:
    """(collective_key(form), institution_key(form)): a form with neither (most organisations)
    told by one look at its last word, without a cache entry for each; a form that may have one
    goes to the cached key (the articles of a story repeat their aliases: "council of Tegderno")."""
    if "(" not in form:
        last = form.rsplit(None, 1)[-1:]
        if not last:
            return None, None
        word = last[0]
        if word.isascii() and word.isalpha():
            head = word.lower()
            collective = word[0].islower() and (head.endswith("s") or head in _COLLECTIVE_SINGULAR)
            institution = head in _INSTITUTIONS or "of" in form.lower()
            return (
                collective_key(form) if collective else None,
                institution_key(form) if institution else None,
            )
    return collective_key(form), institution_key(form)


def _institution(form: str) -> str | None:
    """institution_key without its look for "of" and the last word first."""
    words = (_PAREN.sub(" ", form) if "(" in form else form).split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    if len(words) < 2:
        return None
    head = _word_key(words[-1])
    if head in _INSTITUTIONS:  # "Iraqi government", "Iraq's government"
        state = _state_key(words[:-1])
    else:
        if len(words) < 3 or words[1].lower() != "of" or _word_key(words[0]) not in _INSTITUTIONS:
            return None
        head = _word_key(words[0])  # "government of (the) Iraq"
        state = _state_key(words[2:])
    return f"{state}|{head}" if state else None
