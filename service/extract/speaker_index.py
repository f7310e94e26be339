"""The article's actors looked up for speaker attribution (service.extract.speakers): by name,
surname, role and title, and by position (the last mention before an offset, the last named
person opening a sentence)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache, partial
from typing import Any

from schemas import Actor, ActorType
from service.extract import lexicon_intl as intl
from service.extract.actor_mentions import in_regions
from service.extract.cues import CUE_FINITE
from service.extract.lexicon_new_intl import ARTICLELESS
from service.extract.name_gender import agrees
from service.extract.names import (
    DETERMINERS,
    RANKS,
    ROLE_NOUNS,
    STOPWORDS,
    Doc,
    is_cap,
    low,
    name_key,
    split_titled,
)
from service.extract.noun_phrases import strip_det
from service.extract.person_match import same_person, surname_key
from service.extract.role_alias_intl import ALIASES

# Title words as name_key writes them ('conseillère' -> 'conseillere', 'mluvčí' -> 'mluvci'): a
# role's words are keyed, and a title with an accent was not found among ROLE_NOUNS, so 'la
# conseillère' never stood for the councillor named before.
_TITLE_KEYS = frozenset(name_key(w) for w in ROLE_NOUNS)


def is_title_key(word: str) -> bool:
    """A name_key'd word is a title ('ministre', 'conseillere', 'gesundheitsministerin')."""
    return word in ROLE_NOUNS or word in _TITLE_KEYS


def _word_before(text: str, at: int) -> str:
    """The keyed word that ends right before offset `at` (one space between)."""
    if at < 2 or text[at - 1] != " ":
        return ""
    return (
        _unelided(name_key(text[max(0, at - 40) : at - 1].rsplit(None, 1)[-1]))
        if text[at - 2].isalpha()
        else ""
    )


def _unelided(key: str) -> str:
    """A keyed word without an elided article ("L'échevine" keys as 'l echevine'): echevine."""
    return key[2:] if key[:2] in ("l ", "l'", "l’") else key


def _title_near(text: str, at: int, forms: list[str]) -> bool:
    """The title, perhaps declined or possessed, among the four words before offset `at` in its
    sentence, its complement or a comma between ('Η διευθύντρια του νοσοκομείου Μαρία Λαμπράκη',
    'A kórház igazgatója, Bérczesi Ildikó'): a word that is the title with at most three more
    letters (a case or possessive ending)."""
    before = text[max(0, at - 80) : at]
    cut = max(before.rfind(". "), before.rfind("\n"))
    words = before[cut + 1 :].split()[-4:]
    return any(
        len(f) > 4 and k.startswith(f) and len(k) - len(f) <= 3
        for k in (_unelided(name_key(x.strip(",;:"))) for x in words)
        for f in forms
    )


def _word_after(text: str, at: int) -> str:
    """The keyed word that starts right after offset `at` (one space between): a title after the
    name, as Hungarian writes it ('Tóth Gábor polgármester')."""
    if text[at : at + 1] != " " or not text[at + 1 : at + 2].isalpha():
        return ""
    return name_key(text[at + 1 : at + 40].split(None, 1)[0].rstrip(".,;:!?"))


def role_key(role: str | None) -> str:
    """A role looked up by its key: no determiner, and one form of spokesperson."""
    if not role:
        return ""
    k = name_key(" ".join(strip_det(role.split())))
    for a in ("spokeswoman", "spokesman"):
        k = k.replace(a, "spokesperson")
    return k


@lru_cache(maxsize=8192)
def _form_keys(form: str) -> tuple[str, ...]:
    """A name's look-up keys, as written and without its title (cached: names recur)."""
    return tuple({name_key(form), name_key(split_titled(form).name)})


@lru_cache(maxsize=4096)
def _role_parts(role: str) -> tuple[str, tuple[str, ...]]:
    """A role's key and its head phrase's words: 'chief executive of the ... Health Board' is
    headed by 'executive', not 'board' (cached: roles recur)."""
    head = re.split(r" (?:of|at|for|in|with) ", name_key(role))[0].split()
    return role_key(role), tuple(head)


class ActorIndex:
    """Actors looked up by name, surname, role and position."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self.actors = list(actors)
        self.by_key: dict[str, list[Actor]] = {}
        self.by_surname: dict[str, list[Actor]] = {}
        self.by_role: dict[str, list[Actor]] = {}
        self.heads: dict[str, list[Actor]] = {}
        self.titles: dict[str, list[Actor]] = {}
        self._subjects: tuple[list[int], list[tuple[int, int, Actor]]] | None = None
        self.quoted: list[tuple[int, int]] = []  # quotation regions: no subject inside them
        self.body = 0  # where the text's body starts, after a headline it opens with
        self.agrees = agrees  # per article, what the text says of gender (gender_evidence)
        # a name's gender as the text says it, set where the learned pronoun choice is on
        self.gender: Callable[[str], str | None] | None = None
        # the mentions of the named actors of a set of types, by start (for `mentioned_before`)
        self._by_types: dict[frozenset[ActorType], tuple[list[int], list[tuple[int, int, Actor]]]]
        self._by_types = {}
        # answers of `mentioned_before` and `subject_before`: they depend on the article alone
        self._before: dict[tuple[int, frozenset[ActorType], int, str], Actor | None] = {}
        self._subject_before: dict[tuple[int, str], tuple[int, Actor] | None] = {}
        # service.extract.pronoun_ranker's candidates by (pronoun, offset), kept for the article
        self.windows: dict[tuple[str, int], Any] = {}
        # ... and the facts of a candidate's mention (start, end) it reads, kept likewise
        self.mention_facts: dict[tuple[int, int], Any] = {}
        # ... and each person's mentions' ends by start, by -(the actor's index)
        self.mention_ends: dict[int, dict[int, int]] = {}
        for a in actors:
            forms = [a.name, *a.aliases]
            for f in forms:
                for k in _form_keys(f):
                    if k and a not in self.by_key.setdefault(k, []):
                        self.by_key[k].append(a)
            if a.type == ActorType.person and not a.anonymous:
                sk = surname_key(a.name)
                if sk:
                    self.by_surname.setdefault(sk, []).append(a)
            if a.role and not a.anonymous:
                role_key, head = _role_parts(a.role)
                self.by_role.setdefault(role_key, []).append(a)
                if head:
                    self.heads.setdefault(head[-1], []).append(a)
                # 'le ministre' / 'der Sprecher': any title word of a longer role
                for word in head:
                    if is_title_key(word):
                        self.titles.setdefault(word, []).append(a)

    def holders(self, title: str, text: str) -> list[Actor]:
        """The named actors holding a title word ('conseillere'): by their role, else written
        right before or after it ('Le ministre Jean Dupont a dit oui', 'Tóth Gábor polgármester';
        a title no cue read stays no role).
        A title with a suffixed article or case ending ('rektoren', 'kommunalradet',
        'prasidenten') is held by those of its bare form ('Rektor Sigrid Aune')."""
        forms = [title]
        for end in ("en", "et", "n"):
            if len(title) > 5 and title.endswith(end) and is_title_key(bare := title[: -len(end)]):
                forms.append(bare)
        forms += ALIASES.get(title, ())  # 'l'avocate': 'Me Caroline Wéry'
        if found := [a for f in forms for a in self.titles.get(f, [])]:
            return found
        # Hungarian writes the title after the name ('Nagy Ferenc polgármester szerint')
        after = intl.language(text) == "hu"
        return [
            a
            for a in self.actors
            if a.type == ActorType.person
            and not a.anonymous
            and any(
                _word_before(text, m.start) in forms
                or (after and _word_after(text, m.end) in forms)
                or _title_near(text, m.start, forms)
                for m in a.mentions
            )
        ]

    def subjects(self, d: Doc) -> tuple[list[int], list[tuple[int, int, Actor]]]:
        """Named people's mentions that open a sentence, by start (ties: the earlier actor last,
        so a backward scan meets it first); found once per article."""
        if self._subjects is None:
            opens = partial(_opens_sentence, d, self.sentences(d))
            found = [
                (m.start, -n, a)
                for n, a in enumerate(self.actors)
                if a.type == ActorType.person and not a.anonymous
                for m in a.mentions
                if opens(m.start) and not in_regions(m.start, self.quoted)
            ]
            found.sort(key=lambda x: (x[0], x[1]))
            self._subjects = ([x[0] for x in found], found)
        return self._subjects

    def sentences(self, d: Doc) -> list[int]:
        """The sentence-opening tokens, in order (found once per article)."""
        return d.sents

    def person(self, speaker: str | None) -> bool:
        """The attributed speaker may be 'he', 'she' or 'the 72-year-old': not a place or a body."""
        found = self.by_key.get(name_key(speaker or ""))
        return not found or found[0].type == ActorType.person

    @staticmethod
    def last_before(cands: Sequence[Actor], offset: int) -> Actor:
        def key(a: Actor) -> tuple[int, int]:
            before = [m.start for m in a.mentions if m.start <= offset]
            if before:
                return (1, max(before))
            return (0, -min((m.start for m in a.mentions), default=0))

        return max(cands, key=key)

    def name(self, name: str, offset: int) -> Actor | None:
        k = name_key(name)
        if k in self.by_key:
            return self.last_before(self.by_key[k], offset)
        cands = [
            a
            for a in self.actors
            if a.type == ActorType.person and not a.anonymous and same_person(a.name, name)
        ]
        if len(k.split()) == 1:
            cands = self.by_surname.get(surname_key(name), [])
        if cands:
            return self.last_before(cands, offset)
        return None

    def mentioned_before(
        self, offset: int, types: set[ActorType], *, lookback: int = 1500, pronoun: str = ""
    ) -> Actor | None:
        """The actor of those types, named and agreeing with the pronoun, whose last mention
        before the offset is the latest, if inside the lookback (ties: the earlier actor)."""
        key = (offset, frozenset(types), lookback, pronoun)
        if key in self._before:  # the same for every quotation that asks (one article)
            return self._before[key]
        starts, found = self._mentions_of(key[1])
        floor = offset - lookback
        refused: set[int] = set()
        best = None
        # back from the offset over every such actor's mentions: the first whose actor agrees
        for k in range(bisect_left(starts, offset) - 1, -1, -1):
            start, n, a = found[k]
            if start < floor:
                break
            if n not in refused:
                if self.agrees(a.name, pronoun):
                    best = a
                    break
                refused.add(n)
        self._before[key] = best
        return best

    def subject_before(self, d: Doc, hi: int, pronoun: str) -> tuple[int, Actor] | None:
        """(start, actor) of the last named person opening a sentence before `hi` who agrees
        with the pronoun (found once per offset and pronoun: every quotation near a pronoun asks
        about it)."""
        key = (hi, pronoun)
        if key in self._subject_before:
            return self._subject_before[key]
        starts, subjects = self.subjects(d)
        got = None
        for k in range(bisect_left(starts, hi) - 1, -1, -1):
            start, _, a = subjects[k]
            if self.agrees(a.name, pronoun):
                got = (start, a)
                break
        self._subject_before[key] = got
        return got

    def _mentions_of(
        self, types: frozenset[ActorType]
    ) -> tuple[list[int], list[tuple[int, int, Actor]]]:
        """The mentions of the named actors of those types as (start, -index, actor), sorted:
        at one start, the earlier actor comes last, so a backward scan meets it first (made once
        per article and set of types)."""
        got = self._by_types.get(types)
        if got is None:
            found = sorted(
                ((m.start, -n, a) for n, a in enumerate(self.actors)
                 if a.type in types and not a.anonymous for m in a.mentions),
                key=lambda x: (x[0], x[1]),
            )  # fmt: skip
            got = self._by_types[types] = ([x[0] for x in found], found)
        return got


def _opens_sentence(d: Doc, sents: list[int], start: int) -> bool:
    """The token at `start` opens a sentence, perhaps after a title ('Army spokesman Brigadier
    General'); `sents` holds the sentence-starting tokens, in order."""
    t = bisect_left(d.starts, start)
    i = bisect_right(sents, t) - 1
    k = _past_opener(d.words, sents[i], t) if i >= 0 else 0
    if i < 0 or t - k > _MAX_LEAD:
        return False
    # k: the nearest sentence start at or before the token (past a participle's clause), at
    # most _MAX_LEAD back
    if t > k and low(d.words[t - 1]) in _OF:
        return False  # 'O coordenador da Defesa Civil': a title's complement, not its subject
    if t - k < 4:
        # 'Harlow singled out Nowak': a name after a past-tense verb is its object
        return not any(w.islower() and w.endswith("ed") for w in d.words[k:t])
    lead = d.words[k:t]
    if t - k < 8 and all(low(w) in RANKS or low(w) in ROLE_NOUNS or w in "()" for w in lead):
        return True  # 'Chief (Mrs) Folasade Adeyemi', 'Rt. Hon. Adebayo Okunola'
    return _title_lead(d, k, t)


# Links between a title and its complement ('of', 'de', 'da', 'von', 'van'): a name after one
# is what the title is of.
_OF = frozenset(
    ["of", "de", "da", "do", "das", "dos", "del", "della", "di", "von", "van", "din", "du"]
)
_ARTICLES = DETERMINERS | intl.DETERMINERS


_MAX_LEAD = 10
# Participle endings of Romance languages: 'Consultada por este medio,', 'Contactado,'
_PARTICIPLE_ENDS = ("ada", "ado", "ida", "ido", "ata", "ato", "ita", "ito", "ée", "é")
# 'by' after it: 'Consultada por este medio', 'Interpellato dal Corriere', 'Interrogé par'
_AGENT = frozenset(["por", "pelo", "pela", "par", "da", "dal", "dalla", "dai"])


def _past_opener(words: list[str], k: int, t: int) -> int:
    """Where the sentence at token k starts once a participle's clause opening it is passed
    ('Consultada por este medio, la secretaria …, Diana Vélez, explicó'): after its comma, when
    the capitalised participle's comma comes within five words and before token t; k otherwise."""
    x = words[k]
    if not (x[:1].isupper() and x[1:].islower() and low(x).endswith(_PARTICIPLE_ENDS)):
        return k
    if k + 1 >= t or words[k + 1] != "," and low(words[k + 1]) not in _AGENT:
        return k  # 'Ricardo López, alcalde,': a first name, no participle
    for c in range(k + 1, min(k + 6, t)):
        if words[c] == ",":
            return c + 1
    return k


# possessives opening a title phrase outside English ('Son avocat, Me Laurent Dubois,'), and the
# French and Belgian lawyer's and notary's title before the name in apposition
_OWN_WORDS = "son sa su sua seu sein seine ihr ihre zijn haar jego jej"
_LEAD_OWN = frozenset(_OWN_WORDS.split())
_COURT_TITLES = frozenset(["Me", "Maître"])


def _title_lead(d: Doc, k: int, t: int) -> bool:
    """Tokens k..t-1 open the sentence as the subject's title: 'Army spokesman Brigadier General',
    'The winning candidate,', "The party's leader," (a title run, or a phrase closed by a comma)."""
    lead = d.words[k:t]
    if lead and lead[-1] == ",":
        return "," not in lead[:-1] and not any(low(x) in CUE_FINITE for x in lead)
    if (
        lead.count(",") == 1
        and (low(lead[0]) in _ARTICLES or low(lead[0]) in _LEAD_OWN or low(lead[0]) in ROLE_NOUNS)
        and lead[-1] != ","
        and not any(low(x) in CUE_FINITE for x in lead)
    ):
        # 'O coordenador da Defesa Civil, tenente-coronel', 'Direktur RSUD, dr.': a title phrase,
        # then up to two lower-case words of rank or trade before the name in apposition
        after = lead[lead.index(",") + 1 :]
        return len(after) <= 2 and all(
            x[0].islower() and x.replace("-", "").rstrip(".").isalpha() or x in _COURT_TITLES
            for x in after
        )
    if lead and low(lead[0]) in ROLE_NOUNS and not lead[0].isupper():
        # 'Wójt gminy Stara Wola Marian Kubiak': a title, then its lower-case complement (no
        # English function word, no speech verb) and the capitalised place it is of
        return all(
            is_cap(x)
            or low(x) in ROLE_NOUNS
            or low(x) in DETERMINERS
            or x.isalpha()
            and x.islower()
            and x not in STOPWORDS
            and x not in CUE_FINITE
            and x not in intl.SPEECH_VERBS
            for x in lead
        )
    if all(is_cap(x) or low(x) in ROLE_NOUNS or low(x) in DETERMINERS for x in lead):
        return True
    core = [x for x in lead if low(x) not in RANKS]
    if core and low(core[-1]) in ROLE_NOUNS and intl.language(d.text) == "en":
        # 'Hospital medical superintendent Dr.': a body, the trade's plain words, the title
        return all(
            is_cap(x) or x.isalpha() and x not in STOPWORDS and not x.endswith("ed") for x in core
        )
    # a language with no article puts the body in the genitive before the title ('Veselības
    # ministrijas preses sekretāre Līga Ose sola ...'): plain words, the last a title
    return (
        low(lead[-1]) in ROLE_NOUNS
        and all(x.isalpha() and low(x) not in CUE_FINITE for x in lead)
        and intl.language(d.text) in ARTICLELESS
    )
