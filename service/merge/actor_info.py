"""What an actor's name, aliases, type and anonymity say, for the merger's actor stage
(service.merge.actors): its forms, the phase-1 keys it is filed under, the Resolver's keys and
what a story actor of it alone shows, worked out once per distinct actor of a story."""

from __future__ import annotations

from collections.abc import Sequence

from schemas import ActorType
from service.merge import names as nm

_FAMILY = {
    ActorType.person: "P",
    ActorType.organization: "O",
    ActorType.group: "O",
    ActorType.location: "L",
}
_UNNAMED_WORDS = frozenset({"unnamed", "anonymous", "unidentified"})


class ActorInfo:
    """What an actor's name, aliases, type and anonymity say, worked out once per distinct set of
    them (a name recurs across the articles of a story): its forms and phase-1 keys, the keys the
    Resolver files it under, and what a story actor of it alone shows."""

    __slots__ = (
        "acronyms",
        "aliases",
        "anonymous",
        "exact",
        "family",
        "forms",
        "local",
        "name",
        "person",
        "role",
        "short",
        "story",
        "surnames",
        "written",
    )

    family: str
    anonymous: bool
    person: tuple[str, ...]  # canonical person tokens
    short: bool  # a named person given by one written word: a surname ("Pritchard-Lyle")
    forms: tuple[tuple[str, ...], ...]
    acronyms: frozenset[str]
    written: tuple[str, ...]  # _forms(...), organisations and places only
    role: str  # anonymous actors: the role words keyed within a source group
    exact: tuple[str, ...]  # named actors: the phase-1 keys
    local: tuple[str, ...]  # the Resolver's keys of each written form, in order
    story: tuple[str, ...]  # named actors: the Resolver's story-wide key of each form
    surnames: tuple[tuple[str, tuple[str, ...]], ...]  # (surname skeleton, form), full names
    name: str  # the name a story actor of this actor alone carries
    aliases: tuple[str, ...]  # the aliases a story actor of this actor alone carries


def _forms(name: str, aliases: Sequence[str]) -> list[str]:
    if not aliases and "(" not in name:  # most actors: the name is the only form
        f = name.strip()
        return [f] if f else []
    out: list[str] = []
    for f in [name, *aliases]:
        f = f.strip()
        if f and f not in out:
            out.append(f)
        if "(" in f:
            for alt in nm.paren_forms(f):
                if alt not in out:
                    out.append(alt)
    return out


def info_of(name: str, aliases: tuple[str, ...], atype: ActorType, anonymous: bool) -> ActorInfo:
    """What the actor's name says (see ActorInfo); a name with no aliases and no parenthesis (most
    actors) has one form, worked out from its tokens directly (the same as info_forms)."""
    if aliases or anonymous or "(" in name:
        return info_forms(name, aliases, atype, anonymous)
    toks = nm.tokens(name)
    if not _UNNAMED_WORDS.isdisjoint(toks):
        return info_forms(name, aliases, atype, anonymous)
    family = _FAMILY[atype]
    info = ActorInfo()
    info.family = family
    info.role = ""
    local = " ".join(toks)
    n = name.strip()
    if family == "P":
        person = nm.person_tokens(name)
        if not person:  # role-only: anonymous
            return info_forms(name, aliases, atype, anonymous)
        info.anonymous = False
        info.person = person
        info.forms = (person,)
        info.acronyms = _NO_ACRONYMS
        info.written = ()
        joined = " ".join(person)
        key = "P|" + joined
        info.story = (key,)
        info.name = nm.person_name(name) or n
        info.short = _short(person, info.name)
        if info.short:
            info.exact = ("P1|" + joined,)
            info.surnames = ()
        else:
            info.exact = (key,)
            info.surnames = ((nm.skeleton(person[-1]), person),)
        info.local = (local, "p:" + joined)
        info.aliases = (name,)
        return info
    info.anonymous = False
    info.person = ()
    info.short = False
    info.surnames = ()
    info.local = (local,)
    info.name = n
    if not n:
        info.forms = info.exact = info.story = info.written = info.aliases = ()
        info.acronyms = _NO_ACRONYMS
        return info
    info.written = (n,)
    info.aliases = (name,)
    # org_tokens / place_tokens of a form without a parenthesis: its tokens less the dropped words
    t = nm.core_tokens(toks, nm.ORG_DROP if family == "O" else nm.PLACE_DROP)
    if t:
        info.forms = (t,)
        story: tuple[str, ...] = (f"{family}|{' '.join(t)}",)
    else:
        info.forms = story = ()
    info.story = story
    # an acronym has no space and at most 14 characters (the pattern is_acronym matches)
    acr = acronym(n)
    info.acronyms = frozenset((acr,)) if acr else _NO_ACRONYMS
    if family == "O":
        kc, kg = nm.collective_institution(n)
        c = ("C|" + kc,) if kc else ()
        g = ("G|" + kg,) if kg else ()
        info.exact = (*story, *c, *g) if c or g else story
    else:
        info.exact = story
    return info


_NO_ACRONYMS: frozenset[str] = frozenset()


def info_forms(name: str, aliases: tuple[str, ...], atype: ActorType, anonymous: bool) -> ActorInfo:
    """info_of of any actor, form by form."""
    info = ActorInfo()
    family = info.family = _FAMILY[atype]
    anonymous = anonymous or not _UNNAMED_WORDS.isdisjoint(nm.tokens(name))
    forms: list[tuple[str, ...]] = []
    person: tuple[str, ...] = ()
    acronyms: set[str] = set()
    written: list[str] = []
    story: list[str] = []  # each form's key: the Resolver's, and the first phase-1 keys
    exact: list[str] = []
    surnames: list[tuple[str, tuple[str, ...]]] = []
    short = False  # a named person given by one written word
    if family == "P":
        if not anonymous:
            person = nm.person_tokens(name)
            anonymous = not person
        if not anonymous and "(" not in name and not any("(" in f for f in aliases):
            return _person_info(info, name, aliases, person)
        if not anonymous:
            for f in _forms(name, aliases):
                t = nm.person_tokens(f)
                if t:
                    one = _short(t, nm.person_name(f) or "")
                    _key_person_form(t, " ".join(t), one, forms, story, exact, surnames)
            short = _short(person, nm.person_name(name) or "")
            if short:
                exact.append("P1|" + " ".join(person))
    else:
        core = nm.place_tokens if family == "L" else nm.org_tokens
        drop = nm.PLACE_DROP if family == "L" else nm.ORG_DROP
        written = _forms(name, aliases)
        for f in written:
            # without a parenthesis: its tokens (the Resolver's key below needs them too)
            t = core(f) if "(" in f else nm.core_tokens(nm.tokens(f), drop)
            if t and t not in forms:
                forms.append(t)
                story.append(f"{family}|{' '.join(t)}")
            acr = acronym(f)
            if acr:
                acronyms.add(acr)
        exact = story
        if family == "O" and not anonymous:
            # collectives: the same nationality and plural noun, stance words aside; state
            # institutions: "Iraqi government" ~ "Government of Iraq" ~ "Iraq's government"
            collectives: set[str] = set()
            institutions: set[str] = set()
            for f in written:
                kc, kg = nm.collective_institution(f)
                if kc:
                    collectives.add("C|" + kc)
                if kg:
                    institutions.add("G|" + kg)
            if collectives or institutions:
                exact = [*story, *sorted(collectives), *sorted(institutions)]
    info.anonymous, info.person, info.forms = anonymous, person, tuple(forms)
    info.short = short
    info.acronyms, info.written = frozenset(acronyms), tuple(written)
    if anonymous:
        info.role = " ".join(t for t in nm.tokens(name) if t not in nm.DETERMINERS)
        info.exact = info.story = info.surnames = ()
    else:
        info.role = ""
        info.exact, info.story, info.surnames = tuple(exact), tuple(story), tuple(surnames)
    local: list[str] = []
    for f in [name, *aliases]:
        local.append(" ".join(nm.tokens(f)))
        pt = nm.person_tokens(f) if family == "P" else ()
        if pt:
            local.append("p:" + " ".join(pt))
    info.local = tuple(local)
    n = name.strip()
    info.name = (nm.person_name(n) or n) if family == "P" and not anonymous else n
    if aliases:
        info.aliases = tuple(sorted({f for f in [name, *aliases] if f.strip()}))
    else:
        info.aliases = (name,) if name.strip() else ()
    return info


def _short(person: tuple[str, ...], name: str) -> bool:
    """A named person given by one written word (`name`: its person_name): a surname alone, its
    hyphen splitting it into tokens or not ("Holm", "Pritchard-Lyle")."""
    return len(person) == 1 or (len(person) >= 2 and " " not in name.strip())


def _key_person_form(
    t: tuple[str, ...],
    joined: str,
    short: bool,
    forms: list[tuple[str, ...]],
    story: list[str],
    exact: list[str],
    surnames: list[tuple[str, tuple[str, ...]]],
) -> None:
    """One person form's keys, unless an earlier form had its tokens `t` ("P|" + `joined`, the
    tokens joined): the Resolver's key, and for a full name (not `short`: one written word) phase
    1's key and its surname entry."""
    if t not in forms:
        forms.append(t)
        key = "P|" + joined
        story.append(key)
        if not short:  # a full name
            exact.append(key)
            surnames.append((nm.skeleton(t[-1]), t))


def _person_info(
    info: ActorInfo, name: str, aliases: tuple[str, ...], person: tuple[str, ...]
) -> ActorInfo:
    """info_forms of a named person whose forms hold no parenthesis: its written forms are the
    name and aliases themselves, so their person tokens make the phase-1 keys and the Resolver's
    keys in one pass (stripping a form changes neither its tokens nor its person tokens)."""
    forms: list[tuple[str, ...]] = []
    story: list[str] = []
    exact: list[str] = []
    surnames: list[tuple[str, tuple[str, ...]]] = []
    local: list[str] = []
    for f in (name, *aliases):
        local.append(" ".join(nm.tokens(f)))
        t = nm.person_tokens(f)
        if not t:
            continue
        joined = " ".join(t)
        local.append("p:" + joined)
        _key_person_form(
            t, joined, _short(t, nm.person_name(f) or ""), forms, story, exact, surnames
        )
    info.name = nm.person_name(name) or name.strip()
    info.short = _short(person, info.name)
    if info.short:
        exact.append("P1|" + " ".join(person))
    info.anonymous, info.person, info.forms = False, person, tuple(forms)
    info.acronyms, info.written, info.role = _NO_ACRONYMS, (), ""
    info.exact, info.story, info.surnames = tuple(exact), tuple(story), tuple(surnames)
    info.local = tuple(local)
    if aliases:
        info.aliases = tuple(sorted({f for f in [name, *aliases] if f.strip()}))
    else:
        info.aliases = (name,)
    return info


def acronym(form: str) -> str:
    """nm.acronym_key of a stripped form: '' without a look when it has a space or 15 characters
    or more (no acronym has: the pattern nm.is_acronym matches allows neither)."""
    return nm.acronym_key(form) if len(form) < 15 and " " not in form else ""
