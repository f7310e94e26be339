"""Actor name mentions for the offline engine: capitalised runs split into names and the
organisations in their titles (collectives such as 'Iraqi forces' are in
service.extract.collectives)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from service.extract import lexicon_intl as intl
from service.extract import suffix_tr
from service.extract.memo import Memo
from service.extract.name_gender import (
    first_name_before,
    gender,
    given_names,
    is_given,
    noun_before_name,
)
from service.extract.name_span_intl import given_start
from service.extract.names import (
    CONNECTORS,
    DEMONYMS,
    GROUP_WORDS,
    MONTHS,
    NON_ACTOR_WORDS,
    NON_NAME_ADJ,
    ORG_WORDS,
    PLACE_ACRONYMS,
    PLACES,
    POSTNOMINALS,
    PRONOUNS,
    QUOTE_CHARS,
    RANKS,
    ROLE_NOUNS,
    STOPWORDS,
    VENUE_SUFFIXES,
    WEEKDAYS,
    Doc,
    is_acronym,
    is_cap,
    low,
    name_key,
    split_titled,
    strip_affiliation,
    strip_possessive,
)
from service.extract.other_readings import surname_start, surnames_read_otherwise
from service.extract.word_scan import capitalised_inside, is_lower_word, start_tokens

FACILITY = frozenset(["base", "outpost", "camp", "airport", "airbase"])
_ROLE_JOIN = ROLE_NOUNS | {"former", "acting", "deputy", "senior", "interim", "then"}


@dataclass(slots=True)
class Mention:
    """One written occurrence of a would-be actor."""

    start: int
    end: int
    surface: str  # as written, titles included
    name: str  # bare name
    role: str | None = None
    quoted: bool = False
    kind: str = "name"  # name | acronym | collective | anonymous
    after_num: bool = False  # '737 Max': a model name, not an actor (not '№2 Марина Лебедева')


def _headline(d: Doc, pi: int, lang: str) -> bool:
    """A title-case line (subheading) with no sentence punctuation: its capitals prove nothing."""
    s, e = d.paras[pi]
    line = d.text[s:e].strip()
    if not line or line[-1] in ".!?:”\"’'“«»" or len(line) > 120 or ". " in line:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    if len(words) < 3:
        return False
    # German capitalises every noun: only a line of nearly all capitals is a title-case heading
    share = 0.9 if lang == "de" else 0.6
    return sum(w[0].isupper() for w in words) / len(words) >= share


_ELIDED = ("l'", "d'", "dell'", "dall'", "nell'", "all'", "sull'")
_DASHES = frozenset(["—", "–", "-"])
_DATELINE_PUNCT = frozenset([",", ".", "(", ")", "/"])


def _dateline(d: Doc, k: int) -> bool:
    """'PARIS —', 'SAN JOSE, Calif. —', 'WASHINGTON (AP) —': the place line opening a paragraph."""
    w = d.words
    if not w[k].isupper() or len(w[k]) < 2:
        return False
    if (
        k > 0
        and d.para[k - 1] == d.para[k]
        and not (w[k - 1].isupper() or w[k - 1] in _DATELINE_PUNCT)
    ):
        return False  # the word before it in its paragraph is no capital or mark: the common case
    p0 = d.tok_at(d.paras[d.para[k]][0])
    if k - p0 > 6 or any(not (x.isupper() or x in _DATELINE_PUNCT) for x in w[p0:k]):
        return False
    j = k
    while j < len(w) and j - k < 8 and d.para[j] == d.para[k]:
        x = w[j]
        if x in _DASHES:
            return j > k
        if x.isupper() or x in _DATELINE_PUNCT:
            j += 1
        elif x[0].isupper() and len(x) <= 6 and j + 1 < len(w) and w[j + 1] == ".":
            j += 2  # 'Calif.'
        else:
            return False
    return False


# German articles (and article-prepositions) before a capitalised common noun.
_DE_ARTICLES = frozenset((
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
    "im", "am", "zum", "zur", "vom", "beim", "ins", "kein", "keine", "keinen", "keinem", "keiner",
    "jeder", "jede", "jedes", "dieser", "diese", "dieses", "diesem", "diesen",
))  # fmt: skip
# German prepositions before a common noun that takes a genitive ('laut Angaben der Polizei').
_DE_PREPOSITIONS = frozenset(
    ("nach", "laut", "mit", "aus", "von", "bei", "seit", "vor", "wegen", "trotz", "gemäß", "gemäss")
)


def _foreign_non_name(d: Doc, k: int, lx: str, lang: str) -> bool:
    """A capitalised word in French, German, Spanish, Italian, Portuguese or Dutch text that
    starts no name: a sentence-initial article or preposition ('Des', 'Laut', 'Gli'), a title's
    portfolio ('ministre des Transports'), or a German common noun after its article."""
    w = d.words
    nxt = w[k + 1] if k + 1 < len(w) else ""
    initial = d.sent_start[k] or k > 0 and w[k - 1] in ("—", "–")
    if lx in intl.FUNCTION_WORDS and (initial or not is_cap(nxt)):
        return True
    prev = low(w[k - 1]) if k > 0 else ""
    if (
        prev in _LINK_WORDS
        and k > 1
        and low(w[k - 2]) in ROLE_NOUNS
        and not is_cap(w[k - 2])
        and not any(intl.ORG_WORDS.__contains__(low(x)) for x in (w[k], nxt))
    ):
        return True
    if lang == "de" and not is_cap(nxt) and not is_acronym(w[k]):
        back = prev
        if k > 1 and back and w[k - 1][0].islower() and back not in _DE_ARTICLES:
            back = low(w[k - 2])  # 'einen bundesweiten Streik'
        if back in _DE_ARTICLES and lx not in ORG_WORDS and lx not in PLACES:
            return True
        if prev in _DE_PREPOSITIONS and nxt in ("der", "des"):
            return True  # 'nach Angaben der Verwaltung': a noun before its genitive, no name
    return False


def _name_particle(d: Doc, i: int, j: int) -> bool:
    """'Pieter de Groot', 'Ursula von der Leyen', 'Lula da Silva': a lower-case particle inside a
    personal name (the run so far is one to three plain capitalised words)."""
    w = d.words
    if w[j] not in intl.SURNAME_PARTICLES:
        return False
    # the name starts after an honorific before it: 'State prosecutor Adv. Pieter van Wyk'
    i = max((t + 1 for t in range(i, j) if low(w[t]) in RANKS), default=i)
    if i >= j or j - i > 4:
        return False
    k = j + 1
    while k < len(w) and w[k] in intl.SURNAME_PARTICLES and k - j < 2:
        k += 1
    if k >= len(w) or not w[k][:1].isupper() or d.para[k] != d.para[i]:
        return False
    if (
        w[j] in ("van", "von")
        and j - i == 2
        and is_given(low(w[i]))
        and not is_given(low(w[i + 1]))
        and k + 1 < len(w)
        and is_cap(w[k + 1])
    ):
        return False  # 'Sander Kuipers van Weerdienst Noord': a full name, then what it is of
    return all(
        x in intl.SURNAME_PARTICLES
        or x[0].isupper()
        and not x.isupper()
        and low(x) not in ORG_WORDS
        and low(x) not in PLACES
        and low(x) not in ROLE_NOUNS
        for x in w[i:j]
    )


_LINK_WORDS = frozenset((
    "de", "du", "des", "del", "della", "delle", "dei", "degli", "da", "do", "dos", "das", "di",
    "van", "der", "den", "von", "of",
))  # fmt: skip


def union(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping union of regions (nested quotations fold into their parent)."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(regions):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def in_regions(pos: int, merged: list[tuple[int, int]]) -> bool:
    """Is `pos` inside one of the `merged` regions (see union)? Binary search keeps long texts linear."""
    i = bisect.bisect_right(merged, (pos, float("inf"))) - 1
    return i >= 0 and merged[i][0] <= pos < merged[i][1]


def _start_word(word: str) -> tuple[str, str] | None:
    """The tests of find_candidates' can_start that depend on the word alone: None when the word
    can start no name, else the word without its possessive and its low() form."""
    c = word[0]
    if not c.isupper() and not (
        c in "aeubimo" and ("-" in word or "'" in word or "’" in word) and is_cap(word)
    ):
        return None  # most tokens: a cheap exit
    x = strip_possessive(word)
    lx = low(x)
    if lx in ("the", "a", "an") or lx.endswith(("'s", "'re", "'ll", "'d")):
        return None
    if c.islower() and lx.startswith(_ELIDED):
        return None  # "all'Ansa", "dell'Economia": a preposition fused to a name
    if not is_cap(x) or lx in MONTHS or lx in WEEKDAYS or lx in PRONOUNS:
        return None
    if x.isupper() and len(x.replace(".", "")) > 7:
        return None
    if "-" in x and x.rsplit("-", 1)[1][:1].islower() and not lx.startswith(("al-", "el-")):
        return None  # 'US-led', 'Iran-backed': adjectives
    return x, lx


def _run_word(x: str) -> tuple[str, bool, bool, bool, bool]:
    """What find_candidates' run loop reads from a word alone: its low() form, whether it is a
    capitalised word other than a month or weekday, whether it is a connector, whether it may
    join a run before a capitalised word (a connector other than 'and' and '&', or a title word),
    and whether it is a title word."""
    lx = low(x)
    conn = lx in CONNECTORS
    role_join = lx in _ROLE_JOIN
    return (
        lx,
        is_cap(x) and lx not in MONTHS and lx not in WEEKDAYS,
        conn,
        conn and lx not in ("and", "&") or role_join,
        role_join,
    )


_RUN_WORDS: Memo[str, tuple[str, bool, bool, bool, bool]] = Memo(_run_word, 16384)


_FACILITY_MODS = frozenset(["military", "air", "naval", "army"])
_LOW: Memo[str, str] = Memo(low, 32768)


def find_candidates(d: Doc, regions: list[tuple[int, int]]) -> list[Mention]:
    """Name mentions from capitalised runs; `regions` are the quotations (marks included)."""
    regions = union(regions)
    w = d.words
    n = len(w)
    text = d.text
    para, sent_start, starts, ends = d.para, d.sent_start, d.starts, d.ends
    lang = intl.language(text)
    foreign = lang != "en"
    headlines = {pi for pi in range(len(d.paras)) if _headline(d, pi, lang)}
    caps_mid: dict[str, bool] = {}  # a capitalised word is written inside a sentence too
    lower_words: dict[str, bool] = {}  # is_lower_word(text, word), asked once per word
    out: list[Mention] = []
    append = out.append
    after = 0
    ri, nr = 0, len(regions)  # the first quotation not ending before the run: runs come in order
    # the memos read through their bound __getitem__: a dict subclass's subscription goes
    # through a slower generic slot in CPython
    lows, run_word, run_parts = _LOW.__getitem__, _RUN_WORDS.__getitem__, _RUN_PARTS.__getitem__

    def sentence_opener(k: int, x: str, lx: str) -> bool:
        """can_start for a word opening a sentence (or a quotation): no name when it is a
        lower-case word elsewhere, a stop word, a bare title or an -ing/-ly adverb."""
        if k + 1 < n and para[k + 1] == para[k] and first_name_before(lx, w[k + 1]):
            return True  # 'Bill Millis said', 'Carly Fiorina threw': no lower-case word there
        if lx in STOPWORDS or foreign and k + 2 < n and noun_before_name(lx, w[k + 1], w[k + 2]):
            return False  # 'Ordföranden Bengt Ekdahl': a noun, then the name
        got = lower_words.get(lx)
        if got is None:
            got = lower_words[lx] = is_lower_word(text, lx)
        if got:
            return False
        if sent_start[k] and lx in _ROLE_JOIN:
            # 'Councilman David Okafor said' opens with a title; 'Officials said' names nobody
            return (
                lx in ROLE_NOUNS
                and k + 2 < n
                and is_cap(w[k + 1])
                and is_cap(w[k + 2])
                and lows(w[k + 1]) not in STOPWORDS
                and lows(w[k + 1]) not in _ROLE_JOIN
                and para[k + 2] == para[k]
            )
        if (lx.endswith("ing") or lx.endswith("ly")) and lx not in PLACES:
            # written capitalised inside a sentence too? (the places it is written, found in C)
            got = caps_mid.get(x)
            if got is None:
                got = caps_mid[x] = capitalised_inside(w, sent_start, x)
            return got
        return True

    start_word = _START_WORDS.__getitem__
    surnames = surnames_read_otherwise(d)
    for i in start_tokens(text, w, starts):
        if i < after:
            continue
        # can the word start a name here? (the word's own tests, then those of its context)
        got = start_word(w[i])
        if got is None and (not surnames or not (got := surname_start(w, i, surnames))):
            continue
        x, lx = got
        wi = w[i]
        if len(x) == 1 and i + 1 < n and w[i + 1] == ":":
            continue  # 'Q:' / 'A:' in an interview
        if wi.isupper() and _dateline(d, i):  # only an upper-case word opens a dateline
            continue
        if foreign and _foreign_non_name(d, i, lx, lang):
            continue
        pi = para[i]
        if headlines and pi in headlines:
            continue
        if (
            sent_start[i]
            or i > 0
            and w[i - 1] in QUOTE_CHARS
            and ends[i - 1] == starts[i]
            and (starts[i - 1] == 0 or not text[starts[i - 1] - 1].isalnum())
        ):
            if not sentence_opener(i, x, lx):
                continue
        elif x == "I" and (lx in STOPWORDS or is_lower_word(text, lx)):
            continue
        # the run: capitalised words, and the connectors and titles joining them
        j = i + 1
        while j < n and para[j] == pi:
            x = w[j]
            if len(x) == 1 and x not in "&’'" and not x.isalnum() and not x.isupper():
                break  # a mark (',', '.', '(') ends the run: none of the tests below passes
            lx, cap, conn, join, role_join = run_word(x)
            if (
                (cap or lx in surnames and "." not in x)
                and (
                    not w[j - 1].endswith(("’s", "'s"))
                    or lows(w[j - 1]) == "people's"
                    # "St. Brigid's Hospital", "St Mary's Cathedral": one name
                    or lows(wi) in ("st", "saint")
                    and (lx in ORG_WORDS or lx in VENUE_SUFFIXES)
                )
                or (
                    # 'Buckeye Power & Light', 'Halvorsen & Co': '&' joins one name, 'and' two
                    x == "&"
                    and j + 1 < n
                    and is_cap(w[j + 1])
                    or join
                    and j + 1 < n
                    and (is_cap(w[j + 1]) or role_join and lows(w[j + 1]) in _ROLE_JOIN)
                    and not (
                        # "St. Brigid's Hospital in Dublin": the place is where, not a name part
                        lx in ("in", "at")
                        and lows(w[j - 1]) in ORG_WORDS
                        and name_key(w[j + 1]) in PLACES
                    )
                    and (
                        not conn
                        or any(lows(t) in ORG_WORDS or lows(t) in GROUP_WORDS for t in w[i:j])
                        # 'Secretary of Defense': a title takes 'of' only right after it
                        or lx == "of"
                        and (lows(w[j - 1]) in RANKS or lows(w[j - 1]) in ROLE_NOUNS)
                        or lx == "ng"  # the Tagalog linker: 'Kilusang Magbubukid ng Hilaga'
                    )
                )
                or x in ("’", "'")
                and j + 1 < n
                and starts[j] == ends[j - 1]
                and is_cap(w[j + 1])
                and lows(w[j + 1]).startswith("al")
                or x in intl.SURNAME_PARTICLES  # (_name_particle's first test)
                and _name_particle(d, i, j)
            ):
                j += 1
            else:
                break
        # trailing connectors/roles never end a name
        while j - 1 > i:
            _, _, conn, _, role_join = run_word(w[j - 1])
            if conn or role_join and not is_cap(w[j - 1]):
                j -= 1
            else:
                break
        if foreign and j - i > 2:
            i = given_start(d, i, j)  # 'Wiceprezydent Radomia Paweł Górski': the name, no title
        elif j - i == 3 and sent_start[i] and _common_noun_opener(d, i):
            i += 1  # 'Developer Tom Bassett said': a job written with a capital at the start
        elif j - i == 3 and i and lows(w[i - 1]) == "for" and _common_noun_opener(d, i, False):
            i += 1  # 'County Executive for Trade Kiprono Cheruiyot': the portfolio, a title's
        s, e = starts[i], ends[j - 1]
        wl = w[j - 1]
        e -= len(wl) - len(strip_possessive(wl))  # 'Biden's': the mention ends before the 's
        if lang == "tr":
            e -= suffix_tr.ending_len(wl)  # 'Demir'e göre': the name ends before the case ending
        prev_num = i > 0 and w[i - 1][0].isdigit() and para[i - 1] == pi
        prev_num = prev_num and not (foreign and j - i > 1 and gender(f"{w[i]} {w[j - 1]}"))
        while ri < nr and regions[ri][1] <= s:
            ri += 1
        quoted = ri < nr and regions[ri][0] <= s  # in_regions(s, regions)
        # 'Tower 22 outpost', 'Kalsu military base', 'Rumaylan (Rmeilan) base': a facility is a place
        f = j
        if f + 2 < n and w[f] == "(" and is_cap(w[f + 1]) and w[f + 2] == ")":
            f += 3
        if f < n and w[f][0].isdigit() and len(w[f]) <= 4:
            f += 1
        if f < n and lows(w[f]) in _FACILITY_MODS:
            f += 1
        if (
            f < n
            and lows(w[f]) in FACILITY
            and para[f] == pi
            and (bare := name_key(strip_possessive(wl))) not in PLACES
            and bare not in PLACE_ACRONYMS
            and lows(wl) not in DEMONYMS
        ):
            e = ends[f]
            j = f + 1
        # the run's name mention, plus the organisation named in a role prefix
        parts = run_parts(text[s:e])
        if not parts and j - i == 1 and surnames and lows(strip_possessive(wl)) in surnames:
            parts = ((0, e - s, text[s:e], text[s:e], None),)  # 'Cuban said': Mark Cuban
        for a, b, part, name, role in parts:
            append(Mention(s + a, s + b, part, name, role, quoted, "name", prev_num))
        after = j
    return out


_Part = tuple[int, int, str, str, str | None]


def _common_noun_opener(d: Doc, i: int, opens: bool = True) -> bool:
    """The word opening a sentence (`opens`; else the portfolio after a title's 'for') before a
    known first name and a surname is no name of its own: no first name, place, demonym or body
    word, and (opening a sentence) never capitalised inside one."""
    x, lx = d.words[i], low(d.words[i])
    return (
        is_given(low(d.words[i + 1]))
        and not is_given(lx)
        and x.isalpha()
        and not x.isupper()
        and lx not in PLACES
        and lx not in DEMONYMS
        and lx not in ORG_WORDS
        and lx not in STOPWORDS
        and lx not in _ROLE_JOIN  # a title the run keeps as the name's role
        and lx not in RANKS
        and not (opens and capitalised_inside(d.words, d.sent_start, x))
    )


def _run_parts(surface: str) -> tuple[_Part, ...]:
    """The mentions of one run, as (start, end, surface, name, role) with offsets into the run:
    a pure function of the run's text, so a name written again costs one look-up."""
    out: list[_Part] = []
    s = 0
    t = split_titled(surface)
    name, affiliation = strip_affiliation(t.name.strip(" ’'"))
    if affiliation and name in surface:
        # 'Stadtrat Markus Weber von den Grünen': the party is no part of the name
        surface = surface[: surface.rindex(name) + len(name)]
    words = name.split()
    role = t.role
    if (
        len(words) > 2
        and low(words[-1]) in POSTNOMINALS
        and (t.name_offset or low(words[-1]) not in ORG_WORDS)
    ):
        # 'Hon. Jane Cowley MPL', 'Adv. Nomsa Khumalo SC': letters after a name are no part of it
        # ('Freiburg SC', with no title before it, stays a club); they are a role of their own:
        # 'the Dublin Mid-West TD said' names Eoin Mac Aodha TD
        role = role or words[-1]
        name = name[: name.rindex(words[-1])].rstrip(" ,")
        surface = surface[: surface.rindex(words[-1])].rstrip(" ,")
        words = words[:-1]
    while len(words) > 1 and low(words[0]) in CONNECTORS:
        name = name[len(words[0]) :].lstrip()
        words = words[1:]
    if not words:
        return ()
    lw = [low(x) for x in words]
    if all(x in DEMONYMS or x in NON_NAME_ADJ or x in RANKS or x in ROLE_NOUNS for x in lw):
        return ()
    # a first name opening a personal name is no document word ('Bill Millis' is no bill)
    given = len(lw) > 1 and lw[0] in given_names() and words[1][:1].isupper()
    cut = next(
        (k for k, x in enumerate(lw) if x in NON_ACTOR_WORDS and not (k == 0 and given)), None
    )
    if cut is not None:
        # 'Alaska Airlines Flight 1282' names the airline; 'Carabao Cup' names no actor
        if not any(x in ORG_WORDS for x in lw[:cut]):
            return ()
        name = " ".join(words[:cut])
        surface = surface[: surface.index(name) + len(name)] if name in surface else name
        words, lw = words[:cut], lw[:cut]
    if (
        len(words) == 1
        and "-" in name
        and all(
            p.lower() in PLACES or p.lower() in PLACE_ACRONYMS or is_acronym(p)
            for p in name.split("-")
        )
    ):
        return ()  # 'US-Iraq' is an adjective
    # drop leading demonyms and faith adjectives: 'Iraqi Shiite politicians' names nobody
    k = 0
    is_org = any(x in ORG_WORDS for x in lw)
    while k < len(words) - 1 and (
        (lw[k] in DEMONYMS or lw[k] in NON_NAME_ADJ)
        and lw[k] not in PLACES
        and not is_org
        or lw[k] in ("former", "acting", "deputy", "senior", "interim", "then")
    ):
        k += 1
    if k:
        off = name.index(words[k])
        name = name[off:]
    ns = (
        s
        + t.name_offset
        + (surface[t.name_offset :].index(name) if name in surface[t.name_offset :] else 0)
    )
    out.append((s if t.role else ns, s + len(surface), surface, name, role))
    if t.role:
        # "Boeing CEO Dave Calhoun": Boeing is mentioned too
        org = [
            x
            for x in t.role.split()
            if is_cap(x)
            and low(x) not in ROLE_NOUNS
            and low(x) not in RANKS
            and low(x) not in DEMONYMS
        ]
        if org and len(org) <= 3 and t.role.startswith(org[0]):
            o = " ".join(org)
            # "Jade's mum Tracey": the owner is 'Jade', without the 's
            o = o[: len(o) - len(org[-1]) + len(strip_possessive(org[-1]))]
            if o in surface:
                os_ = s + surface.index(o)
                out.append((os_, os_ + len(o), o, o, None))
    return tuple(out)


# the word facts and run parts find_candidates reads, kept across articles (pure functions of
# the word or the run's text: a name written again costs one dictionary look-up)
_START_WORDS: Memo[str, tuple[str, str] | None] = Memo(_start_word, 32768)
_RUN_PARTS: Memo[str, tuple[_Part, ...]] = Memo(_run_parts, 16384)
