"""Pronoun agreement: whether "he" or "she" can stand for a person, by first name.

The first-name list (`data/name_gender.json`) is learnt from PolNeAR train by
`scripts/build_name_gender.py` (the gender of the pronouns annotators took as a named person's
Source). A name not in the list, or a pronoun other than he/she, always agrees.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "name_gender.json"
_TITLES = frozenset(["mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "president", "the"])


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    if not DATA.exists():
        return {}
    return {
        str(k): str(v) for k, v in json.loads(DATA.read_text(encoding="utf-8"))["names"].items()
    }


@lru_cache(maxsize=4096)
def gender(name: str | None) -> str | None:
    """'m', 'f' or None (unknown) for a person's name, by its first word that is not a title."""
    words = [w.rstrip(".").lower() for w in (name or "").split()]
    words = [w for w in words if w not in _TITLES]
    if len(words) < 2:
        return None  # a surname alone says nothing
    return _names().get(words[0])


def agrees(name: str | None, pronoun: str) -> bool:
    """False only when the name's learnt gender contradicts "he" or "she"."""
    g = gender(name)
    if g is None or pronoun not in ("he", "she"):
        return True
    return g == ("m" if pronoun == "he" else "f")
