"""Quote finder: one invented case per hard case, the dev corpus against gold, and properties."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from service.extract.quotes import QuoteSpan, find_quotes, quoted_regions

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "dev-corpus"


def rows(text: str) -> list[tuple[str, str, int, bool]]:
    return [(text[s.start : s.end], s.kind, s.depth, s.continues) for s in find_quotes(text)]


# Each case: invented text, then every quotation expected as (text, kind, depth, continues).
CASES: dict[str, tuple[str, list[tuple[str, str, int, bool]]]] = {
    "straight double, direct and partial": (
        'The mayor said: "We have cleared the roads." She called the storm "a once-in-a-decade event".',
        [
            ("We have cleared the roads.", "direct", 0, False),
            ("a once-in-a-decade event", "partial", 0, False),
        ],
    ),
    "curly double with comma inside the marks": (
        "“The bridge stays shut until Monday,” the engineer told reporters.",
        [("The bridge stays shut until Monday,", "direct", 0, False)],
    ),
    "curly single as a headline standfirst": (
        "‘We are not finished yet,’ says the coach\nThe coach spoke after the defeat.",
        [("We are not finished yet,", "direct", 0, False)],
    ),
    "daily-mail straight singles with apostrophes inside": (
        "The manager said he was 'tired of it all' after the match. 'It's the club's decision and "
        "the players' union won't change it,' he said. 'I'm sure of that.'",
        [
            ("tired of it all", "partial", 0, False),
            (
                "It's the club's decision and the players' union won't change it,",
                "direct",
                0,
                False,
            ),
            ("I'm sure of that.", "direct", 0, False),
        ],
    ),
    "french guillemets with inner spaces": (
        "Le ministre a déclaré : « Nous ne reculerons pas. » Il juge la loi « indispensable ».",
        [
            ("Nous ne reculerons pas.", "direct", 0, False),
            ("indispensable", "partial", 0, False),
        ],
    ),
    "french guillemets with no-break spaces and a comma outside": (
        "«\u00a0Nous agirons vite\u00a0», a promis la maire.",
        [("Nous agirons vite", "direct", 0, False)],
    ),
    "german low-high marks with a nested single": (
        "„Das ist ‚völlig unklar‘ geblieben“, sagte der Sprecher.",
        [
            ("Das ist ‚völlig unklar‘ geblieben", "direct", 0, False),
            ("völlig unklar", "partial", 1, False),
        ],
    ),
    "german reversed guillemets": (
        "Die Ministerin erklärte: »Wir prüfen jeden Hinweis.« Sie nannte das »keine leichte Aufgabe«.",
        [
            ("Wir prüfen jeden Hinweis.", "direct", 0, False),
            ("keine leichte Aufgabe", "partial", 0, False),
        ],
    ),
    "spanish guillemets and según": (
        "«No vamos a ceder», dijo el presidente. Según el ministro, el plan es «urgente y necesario».",
        [
            ("No vamos a ceder", "direct", 0, False),
            ("urgente y necesario", "partial", 0, False),
        ],
    ),
    "single guillemets": (
        "Il a parlé d’une ‹ erreur grave et coûteuse ›, selon le journal.",
        [("erreur grave et coûteuse", "partial", 0, False)],
    ),
    "opening typed as a closing mark": (
        "The striker said ”I gave everything today and I am proud of the lads,” after the whistle.",
        [("I gave everything today and I am proud of the lads,", "direct", 0, False)],
    ),
    "straight open with a curly close": (
        'She said the fund is "ready to support every family in need,” officials confirmed.',
        [("ready to support every family in need,", "partial", 0, False)],
    ),
    "multi-paragraph with the opening-mark convention": (
        "The chairman wrote: “The first half of the year was hard for everyone.\n\n"
        "“The second half will be better, I promise you.”\n\nShares rose.",
        [
            ("The first half of the year was hard for everyone.", "direct", 0, False),
            ("The second half will be better, I promise you.", "direct", 0, True),
        ],
    ),
    "multi-paragraph convention interrupted by a link line": (
        "“The plan has three stages and we are in the first one.\n\nREAD MORE\n\n"
        "“The second stage begins in spring,” the director said.",
        [
            ("The plan has three stages and we are in the first one.", "direct", 0, False),
            ("The second stage begins in spring,", "direct", 0, True),
        ],
    ),
    "quotation running on through a paragraph break without a mark": (
        'The letter read: "We have reviewed every complaint with care.\n\n'
        'Our conclusion is that the rules were followed." The board agreed.',
        [
            (
                "We have reviewed every complaint with care.\n\n"
                "Our conclusion is that the rules were followed.",
                "direct",
                0,
                False,
            )
        ],
    ),
    "hard-wrapped wire copy": (
        "“This line was wrapped\nby the wire service and\nkeeps going to the end,” he said.",
        [
            (
                "This line was wrapped\nby the wire service and\nkeeps going to the end,",
                "direct",
                0,
                False,
            )
        ],
    ),
    "cut off at the end with a truncation marker": (
        "The statement said: “The company will continue to invest in the region and [...]",
        [("The company will continue to invest in the region and", "direct", 0, False)],
    ),
    "cut off at the end with an ellipsis": (
        "The club added that the coach “remains fully committed to the project and to …",
        [("remains fully committed to the project and to", "partial", 0, False)],
    ),
    "a bracketed cut mid-text ends the quotation there": (
        "He said: “We will see what the board decides [...]\n\nIn other news, rain.",
        [("We will see what the board decides", "direct", 0, False)],
    ),
    "a bare ellipsis at a paragraph end does not stop a continuation": (
        "He said: “We will see what happens…\n\n“Then we decide,” he added.",
        [("We will see what happens…", "direct", 0, False), ("Then we decide,", "direct", 0, True)],
    ),
    "nested single inside double": (
        "“Then I thought, ‘That’s it, we have lost the game’ and I sat down,” the keeper said.",
        [
            (
                "Then I thought, ‘That’s it, we have lost the game’ and I sat down,",
                "direct",
                0,
                False,
            ),
            ("That’s it, we have lost the game", "direct", 1, False),
        ],
    ),
    "nested double inside daily-mail single": (
        "'He told me \"get out now\" and shut the door,' the tenant said.",
        [
            ('He told me "get out now" and shut the door,', "direct", 0, False),
            ("get out now", "partial", 1, False),
        ],
    ),
    "repeated quotation in standfirst and body": (
        "‘We will rebuild the school,’ minister says\nThe minister said: “We will rebuild the school,” "
        "at the site.",
        [
            ("We will rebuild the school,", "direct", 0, False),
            ("We will rebuild the school,", "direct", 0, False),
        ],
    ),
    "quoted names, titles and nicknames are not quotes": (
        'A militia called "Red Dawn Brigade." claimed it. The film "Night Harbour" opened and '
        "General Sam “Hawk” Ortiz attended.",
        [],
    ),
    "short scare quote without a cue is not a quote": (
        'The storm was a real "beast" for the town.',
        [],
    ),
    "short single-quoted scare word in a double-quoting paper": (
        "“We expected a quiet winter and got the opposite,” the farmer said. "
        "According to the report, it was a big 'hit' for growers.",
        [("We expected a quiet winter and got the opposite,", "direct", 0, False)],
    ),
    "one-word partial quote with a cue counts": (
        "The minister described the talks as “productive.”",
        [("productive.", "partial", 0, False)],
    ),
    "stray apostrophes open nothing": (
        "The envoy met Abu Jamal' al-Harbi and Mohammed Ali’ al-Tamimi in the '90s, then played "
        "rock 'n' roll until 11 o'clock with the players' band.",
        [],
    ),
    "possessive plural inside a single-quoted quotation": (
        "'The fans' patience is running out fast,' the chairman admitted.",
        [("The fans' patience is running out fast,", "direct", 0, False)],
    ),
    "attribution splitting one direct sentence": (
        "“We will,” he said, “win the league this year.”",
        [("We will,", "direct", 0, False), ("win the league this year.", "direct", 0, False)],
    ),
    "partial quote starting with a proper noun after a preposition": (
        "He described the plan as “Europe's last best chance for peace” on Sunday.",
        [("Europe's last best chance for peace", "partial", 0, False)],
    ),
    "short direct quotes set off by attribution": (
        "“Never,” she said. He replied: “Perhaps.”",
        [("Never,", "direct", 0, False), ("Perhaps.", "direct", 0, False)],
    ),
    "swedish closing marks on both sides": (
        "Han sa: ”Vi ska vinna matchen.” Sedan gick han.",
        [("Vi ska vinna matchen.", "direct", 0, False)],
    ),
    "german one-word noun after an article": (
        "Die Opposition sprach von einem „Wahlkampfmanöver“.",
        [("Wahlkampfmanöver", "partial", 0, False)],
    ),
    "french continuation paragraph opened with a closing guillemet": (
        "« Le premier paragraphe de la lettre continue.\n\n» Le second se termine ici. », a écrit le juge.",
        [
            ("Le premier paragraphe de la lettre continue.", "direct", 0, False),
            ("Le second se termine ici.", "direct", 0, True),
        ],
    ),
    "chinese corner brackets": (
        "发言人表示：「我们坚决反对任何形式的干涉。」",
        [("我们坚决反对任何形式的干涉。", "direct", 0, False)],
    ),
    "possessive inside a single-quoted quotation that runs to the next paragraph": (
        "He said: 'We know the supporters' mood is low and we share it.\n\n"
        "'We will put it right,' he said.",
        [
            ("We know the supporters' mood is low and we share it.", "direct", 0, False),
            ("We will put it right,", "direct", 0, True),
        ],
    ),
    "same-family nesting with straight marks": (
        '"He said "no" to me twice," she said.',
        [('He said "no" to me twice,', "direct", 0, False), ("no", "partial", 1, False)],
    ),
    "stray opening apostrophe before a real single quote": (
        "Fighters of the 'Asa'ib group, he said, were 'ready to fight'.",
        [("ready to fight", "partial", 0, False)],
    ),
    "unclosed stray mark at the end of the text is not a quote": (
        "He called it “a mess. Then he said “we go” and left.",
        [("we go", "partial", 0, False)],
    ),
    "no marks at all": ("Nothing quoted here, only the club's news.", []),
    "a programme owned by a channel is no quote even with a speech verb after it": (
        'Speaking on Channel 9\'s "Harbour Tonight," Marta Lindqvist said the port "will reopen '
        'in May." In an appearance on "Dock Talk," she added that the cranes were old.',
        [("will reopen in May.", "partial", 0, False)],
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hard_case(name: str) -> None:
    text, expected = CASES[name]
    assert rows(text) == expected


def test_marks_parents_and_flags_are_recorded() -> None:
    text = (
        "The coach said: “We trained well. I told them, ‘Keep going’ and they did.\n\n"
        "“Tomorrow is another day,” he added."
    )
    spans = find_quotes(text)
    first, inner, second = spans
    assert (text[first.open_mark], first.close_mark) == ("“", None)
    assert (inner.depth, inner.parent, text[inner.open_mark], text[inner.close_mark]) == (
        1,
        0,
        "‘",
        "’",
    )
    assert (second.continues, second.parent, text[second.close_mark]) == (True, None, "”")
    assert quoted_regions(spans) == [(s.start, s.end) for s in spans]


def test_through_paragraph_span_is_flagged() -> None:
    text = 'She wrote: "One paragraph of the memo ends here.\n\nThe next one closes it." Done.'
    (span,) = find_quotes(text)
    assert span.crosses_paragraphs and "\n\n" in text[span.start : span.end]
    assert text[span.close_mark] == '"'


def test_quote_spans_are_frozen_values() -> None:
    span = QuoteSpan(0, 1, "direct")
    with pytest.raises(AttributeError):
        span.start = 2  # type: ignore[misc]


def _load_scorer():
    spec = importlib.util.spec_from_file_location(
        "score_quotes", ROOT / "scripts" / "score_quotes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("score_quotes", module)  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS.exists(), reason="dev corpus not present at ../shared/dev-corpus")
def test_dev_corpus_against_gold() -> None:
    score = _load_scorer().score_corpus(CORPUS)
    op, orr, of1 = score.overlap()
    ep, er, ef1 = score.exact()
    assert score.gold > 0
    assert op >= 0.95 and orr >= 0.95, (op, orr, score.misses)
    assert ef1 >= 0.9, (ep, er, score.misses)
    assert score.kind_ok >= 0.9 * score.kind_total, score.misses


def test_overlap_rule_of_the_scorer() -> None:
    overlaps = _load_scorer().overlaps
    assert overlaps((0, 10), (5, 30))  # shares 5 of the shorter 10
    assert not overlaps((0, 10), (6, 30))
    assert not overlaps((0, 10), (10, 20))


_PIECES = st.sampled_from(
    [
        "word",
        "Name",
        " ",
        " ",
        "\n",
        "\n\n",
        ",",
        ".",
        ":",
        "it's",
        "players'",
        "'90s",
        "[...]",
        "…",
        *list("\"“”„‟«»‹›'‘’‚「」"),
        "said",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=60).map("".join))
def test_spans_are_well_formed(text: str) -> None:
    spans = find_quotes(text)
    assert spans == sorted(spans, key=lambda s: (s.start, -s.end))
    for i, s in enumerate(spans):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.start < s.end
        if "\n" in text[s.start : s.end]:
            assert s.crosses_paragraphs
        assert (s.depth == 0) == (s.parent is None)
        if s.parent is not None:
            assert s.parent < i
            outer = spans[s.parent]
            assert outer.start <= s.start and s.end <= outer.end
        for mark in (s.open_mark, s.close_mark):
            assert mark is None or text[mark] in "\"“”„‟«»‹›'‘’‚「」"
