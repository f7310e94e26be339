"""News agencies that a speech verb's reporter may name right after the speaker ('заявил Орлов ТАСС',
'сказал Петров РИА Новости', 'řekl Novák ČTK'): the outlet the words were said to, no part of the
speaker's name. Listed in the forms the agencies' names take there (the Russian dative
'Интерфаксу', 'РБК', the Ukrainian 'Укрінформу').
"""

from __future__ import annotations

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
