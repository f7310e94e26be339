"""The pronoun rule of speaker attribution (service.extract.speakers): whom 'he', 'she', 'it',
'we', 'they' or 'I' stands for where no learned choice decides, and the person who last opened a
sentence in a stretch of text (also read for descriptions: 'the 72-year-old told ...')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from schemas import Actor, ActorType
from service.extract import pronoun_choice_intl, resolve_intl
from service.extract.gender_evidence import spoke_in_person
from service.extract.names import Doc, name_key
from service.extract.noun_phrases import UNNAMED
from service.extract.speaker_index import ActorIndex

if TYPE_CHECKING:
    from service.extract.speakers import Attribution

_PERSON = {ActorType.person}
_ORGS = {ActorType.organization, ActorType.group}


def pronoun_rule(
    d: Doc, idx: ActorIndex, p: str, at: int, last: Attribution | None, last_pos: int
) -> tuple[str, str | None] | None:
    """A person who became a subject since the last quotation, else the last speaker, else the
    last person mentioned (for 'he' and 'she'; bodies for 'it', 'we' and 'they')."""
    lookback = 2500
    if p in ("he", "she", ""):
        if top := pronoun_choice_intl.choose(d, idx, p, at, last, last_pos):
            return top.name, top.role  # outside English, where weights ship
        # a person who became the subject of a sentence after the last quotation beats its speaker
        # ... when it agrees in gender with the pronoun (first names learnt from train)
        subj = subject_person_between(d, idx, max(last_pos, at - lookback), at, p)
        if subj is not None:
            return subj.name, subj.role
        if (fresh := resolve_intl.named_in_paragraph(d, idx, p, at, last_pos)) is not None:
            return fresh.name, fresh.role
        if (
            last is not None
            and last.speaker
            and at - last_pos < lookback
            and idx.person(last.speaker)
            and idx.agrees(last.speaker, p)
        ):
            return last.speaker, last.role
        a = idx.mentioned_before(at, _PERSON, lookback=lookback, pronoun=p)
        return (a.name, a.role) if a else None
    if p in ("it", "we", "i"):
        if p == "it" and spoke_in_person(idx.by_key, last):
            last = None  # 'it' never stands for a person, only for what they wrote
        if last is not None and last.speaker and at - last_pos < lookback:
            return last.speaker, last.role
        if p == "i":
            return None
        a = idx.mentioned_before(at, _ORGS, lookback=lookback)
        return (a.name, a.role) if a else None
    if p == "they":
        if last is not None and last.speaker and at - last_pos < lookback:
            la = idx.by_key.get(name_key(last.speaker))
            if last.speaker.endswith(UNNAMED) or la and la[0].type != ActorType.person:
                return last.speaker, last.role
        a = idx.mentioned_before(at, _ORGS, lookback=lookback)
        return (a.name, a.role) if a else None
    return None


def subject_person_between(
    d: Doc, idx: ActorIndex, lo: int, hi: int, pronoun: str = ""
) -> Actor | None:
    """The person whose mention, opening a sentence (perhaps after its title), comes last in
    (lo, hi) and agrees with the pronoun: the last such before `hi`, if after `lo`."""
    got = idx.subject_before(d, hi, pronoun)
    return got[1] if got is not None and got[0] > lo else None
