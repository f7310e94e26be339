"""What an article itself says about its people's gender, for pronoun agreement.

The first-name list (service.extract.name_gender) knows 'Hillary' but not every name, and says
nothing of a surname alone. The article often does:

- a title before a mention: 'Mrs. Clinton', 'Mr. Sanders', 'Frau Weber', 'Mme Dupont', 'Sra. Ruiz';
- a gendered noun before a mention or in apposition after it, or as the actor's role: 'his wife
  Jane Roe', 'Congresswoman Roe', 'Roe, a mother of two,', 'Roe, the son of a miner';
- the pronouns of a sentence that one person opens, outside quotation marks: 'Roe said her
  campaign ...' (weaker: read only when neither the title nor the name decides).

`Genders(...).of(name)` gives 'm', 'f' or None: the first-name list first (a title may sit on a
mention merged into the wrong actor), then titles and nouns, then
the sentence pronouns (a clear majority of at least two sentences).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import compress, count
from typing import Protocol

from schemas import Actor, ActorType
from service.extract.actor_mentions import in_regions, union
from service.extract.name_gender import gender as name_gender
from service.extract.name_gender import own_genders
from service.extract.names import Doc, name_key

# pronouns that stand for either gender although the lexicon maps them to 'he' (Indonesian,
# Finnish, Hungarian)
UNGENDERED = frozenset(["dia", "beliau", "hän", "ő"])


def _alt(words: str) -> str:
    return "|".join(sorted((re.escape(w) for w in words.split()), key=len, reverse=True))


_TITLE_F = "Mrs. Mrs Ms. Ms Miss Madam Madame Mme. Mme Mlle. Mlle Dame Lady Frau Señora Sra. Srta. Signora Sig.ra"
_TITLE_M = "Mr. Mr Sir Lord Monsieur Herr Herrn Señor Sr. Signor Sig."
_TITLE_RE = re.compile(rf"(?:^|[\s(\"“'‘])(?:({_alt(_TITLE_F)})|({_alt(_TITLE_M)}))\s+$")
_TITLE_FR_M = re.compile(r"(?:^|\s)M\.\s+$")  # 'M. Dupont' in French; an initial elsewhere
# gendered nouns (English): a role or kinship word, or a -woman/-man compound
_NOUN_F = (
    "wife mother daughter sister widow grandmother granddaughter aunt niece girlfriend fiancee"
    " actress queen princess duchess countess heiress hostess waitress mom mum woman girl lady"
    " stepmother stepdaughter nun"
)
_NOUN_M = (
    "husband father son brother widower grandfather grandson uncle nephew boyfriend fiance king"
    " prince duke dad man boy stepfather stepson"
)
_COMPOUND_F = r"[a-z]*woman|[a-z]*women"
_COMPOUND_M = r"(?:congress|spokes|chair|business|council|assembly|anchor|sales|front|police|fire|"
_COMPOUND_M += r"committee|alder|middle|gentle|country|states|frontier)man"
_NOUN = rf"(?:({_COMPOUND_F}|{_alt(_NOUN_F)})|({_COMPOUND_M}|{_alt(_NOUN_M)}))"
# the -woman/-man role compounds by the pronoun that stands for their holder
ROLE_COMPOUNDS = {"she": _COMPOUND_F, "he": _COMPOUND_M}
_BEFORE_RE = re.compile(rf"(?i:\b{_NOUN})\s*,?\s*$")
_SKIP = r"(?!(?:of|and|or|who|whose|to|for|with|in|at|by|from|that)\b)"
_AFTER_RE = re.compile(
    rf"\s*,\s*(?i:(?:an?|the|his|her|their|its|one)\s+(?:{_SKIP}[\w'’-]+\s+){{0,3}}?{_NOUN})\b"
)
_ROLE_RE = re.compile(rf"(?i:\b{_NOUN}\b)")
# pronouns of a sentence, by gender (English)
_PRON_F = frozenset(["she", "her", "hers", "herself"])
_PRON_M = frozenset(["he", "him", "his", "himself"])
_PRON = _PRON_F | _PRON_M
_LEAD = 4  # a sentence's subject: a mention within its first tokens


_TITLE_FIRST = frozenset(w[0] for w in (_TITLE_F + " " + _TITLE_M).split())


def title_gender(text: str, at: int) -> str | None:
    """'f' or 'm' for a gendered title right before `at` ('Mrs. ', 'Herr '), else None."""
    before = text[max(0, at - 12) : at]
    if _TITLE_FIRST.isdisjoint(before):
        return None  # no title's first letter: most mentions
    t = _TITLE_RE.search(before)
    if t is None:
        return None
    return "f" if t.group(1) else "m"


def noun_gender(word: str) -> str | None:
    """'f' for 'mother' or 'spokeswoman', 'm' for 'husband', None for 'nurse' or 'resident'."""
    return _noun_gender(_ROLE_RE.fullmatch(word))


def _noun_gender(m: re.Match[str] | None) -> str | None:
    if m is None:
        return None
    return "f" if m.group(1) else "m"


class Genders:
    """Per article: the gender each person's name takes, from the article and the name list."""

    def __init__(
        self, d: Doc, actors: Sequence[Actor], quoted: Sequence[tuple[int, int]], lang: str
    ) -> None:
        self.d = d
        self.lang = lang
        self.quoted = union(list(quoted))
        self.people = [a for a in actors if a.type == ActorType.person and not a.anonymous]
        self._by_name: dict[str, str | None] = {}
        self._votes: dict[str, Counter[str]] | None = None
        self._actor = {a.name: a for a in self.people}
        self._keys: dict[str, str] | None = None  # name keys of people's names and aliases

    def _in_quote(self, pos: int) -> bool:
        return in_regions(pos, self.quoted)

    def _stated(self, a: Actor) -> str | None:
        """A title or gendered noun at the actor's mentions, or its role: 'f', 'm' or None."""
        text = self.d.text
        votes: Counter[str] = Counter()
        if a.role:
            g = _noun_gender(_ROLE_RE.search(re.split(r" (?:of|at|for|in|to) ", a.role)[0]))
            if g:
                votes[g] += 1
        for m in a.mentions:
            before = text[max(0, m.start - 30) : m.start]
            t = _TITLE_RE.search(before)
            if t:
                votes["f" if t.group(1) else "m"] += 1
            elif self.lang == "fr" and _TITLE_FR_M.search(before):
                votes["m"] += 1
            elif self.lang == "en":
                g = _noun_gender(_BEFORE_RE.search(before))
                g = g or _noun_gender(_AFTER_RE.match(text, m.end, m.end + 60))
                if g:
                    votes[g] += 1
            head = text[m.start : m.end].split(" ", 1)[0]
            t = _TITLE_RE.search(head + " ")
            if t and head != text[m.start : m.end]:
                votes["f" if t.group(1) else "m"] += 1
        return _decide(votes, 1)

    def _titled_full(self, a: Actor) -> str | None:
        """The gender of a title written right before the actor's full name ('Mrs Wanjiru
        Kamau'): surer than the first-name list, which a name of another people may mislead."""
        for m in a.mentions:
            k = self.d.text.find(a.name, m.start, m.end)
            if k > 0:
                t = _TITLE_RE.search(self.d.text[max(0, k - 12) : k])
                if t:
                    return "f" if t.group(1) else "m"
        return None

    def _pronoun_votes(self) -> dict[str, Counter[str]]:
        """Per person's name, the gendered pronouns of the sentences it alone opens, outside
        quotation marks, after the mention."""
        d = self.d
        votes: dict[str, Counter[str]] = {}
        if self.lang != "en":
            return votes
        sents = d.sents
        owners: dict[int, set[str]] = {}  # sentence index -> people mentioned in it
        subject: dict[int, tuple[str, int]] = {}  # sentence -> (name, token after its mention)
        for a in self.people:
            for m in a.mentions:
                if self._in_quote(m.start):
                    continue
                t = d.tok_at(m.start)
                si = bisect_right(sents, t) - 1
                owners.setdefault(si, set()).add(a.name)
                if si >= 0 and t - sents[si] < _LEAD:
                    subject.setdefault(si, (a.name, d.tok_at(m.end)))
        for si, (name, t0) in subject.items():
            if len(owners.get(si, ())) != 1:
                continue
            end = sents[si + 1] if si + 1 < len(sents) else len(d.words)
            found = set()
            # the sentence's words lower-cased at once; only its pronouns are looked at alone
            lows = list(map(str.lower, d.words[t0:end]))
            for t in compress(count(t0), map(_PRON.__contains__, lows)):
                if not self._in_quote(d.starts[t]):
                    found.add("f" if lows[t - t0] in _PRON_F else "m")
            if len(found) == 1:
                votes.setdefault(name, Counter())[found.pop()] += 1
        return votes

    def of(self, name: str | None) -> str | None:
        """'m', 'f' or None for a speaker's name (an actor's name, or a name the cue gave)."""
        if not name:
            return None
        if name in self._by_name:
            return self._by_name[name]
        full = name
        if name not in self._actor:
            if self._keys is None:
                # a form two people share ('Clinton' of Hillary and of Bill Clinton) names neither
                keys: dict[str, str] = {}
                for person in self.people:
                    for f in (*person.aliases, person.name):
                        k = name_key(f)
                        keys[k] = person.name if keys.get(k, person.name) == person.name else ""
                self._keys = keys
            full = self._keys.get(name_key(name)) or name
        a = self._actor.get(full)
        # the first name first: a title may sit on a mention the actor finder merged wrongly
        # ('Mr. Trump' as a mention of 'Ivanka Trump')
        own = own_genders(self.lang)
        words = name_key(full).split()
        # Hungarian writes the given name last ('Tóth Gábor')
        given = words[1:] if self.lang == "hu" else words[:-1]
        first = next((own[w] for w in given if w in own), None)
        g = first or (self._titled_full(a) if a else None)
        g = g or name_gender(full) or name_gender(name) or (self._stated(a) if a else None)
        if g is None and a is not None:
            if self._votes is None:
                self._votes = self._pronoun_votes()
            g = _decide(self._votes.get(full, Counter()), 2)
        self._by_name[name] = g
        return g

    def agrees(self, name: str | None, pronoun: str) -> bool:
        """False only when the name's gender contradicts "he" or "she"."""
        if pronoun not in ("he", "she"):
            return True
        g = self.of(name)
        return g is None or g == ("m" if pronoun == "he" else "f")


class _Said(Protocol):
    @property
    def speaker(self) -> str | None: ...
    @property
    def rule(self) -> str | None: ...
    @property
    def mention(self) -> str | None: ...


def spoke_in_person(by_key: Mapping[str, Sequence[Actor]], last: _Said | None) -> bool:
    """The last speaker is a person who spoke, not a document of theirs ('The letter read: ...'
    then 'It went on'): 'it' may not stand for them."""
    if last is None or last.rule == "document" or (last.mention or "").lower() == "it":
        return False
    found = by_key.get(name_key(last.speaker or ""))
    return found is not None and len(found) > 0 and found[0].type == ActorType.person


def _decide(votes: Counter[str], least: int) -> str | None:
    """The gender with at least `least` votes and at least twice the other's."""
    f, m = votes.get("f", 0), votes.get("m", 0)
    if f >= least and f >= 2 * m:
        return "f"
    if m >= least and m >= 2 * f:
        return "m"
    return None
