"""Score the merger against gold/clusters.json: pairwise quote/event cluster P/R/F1, actor merge accuracy.

How it runs: every corpus article is digested (by an engine, or built from its gold file with
`gold_digest`, an oracle that isolates the merger), the digests are grouped into stories and each
story merged (service.merge.merge_stories), and the stories are compared with the gold clusters.

Story grouping: pairwise over article pairs. Gold pairs are the pairs of articles listed in one
gold cluster (`articles`); every other article is a story of one. Predicted pairs are the pairs
of articles in one predicted story. Precision, recall and F1 as usual.

Matching predicted items to gold items (per article):
  * Quotes: gold quotes are placed on the text as the article scorer does
    (service.evaluation.articles.locate_gold_quotes); a predicted quote is placed by its offsets (or located
    by its text). Both spans are trimmed (whitespace, trailing .,;:). A predicted quote maps to the
    gold quote sharing the most characters, if they share at least half of the shorter span;
    ties go to the earlier gold quote. Several predicted quotes may map to one gold quote.
  * Events: a predicted event maps to the gold event with the highest share of the gold
    summary's content words found in the predicted summary plus evidence text
    (service.evaluation.articles.event_score), if that share is >= EVENT_MATCH_THRESHOLD (0.3); ties go to
    the earlier gold event. Many-to-one again.
  * Actors: a predicted actor maps to the gold actor sharing a name or alias (name_key); failing
    that, for persons, the gold person with the same last word (service.evaluation.articles.actor_matches).
    Only a place maps to a place and an agent (person, organisation, group) to an agent: gold
    files list metonyms as aliases ("Iraq", "Baghdad" for the Government of Iraq), and an
    extracted location "Iraq" is the country, not its government.
    Predicted actors marked anonymous are not mapped: the merger keeps role-only actors apart from
    named ones by design, even where a gold file lists the role phrase as an alias.

Pairwise scores: gold pairs are the unordered pairs of distinct gold items (article, ref) listed
in one gold cluster (an item listed in two clusters pairs with both) whose articles belong to one
gold story. The merger clusters items within a story, so a gold cluster member from an article of
another story (a background event a separate article also recalls, e.g. an earlier attack
mentioned by a lone article) pairs only with the members of its own story; whether the articles
belong together is the story grouping score's business. A member whose relation is `composite`
(one reported event covering this cluster's event and another's) cannot sit in both clusters of a
partition: its pairs with the members of the clusters listing it are left out of gold and
predicted pairs alike (counted neither way); its pairs with anything else still count. Predicted pairs are the
pairs of distinct gold items that predicted members of one story cluster map to (unmapped
members are ignored: they are the article scorer's business). `all` counts every pair (within and
across articles, the headline), `cross_article` only pairs from two articles, `found` only gold
pairs whose two items some predicted item maps to (the merger's share of the errors).

Actor merge accuracy: the shared actors of a cluster are its `shared_actors` (or, when it lists
none, the gold canonical names present in two or more of its articles). A shared actor is merged
correctly when the predicted actors mapped to it in its articles (2+ needed, else it is counted as
unscorable) all sit in one story actor, and that story actor holds no predicted actor mapped to
another gold actor. Accuracy = correct / scorable.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from schemas import (
    Actor,
    ActorType,
    Article,
    ArticleDigest,
    Event,
    Provenance,
    Quote,
    QuoteKind,
    Span,
)
from schemas.story import StoryDigest
from service.errors import EvaluationError
from service.evaluation.articles import (
    EVENT_MATCH_THRESHOLD,
    PRF,
    GoldArticle,
    actor_matches,
    event_score,
    load_corpus_articles,
    load_gold,
    locate_gold_quotes,
    overlaps,
)
from service.evaluation.pairs import grouped_pairs
from service.ground import locate, mentions
from service.merge import merge_stories
from service.merge.judge import PairJudge
from service.merge.syndication import fingerprint
from service.normalise import name_key

_TRAILING = ".,;:"


class _G(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class GoldMember(_G):
    article: str
    ref: str
    relation: str = "same"


class GoldItemCluster(_G):
    id: str
    members: tuple[GoldMember, ...] = ()


class GoldStory(_G):
    cluster: str
    articles: tuple[str, ...] = ()
    events: tuple[GoldItemCluster, ...] = ()
    quotes: tuple[GoldItemCluster, ...] = ()
    shared_actors: tuple[str, ...] | None = None


def load_clusters(corpus: Path) -> list[GoldStory]:
    path = Path(corpus) / "gold" / "clusters.json"
    if not path.is_file():
        path = Path(corpus) / "clusters.json"
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return [GoldStory.model_validate(c) for c in raw["clusters"]]
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read the gold clusters ({exc.strerror})") from exc
    except (ValueError, KeyError, TypeError, ValidationError) as exc:
        raise EvaluationError(f"{path}: malformed gold clusters ({exc}); fix the file") from exc


# ---------------------------------------------------------------------------- digests


def gold_digest(article: Article, gold: GoldArticle) -> ArticleDigest:
    """An oracle digest built from the gold annotation (quotes placed on the text, gold dates)."""
    text = article.text
    spans = locate_gold_quotes(gold, text)
    quotes = []
    for gq, (s, e) in zip(gold.quotes, spans, strict=True):
        unnamed = gq.speaker is not None and gq.speaker.rstrip().endswith(
            ("(unnamed)", "(anonymous)")
        )
        quotes.append(
            Quote(
                id=gq.id,
                text=text[s:e],
                start=s,
                end=e,
                kind=QuoteKind(gq.kind),
                speaker=None if unnamed else gq.speaker,
                speaker_mention=gq.speaker_mention,
                speaker_role=gq.speaker_mention if unnamed else None,
                nested_in=gq.nested_in,
            )
        )
    actors = []
    for i, ga in enumerate(gold.actors):
        found: set[tuple[int, int]] = set()
        for form in (ga.name, *ga.aliases):
            found.update(mentions(form, text, limit=20))
        actors.append(
            Actor(
                id=f"a{i + 1}",
                name=ga.name,
                type=ActorType(ga.type),
                aliases=sorted({a for a in ga.aliases if a != ga.name})[:30],
                role=ga.role,
                mentions=[Span(start=s, end=e, text=text[s:e]) for s, e in sorted(found)[:300]],
            )
        )
    events = [
        Event(
            id=ge.id,
            summary=ge.summary,
            date=ge.date,
            location=ge.location,
            participants=list(ge.participants)[:20],
        )
        for ge in gold.events
    ]
    meta = article.meta().model_copy(update={"fingerprint": fingerprint(text)})
    return ArticleDigest(
        article=meta,
        quotes=quotes,
        actors=actors,
        events=events,
        provenance=Provenance(engine="gold", engine_version="gold-1"),
    )


def engine_digests(articles: Sequence[Article], engine: str) -> list[ArticleDigest]:
    """Digests from a registered engine; a missing fingerprint is filled from the text."""
    from service.engines import get_engine

    eng = get_engine(engine)
    out = []
    for a in articles:
        d = eng.digest(a)
        if not d.article.fingerprint:
            d = d.model_copy(
                update={
                    "article": d.article.model_copy(update={"fingerprint": fingerprint(a.text)})
                }
            )
        out.append(d)
    return out


# ---------------------------------------------------------------------------- matching


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in _TRAILING):
        e -= 1
    return s, e


def _quote_map(digest: ArticleDigest, gold: GoldArticle, text: str) -> dict[str, str]:
    gspans = [_trim(text, s, e) for s, e in locate_gold_quotes(gold, text)]
    out = {}
    for q in digest.quotes:
        if 0 <= q.start <= q.end <= len(text) and text[q.start : q.end] == q.text:
            span = (q.start, q.end)
        else:
            loc = locate(q.text, text, hint=q.start)
            if loc is None:
                continue
            span = (loc.start, loc.end)
        p = _trim(text, *span)
        best = None
        for gi, g in enumerate(gspans):
            if overlaps(g, p):
                shared = min(g[1], p[1]) - max(g[0], p[0])
                if best is None or shared > best[0]:
                    best = (shared, gi)
        if best is not None:
            out[q.id] = gold.quotes[best[1]].id
    return out


def _event_map(digest: ArticleDigest, gold: GoldArticle) -> dict[str, str]:
    out = {}
    for e in digest.events:
        ptext = " ".join([e.summary, *(s.text for s in e.evidence)])
        scores = [(event_score(g.summary, ptext), -gi) for gi, g in enumerate(gold.events)]
        if scores:
            sc, neg = max(scores)
            if sc >= EVENT_MATCH_THRESHOLD:
                out[e.id] = gold.events[-neg].id
    return out


def _actor_map(digest: ArticleDigest, gold: GoldArticle) -> dict[str, str]:
    """predicted actor id -> gold canonical name key."""
    out = {}
    for a in digest.actors:
        if a.anonymous:
            continue  # role-only actors stay apart from named ones by design (see docstring)
        forms = [a.name, *a.aliases]
        keys = {name_key(f) for f in forms}
        # a place maps to a place, an agent to an agent: the location "Iraq" is not the gold
        # organisation "Government of Iraq" even where the annotator lists "Iraq" as its alias
        place = a.type == ActorType.location
        golds = [g for g in gold.actors if (g.type == "location") == place]
        exact = [g for g in golds if keys & {name_key(g.name), *(name_key(x) for x in g.aliases)}]
        hits = exact or [g for g in golds if actor_matches(forms, a.type.value, g)]
        if hits:
            out[a.id] = name_key(hits[0].name)
    return out


# ---------------------------------------------------------------------------- scoring


@dataclass
class MergeScores:
    quotes: dict[str, PRF] = field(default_factory=dict)
    events: dict[str, PRF] = field(default_factory=dict)
    actors_correct: int = 0
    actors_scorable: int = 0
    actors_unscorable: int = 0
    actor_details: list[dict[str, Any]] = field(default_factory=list)
    errors: dict[str, list[str]] = field(default_factory=dict)
    stories: PRF = field(default_factory=PRF)

    @property
    def actor_accuracy(self) -> float:
        return self.actors_correct / self.actors_scorable if self.actors_scorable else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "stories": self.stories.to_dict(),
            "quotes": {k: v.to_dict() for k, v in self.quotes.items()},
            "events": {k: v.to_dict() for k, v in self.events.items()},
            "actor_accuracy": self.actor_accuracy,
            "actors_correct": self.actors_correct,
            "actors_scorable": self.actors_scorable,
            "actors_unscorable": self.actors_unscorable,
            "actor_details": self.actor_details,
            "errors": self.errors,
        }


Item = tuple[str, str]


def _errors(pred: set[tuple[Any, Any]], gold: set[tuple[Any, Any]]) -> list[str]:
    return [f"extra {a}~{b}" for a, b in sorted(pred - gold)] + [
        f"missed {a}~{b}" for a, b in sorted(gold - pred)
    ]


def _score_pairs(
    pred_groups: list[set[Item]],
    gold_groups: list[set[Item]],
    optional: set[tuple[Item, Item]],
    found: set[Item],
) -> tuple[dict[str, PRF], list[str]]:
    pred, gold = grouped_pairs(pred_groups) - optional, grouped_pairs(gold_groups) - optional
    cross_p = {p for p in pred if p[0][0] != p[1][0]}
    cross_g = {p for p in gold if p[0][0] != p[1][0]}
    found_g = {p for p in gold if p[0] in found and p[1] in found}
    return {
        "all": PRF.of(pred, gold),
        "cross_article": PRF.of(cross_p, cross_g),
        "found": PRF.of(pred, found_g),
    }, _errors(pred, gold)


def story_pairs(
    stories: Sequence[StoryDigest], clusters: Sequence[GoldStory]
) -> tuple[PRF, list[str]]:
    """Pairwise story grouping over the articles the stories hold (see the module docstring)."""
    present = {s.article.id for st in stories for s in st.sources}
    pred = grouped_pairs([s.article.id for s in st.sources] for st in stories)
    gold = grouped_pairs((c.articles for c in clusters), keep=present)
    return PRF.of(pred, gold), _errors(pred, gold)


def combined(stories: Sequence[StoryDigest]) -> StoryDigest:
    """One StoryDigest holding every story's clusters side by side (for scoring only)."""
    if len(stories) == 1:
        return stories[0]
    return StoryDigest.model_construct(
        id="all",
        summary="",
        sources=[x for s in stories for x in s.sources],
        source_groups=[x for s in stories for x in s.source_groups],
        actors=[x for s in stories for x in s.actors],
        quotes=[x for s in stories for x in s.quotes],
        events=[x for s in stories for x in s.events],
        provenance=stories[0].provenance if stories else None,
    )


def score_story(
    story: StoryDigest,
    digests: Sequence[ArticleDigest],
    articles: dict[str, Article],
    gold: dict[str, GoldArticle],
    clusters: Sequence[GoldStory],
) -> MergeScores:
    scores = MergeScores()
    qmap: dict[str, dict[str, str]] = {}
    emap: dict[str, dict[str, str]] = {}
    amap: dict[str, dict[str, str]] = {}
    for d in digests:
        aid = d.article.id
        if aid not in gold:
            continue
        qmap[aid] = _quote_map(d, gold[aid], articles[aid].text)
        emap[aid] = _event_map(d, gold[aid])
        amap[aid] = _actor_map(d, gold[aid])
    present = set(qmap)

    # the gold story of each article: its cluster's `articles`, else a story of its own
    story_of_article = {a: c.cluster for c in clusters for a in c.articles}

    def gold_groups(kind: str) -> tuple[list[set[Item]], set[tuple[Item, Item]]]:
        out: list[set[Item]] = []
        optional: set[tuple[Item, Item]] = set()
        for c in clusters:
            for ic in getattr(c, kind):
                parts: dict[str, set[Item]] = {}
                for m in ic.members:
                    if m.article in present:
                        key = story_of_article.get(m.article, "=" + m.article)
                        parts.setdefault(key, set()).add((m.article, m.ref))
                out.extend(parts[k] for k in sorted(parts))
                composite = {(m.article, m.ref) for m in ic.members if m.relation == "composite"}
                for g in parts.values():
                    optional.update(p for p in grouped_pairs([g]) if composite & set(p))
        return out, optional

    pq = [
        {
            (v.article, qmap[v.article][v.quote.id])
            for v in c.variants
            if v.quote.id in qmap.get(v.article, {})
        }
        for c in story.quotes
    ]
    found_q = {(a, g) for a, m in qmap.items() for g in m.values()}
    scores.quotes, scores.errors["quotes"] = _score_pairs(pq, *gold_groups("quotes"), found_q)
    pe = [
        {
            (m.article, emap[m.article][m.event.id])
            for m in c.members
            if m.event.id in emap.get(m.article, {})
        }
        for c in story.events
    ]
    found_e = {(a, g) for a, m in emap.items() for g in m.values()}
    scores.events, scores.errors["events"] = _score_pairs(pe, *gold_groups("events"), found_e)

    story_of = {(m.article, m.actor.id): sa.id for sa in story.actors for m in sa.members}
    gold_of_story: dict[str, set[str]] = {}
    for (art, aid), sid in story_of.items():
        g = amap.get(art, {}).get(aid)
        if g:
            gold_of_story.setdefault(sid, set()).add(g)
    for c in clusters:
        arts = [a for a in c.articles if a in present]
        for name in _shared_actors(c, arts, gold):
            key = name_key(name)
            inst = {
                story_of[(art, aid)]
                for art in arts
                for aid, g in amap[art].items()
                if g == key and (art, aid) in story_of
            }
            n_arts = sum(1 for art in arts if key in amap[art].values())
            if n_arts < 2:
                scores.actors_unscorable += 1
                continue
            scores.actors_scorable += 1
            ok = len(inst) == 1 and gold_of_story.get(next(iter(inst)), set()) == {key}
            scores.actors_correct += ok
            scores.actor_details.append(
                {"cluster": c.cluster, "actor": name, "correct": ok, "story_actors": len(inst)}
            )
    return scores


def _shared_actors(c: GoldStory, arts: Sequence[str], gold: dict[str, GoldArticle]) -> list[str]:
    if c.shared_actors is not None:
        return list(c.shared_actors)
    seen: dict[str, list[str]] = {}
    for art in arts:
        for ga in gold[art].actors:
            seen.setdefault(name_key(ga.name), []).append(ga.name)
    return sorted(names[0] for names in seen.values() if len(names) >= 2)


@dataclass
class MergeReport:
    engine: str
    scores: MergeScores
    story: StoryDigest  # every story's clusters side by side
    stories: list[StoryDigest] = field(default_factory=list)


def _report(
    engine: str,
    digests: Sequence[ArticleDigest],
    articles: dict[str, Article],
    gold: dict[str, GoldArticle],
    clusters: Sequence[GoldStory],
    judge: PairJudge | None,
) -> MergeReport:
    stories = merge_stories(digests, judge=judge)
    story = combined(stories)
    scores = score_story(story, digests, articles, gold, clusters)
    scores.stories, scores.errors["stories"] = story_pairs(stories, clusters)
    return MergeReport(engine, scores, story, stories)


def evaluate_merge(
    corpus: Path, *, engine: str = "rules", judge: PairJudge | None = None
) -> MergeReport:
    """Digest the corpus with `engine` ('gold' builds oracle digests), merge, score against clusters."""
    corpus = Path(corpus)
    gold = load_gold(corpus)
    clusters = load_clusters(corpus)
    articles = {a.id: a for a in load_corpus_articles(corpus) if a.id in gold}
    missing = sorted(
        {
            m.article
            for c in clusters
            for k in ("quotes", "events")
            for ic in getattr(c, k)
            for m in ic.members
        }
        - set(articles)
    )
    if missing:
        raise EvaluationError(
            f"{corpus}: clusters.json names articles without text or gold: {', '.join(missing)}"
        )
    ordered = [articles[k] for k in sorted(articles)]
    if engine == "gold":
        digests = [gold_digest(a, gold[a.id]) for a in ordered]
    else:
        digests = engine_digests(ordered, engine)
    return _report(engine, digests, articles, gold, clusters, judge)


def evaluate_merge_digests(
    digests: Sequence[ArticleDigest],
    corpus: Path,
    *,
    judge: PairJudge | None = None,
    engine: str = "?",
) -> MergeReport:
    """Merge digests made elsewhere (e.g. by `summarise eval`) and score them against clusters."""
    corpus = Path(corpus)
    gold = load_gold(corpus)
    clusters = load_clusters(corpus)
    articles = {a.id: a for a in load_corpus_articles(corpus) if a.id in gold}
    usable = sorted((d for d in digests if d.article.id in articles), key=lambda d: d.article.id)
    return _report(engine, usable, articles, gold, clusters, judge)


def format_report(rep: MergeReport) -> str:
    s = rep.scores
    st = s.stories
    lines = [
        f"merge scores (engine: {rep.engine}; {len(rep.story.sources)} articles grouped into "
        f"{len(rep.stories)} stories)",
        f"  story grouping  article pairs P {st.precision:.3f}  R {st.recall:.3f}  F1 {st.f1:.3f}"
        f"  (tp {st.tp}, fp {st.fp}, fn {st.fn})",
    ]
    for kind, table in (("quote clusters", s.quotes), ("event clusters", s.events)):
        for variant, prf in table.items():
            lines.append(
                f"  {kind:15} {variant:13} P {prf.precision:.3f}  R {prf.recall:.3f}  F1 {prf.f1:.3f}"
                f"  (tp {prf.tp}, fp {prf.fp}, fn {prf.fn})"
            )
    lines.append(
        f"  actor merge accuracy       {s.actor_accuracy:.3f}  ({s.actors_correct}/{s.actors_scorable};"
        f" {s.actors_unscorable} unscorable)"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="python -m service.evaluation.merge", description=__doc__.splitlines()[0]
    )
    ap.add_argument(
        "corpus", type=Path, help="corpus dir with articles/ and gold/ (gold/clusters.json)"
    )
    ap.add_argument("--engine", default="rules", help="engine name, or 'gold' for oracle digests")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    ap.add_argument("--errors", action="store_true", help="list extra and missed pairs")
    args = ap.parse_args(argv)
    rep = evaluate_merge(args.corpus, engine=args.engine)
    if args.json:
        print(json.dumps(rep.scores.to_dict(), indent=1))
    else:
        print(format_report(rep))
        if args.errors:
            for kind, errs in rep.scores.errors.items():
                for e in errs:
                    print(f"  {kind}: {e}")
            for d in rep.scores.actor_details:
                if not d["correct"]:
                    print(f"  actor: {d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
