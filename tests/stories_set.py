"""An invented multi-story news set (every text written for these tests): which articles belong
together, with outlets naming people differently ("Councilman David Okafor" / "David Okafor").

STORIES maps a story label to its articles; LONE holds articles that are stories of one.
"""

from __future__ import annotations

from schemas import Article

FLOOD_QUOTE = (
    "The water came up faster than anyone in this valley has ever seen, and we are asking "
    "every family on the river road to leave tonight"
)

_FLOOD_1 = f"""Floods force evacuations along the Marrow river in Eastbridge

Heavy rain pushed the Marrow river over its banks in Eastbridge on Sunday, flooding more than 200
homes and closing the old stone bridge, officials said.

"{FLOOD_QUOTE}," said Councilman David Okafor at an emergency briefing in the town hall.

The Eastbridge fire service said crews rescued 14 people from cars and rooftops overnight. The
Marrow reached 5.2 metres at the Millbrook gauge, its highest level since records began.

"Our crews worked through the night and nobody has been seriously hurt," said fire chief Helen
Varga. Emergency shelters opened at the Eastbridge sports centre and two schools.
"""

_FLOOD_2 = f"""Eastbridge residents told to leave as Marrow river floods homes

Residents of Eastbridge were told to leave their homes on Sunday after the Marrow river burst its
banks and flooded streets near the old stone bridge.

David Okafor, a member of the town council, said: "{FLOOD_QUOTE}."

Firefighters rescued 14 people overnight, the Eastbridge fire service said. The river stood at 5.2
metres at the Millbrook gauge on Sunday morning.

Helen Varga, who leads the fire service, said: "Our crews worked through the night and nobody has
been seriously hurt."
"""

_FLOOD_3 = """Eastbridge flood: clean-up begins as the Marrow river falls

The Marrow river began to fall in Eastbridge on Tuesday, two days after floods forced hundreds of
families from their homes near the old stone bridge.

"We will help every family on the river road to rebuild, street by street," said Okafor, the
councilman who led the evacuation, as volunteers cleared mud from flooded homes.

The Eastbridge fire service said the Millbrook gauge had dropped below four metres and the stone
bridge would stay closed until engineers had inspected it.
"""

_MATCH_1 = """Harbourside Rovers beat Kestrel City 3-1 to reach the cup final

Harbourside Rovers reached the Northern Cup final with a 3-1 win over Kestrel City at Pier Park on
Saturday, with striker Tomas Brandt scoring twice.

"The lads never stopped running and the crowd carried us through the second half," said Rovers
manager Ines Okoro after the match.

Kestrel City had levelled through a penalty before Brandt struck again in the 71st minute.
"""

_MATCH_2 = """Brandt double sends Rovers into Northern Cup final

Tomas Brandt scored twice as Harbourside Rovers beat Kestrel City 3-1 at Pier Park on Saturday to
book a place in the Northern Cup final.

Ines Okoro said: "The lads never stopped running and the crowd carried us through the second
half."

Kestrel City manager Piet Janssen said his side had "given away two soft goals" and would learn
from the defeat.
"""

_HOSPITAL_1 = """St Agnes hospital opens new children's ward after two-year delay

St Agnes hospital in Westmoor opened its new children's ward on Thursday, two years later than
planned, with 40 beds and a play area designed by local pupils.

"Every child in Westmoor deserves care close to home, and today they finally have it," said the
hospital's chief executive, Dr Maria Lindqvist.

The ward cost 12 million pounds, the Westmoor health board said.
"""

_HOSPITAL_2 = """Westmoor children's ward finally open at St Agnes

The long-delayed children's ward at St Agnes hospital in Westmoor opened its doors on Thursday.

Maria Lindqvist, the hospital's chief executive, said: "Every child in Westmoor deserves care close
to home, and today they finally have it."

Parents had campaigned for the 40-bed ward since building work stopped in 2022.
"""

# One company, two happenings a month apart: two stories.
_CHIPS_1 = """Norvale Systems recalls 50,000 home routers over overheating fault

Norvale Systems is recalling 50,000 home routers sold last year after reports that the power unit
can overheat, the company said on Monday.

"Customer safety comes first and we will replace every affected unit free of charge," said Norvale
chief executive Arjun Mehta.
"""

_CHIPS_2 = """Norvale Systems buys cloud start-up Brightfold for 300 million dollars

Norvale Systems has agreed to buy the cloud software start-up Brightfold for 300 million dollars,
the company said on Wednesday, its largest purchase to date.

"Brightfold gives our customers a simpler way to run their networks," said chief executive Arjun
Mehta. Brightfold's 120 staff will join Norvale's software division.
"""

_LONE = """Library in Fernhill extends opening hours for exam season

The public library in Fernhill will stay open until 10pm on weekdays during the exam season, the
town's library service said.

"Students asked for quiet space in the evenings and we listened," said librarian Rosa Almeida.
"""


def _article(id_: str, text: str, outlet: str, published: str) -> Article:
    title, _, _ = text.partition("\n")
    return Article(id=id_, title=title, outlet=outlet, published=published, text=text)


STORIES: dict[str, list[Article]] = {
    "flood": [
        _article("flood-gazette", _FLOOD_1, "Eastbridge Gazette", "2025-03-09"),
        _article("flood-wire", _FLOOD_2, "Northern Wire", "2025-03-09"),
        _article("flood-followup", _FLOOD_3, "Eastbridge Gazette", "2025-03-11"),
    ],
    "match": [
        _article("match-post", _MATCH_1, "Harbour Post", "2025-03-08"),
        _article("match-sport", _MATCH_2, "Sport Daily", "2025-03-08"),
    ],
    "hospital": [
        _article("ward-times", _HOSPITAL_1, "Westmoor Times", "2025-03-06"),
        _article("ward-radio", _HOSPITAL_2, "Westmoor Radio", "2025-03-07"),
    ],
}
LONE: list[Article] = [
    _article("router-recall", _CHIPS_1, "Tech Ledger", "2025-02-03"),
    _article("brightfold-deal", _CHIPS_2, "Tech Ledger", "2025-03-05"),
    _article("library-hours", _LONE, "Fernhill News", "2025-03-07"),
]


def all_articles() -> list[Article]:
    return [a for arts in STORIES.values() for a in arts] + LONE


def expected_groups() -> list[list[str]]:
    groups = [sorted(a.id for a in arts) for arts in STORIES.values()]
    groups += [[a.id] for a in LONE]
    return sorted(groups)
