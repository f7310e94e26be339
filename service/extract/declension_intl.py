"""Personal names in the genitive, as Polish and Russian put them after 'according to' ('według
Marka Dudy', 'zdaniem Pawła Czarneckiego', 'по словам Сергея Орлова'), back in the nominative
a name is listed under: regular endings only, the given name telling the gender of the surname.
"""

from __future__ import annotations

from service.extract import declension_new_intl

# Languages whose personal names decline, so that a name after 'according to' or read from a
# later mention may stand in the genitive: `nominative` puts it back.
DECLINED = frozenset(("pl", "ru", *declension_new_intl.LANGS))
_VOWELS_RU = set("аеёиоуыэюяь")
_HUSHING_RU = set("гкхжшчщ")


def _ru_given(w: str) -> tuple[str, str]:
    if w.endswith(("ея", "ия")):
        return w[:-1] + "й", "m"  # Сергея -> Сергей, Дмитрия -> Дмитрий
    if w.endswith("ы"):
        return w[:-1] + "а", "f"  # Марины -> Марина
    if w.endswith(("ьи", "ии")):
        return w[:-1] + "я", "f"  # Натальи -> Наталья, Марии -> Мария
    if w.endswith("и") and len(w) > 2 and w[-2] in _HUSHING_RU:
        return w[:-1] + "а", "f"  # Ольги -> Ольга
    if w.endswith("я") and len(w) > 2 and w[-2] not in _VOWELS_RU:
        return w[:-1] + "ь", "m"  # Игоря -> Игорь
    if w.endswith("а"):
        return w[:-1], "m"  # Ивана -> Иван
    return w, ""


def _ru_surname(w: str, gender: str) -> str:
    if w.endswith(("вны", "ичны")):
        return w[:-1] + "а"  # a patronymic: Сергеевны -> Сергеевна, Ильиничны -> Ильинична
    if gender == "f":
        return w[:-2] + "ая" if w.endswith("ской") else w[:-2] + "а" if w.endswith("ой") else w
    if w.endswith(("ского", "цкого")):
        return w[:-3] + "ий"
    if w.endswith("а") and len(w) > 3:
        return w[:-1]  # Орлова -> Орлов, Шевчука -> Шевчук
    return w


def _pl_drop_a(w: str) -> str:
    """'Marka' -> Marek, 'Pawła' -> Paweł, 'Nowaka' -> Nowak: the vowel the nominative keeps."""
    s = w[:-1]
    if len(s) > 2 and s[-1] in "kł" and s[-2] not in "aeiouyąęó" and s[-2] in "rwcnm":
        return s[:-1] + "e" + s[-1]
    if len(s) > 3 and s[-1] == "l" and s[-2] not in "aeiouyąęó":
        return s[:-1] + "el"  # 'Wróbla' -> Wróbel: no Polish word ends in a consonant and 'l'
    return s


def _pl_given(w: str) -> tuple[str, str]:
    if w.endswith("ego"):
        return w[:-3] + "y", "m"  # Jerzego -> Jerzy
    if w.endswith("a"):
        return _pl_drop_a(w), "m"
    if w.endswith("y"):
        return w[:-1] + "a", "f"  # Katarzyny -> Katarzyna
    if w.endswith(("ii", "ji", "i")):
        return w[:-1] + "a", "f"  # Marii -> Maria, Alicji -> Alicja, Agnieszki -> Agnieszka
    return w, ""


def _pl_surname(w: str, gender: str) -> str:
    if gender == "f":
        return w[:-3] + "a" if w.endswith("iej") else w[:-2] + "a" if w.endswith("ej") else w
    if w.endswith("iego"):
        return w[:-3]  # Czarneckiego -> Czarnecki
    if w.endswith("ego"):
        return w[:-3] + "y"  # Zielonego -> Zielony
    if w.endswith("y") and gender == "m":
        return w[:-1] + "a"  # Dudy -> Duda
    if w.endswith("a"):
        return _pl_drop_a(w)
    return w


def nominative(name: str, lang: str) -> str:
    """The nominative of a genitive personal name in Polish ('pl') or Russian ('ru')."""
    words = name.split()
    if lang in declension_new_intl.LANGS:
        return declension_new_intl.nominative(name, lang)
    if lang not in ("pl", "ru") or not words:
        return name
    given, surname = (_pl_given, _pl_surname) if lang == "pl" else (_ru_given, _ru_surname)
    if len(words) == 1:
        return surname(words[0], "m")
    first, gender = given(words[0])
    return " ".join([first, *(surname(x, gender or "m") for x in words[1:])])
