"""Turn rule candidates into prompt variables with short ids, and model answers back into a grounded
digest: every reference is checked, every name placed on the text, every rejection counted.

Ids are article-wide (Q1.. for the rules engine's quotations, A1.. for its actors, S1.. for
sentences); a chunk's prompt shows only the items inside it. Policies, where the model and the
rules disagree (see also docs in the README):

* quotes always come from the rules engine, so none can be invented; the model only attributes
  them. A speaker is taken when it names a known actor mentioned near the quotation; a null or
  omitted speaker keeps the rules' attribution;
* actors the model lists are kept, typed and (when the new name occurs in the text and shares a
  word with the candidate) renamed; unlisted candidates are dropped as not actors, unless they are
  a quote's speaker. An answer with no actors at all keeps the candidates (with a warning);
* events come from sentences the model picks, dated from the rules' date finder on that sentence;
  an answer with no events keeps the rules' events;
* the first chunk's summary is the article's; an empty one falls back to the rules' summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from schemas import (
    Actor,
    ActorType,
    Article,
    ArticleDigest,
    Dropped,
    Event,
    Quote,
    QuoteKind,
    Span,
)
from service.ground import SourceText, ground_quote, mentions, name_supported
from service.llm.answers import HybridAnswer, PlainAnswer
from service.llm.chunking import Range, paragraphs, sentences
from service.llm.held import Holder, repeats_itself, same_text, split_sentences
from service.normalise import name_key

PREVIEW_CHARS = 90
# Rules that found a quote's speaker through an explicit cue in the text ("X said", "said X").
EXPLICIT_CUES = frozenset({"cue-before", "cue-after"})
# A speaker must be mentioned this close to the quotation (before / after it), in characters.
SPEAKER_WINDOW_BEFORE = 1500
SPEAKER_WINDOW_AFTER = 400


def _count(dropped: Dropped, kind: str, reason: str) -> None:
    if kind:
        setattr(dropped, kind, getattr(dropped, kind) + 1)
    dropped.reasons[reason] = dropped.reasons.get(reason, 0) + 1


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[: PREVIEW_CHARS - 1].rstrip() + "…"


@dataclass
class Candidates:
    """The rules engine's output with prompt ids, for one article."""

    article: Article
    rules: ArticleDigest
    source: SourceText
    regions: list[tuple[int, int]]
    sentences: list[Range]
    quotes: dict[str, Quote] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        article: Article,
        rules: ArticleDigest,
        regions: Sequence[tuple[int, int]] | None = None,
    ) -> Candidates:
        text = article.text
        c = cls(
            article=article,
            rules=rules,
            source=SourceText(text),
            regions=list(regions)
            if regions is not None
            else [(q.start, q.end) for q in rules.quotes],
            sentences=sentences(text),
        )
        c.quotes = {f"Q{i + 1}": q for i, q in enumerate(rules.quotes)}
        c.actors = {f"A{i + 1}": a for i, a in enumerate(rules.actors)}
        return c

    def sentence_id(self, offset: int) -> str | None:
        for i, (s, e) in enumerate(self.sentences):
            if s <= offset < e:
                return f"S{i + 1}"
        return None

    def view(self, rng: Range) -> dict[str, Any]:
        """Template variables for the chunk `rng`: its sentences by paragraph, its candidates."""
        lo, hi = rng
        text = self.article.text
        paras: list[list[dict[str, str]]] = []
        for ps, pe in paragraphs(text):
            if pe <= lo or ps >= hi:
                continue
            row = [
                {"id": f"S{i + 1}", "text": text[s:e]}
                for i, (s, e) in enumerate(self.sentences)
                if ps <= s and e <= pe and lo <= s < hi
            ]
            if row:
                paras.append(row)
        quotes = [
            {
                "id": qid,
                "sentence": self.sentence_id(q.start) or "",
                "preview": _preview(q.text),
                "kind": q.kind.value,
            }
            for qid, q in self.quotes.items()
            if lo <= q.start < hi
        ]
        chunk = text[lo:hi]
        actors = []
        for aid, a in self.actors.items():
            inside = any(lo <= m.start < hi for m in a.mentions) or (
                not a.mentions and a.name in chunk
            )
            if inside:
                aliases = [x for x in a.aliases if x != a.name][:4]
                actors.append({"id": aid, "name": a.name, "type": a.type.value, "aliases": aliases})
        meta = self.article
        return {
            "title": meta.title or "",
            "outlet": meta.outlet or "",
            "published": meta.published.isoformat() if meta.published else "",
            "paragraphs": paras,
            "text": chunk,
            "quotes": quotes,
            "actors": actors,
            "quote_ids": {q["id"] for q in quotes},
            "actor_ids": {a["id"] for a in actors},
            "sentence_ids": {s["id"] for row in paras for s in row},
        }


@dataclass
class _ActorDraft:
    name: str
    type: ActorType
    aliases: list[str]
    role: str | None
    anonymous: bool
    spans: list[tuple[int, int]]


class Assembly:
    """Collects chunk answers for one article and produces the grounded digest parts.

    `examples` are the prompt's worked-example texts (a model copying them is caught);
    `speaker_policy` says who wins when the rules found a speaker through an explicit cue and the
    model names another ('rules' or 'model'; the disagreement is recorded either way)."""

    def __init__(
        self, c: Candidates, *, examples: Sequence[str] = (), speaker_policy: str = "rules"
    ) -> None:
        self.c = c
        text = c.article.text
        self.holder = Holder(text, [text[s:e] for s, e in c.sentences], examples)
        self.speaker_policy = speaker_policy
        self.dropped = Dropped()
        self.warnings: list[str] = []
        self._actors: dict[str, _ActorDraft] = {}  # by candidate id, or "N:<name key>"
        self._listed_any_actor = False
        self._speaker: dict[str, str] = {}  # quote id -> actor key
        self._events: dict[str, Event] = {}  # sentence id -> event
        self._summary = ""
        self._plain_quotes: dict[tuple[int, int], Quote] = {}
        self._plain = False
        self._event_keys: dict[str, list[str]] = {}  # sentence id -> participant actor keys

    # -- hybrid ------------------------------------------------------------------------------
    def _draft_from_candidate(self, aid: str) -> _ActorDraft:
        a = self.c.actors[aid]
        return _ActorDraft(
            a.name,
            a.type,
            list(a.aliases),
            a.role,
            a.anonymous,
            [(m.start, m.end) for m in a.mentions],
        )

    def _key_for_name(self, name: str) -> str | None:
        """The actor already known under this name or alias, if any."""
        key = name_key(name)
        for k, d in self._actors.items():
            if key in {name_key(x) for x in [d.name, *d.aliases]}:
                return k
        for aid, a in self.c.actors.items():
            if key in {name_key(x) for x in [a.name, *a.aliases]}:
                return aid
        return None

    def add_hybrid(self, answer: HybridAnswer, view: dict[str, Any]) -> None:
        local: dict[str, str] = {}  # answer's actor id -> actor key
        for pick in answer.actors:
            key = self._take_actor(pick.id, pick.type, pick.name, view)
            if key is not None:
                local[pick.id] = key
        for att in answer.quotes:
            self._take_attribution(att.quote, att.speaker, local, view)
        for ev in answer.events:
            self._take_event(ev.sentence, ev.summary, ev.participants, ev.location, local, view)
        self._take_summary(answer.summary, self._indices(view["sentence_ids"]))

    def _indices(self, sids: Iterable[str]) -> list[int]:
        return sorted(int(sid[1:]) - 1 for sid in sids)

    def _take_summary(self, summary: str, among: Sequence[int]) -> None:
        """The first chunk's summary, held sentence by sentence to the chunk's sentences: an
        unsupported sentence is replaced by the article sentence closest to it; a looping text or
        a copy of the prompt's example leaves the rules engine's extractive summary standing."""
        if self._summary or not summary.strip():
            return
        if self.holder.copies_example(summary):
            _count(self.dropped, "", "summary:copied_example")
            return
        if repeats_itself(summary):
            _count(self.dropped, "", "summary:repetition")
            return
        kept: list[str] = []
        for sentence in split_sentences(summary):
            ok, best = self.holder.backing(sentence, among)
            if not ok:
                _count(self.dropped, "", "summary:unsupported_sentence")
                if best < 0:
                    continue
                sentence = " ".join(self.holder.sentences[best].split())
            if any(same_text(sentence, k) for k in kept):
                _count(self.dropped, "", "summary:repeated_sentence")
                continue
            kept.append(sentence)
        self._summary = " ".join(kept)

    def _take_actor(
        self, aid: str, atype: ActorType, name: str | None, view: dict[str, Any]
    ) -> str | None:
        text = self.c.article.text
        if aid.startswith("A"):
            if aid not in view["actor_ids"]:
                _count(self.dropped, "actors", "actor:unknown_id")
                return None
            draft = self._actors.get(aid) or self._draft_from_candidate(aid)
            self._listed_any_actor = True
            draft.type = atype
            if name and name_key(name) != name_key(draft.name):
                shares = set(name_key(name).split()) & {
                    w for x in [draft.name, *draft.aliases] for w in name_key(x).split()
                }
                if not mentions(name, self.c.source, limit=1):
                    _count(self.dropped, "actors", "actor:name_not_in_text")
                elif not shares:
                    _count(self.dropped, "actors", "actor:name_mismatch")
                else:
                    draft.aliases = [draft.name, *[x for x in draft.aliases if x != name]]
                    draft.name = text[slice(*mentions(name, self.c.source, limit=1)[0])]
            self._actors[aid] = draft
            return aid
        # a new actor the candidates missed: it must be in the text
        if not name or not name.strip():
            _count(self.dropped, "actors", "actor:new_without_name")
            return None
        spans = mentions(name, self.c.source)
        if not spans:
            _count(self.dropped, "actors", "actor:not_in_text")
            return None
        known = self._key_for_name(name)
        if known is not None:
            if known not in self._actors and known in self.c.actors:
                self._actors[known] = self._draft_from_candidate(known)
            self._listed_any_actor = True
            return known
        key = f"N:{name_key(name)}"
        self._actors[key] = _ActorDraft(
            text[spans[0][0] : spans[0][1]], atype, [], None, False, spans
        )
        self._listed_any_actor = True
        return key

    def _near(self, draft: _ActorDraft, q: Quote) -> bool:
        lo, hi = q.start - SPEAKER_WINDOW_BEFORE, q.end + SPEAKER_WINDOW_AFTER
        if any(lo <= s and e <= hi for s, e in draft.spans):
            return True
        spans: list[tuple[int, int]] = []
        for n in [draft.name, *draft.aliases]:
            spans.extend(mentions(n, self.c.source, limit=50))
        surname = name_key(draft.name).split()[-1:] if draft.type == ActorType.person else []
        if surname and len(surname[0]) >= 3:
            spans.extend(mentions(surname[0], self.c.source, limit=50))
        return any(lo <= s and e <= hi for s, e in spans)

    def _take_attribution(
        self, qid: str, speaker: str | None, local: dict[str, str], view: dict[str, Any]
    ) -> None:
        if qid not in view["quote_ids"]:
            _count(self.dropped, "quotes", "quote:unknown_id")
            return
        if speaker is None or qid in self._speaker:
            return
        key = local.get(speaker)
        if key is None and speaker in view["actor_ids"]:
            key = speaker  # a candidate named as speaker without being listed
        if key is None:
            _count(self.dropped, "speakers", "speaker:unknown_id")
            return
        draft = self._actors.get(key) or self._draft_from_candidate(key)
        q = self.c.quotes[qid]
        if not self._near(draft, q):
            _count(self.dropped, "speakers", "speaker:not_near_quote")
            return
        if q.speaker and q.attribution in EXPLICIT_CUES and not self._names_speaker(draft, q):
            keep_rules = self.speaker_policy == "rules"
            kept = q.speaker if keep_rules else draft.name
            self.warnings.append(
                f"{qid}: the model named {draft.name!r} but the text's cue names "
                f"{q.speaker!r}; kept {kept!r}"
            )
            _count(self.dropped, "speakers" if keep_rules else "", "speaker:disagrees_with_cue")
            if keep_rules:
                return
        # a speaker is evidently an actor, listed or not
        self._actors.setdefault(key, draft)
        self._speaker[qid] = key

    @staticmethod
    def _names_speaker(draft: _ActorDraft, q: Quote) -> bool:
        """Whether the model's actor is the rules' speaker under one of its names."""
        key = name_key(q.speaker or "")
        names = {name_key(x) for x in [draft.name, *draft.aliases]}
        words = {w for n in names for w in n.split()}
        return key in names or (bool(key) and set(key.split()) <= words)

    def _take_event(
        self,
        sid: str,
        summary: str,
        participants: Sequence[str],
        location: str | None,
        local: dict[str, str],
        view: dict[str, Any],
    ) -> None:
        if sid not in view["sentence_ids"]:
            _count(self.dropped, "events", "event:unknown_sentence")
            return
        if sid in self._events:
            return
        s, e = self.c.sentences[int(sid[1:]) - 1]
        text = self.c.article.text
        keys = []
        for p in participants:
            key = local.get(p) or (p if p in view["actor_ids"] else None)
            if key is None:
                _count(self.dropped, "", "participant:unknown_id")
            elif key not in keys:
                keys.append(key)
        for key in keys:
            if key not in self._actors and key in self.c.actors:
                self._actors[key] = self._draft_from_candidate(key)
        place = None
        if location:
            spans = mentions(location, self.c.source, limit=1)
            if spans:
                place = text[spans[0][0] : spans[0][1]]
            else:
                _count(self.dropped, "", "location:not_in_text")
        date, date_text = self._date_for(s, e)
        summary = self._held_event_summary(" ".join(summary.split()), int(sid[1:]) - 1)
        if any(same_text(summary, ev.summary) for ev in self._events.values()):
            _count(self.dropped, "events", "event:duplicate")
            return
        self._events[sid] = Event(
            id="",
            summary=summary,
            date=date,
            date_text=date_text,
            location=place,
            participants=[],
            evidence=[Span(start=s, end=e, text=text[s:e])],
        )
        self._event_keys[sid] = keys

    def _held_event_summary(self, summary: str, index: int) -> str:
        """The model's event summary if its evidence sentence backs it, else that sentence."""
        reason = None
        if not summary:
            pass
        elif self.holder.copies_example(summary):
            reason = "event_summary:copied_example"
        elif repeats_itself(summary):
            reason = "event_summary:repetition"
        elif not self.holder.supported_by(summary, index):
            reason = "event_summary:unsupported"
        if reason is None and summary:
            return summary
        if reason:
            _count(self.dropped, "", reason)
        return " ".join(self.holder.sentences[index].split())  # the evidence sentence itself

    def _date_for(self, s: int, e: int) -> tuple[str | None, str | None]:
        for ev in self.c.rules.events:
            if ev.date and any(sp.start < e and s < sp.end for sp in ev.evidence):
                return ev.date, ev.date_text
        try:
            from service.extract.dates import find_dates
        except ImportError:
            return None, None
        for d in find_dates(self.c.article.text[s:e], self.c.article.published):
            if d.value is not None:
                return d.value, d.text
        return None, None

    # -- plain baseline ----------------------------------------------------------------------
    def add_plain(self, answer: PlainAnswer) -> None:
        self._plain = True
        text = self.c.article.text
        for pq in answer.quotes:
            g = ground_quote(pq.text, self.c.source, self.c.regions)
            if g.located is None:
                _count(self.dropped, "quotes", f"quote:{g.reason}")
                continue
            loc = g.located
            if (loc.start, loc.end) in self._plain_quotes:
                continue
            speaker = pq.speaker
            if speaker is not None and not name_supported(speaker, self.c.source):
                _count(self.dropped, "speakers", "speaker:not_in_text")
                speaker = None
            whole = any((loc.start, loc.end) == r for r in self.c.regions)
            self._plain_quotes[(loc.start, loc.end)] = Quote(
                id="",
                text=loc.text,
                start=loc.start,
                end=loc.end,
                kind=QuoteKind.direct
                if whole and loc.text.rstrip()[-1:] in ".!?…"
                else QuoteKind.partial,
                speaker=speaker,
                attribution="llm-plain" if speaker else None,
                fidelity=loc.fidelity,
            )
        for pa in answer.actors:
            spans = mentions(pa.name, self.c.source)
            if not spans:
                _count(self.dropped, "actors", "actor:not_in_text")
                continue
            key = f"N:{name_key(pa.name)}"
            if key not in self._actors:
                self._actors[key] = _ActorDraft(
                    text[spans[0][0] : spans[0][1]], pa.type, [], None, False, spans
                )
        for pe in answer.events:
            names = []
            for n in pe.participants:
                if name_supported(n, self.c.source):
                    names.append(n)
                else:
                    _count(self.dropped, "", "participant:not_in_text")
            place = None
            if pe.location and mentions(pe.location, self.c.source, limit=1):
                place = pe.location
            elif pe.location:
                _count(self.dropped, "", "location:not_in_text")
            date = pe.date if pe.date and _valid_date(pe.date) else None
            key = f"P{len(self._events) + 1}"
            everywhere = range(len(self.c.sentences))
            if self.holder.copies_example(pe.summary) or repeats_itself(pe.summary):
                _count(self.dropped, "events", "event:copied_or_repeated")
                continue
            if not self.holder.backing(pe.summary, everywhere)[0]:
                _count(self.dropped, "events", "event:unsupported")
                continue
            if any(same_text(pe.summary, ev.summary) for ev in self._events.values()):
                _count(self.dropped, "events", "event:duplicate")
                continue
            self._events[key] = Event(
                id="", summary=pe.summary, date=date, location=place, participants=names
            )
        self._take_summary(answer.summary, range(len(self.c.sentences)))

    # -- result ------------------------------------------------------------------------------
    def finish(self) -> tuple[str, list[Event], list[Actor], list[Quote]]:
        rules = self.c.rules
        text = self.c.article.text
        if not self._plain and not self._listed_any_actor and self.c.actors:
            self.warnings.append("the model listed no actors; kept the rules engine's candidates")
            for aid in self.c.actors:
                self._actors.setdefault(aid, self._draft_from_candidate(aid))
        if not self._plain:
            # the speakers of rule attributions we keep must stay actors
            for qid, q in self.c.quotes.items():
                if qid not in self._speaker and q.speaker:
                    key = self._key_for_name(q.speaker)
                    if key is not None and key not in self._actors and key in self.c.actors:
                        self._actors[key] = self._draft_from_candidate(key)

        order = sorted(
            self._actors, key=lambda k: min([s for s, _ in self._actors[k].spans] or [len(text)])
        )
        actors: list[Actor] = []
        name_of: dict[str, str] = {}
        for k in order:
            d = self._actors[k]
            name_of[k] = d.name
            spans = sorted(set(d.spans))[:300]
            actors.append(
                Actor(
                    id=f"a{len(actors) + 1}",
                    name=d.name,
                    type=d.type,
                    aliases=[a for a in dict.fromkeys(d.aliases) if a != d.name][:30],
                    role=d.role,
                    anonymous=d.anonymous,
                    mentions=[Span(start=s, end=e, text=text[s:e]) for s, e in spans],
                )
            )

        quotes = self._quotes(name_of) if not self._plain else self._plain_quote_list()
        events: list[Event] = []
        if self._events:
            for key in sorted(
                self._events,
                key=lambda k: self._events[k].evidence[0].start if self._events[k].evidence else 0,
            ):
                ev = self._events[key]
                people = ev.participants or [
                    name_of[k] for k in self._event_keys.get(key, []) if k in name_of
                ]
                events.append(
                    ev.model_copy(update={"id": f"e{len(events) + 1}", "participants": people[:20]})
                )
        else:
            events.extend(rules.events)
            if not self._plain:
                self.warnings.append("the model picked no events; kept the rules engine's events")
        summary = self._summary or rules.summary
        return summary, events[:100], actors[:200], quotes

    def _quotes(self, name_of: dict[str, str]) -> list[Quote]:
        text = self.c.article.text
        out: list[Quote] = []
        for qid, q in self.c.quotes.items():
            key = self._speaker.get(qid)
            if key is None or key not in name_of:
                out.append(q)
                continue
            name = name_of[key]
            if q.speaker and name_key(q.speaker) == name_key(name):
                out.append(q.model_copy(update={"speaker": name}))
                continue
            d = self._actors[key]
            spans = [sp for sp in d.spans if sp[1] <= q.start] or list(d.spans)
            mention = max(spans, key=lambda sp: sp[0]) if spans else None
            out.append(
                q.model_copy(
                    update={
                        "speaker": name,
                        "speaker_mention": text[mention[0] : mention[1]] if mention else None,
                        "speaker_span": Span(
                            start=mention[0], end=mention[1], text=text[mention[0] : mention[1]]
                        )
                        if mention
                        else None,
                        "speaker_role": d.role,
                        "attribution": "llm",
                    }
                )
            )
        return out

    def _plain_quote_list(self) -> list[Quote]:
        ordered = sorted(self._plain_quotes.values(), key=lambda q: q.start)
        return [q.model_copy(update={"id": f"q{i + 1}"}) for i, q in enumerate(ordered)][:200]


def _valid_date(value: str) -> bool:
    try:
        Event(id="x", summary="x", date=value)
    except ValueError:
        return False
    return True
