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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from schemas import Actor, ActorType
from service.extract import (
    beside_quote_intl,
    exchange_intl,
    pronoun_ranker,
    resolve_intl,
    speaker_frames,
    speaker_ranker,
    speaker_spans,
)
from service.extract.actor_mentions import union
from service.extract.body_spokesperson import body_of_spokesperson
from service.extract.cue_words_intl import article_gender, verb_gender
from service.extract.cues import (
    CUE_FINITE,
    CUE_INVERTED,
    CUE_PARTICIPLE,
    MAX_WINDOW,
    OBJECT_PRONOUNS,
    FoundCue,
    find_cues,
    marked_regions,
)
from service.extract.gender_evidence import (
    ROLE_COMPOUNDS,
    UNGENDERED,
    Genders,
    noun_gender,
)
from service.extract.lexicon_intl import PRONOUN_MAP, is_epithet, language
from service.extract.name_prefix import leading_form
from service.extract.name_span_intl import title_stem
from service.extract.names import ROLE_NOUNS, Doc, doc, low, name_key
from service.extract.noun_phrases import (
    CROWDS,
    MAX_NP,
    ORGISH,
    UNNAMED,
    Cue,
    anonymous_name,
    role_np,
)
from service.extract.quotes import QuoteSpan
from service.extract.speaker_index import ActorIndex, is_title_key, role_key
from service.extract.speaker_pronouns import pronoun_rule as _pronoun_rule
from service.extract.speaker_pronouns import subject_person_between as _subject_person_between
from service.extract.unnamed_cue import unnamed_cue
from service.extract.unnamed_subjects import (
    document_source,
    indefinite_antecedent,
    indefinite_subject,
)

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
    idx = ActorIndex(actors)
    ctx: speaker_ranker.Context | None = None
    english = (lang := language(text)) == "en"
    hl = speaker_frames.headline_span(d, title) if english else None
    regions = marked_regions(spans)
    idx.quoted = union(list(regions))
    idx.body = hl[1] if hl else 0
    genders = Genders(d, actors, idx.quoted, lang)
    idx.agrees = genders.agrees
    if english and pronoun_ranker.weights():
        idx.gender = genders.of  # switches the learned choice of 'he' and 'she' on
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
        if attr is None and f.cue is None and f.para_start and not sp.continues and sp.depth == 0:
            attr = _lead_paragraph(d, idx, spans, f.para) or attr
        if not english and f.cue is None and sp.depth == 0 and (attr is None or not attr.speaker):
            beside = beside_quote_intl.speaker(d, idx, sp, f.para, f.para_start)
            if beside is not None:
                # 'Mme Roussel s'est réjouie que « ... »': the person named in full before
                short = resolve_intl.behind_honorific(name := beside.name)
                if short != name and " " not in short:
                    name = resolve_intl.full_form(idx.actors, short, sp.start, lang) or name
                attr = Attribution(name, None, None, beside.role, "beside")
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
            # the candidates (and the article's ranker tables) are built only where the ranker
            # may change the answer, or for training
            if collect is not None or _ranker_decides(sp, f, attr):
                if ctx is None:
                    ctx = speaker_ranker.Context(d, regions, actors)
                attr = _rank(ctx, idx, sp, f, attr, last, last_pos, ranker, collect)
        elif collect is not None:
            collect.append(None)
        if attr.rule == "continuation" and attr.speaker is not None:
            attr = _local_mention(d, idx, attr, sp.start)
        out.append(attr)
        if attr.speaker is not None and not _group_speaks(f, attr):
            # a crowd's chant interrupts the speaker, who goes on after it
            last, last_pos = attr, sp.start
    asked = (
        []
        if english
        else speaker_frames.interviewer_questions(
            text, spans, [a.speaker for a in out], [f.cue is not None for f in found]
        )
    )
    for i in asked:
        out[i] = Attribution(None, None, None, None, None)  # the reporter asks
    for i, j in exchange_intl.replies(text, spans, out, found, english):
        out[i] = _inherit(out[j], "reply")  # '« ...? », lui a demandé X. « ... »': the one asked
    return out


def _frame(
    d: Doc,
    idx: ActorIndex,
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


def _ranker_decides(sp: QuoteSpan, f: FoundCue, attr: Attribution) -> bool:
    """`_rank` reads the ranker's pick: no cue and no speaker, or a speaker by a rule it may
    overrule (every other answer it keeps as the rules gave it, so its candidates need not be
    built; tests/test_speaker_ranker_gate.py compares the two)."""
    if attr.speaker is None:
        return f.cue is None
    return attr.rule in OVERRULED and not sp.continues and not _group_speaks(f, attr)


def _group_speaks(f: FoundCue, attr: Attribution) -> bool:
    """The cue right by the quotation is a crowd the text does not name ('the crowd chanted',
    'Hundreds shouted', 'the protesters chanted'): no person the ranker could pick said the words.
    Other plural subjects ('his supporters', 'the candidates') the ranker may still overrule: on
    PolNeAR train it was right to in most of them."""
    cue = f.cue
    return (
        cue is not None
        and attr.rule in ("cue-before", "cue-after")
        and attr.speaker is not None
        and attr.speaker.endswith(UNNAMED)
        and attr.mention_span == (cue.start, cue.end)
        and low(cue.surface.split()[-1]) in CROWDS
    )


def _rank(
    ctx: speaker_ranker.Context,
    idx: ActorIndex,
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
        if top is None or unnamed_cue(d, region, top):
            return attr  # '"...," one of the sources said': someone the text does not name
    elif (
        attr.speaker is not None
        and attr.rule in OVERRULED
        and not sp.continues
        and not _group_speaks(f, attr)
    ):
        top = speaker_ranker.best(cands)
        if top is None:
            return attr
        a, b = attr.mention_span or (0, 0)
        if top.speaker == attr.speaker:
            if attr.rule == "description" or top.end <= top.start or a < top.end and top.start < b:
                return attr
            # the same speaker by another mention: the ranker's is the Source the annotators
            # mark more often (PolNeAR train: the rule's 28 times, the ranker's 167)
            at = (top.start, top.end)
            return Attribution(attr.speaker, d.text[at[0] : at[1]], at, attr.role, attr.rule)
        if a < top.end and top.start < b:
            return attr  # 'Pentagon' inside the cue's 'Pentagon spokesperson': the phrase speaks
    else:
        # a cue naming nobody ('one of the sources said') stays without a speaker
        return attr
    mention = d.text[top.start : top.end] if top.end > top.start else None
    span = (top.start, top.end) if mention else None
    return Attribution(top.speaker, mention, span, top.role, "ranker")


def _local_mention(d: Doc, idx: ActorIndex, attr: Attribution, at: int) -> Attribution:
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
    d: Doc, idx: ActorIndex, last: Attribution | None, last_pos: int, t: int, h: int
) -> tuple[str, str | None] | None:
    """A description opening a sentence ('The Florida senator', 'a friend') resolved as a cue's
    words would be: to the actor it describes, else to an unnamed speaker."""
    cue = role_np(d, h, t)
    if cue is None or cue.kind == "unknown":
        return None
    if cue.kind == "document" and low(d.words[t]) in ("a", "an"):
        # 'according to a council report': a new document, not one an earlier speaker issued
        return anonymous_name(cue.surface), None
    attr = _resolve(d, cue, idx, last, last_pos, cue.start)
    return (attr.speaker, attr.role) if attr.speaker else None


def _resolve_pronoun(
    d: Doc, idx: ActorIndex, last: Attribution | None, last_pos: int, p: str, at: int
) -> tuple[str, str | None] | None:
    return _pronoun_target(d, idx, p, at, last, last_pos)


def _lead_paragraph(
    d: Doc, idx: ActorIndex, spans: Sequence[QuoteSpan], pi: int
) -> Attribution | None:
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
    d: Doc, cue: Cue, idx: ActorIndex, last: Attribution | None, last_pos: int, at: int
) -> Attribution:
    span = (cue.start, cue.end)
    rule = cue.rule
    if cue.kind == "unknown":
        return Attribution(None, None, None, None, None)
    if cue.kind == "definite" and language(d.text) != "en" and not is_epithet(cue.surface):
        got = _resolve_title(
            idx, cue, span, d.text
        )  # an epithet ('la mandataria') reads as in English
        if got.speaker is None or got.speaker.endswith(UNNAMED):
            subj = None if cue.plural else resolve_intl.paragraph_subject(d, idx, cue.start)
            if subj is not None:
                return Attribution(subj.name, cue.surface, span, subj.role, "description")
        return got
    if cue.kind == "name":
        # up to the cue's end: its own mention counts, behind a title too ('Mrs. Holloway')
        a = idx.name(cue.name or cue.surface, cue.end)
        owner, sep, rest = (cue.name or "").replace("’s ", "'s ").rpartition("'s ")
        if a is None and sep and owner and rest[:1].isupper():
            # "Al Jazeera's Yasmin al-Hashimi": the person after the possessive speaks
            a = idx.name(rest, cue.start)
        role = cue.role
        if a is None and language(d.text) != "en":
            # 'Niedersachsens Ministerpräsident Olaf Berger forderte': the actor was found
            # without its title, so the cue's tail names it and its head is the role
            words = (cue.name or cue.surface).split()
            for k in range(1, len(words) - 1):
                if (a := idx.name(" ".join(words[k:]), cue.end)) is not None:
                    role = role or " ".join(words[:k])
                    break
        speaker = a.name if a else (cue.name or cue.surface)
        role = role or (a.role if a else None)
        if (lang := language(d.text)) != "en":
            short = resolve_intl.behind_honorific(speaker)  # 'Mme Vanderstraeten' -> the surname
            if " " not in short.strip():
                speaker = resolve_intl.full_form(idx.actors, short, cue.start, lang) or speaker
            else:
                speaker = resolve_intl.with_surname(idx.actors, short, cue.start) or speaker
            speaker = resolve_intl.nominative_name(speaker, lang)  # 'Marije Kovačević'
        elif a is not None and a.type == ActorType.person:
            # 'Dr Koh' -> Koh Wei Ming
            speaker = leading_form(idx.actors, d.text, speaker, cue.start, idx.body)
        return Attribution(speaker, cue.surface, span, role, rule)
    if cue.kind == "implicit":
        # a dropped subject ('"...", añadió.'): resolved like 'he' or 'she', with no mention
        # of either gender, unless a Slavic past tense says which ('przyznała', 'uvedl')
        g = verb_gender(cue.surface, language(d.text)) or article_gender(d, d.tok_at(cue.start))
        target = _pronoun_target(d, idx, g, cue.start, last, last_pos)
        if (
            target is None and g
        ):  # 'Die Kassiererin ... sagte aus. „...“, berichtete die 52-Jährige.'
            role = resolve_intl.role_subject(d, cue.start)
            return Attribution(role and anonymous_name(role), cue.surface, span, role, None)
        if target is None:
            return Attribution(None, None, None, None, None)
        return Attribution(
            resolve_intl.in_full(idx.actors, d.text, target[0], cue.start),
            None,
            None,
            target[1],
            "pronoun",
        )
    if cue.kind == "pronoun":
        p = low(cue.surface)
        p = "" if p in UNGENDERED else PRONOUN_MAP.get(p) or OBJECT_PRONOUNS.get(p, p)
        target = _pronoun_target(d, idx, p, cue.start, last, last_pos)
        if target is None:  # 'De officier van justitie had ... geëist. "...", zei ze'
            role = None if language(d.text) == "en" else resolve_intl.role_subject(d, cue.start)
            return Attribution(role and anonymous_name(role), cue.surface, span, role, None)
        speaker, role = target
        speaker = resolve_intl.in_full(idx.actors, d.text, speaker, cue.start)
        return Attribution(speaker, cue.surface, span, role, "pronoun")
    if cue.kind == "role":
        cands = idx.by_role.get(role_key(cue.role), [])
        if len(cands) == 1:
            return Attribution(cands[0].name, cue.surface, span, cue.role, rule)
        if (held := resolve_intl.title_holder(idx, cue, language(d.text), d.text)) is not None:
            return Attribution(held[0], cue.surface, span, held[1], "description")
        if (body := body_of_spokesperson(d, idx.actors, cue.surface, cue.start)) is not None:
            return Attribution(body, cue.surface, span, cue.role, "description")
        return Attribution(
            anonymous_name(cue.role or cue.surface), cue.surface, span, cue.role, rule
        )
    if cue.kind == "document":
        src = document_source(d, idx, cue)
        if isinstance(src, str):
            return Attribution(anonymous_name(src), cue.surface, span, src, "document")
        if src is not None:
            return Attribution(src.name, cue.surface, span, src.role, "document")
        if last is not None and last.speaker:
            return Attribution(last.speaker, cue.surface, span, last.role, "document")
        return Attribution(None, cue.surface, span, None, None)
    # definite descriptions and epithets: 'the website', 'the German', 'the 56-year-old'
    words = name_key(cue.role or cue.surface).split()
    head = words[-1] if words else ""
    cands = idx.heads.get(head, [])
    if not cands and head in ROLE_NOUNS and cue.kind == "definite" and language(d.text) == "en":
        holders = {a.name: a for a in idx.holders(head, d.text) if a.type == ActorType.person}
        cands = list(holders.values()) if len(holders) == 1 else []  # 'senior coroner X'
    # 'the manager' states a role; 'the company' or 'the German' does not
    stated = cue.role if head in ROLE_NOUNS else None
    if (
        cue.kind == "definite"
        and not cue.plural
        and (head in ROLE_NOUNS or not cands and head not in ORGISH)
    ):
        # 'A United Nations official, who ..., said ...' then '"...," the official said'; an
        # occupation no one named holds too ('A nurse ..., who declined to be named, said')
        role = indefinite_antecedent(d.text, head, max(last_pos, cue.start - 1500), cue.start)
        if role is not None:
            return Attribution(anonymous_name(role), cue.surface, span, role, "description")
    if cands:
        a = idx.last_before(cands, cue.start)
        return Attribution(a.name, cue.surface, span, stated or a.role, "description")
    if cue.kind == "definite" and cue.role and len(words) > 1:
        cands = idx.by_role.get(role_key(cue.role), [])
        if len(cands) == 1:
            return Attribution(cands[0].name, cue.surface, span, cue.role, "description")
    orgish = head in ORGISH
    if not orgish and not cue.plural:
        # 'the 72-year-old told ...': a person who opened a sentence since the last quotation,
        # of the gender a noun says ('the mum fumed', 'the mother-of-two')
        g = {"f": "she", "m": "he"}.get(noun_gender(head.split("-")[0]) or "", "")
        lo = max(last_pos, cue.start - 2500)
        subj = _subject_person_between(d, idx, cue.start - 2500 if g else lo, cue.start, g)
        if subj is not None:
            return Attribution(subj.name, cue.surface, span, stated or subj.role, "description")
    if (
        last is not None
        and last.speaker
        and not orgish
        and not cue.plural
        and idx.person(last.speaker)
    ):
        return Attribution(last.speaker, cue.surface, span, stated or last.role, "description")
    # 'the protesters' are not the one person named before them: unnamed, as below
    a = (
        None
        if cue.plural and not orgish
        else idx.mentioned_before(cue.start, _ORGS if orgish else _PERSON)
    )
    if a is not None and not (len(words) > 1 and head in _UNITS and head not in name_key(a.name)):
        return Attribution(a.name, cue.surface, span, stated or a.role, "description")
    if cue.kind == "definite" and cue.role:  # 'the fire department', no such body named: unnamed
        return Attribution(anonymous_name(cue.role), cue.surface, span, cue.role, rule)
    return Attribution(None, cue.surface, span, None, None)


# Offices a description names by their kind ('the fire department'): a body named before that
# is no such office does not speak for it.
_UNITS = frozenset(["department", "ministry", "office", "agency", "directorate", "brigade"])


def _resolve_title(idx: ActorIndex, cue: Cue, span: tuple[int, int], text: str) -> Attribution:
    """'le ministre', 'der Sprecher', "l'azienda": the named actor holding that title, else an
    unnamed one; never simply the last speaker, who may hold another title."""
    words = [name_key(x) for x in (cue.role or cue.surface).split()]
    title = next((x for x in words if is_title_key(x)), "")
    last_word = (cue.role or cue.surface).rsplit(None, 1)[-1:]
    if not title and last_word and (stem := title_stem(last_word[0], language(text))):
        title = name_key(stem)  # 'ordföranden', 'edilul': the title without its article
    if title:
        cands = idx.holders(title, text)
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
    # "In una nota, l'azienda ha spiegato", no body named before: the company, unnamed
    role = cue.role or cue.surface
    return Attribution(anonymous_name(role), cue.surface, span, role, cue.rule)


def _pronoun_target(
    d: Doc, idx: ActorIndex, p: str, at: int, last: Attribution | None, last_pos: int
) -> tuple[str, str | None] | None:
    """The speaker 'he', 'she', 'it', 'we', 'they' or 'I' stands for: in English 'he' and 'she'
    by service.extract.pronoun_ranker, unless the rule's answer is the last speaker and the
    window names them as a subject ('Rasool, the spokesperson for Prime Minister al-Sudani, said
    ... He warned'); the rule alone elsewhere, or where the ranker finds nobody."""
    if p in ROLE_COMPOUNDS and language(d.text) == "en":
        role = indefinite_subject(d, idx, p, max(last_pos, at - 1500), at, CUE_FINITE)
        if role is not None:
            return anonymous_name(role), role
    ruled = _pronoun_rule(d, idx, p, at, last, last_pos)
    speaker = last.speaker if last is not None else None
    if p in ("he", "she") and idx.gender is not None:
        # the last speaker, named as a subject in the window, goes on speaking
        keep = ruled is not None and ruled[0] == speaker
        top = pronoun_ranker.choose(d, idx, p, at, speaker, last_pos, idx.gender, keep)
        if top is not None:
            return top.name, top.role
    return ruled
