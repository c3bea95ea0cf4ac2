//! A trained model as tables an analyst reads: each comparison level's m, u and weight,
//! and how training went (each EM iteration, then the prior).
use super::model::{evidence_bits, Model};
use super::settings::Settings;
use crate::errors::{CoreError, Result};

/// One comparison level of a trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct LevelParameter {
    pub comparison: String,
    pub level: String,
    pub m: f64,
    pub u: f64,
    /// log2(m / u), bits.
    pub weight: f64,
}

/// One step of training: an EM iteration (`iteration` from 1), or the prior's estimate
/// (`iteration` 0, `session` "prior: <method>", `pairs` the pairs agreeing on its
/// comparisons, `match_share` the prior, no `change`).
#[derive(Debug, Clone, PartialEq)]
pub struct TrainingStep {
    pub session: String,
    pub pairs: usize,
    pub iteration: usize,
    pub match_share: f64,
    pub change: Option<f64>,
}

impl Model {
    /// Every level of every comparison, labelled by the settings the model was trained
    /// with (an error if their comparisons differ).
    pub fn parameters(&self, settings: &Settings) -> Result<Vec<LevelParameter>> {
        let mut out = Vec::new();
        for (c, name) in self.comparisons.iter().enumerate() {
            let spec = settings.comparisons.iter().find(|s| &s.name() == name);
            let labels = spec.map(|s| s.level_labels()).ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "the model's comparison '{name}' is not in the settings"
                ))
            })?;
            for (k, level) in labels.into_iter().enumerate() {
                let (m, u) = (self.m[c][k], self.u[c][k]);
                out.push(LevelParameter {
                    comparison: name.clone(),
                    level,
                    m,
                    u,
                    weight: evidence_bits(m, u),
                });
            }
        }
        Ok(out)
    }

    /// Every EM iteration of every session in order, then the prior's estimate.
    pub fn training_steps(&self) -> Vec<TrainingStep> {
        let mut out: Vec<TrainingStep> = self
            .history
            .iter()
            .flat_map(|s| {
                s.iterations
                    .iter()
                    .enumerate()
                    .map(|(i, &(share, change))| TrainingStep {
                        session: s.key.clone(),
                        pairs: s.pairs,
                        iteration: i + 1,
                        match_share: share,
                        change: Some(change),
                    })
            })
            .collect();
        if let Some(estimate) = &self.prior_estimate {
            out.push(TrainingStep {
                session: format!("prior: {}", estimate.method),
                pairs: estimate.agreeing_pairs,
                iteration: 0,
                match_share: self.prior,
                change: None,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use crate::link::dataset::Dataset;
    use crate::link::settings::{LinkType, Settings};
    use crate::link::train;
    use crate::synth::{generate, standardise_synthetic, SynthConfig};

    #[test]
    fn parameters_label_every_level_and_history_ends_with_the_prior() {
        let data = generate(&SynthConfig::new(300, 3)).unwrap();
        let std = standardise_synthetic(&data, 2025).unwrap();
        let settings = Settings::for_people(LinkType::Dedupe);
        let generic: Vec<Vec<Option<&str>>> = settings
            .generic_columns()
            .iter()
            .map(|_| vec![None; std.len()])
            .collect();
        let ds = Dataset::new(settings, &std, &generic, None);
        let model = train(&ds, None);
        let params = model.parameters(&ds.settings).unwrap();
        let levels: usize = ds
            .settings
            .comparisons
            .iter()
            .map(|c| c.level_labels().len())
            .sum();
        assert_eq!(params.len(), levels);
        for p in &params {
            assert_eq!(p.weight, (p.m / p.u).log2());
        }
        let steps = model.training_steps();
        let last = steps.last().unwrap();
        assert_eq!((last.iteration, last.match_share), (0, model.prior));
        assert!(last.session.starts_with("prior: "));
        assert!(steps[..steps.len() - 1]
            .iter()
            .all(|s| s.iteration >= 1 && s.change.is_some()));
        let mut other = ds.settings.clone();
        other.comparisons.pop();
        assert!(model.parameters(&other).is_err());
    }
}
