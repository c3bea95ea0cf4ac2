//! Case objects (phones, boat hull numbers, engine serials, vehicle plates, IBANs):
//! generated in a canonical form and written the way each jurisdiction writes them.

use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// Jurisdictions of the cell, with the ISO2 region their phones default to.
pub const JURISDICTIONS: [&str; 5] = ["UK", "FR", "DE", "BE", "NL"];

pub fn home_region(jurisdiction: &str) -> &'static str {
    match jurisdiction {
        "UK" => "GB",
        "FR" => "FR",
        "DE" => "DE",
        "BE" => "BE",
        _ => "NL",
    }
}

const DIGITS: &[u8] = b"0123456789";
const LETTERS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ";

fn digits(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| *DIGITS.choose(rng).unwrap() as char)
        .collect()
}

fn letters(rng: &mut ChaCha8Rng, n: usize) -> String {
    (0..n)
        .map(|_| *LETTERS.choose(rng).unwrap() as char)
        .collect()
}

/// A phone number: calling code and national significant number (no trunk prefix).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone {
    pub region: &'static str,
    pub nsn: String,
}

fn calling_code(region: &str) -> &'static str {
    match region {
        "GB" => "44",
        "FR" => "33",
        "DE" => "49",
        "BE" => "32",
        "NL" => "31",
        "IQ" => "964",
        _ => "93",
    }
}

impl Phone {
    pub fn random(rng: &mut ChaCha8Rng, region: &'static str) -> Phone {
        let nsn = match region {
            "GB" => format!("7{}", digits(rng, 9)),
            "FR" => format!("{}{}", ["6", "7"].choose(rng).unwrap(), digits(rng, 8)),
            "DE" => format!(
                "1{}{}",
                ["51", "52", "60", "62", "70", "76"].choose(rng).unwrap(),
                digits(rng, 8)
            ),
            "BE" => format!(
                "4{}{}",
                ["7", "8", "9"].choose(rng).unwrap(),
                digits(rng, 7)
            ),
            "NL" => format!("6{}", digits(rng, 8)),
            "IQ" => format!(
                "7{}{}",
                ["5", "7", "8"].choose(rng).unwrap(),
                digits(rng, 8)
            ),
            _ => format!("7{}", digits(rng, 8)),
        };
        Phone { region, nsn }
    }

    pub fn e164(&self) -> String {
        format!("+{}{}", calling_code(self.region), self.nsn)
    }

    fn grouped(&self) -> String {
        let s = &self.nsn;
        let cut = |parts: &[usize]| -> String {
            let mut out = Vec::new();
            let mut at = 0;
            for &p in parts {
                if at >= s.len() {
                    break;
                }
                let end = (at + p).min(s.len());
                out.push(&s[at..end]);
                at = end;
            }
            if at < s.len() {
                out.push(&s[at..]);
            }
            out.join(" ")
        };
        match self.region {
            "GB" => cut(&[4, 6]),
            "FR" => cut(&[1, 2, 2, 2, 2]),
            "DE" => cut(&[3]),
            "BE" => cut(&[3, 2, 2, 2]),
            "NL" => cut(&[1, 8]),
            "IQ" => cut(&[3, 3, 4]),
            _ => cut(&[2, 3, 4]),
        }
    }

    /// The number as an officer in `jurisdiction` writes it: national format for home
    /// numbers, one of several international styles otherwise. `compact` forces E.164.
    pub fn written(&self, rng: &mut ChaCha8Rng, jurisdiction: &str, compact: bool) -> String {
        if compact {
            return self.e164();
        }
        let home = home_region(jurisdiction);
        if self.region == home && rng.random_bool(0.85) {
            let s = &self.nsn;
            return match home {
                "GB" => format!("0{} {}", &s[..4], &s[4..]),
                "FR" => pairs(&format!("0{s}"), 2),
                "DE" => {
                    let sep = if rng.random_bool(0.5) { "/" } else { " " };
                    format!("0{}{}{}", &s[..3], sep, &s[3..])
                }
                "BE" => pairs(&format!("0{s}"), 4),
                _ => format!("0{}-{}", &s[..1], &s[1..]),
            };
        }
        match rng.random_range(0..3) {
            0 => format!("+{} {}", calling_code(self.region), self.grouped()),
            1 => format!("00{}{}", calling_code(self.region), self.nsn),
            _ => self.e164(),
        }
    }
}

/// `head` characters, then the rest in pairs: "0612345678" -> "06 12 34 56 78".
fn pairs(s: &str, head: usize) -> String {
    let mut out = s[..head].to_string();
    for chunk in s.as_bytes()[head..].chunks(2) {
        out.push(' ');
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
    }
    out
}

/// Boat hull identification number (ISO 10087): country, manufacturer code, serial,
/// month and year of production, model year. Canonical form: 14 characters, no separators.
pub fn random_hin(rng: &mut ChaCha8Rng) -> String {
    let country = ["FR", "DE", "IT", "TR", "CN", "GB"].choose(rng).unwrap();
    let month = (b'A' + rng.random_range(0..12u8)) as char;
    let year: u32 = rng.random_range(18..25);
    format!(
        "{country}{}{}{}{}{}{:02}",
        letters(rng, 3),
        letters(rng, 1),
        digits(rng, 4),
        month,
        year % 10,
        year
    )
}

pub fn written_hin(rng: &mut ChaCha8Rng, hin: &str, jurisdiction: &str) -> String {
    let (cc, rest) = hin.split_at(2);
    let style = match jurisdiction {
        "UK" => [0, 0, 1, 2].choose(rng).copied().unwrap(),
        "FR" => [0, 3, 3, 2].choose(rng).copied().unwrap(),
        _ => [1, 1, 0, 2].choose(rng).copied().unwrap(),
    };
    match style {
        0 => format!("{cc}-{rest}"),
        1 => hin.to_string(),
        2 => format!("{cc}-{rest}").to_lowercase(),
        _ => format!("{cc}-{} {} {}", &rest[..3], &rest[3..8], &rest[8..]),
    }
}

/// Outboard engine serial: model code then serial digits. Canonical: no separators.
pub fn random_engine_serial(rng: &mut ChaCha8Rng) -> String {
    let model = ["6AH", "6BL", "6CJ", "F40", "3C8", "6EK"]
        .choose(rng)
        .unwrap();
    format!("{model}{}", digits(rng, 7))
}

pub fn written_engine(rng: &mut ChaCha8Rng, serial: &str) -> String {
    let (model, num) = serial.split_at(3);
    match rng.random_range(0..4) {
        0 => format!("{model}-{num}"),
        1 => format!("{model} {num}"),
        2 => serial.to_lowercase(),
        _ => serial.to_string(),
    }
}

/// A vehicle plate in its country's layout; canonical form is upper-case alphanumerics.
pub fn random_plate(rng: &mut ChaCha8Rng, country: &str) -> String {
    match country {
        "GB" => format!("{}{} {}", letters(rng, 2), digits(rng, 2), letters(rng, 3)),
        "FR" => format!("{}-{}-{}", letters(rng, 2), digits(rng, 3), letters(rng, 2)),
        "DE" => {
            let district = ["B", "HH", "K", "D", "DU", "E"].choose(rng).unwrap();
            format!(
                "{district}-{} {}",
                letters(rng, 2),
                rng.random_range(10..9999)
            )
        }
        "BE" => format!("1-{}-{}", letters(rng, 3), digits(rng, 3)),
        _ => format!("{}-{}-{}", digits(rng, 2), letters(rng, 3), digits(rng, 1)),
    }
}

pub fn canonical_plate(plate: &str) -> String {
    plate
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

pub fn written_plate(rng: &mut ChaCha8Rng, plate: &str) -> String {
    match rng.random_range(0..5) {
        0 => canonical_plate(plate),
        1 => plate.to_lowercase(),
        2 => plate.replace('-', " "),
        _ => plate.to_string(),
    }
}

/// ISO 13616 check digits for a country code and BBAN.
pub fn iban_check_digits(country: &str, bban: &str) -> u32 {
    98 - iban_mod97(&format!("{bban}{country}00"))
}

fn iban_mod97(rearranged: &str) -> u32 {
    let mut rem: u32 = 0;
    for c in rearranged.chars() {
        let v = if c.is_ascii_digit() {
            c as u32 - '0' as u32
        } else {
            c.to_ascii_uppercase() as u32 - 'A' as u32 + 10
        };
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem
}

/// Whether an IBAN (any spacing or case) passes the mod-97 check.
pub fn iban_is_valid(iban: &str) -> bool {
    let compact: String = iban.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.len() < 5 || !compact.is_ascii() {
        return false;
    }
    let (head, bban) = compact.split_at(4);
    iban_mod97(&format!("{bban}{head}")) == 1
}

pub fn random_iban(rng: &mut ChaCha8Rng, country: &str) -> String {
    let bban = match country {
        "GB" => format!("{}{}", letters(rng, 4), digits(rng, 14)),
        "FR" => format!("{}{}", digits(rng, 10), digits(rng, 13)),
        "DE" => digits(rng, 18),
        "BE" => digits(rng, 12),
        _ => format!("{}{}", letters(rng, 4), digits(rng, 10)),
    };
    format!("{country}{:02}{bban}", iban_check_digits(country, &bban))
}

/// Corrupts one digit of the BBAN so the checksum fails (a clerical typo).
pub fn typo_iban(rng: &mut ChaCha8Rng, iban: &str) -> String {
    let mut chars: Vec<char> = iban.chars().collect();
    let positions: Vec<usize> = (4..chars.len())
        .filter(|&i| chars[i].is_ascii_digit())
        .collect();
    let &at = positions.choose(rng).unwrap();
    let old = chars[at];
    let new = loop {
        let d = *DIGITS.choose(rng).unwrap() as char;
        if d != old {
            break d;
        }
    };
    chars[at] = new;
    chars.into_iter().collect()
}

pub fn written_iban(rng: &mut ChaCha8Rng, iban: &str) -> String {
    if rng.random_bool(0.5) {
        iban.as_bytes()
            .chunks(4)
            .map(|c| std::str::from_utf8(c).unwrap())
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        iban.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn known_iban_validates() {
        // The ISO 13616 example IBAN.
        assert!(iban_is_valid("GB82 WEST 1234 5698 7654 32"));
        assert!(!iban_is_valid("GB82 WEST 1234 5698 7654 33"));
    }

    #[test]
    fn generated_ibans_validate_and_typos_do_not() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for country in ["GB", "FR", "DE", "BE", "NL"] {
            for _ in 0..200 {
                let iban = random_iban(&mut rng, country);
                assert!(iban_is_valid(&iban), "{iban}");
                assert!(iban_is_valid(&written_iban(&mut rng, &iban)));
                assert!(!iban_is_valid(&typo_iban(&mut rng, &iban)));
            }
        }
    }

    #[test]
    fn hin_has_iso_10087_shape() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..100 {
            let hin = random_hin(&mut rng);
            assert_eq!(hin.len(), 14, "{hin}");
            let written = written_hin(&mut rng, &hin, "FR");
            let canon: String = written
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_uppercase();
            assert_eq!(canon, hin);
        }
    }

    #[test]
    fn written_phones_keep_their_digits() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for region in ["GB", "FR", "DE", "BE", "NL", "IQ", "AF"] {
            for j in JURISDICTIONS {
                let p = Phone::random(&mut rng, region);
                let w = p.written(&mut rng, j, false);
                let d: String = w.chars().filter(|c| c.is_ascii_digit()).collect();
                assert!(d.ends_with(&p.nsn), "{w} vs {}", p.e164());
            }
        }
    }
}
