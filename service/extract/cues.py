"""Cue patterns around quotations ('X said', '..., said X', 'according to X', '..., saying'):
the raw speaker mention for each quote span, shared by speaker attribution and actor finding."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress, repeat

from service.extract import (
    clause_intl,
    cues_before_intl,
    cues_intl,
    cues_new_intl,
    document_intl,
    role_phrase_intl,
)
from service.extract.cue_descriptions import described as _described
from service.extract.cue_descriptions import description_before as _description_before
from service.extract.cue_lexicon import colon_opens
from service.extract.lexicon_intl import language
from service.extract.names import (
    DETERMINERS,
    PRONOUNS,
    QUOTE_CHARS,
    ROLE_NOUNS,
    SENT_END,
    Doc,
    _words,
    doc,
    is_cap,
    low,
    strip_possessive,
)
from service.extract.noun_phrases import (
    AUX,
    CLOSE_MARKS,
    PARTITIVE,
    RELATIVE,
    TIME_WORDS,
    Cue,
    clean_role_text,
    closing_verb,
    noun_use,
    np_back,
    np_forward,
    partitive_name,
)
from service.extract.other_readings import month_surname
from service.extract.quotes import QuoteSpan, marked_regions
from service.extract.subject_intl import without_opener
from service.extract.unnamed_subjects import indefinite_before

_FINITE = _words(
    """
    said says say tell told tells add added adds state stated states write wrote writes warn
    warned warns declare declared declares announce announced announces explain explained
    explains insist insisted insists claim claimed claims argue argued argues note noted
    notes recall recalled recalls acknowledge acknowledged admit admitted admits assert
    asserted asserts stress stressed stresses emphasize emphasized emphasise emphasised
    emphasizes emphasises urge urged urges reply replied replies respond responded responds
    answer answered answers ask asked asks tweet tweeted tweets post posted posts comment
    commented comments remark remarked remarks conclude concluded suggest suggested suggests
    predict predicted predicts vow vowed vows pledge pledged promise promised confirm
    confirmed confirms deny denied denies describe described describes call called calls
    condemn condemned condemns reveal revealed reveals report reported reports read reads
    quip quipped joke joked shout shouted attribute attributed attributes cautioned caution
    cautions observed observe observes continued continues went told countered counter
    counters agreed agree agrees boasted boast added wrote maintained maintains lamented
    laments conceded concedes estimated estimates mused muses repeated repeats complained
    complains demanded demands threatened threatens criticised criticized criticises
    criticizes praised praises labelled labeled dubbed termed accused accuses
    assured assures chanted chants yelled yells exclaimed alleged alleges
    """
)
CUE_FINITE = frozenset(_FINITE) - {"went", "call", "read", "report", "post", "note", "comment"}
# the finite cue verbs with 'read', past tense after a document ('the statement read'), which
# CUE_FINITE leaves out for its present-tense reading
SAID = CUE_FINITE | {"read"}
CUE_PARTICIPLE = _words(
    """
    saying telling adding stating writing warning declaring announcing explaining insisting
    claiming arguing noting recalling acknowledging admitting asserting stressing
    emphasizing emphasising urging replying responding answering asking tweeting posting
    commenting remarking concluding suggesting predicting vowing pledging promising
    confirming denying describing calling condemning revealing reporting attributing
    cautioning observing countering agreeing boasting maintaining lamenting conceding
    estimating musing repeating complaining demanding threatening criticising criticizing
    praising labelling labeling dubbing terming accusing chanting yelling
    """
)
# Finite verbs that may come before their subject ("..., said Ryder").
CUE_INVERTED = _words(
    """
    said says added adds told wrote writes asked asks continued continues explained explains
    warned warns noted notes insisted insists replied replies recalled stressed declared
    concluded tweeted posted countered observed remarked
    """
)
MAX_WINDOW = 80
# the object pronouns a cue may name its speaker by ('according to her'), as their subject forms
OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}
_PLACE_PREPS = frozenset(["in", "at", "from", "across", "near", "throughout", "inside", "outside"])
_PARTY_TAG = re.compile(r"[A-Z]-[A-Z][\w.]*$")


def _subject_before(d: Doc, v: int, lo: int, mask: list[bool]) -> Cue | None:
    """The subject of the cue verb at token v: skip auxiliaries, times, an appositive, 'who'."""
    w = d.words
    j = v - 1
    while j >= lo and (
        low(w[j]) in AUX
        or low(w[j]) in TIME_WORDS
        and not month_surname(w, j, lo)
        or _adverb_after_name(w, j, lo)
    ):
        j -= 1
    if j < lo or mask[j]:
        return None
    appositive: str | None = None
    named: tuple[int, int] | None = None  # a name between the commas: its first, last tokens
    if w[j] == ",":
        # "Yehia Rasool, the military spokesperson for ..., said"
        k = j - 1
        while k >= lo and w[k] != "," and j - k < 30:
            k -= 1
        if k < lo or w[k] != ",":
            return None
        appositive = clean_role_text(d.text[d.ends[k] : d.starts[j]])
        if cues_intl.name_end(d, k + 1, j) == j and j - k <= 5:
            # 'The Chancellor, Rachel Moore, told MPs': the name is the subject, the title its role
            role = role_phrase_intl.role_before(d, k, lo)
            if role is not None:
                name = d.text[d.starts[k + 1] : d.ends[j - 1]]
                return Cue("name", name, d.starts[k + 1], d.ends[j - 1], name=name, role=role)
            named = k + 1, j - 1
        j = k - 1
    if j >= lo and low(w[j]) in RELATIVE:
        j -= 1
    if j >= lo and w[j] == ")":
        while j >= lo and w[j] != "(":
            j -= 1
        j -= 1
    cue = np_back(d, j, lo)
    if cue is None:  # 'His brother, Comrade Emeka Okafor, said': the name between the commas
        cue = np_back(d, named[1], named[0]) if named and language(d.text) == "en" else None
        return cue if cue is not None and cue.kind == "name" else None
    k = d.tok_at(cue.start)
    if named is not None and language(d.text) == "en":
        s, e = d.starts[named[0]], d.ends[named[1]]
        # the name after a description ('His wife, Ana Lazan,') or a body ('boss at Acme, Tom Bell,')
        if cue.kind in ("role", "definite"):
            return Cue("name", d.text[s:e], s, e, name=d.text[s:e], role=cue.role)
        if cue.kind == "name" and k > lo and low(w[k - 1]) in _PLACE_PREPS | {"of", "for"}:
            role = clean_role_text(d.text[d.starts[lo] : cue.end])
            return Cue("name", d.text[s:e], s, e, name=d.text[s:e], role=role)
    if cue.kind == "name" and k > lo and low(w[k - 1]) in _PLACE_PREPS:
        return None  # 'Headteachers in England have warned': the place is not the subject
    if appositive:
        if appositive[:1].isdigit() and len(appositive) <= 3 or _PARTY_TAG.match(appositive):
            return cue  # an age or a party tag: "Calhoun, 67, announced" / "Ellison, R-Ohio, said"
        return replace(cue, role=cue.role or appositive)
    return cue


def _adverb_after_name(w: list[str], j: int, lo: int) -> bool:
    """'Cruz gingerly said': a lower-case -ly word between a capitalised word and the verb."""
    x = w[j]
    if not (len(x) > 4 and x.endswith("ly") and x.islower() and j > lo and is_cap(w[j - 1])):
        return False
    return low(w[j - 1]) not in DETERMINERS  # 'The family said': a noun, after its article


def _after_cue(d: Doc, i: int, hi: int, mask: list[bool]) -> Cue | None:
    """Cue right after a quotation: '..., said Ryder' / '..., Ryder said' / '..., he added'."""
    w = d.words
    if language(d.text) != "en":
        c = cues_new_intl.after_quote(d, i, hi, mask) or cues_intl.after_quote(d, i, hi, mask)
        if c is None or c.kind == "unknown":
            c = clause_intl.inverted_any(d, i, hi, mask, verb_known=c is not None) or c
        if c is not None:
            return c
    while i < hi and w[i] in (",", "—", "–", "-"):
        i += 1
    if i >= hi:
        return None
    if low(w[i]) in CUE_INVERTED:
        cue = np_forward(d, i + 1, hi) or _described(d, i + 1, hi, mask)
        if (
            cue is None
            or cue.kind == "pronoun"
            and low(cue.surface) != "he"
            and low(cue.surface) != "she"
        ):
            return None
        got = _appositive_after(d, cue, hi)
        # '"...," said its chairman, Joseph Kamau': the text names the role's holder outright,
        # so the ranker does not trade him for the body the role belongs to
        apposed = got.kind == "name" and cue.kind in ("role", "definite")
        return _with_rule(got, "cue-apposition" if apposed else "cue-after")
    for v in range(i + 1, min(hi, i + 30)):
        if mask[v] or w[v] in QUOTE_CHARS:
            return None
        lv = low(w[v])
        if lv in CUE_FINITE and not noun_use(d, v) or closing_verb(w, v, hi):
            cue = _subject_before(d, v, i, mask)
            # the verb closes the clause ('one of the sources said.'): it speaks these words,
            # not a clause of its own ('... said the two cases were different')
            closes = v + 1 >= hi or w[v + 1] in CLOSE_MARKS or lv not in CUE_FINITE
            partitive = closes and low(w[i]) in PARTITIVE and i + 1 < v and low(w[i + 1]) == "of"
            named = partitive_name(d, i, v) if partitive else None
            if named is not None:
                return _with_rule(named, "cue-after")  # 'one of the organisers, Ana Ruiz, said'
            if partitive and (cue is None or cue.kind != "name"):
                # '"...," one of the sources said': someone the text does not name, not whoever
                # spoke in the paragraph before
                return Cue("unknown", d.text[d.starts[i] : d.ends[v - 1]], d.starts[i],
                           d.ends[v - 1], rule="cue-after")  # fmt: skip
            if cue is None:
                # '"...," a spokesman for committee Democrats said': a description the noun
                # phrase reader does not take whole is still the speaker, unnamed
                return _with_rule(_described(d, i, v, mask, closes=closes, whole=True), "cue-after")
            lead = w[i : d.tok_at(cue.start)]
            if any(low(x) not in DETERMINERS for x in lead) and not _title_lead(d, i, cue):
                titled = _titled_name(d, i, cue)
                if titled is not None:
                    return _with_rule(titled, "cue-after")
                return _with_rule(_described(d, i, v, mask, closes=closes, whole=True), "cue-after")
            return _with_rule(cue, "cue-after")
        if w[v] in (".", ";", "!", "?") or lv in ("that",) and v - i > 6:
            return None
    return None


def _title_lead(d: Doc, i: int, cue: Cue) -> bool:
    """'..., its director, Rosa Delaney, said': only the name's own title precedes it."""
    lead = d.text[d.starts[i] : cue.start].strip().rstrip(",")
    return bool(cue.role) and clean_role_text(lead) == clean_role_text(cue.role or "")


# kin and ties that, like a title, stand between a name and the full name of the one who speaks
_TIES = frozenset(
    ["ally", "constituent", "friend", "colleague", "son", "daughter", "wife", "husband"]
)
_PREPOSITIONS = frozenset(["for", "of", "at", "in", "with", "from", "to", "on", "by"])
_PARTY = frozenset(["democrat", "republican"])  # 'Oversight ranking Democrat Elijah Cummings'


def _role_then_name(d: Doc, cue: Cue, hi: int) -> Cue | None:
    """'said Clinton ally James Carville', 'said master of ceremonies Asab Al-Tabchi', "said
    Rubio's deputy campaign manager, Rich Beeson": the cue's words go on as a title (lower-case
    words holding a role noun) that ends in a full name, which speaks."""
    if cue.plural or cue.kind not in ("name", "role", "definite"):
        return None
    w = d.words
    j = k = d.tok_at(cue.end)
    role = low(w[j - 1]) in ROLE_NOUNS if j > 0 else False
    while k < hi and k - j < 5 and w[k].isalpha() and (w[k][0].islower() or low(w[k]) in _PARTY):
        role = role or low(w[k]) in ROLE_NOUNS or low(w[k]) in _TIES or low(w[k]) in _PARTY
        k += 1
    if not role or k == j and cue.kind == "name":
        return None
    comma = k < hi and w[k] == "," and k > j
    e = cues_intl.name_end(d, k + comma, hi)
    if e - (k + comma) < 2 or comma and e < hi and w[e] not in (",", ".", ";"):
        return None
    a, b = d.starts[k + comma], d.ends[e - 1]
    title = clean_role_text(d.text[cue.start : d.starts[k]]) or cue.role
    # the mention is the whole phrase: a name inside its title ('Clinton') is not the speaker
    whole = d.text[cue.start : b]
    return Cue("name", whole, cue.start, b, name=d.text[a:b], role=title, rule=cue.rule)


def _titled_name(d: Doc, i: int, cue: Cue) -> Cue | None:
    """'"...," Clinton campaign manager Robby Mook wrote': a title of a few words holding a role
    noun, from token i up to the name, makes one mention with it; the name speaks."""
    k = d.tok_at(cue.start)
    lead = d.words[i:k]
    if cue.kind != "name" or not 0 < len(lead) <= 5 or not all(x.isalpha() for x in lead):
        return None
    if not cue.role and not any(low(x) in ROLE_NOUNS or low(x) in _TIES for x in lead):
        return None
    name = cue.name or cue.surface
    if len(name.split()) < 2 or any(low(x) in _PREPOSITIONS for x in lead):
        return None  # 'a spokesman for committee Democrats': the name is the title's object
    at = cue.end - len(name) if cue.surface.endswith(name) else cue.start
    title = clean_role_text(d.text[d.starts[i] : at])
    whole = d.text[d.starts[i] : cue.end]
    return Cue("name", whole, d.starts[i], cue.end, name=name, role=title)


def _appositive_after(d: Doc, cue: Cue, hi: int) -> Cue:
    j = d.tok_at(cue.end)
    w = d.words
    named = _role_then_name(d, cue, hi)
    if named is not None:
        return named
    if cue.kind in ("role", "definite") and not cue.plural and j + 1 < hi and w[j] == ",":
        # '..., wrote one passenger, Lucy Brennan, on X': the name after the role speaks
        e = cues_intl.name_end(d, j + 1, hi)
        if (
            e > j + 1
            and low(w[j + 1]) not in TIME_WORDS
            and (e >= hi or w[e] in (",", ".", ";") or low(w[e]) in ("on", "in", "at"))
        ):
            a, b = d.starts[j + 1], d.ends[e - 1]
            name = d.text[a:b]
            return Cue("name", name, a, b, name=name, role=cue.role, rule=cue.rule)
    if j < hi and w[j] == "," and cue.role is None:
        k = j + 1
        while k < hi and w[k] not in (",", ".", ";") and k - j < 20:
            k += 1
        role = clean_role_text(
            d.text[d.ends[j] : d.starts[k]] if k < len(w) else d.text[d.ends[j] :]
        )
        if role and any(low(x) in ROLE_NOUNS for x in role.split()):
            return Cue(
                cue.kind, cue.surface, cue.start, cue.end, cue.name, role, cue.rule, cue.plural
            )
    return cue


def _with_rule(cue: Cue | None, rule: str) -> Cue | None:
    if cue is None:
        return None
    return Cue(cue.kind, cue.surface, cue.start, cue.end, cue.name, cue.role, rule, cue.plural)


# every word _before_cue acts on (compared lower-cased, dots dropped)
_BEFORE_KEYS = SAID | CUE_PARTICIPLE | {"according"}


def _no_key(words: list[str], keys: frozenset[str]) -> bool:
    """No word's `low` form is one of `keys` (plain letters): checked in C on the lower-cased
    words, and through `low` only for the words holding a dot, which it drops."""
    if not keys.isdisjoint(map(str.lower, words)):
        return False
    dotted = compress(words, map(str.__contains__, words, repeat(".")))
    return keys.isdisjoint(map(low, dotted))


def _before_cue(d: Doc, lo: int, hi: int, mask: list[bool]) -> Cue | None:
    """Cue in the sentence before a quotation: 'X said: ...', 'according to X', 'X told Y that ...'."""
    w = d.words
    if language(d.text) != "en":
        c = (
            cues_new_intl.before_quote(d, lo, hi, mask)
            or cues_before_intl.before_quote(d, lo, hi, mask)
            or clause_intl.sentence_subject(d, lo, hi, mask)
        )
        if c is not None:
            return c
    colon = colon_opens(w, lo, hi)
    if colon < 0 and _no_key(w[lo:hi], _BEFORE_KEYS):
        return None  # no token below is one the loop acts on
    participle = -1
    for v in range(hi - 1, lo - 1, -1):
        if mask[v]:
            continue
        lv = low(w[v])
        if lv == "according" and v + 1 < hi and low(w[v + 1]) == "to":
            end = v + 2
            while end < hi and w[end] not in (",", ":", ";") and not mask[end]:
                end += 1
            if end == v + 3 < hi and low(w[v + 2]) in OBJECT_PRONOUNS and w[end] in (",", ":"):
                # 'According to her, "..."': the pronoun of someone just named
                s, e = d.starts[v + 2], d.ends[v + 2]
                return _with_rule(Cue("pronoun", w[v + 2], s, e), "according-to")
            cue = np_back(d, end - 1, v + 2)
            return _with_rule(cue, "according-to")
        if lv in SAID or colon == v + 1 and lv.endswith("ed") and w[v].islower():
            if v + 1 < hi and low(w[v + 1]) == "by":
                continue  # passive: "was described by"
            if noun_use(d, v):
                continue  # "called Clinton's remarks ...": a noun, not the cue verb
            cue = (
                _subject_before(d, v, lo, mask)
                or _description_before(d, v, lo, mask)
                or indefinite_before(d, v, lo)
            )
            if cue is not None and not _opens_lead_clause(d, cue):
                return _with_rule(cue, "cue-before")
        elif lv in CUE_PARTICIPLE and participle < 0:
            participle = v
    if participle >= 0:
        # "..., saying ...": the speaker is the sentence's subject
        i = lo
        while i < participle and (mask[i] or w[i] in QUOTE_CHARS):
            i += 1
        if i + 1 < participle and w[i].isupper() and w[i + 1] in ("—", "–", "-", ","):
            i += 2  # a dateline: 'WASHINGTON — The White House ...'
        if i < participle and (low(w[i]) in _LEAD_CLAUSE or _gerund(w[i])):
            # 'In 2016, X ...', 'When asked about it, X ...', 'Continuing to explain, X ...'
            while i < participle and w[i] != ",":
                i += 1
            i += 1
        cue = np_forward(d, i, participle)
        return _with_rule(cue, "cue-before")
    return None


# conjunctions of time, cause and concession opening a clause set before the main one ('After
# the vote, ...', 'Although he lost, ...'): the core that each module's lead-clause list extends
SUBORDINATING = _words("after before when while since although though because")
# words opening a clause that comes before the subject of the sentence
_LEAD_CLAUSE = SUBORDINATING | _words(
    "in on at earlier later during once despite unlike like if as"
)
_SUBORDINATORS = SUBORDINATING | {"once", "until"}

_AFTER_GERUND = frozenset(
    ["to", "the", "a", "an", "his", "her", "their", "its", "on", "about", "at", "with", "from"]
)


def _gerund(word: str) -> bool:
    """'Continuing', 'Speaking': a capitalised -ing word opening a sentence's lead clause."""
    return len(word) > 5 and word.endswith("ing") and word[0].isupper() and word[1:].islower()


def _in_paren(w: list[str], i: int) -> bool:
    """Token i closes a parenthesis or comes right before its closing mark."""
    return w[i] == ")" or i + 1 < len(w) and w[i + 1] == ")"


def _opens_lead_clause(d: Doc, cue: Cue) -> bool:
    """'When asked ..., Cruz said', 'Continuing to explain ..., Carson rejected': the words
    before the verb are a lead clause's opening, not its subject."""
    k = d.tok_at(cue.start)
    first = d.words[k]
    if k > 0 and d.sent_start[k - 1] and low(d.words[k - 1]) in _SUBORDINATORS:
        return True  # 'After FOX13's Craig Patrick asked about it, ...': a subordinate clause
    if not first[:1].isupper():
        return False
    nxt = low(d.words[k + 1]) if k + 1 < len(d.words) else ""
    return low(first) in _LEAD_CLAUSE or _gerund(first) and nxt in _AFTER_GERUND


@dataclass(frozen=True, slots=True)
class FoundCue:
    """The cue found for one quote span, with where the quotation sits in its paragraph."""

    cue: Cue | None
    para: int
    para_start: bool  # the quotation opens its paragraph
    name_before: bool  # a name sits right before the opening mark ("Biden “has ...")


_NON_SPACE = re.compile(r"\S")


def _first_true(flags: list[bool], a: int, b: int) -> int:
    """The first index in [a, b) whose flag is set, else b."""
    if a >= b:
        return b
    try:
        return flags.index(True, a, b)
    except ValueError:
        return b


def _sentence_lo(d: Doc, first: int, pi: int, mask: list[bool]) -> int:
    """The first token of the sentence holding token `first`, looking back at most MAX_WINDOW
    tokens and never before paragraph pi: the token after an end mark, or a sentence start, that
    no quotation holds and no parenthesis closes ('Sen. Ted Cruz (Tex.) has said')."""
    floor = max(first - MAX_WINDOW + 1, 0)  # the lowest token looked at
    pf = bisect_left(d.para, pi, 0, first)  # paragraph pi's first token (paragraphs ascend)
    words, sent_start = d.words, d.sent_start
    for j in range(first - 1, max(floor, pf) - 1, -1):
        if (sent_start[j] or words[j] in SENT_END) and not mask[j] and not _in_paren(words, j):
            return j + (words[j] in SENT_END)
    return pf if pf > floor else max(floor - 1, 0)


@lru_cache(maxsize=64)
def find_cues(text: str, spans: tuple[QuoteSpan, ...]) -> tuple[FoundCue, ...]:
    """The raw cue for each span, before resolution to actors (cached: actors and speakers share it)."""
    d = doc(text)
    regions = marked_regions(spans)
    n = len(d.words)
    mask = [False] * n
    for a, b in regions:
        i = d.tok_at(a)
        j = bisect_left(d.starts, b, i)  # the tokens starting inside the region, one slice
        mask[i:j] = [True] * (j - i)
    sent_start = d.sent_start
    out: list[FoundCue] = []
    for sp, (a, b) in zip(spans, regions, strict=True):
        pi = d.para_of(a)
        pstart = d.paras[pi][0] if d.paras else 0
        # first non-space from the paragraph start; slicing text[pstart:a] was quadratic
        para_start = _NON_SPACE.search(text, pstart, a) is None
        first = d.tok_at(a)
        cue: Cue | None = None
        name_before = False
        if sp.depth == 0:
            # after: up to the sentence end or the next quotation
            ai = d.tok_at(b)
            # up to the first quoted token, or the next sentence start after ai (a new
            # paragraph's first token is one), within MAX_WINDOW tokens: scans in C
            limit = min(n, ai + MAX_WINDOW)
            hi = _first_true(mask, ai, limit)
            hi = _first_true(sent_start, ai + 1, hi)
            # the paragraph the quotation ends in: a later one where it ran on without a mark
            pe = d.para_of(b - 1) if sp.crosses_paragraphs else pi
            if ai < n and d.para[ai] == pe and not clause_intl.colon_closed(d, first, a, b):
                cue = _after_cue(d, ai, hi, mask)
            if cue is None:
                lo = _sentence_lo(d, first, pi, mask)
                # (a paragraph holds a non-space, so its own line is all the rstrip needs)
                prev_s, prev_e = d.paras[pi - 1] if pi > 0 else (0, 0)
                if para_start and pi > 0 and text[prev_s:prev_e].rstrip().endswith(":"):
                    # "It went on to say:" closing the previous paragraph introduces this quotation
                    hi2 = d.tok_at(d.paras[pi - 1][1]) - 1
                    lo2 = hi2
                    while (
                        lo2 > 0
                        and not (d.sent_start[lo2] and not mask[lo2])
                        and d.para[lo2 - 1] == pi - 1
                    ):
                        lo2 -= 1
                    cue = _before_cue(d, lo2, hi2, mask)
                elif first > lo:
                    cue = _before_cue(d, lo, first, mask)
                    j = first - 1
                    name_before = (
                        j >= 0
                        and not mask[j]
                        and d.para[j] == pi
                        and is_cap(strip_possessive(d.words[j]))
                        and low(d.words[j]) not in PRONOUNS
                    )
        if cue is None and sp.depth == 0 and language(text) != "en":
            cue = clause_intl.incise(d, a, b)  # « ..., a-t-il poursuivi, ... »
            if cue is None and not para_start:
                cue = clause_intl.reported_before(d, first, mask)  # 'X zegt dat ... . "..."'
        if cue is not None and language(text) != "en":
            cue = without_opener(d, cue)  # 'Fractievoorzitter Ayoub Benali' -> the name
            cue = clause_intl.reported_antecedent(d, cue, first, mask)
            cue = clause_intl.introduced_before(d, cue, first, mask)
        if sp.depth == 0 and (cue is None or cue.kind in ("implicit", "unknown", "role", "name")):
            cue = document_intl.owner(d, cue, first, d.tok_at(b), mask)  # 'heißt es in einer ...'
        out.append(FoundCue(cue, pi, para_start, name_before))
    return tuple(out)
