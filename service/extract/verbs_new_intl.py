"""Speech verbs of Czech, Slovak, Slovenian, Croatian/Serbian (both scripts), Bulgarian, Ukrainian,
Romanian, Hungarian, Greek, Danish, Norwegian, Finnish and Catalan news. The Slavic past tenses are built from the masculine form by
their regular endings ('řekl' -> řekla, řekli; 'izjavio' -> izjavila, izjavili; 'заявив' ->
заявила, заявили); Catalan verbs from the infinitive, which its periphrastic past keeps ('va dir',
'va explicar') beside the perfect ('ha explicat') and present ('explica'). The rest are listed
as written.

Like service.extract.verbs_intl, consulted only for text judged not English.
"""

from __future__ import annotations


def _w(s: str) -> list[str]:
    return s.split()


def _l_past(masc: str) -> set[str]:
    """Czech, Slovak and Croatian past: 'řekl' -> řekla, řekli, řeklo; 'uviedol' -> uviedla;
    'izjavio' -> izjavila; 'dodao' -> dodala; 'istaknuo' -> istaknula."""
    if masc.endswith("ol") and len(masc) > 5:  # Slovak 'uviedol'
        base = masc[:-2] + "l"
    elif masc.endswith("l"):
        base = masc
    elif masc.endswith(("io", "ao", "uo")):
        base = masc[:-1] + "l"
    else:
        return {masc}
    return {masc, base + "a", base + "i", base + "o"}


def _uk(masc: str) -> set[str]:
    """'заявив' -> заявила, заявили."""
    base = masc[:-1]
    return {masc, base + "ла", base + "ли", base + "ло"}


def _ca(inf: str) -> set[str]:
    """'explicar' -> explicar (after 'va'), explicat, explica, expliquen; 'afegir' -> afegit, afegeix."""
    s, end = inf[:-2], inf[-2:]
    if end == "ar":
        return {inf, s + "at", s + "a", s + "en"}
    return {inf, s + "it", s + "eix", s + "eixen"}


CS_SK_HR = _w(
    """
    řekl uvedl dodal prohlásil zdůraznil vysvětlil upozornil potvrdil oznámil sdělil poznamenal
    konstatoval odhadl napsal odpověděl připomněl tvrdil varoval slíbil ocenil kritizoval
    podotkl posteskl stěžoval doplnil zopakoval ujistil zhodnotil popsal vysvětloval shrnul
    namítl zmínil připustil prozradil obával ptal zeptal svěřil pochvaloval zdůrazňoval
    povedal uviedol vyhlásil zdôraznil vysvetlil potvrdil oznámil napísal odpovedal
    upozornil konštatoval dodal
    povedal dejal pojasnil poudaril izjavil zatrdil odgovoril opozoril ocenil
    """
)
HR = _w(
    """
    izjavio dodao istaknuo naglasio kazao objasnio poručio upozorio potvrdio zahvalio
    napisao odgovorio pojasnio ustvrdio najavio priopćio
    """
)
CS_SK_HR_OTHER = _w(
    """
    rekao rekla rekli рекао рекла рекли říká říkají uvádí dodává tvrdí míní hovorí hovoria tvrdia uvádza dodáva
    vysvětluje upozorňuje zdůrazňuje podotýká připomíná stěžuje doplňuje hodnotí popisuje
    myslí domnívá soudí obává ptá potvrzuje vysvetľuje zdôrazňuje upozorňuje dopĺňa myslí
    kaže kažu ističe navodi dodaje tvrdi
    """
)
# Bulgarian aorist (one form for all genders) and present.
BG = _w(
    """
    каза заяви добави подчерта обясни посочи отбеляза съобщи коментира допълни увери призна
    коментира казва заявява добавя подчертава обяснява посочва смята
    """
)
# Serbian in Cyrillic: the Latin forms of the Serbo-Croatian verbs, letter for letter.
_SR_CYRILLIC = str.maketrans("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж")


def _sr(latin: str) -> str:
    return latin.replace("lj", "љ").replace("nj", "њ").translate(_SR_CYRILLIC)


UK = _w(
    """
    заявив сказав додав зазначив наголосив пояснив повідомив розповів підкреслив відзначив
    зауважив відповів написав нагадав прокоментував запевнив попередив визнав уточнив назвав
    висловив
    """
)
UK_OTHER = _w("каже кажуть вважає зазначає говорить розповідає пояснює наголошує")
RO = _w(
    """
    declarat spus afirmat adăugat explicat precizat anunțat subliniat arătat menționat
    transmis avertizat completat susținut estimat apreciat recunoscut răspuns insistat
    declară spune afirmă explică precizează subliniază susține arată adaugă anunță
    povestit reclamat întrebat criticat comentat conchis mărturisit dezvăluit reiterat
    punctat avertizează povestește consideră crede mărturisește comentează menționează
    completează întreabă recunoaște punctează insistă amintește reamintește reclamă
    """
)
HU = _w(
    """
    mondta közölte nyilatkozta hangsúlyozta tette jelentette emelte magyarázta írta
    válaszolta fogalmazott mondja közli hangsúlyozza nyilatkozott figyelmeztetett
    reagált jelezte tájékoztatott
    jegyezte húzta mutatott kérdezte szögezte panaszolta érvelt fejtette ismerte vélte
    reagálta tudatta idézte
    """
)
EL = _w(
    """
    δήλωσε είπε τόνισε ανέφερε πρόσθεσε σημείωσε εξήγησε υπογράμμισε επεσήμανε ανακοίνωσε
    παραδέχθηκε απάντησε υποστήριξε προειδοποίησε διευκρίνισε λέει δηλώνει τονίζει
    αναφέρει σημειώνει εξηγεί προσθέτει υποστηρίζει
    διαβεβαίωσε σχολίασε συμπλήρωσε ξεκαθάρισε παρατήρησε επισήμανε κατήγγειλε διαμήνυσε
    επέμεινε κατέληξε ζήτησε θυμήθηκε εξομολογήθηκε
    """
)
DA_NO = _w(
    """
    siger sagde sier fortæller fortalte forteller tilføjer tilføjede understreger
    understregede understreket forklarer forklarede forklarte mener skriver skrev
    oplyser oplyste opplyser opplyste påpeger påpegede påpeker påpekte advarer advarede
    advarer advarte svarer svarede svarte konstaterer konstaterede konstaterte erkender
    erkjenner udtaler udtalte uttaler uttalte lovede lovet
    vurderer vurderede vurderte fastslår fastslog pointerer pointerede spørger spurgte
    spør spurte erklærer erklærede indrømmer indrømmede innrømmer innrømmet beretter
    fremhæver fremhævede fremhever fremhevet tilføyer tilføyde mente legger lægger
    """
)
# Vietnamese: 'nói' (say), and the second syllable of 'cho biết' (let know), which stands last in
# '..., ông X cho biết'.
VI = _w("nói biết")
FI = _w(
    """
    sanoo sanoi kertoo kertoi toteaa totesi korostaa korosti lisää lisäsi muistuttaa
    muistutti arvioi painottaa painotti vakuuttaa vakuutti huomauttaa huomautti lupaa lupasi
    selittää selitti kommentoi vastaa vastasi kirjoittaa kirjoitti sanovat sanoivat kertovat
    kertoivat
    uskoo uskoi arvelee arveli pohtii pohti myöntää myönsi kuvailee kuvaili harmittelee
    harmitteli kysyy kysyi tiivistää tiivisti kiittää kiitti painottavat toteavat
    """
)
# Latvian, Estonian and Lithuanian, past and present third person ('sacīja', 'saka'; 'ütles',
# 'ütleb'; 'sakė', 'sako').
BALTIC = _w(
    """
    sacīja saka teica stāstīja stāsta piebilda piebilst norādīja norāda uzsvēra uzsver atzina
    atzīst paziņoja skaidroja skaidro apgalvoja apgalvo pauda pauž atzīmēja atzīmē
    sūdzējās sūdzas izteicās atbildēja atbild brīdina jautā
    ütles ütleb rääkis räägib lisas lisab kinnitas kinnitab sõnas sõnab märkis märgib selgitas
    selgitab rõhutas rõhutab tõdes tõdeb nentis nendib teatas teatab arvas arvab leidis leiab
    tunnistas tunnistab lubas lubab küsis küsib hoiatas hoiatab
    solīja jautāja apliecināja brīdināja žadėjo klausė perspėjo džiaugėsi patikino
    sakė sako teigė teigia pabrėžė pabrėžia pažymėjo pažymi pridūrė priduria pasakojo pasakoja
    aiškino aiškina tvirtino tvirtina pareiškė kalbėjo
    """
)
CA = _w(
    """
    afirmar explicar assegurar declarar indicar manifestar remarcar subratllar recordar
    apuntar destacar lamentar denunciar insistir precisar comentar puntualitzar defensar
    anunciar alertar avisar reconèixer_ admetre_ respondre_ afegir advertir
    assenyalar considerar opinar criticar valorar detallar reclamar confirmar argumentar
    lamentar explicar
    """
)
CA_IRREGULAR = _w(
    """
    dir dit diu diuen reconegut reconeix admès admet respost respon afegit afegeix
    conclou conclòs sosté sostingut
    """
)


# Tagalog: 'ani'/'aniya' (said, after the quotation), 'sabi'/'sinabi', 'dagdag' (added),
# 'giit' (insisted), 'paliwanag' (explained), 'wika' (said).
TL = _w("ani aniya sabi sinabi dagdag idinagdag giit iginiit paliwanag ipinaliwanag wika pahayag")


def _build() -> frozenset[str]:
    out: set[str] = set(
        CS_SK_HR_OTHER + UK_OTHER + RO + HU + EL + DA_NO + FI + VI + CA_IRREGULAR + BALTIC + TL
    )
    for m in CS_SK_HR:
        out |= _l_past(m)
    for m in UK:
        out |= _uk(m)
    out |= set(BG)
    for m in HR:
        forms = _l_past(m)
        out |= forms | {_sr(f) for f in forms}
    for inf in CA:
        if not inf.endswith("_"):
            out |= _ca(inf)
    return frozenset(out)


SPEECH_VERBS = _build()
