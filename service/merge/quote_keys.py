"""The words a quote is compared by: spelling that outlets vary is folded away.

Case, accents, quote marks and dashes are folded (common.fast_fold); punctuation is dropped and
editorial brackets opened ("[is]" -> "is"; glued to a word, part of it: "[T]he" -> the,
"pick[ing]" -> picking); an ellipsis splits the quote into segments. Words
joined by an apostrophe are put in one spelling, so that transcriptions of the same speech agree:

  contractions    "we've" -> we have, "don't" -> do not, "can't" -> can not, "won't" -> will not,
                  "I'm" -> i am, "they're" -> they are, "she'll" -> she will, "he'd" -> he would;
                  "'s" after a pronoun is "is" ("he's" -> he is, "let's" -> let us);
  possessives     "ISIS's", "ISIS'" and "ISIS" are one word (a final 's or a lone ' is dropped);
  anything else   split at the apostrophe ("O'Neill" -> o neill), as before.

'd and 's stand for two words each (would/had, is/has): the commoner one is chosen, so a quote
that spells one of them out may still differ from a contracted copy by a word (the rewording rule
allows that).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain

from rapidfuzz.distance import LCSseq

from service.merge.common import (
    STOPWORDS,
    fast_fold,
    guess_language,
    stopword_language,
    word_runs,
)

_ELLIPSIS = re.compile(r"\.\s*\.\s*\.|…")
_PLAIN = re.compile(r"\w+", re.UNICODE)
_GLUED = re.compile(r"(?<=\w)\[|\](?=\w)")
_APOS = re.compile(r"\w+(?:'\w+)*'?", re.UNICODE)
_SUFFIX = {"ve": "have", "re": "are", "ll": "will", "m": "am", "d": "would"}
_NOT = {"can": "can", "ca": "can", "won": "will", "wo": "will", "shan": "shall", "ain": "is"}
_IS = frozenset(
    """he she it that what there here who where how when why this everyone everybody nobody
    someone somebody something nothing everything""".split()  # noqa: SIM905
)
# words a contraction spells out that common.STOPWORDS lacks: they carry no content either
_FUNCTION = STOPWORDS | {"am", "shall", "let", "should", "cannot"}
# words that negate what is said (folded), in the languages the merger meets most: a rewording
# that adds or drops one says the opposite
NEGATIONS = frozenset(
    """not no never nothing nobody none neither nor nowhere pas jamais rien aucun aucune ni
    nicht kein keine keinen keinem keiner keines nie niemals nichts niemand weder nunca nada
    nadie ninguno ninguna jamas nao nem nenhum nenhuma non niente nessuno nulla niet geen nooit
    niets nigdy nic tidak bukan belum""".split()  # noqa: SIM905
)

# words that bring in someone else's words inside a quotation ("they are chanting ...", "what
# he called ...", "the words ...")
REPORTING = frozenset(
    """say says said saying chant chants chanted chanting shout shouts shouted shouting sing
    sings sang singing yell yells yelled yelling call calls called calling cry cries cried
    crying slogan slogans words""".split()  # noqa: SIM905
)


def reported_at(padded: str, at: int) -> bool:
    """Whether the word before character `at` of a padded word string (" w1 w2 ... ") brings in
    reported words: a quotation that holds a shorter quote right after it quotes that quote."""
    before = padded[max(0, at - 20) : at].split()
    return bool(before) and before[-1] in REPORTING


def _expand(token: str, out: list[str]) -> None:
    """Append the words of one folded token that may hold apostrophes."""
    token = token.rstrip("'")
    if "'" not in token:
        out.append(token)
        return
    head, _, tail = token.partition("'")
    if "'" in tail:  # "rock'n'roll", "y'all'd": no contraction rule, split as before
        out.extend(_PLAIN.findall(token))
        return
    if tail == "t" and head.endswith("n"):
        stem = head[:-1]
        out.extend((_NOT.get(stem, stem), "not") if stem else ("not",))
    elif tail == "s":
        if head in _IS:
            out.extend((head, "is"))
        elif head == "let":
            out.extend(("let", "us"))
        else:
            out.append(head)  # possessive (or "is" after a noun: dropped on both sides alike)
    elif tail in _SUFFIX:
        out.extend((head, _SUFFIX[tail]))
    else:
        out.extend((head, tail))


def _words(part: str) -> tuple[str, ...]:
    if "'" not in part and "cannot" not in part:
        return tuple(word_runs(part))
    out: list[str] = []
    append = out.append
    for tok in _APOS.findall(part):
        if "'" in tok:
            _expand(tok, out)
        elif tok == "cannot":
            out.extend(("can", "not"))
        else:  # most words of the text: _expand would append them as they are
            append(tok)
    return tuple(out)


def quote_segments(text: str) -> tuple[tuple[str, ...], ...]:
    """The quote's comparison words, one tuple per stretch between ellipses (empty ones dropped)."""
    t = fast_fold(text)
    if "[" in t or "]" in t:
        # a bracket glued to a word edits that word ("[T]he", "pick[ing]"): one word
        t = _GLUED.sub("", t).replace("[", " ").replace("]", " ")
    if t.count(".") < 3 and "…" not in t:  # most quotes: no ellipsis (it needs three dots)
        words = _words(t)
        return (words,) if words else ()
    parts = _ELLIPSIS.split(t)
    segs = tuple(_words(p) for p in parts)
    return tuple(s for s in segs if s)


def content_words(words: tuple[str, ...]) -> int:
    """How many of the words carry content (not function words)."""
    return len(words) - sum(map(_FUNCTION.__contains__, words))


@lru_cache(maxsize=1 << 14)
def _text_keys(
    text: str,
) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], str | None]:
    """A quote text's segments, all its words, and its language (None: the text says too little
    and the article's language stands), once per distinct text: syndicated copies repeat it."""
    segs = quote_segments(text)
    words = segs[0] if len(segs) == 1 else tuple(chain.from_iterable(segs))
    if text.isascii() and "'" not in text and "`" not in text and "cannot" not in text.lower():
        # nothing spelled out: the words are the lower-cased \w+ runs guess_language reads
        return segs, words, stopword_language(words)
    return segs, words, guess_language(text)


def negations_differ(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Whether the shorter quote holds another number of negations than the stretch of the
    longer it shares words with (first to last word of their longest common subsequence; the
    longer's words around it are context it quotes besides)."""
    count = NEGATIONS.__contains__
    n_short = sum(map(count, short))
    if not n_short and NEGATIONS.isdisjoint(long_):  # most quotes: no negation on either side
        return False
    ops = [op for op in LCSseq.opcodes(short, long_) if op.tag == "equal"]
    if not ops:
        return False
    return n_short != sum(map(count, long_[ops[0].dest_start : ops[-1].dest_end]))


def new_content(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    """Whether the shorter quote has a content word that the longer lacks altogether."""
    have = set(long_)
    return any(w not in have and w not in _FUNCTION for w in short)


def excerpts(a: tuple[str, ...], b: tuple[str, ...], run: int) -> bool:
    """Whether the last words of one are the first words of the other (`run` or more)."""
    for x, y in ((a, b), (b, a)):
        first = y[0]
        for p in range(max(1, len(x) - len(y) + 1), len(x) - run + 1):
            if x[p] == first and x[p:] == y[: len(x) - p]:
                return True
    return False
