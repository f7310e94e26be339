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
  2b. a full name after words the title list lacks ("Boss Rosalind Achebe") joins that full name;
  3. short forms: a surname-only cluster (one written word, "Holm" or "Pritchard-Lyle") joins the
     one full-name cluster ending with it; with several candidates (up to MAX_SURNAME_CANDIDATES)
     the judge is asked, the rule keeping them apart; with more, nobody is asked and they stay
     apart; an organisation written as one word joins that way too, only when one full name
     starting with a known given name fits;
  4. organisation/place variants: transliterations, and acronyms joined to the one expansion whose
     initials they are (several candidates: the judge; an acronym listed as an alias of its
     expansion in any article is already joined by phase 1).
Anonymous (role-only) actors never join named ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import TypeVar

from pydantic import BaseModel

from schemas import ActorType, ArticleDigest
from schemas.digest import Actor
from schemas.story import ActorMember, StoryActor
from service.extract.name_gender import is_given
from service.merge import names as nm
from service.merge.actor_info import ActorInfo, acronym, info_of
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
from service.trusted import builder

# A bare surname fitting more full names than this is left alone without asking the judge.
MAX_SURNAME_CANDIDATES = 8
_M = TypeVar("_M", bound=BaseModel)
_TYPE_ORDER = {t: i for i, t in enumerate(ActorType)}


@dataclass(slots=True)
class ActorItem:
    idx: int
    article: str
    group: str  # syndication group
    actor: Actor
    info: ActorInfo


def _initials(it: ActorItem, letters: list[set[str]]) -> set[str]:
    """The initials of the item's written forms that are no acronym themselves ('' left out),
    those that cannot be one of the acronyms whose letters are given left out too: an ASCII
    form's initials are lower-cased letters of the form."""
    out: set[str] = set()
    for f in it.info.written:
        if acronym(f):
            continue
        if f.isascii():
            held = set(f.lower())
            if not any(held.issuperset(a) for a in letters):
                continue
        ini = nm.initials(f)
        if ini:
            out.add(ini)
    return out


@dataclass
class ActorResult:
    actors: list[StoryActor]
    resolver: Resolver
    pairs: int


_NO_NAMES: frozenset[tuple[str, ...]] = frozenset()


class _Clusters:
    """Union-find plus, per root, the distinct full person names it holds (for the Barzani veto);
    a root holding none has no entry."""

    def __init__(self, items: Sequence[ActorItem]) -> None:
        self.items = items
        self.uf = UnionFind(len(items))
        self.full: dict[int, set[tuple[str, ...]]] = {
            it.idx: {it.info.person}
            for it in items
            if len(it.info.person) >= 2 and not it.info.short
        }

    def names(self, root: int) -> set[tuple[str, ...]] | frozenset[tuple[str, ...]]:
        return self.full.get(root, _NO_NAMES)

    def _allow(self, ri: int, rj: int) -> bool:
        a, b = self.full.get(ri), self.full.get(rj)
        if not a or not b:  # nothing to veto
            return True
        if len(a) * len(b) > 400:  # pathological alias soup: refuse rather than compare forever
            return False
        return all(
            x == y or nm.person_forms_compatible(x, y) or nm.ends_with(x, y) or nm.ends_with(y, x)
            for x in a
            for y in b
        )

    def union(self, i: int, j: int) -> bool:
        ri, rj = self.uf.find(i), self.uf.find(j)
        if ri == rj:
            return True
        keep = self.uf.union(i, j, self._allow)
        if keep is None:
            return False
        moved = self.full.pop(ri if keep == rj else rj, None)
        if moved:
            kept = self.full.get(keep)
            self.full[keep] = moved | kept if kept else moved
        return True


def _pairs_of(keys: list[Hashable]) -> list[tuple[int, int]]:
    """block_pairs over one key an item (None: no key), its blocking skipped when no key is
    shared (most stories)."""
    held = [k for k in keys if k is not None]
    if len(set(held)) == len(held):
        return []
    return block_pairs([() if k is None else (k,) for k in keys])


def _variant_pairs(forms: list[tuple[str, tuple[str, ...]]]) -> list[tuple[int, int]]:
    """block_pairs of the (family, form) list by family and word skeletons; skeletons are made
    only for forms sharing their family, length and skeleton consonants with another form."""
    rough = [
        (fam, len(f), c)
        for (fam, f), c in zip(forms, nm.skeleton_consonants([f for _, f in forms]), strict=True)
    ]
    if len(set(rough)) == len(rough):
        return []
    shared = {k for k, n in Counter(rough).items() if n > 1}
    return _pairs_of(
        [
            (fam, tuple(map(nm.skeleton, f))) if k in shared else None
            for (fam, f), k in zip(forms, rough, strict=True)
        ]
    )


def cluster_actors(
    digests: Sequence[ArticleDigest],
    group_of: dict[str, str],
    decider: Decider,
    anon_links: Sequence[tuple[tuple[str, str], tuple[str, str]]] = (),
) -> ActorResult:
    items: list[ActorItem] = []
    infos: dict[tuple[str, tuple[str, ...], ActorType, bool], ActorInfo] = {}
    for d in digests:
        aid = d.article.id
        group = group_of[aid]
        for a in d.actors:
            said = (a.name, tuple(a.aliases), a.type, a.anonymous)
            info = infos.get(said)
            if info is None:
                info = infos[said] = info_of(*said)
            items.append(ActorItem(len(items), aid, group, a, info))
    cl = _Clusters(items)
    pairs = 0

    # 1. exact keys: chain each key's items, no pairwise work
    first: dict[str, int] = {}
    setdefault = first.setdefault
    for it in items:
        info = it.info
        if info.anonymous:
            keys: tuple[str, ...] = (f"N|{it.group}|{info.role}",) if info.role else ()
        else:
            keys = info.exact
        for k in keys:
            held = setdefault(k, it.idx)
            if held != it.idx:
                cl.union(held, it.idx)
    if anon_links:
        by_ref = {(it.article, it.actor.id): it.idx for it in items}
        for (a1, x1), (a2, x2) in anon_links:
            i, j = by_ref.get((a1, x1)), by_ref.get((a2, x2))
            if (
                i is not None
                and j is not None
                and items[i].info.anonymous
                and items[j].info.anonymous
            ):
                cl.union(i, j)

    # 2. person variants: compare distinct full names inside surname blocks
    full_rep: dict[tuple[str, ...], int] = {}
    surname_of: dict[tuple[str, ...], str] = {}
    for it in items:
        for sk, f in it.info.surnames:
            if f not in full_rep:
                full_rep[f] = it.idx
                surname_of[f] = sk
    fulls = sorted(full_rep)
    for i, j in _pairs_of([surname_of[f] for f in fulls]):
        pairs += 1
        if nm.person_forms_compatible(fulls[i], fulls[j]):
            cl.union(full_rep[fulls[i]], full_rep[fulls[j]])

    # 2b. a full name with words before another full name of the story ("Boss Rosalind Achebe",
    # "Harbourmaster Ewan Strachley": a role word the title list lacks) joins it when the longest
    # such tail is held by one cluster; a few dict look-ups a name
    for f in fulls:
        for cut in range(1, len(f) - 1):
            idx = full_rep.get(f[cut:])
            if idx is not None:
                if cl.uf.find(idx) != cl.uf.find(full_rep[f]):  # counted when not joined yet
                    pairs += 1
                    cl.union(full_rep[f], idx)
                break

    # 3. short forms: a surname-only cluster joins its unique full-name cluster
    by_surname: dict[str, set[int]] = {}
    for f, idx in full_rep.items():
        by_surname.setdefault(surname_of[f], set()).add(idx)
    # a one-word organisation in an article that also names a person with that surname is the
    # engine telling them apart ("Ed Jezzew, CEO of Jezzew"): its cluster stays an organisation
    kept_apart: set[int] = set()
    bare = [it for it in items if _bare_word_org(it)]
    bare_idx = {it.idx for it in bare}  # _bare_word_org's answers, asked once an item
    if bare:
        surnamed = {(it.article, sk) for it in items for sk, _ in it.info.surnames}
        kept_apart = {
            cl.uf.find(it.idx)
            for it in bare
            if (it.article, nm.skeleton(it.info.forms[0][-1])) in surnamed
        }
    seen_short: set[tuple[int, tuple[str, ...]]] = set()
    for it in items:
        if it.info.short:
            short, fits = it.info.person, nm.ends_with
        elif it.idx in bare_idx:
            short, fits = it.info.forms[0], _person_ends_with
        else:
            continue
        root = cl.uf.find(it.idx)
        if root in kept_apart:
            continue
        if root in cl.full or (root, short) in seen_short:
            continue  # already joined to a full name, or this bare name was settled already
        seen_short.add((root, short))
        block = by_surname.get(nm.skeleton(short[-1]), ())
        if len(block) > MAX_SURNAME_CANDIDATES * 4:
            continue  # a very common surname: no single full name to join
        cands = sorted(
            {
                cl.uf.find(idx)
                for idx in block
                if any(fits(f, short) for f in cl.names(cl.uf.find(idx)))
            }
        )
        pairs += len(cands)
        if len(cands) == 1:
            members = cl.uf.members
            # a one-word organisation only joins people who outnumber it: the story actor stays
            # a person, and a firm named in several articles keeps its founder apart
            if it.info.short or len(members[cands[0]]) > len(members[root]):
                cl.union(it.idx, cands[0])
        elif 1 < len(cands) <= MAX_SURNAME_CANDIDATES and it.info.short:
            yes = []
            for c in cands:
                other = items[c]
                q = Question(
                    "actor",
                    _describe(it),
                    _describe(other),
                    lean=False,
                    hint=f"surname {' '.join(short)!r} fits {len(cands)} full names; kept apart",
                )
                v = decider.ask(q, ref(it.article, it.actor.id), ref(other.article, other.actor.id))
                if v.same:
                    yes.append(c)
            if len(yes) == 1:
                cl.union(it.idx, yes[0])

    # 4. organisation / place variants and acronyms
    named = [it for it in items if it.info.family != "P" and not it.info.anonymous]
    form_rep: dict[tuple[str, tuple[str, ...]], int] = {}
    for it in named:
        fam = it.info.family
        for f in it.info.forms:
            form_rep.setdefault((fam, f), it.idx)
    # in first-seen order: organisations and places hold no full person name, so no union here
    # is vetoed and the clusters and pair counts do not depend on the order pairs come in
    forms = list(form_rep)
    for i, j in _variant_pairs(forms):
        pairs += 1
        (_, fa), (_, fb) = forms[i], forms[j]
        if len(fa) == len(fb) and all(nm.same_token(x, y) for x, y in zip(fa, fb, strict=True)):
            cl.union(form_rep[forms[i]], form_rep[forms[j]])
    # a person typed as an organisation by an engine still gets the given-name rule, but only
    # with every later word equal ("Pat Ryder" ~ "Patrick Ryder", never "Islamic State" ~ "Jihad")
    for i, j in _pairs_of([(fam, f[1:]) if len(f) >= 2 else None for fam, f in forms]):
        pairs += 1
        (_, fa), (_, fb) = forms[i], forms[j]
        if fa[0] != fb[0] and nm.given_names_compatible(fa[0], fb[0]):
            cl.union(form_rep[forms[i]], form_rep[forms[j]])
    acr_side: dict[tuple[str, str], list[int]] = {}
    exp_side: dict[tuple[str, str], list[int]] = {}
    for it in named:
        for acr in it.info.acronyms:
            acr_side.setdefault((it.info.family, acr), []).append(it.idx)
    # initials only where they can meet an acronym: in a family (organisations, places) that has one
    # and of forms that can match one of those acronyms (by its letters)
    acr_letters: dict[str, list[set[str]]] = {}
    for fam, acr in acr_side:
        acr_letters.setdefault(fam, []).append(set(acr))
    if acr_letters:
        # once per distinct actor (its info): the articles of a story repeat their actors
        inis_of: dict[ActorInfo, set[str]] = {}
        for it in named:
            info = it.info
            letters = acr_letters.get(info.family)
            if letters:
                inis = inis_of.get(info)
                if inis is None:
                    inis = inis_of[info] = _initials(it, letters)
                for ini in inis:
                    exp_side.setdefault((info.family, ini), []).append(it.idx)
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


def _bare_word_org(it: ActorItem) -> bool:
    """An organisation written as one word that is no acronym ("Vardanyan" where the engine saw
    no person cue): phase 3 takes it for a surname when exactly one full name of the story ends
    with it, and leaves it alone otherwise."""
    info = it.info
    return (
        it.actor.type is ActorType.organization
        and not info.anonymous
        and not info.acronyms
        and len(info.written) == 1
        and len(info.forms) == 1
        and " " not in info.written[0]
    )


def _person_ends_with(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """nm.ends_with for a one-word organisation, stricter: the very surname (no transliteration),
    and a full name starting with a known given name, so that a place or body the engine typed
    as a person ("Rail Users Westmarch") does not take the place ("Westmarch")."""
    return len(short) == 1 and full[-1] == short[0] and is_given(full[0]) and len(full) >= 2


def _describe(it: ActorItem) -> dict[str, object]:
    a = it.actor
    return {"name": a.name, "type": a.type.value, "aliases": sorted(a.aliases), "role": a.role}


def _canonical_name(members: list[ActorItem]) -> str:
    """Fullest title-free name (most words, then most letters: 'Patrick' over 'Pat'), a name
    ending with another of two words or more last; ties: most members using it, then
    alphabetical (folded, then raw)."""
    counts: dict[str, int] = {}
    for it in members:
        n = it.info.name  # the stripped name, title-free for a named person
        counts[n] = counts.get(n, 0) + 1
    if len(counts) == 1:  # one name (most actors): nothing to rank
        return next(iter(counts))

    toks_of = {n: nm.tokens(n) for n in counts}
    held = {t for n, t in toks_of.items() if " " in n.strip()}  # full names, not one word

    def rank(n: str) -> tuple[int, int, int, int, str, str]:
        toks = toks_of[n]
        # words before another name of the cluster are a role the title list lacks ("Boss
        # Rosalind Achebe"): the name they precede ranks first
        if any(toks[k:] in held for k in range(1, len(toks) - 1)):
            return (2, 0, 0, -counts[n], " ".join(toks), n)
        # a bare acronym is less full than its expansion however short the expansion is
        acr = 1 if nm.is_acronym(n) else 0
        return (acr, -len(toks), -sum(map(len, toks)), -counts[n], " ".join(toks), n)

    return min(counts, key=rank)


# a story's actors and their members: built directly, without construct()'s keyword checks
_build_actor = builder(StoryActor)
_build_member = builder(ActorMember)


def _build(
    items: list[ActorItem], cl: _Clusters, group_of: dict[str, str], pairs: int
) -> ActorResult:
    ranked: list[tuple[tuple[int, int, str, str], StoryActor]] = []
    sid_of = [""] * len(items)
    # the union-find's clusters by root, which is each one's smallest member: the order of
    # UnionFind.groups() without sorting the many clusters of one
    for group in cl.uf.members.values():
        if len(group) == 1:  # most actors at scale: nothing to reconcile, no tallies
            m = items[group[0]]
            a, info, art = m.actor, m.info, m.article
            sid = sid_of[m.idx] = stable_id1("A", art, a.id)
            name = info.name
            one = _build_actor(
                {
                    "id": sid,
                    "name": name,
                    "type": a.type,
                    "anonymous": info.anonymous,
                    "aliases": list(info.aliases),
                    "roles": [a.role] if a.role else [],
                    "support": support1(art),
                    "members": [_build_member({"article": art, "actor": a})],
                }
            )
            ranked.append(((-1, -1, name, sid), one))
            continue
        members = [items[i] for i in sorted(group)]
        sid = stable_id("A", [(m.article, m.actor.id) for m in members])
        types: dict[ActorType, int] = {}
        for m in members:
            types[m.actor.type] = types.get(m.actor.type, 0) + 1
            sid_of[m.idx] = sid
        atype = (
            next(iter(types))
            if len(types) == 1
            else min(types, key=lambda t: (-types[t], _TYPE_ORDER[t]))
        )
        # each member's non-blank name and aliases (sorted, distinct): ActorInfo.aliases
        aliases = sorted(set().union(*[m.info.aliases for m in members]))
        roles = sorted({m.actor.role for m in members if m.actor.role})
        sup = support((m.article for m in members), group_of)
        actor = construct(
            StoryActor,
            id=sid,
            name=_canonical_name(members),
            type=atype,
            anonymous=all(m.info.anonymous for m in members),
            aliases=aliases,
            roles=roles,
            support=sup,
            members=[
                _build_member({"article": m.article, "actor": m.actor})
                for m in sorted(members, key=lambda m: (m.article, item_key(m.actor.id)))
            ],
        )
        ranked.append(((-sup.sources, -sup.pages, actor.name, sid), actor))
    ranked.sort(key=itemgetter(0))
    return ActorResult([a for _, a in ranked], Resolver(items, sid_of), pairs)


class Resolver:
    """Maps a name written in an article (a quote's speaker, an event participant) to a story actor.

    The article's own actors answer most names; the story-wide tables behind them are built on
    the first name they do not answer."""

    def __init__(self, items: list[ActorItem], sid_of: list[str]) -> None:
        self._items = items
        self._sid_of = sid_of
        # per article, written form key -> story actor; the first actor filing a key keeps it
        self.local: dict[str, dict[str, str]] = {}
        for it in reversed(items):
            here = self.local.get(it.article)
            if here is None:
                here = self.local[it.article] = {}
            here.update(zip(it.info.local, repeat(sid_of[it.idx])))
        self._story: dict[str, set[str]] | None = None
        self._surnames: dict[str, set[tuple[tuple[str, ...], str]]] = {}

    def _tables(self) -> dict[str, set[str]]:
        """The story-wide tables: form key -> story actors, surname skeleton -> (full name,
        story actor)."""
        if self._story is None:
            story: dict[str, set[str]] = {}
            self._story = story
            surnames = self._surnames
            for it in self._items:
                info = it.info
                if info.anonymous:
                    continue
                sid = self._sid_of[it.idx]
                for key in info.story:
                    got = story.get(key)
                    if got is None:
                        story[key] = {sid}
                    else:
                        got.add(sid)
                for sk, form in info.surnames:
                    surnames.setdefault(sk, set()).add((form, sid))
        return self._story

    def resolve(
        self, article: str, name: str | None, toks: tuple[str, ...] | None = None
    ) -> str | None:
        """The story actor `name` stands for in `article`, or None; `toks`: nm.tokens(name) when
        the caller has it already."""
        if not name or not name.strip():
            return None
        here = self.local.get(article, {})
        hit = here.get(" ".join(nm.tokens(name) if toks is None else toks))
        if hit:
            return hit
        pt = nm.person_tokens(name)
        if pt:
            hit = here.get("p:" + " ".join(pt))
            if hit:
                return hit
        story = self._tables()
        cands: set[str] = set()
        if len(pt) >= 2:
            cands = story.get("P|" + " ".join(pt), set())
            if not cands:
                cands = {
                    sid
                    for f, sid in self._surnames.get(nm.skeleton(pt[-1]), ())
                    if nm.person_forms_compatible(pt, f)
                }
        elif len(pt) == 1:
            cands = {
                sid
                for f, sid in self._surnames.get(nm.skeleton(pt[0]), ())
                if nm.same_token(pt[0], f[-1])
            }
        if not cands:
            for fam, core in (("O", nm.org_tokens), ("L", nm.place_tokens)):
                cands |= story.get(f"{fam}|{' '.join(core(name))}", set())
        return next(iter(cands)) if len(cands) == 1 else None
