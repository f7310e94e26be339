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
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from service.extract.date_scan import AnchorWindows, needed, year_starts
from service.months import EN_MONTH_ABBR, EN_MONTHS

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


# --- vocabularies -------------------------------------------------------------------------------

_EN_MONTHS = {m: n for n, m in enumerate(EN_MONTHS, 1)}
_EN_ABBR = EN_MONTH_ABBR
# Other languages: written lower-case in running text, so matched case-insensitively, but only in
# day-month(-year) and month-year forms where a collision with an ordinary word is unlikely.
_FOREIGN_MONTHS = {
    # fr
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
    # es
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "setiembre": 9, "septiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # de
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
    # it
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12,
    # pt
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "dezembro": 12,
    # nl (april, juni, juli, september, oktober, november, december as above or in English)
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
}  # fmt: skip
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4, "samstag": 5,
    "sonntag": 6,
    "lunedì": 0, "martedì": 1, "mercoledì": 2, "giovedì": 3, "venerdì": 4, "sabato": 5,
    "segunda-feira": 0, "terça-feira": 1, "quarta-feira": 2, "quinta-feira": 3,
    "sexta-feira": 4, "domenica": 6, "sonnabend": 5,
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5,
    "zondag": 6,
}  # fmt: skip
_EN_WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                    "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
_YESTERDAY = ("yesterday", "ayer", "gestern", "ieri", "ontem", "gisteren")
_TODAY = ("today", "tonight", "hoy", "heute", "oggi", "hoje", "aujourd'hui", "aujourd’hui",
          "vandaag")  # fmt: skip
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple of": 2, "a couple of": 2,
}  # fmt: skip


def _alt(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_EN_MONTH_FULL = "|".join(m.capitalize() for m in sorted(_EN_MONTHS, key=len, reverse=True))
_EN_MONTH_ABBR = "|".join(a.capitalize() for a in sorted(_EN_ABBR, key=len, reverse=True))
# "Feb." / "Sept" / "February"; abbreviations need a dot or a following number to count
_MON = rf"(?P<mon>{_EN_MONTH_FULL}|(?:{_EN_MONTH_ABBR})\.?)"
_MON_FULL = rf"(?P<mon>{_EN_MONTH_FULL}|(?:{_EN_MONTH_ABBR})\.)"
_FMON = rf"(?P<fmon>{_alt(_FOREIGN_MONTHS)})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|°)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WD_NAMES = rf"(?:{_alt(_WEEKDAYS)})"
_WD = rf"(?P<wd>{_WD_NAMES}|(?:{_alt(_EN_WEEKDAY_ABBR)})\.)"
# an optional weekday in front of a full date ("Friday, January 26, 2024") belongs to the mention
_WD_PREFIX = rf"(?:(?i:{_WD_NAMES}),?\s+(?:the\s+)?)?"
# _YEAR after no word character, currency sign or number punctuation; each look-behind follows the
# year's first digit (and re-reads it), so a whole-text scan skips ahead to the 1s and 2s
_BARE_YEAR = r"(?P<year>(?:1(?<![\w$€£.,/-]1)9|2(?<![\w$€£.,/-]2)0)\d{2})"
_B = r"(?<![\w-])"
_E = r"(?![\w])"
_TIME_OF_DAY = r"(?:\s+(?P<tod>morning|afternoon|evening|night|overnight))?"
_NUM_WORD = rf"(?P<num>\d+|{_alt(_NUMBERS)})"

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
            rf"{_B}(?:the\s+day\s+before\s+)?(?P<w>{_alt(_YESTERDAY)}){_TIME_OF_DAY}{_E}",
            3,
        ),
        (
            "today",
            rf"{_B}(?:earlier\s+|later\s+)?(?P<w>{_alt(_TODAY)}|this\s+(?:morning|afternoon|evening)|last\s+night|tomorrow){_E}",
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


# --- resolution helpers ---------------------------------------------------------------------------


def _iso(d: dt.date) -> str:
    return d.isoformat()


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_num(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return _EN_MONTHS.get(w) or _EN_ABBR.get(w) or _FOREIGN_MONTHS.get(w)


def _add_months(y: int, m: int, delta: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + delta
    return idx // 12, idx % 12 + 1


def _range_value(first: dt.date, last: dt.date) -> str | None:
    """The most specific ISO value certainly containing both days."""
    if first == last:
        return _iso(first)
    if (first.year, first.month) == (last.year, last.month):
        return _ym(first.year, first.month)
    if first.year == last.year:
        return f"{first.year:04d}"
    return None


def _month_day(mon: int, day: int, year: int | None, pub: dt.date | None) -> str | None:
    if year is not None:
        d = _safe_date(year, mon, day)
        return _iso(d) if d else None
    if pub is None:
        return None
    d = _safe_date(pub.year, mon, day)
    if d is None:
        return None
    if (d - pub).days > 31:
        d = _safe_date(pub.year - 1, mon, day)
    return _iso(d) if d else None


def _month_only(mon: int, mod: str | None, pub: dt.date | None) -> str | None:
    if pub is None:
        return None
    mod = (mod or "").lower()
    if mod == "next":
        year = pub.year if mon > pub.month else pub.year + 1
    elif mod == "last":
        year = pub.year if mon < pub.month else pub.year - 1
    elif mod.endswith("this"):
        year = pub.year
    else:
        year = pub.year if mon <= pub.month else pub.year - 1
    return _ym(year, mon)


def _weekday(wd: int, mod: str | None, pub: dt.date | None) -> str | None:
    if pub is None:
        return None
    mod = (mod or "").lower()
    if mod == "next":
        ahead = (wd - pub.weekday()) % 7 or 7
        return _iso(pub + dt.timedelta(days=ahead))
    back = (pub.weekday() - wd) % 7
    if mod in {"last", "past"} and back == 0:
        back = 7
    return _iso(pub - dt.timedelta(days=back))


def _span(unit: str, mod: str, pub: dt.date | None) -> str | None:
    if pub is None:
        return None
    unit, mod = unit.lower(), mod.lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1}.get(mod, 0)
    if unit == "year":
        return f"{pub.year + step:04d}"
    if unit == "month":
        return _ym(*_add_months(pub.year, pub.month, step))
    monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(days=7 * step)
    if unit == "weekend":
        sat = monday + dt.timedelta(days=5)
        # "the weekend" / "this weekend" read in the week after it are the weekend just gone
        if mod in {"the", "this"} and sat > pub:
            sat -= dt.timedelta(days=7)
        return _range_value(sat, sat + dt.timedelta(days=1))
    last = monday + dt.timedelta(days=6)
    if step == 0:
        last = min(last, pub)
    return _range_value(monday, last)


def _ago(num: str, unit: str, pub: dt.date | None) -> str | None:
    if pub is None:
        return None
    n = int(num) if num.isdigit() else _NUMBERS.get(" ".join(num.lower().split()), 0)
    if n <= 0:
        return None
    unit = unit.lower()
    if unit == "day":
        return _iso(pub - dt.timedelta(days=n))
    if unit == "week":
        d = pub - dt.timedelta(days=7 * n)
        return _ym(d.year, d.month)
    if unit == "month":
        return _ym(*_add_months(pub.year, pub.month, -n))
    return f"{pub.year - n:04d}"


def shift_anchor(anchor: str | None, shift_days: int | None) -> str | None:
    """Resolve an anaphoric mention against an earlier resolved date.

    With a day shift and a full anchor the result is a full date; a vague shift ("days later")
    keeps the anchor's month, the most specific value that is still likely right.
    """
    if anchor is None:
        return None
    if len(anchor) == 10 and shift_days is not None:
        try:
            return _iso(dt.date.fromisoformat(anchor) + dt.timedelta(days=shift_days))
        except OverflowError:  # a day before 0001-01-01 or after 9999-12-31
            return None
    return anchor[:7]


# the values a digest can hold (schemas.digest): YYYY, YYYY-MM or YYYY-MM-DD, years 0000-9999
_ISO_VALUE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")


# --- scanning ---------------------------------------------------------------------------------


def _value(rule: str, m: re.Match[str], pub: dt.date | None) -> tuple[str | None, str, int | None]:
    """(value, kind, shift_days) of one match."""
    g = m.groupdict()
    if rule in {"iso", "dmy_num", "mdy_slash"}:
        y, mo, d = int(g["year"]), int(g["m"]), int(g["d"])
        if rule == "mdy_slash" and mo <= 12 and d <= 12 and mo != d:
            # 04/05/2024: day-first and month-first readings differ; only the year is certain
            return (f"{y:04d}", "absolute", None)
        if rule == "mdy_slash" and mo > 12:
            mo, d = d, mo
        if rule == "dmy_num" and mo > 12 >= d:
            mo, d = d, mo
        date = _safe_date(y, mo, d)
        return (_iso(date) if date else None, "absolute", None)
    if rule in {"dmy", "mdy", "fdmy"}:
        mon = _month_num(g.get("mon") or g.get("fmon") or "")
        day = int(g["day"])
        year = int(g["year"]) if g.get("year") else None
        if mon is None:
            return (None, "absolute", None)
        return (_month_day(mon, day, year, pub), "absolute" if year else "relative", None)
    if rule in {"my", "fmy"}:
        mon = _month_num(g.get("mon") or g.get("fmon") or "")
        return (_ym(int(g["year"]), mon) if mon else None, "absolute", None)
    if rule in {"year", "end_year"}:
        return (g["year"], "absolute", None)
    if rule == "month":
        mon = _month_num(g["mon"])
        if mon is None:
            return (None, "relative", None)
        mod = g.get("mod")
        if mod and mod.lower() in {"early", "late", "mid"}:
            mod = None
        return (_month_only(mon, mod, pub), "relative", None)
    if rule == "weekday":
        w = g["wd"].lower().rstrip(".")
        wd = _WEEKDAYS.get(w, _EN_WEEKDAY_ABBR.get(w))
        if wd is None:
            return (None, "relative", None)
        return (_weekday(wd, g.get("mod"), pub), "relative", None)
    if rule == "yesterday":
        if pub is None:
            return (None, "relative", None)
        back = 2 if m.group(0).lower().startswith("the day before") else 1
        return (_iso(pub - dt.timedelta(days=back)), "relative", None)
    if rule == "today":
        if pub is None:
            return (None, "relative", None)
        w = " ".join(g["w"].lower().split())
        delta = {"last night": -1, "tomorrow": 1}.get(w, 0)
        return (_iso(pub + dt.timedelta(days=delta)), "relative", None)
    if rule == "span":
        return (_span(g["unit"], g["mod"], pub), "relative", None)
    if rule == "end_of":
        return (_span(g["unit"], "this", pub), "relative", None)
    if rule == "ago":
        return (_ago(g["num"], g["unit"], pub), "relative", None)
    # anaphoric: resolved by the caller against an earlier date in the text
    text = m.group(0).lower()
    if g.get("many"):
        return (None, "anaphoric", 0 if g["many"].lower() == "hours" else None)
    unit = (g.get("u1") or "day").lower()
    direction = (g.get("dir") or "").lower()
    sign = -1 if ("previous" in text or direction in {"earlier", "before"}) else 1
    if text.startswith("the day before"):
        sign = -1
    days = {"day": 1, "week": 7}.get(unit)
    return (None, "anaphoric", sign * days if days else None)


# Rules keyed to words run only in windows around those words (service.extract.date_scan): one
# scan for the words instead of eighteen alternation-heavy regexes over the whole text.
_MONTH_WORDS = frozenset([*_EN_MONTHS, *_EN_ABBR, *_FOREIGN_MONTHS])
_WEEKDAY_WORDS = frozenset([*(w.split("-")[0] for w in _WEEKDAYS), *_EN_WEEKDAY_ABBR])
_RELATIVE_WORDS = frozenset(
    [*_YESTERDAY, *(w.split("'")[0].split("’")[0] for w in _TODAY), "tomorrow", "morning",
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
    "fdmy": frozenset(_FOREIGN_MONTHS),
    "fmy": frozenset(_FOREIGN_MONTHS),
    "yesterday": frozenset(_YESTERDAY),
    "today": frozenset(
        [
            *(w.split("'")[0].split("’")[0] for w in _TODAY),
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
            value, kind, shift = _value(name, m, published)
        except OverflowError:  # "999999 days ago", or a publication date at the calendar's end
            value, kind, shift = None, "relative", None  # only relative rules do date arithmetic
        if value is not None and not _ISO_VALUE.match(value):
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


@dataclass(frozen=True, slots=True)
class DateHints:
    """What a date phrase says on its own, without a publication date to resolve it against."""

    weekday: int | None = None  # Monday = 0
    month: int | None = None
    day: int | None = None


_HINT_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)?\.?|(?<!\d)\d{1,2}(?!\d)")


def date_hints(words: str | None) -> DateHints:
    """The weekday, month and day named in a date phrase ("late on Sunday night" -> Sunday,
    "Feb. 4" -> February 4); empty hints for phrases that name none ("days later")."""
    if not words:
        return DateHints()
    weekday = month = day = None
    toks = _HINT_TOKEN.findall(words)
    for i, tok in enumerate(toks):
        w = tok.lower().rstrip(".")
        if weekday is None:
            wd = _WEEKDAYS.get(w)
            if wd is None and (tok.endswith(".") or len(toks) == 1):
                wd = _EN_WEEKDAY_ABBR.get(w)
            if wd is not None:
                weekday = wd
                continue
        if month is None and (mon := _month_num(w)) is not None:
            month = mon
            near = [t for t in toks[max(0, i - 1) : i + 2] if t.isdigit()]
            if near and 1 <= int(near[0]) <= 31:
                day = int(near[0])
    return DateHints(weekday, month, day)
