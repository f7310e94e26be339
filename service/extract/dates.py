"""Find date expressions in news text and resolve them to ISO full or partial dates.

Rules (regex, stdlib only; fast enough for the offline engine):

* Absolute dates resolve with or without a publication date: "2024-02-07", "24-04-2024",
  "7 February 2024", "February 7, 2024", "January 2024", "in 2015", "end of 2024".
* Everything else is relative and resolves against the publication date, or to None without one:
  - weekdays ("on Sunday", "Monday morning", "late on Sunday night") are the most recent such day
    not after publication (the publication weekday itself is the publication day); "last Monday"
    is strictly before, "next Monday" strictly after;
  - "yesterday", "today", "tonight", "last night" (the evening before: publication - 1 day),
    "tomorrow", "N days ago" give full dates;
  - month and day without a year ("April 14", "Feb. 7") take the publication year unless that
    lands more than 31 days after publication, then the year before;
  - a month alone ("in November") is the most recent such month not after the publication month;
    "last November" is strictly before, "next March" strictly after;
  - "this week" / "last week" / "next week" / "the weekend" give the month (YYYY-MM) when the whole
    week lies in one month, else the year when it lies in one year, else None: a week is too vague
    for a day, and a month is the most specific value that is still certainly right;
  - "this month", "earlier this month", "last month", "N months ago" give YYYY-MM; "N weeks ago"
    gives the month of that day; "this year", "last year", "N years ago" give YYYY.
* Anaphoric expressions ("a day later", "the next day", "days later") depend on an earlier date
  in the text, not on publication: they come back with value None, kind "anaphoric" and
  `shift_days` (None when the shift is vague, as in "days later") for the caller to resolve.

English is covered fully; month and weekday names, "yesterday"/"today", in French, Spanish,
German, Italian, Portuguese and Dutch are recognised in the common day-month-year and weekday forms.

This module holds the rules and the scan; the word lists and the calendar arithmetic that turns
a match into its value are in service.extract.date_values.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from service.extract.date_scan import AnchorWindows, needed, year_starts
from service.extract.date_values import (
    EN_MONTH_NUMBERS,
    EN_WEEKDAY_ABBR,
    FOREIGN_MONTHS,
    ISO_VALUE,
    NUMBERS,
    TODAY,
    WEEKDAYS,
    YESTERDAY,
    DateHints,
    date_hints,
    shift_anchor,
    value_of,
)
from service.extract.word_scan import alternation
from service.months import EN_MONTH_ABBR

__all__ = ["DateHints", "DateMention", "date_hints", "find_dates", "resolve", "shift_anchor"]


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    # "absolute" (no publication date needed), "relative" (against publication) or "anaphoric"
    # (against an earlier date in the text; see `shift_days`).
    kind: str = "absolute"
    shift_days: int | None = None


_EN_MONTH_FULL = "|".join(m.capitalize() for m in sorted(EN_MONTH_NUMBERS, key=len, reverse=True))
_EN_MONTH_ABBR = "|".join(a.capitalize() for a in sorted(EN_MONTH_ABBR, key=len, reverse=True))
# "Feb." / "Sept" / "February"; abbreviations need a dot or a following number to count
_MON = rf"(?P<mon>{_EN_MONTH_FULL}|(?:{_EN_MONTH_ABBR})\.?)"
_MON_FULL = rf"(?P<mon>{_EN_MONTH_FULL}|(?:{_EN_MONTH_ABBR})\.)"
_FMON = rf"(?P<fmon>{alternation(FOREIGN_MONTHS)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WD_NAMES = rf"(?:{alternation(WEEKDAYS)})"
_WD = rf"(?P<wd>{_WD_NAMES}|(?:{alternation(EN_WEEKDAY_ABBR)})\.)"
# an optional weekday in front of a full date ("Friday, January 26, 2024") belongs to the mention
_WD_PREFIX = rf"(?:(?i:{_WD_NAMES}),?\s+(?:the\s+)?)?"
# _YEAR after no word character, currency sign or number punctuation; each look-behind follows the
# year's first digit (and re-reads it), so a whole-text scan skips ahead to the 1s and 2s
_BARE_YEAR = r"(?P<year>(?:1(?<![\w$€£.,/-]1)9|2(?<![\w$€£.,/-]2)0)\d{2})"
_B = r"(?<![\w-])"
_E = r"(?![\w])"
_TIME_OF_DAY = r"(?:\s+(?P<tod>morning|afternoon|evening|night|overnight))?"
_NUM_WORD = rf"(?P<num>\d+|{alternation(NUMBERS)})"

_FLAGS = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: re.Pattern[str]
    rank: int  # lower wins when two matches overlap with the same length


def _rules() -> list[_Rule]:
    specs: list[tuple[str, str, int]] = [
        ("iso", rf"{_B}{_YEAR}-(?P<m>[01]?\d)-(?P<d>[0-3]?\d){_E}", 0),
        ("dmy_num", rf"{_B}(?P<d>[0-3]?\d)(?P<sep>[.-])(?P<m>[01]?\d)(?P=sep){_YEAR}{_E}", 0),
        ("mdy_slash", rf"{_B}(?P<m>[0-3]?\d)/(?P<d>[0-3]?\d)/{_YEAR}{_E}", 1),
        (
            "dmy",
            rf"{_B}{_WD_PREFIX}{_DAY}\.?\s+(?:of\s+|de\s+)?{_MON_FULL}(?:,?\s+{_YEAR})?{_E}",
            1,
        ),
        ("mdy", rf"{_B}{_WD_PREFIX}{_MON}\s+{_DAY}(?:,?\s+{_YEAR})?(?![\w:.,]\d)", 1),
        (
            "fdmy",
            rf"{_B}{_WD_PREFIX}{_DAY}\.?\s+(?:de\s+)?{_FMON}(?:,?\s+(?:de\s+|del\s+)?{_YEAR})?{_E}",
            2,
        ),
        ("my", rf"{_B}{_MON_FULL},?\s+(?:of\s+)?{_YEAR}{_E}", 1),
        ("fmy", rf"{_B}{_FMON}\s+(?:de\s+|del\s+)?{_YEAR}{_E}", 2),
        (
            "end_year",
            rf"{_B}(?P<pos>end|beginning|start|middle|spring|summer|autumn|fall|winter)\s+of\s+{_YEAR}{_E}",
            1,
        ),
        ("year", rf"{_BARE_YEAR}(?![\w%/]|[.,:-]\d|\s*(?:per\s*cent|percent))", 5),
        (
            "month",
            rf"{_B}(?i:(?P<mod>last|next|this|earlier\s+this|later\s+this|early|late|mid)[\s-]+)?{_MON_FULL}{_E}",
            3,
        ),
        (
            "weekday",
            rf"{_B}(?:(?P<part>late|early)\s+(?:on\s+)?)?(?:(?P<mod>last|next|this|past)\s+)?{_WD}{_TIME_OF_DAY}{_E}",
            3,
        ),
        (
            "yesterday",
            rf"{_B}(?:the\s+day\s+before\s+)?(?P<w>{alternation(YESTERDAY)}){_TIME_OF_DAY}{_E}",
            3,
        ),
        (
            "today",
            rf"{_B}(?:earlier\s+|later\s+)?(?P<w>{alternation(TODAY)}|this\s+(?:morning|afternoon|evening)|last\s+night|tomorrow){_E}",
            3,
        ),
        (
            "span",
            rf"{_B}(?:(?:earlier|later)\s+)?(?P<mod>this|last|next|past|previous|the)\s+(?P<unit>week|weekend|month|year){_E}",
            3,
        ),
        (
            "end_of",
            rf"{_B}(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)(?P<unit>week|month|year){_E}",
            2,
        ),
        ("ago", rf"{_B}{_NUM_WORD}\s+(?P<unit>day|week|month|year)s?\s+ago{_E}", 3),
        (
            "anaphor",
            rf"{_B}(?:(?P<one>a|one|the\s+next|the\s+following|the\s+previous)\s+(?P<u1>day|week|month)(?:\s+(?P<dir>later|earlier))?|(?P<many>days|weeks|months|hours)\s+(?P<dir2>later|earlier)|the\s+day\s+before){_E}",
            4,
        ),
    ]
    # "this month" etc. are matched by "span"; these keep the case-sensitive English month names
    out: list[_Rule] = []
    for name, pat, rank in specs:
        flags = 0 if name in {"mdy", "dmy", "my", "month"} else _FLAGS
        out.append(_Rule(name, re.compile(pat, flags), rank))
    return out


_RULES = _rules()
# a month alone needs a cue when its name is also a common word ("May", "March")
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|of|last|next|this|early|late|mid|"
    r"between|and|or|to|before|after|since|end)\s*-?\s*)$",
    re.IGNORECASE,
)
_AMBIGUOUS_MONTHS = {"may", "march", "mar", "jan", "sun", "sat", "wed"}


# --- scanning ---------------------------------------------------------------------------------


# Rules keyed to words run only in windows around those words (service.extract.date_scan): one
# scan for the words instead of eighteen alternation-heavy regexes over the whole text.
_MONTH_WORDS = frozenset([*EN_MONTH_NUMBERS, *EN_MONTH_ABBR, *FOREIGN_MONTHS])
_WEEKDAY_WORDS = frozenset([*(w.split("-")[0] for w in WEEKDAYS), *EN_WEEKDAY_ABBR])
_RELATIVE_WORDS = frozenset(
    [*YESTERDAY, *(w.split("'")[0].split("’")[0] for w in TODAY), "tomorrow", "morning",
     "afternoon", "evening", "night", "week", "weekend", "month", "year", "ago", "later", "earlier",
     "day", "days", "weeks", "months", "hours", "before"]
)  # fmt: skip
_ANCHORED = {
    "dmy": "month_num", "mdy": "month_num", "fdmy": "month_num", "my": "month_num",
    "fmy": "month_num",
    "month": "month", "weekday": "weekday", "yesterday": "relative", "today": "relative",
    "span": "relative", "end_of": "relative", "ago": "relative", "anaphor": "relative",
}  # fmt: skip
_WINDOWS = AnchorWindows(
    {"month": _MONTH_WORDS, "weekday": _WEEKDAY_WORDS, "relative": _RELATIVE_WORDS},
    width=45,
    # the rules with a day or a year in them need a digit (\d, as they match it) in the window
    digit_kinds={"month_num": "month"},
)
# Anchored rules every match of which holds one of these words as a whole token (a maximal run of
# letters; lower case here): a window of the rule's kind that holds none of them is spared the
# rule (a text holding none, every window).
# re.IGNORECASE also matches four characters outside A-Z to ASCII letters (İ and ı to i, ſ to s,
# the Kelvin sign to k), which the anchor finder does not fold: a text holding one runs every rule.
_RULE_WORDS = {
    "fdmy": frozenset(FOREIGN_MONTHS),
    "fmy": frozenset(FOREIGN_MONTHS),
    "yesterday": frozenset(YESTERDAY),
    "today": frozenset(
        [
            *(w.split("'")[0].split("’")[0] for w in TODAY),
            "morning",
            "afternoon",
            "evening",
            "night",
            "tomorrow",
        ]
    ),  # fmt: skip
    "span": frozenset(["week", "weekend", "month", "year"]),
    "end_of": frozenset(["week", "month", "year"]),
    "ago": frozenset(["ago"]),
    "anaphor": frozenset(["day", "week", "month", "days", "weeks", "months", "hours"]),
}
_CASE_EXTRAS = "\u0130\u0131\u017f\u212a"


def _exact_case(text: str) -> bool:
    """False for a text holding a character that re.IGNORECASE matches to an ASCII letter but the
    anchor finder does not fold (see _RULE_WORDS): no rule is spared in it."""
    return text.isascii() or not any(c in text for c in _CASE_EXTRAS)


def _matches(
    rule: _Rule,
    text: str,
    windows: dict[str, list[tuple[int, int]]],
    years: list[int],
    held: dict[str, list[set[str]]] | None = None,
) -> list[re.Match[str]]:
    """The rule's matches. `held`, when given, names the anchor words that start in each window
    (AnchorWindows.windows_and_words): a rule of _RULE_WORDS runs only in the windows holding one
    of its words, since its every match holds one, lies inside the window scanned, and so starts
    that word (an anchor) in it."""
    key = _ANCHORED.get(rule.name)
    found: list[re.Match[str]] = []
    if key is None:
        if not needed(rule.name, text, years):
            return []
        if rule.name == "year":
            # its every match starts at a year start: try only those, as finditer would
            end = 0
            for y in years:
                if y >= end and (m := rule.pattern.match(text, y)) is not None:
                    found.append(m)
                    end = m.end()
            return found
        if rule.name == "end_year":
            return _end_year_matches(rule.pattern, text, years)
        return list(rule.pattern.finditer(text))
    need = _RULE_WORDS.get(rule.name)
    if held is None or need is None:
        for a, b in windows[key]:
            found.extend(rule.pattern.finditer(text, a, b))
        return found
    for (a, b), words in zip(windows[key], held[key], strict=True):
        if not need.isdisjoint(words):
            found.extend(rule.pattern.finditer(text, a, b))
    return found


_LONGEST_POS = len("beginning")  # the longest word end_year reads before "of"
_OF = re.compile("of", re.IGNORECASE)


def _end_year_matches(pattern: re.Pattern[str], text: str, years: list[int]) -> list[re.Match[str]]:
    """end_year's matches ("end of 2023"), as its finditer over the text finds them: each ends
    at a year start (+4) with blanks, "of" and blanks before it, so it is looked for only from the
    longest such word before those, up to one character past the year (where its look-ahead
    reads). Its matches cannot overlap, nor can a match end past that character."""
    found: list[re.Match[str]] = []
    end = 0
    for y in years:
        j = y  # back over the blanks in front of the year (\s is str.isspace)
        while j and text[j - 1].isspace():
            j -= 1
        if j == y or j < 2 or not _OF.match(text, j - 2):
            continue
        k = j - 2  # and over those in front of "of"
        while k and text[k - 1].isspace():
            k -= 1
        if k == j - 2:
            continue
        m = pattern.search(text, max(end, k - _LONGEST_POS), y + 5)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


def _scan(text: str, published: dt.date | None, *, lenient: bool) -> list[DateMention]:
    cands: list[tuple[int, int, int, str, re.Match[str]]] = []
    windows, held = _WINDOWS.windows_and_words(text)
    years = year_starts(text)
    # a rule of _RULE_WORDS runs only in the windows holding one of its words (in none when the
    # text lacks them all), but in every window of its kind in a text that is not _exact_case
    held_words = held if _exact_case(text) else None
    for rule in _RULES:
        for m in _matches(rule, text, windows, years, held_words):
            s, e = m.span()
            if rule.name == "month" and not lenient and not m.group("mod"):
                word = m.group("mon").lower().rstrip(".")
                if word in _AMBIGUOUS_MONTHS and not _MONTH_CUE.search(text[max(0, s - 12) : s]):
                    continue
            if (
                rule.name == "span"
                and m.group("mod").lower() == "the"
                and m.group("unit").lower() != "weekend"
            ):
                continue
            if rule.name == "anaphor" and m.group(0).lower() in {
                "a day",
                "one day",
                "a week",
                "a month",
                "one week",
                "one month",
            }:
                continue
            if rule.name == "weekday":
                w = m.group("wd").lower()
                # "sun."/"sat." are words before they are weekdays
                if w.rstrip(".") in _AMBIGUOUS_MONTHS and not lenient:
                    continue
            cands.append((s, e, rule.rank, rule.name, m))
    # longest match wins, then the better-ranked rule, then the earlier one
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    # a per-character mask keeps the overlap test linear in long texts
    taken = bytearray(len(text) + 1)
    out: list[DateMention] = []
    for s, e, _rank, name, m in cands:
        if any(taken[s:e]):
            continue
        try:
            value, kind, shift = value_of(name, m, published)
        except OverflowError:  # "999999 days ago", or a publication date at the calendar's end
            value, kind, shift = None, "relative", None  # only relative rules do date arithmetic
        if value is not None and not ISO_VALUE.match(value):
            value = None  # "3000 years ago", "next year" in 9999: no four-digit year to give
        taken[s:e] = b"\x01" * (e - s)
        out.append(DateMention(s, e, text[s:e], value, kind, shift))
    out.sort(key=lambda d: d.start)
    return out


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in `text`, in text order, resolved against `published`."""
    return _scan(text, published, lenient=False)


def resolve(words: str, published: dt.date | None) -> str | None:
    """Resolve one date expression ("on Sunday", "April 14", "last week"); None if unknown."""
    found = _scan(words, published, lenient=True)
    for mention in found:
        if mention.value is not None:
            return mention.value
    return None
