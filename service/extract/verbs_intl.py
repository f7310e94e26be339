"""Speech verbs of French, Spanish, Italian, Portuguese and German news, conjugated from their
infinitives by each language's regular endings: the third person of the tenses a news report uses
(present, preterite or passé simple, imperfect), its plural, and the past participle that follows
an auxiliary ('a déclaré', 'ha detto', 'hat gesagt'). Irregular forms are listed as written.

Only the cue readers of service.extract.cues_intl consult these (text judged not English), so an
English word that happens to share a form is never read as a cue in English text.
"""

from __future__ import annotations


def _w(s: str) -> list[str]:
    return s.split()


def _fr(inf: str) -> set[str]:
    if inf.endswith("er"):
        s = inf[:-2]
        soft = s + "e" if s.endswith("g") else s[:-1] + "ç" if s.endswith("c") else s
        return {s + "é", s + "ée", s + "e", s + "ent", soft + "ait", soft + "aient", soft + "a"}
    if inf.endswith("ir"):  # second group: 'réagir', 'avertir'
        s = inf[:-2]
        return {s + "i", s + "it", s + "issait", s + "issent"}
    return set()


def _es(inf: str) -> set[str]:
    s, end = inf[:-2], inf[-2:]
    if end == "ar":
        return {s + "ó", s + "a", s + "an", s + "aron", s + "ado", s + "aba"}
    return {s + "ió", s + "e", s + "en", s + "ieron", s + "ido", s + "ía"}


def _it(inf: str) -> set[str]:
    s, end = inf[:-3], inf[-3:]
    if end == "are":
        return {s + "ato", s + "a", s + "ano", s + "ò", s + "ava"}
    if end == "ire":  # 'chiarire' -> 'chiarisce', 'avvertire' -> 'avverte'
        return {s + "ito", s + "isce", s + "e", s + "ì", s + "iva"}
    return {s + "e", s + "eva"}  # -ere: participles are irregular, listed below


def _pt(inf: str) -> set[str]:
    s, end = inf[:-2], inf[-2:]
    if end == "ar":
        return {s + "ou", s + "a", s + "am", s + "aram", s + "ado", s + "ava"}
    if end == "er":
        return {s + "eu", s + "e", s + "em", s + "eram", s + "ido", s + "ia"}
    return {s + "iu", s + "e", s + "em", s + "iram", s + "ido", s + "ia"}


def _de(stem: str) -> set[str]:
    """Weak verbs from their stem: 'sag' -> sagte, sagt, sagten, gesagt; 'kritisier' -> kritisiert."""
    # 'berichtete', 'bezeichnete', 'öffnete' take an 'e'; 'warnte', 'mahnte' do not
    cluster = stem[-1:] in ("m", "n") and (
        stem[-2:-1] not in "lrhmnaeiouäöü" or stem.endswith("chn")
    )
    e = "e" if stem.endswith(("t", "d")) or cluster else ""
    forms = {stem + e + "te", stem + e + "t", stem + e + "ten"}
    unprefixed = not stem.startswith(("be", "er", "ver", "zer", "ent", "emp", "miss", "über"))
    if unprefixed and not stem.endswith("ier"):
        forms.add("ge" + stem + e + "t")
    return forms


FR = _w(
    """
    parler évoquer déclarer affirmer estimer ajouter expliquer souligner assurer indiquer préciser insister juger
    confier annoncer raconter commenter fustiger saluer qualifier trancher nuancer confirmer
    plaider signaler relever noter observer lancer dénoncer déplorer regretter exhorter réclamer
    protester rétorquer répliquer ironiser résumer détailler marteler alerter avouer témoigner
    assener tempérer glisser certifier accuser critiquer s'indigner s'inquiéter s'alarmer
    s'étonner demander fulminer tacler cingler railler pester s'agacer s'emporter lâcher déclarer
    avertir réagir renchérir soupirer souffler
    avancer rassurer constater s'interroger argumenter enchaîner confesser féliciter s'insurger
    désoler lamenter exclamer réjouir récriminer s'offusquer s'esclaffer justifier
    """
)
FR_IRREGULAR = _w(
    """
    dit disait dirent disent reconnu reconnaît reconnait reconnaissait admis admet admettait
    promis promet promettait prévenu prévient conclu conclut concluait répondu répond répondait
    poursuivi poursuit poursuivait soutenu soutient soutenait écrit écrivait répété répète
    rappelé rappelle rappelait appelé appelle appelait démenti dément interrogé inquiété indigné
    alarmé étonné félicité reprend reprenait prédit réjouit réjoui réjouie réjouis réjouies
    plaint plainte plaignait ému émue défendu défendue
    """
)
ES = _w(
    """
    afirmar señalar asegurar explicar declarar indicar apuntar manifestar destacar precisar
    comentar denunciar lamentar expresar aclarar calificar relatar narrar detallar enfatizar
    remarcar puntualizar resaltar subrayar opinar criticar reiterar alertar avisar anunciar
    informar apostillar espetar reprochar celebrar valorar matizar sentenciar zanjar justificar
    cuestionar replicar agregar insistir admitir añadir responder prometer sostener_ ironizar
    asegurar reclamar exigir argumentar quejar explicitar confesar_ negar_ recordar_ contar_ defender
    confirmar recalcar mencionar acotar plantear estimar considerar preguntar contestar completar
    resumir aseverar enumerar ejemplificar reflexionar hablar gritar
    """
)
ES_IRREGULAR = _w(
    """
    dijo dice dijeron dicen dicho decía reconoció reconoce reconocido reconocía pidió pide pedido
    advirtió advierte advertido sostuvo sostiene sostenido cuenta contó cuentan contaron contado
    recuerda recordó recordado confiesa confesó confesado niega negó negado defiende defendió
    expuso expone sugirió sugiere concluyó concluye escribió escribe escrito
    """
)
IT = _w(
    """
    parlare dichiarare spiegare affermare sottolineare precisare annunciare commentare osservare
    assicurare replicare rivelare raccontare confermare evidenziare denunciare attaccare accusare
    lamentare incalzare tuonare rilanciare ricordare segnalare avvisare annotare auspicare
    esortare ammonire avvertire chiarire garantire ribadire riferire spiegare insistere_ rimarcare
    puntualizzare argomentare ironizzare criticare
    notare rilevare chiosare sbottare protestare proseguire continuare confidare domandare
    stimare valutare sintetizzare incalzare rassicurare ammonire
    """
)
IT_IRREGULAR = _w(
    """
    detto dice dicono disse dissero diceva aggiunto aggiunge aggiunse risposto risponde rispose
    concluso conclude concluse scritto scrive scrisse sostenuto sostiene sostenne ammesso ammette
    ammise promesso promette promise insistito insiste insistette chiesto chiede chiese
    ribadisce riferisce racconta confidato sapere savoir saber
    """
)
PT = _w(
    """
    falar afirmar declarar explicar sublinhar salientar destacar indicar alertar lembrar frisar avisar
    comentar acusar lamentar contar relatar criticar ressaltar questionar apontar adiantar
    confessar justificar anunciar informar assegurar observar notar reiterar desabafar ironizar
    pontuar acrescentar considerar classificar reforçar avaliar
    defender responder reconhecer esclarecer escrever
    admitir garantir referir concluir insistir sugerir
    confirmar completar ponderar argumentar reclamar assinalar vincar rematar advertir
    prometer estimar resumir perguntar opinar enfatizar detalhar revelar negar queixar
    desabafar recordar contestar declarar
    """
)
PT_IRREGULAR = _w("disse diz dizem disseram dito dizia reforçou")
DE = _w(
    """
    sag erklär beton mein warn kritisier bekräftig bericht versicher bestätig ergänz forder mahn
    räum füg teil behaupt äußer klag beklag erläuter kommentier antwort lob appellier bilanzier
    zitier argumentier resümier schilder präzisier bezeichn frag kündig unterstreich_ versprech_
    glaub fürcht bedauer schätz wiederhol entgegn
    """
)
DE_IRREGULAR = _w(
    """
    sprach sprachen schrieb schrieben unterstrich unterstreicht widersprach widerspricht
    versprach verspricht verwies verweist rief ruft gab gibt nannte nennt räumte wies weist
    hieß beschrieb beschreibt mitteilte mitteilt mitgeteilt
    """
)


# A Romance past participle agrees with its subject after 'être' or a reflexive: 'elle s'est
# dite « inquiète »', 'si è detta «soddisfatta»', 'se ha mostrado', 'foi citada'. The masculine
# singular ending -> the other three, per language (French 'ée' is conjugated above).
_AGREE = {
    "fr": (("é", ("és", "ées")),),
    "es": (("ado", ("ada", "ados", "adas")), ("ido", ("ida", "idos", "idas"))),
    "pt": (("ado", ("ada", "ados", "adas")), ("ido", ("ida", "idos", "idas"))),
    "it": (("ato", ("ata", "ati", "ate")), ("ito", ("ita", "iti", "ite"))),
}
AGREED_IRREGULAR = _w("dite dites dits detta detti dette dicha dichos dichas")


def _agreed(forms: set[str], lang: str) -> set[str]:
    """The feminine and plural forms of the masculine participles among `forms`."""
    out = set()
    for f in forms:
        for end, others in _AGREE.get(lang, ()):
            if f.endswith(end):
                out |= {f[: -len(end)] + o for o in others}
    return out


def _build() -> frozenset[str]:
    out: set[str] = set()
    for infs, fn, lang in (
        (FR, _fr, "fr"), (ES, _es, "es"), (IT, _it, "it"), (PT, _pt, "pt"), (DE, _de, "de")
    ):  # fmt: skip
        for inf in infs:
            if inf.endswith("_"):
                continue  # irregular in the tenses that matter: listed as written
            forms = {f.split("'")[-1] for f in fn(inf)}
            out |= forms | _agreed(forms, lang)
    out |= set(FR_IRREGULAR + ES_IRREGULAR + IT_IRREGULAR + PT_IRREGULAR + DE_IRREGULAR)
    out |= set(AGREED_IRREGULAR)
    return frozenset(x for x in out if " " not in x and len(x) > 2)


SPEECH_VERBS = _build()
