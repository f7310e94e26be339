"""Speaker attribution for the offline engine: cue verbs and patterns around each quotation, then
continuation, pronoun and description resolution to the article's actors.

Role-only speakers ("a senior official said", "Iraqi officials who condemned ...") get as speaker
the role phrase without its article plus the suffix " (unnamed)", e.g. "senior official (unnamed)",
"Iraqi officials (unnamed)" — the same canonical form `extract_actors` gives the anonymous actor —
unless the article names exactly one actor with that role ("a Pentagon spokesperson" when
"Patrick Ryder, a Pentagon spokesperson" appears), in which case the named actor speaks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from schemas import Actor, ActorType
from service.extract.names import (
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    MONTHS,
    PLURAL_ROLES,
    PRONOUNS,
    QUOTE_CHARS,
    ROLE_NOUNS,
    SENT_END,
    WEEKDAYS,
    Doc,
    _words,
    doc,
    is_acronym,
    is_cap,
    low,
    name_key,
    same_person,
    split_titled,
    strip_possessive,
    surname_key,
)
from service.extract.quotes import QuoteSpan

UNNAMED = " (unnamed)"

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
    """
)
CUE_FINITE = frozenset(_FINITE) - {"went", "call", "read", "report", "post", "note", "comment"}
CUE_PARTICIPLE = _words(
    """
    saying telling adding stating writing warning declaring announcing explaining insisting
    claiming arguing noting recalling acknowledging admitting asserting stressing
    emphasizing emphasising urging replying responding answering asking tweeting posting
    commenting remarking concluding suggesting predicting vowing pledging promising
    confirming denying describing calling condemning revealing reporting attributing
    cautioning observing countering agreeing boasting maintaining lamenting conceding
    estimating musing repeating complaining demanding threatening criticising criticizing
    praising labelling labeling dubbing terming accusing
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
# Words between a subject and its cue verb: "also said", "went on to say", "has told".
_AUX = _words(
    """
    also later then further previously earlier again has have had was were is are will would
    could can may might went go goes going on to be been reportedly separately recently once
    often did does do not never just however subsequently repeatedly publicly privately
    quickly immediately simply only still initially first finally yet already
    """
)
_TIME = (
    _words(
        """
        on today yesterday tonight last this next week month year night morning evening
        afternoon earlier later weekend
        """
    )
    | WEEKDAYS
    | MONTHS
)
_RELATIVE = frozenset(["who", "which", "that"])
_ORGISH = _words(
    """
    company firm club group team website site newspaper paper agency ministry government
    department organisation organization party airline carrier manufacturer maker bank
    network channel broadcaster militia movement authority council committee office board
    union federation league association institute university outlet publication
    """
)
MAX_NP = 12
MAX_WINDOW = 80


@dataclass(frozen=True, slots=True)
class Cue:
    """A speaker mention found by a cue pattern, before resolution to an actor."""

    kind: str  # name | pronoun | role | definite | epithet | document
    surface: str  # the attributing words as written, role prefix included
    start: int
    end: int
    name: str | None = None  # bare name for kind 'name' (titles stripped)
    role: str | None = None
    rule: str = "cue-before"
    plural: bool = False


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None  # canonical actor name, or None when the text does not say
    mention: (
        str | None
    )  # the attributing words as written ('he', 'Ryder', 'a Pentagon spokesperson')
    mention_span: tuple[int, int] | None
    role: str | None  # 'Pentagon spokesman' when stated
    rule: str | None  # which rule fired


# ---------------------------------------------------------------------------- noun phrases


def _regions(spans: Sequence[QuoteSpan]) -> list[tuple[int, int]]:
    out = []
    for s in spans:
        a = s.open_mark if s.open_mark is not None else s.start
        b = s.close_mark + 1 if s.close_mark is not None else s.end
        out.append((a, b))
    return out


def _strip_det(words: list[str]) -> list[str]:
    while words and low(words[0]) in DETERMINERS | {"unnamed", "unidentified", "anonymous"}:
        words = words[1:]
    return words


def _clean_role(words: list[str]) -> str | None:
    words = _strip_det(list(words))
    for i, w in enumerate(words):
        if low(w) in _RELATIVE and i > 0:
            words = words[:i]
            break
    role = " ".join(words).strip(" ,")
    return role or None


def _clean_role_text(s: str) -> str | None:
    s = " ".join(s.split())
    for rel in (" who ", " which ", " that "):
        p = s.find(rel)
        if p > 0:
            s = s[:p]
    words = _strip_det(s.split())
    return " ".join(words).strip(" ,") or None


def _np_back(d: Doc, j: int, lo: int) -> Cue | None:
    """The noun phrase ending at token j (inclusive), not reaching before token lo."""
    w = d.words
    if j < lo:
        return None
    lw = low(w[j])
    if lw in PRONOUNS and not w[j].isupper() or w[j] == "I":
        return Cue("pronoun", w[j], d.starts[j], d.ends[j], plural=lw == "they")
    k = j
    word = strip_possessive(w[j])
    if is_cap(word) or is_acronym(word) or ("." in word and word[0].isalpha()):
        # a name, possibly with titles and a role before it ("Pentagon spokesman Maj. Gen. Pat Ryder")
        while k - 1 >= lo and j - k < MAX_NP:
            p = w[k - 1]
            lp = low(p)
            if is_cap(p) and lp not in DETERMINERS and lp not in PRONOUNS:
                if d.sent_start[k - 1] and lp in _AUX | _TIME | {
                    "following",
                    "after",
                    "before",
                    "in",
                }:
                    break
                k -= 1
            elif (
                lp in ROLE_NOUNS
                or lp
                in (
                    "former",
                    "then",
                    "acting",
                    "deputy",
                    "senior",
                    "top",
                    "chief",
                    "interim",
                    "vice",
                    "new",
                    "outgoing",
                    "incoming",
                )
                or p in ("’", "'", "-")
                and k - 2 >= lo
                and is_cap(w[k - 2])
                or lp == "of"
                and k - 2 >= lo
                and (low(w[k - 2]) in ROLE_NOUNS or is_cap(w[k - 2]))
            ):
                k -= 1
            else:
                break
        while k < j and not is_cap(w[k]) and low(w[k]) not in ROLE_NOUNS:
            k += 1
        surface = d.text[d.starts[k] : d.ends[j]]
        surface = surface[: len(surface) - (len(w[j]) - len(word))] if word != w[j] else surface
        prev = low(w[k - 1]) if k - 1 >= lo else ""
        if k == j and prev in ("the",) and low(word) in DEMONYMS:
            s = d.starts[k - 1]
            return Cue("epithet", d.text[s : d.ends[j]], s, d.ends[j])
        if prev in ("the", "a", "an") and not is_cap(w[k]):
            pass
        t = split_titled(surface)
        name_words = t.name.split()
        if all(low(x) in ROLE_NOUNS or low(x) in DEMONYMS for x in name_words):
            return _role_np(d, j, lo)
        s = d.starts[k]
        return Cue("name", surface, s, s + len(surface), name=t.name.strip(" ’'"), role=t.role)
    if w[j][0].isdigit() and "year-old" in w[j]:
        k = j - 1 if j - 1 >= lo and low(w[j - 1]) == "the" else j
        return Cue("epithet", d.text[d.starts[k] : d.ends[j]], d.starts[k], d.ends[j])
    if w[j][0].isalpha() and w[j][0].islower():
        return _role_np(d, j, lo)
    return None


def _role_np(d: Doc, j: int, lo: int) -> Cue | None:
    """A common-noun phrase ending at token j: 'a Pentagon spokesperson', 'the website'."""
    w = d.words
    k = j
    while k - 1 >= lo and j - k < 8:
        p = w[k - 1]
        lp = low(p)
        if lp in DETERMINERS or lp in ("unnamed", "unidentified", "anonymous"):
            k -= 1
            break
        if (
            not p[0].isalnum()
            or lp in _AUX
            or lp in _TIME
            or lp in ("of", "and", "for", "by", "with", "from", "in", "at")
        ):
            break
        k -= 1
    head = low(w[j])
    surface = d.text[d.starts[k] : d.ends[j]]
    det = low(w[k]) if k < j else ""
    s, e = d.starts[k], d.ends[j]
    if head in DOCUMENT_NOUNS:
        return Cue("document", surface, s, e)
    if "year-old" in head:
        return Cue("epithet", surface, s, e)
    role = _clean_role(w[k : j + 1])
    if head in ROLE_NOUNS or head in _ORGISH or head in PLURAL_ROLES:
        if det in ("the", "this", "that", "its", "his", "her", "their", "our"):
            return Cue("definite", surface, s, e, role=role, plural=head.endswith("s"))
        return Cue(
            "role", surface, s, e, role=role, plural=head in PLURAL_ROLES or head.endswith("s")
        )
    return None


def _np_forward(d: Doc, i: int, hi: int) -> Cue | None:
    """The noun phrase starting at token i ('Ryder', 'the company', 'Pentagon spokesman John Kirby')."""
    w = d.words
    j = i
    while j < hi and low(w[j]) in _TIME:
        j += 1
    if j >= hi:
        return None
    end = j
    if low(w[j]) in DETERMINERS or low(w[j]) in ("unnamed",):
        end = j + 1
        while end < hi and w[end][0].isalnum() and end - j < 8:
            if (
                low(w[end]) in ROLE_NOUNS | DOCUMENT_NOUNS | _ORGISH
                or is_cap(w[end])
                and (end + 1 >= hi or not is_cap(w[end + 1]))
            ):
                end += 1
                if (
                    end >= hi
                    or not (w[end][0].isalnum())
                    or low(w[end])
                    in _TIME | {"in", "on", "at", "to", "during", "after", "before", "that", "who"}
                ):
                    break
                continue
            end += 1
        return _np_back(d, end - 1, j)
    while end < hi and end - j < MAX_NP:
        x = w[end]
        lx = low(x)
        if (
            is_cap(x)
            or is_acronym(x)
            or lx in ROLE_NOUNS
            or lx in ("former", "of", "acting", "deputy", "senior")
        ):
            if lx in _TIME:
                break
            end += 1
        else:
            break
    while end - 1 > j and low(w[end - 1]) in ("of",):
        end -= 1
    if end == j:
        return None
    return _np_back(d, end - 1, j)


def _subject_before(d: Doc, v: int, lo: int, mask: list[bool]) -> Cue | None:
    """The subject of the cue verb at token v: skip auxiliaries, times, an appositive, 'who'."""
    w = d.words
    j = v - 1
    while j >= lo and (low(w[j]) in _AUX or low(w[j]) in _TIME):
        j -= 1
    if j < lo or mask[j]:
        return None
    appositive: str | None = None
    if w[j] == ",":
        # "Yehia Rasool, the military spokesperson for ..., said"
        k = j - 1
        while k >= lo and w[k] != "," and j - k < 30:
            k -= 1
        if k < lo or w[k] != ",":
            return None
        appositive = _clean_role_text(d.text[d.ends[k] : d.starts[j]])
        j = k - 1
    if j >= lo and low(w[j]) in _RELATIVE:
        j -= 1
    if j >= lo and w[j] == ")":
        while j >= lo and w[j] != "(":
            j -= 1
        j -= 1
    cue = _np_back(d, j, lo)
    if cue is None:
        return None
    if appositive:
        if appositive[:1].isdigit() and len(appositive) <= 3:
            return cue  # an age: "Calhoun, 67, announced"
        return Cue(
            cue.kind,
            cue.surface,
            cue.start,
            cue.end,
            cue.name,
            cue.role or appositive,
            cue.rule,
            cue.plural,
        )
    return cue


def _after_cue(d: Doc, i: int, hi: int, mask: list[bool]) -> Cue | None:
    """Cue right after a quotation: '..., said Ryder' / '..., Ryder said' / '..., he added'."""
    w = d.words
    while i < hi and w[i] in (",", "—", "–", "-"):
        i += 1
    if i >= hi:
        return None
    if low(w[i]) in CUE_INVERTED:
        cue = _np_forward(d, i + 1, hi)
        if (
            cue is None
            or cue.kind == "pronoun"
            and low(cue.surface) != "he"
            and low(cue.surface) != "she"
        ):
            return None
        return _with_rule(_appositive_after(d, cue, hi), "cue-after")
    for v in range(i + 1, min(hi, i + 30)):
        if mask[v] or w[v] in QUOTE_CHARS:
            return None
        lv = low(w[v])
        if lv in CUE_FINITE:
            cue = _subject_before(d, v, i, mask)
            if cue is None or any(low(x) not in DETERMINERS for x in w[i : d.tok_at(cue.start)]):
                return None
            return _with_rule(cue, "cue-after")
        if w[v] in (".", ";", "!", "?") or lv in ("that",) and v - i > 6:
            return None
    return None


def _appositive_after(d: Doc, cue: Cue, hi: int) -> Cue:
    j = d.tok_at(cue.end)
    w = d.words
    if j < hi and w[j] == "," and cue.role is None:
        k = j + 1
        while k < hi and w[k] not in (",", ".", ";") and k - j < 20:
            k += 1
        role = _clean_role_text(
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


def _before_cue(d: Doc, lo: int, hi: int, mask: list[bool]) -> Cue | None:
    """Cue in the sentence before a quotation: 'X said: ...', 'according to X', 'X told Y that ...'."""
    w = d.words
    participle = -1
    for v in range(hi - 1, lo - 1, -1):
        if mask[v]:
            continue
        lv = low(w[v])
        if lv == "according" and v + 1 < hi and low(w[v + 1]) == "to":
            end = v + 2
            while end < hi and w[end] not in (",", ":", ";") and not mask[end]:
                end += 1
            cue = _np_back(d, end - 1, v + 2)
            return _with_rule(cue, "according-to")
        if lv in CUE_FINITE or lv in (
            "say",
            "read",
            "reads",
            "reported",
            "reports",
            "posted",
            "noted",
        ):
            if v + 1 < hi and low(w[v + 1]) == "by":
                continue  # passive: "was described by"
            cue = _subject_before(d, v, lo, mask)
            if cue is not None:
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
        if i < participle and low(w[i]) in (
            "in",
            "on",
            "at",
            "after",
            "earlier",
            "later",
            "during",
        ):
            while i < participle and w[i] != ",":
                i += 1
            i += 1
        cue = _np_forward(d, i, participle)
        return _with_rule(cue, "cue-before")
    return None


# ---------------------------------------------------------------------------- windows


@dataclass(frozen=True, slots=True)
class _Found:
    cue: Cue | None
    para: int
    para_start: bool  # the quotation opens its paragraph
    name_before: bool  # a name sits right before the opening mark ("Biden “has ...")


@lru_cache(maxsize=64)
def find_cues(text: str, spans: tuple[QuoteSpan, ...]) -> tuple[_Found, ...]:
    """The raw cue for each span, before resolution to actors (cached: actors and speakers share it)."""
    d = doc(text)
    regions = _regions(spans)
    n = len(d.words)
    mask = [False] * n
    for a, b in regions:
        i = d.tok_at(a)
        while i < n and d.starts[i] < b:
            mask[i] = True
            i += 1
    out: list[_Found] = []
    for sp, (a, b) in zip(spans, regions, strict=True):
        pi = d.para_of(a)
        pstart = d.paras[pi][0] if d.paras else 0
        para_start = not text[pstart:a].strip()
        first = d.tok_at(a)
        cue: Cue | None = None
        name_before = False
        if sp.depth == 0:
            # after: up to the sentence end or the next quotation
            ai = d.tok_at(b)
            hi = ai
            while (
                hi < n
                and hi - ai < MAX_WINDOW
                and not mask[hi]
                and d.para[hi] == d.para[min(ai, n - 1)]
            ):
                if hi > ai and d.sent_start[hi]:
                    break
                hi += 1
            if ai < n and d.para[ai] == pi:
                cue = _after_cue(d, ai, hi, mask)
            if cue is None:
                lo = first - 1
                while lo >= 0 and first - lo < MAX_WINDOW:
                    if d.para[lo] != pi or not mask[lo] and d.words[lo] in SENT_END:
                        lo += 1
                        break
                    if d.sent_start[lo] and not mask[lo]:
                        break
                    lo -= 1
                lo = max(lo, 0)
                if para_start and pi > 0 and text[: d.paras[pi - 1][1]].rstrip().endswith(":"):
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
        out.append(_Found(cue, pi, para_start, name_before))
    return tuple(out)


# ---------------------------------------------------------------------------- resolution


def anonymous_name(role: str) -> str:
    """Canonical name of a role-only speaker: 'a senior official' -> 'senior official (unnamed)'."""
    words = _strip_det(role.split())
    return " ".join(words) + UNNAMED


def _role_key(role: str | None) -> str:
    if not role:
        return ""
    k = name_key(" ".join(_strip_det(role.split())))
    for a in ("spokeswoman", "spokesman"):
        k = k.replace(a, "spokesperson")
    return k


class _Index:
    """Actors looked up by name, surname, role and position."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self.by_key: dict[str, list[Actor]] = {}
        self.by_surname: dict[str, list[Actor]] = {}
        self.by_role: dict[str, list[Actor]] = {}
        self.heads: dict[str, list[Actor]] = {}
        for a in actors:
            forms = [a.name, *a.aliases]
            for f in forms:
                for k in {name_key(f), name_key(split_titled(f).name)}:
                    if k and a not in self.by_key.setdefault(k, []):
                        self.by_key[k].append(a)
            if a.type == ActorType.person and not a.anonymous:
                sk = surname_key(a.name)
                if sk:
                    self.by_surname.setdefault(sk, []).append(a)
            if a.role and not a.anonymous:
                self.by_role.setdefault(_role_key(a.role), []).append(a)
                head = name_key(a.role).split()
                if head:
                    self.heads.setdefault(head[-1], []).append(a)

    @staticmethod
    def last_before(cands: Sequence[Actor], offset: int) -> Actor:
        def key(a: Actor) -> tuple[int, int]:
            before = [m.start for m in a.mentions if m.start <= offset]
            if before:
                return (1, max(before))
            return (0, -min((m.start for m in a.mentions), default=0))

        return max(cands, key=key)

    def name(self, name: str, offset: int) -> Actor | None:
        k = name_key(name)
        if k in self.by_key:
            return self.last_before(self.by_key[k], offset)
        cands = [
            a
            for a in self.actors
            if a.type == ActorType.person and not a.anonymous and same_person(a.name, name)
        ]
        if len(k.split()) == 1:
            cands = self.by_surname.get(surname_key(name), [])
        if cands:
            return self.last_before(cands, offset)
        return None

    def mentioned_before(
        self, offset: int, types: set[ActorType], *, lookback: int = 1500
    ) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for a in self.actors:
            if a.type not in types or a.anonymous:
                continue
            for m in a.mentions:
                if offset - lookback <= m.start < offset and (best is None or m.start > best[0]):
                    best = (m.start, a)
        return best[1] if best else None


_PERSON = {ActorType.person}
_ORGS = {ActorType.organization, ActorType.group}


def attribute(text: str, spans: Sequence[QuoteSpan], actors: Sequence[Actor]) -> list[Attribution]:
    """One Attribution per span, same order."""
    spans = tuple(spans)
    if not spans:
        return []
    found = find_cues(text, spans)
    d = doc(text)
    idx = _Index(actors)
    out: list[Attribution] = []
    last: Attribution | None = None  # the most recent attributed quotation
    last_pos = -1
    for sp, f in zip(spans, found, strict=True):
        attr: Attribution | None = None
        if sp.parent is not None and sp.depth > 0 and sp.parent < len(out):
            p = out[sp.parent]
            attr = Attribution(p.speaker, p.mention, p.mention_span, p.role, "nested")
        elif f.cue is not None:
            attr = _resolve(d, f.cue, idx, last, last_pos, sp.start)
        if attr is None or attr.speaker is None and f.cue is None:
            prev = last if last is not None and last.speaker else None
            near = prev is not None and d.para_of(last_pos) >= f.para - 2
            # a continued paragraph, or an uncued quotation next to the last speaker's words
            follows = near and (d.para_of(last_pos) == f.para or f.para_start or f.name_before)
            if prev is not None and (sp.continues or follows):
                attr = _inherit(prev, "continuation")
            elif attr is None:
                attr = Attribution(None, None, None, None, None)
        out.append(attr)
        if attr.speaker is not None:
            last, last_pos = attr, sp.start
    return out


def _inherit(prev: Attribution, rule: str) -> Attribution:
    return Attribution(prev.speaker, None, None, prev.role, rule)


def _resolve(
    d: Doc, cue: Cue, idx: _Index, last: Attribution | None, last_pos: int, at: int
) -> Attribution:
    span = (cue.start, cue.end)
    rule = cue.rule
    if cue.kind == "name":
        a = idx.name(cue.name or cue.surface, cue.start)
        if a is None and cue.role and not (cue.name or "").strip():
            a = None
        speaker = a.name if a else (cue.name or cue.surface)
        role = cue.role or (a.role if a else None)
        return Attribution(speaker, cue.surface, span, role, rule)
    if cue.kind == "pronoun":
        p = low(cue.surface)
        target = _pronoun_target(d, idx, p, cue.start, last, last_pos)
        if target is None:
            return Attribution(None, cue.surface, span, None, None)
        speaker, role = target
        return Attribution(speaker, cue.surface, span, role, "pronoun")
    if cue.kind == "role":
        cands = idx.by_role.get(_role_key(cue.role), [])
        if len(cands) == 1:
            return Attribution(cands[0].name, cue.surface, span, cue.role, rule)
        return Attribution(
            anonymous_name(cue.role or cue.surface), cue.surface, span, cue.role, rule
        )
    if cue.kind == "document":
        a = _document_source(d, idx, cue)
        if a is not None:
            return Attribution(a.name, cue.surface, span, a.role, "document")
        if last is not None and last.speaker:
            return Attribution(last.speaker, cue.surface, span, last.role, "document")
        return Attribution(None, cue.surface, span, None, None)
    # definite descriptions and epithets: 'the website', 'the German', 'the 56-year-old'
    words = name_key(cue.role or cue.surface).split()
    head = words[-1] if words else ""
    cands = idx.heads.get(head, [])
    # 'the manager' states a role; 'the company' or 'the German' does not
    stated = cue.role if head in ROLE_NOUNS else None
    if cands:
        a = idx.last_before(cands, cue.start)
        return Attribution(a.name, cue.surface, span, stated or a.role, "description")
    if cue.kind == "definite" and cue.role and len(words) > 1:
        cands = idx.by_role.get(_role_key(cue.role), [])
        if len(cands) == 1:
            return Attribution(cands[0].name, cue.surface, span, cue.role, "description")
    orgish = head in _ORGISH
    if last is not None and last.speaker and not orgish and not cue.plural:
        return Attribution(last.speaker, cue.surface, span, stated or last.role, "description")
    a = idx.mentioned_before(cue.start, _ORGS if orgish else _PERSON)
    if a is not None:
        return Attribution(a.name, cue.surface, span, stated or a.role, "description")
    if cue.kind == "definite" and cue.role:
        return Attribution(anonymous_name(cue.role), cue.surface, span, cue.role, rule)
    return Attribution(None, cue.surface, span, None, None)


def _pronoun_target(
    d: Doc, idx: _Index, p: str, at: int, last: Attribution | None, last_pos: int
) -> tuple[str, str | None] | None:
    lookback = 2500
    if p in ("he", "she"):
        # a person who became the subject of a sentence after the last quotation beats its speaker
        subj = _subject_person_between(d, idx, max(last_pos, at - lookback), at)
        if subj is not None:
            return subj.name, subj.role
        if last is not None and last.speaker and at - last_pos < lookback:
            return last.speaker, last.role
        a = idx.mentioned_before(at, _PERSON, lookback=lookback)
        return (a.name, a.role) if a else None
    if p in ("it", "we", "i"):
        if last is not None and last.speaker and at - last_pos < lookback:
            return last.speaker, last.role
        if p == "i":
            return None
        a = idx.mentioned_before(at, _ORGS, lookback=lookback)
        return (a.name, a.role) if a else None
    if p == "they":
        if last is not None and last.speaker and at - last_pos < lookback:
            la = idx.by_key.get(name_key(last.speaker))
            if last.speaker.endswith(UNNAMED) or la and la[0].type != ActorType.person:
                return last.speaker, last.role
        a = idx.mentioned_before(at, _ORGS, lookback=lookback)
        return (a.name, a.role) if a else None
    return None


def _subject_person_between(d: Doc, idx: _Index, lo: int, hi: int) -> Actor | None:
    best: tuple[int, Actor] | None = None
    for a in idx.actors:
        if a.type != ActorType.person or a.anonymous:
            continue
        for m in a.mentions:
            if lo < m.start < hi and (best is None or m.start > best[0]):
                t = d.tok_at(m.start)
                k = t
                while k > 0 and not d.sent_start[k] and t - k < 4:
                    k -= 1
                if d.sent_start[k] and t - k < 4:
                    best = (m.start, a)
    return best[1] if best else None


def _document_source(d: Doc, idx: _Index, cue: Cue) -> Actor | None:
    """'The announcement read': whoever made the announcement in an earlier sentence."""
    noun = low(d.words[d.tok_at(cue.end) - 1])
    lo = max(0, cue.start - 1500)
    pos = d.text.rfind(noun, lo, cue.start)
    if pos < 0:
        return idx.mentioned_before(cue.start, _PERSON | _ORGS)
    # the sentence holding that earlier mention: its first actor is the source
    t = d.tok_at(pos)
    while t > 0 and not d.sent_start[t]:
        t -= 1
    s0 = d.starts[t] if t < len(d.starts) else 0
    best: tuple[int, int, Actor] | None = None
    for a in idx.actors:
        for m in a.mentions:
            # a person issuing it beats the organisation named in their title
            k = (a.type != ActorType.person, m.start)
            if s0 <= m.start < pos and (best is None or k < best[:2]):
                best = (*k, a)
    return best[2] if best else idx.mentioned_before(cue.start, _PERSON | _ORGS)
