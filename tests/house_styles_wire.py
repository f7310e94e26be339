"""Invented English articles (hand-written gold) in wire, BBC, Guardian, Al Jazeera, Indian English,
sport and business house styles, for tests/test_house_styles.py."""

from __future__ import annotations

AP_TITLE = "Storms knock out power to thousands across Ohio Valley"
AP = """COLUMBUS, Ohio (AP) — A line of severe thunderstorms tore through the Ohio Valley on Monday night, knocking out power to more than 200,000 homes and businesses and killing at least two people, officials said.

The National Weather Service confirmed that at least three tornadoes touched down in central Ohio. One of them, rated EF-2, flattened a warehouse near the town of Delaware and tossed tractor-trailers across a highway.

"We heard the sirens and we ran for the basement," said Martha Collins, 64, whose house lost most of its roof. "When we came back up, the sky was in the living room."

Gov. Richard Hale declared a state of emergency for 14 counties on Tuesday morning and asked the federal government for help.

"Our first job is to make sure everyone is accounted for," Hale said at a news conference in Columbus. "The cleanup will take weeks, not days."

Crews from five states were on their way to help restore power, said Tom Becker, a spokesman for Buckeye Power & Light. He said most customers should have electricity back by Thursday, although some rural areas could wait longer.

"This is one of the largest outages we have seen in a decade," Becker said.

The Franklin County coroner's office said a 71-year-old man died when a tree fell on his car and a 35-year-old woman was killed when a carport collapsed. Their names were not released.

Schools in several districts were closed on Tuesday, and the Ohio Department of Transportation warned drivers to stay off rural roads because of downed lines and debris.

Forecasters said more storms were possible later in the week, though they were not expected to be as strong."""
AP_GOLD = [
    ("We heard the sirens and we ran for the basement,", "Martha Collins", "direct"),
    ("When we came back up, the sky was in the living room.", "Martha Collins", "direct"),
    ("Our first job is to make sure everyone is accounted for,", "Richard Hale", "direct"),
    ("The cleanup will take weeks, not days.", "Richard Hale", "direct"),
    ("This is one of the largest outages we have seen in a decade,", "Tom Becker", "direct"),
]
AP_ACTORS = [
    "National Weather Service",
    "Martha Collins",
    "Richard Hale",
    "Tom Becker",
    "Buckeye Power & Light",
    "Ohio Department of Transportation",
]

REUTERS_TITLE = "Exclusive: Nordvik Energy weighs sale of Baltic wind unit - sources"
REUTERS = """LONDON, March 4 (Reuters) - Norwegian utility Nordvik Energy is exploring a sale of its Baltic offshore wind business, which could be valued at up to 3 billion euros ($3.3 billion), three people familiar with the matter said.

The company has hired investment bank Halvorsen & Co to sound out potential buyers, including infrastructure funds and Asian utilities, the sources said, speaking on condition of anonymity because the talks are private.

"They want out of the Baltic before the next auction round," one of the sources said.

Nordvik Energy declined to comment. Halvorsen & Co did not respond to a request for comment.

Chief Executive Ingrid Solberg told Reuters in January that the company would "review every asset" after a 40% fall in its share price last year.

"We are not married to any single market," Solberg told Reuters at the time. "If someone values a business more than we do, we will listen."

Nordvik's shares rose 4.2% in Oslo after the report.

Analysts at Fjord Securities said a sale would help the company cut its net debt, which stood at 11 billion euros at the end of last year. "A disposal at that price would be a clear positive," analyst Per Eriksen wrote in a note to clients.

The Baltic unit operates two wind farms off the coasts of Poland and Lithuania and has a third under construction, according to the company's website.

In a statement, Poland's energy ministry said it "welcomes any investor committed to the Baltic supply chain."

Separately, Nordvik said in a statement on Monday that it had agreed to supply power to data centres in Sweden. "This contract underlines the strength of our Nordic franchise," the company said."""
REUTERS_GOLD = [
    ("They want out of the Baltic before the next auction round,", "sources (unnamed)", "direct"),
    ("review every asset", "Ingrid Solberg", "partial"),
    ("We are not married to any single market,", "Ingrid Solberg", "direct"),
    ("If someone values a business more than we do, we will listen.", "Ingrid Solberg", "direct"),
    ("A disposal at that price would be a clear positive,", "Per Eriksen", "direct"),
    (
        "welcomes any investor committed to the Baltic supply chain.",
        "Poland's energy ministry (unnamed)",
        "partial",
    ),
    ("This contract underlines the strength of our Nordic franchise,", "Nordvik Energy", "direct"),
]
REUTERS_ACTORS = [
    "Nordvik Energy",
    "Halvorsen & Co",
    "Ingrid Solberg",
    "Fjord Securities",
    "Per Eriksen",
]

BBC_TITLE = "Hospital waiting lists 'at breaking point', says health board"
BBC = """Waiting lists at hospitals in north Wales have reached "breaking point", the region's health board has warned.

More than 120,000 patients are now waiting for planned treatment, according to figures published on Thursday.

The figures also showed that the number of people waiting more than two years for treatment had risen for the third month in a row, with orthopaedics and ophthalmology among the worst affected specialties across the region.

The chief executive of the Clwyd Valley Health Board, Gareth Pryce, said staff were "doing everything they can" but demand had outstripped capacity.

"We are seeing more patients, and sicker patients, than at any point in the last twenty years," Mr Pryce said.

"I won't pretend there is a quick fix."

One patient, Eleri Hughes from Wrexham, has been waiting 18 months for a hip replacement.

"Some days I can't get out of the chair," the 72-year-old told BBC Wales. "You feel like you've been forgotten."

The Welsh government said it had invested an extra £50m in reducing the longest waits.

Health Secretary Mark Llewellyn said: "We recognise the pressure the NHS in Wales is under and we are working with every health board to bring waiting times down."

But the Welsh Conservatives' health spokeswoman, Dr Sian Rowlands, said ministers had "run out of excuses".

"Every month we get another set of record figures and another promise that things will get better," Dr Rowlands said.

Plaid Cymru said the figures were "a disgrace" and called for an independent review of planned care.

The health board will publish a recovery plan next month, setting out how it intends to cut the longest waits by the end of the year."""
BBC_GOLD = [
    ("breaking point", "Clwyd Valley Health Board", "partial"),
    ("doing everything they can", "Gareth Pryce", "partial"),
    (
        "We are seeing more patients, and sicker patients, than at any point in the last twenty years,",
        "Gareth Pryce",
        "direct",
    ),
    ("I won't pretend there is a quick fix.", "Gareth Pryce", "direct"),
    ("Some days I can't get out of the chair,", "Eleri Hughes", "direct"),
    ("You feel like you've been forgotten.", "Eleri Hughes", "direct"),
    (
        "We recognise the pressure the NHS in Wales is under and we are working with every health board to bring waiting times down.",
        "Mark Llewellyn",
        "direct",
    ),
    ("run out of excuses", "Sian Rowlands", "partial"),
    (
        "Every month we get another set of record figures and another promise that things will get better,",
        "Sian Rowlands",
        "direct",
    ),
    ("a disgrace", "Plaid Cymru", "partial"),
]
BBC_ACTORS = [
    "Clwyd Valley Health Board",
    "Gareth Pryce",
    "Eleri Hughes",
    "Welsh government",
    "Mark Llewellyn",
    "Welsh Conservatives",
    "Sian Rowlands",
    "Plaid Cymru",
]

GUARDIAN_TITLE = "Teachers warn of ‘lost generation’ as school repairs stall"
GUARDIAN = """Headteachers in England have warned that crumbling buildings risk creating a “lost generation” of pupils, as the government’s school rebuilding programme falls further behind schedule.

In a letter to the education secretary seen by the Guardian, more than 300 school leaders said classrooms had been closed because of leaking roofs, broken heating and unsafe ceilings.

Helen Marsh, the head of a primary school in Stockport, said her pupils had spent half of the winter term in temporary cabins.

“We had buckets in the corridors and children wearing coats in lessons. We moved the year 6 class three times in a month.

“Nobody in Whitehall seems to understand what that does to a 10-year-old who is trying to prepare for their exams. It tells them they don’t matter.”

She added: “I didn’t go into teaching to become a facilities manager.”

The Department for Education said it had allocated £1.8bn for school repairs this year. A spokesperson said: “We are determined to give every child a safe and modern place to learn, and we have already completed work at more than 400 schools.”

Daniel Okafor, the general secretary of the National Association of School Leaders, called the figures “a sticking plaster on a broken leg”.

“The backlog is now estimated at £13bn,” he said. “At the current rate of spending, some of these buildings will be 80 years old before anyone gets round to fixing them.”

The shadow education secretary, Laura Pennington, said ministers had “quietly abandoned” their promise to rebuild 500 schools by the end of the decade. “Parents were told help was on the way,” she added. “It never arrived.”

The National Audit Office is expected to publish a report on the programme in the spring."""
GUARDIAN_GOLD = [
    ("lost generation", "headteachers (unnamed)", "partial"),
    (
        "We had buckets in the corridors and children wearing coats in lessons. We moved the year 6 class three times in a month.",
        "Helen Marsh",
        "direct",
    ),
    (
        "Nobody in Whitehall seems to understand what that does to a 10-year-old who is trying to prepare for their exams. It tells them they don’t matter.",
        "Helen Marsh",
        "direct",
    ),
    ("I didn’t go into teaching to become a facilities manager.", "Helen Marsh", "direct"),
    (
        "We are determined to give every child a safe and modern place to learn, and we have already completed work at more than 400 schools.",
        "Department for Education spokesperson (unnamed)",
        "direct",
    ),
    ("a sticking plaster on a broken leg", "Daniel Okafor", "partial"),
    ("The backlog is now estimated at £13bn,", "Daniel Okafor", "direct"),
    (
        "At the current rate of spending, some of these buildings will be 80 years old before anyone gets round to fixing them.",
        "Daniel Okafor",
        "direct",
    ),
    ("quietly abandoned", "Laura Pennington", "partial"),
    ("Parents were told help was on the way,", "Laura Pennington", "direct"),
    ("It never arrived.", "Laura Pennington", "direct"),
]
GUARDIAN_ACTORS = [
    "Helen Marsh",
    "Department for Education",
    "Daniel Okafor",
    "National Association of School Leaders",
    "Laura Pennington",
    "National Audit Office",
]

AJ_TITLE = "Sudan: Families flee El Fasher as fighting intensifies"
AJ = """Thousands of families have fled the Sudanese city of El Fasher as fighting between the army and the paramilitary Rapid Support Forces (RSF) intensified over the weekend, residents and aid workers say.

Speaking to Al Jazeera by phone, a resident of the city's southern district said shelling had continued through the night. "We could not sleep. The houses around us were burning and nobody came to help," said the man, who asked not to be named for fear of reprisals.

Mohamed el-Tayeb, a doctor at the city's last functioning hospital, said the facility had received more than 60 wounded people since Friday. "We are operating without anaesthetic. We have no fuel for the generators and no clean water," he said.

The RSF has denied targeting civilians. In a statement posted on Telegram, the group said its fighters were "protecting residents from the army's aggression".

Army spokesman Brigadier General Nabil Abdullah accused the RSF of using homes as shields. "The militia bears full responsibility for the suffering of the people of El Fasher," he told Al Jazeera.

Aid agencies say access to the city has been almost completely cut off. A United Nations official, who spoke on condition of anonymity because they were not authorised to speak to the media, said convoys had been waiting at the Chadian border for two weeks.

"Every day we wait, more people die," the official said.

Abu Bakr Adam, 52, arrived in the town of Tawila on foot with his four children after walking for three days. "We left everything behind. I carried my youngest son on my back the whole way," he said.

Aisha bint Salem al-Nour, who runs a women's shelter in Tawila, said the camp was already overcrowded. "There is no space left and the rainy season is coming," she said.

Al Jazeera's Yasmin al-Hashimi, reporting from Port Sudan, said the humanitarian situation was "catastrophic" and that the government was under pressure to open more crossings."""
AJ_GOLD = [
    (
        "We could not sleep. The houses around us were burning and nobody came to help,",
        "resident (unnamed)",
        "direct",
    ),
    (
        "We are operating without anaesthetic. We have no fuel for the generators and no clean water,",
        "Mohamed el-Tayeb",
        "direct",
    ),
    ("protecting residents from the army's aggression", "Rapid Support Forces", "partial"),
    (
        "The militia bears full responsibility for the suffering of the people of El Fasher,",
        "Nabil Abdullah",
        "direct",
    ),
    ("Every day we wait, more people die,", "United Nations official (unnamed)", "direct"),
    (
        "We left everything behind. I carried my youngest son on my back the whole way,",
        "Abu Bakr Adam",
        "direct",
    ),
    (
        "There is no space left and the rainy season is coming,",
        "Aisha bint Salem al-Nour",
        "direct",
    ),
    ("catastrophic", "Yasmin al-Hashimi", "partial"),
]
AJ_ACTORS = [
    "Rapid Support Forces",
    "Al Jazeera",
    "Mohamed el-Tayeb",
    "Nabil Abdullah",
    "United Nations",
    "Abu Bakr Adam",
    "Aisha bint Salem al-Nour",
    "Yasmin al-Hashimi",
]

TOI_TITLE = "Chain snatchers held after CCTV chase in south Delhi"
TOI = """NEW DELHI: Two men accused of snatching gold chains from at least 15 women across south Delhi were arrested on Sunday after police tracked them through footage from over 200 CCTV cameras, officials said.

The accused, identified as Rahul alias Monu (24) and Sandeep Kumar (27), residents of Sangam Vihar, were caught near the Saket metro station while allegedly trying to sell a stolen chain, police said.

According to the investigators, the two men would scout residential lanes on weekday mornings, strike within seconds and escape through narrow bylanes where patrol vehicles could not follow them. The stolen chains were sold to small jewellers in neighbouring districts at a fraction of their value.

"The duo used a stolen motorcycle with a fake number plate and targeted women returning from morning walks. We have recovered 11 chains and the motorcycle from their possession," said Ankit Chauhan, DCP (South).

Police said the accused had a history of similar offences and had been released on bail only three months ago.

One of the victims, Smt Kamla Devi, a retired schoolteacher from Malviya Nagar, said she was "relieved" to hear about the arrests. "I was too scared to go out for a walk after the incident. Now I hope I will get my chain back," she said.

Local MLA Shri Rajesh Verma praised the police team and demanded more patrolling in residential colonies. "The residents have been living in fear for months. Police must increase night and early morning patrolling," said Verma.

According to officials, a case has been registered under relevant sections at the Saket police station and further investigation is underway.

"We are also trying to identify the jewellers who bought the stolen gold from them," a senior police officer said."""
TOI_GOLD = [
    (
        "The duo used a stolen motorcycle with a fake number plate and targeted women returning from morning walks. We have recovered 11 chains and the motorcycle from their possession,",
        "Ankit Chauhan",
        "direct",
    ),
    ("relieved", "Kamla Devi", "partial"),
    (
        "I was too scared to go out for a walk after the incident. Now I hope I will get my chain back,",
        "Kamla Devi",
        "direct",
    ),
    (
        "The residents have been living in fear for months. Police must increase night and early morning patrolling,",
        "Rajesh Verma",
        "direct",
    ),
    (
        "We are also trying to identify the jewellers who bought the stolen gold from them,",
        "senior police officer (unnamed)",
        "direct",
    ),
]
TOI_ACTORS = ["Sandeep Kumar", "Ankit Chauhan", "Kamla Devi", "Rajesh Verma"]

SPORT_TITLE = "Moreno double fires Rovers into cup semi-finals"
SPORT = '''Blackwood Rovers are into the semi-finals of the FA Cup after Javier Moreno scored twice in a 3-1 win over Castleford Town at Ashgate Park on Saturday.

The Spaniard, signed for £22m in the summer, opened the scoring after 12 minutes and added a second from the penalty spot shortly after half-time.

It was a deserved victory for the hosts, who dominated possession for long spells and could have won by a wider margin had their finishing been sharper in the first half. The visitors, who sit mid-table in the second tier, rarely threatened before the interval.

"Javi is in the form of his life," said Rovers manager Steve Doyle. "He works hard for the team, he presses, he runs, and when the chance comes he doesn't miss."

Castleford pulled one back through Kyle "Bullet" Barnes, whose 30-yard strike flew into the top corner, but substitute Leon Ashby sealed the win for the hosts in stoppage time.

Moreno, who has now scored 18 goals this season, dedicated his goals to his late grandfather. "He took me to my first game when I was five years old. This is for him," the 26-year-old told BBC Sport.

Town boss Mick Hargreaves was frustrated by the penalty decision. "I've watched it back three times and I still don't know what the referee saw," Hargreaves said. "We're gutted, but I'm proud of the lads."

Barnes, known to supporters as "Bullet" since his academy days, said the defeat hurt. "We came here to win, not to make up the numbers," the striker said.

Rovers will face either Millbrook or Harlow United in the last four at Wembley next month.

Doyle added: "We'll enjoy tonight and then we go again on Tuesday."'''
SPORT_GOLD = [
    ("Javi is in the form of his life,", "Steve Doyle", "direct"),
    (
        "He works hard for the team, he presses, he runs, and when the chance comes he doesn't miss.",
        "Steve Doyle",
        "direct",
    ),
    (
        "He took me to my first game when I was five years old. This is for him,",
        "Javier Moreno",
        "direct",
    ),
    (
        "I've watched it back three times and I still don't know what the referee saw,",
        "Mick Hargreaves",
        "direct",
    ),
    ("We're gutted, but I'm proud of the lads.", "Mick Hargreaves", "direct"),
    ("We came here to win, not to make up the numbers,", "Kyle Barnes", "direct"),
    ("We'll enjoy tonight and then we go again on Tuesday.", "Steve Doyle", "direct"),
]
SPORT_ACTORS = [
    "Blackwood Rovers",
    "Javier Moreno",
    "Castleford Town",
    "Steve Doyle",
    "Kyle Barnes",
    "Leon Ashby",
    "Mick Hargreaves",
]

BIZ_TITLE = "Kestrel Pharma shares jump 14% after cancer drug trial success"
BIZ = """Shares in Kestrel Pharma plc (LSE: KSTL) rose 14% on Wednesday after the British drugmaker said a late-stage trial of its lung cancer treatment had met its main goal.

The company said patients who received the drug, known as KP-301, lived on average seven months longer than those given standard chemotherapy.

Lung cancer is the leading cause of cancer deaths worldwide, and treatment options for patients whose disease has spread after first-line therapy remain limited. The trial enrolled more than 900 patients across 14 countries over a period of three years.

"These results are a turning point for Kestrel and, more importantly, for patients with few options left," Chief Executive Officer Sarah Whitlock said on a call with analysts. "We plan to file for approval in the US and Europe before the end of the year."

Kestrel said it expected peak annual sales of more than $2 billion. The company also raised its full-year revenue guidance to between £1.4bn and £1.5bn.

Rival Brandt Biotech AG, which is developing a similar treatment, saw its shares fall 6% in Frankfurt. A Brandt spokesperson said the company remained "confident in the differentiated profile" of its own drug.

Analysts welcomed the data. "The survival benefit is larger than anyone expected," said Rajiv Menon, an analyst at Calloway Capital. "This de-risks the story significantly."

US partner Amberline Therapeutics Inc. (NASDAQ: AMBL), which will market the drug in North America, said in a statement it was "delighted" with the outcome.

The full results will be presented at a medical conference in Chicago in June, the company said. Kestrel's shares have now more than doubled since January."""
BIZ_GOLD = [
    (
        "These results are a turning point for Kestrel and, more importantly, for patients with few options left,",
        "Sarah Whitlock",
        "direct",
    ),
    (
        "We plan to file for approval in the US and Europe before the end of the year.",
        "Sarah Whitlock",
        "direct",
    ),
    ("confident in the differentiated profile", "Brandt spokesperson (unnamed)", "partial"),
    ("The survival benefit is larger than anyone expected,", "Rajiv Menon", "direct"),
    ("This de-risks the story significantly.", "Rajiv Menon", "direct"),
    ("delighted", "Amberline Therapeutics Inc.", "partial"),
]
BIZ_ACTORS = [
    "Kestrel Pharma",
    "Sarah Whitlock",
    "Brandt Biotech AG",
    "Rajiv Menon",
    "Calloway Capital",
    "Amberline Therapeutics Inc.",
]
