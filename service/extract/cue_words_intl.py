"""Word sets for the cue patterns of service.extract.cues_intl that are not titles or verbs:
prepositions of a title's domain, words that take up a quotation in the next sentence, 'according
to' phrases of several words, adjuncts that may stand between an inverted verb and its subject.
"""

from __future__ import annotations

from service.extract.names import Doc, low


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Prepositions before a title's domain: 'assessore al Bilancio', 'ministre déléguée aux Transports'.
DOMAIN = _w("al alla alle ai agli au aux à a ao à")
# Words that take up a quotation in the sentence after it: '«...». Lo ha detto il sindaco',
# '"...". Así lo afirmó la ministra', '„...“ Das sagte Müller am Montag'.
RESUMPTIVE = _w("lo así asi così ainsi assim isso das dies")
# 'fanno sapere', 'ha fatto sapere': make known.
MAKE = _w("fanno fa fatto")
# 'from' before the body a statement comes from ('dalla prefettura', 'desde el ministerio').
SOURCE_FROM = _w("dal dalla dai dalle dall' dall’ desde")
# Prepositions of a place or occasion that may stand between a verb and its subject.
PREPOSITIONS = _w("en durante tras dans lors nel nella in em durante sur auf bei")
# Prepositions that open an adjunct after a verb whose subject was dropped ('ha detto a margine').
ADJUNCT = PREPOSITIONS | _w(
    "a à em ao al alla con com mit vor avec per por para durante dopo"
    " na w we po podczas dla на в во по для перед på vid kepada dalam saat"
)
# 'secondo cui', 'según el cual': according to whom (the person just named).
RELATIVE = _w("cui quien quem lequel laquelle")
# 'For X, ...' opening a sentence gives X's view: 'Pour la ministre, ...', 'Para el alcalde, ...'.
FOR = _w("pour para per")


# Many-word 'according to', by their last word and the words before it.
_ACCORDING_PHRASES = {
    "com": ("de", "acordo"),
    "con": ("de", "acuerdo"),
    "a": ("stando",),
    "di": ("a", "detta"),
    "del": ("a", "detta"),
    "della": ("a", "detta"),
    "de": ("aux", "dires"),
}


def according_phrase(d: Doc, v: int, lo: int) -> bool:
    """Token v ends 'de acordo com', 'de acuerdo con', 'stando a', 'a detta di', 'aux dires de'."""
    before = _ACCORDING_PHRASES.get(low(d.words[v]))
    if before is None or v - len(before) < lo:
        return False
    return all(low(d.words[v - len(before) + k]) == x for k, x in enumerate(before))
