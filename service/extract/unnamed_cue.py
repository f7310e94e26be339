"""Quotations the speaker ranker should leave without a speaker: a speech verb right by the
words whose subject names nobody ('"...," one of the sources said'), or words mentioned rather
than spoken ('the phrase "..."'). Kept apart from service.extract.speaker_ranker, whose pick it
vetoes, so that module stays about scoring candidates."""

from __future__ import annotations

from service.extract.cues import CUE_FINITE
from service.extract.names import Doc, low
from service.extract.speaker_ranker import Candidate

_WORDS_AS_WORDS = frozenset(
    ["quote", "phrase", "term", "word", "words", "slogan", "headline", "hashtag", "label"]
)


def unnamed_cue(d: Doc, region: tuple[int, int], top: Candidate) -> bool:
    """A speech verb right next to the quotation ('"...," one of the sources said', 'My
    predecessor used to say, "..."') whose subject names no actor, while the ranker's pick lies
    outside the sentence: someone the text does not name."""
    first = d.tok_at(region[0])
    if first > 0 and low(d.words[first - 1]) in _WORDS_AS_WORDS:
        return True  # 'the phrase "..."', 'the quote "..."': words mentioned, not spoken here
    if any(f in ("srel=a0", "srel=b0") for f in top.features):
        return False
    far = "prel=0" not in top.features or "srel=b1" not in top.features
    if far and first < len(d.words) and not d.sent_start[first]:
        # a quotation inside a sentence naming nobody, far from any speaker: a title, a phrase
        return True
    t = d.tok_at(region[1])
    for k in range(t, min(t + 6, len(d.words))):
        w = d.words[k]
        if w in (".", "!", "?", "“", '"') or k > t and d.sent_start[k]:
            break
        if low(w) in CUE_FINITE:
            return True
    t = d.tok_at(region[0]) - 1
    for k in range(t, max(t - 4, -1), -1):
        if d.words[k] in (".", "!", "?"):
            break  # 'Bystrom agreed. "..."': the verb closed the sentence before
        if low(d.words[k]) in CUE_FINITE or low(d.words[k]) == "say":
            return True
        if d.sent_start[k]:
            break
    return False
