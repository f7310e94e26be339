"""Speakers written beside a quotation with no speech verb, outside English
(service.extract.beside_quote_intl): invented sentences the cue rules alone left unattributed."""

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
