//! The nationality tables: filler, Kurdish and conjunction words, and the written forms
//! of every country (ISO 3166-1 and the per-language forms the lexicon is built from).

/// Words stripped from either end (already folded).
pub(super) const FILLERS: &[&str] = &[
    "nationality",
    "nationalities",
    "nationalite",
    "nationalites",
    "nationalitat",
    "nationalitaet",
    "nationaliteit",
    "nationals",
    "national",
    "nationale",
    "nat",
    "citizenship",
    "citizens",
    "citizen",
    "citoyennete",
    "citoyenne",
    "citoyennes",
    "citoyens",
    "citoyen",
    "ressortissantes",
    "ressortissante",
    "ressortissants",
    "ressortissant",
    "staatsangehorigkeit",
    "staatsangehoerigkeit",
    "staatsangehorige",
    "staatsangehoerige",
    "staatsangehoriger",
    "staatsangehoeriger",
    "staatsburgerschaft",
    "staatsbuergerschaft",
    "staatsburgerin",
    "staatsburger",
    "staatsbuerger",
    "staatsburgerschap",
    "onderdaan",
    "burger",
    "self declared",
    "declared",
    "claimed",
    "claiming",
    "claims",
    "claim",
    "stated",
    "se disant",
    "se disante",
    "se disants",
    "se disantes",
    "soi disant",
    "disant",
    "declaree",
    "declarees",
    "declares",
    "declare",
    "dite",
    "dit",
    "presumee",
    "presume",
    "presumed",
    "supposee",
    "suppose",
    "supposed",
    "probablement",
    "probable",
    "probably",
    "possibly",
    "unverified",
    "non verifiee",
    "non verifie",
    "non confirmee",
    "non confirme",
    "unbestatigt",
    "onbevestigd",
    "angeblich",
    "angebliche",
    "angeblicher",
    "vermutlich",
    "mutmasslich",
    "mutmassliche",
    "nach eigenen angaben",
    "laut eigenen angaben",
    "eigenen angaben",
    "nach angaben",
    "angegebene",
    "angegeben",
    "volgens eigen zeggen",
    "vermoedelijk",
    "verklaarde",
    "verklaard",
    "opgegeven",
    "zogenaamd",
    "country of origin",
    "pays d origine",
    "herkunftsland",
    "land van herkomst",
    "of origin",
    "d origine",
    "origin",
    "origine",
    "herkunft",
    "herkomst",
    "ethnicity",
    "ethnic",
    "ethnie",
    "ethnique",
    "ethnisch",
    "ethnische",
    "ethnischer",
    "etnisch",
    "etnische",
    "region",
    "person",
    "personne",
    "persoon",
    "passport holder",
    "passport",
    "passeport",
    "reisepass",
    "paspoort",
    "holder",
    "titulaire",
    "by birth",
    "de naissance",
    "von geburt",
    "the",
];

/// Words stripped only from the front (already folded).
pub(super) const PREFIXES: &[&str] = &[
    "republic of the",
    "republic of",
    "republique de",
    "republique du",
    "republique",
    "republik",
    "republiek",
    "of",
    "from",
    "de",
    "du",
    "des",
    "d",
    "l",
    "la",
    "le",
    "les",
    "van",
    "uit",
    "aus",
    "dem",
    "den",
    "von",
    "der",
    "die",
    "das",
    "a",
    "an",
    "un",
    "une",
    "een",
    "ein",
    "eine",
    "is",
    "est",
    "ist",
];

/// Kurdish words (folded); also lexicon keys for the pseudo-code `KURD`.
pub(super) const KURD_WORDS: &[&str] = &[
    "kurd",
    "kurds",
    "kurdish",
    "kurde",
    "kurdes",
    "kurdi",
    "kurdistan",
    "kurdistani",
    "kurdisch",
    "kurdische",
    "kurdischer",
    "kurdischen",
    "kurdisches",
    "kurdin",
    "kurden",
    "koerd",
    "koerden",
    "koerdisch",
    "koerdische",
    "koerdistan",
];

pub(super) const CONJUNCTIONS: &[&str] = &["and", "et", "und", "en", "or", "ou", "oder", "y"];

/// Whole values (compared case-insensitively before folding) that mean "not available".
pub(super) const NOT_AVAILABLE: &[&str] = &[
    "n/a", "n.a.", "n.a", "n/k", "n.k.", "n.k", "n/d", "n.d.", "n.d", "k.a.", "k.a", "k. a.",
    "n.c.", "n/c", "o.b.", "n.v.t.", "nvt", "n/v", "-/-",
];

// ---------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------

/// Codes outside the ISO table, with display names.
pub(super) const EXTRA_NAMES: &[(&str, &str)] =
    &[("XKX", "Kosovo"), ("XXA", "Stateless"), ("XXX", "Unknown")];

/// Forms that are not country-specific demonyms: stateless, unknown, extra codes.
pub(super) const SPECIAL: &[(&str, &str)] = &[
    (
        "XXA",
        "stateless, stateless person, statelessness, apatride, apatrides, apatridie, \
         sans nationalité, sans patrie, no nationality, without nationality, staatenlos, \
         staatenlose, staatenloser, staatenlosen, staatenloses, ohne Staatsangehörigkeit, \
         keine Staatsangehörigkeit, staatloos, staatloze, statenloos, zonder nationaliteit, \
         geen nationaliteit, XXA, bidoon, bidun, bedoon",
    ),
    (
        "XXX",
        "unknown, unk, not known, nk, unspecified, not specified, not stated, not given, \
         undetermined, not determined, XXX, XXB, XXC, inconnu, inconnue, inconnus, inconnues, \
         non connu, non connue, non déterminée, non déterminé, indéterminée, indéterminé, \
         non renseigné, non renseignée, non précisé, non précisée, non spécifié, \
         non spécifiée, unbekannt, unbekannte, unbekannter, unbekannten, unbekanntes, \
         nicht bekannt, ungeklärt, ungeklärte, ungeklärter, ungeklärten, ungeklärtes, \
         nicht geklärt, keine Angabe, keine Angaben, ohne Angabe, onbekend, onbekende, \
         niet bekend, onbepaald, niet vastgesteld",
    ),
    ("XKX", "XK, XKX, RKS, KOS"),
    ("COD", "ZAR"),
    ("TLS", "TMP"),
];

/// Written forms per country:
/// `CODE; English; French adjectives; French names; German adjective stems;
///  German names and nouns; Dutch adjectives; Dutch names`.
/// Items are comma-separated. French adjectives are masculine (`m|f` when the feminine is
/// irregular); German stems get -e/-er/-en/-es; Dutch adjectives get their -e form.
pub(super) const FORMS: &[&str] = &[
    // --- the caseload countries, all four languages ---
    "AFG; Afghan, Afghani, Afghanistani; afghan; Afghanistan; afghanisch; Afghane, Afghanin; \
     Afghaans; Afghaan",
    "IRQ; Iraqi, Iraqian, Irakian, Republic of Iraq; irakien, iraquien; Irak; irakisch; Irak, \
     Iraker, Irakerin; Iraaks; Irak, Irakees",
    "IRN; Iranian, Persian, Islamic Republic of Iran; iranien; République islamique d'Iran; \
     iranisch; Iraner, Iranerin; Iraans; Iraniër",
    "ERI; Eritrean; érythréen; Érythrée; eritreisch; Eritreer, Eritreerin; Eritrees; Eritreeër",
    "ETH; Ethiopian; éthiopien; Éthiopie; äthiopisch; Äthiopien, Äthiopier, Äthiopierin; \
     Ethiopisch; Ethiopië, Ethiopiër",
    "SDN; Sudanese, North Sudan, Republic of the Sudan; soudanais; Soudan, Nord-Soudan; \
     sudanesisch; Sudanese, Sudanesin; Soedanees; Soedan",
    "SSD; South Sudanese, Southern Sudanese, Republic of South Sudan; sud-soudanais; \
     Soudan du Sud, Sud-Soudan, Soudanais du Sud, Soudanaise du Sud; südsudanesisch; Südsudan, \
     Südsudanese, Südsudanesin; Zuid-Soedanees; Zuid-Soedan",
    "SYR; Syrian; syrien; Syrie; syrisch; Syrien, Syrer, Syrerin; Syrisch; Syrië, Syriër",
    "ALB; Albanian; albanais; Albanie; albanisch; Albanien, Albaner, Albanerin; Albanees; Albanië",
    "XKX; Kosovo, Kosovan, Kosovar, Kosovarian, Republic of Kosovo; kosovar; Kosovo; kosovarisch; \
     Kosovare, Kosovarin; Kosovaars; Kosovaar",
    "VNM; Vietnamese, Vietnam, Socialist Republic of Vietnam; vietnamien; Viêt Nam, Viêt-Nam; \
     vietnamesisch; Vietnamese, Vietnamesin; Vietnamees; Vietnam",
    "CHN; Chinese, People's Republic of China, PRC, PR China; chinois; Chine, \
     République populaire de Chine; chinesisch; Volksrepublik China, VR China, Chinese, Chinesin; \
     Chinees; Volksrepubliek China",
    "PAK; Pakistani; pakistanais; Pakistan; pakistanisch; Pakistaner, Pakistanerin; Pakistaans; \
     Pakistaan",
    "IND; Indian; indien; Inde; indisch; Indien, Inder, Inderin; Indiaas; Indiër",
    "BGD; Bangladeshi; bangladais, bangladeshi; Bangladesh; bangladeschisch; Bangladesch, \
     Bangladescher; Bengalees, Bangladeshaans; Bangladesh",
    "EGY; Egyptian; égyptien; Égypte; ägyptisch; Ägypten, Ägypter, Ägypterin; Egyptisch; Egypte, \
     Egyptenaar",
    "LBY; Libyan; libyen; Libye; libysch; Libyen, Libyer, Libyerin; Libisch; Libië, Libiër",
    "TCD; Chadian; tchadien; Tchad; tschadisch; Tschad, Tschader, Tschaderin; Tsjadisch, Tsjaads; \
     Tsjaad",
    "SOM; Somali, Somalian, Somaliland; somalien, somali; Somalie; somalisch; Somalier, \
     Somalierin; Somalisch; Somalië, Somaliër",
    "YEM; Yemeni, Yemenite; yéménite; Yémen; jemenitisch; Jemen, Jemenit, Jemenitin; Jemenitisch; \
     Jemen",
    "KWT; Kuwaiti; koweïtien; Koweït; kuwaitisch; Kuwaiter, Kuwaiterin; Koeweits; Koeweit",
    "PSE; Palestinian, State of Palestine, Palestinian Territories, Palestinian Territory, \
     Occupied Palestinian Territory, Gaza, Gaza Strip, West Bank; palestinien; \
     Territoires palestiniens, État de Palestine, Cisjordanie, Bande de Gaza; palästinensisch; \
     Palästina, Palästinenser, Palästinenserin, Palästinensische Gebiete, Westjordanland, \
     Gazastreifen; Palestijns; Palestina, Palestijnse gebieden, Westelijke Jordaanoever, \
     Gazastrook",
    "LBN; Lebanese; libanais; Liban; libanesisch; Libanon, Libanese, Libanesin; Libanees; Libanon",
    "JOR; Jordanian; jordanien; Jordanie; jordanisch; Jordanien, Jordanier, Jordanierin; Jordaans; \
     Jordanië",
    "TUR; Turkish, Turk, Turkey, Turkiye; turc|turque; Turquie; türkisch; Türkei, Türke, Türkin; \
     Turks; Turkije, Turk",
    "GEO; Georgian; géorgien; Géorgie; georgisch; Georgien, Georgier, Georgierin; Georgisch; \
     Georgië",
    "MAR; Moroccan; marocain; Maroc; marokkanisch; Marokko, Marokkaner, Marokkanerin; Marokkaans; \
     Marokko, Marokkaan",
    "DZA; Algerian; algérien; Algérie; algerisch; Algerien, Algerier, Algerierin; Algerijns; \
     Algerije, Algerijn",
    "TUN; Tunisian; tunisien; Tunisie; tunesisch; Tunesien, Tunesier, Tunesierin; Tunesisch; \
     Tunesië",
    "NGA; Nigerian; nigérian; Nigéria; nigerianisch; Nigerianer, Nigerianerin; Nigeriaans; Nigeria",
    "NER; Nigerien; nigérien; Niger; nigrisch; Nigrer, Nigrerin; Nigerees, Nigerijns; Niger",
    "GIN; Guinean, Guinea-Conakry, Republic of Guinea; guinéen; Guinée, Guinée-Conakry; guineisch; \
     Guineer, Guineerin; Guinees; Guinee, Guinee-Conakry",
    "GNB; Bissau-Guinean, Guinea-Bissauan, Bissau Guinean; bissau-guinéen; Guinée-Bissau; \
     guinea-bissauisch; Guinea-Bissauer; Guinee-Bissaus; Guinee-Bissau",
    "GNQ; Equatorial Guinean, Equatoguinean; équato-guinéen; Guinée équatoriale; \
     äquatorialguineisch; Äquatorialguinea; Equatoriaal-Guinees; Equatoriaal-Guinea",
    "PNG; Papua New Guinean, Papuan; papouan-néo-guinéen; Papouasie-Nouvelle-Guinée; \
     papua-neuguineisch; Papua-Neuguinea; Papoea-Nieuw-Guinees; Papoea-Nieuw-Guinea",
    "CIV; Ivorian, Ivory Coast, Ivory Coaster, Cote dIvoire; ivoirien; Côte-d'Ivoire; ivorisch; \
     Elfenbeinküste, Ivorer, Ivorerin; Ivoriaans; Ivoorkust",
    "CMR; Cameroonian; camerounais; Cameroun; kamerunisch; Kamerun, Kameruner, Kamerunerin; \
     Kameroens; Kameroen",
    "SEN; Senegalese; sénégalais; Sénégal; senegalesisch; Senegalese, Senegalesin; Senegalees; \
     Senegal",
    "MLI; Malian; malien; Mali; malisch; Malier, Malierin; Malinees, Malisch; Mali",
    "GMB; Gambian, The Gambia; gambien; Gambie; gambisch; Gambier, Gambierin; Gambiaans; Gambia",
    "GBR; British, Briton, Brit, English, Scottish, Scots, Welsh, Northern Irish, UK, \
     Great Britain, Britain, England, Scotland, Wales, Northern Ireland, \
     United Kingdom of Great Britain and Northern Ireland, GBD, GBN, GBO, GBP, GBS; britannique, \
     anglais, écossais, gallois; Royaume-Uni, Grande-Bretagne, Angleterre, Écosse, Pays de Galles, \
     Irlande du Nord; britisch, englisch, schottisch, walisisch, nordirisch; \
     Vereinigtes Königreich, Großbritannien, Schottland, Nordirland, Brite, Britin, Engländer, \
     Engländerin; Brits, Engels, Schots; Verenigd Koninkrijk, Groot-Brittannië, Engeland, \
     Schotland, Noord-Ierland",
    "IRL; Irish, Republic of Ireland, Eire; irlandais; Irlande, République d'Irlande; irisch; \
     Irland, Republik Irland, Irländer, Irländerin; Iers; Ierland",
    "FRA; French, Frenchman, Frenchwoman; français; République française; französisch; Frankreich, \
     Franzose, Französin; Frans; Frankrijk, Fransman",
    "DEU; German, Federal Republic of Germany, D; allemand; Allemagne, RFA; deutsch; Deutschland, \
     Bundesrepublik Deutschland, BRD; Duits; Duitsland, Duitser",
    "BEL; Belgian; belge; Belgique; belgisch; Belgien, Belgier, Belgierin; Belgisch; België, Belg",
    "NLD; Dutch, Netherlander, The Netherlands, Holland, Kingdom of the Netherlands; néerlandais, \
     hollandais; Pays-Bas, Hollande; niederländisch, holländisch; Niederlande, Niederländer, \
     Niederländerin, Holländer, Holländerin; Nederlands, Hollands; Nederland, Nederlander, \
     Koninkrijk der Nederlanden",
    "ITA; Italian; italien; Italie; italienisch; Italien, Italiener, Italienerin; Italiaans; \
     Italië, Italiaan",
    "ESP; Spanish, Spaniard; espagnol; Espagne; spanisch; Spanien, Spanier, Spanierin; Spaans; \
     Spanje, Spanjaard",
    "POL; Polish, Pole; polonais; Pologne; polnisch; Polen, Polin; Pools; Polen",
    "ROU; Romanian, Roumanian, Rumanian, ROM; roumain; Roumanie; rumänisch; Rumänien, Rumäne, \
     Rumänin; Roemeens; Roemenië, Roemeen",
    "BGR; Bulgarian; bulgare; Bulgarie; bulgarisch; Bulgarien, Bulgarin; Bulgaars; Bulgarije, \
     Bulgaar",
    "LTU; Lithuanian; lituanien; Lituanie; litauisch; Litauen, Litauer, Litauerin; Litouws; \
     Litouwen",
    "UKR; Ukrainian; ukrainien; Ukraine; ukrainisch; Ukrainer, Ukrainerin; Oekraïens; Oekraïne",
    "RUS; Russian, Russian Federation; russe; Russie, Fédération de Russie; russisch; Russland, \
     Russische Föderation, Russin; Russisch; Rusland, Rus",
    "LKA; Sri Lankan, Srilankan, Srilanka, Ceylon, Ceylonese; sri-lankais, srilankais; Sri Lanka; \
     sri-lankisch, srilankisch; Sri-Lanker, Sri-Lankerin; Sri Lankaans, Srilankaans; Sri Lanka",
    // --- more countries, all four languages ---
    "AUT; Austrian; autrichien; Autriche; österreichisch; Österreich, Österreicher, \
     Österreicherin; Oostenrijks; Oostenrijk",
    "CHE; Swiss; suisse; Suisse; schweizerisch; Schweiz, Schweizer, Schweizerin; Zwitsers; \
     Zwitserland",
    "PRT; Portuguese; portugais; Portugal; portugiesisch; Portugiese, Portugiesin; Portugees; \
     Portugal",
    "GRC; Greek; grec|grecque; Grèce; griechisch; Griechenland, Grieche, Griechin; Grieks; \
     Griekenland",
    "SWE; Swedish, Swede; suédois; Suède; schwedisch; Schweden, Schwede, Schwedin; Zweeds; Zweden",
    "NOR; Norwegian; norvégien; Norvège; norwegisch; Norwegen, Norweger, Norwegerin; Noors; \
     Noorwegen",
    "DNK; Danish, Dane; danois; Danemark; dänisch; Dänemark, Däne, Dänin; Deens; Denemarken",
    "FIN; Finnish, Finn; finlandais; Finlande; finnisch; Finnland, Finne, Finnin; Fins; Finland",
    "ISL; Icelandic, Icelander; islandais; Islande; isländisch; Island, Isländer, Isländerin; \
     IJslands; IJsland",
    "LUX; Luxembourger, Luxembourgish; luxembourgeois; Luxembourg; luxemburgisch; Luxemburg, \
     Luxemburger, Luxemburgerin; Luxemburgs; Luxemburg",
    "CZE; Czech, Czech Republic; tchèque; Tchéquie, République tchèque; tschechisch; Tschechien, \
     Tschechische Republik, Tscheche, Tschechin; Tsjechisch; Tsjechië",
    "SVK; Slovak, Slovakian; slovaque; Slovaquie; slowakisch; Slowakei, Slowake, Slowakin; \
     Slowaaks; Slowakije",
    "HUN; Hungarian; hongrois; Hongrie; ungarisch; Ungarn, Ungarin; Hongaars; Hongarije",
    "SVN; Slovenian, Slovene; slovène; Slovénie; slowenisch; Slowenien, Slowene, Slowenin; \
     Sloveens; Slovenië",
    "HRV; Croatian, Croat; croate; Croatie; kroatisch; Kroatien, Kroate, Kroatin; Kroatisch; \
     Kroatië",
    "SRB; Serbian, Serb; serbe; Serbie; serbisch; Serbien, Serbe, Serbin; Servisch; Servië",
    "BIH; Bosnian, Bosnia, Herzegovinian, Bosnia-Herzegovina; bosnien, bosniaque; \
     Bosnie-Herzégovine, Bosnie; bosnisch; Bosnien und Herzegowina, Bosnien-Herzegowina, Bosnier, \
     Bosnierin; Bosnisch; Bosnië en Herzegovina, Bosnië-Herzegovina, Bosnië",
    "MNE; Montenegrin; monténégrin; Monténégro; montenegrinisch; Montenegriner, Montenegrinerin; \
     Montenegrijns; Montenegro",
    "MKD; Macedonian, Macedonia, North Macedonian, FYROM; macédonien; Macédoine du Nord, \
     Macédoine; mazedonisch, nordmazedonisch; Nordmazedonien, Mazedonien, Mazedonier, \
     Mazedonierin; Macedonisch, Noord-Macedonisch; Noord-Macedonië, Macedonië",
    "MDA; Moldovan, Moldavian, Republic of Moldova; moldave; Moldavie; moldauisch, moldawisch; \
     Moldau, Moldawien, Republik Moldau, Moldauer, Moldauerin; Moldavisch; Moldavië",
    "LVA; Latvian; letton; Lettonie; lettisch; Lettland, Lette, Lettin; Lets; Letland",
    "EST; Estonian; estonien; Estonie; estnisch; Estland, Este, Estin; Ests; Estland",
    "BLR; Belarusian, Belarusan, Byelorussian, Belorussian; biélorusse; Biélorussie, Bélarus; \
     belarussisch, weißrussisch; Belarus, Weißrussland; Wit-Russisch, Belarussisch; Wit-Rusland",
    "ARM; Armenian; arménien; Arménie; armenisch; Armenien, Armenier, Armenierin; Armeens; Armenië",
    "AZE; Azerbaijani, Azeri; azerbaïdjanais; Azerbaïdjan; aserbaidschanisch; Aserbaidschan, \
     Aserbaidschaner, Aserbaidschanerin; Azerbeidzjaans; Azerbeidzjan",
    "USA; American, United States of America, US, U.S., U.S.A., America; américain; États-Unis, \
     États-Unis d'Amérique; amerikanisch, US-amerikanisch; Vereinigte Staaten, \
     Vereinigte Staaten von Amerika, Amerikaner, Amerikanerin; Amerikaans; Verenigde Staten, \
     Verenigde Staten van Amerika",
    "CAN; Canadian; canadien; Canada; kanadisch; Kanada, Kanadier, Kanadierin; Canadees; Canada",
    "BRA; Brazilian; brésilien; Brésil; brasilianisch; Brasilien, Brasilianer, Brasilianerin; \
     Braziliaans; Brazilië",
    "COL; Colombian; colombien; Colombie; kolumbianisch; Kolumbien, Kolumbianer, Kolumbianerin; \
     Colombiaans; Colombia",
    "VEN; Venezuelan; vénézuélien; Venezuela; venezolanisch; Venezolaner, Venezolanerin; \
     Venezolaans; Venezuela",
    "KEN; Kenyan; kényan; Kenya; kenianisch; Kenia, Kenianer, Kenianerin; Keniaans; Kenia",
    "UGA; Ugandan; ougandais; Ouganda; ugandisch; Uganda, Ugander, Uganderin; Oegandees; Oeganda",
    "TZA; Tanzanian, United Republic of Tanzania; tanzanien; Tanzanie; tansanisch; Tansania, \
     Tansanier, Tansanierin; Tanzaniaans; Tanzania",
    "COD; Congolese, DR Congo, DRC, D.R. Congo, DR Congolese, Democratic Republic of the Congo, \
     Democratic Republic of Congo, Congo DRC, Congo DR, Congo-Kinshasa, Zaire; congolais; \
     République démocratique du Congo, RD Congo, RDC, Congo RDC, Congo RD, Zaïre; kongolesisch; \
     Demokratische Republik Kongo, DR Kongo, Kongo-Kinshasa, Kongolese, Kongolesin; Congolees; \
     Democratische Republiek Congo",
    "COG; Congo-Brazzaville, Republic of the Congo, Republic of Congo; ; République du Congo; ; \
     Kongo, Republik Kongo, Kongo-Brazzaville; ; Republiek Congo",
    "AGO; Angolan; angolais; Angola; angolanisch; Angolaner, Angolanerin; Angolees; Angola",
    "GHA; Ghanaian, Ghanian; ghanéen; Ghana; ghanaisch; Ghanaer, Ghanaerin; Ghanees; Ghana",
    "SLE; Sierra Leonean, Sierra Leonian; sierra-léonais; Sierra Leone; sierra-leonisch; \
     Sierra-Leoner, Sierra-Leonerin; Sierra Leoons; Sierra Leone",
    "LBR; Liberian; libérien; Libéria; liberianisch; Liberianer, Liberianerin; Liberiaans; Liberia",
    "BFA; Burkinabe, Burkinese; burkinabé; Burkina; burkinisch; Burkiner, Burkinerin; Burkinees; \
     Burkina Faso",
    "BEN; Beninese, Beninois; béninois; Bénin; beninisch; Beniner, Beninerin; Benins; Benin",
    "TGO; Togolese; togolais; Togo; togoisch, togolesisch; Togoer, Togoerin; Togolees; Togo",
    "MRT; Mauritanian; mauritanien; Mauritanie; mauretanisch; Mauretanien, Mauretanier, \
     Mauretanierin; Mauritaans; Mauritanië",
    "SAU; Saudi, Saudi Arabian; saoudien; Arabie saoudite; saudi-arabisch, saudisch; \
     Saudi-Arabien, Saudi-Araber, Saudi-Araberin; Saoedi-Arabisch, Saoedisch; Saoedi-Arabië",
    "ARE; Emirati, UAE, Emirates; émirien; Émirats arabes unis, EAU; emiratisch; \
     Vereinigte Arabische Emirate, VAE; Emiraats; Verenigde Arabische Emiraten",
    "QAT; Qatari; qatarien; Qatar; katarisch; Katar, Katarer, Katarerin; Qatarees; Qatar",
    "OMN; Omani; omanais; Oman; omanisch; Omaner, Omanerin; Omaans; Oman",
    "BHR; Bahraini; bahreïnien; Bahreïn; bahrainisch; Bahrain, Bahrainer, Bahrainerin; Bahreins; \
     Bahrein",
    "ISR; Israeli; israélien; Israël; israelisch; Israel, Israeli; Israëlisch; Israël",
    "UZB; Uzbek, Uzbekistani; ouzbek|ouzbèke; Ouzbékistan; usbekisch; Usbekistan, Usbeke, Usbekin; \
     Oezbeeks; Oezbekistan",
    "KAZ; Kazakh, Kazakhstani; kazakh|kazakhe; Kazakhstan; kasachisch; Kasachstan, Kasache, \
     Kasachin; Kazachs; Kazachstan",
    "TJK; Tajik, Tajikistani; tadjik|tadjike; Tadjikistan; tadschikisch; Tadschikistan, Tadschike, \
     Tadschikin; Tadzjieks; Tadzjikistan",
    "KGZ; Kyrgyz, Kirghiz, Kyrgyzstani, Kirgizstan, Kyrgyz Republic; kirghize; Kirghizistan; \
     kirgisisch; Kirgisistan, Kirgistan, Kirgise, Kirgisin; Kirgizisch; Kirgizië",
    "TKM; Turkmen, Turkmenistani; turkmène; Turkménistan; turkmenisch; Turkmene, Turkmenin; \
     Turkmeens; Turkmenistan",
    "MNG; Mongolian; mongol; Mongolie; mongolisch; Mongolei; Mongools; Mongolië",
    "NPL; Nepalese, Nepali; népalais; Népal; nepalesisch; Nepalese, Nepalesin; Nepalees; Nepal",
    "MMR; Burmese, Burma, Myanmarese; birman; Birmanie; myanmarisch, birmanisch; Birma; Birmees, \
     Myanmarees; Birma",
    "THA; Thai; thaïlandais; Thaïlande; thailändisch; Thailänder, Thailänderin; Thais, Thailands; \
     Thailand",
    "PHL; Filipino, Filipina, Philippine; philippin; Philippines; philippinisch; Philippinen, \
     Philippiner, Philippinerin; Filipijns; Filipijnen",
    "IDN; Indonesian; indonésien; Indonésie; indonesisch; Indonesien, Indonesier, Indonesierin; \
     Indonesisch; Indonesië",
    "MYS; Malaysian; malaisien; Malaisie; malaysisch; Malaysier, Malaysierin; Maleisisch; Maleisië",
    "JPN; Japanese; japonais; Japon; japanisch; Japaner, Japanerin; Japans; Japan",
    "KOR; Korean, Korea, Republic of Korea, South Korean, Korea Republic of, Korea South; coréen, \
     sud-coréen; Corée, Corée du Sud; koreanisch, südkoreanisch; Korea, Südkorea, Koreaner, \
     Koreanerin; Koreaans, Zuid-Koreaans; Zuid-Korea",
    "PRK; North Korean, Democratic People's Republic of Korea, DPRK, Korea DPR, Korea North; \
     nord-coréen; Corée du Nord; nordkoreanisch; Nordkorea; Noord-Koreaans; Noord-Korea",
    "BDI; Burundian; burundais; Burundi; burundisch; Burundier, Burundierin; Burundees; Burundi",
    "RWA; Rwandan, Rwandese; rwandais; Rwanda; ruandisch; Ruanda, Ruander, Ruanderin; Rwandees; \
     Rwanda",
    "CAF; Central African, CAR, Central African Rep; centrafricain; République centrafricaine, \
     Centrafrique; zentralafrikanisch; Zentralafrikanische Republik; Centraal-Afrikaans; \
     Centraal-Afrikaanse Republiek",
    "ZAF; South African; sud-africain; Afrique du Sud; südafrikanisch; Südafrika, Südafrikaner, \
     Südafrikanerin; Zuid-Afrikaans; Zuid-Afrika",
    "ZWE; Zimbabwean; zimbabwéen; Zimbabwe; simbabwisch; Simbabwe, Simbabwer, Simbabwerin; \
     Zimbabwaans; Zimbabwe",
    "DJI; Djiboutian; djiboutien; Djibouti; dschibutisch; Dschibuti, Dschibutier, Dschibutierin; \
     Djiboutiaans; Djibouti",
    "MUS; Mauritian; mauricien; Maurice, Île Maurice; mauritisch; Mauritier, Mauritierin; \
     Mauritiaans; Mauritius",
    "MDG; Malagasy, Madagascan; malgache; Madagascar; madagassisch; Madagaskar, Madagasse, \
     Madagassin; Malagassisch; Madagaskar",
    "CPV; Cape Verdean, Cape Verde, Cabo Verdean; cap-verdien; Cap-Vert; kapverdisch; Kap Verde, \
     Kapverden, Kapverdier, Kapverdierin; Kaapverdisch; Kaapverdië",
    "GAB; Gabonese; gabonais; Gabon; gabunisch; Gabun, Gabuner, Gabunerin; Gabonees; Gabon",
    "COM; Comorian, Comoran; comorien; Comores; komorisch; Komoren, Komorer, Komorerin; Comorees; \
     Comoren",
    "ZMB; Zambian; zambien; Zambie; sambisch; Sambia, Sambier, Sambierin; Zambiaans; Zambia",
    "MWI; Malawian; malawite, malawien; Malawi; malawisch; Malawier, Malawierin; Malawisch; Malawi",
    "MOZ; Mozambican; mozambicain; Mozambique; mosambikanisch; Mosambik, Mosambikaner, \
     Mosambikanerin; Mozambikaans; Mozambique",
    "NAM; Namibian; namibien; Namibie; namibisch; Namibier, Namibierin; Namibisch; Namibië",
    "CUB; Cuban; cubain; Cuba; kubanisch; Kuba, Kubaner, Kubanerin; Cubaans; Cuba",
    "DOM; Dominican, Dominican Rep; dominicain; République dominicaine; dominikanisch; \
     Dominikanische Republik, Dominikaner, Dominikanerin; Dominicaans; Dominicaanse Republiek",
    "HTI; Haitian; haïtien; Haïti; haitianisch; Haitianer, Haitianerin; Haïtiaans; Haïti",
    "JAM; Jamaican; jamaïcain; Jamaïque; jamaikanisch; Jamaika, Jamaikaner, Jamaikanerin; \
     Jamaicaans; Jamaica",
    "MEX; Mexican; mexicain; Mexique; mexikanisch; Mexiko, Mexikaner, Mexikanerin; Mexicaans; \
     Mexico",
    "PER; Peruvian; péruvien; Pérou; peruanisch; Peruaner, Peruanerin; Peruaans; Peru",
    "ECU; Ecuadorian, Ecuadorean; équatorien; Équateur; ecuadorianisch; Ecuadorianer, \
     Ecuadorianerin; Ecuadoraans; Ecuador",
    "BOL; Bolivian; bolivien; Bolivie; bolivianisch; Bolivien, Bolivianer, Bolivianerin; \
     Boliviaans; Bolivia",
    "ARG; Argentine, Argentinian, Argentinean; argentin; Argentine; argentinisch; Argentinien, \
     Argentinier, Argentinierin; Argentijns; Argentinië",
    "CHL; Chilean; chilien; Chili; chilenisch; Chilene, Chilenin; Chileens; Chili",
    "AUS; Australian, Aussie; australien; Australie; australisch; Australien, Australier, \
     Australierin; Australisch; Australië",
    "NZL; New Zealander, Kiwi; néo-zélandais; Nouvelle-Zélande; neuseeländisch; Neuseeland, \
     Neuseeländer, Neuseeländerin; Nieuw-Zeelands; Nieuw-Zeeland",
    "TWN; Taiwanese, Republic of China; taïwanais; Taïwan; taiwanisch; Taiwaner, Taiwanerin; \
     Taiwanees; Taiwan",
    "KHM; Cambodian, Khmer; cambodgien; Cambodge; kambodschanisch; Kambodscha, Kambodschaner, \
     Kambodschanerin; Cambodjaans; Cambodja",
    "LAO; Laotian, Lao PDR, Lao People's Democratic Republic; laotien; Laos; laotisch; Laote, \
     Laotin; Laotiaans; Laos",
    "SGP; Singaporean; singapourien; Singapour; singapurisch; Singapur, Singapurer, Singapurerin; \
     Singaporees; Singapore",
    "CYP; Cypriot; chypriote; Chypre; zyprisch; Zypern, Zyprer, Zyprerin; Cypriotisch; Cyprus",
    "MLT; Maltese; maltais; Malte; maltesisch; Malteser, Malteserin; Maltees; Malta",
    "ESH; Sahrawi, Sahrawian, Western Saharan; sahraoui; Sahara occidental; westsaharauisch; \
     Westsahara; Sahrawisch; Westelijke Sahara",
    "STP; Sao Tomean, Santomean; santoméen; Sao Tomé-et-Principe; saotomeisch; \
     São Tomé und Príncipe; Santomees; Sao Tomé en Principe",
    "SUR; Surinamese, Surinamer; surinamais; Suriname; surinamisch; Surinamer, Surinamerin; \
     Surinaams; Suriname",
    "GUY; Guyanese; guyanien; Guyana; guyanisch; Guyaner, Guyanerin; Guyaans; Guyana",
    "GUF; French Guianese; guyanais; Guyane, Guyane française; französisch-guayanisch; \
     Französisch-Guayana; Frans-Guyaans; Frans-Guyana",
    "SYC; Seychellois; seychellois; Seychelles; seychellisch; Seychellen; Seychels; Seychellen",
    "LSO; Basotho, Mosotho, Lesothan; lésothien; Lesotho; lesothisch; Lesotho; Lesothaans; Lesotho",
    "SWZ; Swazi, Swaziland, Liswati; swazi; Eswatini, Swaziland; swasiländisch, eswatinisch; \
     Swasiland; Swazisch; Swaziland",
    "BWA; Botswanan, Motswana, Batswana; botswanais; Botswana; botswanisch; Botsuana; Botswaans; \
     Botswana",
    "DMA; Dominica; dominiquais; Dominique; dominicanisch; Dominica; ; Dominica",
    "MCO; Monegasque, Monacan; monégasque; Monaco; monegassisch; Monegasse, Monegassin; \
     Monegaskisch; Monaco",
    // --- English demonyms and other English names only ---
    "ALA; Alander, Aland",
    "ASM; American Samoan",
    "AND; Andorran",
    "AIA; Anguillan",
    "ATG; Antiguan, Barbudan, Antigua, Antigua & Barbuda",
    "ABW; Aruban",
    "BHS; Bahamian, The Bahamas",
    "BRB; Barbadian, Bajan",
    "BLZ; Belizean",
    "BMU; Bermudian",
    "BTN; Bhutanese",
    "BES; Bonaire, Caribbean Netherlands",
    "IOT; Chagos Islands",
    "BRN; Bruneian, Brunei",
    "BDI; Burundian",
    "CYM; Caymanian",
    "COK; Cook Islander",
    "CRI; Costa Rican; costaricien|costaricienne",
    "CUW; Curacaoan",
    "SLV; Salvadoran, Salvadorean, Salvadorian; salvadorien; Salvador",
    "FLK; Falkland Islander, Falklands, Falkland Islands",
    "FRO; Faroese, Faroe, Faroes",
    "FJI; Fijian",
    "PYF; French Polynesian",
    "GIB; Gibraltarian",
    "GRL; Greenlandic, Greenlander",
    "GRD; Grenadian",
    "GLP; Guadeloupean",
    "GUM; Guamanian",
    "GTM; Guatemalan; guatémaltèque",
    "HND; Honduran; hondurien",
    "HKG; Hong Konger, Hongkonger, Hong Kong SAR, Hongkong",
    "IMN; Manx",
    "KIR; I-Kiribati",
    "LIE; Liechtensteiner",
    "MAC; Macanese, Macau",
    "MDV; Maldivian",
    "MHL; Marshallese",
    "MTQ; Martinican, Martiniquais",
    "MYT; Mahoran",
    "FSM; Micronesian",
    "MSR; Montserratian",
    "NRU; Nauruan",
    "NCL; New Caledonian",
    "NIC; Nicaraguan; nicaraguayen",
    "NIU; Niuean",
    "NFK; Norfolk Islander",
    "MNP; Northern Marianan",
    "PLW; Palauan",
    "PAN; Panamanian; panaméen",
    "PRY; Paraguayan; paraguayen",
    "PCN; Pitcairn Islander, Pitcairn Islands",
    "PRI; Puerto Rican",
    "REU; Reunionese; réunionnais; La Réunion",
    "BLM; Barthelemois, St Barthelemy",
    "SHN; Saint Helenian, St Helena",
    "KNA; Kittitian, Nevisian, St Kitts and Nevis, St Kitts, Saint Kitts",
    "LCA; Saint Lucian, St Lucia, St Lucian",
    "MAF; Saint Martin, St Martin",
    "SPM; Saint-Pierrais, St Pierre and Miquelon",
    "VCT; Vincentian, St Vincent, Saint Vincent, St Vincent and the Grenadines",
    "WSM; Samoan",
    "SMR; Sammarinese",
    "SXM; Sint Maarten",
    "SLB; Solomon Islander",
    "TLS; Timorese, East Timorese, East Timor, Timor Leste",
    "TKL; Tokelauan",
    "TON; Tongan",
    "TTO; Trinidadian, Tobagonian, Trinidad, Trinidad & Tobago",
    "TCA; Turks and Caicos Islander",
    "TUV; Tuvaluan",
    "URY; Uruguayan; uruguayen",
    "VUT; Ni-Vanuatu",
    "VGB; British Virgin Islander, British Virgin Islands, BVI",
    "VIR; US Virgin Islands, USVI",
    "WLF; Wallisian, Futunan",
    "VAT; Vatican, Vatican City, Holy See (Vatican City State)",
    "IRN; Iran Islamic Republic of",
    "BOL; Bolivia Plurinational State of",
    "VEN; Venezuela Bolivarian Republic of",
    "FSM; Micronesia Federated States of",
    "MDA; Moldova Republic of",
    "PSE; Palestine State of",
    "TWN; Taiwan Province of China",
    "COD; Congo The Democratic Republic of the, Congo (Kinshasa)",
    "COG; Congo (Brazzaville)",
    "PRK; Korea Democratic People's Republic of",
    "TZA; Tanzania United Republic of",
    "SYR; Syrian Arab Republic",
    "LAO; Lao People's Democratic Republic",
    "VNM; Viet Nam",
    "MKD; Macedonia the former Yugoslav Republic of",
    "VGB; Virgin Islands British",
    "VIR; Virgin Islands U.S.",
    "CZE; Czech Republic",
    "SWZ; Swaziland",
    "CPV; Cape Verde",
    "MMR; Myanmar",
    "LBY; Libyan Arab Jamahiriya",
];

/// ISO 3166-1: alpha-2, alpha-3, English short name (display form).
pub(super) static ISO: [(&str, &str, &str); 249] = [
    ("AF", "AFG", "Afghanistan"),
    ("AX", "ALA", "Åland Islands"),
    ("AL", "ALB", "Albania"),
    ("DZ", "DZA", "Algeria"),
    ("AS", "ASM", "American Samoa"),
    ("AD", "AND", "Andorra"),
    ("AO", "AGO", "Angola"),
    ("AI", "AIA", "Anguilla"),
    ("AQ", "ATA", "Antarctica"),
    ("AG", "ATG", "Antigua and Barbuda"),
    ("AR", "ARG", "Argentina"),
    ("AM", "ARM", "Armenia"),
    ("AW", "ABW", "Aruba"),
    ("AU", "AUS", "Australia"),
    ("AT", "AUT", "Austria"),
    ("AZ", "AZE", "Azerbaijan"),
    ("BS", "BHS", "Bahamas"),
    ("BH", "BHR", "Bahrain"),
    ("BD", "BGD", "Bangladesh"),
    ("BB", "BRB", "Barbados"),
    ("BY", "BLR", "Belarus"),
    ("BE", "BEL", "Belgium"),
    ("BZ", "BLZ", "Belize"),
    ("BJ", "BEN", "Benin"),
    ("BM", "BMU", "Bermuda"),
    ("BT", "BTN", "Bhutan"),
    ("BO", "BOL", "Bolivia"),
    ("BQ", "BES", "Bonaire, Sint Eustatius and Saba"),
    ("BA", "BIH", "Bosnia and Herzegovina"),
    ("BW", "BWA", "Botswana"),
    ("BV", "BVT", "Bouvet Island"),
    ("BR", "BRA", "Brazil"),
    ("IO", "IOT", "British Indian Ocean Territory"),
    ("BN", "BRN", "Brunei Darussalam"),
    ("BG", "BGR", "Bulgaria"),
    ("BF", "BFA", "Burkina Faso"),
    ("BI", "BDI", "Burundi"),
    ("CV", "CPV", "Cabo Verde"),
    ("KH", "KHM", "Cambodia"),
    ("CM", "CMR", "Cameroon"),
    ("CA", "CAN", "Canada"),
    ("KY", "CYM", "Cayman Islands"),
    ("CF", "CAF", "Central African Republic"),
    ("TD", "TCD", "Chad"),
    ("CL", "CHL", "Chile"),
    ("CN", "CHN", "China"),
    ("CX", "CXR", "Christmas Island"),
    ("CC", "CCK", "Cocos (Keeling) Islands"),
    ("CO", "COL", "Colombia"),
    ("KM", "COM", "Comoros"),
    ("CG", "COG", "Congo"),
    ("CD", "COD", "Congo, Democratic Republic of the"),
    ("CK", "COK", "Cook Islands"),
    ("CR", "CRI", "Costa Rica"),
    ("CI", "CIV", "Côte d'Ivoire"),
    ("HR", "HRV", "Croatia"),
    ("CU", "CUB", "Cuba"),
    ("CW", "CUW", "Curaçao"),
    ("CY", "CYP", "Cyprus"),
    ("CZ", "CZE", "Czechia"),
    ("DK", "DNK", "Denmark"),
    ("DJ", "DJI", "Djibouti"),
    ("DM", "DMA", "Dominica"),
    ("DO", "DOM", "Dominican Republic"),
    ("EC", "ECU", "Ecuador"),
    ("EG", "EGY", "Egypt"),
    ("SV", "SLV", "El Salvador"),
    ("GQ", "GNQ", "Equatorial Guinea"),
    ("ER", "ERI", "Eritrea"),
    ("EE", "EST", "Estonia"),
    ("SZ", "SWZ", "Eswatini"),
    ("ET", "ETH", "Ethiopia"),
    ("FK", "FLK", "Falkland Islands (Malvinas)"),
    ("FO", "FRO", "Faroe Islands"),
    ("FJ", "FJI", "Fiji"),
    ("FI", "FIN", "Finland"),
    ("FR", "FRA", "France"),
    ("GF", "GUF", "French Guiana"),
    ("PF", "PYF", "French Polynesia"),
    ("TF", "ATF", "French Southern Territories"),
    ("GA", "GAB", "Gabon"),
    ("GM", "GMB", "Gambia"),
    ("GE", "GEO", "Georgia"),
    ("DE", "DEU", "Germany"),
    ("GH", "GHA", "Ghana"),
    ("GI", "GIB", "Gibraltar"),
    ("GR", "GRC", "Greece"),
    ("GL", "GRL", "Greenland"),
    ("GD", "GRD", "Grenada"),
    ("GP", "GLP", "Guadeloupe"),
    ("GU", "GUM", "Guam"),
    ("GT", "GTM", "Guatemala"),
    ("GG", "GGY", "Guernsey"),
    ("GN", "GIN", "Guinea"),
    ("GW", "GNB", "Guinea-Bissau"),
    ("GY", "GUY", "Guyana"),
    ("HT", "HTI", "Haiti"),
    ("HM", "HMD", "Heard Island and McDonald Islands"),
    ("VA", "VAT", "Holy See"),
    ("HN", "HND", "Honduras"),
    ("HK", "HKG", "Hong Kong"),
    ("HU", "HUN", "Hungary"),
    ("IS", "ISL", "Iceland"),
    ("IN", "IND", "India"),
    ("ID", "IDN", "Indonesia"),
    ("IR", "IRN", "Iran"),
    ("IQ", "IRQ", "Iraq"),
    ("IE", "IRL", "Ireland"),
    ("IM", "IMN", "Isle of Man"),
    ("IL", "ISR", "Israel"),
    ("IT", "ITA", "Italy"),
    ("JM", "JAM", "Jamaica"),
    ("JP", "JPN", "Japan"),
    ("JE", "JEY", "Jersey"),
    ("JO", "JOR", "Jordan"),
    ("KZ", "KAZ", "Kazakhstan"),
    ("KE", "KEN", "Kenya"),
    ("KI", "KIR", "Kiribati"),
    ("KP", "PRK", "North Korea"),
    ("KR", "KOR", "South Korea"),
    ("KW", "KWT", "Kuwait"),
    ("KG", "KGZ", "Kyrgyzstan"),
    ("LA", "LAO", "Laos"),
    ("LV", "LVA", "Latvia"),
    ("LB", "LBN", "Lebanon"),
    ("LS", "LSO", "Lesotho"),
    ("LR", "LBR", "Liberia"),
    ("LY", "LBY", "Libya"),
    ("LI", "LIE", "Liechtenstein"),
    ("LT", "LTU", "Lithuania"),
    ("LU", "LUX", "Luxembourg"),
    ("MO", "MAC", "Macao"),
    ("MG", "MDG", "Madagascar"),
    ("MW", "MWI", "Malawi"),
    ("MY", "MYS", "Malaysia"),
    ("MV", "MDV", "Maldives"),
    ("ML", "MLI", "Mali"),
    ("MT", "MLT", "Malta"),
    ("MH", "MHL", "Marshall Islands"),
    ("MQ", "MTQ", "Martinique"),
    ("MR", "MRT", "Mauritania"),
    ("MU", "MUS", "Mauritius"),
    ("YT", "MYT", "Mayotte"),
    ("MX", "MEX", "Mexico"),
    ("FM", "FSM", "Micronesia"),
    ("MD", "MDA", "Moldova"),
    ("MC", "MCO", "Monaco"),
    ("MN", "MNG", "Mongolia"),
    ("ME", "MNE", "Montenegro"),
    ("MS", "MSR", "Montserrat"),
    ("MA", "MAR", "Morocco"),
    ("MZ", "MOZ", "Mozambique"),
    ("MM", "MMR", "Myanmar"),
    ("NA", "NAM", "Namibia"),
    ("NR", "NRU", "Nauru"),
    ("NP", "NPL", "Nepal"),
    ("NL", "NLD", "Netherlands"),
    ("NC", "NCL", "New Caledonia"),
    ("NZ", "NZL", "New Zealand"),
    ("NI", "NIC", "Nicaragua"),
    ("NE", "NER", "Niger"),
    ("NG", "NGA", "Nigeria"),
    ("NU", "NIU", "Niue"),
    ("NF", "NFK", "Norfolk Island"),
    ("MK", "MKD", "North Macedonia"),
    ("MP", "MNP", "Northern Mariana Islands"),
    ("NO", "NOR", "Norway"),
    ("OM", "OMN", "Oman"),
    ("PK", "PAK", "Pakistan"),
    ("PW", "PLW", "Palau"),
    ("PS", "PSE", "Palestine"),
    ("PA", "PAN", "Panama"),
    ("PG", "PNG", "Papua New Guinea"),
    ("PY", "PRY", "Paraguay"),
    ("PE", "PER", "Peru"),
    ("PH", "PHL", "Philippines"),
    ("PN", "PCN", "Pitcairn"),
    ("PL", "POL", "Poland"),
    ("PT", "PRT", "Portugal"),
    ("PR", "PRI", "Puerto Rico"),
    ("QA", "QAT", "Qatar"),
    ("RE", "REU", "Réunion"),
    ("RO", "ROU", "Romania"),
    ("RU", "RUS", "Russia"),
    ("RW", "RWA", "Rwanda"),
    ("BL", "BLM", "Saint Barthélemy"),
    ("SH", "SHN", "Saint Helena, Ascension and Tristan da Cunha"),
    ("KN", "KNA", "Saint Kitts and Nevis"),
    ("LC", "LCA", "Saint Lucia"),
    ("MF", "MAF", "Saint Martin (French part)"),
    ("PM", "SPM", "Saint Pierre and Miquelon"),
    ("VC", "VCT", "Saint Vincent and the Grenadines"),
    ("WS", "WSM", "Samoa"),
    ("SM", "SMR", "San Marino"),
    ("ST", "STP", "Sao Tome and Principe"),
    ("SA", "SAU", "Saudi Arabia"),
    ("SN", "SEN", "Senegal"),
    ("RS", "SRB", "Serbia"),
    ("SC", "SYC", "Seychelles"),
    ("SL", "SLE", "Sierra Leone"),
    ("SG", "SGP", "Singapore"),
    ("SX", "SXM", "Sint Maarten (Dutch part)"),
    ("SK", "SVK", "Slovakia"),
    ("SI", "SVN", "Slovenia"),
    ("SB", "SLB", "Solomon Islands"),
    ("SO", "SOM", "Somalia"),
    ("ZA", "ZAF", "South Africa"),
    ("GS", "SGS", "South Georgia and the South Sandwich Islands"),
    ("SS", "SSD", "South Sudan"),
    ("ES", "ESP", "Spain"),
    ("LK", "LKA", "Sri Lanka"),
    ("SD", "SDN", "Sudan"),
    ("SR", "SUR", "Suriname"),
    ("SJ", "SJM", "Svalbard and Jan Mayen"),
    ("SE", "SWE", "Sweden"),
    ("CH", "CHE", "Switzerland"),
    ("SY", "SYR", "Syria"),
    ("TW", "TWN", "Taiwan"),
    ("TJ", "TJK", "Tajikistan"),
    ("TZ", "TZA", "Tanzania"),
    ("TH", "THA", "Thailand"),
    ("TL", "TLS", "Timor-Leste"),
    ("TG", "TGO", "Togo"),
    ("TK", "TKL", "Tokelau"),
    ("TO", "TON", "Tonga"),
    ("TT", "TTO", "Trinidad and Tobago"),
    ("TN", "TUN", "Tunisia"),
    ("TR", "TUR", "Türkiye"),
    ("TM", "TKM", "Turkmenistan"),
    ("TC", "TCA", "Turks and Caicos Islands"),
    ("TV", "TUV", "Tuvalu"),
    ("UG", "UGA", "Uganda"),
    ("UA", "UKR", "Ukraine"),
    ("AE", "ARE", "United Arab Emirates"),
    ("GB", "GBR", "United Kingdom"),
    ("US", "USA", "United States"),
    ("UM", "UMI", "United States Minor Outlying Islands"),
    ("UY", "URY", "Uruguay"),
    ("UZ", "UZB", "Uzbekistan"),
    ("VU", "VUT", "Vanuatu"),
    ("VE", "VEN", "Venezuela"),
    ("VN", "VNM", "Vietnam"),
    ("VG", "VGB", "Virgin Islands (British)"),
    ("VI", "VIR", "Virgin Islands (U.S.)"),
    ("WF", "WLF", "Wallis and Futuna"),
    ("EH", "ESH", "Western Sahara"),
    ("YE", "YEM", "Yemen"),
    ("ZM", "ZMB", "Zambia"),
    ("ZW", "ZWE", "Zimbabwe"),
];
