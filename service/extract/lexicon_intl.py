"""Word lists for news in French, German, Spanish, Italian, Portuguese and Dutch: speech verbs,
function words, pronouns, titles and organisation words, merged into the English lexicons.

Every list is lower-case and checked as an O(1) set lookup; nothing here names a particular story.
Words that are also common English words ("die", "as", "so", "lance") are left out of the lists
that English text consults, or guarded where they are used.
"""

from __future__ import annotations

import re
from collections import _count_elements  # type: ignore[attr-defined]
from functools import lru_cache

from service.extract import lexicon_new_intl as new
from service.extract.memo import Memo


def _w(s: str) -> frozenset[str]:
    return frozenset(s.split())


# Speech verbs, finite or past participle (used after an auxiliary: "a déclaré", "ha detto").
SPEECH_VERBS = _w(
    """
    dit déclaré affirmé estimé ajouté expliqué souligné promis assuré indiqué averti précisé
    rappelé répondu martelé insisté jugé reconnu confié annoncé prévenu poursuivi conclu résumé
    regretté dénoncé déploré lancé raconté admis observé commenté répété écrit fustigé salué
    qualifié réagi tranché nuancé confirmé démenti plaidé
    déclare affirme estime ajoute explique souligne assure indique précise rappelle répond
    martèle insiste juge reconnaît reconnait confie annonce prévient poursuit conclut résume
    regrette dénonce déplore raconte admet commente répète écrit fustige salue qualifie réagit
    tranche confirme dément plaide
    sagte sagt sagten sagen erklärte erklärt erklärten betonte betont meinte meint warnte warnt
    kritisierte kritisiert bekräftigte bekräftigt schrieb schreibt berichtete berichtet
    versicherte versichert bestätigte bestätigt unterstrich unterstreicht ergänzte ergänzt
    forderte fordert mahnte mahnt räumte räumt fügte fügt teilte teilt gesagt erklärt betont
    sprach consideran considera consideró considerano
    dijo dice afirmó afirma señaló señala aseguró asegura explicó explica declaró declara
    añadió añade agregó agrega advirtió advierte indicó indica subrayó subraya sostuvo sostiene
    apuntó apunta insistió insiste manifestó manifiesta reconoció reconoce respondió responde
    destacó destaca precisó precisa comentó comenta admitió admite denunció denuncia lamentó
    lamenta recordó recuerda concluyó concluye expresó expresa aclaró aclara calificó califica
    dicho afirmado señalado asegurado explicado declarado añadido agregado advertido indicado
    detto dichiarato aggiunto spiegato affermato sottolineato precisato annunciato commentato
    ribadito osservato assicurato avvertito concluso replicato risposto rivelato riferito
    scritto definito ammesso denunciato giudicato evidenziato
    afferma spiega sottolinea dichiara aggiunge ribadisce osserva assicura avverte replica
    risponde rivela riferisce commenta conclude precisa definisce ammette
    disse dichiarò aggiunse spiegò affermò sottolineò
    diz afirmou declarou explicou acrescentou garantiu sublinhou salientou destacou referiu
    adiantou indicou sustentou advertiu alertou lembrou reconheceu respondeu defendeu considerou
    admitiu frisou classificou avisou comentou
    afirma acrescenta garante sublinha salienta refere adianta sustenta alerta lembra reconhece
    responde defende considera admite frisa
    zei zegt stelt stelde verklaarde verklaart benadrukte benadrukt voegde voegt waarschuwde
    waarschuwt meldde meldt schreef schrijft vertelde vertelt antwoordde antwoordt reageerde
    reageert erkende erkent beaamde liet laat gezegd verklaard
    """
)
# Of those, the ones that may stand before their subject after a quotation ("..., dijo X").
INVERTED_VERBS = SPEECH_VERBS - _w("dice laat liet gezegd gesagt verklaard")
# Auxiliaries and adverbs between a subject and its verb ("a également déclaré", "hat gesagt").
AUX = _w(
    """
    a avait aura ont avaient est était s'est également aussi encore ensuite alors déjà notamment
    enfin
    hat hatte haben hatten wird wurde auch noch bereits dann später zudem außerdem ebenfalls
    ha han había habían ha habrá también además luego entonces ya asimismo
    hanno aveva avevano è stato anche poi inoltre già infine
    tem tinha têm foi também ainda depois já ainda
    heeft had hebben hadden is ook nog eerder later verder bovendien daarna
    """
)
# Prepositions meaning "according to"; the speaker follows.
ACCORDING = _w(
    "selon d'après según secondo segundo volgens laut conforme menurut enligt według zdaniem"
    " словам мнению данным"
)
ACCORDING |= new.ACCORDING
# French inverted subject pronouns joined to the verb ("a-t-il", "ajoute-t-elle", "dit-il").
INVERTED_PRONOUN_SUFFIXES = ("-t-il", "-t-elle", "-t-ils", "-t-elles", "-il", "-elle", "-ils")
# Personal pronouns mapped to the English one with the same reference rules.
PRONOUN_MAP: dict[str, str] = {
    "il": "he", "elle": "she", "ils": "they", "elles": "they", "nous": "we",
    "er": "he", "sie": "she", "wir": "we",
    "él": "he", "ella": "she", "ellos": "they", "ellas": "they", "nosotros": "we",
    "lui": "he", "lei": "she", "loro": "they", "noi": "we",
    "ele": "he", "ela": "she", "eles": "they", "elas": "they", "nós": "we",
    "hij": "he", "zij": "she", "ze": "she", "wij": "we",
    "он": "he", "она": "she", "они": "they", "мы": "we",
    "han": "he", "hon": "she", "vi": "we",
    "dia": "he", "beliau": "he", "kami": "we",
}  # fmt: skip
PRONOUN_MAP.update(new.PRONOUN_MAP)
# Articles and determiners.
DETERMINERS = _w(
    """
    le la les un une des du cette ces
    der die das den dem des ein eine einen einem einer eines
    el los las lo una unos unas este esta
    il gli uno questo questa
    o os um uma uns umas
    de het een deze dit
    """
)
# Sentence-initial function words that never begin a name (beyond the English STOPWORDS).
FUNCTION_WORDS = (
    DETERMINERS
    | _w(
        """
        au aux dans sur pour par avec sans mais et ou donc car ni selon après avant depuis
        pendant lors malgré face chez entre vers puis ainsi cependant pourtant toutefois enfin
        alors mardi lundi mercredi jeudi vendredi samedi dimanche hier aujourd'hui demain
        nous vous ils elles on ce ceux celle celui cela ça quand lorsque si comme où qui que
        im am vom zum zur beim ins auf aus bei mit nach seit von vor über unter zwischen gegen
        durch für ohne und oder aber doch denn weil wenn als wie wo wer was dass ob nachdem
        laut bis trotz während wegen nun jetzt heute gestern morgen dabei damit zudem auch
        er sie es wir ihr man sein seine ihre dieser diese dieses jener jede jeder kein keine
        al del en con sin por para pero y e ni sobre tras desde hasta durante según ante bajo
        entre hacia cuando donde como que quien porque aunque mientras ayer hoy mañana también
        además sin embargo nosotros ellos ellas ese esa esos esas aquel
        nel nella nei negli nelle dal dalla dai dagli sul sulla sui per con tra fra ma
        perché mentre dopo prima secondo ieri oggi domani anche inoltre però quindi noi voi
        loro questo quello quella
        no na nos nas do da dos das ao aos pelo pela pelos pelas em com sem mas ou porém
        quando onde como segundo ontem hoje amanhã ainda também após depois antes eles elas
        nós vocês esse essa isso aquele aquela
        het van voor met naar bij uit op aan over onder tussen tegen zonder maar en of dus want
        omdat als toen waar wie wat dat volgens sinds tijdens na gisteren vandaag morgen ook
        nog wij zij hij ze we er hun zijn haar deze die dit
        według zdaniem we na ze do od po przez przy dla podczas jednak ale oraz że gdy kiedy jak
        enligt på av med för till från om efter före men och eller när som han hon vi
        menurut dalam di pada untuk dengan dari kepada namun tetapi dan atau saat ketika sejak
        setelah sebelum ia dia mereka kami kita
        по во на со от для при после перед но что когда как он она они мы
        в с к ко у о об из до за без над под про через и а или же однако впрочем
        з із зі від під та але або і й однак проте втім водночас натомість
        във със към през обаче междувременно
        ancak göre
        ο η οι το τα τον την του της των
        """
    )
    | ACCORDING  # 'Potrivit', 'Podle', 'Segons' opening a sentence never begin a name
) - _w("as no")
# Titles and roles (lower-case; German and Dutch compounds are caught by their endings).
ROLE_NOUNS = _w(
    """
    ministre président présidente porte-parole directeur directrice maire secrétaire chef
    responsable dirigeant dirigeante député députée sénateur sénatrice procureur procureure
    avocat avocate juge entraîneur technicien technicienne conseiller conseillère préfet préfète
    commissaire
    patron patronne présidente-directrice président-directeur gouverneur ambassadeur
    ambassadrice délégué déléguée syndicaliste expert experte analyste économiste médecin
    adjoint adjointe premier première fondateur fondatrice enquêteur enquêteurs témoin
    stadtrat stadträtin landrat landrätin gemeinderat gemeinderätin ratsherr abgeordnete
    abgeordneter senator senatorin richter richterin anwalt anwältin
    habitant habitante élu élue élus responsables dirigeants porte-paroles chercheur
    chercheuse sélectionneur capitaine
    minister ministerin sprecher sprecherin präsident präsidentin kanzler kanzlerin
    vorsitzende vorsitzender chefin direktor direktorin bürgermeister bürgermeisterin
    abgeordnete abgeordneter staatsanwalt staatsanwältin trainer geschäftsführer
    geschäftsführerin leiter leiterin sprecherinnen experte expertin
    ministro ministra presidente presidenta portavoz director directora alcalde alcaldesa
    secretario secretaria jefe jefa abogado abogada juez jueza entrenador diputado
    diputada senador senadora consejero consejera delegado delegada líder dirigente vocero
    vocera gobernador gobernadora embajador embajadora asesor asesora analista economista
    portavoce direttore direttrice sindaco sindaca segretario segretaria capo procuratore
    procuratrice avvocato avvocata giudice allenatore deputato deputata senatore senatrice
    premier consigliere consigliera amministratore delegata leader governatore ambasciatore
    porta-voz diretor diretora prefeito prefeita secretário secretária chefe procurador
    procuradora advogado advogada juiz juíza treinador governador embaixador responsável
    autarca bastonário bastonária presidente-executivo
    woordvoerder woordvoerster premier burgemeester voorzitter secretaris officier advocaat
    rechter wethouder leider topman topvrouw bestuurder directeur staatssecretaris
    kamerlid fractievoorzitter
    concejal concejala regidor regidora edil consejero assessore assessora vereador vereadora
    raadslid gedeputeerde hoogleraar professeur professora professoressa catedrático
    fuente fuentes source sources fonte fonti fontes bron bronnen quelle quellen kreise
    funcionario funcionarios fonctionnaire responsables dirigentes portavoces sindicalistas
    comandante commandant commandante kommandant kommandantin pdg dg ceo
    conseller consellera conselleiro conselleira representante représentant représentante
    rappresentante vertreter vertreterin mandatario mandataria édile primo bourgmestre
    sindicalista gérant gérante intendente superintendente subsecretario subsecretaria
    viceministro viceministra vicepresidente vicepresidenta vice-président vice-présidente
    vecino vecina residente vizinho vizinha morador moradora abitante anwohnerin bewohner
    bewohnerin riverain riveraine passant passante testigo testemunha testimone zeuge zeugin
    agricultor agricultora agriculteur agricultrice agricoltore landwirt landwirtin
    recteur rectrice échevin échevine bâtonnier proviseur doyen inspecteur inspectrice cadre
    salarié salariée ouvrier ouvrière employé employée militant militante étudiant étudiante
    politologue sociologue historien historienne urbaniste juriste eurodéputé eurodéputée
    journaliste joueur joueuse attaquant
    rector rectora decano decana politólogo politóloga sociólogo socióloga historiador
    historiadora investigador investigadora activista estudiante trabajador trabajadora
    empleado empleada jubilado jubilada eurodiputado eurodiputada gerente empresario
    empresaria fiscal magistrado magistrada comisario comisaria coronel capitán sargento
    bombero médico médica enfermero enfermera maestro maestra profesor jugador jugadora
    seleccionador
    prefetto questore rettore rettrice preside politologo sociologo storico urbanista
    ricercatore ricercatrice docente professore studente studentessa operaio dipendente
    pensionato pensionata titolare commerciante imprenditore imprenditrice medico infermiere
    infermiera magistrato colonnello capitano eurodeputato parlamentare sottosegretario
    sottosegretaria capogruppo coordinatore coordinatrice giocatore attaccante
    reitor reitora sociólogo investigador pesquisador pesquisadora professor estudante aluno
    aluna trabalhador trabalhadora funcionário funcionária empresário empresária enfermeiro
    enfermeira deputado deputada senadora eurodeputado eurodeputada inspetor delegado
    delegada promotor promotora desembargador jogador selecionador cuidadora cuidador governante
    ökonom ökonomin politologe politologin soziologe soziologin historiker historikerin
    forscher forscherin wissenschaftler wissenschaftlerin professor professorin
    student studentin schüler schülerin arbeiter arbeiterin mitarbeiter mitarbeiterin
    rentner rentnerin unternehmer unternehmerin arzt ärztin polizist polizistin obmann
    obfrau klubobmann klubobfrau landeshauptmann landeshauptfrau staatssekretär
    staatssekretärin generalsekretär generalsekretärin intendant intendantin spieler spielerin
    huisarts bewoner buurtbewoner gedeputeerde econoom deskundige
    министр глава директор депутат экономист эксперт аналитик председатель губернатор мэр
    представитель пресс-секретарь руководитель президент премьер-министр житель жительница
    пенсионер пенсионерка
    prezydent przewodniczący przewodnicząca radna radny rzecznik rzeczniczka ekonomista
    ekonomistka burmistrz wojewoda poseł posłanka prezes
    ordförande språkrör oppositionsråd kommunalråd talesperson statsminister rektor
    menteri kepala wali camat bupati gubernur pengamat ketua juru
    bakan bakanı başkan başkanı esnaf müdür müdürü vali valisi sözcü sözcüsü milletvekili
    trener trenerka kapitan kapitanka szkoleniowiec bramkarz napastnik obrońca pomocnik piłkarz
    piłkarka zawodnik zawodniczka trenér trenérka kapitán kapitánka brankář útočník тренер
    капитан вратарь нападающий тренерка воротар entraineur selectionneur capitão goleiro
    guarda-redes treinadora entrenadora allenatrice portiere portero kapitän torwart stürmer
    aanvoerder keeper speler speelster antrenor antrenorul căpitan căpitanul atacant edző
    edzője kapitány kapus csatár προπονητής αρχηγός τερματοφύλακας tränare kapten målvakt
    valmentaja kapteeni træner anfører kaptajn målmand tecnico técnico técnica
    acusado acusada accusé accusée prévenu prévenue imputato imputata arguido arguida réu
    angeklagte angeklagter beschuldigte beschuldigter verdachte beklaagde oskarżony oskarżona
    obžalovaný obžalovaná обвиняемый обвиняемая обвинувачений обвинувачена inculpat inculpatul
    letrado letrada
    """
)
# Epithets a report uses for someone it has just named ('la mandataria', 'el regidor', 'il primo
# cittadino', "l'édile", "l'élue", 'die SPD-Politikerin'): they hold no title of their own, so they stand
# for the person who is the subject of the story at that point, not for an unnamed title holder.
EPITHETS = _w(
    """
    mandatario mandataria regidor regidora edil édile élu élue primo autarca bourgmestre político política
    politico politica politiker politikerin funcionario funcionaria funzionario funzionaria
    governante especialista specialista spécialiste المسؤول المسؤولة tecnico técnico técnica
    letrado letrada
    """
)
_EPITHET_SUFFIXES = ("politiker", "politikerin")


def is_epithet(phrase: str) -> bool:
    """'la mandataria', 'el regidor', 'die SPD-Politikerin': an epithet, not a title."""
    words = phrase.lower().replace("l'", "").replace("l’", "").split()
    # Romanian 'edilul': the epithet with its suffixed article
    words = [x[:-2] if x.endswith("ul") and x[:-2] in EPITHETS else x for x in words]
    head = next(
        (x for x in words if x in ROLE_NOUNS or x in EPITHETS or x.endswith(_EPITHET_SUFFIXES)), ""
    )
    return head in EPITHETS or head.endswith(_EPITHET_SUFFIXES)


# Title words that stand for an unnamed group ("selon des sources", "según fuentes del ministerio").
PLURAL_ROLES = _w(
    """
    sources fuentes fonti fontes bronnen quellen kreise responsables dirigeants dirigentes
    funcionarios experts expertos esperti especialistas deskundigen experten analystes analistas
    témoins testigos testimoni testemunhas getuigen zeugen habitants vecinos residenti moradores
    bewoners anwohner élus enquêteurs investigadores inquirenti ermittler
    """
)
ROLE_SUFFIXES = (
    "minister", "ministerin", "sprecher", "sprecherin", "präsident", "präsidentin", "kanzler",
    "kanzlerin", "vorsitzende", "vorsitzender", "-chef", "-chefin", "parteichef", "direktor",
    "direktorin", "bürgermeister", "bürgermeisterin", "woordvoerder", "woordvoerster",
    "voorzitter", "staatssecretaris", "-geral", "-general", "-général", "-générale", "-generale",
    "-ministro", "-ministra", "-presidente", "-président", "-présidente",
    "chef", "chefin", "politiker", "politikerin", "leiter", "leiterin", "ökonom", "ökonomin",
    "experte", "expertin", "forscher", "forscherin", "sekretär", "sekretärin", "obmann", "obfrau",
    "senator", "senatorin", "referent", "referentin", "beauftragte", "beauftragter",
    *new.ROLE_SUFFIXES,
)  # fmt: skip
# Role words that are also ordinary English words or verbs: never matched by their ending.
_NOT_ROLES = _w("administer administers")
# Organisation words (head nouns of bodies); German compounds are caught by their endings.
ORG_WORDS = _w(
    """
    ministère gouvernement parti syndicat banque université commission conseil tribunal police
    agence fédération association assemblée sénat direction compagnie groupe fondation institut
    préfecture mairie région département cour gendarmerie armée entreprise société office
    regierung ministerium partei gewerkschaft universität kommission gericht polizei agentur
    verband verein bundestag bundesregierung bundesrat bundeswehr stiftung konzern bahn
    ministerio gobierno partido sindicato banco universidad comisión consejo policía agencia
    federación asociación asamblea senado congreso empresa grupo fundación instituto
    ayuntamiento tribunal ejército guardia
    ministero governo partito sindacato banca università commissione consiglio polizia agenzia
    federazione associazione assemblea senato azienda gruppo fondazione istituto
    prefettura comune regione procura esercito carabinieri
    ministério governo sindicato universidade comissão conselho polícia agência federação
    associação assembleia empresa fundação instituto prefeitura câmara ordem exército
    ministerie regering partij vakbond universiteit commissie raad politie agentschap
    vereniging kamer stichting gemeente waterschap rechtbank bedrijf provincie
    ong ngo azienda empresa società sociedade onderneming unternehmen
    organismo organisme ente órgão compañía compagnia companhia assessoria gabinete consultora
    secretaría concern direzione dirección direção direcção directie autarquia município
    municipio municipalité intersyndicale syndicats sindicatos sindacati vakbonden
    politsei kohus ministeerium policija tiesa ministrija teismas ministerija poliisi
    ministeriö polisen politiet policie polícia soud súd polis polisi
    rendőrség αστυνομία
    """
)
ORG_SUFFIXES = (
    "ministerium", "regierung", "gewerkschaft", "partei", "gericht", "polizei", "verband",
    "kommission", "behörde", "agentur", "ministerie",
)  # fmt: skip

# Places as these languages write them (name keys: lower-case, accents folded).
PLACES = _w(
    """
    allemagne espagne italie angleterre belgique suisse autriche pays-bas royaume-uni etats-unis
    chine russie grece turquie pologne irlande ecosse bresil mexique japon inde egypte algerie
    maroc tunisie liban syrie irak israel europe afrique amerique asie deutschland frankreich
    spanien italien osterreich schweiz niederlande belgien grossbritannien russland china polen
    tschechien ungarn turkei griechenland espana francia alemania inglaterra suiza belgica rusia
    brasil japon germania spagna svizzera belgio inghilterra russia cina grecia turchia franca
    alemanha espanha italia inglaterra suica belgica russia duitsland frankrijk spanje italie
    nederland belgie engeland zwitserland oostenrijk rusland amerika europa afrika azie lyon
    marseille toulouse bordeaux lille nantes strasbourg rennes montpellier grenoble muenchen
    munchen koln hamburg frankfurt stuttgart dusseldorf dresden leipzig hannover bremen wien
    zurich genf geneve bruxelles brussel antwerpen anvers liege sevilla barcelona valencia
    bilbao malaga zaragoza granada milano napoli torino firenze venezia bologna genova
    palermo lisboa porto coimbra braga faro rotterdam utrecht eindhoven groningen
    """
) | frozenset(["den haag", "the hague", "estados unidos", "stati uniti", "pays-bas"])

# Particles before a surname ("de Groot", "von der Leyen", the Welsh "ap Gwilym") that are never
# first names.
SURNAME_PARTICLES = _w("de van von der den da di du dos das del della ter ten bin bint ibn ap")

# Month and weekday names (those that double as names or words, "Mars", "Domingo", left out).
MONTHS = _w(
    """
    janvier février avril juin juillet août septembre octobre novembre décembre
    enero febrero marzo abril junio julio agosto septiembre octubre noviembre diciembre
    januar jänner februar märz juni juli oktober dezember
    gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre
    janeiro fevereiro março maio junho julho setembro outubro dezembro
    januari februari maart augustus
    """
)
WEEKDAYS = _w(
    """
    lundi mardi mercredi jeudi vendredi samedi dimanche
    lunes martes miércoles jueves viernes sábado
    montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend
    lunedì martedì mercoledì giovedì venerdì sabato domenica
    segunda-feira terça-feira quarta-feira quinta-feira sexta-feira
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    """
)
# Arabic title nouns, with and without the article (the definite form is a title of a known person).
AR_TITLES = _w(
    """
    وزير وزيرة الوزير الوزيرة رئيس رئيسة الرئيس الرئيسة المتحدث المتحدثة متحدث متحدثة الناطق
    الناطقة ناطق مدير مديرة المدير المديرة الأمين أمين السفير سفير السفيرة النائب النائبة نائب
    قائد القائد محافظ المحافظ عضو مسؤول مسؤولة المسؤول المسؤولة مصدر مصادر زعيم الزعيم الملك
    الأمير الشيخ العقيد اللواء العميد الدكتور المستشار مستشار الجنرال المبعوث مبعوث المدعي القاضي
    المحامي محامي الخبير خبير المحلل محلل عمدة مراسل المراسل شاهد مسؤولون مصادر خبراء
    ممثل الممثل مندوب المندوب نائب النائب وكيل الوكيل رئيسة مستشار الباحث باحث الأستاذ أستاذ
    الطبيب طبيب المواطن مواطن المواطنة الناشط ناشط منسق المنسق الكاتب
    """
)
# Feminine titles from the masculine ones ('الخبير' -> 'الخبيرة'); plurals have none.
AR_TITLES = AR_TITLES | frozenset(
    t + "ة" for t in AR_TITLES if not t.endswith(("ة", "ون", "ين", "اء")) and t not in ("مصادر",)
)
# Other time words that may sit between a subject and its speech verb.
TIME_WORDS = _w(
    """
    hier aujourd'hui soir matin am gestern heute abend morgen ayer hoy noche ieri oggi sera
    ontem hoje noite nesta neste gisteren vandaag avond wczoraj dzisiaj dziś poniedziałek
    wtorek środę czwartek piątek sobotę niedzielę igår idag måndags tisdags onsdags torsdags
    fredags måndagen tisdagen onsdagen torsdagen fredagen
    """
)

# Words that tell the languages apart: very common, and rare in the other languages.
_MARKERS: dict[str, frozenset[str]] = {
    "en": _w("the and of to is was that with for said have has were which"),
    "fr": _w("le les des est une dans pour sur qui avec pas cette sont ont été du"),
    "de": _w("der die das und ist nicht mit sich auf für dem den eine wird sagte auch"),
    "es": _w("el los las es está fue según dijo pero sus muy entre"),
    "it": _w("il gli della delle che è per sono nel anche ha detto alla degli"),
    "pt": _w("o os do das dos não com foi são disse ao pela uma"),
    "nl": _w("het een en van niet op met voor zijn dat zei ook wordt"),
    "pl": _w("się nie jest że w z jak od przez przed już są jego oraz"),
    "sv": _w("och att det som är på för med inte har av till säger hon han också"),
    "id": _w("yang dan ini itu dengan untuk tidak dari dalam akan pada kata sudah"),
    "tr": _w("ve bir bu için ile olarak çok daha ise dedi gibi sonra kadar"),
    **new.MARKERS,
}


_MARKER_OF: dict[str, tuple[str, ...]] = {}
for _code, _words_of in _MARKERS.items():
    for _word in _words_of:
        _MARKER_OF[_word] = (*_MARKER_OF.get(_word, ()), _code)


# Letters only one of the languages above writes (Polish 'ł', Czech 'ř', Slovak 'ľ', Romanian 'ș',
# Turkish 'ğ', Hungarian 'ő', Portuguese 'ã', Spanish 'ñ'; Danish and Norwegian 'ø' and 'æ', a vote
# to each): short texts hold few marker words, and a tie went to the first language listed (Czech
# before Slovak; Swedish, whose common words Danish and Norwegian share, before both).
_OWN_LETTERS = (
    ("pl", frozenset("łąęśźżńćŁŚŻŹ")),
    ("hr", frozenset("ćĆ")),  # Croatian and Serbian write 'ć' too ('Kovačevića', 'će')
    ("cs", frozenset("řůěŘ")),
    ("da", frozenset("øæØÆ")),
    ("no", frozenset("øæØÆ")),
    ("ro", frozenset("șțȘȚ")),
    ("tr", frozenset("ğıİ")),
    ("hu", frozenset("őűŐŰ")),
    ("pt", frozenset("ã")),  # not "õ": Estonian writes it
    ("es", frozenset("ñ¿¡")),
    *new.OWN_LETTERS,
)
# any of those letters: `language` finds the ones a head holds in one scan
_OWN_RE = re.compile(
    "["
    + "".join(map(re.escape, sorted(frozenset().union(*(own for _, own in _OWN_LETTERS)))))
    + "]"
)
# Arabic and Cyrillic letters, counted in one pass: a head mostly in one script is that language.
_SCRIPT_CHARS = re.compile("[\u0400-\u04ff\u0600-\u06ff]")


@lru_cache(maxsize=64)
def language(text: str) -> str:
    """The text's language code (en, fr, de, es, it, pt, nl, pl, sv, id, tr, ru, ar, and those of
    service.extract.lexicon_new_intl), judged from its first ~2,000 chars."""
    head = text[:2000]
    if (lettered := new.script_language(head)) is not None:
        return lettered
    script = _SCRIPT_CHARS.findall(head)
    # letters are counted only when the head holds any such script: none, and it cannot be most
    if script and len(script) > (letters := sum(map(str.isalpha, head))) // 2 and letters:
        if sum(c >= "\u0600" for c in script) > len(script) // 2:
            return new.arabic_script(head)
        return new.cyrillic(head)
    counts = dict.fromkeys(_MARKERS, 0)
    # the marker words counted in C (Counter over the words that are markers); a word marks
    # each of its languages once per occurrence
    found: dict[str, int] = {}
    _count_elements(found, filter(_MARKER_OF.__contains__, head.lower().split()))
    for w, k in found.items():
        for code in _MARKER_OF[w]:
            counts[code] += k
    # letters no other of these languages writes: one vote for each word that holds one. Every
    # such letter is outside ASCII, and the ones the head holds are found by one regex scan: only
    # the words holding one of them are looked at, for only the languages that write one (an
    # English head's only non-ASCII characters are typographic quotes and dashes: none is)
    present = frozenset(_OWN_RE.findall(head)) if not head.isascii() else frozenset()
    if present:
        marked = [w for w in head.split() if not present.isdisjoint(w)]
        for code, own in _OWN_LETTERS:
            if not own.isdisjoint(present):
                counts[code] += sum(1 for w in marked if not own.isdisjoint(w))
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] > counts["en"] and best != "sw" else "en"


_RO_ARTICLES = ("ul", "ului")


class SuffixSet(frozenset[str]):
    """A word set that also holds every longer word ending in one of its suffixes, so German and
    Dutch compounds ("verkehrsminister", "gesundheitsministerium") need no listing.

    `word in s` runs in C, without a Python frame, once the word has been asked about: each set
    is an instance of its own subclass whose `__contains__` is the bound `__getitem__` of a Memo
    of the membership test. CPython calls a built-in method found on the class as it is, without
    binding it to the set, so `in` becomes one dictionary look-up (the test runs on a miss)."""

    __slots__ = ("_not", "_suffixes")
    _suffixes: tuple[str, ...]
    _not: frozenset[str]

    def __new__(
        cls, words: frozenset[str], suffixes: tuple[str, ...], exclude: frozenset[str]
    ) -> SuffixSet:
        known = frozenset(words)

        def member(word: object) -> bool:
            if word in known:
                return True
            if isinstance(word, str) and word.endswith(_RO_ARTICLES) and len(word) > 5:
                # Romanian writes the article after the noun: 'edilul', 'ministrului'
                stem = word[: -2 if word.endswith("ul") else -4]
                if stem in known and len(stem) > 3:
                    return True
            return (
                isinstance(word, str)
                and len(word) > 6
                and word.endswith(suffixes)
                and word not in exclude
            )

        memo: Memo[object, bool] = Memo(member, 32768)
        own = type(cls.__name__, (cls,), {"__slots__": (), "__contains__": memo.__getitem__})
        self: SuffixSet = super().__new__(own, known)
        self._suffixes = suffixes
        self._not = exclude
        return self

    def __or__(self, other: object) -> SuffixSet:
        return SuffixSet(frozenset.__or__(self, other), self._suffixes, self._not)  # type: ignore[operator]

    __ror__ = __or__

    def __hash__(self) -> int:
        return frozenset.__hash__(self)


def role_set(english: frozenset[str]) -> SuffixSet:
    """English role nouns joined with these languages' titles and compound endings."""
    roles = english | ROLE_NOUNS | PLURAL_ROLES | AR_TITLES | new.ROLE_NOUNS
    return SuffixSet(roles, ROLE_SUFFIXES, _NOT_ROLES)


def org_set(english: frozenset[str]) -> SuffixSet:
    return SuffixSet(english | ORG_WORDS, ORG_SUFFIXES, frozenset())


def inverted_pronoun(token: str) -> tuple[str, str] | None:
    """'a-t-il' -> ('a', 'il'); 'ajoute-t-elle' -> ('ajoute', 'elle'); None for other tokens."""
    t = token.lower()
    for suf in INVERTED_PRONOUN_SUFFIXES:
        if t.endswith(suf) and len(t) > len(suf):
            return t[: -len(suf)], suf.rsplit("-", 1)[1]
    return None
