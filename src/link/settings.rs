//! Model settings: plain, versioned data that round-trips through JSON. They say what to
//! compare, how to block and where to cut; the trained parameters live in `model`.

use serde::{Deserialize, Serialize};

use crate::errors::{CoreError, Result};

/// Bumped when the JSON layout changes incompatibly.
pub const SETTINGS_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkType {
    /// One set of records: find the duplicates within it.
    Dedupe,
    /// Two sets: pair records across them only (each set assumed free of duplicates).
    Link,
    /// Two sets: pair records across and within them.
    LinkAndDedupe,
}

/// One comparison of the model. The person comparisons read the standardised fields;
/// the generic ones read a column of the caller's records (normalised: folded to ASCII,
/// lower case, single spaces).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ComparisonSpec {
    /// Names: transliteration keys, token order, typos, compounds, aliases.
    Name {
        #[serde(default = "yes")]
        term_frequency: bool,
    },
    /// Date of birth: placeholders, year-only, day/month swaps, off by one.
    DateOfBirth {},
    /// Nationality (ISO alpha-3); disagreement is weak evidence.
    Nationality {},
    /// Any shared phone number (E.164).
    Phone {
        #[serde(default = "yes")]
        term_frequency: bool,
    },
    Gender {},
    /// Free text (an address, an e-mail, a town): exact, then Jaro-Winkler bands.
    Text {
        column: String,
        #[serde(default = "default_text_thresholds")]
        thresholds: Vec<f64>,
        #[serde(default = "yes")]
        term_frequency: bool,
    },
    /// A code (an id number, a postcode, a hull number): exact, one edit, two edits.
    Code {
        column: String,
        #[serde(default = "yes")]
        term_frequency: bool,
    },
    /// Agrees or not (a region, a category).
    Exact {
        column: String,
        #[serde(default = "yes")]
        term_frequency: bool,
    },
}

fn yes() -> bool {
    true
}

// Measured on synthetic data (1M records: 87M -> 45M pairs) and FEBRL 2/4 and fake_1000
// (F1 unchanged to four places) against the former 100 / 30.
fn default_block_window() -> usize {
    15
}

fn default_text_thresholds() -> Vec<f64> {
    vec![0.92, 0.8]
}

/// Records sharing a key under a rule are candidate pairs; rules are OR-ed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum BlockingRule {
    /// A name (or alias) key and the birth year.
    NameKeyAndYear,
    /// Two name keys, whatever the dates.
    TwoNameKeys,
    /// The nickname group of one name token and the key of another (Tom Smith and
    /// Thomas Smith share the group of thomas and the key of smith), whatever the dates.
    NicknameAndNameKey,
    /// A name key and the day and month of birth (the year written wrong).
    NameKeyAndDayMonth,
    Phone,
    /// The full date of birth and the nationality where known (names badly mangled).
    DobAndNationality,
    /// The full date of birth (for data without nationalities).
    Dob,
    /// The same normalised value in every one of these columns.
    Columns {
        columns: Vec<String>,
    },
    /// A name (or alias) key and the same normalised value of a column (a town, a
    /// postcode): for records whose dates of birth are missing or mistyped.
    NameKeyAndColumn {
        column: String,
    },
    /// The same user name (the part of an e-mail address before the `@`): catches an
    /// address whose domain was mistyped or changed.
    EmailUser {
        column: String,
    },
}

impl BlockingRule {
    pub fn describe(&self) -> String {
        match self {
            BlockingRule::NameKeyAndYear => "name key + birth year".into(),
            BlockingRule::TwoNameKeys => "two name keys".into(),
            BlockingRule::NicknameAndNameKey => "nickname group + another name key".into(),
            BlockingRule::NameKeyAndDayMonth => "name key + day and month of birth".into(),
            BlockingRule::Phone => "phone".into(),
            BlockingRule::DobAndNationality => "date of birth + nationality (where known)".into(),
            BlockingRule::Dob => "date of birth".into(),
            BlockingRule::Columns { columns } => columns.join(" + "),
            BlockingRule::NameKeyAndColumn { column } => format!("name key + {column}"),
            BlockingRule::EmailUser { column } => format!("{column} user name"),
        }
    }

    /// The generic columns the rule reads.
    pub fn columns(&self) -> &[String] {
        match self {
            BlockingRule::Columns { columns } => columns,
            BlockingRule::EmailUser { column } | BlockingRule::NameKeyAndColumn { column } => {
                std::slice::from_ref(column)
            }
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub version: u32,
    pub link_type: LinkType,
    pub comparisons: Vec<ComparisonSpec>,
    pub blocking_rules: Vec<BlockingRule>,
    /// Match probability above which pairs may join an entity.
    pub threshold: f64,
    /// A scored pair below this probability vetoes merging its two clusters.
    pub veto: f64,
    /// Blocks with more records are not compared in full (and are reported): each record
    /// is compared with its `block_window` neighbours, sorted by name keys and date.
    pub max_block: usize,
    #[serde(default = "default_block_window")]
    pub block_window: usize,
    /// Random pairs drawn to estimate u.
    pub u_samples: usize,
    pub seed: u64,
    /// The earliest plausible year of birth for every source, overriding the profiles'
    /// (1900 for the agencies' suspects, none for `auto`): earlier dates are kept and
    /// compared, flagged `implausible`. `None`: each profile's own.
    #[serde(default)]
    pub earliest_birth_year: Option<i32>,
}

/// The canonical generic columns `for_people` compares when the records carry them.
pub const PERSON_ATTRIBUTES: [(&str, &str); 7] = [
    ("email", "text"),
    ("address", "text"),
    ("city", "text"),
    ("postcode", "code"),
    ("id_number", "code"),
    ("birthplace", "text"),
    ("occupation", "text"),
];

impl Settings {
    /// Defaults for the canonical person schema of standardisation: names, date of birth,
    /// nationality, phone and gender, plus e-mail, address, city, postcode, id number,
    /// birthplace and occupation.
    /// Comparisons whose inputs a data set lacks are dropped when the records are read.
    pub fn for_people(link_type: LinkType) -> Settings {
        let mut comparisons = vec![
            ComparisonSpec::Name {
                term_frequency: true,
            },
            ComparisonSpec::DateOfBirth {},
            ComparisonSpec::Nationality {},
            ComparisonSpec::Phone {
                term_frequency: true,
            },
            ComparisonSpec::Gender {},
        ];
        for (column, kind) in PERSON_ATTRIBUTES {
            let column = column.to_string();
            comparisons.push(match kind {
                "code" => ComparisonSpec::Code {
                    column,
                    term_frequency: true,
                },
                _ => ComparisonSpec::Text {
                    column,
                    thresholds: default_text_thresholds(),
                    term_frequency: true,
                },
            });
        }
        let mut blocking_rules = vec![
            BlockingRule::NameKeyAndYear,
            BlockingRule::TwoNameKeys,
            BlockingRule::NicknameAndNameKey,
            BlockingRule::NameKeyAndDayMonth,
            BlockingRule::Phone,
            BlockingRule::DobAndNationality,
        ];
        for column in ["email", "id_number"] {
            blocking_rules.push(BlockingRule::Columns {
                columns: vec![column.to_string()],
            });
        }
        blocking_rules.push(BlockingRule::EmailUser {
            column: "email".into(),
        });
        for column in ["city", "postcode", "birthplace"] {
            blocking_rules.push(BlockingRule::NameKeyAndColumn {
                column: column.into(),
            });
        }
        Settings {
            version: SETTINGS_VERSION,
            link_type,
            comparisons,
            blocking_rules,
            threshold: 0.5,
            // Two groups merge on their mean probability, so a veto only has to stop strong
            // contrary evidence (-10 bits); 0.01 held back true matches on FEBRL-like and
            // synthetic data alike (fake_1000 F1 0.930 -> 0.935, synthetic 20k 0.863 ->
            // 0.865).
            veto: 0.001,
            max_block: 40,
            block_window: default_block_window(),
            u_samples: 200_000,
            seed: 42,
            earliest_birth_year: None,
        }
    }

    pub fn from_json(json: &str) -> Result<Settings> {
        let settings: Settings = serde_json::from_str(json)
            .map_err(|e| CoreError::InvalidInput(format!("settings JSON: {e}")))?;
        settings.validate()?;
        Ok(settings)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("settings serialise")
    }

    /// How standardisation reads records extracted in `year` under these settings.
    pub fn reference(&self, year: i32) -> crate::standardise::Reference {
        crate::standardise::Reference {
            year,
            earliest_birth_year: self.earliest_birth_year,
        }
    }

    pub fn validate(&self) -> Result<()> {
        let bad = |msg: String| Err(CoreError::InvalidInput(format!("settings: {msg}")));
        if self.version != SETTINGS_VERSION {
            return bad(format!(
                "version {} is not supported (this caselink reads version {SETTINGS_VERSION})",
                self.version
            ));
        }
        if self.comparisons.is_empty() {
            return bad("at least one comparison is needed".into());
        }
        if self.comparisons.len() > super::levels::MAX_COMPARISONS {
            return bad(format!(
                "at most {} comparisons are supported, got {}",
                super::levels::MAX_COMPARISONS,
                self.comparisons.len()
            ));
        }
        let mut names: Vec<String> = self.comparisons.iter().map(|c| c.name()).collect();
        names.sort();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return bad(format!("comparison '{}' appears twice", w[0]));
        }
        if self.blocking_rules.is_empty() {
            return bad("at least one blocking rule is needed".into());
        }
        for c in &self.comparisons {
            if let ComparisonSpec::Text { thresholds, .. } = c {
                let ordered = thresholds.windows(2).all(|w| w[0] > w[1]);
                if thresholds.is_empty()
                    || !ordered
                    || thresholds.iter().any(|t| !(0.0..=1.0).contains(t))
                    || thresholds.len() + 2 > super::levels::MAX_LEVELS
                {
                    return bad(format!(
                        "comparison '{}': thresholds must be 1 to {} decreasing similarities in [0, 1], got {thresholds:?}",
                        c.name(),
                        super::levels::MAX_LEVELS - 2
                    ));
                }
            }
        }
        if let Some(rule) = self
            .blocking_rules
            .iter()
            .find(|r| matches!(r, BlockingRule::Columns { columns } if columns.is_empty()))
        {
            return bad(format!("blocking rule {rule:?} names no column"));
        }
        if !(0.0..=1.0).contains(&self.threshold) || !(0.0..=1.0).contains(&self.veto) {
            return bad(format!(
                "threshold and veto must be probabilities in [0, 1], got {} and {}",
                self.threshold, self.veto
            ));
        }
        if self.max_block < 2 {
            return bad(format!(
                "max_block must be at least 2, got {}",
                self.max_block
            ));
        }
        Ok(())
    }

    /// The settings for records that have only the inputs `has` says they have: the
    /// comparisons and rules of the person schema whose inputs are absent are dropped
    /// (their names are returned); an absent column named by the caller is an error.
    pub fn restrict_to(&self, has: impl Fn(&str) -> bool) -> Result<(Settings, Vec<String>)> {
        let canonical = |c: &str| PERSON_ATTRIBUTES.iter().any(|(name, _)| *name == c);
        let missing = |c: &String| -> Result<bool> {
            if has(c) {
                Ok(false)
            } else if canonical(c) {
                Ok(true)
            } else {
                Err(CoreError::ColumnNotFound {
                    column: c.clone(),
                    hint: "the settings compare or block on it; add it to the records or \
                           remove it from the settings"
                        .into(),
                })
            }
        };
        let mut out = self.clone();
        let mut dropped = Vec::new();
        out.comparisons.clear();
        for c in &self.comparisons {
            let absent = match (c.column(), c.person_input()) {
                (Some(column), _) => missing(column)?,
                (None, Some(input)) => !has(input),
                (None, None) => false,
            };
            if absent {
                dropped.push(c.name());
            } else {
                out.comparisons.push(c.clone());
            }
        }
        out.blocking_rules.clear();
        for r in &self.blocking_rules {
            let mut absent = false;
            for column in r.columns() {
                absent |= missing(column)?;
            }
            if absent {
                dropped.push(format!("blocking on {}", r.describe()));
            } else {
                out.blocking_rules.push(r.clone());
            }
        }
        out.validate()?;
        Ok((out, dropped))
    }

    /// Generic columns read by comparisons and blocking rules, in first-use order.
    pub fn generic_columns(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let from_comparisons = self.comparisons.iter().filter_map(|c| c.column());
        let from_rules = self.blocking_rules.iter().flat_map(|r| r.columns());
        for column in from_comparisons.chain(from_rules) {
            if !out.contains(column) {
                out.push(column.clone());
            }
        }
        out
    }
}

impl ComparisonSpec {
    /// The output name: `name`, `dob`, ... or the column of a generic comparison.
    pub fn name(&self) -> String {
        match self {
            ComparisonSpec::Name { .. } => "name".into(),
            ComparisonSpec::DateOfBirth {} => "dob".into(),
            ComparisonSpec::Nationality {} => "nationality".into(),
            ComparisonSpec::Phone { .. } => "phone".into(),
            ComparisonSpec::Gender {} => "gender".into(),
            ComparisonSpec::Text { column, .. }
            | ComparisonSpec::Code { column, .. }
            | ComparisonSpec::Exact { column, .. } => column.clone(),
        }
    }

    pub fn column(&self) -> Option<&String> {
        match self {
            ComparisonSpec::Text { column, .. }
            | ComparisonSpec::Code { column, .. }
            | ComparisonSpec::Exact { column, .. } => Some(column),
            _ => None,
        }
    }

    /// The standardisation input a person comparison needs (`None` for name: always there).
    pub fn person_input(&self) -> Option<&'static str> {
        match self {
            ComparisonSpec::DateOfBirth {} => Some("dob"),
            ComparisonSpec::Nationality {} => Some("nationality"),
            ComparisonSpec::Phone { .. } => Some("phone"),
            ComparisonSpec::Gender {} => Some("gender"),
            _ => None,
        }
    }

    /// Level labels, best first.
    pub fn level_labels(&self) -> Vec<String> {
        let fixed = |labels: &[&str]| labels.iter().map(|s| s.to_string()).collect();
        match self {
            ComparisonSpec::Name { .. } => fixed(&[
                "same name keys",
                "names alike (>= 0.95: a typo, a dropped name) or an alias",
                "a nickname or short form (Tom/Thomas), otherwise alike",
                "names somewhat alike (>= 0.88)",
                "one name key shared",
                "different names",
            ]),
            ComparisonSpec::DateOfBirth {} => fixed(&[
                "same date",
                "day/month swapped or year off by one",
                "same year (partial date)",
                "one wrong digit or within a month",
                "within a year",
                "different dates",
            ]),
            ComparisonSpec::Nationality {} => fixed(&["same nationality", "different nationality"]),
            ComparisonSpec::Phone { .. } => fixed(&["shared phone", "different phones"]),
            ComparisonSpec::Gender {} => fixed(&["same gender", "different gender"]),
            ComparisonSpec::Text { thresholds, .. } => {
                let mut out = vec!["exact".to_string()];
                out.extend(thresholds.iter().map(|t| format!("jaro-winkler >= {t}")));
                out.push("different".into());
                out
            }
            ComparisonSpec::Code { .. } => fixed(&["exact", "one edit", "two edits", "different"]),
            ComparisonSpec::Exact { .. } => fixed(&["exact", "different"]),
        }
    }

    pub fn term_frequency(&self) -> bool {
        match self {
            ComparisonSpec::Name { term_frequency }
            | ComparisonSpec::Phone { term_frequency }
            | ComparisonSpec::Text { term_frequency, .. }
            | ComparisonSpec::Code { term_frequency, .. }
            | ComparisonSpec::Exact { term_frequency, .. } => *term_frequency,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_json() {
        let s = Settings::for_people(LinkType::Dedupe);
        let back = Settings::from_json(&s.to_json()).unwrap();
        assert_eq!(s, back);
        assert!(s.to_json().contains("\"kind\": \"name\""));
        assert!(s.to_json().contains("\"rule\": \"nickname_and_name_key\""));
        let rule: BlockingRule =
            serde_json::from_str(r#"{"rule": "nickname_and_name_key"}"#).unwrap();
        assert_eq!(rule, BlockingRule::NicknameAndNameKey);
        assert_eq!(rule.describe(), "nickname group + another name key");
        assert!(rule.columns().is_empty());
    }

    #[test]
    fn optional_fields_take_defaults() {
        let json = r#"{"version": 1, "link_type": "link",
            "comparisons": [{"kind": "name"}, {"kind": "text", "column": "address"}],
            "blocking_rules": [{"rule": "columns", "columns": ["postcode"]}],
            "threshold": 0.9, "veto": 0.01, "max_block": 100, "u_samples": 1000, "seed": 1}"#;
        let s = Settings::from_json(json).unwrap();
        assert_eq!(s.generic_columns(), vec!["address", "postcode"]);
        assert_eq!(s.comparisons[1].level_labels().len(), 4);
    }

    #[test]
    fn misspelt_keys_are_rejected() {
        let mut value = serde_json::to_value(Settings::for_people(LinkType::Dedupe)).unwrap();
        value["treshold"] = serde_json::json!(0.9);
        let err = Settings::from_json(&value.to_string()).unwrap_err();
        assert!(err.to_string().contains("treshold"), "{err}");
        let mut value = serde_json::to_value(Settings::for_people(LinkType::Dedupe)).unwrap();
        value["comparisons"][5]["threshold"] = serde_json::json!([0.5]);
        let err = Settings::from_json(&value.to_string()).unwrap_err();
        assert!(err.to_string().contains("threshold"), "{err}");
    }

    #[test]
    fn invalid_settings_say_what_is_wrong() {
        let mut s = Settings::for_people(LinkType::Dedupe);
        s.version = 99;
        assert!(s.validate().unwrap_err().to_string().contains("version 99"));
        let mut s = Settings::for_people(LinkType::Dedupe);
        s.comparisons.push(ComparisonSpec::Gender {});
        assert!(s.validate().unwrap_err().to_string().contains("twice"));
        let err = Settings::from_json("{\"version\": 1}").unwrap_err();
        assert!(err.to_string().contains("settings JSON"), "{err}");
    }
}
