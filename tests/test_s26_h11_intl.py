"""Attribution outside English, leftovers of stop 26: Danish and Norwegian told from Swedish,
Slovak from Czech (invented sentences)."""

from __future__ import annotations

import pytest

from service.extract.lexicon_intl import language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Danish and Norwegian without 'ø' or 'æ': the common words they share with Swedish
        (
            "Det var en hård dag for fiskerne i Vestby, da kommunen meddelte, at havnen lukker i et "
            "år. Han mener, at politikerne har glemt byen, siger fisker Ole Brandt.",
            "da",
        ),
        (
            "Det var en tung dag for fiskerne i Nordvik da kommunen meldte at havna stenges i ett "
            "år. Han mener politikerne har glemt bygda, sier fisker Ola Brenden.",
            "no",
        ),
        # their own letters outvote the words Swedish shares
        ("Fylkeskommunen kutter den siste avgangen til Storøya, sier Kari Nordahl på møtet.", "no"),
        ("Egeby Kommune har åbnet et nyt plejecenter, som har ældre på venteliste.", "da"),
        ("Kommunalrådet säger att det inte finns pengar och att skolan är för liten.", "sv"),
        # Slovak 'ľ' against the words Czech shares
        ("Ľudia o nič neprídu, je to veľký problém, povedala starostka obce.", "sk"),
        ("Pošta v obci se zavře. Pro staré lidi je to velký problém, jak řekla starostka.", "cs"),
    ],
)
def test_nordic_and_west_slavic_languages_apart(text: str, code: str):
    assert language(text) == code
