"""Matching predictions to gold for evaluation: gold quotes placed on the text, span overlap,
speaker/actor name equivalence and event similarity (rules in service.evaluation.articles's docstring)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from service.errors import EvaluationError
from service.evaluation.gold import GoldActor, GoldArticle, GoldQuote
from service.ground import locate
from service.normalise import fold_with_map, name_key

EVENT_MATCH_THRESHOLD = 0.3
_TRAILING = ".,;:"
_UNNAMED = re.compile(r"\s*\((unnamed|anonymous)\)\s*$", re.IGNORECASE)
_STOPWORDS = frozenset(
    """a an and are as at be been being but by for from had has have he her his i in into is it its
    of on or our over said says she that the their them they this those to was we were which who
    will with would after before about than then there these up down out not no also more most
    s""".split()  # noqa: SIM905 - a word list reads better as one string
)


# ---------------------------------------------------------------------------- quotes


def _all_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    out, i = [], text.find(needle)
    while i != -1:
        out.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    if out:
        return out
    # gold typed with other quote marks/spaces than the ingested text: compare folded forms
    folded, index = fold_with_map(text)
    fneedle = fold_with_map(needle)[0].strip()
    i = folded.find(fneedle) if fneedle else -1
    while i != -1:
        out.append((index[i], index[i + len(fneedle) - 1] + 1))
        i = folded.find(fneedle, i + 1)
    return out


def locate_gold_quotes(gold: GoldArticle, text: str) -> list[tuple[int, int]]:
    """Source spans for the gold quotes, in gold order (repeats: see service.evaluation.articles)."""
    occ = [_all_occurrences(text, q.text) for q in gold.quotes]
    for q, found in zip(gold.quotes, occ, strict=True):
        if not found:
            raise EvaluationError(
                f"{gold.path}: quote {q.id} ({q.text[:50]!r}) is not in the article text; "
                "gold quote text must be copied verbatim from the article"
            )
    spans: list[tuple[int, int] | None] = [None] * len(occ)
    by_id = {q.id: i for i, q in enumerate(gold.quotes)}
    # quotes with a single occurrence first, so repeated ones can avoid the spans those cover
    for i in sorted(range(len(occ)), key=lambda i: (len(occ[i]) > 1, i)):
        q = gold.quotes[i]
        parent = by_id.get(q.nested_in) if q.nested_in else None
        placed = [(j, s) for j, s in enumerate(spans) if s is not None and j != parent]
        free = [o for o in occ[i] if o not in spans]
        if not free:
            raise EvaluationError(
                f"{gold.path}: quote {q.id} ({q.text[:50]!r}) is listed more often than it occurs "
                f"in the article text ({len(occ[i])} times); remove the duplicate"
            )

        def covered(o: tuple[int, int], placed: list[tuple[int, tuple[int, int]]] = placed) -> bool:
            return any(s != o and s[0] <= o[0] <= o[1] <= s[1] for _, s in placed)

        spans[i] = min(free, key=lambda o: (covered(o), o[0]))
    return [s for s in spans if s is not None]


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace and trailing `.,;:`."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _TRAILING):
        end -= 1
    return start, end


def place_prediction(text: str, start: int, end: int, claim: str) -> tuple[int, int] | None:
    """A predicted quote's span: its offsets when they hold its text, else where its text is."""
    if 0 <= start <= end <= len(text) and text[start:end] == claim:
        return start, end
    loc = locate(claim, text, hint=start)
    return (loc.start, loc.end) if loc else None


def _shared(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two trimmed spans share at least half of the shorter one's length."""
    shared = _shared(a, b)
    return shared > 0 and 2 * shared >= min(a[1] - a[0], b[1] - b[0])


def match_spans(
    gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int] | None], *, exact: bool
) -> dict[int, int]:
    """One-to-one greedy matching of trimmed spans; returns {gold index: predicted index}."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if p is None:
                continue
            same = g == p
            if same if exact else overlaps(g, p):
                cands.append((not same, -_shared(g, p), g[0], p[0], gi, pi))
    cands.sort()
    out: dict[int, int] = {}
    used: set[int] = set()
    for *_, gi, pi in cands:
        if gi not in out and pi not in used:
            out[gi] = pi
            used.add(pi)
    return out


# ---------------------------------------------------------------------------- names


def _words(text: str) -> set[str]:
    return {w for w in name_key(text).split() if w not in _STOPWORDS}


def names_compatible(a: str, b: str) -> bool:
    """'Pat Ryder' ~ 'Patrick Ryder': 2+ words each, same last word, prefix-compatible first."""
    ta, tb = name_key(a).split(), name_key(b).split()
    if len(ta) < 2 or len(tb) < 2 or ta[-1] != tb[-1]:
        return False
    return ta[0].startswith(tb[0]) or tb[0].startswith(ta[0])


def speaker_correct(predicted: str | None, gold: GoldQuote, actors: Sequence[GoldActor]) -> bool:
    """Whether a predicted speaker is right for a gold quote (rules: see service.evaluation.articles)."""
    if gold.speaker is None:
        return predicted is None
    if predicted is None or not name_key(predicted):
        return False
    if _UNNAMED.search(gold.speaker):
        role = _words(_UNNAMED.sub("", gold.speaker)) | _words(gold.speaker_mention or "")
        return bool(_words(predicted) & role)
    gkey, pkey = name_key(gold.speaker), name_key(predicted)
    names = {gkey}
    for actor in actors:
        keys = {name_key(actor.name), *(name_key(a) for a in actor.aliases)}
        if gkey in keys:
            names |= keys
    return pkey in names or any(names_compatible(predicted, n) for n in names)


def actor_matches(pred_names: Iterable[str], pred_type: str, gold: GoldActor) -> bool:
    """Whether a predicted actor (its name and aliases, its type) is this gold actor."""
    pred_list = [p for p in pred_names if p]
    pkeys = {name_key(p) for p in pred_list}
    gkeys = {name_key(gold.name), *(name_key(a) for a in gold.aliases)}
    if pkeys & gkeys:
        return True
    if gold.type == "person" and pred_type == "person" and pred_list:
        pt, gt = name_key(pred_list[0]).split(), name_key(gold.name).split()
        return bool(pt and gt and pt[-1] == gt[-1])
    return False


# ---------------------------------------------------------------------------- events


def _stem(word: str) -> str:
    if len(word) < 5:
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    # 'approve'/'approved' and 'bridge'/'bridges' meet at the same stem
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


def content_words(text: str) -> set[str]:
    """Stemmed name_key words of the text, stopwords removed."""
    return {_stem(w) for w in _words(text)}


def event_score(gold_summary: str, predicted_text: str) -> float:
    """Share of the gold summary's content words present in the predicted text."""
    gw = content_words(gold_summary)
    return len(gw & content_words(predicted_text)) / len(gw) if gw else 0.0


def expand_names(names: Iterable[str], actors: Iterable[tuple[str, Iterable[str]]]) -> set[str]:
    """name_keys of the names plus every alias of the actors (name, aliases) they name."""
    keys = {name_key(n) for n in names} - {""}
    for name, aliases in actors:
        akeys = {name_key(name), *(name_key(a) for a in aliases)}
        if keys & akeys:
            keys |= akeys
    return keys - {""}
