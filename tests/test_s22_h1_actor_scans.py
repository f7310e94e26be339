"""The actor stage's bounded scans give what the whole-text scans they replace gave: the
appositive role's stop marks looked for up to the line's end, and the acronym definition looked
for only after names with a parenthesis near them. Compared on invented sentences and seeded
random soups of the characters the scans care about."""

from __future__ import annotations

import random

import pytest

from service.extract import actor_roles, actor_rules
from service.extract.actor_mentions import Mention
from service.extract.names import low

PIECES = [
    "Ana Ruiz", ", ", ",", ".", ";", "\n", "—", "(", ")", " who ", " which ", " who", "which ",
    "the ", "a ", "chief ", "executive ", "spokesman", "minister ", "officer", " ", "x", "’s ",
    "(PMF)", " (AU,", "(Xy.z)", "  ",
]  # fmt: skip


def _plain_appositive_role(text: str, m: Mention) -> str | None:
    """actor_roles._appositive_role as first written: every stop mark searched to the text's end."""
    if not text.startswith(",", m.end):
        return None
    stop = len(text)
    for ch in (",", ".", ";", "\n", "—", "(", " who ", " which "):
        p = text.find(ch, m.end + 1)
        if p != -1:
            stop = min(stop, p)
    phrase = text[m.end + 1 : stop].strip()
    words = phrase.split()
    if not words or len(words) > 14 or words[0][0].isdigit():
        return None
    role_noun = actor_roles._is_role_noun
    if not any(
        role_noun(low(x.strip("’'"))) or x.lower().endswith(("’s", "'s")) and len(words) > 1
        for x in words
    ):
        return None
    if words[0].lower() not in ("a", "an", "the") and not words[0][0].isupper():
        return None
    if words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    role = " ".join(words)
    return role if any(role_noun(low(x.strip("’'"))) for x in words) else None


def _soups(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lead = ["", ", the ", ", a ", ", "]
    return [
        "Ana Ruiz"
        + rng.choice(lead)
        + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        for _ in range(n)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz, the chief executive officer. She said so.",
        "Ana Ruiz, a spokesman which who said\nmore, later",
        "Ana Ruiz, the minister who spoke — then left",
        "Ana Ruiz, the company’s chief (retired)",
        "Ana Ruiz,",
    ],
)
def test_appositive_role_matches_the_whole_text_scan(text: str) -> None:
    m = Mention(0, 8, "Ana Ruiz", "Ana Ruiz")
    assert actor_roles._appositive_role(_doc(text), m) == _plain_appositive_role(text, m)


def _doc(text: str):  # type: ignore[no-untyped-def]
    from service.extract.names import Doc

    return Doc(text)


def test_appositive_role_matches_the_whole_text_scan_on_random_text() -> None:
    found = 0
    for text in _soups(3000, seed=22):
        m = Mention(0, 8, "Ana Ruiz", "Ana Ruiz")
        got = actor_roles._appositive_role(_doc(text), m)
        assert got == _plain_appositive_role(text, m), text
        found += got is not None
    assert found > 50  # the soup does hold appositive roles


def test_acronym_definition_needs_a_parenthesis() -> None:
    """cluster_mentions matches _ACRONYM_AFTER only on the 14 characters after a name holding a
    parenthesis: the match never succeeds on one without."""
    matched = 0
    for text in _soups(1500, seed=5):
        for a in range(len(text)):
            after = text[a : a + 14]
            got = actor_rules._ACRONYM_AFTER.match(after)
            if "(" not in after:
                assert got is None, after
            matched += got is not None
    assert matched > 20


DESCRIPTOR_PIECES = [
    "the ", "The ", "a ", "big ", "airline ", "website ", "x-y ", " ", "  ", "\n", "“", "'", "the",
    "other", "At", ", ", "Bthe ", "monitoring ", "9 ",
]  # fmt: skip


def plain_descriptor(text: str, m: Mention) -> str | None:
    """actor_roles._descriptor by its definition: the descriptor pattern searched over the whole
    60 characters before the mention, no early exit, no space scan."""
    mm = actor_roles._THE_DESCRIPTOR.search(text[max(0, m.start - 60) : m.start])
    if mm and not any(x in actor_roles.STOPWORDS for x in mm.group(1).split()):
        return " ".join(mm.group(1).split())
    return None


def test_descriptor_search_from_the_sixth_space_matches_the_whole_search() -> None:
    rng = random.Random(9)
    found = 0
    for _ in range(4000):
        before = "".join(rng.choice(DESCRIPTOR_PIECES) for _ in range(rng.randint(0, 14)))
        text = before + "SkyGoFly"
        m = Mention(len(before), len(text), "SkyGoFly", "SkyGoFly")
        want = plain_descriptor(text, m)
        assert actor_roles._descriptor(_doc(text), m) == want, before
        found += want is not None
    assert found > 100
