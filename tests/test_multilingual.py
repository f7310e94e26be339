"""The offline engine on invented articles in French, German, Spanish, Italian, Portuguese,
Dutch and Arabic, and on English in other house styles (British single quotes, wire, press release, Q&A,
quoted headlines): whole (quote, speaker, kind) lists and actor lists."""

from __future__ import annotations

import datetime as dt

import pytest

from service.extract.actors import extract_actors
from service.extract.dates import find_dates
from service.extract.lexicon_intl import language
from service.extract.quotes import find_quotes
from service.extract.speakers import attribute

P, ORG, G, LOC = "person", "organization", "group", "location"


def digest(text: str, title: str | None = None):
    """(quote text, speaker, kind) per quotation, and (name, type, role) per actor."""
    spans = find_quotes(text)
    actors = extract_actors(text, spans, title=title)
    for a in actors:
        for m in a.mentions:
            assert text[m.start : m.end] == m.text
    quotes = [
        (text[s.start : s.end], a.speaker, s.kind)
        for s, a in zip(spans, attribute(text, spans, actors), strict=True)
    ]
    return quotes, [(a.name, a.type.value, a.role) for a in actors]


FR_TITLE = "Lyon : la maire promet de ne fermer aucune école"
FR = (
    "LYON — La maire de Lyon, Claire Dumontet, a déclaré lundi : « Nous ne fermerons aucune école cette année. »\n\n"
    "« La situation budgétaire reste difficile », a-t-elle reconnu devant le conseil municipal.\n\n"
    "Selon l'opposition, le budget est « insincère ». « Les familles méritent mieux que des promesses », a estimé Marc Lefèvre, conseiller municipal du groupe Renouveau.\n\n"
    "« Toutes les options restent ouvertes », a indiqué une porte-parole de la préfecture du Rhône.\n\n"
    "Le président de la métropole, Julien Carrel, a jugé ce plan « courageux ». « Nous soutiendrons la mairie jusqu'au bout », a-t-il ajouté.\n\n"
    "Des parents d'élèves ont manifesté samedi devant l'hôtel de ville."
)

FR2_TITLE = "Inondations : le gouvernement débloque une aide d'urgence"
FR2 = (
    "Le Premier ministre, Antoine Berthier, s'est rendu jeudi dans le Gard, où les pluies ont fait trois morts.\n\n"
    "« L'État sera au rendez-vous », a promis le Premier ministre devant les sinistrés.\n\n"
    "« Les secours ont évacué plus de 400 personnes », selon le ministère de l'Intérieur.\n\n"
    "Sophie Marchal, directrice de l'ONG Terre Vive, a dénoncé « un manque criant de prévention ». « Ces drames se répètent chaque automne », poursuit-elle.\n\n"
    "Interrogé par la presse, le maire d'Alès a refusé de commenter."
)

DE_TITLE = "Bahnstreik legt Fernverkehr lahm"
DE = (
    "BERLIN — Die Gewerkschaft der Lokführer (GDL) hat für Mittwoch einen bundesweiten Streik angekündigt.\n\n"
    "„Wir haben keine andere Wahl“, sagte GDL-Chef Klaus Brenner am Dienstag in Frankfurt.\n\n"
    "Verkehrsminister Jonas Weidlich sprach von einem „unverantwortlichen“ Schritt. Er sagte: „Die Fahrgäste dürfen nicht die Leidtragenden sein.“\n\n"
    "»Wir rechnen mit massiven Ausfällen«, so eine Sprecherin der Deutschen Bahn.\n\n"
    "Laut Brenner soll der Streik 48 Stunden dauern. „Das ist erst der Anfang“, sagte er.\n\n"
    "Der Streik beginnt am Mittwoch um zwei Uhr."
)

DE2_TITLE = "Regierung einigt sich auf Haushalt"
DE2 = (
    "Bundeskanzlerin Anna Roth sagte am Freitag: „Wir haben einen soliden Haushalt vorgelegt.“\n\n"
    "Der Sprecher des Finanzministeriums, Markus Feld, erklärte, die Schuldenbremse werde eingehalten. „Es gibt keine neuen Schulden“, sagte der Sprecher.\n\n"
    "„Das ist ein fauler Kompromiss“, kritisierte die Opposition.\n\n"
    "Roth zufolge sollen die Investitionen steigen. „Wir investieren in die Zukunft“, so Roth.\n\n"
    "Die Einigung muss noch vom Bundestag bestätigt werden."
)

ES_TITLE = "El Gobierno aprueba un plan contra la sequía"
ES = (
    "MADRID — El Consejo de Ministros aprobó el martes un plan de 2.000 millones de euros contra la sequía.\n\n"
    '"Es el mayor esfuerzo de la historia reciente", dijo la ministra de Transición Ecológica, Lucía Serrano.\n'
    "\n"
    'Los agricultores consideran la medida "insuficiente". "Llega tarde y no llega a todos", afirmó Andrés Molina, presidente de la asociación agraria Campo Vivo.\n'
    "\n"
    '"Las primeras ayudas llegarán en junio", según un portavoz del ministerio.\n'
    "\n"
    'Serrano respondió a las críticas: "Nadie se quedará atrás". "Vamos a vigilar cada euro", añadió.\n'
    "\n"
    "Las lluvias de la primavera no han sido suficientes."
)

ES2_TITLE = "El alcalde de Sevilla anuncia un plan contra el calor"
ES2 = (
    "SEVILLA — El alcalde de Sevilla, Carlos Ruiz, presentó el lunes un plan de refugios climáticos.\n\n"
    '"Ninguna persona mayor pasará sola una ola de calor", afirmó el alcalde.\n'
    "\n"
    '"Los centros abrirán de diez de la mañana a diez de la noche", según fuentes municipales.\n'
    "\n"
    'La concejala de Salud, Marta Ibáñez, explicó que "habrá médicos en cada refugio". "Es una cuestión de vida o muerte", dijo ella.\n'
    "\n"
    'Ruiz: "No vamos a esperar a la próxima tragedia".'
)

IT_TITLE = "Manovra, il governo promette: nessuna nuova tassa"
IT = (
    "ROMA — Il ministro dell'Economia, Paolo Ferrandi, ha detto martedì: \"La crescita sarà dell'uno per cento\".\n\n"
    '"Non ci saranno nuove tasse", ha aggiunto Ferrandi.\n'
    "\n"
    'Secondo la Banca d\'Italia, "i rischi restano elevati".\n'
    "\n"
    '"È una manovra coraggiosa", ha dichiarato la presidente della commissione Bilancio, Giulia Marchetti. "Servono però più investimenti", ha detto lei.\n'
    "\n"
    '"I lavoratori pagheranno il conto", ha spiegato un portavoce del sindacato Cgil.\n'
    "\n"
    "Gli analisti restano prudenti."
)

IT2_TITLE = "Sciopero dei trasporti, disagi a Milano"
IT2 = (
    "MILANO — Lo sciopero dei trasporti ha bloccato venerdì metropolitane e autobus a Milano.\n\n"
    '"Chiediamo solo un contratto dignitoso", ha dichiarato il segretario del sindacato Filt, Marco Bellini.\n'
    "\n"
    'Secondo il sindaco, "i cittadini non possono pagare per una trattativa ferma".\n'
    "\n"
    '"Il servizio riprenderà domani mattina", ha precisato l\'azienda in una nota.\n'
    "\n"
    "Gli utenti hanno protestato sui social."
)

PT_TITLE = "Governo anuncia mil novas camas nos hospitais"
PT = (
    'LISBOA — O ministro da Saúde, Rui Cardoso, disse nesta terça-feira que "o sistema está preparado".\n'
    "\n"
    '"Vamos abrir mais mil camas até dezembro", afirmou Cardoso.\n'
    "\n"
    '"Os hospitais estão no limite", disse a presidente da Ordem dos Médicos, Helena Vasconcelos. Segundo ela, "faltam profissionais em todo o país".\n'
    "\n"
    '"A situação é grave", acrescentou um porta-voz do sindicato dos enfermeiros.\n'
    "\n"
    "Os partidos da oposição pediram uma audição urgente."
)

PT2_TITLE = "Greve dos professores fecha escolas"
PT2 = (
    "PORTO — A greve dos professores fechou na quarta-feira centenas de escolas em todo o país.\n\n"
    '"A adesão é superior a 80 por cento", disse o secretário-geral da Fenprof, Nuno Pereira.\n'
    "\n"
    'O ministro da Educação respondeu que "as negociações continuam". "Não desistimos do diálogo", disse ele.\n'
    "\n"
    '"Os alunos são os mais prejudicados", segundo a associação de pais.'
)

NL_TITLE = "Kabinet trekt extra geld uit voor dijken"
NL = (
    'DEN HAAG — De minister van Infrastructuur, Pieter de Groot, zei dinsdag: "We gaan de dijken versterken."\n'
    "\n"
    '"Het water staat hoger dan ooit", zei De Groot.\n'
    "\n"
    'Volgens het waterschap Rijnland is de situatie "onder controle".\n'
    "\n"
    '"We blijven alert", aldus een woordvoerder van het waterschap. "Er is geen reden tot paniek", zei hij.\n'
    "\n"
    "Het plan kost 300 miljoen euro."
)

NL2_TITLE = "Boeren protesteren in Den Haag"
NL2 = (
    "Honderden boeren trokken donderdag met trekkers naar Den Haag.\n\n"
    '"We worden kapotgemaakt door de regels", zegt melkveehouder Jan Visser uit Friesland.\n'
    "\n"
    'Volgens minister Karin Smit is er "ruimte voor gesprek". "Mijn deur staat altijd open", aldus Smit.\n'
    "\n"
    'Smit: "We zoeken samen naar een oplossing."\n'
    "\n"
    "De politie meldde geen incidenten."
)

EN_UK_TITLE = "Chancellor vows 'no return to austerity'"
EN_UK = (
    "The Chancellor, Rachel Moore, told MPs on Wednesday: 'We will not raise income tax.'\n\n"
    "'This is a budget for growth,' she said.\n\n"
    "The shadow chancellor, Tom Harding, described the plan as 'a con'. 'It simply does not add up,' Mr Harding said.\n\n"
    "A Treasury spokesperson said the figures had been 'independently checked'."
)

EN_WIRE_TITLE = "Senate talks stall over border funding"
EN_WIRE = (
    "WASHINGTON (AP) — Senate negotiators failed Tuesday to agree on border funding, raising the risk of a partial shutdown.\n\n"
    '"We\'re not going to back down," Sen. Mark Ellison, R-Ohio, told reporters.\n'
    "\n"
    'Majority Leader Dana Whitfield said the talks would resume Wednesday. "Nobody wants a shutdown," she said.\n'
    "\n"
    '"There\'s still time," said a senior Democratic aide who spoke on condition of anonymity.'
)

EN_PR_TITLE = "Acme Robotics to acquire Helix Automation"
EN_PR = (
    "SAN JOSE, Calif. — Acme Robotics Inc. announced today that it will acquire Helix Automation for $450 million.\n\n"
    '"We are thrilled to welcome the Helix team," said Jane Porter, chief executive officer of Acme Robotics. "Together we will build the factory of the future."\n'
    "\n"
    '"This deal gives our customers a global platform," Helix founder Omar Lindgren said in a statement.\n'
    "\n"
    "The transaction is expected to close in the third quarter."
)

EN_QA_TITLE = "Interview: the new harbour master"
EN_QA = (
    "Ines Kowalski, the new harbour master, took office in May. She spoke to the Coastal Gazette about the port's future.\n\n"
    "Q: What is your first priority?\n\n"
    "A: Safety. We had two collisions last year and that is two too many.\n\n"
    "Q: Will the port expand?\n\n"
    'A: Not this year. "We need to fix what we have first," as my predecessor used to say.'
)

EN_HEAD_TITLE = "Minister says tax rise 'not on the table'"
EN_HEAD = (
    "Minister says tax rise 'not on the table'\n\n"
    'The finance minister, Priya Nair, ruled out a tax rise on Tuesday, calling the idea "not on the table."\n'
    "\n"
    '"Families have had enough," Nair said at a news conference in the capital.\n'
    "\n"
    'Opposition leader Greg Olsen said the government was "in denial."'
)


def test_french_inverted_cues_pronouns_partial_quotes_and_anonymous_spokesperson():
    assert digest(FR, FR_TITLE) == (
        [
            ("Nous ne fermerons aucune école cette année.", "Claire Dumontet", "direct"),
            ("La situation budgétaire reste difficile", "Claire Dumontet", "direct"),
            ("insincère", None, "partial"),
            ("Les familles méritent mieux que des promesses", "Marc Lefèvre", "direct"),
            (
                "Toutes les options restent ouvertes",
                "porte-parole de la préfecture du Rhône (unnamed)",
                "direct",
            ),
            ("courageux", "Julien Carrel", "partial"),
            ("Nous soutiendrons la mairie jusqu'au bout", "Julien Carrel", "direct"),
        ],
        [
            ("Claire Dumontet", P, "maire de Lyon"),
            ("Marc Lefèvre", P, "conseiller municipal du groupe Renouveau"),
            (
                "porte-parole de la préfecture du Rhône (unnamed)",
                P,
                "porte-parole de la préfecture du Rhône",
            ),
            ("Julien Carrel", P, "président de la métropole"),
        ],
    )


def test_french_definite_title_selon_a_body_and_poursuit_elle():
    assert digest(FR2, FR2_TITLE) == (
        [
            ("L'État sera au rendez-vous", "Antoine Berthier", "direct"),
            (
                "Les secours ont évacué plus de 400 personnes",
                "ministère de l'Intérieur",
                "direct",
            ),
            ("un manque criant de prévention", "Sophie Marchal", "partial"),
            ("Ces drames se répètent chaque automne", "Sophie Marchal", "direct"),
        ],
        [
            ("Antoine Berthier", P, "Premier ministre"),
            ("Sophie Marchal", P, "directrice de l'ONG Terre Vive"),
            ("Terre Vive", ORG, None),
        ],
    )


def test_german_sagte_er_so_x_compound_titles_and_capitalised_nouns():
    assert digest(DE, DE_TITLE) == (
        [
            ("Wir haben keine andere Wahl", "Klaus Brenner", "direct"),
            ("unverantwortlichen", "Jonas Weidlich", "partial"),
            ("Die Fahrgäste dürfen nicht die Leidtragenden sein.", "Jonas Weidlich", "direct"),
            (
                "Wir rechnen mit massiven Ausfällen",
                "Sprecherin der Deutschen Bahn (unnamed)",
                "direct",
            ),
            ("Das ist erst der Anfang", "Klaus Brenner", "direct"),
        ],
        [
            ("Gewerkschaft der Lokführer", ORG, None),
            ("Klaus Brenner", P, "GDL-Chef"),
            ("Jonas Weidlich", P, "Verkehrsminister"),
            ("Sprecherin der Deutschen Bahn (unnamed)", P, "Sprecherin der Deutschen Bahn"),
            ("Deutschen Bahn", ORG, None),
        ],
    )


def test_german_definite_title_goes_to_its_holder_not_the_last_speaker():
    assert digest(DE2, DE2_TITLE) == (
        [
            ("Wir haben einen soliden Haushalt vorgelegt.", "Anna Roth", "direct"),
            ("Es gibt keine neuen Schulden", "Markus Feld", "direct"),
            ("Das ist ein fauler Kompromiss", "Opposition", "direct"),
            ("Wir investieren in die Zukunft", "Anna Roth", "direct"),
        ],
        [
            ("Anna Roth", P, "Bundeskanzlerin"),
            ("Markus Feld", P, "Sprecher des Finanzministeriums"),
        ],
    )


def test_spanish_dijo_segun_and_dropped_subject():
    assert digest(ES, ES_TITLE) == (
        [
            ("Es el mayor esfuerzo de la historia reciente", "Lucía Serrano", "direct"),
            ("insuficiente", None, "partial"),
            ("Llega tarde y no llega a todos", "Andrés Molina", "direct"),
            (
                "Las primeras ayudas llegarán en junio",
                "portavoz del ministerio (unnamed)",
                "direct",
            ),
            ("Nadie se quedará atrás", "Lucía Serrano", "direct"),
            ("Vamos a vigilar cada euro", "Lucía Serrano", "direct"),
        ],
        [
            ("Consejo de Ministros", ORG, None),
            ("Lucía Serrano", P, "ministra de Transición Ecológica"),
            ("Andrés Molina", P, "presidente de la asociación agraria Campo Vivo"),
            ("Campo Vivo", ORG, None),
            ("portavoz del ministerio (unnamed)", P, "portavoz del ministerio"),
        ],
    )


def test_spanish_unnamed_sources_definite_title_and_name_colon():
    assert digest(ES2, ES2_TITLE) == (
        [
            ("Ninguna persona mayor pasará sola una ola de calor", "Carlos Ruiz", "direct"),
            (
                "Los centros abrirán de diez de la mañana a diez de la noche",
                "fuentes municipales (unnamed)",
                "direct",
            ),
            ("habrá médicos en cada refugio", "Marta Ibáñez", "partial"),
            ("Es una cuestión de vida o muerte", "Marta Ibáñez", "direct"),
            ("No vamos a esperar a la próxima tragedia", "Carlos Ruiz", "direct"),
        ],
        [
            ("Carlos Ruiz", P, "alcalde de Sevilla"),
            ("fuentes municipales (unnamed)", G, "fuentes municipales"),
            ("Marta Ibáñez", P, "concejala de Salud"),
        ],
    )


def test_italian_ha_detto_secondo_and_elided_names():
    assert digest(IT, IT_TITLE) == (
        [
            ("La crescita sarà dell'uno per cento", "Paolo Ferrandi", "direct"),
            ("Non ci saranno nuove tasse", "Paolo Ferrandi", "direct"),
            ("i rischi restano elevati", "Banca d'Italia", "partial"),
            ("È una manovra coraggiosa", "Giulia Marchetti", "direct"),
            ("Servono però più investimenti", "Giulia Marchetti", "direct"),
            (
                "I lavoratori pagheranno il conto",
                "portavoce del sindacato Cgil (unnamed)",
                "direct",
            ),
        ],
        [
            ("Paolo Ferrandi", P, "ministro dell'Economia"),
            ("Banca d'Italia", ORG, None),
            ("Giulia Marchetti", P, "presidente della commissione Bilancio"),
            ("portavoce del sindacato Cgil (unnamed)", P, "portavoce del sindacato Cgil"),
        ],
    )


def test_italian_unnamed_mayor_and_unnamed_company_never_inherit_a_speaker():
    assert digest(IT2, IT2_TITLE) == (
        [
            ("Chiediamo solo un contratto dignitoso", "Marco Bellini", "direct"),
            (
                "i cittadini non possono pagare per una trattativa ferma",
                "sindaco (unnamed)",
                "partial",
            ),
            # the company no body names before it speaks unnamed, never as the last speaker
            ("Il servizio riprenderà domani mattina", "azienda (unnamed)", "direct"),
        ],
        [
            ("Marco Bellini", P, "segretario del sindacato Filt"),
            ("sindaco (unnamed)", P, "sindaco"),
        ],
    )


def test_portuguese_disse_segundo_ela_and_unnamed_spokesperson():
    assert digest(PT, PT_TITLE) == (
        [
            ("o sistema está preparado", "Rui Cardoso", "partial"),
            ("Vamos abrir mais mil camas até dezembro", "Rui Cardoso", "direct"),
            ("Os hospitais estão no limite", "Helena Vasconcelos", "direct"),
            ("faltam profissionais em todo o país", "Helena Vasconcelos", "partial"),
            (
                "A situação é grave",
                "porta-voz do sindicato dos enfermeiros (unnamed)",
                "direct",
            ),
        ],
        [
            ("Rui Cardoso", P, "ministro da Saúde"),
            ("Helena Vasconcelos", P, "presidente da Ordem dos Médicos"),
            (
                "porta-voz do sindicato dos enfermeiros (unnamed)",
                P,
                "porta-voz do sindicato dos enfermeiros",
            ),
        ],
    )


def test_portuguese_hyphenated_title_unnamed_minister_and_a_body():
    assert digest(PT2, PT2_TITLE) == (
        [
            ("A adesão é superior a 80 por cento", "Nuno Pereira", "direct"),
            ("as negociações continuam", "ministro da Educação (unnamed)", "partial"),
            ("Não desistimos do diálogo", "ministro da Educação (unnamed)", "direct"),
            ("Os alunos são os mais prejudicados", "associação de pais", "direct"),
        ],
        [
            ("Nuno Pereira", P, "secretário-geral da Fenprof"),
            ("ministro da Educação (unnamed)", P, "ministro da Educação"),
        ],
    )


def test_dutch_zei_aldus_volgens_and_surname_particles():
    assert digest(NL, NL_TITLE) == (
        [
            ("We gaan de dijken versterken.", "Pieter de Groot", "direct"),
            ("Het water staat hoger dan ooit", "Pieter de Groot", "direct"),
            ("onder controle", "Rijnland", "partial"),
            ("We blijven alert", "woordvoerder van het waterschap (unnamed)", "direct"),
            ("Er is geen reden tot paniek", "woordvoerder van het waterschap (unnamed)", "direct"),
        ],
        [
            ("Pieter de Groot", P, "minister van Infrastructuur"),
            ("Rijnland", ORG, None),
            ("woordvoerder van het waterschap (unnamed)", P, "woordvoerder van het waterschap"),
        ],
    )


def test_dutch_zegt_descriptor_and_name_colon():
    assert digest(NL2, NL2_TITLE) == (
        [
            ("We worden kapotgemaakt door de regels", "Jan Visser", "direct"),
            ("ruimte voor gesprek", "Karin Smit", "partial"),
            ("Mijn deur staat altijd open", "Karin Smit", "direct"),
            ("We zoeken samen naar een oplossing.", "Karin Smit", "direct"),
        ],
        # 'Jan' is a first name, not the month, so the farmer is an actor too
        [
            ("Den Haag", LOC, None),
            ("Jan Visser", P, "melkveehouder"),
            ("Karin Smit", P, "minister"),
        ],
    )


def test_british_single_quotes_and_title_before_name():
    assert digest(EN_UK, EN_UK_TITLE) == (
        [
            ("We will not raise income tax.", "Rachel Moore", "direct"),
            ("This is a budget for growth,", "Rachel Moore", "direct"),
            ("a con", "Tom Harding", "partial"),
            ("It simply does not add up,", "Tom Harding", "direct"),
            ("independently checked", "Treasury spokesperson (unnamed)", "partial"),
        ],
        [
            ("Rachel Moore", P, "Chancellor"),
            ("Tom Harding", P, "shadow chancellor"),
            ("Treasury spokesperson (unnamed)", P, "Treasury spokesperson"),
        ],
    )


def test_us_wire_style_dateline_party_tag_and_anonymous_aide():
    assert digest(EN_WIRE, EN_WIRE_TITLE) == (
        [
            ("We're not going to back down,", "Mark Ellison", "direct"),
            ("Nobody wants a shutdown,", "Dana Whitfield", "direct"),
            ("There's still time,", "senior Democratic aide (unnamed)", "direct"),
        ],
        [
            ("Senate", ORG, None),
            ("Mark Ellison", P, None),
            ("Dana Whitfield", P, "Majority Leader"),
            ("senior Democratic aide (unnamed)", P, "senior Democratic aide"),
        ],
    )


def test_press_release_company_suffix_merges_and_statement():
    assert digest(EN_PR, EN_PR_TITLE) == (
        [
            ("We are thrilled to welcome the Helix team,", "Jane Porter", "direct"),
            ("Together we will build the factory of the future.", "Jane Porter", "direct"),
            ("This deal gives our customers a global platform,", "Omar Lindgren", "direct"),
        ],
        [
            ("Acme Robotics Inc.", ORG, None),
            ("Helix Automation", ORG, None),
            ("Jane Porter", P, "chief executive officer of Acme Robotics"),
            ("Omar Lindgren", P, "Helix founder"),
        ],
    )


def test_interview_q_and_a_letters_are_not_actors():
    assert digest(EN_QA, EN_QA_TITLE) == (
        [("We need to fix what we have first,", None, "direct")],
        [("Ines Kowalski", P, "new harbour master"), ("Coastal Gazette", ORG, None)],
    )


def test_headline_style_title_is_the_named_holder_not_an_unnamed_one():
    assert digest(EN_HEAD, EN_HEAD_TITLE) == (
        [
            ("not on the table", "Priya Nair", "partial"),
            ("not on the table.", "Priya Nair", "partial"),
            ("Families have had enough,", "Priya Nair", "direct"),
            ("in denial.", "Greg Olsen", "partial"),
        ],
        [("Priya Nair", P, "finance minister"), ("Greg Olsen", P, "Opposition leader")],
    )


AR = (
    "بغداد — أعلنت الحكومة العراقية يوم الأحد خطة جديدة لإعادة إعمار المدارس في المحافظات الجنوبية.\n\n"
    "وقال وزير التربية سامي الحداد في مؤتمر صحفي: «سنفتتح مئتي مدرسة جديدة قبل نهاية العام».\n\n"
    "وأضاف: «لن يبقى طفل واحد خارج الصف».\n\n"
    "«الخطة طموحة لكنها ممكنة»، بحسب المتحدث باسم وزارة التخطيط.\n\n"
    'وأكدت النائبة ليلى منصور أن "التمويل لم يرصد بعد".\n\n'
    '"نحتاج إلى رقابة حقيقية على العقود"، قالت منصور.\n\n'
    "وقال مسؤول في الوزارة طلب عدم الكشف عن اسمه إن «العمل سيبدأ الشهر المقبل»."
)

AR2 = (
    "عمّان — ارتفعت أسعار الخبز في الأردن بنسبة عشرة في المئة هذا الأسبوع.\n\n"
    'وصرح مدير جمعية حماية المستهلك خالد يوسف لوكالة الأنباء بأن "الأسر الفقيرة هي الأكثر تضررا".\n\n'
    '"سندعم المخابز الصغيرة حتى نهاية العام"، وفقاً لوزيرة الصناعة رنا عبد الله.\n\n'
    'وأشارت عبد الله إلى أن الحكومة ستراجع الأسعار كل شهر، وتابعت: "لا نريد أن يدفع المواطن الثمن".\n\n'
    '"الأسعار لن تنخفض قريبا"، قال مصدر مطلع.\n\n'
    'فقال يوسف: "سنراقب الأسواق يوميا".'
)


def test_arabic_qala_with_clitics_title_then_name_dropped_subject_and_bihasab():
    assert digest(AR) == (
        [
            ("سنفتتح مئتي مدرسة جديدة قبل نهاية العام", "سامي الحداد", "direct"),
            ("لن يبقى طفل واحد خارج الصف", "سامي الحداد", "direct"),
            ("الخطة طموحة لكنها ممكنة", "المتحدث باسم وزارة التخطيط (unnamed)", "direct"),
            ("التمويل لم يرصد بعد", "ليلى منصور", "direct"),
            ("نحتاج إلى رقابة حقيقية على العقود", "ليلى منصور", "direct"),
            ("العمل سيبدأ الشهر المقبل", "مسؤول في الوزارة (unnamed)", "direct"),
        ],
        [
            ("سامي الحداد", P, "وزير التربية"),
            ("المتحدث باسم وزارة التخطيط (unnamed)", P, "المتحدث باسم وزارة التخطيط"),
            ("ليلى منصور", P, "النائبة"),
            ("مسؤول في الوزارة (unnamed)", P, "مسؤول في الوزارة"),
        ],
    )


def test_arabic_sarraha_wifqan_li_fused_prepositions_and_compound_names():
    assert digest(AR2) == (
        [
            ("الأسر الفقيرة هي الأكثر تضررا", "خالد يوسف", "direct"),
            ("سندعم المخابز الصغيرة حتى نهاية العام", "رنا عبد الله", "direct"),
            ("لا نريد أن يدفع المواطن الثمن", "رنا عبد الله", "direct"),
            ("الأسعار لن تنخفض قريبا", "مصدر مطلع (unnamed)", "direct"),
            ("سنراقب الأسواق يوميا", "خالد يوسف", "direct"),
        ],
        [
            ("خالد يوسف", P, "مدير جمعية حماية المستهلك"),
            ("رنا عبد الله", P, "وزيرة الصناعة"),
            ("مصدر مطلع (unnamed)", P, "مصدر مطلع"),
        ],
    )


FR_INCISE = (
    "Le ministre de l'Intérieur, Paul Girard, s'est rendu à Lyon mardi.\n\n"
    "« La situation, a-t-il poursuivi, reste très grave. »\n\n"
    "« Nous allons, dit la maire Claire Dumontet, reconstruire l'école. »\n\n"
    "« Le plan, estime une porte-parole de la préfecture, est réaliste. »"
)


def test_french_incises_inside_guillemets():
    assert digest(FR_INCISE)[0] == [
        ("La situation, a-t-il poursuivi, reste très grave.", "Paul Girard", "direct"),
        (
            "Nous allons, dit la maire Claire Dumontet, reconstruire l'école.",
            "Claire Dumontet",
            "direct",
        ),
        (
            "Le plan, estime une porte-parole de la préfecture, est réaliste.",
            "porte-parole de la préfecture (unnamed)",
            "direct",
        ),
    ]


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        (
            "La ministre de la Santé, Agnès Roux, a réuni les syndicats mardi. "
            "La ministre a déclaré : « Nous trouverons un accord. »",
            "Nous trouverons un accord.",
            "Agnès Roux",
        ),
        (
            "Le syndicat a appelé à la grève mardi. "
            "« Nous ne céderons pas », selon Paul Girard, délégué syndical.",
            "Nous ne céderons pas",
            "Paul Girard",
        ),
        (
            "Die Ministerin Petra Lang traf am Montag die Verbände. "
            "Lang sagte: „Wir brauchen eine Lösung.“",
            "Wir brauchen eine Lösung.",
            "Petra Lang",
        ),
        (
            "Die Verhandlungen gehen weiter. »Wir sind optimistisch«, so Petra Lang, die Ministerin.",
            "Wir sind optimistisch",
            "Petra Lang",
        ),
        (
            'El Gobierno negocia con los sindicatos. "No habrá recortes", según Pablo Ortiz, '
            "ministro de Trabajo.",
            "No habrá recortes",
            "Pablo Ortiz",
        ),
        (
            'Il governo tratta con i sindacati. "Non ci saranno tagli", secondo Luca Conti.',
            "Non ci saranno tagli",
            "Luca Conti",
        ),
        (
            'O governo negocia com os sindicatos. "Não haverá cortes", disse Ana Lopes, '
            "ministra do Trabalho.",
            "Não haverá cortes",
            "Ana Lopes",
        ),
        (
            'De regering overlegt met de bonden. "Er komen geen bezuinigingen", volgens Eva Jansen.',
            "Er komen geen bezuinigingen",
            "Eva Jansen",
        ),
        (
            "Le texte divise la majorité. « C'est un scandale », a déclaré à l'AFP le député "
            "Éric Martin.",
            "C'est un scandale",
            "Éric Martin",
        ),
        (
            'El Gobierno aprobó el plan. "Es un paso adelante", señaló a Efe la portavoz del '
            "Ejecutivo, Rosa Gil.",
            "Es un paso adelante",
            "Rosa Gil",
        ),
        (
            'Il governo ha approvato il piano. "È un passo avanti", ha detto all\'Ansa il '
            "portavoce Marco Rossi.",
            "È un passo avanti",
            "Marco Rossi",
        ),
        (
            "Die Regierung hat den Plan gebilligt. „Das ist ein Fortschritt“, sagte "
            "Regierungssprecher Tim Berg der Nachrichtenagentur dpa.",
            "Das ist ein Fortschritt",
            "Tim Berg",
        ),
        (
            "La police a ouvert une enquête. « Nous ne savons rien », confie une habitante.",
            "Nous ne savons rien",
            "habitante (unnamed)",
        ),
        (
            "Der Stadtrat tagte am Montag. „Wir brauchen mehr Radwege“, sagte Stadtrat Markus "
            "Weber von den Grünen.",
            "Wir brauchen mehr Radwege",
            "Markus Weber",
        ),
        (
            "Le discours d'Emmanuel Macron a surpris les élus. « Nous agirons vite », a déclaré "
            "Emmanuel Macron.",
            "Nous agirons vite",
            "Emmanuel Macron",
        ),
        (
            'El alcalde visitó el barrio. "Habrá más autobuses", dijo el concejal Diego Prieto.',
            "Habrá más autobuses",
            "Diego Prieto",
        ),
        (
            'Il sindaco ha visitato il cantiere. "Finiremo entro maggio", ha detto Sara Greco.',
            "Finiremo entro maggio",
            "Sara Greco",
        ),
        (
            'O prefeito visitou a obra. "Terminaremos em maio", disse o vereador Paulo Matos.',
            "Terminaremos em maio",
            "Paulo Matos",
        ),
        (
            "وتواصلت الاحتجاجات في المدينة. وقال رئيس البلدية عمر الخطيب: «سنفتح الطرق غداً».",
            "سنفتح الطرق غداً",
            "عمر الخطيب",
        ),
        (
            "وتواصلت الاحتجاجات في المدينة.\n\n«الوضع تحت السيطرة تماماً»، بحسب قائد الشرطة ماجد سليم.",
            "الوضع تحت السيطرة تماماً",
            "ماجد سليم",
        ),
    ],
)
def test_one_cue_pattern_per_language(text: str, quote: str, speaker: str):
    quotes, actors = digest(text)
    assert quotes == [(quote, speaker, "direct")]
    assert [a[0] for a in actors] == [speaker]


def test_language_guess():
    got = [language(t) for t in (FR, DE, ES, IT, PT, NL, EN_UK, EN_WIRE, EN_PR, EN_QA, AR, AR2)]
    assert got == ["fr", "de", "es", "it", "pt", "nl", "en", "en", "en", "en", "ar", "ar"]


def test_dutch_and_italian_date_words():
    pub = dt.date(2024, 5, 16)
    text = "Op 3 mei 2024 en gisteren, vrijdag 12 januari 2024 en domenica."
    assert [(m.text, m.value) for m in find_dates(text, pub)] == [
        ("3 mei 2024", "2024-05-03"),
        ("gisteren", "2024-05-15"),
        ("vrijdag 12 januari 2024", "2024-01-12"),
        ("domenica", "2024-05-12"),
    ]
