"""The offline engine: rules only, no model weights, no network; the default when no model is set."""

from __future__ import annotations

import gc
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import ClassVar, TypeVar

from schemas import (
    Article,
    ArticleDigest,
    ArticleMeta,
    Dropped,
    Fidelity,
    Provenance,
    Quote,
    QuoteKind,
    Span,
    schema_hash,
)
from schemas.digest import MAX_ACTORS, MAX_EVENTS, MAX_QUOTES
from service.normalise import DOUBLE_QUOTES, SINGLE_QUOTES
from service.trusted import builder

ENGINE_VERSION = "rules-1"
_BLANK = " \t\r\n" + DOUBLE_QUOTES + SINGLE_QUOTES

T = TypeVar("T")


# service.trusted builders for the engine's own output: its quotes and their speaker spans are
# slices and offsets of the text it holds, and the article's metadata is the validated article's
# own, so validating them again would only re-prove what their making guarantees
# (tests/test_rules_assembly.py compares the two over real texts). The stages build their events
# and actors the same way, validating only what their making leaves open (an event's date shape,
# a span's order: tests/test_events_fast_paths.py, tests/test_actor_finish.py); the digest's own
# fields are still validated.
_quote = builder(Quote)
_span = builder(Span)
_meta = builder(ArticleMeta)

# QuoteKind(kind) as a dictionary look-up (an enum call is a Python-level call each time)
_KINDS = {k.value: k for k in QuoteKind}


def _bounded(items: list[T], limit: int, what: str, warnings: list[str]) -> list[T]:
    if len(items) <= limit:
        return items
    warnings.append(f"{what}: kept the first {limit} of {len(items)} found (schema bound)")
    return items[:limit]


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of the offline engine's own source: stored digests are reused only by identical rules."""
    here = Path(__file__).resolve()
    extract = here.parent.parent / "extract"
    files = (
        sorted(extract.glob("*.py"))
        + sorted(extract.glob("data/*.json"))
        + sorted(extract.glob("*.tsv"))
        + [here]
    )
    h = hashlib.sha256()
    for f in files:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


class RulesEngine:
    """Quotes from quotation marks, speakers from cue patterns, actors from names, events from sentences."""

    name: ClassVar[str] = "rules"

    def __init__(self, **_: object) -> None:
        # Imported here so a registry lookup stays cheap and import errors surface at construction.
        from service.extract import actors, events, quotes, speakers, summary
        from service.extract.shingles import fingerprint

        self._fingerprint = fingerprint

        self._quotes = quotes
        self._actors = actors
        self._speakers = speakers
        self._events = events
        self._summary = summary
        self._schema_hash = schema_hash()

    def identity(self) -> dict[str, str]:
        """The results store's key parts: a change to the rules' code makes earlier digests stale."""
        return {
            "engine": self.name,
            "model": "",
            "prompt_hash": f"rules-code-{code_hash()}",  # read on first use: only stores ask
            "engine_version": ENGINE_VERSION,
        }

    def digest(self, article: Article) -> ArticleDigest:
        # The cyclic garbage collector is paused while one article is digested: the stages
        # allocate many short-lived objects (tokens, mentions, tuples), each of which counts
        # towards a young-generation collection although reference counting frees nearly all
        # of them, so collections every few hundred allocations kept walking the same survivors.
        # One digest makes next to no cycles; the collection the count has built up runs once,
        # at the next allocation after the pause. Restored as it was (a caller's pause stays).
        paused = gc.isenabled()
        gc.disable()
        try:
            return self._digest(article)
        finally:
            if paused:
                gc.enable()

    def _digest(self, article: Article) -> ArticleDigest:
        text = article.text
        spans = self._quotes.find_quotes(text, title=article.title)
        actors = self._actors.extract_actors(text, spans, title=article.title)
        attributions = self._speakers.attribute(text, spans, actors, title=article.title)
        dropped = Dropped()
        # The quotes are built without pydantic's validation (see `trusted`): every value is
        # already of its declared type, and a span is a slice of the text, so it is verbatim and
        # inside its marks by construction.
        out: list[Quote] = []
        id_of: dict[int, str] = {}
        for i, (span, attr) in enumerate(zip(spans, attributions, strict=True)):
            # only a quotation with no words in it (“ ”) has nothing to ground
            claim = text[span.start : span.end]
            if not claim.strip(_BLANK):
                dropped.quotes += 1
                dropped.reasons["quote:empty"] = dropped.reasons.get("quote:empty", 0) + 1
                continue
            qid = f"q{len(out) + 1}"
            id_of[i] = qid
            ms = attr.mention_span
            out.append(
                _quote(
                    {
                        "id": qid,
                        "text": claim,
                        "start": span.start,
                        "end": span.end,
                        "kind": _KINDS[span.kind],
                        "speaker": attr.speaker,
                        "speaker_mention": attr.mention,
                        "speaker_span": (
                            _span({"start": ms[0], "end": ms[1], "text": text[ms[0] : ms[1]]})
                            if ms
                            else None
                        ),
                        "speaker_role": attr.role,
                        "attribution": attr.rule,
                        "fidelity": Fidelity.exact,
                        "nested_in": id_of.get(span.parent) if span.parent is not None else None,
                    }
                )
            )
        events = self._events.extract_events(text, article.published, actors, title=article.title)
        warnings: list[str] = []
        # Schema bounds keep digests finite; say so rather than fail or cut silently.
        out = _bounded(out, MAX_QUOTES, "quotes", warnings)
        actors = _bounded(actors, MAX_ACTORS, "actors", warnings)
        events = _bounded(events, MAX_EVENTS, "events", warnings)
        # the article's own (validated) fields, less its text: what Article.meta() validates
        meta = article.model_dump(exclude={"text"})
        if not meta["fingerprint"]:
            meta["fingerprint"] = self._fingerprint(text)
        # the digest's validation checks the stage outputs (events, actors) and takes the
        # models built here as they are
        return ArticleDigest(
            article=_meta(meta),
            summary=self._summary.summarise_text(text, article.title),
            events=events,
            actors=actors,
            quotes=out,
            provenance=Provenance(
                engine=self.name,
                engine_version=ENGINE_VERSION,
                schema_hash=self._schema_hash,
                dropped=dropped,
                warnings=warnings,
            ),
        )
