"""The role finders' early exits give what the full tests gave: _title_before turns down a
mention with no comma after it before looking its token up, and _descriptor one with no 'he '
in the 60 characters before it before scanning for spaces. Compared on invented sentences and
seeded random soups of the characters the tests care about."""

from __future__ import annotations

import random

from service.extract import actor_roles
from service.extract.actor_mentions import Mention
from service.extract.cues_intl import role_before
from service.extract.names import Doc
from tests.test_s22_h1_actor_scans import plain_descriptor

NAME = "Rosa Mendel"
PIECES = [
    "The ", "the ", "La ", "Chancellor", "chancellor", "maire ", "de ", "Lyon", ", ", ",", " ",
    "said", ".", "\n", "spokesman ", "former ", "Mayor ", "“", "of ", "he ", "she ",
]  # fmt: skip


def _plain_title_before(d: Doc, m: Mention) -> str | None:
    """actor_roles._title_before as it was: the token looked up first, the comma after last."""
    t = d.tok_at(m.start)
    if t < 2 or d.words[t - 1] != "," or not d.text.startswith(",", m.end):
        return None
    lo = t - 1
    while lo > 0 and not d.sent_start[lo] and t - lo < 20:
        lo -= 1
    return role_before(d, t - 1, lo)


def _texts(n: int, seed: int) -> list[tuple[str, Mention]]:
    rng = random.Random(seed)
    out = [
        ("The Chancellor, Rosa Mendel, said so.", 16),
        ("La maire de Lyon, Rosa Mendel, a dit.", 18),
        ("Rosa Mendel, the mayor, said.", 0),
        ("He met Rosa Mendel said", 7),
    ]
    texts = [(t, at) for t, at in out]
    for _ in range(n):
        before = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 12)))
        before += rng.choice(["", ", ", ",", " "])  # a comma before the name, often
        after = rng.choice(["", ",", ", ", " "])
        after += "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
        texts.append((before + NAME + after, len(before)))
    return [(t, Mention(at, at + len(NAME), NAME, NAME)) for t, at in texts]


def test_title_before_comma_exit_matches_the_full_test() -> None:
    found = 0
    for text, m in _texts(3000, seed=23):
        d = Doc(text)
        got = actor_roles._title_before(d, m)
        assert got == _plain_title_before(d, m), text
        found += got is not None
    assert found > 20  # the soup does hold titles before a comma


def test_descriptor_he_exit_matches_the_full_search() -> None:
    found = 0
    for text, m in _texts(3000, seed=5):
        want = plain_descriptor(text, m)
        assert actor_roles._descriptor(Doc(text), m) == want, text
        found += want is not None
    assert found > 20
