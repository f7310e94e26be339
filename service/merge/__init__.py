"""Merge article digests into stories: actors, quote clusters, events, syndication.

    stories = merge_stories(digests)           # group into stories first, then merge each
    story = merge(digests)                     # all the digests as ONE story, no grouping
    story = merge(digests, judge=my_judge)     # ambiguous pairs go to a PairJudge (cached)

Story detection (which articles report one happening) is in service.merge.stories.

Determinism and tie-breaks (the same digests in any order give the same story):
  * Input order: digests are sorted by (article id, content hash); items keep their digest order
    (ids q1, q2, ... sort naturally). Identical duplicate digests are dropped (counted in
    provenance); two different digests with one article id are an error.
  * Ids: story 'story-<hash of sorted (article id, content hash)>'; clusters 'A-', 'Q-', 'E-' plus
    a hash of their sorted member refs (article id, item id); source groups 'src-' likewise.
  * Candidate pairs come only from blocking keys (name keys, shingles, rare stems, participants)
    and are processed in a fixed order: strongest link first, then relation rank, then item index.
    A union vetoed by a constraint (two named speakers, two events of one article, incompatible
    full names) is skipped, never retried in another order.
  * Actor name: fullest title-free name (most words, then most letters; a bare acronym ranks
    last), then the name most members use, then alphabetical. Actor type: majority, ties in enum order
    (person, organization, location, group).
  * Quote canonical wording: the exact text of the variant with the most words, among variants
    in the cluster's main language (the language most variants have); ties: more characters,
    more quotes with the same folded words, then smallest (article id, quote id).
  * Quote speaker: the named speaker most independent sources give, then most pages, then
    actor id; when variants name others, every name is kept in a 'speaker' disagreement; null
    when no variant names one.
  * Event summary: the member summary whose words the other members share most (the sum over
    its stems of the other members using the stem, linear in the cluster size); ties:
    longer, then smallest (article id, event id). Date and place: when members agree (one date
    inside another, places sharing a place word) the most specific value; when they disagree,
    every value is kept in `disagreements` with its members and support, and the field shows the
    value a strict majority of independent sources gives, else null.
  * Support: `pages` counts articles, `sources` counts syndication groups among them.
  * Story summary: "N articles from M independent sources." then up to SUMMARY_EVENTS events,
    most independent sources first, then most pages, newest date (undated last), id; each as
    one whole sentence (ends a sentence, quotation marks and parentheses balanced, at most
    SUMMARY_SENTENCE_MAX characters): the event's summary, else its shortest whole member
    summary, else the event is passed over.
  * Output order: actors and quotes by sources, pages (descending), then name/speaker and id;
    events by date (undated last), sources (descending), summary, id; members by (article id,
    item id).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from schemas import ArticleDigest
from schemas.story import StoryDigest, StoryEvent, StoryProvenance, StorySource
from service.errors import InputError
from service.merge import names as nm
from service.merge.actors import cluster_actors
from service.merge.common import construct, no_cyclic_gc, stable_id, words
from service.merge.events import cluster_events
from service.merge.judge import (
    CachedJudge,
    Decider,
    FakeJudge,
    PairJudge,
    Question,
    RuleJudge,
    Verdict,
)
from service.merge.load import load_digests
from service.merge.quotes import cluster_quotes
from service.merge.stories import group_stories
from service.merge.syndication import fingerprint, group_sources

MERGER_VERSION = "merge-1"
DEFAULT_JUDGE_BUDGET = 64
MIN_ANON_QUOTE_WORDS = 8
SUMMARY_EVENTS = 3
SUMMARY_SENTENCE_MAX = 320
# merges of this many digests or more leave their objects to the permanent GC generation
FREEZE_AT = 1000
# a sentence ends with one of _ENDS, then any of _CLOSERS
_ENDS = (".", "!", "?")
_CLOSERS = "\"'”’»)"

__all__ = [
    "load_digests",
    "MERGER_VERSION",
    "CachedJudge",
    "FakeJudge",
    "PairJudge",
    "Question",
    "RuleJudge",
    "Verdict",
    "fingerprint",
    "merge",
    "merge_stories",
]


def _canonical_inputs(digests: Iterable[ArticleDigest]) -> tuple[list[ArticleDigest], int, int]:
    given = list(digests)
    for d in given:
        if not isinstance(d, ArticleDigest):
            raise TypeError(f"merge() takes ArticleDigest objects, got {type(d).__name__}")
    ordered = sorted(given, key=lambda d: (d.article.id, d.article.content_hash))
    out: list[ArticleDigest] = []
    dropped = 0
    for d in ordered:
        if out and out[-1].article.id == d.article.id:
            if out[-1].model_dump_json() == d.model_dump_json():
                dropped += 1
                continue
            raise InputError(
                None,
                f"two different digests share the article id {d.article.id!r}; give each article "
                "a unique id (or merge the digests of one engine run only)",
            )
        out.append(d)
    return out, len(given), dropped


def _anonymous_links(digests: list[ArticleDigest]) -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Role-only speakers of one identical long quotation in two articles are one person."""
    first: dict[tuple[str, ...], tuple[str, str]] = {}
    links = []
    for d in digests:
        if not d.quotes:  # nothing to link: the article's speakers need not be looked at
            continue
        anon: dict[tuple[str, ...], str] = {}
        for a in d.actors:
            if a.anonymous or (a.type == "person" and nm.person_name(a.name) is None):
                for f in [a.name, *a.aliases]:
                    anon.setdefault(nm.tokens(f), a.id)
        for q in d.quotes:
            if not anon:
                break
            aid = anon.get(nm.tokens(q.speaker or q.speaker_role or q.speaker_mention or ""))
            if aid is None:
                continue
            ws = tuple(words(q.text))
            if len(ws) < MIN_ANON_QUOTE_WORDS:
                continue
            here = (d.article.id, aid)
            if ws in first and first[ws][0] != here[0]:
                links.append((first[ws], here))
            else:
                first.setdefault(ws, here)
    return links


def _whole_sentence(text: str) -> str | None:
    """The text when it reads as one or more whole sentences: it ends a sentence and every
    quotation and parenthesis it opens is closed (an extract cut mid-quote is not)."""
    t = " ".join(text.split())
    if len(t) < 20 or len(t) > SUMMARY_SENTENCE_MAX:
        return None
    # ends a sentence: a full stop, question or exclamation mark, then only closing marks
    if not t.rstrip(_CLOSERS).endswith(_ENDS):
        return None
    if t.count("(") != t.count(")") or t.count('"') % 2:
        return None
    if t.isascii():  # none of the marks below
        return t
    if t.count("“") != t.count("”") or t.count("«") != t.count("»"):
        return None
    # „...“ (German) closes with “: all German-style openers need as many closers
    if t.count("„") > t.count("“") + t.count("”"):
        return None
    return t


def _event_sentence(e: StoryEvent) -> str | None:
    """A clean summary sentence for a story event: its own summary when whole, else the shortest
    whole member summary (ties: smallest article id, event id)."""
    own = _whole_sentence(e.summary)
    if own is not None:
        return own
    others = []
    for m in e.members:
        t = _whole_sentence(m.event.summary)
        if t is not None:
            others.append((len(t), m.article, m.event.id, t))
    return min(others)[3] if others else None


@lru_cache(maxsize=1 << 12)
def _newest_first(date: str | None) -> tuple[int, ...]:
    """Sort key of an event date: '2024-04-23' before '2024-04' before '2024' (a full date says
    more), newer first, undated last (cached: a story's events share a few dates)."""
    return tuple([-int(p) for p in date.split("-")] + [0, 0])[:3] if date else (1, 0, 0)


def _summary(pages: int, sources: int, events: list[StoryEvent]) -> str:
    """'N articles from M independent sources.' and the best-supported events, one whole sentence
    each: most independent sources, then most pages, then newest date (the news rather than the
    background it recalls; undated last), then id; an event without a whole-sentence summary is
    passed over."""
    head = (
        f"{pages} article{'s' if pages != 1 else ''} from {sources} independent "
        f"source{'s' if sources != 1 else ''}."
    )

    ranked = sorted(
        events,
        key=lambda e: (-e.support.sources, -e.support.pages, _newest_first(e.date), e.id),
    )
    lines = [head]
    for e in ranked:
        if len(lines) > SUMMARY_EVENTS:
            break
        sentence = _event_sentence(e)
        if sentence is not None and sentence not in lines:
            lines.append(sentence)
    return " ".join(lines)


def merge(
    digests: Iterable[ArticleDigest],
    *,
    judge: PairJudge | None = None,
    judge_budget: int = DEFAULT_JUDGE_BUDGET,
) -> StoryDigest:
    """Merge article digests into one story. Without a judge the deterministic rules decide."""
    given = list(digests)
    with no_cyclic_gc(freeze=len(given) >= FREEZE_AT):
        return _merge(given, judge, judge_budget)


def merge_stories(
    digests: Iterable[ArticleDigest],
    *,
    judge: PairJudge | None = None,
    judge_budget: int = DEFAULT_JUDGE_BUDGET,
) -> list[StoryDigest]:
    """Group the digests into stories (service.merge.stories) and merge each one; a lone article
    is a story of one. Stories come most articles first, then by id; the same digests in any
    order give the same list."""
    ds, _, _ = _canonical_inputs(digests)
    with no_cyclic_gc(freeze=len(ds) >= FREEZE_AT):
        # each story is canonical already: sorted (group_stories keeps that order), one digest
        # per article id
        out = [
            _merge_canonical(group, len(group), 0, judge, judge_budget)
            for group in group_stories(ds)
        ]
    out.sort(key=lambda s: (-len(s.sources), s.id))
    return out


def _merge(
    digests: Iterable[ArticleDigest], judge: PairJudge | None, judge_budget: int
) -> StoryDigest:
    return _merge_canonical(*_canonical_inputs(digests), judge, judge_budget)


def _merge_canonical(
    ds: list[ArticleDigest], given: int, dropped: int, judge: PairJudge | None, judge_budget: int
) -> StoryDigest:
    """_merge of digests in canonical order, one per article id (`_canonical_inputs`)."""
    synd = group_sources(ds)
    decider = Decider(judge, judge_budget)
    actors = cluster_actors(ds, synd.group_of, decider, _anonymous_links(ds))
    quotes, quote_pairs = cluster_quotes(ds, synd.group_of, actors, decider)
    events, event_pairs = cluster_events(ds, synd.group_of, actors, decider)
    decider.judge.save()
    sources = [
        construct(
            StorySource,
            article=d.article,
            summary=d.summary,
            provenance=d.provenance,
            group=synd.group_of[d.article.id],
        )
        for d in ds
    ]
    warnings = []
    if not ds:
        warnings.append("no digests given: the story is empty")
    # every value is built here with its declared type: constructed, not validated again
    provenance = StoryProvenance.model_construct(
        merger_version=MERGER_VERSION,
        judge=decider.judge.name,
        inputs=given,
        duplicates_dropped=dropped,
        candidate_pairs={"actors": actors.pairs, "quotes": quote_pairs, "events": event_pairs},
        decisions=decider.decisions,
        decisions_total=decider.total,
        warnings=warnings,
    )
    return construct(
        StoryDigest,
        id=stable_id("story", ((d.article.id, d.article.content_hash) for d in ds)),
        summary=_summary(len(ds), len(synd.groups), events),
        sources=sources,
        source_groups=synd.groups,
        actors=actors.actors,
        quotes=quotes,
        events=events,
        provenance=provenance,
    )
