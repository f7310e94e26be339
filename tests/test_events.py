"""Offline event extraction and the extractive summary, on small invented articles and the seeds."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from schemas import Actor, ActorType, Event, Span
from service.extract.events import MAX_EVENTS, extract_events, quoted_mask
from service.extract.summary import clean_sentence, split_sentences, summarise_text
from service.ground import mentions

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS = ROOT.parent / "shared" / "dev-corpus"


def make_actor(text: str, i: int, name: str, type_: ActorType, *aliases: str) -> Actor:
    spans: set[Span] = set()
    for n in (name, *aliases):
        spans.update(Span(start=s, end=e, text=text[s:e]) for s, e in mentions(n, text))
    return Actor(
        id=f"a{i}",
        name=name,
        type=type_,
        aliases=list(aliases),
        mentions=sorted(spans, key=lambda sp: sp.start),
    )


STORM = (
    "PORTO VERDE, Lusitania - A storm flooded the harbour town of Porto Verde on Sunday, "
    "the mayor said.\n\n"
    "Mayor Ana Ruiz told reporters that 40 homes were damaged.\n\n"
    "“We have never seen water this high,” she said.\n\n"
    "A day later, rescue teams from Brava reached the coast.\n\n"
    "The town was founded in 1820.\n"
)


def storm_actors() -> list[Actor]:
    return [
        make_actor(STORM, 1, "Ana Ruiz", ActorType.person, "Mayor Ana Ruiz", "Ruiz"),
        make_actor(STORM, 2, "Porto Verde", ActorType.location),
        make_actor(STORM, 3, "Brava", ActorType.location),
    ]


def span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start=start, end=start + len(sentence), text=sentence)


def test_events_whole_output() -> None:
    events = extract_events(STORM, dt.date(2024, 3, 12), storm_actors(), title="Storm floods town")
    lead = "PORTO VERDE, Lusitania - A storm flooded the harbour town of Porto Verde on Sunday, the mayor said."
    later = "A day later, rescue teams from Brava reached the coast."
    assert events == [
        Event(
            id="e1",
            summary="A storm flooded the harbour town of Porto Verde on Sunday, the mayor said.",
            date="2024-03-10",
            date_text="Sunday",
            location="Porto Verde",
            participants=["Porto Verde"],
            evidence=[span(STORM, lead)],
        ),
        Event(
            id="e2",
            summary="Mayor Ana Ruiz told reporters that 40 homes were damaged.",
            participants=["Ana Ruiz"],
            evidence=[span(STORM, "Mayor Ana Ruiz told reporters that 40 homes were damaged.")],
        ),
        Event(
            # "a day later" counts from the Sunday before it; a place named after "from" is an origin
            id="e3",
            summary=later,
            date="2024-03-11",
            date_text="A day later",
            location=None,
            participants=["Brava"],
            evidence=[span(STORM, later)],
        ),
    ]


def test_without_publication_date_relative_dates_are_null() -> None:
    events = extract_events(STORM, None, storm_actors())
    assert [(e.id, e.date, e.date_text) for e in events] == [
        ("e1", None, "Sunday"),
        ("e2", None, None),
        ("e3", None, "A day later"),
    ]


def test_standfirst_repeating_the_body_is_one_event() -> None:
    text = (
        "Rebels seized the northern town of Kalto on Friday, the army said.\n"
        "General Omar Bell said rebels seized the northern town of Kalto on Friday after heavy fighting.\n"
        "Aid convoys reached the city of Sera in Noria on Saturday, officials said.\n"
    )
    actors = [
        make_actor(text, 1, "Omar Bell", ActorType.person, "General Omar Bell"),
        make_actor(text, 2, "Kalto", ActorType.location),
    ]
    events = extract_events(text, dt.date(2024, 5, 6), actors)
    assert [(e.id, e.date, e.location, e.participants) for e in events] == [
        ("e1", "2024-05-03", "Kalto", ["Kalto"]),
        ("e2", "2024-05-04", "Noria", []),
    ]
    assert (
        events[1].summary
        == "Aid convoys reached the city of Sera in Noria on Saturday, officials said."
    )


def test_speech_and_history_are_not_events() -> None:
    text = (
        "Health minister Lea Voss opened a new hospital in Dorn on Tuesday.\n"
        "“This is a great day for everyone who lives in this valley and beyond,” she said.\n"
        "The old clinic was built in 1962.\n"
        "You can read the full speech here.\n"
    )
    actors = [make_actor(text, 1, "Lea Voss", ActorType.person, "Health minister Lea Voss")]
    events = extract_events(text, dt.date(2024, 5, 8), actors)
    assert [(e.summary, e.date, e.location) for e in events] == [
        (
            "Health minister Lea Voss opened a new hospital in Dorn on Tuesday.",
            "2024-05-07",
            "Dorn",
        ),
    ]


FIRST = [
    "Arlo",
    "Bea",
    "Cyd",
    "Dov",
    "Eli",
    "Fay",
    "Gus",
    "Hal",
    "Ida",
    "Jon",
    "Kit",
    "Lou",
    "Max",
    "Ned",
    "Ola",
    "Pia",
    "Rex",
    "Sol",
    "Tam",
    "Uma",
    "Vic",
    "Wes",
    "Yan",
    "Zed",
    "Abe",
    "Bo",
    "Cal",
    "Dee",
    "Eve",
    "Fin",
]
LAST = [
    "Quill",
    "Rook",
    "Sable",
    "Thorn",
    "Umber",
    "Vale",
    "Wren",
    "Yarrow",
    "Zinn",
    "Ashby",
    "Brack",
    "Corr",
    "Dunn",
    "Ewart",
    "Fenn",
    "Gale",
    "Hume",
    "Irwin",
    "Jarl",
    "Kell",
    "Lorne",
    "Moss",
    "Nash",
    "Orme",
    "Pryce",
    "Quade",
    "Rusk",
    "Sterne",
    "Tobin",
    "Ure",
]
VERBS = ["opened", "closed", "inspected", "sold", "bought", "renamed", "repaired"]
NOUNS = ["bridge", "museum", "harbour", "factory", "school", "stadium", "library", "station"]


def test_events_are_bounded_and_in_text_order() -> None:
    lines = [
        f"{FIRST[i]} {LAST[i]} {VERBS[i % 7]} the {NOUNS[i % 8]} of Town{i} on Monday."
        for i in range(30)
    ]
    text = "\n".join(lines)
    actors = [make_actor(text, i, f"{FIRST[i]} {LAST[i]}", ActorType.person) for i in range(30)]
    events = extract_events(text, dt.date(2024, 5, 8), actors)
    assert len(events) == MAX_EVENTS
    assert [e.id for e in events] == [f"e{i}" for i in range(1, MAX_EVENTS + 1)]
    starts = [e.evidence[0].start for e in events]
    assert starts == sorted(starts)
    assert all(e.summary == e.evidence[0].text and e.date == "2024-05-06" for e in events)


def test_undated_lead_takes_the_publication_date() -> None:
    text = "The central bank has raised its main interest rate to 5 percent.\nMarkets fell.\n"
    events = extract_events(text, dt.date(2024, 5, 8), [])
    assert [(e.id, e.date, e.date_text) for e in events] == [("e1", "2024-05-08", None)]


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_evidence_offsets_are_exact(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    events = extract_events(text, dt.date(2024, 4, 24), [])
    assert 1 <= len(events) <= MAX_EVENTS
    for e in events:
        (ev,) = e.evidence
        assert text[ev.start : ev.end] == ev.text
        assert "\n" not in e.summary


@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present at ../shared/dev-corpus")
def test_dev_corpus_evidence_offsets_are_exact() -> None:
    for path in sorted((CORPUS / "articles").glob("*.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        pub = dt.date.fromisoformat(art["published"]) if art.get("published") else None
        for e in extract_events(art["text"], pub, [], title=art.get("title")):
            for ev in e.evidence:
                assert art["text"][ev.start : ev.end] == ev.text, (path.name, e.id)


def test_split_sentences_keeps_abbreviations_and_offsets() -> None:
    text = (
        "Maj. Gen. Pat Ryder spoke in the U.S. Senate on Jan. 5. He left.\n“Go,” he said. It ended!"
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Maj. Gen. Pat Ryder spoke in the U.S. Senate on Jan. 5.",
        "He left.",
        "“Go,” he said.",
        "It ended!",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]


def test_quoted_mask_handles_closing_marks_typed_as_openers_and_continued_paragraphs() -> None:
    text = "He said ”we go now” today.\nthe rest of it,” he added."
    mask = quoted_mask(text)
    inside = "".join(c for c, m in zip(text, mask, strict=True) if m)
    assert inside == "we go nowthe rest of it,"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ERBIL, Kurdistan Region - The talks ended.", "The talks ended."),
        ("WASHINGTON — The president spoke.", "The president spoke."),
        ("LONDON (Reuters) - Prices rose.", "Prices rose."),
        ("Friday, January 26, 2024 – Klopp left.", "Klopp left."),
        ("Meanwhile, officials  met\nagain.", "Officials met again."),
        ("The U.S. - Iraq talks ended.", "The U.S. - Iraq talks ended."),
    ],
)
def test_clean_sentence(raw: str, clean: str) -> None:
    assert clean_sentence(raw) == clean


def test_summary_skips_furniture_and_headline() -> None:
    text = (
        "Storm floods harbour town\n"
        "A+ A-\n"
        "By Maria Costa\n"
        "PORTO VERDE — A storm flooded the harbour town on Sunday, the mayor said.\n"
        "Forty homes were damaged and two roads were closed.\n"
        "Rescue teams arrived later.\n"
    )
    assert summarise_text(text, "Storm floods harbour town") == (
        "A storm flooded the harbour town on Sunday, the mayor said. "
        "Forty homes were damaged and two roads were closed."
    )


def test_summary_skips_pull_quote_and_respects_max_chars() -> None:
    text = (
        "‘We will rebuild every house,’ the mayor says\n"
        "The mayor of Porto Verde promised on Monday to rebuild every house destroyed by the storm.\n"
        "She spoke at the town hall.\n"
    )
    assert summarise_text(text) == (
        "The mayor of Porto Verde promised on Monday to rebuild every house destroyed by the storm. "
        "She spoke at the town hall."
    )
    short = summarise_text(text, max_chars=40)
    assert short == "The mayor of Porto Verde promised on…"
    assert len(short) <= 40
