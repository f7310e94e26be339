"""Month and weekday names, written once for every module that reads them (lower case).

EN_MONTHS       the twelve English names, in month order
EN_WEEKDAYS     the seven English weekday names, Monday first
EN_MONTH_ABBR   English abbreviations ("may" is its own name, so not here; "sep" and "sept")
FOLDED_MONTHS   every language the date-line reader knows (en, fr, de, es, it, pt, nl, tr), accents
                folded ("fevrier", "marz"), with the common abbreviations ("fevr", "mrz", "okt")
"""

from __future__ import annotations

__all__ = ["EN_MONTHS", "EN_MONTH_ABBR", "EN_WEEKDAYS", "FOLDED_MONTHS"]

EN_MONTHS: tuple[str, ...] = tuple(
    "january february march april may june july august september october november december".split()  # noqa: SIM905
)
EN_WEEKDAYS: tuple[str, ...] = tuple(
    "monday tuesday wednesday thursday friday saturday sunday".split()  # noqa: SIM905
)
EN_MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip

# other languages, accents folded: one line a language, in month order, '|' between synonyms
_OTHER = """
    janvier fevrier|fevr mars avril mai juin juillet aout septembre octobre novembre decembre
    januar|jan februar|feb marz|maerz|mrz april mai juni juli august september oktober|okt november dezember|dez
    enero febrero marzo abril mayo junio julio agosto septiembre|setiembre octubre noviembre diciembre
    gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre
    janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro
    januari februari maart april mei juni juli augustus september oktober november december
    ocak subat mart nisan mayis haziran temmuz agustos eylul ekim kasim aralik
"""


def _numbered(line: str) -> dict[str, int]:
    return {name: n for n, group in enumerate(line.split(), 1) for name in group.split("|")}


FOLDED_MONTHS: dict[str, int] = {m: n for n, m in enumerate(EN_MONTHS, 1)} | EN_MONTH_ABBR
for _line in _OTHER.strip().splitlines():
    FOLDED_MONTHS.update(_numbered(_line))
