"""Shared merge machinery: constrained union-find, blocking by keys, stable ids, word features."""

from __future__ import annotations

import gc
import hashlib
import re
import unicodedata
from collections.abc import Callable, Collection, Hashable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import combinations
from typing import Any, TypeVar, cast

from pydantic import BaseModel

from schemas.story import MemberRef, Support, natural_key
from service.normalise import DASHES, DOUBLE_QUOTES, SINGLE_QUOTES
from service.trusted import buildable, new, set_dict, set_extra, set_fields, set_private

# A block holding more items than this is a stop-key (a very common name or phrase): it yields
# no pairs, so the work per key stays bounded and the total stays near-linear in the input.
MAX_BLOCK = 60
# block_pairs tests every pair of items with one set test when there are at most this many pairs
# per key held (about where that stops costing fewer instructions than a Python step per key)
PAIRWISE_KEYS = 4

STOPWORDS = frozenset(
    """a an and are as at be been being but by for from had has have he her his i in into is it
    its of on or our over said says she that the their them they this those to was we were
    which who will with would after before about than then there these up down out not no
    also more most s t can could did do does just so if what when where while you your my me
    us i'm it's one""".split()  # noqa: SIM905
)
# Small stopword lists that tell common languages apart (no model, no dependency).
_LANG_WORDS = {
    "en": frozenset(
        """the and of to is that in it for was with on as are this be have not""".split()  # noqa: SIM905
    ),
    "fr": frozenset(
        """le la les et des est une pour que dans pas qui sur nous avec ce sont""".split()  # noqa: SIM905
    ),
    "de": frozenset(
        """der die das und ist nicht ein eine zu den mit sich von wir auf auch""".split()  # noqa: SIM905
    ),
    "es": frozenset(
        """el la los las y que es en por una para con del no se lo como""".split()  # noqa: SIM905
    ),
    "it": frozenset(
        """il lo la che di e non una per sono con del della gli si""".split()  # noqa: SIM905
    ),
    "pt": frozenset(
        """o os que e de do da em um uma para com não se por são""".split()  # noqa: SIM905
    ),
    "nl": frozenset(
        """de het een en van is dat niet op te zijn met voor wij""".split()  # noqa: SIM905
    ),
    "tr": frozenset(
        ["ve", "bir", "bu", "da", "de", "için", "ile", "çok", "ama", "olarak", "daha", "gibi"]
    ),
}
_LANG_ITEMS = tuple(_LANG_WORDS.items())
_LANG_CODES = tuple(sorted(_LANG_WORDS))
_ANY_LANG_WORD = frozenset().union(*_LANG_WORDS.values())
SCRIPTS = (
    ("ar", "\u0600", "\u06ff"),
    ("fa", "\u0750", "\u077f"),
    ("he", "\u0590", "\u05ff"),
    ("ru", "\u0400", "\u04ff"),
    ("el", "\u0370", "\u03ff"),
    ("zh", "\u4e00", "\u9fff"),
    ("ja", "\u3040", "\u30ff"),
    ("ko", "\uac00", "\ud7af"),
    ("hi", "\u0900", "\u097f"),
)
# guess_language reads a text's script only from letters at or above this one
_FIRST_SCRIPT = min(lo for _, lo, _ in SCRIPTS)
WORD = re.compile(r"\w+", re.UNICODE)
# ASCII letters, digits and the underscore kept, every other byte a space: the \w+ runs of an
# ASCII text are its words after this bytes.translate table (a table look-up a byte, where
# str.translate looks each distinct character up in a dict at every call)
_ASCII_W = bytes(c if c < 128 and (chr(c).isalnum() or c == 95) else 32 for c in range(256))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class UnionFind:
    """Union-find that keeps each cluster's members, so a union can be vetoed by a constraint."""

    __slots__ = ("members", "parent")

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))
        self.members: dict[int, list[int]] = {i: [i] for i in range(n)}

    def find(self, i: int) -> int:
        parent = self.parent
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    def union(self, i: int, j: int, allow: Callable[[int, int], bool] | None = None) -> int | None:
        """Join the clusters of i and j unless `allow(root_i, root_j)` says no.

        Returns the surviving root (the smaller one, so the structure never depends on the order
        pairs come in), or None when vetoed. Callers keeping per-root summaries merge them then.
        """
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return ri
        if allow is not None and not allow(ri, rj):
            return None
        keep, drop = (ri, rj) if ri < rj else (rj, ri)
        self.parent[drop] = keep
        self.members[keep].extend(self.members.pop(drop))
        return keep

    def same(self, i: int, j: int) -> bool:
        return self.find(i) == self.find(j)

    def groups(self) -> list[list[int]]:
        """Every cluster's members in order, the clusters ordered by their smallest member.

        A cluster's root is its smallest member (a union keeps the smaller root) and `members`
        keeps its roots in ascending order (filled 0..n-1, then only popped), so the clusters
        come out in order without sorting them."""
        return list(map(sorted, self.members.values()))


def block_pairs(
    keys: Sequence[Collection[Hashable]],
    max_block: int = MAX_BLOCK,
    window: int = 0,
    order: Callable[[int], Any] | None = None,
    *,
    ordered: bool = True,
) -> list[tuple[int, int]]:
    """Sorted candidate pairs (i < j) of items sharing a key (`ordered=False`: the same pairs in
    no particular order, for a caller that orders them itself).

    A block over `max_block` items yields only pairs of items at most `window` apart in index
    order, or in `order` when given (sorted-neighbourhood), so no block costs more than linear
    work; window 0 skips it.
    """
    n = len(keys)
    if n <= max_block and n * (n - 1) <= PAIRWISE_KEYS * sum(map(len, keys)):
        # few items with many keys each (a story's quotes, its events): one C-level set test
        # per pair costs less than a Python step per key, and no block exceeds max_block
        sets = [ks if isinstance(ks, (set, frozenset)) else set(ks) for ks in keys]
        return [
            (i, j) for i, a in enumerate(sets) for j in range(i + 1, n) if not a.isdisjoint(sets[j])
        ]
    # first item of each key (one hash per key, nothing built for the many keys of one item);
    # the items of a key held by two or more, in index order
    first: dict[Hashable, int] = {}
    shared: dict[Hashable, list[int]] = {}
    setdefault = first.setdefault
    get = shared.get
    for i, ks in enumerate(keys):
        for k in ks if isinstance(ks, (set, frozenset)) else set(ks):
            j = setdefault(k, i)
            if j != i:
                got = get(k)
                if got is None:
                    shared[k] = [j, i]
                else:
                    got.append(i)
    pairs: set[tuple[int, int]] = set()
    for items in shared.values():
        n = len(items)
        if n <= max_block:
            # items are in index order, each once: every pair (i < j) of the block, made in C
            pairs.update(combinations(items, 2))
            continue
        if order is not None:
            items = sorted(items, key=order)
        for a in range(n):
            for b in range(a + 1, min(n, a + 1 + window)):
                ia, ib = items[a], items[b]
                pairs.add((ia, ib) if ia < ib else (ib, ia))
    return sorted(pairs) if ordered else list(pairs)


# schemas.story.natural_key ('q2' before 'q10'), cached: item ids ('q1', 'a3', 'e12') repeat in
# every article
item_key = lru_cache(maxsize=1 << 12)(natural_key)


def stable_id(prefix: str, refs: Iterable[tuple[str, str]]) -> str:
    """Content-derived id: a hash of the sorted member refs, identical whatever the input order."""
    # f"{article}\x1f{item}" per ref (both are strings), joined in C
    blob = "\n".join(map("\x1f".join, sorted(refs))).encode("utf-8")
    return f"{prefix}-{hashlib.sha256(blob).hexdigest()[:12]}"


def stable_id1(prefix: str, article: str, item: str) -> str:
    """stable_id(prefix, [(article, item)]) of a one-member cluster (most clusters at scale)."""
    blob = f"{article}\x1f{item}".encode()
    return f"{prefix}-{_sha256(blob).hexdigest()[:12]}"


_sha256 = hashlib.sha256
_M = TypeVar("_M", bound=BaseModel)
# per model class: its field names in declared order and as a set (None: setting the slots is
# not enough, use model_construct)
_CLASSES: dict[type, tuple[tuple[str, ...], frozenset[str] | None]] = {}


def _class(cls: type[BaseModel]) -> tuple[tuple[str, ...], frozenset[str] | None]:
    got = _CLASSES.get(cls)
    if got is None:
        names = tuple(cls.model_fields)
        got = _CLASSES[cls] = (names, frozenset(names) if buildable(cls) else None)
    return got


def construct(cls: type[_M], **values: Any) -> _M:
    """cls.model_construct(**values) for trusted values that give EVERY field (no defaults to
    fill, no aliases, no post-init): the same object, at a fraction of the cost. A call that
    leaves a field out goes to model_construct."""
    names, fields = _CLASSES.get(cls) or _class(cls)
    if fields is None:
        return cls.model_construct(**values)
    if tuple(values) != names:  # not given in field order: reorder, or fill the gaps
        if len(values) != len(names) or any(n not in values for n in names):
            return cls.model_construct(**values)
        values = {n: values[n] for n in names}
    # service.trusted.builder(cls)(values), without the second call: the most built objects
    m = new(cls)
    set_dict(m, values)
    set_fields(m, set(fields))
    set_extra(m, None)
    set_private(m, None)
    return cast("_M", m)


_REF_FIELDS = frozenset(MemberRef.model_fields)
_SUPPORT_FIELDS = frozenset(Support.model_fields)
assert buildable(MemberRef) and buildable(Support)


def _support(arts: list[str], pages: int, sources: int) -> Support:
    m = new(Support)
    set_dict(m, {"articles": arts, "pages": pages, "sources": sources})
    set_fields(m, set(_SUPPORT_FIELDS))
    set_extra(m, None)
    set_private(m, None)
    return cast("Support", m)


def support(articles: Iterable[str], group_of: dict[str, str]) -> Support:
    arts = sorted(set(articles))
    if len(arts) == 1:  # most items at scale: one page, one source
        return _support(arts, 1, 1)
    return _support(arts, len(arts), len({group_of[a] for a in arts}))


def support1(article: str) -> Support:
    """support([article], group_of): one page, one source."""
    return _support([article], 1, 1)


def ref(article: str, item: str) -> MemberRef:
    m = new(MemberRef)
    set_dict(m, {"article": article, "item": item})
    set_fields(m, set(_REF_FIELDS))
    set_extra(m, None)
    set_private(m, None)
    return cast("MemberRef", m)


_FOLD = str.maketrans(
    {
        **{c: '"' for c in DOUBLE_QUOTES},
        **{c: "'" for c in SINGLE_QUOTES},
        **{c: "-" for c in DASHES},
    }
)


# the commonest non-ASCII characters of news text bar letters: curly quotation marks, dashes
COMMON_MARKS = "’‘“”–—"
# every non-ASCII character fast_fold turns into ASCII punctuation
FOLDED_MARKS = "".join(c for c in DOUBLE_QUOTES + SINGLE_QUOTES + DASHES + "…" if not c.isascii())
# COMMON_MARKS with what the fold turns them into: swapped first (str.replace, a C scan each),
# they leave most texts ASCII, which fold without str.translate's dictionary look-up of every
# character
MARK_SWAPS = tuple((c, _FOLD[ord(c)]) for c in COMMON_MARKS)
# every other character the fold changes, likewise: str.translate looks each character of a
# non-ASCII text up in _FOLD (a KeyError for most), about 800 instructions a character
_OTHER_SWAPS = tuple(
    (chr(k), v) for k, v in _FOLD.items() if chr(k) != v and (chr(k), v) not in MARK_SWAPS
)


@lru_cache(maxsize=1 << 16)
def fast_fold(text: str) -> str:
    """service.normalise.fold for comparing words (no offset map, so far cheaper): quote marks,
    dashes, case and accents folded; whitespace is left alone."""
    if not text.isascii():
        for mark, folded in MARK_SWAPS:
            if mark in text:
                text = text.replace(mark, folded)
    if text.isascii():  # the fold's only ASCII change: the backtick is a quote mark
        s = text.lower()
        return s.replace("`", "'") if "`" in s else s
    for mark, folded in _OTHER_SWAPS:
        if mark in text:
            text = text.replace(mark, folded)
    s = text.lower().replace("…", "...")
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    if s.isascii():
        return s
    # the combining marks dropped, each distinct one by a C scan
    for ch in set(_NON_ASCII.findall(s)):
        if unicodedata.combining(ch):
            s = s.replace(ch, "")
    return s


def word_runs(text: str) -> list[str]:
    """WORD.findall(text), the \\w+ runs: for an ASCII text (most news once folded) a translate
    and a split, about a third of the regex scan's cost."""
    if text.isascii():
        return text.encode("ascii").translate(_ASCII_W).decode("ascii").split()
    return WORD.findall(text)


def words(text: str) -> list[str]:
    """Folded word tokens (accents, case, quote marks folded; punctuation dropped)."""
    return word_runs(fast_fold(text))


def guess_language(text: str, default: str | None = None) -> str | None:
    """A rough language code from script or stopwords; `default` when the text says too little."""
    counts: dict[str, int] = {}
    # no character below the first script's letters is counted: most texts hold none of them
    for ch in "" if text.isascii() or max(text) < _FIRST_SCRIPT else _NON_ASCII.findall(text):
        if ch.isalpha():
            for code, lo, hi in SCRIPTS:
                if lo <= ch <= hi:
                    counts[code] = counts.get(code, 0) + 1
                    break
    if counts:
        letters = sum(ch.isalpha() for ch in text)
        code, n = max(sorted(counts.items()), key=lambda kv: kv[1])
        if n * 2 >= letters:
            return code
    return stopword_language(word_runs(text.lower()), default)


def stopword_language(toks: Sequence[str], default: str | None = None) -> str | None:
    """guess_language's vote by stopwords, given the text's lower-cased \\w+ words (what it reads
    of an ASCII text)."""
    if len(toks) < 4:
        return default
    # no language scores more than the text's words found in any list (most texts: two or more)
    hits = _ANY_LANG_WORD.intersection(toks)
    if len(hits) < 2:
        return default
    best = _vote(hits)
    return default if best is None else best


@lru_cache(maxsize=1 << 12)
def _vote(hits: frozenset[str]) -> str | None:
    """The language whose list holds most of the listed words `hits` (two at least), once per
    set of them: texts that share their function words share the answer."""
    scores = {code: len(ws & hits) for code, ws in _LANG_ITEMS}
    best = max(_LANG_CODES, key=scores.__getitem__)  # ties: the first code alphabetically
    return best if scores[best] >= 2 else None


@contextmanager
def no_cyclic_gc(freeze: bool = False) -> Iterator[None]:
    """Merging and story grouping allocate millions of small acyclic objects: the cyclic
    collector, left on, walks them again and again (large merges became superlinear) and has
    nothing to collect. It is off inside; with `freeze` (large merges) the objects alive at the
    end are moved to the permanent generation (gc.freeze) before it comes back on, or its first
    pass after the merge would walk every new object once more (seconds at 10,000 digests,
    charged to the caller's next allocation). Reference counting frees them as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if freeze:
                gc.freeze()
            gc.enable()
