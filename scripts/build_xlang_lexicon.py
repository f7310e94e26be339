"""Write service/merge/xlang_lexicon.tsv: the words for a few time notions in the languages
quote_xlang reads, taken from the locale data of dateparser and babel (CLDR).

    python scripts/build_xlang_lexicon.py          # needs dateparser and babel (dev tools only)

A translation keeps "every day" as "todos los días", "elke dag", "jeden Tag", "codziennie"...:
words no spelling skeleton ties together but locale data lists side by side. Each line is a
notion and its folded words (units: day, week, month, year, hour, minute; the days next to
today; the parts of a day). A word listed under two notions ("mañana": morning and tomorrow) is
left out, as is any word quote_xlang already reads as a number,
date or function word, as is an abbreviation (a word that starts a word of its notion three or more letters longer:
"godz", "sett") and a word under four letters ("mes" is Spanish for month and French for my, "ora"
Italian for hour and for now). The engine reads the file; it never imports these packages."""

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
# names that are other common words in a language read here: Spanish "mes" (month) is French
# for "my", Italian "ora" (hour) also "now", Spanish and Portuguese "tarde" (evening) also "late"
AMBIGUOUS = frozenset({"mes", "ora", "tarde"})
OUT = ROOT / "service" / "merge" / "xlang_lexicon.tsv"


def _word(phrase: str, shortest: int) -> list[str]:
    """The folded last word of a name ("di notte" -> notte, "1 Tag" -> tag), if a whole word."""
    w = fast_fold(phrase).split()[-1]
    return [w] if w.isalpha() and len(w) >= shortest and w not in AMBIGUOUS else []


def notions() -> dict[str, set[str]]:
    """Notion -> its folded words: dateparser's inflected forms (4+ letters: it lists
    abbreviations too) and CLDR's full names (3+ letters) from babel."""
    from babel import Locale
    from babel.units import format_unit

    got: dict[str, set[str]] = {}
    for lang in LANGS:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{lang}").info
        for unit in UNITS:
            words = info[unit] if lang != "en" else [unit, unit + "s", *info.get(unit, [])]
            for w in [
                *words,
                *(format_unit(n, f"duration-{unit}", locale=lang) for n in (1, 2, 5)),
            ]:
                got.setdefault(unit, set()).update(_word(w, 3 if w[0].isdigit() else 4))
        for rel, name in RELATIVE.items():
            for w in info["relative-type"].get(rel, []):  # one-word names ("to date": no)
                got.setdefault(name, set()).update(_word(w, 4) if len(w.split()) == 1 else [])
        periods = Locale.parse(lang).day_periods
        for ctx in ("stand-alone", "format"):
            for width in ("wide", "abbreviated"):
                for key, name in PERIODS.items():
                    w = periods[ctx].get(width, {}).get(key)
                    if w:
                        got.setdefault(name, set()).update(_word(w, 3))
    return got


def lines() -> list[str]:
    """The file's lines: each notion and its words, both sorted."""
    got = notions()
    seen: dict[str, int] = {}
    for ws in got.values():
        for w in ws:
            seen[w] = seen.get(w, 0) + 1
    out = []
    for name in sorted(got):
        ws = sorted(
            w
            for w in got[name]
            if seen[w] == 1
            and w not in _FUNCTION
            and w not in _NUMERALS
            and w not in _DATES
            and not any(len(o) >= len(w) + 3 and o.startswith(w) for o in got[name])
        )
        out.append(name + "\t" + " ".join(ws))
    return out


def main() -> int:
    got = lines()
    OUT.write_text("\n".join(got) + "\n", encoding="utf-8")
    words = sum(len(x.split()) - 1 for x in got)
    print(f"{OUT.relative_to(ROOT)}: {len(got)} notions, {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
