"""Where an event happened: the "in/at/near X" phrase of its sentence, named by the article's
location actor when one covers it (split from events.py, which picks and fills the events)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from schemas import Actor, ActorType
from service.extract.summary import Sentence
from service.months import EN_MONTH_ABBR, EN_MONTHS, EN_WEEKDAYS
from service.normalise import name_key

__all__ = ["NOT_PLACE_HEAD", "PLACE", "ActorKeys", "event_place"]

_DIRECTION = r"(?:(?:north|south|east|west|central|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+)"
CAP = r"[A-Z][\w.-]*(?:[’'][a-rt-z]\w*)*"
# "\b" before the preposition is written as a look-behind after its first letter, (?<!\wi) for
# "in" (the same test: the letter is a word character): a pattern that starts with a letter lets
# the scan skip ahead to the i, a, n and o instead of trying every position
PLACE = re.compile(
    rf"(?:i(?<!\wi)n|a(?<!\wa)t|n(?<!\wn)ear|o(?<!\wo)utside|i(?<!\wi)nside)\s+(?:the\s+)?(?P<place>{_DIRECTION}?{CAP}(?:\s+(?:{CAP}|\d+|al-\w+|of|de|del))*"
    rf"(?:(?:’s|'s)\s+(?:\w+\s+)?{CAP}(?:\s+{CAP})*\s+(?:province|region|district|governorate|state|county))?"
    rf"(?:\s+and\s+{CAP})?)"
)
# "the English club", "U.S.-Iraqi relations": a demonym used as an adjective is not a place
_DEMONYM = re.compile(r"(?:ian|ish|ese|i)$")
# words that open an "in/at X" phrase without naming a place: determiners, months, weekdays
NOT_PLACE_HEAD = frozenset(
    "the a an his her their its our my this that these those".split()  # noqa: SIM905
).union(EN_MONTHS, EN_MONTH_ABBR, EN_WEEKDAYS)
_POSSESSIVE_END = re.compile(r"(?:’s|'s)$")
_LOWER_NEXT = re.compile(r"\s+[a-z]")


class ActorKeys:
    """The actors by the name keys of their names and aliases (the first actor a key names),
    keyed when first asked: most articles never look a place up by its key."""

    __slots__ = ("_actors", "_by_key")

    def __init__(self, actors: Sequence[Actor]) -> None:
        self._actors = actors
        self._by_key: dict[str, Actor] | None = None

    def get(self, name: str) -> Actor | None:
        """The actor one of whose names has the name key of `name`, if any."""
        by_key = self._by_key
        if by_key is None:
            by_key = self._by_key = {}
            for actor in self._actors:
                for n in (actor.name, *actor.aliases):
                    by_key.setdefault(name_key(n), actor)
        return by_key.get(name_key(name))


def event_place(
    sent: Sentence,
    actors_by_key: ActorKeys,
    location_spans: list[tuple[int, int, Actor]],
) -> str | None:
    """The place of the event: an "in/at/near X" phrase, named by its location actor when one overlaps."""
    for m in PLACE.finditer(sent.text):
        place = m.group("place").rstrip(".,;:’'")
        place = _POSSESSIVE_END.sub("", place)
        head = place.split()[0].lower()
        if head in NOT_PLACE_HEAD or head.endswith("day"):
            continue
        ps, pe = sent.start + m.start("place"), sent.start + m.start("place") + len(place)
        for s, e, actor in location_spans:
            if s < pe and ps < e:
                # the actor's canonical name when it covers the phrase; the phrase when it says
                # more ("Iraq and Syria", "eastern Baghdad")
                return actor.name if s <= ps and pe <= e else place
        known = actors_by_key.get(place)
        if known is not None:
            if known.type != ActorType.location:
                continue
            return known.name
        following = sent.text[m.start("place") + len(place) :]
        if " " not in place and _DEMONYM.search(place) and _LOWER_NEXT.match(following):
            continue
        return place
    return None
