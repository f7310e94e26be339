"""Actor merging: one story actor per real entity, from exact keys, name variants and short forms.

Phases, each over deterministic sorted candidates:
  1. exact keys: the same full person name (titles stripped, accents/apostrophes/particles folded),
     the same organisation or place form (designators and generic place words dropped), the same
     collective description (nationality or name plus plural noun, stance words dropped:
     "Iranian militia groups" ~ "Iran malign militia groups", "Iranian groups" ~ "Iran-aligned
     groups"), the same role phrase for anonymous actors within one source group;
  2. person variants within a surname block: same surname (or a transliteration of it) and a
     compatible given name ("Pat"/"Patrick", "Steve"/"Steven", initials); a union is vetoed when it
     would put two incompatible full names ("Masoud Barzani", "Nechirvan Barzani") together;
  3. short forms: a surname-only cluster joins the one full-name cluster with that surname; with
     several candidates (up to MAX_SURNAME_CANDIDATES) the judge is asked, the rule keeping them
     apart; with more, nobody is asked and they stay apart;
  4. organisation/place variants: transliterations, and acronyms joined to the one expansion whose
     initials they are (several candidates: the judge; an acronym listed as an alias of its
     expansion in any article is already joined by phase 1).
Anonymous (role-only) actors never join named ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from schemas import ActorType, ArticleDigest
from schemas.digest import Actor
from schemas.story import ActorMember, StoryActor
from service.merge import names as nm
from service.merge.common import (
    UnionFind,
    block_pairs,
    construct,
    item_key,
    ref,
    stable_id,
    stable_id1,
    support,
    support1,
)
from service.merge.judge import Decider, Question

_FAMILY = {
    ActorType.person: "P",
    ActorType.organization: "O",
    ActorType.group: "O",
    ActorType.location: "L",
}
# A bare surname fitting more full names than this is left alone without asking the judge.
MAX_SURNAME_CANDIDATES = 8
_TYPE_ORDER = {t: i for i, t in enumerate(ActorType)}
_UNNAMED_WORDS = frozenset({"unnamed", "anonymous", "unidentified"})


@dataclass(slots=True)
class ActorItem:
    idx: int
    article: str
    group: str  # syndication group
    actor: Actor
    family: str
    anonymous: bool
    person: tuple[str, ...] = ()  # canonical person tokens
    forms: list[tuple[str, ...]] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)
    written: list[str] = field(default_factory=list)  # _forms(actor), organisations only


def _forms(a: Actor) -> list[str]:
    if not a.aliases and "(" not in a.name:  # most actors: the name is the only form
        f = a.name.strip()
        return [f] if f else []
    out: list[str] = []
    for f in [a.name, *a.aliases]:
        f = f.strip()
        if f and f not in out:
            out.append(f)
        for alt in nm.paren_forms(f):
            if alt not in out:
                out.append(alt)
    return out


def _make_item(idx: int, article: str, group: str, a: Actor) -> ActorItem:
    family = _FAMILY[a.type]
    anonymous = a.anonymous or not _UNNAMED_WORDS.isdisjoint(nm.tokens(a.name))
    forms: list[tuple[str, ...]] = []
    if family == "P":
        person: tuple[str, ...] = ()
        if not anonymous:
            person = nm.person_tokens(a.name)
            anonymous = not person
        if not anonymous:
            for f in _forms(a):
                t = nm.person_tokens(f)
                if t and t not in forms:
                    forms.append(t)
        return ActorItem(idx, article, group, a, family, anonymous, person, forms, set(), [])
    core = nm.place_tokens if family == "L" else nm.org_tokens
    written = _forms(a)
    acronyms: set[str] = set()
    for f in written:
        t = core(f)
        if t and t not in forms:
            forms.append(t)
        acr = nm.acronym_key(f)
        if acr:
            acronyms.add(acr)
    return ActorItem(idx, article, group, a, family, anonymous, (), forms, acronyms, written)


def _initials(it: ActorItem) -> set[str]:
    """The initials of the item's written forms that are no acronym themselves ('' left out)."""
    return {ini for f in it.written if not nm.acronym_key(f) and (ini := nm.initials(f))}


@dataclass
class ActorResult:
    actors: list[StoryActor]
    cluster_of: dict[tuple[str, str], str]  # (article, actor id) -> story actor id
    resolver: Resolver
    pairs: int


class _Clusters:
    """Union-find plus, per root, the distinct full person names it holds (for the Barzani veto)."""

    def __init__(self, items: Sequence[ActorItem]) -> None:
        self.items = items
        self.uf = UnionFind(len(items))
        self.full: dict[int, set[tuple[str, ...]]] = {
            it.idx: ({it.person} if len(it.person) >= 2 else set()) for it in items
        }

    def _allow(self, ri: int, rj: int) -> bool:
        a, b = self.full[ri], self.full[rj]
        if len(a) * len(b) > 400:  # pathological alias soup: refuse rather than compare forever
            return False
        return all(x == y or nm.person_forms_compatible(x, y) for x in a for y in b)

    def union(self, i: int, j: int) -> bool:
        ri, rj = self.uf.find(i), self.uf.find(j)
        if ri == rj:
            return True
        keep = self.uf.union(i, j, self._allow)
        if keep is None:
            return False
        self.full[keep] = self.full.pop(ri if keep == rj else rj) | self.full[keep]
        return True


def _exact_keys(it: ActorItem) -> list[str]:
    if it.anonymous:
        role = " ".join(t for t in nm.tokens(it.actor.name) if t not in nm.DETERMINERS)
        return [f"N|{it.group}|{role}"] if role else []
    if it.family == "P":
        full = [f"P|{' '.join(f)}" for f in it.forms if len(f) >= 2]
        if len(it.person) == 1:
            full.append(f"P1|{it.person[0]}")
        return full
    keys = [f"{it.family}|{' '.join(f)}" for f in it.forms]
    if it.family == "O":
        # collectives: the same nationality and plural noun, stance words aside
        keys += sorted({f"C|{k}" for f in it.written if (k := nm.collective_key(f))})
        # state institutions: "Iraqi government" ~ "Government of Iraq" ~ "Iraq's government"
        keys += sorted({f"G|{k}" for f in it.written if (k := nm.institution_key(f))})
    return keys


def cluster_actors(
    digests: Sequence[ArticleDigest],
    group_of: dict[str, str],
    decider: Decider,
    anon_links: Sequence[tuple[tuple[str, str], tuple[str, str]]] = (),
) -> ActorResult:
    items: list[ActorItem] = []
    for d in digests:
        aid = d.article.id
        for a in d.actors:
            items.append(_make_item(len(items), aid, group_of[aid], a))
    cl = _Clusters(items)
    pairs = 0

    # 1. exact keys: chain each key's items, no pairwise work
    first: dict[str, int] = {}
    for it in items:
        for k in _exact_keys(it):
            if k in first:
                cl.union(first[k], it.idx)
            else:
                first[k] = it.idx
    by_ref = {(it.article, it.actor.id): it.idx for it in items}
    for (a1, x1), (a2, x2) in anon_links:
        i, j = by_ref.get((a1, x1)), by_ref.get((a2, x2))
        if i is not None and j is not None and items[i].anonymous and items[j].anonymous:
            cl.union(i, j)

    # 2. person variants: compare distinct full names inside surname blocks
    full_rep: dict[tuple[str, ...], int] = {}
    for it in items:
        if it.family == "P" and not it.anonymous:
            for f in it.forms:
                if len(f) >= 2:
                    full_rep.setdefault(f, it.idx)
    fulls = sorted(full_rep)
    for i, j in block_pairs([(nm.skeleton(f[-1]),) for f in fulls]):
        pairs += 1
        if nm.person_forms_compatible(fulls[i], fulls[j]):
            cl.union(full_rep[fulls[i]], full_rep[fulls[j]])

    # 3. short forms: a surname-only cluster joins its unique full-name cluster
    by_surname: dict[str, set[int]] = {}
    for f, idx in full_rep.items():
        by_surname.setdefault(nm.skeleton(f[-1]), set()).add(idx)
    seen_short: set[tuple[int, str]] = set()
    for it in items:
        if it.family != "P" or it.anonymous or len(it.person) != 1:
            continue
        root = cl.uf.find(it.idx)
        if cl.full[root] or (root, it.person[0]) in seen_short:
            continue  # already joined to a full name, or this bare name was settled already
        tok = it.person[0]
        seen_short.add((root, tok))
        block = by_surname.get(nm.skeleton(tok), ())
        if len(block) > MAX_SURNAME_CANDIDATES * 4:
            continue  # a very common surname: no single full name to join
        cands = sorted(
            {
                cl.uf.find(idx)
                for idx in block
                if any(nm.same_token(tok, f[-1]) for f in cl.full[cl.uf.find(idx)])
            }
        )
        pairs += len(cands)
        if len(cands) == 1:
            cl.union(it.idx, cands[0])
        elif 1 < len(cands) <= MAX_SURNAME_CANDIDATES:
            yes = []
            for c in cands:
                other = items[c]
                q = Question(
                    "actor",
                    _describe(it),
                    _describe(other),
                    lean=False,
                    hint=f"surname {tok!r} fits {len(cands)} full names; kept apart",
                )
                v = decider.ask(q, ref(it.article, it.actor.id), ref(other.article, other.actor.id))
                if v.same:
                    yes.append(c)
            if len(yes) == 1:
                cl.union(it.idx, yes[0])

    # 4. organisation / place variants and acronyms
    named = [it for it in items if it.family != "P" and not it.anonymous]
    form_rep: dict[tuple[str, tuple[str, ...]], int] = {}
    for it in named:
        for f in it.forms:
            form_rep.setdefault((it.family, f), it.idx)
    forms = sorted(form_rep)
    skel = [((fam, tuple(map(nm.skeleton, f))),) for fam, f in forms]
    for i, j in block_pairs(skel):
        pairs += 1
        (_, fa), (_, fb) = forms[i], forms[j]
        if len(fa) == len(fb) and all(nm.same_token(x, y) for x, y in zip(fa, fb, strict=True)):
            cl.union(form_rep[forms[i]], form_rep[forms[j]])
    # a person typed as an organisation by an engine still gets the given-name rule, but only
    # with every later word equal ("Pat Ryder" ~ "Patrick Ryder", never "Islamic State" ~ "Jihad")
    tail = [((fam, f[1:]),) if len(f) >= 2 else () for fam, f in forms]
    for i, j in block_pairs(tail):
        pairs += 1
        (_, fa), (_, fb) = forms[i], forms[j]
        if fa[0] != fb[0] and nm.given_names_compatible(fa[0], fb[0]):
            cl.union(form_rep[forms[i]], form_rep[forms[j]])
    acr_side: dict[tuple[str, str], list[int]] = {}
    exp_side: dict[tuple[str, str], list[int]] = {}
    for it in named:
        for acr in it.acronyms:
            acr_side.setdefault((it.family, acr), []).append(it.idx)
    # initials only where they can meet an acronym: in a family (organisations, places) that has one
    acr_families = {fam for fam, _ in acr_side}
    for it in named:
        if it.family in acr_families:
            for ini in _initials(it):
                exp_side.setdefault((it.family, ini), []).append(it.idx)
    for key in sorted(acr_side):
        exps = exp_side.get(key)
        if not exps:
            continue
        acr_roots = sorted({cl.uf.find(i) for i in acr_side[key]})
        for ar in acr_roots:
            cands = sorted({cl.uf.find(i) for i in exps} - {ar})
            pairs += len(cands)
            if len(cands) == 1:
                cl.union(ar, cands[0])
            elif 1 < len(cands) <= 8:
                yes = []
                for c in cands:
                    q = Question(
                        "actor",
                        _describe(items[ar]),
                        _describe(items[c]),
                        lean=False,
                        hint=f"acronym {key[1].upper()!r} fits {len(cands)} expansions; kept apart",
                    )
                    a_it, c_it = items[ar], items[c]
                    v = decider.ask(
                        q, ref(a_it.article, a_it.actor.id), ref(c_it.article, c_it.actor.id)
                    )
                    if v.same:
                        yes.append(c)
                if len(yes) == 1:
                    cl.union(ar, yes[0])

    return _build(items, cl, group_of, pairs)


def _describe(it: ActorItem) -> dict[str, object]:
    a = it.actor
    return {"name": a.name, "type": a.type.value, "aliases": sorted(a.aliases), "role": a.role}


def _canonical_name(members: list[ActorItem]) -> str:
    """Fullest title-free name (most words, then most letters: 'Patrick' over 'Pat'); ties: most
    members using it, then alphabetical (folded, then raw)."""
    counts: dict[str, int] = {}
    for it in members:
        n = it.actor.name.strip()
        if it.family == "P" and not it.anonymous:
            n = nm.person_name(n) or n
        counts[n] = counts.get(n, 0) + 1
    if len(counts) == 1:  # one name (most actors): nothing to rank
        return next(iter(counts))

    def rank(n: str) -> tuple[int, int, int, int, str, str]:
        toks = nm.tokens(n)
        # a bare acronym is less full than its expansion however short the expansion is
        acr = 1 if nm.is_acronym(n) else 0
        return (acr, -len(toks), -sum(map(len, toks)), -counts[n], " ".join(toks), n)

    return min(counts, key=rank)


def _one_name(m: ActorItem) -> str:
    """_canonical_name([m]): the member's name, title-free for a named person."""
    n = m.actor.name.strip()
    if m.family == "P" and not m.anonymous:
        return nm.person_name(n) or n
    return n


def _single(m: ActorItem, cluster_of: dict[tuple[str, str], str]) -> StoryActor:
    """The story actor of one member: what _build makes of a group of one, without the tallies."""
    a = m.actor
    sid = stable_id1("A", m.article, a.id)
    cluster_of[(m.article, a.id)] = sid
    if a.aliases:
        aliases = sorted({f for f in [a.name, *a.aliases] if f.strip()})
    else:
        aliases = [a.name] if a.name.strip() else []
    return construct(
        StoryActor,
        id=sid,
        name=_one_name(m),
        type=a.type,
        anonymous=m.anonymous,
        aliases=aliases,
        roles=[a.role] if a.role else [],
        support=support1(m.article),
        members=[construct(ActorMember, article=m.article, actor=a)],
    )


def _build(
    items: list[ActorItem], cl: _Clusters, group_of: dict[str, str], pairs: int
) -> ActorResult:
    actors: list[StoryActor] = []
    cluster_of: dict[tuple[str, str], str] = {}
    for group in cl.uf.groups():
        if len(group) == 1:  # most actors at scale: nothing to reconcile
            actors.append(_single(items[group[0]], cluster_of))
            continue
        members = [items[i] for i in group]
        refs = [(m.article, m.actor.id) for m in members]
        sid = stable_id("A", refs)
        types: dict[ActorType, int] = {}
        for m in members:
            types[m.actor.type] = types.get(m.actor.type, 0) + 1
        atype = min(types, key=lambda t: (-types[t], _TYPE_ORDER[t]))
        aliases = sorted(
            {f for m in members for f in [m.actor.name, *m.actor.aliases] if f.strip()}
        )
        roles = sorted({m.actor.role for m in members if m.actor.role})
        actors.append(
            construct(
                StoryActor,
                id=sid,
                name=_canonical_name(members),
                type=atype,
                anonymous=all(m.anonymous for m in members),
                aliases=aliases,
                roles=roles,
                support=support((m.article for m in members), group_of),
                members=[
                    construct(ActorMember, article=m.article, actor=m.actor)
                    for m in (
                        sorted(members, key=lambda m: (m.article, item_key(m.actor.id)))
                        if len(members) > 1
                        else members
                    )
                ],
            )
        )
        for r in refs:
            cluster_of[r] = sid
    actors.sort(key=lambda a: (-a.support.sources, -a.support.pages, a.name, a.id))
    return ActorResult(actors, cluster_of, Resolver(items, cl, cluster_of), pairs)


class Resolver:
    """Maps a name written in an article (a quote's speaker, an event participant) to a story actor."""

    def __init__(
        self, items: list[ActorItem], cl: _Clusters, cluster_of: dict[tuple[str, str], str]
    ):
        self.local: dict[tuple[str, str], str] = {}
        self.story: dict[str, set[str]] = {}
        self.surnames: dict[str, set[tuple[tuple[str, ...], str]]] = {}
        self.names: dict[str, str] = {}
        for it in items:
            sid = cluster_of[(it.article, it.actor.id)]
            for f in [it.actor.name, *it.actor.aliases]:
                self.local.setdefault((it.article, " ".join(nm.tokens(f))), sid)
                pt = nm.person_tokens(f) if it.family == "P" else ()
                if pt:
                    self.local.setdefault((it.article, "p:" + " ".join(pt)), sid)
            if it.anonymous:
                continue
            for form in it.forms:
                self.story.setdefault(f"{it.family}|{' '.join(form)}", set()).add(sid)
                if it.family == "P" and len(form) >= 2:
                    self.surnames.setdefault(nm.skeleton(form[-1]), set()).add((form, sid))

    def resolve(
        self, article: str, name: str | None, toks: tuple[str, ...] | None = None
    ) -> str | None:
        """The story actor `name` stands for in `article`, or None; `toks`: nm.tokens(name) when
        the caller has it already."""
        if not name or not name.strip():
            return None
        hit = self.local.get((article, " ".join(nm.tokens(name) if toks is None else toks)))
        if hit:
            return hit
        pt = nm.person_tokens(name)
        if pt:
            hit = self.local.get((article, "p:" + " ".join(pt)))
            if hit:
                return hit
        cands: set[str] = set()
        if len(pt) >= 2:
            cands = self.story.get("P|" + " ".join(pt), set())
            if not cands:
                cands = {
                    sid
                    for f, sid in self.surnames.get(nm.skeleton(pt[-1]), ())
                    if nm.person_forms_compatible(pt, f)
                }
        elif len(pt) == 1:
            cands = {
                sid
                for f, sid in self.surnames.get(nm.skeleton(pt[0]), ())
                if nm.same_token(pt[0], f[-1])
            }
        if not cands:
            for fam, core in (("O", nm.org_tokens), ("L", nm.place_tokens)):
                cands |= self.story.get(f"{fam}|{' '.join(core(name))}", set())
        return next(iter(cands)) if len(cands) == 1 else None
