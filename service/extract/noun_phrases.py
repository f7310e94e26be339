"""Noun phrases around speech cues: the name, role or description a cue verb attributes to,
and the canonical "(unnamed)" form of a role-only speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from service.extract import lexicon_intl as intl
from service.extract.learned import read_model
from service.extract.names import (
    DEMONYMS,
    DETERMINERS,
    DOCUMENT_NOUNS,
    MONTHS,
    ORG_WORDS,
    PLURAL_ROLES,
    PRONOUNS,
    ROLE_NOUNS,
    WEEKDAYS,
    Doc,
    _words,
    is_acronym,
    is_cap,
    low,
    split_titled,
    strip_possessive,
)

UNNAMED = " (unnamed)"

# Words between a subject and its cue verb: "also said", "went on to say", "has told".
AUX = intl.AUX | _words(
    """
    also later then further previously earlier again has have had was were is are will would
    could can may might went go goes going on to be been reportedly separately recently once
    often did does do not never just however subsequently repeatedly publicly privately
    quickly immediately simply only still initially first finally yet already
    """
)
TIME_WORDS = (
    _words(
        """
        on today yesterday tonight last this next week month year night morning evening
        afternoon earlier later weekend
        """
    )
    | WEEKDAYS
    | MONTHS
    | intl.TIME_WORDS
)
RELATIVE = frozenset(["who", "which", "that"])
ORGISH = _words(
    """
    company firm club group team website site newspaper paper agency ministry government
    department organisation organization party airline carrier manufacturer maker bank
    network channel broadcaster militia movement authority council committee office board
    union federation league association institute university outlet publication
    """
)
MAX_NP = 12
# Unions tested inside token loops, built once.
_STRIP_DET = DETERMINERS | {"unnamed", "unidentified", "anonymous"}
_NOT_NAME_OPENER = AUX | TIME_WORDS | {"following", "after", "before", "in"}
# ... nor a conjunction or linking adverb opening the sentence ('But Drummond said: ...')
_NOT_NAME_OPENER |= _words("but and so yet or nor however meanwhile also still")
_NP_HEAD = ROLE_NOUNS | DOCUMENT_NOUNS | ORGISH
KNOWN_HEADS = _NP_HEAD | PLURAL_ROLES
# nouns heading unnamed speakers in English news ('a friend said', 'the crowd chanted'), beyond
# the role lexicon: listed from PolNeAR train's gold Sources by scripts/train_speaker_heads.py
SPEAKER_HEADS = Path(__file__).with_name("data") / "speaker_heads.json"
LEARNED_HEADS = frozenset(read_model(SPEAKER_HEADS)[0])


@dataclass(frozen=True, slots=True)
class Cue:
    """A speaker mention found by a cue pattern, before resolution to an actor."""

    kind: str  # name | pronoun | role | definite | epithet | document
    surface: str  # the attributing words as written, role prefix included
    start: int
    end: int
    name: str | None = None  # bare name for kind 'name' (titles stripped)
    role: str | None = None
    rule: str = "cue-before"
    plural: bool = False


def strip_det(words: list[str]) -> list[str]:
    """Words without leading determiners and 'unnamed'-like adjectives."""
    while words and low(words[0]) in _STRIP_DET:
        words = words[1:]
    return words


def clean_role(words: list[str]) -> str | None:
    """A role phrase from words, cut before a relative clause."""
    words = strip_det(list(words))
    for i, w in enumerate(words):
        if low(w) in RELATIVE and i > 0:
            words = words[:i]
            break
    role = " ".join(words).strip(" ,")
    return role or None


def clean_role_text(s: str) -> str | None:
    """A role phrase from raw text, cut before a relative clause."""
    s = " ".join(s.split())
    for rel in (" who ", " which ", " that "):
        p = s.find(rel)
        if p > 0:
            s = s[:p]
    words = strip_det(s.split())
    return " ".join(words).strip(" ,") or None


def np_back(d: Doc, j: int, lo: int) -> Cue | None:
    """The noun phrase ending at token j (inclusive), not reaching before token lo."""
    w = d.words
    if j < lo:
        return None
    lw = low(w[j])
    if lw in ("you", "yourself"):
        return None  # the interviewer's 'You have called ...' names no speaker
    if lw in PRONOUNS and not w[j].isupper() or w[j] == "I":
        return Cue("pronoun", w[j], d.starts[j], d.ends[j], plural=lw == "they")
    k = j
    word = strip_possessive(w[j])
    if is_cap(word) or is_acronym(word) or ("." in word and word[0].isalpha()):
        # a name, possibly with titles and a role before it ("Pentagon spokesman Maj. Gen. Pat Ryder")
        while k - 1 >= lo and j - k < MAX_NP:
            p = w[k - 1]
            lp = low(p)
            if is_cap(p) and lp not in DETERMINERS and lp not in PRONOUNS:
                if d.sent_start[k - 1] and lp in _NOT_NAME_OPENER:
                    break
                k -= 1
            elif (
                lp in ROLE_NOUNS
                or lp
                in (
                    "former",
                    "then",
                    "acting",
                    "deputy",
                    "senior",
                    "top",
                    "chief",
                    "interim",
                    "vice",
                    "new",
                    "outgoing",
                    "incoming",
                )
                or p in ("’", "'", "-")
                and k - 2 >= lo
                and is_cap(w[k - 2])
                or lp == "of"
                and k - 2 >= lo
                and (low(w[k - 2]) in ROLE_NOUNS or is_cap(w[k - 2]))
            ):
                k -= 1
            else:
                break
        while k < j and not is_cap(w[k]) and low(w[k]) not in ROLE_NOUNS:
            k += 1
        if k > lo and low(w[k - 1]) == "the" and word.isupper() and low(word) in ROLE_NOUNS:
            return role_np(d, j, lo)  # 'the Dublin Mid-West TD said': a description
        surface = d.text[d.starts[k] : d.ends[j]]
        surface = surface[: len(surface) - (len(w[j]) - len(word))] if word != w[j] else surface
        prev = low(w[k - 1]) if k - 1 >= lo else ""
        if k == j and prev in ("the",) and low(word) in DEMONYMS:
            s = d.starts[k - 1]
            return Cue("epithet", d.text[s : d.ends[j]], s, d.ends[j])
        if k == j and low(word) in QUANTITY_SUBJECTS:
            # 'Hundreds chanted': an unnamed group
            return Cue("role", w[j], d.starts[j], d.ends[j], role=low(word), plural=True)
        t = split_titled(surface)
        name_words = t.name.split()
        if all(low(x) in ROLE_NOUNS or low(x) in DEMONYMS for x in name_words):
            return role_np(d, j, lo)
        s = d.starts[k]
        return Cue("name", surface, s, s + len(surface), name=t.name.strip(" ’'"), role=t.role)
    if w[j][0].isdigit() and "year-old" in w[j]:
        k = j - 1 if j - 1 >= lo and low(w[j - 1]) == "the" else j
        return Cue("epithet", d.text[d.starts[k] : d.ends[j]], d.starts[k], d.ends[j])
    if w[j][0].isalpha() and w[j][0].islower():
        return role_np(d, j, lo)
    return None


def role_np(d: Doc, j: int, lo: int) -> Cue | None:
    """A common-noun phrase ending at token j: 'a Pentagon spokesperson', 'the website'."""
    w = d.words
    k = j
    while k - 1 >= lo and j - k < 8:
        p = w[k - 1]
        lp = low(p)
        if lp in DETERMINERS or lp in ("unnamed", "unidentified", "anonymous"):
            k -= 1
            break
        if (
            not p[0].isalnum()
            or lp in AUX
            or lp in TIME_WORDS
            or lp in ("of", "and", "for", "by", "with", "from", "in", "at")
        ):
            break
        k -= 1
    head = low(w[j])
    surface = d.text[d.starts[k] : d.ends[j]]
    det = low(w[k]) if k < j else ""
    s, e = d.starts[k], d.ends[j]
    if head in DOCUMENT_NOUNS:
        return Cue("document", surface, s, e)
    if "year-old" in head:
        return Cue("epithet", surface, s, e)
    role = clean_role(w[k : j + 1])
    if head in LEARNED_HEADS and any(
        low(x) in KNOWN_HEADS or low(x) in LEARNED_HEADS for x in w[k + 1 : j]
    ):
        return None  # 'The Vermont senator emailed supporters': the senator is the subject
    if (
        head in ROLE_NOUNS
        or head in ORGISH
        or head in PLURAL_ROLES
        or head in LEARNED_HEADS
        and intl.language(d.text) == "en"
    ):
        if det in ("the", "this", "that", "its", "his", "her", "their", "our"):
            return Cue("definite", surface, s, e, role=role, plural=plural_head(head))
        if k == j and w[j][0].isupper() and head not in PLURAL_ROLES and not head.endswith("s"):
            # headline style 'Minister says ...': a known person, not an unnamed one
            return Cue("definite", surface, s, e, role=role)
        return Cue(
            "role", surface, s, e, role=role, plural=head in PLURAL_ROLES or plural_head(head)
        )
    if det == "the" and k + 1 == j and "-" in head and all(map(str.isalpha, head.split("-"))):
        # a compound epithet for someone just named, as tabloids and sports pages write it:
        # 'the mum-of-three told ...', 'the centre-half said'
        return Cue("epithet", surface, s, e)
    return None


# nouns naming a group that speaks as one ('the crowd chanted'): plural in sense, so never the
# one person named before them (PolNeAR train gave 'the crowd' and 'the audience' to the speaker
# at the podium)
COLLECTIVE_HEADS = _words("crowd crowds audience audiences mob throng congregation")
# quantity words that open a sentence as its subject ('Hundreds chanted'): a group, not a name
QUANTITY_SUBJECTS = _words("hundreds thousands dozens scores millions")
# the crowds whose chant no person the ranker finds said ('the attendees chanted'): on PolNeAR
# train the gold Source of all 9 quotations such a cue names is the crowd
CROWDS = (
    COLLECTIVE_HEADS
    | QUANTITY_SUBJECTS
    | _words("attendees onlookers spectators protesters demonstrators marchers hecklers")
)


def plural_head(head: str) -> bool:
    """'protesters', 'officials', 'the crowd'; not 'witness', 'campus', 'analysis'."""
    return head.endswith("s") and not head.endswith(("ss", "us", "is")) or head in COLLECTIVE_HEADS


def np_forward(d: Doc, i: int, hi: int) -> Cue | None:
    """The noun phrase starting at token i ('Ryder', 'the company', 'Pentagon spokesman John Kirby')."""
    w = d.words
    j = i
    while j < hi and low(w[j]) in TIME_WORDS:
        j += 1
    if j >= hi:
        return None
    end = j
    if low(w[j]) in DETERMINERS or low(w[j]) in ("unnamed",):
        end = j + 1
        while end < hi and w[end][0].isalnum() and end - j < 8:
            if (
                low(w[end]) in _NP_HEAD
                or is_cap(w[end])
                and (end + 1 >= hi or not is_cap(w[end + 1]))
            ):
                end += 1
                if (
                    end >= hi
                    or not (w[end][0].isalnum())
                    or low(w[end])
                    in TIME_WORDS
                    | {"in", "on", "at", "to", "during", "after", "before", "that", "who"}
                ):
                    break
                continue
            end += 1
        return np_back(d, end - 1, j)
    while end < hi and end - j < MAX_NP:
        x = w[end]
        lx = low(x)
        if (
            is_cap(x)
            or is_acronym(x)
            or lx in ROLE_NOUNS
            or lx in ("former", "of", "acting", "deputy", "senior")
        ):
            if lx in TIME_WORDS or lx == "of" and _full_name_before(w, j, end):
                break  # 'Mayor Eduardo Salcedo of San Mariano town': where he is mayor
            end += 1
        else:
            break
    while end - 1 > j and low(w[end - 1]) in ("of",):
        end -= 1
    if end == j:
        return None
    return np_back(d, end - 1, j)


def _full_name_before(w: list[str], j: int, end: int) -> bool:
    """Two capitalised words before token `end` that are neither titles nor a body's words
    ('Eduardo Salcedo', not 'Secretary', 'Bank'): a person's full name, which 'of' does not go on."""
    return end - 2 >= j and all(
        is_cap(x) and low(x) not in ROLE_NOUNS and low(x) not in ORG_WORDS for x in w[end - 2 : end]
    )


def anonymous_name(role: str) -> str:
    """Canonical name of a role-only speaker: 'a senior official' -> 'senior official (unnamed)'."""
    words = strip_det(role.split())
    return " ".join(words) + UNNAMED


# Verbs that are a quotation's cue only where they close the clause right after it, with their
# particle: '"...," the statement read.', '"...," he went on.', '"...," the crowd cried out.'
# (elsewhere they are mostly no speech: 'read the bill', 'went on to win'). In PolNeAR train
# all 18 such closings after an annotated quotation have the subject as its Source.
_CLOSING_VERBS = {
    "read": "", "reads": "", "wondered": "aloud", "went": "on", "goes": "on", "points": "out",
    "pointed": "out", "cried": "out", "screamed": "back",
}  # fmt: skip
CLOSE_MARKS = frozenset(".,;!?")


def closing_verb(w: list[str], v: int, hi: int) -> bool:
    """Token v is one of `_CLOSING_VERBS` closing its clause (its particle, if any, after it)."""
    part = _CLOSING_VERBS.get(w[v])
    if part is None:
        return False
    k = v + 1 if part and v + 1 < hi and w[v + 1] == part else v
    if part and k == v and w[v] != "wondered":
        return False
    return k + 1 >= hi or w[k + 1] in CLOSE_MARKS


PARTITIVE_NAME_RE = re.compile(r"([^,]+), ((?:[A-Z][\w.'’-]*[ \u00a0]?){1,4}?),?\s*$")


def partitive_name(d: Doc, i: int, v: int) -> Cue | None:
    """The name set off by commas after a partitive ('one of the organisers, Ana Ruiz,')."""
    m = PARTITIVE_NAME_RE.match(d.text, d.starts[i], d.starts[v])
    if m is None:
        return None
    name = m.group(2).strip()
    a = m.start(2)
    return Cue("name", name, a, a + len(name), name=name, role=m.group(1))


PARTITIVE = _words("one two three some several many few most all none each either neither another")
# words before a cue word that make it a noun ('her remarks', "the president's claims")
NOUN_LEAD = frozenset(
    ["the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "these", "those", "'s",
     "’s", "whose"]
)  # fmt: skip


def noun_use(d: Doc, v: int) -> bool:
    """The cue word at token v is a noun ('her remarks', "Clinton's claims") or part of a name
    ('the United States'' allies: capitalised mid-sentence among lower-case words)."""
    w = d.words
    if v == 0:
        return False
    prev = low(w[v - 1])
    if prev in NOUN_LEAD or prev.endswith(("'s", "’s")) and len(prev) > 2:
        return True
    if w[v][:1].isupper() and not d.sent_start[v]:
        near = w[max(0, v - 4) : v + 5]
        return any(x[:1].islower() and len(x) > 3 for x in near)  # not a title-case headline
    return False
