"""A short form that is the front of a name given in full before it: 'Dr Koh' after 'Senior Minister
of State Koh Wei Ming' (a surname-first name), 'Mian Tariq' after 'Mian Tariq Javed' (a Pakistani
name shortened to its honorific and given name). English matches a short form to a full name by its
last word; these shortenings keep the first words instead."""

from __future__ import annotations

from collections.abc import Sequence

from schemas import Actor, ActorType
from service.extract.name_gender import is_given
from service.extract.names import name_key


def _in_prose(text: str, at: int) -> bool:
    """Whether offset `at` lies in a line that ends as a sentence does: a headline ('Obama Says
    Museum Will Tell ...') runs names into title-case words and ends without a stop."""
    end = text.find("\n", at)
    line = text[at : end if end >= 0 else len(text)].rstrip()
    return line[-1:] in _STOPS


_STOPS = frozenset(".!?:;\"'”’)")


def leading_form(actors: Sequence[Actor], text: str, speaker: str, at: int, after: int = 0) -> str:
    """The one person named in full in prose before offset `at` whose name begins with every
    word of `speaker` and is longer; `speaker` itself when there is none, more than one, or when
    another person's name ends with it (then it reads as that person's surname). Mentions before
    `after` (the end of a headline the text opens with) do not count."""
    key = name_key(speaker)
    if not key:
        return speaker
    found: list[str] = []
    for a in actors:
        if a.anonymous or a.type != ActorType.person:
            continue
        other = name_key(a.name)
        if other == key:
            continue
        if other.endswith(" " + key):
            return speaker
        if not any(after <= m.start < at and _in_prose(text, m.start) for m in a.mentions):
            continue
        if other.startswith(key + " "):
            found.append(a.name)
            continue
        # 'Senior Minister of State for Sustainability Koh Wei Ming': the title's last word was
        # read into the name; the short form shows where the name begins
        words, keys = a.name.split(), other.split()
        k = next((i for i in range(1, len(keys) - 1) if keys[i] == key), -1)
        if k > 0 and len(words) == len(keys) and not any(is_given(w) for w in keys[:k]):
            found.append(" ".join(words[k:]))
    return found[0] if len(set(found)) == 1 else speaker
