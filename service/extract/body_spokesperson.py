"""'ESB Networks says 118,000 homes are without power. "Crews will be out ...," a spokesperson
said.': a bare 'a spokesperson' in a paragraph that opens with an organisation's name speaks for
that organisation, as 'a spokesperson for ESB Networks' would. Without such a paragraph subject
('A bank spokeswoman said') the speaker stays unnamed."""

from __future__ import annotations

from collections.abc import Sequence

from schemas import Actor, ActorType
from service.extract.names import Doc, low

_SPOKES = frozenset(("spokesperson", "spokesman", "spokeswoman"))


def _acronym_led(a: Actor) -> bool:
    """'ESB Networks' read as a person: a name opening with an acronym is a body's."""
    first = a.name.split()[0]
    return len(first) >= 2 and first.isalpha() and first.isupper()


def body_of_spokesperson(d: Doc, actors: Sequence[Actor], surface: str, at: int) -> str | None:
    """The organisation opening the paragraph of the cue 'a spokesperson' at offset `at`, when
    exactly one does; None otherwise."""
    words = low(surface).split()
    if len(words) != 2 or words[0] not in ("a", "an") or words[1] not in _SPOKES:
        return None
    after = d.text[at + len(surface) : at + len(surface) + 5].split()
    if after and low(after[0]) in ("for", "of", "at", "to"):
        return None  # 'a spokeswoman for his club': the body is given
    p0 = d.paras[d.para_of(at)][0]
    found = {
        a.name
        for a in actors
        if (a.type == ActorType.organization or _acronym_led(a))
        and not a.anonymous
        and any(m.start == p0 and m.end < at for m in a.mentions)
    }
    return found.pop() if len(found) == 1 else None
