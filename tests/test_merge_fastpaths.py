"""The merger's fast paths give what the plain forms give: the action-type scan, the date
agreement check, and the collector left as the caller had it."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
import random
import re

import pytest

from schemas import ArticleDigest
from service.merge import event_features as ef
from service.merge.event_build import _chain, _nested

TEXTS = [
    "Rebels attacked the base on Monday, killing three soldiers and wounding 12 others.",
    "The minister resigned; her deputy was appointed to take over until the vote.",
    "Talks between the two leaders ended without a ceasefire, officials said.",
    "Protesters rallied outside parliament and called for the mayor to step down.",
    "Deal will retire next year, the company announced; a successor has been named.",
    "He won't resign, he said. The airstrike, a drone strike, was shot down.",
    "Un attentat a tué deux personnes; le ministre a démissionné après la réunion.",
    "Bei dem Angriff wurden drei Menschen getötet, die Polizei hat zwei festgenommen.",
    "x-ray pre-attack anti-vote: co-founder met, metal meeting, re-elected, die-hard dies",
    "",
]


def _words() -> list[str]:
    return sorted({w for t in TEXTS for w in t.lower().replace(",", " ").split()})


@pytest.mark.parametrize("text", TEXTS)
def test_type_scan_finds_what_the_whole_pattern_finds(text: str) -> None:
    low = text.lower()
    want = [(m.start(), m.end(), m.lastgroup) for m in ef._type_pattern().finditer(low)]
    got = [(m.start(), m.end(), m.lastgroup) for m in ef._type_matches(low)]
    assert got == want


def test_type_scan_on_shuffled_word_soup() -> None:
    words = _words()
    rng = random.Random(3)
    found = 0
    for _ in range(300):
        low = " ".join(rng.choice(words) for _ in range(12))
        want = [(m.start(), m.end(), m.lastgroup) for m in ef._type_pattern().finditer(low)]
        assert [(m.start(), m.end(), m.lastgroup) for m in ef._type_matches(low)] == want
        found += len(want)
    assert found > 100  # the soup does hold type words


# The plain forms the fast scans replace: one pattern for figures and number words, capitals
# found with their look-behinds first, suffixes stripped in a loop.
_PLAIN_NUMBER = re.compile(
    r"(?<![\w.,:/-])(\d{1,3}(?:,\d{3})+|\d+)(?![\w%:/-]|[.,]\d)|\b("
    + "|".join(sorted(ef._NUMBER_WORDS, key=len, reverse=True))
    + r")\b"
)
_PLAIN_NAME = re.compile(r"(?<![.!?:\"]\s)(?<!^)\b[A-Z][\w'-]+")
_SOUP_EXTRA = [
    "3", "12", "31", "1,500", "2,50", "2024", "12.5", "3:30", "10%", "7-8", "a/7", "x1", "_3",
    "five", "Two", "twenty-two", "İstanbul", "O'Neil", "'", "-", ".", '"', ",", ":", "March",
    "Jan", "boats", "Ships", "the", "killed", "kissing", "flies", "thing", "stopped", "fizzes",
]  # fmt: skip


def _plain_candidates(low: str) -> set[tuple[int, int]]:
    out = set()
    for m in _PLAIN_NUMBER.finditer(low):
        if m.group(1) is not None:
            n = int(m.group(1).replace(",", ""))
            if 1900 <= n <= 2099 and "," not in m.group(1):
                continue
            before = ef.WORD.findall(low, max(0, m.start() - 12), m.start())
            if n <= 31 and before and before[-1] in ef._MONTHS_AND_DAYS:
                continue
        else:
            n = ef._NUMBER_WORDS[m.group(2)]
        out.add((n, m.end()))
    return out


def _plain_stem(word: str) -> str:
    if word.isdigit() or len(word) <= 4:
        return word
    for suffix, repl in (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            word = word[: -len(suffix)] + repl
            break
    if re.search(r"([b-df-hj-np-tv-z])\1$", word) and not word.endswith(("ll", "ss", "zz")):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word[:6]


def test_number_names_and_stem_scans_give_what_the_plain_forms_give() -> None:
    rng = random.Random(11)
    pool = _words() + [w.strip(".;") for t in TEXTS for w in t.split()] + _SOUP_EXTRA
    texts = list(TEXTS) + [" ".join(rng.choice(pool) for _ in range(14)) for _ in range(400)]
    found = {"numbers": 0, "names": 0}
    for text in texts:
        low = text.lower()
        words = set(ef.WORD.findall(low))
        got = set(ef._number_candidates(low, words))
        assert got == _plain_candidates(low), text
        want = [m.group(0) for m in _PLAIN_NAME.finditer(text)]
        assert [m.group(0) for m in ef._NAME.finditer(text, 1)] == want, text
        found["numbers"] += len(got)
        found["names"] += len(want)
        for w in words:
            assert ef.event_stem(w) == _plain_stem(w), w
    assert min(found.values()) > 100  # the soup does hold figures and names
    for w in ("stopped", "quizzed", "ladies", "flies", "thing", "kissing", "passes", "bevelled"):
        assert ef.event_stem(w) == _plain_stem(w), w


def _iv(a: int, b: int) -> tuple[dt.date, dt.date]:
    base = dt.date(2024, 1, 1)
    return base + dt.timedelta(days=a), base + dt.timedelta(days=b)


def test_date_chain_agrees_with_every_pair_nested() -> None:
    spans = [_iv(a, b) for a in range(0, 40, 3) for b in range(a, 40, 7)]
    rng = random.Random(5)
    seen = {True: 0, False: 0}
    for n in (1, 2, 3, 4, 6):
        for _ in range(200):
            ivs = [rng.choice(spans) for _ in range(n)]
            want = all(_nested(a, b) for a, b in itertools.product(ivs, ivs))
            assert _chain(list(ivs)) == want, ivs
            seen[want] += 1
    assert seen[True] > 50 and seen[False] > 50
    assert _chain([_iv(0, 30), None]) is False


def test_a_big_merge_leaves_the_collector_on_and_its_objects_frozen(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import sys

    from service.api import resolve_engine
    from service.merge import merge_stories
    from tests.stories_set import all_articles

    eng = resolve_engine("rules")
    digests = [eng.digest(a) for a in all_articles()[:3]]
    monkeypatch.setattr(sys.modules["service.merge"], "FREEZE_AT", 2)
    was = gc.isenabled()
    gc.enable()
    try:
        gc.unfreeze()
        merge_stories(digests)
        assert gc.isenabled()
        assert gc.get_freeze_count() > 0
        gc.unfreeze()
        gc.disable()
        merge_stories(digests)
        assert not gc.isenabled()  # the caller's choice stays
        assert gc.get_freeze_count() == 0  # nothing frozen behind a caller's back then
    finally:
        gc.unfreeze()
        if was:
            gc.enable()
        else:
            gc.disable()


def test_a_story_of_one_article_compiles_no_action_type_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from service.api import resolve_engine
    from service.merge import merge, merge_stories
    from tests.stories_set import all_articles

    eng = resolve_engine("rules")
    digests = [eng.digest(a) for a in all_articles()[:2]]
    assert all(d.events for d in digests)
    monkeypatch.setattr(ef, "_TYPE_BY_HEAD", {})
    story = merge_stories(digests[:1])[0]
    assert story.events and ef._TYPE_BY_HEAD == {}  # no type scan for a story of one
    merge(digests)
    assert ef._TYPE_BY_HEAD  # two articles' events are compared, types and all


# Fast paths added for the merge cost (issue #9): each against its plain form.

_FOLD_TEXTS = [
    *TEXTS,
    "It's `quoted` -- and \"double\" 'single' ALL CAPS",
    "Curly ‘single’ “double” — dash … ellipsis, Café Zürich",
    "plain ascii, nothing to fold",
]


def test_folds_give_the_translate_path_on_ascii_and_other_text() -> None:
    from service.merge import common

    for text in _FOLD_TEXTS:
        plain = text.translate(common._FOLD).lower().replace("…", "...")
        if not plain.isascii():
            plain = "".join(
                ch
                for ch in common.unicodedata.normalize("NFKD", plain)
                if not common.unicodedata.combining(ch)
            )
        assert common.fast_fold.__wrapped__(text) == plain, text
        kept = text.translate(str.maketrans(dict(common.MARK_SWAPS)))
        if not kept.isascii():
            kept = ef._COMBINING.sub("", common.unicodedata.normalize("NFKD", kept))
        assert ef._fold_keep_case(text) == kept, text


def test_guess_language_scans_only_the_non_ascii_letters_the_same() -> None:
    from service.merge.common import SCRIPTS, guess_language

    def plain_script(text: str) -> dict[str, int]:
        counts: dict[str, int] = {}
        for ch in text:
            if ch.isalpha() and not ch.isascii():
                for code, lo, hi in SCRIPTS:
                    if lo <= ch <= hi:
                        counts[code] = counts.get(code, 0) + 1
                        break
        return counts

    texts = [
        "Не будет никакого перемирия, said the officer",
        "“We will not leave,” the minister said on Sunday.",
        "وقال المتحدث إن الهجوم was over",
        "Die Regierung hat das nicht gesagt und ist mit der Lage zufrieden",
    ]
    assert [guess_language(t) for t in texts] == ["ru", "en", "ar", "de"]
    assert plain_script(texts[0])["ru"] > 10 and plain_script(texts[1]) == {}


def test_spelled_out_constructors_build_what_pydantic_builds() -> None:
    from schemas.story import MemberRef, StoryEvent, Support
    from service.merge.common import construct, ref, stable_id, stable_id1, support, support1

    assert ref("a1", "e2") == MemberRef(article="a1", item="e2")
    assert ref("a1", "e2").model_fields_set == {"article", "item"}
    assert support1("a1") == Support(articles=["a1"], pages=1, sources=1)
    groups = {"a": "g1", "b": "g1", "c": "g2"}
    assert support(["c", "a", "b", "a"], groups) == Support(
        articles=["a", "b", "c"], pages=3, sources=2
    )
    assert stable_id1("E", "a1", "e2") == stable_id("E", [("a1", "e2")])
    # a call in another field order is reordered; one leaving a field out falls back
    fields = dict(
        id="E-1",
        summary="s",
        summary_from=ref("a", "e1"),
        date=None,
        location=None,
        participants=[],
        participant_ids=[],
        support=support1("a"),
        members=[],
        disagreements=[],
    )
    want = StoryEvent.model_construct(**fields)
    got = construct(StoryEvent, **dict(reversed(list(fields.items()))))
    assert got == want and list(got.__dict__) == list(want.__dict__)
    assert got.model_dump_json() == want.model_dump_json()


def test_term_and_stem_tables_give_the_plain_functions() -> None:
    from service.merge import stories

    words = _words() + ["cats", "glass", "12", "2024", "ab", "says", "buses", "news", "attacks"]
    for w in words:
        stories._TERMS.pop(w, None)
        assert stories._TERMS[w] == stories._term(w), w
        ef._STEMS.pop(w, None)
        counts = (len(w) > 2 or w.isdigit()) and w not in ef._SKIP_STEMS
        assert ef._STEMS[w] == (ef.event_stem(w) if counts else None), w
    low = " ".join(words)
    ws = set(ef.WORD.findall(low))
    plain = frozenset(
        map(ef.event_stem, [w for w in ws - ef._SKIP_STEMS if len(w) > 2 or w.isdigit()])
    )
    assert ef._stems(ws) == plain and "attack" in plain


_EVENT_TEXTS = [
    *TEXTS,
    "Stan Deal's team said O'Brien's men and Σοφία's ΑΣ'β unit, Mr. X and A'b left, five ONE two",
    "Officials said Kevin Strike would meet the envoy; a strike followed, Strike's aides said.",
    "Twenty-two ſix 2,500 troops, ELEVEN U.S. soldiers and one of them; 1,000s of people",
]


def _one_shot(
    text: str, names: frozenset[str]
) -> tuple[str | None, frozenset[str], frozenset[int], frozenset[str], frozenset[str]]:
    """(lead, types, numbers, stems, name words) of an event text in one plain pass, the reading
    that read_texts(), actions() and name_words() split up: every text scanned with the whole type
    pattern, its words as a set stemmed by _plain_stem, names found by _PLAIN_NAME."""
    kept, low = ef._folded(text)
    lead, types = None, set()
    for m in ef._type_pattern().finditer(low):
        word = ef.WORD.match(low, m.start())
        if kept[m.start()].isupper() and word is not None and word.group(0) in names:
            continue  # a participant's name, not an action
        if m.lastgroup:
            types.add(m.lastgroup)
            lead = lead or m.lastgroup
    words = set(ef.WORD.findall(low))
    stems = {_plain_stem(w) for w in words - ef._SKIP_STEMS if len(w) > 2 or w.isdigit()}
    found = {m.group(0).lower().split("'")[0] for m in _PLAIN_NAME.finditer(kept)}
    return (
        lead,
        frozenset(types),
        ef._numbers(kept, low, words),
        frozenset(stems),
        frozenset(w for w in found - ef._SKIP_STEMS if len(w) > 1),
    )


def test_read_texts_actions_and_names_give_the_one_shot_reading() -> None:
    rng = random.Random(17)
    pool = [w.strip(".;") for t in _EVENT_TEXTS for w in t.split()] + _SOUP_EXTRA
    texts = _EVENT_TEXTS + [" ".join(rng.choice(pool) for _ in range(14)) for _ in range(300)]
    names = frozenset({"deal", "stan", "eleven", "strike"})
    found = {"types": 0, "numbers": 0, "names": 0, "skipped": 0}
    for text, got in zip(texts, ef.read_texts(texts), strict=True):
        lead, types, numbers, stems, name_words = _one_shot(text, names)
        assert ef.actions(got, names) == (lead, types), text
        assert (got.numbers, got.stems, ef.name_words(got)) == (numbers, stems, name_words), text
        assert ef.text_stems(text) == stems, text
        found["types"] += len(types)
        found["numbers"] += len(numbers)
        found["names"] += len(name_words)
        found["skipped"] += _one_shot(text, frozenset())[1] != types  # a name taken for no action
    assert min(found.values()) > 0, found


def test_count_pattern_finds_what_the_plain_pattern_finds() -> None:
    from service.merge import event_build as ev

    plain = re.compile(
        r"\b(\d[\d,]*|" + "|".join(ev._NUMBER_WORDS) + r")\s+((?:[\w.'-]+\s+){0,2}?)([a-z]{3,})\b",
        re.IGNORECASE,
    )
    for text in _EVENT_TEXTS:
        want = [(m.span(), m.groups()) for m in plain.finditer(text)]
        assert [(m.span(), m.groups()) for m in ev._COUNT.finditer(text)] == want, text
    assert ev.counts(_EVENT_TEXTS[-1])["troop"] == "2500"


def _rules_digests() -> list[ArticleDigest]:
    from service.api import resolve_engine
    from tests.stories_set import all_articles

    eng = resolve_engine("rules")
    return [eng.digest(a) for a in all_articles()]


def test_a_story_of_one_article_gives_what_pair_scoring_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """cluster_events takes a story of one article straight to one event per event; the general
    path (items, IDF, pair scores, union-find) gives the same story, candidate pairs included."""
    import json
    import sys

    from service.merge import events as ev
    from service.merge import merge

    digests = [d for d in _rules_digests() if d.events]
    fast = [merge([d]).model_dump_json() for d in digests]

    def general(ds, group_of, actors, decider):  # type: ignore[no-untyped-def]
        events = [(d.article.id, e) for d in ds for e in d.events]
        return ev._clusters(events, group_of, actors, decider)

    monkeypatch.setattr(sys.modules["service.merge"], "cluster_events", general)
    assert [merge([d]).model_dump_json() for d in digests] == fast
    pairs = [json.loads(s)["provenance"]["candidate_pairs"]["events"] for s in fast]
    assert len(digests) > 5 and sum(pairs) > 0


# Two invented reports of one walkout whose events share no participant and no place, only a
# name word ("Quillan"): the pair scores in the grey zone (anchored by that name alone), so the
# name-word path is read for a pair the score bound keeps.
_WALKOUT = [
    (
        "Dock strike stops grain loading",
        "Loading of grain stopped on Tuesday after dock workers walked out over the Quillan pay"
        " offer, union leaders said.\n\n"
        '"We have waited two years for a fair offer," said union organiser Petra Hollis.\n',
    ),
    (
        "Grain ships idle as dockers strike",
        "On Tuesday dock workers turned down the Quillan pay offer and walked out, leaving ships"
        " idle.\n\n"
        'Petra Hollis, who organises the union, said: "We have waited two years for a fair'
        ' offer."\n',
    ),
]


def _names_only_pair() -> list[ArticleDigest]:
    from schemas import Article
    from service.api import resolve_engine

    eng = resolve_engine("rules")
    outlets = ["Coast Herald", "Harbour Wire"]
    return [
        eng.digest(
            Article(
                id=f"walkout-{i}",
                title=t,
                outlet=o,
                published=dt.date(2025, 4, 1),
                text=f"{t}\n\n{b}",
            )
        )
        for i, ((t, b), o) in enumerate(zip(_WALKOUT, outlets, strict=True))
    ]


def test_features_read_when_a_pair_needs_them_score_as_read_up_front(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pair_score reads an event's date signature, action types and name words when a pair first
    needs them; copies with all of them read beforehand score the same."""
    import dataclasses

    from service.merge import events as ev
    from service.merge import merge_stories

    real = ev.pair_score
    seen = {"scored": 0, "names_unread": 0, "anchored_by_names": 0}

    def checked(a: ev.Item, b: ev.Item, idf: ev._Idf) -> object:
        eager = []
        for it in (a, b):
            c = dataclasses.replace(it)
            c.date = ef.date_sig(c.event.date, c.event.date_text)
            c.lead, c.types = ef.actions(c.read, c.name_tokens)
            c.names = ef.name_words(c.read)
            eager.append(c)
        got = real(a, b, idf)
        assert got == real(eager[0], eager[1], idf)
        seen["scored"] += got is not None
        seen["names_unread"] += got is not None and a.names is None
        if got is not None and not (a.participants & b.participants or a.place & b.place):
            seen["anchored_by_names"] += bool(a.names and a.names & (b.names or set()))
        return got

    monkeypatch.setattr(ev, "pair_score", checked)
    merge_stories(_rules_digests() + _names_only_pair())
    assert seen["scored"] > 10 and min(seen.values()) > 0, seen


def test_event_blocking_keys_give_the_plain_ranks(monkeypatch: pytest.MonkeyPatch) -> None:
    """_candidates' keys (rank and participant tables built in C) against the plain definition:
    each shared stem's rank in (df, stem) order from 1, each participant a negative number."""
    from collections import Counter

    from service.merge import events

    monkeypatch.setattr(events, "block_pairs", lambda keys, *args, **kwargs: keys)
    rng = random.Random(3)
    vocab = [f"w{i}" for i in range(400)]
    for _ in range(60):
        n = rng.randint(1, 30)
        stems = [frozenset(rng.sample(vocab[: rng.randint(10, 400)], 8)) for _ in range(n)]
        parts = [
            frozenset(f"p{rng.randint(0, 9)}" for _ in range(rng.randint(0, 3))) for _ in range(n)
        ]
        df = Counter(itertools.chain.from_iterable(stems))
        shared = sorted((c, s) for s, c in df.items() if c > 1)
        rank = {s: r for r, (_, s) in enumerate(shared, 1)}
        pkey = {p: -i for i, p in enumerate(dict.fromkeys(itertools.chain.from_iterable(parts)), 1)}
        want = [
            [*sorted(rank[s] for s in st if s in rank)[: events.RARE_KEYS], *(pkey[p] for p in ps)]
            for st, ps in zip(stems, parts, strict=True)
        ]
        assert events._candidates(stems, parts, df) == want
