"""The faster paths of the actor stage give exactly what the plain forms they replace give.

Each is compared with the straightforward form it stands for, on invented sentences and on seeded
random strings built from the characters the code cares about (marks, dots, apostrophes, digits,
spaces and line breaks, accented and Arabic letters).
"""

from __future__ import annotations

import random
import re

import pytest

from service.extract import actor_mentions, names

# the plain tokeniser: one Match per token
PLAIN_TOKENS = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[^\W\d_](?:[\w\u0300-\u036f\u064b-\u065f\u0670]+|[’'.\-](?=[^\W_]))*"
    r"|\d(?:[\d,.:]*\d)?(?:-[^\W\d_]+)*"
    r"|\S"
)

SENTENCES = [
    "",
    "   ",
    "Maj. Gen. Pat Ryder said the U.S. envoy met al-Sudani’s aide O'Neill.\n\n  “We won't,” he said.",
    "Jürgen Müller, 56-year-old CEO of Acme Corp., paid $1,200.50 at 10:30 on 3.4.2024 —\tthen left…",
    "قال المتحدث الرسمي إنّ الوزارة ستعلن ذلك.\r\nSt. Brigid's Hospital in Dublin; Dr.Hale _x_ e.g. A.B.C.",
]
PIECES = [
    "a", "Ab", "U", ".", "'", "’", "-", "1", ",", ":", " ", "  ", "\n", "\t", "\u00a0", "é",
    "e\u0301", "_", "“", "”", "ّ", "ب", "Mr", "Gen", "s", "—",
]  # fmt: skip


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24))) for _ in range(n)]


def _plain_tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """The plain scan's tokens, a title abbreviation's dot folded into it ('Gen.')."""
    out: list[tuple[int, int, str]] = []
    for m in PLAIN_TOKENS.finditer(text):
        if (
            m.group() == "."
            and out
            and out[-1][1] == m.start()
            and out[-1][2][0].isupper()
            and names.low(out[-1][2]) in names.ABBREVIATIONS
        ):
            out[-1] = (out[-1][0], m.end(), out[-1][2] + ".")
        else:
            out.append((m.start(), m.end(), m.group()))
    return [x[0] for x in out], [x[1] for x in out], [x[2] for x in out]


@pytest.mark.parametrize("text", SENTENCES)
def test_doc_tokens_are_the_plain_scan_tokens(text: str) -> None:
    d = names.Doc(text)
    assert (d.starts, d.ends, d.words) == _plain_tokens(text)


def test_doc_tokens_match_the_plain_scan_on_random_text() -> None:
    texts = _random_texts(500, seed=11)
    for text in texts:
        d = names.Doc(text)
        assert (d.starts, d.ends, d.words) == _plain_tokens(text), text
    # the soup does hold tokens, and titles whose dot folds in
    assert sum(len(names.Doc(t).words) for t in texts) > 2000
    assert any(w in ("Mr.", "Gen.") for t in texts for w in names.Doc(t).words)


LOWER_PIECES = [
    "ab", "well", "-", "’", "'", "known", " ", "X", "é", "1", "_", "s", ".", "the", "re", "\n", "a",
]  # fmt: skip


def test_lower_word_look_up_agrees_with_the_whole_text_set() -> None:
    rng = random.Random(5)
    asked = found = 0
    for _ in range(600):
        text = "".join(rng.choice(LOWER_PIECES) for _ in range(rng.randint(0, 20)))
        whole = set(actor_mentions._LOWER_WORD.findall(text))  # the plain form
        # every word the set holds, every piece of them, and words the text only nearly holds
        queries = {w[a:b] for w in whole for a in range(len(w)) for b in range(a + 1, len(w) + 1)}
        queries |= {"well", "known", "well-known", "ab-", "re's", "i", "", "Ab"}
        for q in queries:
            got = actor_mentions.is_lower_word(text, q)
            assert got == (q in whole), (text, q)
            asked += 1
            found += got
    assert asked > 5000 and found > 300  # the soup holds many words and even more non-words
