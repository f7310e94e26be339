"""Speech verbs learnt from annotated news: the words that open PolNeAR train's gold cues
beyond the hand lists in service.extract.cues ('blasted', 'interjected', 'referred'), listed by
scripts/train_cue_verbs.py. A hand list misses the long tail of verbs news writers use for
speech; the learnt list is kept apart from the hand lists, so the speaker ranker weighs it as a
signal of its own rather than as proof of a cue."""

from __future__ import annotations

from pathlib import Path

from service.extract.learned import read_model

LEARNED_CUES = Path(__file__).with_name("data") / "cue_verbs.json"
CUE_VERBS = frozenset(read_model(LEARNED_CUES)[0])


def colon_opens(words: list[str], lo: int, hi: int) -> int:
    """The colon among the last three tokens before a quotation (words[lo:hi]), or -1: the past
    tense right before one ('But the mum fumed: "...') reads as a speech verb, listed or not."""
    return next((k for k in range(hi - 1, max(lo, hi - 3) - 1, -1) if words[k] == ":"), -1)
