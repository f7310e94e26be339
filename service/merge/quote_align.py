"""The last quote of a speaker left over in two articles in two languages: one utterance.

Two outlets that report one speaker in two languages often print the same few quotes of that
speaker. When the words already tie all but one of the speaker's quotes in one article to
the speaker's quotes in the other (numbers, names, cognates, time words: quote_xlang), and each
article holds exactly one quote of that speaker still unmatched by the other, the two leftovers
are most likely one utterance too: a translation that happens to share no anchor ("We will not
go back to work" / "No volveremos al trabajo"). This is length-based sentence alignment
anchored by the matches already made, in the one case where it leaves no choice.

Only that case: the order of the quotes is not used (outlets reorder them), two or more
leftovers on either side are left alone (each outlet may have picked its own soundbite), as is a
speaker whose only quote in each article is unmatched (nothing anchors it). The leftovers must
also be of comparable length (as in quote_xlang.translations) and hold the same numbers and
dates (a translation keeps them: "for 339 years" is not rendered by a quote without a number; a
quote naming September is no translation of one naming no month). The judge decides; the rule
leans to one utterance, also for a pair quote_xlang asked about first and did not join for want
of anchors: the alignment is the further evidence that rule lacked. Where the dictionary table
(quote_gloss) knows three or more words of each leftover and they share no sense and no
cognate, the two are left apart: outlets also pick different soundbites of one speaker.

Cost: one pass over the quotes, grouped by article and speaker (as quote_speakers reads it); a
speaker's articles holding two or more of their quotes are paired, the first MAX_ARTICLES of them
by id (no step grows with the square of a story's articles beyond that).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from service.merge.common import UnionFind
from service.merge.quote_gloss import gloss_score, glosses
from service.merge.quote_xlang import Form, form_keys, xlang_score

MAX_ARTICLES = 50
LEFTOVER_GLOSSED = 3


class _Item(Protocol):
    article: str
    speaker: str | None
    lang: str | None
    form: int


def leftover_pairs(
    items: Sequence[_Item], forms: Sequence[Form], related: Iterable[tuple[int, int]]
) -> list[tuple[int, int, str]]:
    """(form i, form j, hint) for each pair of leftover quotes (see the module docstring):
    `related` holds the form pairs already taken for one utterance."""
    # speaker -> article -> its quotes' forms by that speaker, and the article's language
    by_speaker: dict[str, dict[str, list[int]]] = {}
    lang_of: dict[str, str] = {}
    for it in items:
        speaker = forms[it.form].speaker  # the speaker the rules read (quote_speakers)
        if speaker is None or not it.lang:
            continue
        lang_of.setdefault(it.article, it.lang)
        got = by_speaker.setdefault(speaker, {}).setdefault(it.article, [])
        if it.form not in got:
            got.append(it.form)
    if len(set(lang_of.values())) < 2:
        return []  # one language: nothing to align
    uf = UnionFind(len(forms))
    for i, j in related:
        uf.union(i, j)
    out: set[tuple[int, int, str]] = set()
    for speaker in sorted(by_speaker):
        arts = by_speaker[speaker]
        names = sorted(a for a in arts if len(arts[a]) >= 2)[:MAX_ARTICLES]
        for x, a in enumerate(names):
            for b in names[x + 1 :]:
                if lang_of[a] == lang_of[b]:
                    continue
                pair = _leftovers(arts[a], arts[b], uf, forms)
                if pair is not None:
                    i, j = pair
                    n = len(arts[a])
                    hint = (
                        f"the one quote of a speaker in each of two articles not matched to the "
                        f"other's ({n - 1} of the speaker's {n} already are); kept together"
                    )
                    out.add((min(i, j), max(i, j), hint))
    return sorted(out)


def _leftovers(
    fa: list[int], fb: list[int], uf: UnionFind, forms: Sequence[Form]
) -> tuple[int, int] | None:
    """The two forms left unmatched when all others of two articles' quotes by one speaker match
    one to one, or None."""
    if len(fa) != len(fb):
        return None
    roots_b = [uf.find(j) for j in fb]
    roots_a = [uf.find(i) for i in fa]
    if len(set(roots_a)) != len(fa) or len(set(roots_b)) != len(fb):
        return None  # two of one article's quotes already one utterance: no one-to-one reading
    left_a = [i for i, r in zip(fa, roots_a, strict=True) if r not in roots_b]
    left_b = [j for j, r in zip(fb, roots_b, strict=True) if r not in roots_a]
    if len(left_a) != 1 or len(left_b) != 1:
        return None
    i, j = left_a[0], left_b[0]
    la, lb = sum(map(len, forms[i].words)), sum(map(len, forms[j].words))
    if not 0.5 <= la / max(1, lb) <= 2.0:
        return None
    ka, kb = ({k for k in form_keys(forms[x]) if k[0] in "#@"} for x in (i, j))
    if ka != kb or _unrelated(forms[i], forms[j]):
        return None
    return i, j


def _unrelated(a: Form, b: Form) -> bool:
    """Whether the dictionary (quote_gloss) knows enough words of both quotes to say they share
    none: a translation renders some of its source's words, so two quotes that each have
    LEFTOVER_GLOSSED or more words with senses and meet in none (nor in a cognate) are two
    utterances. Without the table, or for a language it barely covers, nothing is said."""
    ga, gb = glosses(a.lang, a.words), glosses(b.lang, b.words)
    if min(len(ga), len(gb)) < LEFTOVER_GLOSSED:
        return False
    return not gloss_score(ga, gb) and not xlang_score(form_keys(a), form_keys(b))
