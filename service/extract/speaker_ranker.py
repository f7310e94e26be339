"""A learned ranker over speaker candidates, for quotations the cue rules leave without a speaker.

Candidates are the article's actor mentions and the pronouns outside quotation marks around a
quotation (its own paragraph, and the two paragraphs before it). Each candidate is described by a
handful of sparse features (direction, sentence and paragraph distance, a speech verb next to it,
subject position, a preposition or possessive before or after it, actor type, salience, whether it
spoke last); a linear model scores them and the best candidate speaks. The weights are fitted on
PolNeAR train by `scripts/train_speaker_ranker.py` and ship as `data/speaker_ranker.json`; nothing
is fitted or downloaded at run time.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise, repeat
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from schemas import Actor, ActorType
from service.extract.cue_lexicon import CUE_VERBS
from service.extract.cues import CUE_INVERTED, CUE_PARTICIPLE, SUBORDINATING
from service.extract.learned import read_model
from service.extract.memo import Memo
from service.extract.names import Doc, _words
from service.extract.noun_phrases import AUX, TIME_WORDS, anonymous_name
from service.extract.speaker_descriptions import (
    CLAUSE_OPENERS,
    PREPS,
    SPEECH,
    descriptions,
    verb_after,
)
from service.extract.speaker_descriptions import low_cached as _low
from service.extract.speaker_words import determiners_and_pronouns

WEIGHTS = Path(__file__).with_name("data") / "speaker_ranker.json"
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][\w.]*$")
_ADDRESS = _words("told tell tells telling asked ask asks asking interviewed")
_LOOKBACK_PARAS = 2
_MAX_BEFORE = 1200  # characters before the opening mark
_MAX_AFTER = 400  # characters after the closing mark, inside its paragraph

# resolves a pronoun at an offset to (speaker, role), or None
Resolver = Callable[[str, int], "tuple[str, str | None] | None"]
# resolves a description (its first and last token) to (speaker, role), or None
Describer = Callable[[int, int], "tuple[str, str | None] | None"]


class Candidate(NamedTuple):
    """One speaker candidate (a named tuple: built about four times faster than a frozen
    dataclass, and a quotation has a dozen)."""

    speaker: str
    role: str | None
    start: int
    end: int
    features: tuple[str, ...]


_START_END = itemgetter(0, 1)


class Context:
    """Per-article tables the features need: sentence ids, quote regions and mentions by offset."""

    def __init__(self, d: Doc, regions: Sequence[tuple[int, int]], actors: Sequence[Actor]):
        self.d = d
        # each token's sentence index (0 before the first sentence start)
        # (one slice per sentence, not a running sum over every token)
        sents = d.sents
        sid = [0] * len(d.sent_start)
        for i, (s0, s1) in enumerate(pairwise(sents), 1):
            sid[s0:s1] = [i - 1] * (s1 - s0)
        if sents:
            sid[sents[-1] :] = [len(sents) - 1] * (len(sid) - sents[-1])
        self.sid = sid
        self.regions = sorted(regions)
        self.para_starts = [a for a, _ in d.paras]
        self.reg_starts = [a for a, _ in self.regions]
        # mentions outside quotation marks as raw candidates: (start, end, name, role, kind)
        ments: list[tuple[int, int, str, str | None, str]] = []
        for a in actors:
            if a.type == ActorType.location:
                continue
            kind = "anon" if a.anonymous else a.type.value
            for m in a.mentions:
                if not self.quoted(m.start):
                    ments.append((m.start, m.end, a.name, a.role, kind))
        ments.sort(key=_START_END)
        self.ments = ments
        self.ment_starts = [m[0] for m in ments]
        # pronouns outside quotation marks, by token index (found once, not once per quotation)
        dets, prons = determiners_and_pronouns(d.words)
        self.prons = [(t, lw) for t, lw in prons if not self.quoted(d.starts[t])]
        self.pron_toks = [t for t, _ in self.prons]
        # descriptions opening a sentence outside quotation marks: (start, end, first, head token)
        self.nps = descriptions(d, self.quoted, self.ment_starts, self.ments, dets)
        self.np_starts = [n[0] for n in self.nps]
        # what a candidate's own tokens say, by its (start, end): the same for every quotation
        self.near: dict[tuple[int, int], tuple[int, int, int, int, str, bool | str]] = {}

    def para_of(self, offset: int) -> int:
        """`Doc.para_of` by bisection over the paragraph starts."""
        i = bisect_right(self.para_starts, offset) - 1
        return i if i > 0 else 0  # (a conditional, not max(): a call on every candidate)

    def quoted(self, pos: int) -> bool:
        i = bisect_right(self.reg_starts, pos) - 1
        return i >= 0 and self.regions[i][0] <= pos < self.regions[i][1]


_SENT_EDGES = (0, 1, 2)
_GAP_EDGES = (1, 3, 6, 12, 25, 50)
_SAL_EDGES = (1, 2, 4)


def _labels(edges: tuple[int, ...]) -> tuple[str, ...]:
    """A count's bucket label by `bisect_left(edges, n)`: the first edge at or above it, else
    '>' and the last edge."""
    return (*map(str, edges), f">{edges[-1]}")


_SENT_LABELS, _GAP_LABELS, _SAL_LABELS = map(_labels, (_SENT_EDGES, _GAP_EDGES, _SAL_EDGES))
# `bisect_left(edges, n)` for n from 0 to the last edge, read by index in the candidate loop (below
# 0 the bucket is 0, above the last edge it is len(edges); the sentence edges are 0, 1, 2, so
# there n itself is the bucket)
_GAP_BUCKETS = tuple(bisect_left(_GAP_EDGES, n) for n in range(_GAP_EDGES[-1] + 1))
_SAL_BUCKETS = tuple(bisect_left(_SAL_EDGES, n) for n in range(_SAL_EDGES[-1] + 1))
_GAP_MAX, _GAP_TOP = _GAP_EDGES[-1], len(_GAP_EDGES)
_SAL_MAX, _SAL_TOP = _SAL_EDGES[-1], len(_SAL_EDGES)
assert _SENT_EDGES == (0, 1, 2)


def _opens(w: Sequence[str], i: int) -> bool:
    """Token i may open a clause: no lower-case word before it, or a conjunction ('in north
    Wales have reached' is no subject of 'reached')."""
    return i == 0 or not w[i - 1][:1].islower() or _low(w[i - 1]) in CLAUSE_OPENERS


def _verb_near(d: Doc, i: int, j: int) -> str:
    """What the words next to the candidate tokens [i, j) say: a speech verb after it (subject of
    'said'), an inverted cue before it ('said X'), 'according to X', a preposition or possessive."""
    w = d.words
    low = _low
    out = []
    k = j
    if k < len(w) and w[k] == "(":
        # 'Rep. John Mica (R-Fla.) said': look past a short parenthesis
        e = k
        while e < len(w) and e - k < 8 and w[e] != ")":
            e += 1
        if e < len(w) and w[e] == ")":
            k = e + 1
    elif k + 2 < len(w) and w[k] == "," and _PARTY_TAG.match(w[k + 1]):
        k += 2  # 'Ron Johnson, R-Wis., said'
        while k < len(w) and w[k] in (".", ","):
            k += 1
    n = len(w)
    if k + 1 < n and w[k] in ("and", "or") and w[k + 1][:1].isupper():
        # 'Senator X and Governor Y traded claims': the first of two subjects shares the verb
        m = k + 1
        while m < n and m - k < 5 and w[m][:1].isupper():
            m += 1
        if m < n and w[m].islower():
            out.append("coord")
            k = m
    # past auxiliaries and time words ('has', 'on Tuesday'): each word lower-cased once
    lw = low(w[k]) if k < n else ""
    while k < n and k - j < 4 and (lw in AUX or lw in TIME_WORDS):
        k += 1
        lw = low(w[k]) if k < n else ""
    if k < n:
        if w[k] == ",":
            out.append("comma_after")
        if lw in SPEECH:
            out.append("verb_after")
        elif lw in CUE_PARTICIPLE:
            out.append("part_after")
        elif lw in CUE_VERBS:
            out.append("learnt_after")  # a speech verb no hand list holds ('blasted')
        elif lw.endswith(("ed", "es")) and w[k].isalpha() and w[k].islower() and _opens(w, i):
            out.append("other_verb_after")  # 'riffed', 'lobbies': the subject of some verb
        elif lw in ("'s", "’s") or w[k] in ("'", "’"):
            out.append("poss")
    if i > 0:
        lb = low(w[i - 1])
        if lb in _ADDRESS:
            out.append("addressee")  # 'told BBC Wales', 'asked the senator': spoken to
        elif lb in CUE_INVERTED:
            out.append("verb_before")
        elif lb == "to" and i > 1 and low(w[i - 2]) == "according":
            out.append("according")
        elif lb in PREPS:
            out.append("prep")
        elif lb == "that":
            out.append("that")  # 'told reporters that Donald Trump ...': inside what was said
        elif lb == "by":
            out.append("by")
        elif lb in ("and", "or"):
            out.append("conj")  # 'X and Y traded claims': the second of two subjects
    return "+".join(out) or "none"


@dataclass(frozen=True, slots=True)
class Pick:
    """What the cue rules chose for the quotation, offered to the ranker as one more signal."""

    speaker: str | None
    rule: str | None
    span: tuple[int, int] | None
    role: str | None


def candidates(
    ctx: Context,
    region: tuple[int, int],
    last_speaker: str | None,
    resolve: Resolver,
    pick: Pick | None = None,
    describe: Describer | None = None,
) -> list[Candidate]:
    extra = None
    if pick is not None and pick.speaker is not None and pick.span is not None:
        # the cue's own words ('the 72-year-old', 'the company') as a candidate of their own
        extra = (pick.span[0], pick.span[1], pick.speaker, pick.role, "cue")
    out = _candidates(ctx, region, last_speaker, resolve, extra, describe)
    if pick is None or pick.speaker is None:
        return out
    tag = f"pick={pick.rule}"
    found = False
    for n, c in enumerate(out):
        if c.speaker == pick.speaker:
            found = True
            kind = c.features[0]
            out[n] = Candidate(
                c.speaker, c.role, c.start, c.end, (*c.features, tag, f"{tag}|{kind}")
            )
    if not found:
        a, b = pick.span or (region[0], region[0])
        out.append(Candidate(pick.speaker, pick.role, a, b, (tag, f"{tag}|synthetic")))
    return out


def _candidates(
    ctx: Context,
    region: tuple[int, int],
    last_speaker: str | None,
    resolve: Resolver,
    extra: tuple[int, int, str, str | None, str] | None,
    describe: Describer | None = None,
) -> list[Candidate]:
    d = ctx.d
    qa, qb = region
    pi = ctx.para_of(qa)
    lo_para = d.paras[max(0, pi - _LOOKBACK_PARAS)][0] if d.paras else 0
    hi_para = d.paras[pi][1] if d.paras else len(d.text)
    lo, hi = max(lo_para, qa - _MAX_BEFORE), min(hi_para, qb + _MAX_AFTER)
    ta, tb = d.tok_at(qa), max(d.tok_at(qb) - 1, 0)
    s_open, s_close = ctx.sid[min(ta, len(ctx.sid) - 1)], ctx.sid[min(tb, len(ctx.sid) - 1)]
    para_start = not d.text[d.paras[pi][0] : qa].strip() if d.paras else False
    # mentions starting in [lo, hi) but not in [qa, qb), in order
    ms = ctx.ment_starts
    m_lo, m_hi = bisect_left(ms, lo), bisect_left(ms, hi)
    m_qa = min(max(bisect_left(ms, qa), m_lo), m_hi)
    m_qb = min(max(bisect_left(ms, qb), m_lo), m_hi)
    raw = ctx.ments[m_lo:m_qa] + ctx.ments[m_qb:m_hi]
    first, last = d.tok_at(lo), d.tok_at(hi)
    pt = ctx.pron_toks
    for t, lw in ctx.prons[bisect_left(pt, first) : bisect_left(pt, last)]:
        s = d.starts[t]
        if not qa <= s < qb:
            target = resolve(lw, s)
            if target is not None:
                raw.append((s, d.ends[t], target[0], target[1], "pron_" + lw))
    if describe is not None:
        ns = ctx.np_starts
        for s, e, t, h, kind in ctx.nps[bisect_left(ns, lo) : bisect_left(ns, hi)]:
            if not qa <= s < qb and (extra is None or not (s < extra[1] and extra[0] < e)):
                target = describe(t, h)
                if target is None and (kind == "np_new" or verb_after(d.words, h + 1)):
                    # a noun no list knows, or a known one the text ties to no one, a verb
                    # right after it ('the statement said', 'Legal observers note'): someone
                    # unnamed ('The governor emailed supporters, ...' is no such subject)
                    target = (anonymous_name(d.text[s:e]), None)
                    kind = kind if kind == "np_new" else kind + "_anon"
                if target is not None:
                    raw.append((s, e, target[0], target[1], kind))
    inside: set[int] = set()  # mentions inside the cue's noun phrase ('Pentagon spokesperson')
    if extra is not None:
        inside = {r[0] for r in raw if r[0] < extra[1] and extra[0] < r[1] and r[2] != extra[2]}
        if not any(r[0] < extra[1] and extra[0] < r[1] for r in raw):
            raw.append(extra)
    # the quoted words open in lower case: `text[qa:qb].lstrip(...)[:1].islower()`, past the
    # marks and spaces without copying the quotation
    k = _LEAD_MARKS.match(d.text, qa, qb).end() if qa < qb else qb  # type: ignore[union-attr]
    qlower = k < qb and d.text[k].islower()
    out: list[Candidate] = []
    nearest_before = max((r[0] for r in raw if r[0] < qa), default=-1)
    nearest_after = min((r[0] for r in raw if r[0] >= qb), default=-1)
    counts: dict[str, int] = {}
    for r in raw:
        counts[r[2]] = counts.get(r[2], 0) + 1
    # what each candidate's own tokens say: looked up in `ctx.near`, computed on a first miss
    near_get = ctx.near.get
    feats_get, new_tuple = _FEATURES.get, tuple.__new__
    gots = [near_get(r[:2]) or _near_of(ctx, r[0], r[1]) for r in raw]
    heads = _apposition_heads(raw, gots)
    for (s, e, name, role, kind), got in zip(raw, gots, strict=True):
        i, j, cs, cp, near, subj = got
        before = s < qa
        if before:
            gap, sents = ta - j, s_open - cs
        else:
            gap, sents = i - tb, cs - s_close
        direction = "b" if before else "a"
        key = (
            kind,
            direction,
            (sents if sents <= 2 else 3) if sents >= 0 else 0,  # bisect_left(_SENT_EDGES, ...)
            pi - cp,
            (_GAP_BUCKETS[gap] if gap <= _GAP_MAX else _GAP_TOP) if gap >= 0 else 0,
            near,
            subj,
            para_start,
            _SAL_BUCKETS[sal] if (sal := counts[name]) <= _SAL_MAX else _SAL_TOP,
        )
        base = feats_get(key) or _base_features(*key)
        extra_feats: list[str] = []
        if s in inside:
            extra_feats.append("inside_cue_phrase")
        head = heads.get(cs)
        if head is not None and head[0] < s and head[1] != name:
            # 'Tom Fitton, the president of Judicial Watch, said': a name inside the apposition
            # to the sentence's subject, seldom its speaker
            extra_feats.append(f"appos_inner|{direction}")
        if before and gap == 0:
            # 'Biden “has kept himself ...”': the quoted words' subject, not always its speaker
            extra_feats.append(f"adjacent|lower={qlower}|near={near}")
        if s in (nearest_before, nearest_after):
            extra_feats.append(f"nearest={direction}|{base[1]}")  # base[1]: 'srel=...'
        if name == last_speaker:  # never None: every candidate has a name
            extra_feats.append(f"last|{base[2]}")  # base[2]: 'prel=...'
            extra_feats.append(f"last|pstart={para_start}")
        # tuple.__new__ at C level: the named tuple's own __new__ is a Python function
        feats = (*base, *extra_feats) if extra_feats else base
        out.append(new_tuple(Candidate, (name, role, s, e, feats)))
    return out


_LEAD_MARKS = re.compile("[\"'“‘ ]*")


def _near_of(ctx: Context, s: int, e: int) -> tuple[int, int, int, int, str, bool | str]:
    """What a candidate's own tokens say, the same for every quotation (kept in `ctx.near`):
    its tokens, sentence and paragraph, the words next to it and whether it is the subject."""
    got = ctx.near.get((s, e))
    if got is None:
        d = ctx.d
        i, j = d.tok_at(s), d.tok_at(e)
        # the candidate opens a sentence, or follows its first one or two tokens
        subj: bool | str = (
            i < len(d.sent_start) and True in d.sent_start[i - 2 if i > 2 else 0 : i + 1]
        )
        if not subj and i > 0 and d.words[i - 1] in _CLAUSE_ENDS and _opens_clause(d, i - 1):
            subj = "clause"  # 'When she spoke on Monday, she ...': the main clause's subject
        got = ctx.near[s, e] = (
            i, j, ctx.sid[i if i < (top := len(ctx.sid) - 1) else top], ctx.para_of(s),
            _verb_near(d, i, j), subj
        )  # fmt: skip
    return got


# words opening a sentence's lead-in clause or phrase ('In his address to La Raza, Graham ...')
_INTRO = PREPS | SUBORDINATING | _words("as if during")
_CLAUSE_ENDS = frozenset([",", "—", "--", "–"])
_INTRO_MAX = 25  # tokens in a lead-in


def _opens_clause(d: Doc, k: int) -> bool:
    """Token k ends a lead-in its sentence opens with: a preposition, a conjunction or an
    '-ing' word first, and no other comma between."""
    for t in range(k - 1, max(k - _INTRO_MAX, -1), -1):
        if d.words[t] in _CLAUSE_ENDS:
            return False
        if d.sent_start[t]:
            first = _low(d.words[t])
            return first in _INTRO or first.endswith("ing")
    return False


def _apposition_heads(
    raw: Sequence[tuple[int, int, str, str | None, str]],
    gots: Sequence[tuple[int, int, int, int, str, bool | str]],
) -> dict[int, tuple[int, str]]:
    """Sentence id -> (start, name) of a subject-position person followed by a comma ('Tom
    Fitton, the president of ...'): the head an apposition describes."""
    heads: dict[int, tuple[int, str]] = {}
    len_max = 1 << 62
    for r, (_i, _j, cs, _cp, near, subj) in zip(raw, gots, strict=True):
        if (
            r[4] == "person"
            and subj is True
            and near.startswith("comma_after")
            and r[0] < heads.get(cs, (len_max, ""))[0]
        ):
            heads[cs] = (r[0], r[2])
    return heads


_FEATURES: dict[tuple[str, str, int, int, int, str, bool | str, bool, int], tuple[str, ...]] = {}


def _base_features(
    kind: str,
    direction: str,
    sents: int,
    prel_n: int,
    gap: int,
    near: str,
    subj: bool | str,
    para_start: bool,
    sal: int,
) -> tuple[str, ...]:
    """Every candidate's features (buckets given by index), kept in `_FEATURES`: the same few
    combinations recur across candidates and articles."""
    srel = f"{direction}{_SENT_LABELS[sents]}"
    prel = str(prel_n)
    ctype = "pron" if kind.startswith("pron") else kind
    feats = (
        f"k={kind}",
        f"srel={srel}",
        f"prel={prel}",
        f"gap={direction}{_GAP_LABELS[gap]}",
        f"near={near}",
        f"near={near}|srel={srel}",
        f"near={near}|k={ctype}",
        f"srel={srel}|k={ctype}",
        f"subj={subj}|srel={srel}",
        f"pstart={para_start}|prel={prel}|{direction}",
        f"sal={_SAL_LABELS[sal]}",
    )
    if len(_FEATURES) > 50_000:
        _FEATURES.clear()
    _FEATURES[kind, direction, sents, prel_n, gap, near, subj, para_start, sal] = feats
    return feats


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    return read_model(WEIGHTS)[0]


def score(c: Candidate, w: dict[str, float]) -> float:
    return sum(map(w.get, c.features, repeat(0.0)))


def _shipped_score(features: tuple[str, ...]) -> float:
    """score() of a candidate with these features under the shipped weights."""
    return sum(map(weights().get, features, repeat(0.0)))


# features -> their score under the shipped weights: the same tuples recur across quotations
# and articles (most candidates' features are a few shared combinations), and a hit costs one
# tuple hash instead of a dictionary look-up per feature in the large weights table
_SHIPPED_SCORES: Memo[tuple[str, ...], float] = Memo(_shipped_score, 65536)
_FEATURES_OF = itemgetter(4)  # Candidate.features, read in C


def best(cands: Sequence[Candidate], w: dict[str, float] | None = None) -> Candidate | None:
    """The top candidate (ties: the nearer one, by position in the list)."""
    if not cands:
        return None
    if w is None:
        if not weights():
            return None
        scores = list(map(_SHIPPED_SCORES.__getitem__, map(_FEATURES_OF, cands)))
    else:
        if not w:
            return None
        # score() inlined: the scores in one list, then the first highest (as max over the list)
        get, zero = w.get, repeat(0.0)
        scores = [sum(map(get, c.features, zero)) for c in cands]
    return cands[scores.index(max(scores))]


def probabilities(cands: Sequence[Candidate], w: dict[str, float]) -> list[float]:
    scores = [score(c, w) for c in cands]
    top = max(scores)
    ex = [math.exp(s - top) for s in scores]
    z = sum(ex)
    return [x / z for x in ex]
