"""Other words a title holder is written with: a lawyer named 'Me Caroline Wéry' (French, Belgian
and Swiss courts write the lawyer's title, Maître, so) is 'l'avocate' later, a Dutch 'mr.' is
'de advocaat'; a football coach ('l'entraîneur Patrice Lemoine') is 'le technicien' in the next
paragraph. `holders` in service.extract.speaker_index reads these as the same title."""

from __future__ import annotations

from service.extract.names import name_key

# a title word -> the words (titles or honorifics before a name) it also covers
_ALIASES: dict[str, tuple[str, ...]] = {
    "avocat": ("me", "maitre"),
    "avocate": ("me", "maitre"),
    "advocaat": ("mr", "meester"),
    "advocate": ("mr", "meester"),
    "technicien": ("entraineur", "selectionneur", "coach"),
    "technicienne": ("entraineuse", "selectionneuse", "coach"),
    "coach": ("entraineur", "entraineuse", "trainer"),
    "trainer": ("coach",),
    # Polish, Czech, Russian and Ukrainian news name a coach 'szkoleniowiec', 'kouč', 'наставник'
    # and a defence lawyer 'obrońca', 'защитник' after the title's first mention
    "szkoleniowiec": ("trener",),
    "kouč": ("trenér",),
    "наставник": ("тренер",),
    "obrońca": ("adwokat", "mecenas"),
    "защитник": ("адвокат",),
    "захисник": ("адвокат",),
}
ALIASES: dict[str, tuple[str, ...]] = {
    name_key(k): tuple(name_key(x) for x in v) for k, v in _ALIASES.items()
}
