"""Offline event extraction: pick the article's event sentences and fill WHAT/WHEN/WHERE/WHO from them.

An event is one sentence of the article (its evidence, offsets exact), chosen because it reports an
action and names an actor, a date or a place; the lead sentence counts most. Its summary is the
cleaned sentence (or its main clause when long), its date the resolved date mention in it (or the
nearest earlier one in the same paragraph), its location a place named in it, its participants the
actors mentioned in it. Sentences that repeat an earlier event (a standfirst and the body) are
dropped, and the list is bounded.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
import unicodedata
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import itemgetter

from schemas import Actor, ActorType, Event, Span
from schemas.digest import MAX_PARTICIPANTS, is_partial_date
from service.extract.dates import DateMention, find_dates, shift_anchor
from service.extract.event_places import ActorKeys, event_place
from service.extract.quote_marks import PARA_RE
from service.extract.summary import Sentence, clean_sentence, lead_sentences
from service.ground import SourceText, mentions
from service.trusted import builder

__all__ = ["MAX_EVENTS", "content_words", "extract_events", "quoted_mask"]

MAX_EVENTS = 10
MIN_SCORE = 2.5
SUMMARY_SOFT_MAX = 240

_IRREGULAR_PAST = frozenset(
    [
        "said", "told", "met", "left", "took", "made", "held", "came", "went", "gave", "hit",
        "struck", "shot", "fought", "won", "lost", "began", "led", "fled", "sent", "spent", "rose",
        "fell", "broke", "brought", "bought", "built", "caught", "chose", "drove", "flew", "grew",
        "kept", "knew", "paid", "ran", "saw", "sold", "sought", "spoke", "stood", "stole", "swore",
        "threw", "wrote", "blew", "quit", "cut", "put", "beat", "became", "found", "got", "heard",
        "meant", "read", "sat", "slept", "stuck", "swept", "taught", "thought", "understood", "woke",
        "wore", "withdrew", "overtook", "undertook", "forbade", "arose"
    ]
)  # fmt: skip
_REPORTING = frozenset(
    [
        "says", "tells", "announces", "confirms", "warns", "urges", "calls", "reports", "reveals",
        "claims", "denies", "insists", "vows", "pledges", "plans", "accuses", "condemns"
    ]
)  # fmt: skip
_PAST_OR_REPORTING = _IRREGULAR_PAST | _REPORTING
_AUXILIARIES = frozenset(
    [
        "has", "have", "had", "is", "are", "was", "were", "will", "would", "won't", "won’t",
        "wouldn't", "wouldn’t", "didn't", "didn’t"
    ]
)  # fmt: skip
_MODALS = frozenset(
    [
        "will", "would", "won't", "won’t", "wouldn't", "wouldn’t", "didn't", "didn’t"
    ]
)  # fmt: skip
# Background and reader-service sentences: history recaps and links, not the news.
_BACKGROUND = re.compile(
    r"\b(?:previously|formerly|has long|have long|in the past|historically|there (?:is|are|was|were|have been|has been))\b",
    re.IGNORECASE,
)
_SERVICE = re.compile(
    r"\b(?:click here|read (?:the |his |her )?(?:full|more)|you can (?:read|watch|listen)|sign up|subscribe|follow us)\b|\bhere\.?$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*", re.UNICODE)
# Dates introduced by these words bound a period ("since February 4") rather than date the event.
_BOUNDING = re.compile(
    r"(?:\b(?:since|until|till|through|before|by|from|between)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|late\s+)?)$",
    re.IGNORECASE,
)

# A place named after these words is an origin, a target or a party, not where the event happened.
_NOT_SITE = re.compile(
    r"\b(?:from|by|and|between|against|with|toward|towards|on|to|for|than|or)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"^\s*(?:to|and|until|till|through|-|–|—)\s*$")
_STOPWORDS = frozenset(
    [
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by",
        "with", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
        "would", "can", "could", "should", "may", "might", "must", "it", "its", "this", "that",
        "these", "those", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
        "your", "him", "them", "us", "me", "who", "whom", "which", "what", "when", "where", "why",
        "how", "not", "no", "than", "then", "there", "here", "also", "said", "says", "say", "told",
        "after", "before", "over", "under", "into", "about", "against", "during", "since", "until",
        "while", "amid", "among", "up", "out", "off", "so", "if", "just", "all", "any", "some",
        "more", "most", "other", "such", "only", "own", "same", "too", "very", "s", "t", "do", "does",
        "did", "per", "via", "one", "two", "three"
    ]
)  # fmt: skip
_COMBINING = re.compile(r"[\u0300-\u036f]")
_ALNUM_RUN = re.compile(r"\w{2,}")  # the \w+ runs of two characters or more
_QUOTE_CHARS = "\"“”„«»‘’'"
# a mark with a letter or digit on both sides (an apostrophe: Trump's, don't) neither opens nor
# closes and is quoted exactly when the characters around it are: the scan passes over it
# ([^\W_] is str.isalnum's class), so the run from the mark before covers it
_QUOTE_MARK = re.compile(f"[{re.escape(_QUOTE_CHARS)}]" r"(?!(?<=[^\W_].)[^\W_])")
# pydantic's construction without its validation (service.trusted), for values already of their
# declared types; validation where a model needs its own construction
_event = builder(Event)
_span = builder(Span)


# the non-word, non-ASCII characters of most sentences (curly quotes, dashes, ellipsis, no-break
# space): none is a word character, nor is anything NFKD makes of them ("..." of the ellipsis, a
# space of the no-break space), so as spaces they end the same \w runs
_MARKS = ("\u2019", "\u201c", "\u201d", "\xa0", "\u2014", "\u2018", "\u2013", "\u2026")
# ASCII bytes as their lower case when they are word characters (\w: letters, digits, '_'), as
# a space when not: a bytes table, looked up per byte in C (a str.translate dict raised and
# caught a KeyError for every distinct letter it left as it was)
_ASCII_WORD_LOWER = bytes(
    ord(c.lower()) if c.isascii() and (c.isalnum() or c == "_") else 32
    for c in map(chr, range(256))
)
# the words content_words drops: the stopwords, and every one-character word of an ASCII text
_ASCII_DROPPED = _STOPWORDS.union(chr(i) for i in _ASCII_WORD_LOWER if i != 32)
_STEM = itemgetter(slice(None, 6))  # w[:6], called in C by map


def content_words(text: str) -> set[str]:
    """Folded content words (stopwords dropped, crude 6-letter stem) for overlap comparisons."""
    plain = text
    if not plain.isascii():
        for mark in _MARKS:
            plain = plain.replace(mark, " ")
    if plain.isascii():
        # the \w{2,} runs of an ASCII text (NFKD leaves it as it is) by one translation and a
        # split in C: tests/test_events_fast_paths.py compares this with the regex
        words = plain.encode("ascii").translate(_ASCII_WORD_LOWER).decode("ascii").split()
        return set(map(_STEM, set(words).difference(_ASCII_DROPPED)))
    folded = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()
    return set(map(_STEM, set(_ALNUM_RUN.findall(folded)).difference(_STOPWORDS)))


def quoted_mask(text: str) -> bytearray:
    """1 for every character inside quotation marks, paragraph by paragraph.

    Marks are classed by position, not glyph (some outlets type every double mark as ”): a mark
    after a space or line start and before a word opens, one after a word and before a space or
    punctuation closes; inside a word it is an apostrophe. A paragraph whose first mark closes a
    quotation it never opened, followed by at most a short attribution, continues a quotation
    from the paragraph before: all of it up to that mark is quoted.
    """
    mask = bytearray(len(text))
    n = len(text)
    for line in PARA_RE.finditer(text):
        ls, le = line.span()
        depth = 0
        orphan_close = -1
        opened = False
        run = ls  # characters from `run` to the next mark are quoted when depth > 0
        for m in _QUOTE_MARK.finditer(text, ls, le):
            i = m.start()
            if depth > 0:
                mask[run:i] = b"\x01" * (i - run)
            run = i + 1
            c = text[i]
            before = text[i - 1] if i > ls else " "
            after = text[i + 1] if i + 1 < n else " "
            opens = (before.isspace() or before in "([—–-") and not after.isspace()
            closes = not before.isspace() and (
                after.isspace() or after in ".,;:!?)—–-" or after in _QUOTE_CHARS or i + 1 >= le
            )
            if c in "«“„" and not closes:
                opens = True
            if opens:
                depth += 1
                opened = True
                continue
            if closes:
                if depth > 0:
                    depth -= 1
                elif c not in "'’" and not opened and orphan_close < 0:
                    orphan_close = i
                continue
            if depth > 0:
                mask[i] = 1
        if depth > 0:
            mask[run:le] = b"\x01" * (le - run)
        # ... unless what follows the mark is more than a short attribution ("he added.")
        if orphan_close >= 0 and len(text[orphan_close + 1 : le].split()) <= 6:
            mask[ls:orphan_close] = b"\x01" * (orphan_close - ls)
    return mask


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    score: float
    date: DateMention | None
    location: str | None
    participants: list[str]
    words: set[str]
    order: int


_START_END = itemgetter(0, 1)


def _actor_spans(text: str, actors: Sequence[Actor]) -> list[tuple[int, int, Actor]]:
    src: SourceText | None = None
    spans: list[tuple[int, int, Actor]] = []
    for actor in actors:
        found = [(m.start, m.end) for m in actor.mentions]
        if not found:
            src = src or SourceText(text)
            for name in dict.fromkeys([actor.name, *actor.aliases]):
                found.extend(mentions(name, src))
        spans.extend((s, e, actor) for s, e in found)
    spans.sort(key=_START_END)
    return spans


def _resolve_anaphora(dates: list[DateMention]) -> list[DateMention]:
    """Give "a day later" / "days later" a value from the nearest earlier resolved date."""
    out: list[DateMention] = []
    anchor: str | None = None
    for d in dates:
        if d.kind == "anaphoric":
            d = dataclasses.replace(d, value=shift_anchor(anchor, d.shift_days))
        if d.value is not None and (d.kind != "absolute" or len(d.value) > 4):
            anchor = d.value
        out.append(d)
    return out


def _is_verb_form(word: str) -> bool:
    lw = word.lower()
    return lw in _IRREGULAR_PAST or lw.endswith(("ed", "en", "ing")) or lw in {"be", "been", "not"}


def _has_action(sentence: str) -> bool:
    """A past-tense, reporting, perfect, progressive or future verb: something happened or will."""
    words = _WORD.findall(sentence)
    lws = list(map(str.lower, words))
    # any one word decides, so the set look-up goes first, all at once
    if not _PAST_OR_REPORTING.isdisjoint(lws):
        return True
    for i, w in enumerate(words):
        lw = lws[i]
        if lw.endswith("ed") and len(lw) >= 5 and w[0].islower():
            return True
        if lw in _AUXILIARIES:
            nxt = [x for x in words[i + 1 : i + 3] if not x.lower().endswith("ly")]
            if nxt and (lw in _MODALS or _is_verb_form(nxt[0])):
                return True
    return False


def _main_clause(summary: str) -> str:
    """Trim a long sentence to its main clause at the first clause break after its subject."""
    if len(summary) <= SUMMARY_SOFT_MAX:
        return summary
    for cut in (
        ", which ",
        ", who ",
        " – ",
        " — ",
        "; ",
        ", according to ",
        ", after ",
        ", as ",
        ", while ",
    ):
        i = summary.find(cut, 60)
        if 0 < i <= SUMMARY_SOFT_MAX:
            return summary[:i].rstrip(" ,;") + "."
    return summary


def _pick_date(
    sent: Sentence, dates: list[DateMention], text: str, starts: list[int]
) -> DateMention | None:
    """The first resolved date in the sentence that dates the event rather than bounding a period
    (`starts`: the dates' starts)."""
    # dates are sorted by start: look only at those inside the sentence (keeps long texts linear)
    lo = bisect.bisect_left(starts, sent.start)
    if lo == len(dates) or dates[lo].start >= sent.end:
        return None  # no date starts in the sentence (most sentences)
    usable: list[DateMention] = []
    prev: DateMention | None = None
    prev_bounding = False
    for d in dates[lo:]:
        if d.start >= sent.end:
            break
        if d.end > sent.end:
            continue
        bounding = bool(_BOUNDING.search(text[max(sent.start, d.start - 25) : d.start]))
        # the second end of a range ("between mid-October to February", "2018 and 2019")
        if prev is not None and prev_bounding and _RANGE_JOIN.match(text[prev.end : d.start]):
            bounding = True
        if not bounding:
            usable.append(d)
        prev, prev_bounding = d, bounding
    resolved = [d for d in usable if d.value is not None]
    if resolved:
        return resolved[0]
    return usable[0] if usable else None


_RANK_SCORE = {0: 3.0, 1: 1.5, 2: 0.5}  # the lead sentences' head start


def _score(
    sent: Sentence,
    rank: int,
    date: DateMention | None,
    participants: list[str],
    n_people: int,
    qmask: bytearray,
    ref_year: int | None,
    own_date: bool,
) -> float:
    """The sentence's score before its place and its action (see _PLACE_ACTION_MAX): every term
    is a multiple of 0.5, so the float sums are exact and their order cannot change a score.

    The terms after rank, date and people only subtract: when those three cannot reach MIN_SCORE
    even with the most a place and an action add, their sum is returned as it is (an upper bound
    that the caller drops the same way) and the costlier pattern and mask look-ups are skipped."""
    score = _RANK_SCORE.get(rank, 0.0)
    if date is not None:
        year = int(date.value[:4]) if date.value else None
        if year is not None and ref_year is not None and year < ref_year - 1:
            score -= 1.0  # history recap ("took over in 2015"), not the news
        else:
            score += (2.0 if date.value is not None else 1.0) if own_date else 0.5
    score += min(3.0, 1.5 * n_people) + (0.5 if len(participants) > n_people else 0.0)
    if score + _PLACE_ACTION_MAX < MIN_SCORE:
        return score
    low = _folded(sent.text)
    if _may_be_background(low) and _BACKGROUND.search(sent.text):
        score -= 1.0
    if _may_be_service(low) and _SERVICE.search(sent.text):
        score -= 5.0
    quoted = qmask.count(1, sent.start, sent.end) / max(1, sent.end - sent.start)
    opens_quoted = bool(qmask[sent.start + 1 : sent.start + 3].count(1))
    if quoted > 0.85:
        score -= 4.0
    elif quoted > 0.5 and opens_quoted:
        # speech with its attribution at the end: an event only when it is dated
        score -= 2.5 if date is not None else 4.0
    elif quoted > 0.5:
        score -= 1.0
    words = sent.text.split()
    if len(words) < 6:
        score -= 3.0
    elif len(words) > 70:
        score -= 1.0
    return score


# the most a place (+1.0) and an action (+1.0, else -2.0) can add to a sentence's score: a sentence
# that cannot reach MIN_SCORE even so is dropped before the costlier place and verb look-ups
_PLACE_ACTION_MAX = 2.0
# the first rank without a head start: from it on, a sentence with no date and no actor scores 0,
# short of MIN_SCORE even with a place and an action, and is dropped before any of its look-ups
# (tests/test_events_fast_paths.py compares this with the full scoring)
_BARE_FROM = len(_RANK_SCORE) if _PLACE_ACTION_MAX < MIN_SCORE else 1 << 62


def _place_action(location: str | None, sentence: str) -> float:
    return (1.0 if location else 0.0) + (1.0 if _has_action(sentence) else -2.0)


# strings one of which a match of _BACKGROUND / _SERVICE must hold (lower-case; a space in the
# patterns is a space): a sentence whose folded form holds none cannot match, and the cheap
# substring tests spare most sentences the regex (written out as `in` tests: a generator over a
# tuple of them costs twice as much). "here" is the phrase "click here", or the sentence's end
# (`here\.?$`: at the very end, or before a final newline): the word alone is in "there",
# "where" and "here", and sent every other sentence to the regex.
def _may_be_background(folded: str) -> bool:
    return (
        "there " in folded
        or " long" in folded
        or "previously" in folded
        or "formerly" in folded
        or "in the past" in folded
        or "historically" in folded
    )


_HERE_AT_END = ("here", "here.", "here\n", "here.\n")


def _may_be_service(folded: str) -> bool:
    return (
        folded.endswith(_HERE_AT_END)
        or "click here" in folded
        or "read " in folded
        or "you can " in folded
        or "sign up" in folded
        or "subscribe" in folded
        or "follow us" in folded
    )


# the characters besides A-Z that re.IGNORECASE matches to an ASCII letter (İ and ı to i, ſ to s,
# the Kelvin sign to k); their lower case is not that letter (but for the Kelvin sign's)
_CASE_EXTRAS = re.compile("[\u0130\u0131\u017f\u212a]")
_CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _folded(text: str) -> str:
    """Lower case in which every stretch the patterns above match case-insensitively to ASCII
    letters reads as those letters, in lower case."""
    if not text.isascii() and _CASE_EXTRAS.search(text):
        text = text.translate(_CASE_FOLD)
    return text.lower()


def _duplicate(a: _Candidate, b: _Candidate) -> bool:
    if not a.words or not b.words:
        return False
    shared = len(a.words & b.words)
    overlap = shared / min(len(a.words), len(b.words))
    if overlap < 0.4:  # jaccard <= overlap: no test below can pass
        return False
    jaccard = shared / (len(a.words) + len(b.words) - shared)  # |a | b|, without building it
    if jaccard >= 0.5 or overlap >= 0.8:
        return True
    same_who = bool(a.participants) and set(a.participants) == set(b.participants)
    da = a.date.value if a.date else None
    db = b.date.value if b.date else None
    if same_who and overlap >= 0.6:
        return da is None or db is None or da.startswith(db) or db.startswith(da)
    return same_who and da is not None and da == db and overlap >= 0.4


class _Kept:
    """The kept candidates and, for each content word, the indices of those holding it: a new
    candidate is compared only with the ones sharing a word with it (long articles keep hundreds,
    and most pairs share none: a pass over all of them made the repeat test quadratic)."""

    __slots__ = ("cands", "holders", "sizes")

    def __init__(self) -> None:
        self.cands: list[_Candidate] = []
        self.sizes: list[int] = []  # each one's word count
        self.holders: dict[str, list[int]] = {}

    def add(self, c: _Candidate) -> None:
        at = len(self.cands)
        self.cands.append(c)
        self.sizes.append(len(c.words))
        for w in c.words:
            self.holders.setdefault(w, []).append(at)

    def repeats(self, c: _Candidate) -> bool:
        """any(_duplicate(k, c) for k in the kept), with its first test inlined: an overlap below
        0.4 (5 * shared < 2 * smaller, in integers: the same answer as the float division) is no
        repeat; the shared words are counted off the index (in C), so a candidate sharing none
        is never looked at."""
        words = c.words
        if not words:
            return False
        n2 = 2 * len(words)
        cands, sizes = self.cands, self.sizes
        shared: dict[int, int] = {}  # Counter's counts and order, without its Python frames
        _count_elements(shared, chain.from_iterable(map(self.holders.get, words, repeat(()))))
        for at, k in shared.items():
            # 5 * k < 2 * min(size, n), as two tests
            if 5 * k < n2 and 5 * k < 2 * sizes[at]:
                continue
            if _duplicate(cands[at], c):
                return True
        return False


def extract_events(
    text: str,
    published: dt.date | None,
    actors: Sequence[Actor],
    *,
    title: str | None = None,
    max_events: int = MAX_EVENTS,
) -> list[Event]:
    """The article's main events in text order (ids e1, e2, ...), at most `max_events`."""
    pub = published
    sentences = lead_sentences(text, title)
    if not sentences:
        return []
    dates = _resolve_anaphora(find_dates(text, pub))
    date_starts = [d.start for d in dates]
    spans = _actor_spans(text, actors)
    span_starts = [s for s, _, _ in spans]
    actors_by_key = ActorKeys(actors)
    qmask = quoted_mask(text)
    location_spans = [t for t in spans if t[2].type == ActorType.location]
    years = [int(d.value[:4]) for d in dates if d.value and d.kind == "absolute"]
    ref_year = pub.year if pub else (max(years) if years else None)

    first_of_para: dict[int, Sentence] = {}
    for s_ in sentences:
        first_of_para.setdefault(s_.paragraph, s_)
    loc_starts = [t[0] for t in location_spans]
    cands: list[_Candidate] = []
    for rank, sent in enumerate(sentences):
        lo = bisect.bisect_left(span_starts, sent.start)
        hi = bisect.bisect_left(span_starts, sent.end)
        # a bare sentence (see _BARE_FROM): no actor mention starts in it, and no date from its
        # paragraph's start to its end (neither its own nor the nearest earlier one there)
        if (
            rank >= _BARE_FROM
            and lo == hi
            and bisect.bisect_left(date_starts, first_of_para[sent.paragraph].start)
            == bisect.bisect_left(date_starts, sent.end)
        ):
            continue
        date = _pick_date(sent, dates, text, date_starts)
        own_date = date is not None
        if date is None:
            # the nearest earlier date in the same paragraph ("On Monday, X happened. Y followed.")
            first_in_para = first_of_para[sent.paragraph]
            j = bisect.bisect_left(date_starts, sent.start) - 1
            while j >= 0 and dates[j].start >= first_in_para.start:
                if dates[j].value is not None and not _BOUNDING.search(
                    text[max(0, dates[j].start - 25) : dates[j].start]
                ):
                    date = dates[j]
                    break
                j -= 1
        # the actors with a mention inside the sentence, in order, and how many are not places
        seen: dict[str, Actor] = {}
        n_people = 0
        for _s, e, actor in spans[lo:hi]:
            if e <= sent.end and actor.name not in seen:
                seen[actor.name] = actor
                n_people += actor.type != ActorType.location
        participants = list(seen)
        score = _score(sent, rank, date, participants, n_people, qmask, ref_year, own_date)
        if score + _PLACE_ACTION_MAX < MIN_SCORE:
            continue  # never kept, whatever its place and verbs
        # only the places near this sentence: a window keeps long texts linear
        near = location_spans[
            bisect.bisect_left(loc_starts, sent.start - 200) : bisect.bisect_left(
                loc_starts, sent.end
            )
        ]
        location = event_place(sent, actors_by_key, near)
        if location is None:
            # the one place named in the sentence, unless it is an origin, a target or a party
            named = {a.name for s, e, a in near if sent.start <= s and e <= sent.end}
            sites = [
                a.name for s, e, a in near
                if sent.start <= s and e <= sent.end and not _NOT_SITE.search(text[max(sent.start, s - 12) : s])
            ]  # fmt: skip
            location = sites[0] if len(named) == 1 and sites else None
        if score + (1.0 if location else 0.0) + 1.0 < MIN_SCORE:
            continue  # short of the cut even with an action: its verbs need no look
        score += _place_action(location, sent.text)
        cands.append(_Candidate(sent, score, date, location, participants, set(), rank))

    held = _Kept()
    for c in cands:
        if c.score < MIN_SCORE:
            continue
        c.words = content_words(c.sentence.text)
        if not held.repeats(c):
            held.add(c)
    kept = sorted(
        sorted(held.cands, key=lambda c: (-c.score, c.order))[:max_events], key=lambda c: c.order
    )

    events: list[Event] = []
    for i, c in enumerate(kept, start=1):
        sent = c.sentence
        event_date = c.date.value if c.date else None
        date_text = c.date.text if c.date else None
        if c.order == 0 and c.date is None and pub is not None:
            # an undated lead reports the news of the day it was published
            event_date = pub.isoformat()
        values = {
            "id": f"e{i}",
            "summary": _main_clause(clean_sentence(sent.text)),
            "date": event_date,
            "date_text": date_text,
            "location": c.location,
            "participants": c.participants[:MAX_PARTICIPANTS],
            "evidence": [_span({"start": sent.start, "end": sent.end, "text": sent.text})],
        }
        # every value is of its declared type by construction (strings, a list of actor names
        # within the bound, a span that is a sentence's slice and offsets), so the event is
        # built without validation unless its date is one the field's check has to judge
        # a date the event check passes is kept unchanged by it: the built event is the same
        trusted = event_date is None or is_partial_date(event_date)
        events.append(_event(values) if trusted else Event.model_validate(values))
    return events
