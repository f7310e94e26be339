"""Ukrainian, Czech and Slovak personal names in the genitive, as 'за словами' and 'podle' /
'podľa' (according to) put them ('за словами депутата Андрія Коваленка', 'podle zastupitele Karla
Bureše'), back in the nominative: regular endings only, the given name telling the gender of the
surname (the Russian rules of service.extract.declension_intl leave 'Коваленка' as 'Коваленк':
Ukrainian declines its '-енко' surnames).
"""

from __future__ import annotations

_VOWELS = set("аеєиіїоуюяь")


def _given(w: str) -> tuple[str, str]:
    if w.endswith("ії"):
        return w[:-1] + "я", "f"  # Наталії -> Наталія
    if w.endswith("ія"):
        return w[:-1] + "й", "m"  # Андрія -> Андрій, Сергія -> Сергій
    if w.endswith("и"):
        return w[:-1] + "а", "f"  # Ірини -> Ірина, Ольги -> Ольга
    if w.endswith("я") and len(w) > 2 and w[-2] not in _VOWELS:
        return w[:-1] + "ь", "m"  # Василя -> Василь
    if w.endswith("а"):
        return w[:-1], "m"  # Тараса -> Тарас
    return w, ""


def _surname(w: str, gender: str) -> str:
    if gender == "f":
        return w[:-2] + "а" if w.endswith("ої") else w  # Ковальової -> Ковальова; Шевчук
    if w.endswith("ого"):
        return w[:-3] + "ий"  # Білого -> Білий, Левицького -> Левицький
    if w.endswith("енка"):
        return w[:-1] + "о"  # Коваленка -> Коваленко
    if w.endswith(("а", "я")) and len(w) > 3:
        return w[:-1]  # Мельника -> Мельник, Бондаря -> Бондар
    return w


def nominative_uk(name: str) -> str:
    """'Андрія Коваленка' -> Андрій Коваленко; 'Ірини Ковальової' -> Ірина Ковальова."""
    words = name.split()
    if not words:
        return name
    if len(words) == 1:
        return _surname(words[0], "m")
    first, gender = _given(words[0])
    return " ".join([first, *(_surname(x, gender or "m") for x in words[1:])])


# Languages read here, and with them the 'according to' genitive of service.extract.cues_intl.
LANGS = frozenset(("uk", "cs", "sk"))
_SOFT = set("šžčřcjťďň")


def _cs_drop_a(w: str) -> str:
    """'Karla' -> Karel, 'Pavla' -> Pavel, 'Marka' -> Marek, 'Petra' -> Petr: the vowel the
    nominative keeps before a final l or k."""
    s = w[:-1]
    if len(s) > 2 and s[-1] in "lk" and s[-2] in "rvnm":
        return s[:-1] + "e" + s[-1]
    return s


def _cs_given(w: str) -> tuple[str, str]:
    if w.endswith("ího"):
        return w[:-2], "m"  # Jiřího -> Jiří
    if w.endswith("e") and len(w) > 3 and w[-2] in "šžčřjťďň":
        return w[:-1], "m"  # Tomáše -> Tomáš, Ondřeje -> Ondřej
    if w.endswith("y"):
        return w[:-1] + "a", "f"  # Jany -> Jana
    if w.endswith("ie"):
        return w, "f"  # Marie
    if w.endswith("a"):
        return _cs_drop_a(w), "m"
    return w, ""


def _cs_surname(w: str, gender: str) -> str:
    if gender == "f":
        if w.endswith(("ové", "ovej")):
            return w[: w.rindex("ov") + 2] + "á"  # Novákové, Novákovej -> Nováková
        return w[:-1] + "á" if w.endswith(("é", "ej")) and len(w) > 3 else w  # Malé -> Malá
    if w.endswith("ého"):
        return w[:-3] + "ý"  # Malého -> Malý
    if w.endswith("ího"):
        return w[:-2]  # Krejčího -> Krejčí
    if w.endswith("y") and len(w) > 3:
        return w[:-1] + "a"  # Svobody -> Svoboda
    if w.endswith("e") and len(w) > 3 and w[-2] in _SOFT:
        return w[:-1]  # Bureše -> Bureš, Kováře -> Kovář
    if w.endswith("a") and len(w) > 3:
        return _cs_drop_a(w)  # Nováka -> Novák
    return w


def nominative(name: str, lang: str) -> str:
    """A genitive name in the nominative, for a language of LANGS."""
    if lang == "uk":
        return nominative_uk(name)
    words = name.split()
    if not words:
        return name
    if len(words) == 1:
        return _cs_surname(words[0], "m")
    first, gender = _cs_given(words[0])
    return " ".join([first, *(_cs_surname(x, gender or "m") for x in words[1:])])
