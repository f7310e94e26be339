"""Collective actors for the offline engine: a country's forces, troops, government or armed
groups ('Iraqi forces', 'US troops', 'the government of X'), keyed by country and class."""

from __future__ import annotations

import re

from service.extract.actor_mentions import Mention, in_regions, union
from service.extract.names import (
    DEMONYMS,
    PLACE_ACRONYMS,
    PLACES,
    STOPWORDS,
    Doc,
    low,
    name_key,
)

_COLLECTIVE = re.compile(
    r"\b(?:[Tt]he\s+)?(?P<adj>U\.S\.|US|UK|[A-Z][a-z]+(?:-(?:backed|aligned|linked|led|allied))?)"
    r"(?:\s+[A-Z][a-z]+(?=\s+[a-z]))?(?P<mid>(?:\s+[a-z]+){0,2}?)\s+"
    r"(?P<noun>forces|troops|military|army|soldiers|service members|government|"
    r"militia groups|militias|armed groups|groups|rebels|fighters)\b"
)
_COLLECTIVE_CLASS = {
    "forces": "military",
    "troops": "military",
    "military": "military",
    "army": "military",
    "soldiers": "military",
    "service members": "military",
    "government": "government",
    "militia groups": "groups",
    "militias": "groups",
    "armed groups": "groups",
    "groups": "groups",
    "rebels": "groups",
    "fighters": "groups",
}
# substrings of every noun of _COLLECTIVE ('militias', 'armed groups' and 'militia groups' hold one)
_COLLECTIVE_NOUNS = (
    "forces", "troops", "military", "army", "soldiers", "service members", "government", "groups",
    "militias", "rebels", "fighters",
)  # fmt: skip
# A _COLLECTIVE match consumes only ASCII letters, whitespace, dots and hyphens, so it lies inside
# one stretch free of any other character (a barrier) and holds one of those nouns: only the
# stretches holding one are scanned (see _collective_matches).
_COLLECTIVE_BARRIER = re.compile(r"[^A-Za-z\s.-]")
_GOV_OF = re.compile(
    r"\b(?:[Tt]he\s+)?government of (?:the\s+)?(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
)


def _noun_starts(text: str) -> list[int]:
    """Where each of _COLLECTIVE_NOUNS is written in `text`, in order (one C scan per noun)."""
    out: list[int] = []
    for noun in _COLLECTIVE_NOUNS:
        at = text.find(noun)
        while at != -1:
            out.append(at)
            at = text.find(noun, at + 1)
    out.sort()
    return out


def _collective_matches(text: str) -> list[re.Match[str]]:
    """_COLLECTIVE.finditer(text), scanning only the stretches between two barriers that hold one
    of _COLLECTIVE_NOUNS (every match does). The scan of a stretch starts at its first character
    (\\b sees the character before it, as in a whole-text scan) and may look at the one character
    after it (the final \\b); no match crosses a stretch's ends, so the matches are the same."""
    out: list[re.Match[str]] = []
    rev = ""
    done = 0  # the text before `done` is scanned
    n = len(text)
    for at in _noun_starts(text):
        if at < done:
            continue  # a stretch already scanned
        if not rev:
            rev = text[::-1]
        b = _COLLECTIVE_BARRIER.search(rev, n - at)
        lo = n - b.start() if b else 0  # just after the last barrier before the noun
        e = _COLLECTIVE_BARRIER.search(text, at)
        hi = e.start() if e else n  # the next barrier (the noun holds none)
        out.extend(_COLLECTIVE.finditer(text, max(lo, done), hi + 1))
        done = hi + 1
    return out


def find_collectives(d: Doc, regions: list[tuple[int, int]]) -> list[tuple[str, Mention]]:
    """('country|class' key, mention) for 'Iraqi forces', 'US troops', 'the government of X'."""
    regions = union(regions)
    out: list[tuple[str, Mention]] = []
    for mm in _collective_matches(d.text):
        adj = mm.group("adj")
        base = low(adj.split("-")[0])
        country = (
            DEMONYMS.get(base)
            or PLACE_ACRONYMS.get(base)
            or (adj.split("-")[0] if base in PLACES else None)
        )
        if country is None:
            continue
        mid = mm.group("mid").split()
        if any(x in STOPWORDS or x.endswith(("ed", "ing")) and x not in ("armed",) for x in mid):
            continue
        cls = _COLLECTIVE_CLASS[mm.group("noun")]
        s = mm.start("adj")
        surface = d.text[s : mm.end()]
        quoted = in_regions(s, regions)
        out.append(
            (
                f"{name_key(country)}|{cls}",
                Mention(s, mm.end(), surface, surface, None, quoted, "collective"),
            )
        )
    # every match holds the words 'government of': a text without them is spared the scan
    for mm in _GOV_OF.finditer(d.text) if "government of" in d.text else ():
        place = mm.group("place")
        if name_key(place) not in PLACES:
            continue
        s = mm.start() if not mm.group().lower().startswith("the ") else mm.start() + 4
        surface = d.text[s : mm.end()]
        out.append(
            (
                f"{name_key(place)}|government",
                Mention(s, mm.end(), surface, surface, None, False, "collective"),
            )
        )
    return out
