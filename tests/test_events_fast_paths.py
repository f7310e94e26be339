"""The event stage's shortcuts give what the plain code gives.

* Events are built without pydantic's validation when their values are of their declared types by
  construction; each is compared with the event validation builds from the same values.
* A date goes that way only when the event's date check passes it (`is_partial_date`), unchanged.
* The actors are keyed by name on first look-up (`event_places.ActorKeys`), as the eager table keyed them.
* `content_words` of a sentence that is ASCII once its common marks are spaces splits it in C; the
  words are those of the NFKD fold and the \\w{2,} regex.

Articles are invented; PolNeAR train texts are used too where ../shared/polnear is here (skipped,
saying so, where it is absent).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from schemas import Actor, ActorType, Article, Event
from schemas.digest import is_partial_date
from service.extract import event_places, events
from service.extract.actors import extract_actors
from service.extract.quotes import find_quotes
from service.normalise import name_key
from tests.conftest import POLNEAR as SHARED_POLNEAR

POLNEAR = SHARED_POLNEAR / "train"

TEXT = (
    "BRIDGETON — The Marrow Bay council voted on Tuesday to rebuild the old harbour wall in "
    "Bridgeton, after storms damaged it last week.\n\n"
    "Mayor Ilse Varn said the work would start in May 2024 and cost 4 million crowns.\n\n"
    "Opponents led by Tomas Reed filed an appeal at the Northport court on 3 April 2024.\n\n"
    "A day later the court refused to hear it, and the council signed the contract."
)


def _events(text: str, published: dt.date | None, title: str | None = None) -> list[Event]:
    actors = extract_actors(text, find_quotes(text, title=title), title=title)
    return events.extract_events(text, published, actors, title=title)


def _check(event: Event) -> None:
    """The event equals, field by field and type by type, the one validation builds."""
    values: dict[str, Any] = dict(event.__dict__)
    values["evidence"] = [s.model_dump() for s in event.evidence]
    validated = Event.model_validate(values)
    assert list(event.__dict__) == list(validated.__dict__)
    for name, got in event.__dict__.items():
        want = validated.__dict__[name]
        assert type(got) is type(want) and got == want, name
    for got, want in zip(event.evidence, validated.evidence, strict=True):
        assert got.__dict__ == want.__dict__ and type(got) is type(want)
        assert got.model_fields_set == want.model_fields_set
    assert event.model_fields_set == validated.model_fields_set
    assert event.__pydantic_extra__ == validated.__pydantic_extra__
    assert event.__pydantic_private__ == validated.__pydantic_private__
    assert event.model_dump_json() == validated.model_dump_json()


def test_unvalidated_events_are_what_validation_builds() -> None:
    found = _events(TEXT, dt.date(2024, 4, 9), title="Council backs the harbour wall")
    assert len(found) >= 3  # the text has dated, placed events to build
    assert any(e.date for e in found) and any(e.location for e in found)
    for e in found:
        _check(e)
    for e in _events(TEXT, None):  # relative dates unresolved: events with no date
        _check(e)


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/polnear (PolNeAR) is not here")
def test_unvalidated_events_are_what_validation_builds_on_real_texts() -> None:
    from service.ingest.files import load_articles

    seen = 0
    for f in sorted((POLNEAR / "articles").glob("*.json"))[:60]:
        for a in load_articles(f):
            for e in _events(a.text, a.published, a.title):
                assert e.date is None or is_partial_date(e.date)
                _check(e)
                seen += 1
    assert seen > 100


_DIGITS = st.text(alphabet="0123456789٣", min_size=0, max_size=4)


@given(st.lists(_DIGITS, min_size=1, max_size=3), st.sampled_from(["", "\n", "x"]))
def test_a_partial_date_is_one_the_event_check_passes_unchanged(
    parts: list[str], tail: str
) -> None:
    value = "-".join(parts) + tail
    if is_partial_date(value):
        assert Event(id="e1", summary="s", date=value).date == value
    else:
        with pytest.raises(ValidationError):
            Event(id="e1", summary="s", date=value)


@given(st.lists(st.sampled_from(["Bridgeton", "bridgeton", "Marrow Bay", "Ilse Varn", "Varn"])))
def test_actor_keys_found_on_demand_are_the_eager_table_s(names: list[str]) -> None:
    actors = [
        Actor(id="a1", name="Marrow Bay", type=ActorType.organization, aliases=["Bridgeton"]),
        Actor(id="a2", name="Bridgeton", type=ActorType.location),
        Actor(id="a3", name="Ilse Varn", type=ActorType.person, aliases=["Varn"]),
    ]
    eager: dict[str, Actor] = {}
    for actor in actors:
        for n in (actor.name, *actor.aliases):
            eager.setdefault(name_key(n), actor)
    keys = event_places.ActorKeys(actors)
    for n in [*names, "Nobody"]:
        assert keys.get(n) is eager.get(name_key(n))


def test_an_article_without_events_builds_none() -> None:
    article = Article(id="x", text="Short.")
    assert _events(article.text, None) == []


_LINE_CHARS = st.sampled_from([*"ab .!?…:\"”’'\t\u00a0\u2003-", "word", "Heading"])


@given(st.lists(_LINE_CHARS, max_size=40).map("".join))
def test_a_heading_is_what_the_end_punctuation_pattern_said(line: str) -> None:
    import re

    from service.extract import summary

    s = line.strip()
    plain = len(s.split()) < 12 and not re.search(r"[.!?…:\"”’']\s*$", s)
    assert summary._is_heading(line) == plain


def test_sentences_are_built_as_the_named_tuple_builds_them() -> None:
    from service.extract.summary import Sentence, split_sentences

    got = split_sentences(TEXT)
    assert len(got) >= 4
    for s in got:
        assert type(s) is Sentence
        assert s == Sentence(
            s.start, s.end, TEXT[s.start : s.end], s.paragraph, s.index_in_paragraph
        )
        assert s.text == TEXT[s.start : s.end]


# sentences past the lead with neither a date nor an actor (bare), beside dated and named ones
BARE_TEXT = TEXT + (
    "\n\nIt was a long night for everyone involved. Nothing was settled then.\n\n"
    "The weather turned cold and wet. Work stopped for a while.\n\n"
    "On Friday the builders returned. Tomas Reed watched them from the quay."
)


def _plain_and_fast(
    monkeypatch: pytest.MonkeyPatch, text: str, published: dt.date | None, title: str | None
) -> tuple[list[Event], list[Event], int, int]:
    actors = extract_actors(text, find_quotes(text, title=title), title=title)
    scored = [0]
    score = events._score

    def counted(*args: Any) -> float:
        scored[0] += 1
        return score(*args)

    monkeypatch.setattr(events, "_score", counted)
    fast = events.extract_events(text, published, actors, title=title)
    n_fast = scored[0]
    monkeypatch.setattr(events, "_BARE_FROM", 1 << 62)  # every sentence scored in full
    plain = events.extract_events(text, published, actors, title=title)
    return fast, plain, n_fast, scored[0] - n_fast


def test_bare_sentences_dropped_unscored_change_no_event(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, plain, n_fast, n_plain = _plain_and_fast(
        monkeypatch, BARE_TEXT, dt.date(2024, 4, 9), None
    )
    assert [e.model_dump() for e in fast] == [e.model_dump() for e in plain]
    assert len(fast) >= 3
    assert n_fast < n_plain  # the bare sentences were skipped, not scored


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared/polnear (PolNeAR) is not here")
def test_bare_sentences_dropped_unscored_change_no_event_on_real_texts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from service.ingest.files import load_articles

    skipped = 0
    for f in sorted((POLNEAR / "articles").glob("*.json"))[:60]:
        for a in load_articles(f):
            with monkeypatch.context() as m:
                fast, plain, n_fast, n_plain = _plain_and_fast(m, a.text, a.published, a.title)
            assert [e.model_dump() for e in fast] == [e.model_dump() for e in plain], a.id
            skipped += n_plain - n_fast
    assert skipped > 100


def _cand(words: set[str], who: list[str], date: str | None, order: int) -> Any:
    from service.extract.dates import DateMention
    from service.extract.summary import Sentence

    d = DateMention(0, 1, "x", date, "absolute", None) if date else None
    return events._Candidate(Sentence(0, 1, "x", 0, 0), 3.0, d, None, who, words, order)


_SMALL_SETS = st.sets(st.sampled_from("abcdefghij"), max_size=8)


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(_SMALL_SETS, st.lists(st.sampled_from(["P", "Q"]), max_size=2)),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from([None, "2024", "2024-04"]),
)
def test_repeats_is_any_duplicate(
    cands: list[tuple[set[str], list[str]]], date: str | None
) -> None:
    built = [_cand(w, who, date if i % 2 else "2024", i) for i, (w, who) in enumerate(cands)]
    c, kept = built[-1], built[:-1]
    held = events._Kept()
    for k in kept:
        held.add(k)
    assert held.repeats(c) == any(events._duplicate(k, c) for k in kept)


def _content_words_by_regex(text: str) -> set[str]:
    """content_words as the regex over the NFKD fold finds them (the one path it had)."""
    import unicodedata

    folded = events._COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()
    return {w[:6] for w in events._ALNUM_RUN.findall(folded) if w not in events._STOPWORDS}


_WORD_CHARS = st.sampled_from(
    [*"aZ09_ -.,'’“”‘—–…\u00a0\t\n\x1cé\u0301İıſ\u212aΣς²ﬁ", "Harbour", "said", "the", "Varn’s"]
)


@given(st.lists(_WORD_CHARS, max_size=40).map("".join))
def test_content_words_are_the_regex_s(text: str) -> None:
    assert events.content_words(text) == _content_words_by_regex(text)


def test_content_words_are_the_regex_s_on_invented_sentences() -> None:
    for sentence in [*TEXT.split("\n\n"), "The “new” wall—rebuilt … at last", "Café Noël’s 2nd"]:
        assert events.content_words(sentence) == _content_words_by_regex(sentence)
    # the fast path was taken, and it splits at the marks: 'wall' and 'rebuil' are two words
    assert {"wall", "rebuil", "new"} <= events.content_words("The “new” wall—rebuilt … at last")
