//! Origins of the Channel small-boat caseload and how each agency writes nationalities.

use super::names::{self, NamePool};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Origin {
    Afghan,
    IraqiKurdish,
    Iranian,
    Eritrean,
    Sudanese,
    Syrian,
    Albanian,
    Vietnamese,
    British,
    French,
}

pub const NETWORK_ORIGINS: [(Origin, f64); 8] = [
    (Origin::IraqiKurdish, 0.25),
    (Origin::Afghan, 0.20),
    (Origin::Iranian, 0.12),
    (Origin::Eritrean, 0.10),
    (Origin::Sudanese, 0.10),
    (Origin::Syrian, 0.08),
    (Origin::Albanian, 0.08),
    (Origin::Vietnamese, 0.07),
];

impl Origin {
    pub fn label(self) -> &'static str {
        match self {
            Origin::Afghan => "Afghan",
            Origin::IraqiKurdish => "Iraqi Kurdish",
            Origin::Iranian => "Iranian",
            Origin::Eritrean => "Eritrean",
            Origin::Sudanese => "Sudanese",
            Origin::Syrian => "Syrian",
            Origin::Albanian => "Albanian",
            Origin::Vietnamese => "Vietnamese",
            Origin::British => "British",
            Origin::French => "French",
        }
    }

    pub fn pool(self) -> &'static NamePool {
        match self {
            Origin::Afghan => &names::AFGHAN,
            Origin::IraqiKurdish => &names::KURDISH,
            Origin::Iranian => &names::IRANIAN,
            Origin::Eritrean => &names::ERITREAN,
            Origin::Sudanese => &names::SUDANESE,
            Origin::Syrian => &names::SYRIAN,
            Origin::Albanian => &names::ALBANIAN,
            Origin::Vietnamese => &names::VIETNAMESE,
            Origin::British => &names::BRITISH,
            Origin::French => &names::FRENCH,
        }
    }

    /// ISO 3166 alpha-3 of the true nationality.
    pub fn nationality(self) -> &'static str {
        match self {
            Origin::Afghan => "AFG",
            Origin::IraqiKurdish => "IRQ",
            Origin::Iranian => "IRN",
            Origin::Eritrean => "ERI",
            Origin::Sudanese => "SDN",
            Origin::Syrian => "SYR",
            Origin::Albanian => "ALB",
            Origin::Vietnamese => "VNM",
            Origin::British => "GBR",
            Origin::French => "FRA",
        }
    }

    /// Whether names need romanising (agencies then differ in spelling).
    pub fn transliterated(self) -> bool {
        !matches!(self, Origin::British | Origin::French | Origin::Albanian)
    }

    /// Nationalities people of this origin claim instead of their own (weights).
    /// `KURD` is an ethnicity written in the nationality field, not a country.
    pub fn claims(self) -> &'static [(&'static str, f64)] {
        match self {
            Origin::Afghan => &[("IRN", 0.6), ("PAK", 0.3), ("XXA", 0.1)],
            Origin::IraqiKurdish => &[("KURD", 0.5), ("IRN", 0.3), ("SYR", 0.2)],
            Origin::Iranian => &[("IRQ", 0.4), ("AFG", 0.3), ("KURD", 0.3)],
            Origin::Eritrean => &[("ETH", 0.6), ("SDN", 0.4)],
            Origin::Sudanese => &[("TCD", 0.4), ("SSD", 0.4), ("XXA", 0.2)],
            Origin::Syrian => &[("LBN", 0.3), ("IRQ", 0.3), ("XXA", 0.4)],
            Origin::Albanian => &[("XKX", 1.0)],
            Origin::Vietnamese => &[("CHN", 1.0)],
            Origin::British => &[("IRL", 1.0)],
            Origin::French => &[("DZA", 0.5), ("TUR", 0.5)],
        }
    }

    /// Where this origin's phones are registered (ISO2, weight).
    pub fn phone_regions(self) -> &'static [(&'static str, f64)] {
        match self {
            Origin::British => &[("GB", 0.9), ("FR", 0.1)],
            Origin::French => &[("FR", 0.85), ("BE", 0.15)],
            Origin::IraqiKurdish => &[("GB", 0.4), ("FR", 0.2), ("DE", 0.2), ("IQ", 0.2)],
            Origin::Afghan => &[("GB", 0.3), ("FR", 0.3), ("DE", 0.2), ("AF", 0.2)],
            _ => &[
                ("GB", 0.35),
                ("FR", 0.3),
                ("DE", 0.15),
                ("BE", 0.1),
                ("NL", 0.1),
            ],
        }
    }
}

/// How one nationality (or the Kurdish ethnicity) is written by each agency's language.
pub struct NationalityForms {
    pub code: &'static str,
    pub en: &'static str,
    pub fr_m: &'static str,
    pub fr_f: &'static str,
    pub fr_country: &'static str,
    pub de: &'static str,
    pub nl: &'static str,
}

const fn n(
    code: &'static str,
    en: &'static str,
    fr_m: &'static str,
    fr_f: &'static str,
    fr_country: &'static str,
    de: &'static str,
    nl: &'static str,
) -> NationalityForms {
    NationalityForms {
        code,
        en,
        fr_m,
        fr_f,
        fr_country,
        de,
        nl,
    }
}

pub static NATIONALITIES: &[NationalityForms] = &[
    n(
        "AFG",
        "Afghan",
        "afghan",
        "afghane",
        "Afghanistan",
        "afghanisch",
        "Afghaans",
    ),
    n(
        "IRQ",
        "Iraqi",
        "irakien",
        "irakienne",
        "Irak",
        "irakisch",
        "Iraaks",
    ),
    n(
        "IRN",
        "Iranian",
        "iranien",
        "iranienne",
        "Iran",
        "iranisch",
        "Iraans",
    ),
    n(
        "ERI",
        "Eritrean",
        "érythréen",
        "érythréenne",
        "Érythrée",
        "eritreisch",
        "Eritrees",
    ),
    n(
        "SDN",
        "Sudanese",
        "soudanais",
        "soudanaise",
        "Soudan",
        "sudanesisch",
        "Soedanees",
    ),
    n(
        "SYR", "Syrian", "syrien", "syrienne", "Syrie", "syrisch", "Syrisch",
    ),
    n(
        "ALB",
        "Albanian",
        "albanais",
        "albanaise",
        "Albanie",
        "albanisch",
        "Albanees",
    ),
    n(
        "VNM",
        "Vietnamese",
        "vietnamien",
        "vietnamienne",
        "Viêt Nam",
        "vietnamesisch",
        "Vietnamees",
    ),
    n(
        "GBR",
        "British",
        "britannique",
        "britannique",
        "Royaume-Uni",
        "britisch",
        "Brits",
    ),
    n(
        "FRA",
        "French",
        "français",
        "française",
        "France",
        "französisch",
        "Frans",
    ),
    n(
        "PAK",
        "Pakistani",
        "pakistanais",
        "pakistanaise",
        "Pakistan",
        "pakistanisch",
        "Pakistaans",
    ),
    n(
        "ETH",
        "Ethiopian",
        "éthiopien",
        "éthiopienne",
        "Éthiopie",
        "äthiopisch",
        "Ethiopisch",
    ),
    n(
        "TCD",
        "Chadian",
        "tchadien",
        "tchadienne",
        "Tchad",
        "tschadisch",
        "Tsjadisch",
    ),
    n(
        "SSD",
        "South Sudanese",
        "sud-soudanais",
        "sud-soudanaise",
        "Soudan du Sud",
        "südsudanesisch",
        "Zuid-Soedanees",
    ),
    n(
        "LBN",
        "Lebanese",
        "libanais",
        "libanaise",
        "Liban",
        "libanesisch",
        "Libanees",
    ),
    n(
        "XKX",
        "Kosovan",
        "kosovar",
        "kosovare",
        "Kosovo",
        "kosovarisch",
        "Kosovaars",
    ),
    n(
        "CHN",
        "Chinese",
        "chinois",
        "chinoise",
        "Chine",
        "chinesisch",
        "Chinees",
    ),
    n(
        "IRL",
        "Irish",
        "irlandais",
        "irlandaise",
        "Irlande",
        "irisch",
        "Iers",
    ),
    n(
        "DZA",
        "Algerian",
        "algérien",
        "algérienne",
        "Algérie",
        "algerisch",
        "Algerijns",
    ),
    n(
        "TUR",
        "Turkish",
        "turc",
        "turque",
        "Turquie",
        "türkisch",
        "Turks",
    ),
    n(
        "XXA",
        "Stateless",
        "apatride",
        "apatride",
        "apatride",
        "staatenlos",
        "staatloos",
    ),
    n(
        "KURD",
        "Kurdish",
        "kurde",
        "kurde",
        "Kurdistan",
        "kurdisch",
        "Koerdisch",
    ),
];

pub fn nationality_forms(code: &str) -> &'static NationalityForms {
    NATIONALITIES
        .iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no nationality forms for {code}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_claim_and_origin_has_written_forms() {
        for (origin, _) in NETWORK_ORIGINS {
            nationality_forms(origin.nationality());
            for (code, _) in origin.claims() {
                nationality_forms(code);
            }
        }
        nationality_forms("GBR");
        nationality_forms("FRA");
    }
}
