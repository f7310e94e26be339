"""Write service/merge/xlang_lexicon.tsv: the words for a few time notions in the languages
quote_xlang reads, taken from the locale data of dateparser and babel (CLDR).

    python scripts/build_xlang_lexicon.py          # needs dateparser and babel (dev tools only)

A translation keeps "every day" as "todos los días", "elke dag", "jeden Tag", "codziennie"...:
words no spelling skeleton ties together but locale data lists side by side. Each line is a
notion and its folded words (units: day, week, month, year, hour, minute, with the forms CLDR's
"in 5 years" / "5 years ago" patterns give, such as Polish "roku"; the days next to
today; the parts of a day, with CLDR's "night" unit for French "nuit", whose part-of-day name
CLDR gives as "matin"). A word that stands for two notions ("tonight" is dateparser's "today
night"; Italian "stasera", "stamattina" are "sta" and a part of the day) has a line of its own,
named by both ("today+night"). A word listed under two notions ("mañana": morning and tomorrow)
is left out, as is any word quote_xlang already reads as a number, date or function word, as is
an abbreviation (a word that starts a word of its notion and language three or more letters
longer: "godz", "sett"; Polish "noc" stays beside Spanish "noches"); a word needs three or four
letters by its source (`_word`'s `shortest`: "dag", "noc" are kept), and short words that mean something
else in another language are listed apart ("mes" is Spanish for month and French for my, "ora"
Italian for hour and for now). The engine
reads the file; it never imports these packages."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from service.merge.common import fast_fold  # noqa: E402
from service.merge.quote_xlang import _DATES, _FUNCTION, _NUMERALS  # noqa: E402

LANGS = ("en", "es", "de", "fr", "it", "pt", "nl", "pl")
UNITS = ("day", "week", "month", "year", "hour", "minute")
RELATIVE = {"0 day ago": "today", "1 day ago": "yesterday", "in 1 day": "tomorrow"}
# CLDR's parts of a day differ by language (Portuguese "noite" is evening1, Spanish "noche"
# night1; "tonight" is "esta noche", "ce soir", "heute Abend"): evening and night are one notion
PERIODS = {"morning1": "morning", "evening1": "night", "night1": "night"}
# Italian says "this morning" in one word, "sta" (questa) and the part of the day: no locale
# data lists these
THIS_PART = {"it": "sta"}
# names that are other common words in a language read here: Spanish "mes" (month) is French
# for "my", Italian "ora" (hour) also "now", Spanish and Portuguese "tarde" (evening) also
# "late", Polish "noce" (nights) Italian "walnut", Italian "sera" (evening) French "will be"
# and, folded, Spanish and Portuguese "será" ("stasera" stays)
AMBIGUOUS = frozenset({"mes", "ora", "tarde", "noce", "sera"})
OUT = ROOT / "service" / "merge" / "xlang_lexicon.tsv"


def _word(phrase: str, shortest: int) -> list[str]:
    """The folded last word of a name ("di notte" -> notte, "1 Tag" -> tag), if a whole word."""
    w = fast_fold(phrase).split()[-1]
    return [w] if w.isalpha() and len(w) >= shortest and w not in AMBIGUOUS else []


def _relative_units(lang: str, unit: str) -> list[str]:
    """The unit's words in CLDR's relative-time patterns ("za {0} roku", "hace {0} años"): the
    word right after the number, in every plural form."""
    from babel import Locale

    fields = Locale.parse(lang)._data["date_fields"].get(unit)
    out = []
    for way in ("future", "past"):
        for pattern in (fields or {}).get(way, {}).values():
            words = pattern.split()
            at = words.index("{0}") if "{0}" in words else -1
            if 0 <= at < len(words) - 1:
                out.append(words[at + 1])
    return out


def notions() -> dict[str, set[str]]:
    """Notion -> its folded words: dateparser's inflected forms (4+ letters: it lists
    abbreviations too) and CLDR's full names (3+ letters) from babel."""
    from babel import Locale
    from babel.units import format_unit

    got: dict[str, set[str]] = {}
    for lang in LANGS:
        mine: dict[str, set[str]] = {}
        info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
        for unit in UNITS:
            words = info[unit] if lang != "en" else [unit, unit + "s", *info.get(unit, [])]
            for w in [
                *words,
                *(format_unit(n, f"duration-{unit}", locale=lang) for n in (1, 2, 5)),
            ]:
                mine.setdefault(unit, set()).update(_word(w, 3 if w[0].isdigit() else 4))
        for unit in UNITS:  # CLDR's "in 5 years", "5 years ago": Polish "za 5 roku", "roku temu"
            for w in _relative_units(lang, unit):
                mine.setdefault(unit, set()).update(_word(w, 3))
        for w in (format_unit(n, "duration-night", locale=lang) for n in (1, 2, 5)):
            mine.setdefault("night", set()).update(_word(w, 3))
        for rel, name in RELATIVE.items():
            for w in info["relative-type"].get(rel, []):  # one-word names ("to date": no)
                mine.setdefault(name, set()).update(_word(w, 4) if len(w.split()) == 1 else [])
        periods = Locale.parse(lang).day_periods
        for ctx in ("stand-alone", "format"):
            for width in ("wide", "abbreviated"):
                for key, name in PERIODS.items():
                    w = periods[ctx].get(width, {}).get(key)
                    if w:
                        mine.setdefault(name, set()).update(_word(w, 3))
        for name, ws in mine.items():  # abbreviations: of a word of the same language
            got.setdefault(name, set()).update(
                w for w in ws if not any(len(o) >= len(w) + 3 and o.startswith(w) for o in ws)
            )
    return got


def two_notions(got: dict[str, set[str]]) -> dict[str, set[str]]:
    """'notion+notion' -> the words that name both: dateparser's one-word simplifications into
    two notion words ("tonight" -> "today night"), and THIS_PART's "sta" before a part of the
    day of its language; none that is a word of one notion already."""
    from babel import Locale

    notion = {w: name for name, ws in got.items() for w in ws}
    out: dict[str, set[str]] = {}
    for lang in LANGS:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
        for simple in info.get("simplifications", []):
            for word, phrase in simple.items():
                names = [notion.get(fast_fold(w), "") for w in phrase.split()]
                if word.isalpha() and len(names) == 2 and all(names):
                    out.setdefault("+".join(names), set()).add(fast_fold(word))
        prefix = THIS_PART.get(lang)
        periods = Locale.parse(lang).day_periods["format"]["wide"]
        for key, name in PERIODS.items() if prefix else ():
            for w in fast_fold(periods.get(key, "")).split()[-1:]:  # "sera" alone is ambiguous
                out.setdefault("today+" + name, set()).add(f"{prefix}{w}")
    return {name: ws - notion.keys() for name, ws in out.items()}


def lines() -> list[str]:
    """The file's lines: each notion and its words, both sorted."""
    got = notions()
    seen: dict[str, int] = {}
    for ws in got.values():
        for w in ws:
            seen[w] = seen.get(w, 0) + 1
    out = []
    for name in sorted(got):
        kept = sorted(
            w
            for w in got[name]
            if seen[w] == 1 and w not in _FUNCTION and w not in _NUMERALS and w not in _DATES
        )
        out.append(name + "\t" + " ".join(kept))
    for name, ws in sorted(two_notions(got).items()):
        out.append(name + "\t" + " ".join(sorted(ws)))
    return out


def main() -> int:
    got = lines()
    OUT.write_text("\n".join(got) + "\n", encoding="utf-8")
    words = sum(len(x.split()) - 1 for x in got)
    print(f"{OUT.relative_to(ROOT)}: {len(got)} notions, {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
