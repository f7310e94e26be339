"""The quote finder's fast paths give what the plain ways give: the mark scan that leaves out
apostrophes inside words, and the word list cut short for a long quotation."""

from __future__ import annotations

import random

import pytest

from service.extract import quote_marks, quotes

# marks of every kind, letters, digits, the underscore, spaces and a CJK character
MARK_PIECES = [*quote_marks._MARKS, "a", "É", "5", "_", " ", "\n", "-", "x", "字", "'", "’"]


def _texts(pieces: list[str], n: int, seed: int, most: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


def test_the_mark_scan_skips_exactly_the_apostrophes_inside_a_word() -> None:
    def plain(text: str) -> list[int]:
        return [
            i
            for i, c in enumerate(text)
            if c in quote_marks._MARKS
            and not (c in "'’" and text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum())
        ]

    texts = _texts(MARK_PIECES, 6000, seed=41, most=16)
    texts += ["it's", "Trump’s ’x x’", "'a'", "a''b", "’’", "ſ’ſ", "٣'٣"]
    left_out = 0
    for text in texts:
        found = [m.start() for m in quote_marks._MARK_TOKEN_RE.finditer(text)]
        assert found == plain(text), text
        left_out += len([m for m in quote_marks.MARK_RE.finditer(text)]) - len(found)
    assert left_out > 100


# words, joiners and marks for quotations short and long
QUOTE_WORDS = ["We", "will", "win", "The", "Garage", "of", "state-run", "it’s", "字字", "5", ","]


def _articles(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        paras = []
        for _ in range(rng.randint(1, 4)):
            quote = " ".join(rng.choice(QUOTE_WORDS) for _ in range(rng.randint(1, 40)))
            lead = rng.choice(["She said", "the so-called", "He called it a", "Critics, on"])
            tail = rng.choice([", he said.", ".", " on Tuesday.", ", so Lang."])
            mark = rng.choice([("“", "”"), ('"', '"'), ("‘", "’"), ("«", "»")])
            paras.append(f"{lead} {mark[0]}{quote}{mark[1]}{tail}")
        out.append("\n\n".join(paras))
    return out


def test_a_long_quotations_first_words_judge_it_as_all_its_words_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    texts = _articles(400, seed=43)
    fast = [quotes.find_quotes(t) for t in texts]
    long = sum(1 for t in texts for s in quotes.find_quotes(t) if s.end - s.start > quotes._HEAD)
    monkeypatch.setattr(quotes, "_words", lambda t, a, b: quote_marks.WORD_RE.findall(t, a, b))
    assert [quotes.find_quotes(t) for t in texts] == fast
    assert long > 100


def test_the_cut_word_list_keeps_the_first_words_and_a_count_above_eight() -> None:
    for text in _texts([*QUOTE_WORDS, " ", "-", "'"], 3000, seed=47, most=60):
        every = quote_marks.WORD_RE.findall(text)
        got = quotes._words(text, 0, len(text))
        if len(every) <= quotes._MOST_WEIGHED + 1:
            assert got == every, text
        else:
            assert len(got) > quotes._MOST_WEIGHED + 1
            assert got[: quotes._MOST_WEIGHED + 1] == every[: quotes._MOST_WEIGHED + 1], text
