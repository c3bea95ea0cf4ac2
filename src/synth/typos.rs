//! Keyboard and OCR typos: one or two edits that always change the text.

use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// QWERTY neighbours of each lower-case letter.
fn keyboard_neighbours(c: char) -> &'static str {
    match c {
        'a' => "qwsz",
        'b' => "vghn",
        'c' => "xdfv",
        'd' => "serfcx",
        'e' => "wsdr",
        'f' => "drtgvc",
        'g' => "ftyhbv",
        'h' => "gyujnb",
        'i' => "ujko",
        'j' => "huikmn",
        'k' => "jiolm",
        'l' => "kop",
        'm' => "njk",
        'n' => "bhjm",
        'o' => "iklp",
        'p' => "ol",
        'q' => "wa",
        'r' => "edft",
        's' => "awedxz",
        't' => "rfgy",
        'u' => "yhji",
        'v' => "cfgb",
        'w' => "qase",
        'x' => "zsdc",
        'y' => "tghu",
        'z' => "asx",
        _ => "",
    }
}

/// Character pairs that OCR of passports and scanned forms confuses.
const OCR_CONFUSIONS: &[(&str, &str)] = &[
    ("rn", "m"),
    ("m", "rn"),
    ("cl", "d"),
    ("l", "i"),
    ("i", "l"),
    ("o", "c"),
    ("e", "c"),
    ("h", "b"),
    ("u", "v"),
];

fn match_case(template: char, c: char) -> char {
    if template.is_uppercase() {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

fn one_edit(rng: &mut ChaCha8Rng, word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let letters: Vec<usize> = (0..chars.len())
        .filter(|&i| chars[i].is_alphabetic())
        .collect();
    if letters.is_empty() {
        return format!("{word}x");
    }
    let &at = letters.choose(rng).unwrap();
    let lower = chars[at].to_lowercase().next().unwrap_or(chars[at]);
    let mut out = chars.clone();
    match rng.random_range(0..10) {
        // substitution by a neighbouring key
        0..=3 => {
            let nb: Vec<char> = keyboard_neighbours(lower).chars().collect();
            let c = nb.choose(rng).copied().unwrap_or('e');
            out[at] = match_case(chars[at], c);
        }
        // deletion
        4 | 5 if chars.len() > 2 => {
            out.remove(at);
        }
        // transposition with the next letter
        6 | 7 if at + 1 < chars.len() && chars[at] != chars[at + 1] => {
            out.swap(at, at + 1);
        }
        // OCR confusion somewhere in the word
        8 => {
            let lowered: String = word.to_lowercase();
            let options: Vec<&(&str, &str)> = OCR_CONFUSIONS
                .iter()
                .filter(|(from, _)| lowered.contains(from))
                .collect();
            if let Some((from, to)) = options.choose(rng) {
                if let Some(pos) = lowered.find(from) {
                    // positions in `lowered` map to `word` only for ASCII words
                    if word.is_ascii() {
                        let replaced: String = to
                            .chars()
                            .map(|c| match_case(word.as_bytes()[pos] as char, c))
                            .collect();
                        return format!(
                            "{}{}{}",
                            &word[..pos],
                            replaced,
                            &word[pos + from.len()..]
                        );
                    }
                }
            }
            out.insert(at, chars[at]);
        }
        // insertion: a doubled letter
        _ => out.insert(at, chars[at]),
    }
    out.into_iter().collect()
}

/// Applies one edit (80 %) or two (20 %) and guarantees the result differs.
pub fn typo(rng: &mut ChaCha8Rng, word: &str) -> String {
    let edits = if rng.random_bool(0.2) { 2 } else { 1 };
    let mut out = word.to_string();
    for _ in 0..edits {
        out = one_edit(rng, &out);
    }
    if out == word {
        out = format!("{word}{}", word.chars().last().unwrap_or('e'));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn levenshtein(a: &str, b: &str) -> usize {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    #[test]
    fn typos_change_the_word_by_a_few_edits() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        for word in [
            "Mohammed",
            "Kaiwan",
            "NGUYEN",
            "Gebre Medhin",
            "Al-Hassan",
            "Lê",
            "O",
        ] {
            for _ in 0..200 {
                let t = typo(&mut rng, word);
                assert_ne!(t, word);
                let d = levenshtein(&t, word);
                assert!((1..=4).contains(&d), "{word} -> {t}: {d}");
            }
        }
    }
}
