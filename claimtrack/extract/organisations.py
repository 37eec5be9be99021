"""Names that speak for an institution, not a person: places and well-known bodies.

"Moscow denies…", "Ukraine asserts…", "Reuters reported…", "Ofgem said…": a
country or city speaks for its government, an agency or a company for itself.
The speaker stage types such a speaker as an organisation. The lists hold
whole names, lower case: "Jordan" alone is the country, "Michael Jordan" is
not in the list (and his given name says he is a person).
"""

from __future__ import annotations

__all__ = ["is_known_organisation", "is_place"]

_COUNTRIES = """
afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|
bahamas|bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|
bosnia|bosnia and herzegovina|botswana|brazil|brunei|bulgaria|burkina faso|burundi|cambodia|
cameroon|canada|cape verde|chad|chile|china|colombia|comoros|congo|costa rica|croatia|cuba|
cyprus|czechia|czech republic|denmark|djibouti|dominica|dominican republic|ecuador|egypt|
el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|
ghana|greece|grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|
iran|iraq|ireland|israel|italy|ivory coast|jamaica|japan|jordan|kazakhstan|kenya|kiribati|
kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|liechtenstein|lithuania|
luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|
micronesia|moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nauru|nepal|
netherlands|new zealand|nicaragua|niger|nigeria|north korea|north macedonia|norway|oman|
pakistan|palau|palestine|panama|papua new guinea|paraguay|peru|philippines|poland|portugal|
qatar|romania|russia|rwanda|samoa|san marino|saudi arabia|senegal|serbia|seychelles|
sierra leone|singapore|slovakia|slovenia|somalia|south africa|south korea|south sudan|spain|
sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|
tonga|trinidad and tobago|tunisia|turkey|türkiye|turkmenistan|tuvalu|uganda|ukraine|
united arab emirates|united kingdom|united states|uruguay|uzbekistan|vanuatu|vatican|venezuela|
vietnam|yemen|zambia|zimbabwe|
us|u.s|u.s.|usa|u.s.a.|uk|u.k.|britain|great britain|america|england|scotland|wales|
northern ireland|europe|africa|asia|the west|the netherlands|the us|the uk|gaza|crimea|
donbas|greenland|hong kong|puerto rico|catalonia|flanders|bavaria|quebec|ontario|alberta|
california|texas|florida|new york state
"""

# Capitals and cities that stand for a government or a seat of power.
_CITIES = """
washington|moscow|kyiv|kiev|beijing|london|paris|berlin|brussels|tokyo|new delhi|delhi|tehran|
ankara|istanbul|warsaw|rome|madrid|ottawa|canberra|seoul|pyongyang|taipei|jerusalem|tel aviv|
cairo|riyadh|doha|abu dhabi|dubai|islamabad|kabul|baghdad|damascus|beirut|amman|minsk|vilnius|
riga|tallinn|helsinki|stockholm|oslo|copenhagen|amsterdam|the hague|vienna|bern|budapest|
prague|bratislava|bucharest|sofia|belgrade|zagreb|ljubljana|athens|lisbon|dublin|edinburgh|
cardiff|belfast|geneva|brasilia|brasília|buenos aires|mexico city|caracas|havana|bogota|
bogotá|lima|santiago|pretoria|johannesburg|nairobi|lagos|abuja|addis ababa|kinshasa|khartoum|
jakarta|manila|hanoi|bangkok|kuala lumpur|dhaka|colombo|kathmandu|tbilisi|yerevan|baku|astana|
tashkent|new york|los angeles|chicago|san francisco|hong kong|shanghai|mumbai|sydney|melbourne|
toronto|montreal|kharkiv|odesa|odessa|lviv|dnipro|zaporizhzhia|kherson|munich|frankfurt|
hamburg|milan|barcelona|strasbourg|luxembourg|downing street|whitehall|westminster|
capitol hill|white house|elysee|élysée|élysée palace|kremlin|pentagon|holyrood|bundestag
"""

# Bodies, agencies and companies that news quotes by a name without a cue word.
_BODIES = """
reuters|ap|afp|dpa|bloomberg|bbc|cnn|fox news|nbc|cbs|abc|npr|pbs|sky news|itv|channel 4|
al jazeera|interfax|tass|ria novosti|xinhua|kyodo|yonhap|ukrinform|anadolu|ansa|efe|
politico|axios|euronews|deutsche welle|dw|le monde|der spiegel|spiegel|bild|die zeit|
the guardian|guardian|the economist|economist|financial times|wall street journal|
washington post|new york times|the telegraph|telegraph|the independent|the times|the sun|
daily mail|kommersant|rbc|haaretz|
nato|un|eu|who|imf|wto|opec|oecd|unicef|unhcr|unesco|iaea|icc|icj|ecb|fed|the fed|
federal reserve|eurostat|destatis|ifo|insee|istat|ons|cdc|nhs|fda|ema|epa|fbi|cia|nasa|esa|
ofgem|ofcom|ofsted|ofwat|hmrc|dvla|met office|scotland yard|interpol|europol|frontex|
bundesbank|bundeswehr|hamas|hezbollah|taliban|isis|wagner|greenpeace|oxfam|amnesty|
human rights watch|red cross|msf|healthwatch|ember|carbon brief|kpmg|deloitte|pwc|ey|mckinsey|
goldman sachs|morgan stanley|jpmorgan|jp morgan|citi|citigroup|barclays|hsbc|ubs|
credit suisse|blackrock|moody's|moody’s|fitch|s&p|nomura|commerzbank|allianz|axa|
capital economics|oxford economics|pantheon macroeconomics|ing|rabobank|
apple|google|alphabet|microsoft|amazon|meta|facebook|tesla|nvidia|intel|samsung|sony|
huawei|tiktok|openai|x|twitter|netflix|uber|spotify|boeing|airbus|lockheed martin|
rheinmetall|bae systems|thales|leonardo|saab|raytheon|northrop grumman|general dynamics|
volkswagen|bmw|mercedes-benz|daimler|toyota|honda|nissan|ford|stellantis|renault|
siemens|bosch|basf|bayer|shell|bp|exxonmobil|exxon|chevron|totalenergies|total|eni|equinor|
gazprom|rosneft|lukoil|naftogaz|aramco|saudi aramco|pfizer|moderna|astrazeneca|novartis|
roche|sanofi|gsk|novo nordisk|unilever|nestle|nestlé|ikea|walmart|maersk|fifa|uefa|ioc|
premier league|bundesliga|la liga|serie a|nfl|nba|mlb|formula 1|f1|
yougov|ipsos|gallup|pew|opinium|survation|savanta|kantar|forsa|infratest|ifop|elabe|levada|
rightmove|zoopla|nationwide|halifax|savills|knight frank|oryx|inpe|opensecrets
"""


def _names(table: str) -> frozenset[str]:
    return frozenset(name.strip() for name in table.split("|") if name.strip())


_PLACES = _names(_COUNTRIES) | _names(_CITIES)
_KNOWN = _PLACES | _names(_BODIES)


def is_known_organisation(name: str) -> bool:
    """Whether the whole name is a country, seat of power or well-known body."""
    return name.lower() in _KNOWN


def is_place(name: str) -> bool:
    """Whether the name is a country, region or city ("Scotland" in "Public Health Scotland")."""
    return name.lower() in _PLACES
