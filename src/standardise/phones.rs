//! Phone numbers to E.164, with the writer's default region for national formats.
//!
//! Accepted: `+44 7700 900123`, `0044 7700 900123`, `+44 (0)7700 900123`, national
//! `07700 900123` with a default region (GB), `06 12 34 56 78` (FR), `0151/23456789` (DE),
//! `0470 12 34 56` (BE), `06-12345678` (NL); several numbers in one field separated by
//! `;`, `,`, `/` (when followed by a new number) or ` or `/` ou `/` oder `.
//! The number of digits is checked for the cell's regions and the common origin countries;
//! elsewhere E.164's 8–15 digits. Rejected numbers and placeholders (`00 00 00 00 00`)
//! are reported, never silently dropped.

use unicode_normalization::UnicodeNormalization;

use super::quote;

/// (ISO2 region, calling code, minimum and maximum national significant number length).
const REGIONS: &[(&str, &str, usize, usize)] = &[
    ("GB", "44", 9, 10),
    ("FR", "33", 9, 9),
    ("DE", "49", 6, 13),
    ("BE", "32", 8, 9),
    ("NL", "31", 9, 9),
    ("IE", "353", 7, 9),
    ("IQ", "964", 8, 10),
    ("AF", "93", 9, 9),
    ("IR", "98", 10, 10),
    ("SY", "963", 8, 9),
    ("ER", "291", 7, 7),
    ("SD", "249", 9, 9),
    ("AL", "355", 8, 9),
    ("VN", "84", 9, 10),
    ("TR", "90", 10, 10),
    ("IT", "39", 6, 11),
    ("ES", "34", 9, 9),
];

pub fn calling_code(region: &str) -> Option<&'static str> {
    REGIONS
        .iter()
        .find(|(r, ..)| r.eq_ignore_ascii_case(region))
        .map(|(_, cc, ..)| *cc)
}

/// Checks the national number length for a known calling code; E.164 bounds otherwise.
fn plausible(digits: &str) -> bool {
    if !(8..=15).contains(&digits.len()) {
        return false;
    }
    for (_, cc, min, max) in REGIONS {
        if let Some(nsn) = digits.strip_prefix(cc) {
            return (*min..=*max).contains(&nsn.len());
        }
    }
    true
}

/// One number to E.164 (`+` and digits), or the reason it cannot be.
pub fn to_e164(text: &str, default_region: Option<&str>) -> Result<String, String> {
    // NFKC turns full-width digits into ASCII; "(0)" is the UK habit of showing the trunk
    // prefix inside an international number.
    let text: String = if text.is_ascii() {
        text.replace("(0)", "")
    } else {
        text.nfkc().collect::<String>().replace("(0)", "")
    };
    let trimmed = text.trim();
    let mut digits: String = String::with_capacity(trimmed.len());
    for c in trimmed.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        }
    }
    if digits.is_empty() {
        return Err(format!("phone: '{}' has no digits", quote(trimmed)));
    }
    if digits.chars().all(|c| c == '0') {
        return Err(format!("phone: '{}' is a placeholder", quote(trimmed)));
    }
    let international = if trimmed.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_string()
    } else if let Some(rest) = digits.strip_prefix('0') {
        match default_region.and_then(calling_code) {
            Some(cc) => format!("{cc}{rest}"),
            None => {
                return Err(format!(
                    "phone: '{}' is a national number and the source has no default region",
                    quote(trimmed)
                ))
            }
        }
    } else if plausible(&digits) && digits.len() >= 11 {
        digits // written without '+': already international
    } else {
        match default_region.and_then(calling_code) {
            Some(cc) => format!("{cc}{digits}"),
            None => digits,
        }
    };
    if plausible(&international) {
        Ok(format!("+{international}"))
    } else {
        Err(format!(
            "phone: '{}' has the wrong number of digits for E.164",
            quote(trimmed)
        ))
    }
}

/// Splits a phone field into numbers and normalises each: (E.164 numbers, issues).
pub fn parse_phones(
    text: Option<&str>,
    default_region: Option<&str>,
) -> (Vec<String>, Vec<String>) {
    let Some(text) = text.filter(|t| !t.trim().is_empty()) else {
        return (Vec::new(), Vec::new());
    };
    let mut normalised = text.to_string();
    if text.chars().any(|c| c.is_alphabetic()) {
        normalised = normalised.to_lowercase();
        for word in [" or ", " ou ", " oder ", " of "] {
            normalised = normalised.replace(word, ";");
        }
    }
    let mut phones = Vec::new();
    let mut issues = Vec::new();
    for part in normalised.split([';', ',', '|', '\n']) {
        // '/' separates two numbers only when the right side looks like a whole number;
        // otherwise it is the German area-code separator (0151/23456789).
        let pieces: Vec<&str> = match part.split_once('/') {
            Some((a, b)) if b.trim_start().starts_with(['+', '0']) && a.trim().len() > 6 => {
                vec![a, b]
            }
            _ => vec![part],
        };
        for piece in pieces {
            if piece.trim().is_empty() {
                continue;
            }
            match to_e164(piece, default_region) {
                Ok(p) => {
                    if !phones.contains(&p) {
                        phones.push(p);
                    }
                }
                Err(e) => issues.push(e),
            }
        }
    }
    (phones, issues)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_quote_long_values_briefly() {
        let (numbers, issues) = parse_phones(Some(&"0".repeat(1_000_000)), Some("FR"));
        assert!(numbers.is_empty());
        assert!(issues[0].len() < 120, "{}", issues[0]);
    }

    #[test]
    fn formats_of_the_cell() {
        assert_eq!(
            to_e164("07700 900123", Some("GB")).unwrap(),
            "+447700900123"
        );
        assert_eq!(
            to_e164("+44 (0)7700 900123", None).unwrap(),
            "+447700900123"
        );
        assert_eq!(to_e164("0044 7700 900123", None).unwrap(), "+447700900123");
        assert_eq!(
            to_e164("06 12 34 56 78", Some("FR")).unwrap(),
            "+33612345678"
        );
        assert_eq!(
            to_e164("0151/23456789", Some("DE")).unwrap(),
            "+4915123456789"
        );
        assert_eq!(
            to_e164("0470 12 34 56", Some("BE")).unwrap(),
            "+32470123456"
        );
        assert_eq!(to_e164("06-12345678", Some("NL")).unwrap(), "+31612345678");
        assert_eq!(
            to_e164("+964 750 123 4567", Some("FR")).unwrap(),
            "+9647501234567"
        );
        assert_eq!(to_e164("447700900123", None).unwrap(), "+447700900123");
        assert_eq!(to_e164("7700900123", Some("GB")).unwrap(), "+447700900123");
        assert_eq!(
            to_e164("０７７００ ９００１２３", Some("GB")).unwrap(),
            "+447700900123"
        );
    }

    #[test]
    fn bad_numbers_are_reported() {
        assert!(to_e164("00 00 00 00 00", Some("FR"))
            .unwrap_err()
            .contains("placeholder"));
        assert!(to_e164("0612", Some("FR")).unwrap_err().contains("digits"));
        assert!(to_e164("06 12 34 56 78", None)
            .unwrap_err()
            .contains("default region"));
        assert!(to_e164("n/a", Some("FR"))
            .unwrap_err()
            .contains("no digits"));
        assert!(to_e164("+44 7700 900123 999 999", None).is_err());
    }

    #[test]
    fn several_numbers_in_one_field() {
        let (p, i) = parse_phones(Some("06 12 34 56 78 / +44 7700 900123; 0000"), Some("FR"));
        assert_eq!(p, vec!["+33612345678", "+447700900123"]);
        assert_eq!(i.len(), 1);
        let (p, _) = parse_phones(Some("0151/23456789 oder 0170 1234567"), Some("DE"));
        assert_eq!(p, vec!["+4915123456789", "+491701234567"]);
        assert_eq!(parse_phones(None, Some("GB")), (vec![], vec![]));
    }
}
