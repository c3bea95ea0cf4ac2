//! Case objects to canonical keys: phones to E.164 (the case's jurisdiction gives the
//! default region), boat hull identification numbers (ISO 10087), engine serials and
//! vehicle plates upper-cased without separators, IBANs checked with mod-97.
//!
//! Every object gets a status: `valid`, `invalid` (kept as evidence under its written
//! key, flagged: an IBAN failing its checksum, a hull number off the ISO layout) or
//! `unusable` (a placeholder such as `00 00 00 00 00`, or nothing to read): never used as
//! evidence, always reported.

use crate::standardise::phones::to_e164;
use crate::standardise::quote;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Valid,
    Invalid,
    Unusable,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Valid => "valid",
            Status::Invalid => "invalid",
            Status::Unusable => "unusable",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalisedObject {
    /// The canonical identity, `None` when the object cannot be used as evidence.
    pub key: Option<String>,
    pub status: Status,
    /// Why the object is not `valid`.
    pub reason: Option<String>,
}

impl NormalisedObject {
    fn valid(key: String) -> Self {
        NormalisedObject {
            key: Some(key),
            status: Status::Valid,
            reason: None,
        }
    }
    fn invalid(key: String, reason: String) -> Self {
        NormalisedObject {
            key: Some(key),
            status: Status::Invalid,
            reason: Some(reason),
        }
    }
    fn unusable(reason: String) -> Self {
        NormalisedObject {
            key: None,
            status: Status::Unusable,
            reason: Some(reason),
        }
    }
}

/// The phone region of a jurisdiction: the cell's own codes, or any ISO2 region.
pub fn jurisdiction_region(jurisdiction: &str) -> Option<&str> {
    match jurisdiction.trim() {
        "UK" | "GB" | "uk" | "gb" => Some("GB"),
        j if j.len() == 2 && j.is_ascii() => Some(j),
        _ => None,
    }
}

/// Upper-case ASCII letters and digits only: the layout-free form of serials and plates.
pub fn compact_upper(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Words officers type when the value is unknown, in the cell's languages.
const PLACEHOLDER_WORDS: [&str; 12] = [
    "UNKNOWN",
    "UNK",
    "NA",
    "NONE",
    "NIL",
    "INCONNU",
    "INCONNUE",
    "UNBEKANNT",
    "ONBEKEND",
    "NK",
    "XXX",
    "TBC",
];

/// A serial that carries no identity: one repeated character, too short, or a word for
/// "unknown".
fn placeholder_reason(compact: &str) -> Option<String> {
    if compact.len() < 4 {
        return Some(format!(
            "'{}' is too short to identify an object",
            quote(compact)
        ));
    }
    let first = compact.as_bytes()[0];
    if compact.bytes().all(|b| b == first) {
        return Some(format!("'{}' is a placeholder", quote(compact)));
    }
    if PLACEHOLDER_WORDS.contains(&compact) {
        return Some(format!("'{}' is a placeholder", quote(compact)));
    }
    None
}

/// ISO 13616 mod-97 check of a compact, upper-case IBAN.
pub fn iban_checksum_ok(compact: &str) -> bool {
    if compact.len() < 15 || compact.len() > 34 || !compact.is_ascii() {
        return false;
    }
    let bytes = compact.as_bytes();
    if !bytes[..2].iter().all(u8::is_ascii_uppercase) || !bytes[2..4].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let rearranged = bytes[4..].iter().chain(&bytes[..4]);
    let mut rem: u32 = 0;
    for &b in rearranged {
        rem = match b {
            b'0'..=b'9' => (rem * 10 + u32::from(b - b'0')) % 97,
            b'A'..=b'Z' => (rem * 100 + u32::from(b - b'A') + 10) % 97,
            _ => return false,
        };
    }
    rem == 1
}

fn iban(text: &str) -> NormalisedObject {
    let compact = compact_upper(text);
    if let Some(reason) = placeholder_reason(&compact) {
        return NormalisedObject::unusable(format!("iban: {reason}"));
    }
    if iban_checksum_ok(&compact) {
        NormalisedObject::valid(compact)
    } else {
        let reason = format!(
            "iban: '{}' fails the mod-97 checksum (a typo?)",
            quote(&compact)
        );
        NormalisedObject::invalid(compact, reason)
    }
}

/// ISO 10087: country (2 letters), manufacturer (3), serial (5), month of production
/// (A–L), year of production (1 digit), model year (2 digits): 14 characters.
pub fn hin_layout_ok(compact: &str) -> bool {
    let b = compact.as_bytes();
    b.len() == 14
        && b[..2].iter().all(u8::is_ascii_uppercase)
        && b[2..5].iter().all(u8::is_ascii_alphanumeric)
        && b[5..10].iter().all(u8::is_ascii_alphanumeric)
        && (b'A'..=b'L').contains(&b[10])
        && b[11..].iter().all(u8::is_ascii_digit)
}

fn hull(text: &str) -> NormalisedObject {
    let compact = compact_upper(text);
    if let Some(reason) = placeholder_reason(&compact) {
        return NormalisedObject::unusable(format!("boat: {reason}"));
    }
    if hin_layout_ok(&compact) {
        NormalisedObject::valid(compact)
    } else {
        let reason = format!(
            "boat: '{}' is not an ISO 10087 hull number layout",
            quote(&compact)
        );
        NormalisedObject::invalid(compact, reason)
    }
}

fn serial(kind: &str, text: &str) -> NormalisedObject {
    let compact = compact_upper(text);
    match placeholder_reason(&compact) {
        Some(reason) => NormalisedObject::unusable(format!("{kind}: {reason}")),
        None => NormalisedObject::valid(compact),
    }
}

fn phone(text: &str, region: Option<&str>) -> NormalisedObject {
    match to_e164(text, region) {
        Ok(e164) => NormalisedObject::valid(e164),
        Err(reason) => NormalisedObject::unusable(reason),
    }
}

/// Normalises one object written in a case of `jurisdiction`. Unknown object types are
/// compared on their compact upper-case form.
pub fn normalise_object(
    object_type: &str,
    value: Option<&str>,
    jurisdiction: Option<&str>,
) -> NormalisedObject {
    let Some(value) = value.filter(|v| !v.trim().is_empty()) else {
        return NormalisedObject::unusable(format!("{object_type}: empty value"));
    };
    match object_type {
        "phone" => phone(value, jurisdiction.and_then(jurisdiction_region)),
        "iban" | "account" => iban(value),
        "boat" | "hin" => hull(value),
        other => serial(other, value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ibans_are_checked_with_mod_97() {
        let ok = normalise_object("iban", Some("gb82 west 1234 5698 7654 32"), None);
        assert_eq!(ok.key.as_deref(), Some("GB82WEST12345698765432"));
        assert_eq!(ok.status, Status::Valid);
        let typo = normalise_object("iban", Some("GB82 WEST 1234 5698 7654 33"), None);
        assert_eq!(typo.status, Status::Invalid);
        assert_eq!(typo.key.as_deref(), Some("GB82WEST12345698765433"));
        assert!(typo.reason.unwrap().contains("mod-97"));
        assert!(iban_checksum_ok("DE89370400440532013000"));
        assert!(iban_checksum_ok("FR1420041010050500013M02606"));
        assert!(!iban_checksum_ok("DE8937040044053201300"));
    }

    #[test]
    fn hull_numbers_follow_iso_10087() {
        let ok = normalise_object("boat", Some("fr-abc 12345 d8 18"), None);
        assert_eq!(ok.key.as_deref(), Some("FRABC12345D818"));
        assert_eq!(ok.status, Status::Valid);
        let bad = normalise_object("boat", Some("FR-ABC12345Z818"), None);
        assert_eq!(bad.status, Status::Invalid);
    }

    #[test]
    fn phones_use_the_jurisdiction_region() {
        let fr = normalise_object("phone", Some("06 12 34 56 78"), Some("FR"));
        assert_eq!(fr.key.as_deref(), Some("+33612345678"));
        let uk = normalise_object("phone", Some("07700 900123"), Some("UK"));
        assert_eq!(uk.key.as_deref(), Some("+447700900123"));
        let zero = normalise_object("phone", Some("00 00 00 00 00"), Some("FR"));
        assert_eq!(zero.status, Status::Unusable);
        assert_eq!(zero.key, None);
    }

    #[test]
    fn serials_and_plates_lose_their_layout_and_placeholders_are_unusable() {
        let e = normalise_object("engine", Some("6ah-1234567"), None);
        assert_eq!(e.key.as_deref(), Some("6AH1234567"));
        let p = normalise_object("vehicle", Some("ab-123-cd"), None);
        assert_eq!(p.key.as_deref(), Some("AB123CD"));
        for junk in ["000000", "n/a", "inconnu", "  ", "x"] {
            let o = normalise_object("engine", Some(junk), None);
            assert_eq!(o.status, Status::Unusable, "{junk}");
        }
        assert_eq!(
            normalise_object("engine", None, None).status,
            Status::Unusable
        );
    }
}
