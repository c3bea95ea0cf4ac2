//! True persons of one smuggling network: names, birth dates, nationality, phones,
//! aliases, sibling groups and the deliberate hard negatives.

use chrono::NaiveDate;
use rand::seq::IndexedRandom;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{Naming, Variants};
use super::objects::Phone;
use super::origins::{Origin, NETWORK_ORIGINS};

pub static ABU: Variants = Variants {
    en: "Abu",
    fr: "Abou",
    de: "Abu",
    other: &["Abo"],
};

#[derive(Debug, Clone)]
pub struct NameParts {
    /// Given names in written order; for Vietnamese the middle name comes first.
    pub given: Vec<&'static Variants>,
    /// None for single-name persons.
    pub family: Option<&'static Variants>,
}

#[derive(Debug, Clone)]
pub struct Person {
    pub origin: Origin,
    pub female: bool,
    pub name: NameParts,
    /// Father's name, added as a second given name by some officers.
    pub father: &'static Variants,
    pub dob: NaiveDate,
    /// False when the person's birth date is unknown (documents give only a year).
    pub dob_known: bool,
    pub nationality: &'static str,
    pub kurdish: bool,
    pub phones: Vec<Phone>,
    pub aliases: Vec<NameParts>,
    pub role: &'static str,
    pub sibling_group: Option<u32>,
    pub common_name_placeholder: bool,
}

/// Index drawn with Zipf-like weights 1/(i+1): the first names of a pool are the common ones.
pub fn zipf_index(rng: &mut ChaCha8Rng, n: usize) -> usize {
    let total: f64 = (1..=n).map(|i| 1.0 / i as f64).sum();
    let mut u = rng.random::<f64>() * total;
    for i in 0..n {
        u -= 1.0 / (i + 1) as f64;
        if u <= 0.0 {
            return i;
        }
    }
    n - 1
}

pub fn zipf_pick(rng: &mut ChaCha8Rng, pool: &'static [Variants]) -> &'static Variants {
    &pool[zipf_index(rng, pool.len())]
}

pub fn weighted<T: Copy>(rng: &mut ChaCha8Rng, items: &[(T, f64)]) -> T {
    let total: f64 = items.iter().map(|(_, w)| w).sum();
    let mut u = rng.random::<f64>() * total;
    for &(item, w) in items {
        u -= w;
        if u <= 0.0 {
            return item;
        }
    }
    items[items.len() - 1].0
}

fn given_pool(origin: Origin, female: bool) -> &'static [Variants] {
    let pool = origin.pool();
    if female {
        pool.female
    } else {
        pool.male
    }
}

fn draw_name(
    rng: &mut ChaCha8Rng,
    origin: Origin,
    female: bool,
    father: &'static Variants,
) -> NameParts {
    let pool = origin.pool();
    let first = zipf_pick(rng, given_pool(origin, female));
    match pool.naming {
        Naming::FamilyFirst => {
            let middle_pool = if female {
                pool.middle_female
            } else {
                pool.middle_male
            };
            NameParts {
                given: vec![zipf_pick(rng, middle_pool), first],
                family: Some(zipf_pick(rng, pool.family)),
            }
        }
        Naming::OftenSingle if rng.random_bool(0.35) => NameParts {
            given: vec![first],
            family: None,
        },
        Naming::Patronymic => {
            // The father's name serves as surname, or a clan name where the pool has some.
            let family = if pool.family.is_empty() || rng.random_bool(0.7) {
                father
            } else {
                zipf_pick(rng, pool.family)
            };
            NameParts {
                given: vec![first],
                family: Some(family),
            }
        }
        _ => {
            let mut given = vec![first];
            if rng.random_bool(0.15) {
                let second = zipf_pick(rng, given_pool(origin, female));
                if !std::ptr::eq(second, first) {
                    given.push(second);
                }
            }
            NameParts {
                given,
                family: Some(zipf_pick(rng, pool.family)),
            }
        }
    }
}

fn birth_date(rng: &mut ChaCha8Rng, year: i32) -> NaiveDate {
    let day0 = NaiveDate::from_ymd_opt(year, 1, 1).expect("valid year");
    day0 + chrono::Duration::days(rng.random_range(0..365))
}

fn birth_year(rng: &mut ChaCha8Rng) -> i32 {
    // Roughly normal around 1990 (sum of uniforms), adults of 19 to 60 in 2025.
    let z: f64 = (0..4).map(|_| rng.random::<f64>()).sum::<f64>() - 2.0;
    (1990.0 + z * 12.0).round().clamp(1965.0, 2006.0) as i32
}

fn draw_alias(rng: &mut ChaCha8Rng, person: &Person) -> NameParts {
    let arabic = matches!(
        person.origin,
        Origin::IraqiKurdish | Origin::Syrian | Origin::Sudanese | Origin::Afghan | Origin::Iranian
    );
    match rng.random_range(0..3) {
        // a kunya: "Abu Karim"
        0 if arabic && !person.female => NameParts {
            given: vec![&ABU],
            family: Some(zipf_pick(rng, person.origin.pool().male)),
        },
        // another given name with the same family name
        1 => NameParts {
            given: vec![zipf_pick(rng, given_pool(person.origin, person.female))],
            family: person.name.family,
        },
        _ => {
            let father = zipf_pick(rng, person.origin.pool().male);
            draw_name(rng, person.origin, person.female, father)
        }
    }
}

const ROLES: [(&str, f64); 5] = [
    ("facilitator", 0.35),
    ("pilot", 0.2),
    ("recruiter", 0.15),
    ("logistics", 0.2),
    ("money", 0.1),
];

/// Draws the members of one network of `size` people.
pub fn draw_network(rng: &mut ChaCha8Rng, size: usize, rates_alias: f64) -> Vec<Person> {
    let dominant = weighted(rng, &NETWORK_ORIGINS);
    let mut people: Vec<Person> = (0..size)
        .map(|i| {
            let origin = match rng.random::<f64>() {
                u if u < 0.80 => dominant,
                u if u < 0.90 => *[Origin::British, Origin::French].choose(rng).unwrap(),
                _ => weighted(rng, &NETWORK_ORIGINS),
            };
            let female = rng.random_bool(0.08);
            let father = zipf_pick(rng, origin.pool().male);
            let mut name = draw_name(rng, origin, female, father);
            let mut dob_known = !rng.random_bool(0.08);
            let mut year = birth_year(rng);
            // Hard negatives: the most common name of the origin, birth date unknown, born
            // in the mid-1990s. Such people share name and placeholder date by the dozen.
            let common = origin.transliterated() && rng.random_bool(0.04);
            if common {
                let pool = origin.pool();
                let family = if pool.family.is_empty() {
                    &pool.male[0]
                } else {
                    &pool.family[0]
                };
                name = NameParts {
                    given: vec![&given_pool(origin, female)[0]],
                    family: Some(family),
                };
                dob_known = false;
                year = rng.random_range(1993..=1998);
            }
            let phone_count = if rng.random_bool(0.3) { 2 } else { 1 };
            let phones = (0..phone_count)
                .map(|_| {
                    let region = weighted(rng, origin.phone_regions());
                    Phone::random(rng, region)
                })
                .collect();
            let role = if i == 0 || (i == 1 && size > 10) {
                "organiser"
            } else {
                weighted(rng, &ROLES)
            };
            Person {
                origin,
                female,
                name,
                father,
                dob: birth_date(rng, year),
                dob_known,
                nationality: origin.nationality(),
                kurdish: origin == Origin::IraqiKurdish
                    || (origin == Origin::Iranian && rng.random_bool(0.2)),
                phones,
                aliases: Vec::new(),
                role,
                sibling_group: None,
                common_name_placeholder: common,
            }
        })
        .collect();

    add_siblings(rng, &mut people);
    for person in people.iter_mut() {
        if rng.random_bool(rates_alias) {
            let n = if rng.random_bool(0.25) { 2 } else { 1 };
            for _ in 0..n {
                let alias = draw_alias(rng, person);
                person.aliases.push(alias);
            }
        }
    }
    people
}

/// Siblings: same family name and father, birth dates one to four years apart, one
/// household phone. They are different people that look alike on purpose.
fn add_siblings(rng: &mut ChaCha8Rng, people: &mut [Person]) {
    if people.len() < 4 || !rng.random_bool(0.35) {
        return;
    }
    let anchor = rng.random_range(0..people.len());
    let origin = people[anchor].origin;
    let same_origin: Vec<usize> = (0..people.len())
        .filter(|&i| {
            i != anchor && people[i].origin == origin && !people[i].common_name_placeholder
        })
        .collect();
    if same_origin.is_empty() || people[anchor].name.family.is_none() {
        return;
    }
    let n = if same_origin.len() > 1 && rng.random_bool(0.3) {
        2
    } else {
        1
    };
    let chosen: Vec<usize> = same_origin.choose_multiple(rng, n).copied().collect();
    let family = people[anchor].name.family;
    let father = people[anchor].father;
    let phone = people[anchor].phones[0].clone();
    let base = people[anchor].dob;
    let anchor_known = people[anchor].dob_known;
    people[anchor].sibling_group = Some(0);
    for (k, &i) in chosen.iter().enumerate() {
        let sib = &mut people[i];
        sib.name.family = family;
        sib.father = father;
        let gap_years = (k as i64 + 1) * rng.random_range(1..=2);
        sib.dob = base + chrono::Duration::days(365 * gap_years + rng.random_range(-60..60));
        sib.dob_known = anchor_known || rng.random_bool(0.5);
        sib.phones[0] = phone.clone();
        sib.sibling_group = Some(0);
    }
}
