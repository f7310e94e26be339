"""Actors for the offline engine: people, organisations, places and groups found from capitalised
names, titles, cue words and speaker mentions, with aliases merged within one article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas import Actor, ActorType, Span
from schemas.digest import MAX_ACTORS, MAX_ALIASES, MAX_MENTIONS
from service.extract.names import (
    CONNECTORS,
    DEMONYMS,
    GROUP_WORDS,
    LOCATION_CUES,
    LOCATION_SUFFIXES,
    MONTHS,
    NON_ACTOR_WORDS,
    NON_NAME_ADJ,
    ORG_WORDS,
    PLACE_ACRONYMS,
    PLACES,
    PRONOUNS,
    QUOTE_CHARS,
    RANKS,
    ROLE_NOUNS,
    STOPWORDS,
    WEEKDAYS,
    Doc,
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
from service.extract.speakers import _regions, anonymous_name, find_cues

_FACILITY = frozenset(["base", "outpost", "camp", "airport", "airbase"])
_ROLE_JOIN = ROLE_NOUNS | {"former", "acting", "deputy", "senior", "interim", "then"}
_COLLECTIVE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<adj>U\.S\.|US|UK|[A-Z][a-z]+(?:-(?:backed|aligned|linked|led|allied))?)"
    r"(?:\s+[A-Z][a-z]+(?=\s+[a-z]))?(?P<mid>(?:\s+[a-z]+){0,2}?)\s+"
    r"(?P<noun>forces|troops|military|army|soldiers|service members|government|"
    r"militia groups|militias|armed groups|groups|rebels|fighters)\b"
)
_COLLECTIVE_CLASS = {
    "forces": "military",
    "troops": "military",
    "military": "military",
    "army": "military",
    "soldiers": "military",
    "service members": "military",
    "government": "government",
    "militia groups": "groups",
    "militias": "groups",
    "armed groups": "groups",
    "groups": "groups",
    "rebels": "groups",
    "fighters": "groups",
}
_GOV_OF = re.compile(
    r"\b(?:[Tt]he\s+)?government of (?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)


@dataclass(slots=True)
class _Mention:
    start: int
    end: int
    surface: str  # as written, titles included
    name: str  # bare name
    role: str | None = None
    quoted: bool = False
    kind: str = "name"  # name | acronym | collective | anonymous
    after_num: bool = False  # '737 Max': a model name, not an actor


@dataclass(slots=True)
class _Entity:
    name: str
    type: ActorType
    mentions: list[_Mention] = field(default_factory=list)
    role: str | None = None
    anonymous: bool = False
    speaker: bool = False
    key: str = ""
    extra: list[str] = field(default_factory=list)  # alias forms beyond the mentions

    def name_keys(self) -> set[str]:
        return {name_key(m.name) for m in self.mentions}

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def _lower_words(text: str) -> set[str]:
    return {m.group() for m in re.finditer(r"\b[a-z][a-z’'-]+\b", text)}


def _headline(d: Doc, pi: int) -> bool:
    """A title-case line (subheading) with no sentence punctuation: its capitals prove nothing."""
    s, e = d.paras[pi]
    line = d.text[s:e].strip()
    if not line or line[-1] in ".!?:”\"’'" or len(line) > 120:
        return False
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) > 3]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _candidates(d: Doc, regions: list[tuple[int, int]]) -> list[_Mention]:
    w = d.words
    n = len(w)
    lowers = _lower_words(d.text)
    headlines = {pi for pi in range(len(d.paras)) if _headline(d, pi)}
    caps_mid = {x for k, x in enumerate(w) if not d.sent_start[k] and x[:1].isupper()}
    out: list[_Mention] = []
    i = 0

    def can_start(k: int) -> bool:
        c = w[k][0]
        if not c.isupper() and not (c in "aeubimo" and is_cap(w[k])):
            return False  # most tokens: a cheap exit
        x = strip_possessive(w[k])
        lx = low(x)
        if lx in ("the", "a", "an") or lx.endswith(("'s", "'re", "'ll", "'d")):
            return False
        if not is_cap(x) or lx in MONTHS or lx in WEEKDAYS or d.para[k] in headlines:
            return False
        if x.isupper() and len(x.replace(".", "")) > 7:
            return False
        opening = (
            k > 0
            and w[k - 1] in QUOTE_CHARS
            and d.ends[k - 1] == d.starts[k]
            and (d.starts[k - 1] == 0 or not d.text[d.starts[k - 1] - 1].isalnum())
        )
        initial = d.sent_start[k] or opening
        if lx in PRONOUNS or (initial or x == "I") and (lx in STOPWORDS or lx in lowers):
            return False
        if "-" in x and x.rsplit("-", 1)[1][:1].islower() and not low(x).startswith(("al-", "el-")):
            return False  # 'US-led', 'Iran-backed': adjectives
        if d.sent_start[k] and lx in _ROLE_JOIN:
            return False
        return not (
            initial
            and (lx.endswith("ing") or lx.endswith("ly"))
            and lx not in PLACES
            and x not in caps_mid
        )

    while i < n:
        if not can_start(i):
            i += 1
            continue
        j = i + 1
        while j < n and d.para[j] == d.para[i]:
            x = w[j]
            lx = low(x)
            if (
                is_cap(x)
                and lx not in MONTHS
                and lx not in WEEKDAYS
                and (not w[j - 1].endswith(("’s", "'s")) or low(w[j - 1]) == "people's")
                or (
                    (lx in CONNECTORS and lx not in ("and", "&") or lx in _ROLE_JOIN)
                    and j + 1 < n
                    and (is_cap(w[j + 1]) or lx in _ROLE_JOIN and low(w[j + 1]) in _ROLE_JOIN)
                    and (
                        lx not in CONNECTORS
                        or any(low(t) in ORG_WORDS or low(t) in GROUP_WORDS for t in w[i:j])
                        # 'Secretary of Defense': a title takes 'of' only right after it
                        or lx == "of"
                        and (low(w[j - 1]) in RANKS or low(w[j - 1]) in ROLE_NOUNS)
                    )
                )
                or x in ("’", "'")
                and j + 1 < n
                and d.starts[j] == d.ends[j - 1]
                and is_cap(w[j + 1])
                and low(w[j + 1]).startswith("al")
            ):
                j += 1
            else:
                break
        # trailing connectors/roles never end a name
        while j - 1 > i and (
            low(w[j - 1]) in CONNECTORS or low(w[j - 1]) in _ROLE_JOIN and not is_cap(w[j - 1])
        ):
            j -= 1
        s, e = d.starts[i], d.ends[j - 1]
        surface = d.text[s:e]
        last = strip_possessive(w[j - 1])
        if last != w[j - 1]:
            e -= len(w[j - 1]) - len(last)
            surface = d.text[s:e]
        prev_num = i > 0 and w[i - 1][0].isdigit()
        quoted = any(a <= s < b for a, b in regions)
        # 'Tower 22 outpost', 'Kalsu military base', 'Rumaylan (Rmeilan) base': a facility is a place
        f = j
        if f + 2 < n and w[f] == "(" and is_cap(w[f + 1]) and w[f + 2] == ")":
            f += 3
        if f < n and w[f][0].isdigit() and len(w[f]) <= 4:
            f += 1
        if f < n and low(w[f]) in ("military", "air", "naval", "army"):
            f += 1
        bare = name_key(strip_possessive(w[j - 1]))
        if (
            f < n
            and low(w[f]) in _FACILITY
            and d.para[f] == d.para[i]
            and bare not in PLACES
            and bare not in PLACE_ACRONYMS
            and low(w[j - 1]) not in DEMONYMS
        ):
            e = d.ends[f]
            surface = d.text[s:e]
            j = f + 1
        found = _split_run(d, surface, s, quoted, i, j)
        for m in found:
            m.after_num = prev_num
        out.extend(found)
        i = j
    return out


def _split_run(d: Doc, surface: str, s: int, quoted: bool, i: int, j: int) -> list[_Mention]:
    """One capitalised run -> its name mention, plus the organisation named in a role prefix."""
    out: list[_Mention] = []
    t = split_titled(surface)
    name = t.name.strip(" ’'")
    words = name.split()
    while len(words) > 1 and low(words[0]) in CONNECTORS:
        name = name[len(words[0]) :].lstrip()
        words = words[1:]
    if not words:
        return out
    lw = [low(x) for x in words]
    if all(x in DEMONYMS or x in NON_NAME_ADJ or x in RANKS or x in ROLE_NOUNS for x in lw):
        return out
    cut = next((k for k, x in enumerate(lw) if x in NON_ACTOR_WORDS), None)
    if cut is not None:
        # 'Alaska Airlines Flight 1282' names the airline; 'Carabao Cup' names no actor
        if not any(x in ORG_WORDS for x in lw[:cut]):
            return out
        name = " ".join(words[:cut])
        surface = surface[: surface.index(name) + len(name)] if name in surface else name
        words, lw = words[:cut], lw[:cut]
    if (
        len(words) == 1
        and "-" in name
        and all(
            p.lower() in PLACES or p.lower() in PLACE_ACRONYMS or is_acronym(p)
            for p in name.split("-")
        )
    ):
        return out  # 'US-Iraq' is an adjective
    # drop leading demonyms and faith adjectives: 'Iraqi Shiite politicians' names nobody
    k = 0
    is_org = any(x in ORG_WORDS for x in lw)
    while k < len(words) - 1 and (
        (lw[k] in DEMONYMS or lw[k] in NON_NAME_ADJ)
        and lw[k] not in PLACES
        and not is_org
        or lw[k] in ("former", "acting", "deputy", "senior", "interim", "then")
    ):
        k += 1
    if k:
        off = name.index(words[k])
        name = name[off:]
    ns = (
        s
        + t.name_offset
        + (surface[t.name_offset :].index(name) if name in surface[t.name_offset :] else 0)
    )
    out.append(_Mention(s, s + len(surface), surface, name, t.role, quoted))
    out[-1].start = s if t.role else ns
    if t.role:
        # "Boeing CEO Dave Calhoun": Boeing is mentioned too
        org = [
            x
            for x in t.role.split()
            if is_cap(x)
            and low(x) not in ROLE_NOUNS
            and low(x) not in RANKS
            and low(x) not in DEMONYMS
        ]
        if org and len(org) <= 3 and t.role.startswith(org[0]):
            o = " ".join(org)
            if o in surface:
                os_ = s + surface.index(o)
                out.append(_Mention(os_, os_ + len(o), o, o, None, quoted))
    return out


def _type_of(e: _Entity, d: Doc) -> ActorType:
    words = name_key(e.name).split()
    lw = [low(x) for x in e.name.split()]
    key = name_key(e.name)
    if (
        key in PLACES
        or key in PLACE_ACRONYMS
        or (lw and lw[-1] in LOCATION_SUFFIXES)
        or (lw and lw[-1] in _FACILITY)
    ):
        return ActorType.location
    if re.search(r"\.[a-z]{2,4}$", e.name):
        return ActorType.organization  # a website
    if any(x in GROUP_WORDS for x in lw):
        return ActorType.group
    text = d.text
    for m in e.mentions:
        after = text[m.end : m.end + 30].lower().split()
        before = text[max(0, m.start - 40) : m.start].lower().split()
        ctx = [x.strip(".,;:“”\"'’") for x in after[:2] + before[-3:]]
        if any(x in GROUP_WORDS for x in ctx):
            return ActorType.group
        if (
            before
            and before[-1].strip("’'") in ("of",)
            and len(before) > 1
            and before[-2] in ("town", "city", "village", "province")
        ):
            return ActorType.location
        if (
            after
            and after[0].strip(".,") in LOCATION_CUES
            and after[0].strip(".,") not in ("state",)
        ):
            return ActorType.location
    if any(x in ORG_WORDS for x in lw) or (
        len(words) == 1 and (is_acronym(e.name) or "." in e.name)
    ):
        return ActorType.organization
    if any(m.role for m in e.mentions) and len(words) >= 2:
        return ActorType.person
    if len(words) >= 2 and (words[0] in PLACES or lw[0] in DEMONYMS):
        return (
            ActorType.organization
        )  # 'Baghdad Belt Operations': people are not named after places
    if len(words) >= 2:
        the = any(text[max(0, m.start - 4) : m.start].lower().endswith("the ") for m in e.mentions)
        return ActorType.organization if the else ActorType.person
    return ActorType.organization


def _appositive_role(d: Doc, m: _Mention) -> str | None:
    """'Stephanie Pope, the chief operating officer.' -> 'chief operating officer'."""
    text = d.text
    if not text.startswith(",", m.end):
        return None
    stop = len(text)
    for ch in (",", ".", ";", "\n", "—", "(", " who ", " which "):
        p = text.find(ch, m.end + 1)
        if p != -1:
            stop = min(stop, p)
    phrase = text[m.end + 1 : stop].strip()
    words = phrase.split()
    if not words or len(words) > 14 or words[0][0].isdigit():
        return None
    if not any(
        low(x.strip("’'")) in ROLE_NOUNS or x.lower().endswith(("’s", "'s")) and len(words) > 1
        for x in words
    ):
        return None
    if words[0].lower() not in ("a", "an", "the") and not words[0][0].isupper():
        return None
    if words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    role = " ".join(words)
    return role if any(low(x.strip("’'")) in ROLE_NOUNS for x in words) else None


def _descriptor(d: Doc, m: _Mention) -> str | None:
    """'the airline monitoring website SkyGoFly.com' -> 'airline monitoring website'."""
    before = d.text[max(0, m.start - 60) : m.start]
    mm = re.search(r"\b[Tt]he ((?:[a-z][\w-]* ){1,4})[\"“‘']?$", before)
    if not mm:
        return None
    words = mm.group(1).split()
    if any(x in STOPWORDS for x in words):
        return None
    return " ".join(words)


def _cluster(d: Doc, mentions: list[_Mention]) -> list[_Entity]:
    ents: list[_Entity] = []
    by_key: dict[str, _Entity] = {}
    # full names first so surnames and short forms find them
    order = sorted(mentions, key=lambda m: (-len(m.name.split()), m.start))
    singles: list[_Mention] = []
    for m in order:
        k = name_key(m.name)
        if not k:
            continue
        if k in PLACE_ACRONYMS:
            k = name_key(PLACE_ACRONYMS[k])
        if k in by_key:
            by_key[k].mentions.append(m)
            continue
        if len(k.split()) == 1:
            singles.append(m)
            continue
        hit = None
        for e in ents:
            if (
                e.type == ActorType.person
                and len(e.key.split()) > 1
                and same_person(e.name, m.name)
                and not any(low(x) in ORG_WORDS for x in m.name.split())
            ):
                hit = e
                break
            ek = e.key.split()
            mk = k.split()
            # 'Liverpool FC' ~ 'Liverpool'; 'Alaska Air' ~ 'Alaska Airlines'
            if (
                len(ek) == len(mk)
                and ek[:-1] == mk[:-1]
                and (ek[-1].startswith(mk[-1]) or mk[-1].startswith(ek[-1]))
                and ek[-1] in ORG_WORDS
                and mk[-1] in ORG_WORDS
            ):
                hit = e
                break
        if hit is not None:
            hit.mentions.append(m)
            if len(m.name) > len(hit.name) and hit.type == ActorType.person:
                hit.name = m.name
            by_key[k] = hit
            continue
        e = _Entity(m.name, ActorType.person, [m], key=k)
        e.type = _type_of(e, d)
        ents.append(e)
        by_key[k] = e
    # acronym definitions: 'Popular Mobilization Forces (PMF'
    acr: dict[str, _Entity] = {}
    for e in ents:
        for m in e.mentions:
            mm = re.match(r"\s*\(([A-Z][A-Za-z.-]{1,9})[,)]", d.text[m.end : m.end + 14])
            if mm:
                acr[name_key(mm.group(1))] = e
                e.extra.append(f"{m.surface} ({mm.group(1)})")
        initials = "".join(x[0] for x in e.name.split() if x[0].isupper())
        if len(initials) >= 2 and e.type != ActorType.person:
            acr.setdefault(name_key(initials), e)
    surnames: dict[str, list[_Entity]] | None = None
    for m in sorted(singles, key=lambda m: m.start):
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
                    surnames.setdefault(surname_key(e.name), []).append(e)
        persons = surnames.get(surname_key(m.name), [])
        if persons:
            # two people sharing a surname: the bare surname is the one named last before it
            def recent(e: _Entity, at: int = m.start) -> tuple[int, int]:
                before = [x.start for x in e.mentions if x.start < at]
                return (1, max(before)) if before else (0, -e.first)

            max(persons, key=recent).mentions.append(m)
            continue
        orgs = [
            e
            for e in ents
            if e.type != ActorType.person
            and e.key.split()[0] == k
            and len(e.key.split()) == 2
            and e.key.split()[1] in ORG_WORDS
        ]
        if orgs:
            orgs[0].mentions.append(m)
            continue
        e = _Entity(m.name, ActorType.organization, [m], key=k)
        if name_key(m.name) in PLACE_ACRONYMS:
            e.name = PLACE_ACRONYMS[name_key(m.name)]
        ents.append(e)
        by_key[k] = e
    for e in ents:
        e.type = _type_of(e, d)
    return ents


def _collectives(d: Doc, regions: list[tuple[int, int]]) -> list[tuple[str, _Mention]]:
    out: list[tuple[str, _Mention]] = []
    for mm in _COLLECTIVE.finditer(d.text):
        adj = mm.group("adj")
        base = low(adj.split("-")[0])
        country = (
            DEMONYMS.get(base)
            or PLACE_ACRONYMS.get(base)
            or (adj.split("-")[0] if base in PLACES else None)
        )
        if country is None:
            continue
        mid = mm.group("mid").split()
        if any(x in STOPWORDS or x.endswith(("ed", "ing")) and x not in ("armed",) for x in mid):
            continue
        cls = _COLLECTIVE_CLASS[mm.group("noun")]
        s = mm.start("adj")
        surface = d.text[s : mm.end()]
        quoted = any(a <= s < b for a, b in regions)
        out.append(
            (
                f"{name_key(country)}|{cls}",
                _Mention(s, mm.end(), surface, surface, None, quoted, "collective"),
            )
        )
    for mm in _GOV_OF.finditer(d.text):
        place = mm.group("place")
        if name_key(place) not in PLACES:
            continue
        s = mm.start() if not mm.group().lower().startswith("the ") else mm.start() + 4
        surface = d.text[s : mm.end()]
        out.append(
            (
                f"{name_key(place)}|government",
                _Mention(s, mm.end(), surface, surface, None, False, "collective"),
            )
        )
    return out


def extract_actors(
    text: str, spans: Sequence[QuoteSpan] = (), *, title: str | None = None
) -> list[Actor]:
    """Salient actors in first-mention order, ids a1.., aliases merged within the article."""
    d = doc(text)
    spans = tuple(spans)
    regions = _regions(spans)
    ents = _cluster(d, _candidates(d, regions))
    _roles(d, ents)
    # speakers found by cue patterns: named ones are salient, role-only ones become anonymous actors
    for f in find_cues(text, spans) if spans else ():
        c = f.cue
        if c is None:
            continue
        if c.kind == "name" and c.name:
            k = name_key(c.name)
            for e in ents:
                if (
                    e.key == k
                    or k in e.name_keys()
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
        elif c.kind == "role" and c.role:
            named = [e for e in ents if e.role and _same_role(e.role, c.role)]
            if named:
                continue
            aname = anonymous_name(c.role)
            existing = next((e for e in ents if e.anonymous and e.name == aname), None)
            m = _Mention(c.start, c.end, c.surface, aname, c.role, False, "anonymous")
            if existing:
                existing.mentions.append(m)
            else:
                ents.append(
                    _Entity(
                        aname,
                        ActorType.group if c.plural else ActorType.person,
                        [m],
                        c.role,
                        anonymous=True,
                        speaker=True,
                        key=name_key(aname),
                    )
                )
    coll: dict[str, _Entity] = {}
    for key, m in _collectives(d, regions):
        if key in coll:
            coll[key].mentions.append(m)
        else:
            cls = key.split("|")[1]
            coll[key] = _Entity(
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


def _roles(d: Doc, ents: list[_Entity]) -> None:
    for e in ents:
        if e.anonymous or e.type == ActorType.location:
            continue
        roles: list[str] = []
        for m in sorted(e.mentions, key=lambda m: m.start):
            if m.kind != "name":
                continue
            if e.type == ActorType.person:
                r = _appositive_role(d, m)
                if r:
                    roles.append(r)
                if m.role:
                    roles.append(m.role)
            else:
                r = _descriptor(d, m)
                if r:
                    roles.append(r)
                    if any(x in GROUP_WORDS for x in r.split()):
                        e.type = ActorType.group
        if roles and not e.role:
            e.role = roles[0]


def _salient(d: Doc, ents: list[_Entity], title: str | None) -> list[_Entity]:
    """Keep what a reader would list: full names, named bodies and sites, speakers, and anything
    named twice; single mentions of bare places and one-word names are background."""
    tkey = f" {name_key(title)} " if title else ""
    keep: list[_Entity] = []
    for e in ents:
        if all(m.after_num for m in e.mentions):
            continue
        unquoted = [m for m in e.mentions if not m.quoted]
        count = len(unquoted) + 0.5 * (len(e.mentions) - len(unquoted))
        if tkey and any(f" {name_key(m.name)} " in tkey for m in e.mentions):
            count += 1
        words = e.name.split()
        collective = any(m.kind == "collective" for m in e.mentions)
        if e.speaker or e.anonymous:
            ok = True
        elif collective:
            ok = count >= 2
        elif e.type == ActorType.location:
            ok = count >= 2 or low(words[-1]) in _FACILITY
        elif len(words) >= 2:
            ok = bool(unquoted) or count >= 1
        else:
            ok = count >= 2 or e.role is not None
        if ok:
            keep.append(e)
    return keep


def _finish(d: Doc, ents: list[_Entity]) -> list[Actor]:
    ents = sorted(ents, key=lambda e: e.first)[:MAX_ACTORS]
    out: list[Actor] = []
    for i, e in enumerate(ents):
        seen: dict[str, None] = {}
        for m in sorted(e.mentions, key=lambda m: m.start):
            for form in (m.surface, m.name):
                if form and form != e.name:
                    seen.setdefault(form, None)
        for form in e.extra:
            seen.setdefault(form, None)
        spans = sorted({(m.start, m.end) for m in e.mentions})[:MAX_MENTIONS]
        out.append(
            Actor(
                id=f"a{i + 1}",
                name=e.name,
                type=e.type,
                aliases=list(seen)[:MAX_ALIASES],
                role=e.role,
                anonymous=e.anonymous,
                mentions=[Span(start=s, end=t, text=d.text[s:t]) for s, t in spans],
            )
        )
    return out
