"""Syndication: MinHash fingerprints of word shingles and the grouping of near-duplicate articles.

`fingerprint(text)` (service.extract.shingles, re-exported here) is one-permutation MinHash of
the text's 4-word shingles in 64 bins. The share of equal bins between two signatures estimates the Jaccard
similarity of their shingle sets. Articles are candidates when they share a 2-value band
(32 bands, banded LSH), are verified by the estimate, and joined when it reaches COPY_THRESHOLD.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from operator import eq

from schemas import ArticleDigest
from schemas.story import SourceGroup
from service.extract.shingles import SHINGLE as SHINGLE
from service.extract.shingles import SIGNATURE_SIZE
from service.extract.shingles import fingerprint as fingerprint
from service.merge.common import WORD, UnionFind, construct, stable_id

BANDS = 32
ROWS = SIGNATURE_SIZE // BANDS
# A wire copy re-edited by a site (new headline, a trimmed paragraph) keeps most of its shingles;
# two outlets writing their own copy of one story share far fewer than half.
COPY_THRESHOLD = 0.5
# Digest material (title, summary, evidence sentences) is thinner than the text: ask for more.
DIGEST_COPY_THRESHOLD = 0.7
MIN_DIGEST_WORDS = 12
# up to this many articles, the pairs sharing a band are found without buckets: with three or
# fewer, the buckets' star plus chain checks every such pair anyway
DIRECT_PAIRS = 3


def estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when either is missing)."""
    if len(a) != SIGNATURE_SIZE or len(b) != SIGNATURE_SIZE:
        return 0.0
    return sum(map(eq, a, b)) / SIGNATURE_SIZE  # equal bins, counted in C


def digest_material(d: ArticleDigest) -> str:
    """Text standing in for an article without a fingerprint: title, summary, event evidence."""
    parts = [d.article.title or "", d.summary]
    for e in d.events:
        parts.extend(s.text for s in e.evidence)
    return "\n".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Syndication:
    group_of: dict[str, str]  # article id -> SourceGroup id
    groups: list[SourceGroup]


def group_sources(digests: Sequence[ArticleDigest]) -> Syndication:
    """Group articles carrying the same copy. `digests` must already be in canonical order."""
    n = len(digests)
    if n == 1:  # a story of one (most stories): no copy to look for
        aid = digests[0].article.id
        gid = stable_id("src", [(aid, "")])
        one = construct(
            SourceGroup, id=gid, articles=[aid], representative=aid, similarity=1.0, basis="single"
        )
        return Syndication(group_of={aid: gid}, groups=[one])
    sigs: list[list[int]] = []
    basis: list[str] = []
    for d in digests:
        sig = list(d.article.fingerprint)
        if len(sig) == SIGNATURE_SIZE:
            sigs.append(sig)
            basis.append("text")
            continue
        material = digest_material(d)
        if len(WORD.findall(material)) >= MIN_DIGEST_WORDS:
            sigs.append(fingerprint(material))
            basis.append("digest")
        else:
            sigs.append([])
            basis.append("none")

    uf = UnionFind(n)
    link_sim: dict[int, list[float]] = {}
    link_basis: dict[int, set[str]] = {}

    def link(i: int, j: int, sim: float, how: str) -> None:
        uf.union(i, j)
        link_sim.setdefault(i, []).append(sim)
        link_sim.setdefault(j, []).append(sim)
        link_basis.setdefault(i, set()).add(how)
        link_basis.setdefault(j, set()).add(how)

    by_hash: dict[str, int] = {}
    for i, d in enumerate(digests):
        h = d.article.content_hash
        if h:
            if h in by_hash:
                link(by_hash[h], i, 1.0, "content_hash")
            else:
                by_hash[h] = i

    if n <= DIRECT_PAIRS and all(len(sig) in (0, SIGNATURE_SIZE) for sig in sigs):
        # most stories: two or three articles, every pair sharing a band checked (as below)
        for i, j in combinations(range(n), 2):
            a, b = sigs[i], sigs[j]
            if a and b and basis[i] == basis[j] and _share_band(a, b):
                sim = estimate(a, b)
                if sim >= (COPY_THRESHOLD if basis[i] == "text" else DIGEST_COPY_THRESHOLD):
                    link(i, j, sim, basis[i])
        return _groups(digests, uf, link_sim, link_basis)

    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = {}
    for i, sig in enumerate(sigs):
        if not sig:
            continue
        for band in range(BANDS):
            buckets.setdefault((band, tuple(sig[band * ROWS : (band + 1) * ROWS])), []).append(i)
    checked: set[tuple[int, int]] = set()
    for items in buckets.values():
        # star plus chain inside a bucket: linear, and a true copy shares many bands anyway
        for k in range(1, len(items)):
            for i, j in ((items[0], items[k]), (items[k - 1], items[k])):
                if (i, j) in checked or i == j:
                    continue
                checked.add((i, j))
                if basis[i] != basis[j]:
                    continue
                sim = estimate(sigs[i], sigs[j])
                need = COPY_THRESHOLD if basis[i] == "text" else DIGEST_COPY_THRESHOLD
                if sim >= need:
                    link(i, j, sim, basis[i])

    return _groups(digests, uf, link_sim, link_basis)


def _share_band(a: Sequence[int], b: Sequence[int]) -> bool:
    """Whether two full signatures agree on every value of some band (share an LSH bucket)."""
    same = bytes(map(eq, a, b))
    return any(map(all, zip(*(same[r::ROWS] for r in range(ROWS)), strict=True)))


def _groups(
    digests: Sequence[ArticleDigest],
    uf: UnionFind,
    link_sim: dict[int, list[float]],
    link_basis: dict[int, set[str]],
) -> Syndication:
    group_of: dict[str, str] = {}
    groups: list[SourceGroup] = []
    for members in uf.groups():
        ids = sorted(digests[i].article.id for i in members)
        gid = stable_id("src", ((a, "") for a in ids))
        if len(members) == 1:
            sim, how = 1.0, "single"
        else:
            sim = min(min(link_sim.get(i, [1.0])) for i in members)
            hows = set().union(*(link_basis.get(i, set()) for i in members))
            how = (
                "content_hash"
                if hows == {"content_hash"}
                else ("digest" if "digest" in hows else "text")
            )
        rep = min(
            members,
            key=lambda i: (
                digests[i].article.published is None,
                digests[i].article.published or "",
                digests[i].article.id,
            ),
        )
        groups.append(
            construct(
                SourceGroup,
                id=gid,
                articles=ids,
                representative=digests[rep].article.id,
                similarity=round(sim, 4),
                basis=how,
            )
        )
        for a in ids:
            group_of[a] = gid
    groups.sort(key=lambda g: (-len(g.articles), g.articles[0]))
    return Syndication(group_of=group_of, groups=groups)
