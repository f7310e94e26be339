"""Which quotes form one cluster, given the links between their forms (quotes.relate).

Quotes are joined by union-find over the links, strongest first, under two rules:

  one article   two quotes of one article share a cluster only when their forms are directly
                related (a standfirst repeating the body), never through a third quote; a
                rewording that brings in a new content word is no direct relation there (a
                journalist repeating a quote keeps its words), though it joins across articles;
  fragments     a fragment (a form too short to be one utterance on its own: quotes._says_enough)
                joins through its speaker's fuller quote, so a phrase a speaker repeats ("the most
                valuable player", "radical Islamic terrorism") is part of many of their
                utterances. It joins one: utterances are joined to each other first, fragments to
                fragments, then each group of fragments to the utterance of its strongest link,
                and never a second one (the two utterances are listed as `related` instead).

A long quotation that one article's two separately reported utterances both hold joins one of
their clusters (the stronger link); `extra_listings` lists it in the other one too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from service.merge.common import UnionFind


class _Item(Protocol):
    article: str
    form: int


class _Form(Protocol):
    items: list[int]
    words: tuple[str, ...]


# (-strength, relation rank, form i, form j, relation name), as quotes.cluster_quotes sorts them
Link = tuple[float, int, int, int, str]


def union_quotes(
    items: Sequence[_Item],
    forms: Sequence[_Form],
    links: Sequence[Link],
    related: set[tuple[int, int]],
    full: Callable[[int], bool],
    listed: Callable[[int, int, str], bool],
) -> tuple[UnionFind, list[tuple[int, int]], list[tuple[int, int]]]:
    """The quotes' union-find, the item pairs whose link was refused, and (container item,
    contained item) pairs kept apart that `listed(big form, small form, relation)` lists twice.

    `full(form)` tells an utterance from a fragment; `related` holds the linked form pairs."""
    uf = UnionFind(len(items))
    arts = {i: {it.article: [it.form]} for i, it in enumerate(items)}
    whole: dict[int, bool] = {}  # root -> its cluster holds an utterance, not only fragments

    def allow(ri: int, rj: int) -> bool:
        a, b = arts[ri], arts[rj]
        if len(a) > len(b):
            a, b = b, a
        for art, fa in a.items():
            fb = b.get(art)
            if fb is None:
                continue
            for x in fa:
                for y in fb:
                    if x != y and (min(x, y), max(x, y)) not in related:
                        return False
        return True

    def join(i: int, j: int) -> bool:
        ri, rj = uf.find(i), uf.find(j)
        if ri == rj:
            return True
        keep = uf.union(i, j, allow)
        if keep is None:
            return False
        drop = rj if keep == ri else ri
        # the smaller side's articles added to the larger's, whichever root is kept (allow reads
        # each article's forms as a whole, in no order): linear in a cluster's size overall
        big, small = arts.pop(keep), arts.pop(drop)
        if len(big) < len(small):
            big, small = small, big
        for art, fl in small.items():
            big.setdefault(art, []).extend(fl)
        arts[keep] = big
        whole[keep] = whole.pop(drop, False) or whole.get(keep, False)
        return True

    for f in forms:
        for k in f.items[1:]:
            join(f.items[0], k)
    kind: dict[int, bool] = {}

    def is_full(fi: int) -> bool:
        got = kind.get(fi)
        if got is None:
            got = kind[fi] = full(fi)
            if got:
                whole[uf.find(forms[fi].items[0])] = True
        return got

    # utterance to utterance and fragment to fragment first; then a fragment group to an utterance
    alike: list[Link] = []
    mixed: list[tuple[Link, int]] = []  # (link, its fragment form)
    for link in links:
        fi, fj = is_full(link[2]), is_full(link[3])
        if fi == fj:
            alike.append(link)
        else:
            mixed.append((link, link[3] if fi else link[2]))
    vetoed: list[tuple[int, int]] = []
    spans: list[tuple[int, int]] = []
    for _, _, i, j, rel_name in alike:
        a, b = forms[i].items[0], forms[j].items[0]
        if join(a, b):
            continue
        vetoed.append((a, b))
        big, small = (i, j) if len(forms[i].words) >= len(forms[j].words) else (j, i)
        if listed(big, small, rel_name):
            spans.append((forms[big].items[0], forms[small].items[0]))
    for (_, _, i, j, _), frag in mixed:
        a, b = forms[i].items[0], forms[j].items[0]
        if whole.get(uf.find(forms[frag].items[0]), False) or not join(a, b):
            vetoed.append((a, b))
    return uf, vetoed, spans


def extra_listings(
    items: Sequence[_Item],
    uf: UnionFind,
    spans: Sequence[tuple[int, int]],
    related: set[tuple[int, int]],
) -> dict[int, list[int]]:
    """Per cluster root, the container items listed there as well: a container joins the list
    unless the cluster already holds a quote of its article that its form is not directly
    related to (the one-article rule, as for the cluster's own members)."""
    extra: dict[int, list[int]] = {}
    seen: dict[int, dict[str, list[int]]] = {}  # root -> article -> forms listed there
    for c, sh in spans:
        root = uf.find(sh)
        if uf.find(c) == root:
            continue
        by_art = seen.get(root)
        if by_art is None:
            by_art = seen[root] = {}
            for m in uf.members[root]:
                by_art.setdefault(items[m].article, []).append(items[m].form)
        got = extra.setdefault(root, [])
        if c in got:
            continue
        fc = items[c].form
        there = by_art.setdefault(items[c].article, [])
        if all(f == fc or (min(f, fc), max(f, fc)) in related for f in there):
            there.append(fc)
            got.append(c)
    return {r: got for r, got in extra.items() if got}
