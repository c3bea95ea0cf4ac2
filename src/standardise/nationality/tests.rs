use super::*;

fn parse(s: &str) -> ParsedNationality {
    parse_nationality(Some(s))
}

/// (input, expected code, kurdish, issue: None = no issue, Some(s) = issue contains s).
type Case = (&'static str, &'static str, bool, Option<&'static str>);

const ENGLISH: &[Case] = &[
    ("Iraqi", "IRQ", false, None),
    ("Afghan", "AFG", false, None),
    ("Eritrean", "ERI", false, None),
    ("British", "GBR", false, None),
    ("Iranian", "IRN", false, None),
    ("Ethiopian", "ETH", false, None),
    ("Sudanese", "SDN", false, None),
    ("South Sudanese", "SSD", false, None),
    ("Syrian", "SYR", false, None),
    ("Albanian", "ALB", false, None),
    ("Kosovan", "XKX", false, None),
    ("Kosovar", "XKX", false, None),
    ("Vietnamese", "VNM", false, None),
    ("Chinese", "CHN", false, None),
    ("Pakistani", "PAK", false, None),
    ("Indian", "IND", false, None),
    ("Bangladeshi", "BGD", false, None),
    ("Egyptian", "EGY", false, None),
    ("Libyan", "LBY", false, None),
    ("Chadian", "TCD", false, None),
    ("Somali", "SOM", false, None),
    ("Yemeni", "YEM", false, None),
    ("Kuwaiti", "KWT", false, None),
    ("Palestinian", "PSE", false, None),
    ("Lebanese", "LBN", false, None),
    ("Jordanian", "JOR", false, None),
    ("Turkish", "TUR", false, None),
    ("Georgian", "GEO", false, None),
    ("Moroccan", "MAR", false, None),
    ("Algerian", "DZA", false, None),
    ("Tunisian", "TUN", false, None),
    ("Nigerian", "NGA", false, None),
    ("Guinean", "GIN", false, None),
    ("Ivorian", "CIV", false, None),
    ("Cameroonian", "CMR", false, None),
    ("Senegalese", "SEN", false, None),
    ("Malian", "MLI", false, None),
    ("Gambian", "GMB", false, None),
    ("Irish", "IRL", false, None),
    ("Northern Irish", "GBR", false, None),
    ("French", "FRA", false, None),
    ("German", "DEU", false, None),
    ("Belgian", "BEL", false, None),
    ("Dutch", "NLD", false, None),
    ("Italian", "ITA", false, None),
    ("Spanish", "ESP", false, None),
    ("Polish", "POL", false, None),
    ("Romanian", "ROU", false, None),
    ("Bulgarian", "BGR", false, None),
    ("Lithuanian", "LTU", false, None),
    ("Ukrainian", "UKR", false, None),
    ("Russian", "RUS", false, None),
    ("Sri Lankan", "LKA", false, None),
    ("Scottish", "GBR", false, None),
    ("  IRAQI  ", "IRQ", false, None),
    ("iraqi", "IRQ", false, None),
];

const ENGLISH_NAMES: &[Case] = &[
    ("Iraq", "IRQ", false, None),
    ("United Kingdom", "GBR", false, None),
    ("UK", "GBR", false, None),
    ("U.K.", "GBR", false, None),
    ("u k", "GBR", false, None),
    ("Great Britain", "GBR", false, None),
    ("England", "GBR", false, None),
    ("United States", "USA", false, None),
    ("U.S.A.", "USA", false, None),
    ("Ivory Coast", "CIV", false, None),
    ("Viet Nam", "VNM", false, None),
    ("Vietnam", "VNM", false, None),
    ("Korea, Republic of", "KOR", false, None),
    ("Iran, Islamic Republic of", "IRN", false, None),
    ("Congo, Democratic Republic of the", "COD", false, None),
    ("Trinidad & Tobago", "TTO", false, None),
    ("Bosnia and Herzegovina", "BIH", false, None),
    ("St. Lucia", "LCA", false, None),
    ("Åland Islands", "ALA", false, None),
    ("Türkiye", "TUR", false, None),
    ("Turkey", "TUR", false, None),
    ("The Gambia", "GMB", false, None),
    ("Republic of Guinea", "GIN", false, None),
    ("Afghanistan", "AFG", false, None),
];

const FRENCH: &[Case] = &[
    ("irakien", "IRQ", false, None),
    ("irakienne", "IRQ", false, None),
    ("irakiens", "IRQ", false, None),
    ("irakiennes", "IRQ", false, None),
    ("érythréen", "ERI", false, None),
    ("erythreenne", "ERI", false, None),
    ("ÉRYTHRÉENNE", "ERI", false, None),
    ("érythréens", "ERI", false, None),
    ("soudanais", "SDN", false, None),
    ("soudanaise", "SDN", false, None),
    ("soudanaises", "SDN", false, None),
    ("britannique", "GBR", false, None),
    ("britanniques", "GBR", false, None),
    ("français", "FRA", false, None),
    ("française", "FRA", false, None),
    ("francaise", "FRA", false, None),
    ("afghane", "AFG", false, None),
    ("iranienne", "IRN", false, None),
    ("éthiopienne", "ETH", false, None),
    ("syrienne", "SYR", false, None),
    ("albanaise", "ALB", false, None),
    ("kosovar", "XKX", false, None),
    ("kosovare", "XKX", false, None),
    ("vietnamienne", "VNM", false, None),
    ("chinoise", "CHN", false, None),
    ("pakistanaise", "PAK", false, None),
    ("indienne", "IND", false, None),
    ("bangladaise", "BGD", false, None),
    ("égyptienne", "EGY", false, None),
    ("libyenne", "LBY", false, None),
    ("tchadienne", "TCD", false, None),
    ("somalienne", "SOM", false, None),
    ("yéménite", "YEM", false, None),
    ("koweïtienne", "KWT", false, None),
    ("palestinienne", "PSE", false, None),
    ("libanaise", "LBN", false, None),
    ("jordanienne", "JOR", false, None),
    ("turc", "TUR", false, None),
    ("turque", "TUR", false, None),
    ("turques", "TUR", false, None),
    ("géorgienne", "GEO", false, None),
    ("marocaine", "MAR", false, None),
    ("algérien", "DZA", false, None),
    ("tunisienne", "TUN", false, None),
    ("nigériane", "NGA", false, None),
    ("nigérienne", "NER", false, None),
    ("guinéenne", "GIN", false, None),
    ("ivoirienne", "CIV", false, None),
    ("camerounaise", "CMR", false, None),
    ("sénégalais", "SEN", false, None),
    ("malienne", "MLI", false, None),
    ("gambienne", "GMB", false, None),
    ("irlandaise", "IRL", false, None),
    ("allemande", "DEU", false, None),
    ("belge", "BEL", false, None),
    ("néerlandaise", "NLD", false, None),
    ("italienne", "ITA", false, None),
    ("espagnole", "ESP", false, None),
    ("polonaise", "POL", false, None),
    ("roumaine", "ROU", false, None),
    ("bulgare", "BGR", false, None),
    ("lituanienne", "LTU", false, None),
    ("ukrainienne", "UKR", false, None),
    ("russe", "RUS", false, None),
    ("sri-lankaise", "LKA", false, None),
    ("sud-soudanaise", "SSD", false, None),
    ("Irak", "IRQ", false, None),
    ("Érythrée", "ERI", false, None),
    ("Soudan du Sud", "SSD", false, None),
    ("Royaume-Uni", "GBR", false, None),
    ("royaume uni", "GBR", false, None),
    ("Viêt Nam", "VNM", false, None),
    ("Soudan", "SDN", false, None),
    ("Éthiopie", "ETH", false, None),
    ("Syrie", "SYR", false, None),
    ("Tchad", "TCD", false, None),
    ("Maroc", "MAR", false, None),
    ("Algérie", "DZA", false, None),
    ("Côte d'Ivoire", "CIV", false, None),
    ("Cote d’Ivoire", "CIV", false, None),
    ("Pays-Bas", "NLD", false, None),
    ("Allemagne", "DEU", false, None),
    ("Grande-Bretagne", "GBR", false, None),
    ("Inde", "IND", false, None),
];

const GERMAN: &[Case] = &[
    ("irakisch", "IRQ", false, None),
    ("irakische", "IRQ", false, None),
    ("irakischer", "IRQ", false, None),
    ("irakischen", "IRQ", false, None),
    ("irakisches", "IRQ", false, None),
    ("Iraker", "IRQ", false, None),
    ("eritreisch", "ERI", false, None),
    ("äthiopisch", "ETH", false, None),
    ("aethiopisch", "ETH", false, None),
    ("äthiopische", "ETH", false, None),
    ("türkisch", "TUR", false, None),
    ("tuerkischer", "TUR", false, None),
    ("afghanischer", "AFG", false, None),
    ("syrische", "SYR", false, None),
    ("albanischen", "ALB", false, None),
    ("kosovarisch", "XKX", false, None),
    ("vietnamesische", "VNM", false, None),
    ("chinesischer", "CHN", false, None),
    ("pakistanischen", "PAK", false, None),
    ("indisch", "IND", false, None),
    ("bangladeschisch", "BGD", false, None),
    ("ägyptisch", "EGY", false, None),
    ("libyscher", "LBY", false, None),
    ("tschadisch", "TCD", false, None),
    ("somalische", "SOM", false, None),
    ("jemenitisch", "YEM", false, None),
    ("kuwaitisch", "KWT", false, None),
    ("palästinensisch", "PSE", false, None),
    ("libanesische", "LBN", false, None),
    ("jordanisch", "JOR", false, None),
    ("georgischer", "GEO", false, None),
    ("marokkanisch", "MAR", false, None),
    ("algerische", "DZA", false, None),
    ("tunesischer", "TUN", false, None),
    ("nigerianisch", "NGA", false, None),
    ("nigrisch", "NER", false, None),
    ("guineisch", "GIN", false, None),
    ("ivorisch", "CIV", false, None),
    ("kamerunisch", "CMR", false, None),
    ("senegalesisch", "SEN", false, None),
    ("malisch", "MLI", false, None),
    ("gambisch", "GMB", false, None),
    ("britisch", "GBR", false, None),
    ("irisch", "IRL", false, None),
    ("französisch", "FRA", false, None),
    ("deutsch", "DEU", false, None),
    ("Deutsche", "DEU", false, None),
    ("belgisch", "BEL", false, None),
    ("niederländisch", "NLD", false, None),
    ("italienisch", "ITA", false, None),
    ("spanisch", "ESP", false, None),
    ("polnisch", "POL", false, None),
    ("rumänisch", "ROU", false, None),
    ("bulgarisch", "BGR", false, None),
    ("litauisch", "LTU", false, None),
    ("ukrainisch", "UKR", false, None),
    ("russisch", "RUS", false, None),
    ("srilankisch", "LKA", false, None),
    ("sudanesisch", "SDN", false, None),
    ("südsudanesisch", "SSD", false, None),
    ("Irak", "IRQ", false, None),
    ("Äthiopien", "ETH", false, None),
    ("Aethiopien", "ETH", false, None),
    ("Vereinigtes Königreich", "GBR", false, None),
    ("Vereinigtes Koenigreich", "GBR", false, None),
    ("Großbritannien", "GBR", false, None),
    ("Grossbritannien", "GBR", false, None),
    ("Türkei", "TUR", false, None),
    ("Elfenbeinküste", "CIV", false, None),
    ("Niederlande", "NLD", false, None),
];

const DUTCH: &[Case] = &[
    ("Iraaks", "IRQ", false, None),
    ("Iraakse", "IRQ", false, None),
    ("Afghaans", "AFG", false, None),
    ("Afghaanse", "AFG", false, None),
    ("Eritrees", "ERI", false, None),
    ("Eritrese", "ERI", false, None),
    ("Soedanees", "SDN", false, None),
    ("Soedanese", "SDN", false, None),
    ("Zuid-Soedanees", "SSD", false, None),
    ("Zuid-Soedanese", "SSD", false, None),
    ("Brits", "GBR", false, None),
    ("Britse", "GBR", false, None),
    ("Iraans", "IRN", false, None),
    ("Ethiopisch", "ETH", false, None),
    ("Syrisch", "SYR", false, None),
    ("Albanees", "ALB", false, None),
    ("Kosovaars", "XKX", false, None),
    ("Kosovaarse", "XKX", false, None),
    ("Vietnamees", "VNM", false, None),
    ("Chinees", "CHN", false, None),
    ("Pakistaans", "PAK", false, None),
    ("Indiaas", "IND", false, None),
    ("Indiase", "IND", false, None),
    ("Egyptisch", "EGY", false, None),
    ("Libisch", "LBY", false, None),
    ("Tsjadisch", "TCD", false, None),
    ("Somalisch", "SOM", false, None),
    ("Jemenitisch", "YEM", false, None),
    ("Koeweitse", "KWT", false, None),
    ("Palestijns", "PSE", false, None),
    ("Libanees", "LBN", false, None),
    ("Jordaans", "JOR", false, None),
    ("Turks", "TUR", false, None),
    ("Turkse", "TUR", false, None),
    ("Georgisch", "GEO", false, None),
    ("Marokkaans", "MAR", false, None),
    ("Algerijnse", "DZA", false, None),
    ("Tunesisch", "TUN", false, None),
    ("Nigeriaans", "NGA", false, None),
    ("Nigerees", "NER", false, None),
    ("Guinees", "GIN", false, None),
    ("Ivoriaans", "CIV", false, None),
    ("Kameroense", "CMR", false, None),
    ("Senegalees", "SEN", false, None),
    ("Malinees", "MLI", false, None),
    ("Gambiaans", "GMB", false, None),
    ("Iers", "IRL", false, None),
    ("Frans", "FRA", false, None),
    ("Duits", "DEU", false, None),
    ("Belgisch", "BEL", false, None),
    ("Nederlands", "NLD", false, None),
    ("Nederlandse", "NLD", false, None),
    ("Italiaans", "ITA", false, None),
    ("Spaans", "ESP", false, None),
    ("Pools", "POL", false, None),
    ("Roemeense", "ROU", false, None),
    ("Bulgaars", "BGR", false, None),
    ("Litouws", "LTU", false, None),
    ("Oekraïens", "UKR", false, None),
    ("Russisch", "RUS", false, None),
    ("Sri Lankaans", "LKA", false, None),
    ("Soedan", "SDN", false, None),
    ("Zuid-Soedan", "SSD", false, None),
    ("Verenigd Koninkrijk", "GBR", false, None),
    ("Ethiopië", "ETH", false, None),
    ("Marokko", "MAR", false, None),
];

const CODES: &[Case] = &[
    ("IQ", "IRQ", false, None),
    ("iq", "IRQ", false, None),
    ("GB", "GBR", false, None),
    ("gb", "GBR", false, None),
    ("IRQ", "IRQ", false, None),
    ("irq", "IRQ", false, None),
    ("GBR", "GBR", false, None),
    ("Gbr", "GBR", false, None),
    ("DE", "DEU", false, None),
    ("de", "DEU", false, None),
    ("D", "DEU", false, None),
    ("FR", "FRA", false, None),
    ("NL", "NLD", false, None),
    ("BE", "BEL", false, None),
    ("XK", "XKX", false, None),
    ("XKX", "XKX", false, None),
    ("RKS", "XKX", false, None),
    ("NE", "NER", false, None),
    ("NG", "NGA", false, None),
    ("GN", "GIN", false, None),
    ("GW", "GNB", false, None),
    ("GQ", "GNQ", false, None),
    ("CG", "COG", false, None),
    ("CD", "COD", false, None),
    ("SD", "SDN", false, None),
    ("SS", "SSD", false, None),
    ("ER", "ERI", false, None),
    ("ET", "ETH", false, None),
    ("GBN", "GBR", false, None),
    ("ROM", "ROU", false, None),
    ("NA", "NAM", false, Some("may also mean 'not available'")),
    ("ＩＲＱ", "IRQ", false, None),
];

const MISSPELLINGS: &[Case] = &[
    (
        "Iraki",
        "IRQ",
        false,
        Some("nationality: 'Iraki' read as IRQ (closest known spelling)"),
    ),
    ("Afgan", "AFG", false, Some("closest known spelling")),
    ("Eritrian", "ERI", false, Some("closest known spelling")),
    ("Sudani", "SDN", false, Some("closest known spelling")),
    ("Syrain", "SYR", false, Some("closest known spelling")),
    ("Vietnamise", "VNM", false, Some("closest known spelling")),
    ("Afganistan", "AFG", false, Some("closest known spelling")),
    ("Ethopian", "ETH", false, Some("closest known spelling")),
    ("Albanain", "ALB", false, Some("closest known spelling")),
    ("Eritria", "ERI", false, Some("closest known spelling")),
    ("irakiene", "IRQ", false, Some("closest known spelling")),
    ("Pakistanie", "PAK", false, Some("closest known spelling")),
    ("Soudannais", "SDN", false, Some("closest known spelling")),
    (
        "Kurdsh",
        "XXX",
        true,
        Some("as Kurdish (closest known spelling)"),
    ),
    // Equally close to two countries: not guessed.
    (
        "Dutsch",
        "XXX",
        false,
        Some("is not a known nationality (as close to"),
    ),
    (
        "Blorf",
        "XXX",
        false,
        Some("nationality: 'Blorf' is not a known nationality"),
    ),
    ("Martian", "XXX", false, Some("is not a known nationality")),
    ("zzz", "XXX", false, Some("is not a known nationality")),
];

const ETHNICITY: &[Case] = &[
    (
        "Kurdish",
        "XXX",
        true,
        Some("nationality: 'Kurdish' is an ethnicity, not a country"),
    ),
    ("kurde", "XXX", true, Some("is an ethnicity, not a country")),
    ("Kurde", "XXX", true, Some("is an ethnicity")),
    ("kurdisch", "XXX", true, Some("is an ethnicity")),
    ("Koerdisch", "XXX", true, Some("is an ethnicity")),
    ("Kurdistan", "XXX", true, Some("is an ethnicity")),
    ("d'origine kurde", "XXX", true, Some("is an ethnicity")),
    (
        "Kurde irakien",
        "IRQ",
        true,
        Some("mixes an ethnicity (Kurdish)"),
    ),
    ("Iraqi Kurdish", "IRQ", true, Some("read as IRQ")),
    ("Iraqi Kurd", "IRQ", true, Some("Kurdish")),
    ("Iraqi Kurdistan", "IRQ", true, Some("Kurdish")),
    ("Kurdistan irakien", "IRQ", true, Some("Kurdish")),
    ("Kurdistan Region of Iraq", "IRQ", true, Some("Kurdish")),
    ("irakischer Kurde", "IRQ", true, Some("Kurdish")),
    ("Koerd uit Irak", "IRQ", true, Some("Kurdish")),
    ("Kurdish (Iraq)", "IRQ", true, Some("Kurdish")),
    ("Kurde / Irak", "IRQ", true, Some("Kurdish")),
    ("Iranian Kurd", "IRN", true, Some("read as IRN")),
    ("kurde syrien", "SYR", true, Some("read as SYR")),
    ("Kurdish Turkish national", "TUR", true, Some("read as TUR")),
    ("Iraqi-Kurdish", "IRQ", true, Some("read as IRQ")),
    ("kurdisch-irakisch", "IRQ", true, Some("read as IRQ")),
    ("Iraq (Kurdistan)", "IRQ", true, Some("read as IRQ")),
    ("Syrian Kurd / Turkish", "SYR", true, Some("ignored TUR")),
];

const STATELESS_UNKNOWN: &[Case] = &[
    ("stateless", "XXA", false, None),
    ("Stateless", "XXA", false, None),
    ("apatride", "XXA", false, None),
    ("staatenlos", "XXA", false, None),
    ("staatenlose", "XXA", false, None),
    ("staatloos", "XXA", false, None),
    ("XXA", "XXA", false, None),
    ("sans nationalité", "XXA", false, None),
    ("ohne Staatsangehörigkeit", "XXA", false, None),
    ("unknown", "XXX", false, None),
    ("Unknown", "XXX", false, None),
    ("inconnu", "XXX", false, None),
    ("inconnue", "XXX", false, None),
    ("unbekannt", "XXX", false, None),
    ("onbekend", "XXX", false, None),
    ("undetermined", "XXX", false, None),
    ("non déterminée", "XXX", false, None),
    ("ungeklärt", "XXX", false, None),
    ("ungeklaert", "XXX", false, None),
    ("XXX", "XXX", false, None),
    ("xxx", "XXX", false, None),
    ("n/a", "XXX", false, None),
    ("N/A", "XXX", false, None),
    ("N.K.", "XXX", false, None),
    ("NK", "XXX", false, None),
];

const SEVERAL: &[Case] = &[
    (
        "Iraqi / Iranian",
        "IRQ",
        false,
        Some("gives more than one nationality, kept IRQ, ignored IRN"),
    ),
    ("irakien, iranien", "IRQ", false, Some("ignored IRN")),
    ("Iranian/Iraqi", "IRN", false, Some("ignored IRQ")),
    ("Syrian and Lebanese", "SYR", false, Some("ignored LBN")),
    ("irakisch und iranisch", "IRQ", false, Some("ignored IRN")),
    ("Iraaks en Iraans", "IRQ", false, Some("ignored IRN")),
    ("irakien ou iranien", "IRQ", false, Some("ignored IRN")),
    ("Eritrean; Ethiopian", "ERI", false, Some("ignored ETH")),
    ("Stateless (Palestinian)", "PSE", false, Some("ignored XXA")),
    ("apatride / syrien", "SYR", false, Some("ignored XXA")),
    ("unknown / Eritrean", "ERI", false, None),
    ("Iraqi / irakien", "IRQ", false, None),
    (
        "Iraqi / Blorf",
        "IRQ",
        false,
        Some("part 'blorf' is not a known nationality"),
    ),
    ("Blorf / Iraqi", "IRQ", false, Some("part 'blorf'")),
    (
        "Iraki / Syrain",
        "IRQ",
        false,
        Some("read 'iraki' as IRQ (closest known spelling)"),
    ),
    (
        "Iraqi passport 2",
        "IRQ",
        false,
        Some("read as IRQ from the word 'iraqi'"),
    ),
];

const FILLERS_CASES: &[Case] = &[
    ("Iraqi national", "IRQ", false, None),
    ("Iraqi nationality", "IRQ", false, None),
    ("nationalité irakienne", "IRQ", false, None),
    ("de nationalité irakienne", "IRQ", false, None),
    ("se disant irakien", "IRQ", false, None),
    ("Se disant érythréen", "ERI", false, None),
    ("Iraqi (claimed)", "IRQ", false, None),
    ("Iraqi?", "IRQ", false, None),
    ("irakien déclaré", "IRQ", false, None),
    ("érythréenne déclarée", "ERI", false, None),
    ("ressortissant irakien", "IRQ", false, None),
    ("ressortissante soudanaise", "SDN", false, None),
    ("Staatsangehörigkeit: irakisch", "IRQ", false, None),
    ("irakische Staatsangehörigkeit", "IRQ", false, None),
    ("angeblich afghanisch", "AFG", false, None),
    ("citizen of Iraq", "IRQ", false, None),
    ("national of Eritrea", "ERI", false, None),
    ("Iraakse nationaliteit", "IRQ", false, None),
    ("aus dem Irak", "IRQ", false, None),
    ("Nationality: AFGHAN", "AFG", false, None),
    ("ressortissant de l'Irak", "IRQ", false, None),
    ("Staatsangehörigkeit: ungeklärt", "XXX", false, None),
    ("Nationalité : inconnue", "XXX", false, None),
    ("irakienne (se disant)", "IRQ", false, None),
    ("Gambia (The)", "GMB", false, None),
];

const AMBIGUOUS_PAIRS: &[Case] = &[
    ("Guinea", "GIN", false, None),
    ("guinéen", "GIN", false, None),
    ("guinéenne", "GIN", false, None),
    ("Guinée", "GIN", false, None),
    ("Guinee", "GIN", false, None),
    ("Guinea-Bissau", "GNB", false, None),
    ("Guinée-Bissau", "GNB", false, None),
    ("bissau-guinéen", "GNB", false, None),
    ("Guinee-Bissau", "GNB", false, None),
    ("Equatorial Guinea", "GNQ", false, None),
    ("Guinée équatoriale", "GNQ", false, None),
    ("Äquatorialguinea", "GNQ", false, None),
    ("équato-guinéenne", "GNQ", false, None),
    ("Papua New Guinea", "PNG", false, None),
    ("Sudan", "SDN", false, None),
    ("South Sudan", "SSD", false, None),
    ("Sud-Soudan", "SSD", false, None),
    ("Südsudan", "SSD", false, None),
    ("Sudanese", "SDN", false, None),
    ("Soedanees", "SDN", false, None),
    ("Zuid-Soedanees", "SSD", false, None),
    ("Congo", "COG", false, None),
    ("Kongo", "COG", false, None),
    ("Congo-Brazzaville", "COG", false, None),
    ("Congo (Brazzaville)", "COG", false, None),
    ("DR Congo", "COD", false, None),
    ("D.R. Congo", "COD", false, None),
    ("RDC", "COD", false, None),
    ("R.D.C.", "COD", false, None),
    ("Congo (RDC)", "COD", false, None),
    ("République démocratique du Congo", "COD", false, None),
    ("Democratic Republic of the Congo", "COD", false, None),
    ("Congolese", "COD", false, Some("may also mean COG")),
    ("congolaise", "COD", false, Some("may also mean COG")),
    ("Niger", "NER", false, None),
    ("Nigeria", "NGA", false, None),
    ("nigérien", "NER", false, None),
    ("nigérian", "NGA", false, None),
    ("Nigerien", "NER", false, None),
    ("Nigerianer", "NGA", false, None),
    ("Korean", "KOR", false, Some("may also mean PRK")),
    ("North Korean", "PRK", false, None),
    ("Dominican", "DOM", false, Some("may also mean DMA")),
    ("Dominica", "DMA", false, None),
    ("Austrian", "AUT", false, None),
    ("Australian", "AUS", false, None),
    ("Mauritian", "MUS", false, None),
    ("Mauritanian", "MRT", false, None),
    ("Guyane", "GUF", false, None),
    ("Guyana", "GUY", false, None),
];

const ALL: &[&[Case]] = &[
    ENGLISH,
    ENGLISH_NAMES,
    FRENCH,
    GERMAN,
    DUTCH,
    CODES,
    MISSPELLINGS,
    ETHNICITY,
    STATELESS_UNKNOWN,
    SEVERAL,
    FILLERS_CASES,
    AMBIGUOUS_PAIRS,
];

#[test]
fn table_driven_cases() {
    let mut failures = Vec::new();
    let mut n = 0;
    for &(input, code, kurdish, issue) in ALL.iter().flat_map(|t| t.iter()) {
        n += 1;
        let got = parse(input);
        let issue_ok = match (issue, &got.issue) {
            (None, None) => true,
            (Some(want), Some(have)) => have.contains(want),
            _ => false,
        };
        if got.code != Some(code) || got.kurdish != kurdish || !issue_ok {
            failures.push(format!(
                "{input:?}: want {code} kurdish={kurdish} issue~{issue:?}; got {got:?}"
            ));
        }
    }
    assert!(n >= 120, "only {n} cases");
    assert!(
        failures.is_empty(),
        "{} of {n} cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn blank_and_missing_give_none() {
    for input in [
        None,
        Some(""),
        Some("   "),
        Some("\t\n"),
        Some("-"),
        Some("?"),
        Some("--"),
    ] {
        assert_eq!(
            parse_nationality(input),
            ParsedNationality {
                code: None,
                kurdish: false,
                issue: None
            },
            "{input:?}"
        );
    }
}

#[test]
fn lexicon_has_no_key_with_two_codes() {
    let mut seen: HashMap<String, &'static str> = HashMap::new();
    let mut conflicts = Vec::new();
    for (key, code) in lexicon_entries() {
        match seen.get(&key) {
            Some(&other) if other != code => {
                conflicts.push(format!("{key:?}: {other} vs {code}"));
            }
            Some(_) => {}
            None => {
                seen.insert(key, code);
            }
        }
    }
    assert!(
        conflicts.is_empty(),
        "conflicting keys:\n{}",
        conflicts.join("\n")
    );
    assert_eq!(seen.len(), lexicon().map.len());
}

#[test]
fn every_forms_row_is_well_formed() {
    for row in FORMS {
        let fields: Vec<&str> = row.split(';').collect();
        assert!(fields.len() <= 8, "too many fields: {row}");
        assert!(
            static_code(fields[0].trim()).is_some(),
            "unknown code: {row}"
        );
    }
    for &(code, _) in SPECIAL {
        assert!(static_code(code).is_some(), "{code}");
    }
}

#[test]
fn iso_table_is_complete_and_consistent() {
    let mut a2s = std::collections::HashSet::new();
    let mut a3s = std::collections::HashSet::new();
    for &(a2, a3, name) in ISO.iter() {
        assert!(
            a2.len() == 2 && a2.bytes().all(|b| b.is_ascii_uppercase()),
            "{a2}"
        );
        assert!(
            a3.len() == 3 && a3.bytes().all(|b| b.is_ascii_uppercase()),
            "{a3}"
        );
        assert!(a2s.insert(a2), "duplicate {a2}");
        assert!(a3s.insert(a3), "duplicate {a3}");
        for input in [a2, a3, name, &a3.to_lowercase(), &name.to_uppercase()] {
            let got = parse(input);
            assert_eq!(got.code, Some(a3), "{input:?} -> {got:?}");
            let ambiguous = ambiguity(&normalise(input).text).is_some();
            assert_eq!(got.issue.is_some(), ambiguous, "{input:?} -> {got:?}");
        }
        assert_eq!(country_name(a3), Some(name));
        assert_eq!(country_name(&a3.to_lowercase()), Some(name));
    }
    assert_eq!(a3s.len(), 249);
    assert_eq!(country_name("XKX"), Some("Kosovo"));
    assert_eq!(country_name("XXA"), Some("Stateless"));
    assert_eq!(country_name("XXX"), Some("Unknown"));
    assert_eq!(country_name("IQ"), None);
    assert_eq!(country_name(""), None);
    assert_eq!(country_name("ZZZ"), None);
}

#[test]
fn ambiguity_notes_name_real_keys() {
    let lex = lexicon();
    for key in [
        "congolese",
        "congolais",
        "congolaise",
        "congolaises",
        "kongolesisch",
        "kongolesische",
        "kongolese",
        "congolees",
        "korean",
        "korea",
        "coree",
        "coreen",
        "coreenne",
        "koreanisch",
        "koreaner",
        "koreaans",
        "koreaanse",
        "dominican",
        "na",
    ] {
        assert!(lex.get(key).is_some(), "{key} not in lexicon");
        assert!(ambiguity(key).is_some(), "{key}");
    }
}

#[test]
fn every_key_parses_back_to_its_code() {
    // Every key of the lexicon parses back to its own code without an issue, unless it
    // is Kurdish or deliberately ambiguous.
    let lex = lexicon();
    for (key, &code) in &lex.map {
        let got = parse(key);
        if code == KURD {
            assert_eq!(got.code, Some(UNKNOWN), "{key}");
            assert!(got.kurdish, "{key}");
            continue;
        }
        assert_eq!(got.code, Some(code), "{key:?} -> {got:?}");
        assert_eq!(
            got.issue.is_some(),
            ambiguity(key).is_some(),
            "{key:?} -> {got:?}"
        );
    }
}

#[test]
fn folding() {
    assert_eq!(normalise("  Royaume-Uni ").text, "royaume uni");
    assert_eq!(normalise("U.K.").text, "uk");
    assert_eq!(normalise("R. D. C.").text, "rdc");
    assert_eq!(normalise("Côte d'Ivoire").text, "cote d ivoire");
    assert_eq!(normalise("Großbritannien").text, "grossbritannien");
    assert_eq!(normalise("Trinidad & Tobago").text, "trinidad and tobago");
    let n = normalise("Iraqi / Iranian (claimed)");
    assert_eq!(n.text, "iraqi iranian claimed");
    assert_eq!(n.n_cuts, 2);
    assert_eq!(&n.text[..n.cuts[0]], "iraqi");
    assert_eq!(normalise("n/a").n_cuts, 1);
    assert_eq!(normalise("🙂 Iraqi 🙂").text, "iraqi");
    assert_eq!(normalise("").text, "");
}

#[test]
fn osa_distance() {
    let d = |a: &str, b: &str| osa_within(a.as_bytes(), b.as_bytes(), 10);
    assert_eq!(d("syrain", "syrian"), Some(1));
    assert_eq!(d("iraki", "iraqi"), Some(1));
    assert_eq!(d("afgan", "afghan"), Some(1));
    assert_eq!(d("abc", "abc"), Some(0));
    assert_eq!(d("", "abc"), Some(3));
    assert_eq!(d("kitten", "sitting"), Some(3));
    assert_eq!(osa_within(b"abcdef", b"ghijkl", 2), None);
}

/// Plain full-matrix OSA, to check rapidfuzz's (the one `osa_within` calls).
fn osa_reference(a: &[u8], b: &[u8]) -> usize {
    let (n, m) = (a.len(), b.len());
    let mut d = vec![vec![0usize; m + 1]; n + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, v) in d[0].iter_mut().enumerate() {
        *v = j;
    }
    for i in 1..=n {
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[n][m]
}

#[test]
fn osa_within_matches_reference() {
    let mut rng = Lcg(42);
    for _ in 0..20_000 {
        let word = |rng: &mut Lcg| -> Vec<u8> {
            let len = (rng.next() % 12) as usize;
            (0..len)
                .map(|_| b"abcde"[(rng.next() % 5) as usize])
                .collect()
        };
        let (a, b) = (word(&mut rng), word(&mut rng));
        let want = osa_reference(&a, &b);
        for limit in 0..4 {
            let got = osa_within(&a, &b, limit);
            assert_eq!(got, (want <= limit).then_some(want), "{a:?} {b:?} {limit}");
        }
    }
}

#[test]
fn derived_forms() {
    assert_eq!(
        french_forms("irakien"),
        ["irakien", "irakienne", "irakiens", "irakiennes"]
    );
    assert_eq!(
        french_forms("soudanais")[1..],
        ["soudanaise", "soudanais", "soudanaises"]
    );
    assert_eq!(french_forms("turc|turque")[3], "turques");
    assert_eq!(
        french_forms("belge"),
        ["belge", "belge", "belges", "belges"]
    );
    assert_eq!(dutch_e_form("Chinees"), "Chinese");
    assert_eq!(dutch_e_form("Iraaks"), "Iraakse");
    assert_eq!(dutch_e_form("Indiaas"), "Indiase");
    assert_eq!(dutch_e_form("Roemeens"), "Roemeense");
}

/// Small deterministic generator (no `rand` crate).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn never_panics_on_nasty_input() {
    let pieces: &[&str] = &[
        "a",
        "Z",
        "é",
        "ß",
        "ä",
        "Ü",
        " ",
        "  ",
        "-",
        "/",
        ",",
        ";",
        "(",
        ")",
        "&",
        ".",
        "'",
        "’",
        "\u{0}",
        "\u{7}",
        "\n",
        "\r",
        "\t",
        "\u{200b}",
        "\u{202e}",
        "\u{301}",
        "🙂",
        "👨‍👩‍👧",
        "🇮🇶",
        "عراقي",
        "كردي",
        "中国",
        "Ж",
        "ﬁ",
        "Ｉ",
        "İ",
        "ı",
        "0",
        "9",
        "\u{ffff}",
        "\u{10ffff}",
        "kurd",
        "iraq",
        "irakien",
        "and",
        "et",
        "de",
        "national",
        "se disant",
        "n/a",
        "u",
        "k",
        "x",
        "guinea",
        "bissau",
        "congo",
        "sud",
        "the",
        "of",
        "XXX",
    ];
    let mut rng = Lcg(0x5eed);
    for _ in 0..20_000 {
        let len = (rng.next() % 12) as usize;
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(pieces[(rng.next() as usize) % pieces.len()]);
        }
        let got = parse(&s);
        if let Some(code) = got.code {
            assert!(code.len() == 3 && code != KURD, "{s:?} -> {got:?}");
            assert!(
                code == STATELESS || code == UNKNOWN || country_name(code).is_some(),
                "{s:?} -> {got:?}"
            );
        } else {
            assert!(s
                .trim()
                .chars()
                .all(|c| c.is_ascii_punctuation() || c.is_whitespace()));
        }
        if let Some(issue) = &got.issue {
            assert!(issue.starts_with("nationality: '"), "{issue}");
        }
    }
    // Random bytes-as-chars.
    for _ in 0..2_000 {
        let len = (rng.next() % 40) as usize;
        let s: String = (0..len)
            .filter_map(|_| char::from_u32((rng.next() % 0x3_0000) as u32))
            .collect();
        let _ = parse(&s);
    }
}

#[test]
fn huge_inputs_are_handled() {
    let ten_mb = 10 * 1024 * 1024;
    let one_mb = 1024 * 1024;
    let mixed = "Iraqi / kurde, irakien et 🙂 عراقي \u{0}é-ß (se disant) u k ";
    let cases = [
        mixed.repeat(ten_mb / mixed.len()),
        "a".repeat(ten_mb),
        "iraqi ".repeat(one_mb / 6),
        "and ".repeat(one_mb / 4),
        "iraqi / ".repeat(one_mb / 8),
        "se disant ".repeat(one_mb / 10),
        "kurde ".repeat(one_mb / 6),
        "u ".repeat(one_mb / 2),
        "🙂".repeat(one_mb / 4),
    ];
    for s in &cases {
        let got = parse(s);
        assert!(got.code.is_some());
        if let Some(issue) = &got.issue {
            assert!(issue.len() < 1_000, "issue too long: {} bytes", issue.len());
        }
    }
}
