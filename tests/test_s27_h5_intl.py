"""Speaker phrases outside English that the stop-27 work reads: Latvian, Estonian and Lithuanian
told apart (marker words and letters from jusText's lists), South Slavic and Lithuanian women's
names in the genitive and the '-eva' surname form, titles with a suffixed article, a bare title in
a language with no article, a German noun before its genitive, Arabic 'وأضاف', a Finnish dash
quote that names its speaker first. Each case is an invented sentence in the construction it
covers."""

from __future__ import annotations

import json

import pytest

from service.extract.lexicon_intl import language
from service.extract.lexicon_new_intl import MARKERS
from service.extract.resolve_intl import nominative_name
from tests.quotekit import speaker_by_quote as _speakers


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Rīgas domē otrdien apsprieda jauno budžetu, un deputāti bija vienisprātis.", "lv"),
        ("Tartu linnavalitsus otsustas, et uus sild valmib järgmise aasta sügisel.", "et"),
        ("Kauno savivaldybė pranešė, kad naujas tiltas bus pastatytas iki rudens.", "lt"),
        ("We will see what the council decides, said the mayor of the town.", "en"),
        # Estonian with Finnish's common words and one 'õ' only
        ("Vana praam ei talu jääd ja uut me ei saa. Ta lubas, et kiirabi jõuab alati.", "et"),
    ],
)
def test_baltic_languages_are_told_apart(text: str, lang: str):
    assert language(text) == lang


def test_built_markers_are_the_files():
    build = pytest.importorskip("scripts.build_language_markers")
    got = json.loads(build.OUT.read_text(encoding="utf-8"))
    assert got == build.build()
    assert {"lv", "et", "lt"} <= set(MARKERS)
    assert not any("see" in MARKERS[c] for c in ("lv", "et", "lt"))  # no English word votes


@pytest.mark.parametrize(
    ("name", "lang", "want"),
    [
        ("Marije Kovačević", "hr", "Marija Kovačević"),
        ("Mladen Horvat", "hr", "Mladen Horvat"),
        ("Jurgitos Vasiliauskienės", "lt", "Jurgita Vasiliauskienė"),
        ("Rūta Petrauskienė", "lt", "Rūta Petrauskienė"),
        ("Marije Kovačević", "de", "Marije Kovačević"),
    ],
)
def test_nominative_name(name: str, lang: str, want: str):
    assert nominative_name(name, lang) == want


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        # a woman's genitive first name, her surname alone later
        (
            "Knjižnica u Dubravcu se zatvara. Prema riječima ravnateljice knjižnice Snježane "
            "Barić, nema novca. „Ostajemo bez čitatelja”, istaknula je Barić.",
            "Ostajemo bez čitatelja",
            "Snježana Barić",
        ),
        # the '-eva' form of a woman's surname
        (
            'Voda u Gornjem Selu je zagađena, kaže Milica Lazić. "Deca ne smeju da piju vodu", '
            "rekla je Lazićeva.",
            "Deca ne smeju da piju vodu",
            "Milica Lazić",
        ),
        # a Swedish title with its suffixed article, held by the person named before
        (
            "Roddklubbens ordförande Lena Falk vill ha en ny brygga. ”Den gamla ruttnar”, säger "
            "Falk. ”Vi samlar in pengar själva”, säger ordföranden.",
            "Vi samlar in pengar själva",
            "Lena Falk",
        ),
        # Latvian: the title and name after the verb, a genitive body before the title
        (
            "Ozolmuižā atvērs jaunu bērnudārzu. „Vietu pietiks visiem bērniem,” sacīja pagasta "
            "pārvaldes vadītāja Anna Lapiņa.",
            "Vietu pietiks visiem bērniem,",
            "Anna Lapiņa",
        ),
        # Lithuanian: a bare title after the verb stands for its holder named before
        (
            "Klaipėdos ligoninės direktorė Rasa Jonaitienė sako, kad trūksta gydytojų. "
            "„Ieškome specialistų visoje šalyje“, – pridūrė direktorė.",
            "Ieškome specialistų visoje šalyje",
            "Rasa Jonaitienė",
        ),
        # Polish: the same for a title written in the genitive before the name
        (
            "Zdaniem wójta gminy Mariusza Kota droga będzie gotowa w maju. „Mamy już "
            "wykonawcę”, zapewnił wójt.",
            "Mamy już wykonawcę",
            "Mariusz Kot",
        ),
        # Slovak: the reflexive 'sa', a noun and its genitive before the name
        (
            "Na trhu v Novej Vsi chýbajú stánky. „Nemáme kde predávať,“ sťažovala sa "
            "predavačka ovocia Anna Bieliková.",
            "Nemáme kde predávať,",
            "Anna Bieliková",
        ),
        # Czech: a surname alone after the full name in the genitive
        (
            "Podle ředitele školy Karla Dvořáka chybí učitelé. „Hledáme je marně,“ uvedl Dvořák.",
            "Hledáme je marně,",
            "Karel Dvořák",
        ),
        # Arabic: a subjectless 'وأضاف' after a named subject in the same sentence
        (
            "أعلن مدير المستشفى سامر الخطيب أن الأجنحة الجديدة جاهزة، وأضاف: «سنستقبل المرضى "
            "الأسبوع المقبل».",
            "سنستقبل المرضى الأسبوع المقبل",
            "سامر الخطيب",
        ),
        # German: no name in 'Nach Angaben der ...', the title before its genitive and the name
        (
            "Die Halle bleibt zu. Nach Angaben der Stadt fehlt Personal. Der Leiter des "
            "Sportamts, Jörg Weber, zeigte sich verärgert: „Das trifft die Vereine.“",
            "Das trifft die Vereine.",
            "Jörg Weber",
        ),
        # Finnish: a dash quote inside a paragraph that names its speaker before the verb
        (
            "Koulu on pieni ja se on ollut kylässä jo sata vuotta. Rehtori Ville Koski on "
            "huolissaan siitä, että koulu lakkautetaan. – Oppilaita on liian vähän, Koski sanoo.",
            "Oppilaita on liian vähän,",
            "Ville Koski",
        ),
        # Estonian: a surname in another case than the full name before it
        (
            "Vallavanema Tõnu Kase sõnul on eelarve tasakaalus. „Laenu me ei võta,“ ütles Kask.",
            "Laenu me ei võta,",
            "Tõnu Kask",
        ),
        # Latvian: 'viņa' for the subject a genitive body and a title open the sentence with
        (
            "Ciemā slēgs aptieku. „Zāles būs jāpērk pilsētā,” sacīja farmaceite Inta Vīksna. "
            "Veselības ministrijas preses sekretāre Zane Priede sola risinājumu. „Atvērsim "
            "izbraukuma punktu,” viņa uzsvēra.",
            "Atvērsim izbraukuma punktu,",
            "Zane Priede",
        ),
        # Lithuanian: an agent noun no list holds opens the sentence before the name
        (
            "Miškas bus iškirstas. Aplinkosaugininkas Tadas Jurkus teigia, kad tai klaida. "
            "„Paukščiai neteks namų“, – sakė jis.",
            "Paukščiai neteks namų",
            "Tadas Jurkus",
        ),
        # Hungarian: 'a' is the definite article; the title follows the name
        (
            "Bezár az iskola a faluban. Kovács Béla polgármester szerint ez nagy hiba, és a "
            "szülők is tiltakoznak. „Nem hagyjuk annyiban” – mondta a polgármester.",
            "Nem hagyjuk annyiban",
            "Kovács Béla",
        ),
        # Serbian in Cyrillic, with the clitic after the verb and the surname alone
        (
            "У Горњем Пољу је отворен нови мост. Председник општине Драган Милић захвалио је "
            "министарству. „Мост смо чекали двадесет година“, изјавио је Милић.",
            "Мост смо чекали двадесет година",
            "Драган Милић",
        ),
        # Slovenian: the '-jeva' form of a surname in '-r'
        (
            "Županja Tina Kozar je predstavila načrt, ki ga bo občina tudi financirala. »Gradnja "
            "se začne maja,« je dejala Kozarjeva.",
            "Gradnja se začne maja,",
            "Tina Kozar",
        ),
        # Slovenian: a noun and a two-word genitive before the name
        (
            "Šola bo prenovljena. »Končno,« pravi oče treh otrok Marko Zupan.",
            "Končno,",
            "Marko Zupan",
        ),
        # Romanian: a title, a capitalised body, then the name set off by a comma
        (
            "Drumul a fost închis. „Podul nu mai este sigur”, a declarat directorul Agenției "
            "Apele Române, Mihai Dobre.",
            "Podul nu mai este sigur",
            "Mihai Dobre",
        ),
        # Norwegian: 'legger ... til' after a dash quote resumed inside the paragraph
        (
            "Kommunen vil stenge skolen.\n\n– Vi er lei oss, sier rektor Lise Berg. – Men vi "
            "gir oss ikke, legger rektoren til.",
            "Men vi gir oss ikke,",
            "Lise Berg",
        ),
        # French: a reflexive verb with its clitic fused to it
        (
            "La piscine ferme. « On nous a menti », s'insurge Léa Garnier, présidente du club.",
            "On nous a menti",
            "Léa Garnier",
        ),
    ],
)
def test_speaker(text: str, quote: str, speaker: str):
    got = _speakers(text)
    assert got.get(quote) == speaker, got


def test_german_noun_before_its_genitive_speaks_for_nobody():
    text = (
        "Die Brücke bleibt gesperrt. Nach Angaben der Verwaltung fehlen Gutachter. "
        "„Wir können nichts tun“, hieß es."
    )
    # the quotation is found, and the body in the genitive is no speaker
    assert _speakers(text) == {"Wir können nichts tun": None}
