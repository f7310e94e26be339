"""Question and answer in a court or council report: '« Je n'ai rien pris », a affirmé le
prévenu. « Alors pourquoi ces virements ? », lui a demandé la présidente. « C'étaient des
avances. »' The uncued quotation right after a question put to someone (an object pronoun
between the question and its verb: 'lui a demandé', 'l'a interrogé', 'le preguntó', 'gli ha
chiesto', 'lhe perguntou', 'vroeg hem') is that person's answer, not the asker's next words: it
goes to whoever spoke before the question. A question someone asks themselves ('s'interroge-t-il',
'se pregunta') has no such pronoun and keeps its speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from service.extract.cue_words_intl import VERBS
from service.extract.noun_phrases import AUX
from service.extract.quotes import QuoteSpan

# an object pronoun naming the one asked, between the question's closing mark and its verb
_ASKED = re.compile(
    r"^[\s»”\"’,–—-]*(lui|leur|l['’]a|l['’]ont|le|les|gli|lhe|lhes)\s+(\w+)",
    re.IGNORECASE,
)
# 'le' and 'les' are articles too ('les habitants s'interrogent'): a verb must follow them
_ARTICLE_TOO = frozenset(("le", "les"))
_ASKED_AFTER = re.compile(r"^[\s»”\"’,–—-]*\w+\s+(?:hem|haar|ihn|ihm|ihr)\b", re.IGNORECASE)


def replies(
    text: str, spans: Sequence[QuoteSpan], attrs: Sequence[Any], found: Sequence[Any], english: bool
) -> list[tuple[int, int]]:
    """(i, j) pairs: the uncued quotation i answers a question put to the speaker of quotation
    j; all three (j, the question i - 1, and i) in one paragraph, the question cued to another
    speaker than j's. `attrs` are the attributions so far, `found` the cues (None where none);
    English is left alone."""
    if english:
        return []
    speakers = [a.speaker for a in attrs]
    cued = [f.cue is not None for f in found]
    out = []
    for i in range(2, len(spans)):
        q, a, j = spans[i - 1], spans[i], i - 2
        if cued[i] or a.continues or a.depth or q.depth or not cued[i - 1]:
            continue
        if not text[q.start : q.end].rstrip().endswith("?") or "\n" in text[spans[j].end : a.start]:
            continue
        between = text[q.end : a.start]
        if not (_asked(between) or _ASKED_AFTER.match(between)):
            continue
        if speakers[j] is not None and speakers[j] != speakers[i - 1]:
            out.append((i, j))
    return out


def _asked(between: str) -> bool:
    m = _ASKED.match(between)
    if m is None:
        return False
    verb = m.group(2).lower()
    return m.group(1).lower() not in _ARTICLE_TOO or verb in AUX or verb in VERBS
