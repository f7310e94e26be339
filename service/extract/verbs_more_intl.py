"""Speech verbs of Polish, Russian, Swedish, Indonesian and Turkish news, and Dutch forms the
shorter list of service.extract.lexicon_intl lacks: Polish and Russian past tenses in their three
genders and plural from the masculine stem ('powiedział' -> powiedziała, powiedzieli; 'заявил' ->
заявила, заявили), Swedish present and past, Indonesian base and meN- forms with the enclitic
'-nya' (he/she) read apart, Turkish third-person past.

Like service.extract.verbs_intl, consulted only for text judged not English.
"""

from __future__ import annotations


def _w(s: str) -> list[str]:
    return s.split()


def _pl(stem: str) -> set[str]:
    """'powiedział' -> powiedziała, powiedzieli, powiedziały; 'dodał' -> dodała, dodali."""
    base = stem[:-1]  # without 'ł'
    soft = base[:-1] + "e" if base.endswith("a") else base  # 'powiedzia' -> 'powiedzie'
    plural = soft + "li" if base.endswith(("ia", "ea")) else base + "li"
    return {stem, base + "ła", plural, base + "ły"}


def _ru(stem: str) -> set[str]:
    """'заявил' -> заявила, заявили, заявило."""
    return {stem, stem + "а", stem + "и", stem + "о"}


PL = _w(
    """
    powiedział dodał podkreślił zapowiedział stwierdził zapewnił oświadczył wyjaśnił zaznaczył
    ocenił poinformował przyznał napisał tłumaczył przekonywał ostrzegł ostrzegał mówił
    zauważył skomentował odpowiedział potwierdził zapowiadał przypomniał podkreślał
    zadeklarował uznał argumentował apelował wskazał wskazywał relacjonował opowiadał
    zapytał pytał skarżył obawiał uspokajał zaprzeczył wspomniał podsumował dopowiedział
    zaznaczał dodawał wyliczył zaapelował zażartował skrytykował krytykował zdradził ujawnił
    wyznał przekonywał oznajmił zapewniał zaznaczył podkreślił alarmował
    cieszył żalił denerwował śmiał zastrzegł zauważał
    """
)
PL_PRESENT = _w(
    """
    mówi dodaje podkreśla twierdzi zapewnia przekonuje wyjaśnia zaznacza ocenia tłumaczy pisze
    uważa ostrzega przyznaje zauważa przypomina wskazuje opowiada mówią dodają uważają
    obawia skarży martwi pyta wylicza komentuje odpowiada potwierdza informuje apeluje
    zapowiada krytykuje podsumowuje przestrzega wspomina zdradza ocenia argumentuje alarmuje
    cieszy żali denerwuje śmieje zastrzega
    """
)
RU = _w(
    """
    заявил сказал добавил отметил рассказал пояснил подчеркнул сообщил уточнил признал
    заметил ответил написал объяснил заверил предупредил напомнил констатировал
    прокомментировал высказал подтвердил назвал выразил пообещал посетовал возразил
    """
)
RU_PRESENT = _w(
    """
    говорит считает заявляет отмечает рассказывает поясняет подчеркивает подчёркивает
    уверяет признаёт признает объясняет говорят считают сообщает пишет
    """
)
SV = _w(
    """
    säger sa sade berättar berättade skriver skrev menar menade tillägger tillade förklarar
    förklarade konstaterar konstaterade betonar betonade uppger uppgav svarar svarade hävdar
    hävdade understryker underströk framhåller framhöll påpekar påpekade varnar varnade
    kommenterar kommenterade meddelar meddelade
    tycker tyckte anser ansåg frågar frågade tror trodde medger medgav erkänner erkände
    beskriver beskrev kritiserar kritiserade fortsätter fortsatte försäkrar försäkrade
    intygar intygade understryker konstaterar lovar lovade
    """
)
NL = _w(
    """
    zegt zei zeiden vindt aldus benadrukt benadrukte stelt stelde laat liet
    reageert reageerde noemt noemde waarschuwt waarschuwde erkent erkende vertelt vertelde
    vraagt vroeg verklaart verklaarde meldt meldde schrijft schreef antwoordt antwoordde
    bevestigt bevestigde vreest vreesde voegt voegde klaagt klaagde concludeert
    concludeerde beaamt beaamde benadrukken verzekert verzekerde betoogt betoogde
    onderstreept onderstreepte denkt dacht verwacht verwachtte belooft beloofde
    lacht lachte grapt grapte zucht zuchtte verzucht verzuchtte glimlacht glimlachte roept riep
    moppert mopperde beklemtoont beklemtoonde verduidelijkt verduidelijkte pleit pleitte
    oordeelt oordeelde herhaalt herhaalde getuigt getuigde
    """
)
# Indonesian: the base form after a quotation ('kata X', 'ujar X'), its '-nya' form ('ujarnya':
# he said), and the meN- forms of a subject-first clause ('X mengatakan ...').
ID_BASE = _w(
    "kata ujar ungkap tutur jelas tegas tambah imbuh papar terang sebut lanjut kilah ucap"
    " tandas pungkas sambung beber urai tukas jawab"
)
ID_MEN = _w(
    """
    mengatakan menjelaskan menegaskan menambahkan mengungkapkan menyatakan menuturkan
    menyebutkan memaparkan menerangkan mengakui berkata menilai mengimbau
    mengklaim menyampaikan memastikan mengingatkan menyebut mengeluhkan mengaku membenarkan
    menandaskan menjawab mengungkap menuturkan menekankan memberitahu memberitahukan
    """
)
# Turkish: third-person past of a speech verb, after the quotation.
TR = _w(
    """
    dedi söyledi açıkladı belirtti ekledi vurguladı konuştu kaydetti savundu bildirdi
    uyardı yanıtladı aktardı anlattı değerlendirdi
    sordu yorumladı hatırlattı duyurdu seslendi
    """
)


def _build() -> frozenset[str]:
    out: set[str] = set()
    for s in PL:
        out |= _pl(s)
    for s in RU:
        out |= _ru(s)
    out |= set(PL_PRESENT + RU_PRESENT + SV + NL + ID_BASE + ID_MEN + TR)
    out |= {b + "nya" for b in ID_BASE}
    return frozenset(out)


SPEECH_VERBS = _build()
