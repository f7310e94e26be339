"""Speakers in the quote stage: which ones the quote rules read as one person, whatever the
outlets call them, and the speaker a cluster is credited to.

The story's actor stage resolves most names ("Ms Abelard", "Ruth Abelard"), but an outlet
writing in another language often puts a title before the family name in a way the extractor
keeps ("Gewerkschafterin Orlik", "Geschäftsführer Stobbe"), or gives the role alone ("la
nouvelle députée"). The quote rules need fewer shared words when both sides name one speaker
(quotes.relate, quote_xlang.translations, quote_align), so two spellings of one person cost the
quote its cluster. Two readings put such speakers together, for the quote rules only (each
variant keeps the speaker its outlet gave, and a disagreement is still recorded):

  family name  speakers whose names end in one capitalised word, one of them with a known
               first name before it and none with another (`family_aliases`);
  translation  a speaker who is no named actor (a role, a name no actor took) in one article,
               whose quote there was taken for a translation of one named actor's quote in
               another article, is that actor in that article (`linked_aliases`).

Cost: one pass over the quotes' speakers, and one over the forms when a translation link reads
a speaker anew.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Protocol

from schemas import Quote
from schemas.story import Disagreement, FactValue
from service.extract.name_gender import is_given
from service.extract.noun_phrases import UNNAMED
from service.merge.common import WORD, construct, fast_fold, ref, support


class _Item(Protocol):
    article: str
    speaker: str | None


class _Form(Protocol):
    speaker: str | None
    items: list[int]


class _Quoted(Protocol):
    article: str
    speaker: str | None
    quote: Quote


def _family(name: str) -> tuple[str, str | None] | None:
    """The folded capitalised last word of a name of two or more words and the known first name
    before it, if any ("Jadwiga Orlik" -> (orlik, jadwiga); "Gewerkschafterin Orlik" -> (orlik,
    None)), or None."""
    words = WORD.findall(name.removesuffix(UNNAMED))
    if len(words) < 2 or not words[-1][:1].isupper():
        return None
    first = fast_fold(words[0])
    return fast_fold(words[-1]), first if is_given(first) else None


def family_aliases(items: Sequence[_Item], label: Mapping[str, str]) -> dict[str, str]:
    """Speaker -> the speaker it is read as: speakers whose names end in one family name, one of
    them with a known first name and none with another first name ("Jadwiga Orlik",
    "Gewerkschafterin Orlik"; not "Donald Trump" and "Ivanka Trump", nor two roles such as
    "Prime Minister" and "Foreign Minister"), and no article quoting two of them, are read as the
    one with the first name (the first by id). `label` gives each speaker's name (an actor's
    name, or the name an outlet gave)."""
    by_family: dict[str, list[tuple[str, str | None]]] = {}
    for sid, name in label.items():
        got = _family(name)
        if got is not None:
            by_family.setdefault(got[0], []).append((sid, got[1]))
    groups = []
    for members in by_family.values():
        given = {g for _, g in members if g is not None}
        if len(members) > 1 and len(given) == 1:
            head = min(s for s, g in members if g is not None)
            groups.append((head, {s for s, _ in members}))
    if not groups:
        return {}
    wanted = set().union(*(sids for _, sids in groups))
    arts_of: dict[str, set[str]] = {}  # speaker -> the articles quoting them
    for it in items:
        if it.speaker in wanted:
            arts_of.setdefault(it.speaker, set()).add(it.article)
    out: dict[str, str] = {}
    for head, sids in groups:
        arts = [a for s in sids for a in arts_of.get(s, ())]
        if len(arts) != len(set(arts)):
            continue  # two of them speak in one article: two people
        out.update({s: head for s in sids if s != head})
    return out


def linked_aliases(
    links: Iterable[tuple[str, str | None, str, str | None]], named: Container[str]
) -> dict[tuple[str, str], str]:
    """(article, speaker) -> the named speaker it is read as there, from translation links
    (article a, speaker a, article b, speaker b): a speaker that is no named actor, linked to one
    named actor only."""
    got: dict[tuple[str, str], set[str]] = {}
    for art_a, spk_a, art_b, spk_b in links:
        for art, spk, other in ((art_a, spk_a, spk_b), (art_b, spk_b, spk_a)):
            if spk is not None and other is not None and spk not in named and other in named:
                got.setdefault((art, spk), set()).add(other)
    return {k: next(iter(v)) for k, v in got.items() if len(v) == 1}


def read_links(
    items: Sequence[_Item],
    forms: Sequence[_Form],
    took: Sequence[tuple[int, int]],
    named: Container[str],
) -> list[int]:
    """Give the forms of a speaker that `took` (translation links) ties to a named speaker in
    their article that speaker (linked_aliases); the forms changed."""

    def art(fi: int) -> str:
        return items[forms[fi].items[0]].article

    alias = linked_aliases(
        ((art(i), forms[i].speaker, art(j), forms[j].speaker) for i, j in took), named
    )
    if not alias:
        return []
    changed = []
    for fi, f in enumerate(forms):
        to = alias.get((art(fi), f.speaker)) if f.speaker is not None else None
        if to is not None and all(items[k].article == art(fi) for k in f.items):
            f.speaker = to
            changed.append(fi)
    return changed


def cluster_speaker(
    members: Sequence[_Quoted], names: dict[str, str], anonymous: set[str], group_of: dict[str, str]
) -> tuple[str | None, list[Disagreement]]:
    """The cluster's speaker: the named speaker most independent sources give (then most pages,
    then id); when variants name different speakers, every one is kept as a disagreement. A
    story actor with a name comes first, then a name no actor took, then a role-only actor ("the
    minister", "la directrice du musée"): an outlet that gives the role alone does not outvote
    one that names the person."""
    by: dict[str, list[_Quoted]] = {}
    for m in members:
        if m.speaker is not None:
            by.setdefault(m.speaker, []).append(m)
    if len(by) < 2:  # no speaker, or one: no tally to make
        return next(iter(by), None), []
    sup = {k: support((m.article for m in v), group_of) for k, v in by.items()}
    order = sorted(
        by,
        key=lambda k: (
            2 if k in anonymous else k not in names,
            -sup[k].sources,
            -sup[k].pages,
            k,
        ),
    )

    def label(k: str) -> str:
        return names.get(k) or next(m.quote.speaker or k for m in by[k])

    values = [
        construct(
            FactValue,
            value=label(k),
            members=[ref(m.article, m.quote.id) for m in by[k]],
            support=sup[k],
        )
        for k in order
    ]
    return order[0], [construct(Disagreement, field="speaker", values=values)]
