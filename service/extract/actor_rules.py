"""Actor rules for the offline engine: mentions clustered into entities (aliases, surnames,
acronyms merged within one article), typed, and given the roles the text states."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter

from schemas import ActorType
from service.extract.actor_mentions import FACILITY, Mention
from service.extract.gender_evidence import title_gender
from service.extract.memo import Memo
from service.extract.name_gender import given_names, is_given, personal_tail
from service.extract.names import (
    DEMONYMS,
    GROUP_WORDS,
    LOCATION_CUES,
    LOCATION_SUFFIXES,
    NAME_PARTICLES,
    ORG_WORDS,
    PLACE_ACRONYMS,
    PLACES,
    ROLE_NOUNS,
    STOPWORDS,
    VENUE_SUFFIXES,
    Doc,
    _words,
    is_acronym,
    low,
    name_key,
    split_titled,
)
from service.extract.person_names import (
    bare_owner,
    given_named,
    one_person,
    surname_of,
    titled_stranger,
)


@dataclass(slots=True)
class Entity:
    """One actor being built: its mentions and what the text says about it."""

    name: str
    type: ActorType
    mentions: list[Mention] = field(default_factory=list)
    role: str | None = None
    anonymous: bool = False
    speaker: bool = False
    key: str = ""
    extra: list[str] = field(default_factory=list)  # alias forms beyond the mentions

    def name_keys(self) -> set[str]:
        return {name_key(m.name) for m in self.mentions}

    @property
    def first(self) -> int:
        return min(map(_START, self.mentions))


_START = attrgetter("start")
_NAME = attrgetter("name")


def _words_negated(name: str) -> int:
    return -len(name.split())


_minus_words = Memo(_words_negated, 32768).__getitem__  # a name's word count, negated
# ORG_WORDS and ROLE_NOUNS are SuffixSets, whose `in` is a Python call: the hot tests read a yes/no
# kept per word instead (pure, so memoised; read through the bound __getitem__, see Memo)
_is_org_word = Memo(ORG_WORDS.__contains__, 32768).__getitem__
_CORP_SUFFIXES = _words(
    "inc incorporated ltd limited llc plc corp corporation co sa ag gmbh spa nv bv srl ab"
)


_HONORIFIC = re.compile(
    r"(?<![\w.])(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Mme|Mlle|Herr|Frau|Sr|Sra|Srta)\.?\s+$"
)
_HONORIFIC_FIRST = frozenset("MDPHFS")  # the first letters of _HONORIFIC's words
_WEB_DOMAIN = re.compile(r"\.[a-z]{2,4}$")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z.-]{1,9})[,)]")


# First words of lochs, lakes, mountains, saints' towns and forts ('Loch Arnish', 'Santa Cruz',
# 'Mount Elgon', 'Fort William'): a place, unless an organisation's word follows ('Port Authority').
_PLACE_OPENERS = frozenset(
    ["loch", "lough", "lake", "mount", "mt", "santa", "san", "port", "fort", "cape"]
)


@lru_cache(maxsize=16384)
def _name_facts(name: str) -> tuple[int, ActorType | None, bool, bool, bool]:
    """What _type_of reads from a name alone: its key's word count, the type the name itself
    settles (a place, a website, a group), whether it reads as an organisation's name, and whether
    a longer name opens with a place or demonym, and whether it ends in a personal name (a known
    first name and a surname). Pure, so cached: names repeat."""
    key = name_key(name)
    words = key.split()
    lw = [low(x) for x in name.split()]
    early: ActorType | None = None
    if (
        key in PLACES
        or key in PLACE_ACRONYMS
        or (lw and lw[-1] in LOCATION_SUFFIXES)
        or (lw and lw[-1] in FACILITY)
        or (len(lw) >= 2 and lw[-1] in VENUE_SUFFIXES)
        or (len(lw) >= 2 and lw[0] in _PLACE_OPENERS and not any(map(_is_org_word, lw)))
    ):
        early = ActorType.location
    elif _WEB_DOMAIN.search(name):
        early = ActorType.organization  # a website
    elif not GROUP_WORDS.isdisjoint(lw):
        early = ActorType.group
    org = any(map(_is_org_word, lw)) or (len(words) == 1 and (is_acronym(name) or "." in name))
    placed = len(words) >= 2 and (words[0] in PLACES or lw[0] in DEMONYMS)
    return len(words), early, org, placed, early is None and personal_tail(name)


def _honorific_before(text: str, at: int) -> bool:
    """An honorific right before `at` ('Ms ', 'Dr. '): _HONORIFIC in the 8 characters before it,
    searched only when they hold one of its first letters (far more often they do not)."""
    lo = max(0, at - 8)
    return not _HONORIFIC_FIRST.isdisjoint(text[lo:at]) and bool(_HONORIFIC.search(text, lo, at))


_NO_TYPE = ActorType.person  # a placeholder the memo never returns: see _context_type


def _context_type(text: str, m: Mention) -> ActorType | None:
    """The type the words around one mention give (a group, a location), if any."""
    # the first two words after and the last three before (no more are ever read)
    after = text[m.end : m.end + 30].lower().split(None, 2)[:2]
    lead = text[max(0, m.start - 40) : m.start]
    before = lead.lower().rsplit(None, 3)[-3:]
    # words across a quotation mark belong to the quote, not to this name's context (looked for
    # word by word only when the text before holds one at all)
    if "“" in lead or "”" in lead or '"' in lead:
        before = [x for x in before if not ("“" in x or "”" in x or '"' in x)]
    if after and ("“" in after[0] or "”" in after[0] or '"' in after[0]):
        after = []
    return type_from_context(before, after)


def type_from_context(before: list[str], after: list[str]) -> ActorType | None:
    """The type read off the last words `before` a mention and the first words `after` it
    (lower-cased, those across a quotation mark already left out)."""
    ctx = [x.strip(".,;:“”\"'’") for x in after + before]
    if not GROUP_WORDS.isdisjoint(ctx):
        return ActorType.group
    if (
        before
        and before[-1].strip("’'") in ("of",)
        and len(before) > 1
        and before[-2] in ("town", "city", "village", "province")
    ):
        return ActorType.location
    if after and after[0].strip(".,") in LOCATION_CUES and after[0].strip(".,") not in ("state",):
        return ActorType.location
    return None


_PARTY_MEMBER = frozenset(["democrat", "republican"])


def _transcript_labels(text: str, e: Entity) -> int:
    """How often the entity opens a line as a transcript speaker ('WALLACE: Why not?')."""
    return sum(
        text.startswith(":", m.end) and (m.start == 0 or text[m.start - 1] == "\n")
        for m in e.mentions
    )


def _titled_venue_name(e: Entity, text: str, early: ActorType) -> bool:
    """'Dr Helen Park', 'Ms Joan Street': a first name and a venue word read as a place ('Hyde
    Park') unless an honorific stands right before the name in one of its mentions."""
    lw = e.name.split()
    return (
        early is ActorType.location
        and len(lw) == 2
        and low(lw[1]) in VENUE_SUFFIXES
        and is_given(low(lw[0]))
        and any(
            _honorific_before(text, m.end - len(e.name) if m.surface.endswith(e.name) else m.start)
            for m in e.mentions
        )
    )


def _type_of(
    e: Entity, d: Doc, memo: dict[tuple[int, int], ActorType | None] | None = None
) -> ActorType:
    """The entity's type from its name and its mentions' context; `memo` keeps each mention's
    context type (see _context_type) across calls on one document."""
    nwords, early, org, placed, personal = _name_facts(e.name)
    if early is not None:
        return ActorType.person if _titled_venue_name(e, d.text, early) else early
    # a known first name and a surname make a person whatever words come before ('House Speaker
    # Paul Ryan') or around it ('the Donald Trump campaign', 'Marco Rubio supporters')
    if personal:
        return ActorType.person
    # an honorific in front makes a person of even a bare surname ("Ms Voss", "Mr Hale said")
    text = d.text
    ms = e.mentions
    for m in ms:
        if _honorific_before(text, m.start):
            return ActorType.person
    # a titled name is a person whatever the title says ("Air Force Major General Patrick Ryder")
    if nwords >= 2:
        for m in ms:
            if m.role or split_titled(m.surface).name_offset > 0:
                return ActorType.person
    elif any(m.role for m in ms) and is_given(low(e.name)):
        return ActorType.person  # "Jade's mum Tracey": a first name behind a role
    for m in ms:
        if memo is None:
            got = _context_type(text, m)
        else:
            got = memo.get((m.start, m.end), _NO_TYPE)
            if got is _NO_TYPE:
                got = memo[m.start, m.end] = _context_type(text, m)
        if got is not None:
            return got
    if nwords == 1 and e.name.isupper() and _transcript_labels(text, e) >= 2:
        return ActorType.person
    if org:
        return ActorType.organization
    if nwords >= 2:
        for m in ms:
            if m.role:
                return ActorType.person
        for m in ms:
            if _after_org_noun(d, m):
                return (
                    ActorType.organization
                )  # 'la asociación agraria Campo Vivo', 'the union Unite'
    if placed:
        # 'a Nevada Democrat', 'the Wisconsin Republican': one party member, named by place
        if low(e.name.split()[-1]) in _PARTY_MEMBER:
            return ActorType.person
        return ActorType.organization  # 'Baghdad Belt Operations': people are not named so
    if nwords >= 2:
        # only the full name counts: 'the Trump campaign' puts 'the' before a modifier
        the = any(
            text[max(0, m.start - 4) : m.start].lower().endswith("the ") and " " in name_key(m.name)
            for m in e.mentions
        )
        return ActorType.organization if the else ActorType.person
    return ActorType.organization


def _org_noun_step(x: str) -> bool | None:
    """What one word before a name tells _after_org_noun: False (not a lower-case word, or a
    title: stop, no), True (an organisation noun: stop, yes) or None (an adjective: look on)."""
    if not x[0].isalpha() or not x[0].islower() or low(x) in ROLE_NOUNS:
        return False
    lx = low(x)
    if lx in STOPWORDS:
        return False  # 'logistics are on Bloomberg's side': a function word ends the noun phrase
    if lx in ORG_WORDS or lx[:2] in ("l'", "d'") and lx[2:] in ORG_WORDS:
        return True
    return None


# word -> _org_noun_step(word), filled on first look-up (a hit is a dictionary look-up)
_ORG_NOUN_STEP: Memo[str, bool | None] = Memo(_org_noun_step, 32768)
_org_noun_step_of = _ORG_NOUN_STEP.__getitem__


def _after_org_noun(d: Doc, m: Mention) -> bool:
    """The name follows a lower-case organisation noun and its adjectives, with no title between."""
    t = bisect.bisect_left(d.starts, m.start)
    w = d.words
    for k in range(t - 1, max(-1, t - 4), -1):
        got = _org_noun_step_of(w[k])
        if got is not None:
            return got
    return False


def _index_org(org_for: dict[str, Entity], e: Entity) -> None:
    """Index a non-person entity whose key is one word plus an organisation word ('acme corp')
    under that word ('acme'); the first such entity in text order keeps the word."""
    if e.type == ActorType.person:
        return
    parts = e.key.split()
    if len(parts) == 2 and _is_org_word(parts[1]):
        org_for.setdefault(parts[0], e)


@lru_cache(maxsize=16384)
def _org_named(name: str) -> bool:
    """A word of the name is an organisation word ('Acme Corp', 'Labour Party')."""
    return any(map(_is_org_word, map(low, name.split())))


@lru_cache(maxsize=16384)
def _initials_key(name: str) -> str | None:
    """The key of the acronym a name's capitalised words make ('Popular Mobilization Forces' ->
    'pmf'), or None for fewer than two."""
    initials = "".join(x[0] for x in name.split() if x[0].isupper())
    return name_key(initials) if len(initials) >= 2 else None


_NEXT_CAP = re.compile(r"[ \t]+[A-Z]")
_SPEECH_AFTER = re.compile(r" (?:said|says|added|adds|told|tells|explained|insisted|continued)\b")


def _first_name_alone(text: str, m: Mention) -> bool:
    """A one-word mention that reads as a first name used alone: not in capitals ('ISIS'), no
    honorific before it ('Mr. Lou' is a surname) and no capitalised word right after it (a name
    the finder cut short)."""
    return (
        not m.name.isupper()
        and not _honorific_before(text, m.start)
        and _NEXT_CAP.match(text, m.end) is None
    )


def cluster_mentions(d: Doc, mentions: list[Mention]) -> list[Entity]:
    """Mentions merged into typed entities: full names, then surnames, acronyms, short forms."""
    # an entity is typed when made and again at the end; its type depends only on its name and
    # its mentions (which are only ever appended), so an unchanged entity keeps its first answer
    # (the entity itself is kept in the value: an id is only unique while its object lives)
    typed: dict[int, tuple[Entity, str, int, ActorType]] = {}
    context: dict[tuple[int, int], ActorType | None] = {}  # see _type_of

    def type_of(e: Entity) -> ActorType:
        got = typed.get(id(e))
        if got is not None and got[0] is e and got[1] == e.name and got[2] == len(e.mentions):
            return got[3]
        t = _type_of(e, d, context)
        typed[id(e)] = (e, e.name, len(e.mentions), t)
        return t

    ents: list[Entity] = []
    ent_keys: list[list[str]] = []  # the words of each entity's key, split once
    by_key: dict[str, Entity] = {}
    persons_at: dict[str, list[int]] = {}  # surname key -> indices of multi-word persons in ents
    orgs_at: dict[tuple[str, ...], list[int]] = {}  # key but its organisation word -> indices
    # full names first so surnames and short forms find them
    # (sorted by (-words, start) with no Python call per mention on a memoised word count)
    keys = list(zip(map(_minus_words, map(_NAME, mentions)), map(_START, mentions), strict=True))
    order = [mentions[i] for i in sorted(range(len(mentions)), key=keys.__getitem__)]
    singles: list[Mention] = []
    for m in order:
        k = name_key(m.name)
        if not k:
            continue
        if k in PLACE_ACRONYMS:
            k = name_key(PLACE_ACRONYMS[k])
        if k in by_key:
            by_key[k].mentions.append(m)
            continue
        mk = k.split()
        if len(mk) == 1:
            singles.append(m)
            continue
        if " " not in m.name and "-" in m.name and mk[0] not in NAME_PARTICLES:
            # one hyphenated word, met after every name written in words (`order`): 'Mark-Viverito'
            # alone is the double-barrelled surname of the person named in full ...
            hit = next(
                (
                    ents[i]
                    for i in persons_at.get(mk[-1], ())
                    if len(ent_keys[i]) > len(mk) and ent_keys[i][-len(mk) :] == mk
                ),
                None,
            )
            if hit is not None:
                hit.mentions.append(m)
                by_key[k] = hit
                continue
            # ... and a compound on a person's surname ('the Johnson-Weld ticket', 'Hypo-Cruz')
            # names no new actor
            if persons_at.get(mk[-1]) and mk[0] not in given_names():
                continue
        hit = None
        org_named = _org_named(m.name)
        # skip the search when neither test can pass: an organisation's name is no person, and a
        # short form of an organisation needs a key ending in an organisation word
        searchable = not org_named or _is_org_word(mk[-1])
        # only the entities either test can accept are tried, in the order of `ents`: a
        # multi-word person sharing the surname key (one_person needs it), or an entity whose
        # key differs at most in a last word that is an organisation word
        cands: list[int] = []
        if searchable:
            if not org_named:
                cands.extend(persons_at.get(surname_of(m.name), ()))
            if _is_org_word(mk[-1]):
                cands.extend(orgs_at.get(tuple(mk[:-1]), ()))
            if len(cands) > 1:
                cands = sorted(set(cands))
        at = -1
        for at in cands:
            e, ek = ents[at], ent_keys[at]
            if (
                e.type == ActorType.person
                and len(ek) > 1
                and one_person(e.name, m.name)
                and not org_named
            ):
                hit = e
                break
            # 'Liverpool FC' ~ 'Liverpool'; 'Alaska Air' ~ 'Alaska Airlines'
            if (
                len(ek) == len(mk)
                and ek[:-1] == mk[:-1]
                and (ek[-1].startswith(mk[-1]) or mk[-1].startswith(ek[-1]))
                and _is_org_word(ek[-1])
                and _is_org_word(mk[-1])
            ):
                hit = e
                break
        if hit is not None:
            hit.mentions.append(m)
            if len(m.name) > len(hit.name) and hit.type == ActorType.person:
                old = surname_of(hit.name)
                hit.name = m.name
                new = surname_of(hit.name)
                if old != new and at in persons_at.get(old, ()):
                    persons_at[old].remove(at)  # the index follows the longer name
                    bisect.insort(persons_at.setdefault(new, []), at)
            by_key[k] = hit
            continue
        e = Entity(m.name, ActorType.person, [m], key=k)
        e.type = type_of(e)
        if e.type == ActorType.person and len(mk) > 1:
            persons_at.setdefault(surname_of(e.name), []).append(len(ents))
        if _is_org_word(mk[-1]):
            orgs_at.setdefault(tuple(mk[:-1]), []).append(len(ents))
        ents.append(e)
        ent_keys.append(mk)
        by_key[k] = e
        base = k.rsplit(" ", 1)
        if base[-1] in _CORP_SUFFIXES and base[0] not in by_key:
            by_key[base[0]] = e  # 'Acme Robotics' is 'Acme Robotics Inc.'
    # acronym definitions: 'Popular Mobilization Forces (PMF'
    acr: dict[str, Entity] = {}
    for e in ents:
        for m in e.mentions:
            after = d.text[m.end : m.end + 14]
            # (a definition opens with a parenthesis: most names have none after them)
            mm = _ACRONYM_AFTER.match(after) if "(" in after else None
            if mm:
                acr[name_key(mm.group(1))] = e
                e.extra.append(f"{m.surface} ({mm.group(1)})")
        if e.type != ActorType.person:
            initials = _initials_key(e.name)
            if initials is not None:
                acr.setdefault(initials, e)
    surnames: dict[str, list[Entity]] | None = None
    firsts: dict[str, list[Entity]] | None = None  # first word -> people named in full so
    titled: dict[str, set[str]] | None = None  # surname -> the genders its titles give
    strangers: dict[tuple[str, str], Entity] = {}  # see titled_stranger
    met: set[str] = set()  # the surnames of those strangers
    org_for: dict[str, Entity] | None = None  # see _index_org, made when first asked
    for m in sorted(singles, key=_START):
        k = name_key(m.name)
        if k in PLACE_ACRONYMS:
            k = name_key(PLACE_ACRONYMS[k])
        if k in by_key:
            by_key[k].mentions.append(m)
            continue
        if k in acr:
            acr[k].mentions.append(m)
            continue
        if surnames is None:
            surnames = {}
            for e in ents:
                if e.type == ActorType.person and len(e.key.split()) > 1:
                    surnames.setdefault(surname_of(e.name), []).append(e)
        sk = surname_of(m.name)
        persons = surnames.get(sk, [])
        if persons:
            if titled is None:
                titled = {}
                for x in singles:
                    xk = surname_of(x.name)
                    g = title_gender(d.text, x.start) if xk in surnames else None
                    if g is not None:
                        titled.setdefault(xk, set()).add(g)
            g = titled_stranger(d.text, m, persons, titled.get(sk, set()), sk in met)
            if g is not None:
                # someone of the other gender, never named in full ('Mr. Obama' beside Michelle)
                other = strangers.get((sk, g))
                if other is None:
                    other = strangers[sk, g] = Entity(m.name, ActorType.person, [m], key=k)
                    ents.append(other)
                    met.add(sk)
                else:
                    other.mentions.append(m)
                continue
            owner = persons[0] if len(persons) == 1 else bare_owner(d.text, m, persons)
            owner.mentions.append(m)
            continue
        if firsts is None:
            firsts = {}
            for ps in surnames.values():
                for e in ps:
                    firsts.setdefault(name_key(e.name).split()[0], []).append(e)
        owners = firsts.get(k, ())
        if (
            len(owners) == 1
            and is_given(k)
            and given_named(owners[0].name)
            and _first_name_alone(d.text, m)
        ):
            # a known first name alone ('Hillary said') is the one person of that first name
            owners[0].mentions.append(m)
            by_key[k] = owners[0]
            continue
        if len(owners) == 1 and _first_name_alone(d.text, m) and _SPEECH_AFTER.match(d.text, m.end):
            # a first name no list holds, speaking ('Kerry added:'): the one person named so
            owners[0].mentions.append(m)
            by_key[k] = owners[0]
            continue
        if (
            len(owners) == 1
            and (not is_given(k) or len(name_key(owners[0].name).split()) > 2)
            and title_gender(d.text, m.start) is not None
        ):
            # 'Ms Tan said' for 'Tan Wei Ling': a family name written first (Chinese, Korean),
            # the title before it saying it is a person's, the one person named so in full ('Tan'
            # and 'Lim' are first names elsewhere: then the full name has three words)
            owners[0].mentions.append(m)
            by_key[k] = owners[0]
            continue
        if org_for is None:
            org_for = {}
            for e in ents:
                _index_org(org_for, e)
        org = org_for.get(k)
        if org is not None:
            org.mentions.append(m)
            continue
        e = Entity(m.name, ActorType.organization, [m], key=k)
        if name_key(m.name) in PLACE_ACRONYMS:
            e.name = PLACE_ACRONYMS[name_key(m.name)]
        ents.append(e)
        _index_org(org_for, e)
        by_key[k] = e
    for e in ents:
        e.type = type_of(e)
    return ents
