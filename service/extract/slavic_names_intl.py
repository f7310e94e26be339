"""East Slavic personal names read from a capitalised run: a patronymic ('Петровна',
'Андреевич', 'Іванівна') belongs to the name between its first name and surname, so where a run
after a title ends in a name ('пенсионерка Нина Петровна Гуляева', 'жительница Заречного Нина
Петрова'), a patronymic second to last makes that name three words long, not two.
"""

from __future__ import annotations

from service.extract.names import Doc, low

# Russian, Ukrainian and Belarusian patronymics, masculine and feminine, in the nominative and
# the genitive a title's complement may put them in ('Петровича', 'Сергеевны', 'Іванівни').
PATRONYMIC_ENDINGS = (
    "вич", "вича", "вна", "вны", "ична", "ичны", "івна", "івни", "інична", "іничної",
)  # fmt: skip


def is_patronymic(word: str) -> bool:
    """'Петровна', 'Андреевича', 'Іванівна': a patronymic (a capitalised word with one of the
    endings, long enough not to be a short surname)."""
    return len(word) > 5 and word[:1].isupper() and low(word).endswith(PATRONYMIC_ENDINGS)


def last_name_start(d: Doc, lo: int, end: int) -> int:
    """Where the personal name that closes the capitalised run [lo, end) starts: its last two
    words, or three when the middle one of those is a patronymic."""
    p = end - 2
    return p - 1 if p - 1 >= lo and is_patronymic(d.words[p]) else p
