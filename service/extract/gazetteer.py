"""A modest gazetteer: countries, regions and major cities, demonyms ('Iraqi' -> Iraq) and place
acronyms ('U.K.' -> United Kingdom), all with lower-case keys."""

from __future__ import annotations

# Countries, regions and major cities; demonyms map to the country they name.
PLACE_WORDS = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahrain
bangladesh belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria
burkina burundi cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus
czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji finland france
gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti honduras hungary
iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati
kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg
madagascar malawi malaysia maldives mali malta mauritania mauritius mexico moldova monaco mongolia
montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria
norway oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania
russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain sudan
suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga tunisia turkey
turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu venezuela vietnam yemen zambia
zimbabwe england scotland wales britain greenland kurdistan gaza crimea donbas kashmir tibet
africa asia europe america antarctica oceania australasia scandinavia balkans caucasus sahel
levant
washington london paris berlin moscow beijing tokyo delhi mumbai baghdad tehran damascus beirut
amman cairo riyadh jeddah doha dubai ankara istanbul kabul islamabad karachi lahore dhaka
jerusalem ramallah kyiv kiev minsk warsaw prague vienna budapest rome madrid lisbon brussels
amsterdam geneva zurich stockholm oslo copenhagen helsinki athens dublin edinburgh seoul
pyongyang shanghai hong kong taipei manila jakarta bangkok hanoi singapore sydney melbourne
canberra ottawa toronto montreal vancouver chicago boston seattle houston dallas miami atlanta
philadelphia detroit denver phoenix portland brasilia rio buenos aires santiago lima bogota
caracas havana nairobi lagos abuja johannesburg pretoria khartoum tripoli tunis algiers rabat
addis ababa mogadishu kinshasa erbil mosul basra kirkuk sanaa aden aleppo homs idlib haifa
tel aviv odesa kharkiv kherson gdansk brussels strasbourg geneva davos sochi
california texas florida york alaska hawaii virginia ohio michigan illinois arizona nevada
"""
PLACES_MULTI = (
    "united states",
    "united kingdom",
    "united arab emirates",
    "saudi arabia",
    "south africa",
    "north korea",
    "south korea",
    "new zealand",
    "sri lanka",
    "costa rica",
    "el salvador",
    "ivory coast",
    "czech republic",
    "dominican republic",
    "east timor",
    "papua new guinea",
    "middle east",
    "gaza strip",
    "west bank",
    "persian gulf",
    "red sea",
    "black sea",
    "mediterranean sea",
    "golan heights",
    "kurdistan region",
    "hong kong",
    "tel aviv",
    "new york",
    "los angeles",
    "san francisco",
    "new delhi",
    "abu dhabi",
    "rio de janeiro",
    "sao paulo",
    "buenos aires",
    "addis ababa",
    "mexico city",
    "new jersey",
    "north america",
    "south america",
    "latin america",
    "central asia",
    "southeast asia",
    "east africa",
    "west africa",
    "north africa",
    "horn of africa",
    "european union",
)
PLACE_ACRONYMS = {
    "us": "United States",
    "u.s": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "uae": "United Arab Emirates",
}
DEMONYMS: dict[str, str] = {
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "iraqi": "Iraq",
    "iranian": "Iran",
    "syrian": "Syria",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "lebanese": "Lebanon",
    "jordanian": "Jordan",
    "egyptian": "Egypt",
    "saudi": "Saudi Arabia",
    "turkish": "Turkey",
    "kurdish": "Kurdistan",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "chinese": "China",
    "japanese": "Japan",
    "korean": "Korea",
    "indian": "India",
    "pakistani": "Pakistan",
    "afghan": "Afghanistan",
    "british": "United Kingdom",
    "english": "England",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "dutch": "Netherlands",
    "polish": "Poland",
    "greek": "Greece",
    "european": "Europe",
    "african": "Africa",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "australian": "Australia",
    "yemeni": "Yemen",
    "qatari": "Qatar",
    "emirati": "United Arab Emirates",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "irish": "Ireland",
    "scottish": "Scotland",
    "welsh": "Wales",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "finnish": "Finland",
    "swiss": "Switzerland",
    "austrian": "Austria",
    "belgian": "Belgium",
    "portuguese": "Portugal",
    "hungarian": "Hungary",
    "czech": "Czechia",
    "romanian": "Romania",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "taiwanese": "Taiwan",
    "vietnamese": "Vietnam",
    "thai": "Thailand",
    "indonesian": "Indonesia",
    "filipino": "Philippines",
    "libyan": "Libya",
    "sudanese": "Sudan",
    "somali": "Somalia",
    "ethiopian": "Ethiopia",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "tunisian": "Tunisia",
    "venezuelan": "Venezuela",
    "colombian": "Colombia",
    "argentine": "Argentina",
    "argentinian": "Argentina",
    "chilean": "Chile",
    "peruvian": "Peru",
    "cuban": "Cuba",
    "belarusian": "Belarus",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
}

__all__ = ["DEMONYMS", "PLACES_MULTI", "PLACE_ACRONYMS", "PLACE_WORDS"]
