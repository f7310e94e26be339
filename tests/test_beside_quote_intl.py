"""Speakers written beside a quotation with no speech verb, outside English
(service.extract.beside_quote_intl), and the cue after a quotation run on into the next
paragraph: invented sentences the old rules left with no speaker."""

from __future__ import annotations

import pytest

from schemas.article import Article
from service.engines import get_engine


def _speakers(text: str) -> list[str | None]:
    digest = get_engine("rules").digest(Article(id="t", title=None, text=text))
    return [q.speaker for q in digest.quotes]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            "Una piena ha allagato ieri il borgo di Serravecchia. Il geologo Tommaso Bellandi "
            "è arrivato per primo.\n\n«Il fiume saliva da giorni.» Il geologo non nasconde la "
            "rabbia. «Lo avevamo scritto a tutti.»",
            "Tommaso Bellandi",
        ),
        (
            "Die Halle in Grünwiesen bleibt zu. Der Statiker Jonas Pfeilmeier hat sie "
            "geprüft.\n\n„Das Dach trägt nicht mehr.“ Pfeilmeier wählt seine Worte mit Bedacht.",
            "Jonas Pfeilmeier",
        ),
        (
            "Le pont de Vaubrissac restera fermé tout l'été.\n\nRéponse du maire, Gaspard "
            "Lemonnier, jeudi :\n\n« Les travaux commencent en septembre. »\n\n« Nous "
            "avons trouvé l'argent. »",
            "Gaspard Lemonnier",
        ),
    ],
)
def test_speaker_beside_the_quotation(text: str, who: str):
    got = _speakers(text)
    assert got and all(s == who for s in got), got


def test_heading_naming_two_people_decides_nothing():
    text = (
        "Le pont de Vaubrissac restera fermé tout l'été.\n\nRéunion entre Gaspard Lemonnier "
        "et Hélène Carvalho, jeudi :\n\n« Les travaux commencent en septembre. »"
    )
    assert _speakers(text) != ["Gaspard Lemonnier"]
    assert _speakers(text) != ["Hélène Carvalho"]


def test_speech_verb_after_a_quotation_run_on_into_the_next_paragraph():
    """A quotation whose next paragraph opens with no mark ends there: the verb after its
    closing mark is its cue."""
    text = (
        "Les riverains de Malvézy attendent toujours la digue. Pour Bastien Rouvière, le "
        "président de l'association, la patience a des limites. « On nous promet la digue "
        "depuis dix ans. Et rien ne vient.\n\nCette fois, nous bloquerons la route », "
        "prévient-il."
    )
    assert _speakers(text) == ["Bastien Rouvière"]


def test_the_one_person_named_in_the_sentence_after_speaks():
    text = (
        "La fábrica de Montealegre cerrará en marzo. La sindicalista Nuria Olaizola encabezó la "
        "protesta.\n\n«Nos han engañado.» La sindicalista no se calla.\n\n«La decisión es "
        "irreversible.» Son palabras del director, Tomás Berrocal."
    )
    assert _speakers(text) == ["Nuria Olaizola", "Tomás Berrocal"]


def test_no_subject_read_inside_the_next_quotation():
    text = (
        "Il ponte di Castelmirto resta chiuso. Il sindaco Aldo Ferraguti ha parlato ieri.\n\n"
        "«Il ponte è pericoloso.» «Aldo Ferraguti non ci ascolta», dicono i residenti."
    )
    assert _speakers(text)[0] != "Aldo Ferraguti"
