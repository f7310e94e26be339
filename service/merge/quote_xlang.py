"""Which quotes in two languages may be one utterance: the words a translation keeps.

A translation keeps a quote's numbers (in digits or words: "forty" = "cuarenta" = 40, "6,000" =
"6.000"), its dates ("April" = "avril" = "abril", "Monday" = "lunes"), its names, and many of its
longer words as cognates ("economy" / "economía", "minutes" / "minuti", "alarm" / "allarme",
"identified" / "identificato"). Each content word (4+ letters and in no stopword list, or a
number) gets a key:

  numbers    digits without thousands separators ("6,000", "6.000", "6 000" -> 6000), numerals
             in words (English, French, German, Spanish, Italian, Portuguese, Dutch, Polish) ->
             their value, hundreds and thousands read whole whether written as one word or
             two ("Sechshundert", "seiscientos", "Sześćset", "six hundred", "40 mil");
  dates      month and weekday names in those languages -> @m1..@m12, @d1..@d7;
  time words units, the days next to today and the parts of a day ("semanas", "Wochen",
             "tygodnie" -> ~week; "ayer", "gestern" -> ~yesterday; "tonight", "stasera" ->
             ~today and ~night), from `xlang_lexicon.tsv`
             (locale data: scripts/build_xlang_lexicon.py);
  other      a spelling skeleton: doubled letters single, "ph" f, "th" t, "ct" t, "x" s, "y" i,
             "k" c ("allarme" -> alarme, "exactly" -> esatli, "esattamente" -> esatamente),
             without the "ge-" of a German or Dutch participle ("gekostet" -> costet).

Two skeletons (4+ letters) are cognates when they share their first five letters (all of a
4-letter word), or their first four and Levenshtein distance at most two over the first seven.

`xlang_score` matches two quotes' keys one to one and counts the matches (`score_pairs`, once
per story); `translations` turns the counts into the rule's lean for each pair (each side's best match in the other language,
with fewer shared words needed when both sides name one speaker), and quotes.py asks the judge.
Candidates across speakers come from `xlang_pairs` (a shared key), so a translation joins
whatever the outlets call the speaker (the disagreement is recorded on the cluster).

Where a bilingual dictionary table is installed (quote_gloss), words whose English senses meet
are shared words too, counted when two or more of them tie a pair (GLOSS_WORDS), and a shared
sense makes a candidate pair as a shared key does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from rapidfuzz.distance import Levenshtein

from service.merge.common import _ANY_LANG_WORD, MAX_BLOCK, STOPWORDS

SAME_SPEAKER_WORDS = 1
OTHER_SPEAKER_WORDS = 2
OTHER_SPEAKER_SHARE = 0.15
# words a dictionary ties (quote_gloss): one is any two quotes of a story on one subject
GLOSS_WORDS = 2
# and across speakers (nothing else vouches for the pair; two quotes on one subject share a few
# words), half the shorter side's content words
GLOSS_OTHER_SHARE = 0.5

# numerals in words (folded); "one" and its kin are articles too, and "once", "tres" and "due"
# are English or French words as well: left out
_NUMERAL_WORDS = (
    (2, "two deux zwei dos dois duas twee dwa dwie"),
    (3, "three trois drei tre drie trzy"),
    (4, "four quatre vier cuatro quattro quatro cztery"),
    (5, "five cinq funf cinco cinque vijf piec"),
    (6, "six sechs seis sei zes szesc"),
    (7, "seven sept sieben siete sette sete zeven siedem"),
    (8, "eight huit acht ocho otto oito osiem"),
    (9, "nine neuf neun nueve nove negen dziewiec"),
    (10, "ten dix zehn diez dieci dez tien dziesiec"),
    (11, "eleven onze elf undici"),
    (12, "twelve douze zwolf doce dodici twaalf"),
    (20, "twenty vingt zwanzig veinte venti vinte twintig"),
    (30, "thirty trente dreissig dreißig treinta trenta trinta dertig"),
    (40, "forty quarante vierzig cuarenta quaranta quarenta veertig"),
    (50, "fifty cinquante funfzig cincuenta cinquanta cinquenta vijftig"),
    (100, "hundred cent hundert cien ciento cento cem honderd"),
    (1000, "thousand mille tausend mil duizend"),
    (10**6, "million millions millionen millones millon milioni milione milhoes milhao miljoen"),
    (10**9, "billion billions milliard milliards milliarden milliarde miliardi"),
)
_NUMERALS = {w: value for value, ws in _NUMERAL_WORDS for w in ws.split()}
# hundreds and thousands written as one word with the numeral before them ("sechshundert",
# "zeshonderd", "seicento", "seiscientos", "szescset", "zweitausend", "duemila"): the endings
# and their value; the word is read when what comes before the ending is a numeral
_MULTIPLIERS = (
    (100, "hundert honderd cientos cientas centos centas cento cent set"),
    (1000, "tausend duizend mila mille"),
)
# "two thousand" is read as 2000; millions stay two numbers, as digits before them do ("2 million")
_SCALE_KEYS = frozenset({"#100", "#1000"})
_MULTIPLIER_ENDINGS = tuple(
    sorted(((w, value) for value, ws in _MULTIPLIERS for w in ws.split()), key=lambda x: -len(x[0]))
)
# month and weekday names; English "may" is a verb far more often than a month, and Portuguese
# weekdays are ordinals ("segunda", "quinta"): left out

_MONTHS = (
    "january janvier januar enero gennaio janeiro januari",
    "february fevrier februar febrero febbraio fevereiro februari",
    "march mars marz marzo marco maart",
    "april avril abril aprile",
    "mai mayo maggio maio mei",
    "june juin juni junio giugno junho",
    "july juillet juli julio luglio julho",
    "august aout agosto augustus",
    "september septembre septiembre setiembre settembre setembro",
    "october octobre oktober octubre ottobre outubro",
    "november novembre noviembre novembro",
    "december decembre dezember diciembre dicembre dezembro",
)
_DAYS = (
    "monday lundi montag lunes lunedi maandag",
    "tuesday mardi dienstag martes martedi terca dinsdag",
    "wednesday mercredi mittwoch miercoles mercoledi woensdag",
    "thursday jeudi donnerstag jueves giovedi donderdag",
    "friday vendredi freitag viernes venerdi vrijdag",
    "saturday samedi samstag sabado sabato zaterdag",
    "sunday dimanche sonntag domingo domenica zondag",
)
_DATES = {w: f"@m{i}" for i, ws in enumerate(_MONTHS, 1) for w in ws.split()}
_DATES.update({w: f"@d{i}" for i, ws in enumerate(_DAYS, 1) for w in ws.split()})
LEXICON_FILE = Path(__file__).with_name("xlang_lexicon.tsv")


def _read_lexicon(path: Path) -> dict[str, tuple[str, ...]]:
    """Folded word -> its '~notion' keys (one line a notion: its name, a tab, its words; a
    word for two notions, "tonight", is on a line named by both: "today+night")."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, words = line.partition("\t")
        keys = tuple("~" + n for n in name.split("+"))
        out.update({w: keys for w in words.split()})
    return out


_LEXICON = _read_lexicon(LEXICON_FILE)
_TIME_WORDS = {w: keys[0] for w, keys in _LEXICON.items() if len(keys) == 1}
_TWO_NOTIONS = {w: keys for w, keys in _LEXICON.items() if len(keys) > 1}
# function words of 4+ letters the stopword lists lack, in the languages above: no content
_MORE_FUNCTION = frozenset(
    """about after again against also among been before being could does every from have here into just
    like many more much must only other over same some such than that their them then there
    through until within without
    these they this those very were what when where which while will with would your
    alors aussi avait avec avoir cette comme dans depuis donc elle elles encore entre etait
    etre leur leurs mais meme nous notre pendant plus pour quand quel quelle sans selon sont
    sous toujours tous tout toute toutes tres vous aber hier alle auch dass denn diese dieser doch
    durch eine einem einen einer haben hatte jetzt kann mehr noch nach oder schon sein sind
    soll uber unsere unter viel waren werden wieder wird wurde zwischen ante aqui como cuando
    desde donde esta este esto estos hasta hemos mucho muy nada nuestro para pero porque
    puede sido sobre solo todo todos tambien tiene ahora anche ancora come cosa dopo essere
    hanno loro molto nella nelle perche piu poi quando quella quello questa questo sempre
    siamo sono stato tutti tutto voor maar niet ook zijn worden heeft""".split()  # noqa: SIM905
)
_FUNCTION = STOPWORDS | _ANY_LANG_WORD | _MORE_FUNCTION
_NUMBER = re.compile(r"\d+")
# thousands grouped by a point, a comma or a space ("12 000", French and Polish style)
_NUMBER_TEXT = re.compile(r"\d+(?:[.,]\d+|[ \u00a0\u202f]\d{3}(?!\d))*")
_THOUSANDS = re.compile(r"[.,\s](?=\d{3}(?!\d))")
_SPELLING = (("ph", "f"), ("th", "t"), ("ct", "t"), ("x", "s"), ("y", "i"), ("k", "c"))
_DOUBLE = re.compile(r"(\w)\1+")
# the adverb endings English "-ly" and Spanish, Italian, Portuguese "-mente" hide a shared stem
# ("exactly" / "esattamente" / "exactamente"); long words only ("family", "supply" stay)
# the German and Dutch past participle's "ge-" hides the stem other languages share
# ("gekostet", "gekost" / "cost"; "getestet" / "tested"); long words ending as participles only
_PARTICIPLE = re.compile(r"^ge(?=\w{3,}(?:t|d|en)$)")
_ADVERB = re.compile(r"(?<=\w{5})ly$|(?<=\w{4})mente$")


def _numeral(word: str) -> int | None:
    """The value of a numeral word, one written whole ("sechshundert" = 600) included."""
    got = _NUMERALS.get(word)
    if got is not None or len(word) < 6:
        return got
    for end, value in _MULTIPLIER_ENDINGS:
        if word.endswith(end):
            head = _NUMERALS.get(word[: -len(end)])
            return head * value if head is not None and head < 100 else None
    return None


@lru_cache(maxsize=1 << 15)
def word_key(word: str) -> str | None:
    """A folded word's key ('#40', '@m4', '~week', or its skeleton), or None for a function word."""
    got = _numeral(word)
    if got is not None:
        return f"#{got}"
    got_date = _DATES.get(word) or _TIME_WORDS.get(word)
    if got_date is not None:
        return got_date
    if len(word) < 4 or word in _FUNCTION or _NUMBER.search(word):
        return None
    word = _PARTICIPLE.sub("", _ADVERB.sub("", word))
    for a, b in _SPELLING:
        if a in word:
            word = word.replace(a, b)
    word = _DOUBLE.sub(r"\1", word)
    return word if len(word) >= 4 else None  # "well", "mill": too short to tell a cognate


def text_keys(text: str, words: tuple[str, ...]) -> tuple[str, ...]:
    """The keys of a quote's content words: the folded words (two for a word that names two
    time notions: "tonight" is ~today and ~night), with the numbers of the raw text read whole
    ("6,000" and "6.000" split into two words; 6000 either way)."""
    keys: list[str] = []
    before = 0  # the number the word before is (0: none; negative: written in digits)
    for w in words:
        two = _TWO_NOTIONS.get(w)
        if two is not None:
            keys.extend(two)
            before = 0
            continue
        k = word_key(w)
        if k is None:
            before = -int(w) if w.isdigit() and len(w) < 4 else 0
        elif before and k in _SCALE_KEYS:  # "six hundred", "40 mil": as "sechshundert", "40.000"
            if before > 0:
                keys[-1] = f"#{before * int(k[1:])}"
            else:  # the digits' own key comes from the text below
                keys.append(f"#{-before * int(k[1:])}")
            before = 0
        else:
            keys.append(k)
            before = int(k[1:]) if k[0] == "#" and int(k[1:]) < 100 else 0
    for num in _NUMBER_TEXT.findall(text):
        keys.append("#" + _THOUSANDS.sub("", num).replace(",", "."))
    return tuple(keys)


def _block(key: str) -> str:
    """What a key's cognates share: a number, date or time word whole, a skeleton's first four
    letters."""
    return key if key[0] in "#@~" else key[:4]


def _cognate(a: str, b: str) -> bool:
    """Whether two keys of one block match (skeletons: 4+ letters each)."""
    if a == b:
        return True
    if a[0] in "#@~":
        return False
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n] or Levenshtein.distance(a[:7], b[:7]) <= 2


def xlang_score(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    """How many keys of `a` match a key of `b`, one to one (each key is tried only against the
    keys of its block, in order)."""
    if len(a) > len(b):
        a, b = b, a
    free: dict[str, list[str]] = {}
    for k in b:
        free.setdefault(_block(k), []).append(k)
    hits = 0
    for k in a:
        pool = free.get(_block(k))
        if pool:
            for i, other in enumerate(pool):
                if _cognate(k, other):
                    hits += 1
                    del pool[i]
                    break
    return hits


class Form(Protocol):
    """What the translation rules read of a quote form (the quote stage's form objects)."""

    speaker: str | None
    words: tuple[str, ...]
    lang: str | None
    text: str
    xkeys: tuple[str, ...] | None


def form_keys(f: Form) -> tuple[str, ...]:
    if f.xkeys is None:
        f.xkeys = text_keys(f.text, f.words)
    return f.xkeys


def xlang_pairs(forms: Sequence[Form]) -> list[tuple[int, int]]:
    """Sorted form pairs in two languages that share a block (the part a cognate must share),
    whoever the speakers are; a block held by more than MAX_BLOCK forms is too common to tell
    anything and yields none (no step grows with the square of a story's quotes)."""
    from service.merge.quote_gloss import glosses

    by_block: dict[str, dict[str, list[int]]] = {}
    for i, f in enumerate(forms):
        if f.lang:
            blocks = {_block(k) for k in form_keys(f)}
            blocks.update("=" + e for senses in glosses(f.lang, f.words) for e in senses)
            for b in blocks:
                by_block.setdefault(b, {}).setdefault(f.lang, []).append(i)
    out: set[tuple[int, int]] = set()
    for langs in by_block.values():
        if len(langs) < 2 or sum(map(len, langs.values())) > MAX_BLOCK:
            continue
        groups = list(langs.values())
        for x, gi in enumerate(groups):
            for gj in groups[x + 1 :]:
                out.update((min(i, j), max(i, j)) for i in gi for j in gj)
    return sorted(out)


class Scored(NamedTuple):
    """What `score_pairs` finds of the pairs in two languages: (form i, form j, shared words) for
    each pair of comparable length sharing any, and each form's best count and its matches by
    language. Dictionary-tied words (quote_gloss) count across speakers only when they are a fair
    share of the pair, so the score reads the speakers: score again when they are read anew."""

    pairs: list[tuple[int, int, int]]
    best: dict[tuple[int, str | None], tuple[int, set[int]]]


def score_pairs(forms: Sequence[Form], pairs: Sequence[tuple[int, int]]) -> Scored:
    """The shared words (xlang_score, or the dictionary's ties where they count for more) of the
    pairs of comparable length, and each side's best match in the other language."""
    from service.merge.quote_gloss import content_words, gloss_score, glosses

    scored = []
    best: dict[tuple[int, str | None], tuple[int, set[int]]] = {}
    for i, j in pairs:
        a, b = forms[i], forms[j]
        la, lb = sum(map(len, a.words)), sum(map(len, b.words))
        if not 0.5 <= la / max(1, lb) <= 2.0:
            continue
        hits = xlang_score(form_keys(a), form_keys(b))
        glossed = gloss_score(glosses(a.lang, a.words), glosses(b.lang, b.words))
        if glossed >= GLOSS_WORDS and (
            (a.speaker is not None and a.speaker == b.speaker)
            or glossed >= GLOSS_OTHER_SHARE * min(content_words(a.words), content_words(b.words))
        ):
            hits = max(hits, glossed)
        if not hits:
            continue
        scored.append((i, j, hits))
        for x, y in ((i, j), (j, i)):
            got = best.get((x, forms[y].lang))
            if got is None or hits > got[0]:
                best[(x, forms[y].lang)] = (hits, {y})
            elif hits == got[0]:
                got[1].add(y)
    return Scored(scored, best)


def translations(forms: Sequence[Form], scored: Scored) -> list[tuple[int, int, bool, str]]:
    """(form i, form j, rule's lean, hint) for the scored pairs (score_pairs) worth a question:
    sharing enough words (numbers, dates, names, cognates: one when both sides name one speaker,
    two otherwise, as outlets name a speaker in their own way or the extractor finds none). The
    rule leans to one utterance when each is the other's best match in its language (a
    translation renders one quote; ties allowed, as two outlets may print the same English
    words) and, across speakers, the shared words are a fair share of the shorter side's keys
    (most words of a translation are no cognates)."""
    best = scored.best
    out = []
    for i, j, hits in scored.pairs:
        a, b = forms[i], forms[j]
        same = a.speaker is not None and a.speaker == b.speaker
        if hits < (SAME_SPEAKER_WORDS if same else OTHER_SPEAKER_WORDS):
            continue
        mutual = j in best[(i, b.lang)][1] and i in best[(j, a.lang)][1]
        share = hits / max(1, min(len(form_keys(a)), len(form_keys(b))))
        lean = mutual and (same or share >= OTHER_SPEAKER_SHARE)
        verdict = "same utterance" if lean else "kept apart"
        hint = (
            f"{hits} shared numbers/dates/names/cognates ({share:.2f} of the shorter side)"
            f"{', best match both ways' if mutual else ''}; {verdict}"
        )
        out.append((i, j, lean, hint))
    return out
