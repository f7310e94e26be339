"""Speech cues in Hindi, which writes no capitals: the speaker stands before the ergative 'ने' of
a past speech verb ('जिलाधिकारी सुनील वर्मा ने कहा, “...”', '“...” स्थानीय निवासी गीता देवी ने
कहा।'), or before 'का कहना है' ('X's saying is'). The name is taken as the two words before the
particle, which leaves a title in front of it ('जिलाधिकारी') out; 'उन्होंने' (he, she, they) is a
dropped subject that the last speaker fills.

Used by service.extract.cues_new_intl for text that service.extract.lexicon_intl.language() judges
Hindi; read from the clause's characters, as Devanagari vowel signs split the engine's tokens.
"""

from __future__ import annotations

import re

from service.extract.names import Doc
from service.extract.noun_phrases import Cue

_WORD = "[\u0900-\u097f]+"
_VERB = (
    "कहा|बताया|जोड़ा|कहना|स्पष्ट|दावा|पूछा|दोहराया|चेतावनी|आरोप|घोषणा|लिखा|जवाब|माना|स्वीकार"
    "|आश्वासन|भरोसा|अपील|सवाल|टिप्पणी"
)
# A time or place between the particle and the verb ('ने मंगलवार को कहा'), or 'that' ('कि').
_GAP = rf"(?:{_WORD}\s+){{0,6}}?(?:(?:{_VERB})|कि)"
# One or two words before the particle: a surname alone after a first mention ('वर्मा ने कहा').
_SPEAKER = re.compile(rf"((?:{_WORD}\s+)?{_WORD})\s+(?:ने\s+{_GAP}|का\s+कहना|की\s+कहना)")
_PRONOUN = re.compile(rf"(उन्होंने|उसने)\s+{_GAP}")
# Postpositions and conjunctions that end the clause before a one-word name ('इस पर वर्मा ने').
_NOT_NAME = frozenset(re.findall(_WORD, "का की के को में से पर ने और भी तो ही इस उस यह वह तथा एवं कि"))
_STOP = "।"


def _cue(a: int, seg: str, rule: str) -> Cue | None:
    names = list(_SPEAKER.finditer(seg))
    if names:
        m = names[-1]
        name, start = m.group(1), m.start(1)
        head, _, tail = name.partition(" ")
        # 'इस पर वर्मा ने'; 'एक ग्रामीण रामलाल ने' (a villager, Ramlal): after 'एक' (a, one) the
        # first word describes the one-word name
        if tail and (head in _NOT_NAME or seg[: m.start(1)].split()[-1:] == ["एक"]):
            name, start = tail.strip(), m.end(1) - len(tail.strip())
        if name in _NOT_NAME:
            return None
        return Cue("name", name, a + start, a + start + len(name), name=name, rule=rule)
    p = _PRONOUN.search(seg)
    if p is not None:
        return Cue("implicit", p.group(1), a + p.start(1), a + p.end(1), rule=rule)
    return None


def after_quote(d: Doc, i: int, hi: int) -> Cue | None:
    """'“...” स्थानीय निवासी गीता देवी ने कहा।': the clause after the marks, up to its full stop."""
    if i >= hi:
        return None
    a = d.starts[i]
    seg = d.text[a : d.ends[hi - 1]].split(_STOP, 1)[0]
    return _cue(a, seg, "cue-after")


def before_quote(d: Doc, lo: int, hi: int) -> Cue | None:
    """'जिलाधिकारी सुनील वर्मा ने कहा, “...”': the clause before the marks, from its full stop."""
    if lo >= hi:
        return None
    a, b = d.starts[lo], d.ends[hi - 1]
    seg = d.text[a:b]
    cut = seg.rfind(_STOP)
    return _cue(a + cut + 1, seg[cut + 1 :], "cue-before")
