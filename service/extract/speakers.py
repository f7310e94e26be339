"""Speaker attribution for the offline engine: each quotation's cue (service.extract.cues) resolved
to the article's actors, then continuations, pronouns and descriptions.

Role-only speakers ("a senior official said", "Iraqi officials who condemned ...") get as speaker
the role phrase without its article plus the suffix " (unnamed)", e.g. "senior official (unnamed)",
"Iraqi officials (unnamed)" — the same canonical form `extract_actors` gives the anonymous actor —
unless the article names exactly one actor with that role ("a Pentagon spokesperson" when
"Patrick Ryder, a Pentagon spokesperson" appears), in which case the named actor speaks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from itertools import compress, count

from schemas import Actor, ActorType
from service.extract import resolve_intl, speaker_frames, speaker_ranker, speaker_spans
from service.extract.actor_mentions import in_regions, union
from service.extract.cues import (
    CUE_FINITE,
    CUE_INVERTED,
    CUE_PARTICIPLE,
    MAX_WINDOW,
    FoundCue,
    find_cues,
    marked_regions,
)
from service.extract.gender_evidence import UNGENDERED, Genders, spoke_in_person
from service.extract.lexicon_intl import PRONOUN_MAP, is_epithet, language
from service.extract.name_gender import agrees
from service.extract.names import (
    DETERMINERS,
    ROLE_NOUNS,
    Doc,
    doc,
    is_cap,
    low,
    name_key,
    same_person,
    split_titled,
    surname_key,
)
from service.extract.noun_phrases import (
    MAX_NP,
    ORGISH,
    UNNAMED,
    Cue,
    anonymous_name,
    role_np,
    strip_det,
)
from service.extract.quotes import QuoteSpan

# names other modules import from here
__all__ = [
    "CUE_FINITE",
    "CUE_INVERTED",
    "CUE_PARTICIPLE",
    "MAX_NP",
    "MAX_WINDOW",
    "UNNAMED",
    "Attribution",
    "Cue",
    "FoundCue",
    "anonymous_name",
    "attribute",
    "find_cues",
    "marked_regions",
]


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str | None  # canonical actor name, or None when the text does not say
    mention: (
        str | None
    )  # the attributing words as written ('he', 'Ryder', 'a Pentagon spokesperson')
    mention_span: tuple[int, int] | None
    role: str | None  # 'Pentagon spokesman' when stated
    rule: str | None  # which rule fired


# ---------------------------------------------------------------------------- resolution


def _role_key(role: str | None) -> str:
    if not role:
        return ""
    k = name_key(" ".join(strip_det(role.split())))
    for a in ("spokeswoman", "spokesman"):
        k = k.replace(a, "spokesperson")
    return k


@lru_cache(maxsize=8192)
def _form_keys(form: str) -> tuple[str, ...]:
    """A name's look-up keys, as written and without its title (cached: names recur)."""
    return tuple({name_key(form), name_key(split_titled(form).name)})


@lru_cache(maxsize=4096)
def _role_parts(role: str) -> tuple[str, tuple[str, ...]]:
    """A role's key and its head phrase's words: 'chief executive of the ... Health Board' is
    headed by 'executive', not 'board' (cached: roles recur)."""
    head = re.split(r" (?:of|at|for|in|with) ", name_key(role))[0].split()
    return _role_key(role), tuple(head)


class _Index:
    """Actors looked up by name, surname, role and position."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self.by_key: dict[str, list[Actor]] = {}
        self.by_surname: dict[str, list[Actor]] = {}
        self.by_role: dict[str, list[Actor]] = {}
        self.heads: dict[str, list[Actor]] = {}
        self.titles: dict[str, list[Actor]] = {}
        self._subjects: tuple[list[int], list[tuple[int, int, Actor]]] | None = None
        self.quoted: list[tuple[int, int]] = []  # quotation regions: no subject inside them
        self.agrees = agrees  # per article, what the text says of gender (gender_evidence)
        # the mentions of the named actors of a set of types, by start (for `mentioned_before`)
        self._by_types: dict[frozenset[ActorType], tuple[list[int], list[tuple[int, int, Actor]]]]
        self._by_types = {}
        # answers of `mentioned_before` and `subject_before`: they depend on the article alone
        self._before: dict[tuple[int, frozenset[ActorType], int, str], Actor | None] = {}
        self._subject_before: dict[tuple[int, str], tuple[int, Actor] | None] = {}
        for a in actors:
            forms = [a.name, *a.aliases]
            for f in forms:
                for k in _form_keys(f):
                    if k and a not in self.by_key.setdefault(k, []):
                        self.by_key[k].append(a)
            if a.type == ActorType.person and not a.anonymous:
                sk = surname_key(a.name)
                if sk:
                    self.by_surname.setdefault(sk, []).append(a)
            if a.role and not a.anonymous:
                role_key, head = _role_parts(a.role)
                self.by_role.setdefault(role_key, []).append(a)
                if head:
                    self.heads.setdefault(head[-1], []).append(a)
                # 'le ministre' / 'der Sprecher': any title word of a longer role
                for word in head:
                    if word in ROLE_NOUNS:
                        self.titles.setdefault(word, []).append(a)

    def subjects(self, d: Doc) -> tuple[list[int], list[tuple[int, int, Actor]]]:
        """Named people's mentions that open a sentence, by start (ties: the earlier actor last,
        so a backward scan meets it first); found once per article."""
        if self._subjects is None:
            opens = partial(_opens_sentence, d, list(compress(count(), d.sent_start)))
            found = [
                (m.start, -n, a)
                for n, a in enumerate(self.actors)
                if a.type == ActorType.person and not a.anonymous
                for m in a.mentions
                if opens(m.start) and not in_regions(m.start, self.quoted)
            ]
            found.sort(key=lambda x: (x[0], x[1]))
            self._subjects = ([x[0] for x in found], found)
        return self._subjects

    def person(self, attr: Attribution) -> bool:
        """The attributed speaker may be 'he', 'she' or 'the 72-year-old': not a place or a body."""
        found = self.by_key.get(name_key(attr.speaker or ""))
        return not found or found[0].type == ActorType.person

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
        self, offset: int, types: set[ActorType], *, lookback: int = 1500, pronoun: str = ""
    ) -> Actor | None:
        """The actor of those types, named and agreeing with the pronoun, whose last mention
        before the offset is the latest, if inside the lookback (ties: the earlier actor)."""
        key = (offset, frozenset(types), lookback, pronoun)
        if key in self._before:  # the same for every quotation that asks (one article)
            return self._before[key]
        starts, found = self._mentions_of(key[1])
        floor = offset - lookback
        refused: set[int] = set()
        best = None
        # back from the offset over every such actor's mentions: the first whose actor agrees
        for k in range(bisect_left(starts, offset) - 1, -1, -1):
            start, n, a = found[k]
            if start < floor:
                break
            if n not in refused:
                if self.agrees(a.name, pronoun):
                    best = a
                    break
                refused.add(n)
        self._before[key] = best
        return best

    def subject_before(self, d: Doc, hi: int, pronoun: str) -> tuple[int, Actor] | None:
        """(start, actor) of the last named person opening a sentence before `hi` who agrees
        with the pronoun (found once per offset and pronoun: every quotation near a pronoun asks
        about it)."""
        key = (hi, pronoun)
        if key in self._subject_before:
            return self._subject_before[key]
        starts, subjects = self.subjects(d)
        got = None
        for k in range(bisect_left(starts, hi) - 1, -1, -1):
            start, _, a = subjects[k]
            if self.agrees(a.name, pronoun):
                got = (start, a)
                break
        self._subject_before[key] = got
        return got

    def _mentions_of(
        self, types: frozenset[ActorType]
    ) -> tuple[list[int], list[tuple[int, int, Actor]]]:
        """The mentions of the named actors of those types as (start, -index, actor), sorted:
        at one start, the earlier actor comes last, so a backward scan meets it first (made once
        per article and set of types)."""
        got = self._by_types.get(types)
        if got is None:
            found = sorted(
                ((m.start, -n, a) for n, a in enumerate(self.actors)
                 if a.type in types and not a.anonymous for m in a.mentions),
                key=lambda x: (x[0], x[1]),
            )  # fmt: skip
            got = self._by_types[types] = ([x[0] for x in found], found)
        return got


_PERSON = {ActorType.person}
_ORGS = {ActorType.organization, ActorType.group}


def attribute(
    text: str,
    spans: Sequence[QuoteSpan],
    actors: Sequence[Actor],
    *,
    ranker: bool = True,
    collect: list[list[speaker_ranker.Candidate] | None] | None = None,
    title: str | None = None,
) -> list[Attribution]:
    """One Attribution per span, same order; `title`, when the text opens with it, marks the
    headline, whose quotations go to the source it names (service.extract.speaker_frames). A quotation the cue rules leave without a speaker
    goes to the learned ranker (service.extract.speaker_ranker) unless `ranker` is False;
    `collect`, when given, receives each span's ranker candidates (for training)."""
    spans = tuple(spans)
    if not spans:
        return []
    found = find_cues(text, spans)
    d = doc(text)
    idx = _Index(actors)
    ctx: speaker_ranker.Context | None = None
    english = (lang := language(text)) == "en"
    hl = speaker_frames.headline_span(d, title) if english else None
    regions = marked_regions(spans)
    idx.quoted = union(list(regions))
    idx.agrees = Genders(d, actors, idx.quoted, lang).agrees
    out: list[Attribution] = []
    last: Attribution | None = None  # the most recent attributed quotation
    last_pos = -1
    for sp, f in zip(spans, found, strict=True):
        attr: Attribution | None = None
        if sp.parent is not None and sp.depth > 0 and sp.parent < len(out):
            p = out[sp.parent]
            attr = Attribution(p.speaker, p.mention, p.mention_span, p.role, "nested")
        elif sp.depth == 0 and (frame := _frame(d, idx, hl, regions, sp)) is not None:
            attr = Attribution(frame.speaker, frame.mention, frame.span, frame.role, frame.rule)
        elif f.cue is not None:
            attr = _resolve(d, f.cue, idx, last, last_pos, sp.start)
        if f.cue is None and f.para_start and not sp.continues and sp.depth == 0:
            attr = _lead_paragraph(d, idx, spans, f.para) or attr
        if attr is None or attr.speaker is None and f.cue is None:
            prev = last if last is not None and last.speaker else None
            near = prev is not None and d.para_of(last_pos) >= f.para - 2
            # a continued paragraph, or an uncued quotation next to the last speaker's words
            follows = near and (d.para_of(last_pos) == f.para or f.para_start or f.name_before)
            if prev is not None and (sp.continues or follows):
                attr = _inherit(prev, "continuation")
            elif attr is None:
                attr = Attribution(None, None, None, None, None)
        if sp.depth == 0 and english and (ranker or collect is not None):
            if ctx is None:
                ctx = speaker_ranker.Context(d, regions, actors)
            attr = _rank(ctx, idx, sp, f, attr, last, last_pos, ranker, collect)
        elif collect is not None:
            collect.append(None)
        if attr.rule == "continuation" and attr.speaker is not None:
            attr = _local_mention(d, idx, attr, sp.start)
        out.append(attr)
        if attr.speaker is not None:
            last, last_pos = attr, sp.start
    return out


def _frame(
    d: Doc,
    idx: _Index,
    hl: tuple[int, int] | None,
    regions: Sequence[tuple[int, int]],
    sp: QuoteSpan,
) -> speaker_frames.Frame | None:
    """The source a headline names, a dash-and-name sign-off or a transcript's speaker turn
    (service.extract.speaker_frames)."""
    if hl is not None and hl[0] <= sp.start < hl[1]:
        at = sp.open_mark if sp.open_mark is not None else sp.start
        return speaker_frames.headline(d, hl, idx.name, idx.actors, regions, at)
    return speaker_frames.sign_off(d, idx.name, sp.close_mark) or speaker_frames.turn(
        d, idx.name, sp.start
    )


# rules whose pick the ranker may overrule (fitted on train: see scripts/train_speaker_ranker.py)
OVERRULED = frozenset(
    ["continuation", "lead-paragraph", "description", "pronoun", "cue-before", "cue-after"]
)


def _rank(
    ctx: speaker_ranker.Context,
    idx: _Index,
    sp: QuoteSpan,
    f: FoundCue,
    attr: Attribution,
    last: Attribution | None,
    last_pos: int,
    ranker: bool,
    collect: list[list[speaker_ranker.Candidate] | None] | None,
) -> Attribution:
    """The ranker's choice where the rules found no cue, or used a rule it may overrule."""
    d = ctx.d
    resolve = partial(_resolve_pronoun, d, idx, last, last_pos)
    region = marked_regions((sp,))[0]
    pick = speaker_ranker.Pick(attr.speaker, attr.rule, attr.mention_span, attr.role)
    describe = partial(_describe, d, idx, last, last_pos)
    cands = speaker_ranker.candidates(
        ctx, region, last.speaker if last else None, resolve, pick, describe
    )
    if collect is not None:
        collect.append(cands)
    if not ranker:
        return attr
    if attr.speaker is None and f.cue is None:
        top = speaker_ranker.best(cands)
        if top is None or speaker_ranker.unnamed_cue(d, region, top):
            return attr  # '"...," one of the sources said': someone the text does not name
    elif attr.speaker is not None and attr.rule in OVERRULED and not sp.continues:
        top = speaker_ranker.best(cands)
        if top is None or top.speaker == attr.speaker:
            return attr
        a, b = attr.mention_span or (0, 0)
        if a < top.end and top.start < b:
            return attr  # 'Pentagon' inside the cue's 'Pentagon spokesperson': the phrase speaks
    else:
        # a cue naming nobody ('one of the sources said') stays without a speaker
        return attr
    mention = d.text[top.start : top.end] if top.end > top.start else None
    span = (top.start, top.end) if mention else None
    return Attribution(top.speaker, mention, span, top.role, "ranker")


def _local_mention(d: Doc, idx: _Index, attr: Attribution, at: int) -> Attribution:
    """A continued quotation points at its speaker's name in its own paragraph when the text
    names them there ('"...," Axelrod said. "..."'), not at a mention in an earlier one."""
    span = attr.mention_span
    if span is not None and d.para_of(span[0]) == d.para_of(at):
        return attr
    found = idx.by_key.get(name_key(attr.speaker or ""))
    near = found and speaker_spans.nearest_in_paragraph(d, found[0].mentions, idx.quoted, at)
    if not near:
        return attr
    return Attribution(attr.speaker, d.text[near[0] : near[1]], near, attr.role, attr.rule)


def _describe(
    d: Doc, idx: _Index, last: Attribution | None, last_pos: int, t: int, h: int
) -> tuple[str, str | None] | None:
    """A description opening a sentence ('The Florida senator', 'a friend') resolved as a cue's
    words would be: to the actor it describes, else to an unnamed speaker."""
    cue = role_np(d, h, t)
    if cue is None or cue.kind == "unknown":
        return None
    attr = _resolve(d, cue, idx, last, last_pos, cue.start)
    return (attr.speaker, attr.role) if attr.speaker else None


def _resolve_pronoun(
    d: Doc, idx: _Index, last: Attribution | None, last_pos: int, p: str, at: int
) -> tuple[str, str | None] | None:
    return _pronoun_target(d, idx, p, at, last, last_pos)


def _lead_paragraph(d: Doc, idx: _Index, spans: Sequence[QuoteSpan], pi: int) -> Attribution | None:
    """An uncued quotation opening a paragraph, introduced by the paragraph before ('Helen Marsh
    ... said her pupils had ...') or named by the one after ('So says Walter Brandt, ...')."""
    if pi + 1 < len(d.paras):
        a, b = d.paras[pi + 1]
        m = _SO_SAYS_RE.match(d.text, a, b)
        if m:
            actor = idx.name(m.group(1), m.start(1))
            if actor is not None and actor.type == ActorType.person:
                s = m.start(1)
                return Attribution(actor.name, m.group(1), (s, m.end(1)), actor.role, "so-says")
    if pi == 0:
        return None
    a, b = d.paras[pi - 1]
    if any(a <= sp.start < b for sp in spans):
        return None
    words = {low(w) for w in d.text[a:b].split()}
    if not words & CUE_FINITE:
        return None
    subj = _subject_person_between(d, idx, a - 1, b)
    if subj is None:
        return None
    return Attribution(subj.name, None, None, subj.role, "lead-paragraph")


_SO_SAYS_RE = re.compile(r"So (?:says|said) ((?:[A-Z][\w'’-]+ ?){1,4})")


def _inherit(prev: Attribution, rule: str) -> Attribution:
    """A continuation points at the mention that attributed the quotation it continues."""
    return Attribution(prev.speaker, prev.mention, prev.mention_span, prev.role, rule)


def _resolve(
    d: Doc, cue: Cue, idx: _Index, last: Attribution | None, last_pos: int, at: int
) -> Attribution:
    span = (cue.start, cue.end)
    rule = cue.rule
    if cue.kind == "unknown":
        return Attribution(None, None, None, None, None)
    if cue.kind == "definite" and language(d.text) != "en" and not is_epithet(cue.surface):
        return _resolve_title(idx, cue, span)  # an epithet ('la mandataria') reads as in English
    if cue.kind == "name":
        # up to the cue's end: its own mention counts, behind a title too ('Mrs. Holloway')
        a = idx.name(cue.name or cue.surface, cue.end)
        owner, sep, rest = (cue.name or "").rpartition("'s ")
        if a is None and sep and owner and rest[:1].isupper():
            # "Al Jazeera's Yasmin al-Hashimi": the person after the possessive speaks
            a = idx.name(rest, cue.start)
        if a is None and cue.role and not (cue.name or "").strip():
            a = None
        speaker = a.name if a else (cue.name or cue.surface)
        role = cue.role or (a.role if a else None)
        return Attribution(speaker, cue.surface, span, role, rule)
    if cue.kind == "implicit":
        # a dropped subject ('"...", añadió.'): resolved like 'he' or 'she', with no mention
        target = _pronoun_target(d, idx, "", cue.start, last, last_pos)  # of either gender
        if target is None:
            return Attribution(None, None, None, None, None)
        return Attribution(target[0], None, None, target[1], "pronoun")
    if cue.kind == "pronoun":
        p = low(cue.surface)
        p = "" if p in UNGENDERED else PRONOUN_MAP.get(p, p)
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
    if cue.kind == "definite" and head in ROLE_NOUNS and not cue.plural:
        # 'A United Nations official, who ..., said ...' then '"...," the official said'
        role = _indefinite_antecedent(d.text, head, max(last_pos, cue.start - 1500), cue.start)
        if role is not None:
            return Attribution(anonymous_name(role), cue.surface, span, role, "description")
    if cands:
        a = idx.last_before(cands, cue.start)
        return Attribution(a.name, cue.surface, span, stated or a.role, "description")
    if cue.kind == "definite" and cue.role and len(words) > 1:
        cands = idx.by_role.get(_role_key(cue.role), [])
        if len(cands) == 1:
            return Attribution(cands[0].name, cue.surface, span, cue.role, "description")
    orgish = head in ORGISH
    if not orgish and not cue.plural:
        # 'the 72-year-old told ...': a person who opened a sentence since the last quotation
        subj = _subject_person_between(d, idx, max(last_pos, cue.start - 2500), cue.start)
        if subj is not None:
            return Attribution(subj.name, cue.surface, span, stated or subj.role, "description")
    if last is not None and last.speaker and not orgish and not cue.plural and idx.person(last):
        return Attribution(last.speaker, cue.surface, span, stated or last.role, "description")
    a = idx.mentioned_before(cue.start, _ORGS if orgish else _PERSON)
    if a is not None:
        return Attribution(a.name, cue.surface, span, stated or a.role, "description")
    if cue.kind == "definite" and cue.role:
        return Attribution(anonymous_name(cue.role), cue.surface, span, cue.role, rule)
    return Attribution(None, cue.surface, span, None, None)


def _resolve_title(idx: _Index, cue: Cue, span: tuple[int, int]) -> Attribution:
    """'le ministre', 'der Sprecher', "l'azienda": the named actor holding that title, else an
    unnamed one; never simply the last speaker, who may hold another title."""
    words = [name_key(x) for x in (cue.role or cue.surface).split()]
    title = next((x for x in words if x in ROLE_NOUNS), "")
    if title:
        cands = idx.titles.get(title, [])
        if cands:
            holder = idx.last_before(cands, cue.start)
            return Attribution(holder.name, cue.surface, span, holder.role, "description")
        return Attribution(anonymous_name(cue.role or cue.surface), cue.surface, span, cue.role,
                           cue.rule)  # fmt: skip
    a = resolve_intl.body_named(idx.actors, words, cue.start)
    if a is None and not resolve_intl.generic(words):  # 'le ministère', none named: unnamed
        return Attribution(anonymous_name(cue.role or cue.surface), cue.surface, span, cue.role,
                           cue.rule)  # fmt: skip
    a = a or idx.mentioned_before(cue.start, _ORGS, lookback=800)
    if a is not None:
        return Attribution(a.name, cue.surface, span, a.role, "description")
    return Attribution(None, cue.surface, span, None, None)


def _pronoun_target(
    d: Doc, idx: _Index, p: str, at: int, last: Attribution | None, last_pos: int
) -> tuple[str, str | None] | None:
    lookback = 2500
    if p in ("he", "she", ""):
        # a person who became the subject of a sentence after the last quotation beats its speaker
        # ... when it agrees in gender with the pronoun (first names learnt from train)
        subj = _subject_person_between(d, idx, max(last_pos, at - lookback), at, p)
        if subj is not None:
            return subj.name, subj.role
        if (
            last is not None
            and last.speaker
            and at - last_pos < lookback
            and idx.person(last)
            and idx.agrees(last.speaker, p)
        ):
            return last.speaker, last.role
        a = idx.mentioned_before(at, _PERSON, lookback=lookback, pronoun=p)
        return (a.name, a.role) if a else None
    if p in ("it", "we", "i"):
        if p == "it" and spoke_in_person(idx.by_key, last):
            last = None  # 'it' never stands for a person, only for what they wrote
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


def _subject_person_between(
    d: Doc, idx: _Index, lo: int, hi: int, pronoun: str = ""
) -> Actor | None:
    """The person whose mention, opening a sentence (perhaps after its title), comes last in
    (lo, hi) and agrees with the pronoun: the last such before `hi`, if after `lo`."""
    got = idx.subject_before(d, hi, pronoun)
    return got[1] if got is not None and got[0] > lo else None


def _opens_sentence(d: Doc, sents: list[int], start: int) -> bool:
    """The token at `start` opens a sentence, perhaps after a title ('Army spokesman Brigadier
    General'); `sents` holds the sentence-starting tokens, in order."""
    t = bisect_left(d.starts, start)
    i = bisect_right(sents, t) - 1
    if i < 0 or t - sents[i] > _MAX_LEAD:
        return False
    k = sents[i]  # the nearest sentence start at or before the token, at most _MAX_LEAD back
    return t - k < 4 or _title_lead(d, k, t)


_MAX_LEAD = 10


def _title_lead(d: Doc, k: int, t: int) -> bool:
    """Tokens k..t-1 open the sentence as the subject's title: 'Army spokesman Brigadier General',
    'The winning candidate,', "The party's leader," (a title run, or a phrase closed by a comma)."""
    lead = d.words[k:t]
    if lead and lead[-1] == ",":
        return "," not in lead[:-1] and not any(low(x) in CUE_FINITE for x in lead)
    return all(is_cap(x) or low(x) in ROLE_NOUNS or low(x) in DETERMINERS for x in lead)


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


_INDEF_RE = r"\b(?:[Aa]n?|[Oo]ne)\s+((?:[\w'’-]+\s+){{0,3}}{head})\b(?!\s*,?\s*(?-i:[A-Z]))"


def _indefinite_antecedent(text: str, head: str, lo: int, hi: int) -> str | None:
    """The role of the last unnamed 'a(n) ... <head>' in text[lo:hi] that no name follows."""
    found = None
    for m in re.finditer(_INDEF_RE.format(head=re.escape(head)), text[lo:hi], re.IGNORECASE):
        found = m.group(1)
    return found
