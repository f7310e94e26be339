"""The model-assistance seam: a PairJudge decides ambiguous candidate pairs, answers cached by content.

The merger only asks about pairs its rules cannot settle (a bare surname with two full-name
candidates, a possible translation, an event pair in the grey zone). Each question carries the
deterministic rule's own answer (`lean`), so `RuleJudge` (the default) needs no model and a model
judge can be compared with it. `CachedJudge` keys answers by a hash of the question's content,
never its position, so the same question costs one answer across runs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, Literal, Protocol, cast, runtime_checkable

from schemas.story import MemberRef, MergeDecision
from service.errors import ConfigError
from service.fsio import atomic_write_text
from service.merge.common import construct

Kind = Literal["actor", "quote", "event"]
# json.dumps(x, sort_keys=True, ensure_ascii=False) is _ENCODE(x): one encoder for every question
# instead of a new one per call (the keys are the same text)
_ENCODE = json.JSONEncoder(sort_keys=True, ensure_ascii=False).encode
# how that encoder writes a string
_STRING = encode_basestring
_sha256 = hashlib.sha256


@dataclass(frozen=True, slots=True)
class Question:
    """An ambiguous pair. `left`/`right` are JSON-able descriptions (names, texts, dates)."""

    kind: Kind
    left: Mapping[str, Any]
    right: Mapping[str, Any]
    lean: bool  # what the deterministic rule would decide
    hint: str  # why the rule is unsure, and which way it leans

    def key(self) -> str:
        """Content hash, the same whichever side is left: the SHA-256 of
        json.dumps([kind, sorted([json.dumps(left), json.dumps(right)])]) (both dumps with
        sort_keys=True, ensure_ascii=False)."""
        left, right = _ENCODE(self.left), _ENCODE(self.right)
        if right < left:
            left, right = right, left
        # the outer list holds only strings: written directly, each string escaped as dumps would
        text = f"[{_STRING(self.kind)}, [{_STRING(left)}, {_STRING(right)}]]"
        return _sha256(text.encode("utf-8")).hexdigest()

    def content(self) -> Hashable:
        """The question's content as a value, equal for two questions exactly when their key()s
        are: the kind and the two sides whichever is left, each side's items sorted, its lists
        as tuples (sides hold strings, None and lists of strings: descriptions, not numbers)."""
        return self.kind, frozenset((_frozen(self.left), _frozen(self.right)))


def _frozen(side: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    # a list built and then made a tuple: a generator's step per item costs more (every event
    # pair in the grey zone makes two of these)
    return tuple([(k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(side.items())])


@dataclass(frozen=True, slots=True)
class Verdict:
    same: bool
    reason: str
    relation: str | None = None  # for quotes: e.g. 'translated'
    # False for a stand-in answer after a failure (HTTP 429, a timeout, a spent budget): it is
    # used for this run but never cached, so a later run asks again
    final: bool = True


@runtime_checkable
class PairJudge(Protocol):
    name: str

    def decide(self, question: Question) -> Verdict:
        """Say whether the two sides are the same entity/utterance/event, with a short reason."""
        ...


class RuleJudge:
    """The deterministic default: follows the rule's lean, so merging needs no model."""

    name = "rules"

    def decide(self, question: Question) -> Verdict:
        return Verdict(question.lean, f"rule: {question.hint}")


@dataclass
class CachedJudge:
    """Wraps a judge with a content-keyed cache, optionally persisted as a JSON file."""

    inner: PairJudge
    path: Path | None = None
    cache: dict[Hashable, Verdict] = field(default_factory=dict)
    hits: int = 0

    def __post_init__(self) -> None:
        if self.path is not None and self.path.exists():
            try:
                text = self.path.read_text(encoding="utf-8")
                # an empty file is what a full disk left under the old, non-atomic writer
                raw = json.loads(text) if text.strip() else {}
                for k, v in raw.items():
                    self.cache[k] = Verdict(bool(v["same"]), str(v["reason"]), v.get("relation"))
            except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
                raise ConfigError(
                    f"{self.path}: unreadable judge cache ({exc}); delete it to start afresh"
                ) from exc

    @property
    def name(self) -> str:
        return self.inner.name

    def lookup(self, question: Question) -> tuple[Verdict, bool]:
        """(verdict, cached?)"""
        key = self._key(question)
        hit = self.cache.get(key)
        if hit is not None:
            self.hits += 1
            return hit, True
        verdict = self.inner.decide(question)
        if verdict.final:
            self.cache[key] = verdict
        return verdict, False

    def remember(self, question: Question, verdict: Verdict) -> None:
        """Keep a verdict decided without asking the inner judge (e.g. past the judge budget), so
        that a re-run of the same corpus takes the same decision without a request."""
        if verdict.final:
            self.cache.setdefault(self._key(question), verdict)

    def _key(self, question: Question) -> Hashable:
        return question.key()

    def decide(self, question: Question) -> Verdict:
        return self.lookup(question)[0]

    def save(self) -> None:
        if self.path is None:
            return
        data = {
            k: {"same": v.same, "reason": v.reason, "relation": v.relation}
            for k, v in sorted(cast("dict[str, Verdict]", self.cache).items())
        }
        text = json.dumps(data, indent=1, ensure_ascii=False)
        if self.inner.name != "rules":
            from service.llm.secrets import redact

            text = redact(text)

        atomic_write_text(self.path, text)


class _OwnCache(CachedJudge):
    """The cache a Decider makes for a judge given without one: no other Decider reads it and it
    is never saved, so a question is looked up by its content (Question.content) instead of the
    hash of its JSON that a shared or saved cache needs (that hash was most of what a grey-zone
    event pair cost the rule judge: 80 us of JSON and SHA-256 against 30 us)."""

    def _key(self, question: Question) -> Hashable:
        return question.content()


class FakeJudge:
    """A scripted judge for tests: `answer(question) -> Verdict | None` (None falls back to the lean)."""

    name = "fake"

    def __init__(self, answer: Callable[[Question], Verdict | None]) -> None:
        self._answer = answer
        self.asked: list[Question] = []

    def decide(self, question: Question) -> Verdict:
        self.asked.append(question)
        verdict = self._answer(question)
        return verdict if verdict is not None else Verdict(question.lean, "fake: lean")


class Decider:
    """Asks the judge within a budget and records every decision for the story's provenance."""

    def __init__(self, judge: PairJudge | None, budget: int, record_limit: int = 500) -> None:
        base = judge if judge is not None else RuleJudge()
        self.judge = base if isinstance(base, CachedJudge) else _OwnCache(base)
        self.has_model = self.judge.name != "rules"
        self.budget = budget
        self.record_limit = record_limit
        self.asked = 0
        self.total = 0
        self.decisions: list[MergeDecision] = []

    def ask_lazy(
        self,
        kind: Kind,
        lean: bool,
        hint: str,
        left: MemberRef,
        right: MemberRef,
        sides: Callable[[], tuple[Mapping[str, Any], Mapping[str, Any]]],
    ) -> Verdict:
        """`ask`, describing the pair only when a model will read it or the record has room."""
        if not self.has_model and len(self.decisions) >= self.record_limit:
            self.total += 1
            return Verdict(lean, f"rule: {hint}")
        lside, rside = sides()
        return self.ask(Question(kind, lside, rside, lean=lean, hint=hint), left, right)

    def ask(self, question: Question, left: MemberRef, right: MemberRef) -> Verdict:
        self.total += 1
        if self.judge.name == "rules" or self.asked < self.budget:
            verdict, cached = self.judge.lookup(question)
            name = self.judge.name
            if not cached and name != "rules":
                self.asked += 1
        else:
            verdict, cached, name = (
                RuleJudge().decide(question),
                False,
                "rules (judge budget spent)",
            )
            if self.has_model:
                # stored, so that a re-run of the same corpus asks the model nothing new
                self.judge.remember(question, verdict)
        if len(self.decisions) < self.record_limit:
            self.decisions.append(
                construct(
                    MergeDecision,
                    kind=question.kind,
                    left=left,
                    right=right,
                    same=verdict.same,
                    relation=verdict.relation,
                    reason=verdict.reason,
                    judge=name,
                    cached=cached,
                )
            )
        return verdict
