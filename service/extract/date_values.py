"""Date vocabularies and calendar arithmetic: from the parts of a date expression to an ISO value.

The date finder (service.extract.dates) matches expressions with its rules and hands each match
here: `value_of` turns the match's groups into a full or partial ISO date against the
publication date (see that module's docstring for what each rule resolves to), and
`shift_anchor` resolves an anaphoric one against an earlier date in the text. `date_hints` reads
the weekday, month and day a phrase names on its own. The month, weekday and number words live
here, shared by the finder's patterns and the resolution.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from service.months import EN_MONTH_ABBR, EN_MONTHS

__all__ = [
    "EN_MONTH_NUMBERS",
    "EN_WEEKDAY_ABBR",
    "FOREIGN_MONTHS",
    "ISO_VALUE",
    "NUMBERS",
    "TODAY",
    "WEEKDAYS",
    "YESTERDAY",
    "DateHints",
    "date_hints",
    "shift_anchor",
    "value_of",
]

# --- vocabularies -------------------------------------------------------------------------------

EN_MONTH_NUMBERS = {m: n for n, m in enumerate(EN_MONTHS, 1)}
_EN_ABBR = EN_MONTH_ABBR
# Other languages: written lower-case in running text, so matched case-insensitively, but only in
# day-month(-year) and month-year forms where a collision with an ordinary word is unlikely.
FOREIGN_MONTHS = {
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
WEEKDAYS = {
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
EN_WEEKDAY_ABBR = {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
    "sun": 6,
}  # fmt: skip
YESTERDAY = ("yesterday", "ayer", "gestern", "ieri", "ontem", "gisteren")
TODAY = (
    "today", "tonight", "hoy", "heute", "oggi", "hoje", "aujourd'hui", "aujourd’hui", "vandaag",
)  # fmt: skip
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "couple of": 2, "a couple of": 2,
}  # fmt: skip


# --- resolution -----------------------------------------------------------------------------------


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
    return EN_MONTH_NUMBERS.get(w) or _EN_ABBR.get(w) or FOREIGN_MONTHS.get(w)


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
    n = int(num) if num.isdigit() else NUMBERS.get(" ".join(num.lower().split()), 0)
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
ISO_VALUE = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?\Z")


def value_of(
    rule: str, m: re.Match[str], pub: dt.date | None
) -> tuple[str | None, str, int | None]:
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
        wd = WEEKDAYS.get(w, EN_WEEKDAY_ABBR.get(w))
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
            wd = WEEKDAYS.get(w)
            if wd is None and (tok.endswith(".") or len(toks) == 1):
                wd = EN_WEEKDAY_ABBR.get(w)
            if wd is not None:
                weekday = wd
                continue
        if month is None and (mon := _month_num(w)) is not None:
            month = mon
            near = [t for t in toks[max(0, i - 1) : i + 2] if t.isdigit()]
            if near and 1 <= int(near[0]) <= 31:
                day = int(near[0])
    return DateHints(weekday, month, day)
