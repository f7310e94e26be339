"""Story detection: which article digests report the same real-world happening (and its follow-ups).

    groups = group_stories(digests)     # list of lists of digests, one list per story

An article is described by what its digest knows: a date (publication, else the median of its
full event dates), a weighted bag of content words (title twice, summary and event summaries,
quotations at half weight; counts damped by a log) plus its named actors' canonical keys (titles
and nationality words stripped; a person is their surname, an organisation its name words), the
6-word runs of its quotations that start on a content word, and the MinHash fingerprint of its
text; its name words take one form across the batch (service.merge.story_inflect). Weights are TF-IDF over the articles given plus BACKGROUND_DOCS empty ones (so a small
set keeps its shared words' weight; an actor key weighs twice a word), counted per news period
(dates more than IDF_PERIOD_DAYS apart split the batch, so another year's articles change no
weight of this year's); a word no other article has counts in the vector's length but is never
compared.

Candidates (never all pairs): each article's STORY_KEYS heaviest shared features, the QUOTE_KEYS
smallest hashes of its quotation runs and half its fingerprint bands are its blocking keys, each
paired with its WINDOW_DAYS period and the next (two dates at most WINDOW_DAYS apart share a
bucket); undated articles use a date-free bucket, which dated articles sharing the key join too.
A bucket over MAX_BLOCK articles pairs only NEIGHBOURS in (date, index) order, so the work stays
linear.

A candidate pair is one story when its dates are at most WINDOW_DAYS apart (or one is unknown)
and either its text fingerprints estimate a shingle Jaccard >= COPY_JACCARD (a syndicated copy),
or the link model of service.merge.story_link scores it at or over its threshold: a logistic
model over the word cosine, the name cosine (words both articles write only capitalised, and
actor keys: each profile keeps its `names` and their weight), whether no name is shared, the
shared quotation runs and the days between the dates, fitted on hand-labelled PolNeAR pairs and
an invented multi-outlet set (scripts/train_story_link.py; the score is the log-odds). Pairs are joined strongest first (single link; ties by article id and content hash),
refusing a join whose story would span more than MAX_SPAN_DAYS between its dated articles, or
whose two stories' article pairs score under CHAIN_MEAN on average (_vouched: no chaining
through one link). After every model link come the follow-up links of service.merge.story_followup
(pairs FOLLOW_FROM to FOLLOW_DAYS apart whose specific names each other covers), whose join may
span FOLLOW_DAYS and is vouched for by story_followup.vouched instead of _vouched. Everything is computed from the set of digests: article order never matters.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, compress, count, pairwise, repeat
from operator import add, ge, gt, lt, mul, neg, truediv
from typing import cast

from schemas import ArticleDigest
from service.merge import names as nm
from service.merge import story_followup as fu
from service.merge import story_inflect as infl
from service.merge import story_xlang as xl
from service.merge.common import (
    FOLDED_MARKS,
    STOPWORDS,
    UnionFind,
    block_pairs,
    fast_fold,
    no_cyclic_gc,
)
from service.merge.story_link import (
    MODEL,
    Model,
    capitalised_words,
    features,
    name_mass,
    names_among,
)
from service.merge.syndication import BANDS, ROWS, SIGNATURE_SIZE, estimate

WINDOW_DAYS = 10
MAX_SPAN_DAYS = 21
STORY_KEYS = 10
MAX_BLOCK = 40
NEIGHBOURS = 3
QUOTE_SHINGLE = 6
QUOTE_KEYS = 4
COPY_JACCARD = 0.5
COPY_SCORE = 100.0  # a syndicated copy joins before any model link
CHAIN_MEAN = -0.3  # _vouched: the mean link score two stories' article pairs need to join
CHAIN_CAP = 5.0
CHAIN_SIDE = 20
ACTOR_WEIGHT = 2.0
TITLE_WEIGHT = 2.0
MIN_WORD = 3
BACKGROUND_DOCS = 20
IDF_PERIOD_DAYS = 365

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_EXTRA_STOP = frozenset(
    """said says say told tell according also would could should may might must shall year years
    week weeks month months day days today yesterday tomorrow monday tuesday wednesday thursday
    friday saturday sunday time times new first last next one two three four five many much
    people make made like well back still even get got going want wants need take took since
    during through under against between including around however because another other others
    some such only own same very now here just told asked added according report reported
    reports statement news""".split()  # noqa: SIM905
)
_STOP = STOPWORDS | _EXTRA_STOP


@dataclass(slots=True)
class Profile:
    """What story detection knows about one article."""

    idx: int
    date: int | None  # proleptic ordinal
    vec: dict[str, float]  # tf-idf, unit length
    shingles: frozenset[int]
    sig: tuple[int, ...]
    names: frozenset[str]  # story_link: words written only as names, actor keys
    name_mass: float  # story_link: the squared weight of `names`
    lang: str | None = None  # story_xlang hook: the article's language (the `xlang` feature)
    specific: dict[str, float] = field(default_factory=dict)  # story_followup: specific names
    cast: frozenset[str] = frozenset()  # story_followup: the words of its persons' names


def _term(w: str) -> str | None:
    """The feature a folded word counts as (a light plural strip), or None for a stopword."""
    if len(w) < MIN_WORD or w in _STOP or (w.isdigit() and len(w) < 4):
        return None
    if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


class _TermTable(dict[str, str | None]):
    """word -> _term(word), filled on first look-up (so a map() over it stays in C for known
    words); cleared when it grows past MAX_TERMS.

    MAX_TERMS is small on purpose: a language's common words (most of any text's tokens) fill
    it again within a few articles, while a table of every word met grows with the input (10,000
    synthetic digests: 726,000 words), holds each word's string alive, and a look-up in it
    mostly misses the processor's caches. Measured over _raw (CPU, shared machine): 10,000
    synthetic digests 3.7 s with a 1,048,576-word cap, 2.6-3.0 s with 4,096 to 16,384; the 934
    real digests of the snapshot corpora 0.37-0.40 s whatever the cap (8,192: 45,000 words
    worked out instead of 19,000, about 30 ms)."""

    def __missing__(self, w: str) -> str | None:
        # _term(w), inline: most words of a new story's text are looked up once, here
        if len(w) < MIN_WORD or w in _STOP or (len(w) < 4 and w.isdigit()):
            k = None
        elif len(w) > 4 and w[-1] == "s" and w[-2] != "s":
            k = w[:-1]
        else:
            k = w
        self[w] = k
        return k


MAX_TERMS = 1 << 13
_TERMS = _TermTable()


def _known_terms() -> _TermTable:
    if len(_TERMS) > MAX_TERMS:
        _TERMS.clear()
    return _TERMS


# a non-ASCII character fast_fold keeps (FOLDED_MARKS, which it turns into ASCII punctuation,
# split words between words as the punctuation they become does)
_UNFOLDED = re.compile(f"[^\\x00-\\x7f{re.escape(FOLDED_MARKS)}]")
# bytes.translate tables (one table look-up a byte; str.translate looks each distinct character
# up in a dict at every call): ASCII letters and digits kept (_KEEP) or lower-cased (_LOWER),
# every other byte a space
_KEEP = bytes(c if c < 128 and chr(c).isalnum() else 32 for c in range(256))
_LOWER = bytes(ord(chr(c).lower()) if c < 128 and chr(c).isalnum() else 32 for c in range(256))
# a word of a _KEEP-translated text (no underscore) that starts with a capital letter, with the
# space before it (the text is given one in front): a literal first, which the regex engine
# finds by a fast scan, where a leading \b is tried at every byte (a third of the cost)
_CAPITALISED = re.compile(rb" [A-Z]\w*")


def _ascii(text: str) -> bytes | None:
    """`text` as ASCII bytes with every fast_fold mark a non-word byte, or None when it holds any
    other non-ASCII character."""
    if text.isascii():
        return text.encode("ascii")
    # the commonest marks replaced first: most texts are left ASCII, with no regex scan
    text = xl.without_marks(text)
    if text.isascii():
        return text.encode("ascii")
    if _UNFOLDED.search(text):
        return None
    return text.encode("ascii", "replace")  # each remaining mark a "?"


def _words(text: str | None) -> list[str]:
    """_WORD.findall(fast_fold(text)): for text that lower-cases to ASCII, bar quotation marks and
    dashes (most news), a bytes translate and a split instead of the fold and the regex."""
    if not text:
        return []
    b = _ascii(text if text.isascii() else text.lower())
    if b is None:
        folded = fast_fold(text)  # most letters of Latin script fold to ASCII ("ü" -> "u")
        if not folded.isascii():
            return _WORD.findall(folded)
        b = folded.encode("ascii")
    return b.translate(_LOWER).decode("ascii").split()


def _body_words(text: str) -> tuple[list[str], list[str] | None]:
    """_words(text), and the folded words `text` writes capitalised, each occurrence (what
    story_link.capitalised_words gives), or None where they need its regex:
    the words that start with a capital letter, where the text is ASCII bar quotation marks and
    dashes, and has no underscore (a word character that joins the word after it)."""
    b = _ascii(text)
    if b is None:
        return _words(text), None
    words = b.translate(_LOWER).decode("ascii").split()
    if b"_" in b:
        return words, None
    caps = _CAPITALISED.findall(b" " + b.translate(_KEEP))
    return words, b"".join(caps).decode("ascii").lower().split() if caps else []


def actor_key(name: str, type_: str) -> str | None:
    """A canonical key for matching actors across articles, or None for role-only names."""
    if type_ == "person":
        toks = nm.person_tokens(name)  # titles and nationality words stripped
        return f"p:{toks[-1]}" if toks else None
    toks = nm.org_tokens(name) if type_ in ("organization", "group") else nm.tokens(name)
    toks = tuple(t for t in toks if t not in nm.DETERMINERS)
    return f"o:{' '.join(toks)}" if toks else None


@lru_cache(maxsize=1 << 16)
def _actor_feature(name: str, type_: str) -> str | None:
    k = actor_key(name, type_)
    return None if k is None else "@" + k


def _date(d: ArticleDigest) -> int | None:
    if d.article.published is not None:
        return d.article.published.toordinal()
    days = []
    for e in d.events:
        if e.date and len(e.date) == 10:
            try:
                days.append(dt.date.fromisoformat(e.date).toordinal())
            except ValueError:
                continue
    if not days:
        return None
    days.sort()
    return days[(len(days) - 1) // 2]


def _shingles(quotes: list[list[str]], terms: list[list[str | None]]) -> frozenset[int]:
    """Hashes of the quotations' 6-word runs that start on a content word (content-defined
    sampling: two copies of one run are sampled alike, at a third of the cost); `terms`: each
    quotation's words' features (_term), word by word."""
    out: set[int] = set()
    crc = zlib.crc32
    for ws, ts in zip(quotes, terms, strict=True):
        if len(ws) < QUOTE_SHINGLE:
            continue
        runs = zip(*[ws[i:] for i in range(QUOTE_SHINGLE)], strict=False)
        # a run is kept where its first word is a feature (a term is never empty)
        kept = compress(runs, ts)
        out.update(map(crc, map(str.encode, map(" ".join, kept))))
    return frozenset(out)


class _Damped(dict[int, float]):
    """The damped weight of a word counted in halves (a quotation word weighs half): 1 + log of the
    weight from 1 up, the weight below (a word written once, in a quotation)."""

    def __missing__(self, halves: int) -> float:
        v = halves / 2
        w = self[halves] = 1.0 + math.log(v) if v >= 1 else v
        return w


_DAMPED = _Damped()


def _raw(
    d: ArticleDigest,
) -> tuple[dict[str, float], frozenset[int], frozenset[str], str | None]:
    title_words = _words(d.article.title)
    body = "\n".join([d.summary, *(e.summary for e in d.events)])
    body_words, capitalised = _body_words(body)
    quotes = [_words(q.text) for q in d.quotes]
    terms = _known_terms()
    term = terms.__getitem__
    # the quotations' words looked up once, for their counts and their runs: the table of every
    # word met is large, and a look-up in it mostly misses the processor's caches
    quote_terms = [list(map(term, ws)) for ws in quotes]
    # each word's count in the body, in C (no feature look-up a word): the features are looked
    # up once a distinct word, and the name and language tests read the counts
    body_count = Counter(body_words)
    counts: dict[str, int] = body_count
    if title_words:
        # the title's words count twice, first (text order: title, then body)
        title_count = Counter(title_words)
        counts = dict(zip(title_count, map(mul, title_count.values(), repeat(2)), strict=True))
        counts.update(body_count)
        for w in title_count.keys() & body_count.keys():
            counts[w] += 2 * title_count[w]
    # each feature's count in halves (the title's and body's words count two halves, the
    # quotations' one), the features in text order (title, body, quotations): each quotation
    # word added to that count in C
    tf = _halves(counts, term)
    if quote_terms:
        tf.update(chain.from_iterable(quote_terms))
    tf.pop(None, None)
    # damp repetition: a word said ten times is not ten times the evidence
    vec = dict(zip(cast("Iterable[str]", tf), map(_DAMPED.__getitem__, tf.values()), strict=True))
    # the link model's `names` feature: the features this article writes only as names
    if capitalised is None:
        capitalised = capitalised_words(body)
    names = set(filter(None, map(term, names_among(capitalised, body_count))))
    # story_xlang hook: language-aware name words, other languages' function words, numbers
    lang = xl.article_language(body, body_words, d.article.language)
    actors = [a.name for a in d.actors if not a.anonymous and a.type._value_ != "location"]
    xl.adjust(vec, names, lang, actors, f"{d.article.title or ''}\n{body}", term)
    keys: dict[str, int] = {}
    for a in d.actors:
        ty = a.type._value_  # the plain string (`.value` is a Python-level property)
        if a.anonymous or ty == "location":
            continue
        k = _actor_feature(a.name, ty)
        if k is None:
            continue
        keys[k] = keys.get(k, 0) + max(1, len(a.mentions))
    for k, n in keys.items():
        vec[k] = ACTOR_WEIGHT * (1.0 + math.log(n))
        names.add(k)
    return vec, _shingles(quotes, quote_terms), frozenset(names), lang


def _halves(counts: dict[str, int], term: Callable[[str], str | None]) -> Counter[str | None]:
    """Words' counts, doubled, summed by feature (stopwords under None), in the order of each
    feature's first word: built in C unless two words are one feature ("vote", "votes")."""
    feats = list(map(term, counts))
    tf: Counter[str | None] = Counter()
    dict.update(tf, zip(feats, map(mul, counts.values(), repeat(2)), strict=True))
    nones = None in tf
    if len(tf) - nones != len(feats) - (feats.count(None) if nones else 0):
        tf = Counter()
        for f, c in zip(feats, counts.values(), strict=True):
            tf[f] += 2 * c
    return tf


_DONE: tuple[dict[str, float], frozenset[int], frozenset[str], str | None] = (
    {},
    frozenset(),
    frozenset(),
    None,
)


def _periods(dates: list[int | None]) -> list[list[int]]:
    """The articles' news periods: the dated articles split wherever two consecutive dates are
    more than IDF_PERIOD_DAYS apart (each period's indices, in date order), or one list of every
    article when there is a single period. A period's IDF counts only its own articles and the
    undated ones (an undated article's counts the whole batch): a word's rarity is judged among
    the news of its time, so articles from another year added to a batch (an archive, a test
    that mixes in old distractors) change no weight, and no pair score, of this year's."""
    order = sorted((t, i) for i, t in enumerate(dates) if t is not None)
    cuts = [k for k in range(1, len(order)) if order[k][0] - order[k - 1][0] > IDF_PERIOD_DAYS]
    if not cuts:
        return [list(range(len(dates)))]
    bounds = [0, *cuts, len(order)]
    return [[i for _, i in order[lo:hi]] for lo, hi in pairwise(bounds)]


def _weights(
    raws: list[tuple[dict[str, float], frozenset[int], frozenset[str], str | None]],
    dates: list[int | None],
) -> list[tuple[Counter[str], dict[int, float]]]:
    """Each article's document counts and IDF (count -> weight), those of its news period
    (_periods); the undated articles' those of the whole batch."""
    plan = [(m, m) for m in _periods(dates)]  # (the articles weighed, the articles counted)
    if len(plan) > 1:
        undated = [i for i, t in enumerate(dates) if t is None]
        plan = [(m, m + undated) for m, _ in plan]
        if undated:
            plan.append((undated, list(range(len(raws)))))
    out: list[tuple[Counter[str], dict[int, float]]] = [(Counter(), {})] * len(raws)
    for members, counted in plan:
        df = Counter(chain.from_iterable(raws[i][0] for i in counted))
        # BACKGROUND_DOCS virtual articles sharing none of the words: with two or three articles
        # a word they all share is evidence, not noise, and keeps most of its weight
        # the weight depends only on the count: one logarithm per distinct count
        n = len(counted) + BACKGROUND_DOCS
        idf = {c: math.log(1.0 + n / c) for c in set(df.values())}
        for i in members:
            out[i] = (df, idf)
    return out


def profiles(digests: Sequence[ArticleDigest]) -> list[Profile]:
    """Profiles with TF-IDF over the digests given (in the order given), per news period."""
    # story_inflect hook: one form per name across languages (declined, Cyrillic)
    raws = infl.unify([_raw(d) for d in digests])
    dates = list(map(_date, digests))
    weights = _weights(raws, dates)
    out = []
    one = repeat(1)
    for i, d in enumerate(digests):
        vec, shingles, names, lang = raws[i]
        raws[i] = _DONE  # the raw weights are let go as the unit ones are made
        df, idf = weights[i]
        counts = list(map(df.__getitem__, vec))
        w = list(map(mul, vec.values(), map(idf.__getitem__, counts)))
        norm = math.sqrt(sum(map(mul, w, w))) or 1.0
        sig = tuple(d.article.fingerprint)
        # a word no other article has counts in the norm but can never match: left out
        shared = list(map(gt, counts, one))
        unit = dict(
            zip(compress(vec, shared), map(truediv, compress(w, shared), repeat(norm)), strict=True)
        )
        out.append(
            Profile(
                i,
                dates[i],
                unit,
                shingles,
                sig if len(sig) == SIGNATURE_SIZE else (),
                names,
                name_mass(unit, names),
                lang,  # story_xlang hook
                fu.specific_names(vec, names, df, idf),
                fu.cast_words(d.actors, _words, _known_terms()),
            )
        )
    return out


def _candidates(ps: list[Profile], *, ordered: bool = True) -> list[tuple[int, int]]:
    """The candidate pairs (i < j), sorted (`ordered=False`: in no particular order)."""
    # each distinct key gets a number (a term, a quotation hash and a fingerprint band are a
    # str, an int and a tuple: never equal), and each (key, week) bucket an int; a key only one
    # article has makes no pair and is left out before the buckets are made
    ids: dict[object, int] = {}
    number = ids.setdefault
    fresh = count()
    keys: list[list[int]] = []
    for p in ps:
        vec = p.vec
        # the STORY_KEYS heaviest features, ties by the feature: sorted by (-weight, feature)
        top: Iterable[object] = vec
        if len(vec) > STORY_KEYS:
            # the weights sorted alone (floats compare in C), then the few at or over the
            # STORY_KEYS-th weight sorted as (-weight, feature)
            cut = sorted(vec.values(), reverse=True)[STORY_KEYS - 1]
            heavy = list(compress(vec, map(ge, vec.values(), repeat(cut))))
            weights = map(neg, map(vec.__getitem__, heavy))
            top = [k for _, k in sorted(zip(weights, heavy, strict=True))[:STORY_KEYS]]
        # bottom-k sketch of the quotation shingles: a shared long quotation shares some
        ks = [*top, *sorted(p.shingles)[:QUOTE_KEYS]]
        if p.sig:
            ks += [(b, p.sig[b * ROWS : (b + 1) * ROWS]) for b in range(0, BANDS, 2)]
        keys.append(list(map(number, ks, fresh)))
    seen = Counter(chain.from_iterable(keys))
    one = repeat(1)
    shared = [list(compress(nums, map(lt, one, map(seen.__getitem__, nums)))) for nums in keys]
    undated = {k for p, nums in zip(ps, shared, strict=True) if p.date is None for k in nums}
    # bucket (key, week) as key * span + week + 1; the date-free bucket of a key: key * span
    span = 2 + max((p.date // WINDOW_DAYS for p in ps if p.date is not None), default=0) + 1
    bucketed: list[list[int]] = []
    for p, nums in zip(ps, shared, strict=True):
        base = [kn * span for kn in nums]
        if p.date is None:
            bucketed.append(base)
            continue
        week = p.date // WINDOW_DAYS + 1
        out = [*map(add, base, repeat(week)), *map(add, base, repeat(week + 1))]
        if undated:
            out += [kn * span for kn in nums if kn in undated]
        bucketed.append(out)
    return block_pairs(
        bucketed,
        max_block=MAX_BLOCK,
        window=NEIGHBOURS,
        order=lambda i: (ps[i].date or 0, i),
        ordered=ordered,
    )


def day_gap(p: Profile, q: Profile) -> int | None:
    """Days between two articles' dates; None when either is undated (the link model's `gap`)."""
    return None if p.date is None or q.date is None else abs(p.date - q.date)


def link(p: Profile, q: Profile, model: Model = MODEL) -> tuple[str, float] | None:
    """Why two articles are one story, and how strongly (log-odds); None when they are not."""
    gap = day_gap(p, q)
    if gap is not None and gap > WINDOW_DAYS:
        return None
    if p.sig and q.sig and estimate(p.sig, q.sig) >= COPY_JACCARD:
        return "copy", COPY_SCORE
    score = model.score(features(p, q, gap))
    return ("model", score) if score >= model.threshold else None


def _vouched(
    ps: list[Profile], a: list[int], b: list[int], model: Model, seen: dict[tuple[int, int], float]
) -> bool:
    """Whether two stories about to be joined by their strongest link agree as wholes: the mean
    link score of their article pairs within WINDOW_DAYS of each other (each capped at
    CHAIN_CAP, so one near copy does not vouch for the rest; at most CHAIN_SIDE articles of
    each side, in the order they joined it) is at least CHAIN_MEAN. `seen` keeps each pair's
    capped score for the grouping run: a refused join is asked again at every later link
    between the same two stories. Single link alone chains: a distractor that
    one report links to (another language's report of a neighbouring happening, another case at
    the same court) would pull in a story whose other reports score it far under the threshold.
    Two single articles are judged by their link alone. CHAIN_MEAN lies halfway between the
    highest mean of a wrong join in the tuning sets tune to tune5 and xlang (-0.52, a trial at
    the same court) and the lowest of a right one (-0.06, a storm's disaster declaration)."""
    if len(a) + len(b) < 3:
        return True
    total = 0.0
    n = 0
    for i in a[:CHAIN_SIDE]:
        p = ps[i]
        for j in b[:CHAIN_SIDE]:
            gap = day_gap(p, ps[j])
            if gap is not None and gap > WINDOW_DAYS:
                continue
            if (score := seen.get((i, j))) is None:
                score = seen[i, j] = min(CHAIN_CAP, model.score(features(p, ps[j], gap)))
            total += score
            n += 1
    return not n or total >= CHAIN_MEAN * n


def _order(d: ArticleDigest) -> tuple[str, str]:
    return (d.article.id, d.article.content_hash)


def group_stories(
    digests: Sequence[ArticleDigest], *, model: Model = MODEL
) -> list[list[ArticleDigest]]:
    """The digests grouped into stories, each sorted by (article id, content hash); stories sorted
    by their first member. Independent of input order. `model`: the link model (default: the
    shipped one). The cyclic garbage collector is off meanwhile: what grouping builds holds no
    cycle (reference counting frees it), and the collector's full passes walked every digest held
    (about a seventh of the time at 10,000 digests, for nothing)."""
    with no_cyclic_gc():
        return _group(digests, model)


def _group(digests: Sequence[ArticleDigest], model: Model) -> list[list[ArticleDigest]]:
    ds = sorted(digests, key=_order)
    ps = profiles(ds)
    scored = []
    # the pairs in no particular order: the links kept are ordered below (a total order)
    for i, j in _candidates(ps, ordered=False):
        why = link(ps[i], ps[j], model)
        if why is not None:
            a, b = (i, j) if _order(ds[i]) < _order(ds[j]) else (j, i)
            scored.append((-why[1], _order(ds[a]), _order(ds[b]), a, b))
    # follow-ups weeks on (story_followup), joined after every model link
    for i, j in fu.candidates(ps):
        if fu.followup(ps[i], ps[j], fu.FOLLOW_FROM):
            a, b = (i, j) if _order(ds[i]) < _order(ds[j]) else (j, i)
            scored.append((-fu.FOLLOW_SCORE, _order(ds[a]), _order(ds[b]), a, b))
    heapq.heapify(scored)
    uf = UnionFind(len(ds))
    span = {i: (p.date, p.date) for i, p in enumerate(ps)}
    vouched: dict[tuple[int, int], float] = {}  # pair scores the chain check has read

    limit = MAX_SPAN_DAYS

    def allow(ri: int, rj: int) -> bool:
        lo = [x for x in (span[ri][0], span[rj][0]) if x is not None]
        hi = [x for x in (span[ri][1], span[rj][1]) if x is not None]
        if lo and max(hi) - min(lo) > limit:
            return False
        if limit == fu.FOLLOW_DAYS:
            return fu.vouched([ps[i] for i in uf.members[ri]], [ps[j] for j in uf.members[rj]])
        return _vouched(ps, uf.members[ri], uf.members[rj], model, vouched)

    while scored:
        score, _, _, a, b = heapq.heappop(scored)
        # a follow-up link may join a story spanning up to FOLLOW_DAYS
        limit = MAX_SPAN_DAYS if -score > fu.FOLLOW_SCORE else fu.FOLLOW_DAYS
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        keep = uf.union(a, b, allow)
        if keep is None:
            continue
        drop = rb if keep == ra else ra
        (l1, h1), (l2, h2) = span[keep], span.pop(drop)
        lo = [x for x in (l1, l2) if x is not None]
        hi = [x for x in (h1, h2) if x is not None]
        span[keep] = (min(lo) if lo else None, max(hi) if hi else None)
    return [[ds[i] for i in g] for g in uf.groups()]
