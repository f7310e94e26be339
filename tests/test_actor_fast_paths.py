"""The faster paths of the actor stage give exactly what the plain forms they replace give.

Each is compared with the straightforward form it stands for, on invented sentences and on seeded
random strings built from the characters the code cares about (marks, dots, apostrophes, digits,
spaces and line breaks, accented and Arabic letters).
"""

from __future__ import annotations

import random
import re

import pytest

from schemas import ActorType
from service.extract import actor_mentions, actor_rules, names

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


def _plain_context_type(text: str, m: actor_mentions.Mention) -> ActorType | None:
    """actor_rules._context_type as first written: whole splits, a helper per quote-mark test."""

    def marked(x: str) -> bool:
        return "“" in x or "”" in x or '"' in x

    after = text[m.end : m.end + 30].lower().split()
    before = text[max(0, m.start - 40) : m.start].lower().split()
    before = [x for x in before[-3:] if not marked(x)] if before else before
    after = after[:2]
    if after and marked(after[0]):
        after = []
    return actor_rules.type_from_context(before, after)


CONTEXT_PIECES = [
    "Name", " ", "  ", "\n", "“", "”", '"', "'", ".", ",", "of", "town", "city", "militia", "rebels",
    "province", "state", "said", "the", "village", "’",
]  # fmt: skip


def test_context_type_agrees_with_the_plain_form() -> None:
    rng = random.Random(7)
    kinds: set[ActorType | None] = set()
    for _ in range(3000):
        text = "".join(rng.choice(CONTEXT_PIECES) for _ in range(rng.randint(0, 30)))
        for at in [i for i in range(len(text)) if text.startswith("Name", i)]:
            m = actor_mentions.Mention(at, at + 4, "Name", "Name")
            want = _plain_context_type(text, m)
            assert actor_rules._context_type(text, m) == want, text
            kinds.add(want)
    assert kinds == {None, ActorType.group, ActorType.location}  # every answer was asked for


def test_honorific_test_agrees_with_the_plain_search() -> None:
    rng = random.Random(9)
    pieces = ["Mr", "Mrs", "Dr", "Srta", "Prof", "Frau", "Herr", ".", " ", "X", "s", "N", "\n"]
    hits = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        for at in range(len(text) + 1):
            plain = actor_rules._HONORIFIC.search(text, max(0, at - 8), at) is not None
            assert actor_rules._honorific_before(text, at) == plain, (text, at)
            hits += plain
    assert hits > 200
