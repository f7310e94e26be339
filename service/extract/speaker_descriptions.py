"""Descriptions a quotation's speaker ranker offers as candidates ('The Florida senator sought
...', '..., his campaign sent ...', 'according to a Pentagon readout'): noun phrases outside
quotation marks in a subject position, found once per article (service.extract.speaker_ranker
scores them beside the article's names and pronouns)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import compress, count

from service.extract.cue_lexicon import CUE_VERBS
from service.extract.cues import CUE_FINITE, CUE_INVERTED, CUE_PARTICIPLE, SAID, SUBORDINATING
from service.extract.memo import Memo
from service.extract.names import DETERMINERS, DOCUMENT_NOUNS, ROLE_NOUNS, Doc, _words, low
from service.extract.noun_phrases import AUX, LEARNED_HEADS, ORGISH, RELATIVE, TIME_WORDS

PREPS = _words(
    "to of by with for about against on at from in into than like as over toward towards"
)
SPEECH = SAID | {"according", "quoted"}
# a description's head: a role, a body, a document or a noun learnt as heading unnamed speakers
# ('the Florida senator', 'the rights group', 'the crowd')
_NP_HEADS = ROLE_NOUNS | ORGISH | DOCUMENT_NOUNS | LEARNED_HEADS | _words("campaign friend")
_NP_MAX = 6  # tokens in a description, its determiner included
# what may come before a description that is the subject inside a sentence, besides a comma
# or a quotation mark ('..., and the group says', 'as his friends jeered')
CLAUSE_OPENERS = _words("and but as while when because though although so")
# a speech verb before its subject, right after a quotation ('"...," said the spokesman')
_INVERTED = CUE_INVERTED | _words("read reads")
DET_FORMS = frozenset(f(x) for x in DETERMINERS for f in (str.lower, str.capitalize, str.upper))
# words recur within and across articles: each lower-cased once, a hit read through the memo's
# bound __getitem__ (a dictionary look-up, about half the cost of an lru_cache call)
low_cached = Memo(low, 16384).__getitem__


def descriptions(
    d: Doc,
    quoted: Callable[[int], bool],
    ment_starts: Sequence[int],
    ments: Sequence[tuple[int, int, str, str | None, str]],
    dets: Sequence[int] | None = None,
) -> list[tuple[int, int, int, int, str]]:
    """'The Florida senator sought ...', 'A friend wrote ...': a determiner opening a sentence and
    the last role, body or document noun within a few words after it, before any punctuation,
    auxiliary or preposition. Inside a sentence only a description a verb follows counts
    ('..., the rights group says', 'as his friends jeered', '..., his campaign sent'), or one
    'according to' or an inverted speech verb after a quotation precedes ('according to a White
    House pool report', '"...," read the statement'): elsewhere it is mostly an object. Each
    comes as (start, end, first token, head token, kind): 'np' opening a sentence, 'np_in' inside
    one, 'np_new' for a noun no list knows, 'np_bare' for a plural with no determiner
    (`_bare_plurals`). `dets`, when given, holds the determiners' token indices (found with the
    pronouns in one pass: service.extract.speaker_words)."""
    w = d.words
    starts = d.sent_start
    out = []
    if dets is None:
        dets = list(compress(count(), map(DET_FORMS.__contains__, w)))
    for t in dets:
        opens = starts[t]
        prev = low_cached(w[t - 1])  # (the word before, lower-cased once for the three tests)
        cited = t > 1 and (
            prev == "to"
            and low_cached(w[t - 2]) == "according"
            or not w[t - 2][0].isalnum()
            and prev in _INVERTED  # '"...," read the statement.'
        )
        if not opens and not cited and (w[t - 1][0].isalnum() and prev not in CLAUSE_OPENERS):
            continue  # 'a member of the group said', 'marching through the streets chanted'
        # (the position test after the word tests: most determiners fail those, which cost less)
        if quoted(d.starts[t]):
            continue
        head = last = -1
        for k in range(t + 1, min(t + _NP_MAX, len(w))):
            lw = low_cached(w[k])
            if not w[k][0].isalnum() or lw in AUX or lw in PREPS or lw in CUE_FINITE:
                break
            last = k
            if lw in _NP_HEADS:
                head = k
        known = head >= 0
        if not known and last > t and _open_head(w, t, last):
            head = (
                last  # 'the gambling tycoon told', 'his colleague wrote': any noun a verb follows
            )
        if head < 0:
            continue
        after = w[head + 1] if head + 1 < len(w) else ""
        if after == "," and head + 2 < len(w):
            after = w[head + 2]
        if w[head][0].isupper() or after[:1].isupper():
            continue  # 'The Washington Post', 'The editor, Tim Grieve,': a name speaks
        if not opens and not cited and not verb_after(w, head + 1):
            continue
        if cited and not _phrase_ends(w, head + 1):
            continue  # 'according to an official translation': the role word is no head
        a, b = d.starts[t], d.ends[head]
        k = bisect_left(ment_starts, a)
        if k < len(ments) and ments[k][0] < b or k > 0 and ments[k - 1][1] > a:
            continue  # 'the Clinton campaign': the name's mention is the candidate
        kind = ("np" if opens else "np_in") if known else "np_new"
        out.append((a, b, t, head, kind))
    out.extend(_bare_plurals(d, quoted, ment_starts, ments))
    out.sort()
    return out


# words opening a lead-in clause, whose subject is not the sentence's
_SUBORDINATORS = (
    CLAUSE_OPENERS | SUBORDINATING | _words("if once unless until whether i he she it we they you")
)


def _bare_plurals(
    d: Doc,
    quoted: Callable[[int], bool],
    ment_starts: Sequence[int],
    ments: Sequence[tuple[int, int, str, str | None, str]],
) -> list[tuple[int, int, int, int, str]]:
    """A plural with no determiner opening a sentence, a verb right after it ('Legal observers
    note', 'Law enforcement sources have said', 'Respondents are obliged'): a group the text
    does not name. In PolNeAR train such nominal Sources had no candidate at all."""
    w = d.words
    out = []
    for t in d.sents:
        if not w[t][:1].isupper() or w[t] in DET_FORMS or low_cached(w[t]) in _SUBORDINATORS:
            continue  # 'When terrorists are revealed ...', 'She and her defenders': no bare plural
        if quoted(d.starts[t]):
            continue
        last = -1
        for k in range(t, min(t + _NP_MAX - 1, len(w))):
            lw = low_cached(w[k])
            if not w[k].isalpha() or lw in AUX or lw in PREPS or lw in CUE_FINITE:
                break
            if k > t and not w[k].islower() or lw in RELATIVE:
                break
            last = k
        if last < 0:
            continue
        lw = low_cached(w[last])
        if not lw.endswith("s") or lw.endswith("ss") or lw in DETERMINERS:
            continue  # 'All this has led ...': no plural noun
        if not verb_after(w, last + 1):
            continue
        a, b = d.starts[t], d.ends[last]
        k = bisect_left(ment_starts, a)
        if k < len(ments) and ments[k][0] < b or k > 0 and ments[k - 1][1] > a:
            continue  # 'Clinton supporters': the name's mention is the candidate
        out.append((a, b, t, last, "np_bare"))
    return out


def _phrase_ends(w: Sequence[str], k: int) -> bool:
    """The noun phrase ends before token k: punctuation, a preposition or a participle follows
    ('a council report released on Tuesday', 'a White House pool report.')."""
    if k >= len(w):
        return True
    lw = low_cached(w[k])
    return not w[k][0].isalnum() or lw in PREPS or lw.endswith("ed") or lw in RELATIVE


def _open_head(w: Sequence[str], t: int, k: int) -> bool:
    """A description with a noun no list knows speaks only in the plainest form: lower-case
    words, no adverb or relative clause, and a speech verb straight after ('a friend said',
    'his colleague wrote')."""
    words = [low_cached(x) for x in w[t + 1 : k + 1]]
    if any(not x.isalpha() or x.endswith("ly") or x in RELATIVE for x in words):
        return False
    return k + 1 < len(w) and w[k].islower() and verb_after(w, k + 1)


def verb_after(w: Sequence[str], k: int) -> bool:
    """A verb at token k, past a few auxiliaries, time words and adverbs ('say', 'have long
    argued', 'said Friday' is 'said'): a speech verb, one learnt from PolNeAR's cues ('blasted')
    or any other lower-case '-ed'/'-es' word ('his campaign sent', 'the lawsuit alleges', 'as his
    friends jeered'). Which kind it is stays a feature of the candidate (`_verb_near`), so the
    fit weighs each; most nominal Sources PolNeAR train marks inside a sentence had no candidate
    while only speech verbs counted."""
    for j in range(k, min(k + 4, len(w))):
        lw = low_cached(w[j])
        if lw in SPEECH or lw in CUE_PARTICIPLE or lw in CUE_VERBS:
            return True
        if lw.endswith(("ed", "es")) and w[j].isalpha() and w[j].islower():
            return True
        if not (lw in AUX or lw in TIME_WORDS or lw.endswith("ly")):
            return False
    return False
