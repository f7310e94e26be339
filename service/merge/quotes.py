"""Quote clusters: the same utterance across articles and within one, labelled by relation.

Words are compared by quote_keys.quote_segments: folded (case, accents, quote marks, dashes),
punctuation dropped, editorial brackets opened ("[is]" -> "is"), contractions spelled out
("we've" = "we have", "don't" = "do not") and possessives dropped ("ISIS's" = "ISIS'" = "ISIS");
an ellipsis splits a quote into segments. Relations between two quotes (the shorter against the
longer):
  identical  same word sequence;
  contains   every segment of the shorter occurs, in order, as a contiguous run of the longer
             (the shorter needs 2+ words); across speakers not when the longer brings it in as
             reported words ("people are chanting hands off our town": a chant, another's);
  reworded   5+ words (8+ unless one speaker), 80% of the shorter's words in order in the longer
             (LCS), and 60% of its word bigrams present there, with as many negations as the
             stretch of the longer it shares ("nothing to do with" is not "everything to do
             with"); within one article only when no content word is new (quote_union);
  overlaps   two excerpts of one longer utterance sharing a verbatim run of 8+ words (9+ when
             the speakers differ), each with words the other lacks; within one article only
             when no content word is new or the end of one is the start of the other;
  translated different languages, sharing numbers, dates, time words, names or cognates
             (quote_xlang; the judge decides, the rule accepts each side's best match with
             enough shared words), or a speaker's one quote left unmatched in each of two
             articles whose other quotes by that speaker all match (quote_align).
Speakers: the words decide, not the names outlets give the speaker. One speaker on both sides
lets a 2-word fragment with a content word (contains) or a 5-word rewording join. Otherwise the
shorter quote must say enough on its own: 6+ words, or 5 with two content words when both quotes
name a speaker (a 4-word slogan or chant is repeated by many people); this holds for identical
words too. A rewording across speakers needs 8+ words, whether or not the extractor found a
speaker for each side (an outlet that prints a quote without a speaker the extractor reads still
prints its words). "One speaker" is read through quote_speakers: a family name an outlet gives
with a title, and a role a translation ties to a named speaker, are that person. Variants naming
different speakers stay one cluster with a 'speaker' disagreement (the speaker most independent
sources name heads it).
One article: two of its quotes join only when directly related (a standfirst repeating the
body; a tweet quoted whole and again with a function word dropped; two quotes differing in a
content word are two things said). So a long quotation spanning two
separately reported sentences joins one of them (the stronger link), lists the other cluster under
`related`, and is listed there too, as `contains`, when that utterance says enough on its own (not
a fragment) and, for a rewording, the quotation is 6+ words longer than it.
Fragments (quotes that do not say enough on their own) never bridge two utterances: a phrase a
speaker repeats joins one of the utterances holding it (quote_union).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import LCSseq

from schemas import ArticleDigest, Quote
from schemas.story import (
    QuoteCluster,
    QuoteRelation,
    QuoteVariant,
)
from service.merge.actors import ActorResult
from service.merge.common import (
    WORD,
    UnionFind,
    block_pairs,
    fast_fold,
    item_key,
    ref,
    stable_id,
    stable_id1,
    support,
    support1,
)
from service.merge.judge import Decider, Question
from service.merge.quote_align import leftover_pairs
from service.merge.quote_keys import (
    _text_keys,
    content_words,
    excerpts,
    negations_differ,
    new_content,
    reported_at,
)
from service.merge.quote_speakers import cluster_speaker, family_aliases, read_links
from service.merge.quote_union import extra_listings, union_quotes
from service.merge.quote_xlang import score_pairs, translations, xlang_pairs
from service.trusted import builder

SHINGLE = 3
MIN_NULL_SPEAKER_WORDS = 6
MIN_REWORDED_WORDS = 5
MIN_OTHER_REWORDED_WORDS = 8
OVERLAP_RUN = 8
OVERLAP_RUN_OTHER = 9
REWORDED_COVERAGE = 0.8
REWORDED_BIGRAMS = 0.6
MAX_SPEAKER_FORMS = 300
_RELATION_ORDER = {r: i for i, r in enumerate(QuoteRelation)}
# the stage's most built objects, built directly (every field, in declared order: see
# common.construct); construct() checks that for each call
_new_variant = builder(QuoteVariant)
_new_cluster = builder(QuoteCluster)
_RANK = {"identical": 0, "contains": 1, "translated": 2, "reworded": 3, "overlaps": 4}


@dataclass(slots=True)
class Form:
    """Distinct (speaker, words) pair; identical quotes by one speaker share a form.

    What a pair test reads of a form is made once per form, the first time a pair needs it
    (most forms are only ever tested against one or two others, many never past the first test).
    """

    idx: int
    speaker: str | None
    words: tuple[str, ...]
    segments: tuple[tuple[str, ...], ...]
    padded: str  # " w1 w2 ... " for contiguous-run search
    content: int  # its content words; -1: not counted yet (most forms never need it)
    lang: str | None
    xkeys: tuple[str, ...] | None  # quote_xlang.text_keys of `text`; None: not read yet
    items: list[int]
    text: str = ""  # the first member's text (its numbers)
    needles: tuple[str, ...] | None = None  # " seg words " per segment, for contains()
    bigrams: frozenset[tuple[str, str]] | None = None
    shingles: frozenset[tuple[str, ...]] | None = None  # its runs of SHINGLE words


@dataclass(slots=True)
class Item:
    idx: int
    article: str
    quote: Quote
    speaker: str | None  # story actor id, or 'name:<key>' when no actor fits
    lang: str | None
    form: int = -1


def contains(long_: Form, short: Form) -> bool:
    needles = short.needles
    if needles is None:
        segs = short.segments
        needles = short.needles = (
            (short.padded,) if len(segs) == 1 else tuple(" " + " ".join(seg) + " " for seg in segs)
        )
    padded = long_.padded
    if len(needles) == 1:
        return needles[0] in padded
    pos = 0
    for needle in needles:
        i = padded.find(needle, pos)
        if i < 0:
            return False
        pos = i + 1
    return True


def _bigrams(f: Form) -> frozenset[tuple[str, str]]:
    got = f.bigrams
    if got is None:
        w = f.words
        got = f.bigrams = frozenset(zip(w, w[1:], strict=False))
    return got


def _shingles(f: Form) -> frozenset[tuple[str, ...]]:
    got = f.shingles
    if got is None:
        w = f.words
        got = f.shingles = frozenset(zip(w, w[1:], w[2:], strict=False))  # SHINGLE words
    return got


def _content(f: Form) -> int:
    if f.content < 0:
        f.content = content_words(f.words)
    return f.content


def _speakers_differ(a: Form, b: Form) -> bool:
    return a.speaker is not None and b.speaker is not None and a.speaker != b.speaker


def _says_enough(f: Form, named: bool) -> bool:
    """Words enough to be one utterance whoever the outlets name: 6 words, or 5 with two content
    words when both quotes name a speaker (the extractor found speech there; a 4-word phrase or
    slogan is repeated by many people, and an unattributed 5-word stretch may be a scare quote)."""
    n = len(f.words)
    return n >= MIN_NULL_SPEAKER_WORDS or (
        named and n >= MIN_NULL_SPEAKER_WORDS - 1 and _content(f) >= 2
    )


def relate(a: Form, b: Form) -> tuple[str, float] | None:
    """Relation and strength (0..1) between two forms, or None when they are not one utterance."""
    long_, short = (a, b) if len(a.words) >= len(b.words) else (b, a)
    if a.words == b.words:
        # the same short words credited to two different people are two utterances (a slogan,
        # a chant); longer ones are one, with the speakers recorded as a disagreement
        if _speakers_differ(a, b) and not _says_enough(short, True):
            return None
        return "identical", 1.0
    ns = len(short.words)
    if a.lang and b.lang and a.lang != b.lang:
        return None
    # one speaker on both sides lets short fragments join; otherwise the words must say enough
    # on their own (outlets name speakers differently, and a disagreement is recorded, not split)
    same_speaker = a.speaker is not None and a.speaker == b.speaker
    if ns >= 2 and contains(long_, short):
        first = short.needles[0] if short.needles else short.padded
        if not same_speaker and reported_at(long_.padded, long_.padded.find(first)):
            # someone quoting another's words ("people are chanting hands off our town"): the
            # two quotes are two utterances, whatever the outlets call the speakers
            return None
        # a fragment needs a content word, unless it is long enough on its own ("this is not
        # who we are")
        named = a.speaker is not None and b.speaker is not None
        if (same_speaker and _content(short) >= 1) or _says_enough(short, named):
            return "contains", 0.9 + 0.1 * ns / len(long_.words)
        return None
    if ns < (MIN_REWORDED_WORDS if same_speaker else MIN_OTHER_REWORDED_WORDS):
        return None
    lcs = LCSseq.similarity(short.words, long_.words)
    cov = lcs / ns
    if cov >= REWORDED_COVERAGE:
        sb = _bigrams(short)
        bi = len(sb & _bigrams(long_)) / len(sb) if sb else 0.0
        # a rewording that adds or drops a negation says the opposite ("nothing to do with" /
        # "everything to do with")
        if bi >= REWORDED_BIGRAMS and not negations_differ(short.words, long_.words):
            return "reworded", 0.5 + 0.4 * cov * bi
    # a shared run of words is a common subsequence: fewer words in common than a run needs
    # rule it out without looking for one
    if lcs < (OVERLAP_RUN if same_speaker else OVERLAP_RUN_OTHER):
        return None
    return _overlap(long_, short, same_speaker)


def _overlap(long_: Form, short: Form, same_speaker: bool) -> tuple[str, float] | None:
    """Two excerpts of one longer utterance, each with words the other lacks: they share a
    verbatim run of OVERLAP_RUN words (OVERLAP_RUN_OTHER when the speakers differ)."""
    need = OVERLAP_RUN if same_speaker else OVERLAP_RUN_OTHER
    if len(short.words) < need:
        return None
    # a shared run of `need` words holds need - SHINGLE + 1 consecutive shared shingles: the run
    # is looked for in the longer form's text only where the shorter one has those
    shared = _shingles(short) & _shingles(long_)
    if not shared:
        return None
    w = short.words
    marks = bytes(map(shared.__contains__, zip(*(w[k:] for k in range(SHINGLE)), strict=False)))
    streak = b"\x01" * (need - SHINGLE + 1)
    at = marks.find(streak)
    padded = long_.padded
    while at >= 0:
        if " " + " ".join(w[at : at + need]) + " " in padded:
            return "overlaps", 0.45
        at = marks.find(streak, at + 1)
    return None


def _two_sayings(a: Form, b: Form, rel_name: str) -> bool:
    """Whether one article's two quotes linked as a rewording or an overlap are two things their
    speaker said: the shorter brings in a content word the longer lacks (a journalist repeating
    a quote keeps its words or drops a function word), and for an overlap the two are not two
    excerpts of one text (the end of one is the start of the other). Across articles they still
    join."""
    long_, short = (a, b) if len(a.words) >= len(b.words) else (b, a)
    if not new_content(short.words, long_.words):
        return False
    return rel_name != "overlaps" or not excerpts(a.words, b.words, OVERLAP_RUN)


def cluster_quotes(
    digests: Sequence[ArticleDigest],
    group_of: dict[str, str],
    actors: ActorResult,
    decider: Decider,
) -> tuple[list[QuoteCluster], int]:
    items: list[Item] = []
    forms: list[Form] = []
    form_of: dict[tuple[str | None, tuple[str, ...]], int] = {}
    parsed: list[tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]] = []
    resolve = actors.resolver.resolve
    for d in digests:
        aid = d.article.id
        speakers: dict[str | None, str | None] = {}  # an article's quotes repeat their speakers
        for q in d.quotes:
            name = q.speaker
            if name in speakers:
                spk = speakers[name]
            else:
                spk = resolve(aid, name)
                if spk is None and name and name.strip():
                    spk = "name:" + " ".join(WORD.findall(fast_fold(name)))
                speakers[name] = spk
            segs, words, lang = _text_keys(q.text)
            if lang is None:
                lang = d.article.language
            items.append(Item(len(items), aid, q, spk, lang))
            parsed.append((segs, words))
    # the rules read one speaker where outlets spell one person two ways (quote_speakers)
    names = {a.id: a.name for a in actors.actors}
    label: dict[str, str] = {}
    for it in items:
        if it.speaker is not None and it.speaker not in label:
            label[it.speaker] = names.get(it.speaker) or it.quote.speaker or ""
    alias = family_aliases(items, label)
    for it, (segs, words) in zip(items, parsed, strict=True):
        spk = it.speaker
        if alias and spk is not None:
            spk = alias.get(spk, spk)
        key = (spk, words)
        fi = form_of.get(key)
        if fi is None:
            fi = form_of[key] = len(forms)
            padded = " " + " ".join(words) + " "
            forms.append(Form(fi, spk, words, segs, padded, -1, it.lang, None, [], it.quote.text))
        forms[fi].items.append(it.idx)
        it.form = fi

    # candidate form pairs: shared word shingles, fragments against their speaker's forms,
    # and cross-language pairs of one speaker
    cand = set(block_pairs([_shingles(f) for f in forms]))
    by_speaker: dict[str, list[int]] = {}
    for f in forms:
        if f.speaker is not None:
            by_speaker.setdefault(f.speaker, []).append(f.idx)
    for fl in by_speaker.values():
        fl = fl[:MAX_SPEAKER_FORMS]
        short = [i for i in fl if len(forms[i].words) < SHINGLE]
        for i in short:
            cand.update((min(i, j), max(i, j)) for j in fl if j != i)
        by_lang: dict[str, list[int]] = {}
        for i in fl:
            lang = forms[i].lang
            if lang:
                by_lang.setdefault(lang, []).append(i)
        langs = sorted(by_lang)
        for x, la in enumerate(langs):
            for lb in langs[x + 1 :]:
                cand.update((min(i, j), max(i, j)) for i in by_lang[la] for j in by_lang[lb])
    if len({f.lang for f in forms if f.lang}) > 1:  # and across speakers, by shared words
        cand.update(xlang_pairs(forms))

    links: list[tuple[float, int, int, int, str]] = []
    related: set[tuple[int, int]] = set()
    across: list[tuple[int, int]] = []  # form pairs in two languages
    named = {a.id for a in actors.actors if not a.anonymous}

    def link(
        pairs: list[tuple[int, int]], unrelated: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Relate the pairs, add those in two languages left unrelated to `unrelated`, and
        return the linked ones of 8+ words that quote_speakers.read_links reads."""
        out = []
        for i, j in pairs:
            a, b = forms[i], forms[j]
            rel = relate(a, b)
            if rel is None:
                if a.lang and b.lang and a.lang != b.lang:
                    unrelated.append((i, j))
                continue
            links.append((-rel[1], _RANK[rel[0]], i, j, rel[0]))
            if rel[0] not in ("reworded", "overlaps") or not _two_sayings(a, b, rel[0]):
                related.add((i, j))
                if min(len(a.words), len(b.words)) >= MIN_OTHER_REWORDED_WORDS:
                    out.append((i, j))  # a sentence, not a phrase anyone may say
        return out

    # a role or unnamed speaker whose quote joins a named speaker's quote in another article is
    # that speaker in its article: its other quotes (a fragment) are weighed again against theirs
    joined = link(sorted(cand), across)
    changed = read_links(items, forms, joined, named) if joined else []
    if changed:
        # the pairs of one speaker now, not related yet (those left unrelated in two languages
        # are no further translation candidates)
        again = {
            (min(i, j), max(i, j))
            for i in changed
            for j in by_speaker.get(forms[i].speaker or "", ())[:MAX_SPEAKER_FORMS]
            if j != i and forms[j].speaker == forms[i].speaker
        }
        link(sorted(again - related), [])

    def ask(i: int, j: int, lean: bool, hint: str, weight: float) -> None:
        ia, ib = items[forms[i].items[0]], items[forms[j].items[0]]
        question = Question(
            "quote",
            {"text": ia.quote.text, "lang": forms[i].lang, "speaker": ia.quote.speaker},
            {"text": ib.quote.text, "lang": forms[j].lang, "speaker": ib.quote.speaker},
            lean=lean,
            hint=hint,
        )
        if decider.ask(question, ref(ia.article, ia.quote.id), ref(ib.article, ib.quote.id)).same:
            links.append((weight, _RANK["translated"], i, j, "translated"))
            related.add((i, j))
            took.append((i, j))

    took: list[tuple[int, int]] = []
    asked = set()
    for i, j, lean, hint in translations(forms, score_pairs(forms, across)):
        asked.add((i, j))
        ask(i, j, lean, hint, -0.7)
    # a role or unnamed speaker a translation tied to a named one is that speaker in its
    # article: the pairs that now have one speaker on both sides are weighed again
    if took and read_links(items, forms, took, named):
        for i, j, lean, hint in translations(forms, score_pairs(forms, across)):
            if (i, j) not in asked:
                ask(i, j, lean, hint, -0.7)
    # then a speaker's one quote left unmatched in each of two articles (quote_align)
    for i, j, hint in leftover_pairs(items, forms, related):
        ask(i, j, True, hint, -0.6)

    def listed(big: int, small: int, rel_name: str) -> bool:
        # a quotation kept apart from an utterance it holds is listed in its cluster too: for an
        # utterance, not a fragment, and only by a quotation holding more than a rewording of it
        if rel_name not in ("contains", "overlaps", "reworded"):
            return False
        longer = len(forms[big].words) - len(forms[small].words) >= MIN_NULL_SPEAKER_WORDS
        return _says_enough(forms[small], True) and (rel_name != "reworded" or longer)

    links.sort()
    uf, vetoed, spans = union_quotes(
        items, forms, links, related, lambda fi: _says_enough(forms[fi], True), listed
    )
    extra = extra_listings(items, uf, spans, related)
    clusters = _build(items, forms, uf, vetoed, extra, actors, names, group_of)
    return clusters, len(cand)


def _variant_relation(canon: Form, f: Form) -> tuple[QuoteRelation, float]:
    if f.idx == canon.idx or f.words == canon.words:
        return QuoteRelation.identical, 1.0
    if canon.lang and f.lang and canon.lang != f.lang:
        return QuoteRelation.translated, 0.0
    lcs = LCSseq.similarity(f.words, canon.words)
    sim = lcs / max(1, len(f.words), len(canon.words))
    if contains(canon, f):
        return QuoteRelation.contained, sim
    if contains(f, canon):
        return QuoteRelation.contains, sim
    if lcs >= OVERLAP_RUN and _overlap(
        *((canon, f) if len(canon.words) >= len(f.words) else (f, canon)), True
    ):
        return QuoteRelation.overlaps, sim
    return QuoteRelation.reworded, sim


def _single(it: Item, cid: str, related: list[str], names: dict[str, str]) -> QuoteCluster:
    """The cluster of one quote: what _build makes of a group of one, without the tallies."""
    sid = it.speaker
    speaker_actor = sid if sid in names else None
    if sid is None:
        speaker = None
    elif speaker_actor is not None:
        speaker = names[sid]
    else:
        speaker = it.quote.speaker
    variant = _new_variant(
        {
            "article": it.article,
            "quote": it.quote,
            "relation": QuoteRelation.canonical,
            "similarity": 1.0,
            "language": it.lang,
            "speaker_actor": speaker_actor,
        }
    )
    return _new_cluster(
        {
            "id": cid,
            "speaker": speaker,
            "speaker_actor": speaker_actor,
            "canonical": it.quote.text,
            "canonical_from": ref(it.article, it.quote.id),
            "relations": [QuoteRelation.canonical],
            "support": support1(it.article),
            "variants": [variant],
            "related": related,
            "disagreements": [],
        }
    )


def _build(
    items: list[Item],
    forms: list[Form],
    uf: UnionFind,
    vetoed: list[tuple[int, int]],
    extra_at: dict[int, list[int]],
    actors: ActorResult,
    names: dict[str, str],
    group_of: dict[str, str],
) -> list[QuoteCluster]:
    anonymous = {a.id for a in actors.actors if a.anonymous}
    groups = uf.groups()
    cid_of: dict[int, str] = {}
    for g in groups:
        if len(g) == 1:  # most clusters: one quote
            it = items[g[0]]
            cid_of[g[0]] = stable_id1("Q", it.article, it.quote.id)
            continue
        cid = stable_id("Q", ((items[i].article, items[i].quote.id) for i in g))
        for i in g:
            cid_of[i] = cid
    rel_links: dict[str, set[str]] = {}
    for i, j in vetoed:
        ci, cj = cid_of[i], cid_of[j]
        if ci != cj:
            rel_links.setdefault(ci, set()).add(cj)
            rel_links.setdefault(cj, set()).add(ci)
    # a long quotation holding two utterances that one article reports separately joins one of
    # their clusters; it is also listed (as 'contains') in the other (quote_union.extra_listings)
    extra = {cid_of[root]: [items[c] for c in got] for root, got in extra_at.items()}
    out: list[QuoteCluster] = []
    for g in groups:
        if len(g) == 1 and cid_of[g[0]] not in extra:
            it = items[g[0]]
            out.append(_single(it, cid_of[g[0]], sorted(rel_links.get(cid_of[g[0]], ())), names))
            continue
        core = [items[i] for i in g]
        in_core = set(g)
        members = core + extra.get(cid_of[g[0]], [])
        langs: dict[str | None, int] = {}
        for m in members:
            langs[m.lang] = langs.get(m.lang, 0) + 1
        main_lang = min(langs, key=lambda x: (-langs[x], x is None, x or ""))
        pool = [m for m in core if m.lang == main_lang or m.lang is None or main_lang is None]
        # canonical: most words; ties: more characters, more quotes with its words, then smallest ref
        canon_item = min(
            pool,
            key=lambda m: (
                -len(forms[m.form].words),
                -len(m.quote.text),
                -len(forms[m.form].items),
                m.article,
                item_key(m.quote.id),
            ),
        )
        canon = forms[canon_item.form]
        sid, disagreements = cluster_speaker(core, names, anonymous, group_of)
        if sid is None:
            speaker = None
        elif sid in names:
            speaker = names[sid]
        else:
            speaker = next(m.quote.speaker for m in members if m.speaker == sid)
        variants = []
        labels: set[QuoteRelation] = set()
        # each distinct form's relation to the canonical one, worked out once (copies share one)
        rel_of: dict[int, tuple[QuoteRelation, float]] = {}
        for m in sorted(members, key=lambda m: (m.article, item_key(m.quote.id))):
            if m is canon_item:
                rel, sim = QuoteRelation.canonical, 1.0
            else:
                got = rel_of.get(m.form)
                if got is None:
                    rel, sim = _variant_relation(canon, forms[m.form])
                    got = rel_of[m.form] = (rel, round(sim, 4))
                rel, sim = got
                if m.idx not in in_core and rel in (QuoteRelation.reworded, QuoteRelation.overlaps):
                    # a longer quotation listed here too: it holds (a rewording of) the utterance
                    held = LCSseq.similarity(canon.words, forms[m.form].words)
                    if held >= REWORDED_COVERAGE * len(canon.words):
                        rel = QuoteRelation.contains
            labels.add(rel)
            variants.append(
                _new_variant(
                    {
                        "article": m.article,
                        "quote": m.quote,
                        "relation": rel,
                        "similarity": sim,
                        "language": m.lang,
                        "speaker_actor": m.speaker if m.speaker in names else None,
                    }
                )
            )
        cid = cid_of[g[0]]
        out.append(
            _new_cluster(
                {
                    "id": cid,
                    "speaker": speaker,
                    "speaker_actor": sid if sid in names else None,
                    "canonical": canon_item.quote.text,
                    "canonical_from": ref(canon_item.article, canon_item.quote.id),
                    "relations": sorted(labels, key=_RELATION_ORDER.__getitem__),
                    "support": support((m.article for m in members), group_of),
                    "variants": variants,
                    "related": sorted(rel_links.get(cid, ())),
                    "disagreements": disagreements,
                }
            )
        )
    out.sort(key=lambda c: (-c.support.sources, -c.support.pages, c.speaker or "\uffff", c.id))
    return out
