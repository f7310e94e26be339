"""News agencies that a speech verb's reporter may name right after the speaker ('заявил Орлов ТАСС',
'сказал Петров РИА Новости', 'řekl Novák ČTK'): the outlet the words were said to, no part of the
speaker's name. Listed in the forms the agencies' names take there (the Russian dative
'Интерфаксу', 'РБК', the Ukrainian 'Укрінформу').
"""

from __future__ import annotations

from service.extract.names import is_cap

_AGENCIES = """
    ТАСС РИА РБК Интерфакс Интерфаксу Интерфаксе ТАСС-у УНИАН УНІАН Укрінформ Укрінформу
    Укрінформові ЧТК ČTK ČTK-u PAP PAP-owi ANTARA Antara ΑΠΕ ΑΠΕ-ΜΠΕ ΕΡΤ Reuters AFP
"""
NEWS_AGENCIES = frozenset(_AGENCIES.split())


def declined_acronym(x: str) -> bool:
    """'ERR-ile', 'MTI-nek', "AA'ya": an outlet's or body's acronym with a case ending (to ERR),
    which Estonian, Hungarian and Turkish join with a hyphen or an apostrophe; or a news agency
    named after the speaker ('ТАСС', 'Интерфаксу')."""
    if x in NEWS_AGENCIES:
        return True
    head, sep, tail = x.replace("'", "-").replace("’", "-").partition("-")
    return bool(sep) and len(head) > 1 and head.isupper() and tail.isalpha() and tail.islower()


def past_agency(words: list[str], k: int, hi: int) -> int:
    """The token after a news agency named at token k, in quotation marks or not ('сообщила
    «Интерфаксу» пресс-секретарь суда', 'заявил ТАСС глава города'); k when none stands there."""
    j = k + 1 if k < hi and words[k] in QUOTE_OPENERS else k
    if j < hi and words[j] in NEWS_AGENCIES:
        j += 1
        if j < hi and words[j] in QUOTE_CLOSERS and j > k + 1:
            return j + 1
        return j if j == k + 1 else k
    return k


QUOTE_OPENERS = frozenset('«„“"')
QUOTE_CLOSERS = frozenset('»“”"')


def name_closed(words: list[str], e: int, hi: int) -> bool:
    """A name read up to token e ends there: no capitalised word follows it, or only a news
    agency the words were said to ('заявил мэр Пётр Ганин РИА Новости')."""
    return e >= hi or not is_cap(words[e]) or declined_acronym(words[e])
