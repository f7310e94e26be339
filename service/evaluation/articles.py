"""Score article digests against hand-made gold: quotes, speakers, actors and events.
Gold loading lives in service.evaluation.gold and the matching primitives in service.evaluation.matching; this module
scores digests and reports.

Matching rules (the README quotes this section):

Quotes
  * Each gold quote is placed on the article text: its `text` is a verbatim substring (if absent
    verbatim, it is searched again after folding quote marks, dashes, whitespace, accents and
    case; if still absent the gold is malformed). When the text occurs more than once, gold quotes
    are assigned occurrences in gold order, never two to the same occurrence; occurrences lying
    inside another gold quote's span (other than the quote it is declared `nested_in`) are used
    last, so a short partial quote that reappears inside a longer quotation maps to its own place.
  * A predicted quote is placed by its offsets when `text[start:end] == quote.text`, otherwise
    by locating its text (service.ground.locate); a predicted quote that cannot be placed is a
    false positive.
  * Both spans are trimmed: surrounding whitespace, then trailing `.,;:` (repeatedly).
    *Exact*: the trimmed spans are equal. *Overlap*: the trimmed spans share at least half of
    the shorter one's length (2 * shared >= shorter; exactly half counts).
  * Matching is one-to-one and greedy: candidate pairs sorted by exact first, then larger shared
    length, then gold start, predicted start, gold index, predicted index. Exact and overlap are
    matched separately, and because exact pairs sort first every exact match is also an overlap
    match. P/R/F1 are micro-averaged over the corpus (sums of tp/fp/fn).

Speakers (over overlap-matched quote pairs)
  * Names are compared by `service.normalise.name_key` (accents, case, punctuation folded).
  * Gold speaker null: correct only when the predicted speaker is null. Otherwise a null
    predicted speaker is wrong.
  * Role-only gold speakers, written with an `(unnamed)` (or `(anonymous)`) suffix, e.g. 'Iraqi
    officials (unnamed)': correct when the predicted speaker is non-null and shares at least one
    word (name_key words, stopwords removed) with the gold speaker (suffix dropped) or the gold
    speaker_mention.
  * Named gold speakers: correct when the predicted speaker equals the gold speaker or any alias
    of a gold actor whose name (or alias) is the gold speaker; or when both are full names
    (2+ words) with the same last word and first words where one is a prefix of the other
    ('Pat Ryder' ~ 'Patrick Ryder').

Actors (many-to-one: recall and precision are counted separately)
  * A predicted actor matches a gold actor when its name or any alias equals (name_key) the gold
    name or any gold alias; or, when both are typed person, the last words of the two canonical
    names are equal.
  * Recall = gold actors matched by some predicted actor. Precision = predicted actors that match
    some gold actor. Gold lists only salient actors, so precision is a lower bound.

Events (one-to-one, greedy by score)
  * Content words: name_key words minus English stopwords, lightly stemmed (words of 5+
    letters lose one of -ing, -ed, -es, -s, then a final -e if 4+ letters remain).
  * Score = share of the gold summary's content words found in the predicted summary plus the
    text of its evidence spans. A pair is a candidate when score >= EVENT_MATCH_THRESHOLD (0.3),
    or when both dates are equal (non-null) and they share a participant (name_key of names and,
    through the digests' actor lists, aliases). Pairs are taken by score, then gold and predicted
    index. Precision (matched / predicted) is again a lower bound.
  * Date accuracy: over matched pairs whose gold event has a date; correct when the predicted
    date string equals the gold one ('2024-04' is not '2024-04-21').

Corpus: totals are micro-averages (counts summed over articles). A gold article with no digest
(e.g. the engine failed) is scored as an empty digest, so its items count as misses.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Self

from schemas import ArticleDigest, content_hash
from service.errors import EvaluationError
from service.evaluation.gold import (
    GoldActor,
    GoldArticle,
    GoldEvent,
    GoldQuote,
    load_corpus_articles,
    load_gold,
    load_texts,
)
from service.evaluation.matching import (
    EVENT_MATCH_THRESHOLD,
    actor_matches,
    content_words,
    event_score,
    expand_names,
    locate_gold_quotes,
    match_spans,
    names_compatible,
    overlaps,
    place_prediction,
    speaker_correct,
    trim_span,
)

# names other modules and scripts import from here
__all__ = [
    "EVENT_MATCH_THRESHOLD",
    "GoldActor",
    "GoldArticle",
    "GoldEvent",
    "GoldQuote",
    "actor_matches",
    "content_words",
    "event_score",
    "load_corpus_articles",
    "load_gold",
    "load_texts",
    "locate_gold_quotes",
    "match_spans",
    "names_compatible",
    "overlaps",
    "speaker_correct",
    "PRF",
    "ArticleScore",
    "EvalReport",
    "score_digest",
    "evaluate",
]


# ---------------------------------------------------------------------------- scores


@dataclass(slots=True)
class PRF:
    """Counts for precision/recall/F1. `tp` counts gold items found; `tp_pred`, when set, counts
    predicted items that matched (differs from `tp` only for many-to-one matching: actors)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = None
    # precision when nothing was predicted, recall when nothing was to find (PairPRF: 1.0)
    EMPTY: ClassVar[float] = 0.0

    @classmethod
    def of(cls, pred: AbstractSet[Any], gold: AbstractSet[Any]) -> Self:
        """The counts of predicted items `pred` against the gold items `gold`."""
        return cls(tp=len(pred & gold), fp=len(pred - gold), fn=len(gold - pred))

    @property
    def precision(self) -> float:
        hit = self.tp if self.tp_pred is None else self.tp_pred
        return hit / (hit + self.fp) if hit + self.fp else self.EMPTY

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else self.EMPTY

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        tp_pred = None
        if self.tp_pred is not None or other.tp_pred is not None:
            tp_pred = (self.tp if self.tp_pred is None else self.tp_pred) + (
                other.tp if other.tp_pred is None else other.tp_pred
            )
        return type(self)(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, tp_pred)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"tp": self.tp, "fp": self.fp, "fn": self.fn}
        if self.tp_pred is not None:
            d["tp_pred"] = self.tp_pred
        d.update(precision=self.precision, recall=self.recall, f1=self.f1)
        return d


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(slots=True)
class ArticleScore:
    id: str
    quotes_exact: PRF = field(default_factory=PRF)
    quotes_overlap: PRF = field(default_factory=PRF)
    speaker_correct: int = 0
    speaker_total: int = 0
    actors: PRF = field(default_factory=PRF)
    events_matched: int = 0
    events_total: int = 0
    events_predicted: int = 0
    dates_correct: int = 0
    dates_total: int = 0
    details: list[dict[str, Any]] = field(default_factory=list)

    @property
    def events(self) -> PRF:
        m = self.events_matched
        return PRF(m, self.events_predicted - m, self.events_total - m)

    @property
    def speaker_accuracy(self) -> float:
        return _ratio(self.speaker_correct, self.speaker_total)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for key in ("quotes_exact", "quotes_overlap", "actors"):
            d[key] = getattr(self, key).to_dict()
        d["events"] = self.events.to_dict()
        d["speaker_accuracy"] = self.speaker_accuracy
        d["date_accuracy"] = _ratio(self.dates_correct, self.dates_total)
        return d


# ---------------------------------------------------------------------------- scoring


def _short(s: str | None, n: int = 80) -> str | None:
    return s if s is None or len(s) <= n else s[: n - 1] + "…"


def score_digest(digest: ArticleDigest, gold: GoldArticle, text: str) -> ArticleScore:
    """Score one digest against its gold; `text` is the article text the gold quotes index."""
    score = ArticleScore(id=gold.id)
    if digest.article.content_hash and digest.article.content_hash != content_hash(text):
        score.details.append({"kind": "text_mismatch", "note": "offsets re-located by quote text"})
    _score_quotes(score, digest, gold, text)
    _score_actors(score, digest, gold)
    _score_events(score, digest, gold)
    return score


def _score_quotes(score: ArticleScore, digest: ArticleDigest, gold: GoldArticle, text: str) -> None:
    det = score.details
    gspans = [trim_span(text, s, e) for s, e in locate_gold_quotes(gold, text)]
    pspans: list[tuple[int, int] | None] = []
    for q in digest.quotes:
        placed = place_prediction(text, q.start, q.end, q.text)
        if placed is None:
            det.append({"kind": "quote_not_in_text", "pred": q.id, "text": _short(q.text)})
        pspans.append(trim_span(text, *placed) if placed else None)
    exact = match_spans(gspans, pspans, exact=True)
    overlap = match_spans(gspans, pspans, exact=False)
    n_gold, n_pred = len(gspans), len(pspans)
    score.quotes_exact = PRF(len(exact), n_pred - len(exact), n_gold - len(exact))
    score.quotes_overlap = PRF(len(overlap), n_pred - len(overlap), n_gold - len(overlap))
    for gi, gq in enumerate(gold.quotes):
        pi = overlap.get(gi)
        if pi is None:
            det.append({"kind": "quote_missed", "gold": gq.id, "text": _short(gq.text)})
            continue
        pq = digest.quotes[pi]
        if gi not in exact:
            ps = pspans[pi] or (0, 0)
            det.append(
                {"kind": "quote_boundary", "gold": gq.id, "pred": pq.id,
                 "gold_text": _short(text[gspans[gi][0]:gspans[gi][1]]),
                 "pred_text": _short(text[ps[0]:ps[1]])}
            )  # fmt: skip
        score.speaker_total += 1
        if speaker_correct(pq.speaker, gq, gold.actors):
            score.speaker_correct += 1
        else:
            det.append(
                {"kind": "speaker_wrong", "gold": gq.id, "pred": pq.id,
                 "gold_speaker": gq.speaker, "pred_speaker": pq.speaker}
            )  # fmt: skip
    matched_pred = set(overlap.values())
    for pi, pq in enumerate(digest.quotes):
        if pi not in matched_pred and pspans[pi] is not None:
            det.append({"kind": "quote_extra", "pred": pq.id, "text": _short(pq.text)})


def _score_actors(score: ArticleScore, digest: ArticleDigest, gold: GoldArticle) -> None:
    det = score.details
    pred_actors = [([a.name, *a.aliases], a.type.value) for a in digest.actors]
    gold_hit = [any(actor_matches(n, t, g) for n, t in pred_actors) for g in gold.actors]
    pred_hit = [any(actor_matches(n, t, g) for g in gold.actors) for n, t in pred_actors]
    score.actors = PRF(sum(gold_hit), pred_hit.count(False), gold_hit.count(False), sum(pred_hit))
    det.extend(
        {"kind": "actor_missed", "gold": g.name}
        for g, h in zip(gold.actors, gold_hit, strict=True)
        if not h
    )
    det.extend(
        {"kind": "actor_extra", "pred": a.name}
        for a, h in zip(digest.actors, pred_hit, strict=True)
        if not h
    )


def _score_events(score: ArticleScore, digest: ArticleDigest, gold: GoldArticle) -> None:
    gold_actor_names = [(a.name, a.aliases) for a in gold.actors]
    pred_actor_names = [(a.name, a.aliases) for a in digest.actors]
    cands = []
    for gi, ge in enumerate(gold.events):
        gparts = expand_names(ge.participants, gold_actor_names)
        for pi, pe in enumerate(digest.events):
            ptext = " ".join([pe.summary, *(s.text for s in pe.evidence)])
            s = event_score(ge.summary, ptext)
            same_day = ge.date is not None and ge.date == pe.date
            if s >= EVENT_MATCH_THRESHOLD or (
                same_day and gparts & expand_names(pe.participants, pred_actor_names)
            ):
                cands.append((-s, gi, pi))
    cands.sort()
    ematch: dict[int, int] = {}
    for _, gi, pi in cands:
        if gi not in ematch and pi not in ematch.values():
            ematch[gi] = pi
    score.events_total, score.events_predicted = len(gold.events), len(digest.events)
    score.events_matched = len(ematch)
    for gi, ge in enumerate(gold.events):
        if gi not in ematch:
            score.details.append(
                {"kind": "event_missed", "gold": ge.id, "summary": _short(ge.summary)}
            )
            continue
        pe = digest.events[ematch[gi]]
        if ge.date is not None:
            score.dates_total += 1
            if pe.date == ge.date:
                score.dates_correct += 1
            else:
                score.details.append(
                    {"kind": "event_date_wrong", "gold": ge.id, "pred": pe.id,
                     "gold_date": ge.date, "pred_date": pe.date}
                )  # fmt: skip


def _missing_score(gold: GoldArticle) -> ArticleScore:
    """An article with gold but no digest: every gold item is a miss."""
    n_q = len(gold.quotes)
    return ArticleScore(
        id=gold.id,
        quotes_exact=PRF(0, 0, n_q),
        quotes_overlap=PRF(0, 0, n_q),
        actors=PRF(0, 0, len(gold.actors), 0),
        events_total=len(gold.events),
        details=[{"kind": "no_digest"}],
    )


# ---------------------------------------------------------------------------- report


@dataclass(slots=True)
class EvalReport:
    """Per-article scores plus micro-averaged totals (sums of counts over the articles)."""

    per_article: list[ArticleScore]
    missing: list[str] = field(default_factory=list)  # gold ids with no digest (scored as misses)
    unscored: list[str] = field(default_factory=list)  # digest ids with no gold (ignored)

    @property
    def totals(self) -> ArticleScore:
        """Counts summed over every article; its precision/recall/F1 are micro-averages."""
        total = ArticleScore(id="TOTAL (micro)")
        for a in self.per_article:
            for f in _SUMMED:
                setattr(total, f, getattr(total, f) + getattr(a, f))
        return total

    def to_dict(self) -> dict[str, Any]:
        totals = self.totals.to_dict()
        del totals["id"], totals["details"]
        totals["articles"] = len(self.per_article)
        return {
            "articles": [a.to_dict() for a in self.per_article],
            "missing": list(self.missing),
            "unscored": list(self.unscored),
            "totals": totals,
        }

    def format_table(self) -> str:
        """A plain-text table: one row per article, then the micro-averaged totals."""
        head = ["article", "quotes exact P/R/F", "overlap P/R/F", "speaker", "actors P/R",
                "events R (m/n)", "dates"]  # fmt: skip
        rows = [_row(a) for a in self.per_article]
        total = _row(self.totals)
        widths = [max(len(r[i]) for r in [head, total, *rows]) for i in range(len(head))]

        def line(cells: list[str]) -> str:
            return "  ".join(
                c.ljust(w) if i == 0 else c.rjust(w)
                for i, (c, w) in enumerate(zip(cells, widths, strict=True))
            ).rstrip()

        rule = "  ".join("-" * w for w in widths)
        out = [line(head), rule, *(line(r) for r in rows), rule, line(total)]
        if self.missing:
            out.append(f"no digest (scored as misses): {', '.join(self.missing)}")
        if self.unscored:
            out.append(f"no gold (not scored): {', '.join(self.unscored)}")
        out.append(
            "quotes: exact = same trimmed span, overlap = >= half the shorter span; speaker accuracy"
            " over overlap matches; actor/event precision is a lower bound (gold lists salient items)."
        )
        return "\n".join(out)


_SUMMED = ("quotes_exact", "quotes_overlap", "speaker_correct", "speaker_total", "actors",
           "events_matched", "events_total", "events_predicted", "dates_correct", "dates_total")  # fmt: skip


def _prf3(p: PRF) -> str:
    return f"{p.precision:.2f}/{p.recall:.2f}/{p.f1:.2f}" if p.tp + p.fp + p.fn else "-"


def _row(s: ArticleScore) -> list[str]:
    def frac(num: int, den: int) -> str:
        return f"{num / den:.2f} ({num}/{den})" if den else "-"

    actors = s.actors
    return [
        s.id,
        _prf3(s.quotes_exact),
        _prf3(s.quotes_overlap),
        frac(s.speaker_correct, s.speaker_total),
        f"{actors.precision:.2f}/{actors.recall:.2f}" if actors.tp + actors.fp + actors.fn else "-",
        frac(s.events_matched, s.events_total),
        f"{s.dates_correct}/{s.dates_total}",
    ]


def evaluate(
    digests: Iterable[ArticleDigest],
    gold_root: Path,
    *,
    texts: Mapping[str, str] | None = None,
) -> EvalReport:
    """Score digests against the gold under `gold_root`.

    Texts come from `texts` when it has the id, else from the corpus's articles/ dir. A gold
    article without a digest is scored as an empty digest (its items count as misses) and listed
    in `missing`; a digest without gold is listed in `unscored`.
    """
    gold = load_gold(gold_root)
    by_id: dict[str, ArticleDigest] = {}
    for d in digests:
        by_id[d.article.id] = d
    need = [i for i in by_id if i in gold and (texts is None or i not in texts)]
    corpus_texts: dict[str, str] = load_texts(gold_root, need) if need else {}
    scores, missing = [], []
    for gid in sorted(gold):
        digest = by_id.get(gid)
        if digest is None:
            missing.append(gid)
            scores.append(_missing_score(gold[gid]))
            continue
        text = texts.get(gid) if texts is not None else None
        if text is None:
            text = corpus_texts.get(gid)
        if text is None:
            raise EvaluationError(
                f"no article text for {gid!r}: pass texts= or put articles/{gid}.json next to gold/"
            )
        scores.append(score_digest(digest, gold[gid], text))
    unscored = sorted(i for i in by_id if i not in gold)
    return EvalReport(scores, missing, unscored)
