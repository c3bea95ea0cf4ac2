//! Nationality field → ISO 3166-1 alpha-3.
//!
//! Police and immigration agencies in the UK, France, Germany, Belgium and the Netherlands
//! write the nationality field in their own language and style. [`parse_nationality`] maps
//! every such form to one ISO 3166-1 alpha-3 code, or to the ICAO 9303 codes `XXA`
//! (stateless) and `XXX` (unknown / unspecified).
//!
//! # Coverage
//!
//! * Every ISO 3166-1 country (249 rows) by alpha-2, alpha-3 and English short name, in any
//!   case, plus `XKX` Kosovo (user-assigned code, also `XK`, `RKS`, `KOS`), the ICAO British
//!   codes `GBD`/`GBN`/`GBO`/`GBP`/`GBS` (→ `GBR`), `D` (→ `DEU`), `UK` and the retired codes
//!   `ROM`, `ZAR`, `TMP`.
//! * English demonyms for nearly every country; for about 160 countries also French
//!   adjectives (masculine, feminine and both plurals are derived) and country names, German
//!   adjectives (stem plus the endings -e, -er, -en, -es are derived), nouns and country names,
//!   and Dutch adjectives (the -e form is derived: `Chinees` → `Chinese`) and country names.
//! * Stateless (`stateless`, `apatride`, `staatenlos`, `staatloos`, …) → `XXA`; unknown
//!   (`unknown`, `inconnu(e)`, `unbekannt`, `onbekend`, `non déterminée`, `ungeklärt`, `n/a`,
//!   `XXX`, …) → `XXX`, neither with an issue.
//!
//! # Rules
//!
//! 1. Missing input, blank input, or input made only of ASCII punctuation (`-`, `?`, `/`)
//!    gives `code: None`. Everything else gives `Some(code)`.
//! 2. The text is folded with `deunicode` (accents dropped, `ß` → `ss`), lower-cased, and
//!    every run of spaces, hyphens, dots and apostrophes becomes one space; runs of single
//!    letters are joined (`U.K.` → `uk`). German umlauts are also accepted spelled out
//!    (`aethiopisch`, `Tuerkei`). `/ , ; | + ( ) [ ]` and line breaks mark where a second
//!    nationality may start; `&` reads as `and`.
//! 3. The whole folded text is looked up first (so `Korea, Republic of` and
//!    `Trinidad & Tobago` work); then words such as `nationality`, `nationalité`, `citizen`,
//!    `ressortissant`, `Staatsangehörigkeit`, `se disant`, `claimed`, `déclaré(e)` are
//!    stripped from both ends and the rest looked up again.
//! 4. Kurdish words (`Kurdish`, `kurde`, `kurdisch`, `Koerdisch`, `Kurdistan`, …) set
//!    `kurdish`; the code is the country also given (`Kurde irakien`, `Iraqi Kurdistan` →
//!    `IRQ`) or `XXX`. Either way an issue says the value names an ethnicity.
//! 5. Several nationalities (`Iraqi / Iranian`, `irakien, iranien`, `Syrian and Lebanese`):
//!    the first real country wins (stateless / unknown parts only win when no country is
//!    given); the issue lists the others.
//! 6. Misspellings: when nothing matched exactly and the folded text has at least 5
//!    characters, the lexicon key at the smallest Damerau-Levenshtein (optimal string
//!    alignment) distance is taken if that distance is ≤ 1 (5–7 characters) or ≤ 2
//!    (8 or more) and every key at that distance names the same country; a tie gives `XXX`.
//!    The issue says `read as IRQ (closest known spelling)`.
//! 7. Last resort: a word of at least 4 letters that is a known form
//!    (`Iraqi passport 2` → `IRQ`), with an issue.
//! 8. A few demonyms do not say which country: `Congolese` / `congolais` / `kongolesisch` →
//!    `COD` (could be `COG`), `Korean` / `Corée` → `KOR` (could be `PRK`), English `Dominican`
//!    → `DOM` (could be `DMA`), `NA` → `NAM` (could mean "not available"); each with an
//!    issue. `Congo` alone is `COG`, its ISO name.
//!
//! The lexicon (about 3,900 keys) is built once (`OnceLock`). A clean exact hit allocates one
//! `String` (the folded text). Only the first 8 separators split the value; pathological
//! inputs (10 MB, emoji, control characters, any script) are handled in linear time and never
//! panic.

use std::collections::HashMap;
use std::sync::OnceLock;

use rapidfuzz::distance::osa;

use super::quote;

mod data;

use data::{
    CONJUNCTIONS, EXTRA_NAMES, FILLERS, FORMS, ISO, KURD_WORDS, NOT_AVAILABLE, PREFIXES, SPECIAL,
};

/// A parsed nationality field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedNationality {
    /// ISO 3166-1 alpha-3, or `XXA` stateless / `XXX` unknown (ICAO 9303), or `XKX` Kosovo.
    /// `None` only when the input is missing or blank.
    pub code: Option<&'static str>,
    /// The value names the Kurdish ethnicity (alone or together with a country).
    pub kurdish: bool,
    /// What was unusual about the value, for a data-quality report.
    pub issue: Option<String>,
}

/// English short name for an ISO 3166-1 alpha-3 code (any case), for display. Also knows
/// `XKX` (Kosovo), `XXA` (Stateless) and `XXX` (Unknown).
pub fn country_name(code: &str) -> Option<&'static str> {
    let code = code.trim();
    if code.len() != 3 {
        return None;
    }
    ISO.iter()
        .find(|(_, a3, _)| a3.eq_ignore_ascii_case(code))
        .map(|&(_, _, name)| name)
        .or_else(|| {
            EXTRA_NAMES
                .iter()
                .find(|(a3, _)| a3.eq_ignore_ascii_case(code))
                .map(|&(_, name)| name)
        })
}

/// Parse a nationality field as written by UK, French, German, Belgian or Dutch agencies.
pub fn parse_nationality(text: Option<&str>) -> ParsedNationality {
    let Some(raw) = text else {
        return blank();
    };
    let trimmed = raw.trim();
    if trimmed.is_empty()
        || trimmed
            .chars()
            .all(|c| c.is_ascii_punctuation() || c.is_whitespace())
    {
        return blank();
    }
    if trimmed.len() <= 8
        && NOT_AVAILABLE
            .iter()
            .any(|na| na.eq_ignore_ascii_case(trimmed))
    {
        return found(UNKNOWN, false, None);
    }
    let lex = lexicon();
    let norm = normalise(trimmed);
    let s = norm.text.as_str();

    // Fast path: the whole folded text is a key.
    if let Some(code) = lex.get(s) {
        let part = Part::hit(s, code, false);
        return combine(raw, &[part]);
    }
    if s.is_empty() {
        return combine(raw, &[Part::unknown(s, None)]);
    }

    let mut parts: Vec<Part> = Vec::new();
    if norm.n_cuts == 0 {
        resolve_part(lex, s, &mut parts);
    } else {
        match resolve_simple(lex, s) {
            Simple::Miss { .. } => {
                let mut start = 0;
                for &cut in &norm.cuts[..norm.n_cuts] {
                    resolve_part(lex, s[start..cut].trim(), &mut parts);
                    start = cut + 1;
                }
                resolve_part(lex, s[start.min(s.len())..].trim(), &mut parts);
            }
            simple => push_simple(simple, s, &mut parts),
        }
    }
    combine(raw, &parts)
}

// ---------------------------------------------------------------------------------------
// Resolution
// ---------------------------------------------------------------------------------------

const STATELESS: &str = "XXA";
const UNKNOWN: &str = "XXX";
/// Pseudo-code in the lexicon for Kurdish words; never returned.
const KURD: &str = "KURD";

/// Longest text the fuzzy matcher looks at (the DP rows live on the stack).
const ROW: usize = 64;
/// Iteration caps so that pathological 10 MB inputs stay linear.
const MAX_STRIP: usize = 16;
const MAX_PIECES: usize = 8;
const MAX_WORDS: usize = 32;

fn blank() -> ParsedNationality {
    ParsedNationality {
        code: None,
        kurdish: false,
        issue: None,
    }
}

fn found(code: &'static str, kurdish: bool, issue: Option<String>) -> ParsedNationality {
    ParsedNationality {
        code: Some(code),
        kurdish,
        issue,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Via<'a> {
    Exact,
    Fuzzy,
    Word(&'a str),
    Ambiguous(&'static str),
}

/// One nationality-like piece of the field.
#[derive(Debug, Clone, Copy)]
struct Part<'a> {
    /// The folded text this part was read from.
    text: &'a str,
    /// A real code, `XXA` or `XXX`; `None` for Kurdish-only or unrecognised text.
    code: Option<&'static str>,
    kurdish: bool,
    /// Text that matched nothing.
    unknown: bool,
    via: Via<'a>,
    /// Unrecognised because two countries were equally near.
    tie: Option<(&'static str, &'static str)>,
}

impl<'a> Part<'a> {
    fn with(text: &'a str, code: &'static str, kurdish: bool, via: Via<'a>) -> Self {
        let is_kurd = code == KURD;
        Part {
            text,
            code: (!is_kurd).then_some(code),
            kurdish: kurdish || is_kurd,
            unknown: false,
            via,
            tie: None,
        }
    }

    /// An exact lexicon hit on `key`.
    fn hit(key: &'a str, code: &'static str, kurdish: bool) -> Self {
        let via = ambiguity(key).map_or(Via::Exact, Via::Ambiguous);
        Part::with(key, code, kurdish, via)
    }

    fn kurd_only(text: &'a str) -> Self {
        Part::with(text, KURD, true, Via::Exact)
    }

    fn unknown(text: &'a str, tie: Option<(&'static str, &'static str)>) -> Self {
        Part {
            text,
            code: None,
            kurdish: false,
            unknown: true,
            via: Via::Exact,
            tie,
        }
    }
}

/// Result of an exact lookup after stripping filler and Kurdish words.
enum Simple<'a> {
    Hit {
        code: &'static str,
        kurdish: bool,
        key: &'a str,
    },
    /// Nothing left after stripping (only filler and / or Kurdish words).
    Empty {
        kurdish: bool,
    },
    Miss {
        rest: &'a str,
        kurdish: bool,
    },
}

fn resolve_simple<'a>(lex: &Lexicon, p: &'a str) -> Simple<'a> {
    if let Some(code) = lex.get(p) {
        return Simple::Hit {
            code,
            kurdish: false,
            key: p,
        };
    }
    let q = strip_fillers(p);
    if q.is_empty() {
        return Simple::Empty { kurdish: false };
    }
    if q.len() != p.len() {
        if let Some(code) = lex.get(q) {
            return Simple::Hit {
                code,
                kurdish: false,
                key: q,
            };
        }
    }
    let (r, kurdish) = strip_kurdish(q);
    if kurdish {
        if r.is_empty() {
            return Simple::Empty { kurdish: true };
        }
        if let Some(code) = lex.get(r) {
            return Simple::Hit {
                code,
                kurdish: true,
                key: r,
            };
        }
    }
    Simple::Miss { rest: r, kurdish }
}

fn push_simple<'a>(simple: Simple<'a>, text: &'a str, parts: &mut Vec<Part<'a>>) {
    match simple {
        Simple::Hit { code, kurdish, key } => parts.push(Part::hit(key, code, kurdish)),
        Simple::Empty { kurdish: true } => parts.push(Part::kurd_only(text)),
        Simple::Empty { kurdish: false } => {}
        Simple::Miss { rest, kurdish } => {
            if kurdish {
                parts.push(Part::kurd_only(text));
            }
            parts.push(Part::unknown(rest, None));
        }
    }
}

/// Resolve one piece of the field (between separators) into one or more parts.
fn resolve_part<'a>(lex: &Lexicon, p: &'a str, parts: &mut Vec<Part<'a>>) {
    if p.is_empty() {
        return;
    }
    let rest = match resolve_simple(lex, p) {
        Simple::Miss { rest, kurdish } => {
            if kurdish {
                parts.push(Part::kurd_only(p));
            }
            rest
        }
        simple => return push_simple(simple, p, parts),
    };

    // Misspelling of a whole key.
    let mut tie = None;
    match nearest(lex, rest) {
        Near::Unique(code) => return parts.push(Part::with(rest, code, false, Via::Fuzzy)),
        Near::Tie(a, b) => tie = Some((a, b)),
        Near::Nothing => {}
    }

    // "irakisch und iranisch", "Syrian or Lebanese".
    if let Some(pieces) = split_conjunctions(rest) {
        let mut sub = Vec::with_capacity(pieces.len());
        let mut any = false;
        for piece in pieces {
            match resolve_simple(lex, piece) {
                // Two-letter keys (ISO alpha-2) between conjunctions are too often words.
                Simple::Hit { code, kurdish, key } if key.len() >= 3 || code == KURD => {
                    sub.push(Part::hit(key, code, kurdish));
                    any = true;
                }
                Simple::Empty { kurdish: true } => {
                    sub.push(Part::kurd_only(piece));
                    any = true;
                }
                Simple::Empty { kurdish: false } => {}
                Simple::Hit { key, .. } => sub.push(Part::unknown(key, None)),
                Simple::Miss { rest: r, kurdish } => {
                    if kurdish {
                        sub.push(Part::kurd_only(piece));
                        any = true;
                    }
                    match nearest(lex, r) {
                        Near::Unique(code) => {
                            sub.push(Part::with(r, code, false, Via::Fuzzy));
                            any = true;
                        }
                        Near::Tie(a, b) => sub.push(Part::unknown(r, Some((a, b)))),
                        Near::Nothing => sub.push(Part::unknown(r, None)),
                    }
                }
            }
        }
        if any {
            parts.extend(sub);
            return;
        }
    }

    // Last resort: one known word inside the text.
    let mut any = false;
    for word in rest.split(' ').take(MAX_WORDS) {
        if word.len() < 4 {
            continue;
        }
        if let Some(code) = lex.get(word) {
            if !parts.iter().any(|p| p.code == Some(code)) {
                parts.push(Part::with(word, code, false, Via::Word(word)));
            }
            any = true;
        }
    }
    if !any {
        parts.push(Part::unknown(rest, tie));
    }
}

/// Turn the parts into the answer and the issue text.
fn combine(raw: &str, parts: &[Part]) -> ParsedNationality {
    let kurdish = parts.iter().any(|p| p.kurdish);
    let is_real = |c: &str| c != STATELESS && c != UNKNOWN;
    let chosen = parts
        .iter()
        .find(|p| p.code.is_some_and(is_real))
        .or_else(|| parts.iter().find(|p| p.code == Some(STATELESS)))
        .or_else(|| parts.iter().find(|p| p.code == Some(UNKNOWN)));
    let code = chosen.and_then(|p| p.code).unwrap_or(UNKNOWN);

    let mut clauses: Vec<String> = Vec::new();
    match chosen {
        None if kurdish => {
            clauses.push("is an ethnicity, not a country".to_string());
            for p in parts.iter().filter(|p| p.kurdish && p.via == Via::Fuzzy) {
                clauses.push(format!(
                    "read '{}' as Kurdish (closest known spelling)",
                    p.text
                ));
            }
        }
        None => {
            let tie = parts.iter().find_map(|p| p.tie);
            clauses.push(match tie {
                Some((a, b)) => format!(
                    "is not a known nationality (as close to {a} as to {b}, so neither was chosen)"
                ),
                None => "is not a known nationality".to_string(),
            });
        }
        Some(p) => {
            if kurdish {
                if code == UNKNOWN {
                    clauses.push("is an ethnicity, not a country".to_string());
                } else {
                    clauses.push(format!(
                        "mixes an ethnicity (Kurdish) with a nationality; read as {code}"
                    ));
                }
            }
            match p.via {
                Via::Exact => {}
                Via::Fuzzy if parts.len() == 1 => {
                    clauses.push(format!("read as {code} (closest known spelling)"));
                }
                Via::Fuzzy => {
                    clauses.push(format!(
                        "read '{}' as {code} (closest known spelling)",
                        p.text
                    ));
                }
                Via::Word(w) => clauses.push(format!("read as {code} from the word '{w}'")),
                Via::Ambiguous(note) => {
                    clauses.push(format!("is ambiguous, read as {code}; {note}"));
                }
            }
        }
    }

    if chosen.is_some() {
        let mut others: Vec<&str> = Vec::new();
        for c in parts.iter().filter_map(|p| p.code) {
            if c != code && c != UNKNOWN && !others.contains(&c) {
                others.push(c);
            }
        }
        if !others.is_empty() {
            clauses.push(format!(
                "gives more than one nationality, kept {code}, ignored {}",
                others.join(", ")
            ));
        }
    }
    if chosen.is_some() || kurdish {
        for p in parts.iter().filter(|p| p.unknown) {
            clauses.push(format!(
                "part '{}' is not a known nationality, ignored",
                p.text
            ));
        }
    }

    let issue = (!clauses.is_empty())
        .then(|| format!("nationality: '{}' {}", quote(raw), clauses.join("; ")));
    found(code, kurdish, issue)
}

/// Notes for keys that do not say which of two countries is meant.
fn ambiguity(key: &str) -> Option<&'static str> {
    match key {
        "congolese" | "congolais" | "congolaise" | "congolaises" | "kongolesisch"
        | "kongolesische" | "kongolesischer" | "kongolesischen" | "kongolesisches"
        | "kongolese" | "kongolesin" | "congolees" => {
            Some("may also mean COG (Republic of the Congo)")
        }
        "korean" | "korea" | "coree" | "coreen" | "coreenne" | "coreens" | "coreennes"
        | "koreanisch" | "koreanische" | "koreanischer" | "koreanischen" | "koreanisches"
        | "koreaner" | "koreanerin" | "koreaans" | "koreaanse" => {
            Some("may also mean PRK (North Korea)")
        }
        "dominican" => Some("may also mean DMA (Dominica)"),
        "na" => Some("may also mean 'not available'"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Filler words, Kurdish words, conjunctions (the lists are in data.rs)
// ---------------------------------------------------------------------------------------

fn strip_prefix_word<'a>(q: &'a str, w: &str) -> Option<&'a str> {
    let rest = q.strip_prefix(w)?;
    if rest.is_empty() {
        Some(rest)
    } else {
        rest.strip_prefix(' ')
    }
}

fn strip_suffix_word<'a>(q: &'a str, w: &str) -> Option<&'a str> {
    let rest = q.strip_suffix(w)?;
    if rest.is_empty() {
        Some(rest)
    } else {
        rest.strip_suffix(' ')
    }
}

fn strip_fillers(mut q: &str) -> &str {
    for _ in 0..MAX_STRIP {
        let before = q.len();
        for w in PREFIXES.iter().chain(FILLERS) {
            if let Some(r) = strip_prefix_word(q, w) {
                q = r;
            }
        }
        for w in FILLERS {
            if let Some(r) = strip_suffix_word(q, w) {
                q = r;
            }
        }
        if q.len() == before || q.is_empty() {
            break;
        }
    }
    q
}

/// Strip Kurdish words from both ends (and the filler words they expose).
fn strip_kurdish(mut q: &str) -> (&str, bool) {
    let mut found = false;
    for _ in 0..MAX_STRIP {
        let before = q.len();
        for w in KURD_WORDS {
            if let Some(r) = strip_prefix_word(q, w) {
                q = r;
            }
            if let Some(r) = strip_suffix_word(q, w) {
                q = r;
            }
        }
        if q.len() == before {
            break;
        }
        found = true;
        q = strip_fillers(q);
        if q.is_empty() {
            break;
        }
    }
    (q, found)
}

/// Split at conjunction words inside the text; `None` unless there are two or more pieces.
fn split_conjunctions(q: &str) -> Option<Vec<&str>> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for word in q.split(' ') {
        let end = pos + word.len();
        if pieces.len() + 1 >= MAX_PIECES {
            break;
        }
        if CONJUNCTIONS.contains(&word) {
            if pos > start {
                pieces.push(q[start..pos].trim());
            }
            start = (end + 1).min(q.len());
        }
        pos = (end + 1).min(q.len());
    }
    let last = q[start..].trim();
    if !last.is_empty() {
        pieces.push(last);
    }
    (pieces.len() >= 2).then_some(pieces)
}

// ---------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------

const MAX_CUTS: usize = 8;

/// Folded text: lower-case ASCII words separated by single spaces, plus the byte offsets of
/// the spaces that came from a separator (`/`, `,`, `(`, …).
struct Normalised {
    text: String,
    cuts: [usize; MAX_CUTS],
    n_cuts: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Sep {
    None,
    Space,
    Cut,
}

struct Folder {
    out: String,
    cuts: [usize; MAX_CUTS],
    n_cuts: usize,
    pending: Sep,
    /// Separator before the current word.
    before: Sep,
    word_len: usize,
    prev_word_len: usize,
}

impl Folder {
    fn separator(&mut self, sep: Sep) {
        self.end_word();
        self.pending = self.pending.max(sep);
    }

    fn letter(&mut self, b: u8) {
        if self.word_len == 0 && !self.out.is_empty() {
            let sep = self.pending.max(Sep::Space);
            self.out.push(' ');
            if sep == Sep::Cut && self.n_cuts < MAX_CUTS {
                self.cuts[self.n_cuts] = self.out.len() - 1;
                self.n_cuts += 1;
            }
            self.before = sep;
        }
        self.pending = Sep::None;
        self.out.push(char::from(b.to_ascii_lowercase()));
        self.word_len += 1;
    }

    /// Join runs of one-letter words: "u k" -> "uk", "r d c" -> "rdc".
    fn end_word(&mut self) {
        if self.word_len == 0 {
            return;
        }
        if self.word_len == 1 && self.prev_word_len == 1 && self.before == Sep::Space {
            let at = self.out.len() - 2;
            if self.out.as_bytes().get(at) == Some(&b' ') {
                self.out.remove(at);
            }
        }
        self.prev_word_len = self.word_len;
        self.word_len = 0;
    }

    fn ascii(&mut self, c: char) {
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' => self.letter(c as u8),
            '/' | ',' | ';' | '|' | '+' | '(' | ')' | '[' | ']' | '{' | '}' | '\n' | '\r' => {
                self.separator(Sep::Cut)
            }
            '&' => {
                self.separator(Sep::Space);
                for b in *b"and" {
                    self.letter(b);
                }
                self.separator(Sep::Space);
            }
            _ => self.separator(Sep::Space),
        }
    }
}

fn normalise(raw: &str) -> Normalised {
    let mut f = Folder {
        out: String::with_capacity(raw.len() + 4),
        cuts: [0; MAX_CUTS],
        n_cuts: 0,
        pending: Sep::None,
        before: Sep::None,
        word_len: 0,
        prev_word_len: 0,
    };
    for c in raw.chars() {
        if c.is_ascii() {
            f.ascii(c);
        } else if let Some(t) = deunicode::deunicode_char(c) {
            let letters = c.is_alphanumeric();
            for d in t.chars() {
                if !d.is_ascii() || (!letters && d.is_ascii_alphanumeric()) {
                    // Symbols and emoji transliterate to words; keep them as separators.
                    f.separator(Sep::Space);
                } else {
                    f.ascii(d);
                }
            }
        } else {
            f.separator(Sep::Space);
        }
    }
    f.end_word();
    Normalised {
        text: f.out,
        cuts: f.cuts,
        n_cuts: f.n_cuts,
    }
}

// ---------------------------------------------------------------------------------------
// Misspellings
// ---------------------------------------------------------------------------------------

enum Near {
    Unique(&'static str),
    Tie(&'static str, &'static str),
    Nothing,
}

fn nearest(lex: &Lexicon, q: &str) -> Near {
    let n = q.len();
    if n < 5 || n + 2 >= ROW {
        return Near::Nothing;
    }
    let max = if n >= 8 { 2 } else { 1 };
    let q_mask = letter_mask(q);
    let q_counts = letter_counts(q);
    let mut best: Option<(usize, &'static str, Option<&'static str>)> = None;
    // Nearest lengths first, so that a close key found early tightens the limit.
    for len in [n, n - 1, n + 1, n - 2, n + 2] {
        if len.abs_diff(n) > best.map_or(max, |b| b.0) {
            continue;
        }
        let Some(bucket) = lex.by_len.get(len) else {
            continue;
        };
        for fk in bucket {
            let (key, code, mask, counts) = (&fk.key, fk.code, fk.mask, &fk.counts);
            let limit = best.map_or(max, |b| b.0);
            // One edit changes at most two letters of the set: a cheap lower bound.
            if ((q_mask ^ mask).count_ones() as usize).div_ceil(2) > limit {
                continue;
            }
            // One edit changes the letter counts by at most two: a tighter lower bound.
            let l1: usize = q_counts
                .iter()
                .zip(counts)
                .map(|(&x, &y)| usize::from(x.abs_diff(y)))
                .sum();
            if l1.div_ceil(2) > limit {
                continue;
            }
            let Some(d) = osa_within(q.as_bytes(), key.as_bytes(), limit) else {
                continue;
            };
            match &mut best {
                Some((bd, c, second)) if d == *bd => {
                    if *c != code && second.is_none() {
                        *second = Some(code);
                    }
                }
                _ => best = Some((d, code, None)),
            }
        }
    }
    match best {
        Some((_, c, None)) => Near::Unique(c),
        Some((_, a, Some(b))) => Near::Tie(a, b),
        None => Near::Nothing,
    }
}

/// Letter counts of a folded string (a-z, then digits, then anything else).
fn letter_counts(s: &str) -> [u8; 28] {
    let mut c = [0u8; 28];
    for b in s.bytes() {
        let i = match b {
            b'a'..=b'z' => usize::from(b - b'a'),
            b'0'..=b'9' => 26,
            _ => 27,
        };
        c[i] = c[i].saturating_add(1);
    }
    c
}

/// Letters (and digits, and space) present in a folded string, one bit each.
fn letter_mask(s: &str) -> u32 {
    s.bytes().fold(0, |m, b| {
        m | match b {
            b'a'..=b'z' => 1 << (b - b'a'),
            b'0'..=b'9' => 1 << 26,
            _ => 1 << 27,
        }
    })
}

/// Optimal-string-alignment (restricted Damerau-Levenshtein) distance, if at most `limit`
/// (rapidfuzz's, as in the linker's code comparison).
fn osa_within(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    osa::distance_with_args(
        a.iter().copied(),
        b.iter().copied(),
        &osa::Args::default().score_cutoff(limit),
    )
}

// ---------------------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------------------

struct Lexicon {
    map: HashMap<String, &'static str>,
    /// Keys by byte length, for the fuzzy search.
    by_len: Vec<Vec<FuzzyKey>>,
}

/// A lexicon key with the letter statistics the fuzzy search filters on.
struct FuzzyKey {
    key: String,
    code: &'static str,
    mask: u32,
    counts: [u8; 28],
}

impl Lexicon {
    fn get(&self, key: &str) -> Option<&'static str> {
        self.map.get(key).copied()
    }
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: HashMap<String, &'static str> = HashMap::with_capacity(8192);
        for (key, code) in lexicon_entries() {
            // First entry wins; the tests assert that no key names two codes.
            map.entry(key).or_insert(code);
        }
        let mut by_len: Vec<Vec<FuzzyKey>> = (0..ROW).map(|_| Vec::new()).collect();
        for (key, &code) in &map {
            if let Some(bucket) = by_len.get_mut(key.len()) {
                bucket.push(FuzzyKey {
                    key: key.clone(),
                    code,
                    mask: letter_mask(key),
                    counts: letter_counts(key),
                });
            }
        }
        for bucket in &mut by_len {
            // Deterministic order, so a tie always reports the same pair.
            bucket.sort_unstable_by(|a, b| a.key.cmp(&b.key));
        }
        Lexicon { map, by_len }
    })
}

/// Every (folded key, code) pair in the tables, in order, duplicates included.
fn lexicon_entries() -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::with_capacity(12_000);
    for &(a2, a3, name) in ISO.iter() {
        add(&mut out, a2, a3);
        add(&mut out, a3, a3);
        add(&mut out, name, a3);
    }
    for row in FORMS {
        let mut fields = row.split(';').map(str::trim);
        let Some(code) = fields.next() else { continue };
        let Some(code) = static_code(code) else {
            continue;
        };
        let mut next = || fields.next().unwrap_or("");
        let (en, fr, fr_names, de, de_names, nl, nl_names) =
            (next(), next(), next(), next(), next(), next(), next());
        for form in items(en).chain(items(fr_names)).chain(items(de_names)) {
            add(&mut out, form, code);
        }
        for form in items(nl_names) {
            add(&mut out, form, code);
        }
        for adj in items(fr) {
            for form in french_forms(adj) {
                add(&mut out, &form, code);
            }
        }
        for stem in items(de) {
            for end in ["", "e", "er", "en", "es"] {
                add(&mut out, &format!("{stem}{end}"), code);
            }
        }
        for adj in items(nl) {
            let (base, e_form) = match adj.split_once('|') {
                Some((b, e)) => (b.trim(), e.trim().to_string()),
                None => (adj, dutch_e_form(adj)),
            };
            add(&mut out, base, code);
            add(&mut out, &e_form, code);
        }
    }
    for &(code, list) in SPECIAL {
        for form in items(list) {
            add(&mut out, form, code);
        }
    }
    for &w in KURD_WORDS {
        add(&mut out, w, KURD);
    }
    out
}

/// The `'static` code from the tables for a code written in a `FORMS` row.
fn static_code(code: &str) -> Option<&'static str> {
    ISO.iter()
        .map(|&(_, a3, _)| a3)
        .chain(EXTRA_NAMES.iter().map(|&(a3, _)| a3))
        .find(|&a3| a3 == code)
}

fn items(list: &str) -> impl Iterator<Item = &str> {
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Add a form (folded) and, if it has German umlauts, its spelled-out variant.
fn add(out: &mut Vec<(String, &'static str)>, form: &str, code: &'static str) {
    let key = normalise(form).text;
    if !key.is_empty() {
        out.push((key, code));
    }
    if form.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) {
        let mut spelled = String::with_capacity(form.len() + 4);
        for c in form.chars() {
            match c {
                'ä' | 'Ä' => spelled.push_str("ae"),
                'ö' | 'Ö' => spelled.push_str("oe"),
                'ü' | 'Ü' => spelled.push_str("ue"),
                _ => spelled.push(c),
            }
        }
        let key = normalise(&spelled).text;
        if !key.is_empty() {
            out.push((key, code));
        }
    }
}

/// French masculine, feminine, masculine plural, feminine plural. `m|f` gives the feminine.
fn french_forms(adj: &str) -> [String; 4] {
    let (m, f) = match adj.split_once('|') {
        Some((m, f)) => (m.trim().to_string(), f.trim().to_string()),
        None => {
            let f = if adj.ends_with('e') {
                adj.to_string()
            } else if adj.ends_with("en") || adj.ends_with("on") {
                format!("{adj}ne")
            } else {
                format!("{adj}e")
            };
            (adj.to_string(), f)
        }
    };
    let mpl = if m.ends_with('s') || m.ends_with('x') {
        m.clone()
    } else {
        format!("{m}s")
    };
    let fpl = format!("{f}s");
    [m, f, mpl, fpl]
}

/// Dutch inflected adjective: `Iraaks` -> `Iraakse`, `Chinees` -> `Chinese`.
fn dutch_e_form(base: &str) -> String {
    if base.ends_with('e') {
        return base.to_string();
    }
    let chars: Vec<char> = base.chars().collect();
    let n = chars.len();
    if n >= 4 {
        let (v1, v2, c) = (chars[n - 3], chars[n - 2], chars[n - 1]);
        if v1 == v2 && "aeou".contains(v1) && !"aeiouy".contains(c) {
            let mut s: String = chars[..n - 2].iter().collect();
            s.push(c);
            s.push('e');
            return s;
        }
    }
    format!("{base}e")
}

#[cfg(test)]
mod tests;
