"""Invented English articles (hand-written gold): court, live blog, opinion, press release, Q&A,
social posts, late-named speaker, shared surnames, interpreters; plus the cases table and known gaps."""

from __future__ import annotations

from tests.house_styles_wire import (
    AJ,
    AJ_ACTORS,
    AJ_GOLD,
    AJ_TITLE,
    AP,
    AP_ACTORS,
    AP_GOLD,
    AP_TITLE,
    BBC,
    BBC_ACTORS,
    BBC_GOLD,
    BBC_TITLE,
    BIZ,
    BIZ_ACTORS,
    BIZ_GOLD,
    BIZ_TITLE,
    GUARDIAN,
    GUARDIAN_ACTORS,
    GUARDIAN_GOLD,
    GUARDIAN_TITLE,
    REUTERS,
    REUTERS_ACTORS,
    REUTERS_GOLD,
    REUTERS_TITLE,
    SPORT,
    SPORT_ACTORS,
    SPORT_GOLD,
    SPORT_TITLE,
    TOI,
    TOI_ACTORS,
    TOI_GOLD,
    TOI_TITLE,
)

COURT_TITLE = "Former council officer jailed for £400,000 fraud"
COURT = '''A former council finance officer who stole more than £400,000 from a fund meant for disabled children has been jailed for six years.

Graham Pike, 53, of Harrogate, admitted fraud by abuse of position at Leeds Crown Court in March. He was sentenced on Friday.

The fraud came to light when a newly appointed manager noticed that several payments had been made to suppliers who did not appear on the council's approved list. An internal audit then uncovered hundreds of transactions stretching back to 2016.

The court heard that Pike transferred money into bank accounts controlled by himself and his partner over a period of seven years, and spent it on holidays, a caravan and gambling.

Prosecutor Amanda Clegg said Pike had "systematically betrayed" the trust placed in him. "He targeted a fund precisely because he knew it was rarely audited," she told the court.

In mitigation, defence barrister Jonathan Reeve said his client had developed a serious gambling addiction after the death of his mother. "He is deeply ashamed. He has not tried to excuse what he did," Mr Reeve said.

Sentencing him, Judge Patricia Holloway said: "You abused a position of considerable trust for your own greed. The victims of your offending are among the most vulnerable children in this county."

She added that the money "will never be fully recovered".

In a statement after the hearing, North Yorkshire Council said it had introduced new controls. "We are deeply sorry that this happened and we have reviewed every payment made from the fund," a council spokesman said.

Detective Sergeant Ian Foster, of North Yorkshire Police, said: "This was a calculated and prolonged fraud, and today's sentence reflects that."'''
COURT_GOLD = [
    ("systematically betrayed", "Amanda Clegg", "partial"),
    (
        "He targeted a fund precisely because he knew it was rarely audited,",
        "Amanda Clegg",
        "direct",
    ),
    ("He is deeply ashamed. He has not tried to excuse what he did,", "Jonathan Reeve", "direct"),
    (
        "You abused a position of considerable trust for your own greed. The victims of your offending are among the most vulnerable children in this county.",
        "Patricia Holloway",
        "direct",
    ),
    ("will never be fully recovered", "Patricia Holloway", "partial"),
    (
        "We are deeply sorry that this happened and we have reviewed every payment made from the fund,",
        "council spokesman (unnamed)",
        "direct",
    ),
    (
        "This was a calculated and prolonged fraud, and today's sentence reflects that.",
        "Ian Foster",
        "direct",
    ),
]
COURT_ACTORS = [
    "Graham Pike",
    "Leeds Crown Court",
    "Amanda Clegg",
    "Jonathan Reeve",
    "Patricia Holloway",
    "North Yorkshire Council",
    "Ian Foster",
    "North Yorkshire Police",
]

LIVE_TITLE = "Election night live: polls close as turnout hits record"
LIVE = """21:58
Polls are about to close. Turnout figures from several councils suggest it could be the highest in decades, with queues reported at stations in Leeds, Bristol and Glasgow.

22:05
The exit poll puts the Progressive Alliance on 312 seats, short of a majority by 14.

Welcome to our live coverage of election night. We will bring you the exit poll, the first declarations and reaction from the party leaders as results come in through the night and into Friday morning.

Polling stations opened at 7am and staff in several cities reported steady queues throughout the day.

Speaking to broadcasters outside party headquarters, Alliance campaign chief Nadia Karim said: "If this exit poll is right, it is a remarkable night for us. But exit polls have been wrong before."

22:17
The National Union party's leader, Peter Lowry, has conceded nothing. "We will wait for real votes to be counted," he posted on X.

22:31
Our political editor, Fiona Grant, says the mood at National Union headquarters is "funereal".

"People are standing around in small groups staring at their phones," she writes. "Nobody wants to be the first to say it."

22:48
The returning officer in Sunderland has confirmed that the first result is imminent.

23:02
First result: the Progressive Alliance holds Sunderland North with an increased majority.

The winning candidate, Joe Whitfield, thanked volunteers. "This is your victory, not mine," he told supporters in the count hall.

23:20
Electoral Commission chair Margaret Osei said there had been "isolated reports" of long queues but no systematic problems. "Overall, polling has gone smoothly," she said."""
LIVE_GOLD = [
    (
        "If this exit poll is right, it is a remarkable night for us. But exit polls have been wrong before.",
        "Nadia Karim",
        "direct",
    ),
    ("We will wait for real votes to be counted,", "Peter Lowry", "direct"),
    ("funereal", "Fiona Grant", "partial"),
    (
        "People are standing around in small groups staring at their phones,",
        "Fiona Grant",
        "direct",
    ),
    ("Nobody wants to be the first to say it.", "Fiona Grant", "direct"),
    ("This is your victory, not mine,", "Joe Whitfield", "direct"),
    ("isolated reports", "Margaret Osei", "partial"),
    ("Overall, polling has gone smoothly,", "Margaret Osei", "direct"),
]
LIVE_ACTORS = [
    "Progressive Alliance",
    "Nadia Karim",
    "National Union",
    "Peter Lowry",
    "Fiona Grant",
    "Joe Whitfield",
    "Electoral Commission",
    "Margaret Osei",
]

OPINION_TITLE = "Historian says 'myth of the lone genius' still shapes tech"
OPINION = """In her new book, "The Garage Myth", the historian Dr Clara Benson argues that Silicon Valley's obsession with the "lone genius" has distorted how governments and investors fund research.

Benson, who teaches at the University of Northfield, spent six years interviewing engineers, secretaries and technicians for the book. She says the so-called "founder stories" told by venture capitalists leave out the teams, universities and public money behind most inventions.

The book traces the history of several celebrated inventions, from the transistor to the search engine, and argues that each depended on public laboratories, military budgets and large teams whose names rarely appear in magazine profiles. It is her third book and her first aimed at a general audience.

"Nobody invents a microchip alone in a garage. It took thousands of people and billions of dollars of government contracts," Benson said in an interview.

The book has drawn comparisons with "Machines of Many Hands", a 2019 history of the early computer industry, and has already been shortlisted for a prize.

Not everyone is convinced. Marcus Hale, a venture investor and the author of "Build Fast", called the argument "a caricature". "Of course teams matter. But somebody has to take the risk first," he said.

Benson dismisses the idea of the "disruptor" as a marketing term that rewards noise over substance. "It flatters the people writing the cheques," she said.

Her publisher, Harrow Press, said the first print run had sold out before publication. The book goes on sale on 12 May."""
OPINION_GOLD = [
    (
        "Nobody invents a microchip alone in a garage. It took thousands of people and billions of dollars of government contracts,",
        "Clara Benson",
        "direct",
    ),
    ("a caricature", "Marcus Hale", "partial"),
    ("Of course teams matter. But somebody has to take the risk first,", "Marcus Hale", "direct"),
    ("It flatters the people writing the cheques,", "Clara Benson", "direct"),
]
OPINION_ACTORS = ["Clara Benson", "University of Northfield", "Marcus Hale", "Harrow Press"]

PR_TITLE = "Lumora Health Launches AI Triage Platform for Rural Clinics"
PR = """BOSTON, April 8, 2025 /PRNewswire/ -- Lumora Health, a leader in clinical decision software, today announced the launch of Lumora Triage, an AI-powered platform that helps rural clinics prioritise patients and reduce waiting times.

The platform has been piloted at 40 clinics in Montana, Wyoming and the Dakotas, where average waiting times fell by 31% over six months.

According to the company, the platform analyses symptoms, vital signs and medical history entered by nursing staff at check-in and flags patients who may need urgent attention. Clinics can set their own thresholds and review every recommendation before acting on it.

"Rural patients should not have to wait longer for care simply because of where they live. Lumora Triage gives small clinics the same tools as big-city hospitals," said Dana Albright, CEO of Lumora Health.

"Clinicians remain in control at every step," said Dr. Michael Adeyemi, Chief Medical Officer at Lumora Health. "The software suggests, the nurse decides."

"We saw the difference within weeks," said Kara Jensen, practice manager at Big Sky Family Clinic. "Patients who needed urgent attention were seen faster, and our staff felt less overwhelmed."

Lumora Triage is available immediately to clinics in the United States and integrates with major electronic health record systems. Pricing is based on the number of patient visits per month.

About Lumora Health
Lumora Health builds clinical decision software for hospitals and clinics. Founded in 2016, the company is headquartered in Boston, Massachusetts, and serves more than 900 care sites across North America. For more information, visit www.lumorahealth.com.

Media Contact:
Rebecca Lin
press@lumorahealth.com"""
PR_GOLD = [
    (
        "Rural patients should not have to wait longer for care simply because of where they live. Lumora Triage gives small clinics the same tools as big-city hospitals,",
        "Dana Albright",
        "direct",
    ),
    ("Clinicians remain in control at every step,", "Michael Adeyemi", "direct"),
    ("The software suggests, the nurse decides.", "Michael Adeyemi", "direct"),
    ("We saw the difference within weeks,", "Kara Jensen", "direct"),
    (
        "Patients who needed urgent attention were seen faster, and our staff felt less overwhelmed.",
        "Kara Jensen",
        "direct",
    ),
]
PR_ACTORS = [
    "Lumora Health",
    "Dana Albright",
    "Michael Adeyemi",
    "Kara Jensen",
    "Big Sky Family Clinic",
]

QA_TITLE = "'We cannot keep building on floodplains': an interview with the new rivers chief"
QA = """Tom Reddy became head of the Rivers Authority in January after two decades as a hydrologist. He spoke to us about flooding, housing and why he still goes fishing every Sunday.

The interview has been edited for length and clarity.

You have called the flood defence budget "wholly inadequate". Why?

Reddy, who grew up in a village that flooded three times in his childhood, has been outspoken about the limits of hard engineering since his appointment. His first months in the job have coincided with one of the wettest winters on record, with hundreds of homes evacuated along the eastern rivers.

Because it is. We are spending money patching walls that were built in the 1950s, and every winter the rivers are higher than the last.

Are you saying no more homes should be built near rivers?

I'm saying we need to stop pretending that a concrete wall solves everything. Some places will have to be given back to the water.

The housing minister, Claire Dawson, said last week that your comments were "unhelpful". How do you respond?

I have a lot of respect for the minister. But my job is to tell the truth about risk, not to make people comfortable.

What would you do with an extra billion pounds?

Restore wetlands upstream. It's cheaper than walls and it works. My predecessor used to say, "Slow the water down and the town stays dry." He was right.

And the fishing?

It keeps me honest. You can't fool a river."""
QA_GOLD = [
    ("wholly inadequate", "Tom Reddy", "partial"),
    ("unhelpful", "Claire Dawson", "partial"),
    ("Slow the water down and the town stays dry.", None, "direct"),
]
QA_ACTORS = ["Tom Reddy", "Rivers Authority", "Claire Dawson"]

SOCIAL_TITLE = "Airline apologises after passengers stranded overnight at airport"
SOCIAL = """Budget carrier SkyLark Air has apologised after more than 300 passengers were left stranded overnight at Manchester Airport when a series of flights to Spain were cancelled.

Passengers said they were given no information for hours and were forced to sleep on the floor of the departure lounge.

The disruption affected flights to Malaga, Alicante and Palma, many of them carrying families at the start of the school holidays. Some passengers said they had been rebooked on flights leaving three days later.

"Six hours, zero updates, no water, no blankets. Absolutely shameful @SkyLarkAir," wrote one passenger, Lucy Brennan, on X.

Another traveller, Imran Siddiqui, posted a video on social media showing families lying on luggage trolleys. "My kids are 3 and 5. This is not acceptable in 2025," he wrote.

In a statement posted on its website, SkyLark Air said the cancellations were caused by "an unexpected technical issue" affecting two aircraft. "We sincerely apologise to all customers affected and will be contacting them directly about refunds and compensation," the airline said.

The airline's chief executive, Owen Marsh, later wrote on LinkedIn that the situation had "fallen well short of our standards".

Manchester Airport said in a post on X: "We are working with SkyLark Air to support passengers and have provided additional seating and refreshments in Terminal 2."

Consumer group Fair Travel said passengers were entitled to up to £520 each in compensation. "Airlines cannot hide behind technical issues," its director, Rosa Delaney, said. "The law is very clear."

The Civil Aviation Authority said it was aware of the incident and was in contact with the airline."""
SOCIAL_GOLD = [
    (
        "Six hours, zero updates, no water, no blankets. Absolutely shameful @SkyLarkAir,",
        "Lucy Brennan",
        "direct",
    ),
    ("My kids are 3 and 5. This is not acceptable in 2025,", "Imran Siddiqui", "direct"),
    ("an unexpected technical issue", "SkyLark Air", "partial"),
    (
        "We sincerely apologise to all customers affected and will be contacting them directly about refunds and compensation,",
        "SkyLark Air",
        "direct",
    ),
    ("fallen well short of our standards", "Owen Marsh", "partial"),
    (
        "We are working with SkyLark Air to support passengers and have provided additional seating and refreshments in Terminal 2.",
        "Manchester Airport",
        "direct",
    ),
    ("Airlines cannot hide behind technical issues,", "Rosa Delaney", "direct"),
    ("The law is very clear.", "Rosa Delaney", "direct"),
]
SOCIAL_ACTORS = [
    "SkyLark Air",
    "Manchester Airport",
    "Lucy Brennan",
    "Imran Siddiqui",
    "Owen Marsh",
    "Fair Travel",
    "Rosa Delaney",
    "Civil Aviation Authority",
]

LATE_TITLE = "Farmers fear ruin as river dries up"
LATE = """"I have farmed this land for forty years and I have never seen the river this low. If it doesn't rain by August, we are finished."

So says Walter Brandt, whose family has grown maize and sunflowers on the banks of the Lower Vesna since his grandfather's time. His fields, normally irrigated from the river, are cracked and grey.

The Lower Vesna valley produces around a fifth of the country's maize, and officials have warned that a poor harvest could push up animal feed prices across the region. Rainfall since March has been less than half the long-term average.

Irrigation pumps along the river have fallen silent since the ban came into force.

Brandt is one of hundreds of farmers in the valley facing restrictions on water use after the regional water board banned irrigation from the river last week.

"We had no choice," said Elena Varga, who chairs the water board. "The flow is below the level needed to keep fish alive, and towns downstream depend on the same water."

The ban will be reviewed at the end of the month.

Some farmers have begun drilling boreholes, a practice the board says it is monitoring closely. "Groundwater is not an unlimited bank account," Varga warned.

For Brandt, the cost of a borehole, around €20,000, is out of reach. "My son wants to take over the farm one day," he said, looking at the dry channel. "I don't know what to tell him."

Meteorologists at the national weather service expect temperatures to stay above 35C for at least another ten days."""
LATE_GOLD = [
    (
        "I have farmed this land for forty years and I have never seen the river this low. If it doesn't rain by August, we are finished.",
        "Walter Brandt",
        "direct",
    ),
    ("We had no choice,", "Elena Varga", "direct"),
    (
        "The flow is below the level needed to keep fish alive, and towns downstream depend on the same water.",
        "Elena Varga",
        "direct",
    ),
    ("Groundwater is not an unlimited bank account,", "Elena Varga", "direct"),
    ("My son wants to take over the farm one day,", "Walter Brandt", "direct"),
    ("I don't know what to tell him.", "Walter Brandt", "direct"),
]
LATE_ACTORS = ["Walter Brandt", "Elena Varga"]

FAMILY_TITLE = "Sisters' bakery marks 25 years on the high street"
FAMILY = """When Margaret and Joan Fielding opened a bakery on Bridge Street in 2000, their bank manager gave them a year.

Twenty-five years later, Fielding's Bakery employs 14 people and supplies bread to half the cafes in town.

The shop has changed little since it opened. The same wooden shelves line the walls, the same brass bell rings above the door, and the queue on Saturday mornings still stretches past the chemist next door. Regular customers include families who have bought their bread there for three generations, and a few who still pay in cash every single time.

Both sisters trained as nurses before swapping hospital wards for ovens, a decision their mother thought was madness at the time.

"We had no idea what we were doing," said Margaret Fielding, 61, the elder of the two sisters. "We just knew people wanted proper bread."

Joan Fielding, who handles the cakes, said the secret was getting up at 3am every day. "You can't cheat on time with sourdough," she said.

The sisters' nephew, Tom Fielding, joined the business in 2018 and now runs its online shop. "Aunt Margaret still checks every loaf," Mr Fielding said. "She'll throw out a whole tray if the crust isn't right."

Margaret Fielding laughed at the suggestion. "Somebody has to have standards," she said.

Joan Fielding said they had no plans to retire. "What would we do all day?" she said.

The town council will unveil a plaque outside the shop on Saturday. Councillor Priya Shah said the bakery was "part of the furniture" of Bridge Street."""
FAMILY_GOLD = [
    ("We had no idea what we were doing,", "Margaret Fielding", "direct"),
    ("We just knew people wanted proper bread.", "Margaret Fielding", "direct"),
    ("You can't cheat on time with sourdough,", "Joan Fielding", "direct"),
    ("Aunt Margaret still checks every loaf,", "Tom Fielding", "direct"),
    ("She'll throw out a whole tray if the crust isn't right.", "Tom Fielding", "direct"),
    ("Somebody has to have standards,", "Margaret Fielding", "direct"),
    ("What would we do all day?", "Joan Fielding", "direct"),
    ("part of the furniture", "Priya Shah", "partial"),
]
FAMILY_ACTORS = [
    "Margaret Fielding",
    "Joan Fielding",
    "Fielding's Bakery",
    "Tom Fielding",
    "Priya Shah",
]

INTERP_TITLE = "Mongolian herders lose livestock in harsh winter"
INTERP = """ULAANBAATAR — Herders in central Mongolia have lost more than a million animals this winter after temperatures fell below minus 40C and heavy snow buried grazing land, officials said.

Batbayar Dorj, 58, said he had lost half of his 300 sheep and goats since December. "Every morning I go out and find more dead animals. My father survived the dzud of 2010, but this one is worse," he said through an interpreter.

Livestock is the main source of income for roughly a third of Mongolia's population, and the loss of animals often forces families to abandon herding and move to the crowded outskirts of the capital in search of work.

The phenomenon, known as a dzud, occurs when a dry summer is followed by an extremely cold winter that leaves animals unable to reach the grass beneath the snow.

Speaking through a translator, his wife, Oyuntsetseg, said the family had sold their car to buy hay. "We have nothing left to sell," she said.

Deputy Prime Minister Gantulga Erdene told reporters in Ulaanbaatar that the government had sent emergency fodder to 12 provinces. "The state will not abandon the herders," he said, according to an official translation of his remarks.

The International Federation of Red Cross and Red Crescent Societies has launched an emergency appeal for 5 million Swiss francs.

"Climate change is making these disasters more frequent and more severe," said Olga Petrova, head of the federation's delegation in East Asia.

In a statement in Mongolian, the National Emergency Management Agency said 2,250 families had lost more than 70% of their herds."""
INTERP_GOLD = [
    (
        "Every morning I go out and find more dead animals. My father survived the dzud of 2010, but this one is worse,",
        "Batbayar Dorj",
        "direct",
    ),
    ("We have nothing left to sell,", "Oyuntsetseg", "direct"),
    ("The state will not abandon the herders,", "Gantulga Erdene", "direct"),
    (
        "Climate change is making these disasters more frequent and more severe,",
        "Olga Petrova",
        "direct",
    ),
]
INTERP_ACTORS = [
    "Batbayar Dorj",
    "Oyuntsetseg",
    "Gantulga Erdene",
    "International Federation of Red Cross and Red Crescent Societies",
    "Olga Petrova",
    "National Emergency Management Agency",
]


# name: (title, text, gold quotes as (text, speaker, kind), salient actor names)
CASES = {
    "ap": (AP_TITLE, AP, AP_GOLD, AP_ACTORS),
    "reuters": (REUTERS_TITLE, REUTERS, REUTERS_GOLD, REUTERS_ACTORS),
    "bbc": (BBC_TITLE, BBC, BBC_GOLD, BBC_ACTORS),
    "guardian": (GUARDIAN_TITLE, GUARDIAN, GUARDIAN_GOLD, GUARDIAN_ACTORS),
    "aljazeera": (AJ_TITLE, AJ, AJ_GOLD, AJ_ACTORS),
    "toi": (TOI_TITLE, TOI, TOI_GOLD, TOI_ACTORS),
    "sport": (SPORT_TITLE, SPORT, SPORT_GOLD, SPORT_ACTORS),
    "business": (BIZ_TITLE, BIZ, BIZ_GOLD, BIZ_ACTORS),
    "court": (COURT_TITLE, COURT, COURT_GOLD, COURT_ACTORS),
    "live": (LIVE_TITLE, LIVE, LIVE_GOLD, LIVE_ACTORS),
    "opinion": (OPINION_TITLE, OPINION, OPINION_GOLD, OPINION_ACTORS),
    "press": (PR_TITLE, PR, PR_GOLD, PR_ACTORS),
    "qa": (QA_TITLE, QA, QA_GOLD, QA_ACTORS),
    "social": (SOCIAL_TITLE, SOCIAL, SOCIAL_GOLD, SOCIAL_ACTORS),
    "late": (LATE_TITLE, LATE, LATE_GOLD, LATE_ACTORS),
    "family": (FAMILY_TITLE, FAMILY, FAMILY_GOLD, FAMILY_ACTORS),
    "interp": (INTERP_TITLE, INTERP, INTERP_GOLD, INTERP_ACTORS),
}

# Known gaps: what the engine gives today where it misses the gold, by quote index.
# ('+', i, quote) inserts a quote the gold does not have (a scare quote taken for speech).
QUOTE_GAPS: dict[str, list[tuple[object, ...]]] = {
    "reuters": [(0, None)],  # '"...," one of the sources said' names no source
    "bbc": [(0, "region's health board (unnamed)")],  # not tied to the board named later
    "guardian": [(0, None), (4, "spokesperson (unnamed)")],  # 'A spokesperson' loses its body
    "aljazeera": [(0, "man (unnamed)")],  # 'said the man' not tied to 'a resident' before it
    "sport": [(5, "Mick Hargreaves")],  # 'the striker': Barnes is split by his nickname
    "opinion": [
        ("+", 0, ("lone genius", "Clara Benson", "partial")),
        ("+", 4, ("disruptor", "Clara Benson", "partial")),  # the learned gate lets it back
    ],
    "qa": [(0, None)],  # the interviewer's 'You have called ...' names the interviewee
    "interp": [(1, "Batbayar Dorj")],  # 'his wife, Oyuntsetseg,': a one-word name
}
ACTOR_GAPS: dict[str, list[str]] = {
    "bbc": ["Welsh government", "Welsh Conservatives"],
    "sport": ["Kyle Barnes"],
    "business": ["Brandt Biotech AG"],
    "family": ["Fielding's Bakery"],
    "interp": ["Oyuntsetseg", "International Federation of Red Cross and Red Crescent Societies"],
}
