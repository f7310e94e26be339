"""A second look at short quoted stretches the rules set aside as names, titles or scare quotes.

News counts many short quoted fragments as quotations (`called it a "wake-up call"`, `vowing to
"open up" libel laws`); the rules in `quotes.py` set most of them aside because so many others
are titles, nicknames or the writer's own scare quotes. Which is which is learnt from PolNeAR
train: a logistic model over a few plain features (length, title case, a cue word in the
sentence, the word before the opening mark, the mark style) fitted by
`scripts/train_quote_gate.py` and shipped as `data/quote_gate.json`. Deterministic; without the
file nothing is let back in.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from service.extract.learned import read_model

WEIGHTS = Path(__file__).with_name("data") / "quote_gate.json"
_PREV_WORD_RE = re.compile(r"([^\W\d_][\w'’-]*)\W*$")
_DETERMINERS = frozenset(["a", "an", "the", "this", "that", "its", "their", "his", "her"])
_NEXT_WORD_RE = re.compile(r"[ \u00a0]*(,?)[ \u00a0]*([^\W\d_][\w'’-]*)")


def features(
    text: str,
    open_mark: int,
    close_mark: int | None,
    n_words: int,
    titlecase: bool,
    has_cue: bool,
    single: bool,
    double_style: bool,
    headline: bool = False,
) -> list[str]:
    """The feature names of one set-aside quotation (strings; their weights add up)."""
    n = "1" if n_words <= 1 else "2" if n_words == 2 else "3" if n_words == 3 else "4+"
    m = _PREV_WORD_RE.search(text, max(0, open_mark - 30), open_mark)
    prev = m.group(1).lower() if m else "^"
    gap = text[m.end(1) : open_mark].strip() if m else ""
    after = text[close_mark + 1 : close_mark + 2] if close_mark is not None else ""
    last = text[close_mark - 1 : close_mark] if close_mark is not None and close_mark > 0 else ""
    tc = "tc" if titlecase else "lc"
    # the word after the closing mark: 'a "stand down" order' (a modifier, the writer's own
    # word) against '"weak," he said'
    nm = _NEXT_WORD_RE.match(text, close_mark + 1) if close_mark is not None else None
    nxt = nm.group(2) if nm else ""
    nxt_cls = "none" if not nxt else "cap" if nxt[0].isupper() else "low"
    if nm and nm.group(1):
        nxt_cls += "|comma"
    # 'Pence: Trump Was ‘Mocking’ Clinton': a headline naming its speaker before a colon
    colon = headline and ":" in text[text.rfind("\n", 0, open_mark) + 1 : open_mark]
    cue = "cue" if has_cue else "nocue"
    return [
        "bias",
        f"n={n}",
        tc,
        cue,
        f"{tc}|{cue}",
        f"{tc}|n={n}",
        f"single={single}|ds={double_style}",
        f"prev={prev}",
        f"gap={gap[-1:] if gap else ''}",
        f"after={after if after in ',.;:)!?' else 'w' if after.strip() else 'sp'}",
        f"last={last if last in ',.!?' else 'w'}",
        f"hl={headline}",
        f"hl={headline}|{tc}",
        f"hl={headline}|single={single}",
        f"hl={headline}|colon={colon}",
        f"next={nxt.lower() or '$'}",
        f"nextcls={nxt_cls}",
        f"nextcls={nxt_cls}|prev={prev if prev in _DETERMINERS else 'x'}",
        f"nextcls={nxt_cls}|{tc}",
    ]


@lru_cache(maxsize=1)
def model() -> tuple[dict[str, float], float]:
    """(weights, threshold), read once; no file: no weights, nothing let back in."""
    weights, rest = read_model(WEIGHTS)
    return weights, float(rest.get("threshold", 0.5)) if weights else 1.0


def weights() -> dict[str, float]:
    return model()[0]


def threshold() -> float:
    return model()[1]


def probability(feats: list[str], w: dict[str, float]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def lets_back(feats: list[str]) -> bool:
    """True when the model holds the stretch more likely a quotation than not."""
    w = weights()
    return bool(w) and probability(feats, w) > threshold()
