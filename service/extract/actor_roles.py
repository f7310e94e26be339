"""The roles an article states for its actors: an appositive ("Stephanie Pope, the chief operating
officer"), a title before a name set off by commas ("The Chancellor, Rachel Moore, said"), or a
descriptor before an organisation's name ("the airline monitoring website SkyGoFly.com"). Split
from actor_rules, which clusters and types the mentions these roles are read from."""

from __future__ import annotations

import re
from operator import attrgetter

from schemas import ActorType
from service.extract.actor_mentions import Mention
from service.extract.actor_rules import Entity
from service.extract.memo import Memo
from service.extract.names import GROUP_WORDS, ROLE_NOUNS, STOPWORDS, Doc, low
from service.extract.role_phrase_intl import role_before

_START = attrgetter("start")
_is_role_noun = Memo(ROLE_NOUNS.__contains__, 32768).__getitem__
_THE_DESCRIPTOR = re.compile(r"\b[Tt]he ((?:[a-z][\w-]* ){1,4})[\"“‘']?$")


def _title_before(d: Doc, m: Mention) -> str | None:
    """'The Chancellor, Rachel Moore, said' / 'La maire de Lyon, Claire Dumontet, a dit'."""
    if not d.text.startswith(",", m.end):
        return None  # most mentions: no comma after the name, no token search
    t = d.tok_at(m.start)
    if t < 2 or d.words[t - 1] != ",":
        return None
    lo = t - 1
    while lo > 0 and not d.sent_start[lo] and t - lo < 20:
        lo -= 1
    return role_before(d, t - 1, lo)


def _appositive_role(d: Doc, m: Mention) -> str | None:
    """'Stephanie Pope, the chief operating officer.' -> 'chief operating officer'."""
    text = d.text
    if not text.startswith(",", m.end):
        return None
    # the first stop mark after the comma: each is looked for only where it would start before
    # the nearest one found so far, at most up to the line's end (none holds a line break), not
    # through the rest of the text
    stop = text.find("\n", m.end + 1)
    if stop == -1:
        stop = len(text)
    for ch in (",", ".", ";", "—", "(", " who ", " which "):
        p = text.find(ch, m.end + 1, stop + len(ch) - 1)
        if p != -1:
            stop = p
    phrase = text[m.end + 1 : stop].strip()
    words = phrase.split()
    if not words or len(words) > 14 or words[0][0].isdigit():
        return None
    if not any(
        _is_role_noun(low(x.strip("’'"))) or x.lower().endswith(("’s", "'s")) and len(words) > 1
        for x in words
    ):
        return None
    if words[0].lower() not in ("a", "an", "the") and not words[0][0].isupper():
        return None
    if words[0].lower() in ("a", "an", "the"):
        words = words[1:]
    role = " ".join(words)
    return role if any(_is_role_noun(low(x.strip("’'"))) for x in words) else None


def _descriptor(d: Doc, m: Mention) -> str | None:
    """'the airline monitoring website SkyGoFly.com' -> 'airline monitoring website'."""
    before = d.text[max(0, m.start - 60) : m.start]
    if "he " not in before:
        return None  # every match holds 'the ' or 'The ': most mentions have neither before
    # a match holds at most five spaces ('the' and up to four words, each before one) and reaches
    # the end (or a final line break): it starts after the sixth space from the end, where the
    # search starts (its \b still sees the character before)
    at = len(before)
    for _ in range(6):
        at = before.rfind(" ", 0, at)
        if at < 0:
            break
    mm = _THE_DESCRIPTOR.search(before, at + 1)
    if not mm:
        return None
    words = mm.group(1).split()
    if any(x in STOPWORDS for x in words):
        return None
    return " ".join(words)


def assign_roles(d: Doc, ents: list[Entity]) -> None:
    """Set each entity's role from appositives, titles or descriptors (the first one wins)."""
    for e in ents:
        if e.anonymous or e.type == ActorType.location:
            continue
        person = e.type == ActorType.person  # the loop only ever makes a group of a non-person
        first: str | None = None
        for m in sorted(e.mentions, key=_START):
            if m.kind != "name":
                continue
            if person:
                r = _appositive_role(d, m) or (None if m.role else _title_before(d, m)) or m.role
                if r:
                    first = r
                    break  # the first role wins: the later mentions cannot change anything
            else:
                r = _descriptor(d, m)
                if r:
                    if first is None:
                        first = r
                    if any(x in GROUP_WORDS for x in r.split()):
                        e.type = ActorType.group
                    if e.type == ActorType.group:
                        break  # a role and the group type: nothing more can change
        if first and not e.role:
            e.role = first
