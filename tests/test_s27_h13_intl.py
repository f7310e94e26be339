"""Speaker phrases outside the big European languages that the stop-27 third round reads: men's
Lithuanian and Latvian genitives, Lithuanian first names (by their ending), Greek 'ο κ.', an
Estonian declined acronym after a name ('Saar ERR-ile') and a verb-second pronoun ('Hiljem lisas
ta:'), an Indonesian day stamp after 'ujarnya', a Slovak genitive name after a place, a body after
the verb ('teatas politsei'), an impersonal passive beside its document ('tiedotteessa todetaan'),
Turkish 'Veli' as a parent. Invented sentences, one per case."""

from __future__ import annotations

import pytest

from service.extract.name_gender import given_in
from service.extract.resolve_intl import nominative_name
from tests.quotekit import speaker_by_quote as _speakers


@pytest.mark.parametrize(
    ("name", "lang", "want"),
    [
        ("Dariaus Kazlausko", "lt", "Darius Kazlauskas"),
        ("Jono Petraičio", "lt", "Jonas Petraitis"),
        ("Andriaus Stankevičiaus", "lt", "Andrius Stankevičius"),
        ("Jurgitos Vasiliauskienės", "lt", "Jurgita Vasiliauskienė"),
        ("Mario Draghi", "lt", "Mario Draghi"),  # not declined: a foreign name as it is
        ("Andra Bērziņa", "lv", "Andris Bērziņš"),
        ("Laura Bērziņa", "lv", "Laura Bērziņa"),  # a woman's name in the nominative
    ],
)
def test_baltic_mens_genitives_read_back(name: str, lang: str, want: str):
    assert nominative_name(name, lang) == want


def test_lithuanian_first_names_by_their_ending():
    assert given_in("rasa", "lt") and given_in("mindaugas", "lt")


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "Ο δήμαρχος Λεχαινών Γιώργος Μαυρίδης δήλωσε ότι το νερό θα επανέλθει σήμερα. "
            "«Τα συνεργεία δουλεύουν όλη τη νύχτα», είπε ο κ. Μαυρίδης.",
            "Τα συνεργεία δουλεύουν όλη τη νύχτα",
            "Γιώργος Μαυρίδης",
        ),
        (
            "Kell 9.15: Vallavanem Tiit Kask lubas kannatanutele ajutise eluaseme. Vald on "
            "selle eest ise vastutav ja see on kõigile teada. „Vald katab kõik kulud,“ kinnitas "
            "Kask ERR-ile.",
            "Vald katab kõik kulud,",
            "Tiit Kask",
        ),
        (
            "Päästeameti pressiesindaja Liis Mets ütles, et tulekahju on lokaliseeritud ja see on "
            "kõigile teada. „Inimesed on evakueeritud,“ sõnas Mets. Hiljem lisas ta: „Olukord on "
            "kontrolli all.“",
            "Olukord on kontrolli all.",
            "Liis Mets",
        ),
        (
            "Politsei teatel alustati kriminaalmenetlust ja see on kõigile teada. „Põlengu "
            "põhjuseid alles selgitatakse,“ teatas politsei.",
            "Põlengu põhjuseid alles selgitatakse,",
            "politsei (unnamed)",
        ),
        (
            "Kepala Dinas Pendidikan Kota Depok, Dewi Lestari, mengatakan jumlah sekolah yang "
            'rusak bertambah. "Kami sudah mendata 40 gedung yang perlu diperbaiki," ujarnya, '
            "Senin (4/3).",
            "Kami sudah mendata 40 gedung yang perlu diperbaiki,",
            "Dewi Lestari",
        ),
        (
            "Minister dopravy v stredu oznámil, že úsek otvoria ešte tento rok.\n\nPodľa "
            "starostky obce Horná Lúka Zuzany Kováčovej obyvatelia čakajú na obchvat desať "
            "rokov. „Kamióny nám jazdia popod okná,“ uviedla Kováčová.",
            "Kamióny nám jazdia popod okná,",
            "Zuzana Kováčová",
        ),
        (
            "Lahden kaupunki avaa uuden pyörätien syksyllä, ja työt alkavat jo toukokuussa. "
            "Kaupungin tiedotteessa todetaan, että ”kiertotiet merkitään selvästi”.",
            "kiertotiet merkitään selvästi",
            "Kaupungin tiedotteessa (unnamed)",
        ),
        (
            "Kauno apylinkės teismas paskelbė nuosprendį buvusiam direktoriui Jonui P. "
            "„Kaltinamasis padarė didelę žalą“, – skelbiama teismo nuosprendyje.",
            "Kaltinamasis padarė didelę žalą",
            "teismo nuosprendyje (unnamed)",
        ),
        (
            "Kireçli köyündeki öğrenciler servis olmadığı için okula yürüyerek gidiyor. Veli "
            'Gülsüm Acar, "Çocuklarımız her gün beş kilometre yürüyor" dedi.',
            "Çocuklarımız her gün beş kilometre yürüyor",
            "Gülsüm Acar",
        ),
    ],
)
def test_speakers_in_house_styles(text: str, quote: str, speaker: str):
    assert _speakers(text).get(quote) == speaker
