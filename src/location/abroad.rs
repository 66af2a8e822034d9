//! Places outside the United States that people type as a client's state:
//! countries, the UK's nations, Canada's provinces and territories, Mexico's
//! states, and a few dependencies people travel to. Keys are folded as
//! `crate::text::fold_key` folds them (lowercase, no periods or commas,
//! hyphens as spaces). Sources: UN member states and observers; Statistics
//! Canada; INEGI.
//!
//! A US name always wins: jurisdictions, aliases, military and freely
//! associated codes are matched first, and a test holds that no key here is
//! one of them or a near miss that would get a "did you mean" fix (so
//! "Mali", one letter from "Cali", is left out). Left out as well, because a
//! US jurisdiction is as likely meant: Georgia (a state), Samoa (American
//! Samoa), Jersey (New Jersey). Two-letter codes other than UK are left out:
//! most are a typo away from a USPS code. What is left out stays
//! `unknown_jurisdiction`, which rejects the location too. A US city that
//! shares a name (Ontario CA, Mexico MO) is no reason to leave a name out:
//! a city is not a state either way, and the `outside_us` message asks for
//! the US state.
//!
//! Each group is one string, a name per line: a table of `&str` would spend
//! 8 bytes of pointer and length per name in the wasm module.

/// Whether `key` (folded) is a place in the table.
pub fn is_abroad(key: &str) -> bool {
    names().any(|name| name == key)
}

/// Every name in the table.
pub fn names() -> impl Iterator<Item = &'static str> {
    [NEIGHBORS_AND_UK, COUNTRIES, DEPENDENCIES, CANADA, MEXICO]
        .into_iter()
        .flat_map(str::lines)
        .filter(|n| !n.is_empty())
}

/// The most typed first: the neighbors and the UK.
const NEIGHBORS_AND_UK: &str = "
mexico
méxico
canada
united kingdom
uk
great britain
britain
england
scotland
wales
northern ireland
";

/// Countries (UN members and observers, common short forms).
const COUNTRIES: &str = "
afghanistan
albania
algeria
andorra
angola
antigua and barbuda
argentina
armenia
australia
austria
azerbaijan
bahamas
the bahamas
bahrain
bangladesh
barbados
belarus
belgium
belize
benin
bhutan
bolivia
bosnia
bosnia and herzegovina
botswana
brazil
brasil
brunei
bulgaria
burkina faso
burundi
cabo verde
cape verde
cambodia
cameroon
central african republic
chad
chile
china
colombia
comoros
congo
democratic republic of the congo
costa rica
cote d'ivoire
côte d'ivoire
ivory coast
croatia
cuba
cyprus
czechia
czech republic
denmark
djibouti
dominica
dominican republic
ecuador
egypt
el salvador
equatorial guinea
eritrea
estonia
eswatini
swaziland
ethiopia
fiji
finland
france
gabon
gambia
the gambia
germany
ghana
greece
grenada
guatemala
guinea
guinea bissau
guyana
haiti
honduras
hungary
iceland
india
indonesia
iran
iraq
ireland
israel
italy
jamaica
japan
jordan
kazakhstan
kenya
kiribati
korea
south korea
north korea
kosovo
kuwait
kyrgyzstan
laos
latvia
lebanon
lesotho
liberia
libya
liechtenstein
lithuania
luxembourg
madagascar
malawi
malaysia
maldives
malta
mauritania
mauritius
moldova
monaco
mongolia
montenegro
morocco
mozambique
myanmar
burma
namibia
nauru
nepal
netherlands
the netherlands
holland
new zealand
nicaragua
niger
nigeria
north macedonia
macedonia
norway
oman
pakistan
palestine
panama
papua new guinea
paraguay
peru
philippines
the philippines
poland
portugal
qatar
romania
russia
russian federation
rwanda
saint kitts and nevis
st kitts and nevis
saint lucia
st lucia
saint vincent and the grenadines
st vincent and the grenadines
western samoa
san marino
sao tome and principe
saudi arabia
senegal
serbia
seychelles
sierra leone
singapore
slovakia
slovenia
solomon islands
somalia
south africa
south sudan
spain
sri lanka
sudan
suriname
sweden
switzerland
syria
taiwan
tajikistan
tanzania
thailand
timor leste
east timor
togo
tonga
trinidad and tobago
trinidad
tunisia
turkey
turkiye
türkiye
turkmenistan
tuvalu
uganda
ukraine
united arab emirates
uae
uruguay
uzbekistan
vanuatu
vatican city
holy see
venezuela
vietnam
viet nam
yemen
zambia
zimbabwe
";

/// Dependencies and regions people travel to.
const DEPENDENCIES: &str = "
aruba
bermuda
british virgin islands
cayman islands
curacao
curaçao
french polynesia
tahiti
gibraltar
greenland
hong kong
macau
macao
turks and caicos
turks and caicos islands
";

/// Canada's provinces and territories.
const CANADA: &str = "
alberta
british columbia
manitoba
newfoundland
newfoundland and labrador
labrador
nova scotia
new brunswick
nunavut
northwest territories
ontario
prince edward island
quebec
québec
saskatchewan
yukon
";

/// Mexico's states and capital.
const MEXICO: &str = "
aguascalientes
baja california
baja california sur
campeche
chiapas
chihuahua
ciudad de mexico
ciudad de méxico
mexico city
cdmx
coahuila
colima
durango
estado de mexico
estado de méxico
guanajuato
guerrero
hidalgo
jalisco
michoacan
michoacán
morelos
nayarit
nuevo leon
nuevo león
oaxaca
puebla
queretaro
querétaro
quintana roo
san luis potosi
san luis potosí
sinaloa
sonora
tabasco
tamaulipas
tlaxcala
veracruz
yucatan
yucatán
zacatecas
";
