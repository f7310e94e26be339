"""Attribution outside English, leftovers of stop 26: Danish and Norwegian told from Swedish,
Slovenian from Czech and Croatian, Catalan from Italian; accented and Portuguese feminine titles after the speech verb (invented
sentences)."""

from __future__ import annotations

import pytest

from service.extract.actors import extract_actors
from service.extract.lexicon_intl import language
from service.extract.quotes import find_quotes
from service.extract.speakers import attribute


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
        # (Slovak is not told from Czech by 'ľ': the Czech rules serve Slovak text, and the split
        # gained nothing on the development sets and lost a quote on a kept-apart one)
        ("Pošta v obci se zavře. Pro staré lidi je to velký problém, jak řekla starostka.", "cs"),
        # Slovenian 'je' and Catalan 'ha', which Czech and Croatian, and Italian, share
        ("Župan je povedal, da bo obvoznica tudi odprta do jeseni.", "sl"),
        (
            "Els pagesos alerten. El conseller ha anunciat ajuts i ha dit que cap pagès quedarà sol.",
            "ca",
        ),
        (
            "Il sindaco ha detto che il ponte sarà aperto e ha promesso nuovi fondi per la città.",
            "it",
        ),
        ("Starosta je řekl, že obchvat bude otevřen do podzimu.", "cs"),
        ("Gradonačelnik je rekao da će obilaznica biti otvorena do jeseni.", "hr"),
        # Croatian 'ć' is no Polish vote alone
        ("Prema riječima direktora Dragana Kovačevića, karte neće poskupjeti.", "hr"),
    ],
)
def test_nordic_and_west_slavic_languages_apart(text: str, code: str):
    assert language(text) == code


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # an accented title ('conseillère') stands for its holder named before
        (
            "L'opposition a voté contre le budget. « Personne n'a été écouté », a déclaré la "
            "conseillère Marta Quintela. « C'est un désastre », a ajouté la conseillère.",
            "Marta Quintela",
        ),
        # Portuguese 'a' before a title is its article: not 'to the deputy', nor 'a deputy'
        (
            "A oposição votou contra o orçamento. «Ninguém foi ouvido», disse a deputada Marta "
            "Quintela. «É um desastre», acrescentou a deputada.",
            "Marta Quintela",
        ),
        # ... and a definite description falls back to the person the paragraph is about
        (
            "A oposição votou contra. Para a vereadora socialista Inês Quintela, o preço é «uma "
            "oferta aos amigos». «Ninguém sabe quem são os compradores», acrescentou a autarca.",
            "Inês Quintela",
        ),
    ],
)
def test_feminine_titles_after_the_verb(text: str, speaker: str):
    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    assert atts and atts[-1].speaker == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a Nordic title with its suffixed article stands for its holder named before
        (
            "Rektor Sigrid Aune har sagt ja til planen. Foreldrene er uenige, og Ola Brenden vil "
            'klage. "Elevene har det bra her," sier rektoren.',
            "Sigrid Aune",
        ),
        (
            "Forældrene er bekymrede. Borgmester Jens Kjærgaard har sagt ja, men Ole Brandt vil "
            'klage. "Vi har intet valg," siger borgmesteren.',
            "Jens Kjærgaard",
        ),
        # a title written before a name no cue read is still that person's
        (
            "Les parents sont inquiets. Le ministre Jean Dupont a dit oui, mais Nils Berg veut "
            "faire appel. « Nous n'avons pas le choix », a dit le ministre.",
            "Jean Dupont",
        ),
        # with no holder named, the title stays unnamed
        (
            'Foreldrene er uenige, og Ola Brenden vil klage. "Elevene har det bra her," sier '
            "rektoren.",
            "rektoren (unnamed)",
        ),
    ],
)
def test_definite_titles_find_their_holder(text: str, speaker: str):
    spans = find_quotes(text)
    atts = attribute(text, spans, extract_actors(text, spans))
    assert atts and atts[-1].speaker == speaker


_ADFC = (
    "Kritik kam auch vom ADFC. „Das ist ein Armutszeugnis für eine Millionenstadt“, so "
    "Landesvorsitzende Sabine Krüger.\n\n"
)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Nach Angaben der Stadtsprecherin Petra Lohmann soll der Plan „bald“ kommen.",
            "Petra Lohmann",
        ),
        (
            "Nach Angaben aus Verwaltungskreisen soll das Thema „endgültig“ entschieden werden.",
            "Verwaltung",
        ),
    ],
)
def test_german_nach_angaben_names_the_source(text: str, speaker: str):
    """'nach Angaben der/aus X' is 'according to X': the quotation is not the last speaker's."""
    text = _ADFC + text
    spans = find_quotes(text)
    got = attribute(text, spans, extract_actors(text, spans))[-1].speaker
    assert got is not None and speaker in got


def test_an_acronym_closes_the_title_before_a_name_no_list_knows():
    text = (
        "Οι καθηγητές απεργούν σήμερα. «Τα σχολεία δεν έχουν θέρμανση», δήλωσε ο πρόεδρος της "
        "ΟΛΜΕ Όσκαρ Παπαδάκης."
    )
    spans = find_quotes(text)
    assert attribute(text, spans, extract_actors(text, spans))[-1].speaker == "Όσκαρ Παπαδάκης"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Kunnanvaltuusto päätti eilen sulkea koulun. ”Päätös on lyhytnäköinen”, sanoo "
            "Keskisuomalaiselle vanhempainyhdistyksen puheenjohtaja Liisa Virtanen.",
            "Liisa Virtanen",
        ),
        (
            "Kunnanvaltuusto päätti eilen sulkea koulun. ”Päätös on lyhytnäköinen”, kertoo Ylelle "
            "rehtori Matti Korhonen.",
            "Matti Korhonen",
        ),
    ],
)
def test_a_finnish_outlet_in_the_allative_is_not_the_speaker(text: str, speaker: str):
    spans = find_quotes(text)
    assert attribute(text, spans, extract_actors(text, spans))[-1].speaker == speaker


def test_a_turkish_passive_statement_is_the_body_s():
    text = (
        "Sahil yolundaki çalışma sürücüleri zor durumda bıraktı. Valilikten yapılan açıklamada "
        'ise yolun "hafta sonuna kadar açılacağı" belirtildi.'
    )
    spans = find_quotes(text)
    got = attribute(text, spans, extract_actors(text, spans))[-1].speaker
    assert got is not None and "Valilik" in got


def test_a_body_named_in_apposition_speaks():
    text = (
        "Mieszkańcy protestują. Inwestor, firma Agro-Pol, zapewnia w oświadczeniu, że ferma "
        "będzie „spełniać najwyższe normy”."
    )
    spans = find_quotes(text)
    assert attribute(text, spans, extract_actors(text, spans))[-1].speaker == "Agro-Pol"


def test_andrea_is_a_man_in_italian():
    text = (
        "Il consiglio comunale ha approvato il bilancio. Giulia Ferri ha criticato i tagli, mentre "
        "l'assessore Andrea Conti li ha difesi. «Non c'era altra scelta», ha detto lui."
    )
    spans = find_quotes(text)
    assert attribute(text, spans, extract_actors(text, spans))[-1].speaker == "Andrea Conti"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Der Stadtrat tagte am Montag. Kim Albers und Sascha Weber verteidigten das Vorgehen. "
            "„Wir brauchen mehr Zeit“, sagten sie.",
            None,
        ),
        (
            "De gemeenteraad vergaderde maandag. Kim Jansen en Sanne de Vries verdedigden het "
            "besluit. ‘We hebben meer tijd nodig’, zeiden ze.",
            None,
        ),
        (
            "Der Stadtrat tagte am Montag. Kim Albers verteidigte das Vorgehen. „Wir brauchen "
            "mehr Zeit“, sagte sie.",
            "Kim Albers",
        ),
    ],
)
def test_sie_and_ze_after_a_plural_verb_are_they(text: str, speaker: str | None):
    spans = find_quotes(text)
    assert attribute(text, spans, extract_actors(text, spans))[-1].speaker == speaker


def test_a_croatian_surname_finds_the_man_named_in_the_genitive():
    text = (
        "Od lipnja će trajekt voziti četiri puta dnevno. Prema riječima direktora brodara Dragana "
        "Kovačevića, karte neće poskupjeti. „Cijene ostaju iste”, rekao je Kovačević."
    )
    spans = find_quotes(text)
    assert attribute(text, spans, extract_actors(text, spans))[-1].speaker == "Dragan Kovačević"
