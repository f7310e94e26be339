"""Who said it when a body speaks, from stop 30's dev19 batch (invented sentences, none from the
set): the issuer after a paper's noun ('heißt es in einer Mitteilung des Unternehmens'), a company
named by its kind with no body before it, 'a fait savoir', a time adjunct between an inverted
verb and its subject, an unnamed speaker followed by where they stood, French pronominal
participles, a name in the Portuguese 'do', and English 'Mayor X of Place' and department
titles."""

from __future__ import annotations

import pytest

from tests.quotekit import speaker_of as _speaker_of


@pytest.mark.parametrize(
    ("text", "quote", "want"),
    [
        (
            "Die Molkerei in Haselbach schließt. „Wir bedauern diesen Schritt sehr“, heißt es in "
            "einer Mitteilung des Unternehmens.",
            "Wir bedauern",
            "Unternehmens (unnamed)",
        ),
        (
            "Miasto buduje nowy most. „Prace potrwają do końca przyszłego roku” – czytamy w "
            "komunikacie spółki Mostex.",
            "Prace potrwają",
            "Mostex",
        ),
        (
            "De bibliotheek gaat dicht. ‘We zoeken samen met de bewoners naar een oplossing’, staat "
            "in een verklaring van de gemeente.",
            "We zoeken",
            "gemeente (unnamed)",
        ),
        (
            "Il cantiere è fermo da mesi. In una nota, l'azienda ha spiegato che «i lavori "
            "riprenderanno a settembre».",
            "i lavori",
            "azienda (unnamed)",
        ),
        (
            "Le réseau a été coupé. « Le courant sera rétabli dans la nuit », a fait savoir la "
            "société Voltane dans un communiqué.",
            "Le courant",
            "Voltane",
        ),
        (
            "Nowy oddział otwarto w Lipnie. „Przyjmiemy pierwszych pacjentów w poniedziałek” – "
            "poinformowało w czwartek Ministerstwo Zdrowia.",
            "Przyjmiemy",
            "Ministerstwo Zdrowia",
        ),
        (
            "Het station is verbouwd. ‘Eindelijk kan ik hier met de rolstoel naar binnen’, zegt "
            "een reiziger op het perron.",
            "Eindelijk",
            "reiziger (unnamed)",
        ),
        (
            "La préfète Claire Dumesnil a visité le chantier. Mme Dumesnil s'est réjouie que « les "
            "délais soient tenus ».",
            "les délais",
            "Claire Dumesnil",
        ),
        (
            "A estrada foi reaberta. A Estradas do Litoral disse que “a obra terminou antes do "
            "prazo”.",
            "a obra",
            "Estradas do Litoral",
        ),
        (
            'The bridge reopened on Monday. "We are relieved that it is finally over," said Mayor '
            "Teodoro Alcantara of Santa Ines town.",
            "We are relieved",
            "Teodoro Alcantara",
        ),
        (
            'Fuel prices rose again. "There is no shortage of diesel," Energy Undersecretary Marites '
            "Balagtas told reporters.",
            "There is no shortage",
            "Marites Balagtas",
        ),
        (
            "Hubo una protesta en Almendral. «No nos vamos a rendir», gritó desde el estrado la "
            "portavoz de la plataforma vecinal, Encarna Ruiz Toledo.",
            "No nos vamos",
            "Encarna Ruiz Toledo",
        ),
        (
            "La strada resta chiusa. Dall'ufficio stampa del Comune spiegano che «la riapertura "
            "è prevista per lunedì».",
            "la riapertura",
            "ufficio stampa del Comune (unnamed)",
        ),
        (
            "Um camião tombou na A4. “A via está cortada nos dois sentidos”, adiantou à agência "
            "Lusa fonte da GNR.",
            "A via está",
            "fonte da GNR (unnamed)",
        ),
        (
            "The ward was evacuated. The fire department said in a statement at the Civil "
            'Hospital that "the sprinklers were not working."',
            "the sprinklers",
            "fire department (unnamed)",
        ),
        (
            "The bus overturned near the toll plaza. A relative of one of the passengers, who did "
            'not wish to be named, said: "We waited outside for three hours."',
            "We waited",
            "relative (unnamed)",
        ),
        (
            "Tankers did not come. Residents' association president R. Iyengar said some lanes "
            'were missed. "We paid for water and got nothing," he alleged.',
            "We paid",
            "R. Iyengar",
        ),
        (
            "Farmers marched to the capitol. The group Samahan ng Magsasaka ng Timog, which called "
            'the subsidy "an insult," asked for a dialogue.',
            "an insult",
            "Samahan ng Magsasaka ng Timog",
        ),
        (
            "El portero Raúl Medina Prieto paró un penalti en el último minuto. “Lo había "
            "estudiado en vídeo”, reveló sonriente.",
            "Lo había",
            "Raúl Medina Prieto",
        ),
        (
            "Il cantiere è fermo. In una nota, la Provincia ha fatto sapere di aver chiesto una "
            "perizia: «Nessun rischio per i residenti».",
            "Nessun rischio",
            "Provincia",
        ),
        (
            "L'usine ferme. Du côté des syndicats, on dénonce « un plan social déguisé ».",
            "un plan social",
            "syndicats (unnamed)",
        ),
        (
            "Ganó el equipo local. “Hoy se ha visto otro equipo”, comentó un socio a la salida.",
            "Hoy se ha visto",
            "socio (unnamed)",
        ),
        (
            "Bürgermeister Klaus Richter (CSU) zeigte sich überrascht. Man sei „für Gespräche "
            "bereit“, sagte Richter.",
            "für Gespräche",
            "Klaus Richter",
        ),
        (
            "A greve começa na segunda-feira em toda a cidade. A transportadora Rodonova "
            "garantiu, em comunicado, que “os serviços mínimos estão assegurados”.",
            "os serviços",
            "Rodonova",
        ),
        (
            "Le urgenze sono piene da tre giorni in tutta la provincia. «Ho aspettato sette ore "
            "su una barella», racconta una paziente di 74 anni.",
            "Ho aspettato",
            "paziente di 74 anni (unnamed)",
        ),
        (
            "Dal primo giugno il reparto di pediatria chiuderà per sempre. Lo ha comunicato ieri "
            "l'Azienda ospedaliera provinciale, che parla di «costi non più sostenibili».",
            "costi non",
            "Azienda ospedaliera provinciale",
        ),
    ],
)
def test_speaker(text: str, quote: str, want: str) -> None:
    assert _speaker_of(text, quote) == want


def test_a_named_subject_keeps_its_cue_before_the_paper() -> None:
    # the person who issued the statement is the subject; the paper's owner does not replace them
    text = (
        "Le port a rouvert. « Les bateaux peuvent sortir », a déclaré le maire, Paul Ravel, "
        "dans un communiqué de la mairie."
    )
    assert _speaker_of(text, "Les bateaux") == "Paul Ravel"


def test_a_press_release_names_no_issuer() -> None:
    # 'de presse' is the kind of paper, not who issued it: the pronoun's person speaks
    text = (
        "La directrice Anne Morel a présenté le bilan. « Nous avons dépassé nos objectifs », "
        "a-t-elle ajouté dans un communiqué de presse."
    )
    assert _speaker_of(text, "Nous avons") == "Anne Morel"


def test_a_judge_with_no_such_name_before_stays_a_title() -> None:
    # 'Richter' is a judge unless a person of that name was written of before
    text = "Der Prozess in Lindau begann am Montag. „Das Urteil folgt am Freitag“, sagte Richter."
    assert _speaker_of(text, "Das Urteil") == "Richter (unnamed)"
