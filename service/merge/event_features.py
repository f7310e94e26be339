"""What an event is made of, for matching events across articles: action types, numbers, dates.

Small general lexicons (English plus the main European languages where cheap), no model:
  * action types: the kind of thing that happened (attack, kill, resign, meet, ...) from verbs and
    their nominalisations ("attacked", "attack", "Angriff"); capitalised words other than the
    first are names ("Deal will retire"), not actions;
  * numbers: the cardinal numbers an event reports ("five rockets", "three soldiers", "2,500"),
    years and day-of-month numbers excluded;
  * date signature: the resolved date as an interval, or, for an article without a publication
    date, the weekday, month and day its date words name ("on Sunday", "in January");
  * stems for wording overlap: folded, stopwords and date words dropped, English suffixes
    stripped ("killing"/"killed"/"kills" -> "kill").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from service.extract.dates import date_hints
from service.merge.common import MARK_SWAPS, STOPWORDS, WORD, word_runs
from service.merge.names import PARTICLES, PLACE_WORDS, tokens

# Event types: prefixes of folded words (a prefix ending in '$' must match the whole word).
_TYPES: dict[str, tuple[str, ...]] = {
    "attack": (
        "attack", "assault", "strike", "struck", "airstrike", "raid", "bomb", "shell$", "shelled",
        "shelling", "ambush", "offensive", "launch", "target", "fired$", "opened fire",
        # fr, de, es, it, pt
        "attaqu", "attentat", "frapp", "bombard", "angriff", "angegriff", "anschlag", "ataque",
        "atac", "attacc", "ataqu",
    ),
    "kill": (
        "kill", "dead$", "death", "died$", "dies$", "die$", "slain", "slay", "fatal", "casualt",
        "murder", "assassin", "massacre", "lives$", "life$", "toll$",
        "tue$", "tues$", "tué", "tuee", "tuant", "morts$", "mort$", "deces", "getotet", "totete", "tote$",
        "toten$", "todesopfer", "muert", "mato$", "matar", "fallec", "uccis", "morti$", "morto$",
        "mortos$", "matou",
    ),
    "injure": (
        "injur", "wound", "hurt", "blesse", "verletz", "verwundet", "herid", "ferit", "ferid",
    ),
    "intercept": (
        "intercept", "shot down", "shoot down", "shooting down", "downed", "abattu", "abgefangen",
        "abgeschossen", "derrib", "abbatt",
    ),
    "leave_post": (
        "resign", "step down", "stepping down", "stepped down", "steps down", "stand down",
        "standing down", "quit", "retire", "retiring", "depart", "leave$", "leaves$", "leaving",
        "exit", "oust", "sacked", "dismiss", "stand for re", "demission", "rucktritt",
        "zurucktreten", "zuruckgetreten", "dimisi", "dimite", "dimett", "renunci", "aposent",
    ),
    "appoint": (
        "appoint", "nominat", "replac", "succeed", "successor", "elected", "hired", "promot",
        "take over", "took over", "taken over", "takes over", "nomme", "ernannt", "nachfolg",
        "nombra", "sucesor", "nomina", "nomead",
    ),
    "meet": (
        "meet", "met$", "visit", "talks$", "summit", "hosted", "rencontr", "sommet", "treffen",
        "traf$", "besuch", "gipfel", "reunion", "reunio", "cumbre", "incontr", "vertice", "encontr",
        "cupula",
    ),
    "urge": (
        "urge", "call on", "called on", "calls on", "calling on", "called for", "calls for",
        "calling for", "call for", "demand", "appeal", "exhort", "appel", "forder", "aufgefordert",
        "pide", "pidio", "exig", "chiede", "chiesto", "esort", "pediu",
    ),
    "announce": (
        "announc", "unveil", "declar", "proclaim", "annonc", "kundigt", "angekundigt",
        "bekanntgegeben", "anunci", "annunci",
    ),
    "deny": ("deny", "denied", "denies", "denial", "dement", "bestreit", "dementi", "nieg", "nego$"),
    "accident": (
        "crash", "collision", "collid", "blowout", "blew out", "blown out", "blow out", "explos",
        "explod", "blast", "derail", "collaps", "accident", "unfall", "absturz", "accidente",
        "incidente", "esplos", "explosao",
    ),
    "arrest": (
        "arrest", "detain", "detention", "indict", "convict", "sentenced", "jailed", "custody",
        "arrete", "festgenommen", "verhaftet", "detenid", "arrestat", "preso$",
    ),
    "agree": (
        "agree", "accord", "treaty", "ceasefire", "truce", "signed", "abkommen", "vereinbar",
        "acuerdo", "tregua", "acordo",
    ),
    "contest": ("win$", "wins$", "won$", "winning", "victory", "beat$", "defeat", "final$", "sieg"),
    "vote": ("vote", "voting", "election", "ballot", "referend", "wahl", "eleccion", "elezion"),
    "protest": ("protest", "demonstrat", "rally", "rallies", "manifest", "kundgebung"),
}  # fmt: skip


def _type_pattern(head: str | None = None) -> re.Pattern[str]:
    """The action-type pattern; with `head`, only the alternatives starting with those two
    letters (in the same order, so the first alternative that matches is the same)."""
    alts = []
    for kind, prefixes in _TYPES.items():
        parts = []
        for p in prefixes:
            if head is not None and not p.startswith(head):
                continue
            word = re.escape(p.rstrip("$")).replace(r"\ ", r"\s+")
            parts.append(word + (r"\b" if p.endswith("$") else r"\w*"))
        if parts:
            alts.append(f"(?P<{kind}>" + "|".join(sorted(parts, key=len, reverse=True)) + ")")
    # runs on lower-cased text; "won't" is not "won": no apostrophe and letter right after
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?!['’]\w)")


# Where a type word may start (the pattern's own look-behind, then three letters some type word
# begins with: every one has three or more), and the pattern cut to the alternatives with its
# first two letters: one dict look-up a candidate word instead of trying every alternative at
# every word. The candidates are found by one pattern, a tree of first, second and third letters
# (the regex engine passes over other words without a Python step). Each cut is compiled the
# first time a text needs it (compiling them all cost a one-article run 12 ms at import).
_TYPE_HEADS = frozenset(p[:2] for ps in _TYPES.values() for p in ps)


def _head_pattern() -> re.Pattern[str]:
    tree: dict[str, dict[str, set[str]]] = {}
    for ps in _TYPES.values():
        for p in ps:
            tree.setdefault(p[0], {}).setdefault(p[1], set()).add(p[2])
    alts = []
    for a, seconds in sorted(tree.items()):
        subs = [
            re.escape(b) + "[" + "".join(re.escape(c) for c in sorted(cs)) + "]"
            for b, cs in sorted(seconds.items())
        ]
        alts.append(re.escape(a) + "(?:" + "|".join(subs) + ")")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + ")")


_TYPE_START = _head_pattern()
_TYPE_BY_HEAD: dict[str, re.Pattern[str]] = {}


def _type_pattern_for(head: str) -> re.Pattern[str] | None:
    pat = _TYPE_BY_HEAD.get(head)
    if pat is None and head in _TYPE_HEADS:
        pat = _TYPE_BY_HEAD[head] = _type_pattern(head)
    return pat


_NUMBER_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "hundred": 100,
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "neuf": 9, "dix": 10,
    "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10,
    "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9,
    "diez": 10, "quattro": 4, "cinque": 5, "sette": 7, "dieci": 10, "duas": 2, "dois": 2,
    "sete": 7, "oito": 8, "dez": 10,
}  # fmt: skip
_MONTHS_AND_DAYS = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday janvier fevrier mars avril mai juin juillet aout septembre octobre novembre
    decembre enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre
    diciembre januar februar marz juni juli oktober dezember gennaio febbraio aprile maggio
    giugno luglio settembre ottobre dicembre janeiro fevereiro marco maio junho julho setembro
    outubro dezembro lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miercoles
    jueves viernes sabado domingo montag dienstag mittwoch donnerstag freitag samstag sonntag
    today yesterday tomorrow morning night evening afternoon week weekend month year day days
    earlier later last""".split()  # noqa: SIM905
)
# Function words of the main European languages (English ones come from common.STOPWORDS).
_FOREIGN_STOP = frozenset(
    """le la les des une est pour que dans pas qui sur avec sont aux par ont ete der die das und
    ist nicht ein eine den dem mit sich von auf auch wurde sind el los las que por una para con
    del como fue sus lo il che di non per sono della gli dei nel alla os uma com foi sua nos het
    een van zijn voor werd""".split()  # noqa: SIM905
)
_SKIP_STEMS = STOPWORDS | _FOREIGN_STOP | _MONTHS_AND_DAYS
_COMBINING = re.compile(r"[\u0300-\u036f]")
# Count candidates: a figure ("2,500", "16"; not inside a word, a decimal, a time or a path) and
# a number word. The figure pattern starts on its digit (the look-behind comes after it), so the
# regex engine skips to digits on its own; number words are looked for only in texts that have
# one among their words.
_NUMBER_DIGITS = re.compile(r"\d(?<![\w.,:/-]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?![\w%:/-]|[.,]\d)")
_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b")
_NUMBER_WORD_SET = frozenset(_NUMBER_WORDS)
_DIGITS = tuple("0123456789")
_NO_NUMBERS: frozenset[int] = frozenset()
# what may follow a number before its noun: up to two names or adjectives, no punctuation
_AFTER_NUMBER = re.compile(r"""(?:\s+["']?[^\W\d_][\w.'-]*){1,3}""")
_AFTER_WORD = re.compile(r"""["']?([^\W\d_][\w.'-]*)""")


def _fold_keep_case(text: str) -> str:
    if text.isascii():  # MARK_SWAPS change no ASCII character
        return text
    s = text
    # str.replace of one character is a C scan; str.translate with a dict looks up every character
    for a, b in MARK_SWAPS:
        s = s.replace(a, b)
    if s.isascii():
        return s
    return _COMBINING.sub("", unicodedata.normalize("NFKD", s))


class EventText(NamedTuple):
    """What read_texts() reads from an event text, and what actions() and name_words() need."""

    stems: frozenset[str]
    numbers: frozenset[int]
    kept: str  # folded
    low: str  # folded, lower case


def read_texts(texts: Sequence[str]) -> list[EventText]:
    """The stems and counts of each event text (one folding pass), and the folded text that
    actions() and name_words() read later: an event needs its action types only when an event of
    another article shares enough of its wording to be compared with it, its name words only when
    such a pair shares no participant or place."""
    out = []
    for text in texts:
        kept, low = _folded(text)
        words = word_runs(low)  # a list: repeats cost less than making a set of it
        out.append(EventText(_stems(words), _numbers(kept, low, words), kept, low))
    return out


def actions(t: EventText, names: frozenset[str]) -> tuple[str | None, frozenset[str]]:
    """The lead (first-named) action type and all the action types of a read text (a news
    sentence names its main action early). A capitalised word of one of the participants' `names`
    is a name, not an action ("Deal will retire": Stan Deal); other capitals count (German nouns)."""
    return _types(t.kept, t.low, names)


def name_words(t: EventText) -> frozenset[str]:
    """The capitalised words of a read text past a sentence start, date words aside (lower case,
    up to an apostrophe: "Biden's" -> biden)."""
    return _names(t.kept)


def text_stems(text: str) -> frozenset[str]:
    """read_texts()' stems of one text alone: all that an event needs when no event of another
    article can be compared with it (a story of one article), without the count scan, nor the
    action-type scan and the compiling of type patterns that a first scan costs."""
    return _stems(word_runs(_folded(text)[1]))


def _folded(text: str) -> tuple[str, str]:
    """The text folded (quote marks, dashes, accents) and its lower case, offsets aligned."""
    kept = _fold_keep_case(text)
    low = kept.lower()
    if len(low) != len(kept):  # a letter whose lower case is longer: keep offsets aligned
        low = "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in kept)
    return kept, low


def _type_matches(low: str) -> Iterator[re.Match[str]]:
    """_type_pattern().finditer(low), trying at each word start only the alternatives it can
    begin."""
    end = 0
    for w in _TYPE_START.finditer(low):
        start = w.start()
        if start < end:
            continue
        head = low[start : start + 2]
        pat = _type_pattern_for(head)
        if pat is None:
            continue
        m = pat.match(low, start)
        if m is not None:
            end = m.end()
            yield m


def _types(kept: str, low: str, names: frozenset[str]) -> tuple[str | None, frozenset[str]]:
    out: set[str] = set()
    lead: str | None = None
    for m in _type_matches(low):
        if names and kept[m.start()].isupper():
            word = WORD.match(low, m.start())
            if word is not None and word.group(0) in names:
                continue
        kind = m.lastgroup
        if kind:
            out.add(kind)
            lead = lead or kind
    return lead, frozenset(out)


def _number_candidates(low: str, words: Iterable[str]) -> Iterator[tuple[int, int]]:
    """(value, end) of each figure and number word in `low` (its \\w+ words are `words`)."""
    for m in _NUMBER_DIGITS.finditer(low):
        digits = m.group(0)
        n = int(digits.replace(",", ""))
        if 1900 <= n <= 2099 and "," not in digits:
            continue
        if n <= 31:
            before = WORD.findall(low, max(0, m.start() - 12), m.start())
            if before and before[-1] in _MONTHS_AND_DAYS:
                continue
        yield n, m.end()
    if not _NUMBER_WORD_SET.isdisjoint(words):
        for m in _NUMBER_WORD.finditer(low):
            yield _NUMBER_WORDS[m.group(1)], m.end()


def _numbers(kept: str, low: str, words: Iterable[str]) -> frozenset[int]:
    """Counts of 2 or more that an event reports: a number followed by a lower-case noun, at most
    two words (names, adjectives: "three U.S. soldiers", "16 PMF fighters") apart. Years, days
    next to a month name, ages ("Calhoun, 67,", "56-year-old"), times and model numbers
    ("737 Max") are not counts."""
    # no figure and no number word: nothing to read (nearly half the texts). An ASCII text's
    # digits are its only \d: one C scan a digit, not a regex step a character
    if (
        low.isascii()
        and not any(map(low.__contains__, _DIGITS))
        and _NUMBER_WORD_SET.isdisjoint(words)
    ):
        return _NO_NUMBERS
    out: set[int] = set()
    for n, end in _number_candidates(low, words):
        if n < 2 or n in out:
            continue
        tail = _AFTER_NUMBER.match(kept, end)
        if tail is None:
            continue
        for w in _AFTER_WORD.findall(tail.group(0)):
            word = w.strip(".'-")
            if not word:
                break
            low_w = word.lower()
            if low_w in _MONTHS_AND_DAYS or (word[0].islower() and low_w in STOPWORDS):
                break
            if word[0].islower():
                if len(word) >= 3:
                    out.add(n)
                break
    return frozenset(out)


def event_stem(word: str) -> str:
    """Light English suffix stripping, then a 6-letter prefix: attack/attacks/attacked -> attack.

    Words are 5 letters or more past the first test, so every suffix but 'ies' and 'ing' leaves
    3 letters; a word ending in 'ss' keeps its ending."""
    if len(word) <= 4 or word.isdigit():
        return word
    last = word[-1]
    if last == "s":
        if word[-2] != "s":
            if word.endswith("ies") and len(word) >= 6:
                word = word[:-3] + "y"
            elif word[-2] == "e":
                word = word[:-2]
            else:
                word = word[:-1]
    elif last == "g":
        if word.endswith("ing") and len(word) >= 6:
            word = word[:-3]
    elif last == "d" and word[-2] == "e":
        word = word[:-2]
    last = word[-1]
    if last == word[-2] and last in _DOUBLED_OK:
        word = word[:-1]
    if len(word) > 4 and word[-1] == "e":
        word = word[:-1]
    return word[:6]


# a doubled final consonant that is dropped ("stopp" -> "stop"; ll, ss and zz are kept)
_DOUBLED_OK = frozenset("bcdfghjkmnpqrtvwxy")


class _StemTable(dict[str, str | None]):
    """word -> its stem, or None for a word that does not count (too short, a stopword or a date
    word); filled on first look-up, so a map() over it stays in C for known words; cleared when
    it grows past MAX_STEMS.

    MAX_STEMS is small for the reason stories._TermTable's cap is: a language's common words fill
    it again within a few stories, while a table of every word met grows with the input (10,000
    synthetic digests: 565,000 words) and a look-up in it mostly misses the processor's caches.
    Measured over read_texts (CPU, 10,000 synthetic digests, shared machine): 3.39-3.57 s with a
    1,048,576-word cap, 3.07 s with 8,192.
    """

    def __missing__(self, w: str) -> str | None:
        keep = (len(w) > 2 or w.isdigit()) and w not in _SKIP_STEMS
        st = self[w] = event_stem(w) if keep else None
        return st


MAX_STEMS = 1 << 13
_STEMS = _StemTable()


def _stems(words: Iterable[str]) -> frozenset[str]:
    """Stems of a text's \\w+ words (folded, lower case; repeats allowed: the list findall gives
    costs less than a set of it)."""
    if len(_STEMS) > MAX_STEMS:
        _STEMS.clear()
    # stems are never empty: filter(None) drops exactly the words that do not count
    return frozenset(filter(None, map(_STEMS.__getitem__, words)))  # type: ignore[arg-type]


# A capital past a sentence start: not after a sentence end and a space, not inside a word, not
# at the very start (the scan starts at 1). It starts on its capital, the look-behinds after it,
# so the regex engine skips to capitals on its own.
_NAME = re.compile(r"[A-Z](?<![.!?:\"]\s[A-Z])(?<!\w[A-Z])[\w'-]+", re.UNICODE)
# The same scan, giving each name up to its first apostrophe ("Biden's" -> "Biden"), so that the
# lower case is mapped in C. A lone capital, which _NAME skips, gives a one-letter word, dropped.
_NAME_HEAD = re.compile(r"([A-Z](?<![.!?:\"]\s[A-Z])(?<!\w[A-Z])[\w-]*)[\w'-]*", re.UNICODE)


def _names(kept: str) -> frozenset[str]:
    if "\u03a3" in kept:  # a capital sigma lower-cases by what follows it, past an apostrophe too
        out = {w.lower().split("'")[0] for w in _NAME.findall(kept, 1)}
    else:
        out = set(map(str.lower, _NAME_HEAD.findall(kept, 1)))
    out -= _SKIP_STEMS
    return frozenset(w for w in out if len(w) > 1)


@lru_cache(maxsize=1 << 14)
def interval(value: str | None) -> tuple[dt.date, dt.date] | None:
    """'2024' -> whole year, '2024-04' -> whole month, '2024-04-21' -> that day."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
        day = dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None
    return day, day


def gap_days(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two intervals; 0 when they overlap."""
    if a[1] < b[0]:
        return (b[0] - a[1]).days
    if b[1] < a[0]:
        return (a[0] - b[1]).days
    return 0


@dataclass(frozen=True, slots=True)
class DateSig:
    """An event's date: a resolved interval, or what its date words say (weekday, month, day)."""

    span: tuple[dt.date, dt.date] | None
    full: bool = False  # span is one day
    weekday: int | None = None
    month: int | None = None
    day: int | None = None


@lru_cache(maxsize=1 << 14)
def date_sig(value: str | None, words: str | None) -> DateSig:
    span = interval(value)
    if span is not None:
        return DateSig(span, full=span[0] == span[1])
    h = date_hints(words)
    return DateSig(None, weekday=h.weekday, month=h.month, day=h.day)


def _circular(a: int, b: int, n: int) -> int:
    d = abs(a - b) % n
    return min(d, n - d)


def date_relation(a: DateSig, b: DateSig, tolerance: int) -> tuple[str, int]:
    """('exact' | 'within' | 'near' | 'conflict' | 'unknown', days apart).

    exact: the same day; within: one interval inside the other (or the same weekday/month named
    by undated articles); near: full days at most `tolerance` apart (sources disagree on a date
    by a day or two); conflict: farther apart, or different months.
    """
    if a.span is not None and b.span is not None:
        gap = gap_days(a.span, b.span)
        if gap == 0:
            return ("exact" if a.full and b.full else "within"), 0
        if gap <= tolerance and (a.full or b.full):
            return "near", gap
        return "conflict", gap
    if a.span is None and b.span is None:
        if a.month is not None and b.month is not None:
            if a.month != b.month:
                return "conflict", 28
            if a.day is not None and b.day is not None:
                gap = abs(a.day - b.day)
                if gap == 0:
                    return "exact", 0
                return ("near" if gap <= tolerance else "conflict"), gap
            return "within", 0
        if a.weekday is not None and b.weekday is not None:
            gap = _circular(a.weekday, b.weekday, 7)
            return ("within", 0) if gap == 0 else ("near", gap)
        return "unknown", 0
    dated, words = (a, b) if a.span is not None else (b, a)
    assert dated.span is not None
    lo, hi = dated.span
    if words.month is not None:
        if words.day is not None:
            gaps = []
            for year in (lo.year - 1, lo.year, hi.year + 1):  # "Jan. 2" near a late-December date
                try:
                    day = dt.date(year, words.month, words.day)
                except ValueError:
                    continue
                gaps.append(gap_days(dated.span, (day, day)))
            if not gaps:
                return "unknown", 0
            gap = min(gaps)
            if gap == 0:
                return ("exact" if dated.full else "within"), 0
            if gap <= tolerance:
                return "near", gap
            return "conflict", gap
        months = {(lo.year, lo.month), (hi.year, hi.month)}
        if (hi - lo).days > 62 or any(m == words.month for _, m in months):
            return "within", 0
        return "conflict", 28
    if words.weekday is not None and dated.full:
        gap = _circular(lo.weekday(), words.weekday, 7)
        return ("within", 0) if gap == 0 else ("near", gap)
    return "unknown", 0


@lru_cache(maxsize=1 << 16)
def place_words(form: str | None) -> frozenset[str]:
    """Place-name words of a location ("Syria's Hasaka province" -> syria, hasaka)."""
    if not form:
        return frozenset()
    form = re.sub(r"[’']s\b", "", form)
    return frozenset(
        t
        for t in tokens(form)
        if t not in PLACE_WORDS
        and t not in PARTICLES
        and len(t) > 1
        and not t.isdigit()
        and t not in _DIRECTIONS
    )


_DIRECTIONS = frozenset(
    """north south east west northern southern eastern western central northeastern
    northwestern southeastern southwestern north-east north-west south-east south-west near
    outside and""".split()  # noqa: SIM905
)
