"""Actors for the offline engine: people, organisations, places and groups found from capitalised
names, titles, cue words and speaker mentions, with aliases merged within one article.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from pydantic import TypeAdapter

from schemas import Actor, ActorType, Span
from schemas.digest import MAX_ACTORS, MAX_ALIASES, MAX_MENTIONS
from service.extract import lexicon_intl as intl
from service.extract.actor_mentions import FACILITY, Mention, find_candidates
from service.extract.actor_roles import assign_roles
from service.extract.actor_rules import Entity, cluster_mentions
from service.extract.collectives import find_collectives
from service.extract.cues import find_cues, marked_regions
from service.extract.lexicon_new_intl import CASELESS
from service.extract.names import (
    ORG_WORDS,
    ROLE_NOUNS,
    Doc,
    doc,
    low,
    name_key,
)
from service.extract.noun_phrases import anonymous_name
from service.extract.person_match import same_person
from service.extract.quotes import QuoteSpan
from service.trusted import builder

# Scripts without capitals (Arabic and those of lexicon_new_intl): a speaker cue finds the name.
_CASELESS = CASELESS | {"ar"}


def extract_actors(
    text: str, spans: Sequence[QuoteSpan] = (), *, title: str | None = None
) -> list[Actor]:
    """Salient actors in first-mention order, ids a1.., aliases merged within the article."""
    d = doc(text)
    spans = tuple(spans)
    regions = marked_regions(spans)
    ents = cluster_mentions(d, find_candidates(d, regions))
    assign_roles(d, ents)
    # speakers found by cue patterns: named ones are salient, role-only ones become anonymous actors
    cues = [f.cue for f in find_cues(text, spans)] if spans else []
    # named speakers first, so a role-only cue anywhere ("a Pentagon spokesperson says", even in a
    # standfirst) can find the named actor who holds that role before becoming anonymous
    cues.sort(key=lambda c: 0 if c is not None and c.kind == "name" else 1)
    caseless = intl.language(text) in _CASELESS
    # each entity's name keys, rebuilt only when its mentions change: recomputing them for every
    # cue made texts with many quotes and many mentions quadratic
    key_cache: dict[int, tuple[int, set[str]]] = {}

    def name_keys(e: Entity) -> set[str]:
        got = key_cache.get(id(e))
        if got is None or got[0] != len(e.mentions):
            got = (len(e.mentions), e.name_keys())
            key_cache[id(e)] = got
        return got[1]

    for c in cues:
        if c is None:
            continue
        if c.kind == "name" and c.name:
            k = name_key(c.name)
            if caseless and not any(
                e.key == k or e.type == ActorType.person and same_person(e.name, c.name)
                for e in ents
            ):
                # a script without capitals: the cue itself is how a name is found
                m = Mention(c.end - len(c.name), c.end, c.name, c.name, c.role)
                ents.append(Entity(c.name, ActorType.person, [m], c.role, speaker=True, key=k))
                continue
            for e in ents:
                if (
                    e.key == k
                    or k in name_keys(e)
                    or (e.type == ActorType.person and same_person(e.name, c.name))
                ):
                    e.speaker = True
                    if c.role and not e.role:
                        e.role = c.role
                    if (
                        len(k.split()) == 1
                        and e.type == ActorType.organization
                        and not any(low(x) in ORG_WORDS for x in e.name.split())
                    ):
                        e.type = ActorType.person if c.role else e.type
                    break
        elif (c.kind == "role" or c.kind == "definite" and intl.language(text) != "en") and c.role:
            named = [e for e in ents if e.role and _same_role(e.role, c.role)]
            if c.kind == "definite":
                # 'le ministre': an actor titled so elsewhere is meant; only a bare title is unnamed
                title = next((w for w in name_key(c.role).split() if w in ROLE_NOUNS), None)
                if title is None:
                    continue
                named += [e for e in ents if e.role and title in name_key(e.role).split()]
            if named:
                continue
            aname = anonymous_name(c.role)
            existing = next((e for e in ents if e.anonymous and e.name == aname), None)
            m = Mention(c.start, c.end, c.surface, aname, c.role, False, "anonymous")
            if existing:
                existing.mentions.append(m)
            else:
                ents.append(
                    Entity(
                        aname,
                        ActorType.group if c.plural else ActorType.person,
                        [m],
                        c.role,
                        anonymous=True,
                        speaker=True,
                        key=name_key(aname),
                    )
                )
    coll: dict[str, Entity] = {}
    for key, m in find_collectives(d, regions):
        if key in coll:
            coll[key].mentions.append(m)
        else:
            cls = key.split("|")[1]
            coll[key] = Entity(
                m.surface,
                ActorType.group if cls == "groups" else ActorType.organization,
                [m],
                key=key,
            )
    ents.extend(coll.values())
    return _finish(d, _salient(d, ents, title))


def _same_role(a: str, b: str) -> bool:
    def k(x: str) -> str:
        return (
            name_key(x).replace("spokeswoman", "spokesperson").replace("spokesman", "spokesperson")
        )

    return k(a) == k(b)


def _salient(d: Doc, ents: list[Entity], title: str | None) -> list[Entity]:
    """Keep what a reader would list: full names, named bodies and sites, speakers, and anything
    named twice; single mentions of bare places and one-word names are background."""
    tkey = f" {name_key(title)} " if title else ""
    keep: list[Entity] = []
    for e in ents:
        # one pass over the mentions: written only after a number, unquoted ones, a collective
        # one, and one named in the title
        after_num = True
        unquoted = 0
        collective = False
        in_title = False
        for m in e.mentions:
            if not m.after_num:
                after_num = False
            if not m.quoted:
                unquoted += 1
            if m.kind == "collective":
                collective = True
            if tkey and not in_title and f" {name_key(m.name)} " in tkey:
                in_title = True
        if after_num:
            continue
        count = unquoted + 0.5 * (len(e.mentions) - unquoted)
        if in_title:
            count += 1
        words = e.name.split()
        if e.speaker or e.anonymous:
            ok = True
        elif collective:
            ok = count >= 2
        elif e.type == ActorType.location:
            ok = count >= 2 or low(words[-1]) in FACILITY
        elif len(words) >= 2:
            ok = unquoted > 0 or count >= 1
        else:
            ok = count >= 2 or e.role is not None
        if ok:
            keep.append(e)
    return keep


_START = attrgetter("start")
_ACTORS = TypeAdapter(list[Actor])
# The actors and their mention spans are built without pydantic's validation (see
# service/trusted.py): every value is of its declared type by construction (names, aliases and
# roles are strings, types ActorType members, the lists cut to their bounds, a span a slice of the
# text). Only a span's order (0 <= start <= end) is not settled by construction alone: an article
# with a span out of order goes through validation, which rejects it as it always did.
_actor = builder(Actor)
_span = builder(Span)


def _finish(d: Doc, ents: list[Entity]) -> list[Actor]:
    # Entity.first, read in C: the earliest mention's start
    ents = sorted(ents, key=lambda e: min(map(_START, e.mentions)))[:MAX_ACTORS]
    rows: list[dict[str, object]] = []
    text = d.text
    ordered = True
    for i, e in enumerate(ents):
        seen: dict[str, None] = {}
        for m in sorted(e.mentions, key=_START):
            for form in (m.surface, m.name):
                if form and form != e.name:
                    seen.setdefault(form, None)
        for form in e.extra:
            seen.setdefault(form, None)
        spans = sorted({(m.start, m.end) for m in e.mentions})[:MAX_MENTIONS]
        if spans[0][0] < 0 or any(s > t for s, t in spans):
            ordered = False
        rows.append(
            {
                "id": f"a{i + 1}",
                "name": e.name,
                "type": e.type,
                "aliases": list(seen)[:MAX_ALIASES],
                "role": e.role,
                "anonymous": e.anonymous,
                "mentions": [{"start": s, "end": t, "text": text[s:t]} for s, t in spans],
            }
        )
    if not ordered:
        return validate_actors(rows)
    for row in rows:
        row["mentions"] = list(map(_span, row["mentions"]))  # type: ignore[call-overload]
    return list(map(_actor, rows))


def validate_actors(rows: list[dict[str, object]]) -> list[Actor]:
    """The actors pydantic validates from `rows` (what _finish builds unvalidated when it may)."""
    return _ACTORS.validate_python(rows)
