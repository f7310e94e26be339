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
_VERB = "कहा|बताया|जोड़ा|कहना|स्पष्ट|दावा|पूछा|दोहराया|चेतावनी"
_SPEAKER = re.compile(rf"({_WORD}\s+{_WORD})\s+(?:ने\s+(?:{_VERB})|का\s+कहना|की\s+कहना)")
_PRONOUN = re.compile(rf"(उन्होंने|उसने)\s+(?:{_VERB})")
_STOP = "।"


def _cue(a: int, seg: str, rule: str) -> Cue | None:
    names = list(_SPEAKER.finditer(seg))
    if names:
        m = names[-1]
        name = m.group(1)
        return Cue("name", name, a + m.start(1), a + m.end(1), name=name, rule=rule)
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
